#include "source/writer.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "model/text.hpp"

namespace protopub::source {

using namespace protopub::model;

namespace {

using ascii::is_alpha;
using ascii::is_digit;

// "&amp;", "&#38;", "&#x26;": text that cmark would decode as a character reference.
bool looks_like_entity(std::string_view s) {
    if (s.size() < 3 || s[0] != '&') return false;
    std::size_t i = 1;
    if (s[i] == '#') ++i;
    std::size_t start = i;
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    return i > start && i < s.size() && s[i] == ';';
}

// "www." or "scheme://" at `i`: where GFM's autolink extension would make a link of
// plain text. Breaking the match with an escaped character keeps it text.
bool autolink_starts(std::string_view s, std::size_t i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) return false;
    auto lower_at = [&](std::string_view word) {
        if (s.size() - i < word.size()) return false;
        for (std::size_t k = 0; k < word.size(); ++k)
            if (std::tolower(static_cast<unsigned char>(s[i + k])) != word[k]) return false;
        return true;
    };
    return lower_at("www.") || lower_at("http://") || lower_at("https://") || lower_at("ftp://");
}

// A character escape_text must look at: one it escapes or replaces, or the w, h or f that
// may start an autolink. Every other byte (UTF-8 continuation bytes too) is copied as is.
constexpr auto thought_table = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("\n\r\\`*_[]<~@&|wWhHfF")) t[c] = true;
    return t;
}();
bool needs_thought(char c) { return thought_table[static_cast<unsigned char>(c)]; }

// Literal text as Markdown that reads back as exactly the same characters.
std::string escape_text(std::string_view s, bool in_table, bool in_link) {
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        // most text is plain words: copy a run of them at once
        std::size_t plain = i;
        while (plain < s.size() && !needs_thought(s[plain])) ++plain;
        if (plain > i) {
            out.append(s.data() + i, plain - i);
            i = plain;
            if (i == s.size()) break;
        }
        const char c = s[i];
        // (only a w, h or f can start one: the others are not looked at further)
        const char lower = static_cast<char>(c | 0x20);
        if (!in_link && (lower == 'w' || lower == 'h' || lower == 'f') && autolink_starts(s, i)) {
            // "www." -> "www\." and "https://" -> "https\://": no autolink, same text
            std::size_t cut = s.find_first_of(".:", i);
            out.append(s.substr(i, cut - i));
            out += '\\';
            out += s[cut];
            i = cut;
            continue;
        }
        switch (c) {
            case '\n':
            case '\r':
                // a text inline is one line (breaks are inlines of their own); a line end
                // in it ("\n## 9. x" from a Word w:t) would start a block of its own
                out += ' ';
                break;
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '~':
                out += '\\';
                out += c;
                break;
            case '@':
                // an e-mail address would become a mailto: link
                out += "\\@";
                break;
            case '&': out += looks_like_entity(s.substr(i)) ? "\\&" : "&"; break;
            case '|': out += in_table ? "\\|" : "|"; break;
            default: out += c;
        }
    }
    return out;
}

// The start of a paragraph must not read as a block marker, a clause number or a
// sub-item label: "1. x" would be a list, "4.2 x" a clause, "(a) x" a sub-item.
std::string escape_line_start(std::string text) {
    // leading spaces are not part of a paragraph (and four would make a code block)
    text.erase(0, text.find_first_not_of(' '));
    if (text.empty()) return text;
    const char c = text[0];
    if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == '|') return "\\" + text;
    std::size_t i = 0;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i > 0 && i < text.size() && (text[i] == '.' || text[i] == ')')) {
        text.insert(i, 1, '\\');
        return text;
    }
    // a label: "(a) " "a) " "iv. "
    std::size_t j = c == '(' ? 1 : 0;
    std::size_t k = j;
    while (k < text.size() && is_alpha(text[k]) && k - j < 6) ++k;
    if (k > j && k < text.size() && (text[k] == ')' || text[k] == '.') && k + 1 < text.size() && text[k + 1] == ' ') {
        text.insert(c == '(' ? 0 : k, 1, '\\');
    }
    return text;
}

// `in_link`: inside a link's words, where GFM makes no further links.
std::string write_inlines(const Inlines& inlines, bool in_table = false, bool in_link = false);

// Emphasis must not start or end with white space (CommonMark flanking rules), so
// spaces at the edges of an emphasised run are written outside the markers.
std::string wrap(const Inlines& children, const std::string& marker, bool in_table, bool in_link) {
    std::string inner = write_inlines(children, in_table, in_link);
    std::size_t b = inner.find_first_not_of(' ');
    if (b == std::string::npos) return inner;
    std::size_t e = inner.find_last_not_of(' ') + 1;
    return inner.substr(0, b) + marker + inner.substr(b, e - b) + marker + inner.substr(e);
}

std::string write_code(const std::string& text) {
    std::size_t longest = 0, run = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string fence(longest + 1, '`');
    bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
    return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
}

std::string write_link(const Inline& in, bool in_table) {
    const std::string words = plain_text(in.children);
    const bool plain_children = in.children.size() == 1 && in.children[0].kind == InlineKind::text;
    if (plain_children && (words == in.target || "mailto:" + words == in.target) &&
        in.target.find_first_of(" <>") == std::string::npos)
        return "<" + words + ">";
    std::string target = in.target;
    if (target.find_first_of(" ()<>\\\n\r") != std::string::npos) {
        // <...> holds spaces and parentheses; '<', '>' and '\' inside are escaped, and a line
        // end, which no destination may hold, is written as %0A
        std::string quoted = "<";
        for (char c : target) {
            if (c == '<' || c == '>' || c == '\\') quoted += '\\';
            if (c == '\n' || c == '\r')
                quoted += c == '\n' ? "%0A" : "%0D";
            else
                quoted += c;
        }
        target = quoted + ">";
    }
    return "[" + write_inlines(in.children, in_table, true) + "](" + target + ")";
}

std::string write_inlines(const Inlines& inlines, bool in_table, bool in_link) {
    std::string out;
    for (const auto& in : inlines) {
        switch (in.kind) {
            case InlineKind::text: out += escape_text(in.text, in_table, in_link); break;
            case InlineKind::code: out += write_code(in.text); break;
            case InlineKind::emphasis: out += wrap(in.children, "*", in_table, in_link); break;
            case InlineKind::strong: out += wrap(in.children, "**", in_table, in_link); break;
            case InlineKind::strike: out += wrap(in.children, "~~", in_table, in_link); break;
            case InlineKind::link: out += write_link(in, in_table); break;
            // one paragraph per line: a soft break is the space it stands for
            case InlineKind::soft_break: out += ' '; break;
            case InlineKind::line_break: out += in_table ? " " : "\\\n"; break;
            // references and redline marks are not source syntax: keep their words
            case InlineKind::reference:
            case InlineKind::inserted:
            case InlineKind::deleted: out += write_inlines(in.children, in_table, in_link); break;
        }
    }
    return out;
}

std::string write_blocks(const std::vector<Block>& blocks);

// Prefixes the first line of `text` with `first` and every other non-empty line with
// `rest` (list item continuation, block quote).
std::string indent(const std::string& text, const std::string& first, const std::string& rest,
                   const std::string& blank_prefix = "") {
    std::string out;
    std::size_t start = 0;
    bool first_line = true;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string_view line(text.data() + start, (nl == std::string::npos ? text.size() : nl) - start);
        if (first_line)
            out += first;
        else if (!line.empty())
            out += rest;
        else
            out += blank_prefix;
        out += line;
        out += '\n';
        first_line = false;
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

std::string write_paragraph(const Inlines& inlines) { return escape_line_start(write_inlines(inlines)) + "\n"; }

std::string attr(const std::string& id) { return id.empty() ? std::string() : "{#" + id + "} "; }

std::string write_list(const Block& b) {
    std::string out;
    bool loose = false;
    for (const auto& item : b.items) loose = loose || item.blocks.size() > 1;
    for (std::size_t n = 0; n < b.items.size(); ++n) {
        const ListItem& item = b.items[n];
        std::string marker;
        if (b.list_style == ListStyle::ordered) {
            std::string label = item.label.empty() ? std::to_string(n + 1) + "." : item.label;
            marker = label + " ";
        } else {
            marker = "- ";
        }
        std::string lead =
            b.list_style == ListStyle::ordered || item.label.empty() ? "" : item.label + " " + attr(item.id);
        std::string body = write_blocks(item.blocks);
        if (body.empty()) body = "\n";
        if (!lead.empty()) {
            // the label goes before the first paragraph's words (or alone on the line)
            if (!item.blocks.empty() && item.blocks.front().kind == BlockKind::paragraph)
                body = lead + body;
            else
                body = lead + "\n\n" + body;
        }
        if (loose && n > 0) out += '\n';
        out += indent(body, marker, std::string(marker.size(), ' '));
    }
    return out;
}

std::string write_table(const Block& b) {
    if (b.rows.empty()) return "";
    std::size_t columns = 0;
    for (const auto& r : b.rows) columns = std::max(columns, r.cells.size());
    auto row_line = [&](const TableRow& r) {
        std::string line = "|";
        for (std::size_t c = 0; c < columns; ++c) {
            std::string cell = c < r.cells.size() ? write_inlines(r.cells[c].inlines, true) : "";
            line += " " + cell + " |";
        }
        return line + "\n";
    };
    std::string out = row_line(b.rows.front());
    out += "|";
    for (std::size_t c = 0; c < columns; ++c) {
        Align a = c < b.align.size() ? b.align[c] : Align::none;
        out += a == Align::left ? ":---|" : a == Align::center ? ":---:|" : a == Align::right ? "---:|" : "---|";
    }
    out += "\n";
    for (std::size_t r = 1; r < b.rows.size(); ++r) out += row_line(b.rows[r]);
    return out;
}

std::string write_block(const Block& b) {
    switch (b.kind) {
        case BlockKind::paragraph: return write_paragraph(b.inlines);
        case BlockKind::list: return write_list(b);
        case BlockKind::table: return write_table(b);
        case BlockKind::quote: return indent(write_blocks(b.children), "> ", "> ", ">");
    }
    return "";
}

// Blocks separated by blank lines.
std::string write_blocks(const std::vector<Block>& blocks) {
    std::string out;
    for (const auto& b : blocks) {
        std::string text = write_block(b);
        if (text.empty()) continue;
        if (!out.empty()) out += '\n';
        out += text;
    }
    return out;
}

std::string yaml_quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string write_front_matter(const Metadata& m) {
    std::string out = "---\n";
    out += "title: " + yaml_quote(m.title) + "\n";
    out += "council: " + yaml_quote(m.council) + "\n";
    out += "version: " + yaml_quote(m.version) + "\n";
    out += std::string("status: ") + to_string(m.status) + "\n";
    if (!m.adopted.empty()) out += "adopted: " + m.adopted + "\n";
    if (!m.adopted_by.empty()) out += "adopted_by: " + yaml_quote(m.adopted_by) + "\n";
    if (!m.minute.empty()) out += "minute: " + yaml_quote(m.minute) + "\n";
    if (!m.supersedes.empty()) out += "supersedes: " + yaml_quote(m.supersedes) + "\n";
    if (m.constitution) {
        std::string place;
        if (!m.constitution->part.empty()) place += "part: " + yaml_quote(m.constitution->part);
        if (!m.constitution->section.empty())
            place += (place.empty() ? "" : ", ") + std::string("section: ") + yaml_quote(m.constitution->section);
        out += "constitution: {" + place + "}\n";
    }
    if (m.lang != "en-GB") out += "lang: " + yaml_quote(m.lang) + "\n";
    return out + "---\n";
}

std::string write_heading(int level, const std::string& number, const Inlines& heading, const std::string& id,
                          bool preamble) {
    std::string out(static_cast<std::size_t>(std::max(level, 2)), '#');
    if (!number.empty()) out += " " + number;
    std::string words = write_inlines(heading);
    if (!words.empty()) out += " " + words;
    std::string attrs = "#" + id;
    if (preamble) attrs += " .preamble";
    return out + " {" + attrs + "}\n";
}

// A clause numbered on one level ("3.") is an ordered-list item; deeper numbers start
// a paragraph ("3.2 ...") or, with a title, a level-3 heading.
std::string write_clause(const Clause& c) {
    if (c.depth() == 1) {
        std::vector<Block> blocks = c.blocks;
        if (!c.heading.empty()) {
            Block title;
            Inline strong;
            strong.kind = InlineKind::strong;
            strong.children = c.heading;
            title.inlines.push_back(std::move(strong));
            blocks.insert(blocks.begin(), std::move(title));
        }
        std::string marker = join_number(c.number.parts) + ". ";
        std::string body = write_blocks(blocks);
        std::string lead = attr(c.id);
        if (blocks.empty() || blocks.front().kind != BlockKind::paragraph) {
            if (!lead.empty()) lead.pop_back();  // (no words after the id: no space either)
            lead += "\n\n";
        }
        body = lead + body;
        return indent(body, marker, std::string(marker.size(), ' '));
    }
    if (!c.heading.empty()) {
        std::string out = write_heading(3, c.number.text, c.heading, c.id, false);
        std::string body = write_blocks(c.blocks);
        return body.empty() ? out : out + "\n" + body;
    }
    std::string lead = c.number.text + " " + attr(c.id);
    if (!c.blocks.empty() && c.blocks.front().kind == BlockKind::paragraph) {
        std::string first = lead + write_inlines(c.blocks.front().inlines) + "\n";
        std::vector<Block> rest(c.blocks.begin() + 1, c.blocks.end());
        std::string body = write_blocks(rest);
        return body.empty() ? first : first + "\n" + body;
    }
    while (!lead.empty() && lead.back() == ' ') lead.pop_back();
    std::string body = write_blocks(c.blocks);
    return body.empty() ? lead + "\n" : lead + "\n\n" + body;
}

}  // namespace

std::string write_protocol(const Protocol& p) {
    std::string out = write_front_matter(p.meta);
    for (const auto& s : p.sections) {
        out += "\n" + write_heading(s.level, s.number.text, s.heading, s.id, s.kind == SectionKind::preamble);
        std::string intro = write_blocks(s.intro);
        if (!intro.empty()) out += "\n" + intro;
        for (const auto& c : s.clauses) out += "\n" + write_clause(c);
    }
    return out;
}

}  // namespace protopub::source
