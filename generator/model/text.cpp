#include "model/text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>

#include "model/glossary.hpp"
#include "model/swar.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace protopub::model {

std::size_t find_invalid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // eight ASCII bytes at once (most of any English text)
        for (; i + 8 <= n; i += 8)
            if (swar::load(s.data() + i) & swar::highs) break;
        if (i == n) break;
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        std::uint32_t cp;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else
            return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid too.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += len;
    }
    return std::string_view::npos;
}

namespace {
// The code point of the well-formed UTF-8 sequence at s[i] (its length in `len`), or -1.
long decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
    if (find_invalid_utf8(s.substr(i, std::min<std::size_t>(4, s.size() - i))) == 0) return -1;
    const auto c = static_cast<unsigned char>(s[i]);
    len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    long cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

bool showable(long cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') return true;
    return cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F) && cp != 0xFFFE && cp != 0xFFFF;
}
}  // namespace

std::size_t find_unshowable(std::string_view text, bool* carriage_return) {
    std::size_t i = 0;
    while (i < text.size()) {
        // sixteen (or eight) bytes at once while they are all printable ASCII (0x20 to 0x7E)
        // or line ends (a source's every line would stop the sixteen otherwise); any other
        // byte (or a rare false alarm) is settled one byte at a time below
#if defined(__SSE2__)
        for (; i + 16 <= text.size(); i += 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
            // (bytes from 0x80 on are negative to a signed comparison: below ' ' too)
            const __m128i below_space =
                _mm_andnot_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')), _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
            const __m128i other = _mm_or_si128(below_space, _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F)));
            if (const int mask = _mm_movemask_epi8(other)) {
                i += static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));  // to that byte
                break;
            }
        }
#endif
        for (; i + 8 <= text.size(); i += 8) {
            const std::uint64_t w = swar::load(text.data() + i);
            if ((w & swar::highs) | swar::bytes_below(w, 0x20) | swar::bytes_equal(w, '\x7F')) break;
        }
        if (i == text.size()) break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) break;
            if (c == '\r' && carriage_return) *carriage_return = true;
            ++i;
            continue;
        }
        std::size_t len = 1;
        const long cp = decode_utf8(text, i, len);
        if (cp < 0 || !showable(cp)) break;
        i += len;
    }
    return i == text.size() ? std::string_view::npos : i;
}

Unshowable make_showable(std::string& text) {
    Unshowable found;
    // Most strings are all showable (plain ASCII, curly quotes, dashes): nothing to copy.
    std::size_t i = find_unshowable(text);
    if (i == std::string_view::npos) return found;
    std::string out(text, 0, i);
    out.reserve(text.size() + 8);
    while (i < text.size()) {
        std::size_t len = 1;
        const long cp = decode_utf8(text, i, len);
        if (cp >= 0 && showable(cp)) {
            out.append(text, i, len);
        } else {
            if (found.count++ == 0) {
                found.offset = i;
                char name[24];
                if (cp < 0)
                    std::snprintf(name, sizeof name, "byte 0x%02x", static_cast<unsigned char>(text[i]));
                else
                    std::snprintf(name, sizeof name, "U+%04lX", cp);
                found.name = name;
            }
            out += "\xEF\xBF\xBD";
        }
        i += len;
    }
    text = std::move(out);
    return found;
}

std::string unshowable_message(const Unshowable& u) {
    std::string m = (u.name.rfind("byte", 0) == 0 ? u.name + " (not UTF-8)" : "character " + u.name) +
                    " cannot be shown; replaced by U+FFFD";
    if (u.count > 1) m += " (and " + std::to_string(u.count - 1) + " more)";
    return m;
}

namespace {
class Showable {
public:
    Showable(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

    void text(std::string& s, SourcePos at) {
        const Unshowable u = make_showable(s);
        if (u.count == 0) return;
        // Byte columns: the first such character sits `offset` bytes after the string's start
        // when the string is on one line (entities and escapes are shorter than written).
        if (at.known() && s.find('\n') == std::string::npos) at.column += static_cast<std::uint32_t>(u.offset);
        diags_.warning(file_, at, unshowable_message(u));
    }
    void inlines(Inlines& list, SourcePos outer) {
        for (auto& in : list) {
            const SourcePos at = in.pos.known() ? in.pos : outer;
            text(in.text, at);
            text(in.target, at);
            inlines(in.children, at);
        }
    }
    void blocks(std::vector<Block>& list, SourcePos outer) {
        for (auto& b : list) {
            const SourcePos at = b.pos.known() ? b.pos : outer;
            inlines(b.inlines, at);
            for (auto& item : b.items) {
                text(item.label, item.pos.known() ? item.pos : at);
                text(item.id, item.pos.known() ? item.pos : at);
                blocks(item.blocks, item.pos.known() ? item.pos : at);
            }
            for (auto& row : b.rows)
                for (auto& cell : row.cells) inlines(cell.inlines, at);
            blocks(b.children, at);
        }
    }

private:
    const std::string& file_;
    Diagnostics& diags_;
};
}  // namespace

void make_showable(Protocol& p, Diagnostics& diags, bool words) {
    // The file's name is printed too (redline pages, JSON, comparisons); the diagnostics
    // keep the name as given, which is how the user finds the file.
    const std::string file = p.source_path;
    if (const Unshowable u = make_showable(p.source_path); u.count > 0)
        diags.warning(file, {}, "the file name: " + unshowable_message(u));
    Showable rule(file, diags);
    for (std::string* field : {&p.meta.title, &p.meta.council, &p.meta.version, &p.meta.adopted, &p.meta.adopted_by,
                               &p.meta.minute, &p.meta.supersedes, &p.meta.lang})
        rule.text(*field, {});
    if (!words) return;
    for (auto& s : p.sections) {
        rule.text(s.id, s.pos);  // a malformed given id is an error already, but still drawn
        rule.inlines(s.heading, s.pos);
        rule.blocks(s.intro, s.pos);
        for (auto& c : s.clauses) {
            rule.text(c.id, c.pos);
            rule.inlines(c.heading, c.pos);
            rule.blocks(c.blocks, c.pos);
        }
    }
}

namespace {
void append_plain(const Inlines& inlines, std::string& out) {
    for (const auto& in : inlines) {
        switch (in.kind) {
            case InlineKind::text:
            case InlineKind::code: out += in.text; break;
            case InlineKind::soft_break:
            case InlineKind::line_break: out += ' '; break;
            default: append_plain(in.children, out); break;
        }
    }
}

void append_plain(const Block& b, std::string& out) {
    auto sep = [&] {
        if (!out.empty() && out.back() != ' ') out += ' ';
    };
    switch (b.kind) {
        case BlockKind::paragraph:
            sep();
            append_plain(b.inlines, out);
            break;
        case BlockKind::list:
            for (const auto& item : b.items) {
                if (!item.label.empty()) {
                    sep();
                    out += item.label;
                }
                for (const auto& child : item.blocks) append_plain(child, out);
            }
            break;
        case BlockKind::table:
            for (const auto& row : b.rows)
                for (const auto& cell : row.cells) {
                    sep();
                    append_plain(cell.inlines, out);
                }
            break;
        case BlockKind::quote:
            for (const auto& child : b.children) append_plain(child, out);
            break;
    }
}
}  // namespace

std::string shorten(std::string s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t cut = s.rfind(' ', max_bytes);
    if (cut == std::string::npos || cut < max_bytes / 2) {
        cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    }
    return s.substr(0, cut) + "\u2026";
}

std::string plain_text(const Inlines& inlines) {
    std::string out;
    append_plain(inlines, out);
    return out;
}

std::string plain_text(const Block& block) {
    std::string out;
    append_plain(block, out);
    return out;
}

std::string plain_text(const Clause& clause) {
    std::string out;
    append_plain(clause.heading, out);
    for (const auto& b : clause.blocks) append_plain(b, out);
    return out;
}

std::string slugify(std::string_view text, std::size_t max_words) {
    std::string out;
    std::size_t words = 0;
    bool pending_dash = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c)) {
            if (pending_dash && !out.empty()) {
                // a new word starts: stop before it when we have enough (no trailing '-')
                if (++words >= max_words) break;
                out += '-';
                pending_dash = false;
            }
            out += static_cast<char>(std::tolower(c));
        } else if (c == '\'' || (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                                 static_cast<unsigned char>(text[i + 2]) == 0x99)) {
            // apostrophes join words: "Council's" -> "councils"
            if (c == 0xE2) i += 2;
        } else if (c >= 0x80) {
            // skip the rest of a non-ASCII character; it separates words
            while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
            pending_dash = !out.empty();
        } else {
            pending_dash = !out.empty();
        }
    }
    return out;
}

bool parse_clause_number(std::string_view s, std::vector<int>& parts) {
    parts.clear();
    if (!s.empty() && s.back() == '.') s.remove_suffix(1);
    if (s.empty()) return false;
    parts.reserve(static_cast<std::size_t>(std::count(s.begin(), s.end(), '.')) + 1);  // one allocation, not three
    int value = 0;
    int digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            if (++digits > 4) return false;  // numbers past 9999 are not clause numbers
            value = value * 10 + (c - '0');
        } else if (c == '.') {
            if (digits == 0) return false;
            parts.push_back(value);
            value = 0;
            digits = 0;
        } else {
            return false;
        }
    }
    if (digits == 0) return false;
    parts.push_back(value);
    return true;
}

std::string join_number(const std::vector<int>& parts) {
    // The dots and digits gathered on the stack and made a string at once (a number of more
    // than five parts five at a time): appended part by part, the string's room was checked
    // at every dot and every part. Parts under 100, nearly all, are written without to_chars.
    std::string out;
    char buffer[5 * 12];
    char* at = buffer;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (at + 12 > std::end(buffer)) {
            out.append(buffer, at);
            at = buffer;
        }
        if (i) *at++ = '.';
        if (const auto part = static_cast<unsigned>(parts[i]); part < 10) {
            *at++ = static_cast<char>('0' + part);
        } else if (part < 100) {
            *at++ = static_cast<char>('0' + part / 10);
            *at++ = static_cast<char>('0' + part % 10);
        } else {
            at = std::to_chars(at, std::end(buffer), parts[i]).ptr;
        }
    }
    if (out.empty()) return std::string(buffer, at);
    out.append(buffer, at);
    return out;
}

namespace {

// The white space at i and its length in bytes, 0 where a word's byte stands.
std::size_t space_at(std::string_view text, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    // U+00A0 no-break space and U+2000..U+200B spaces count as white space too
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) <= 0x8B)
        return 3;
    return 0;
}

// Calls word(start, length) for each word of the text until it returns false.
template <typename Word>
void for_each_word(std::string_view text, Word word) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t space = space_at(text, i);
        if (space == 0) {
            ++i;
            continue;
        }
        if (i > start && !word(start, i - start)) return;
        i += space;
        start = i;
    }
    if (start < text.size()) word(start, text.size() - start);
}

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    for_each_word(text, [&](std::size_t start, std::size_t length) {
        words.emplace_back(text.substr(start, length));
        return true;
    });
    return words;
}

std::size_t word_count(std::string_view text, std::size_t limit) {
    std::size_t n = 0;
    for_each_word(text, [&](std::size_t, std::size_t) { return ++n < limit; });
    return n;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

const std::string& document_title(const Protocol& p) {
    return p.meta.document_title.empty() ? p.meta.title : p.meta.document_title;
}

std::string covering_report_label(const Protocol& p) {
    const std::string title = trim(document_title(p));
    return "Covering report \xE2\x80\x94 not part of the " + (title.empty() ? std::string("document") : title);
}

bool begins_after_covering_report(const Protocol& p, std::size_t i) {
    if (i == 0 || i >= p.sections.size()) return false;
    const Section& s = p.sections[i];
    return s.kind != SectionKind::preamble && s.heading.empty() && s.number.empty() &&
           p.sections[i - 1].kind == SectionKind::preamble;
}

std::vector<GlossaryEntry> glossary(const Protocol& p) {
    std::vector<GlossaryEntry> out;
    std::map<std::string, std::string> number_of;  // of the clauses that define terms only
    for (const auto& t : p.terms) number_of[t.clause_id];
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses)
            if (auto it = number_of.find(c.id); it != number_of.end()) it->second = c.number.text;
    for (const auto& t : p.terms) out.push_back({&t, number_of[t.clause_id]});
    auto lower = [](std::string x) {
        for (auto& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return x;
    };
    std::stable_sort(out.begin(), out.end(), [&](const GlossaryEntry& a, const GlossaryEntry& b) {
        return lower(a.term->term) < lower(b.term->term);
    });
    return out;
}

std::optional<Section> glossary_section(const Protocol& p) {
    if (p.terms.empty()) return std::nullopt;
    Section s;
    s.id = "_glossary";
    s.id_given = true;
    Inline heading;
    heading.text = std::string(glossary_heading);
    s.heading = {heading};
    for (const auto& e : glossary(p)) {
        Block b;
        Inline term, words;
        term.kind = InlineKind::strong;
        term.children.push_back({});
        term.children.back().text = e.term->term;
        words.text = " \xE2\x80\x94 " + e.term->definition;
        if (!e.clause_number.empty()) words.text += " (paragraph " + e.clause_number + ")";
        b.inlines = {term, words};
        s.intro.push_back(std::move(b));
    }
    return s;
}

namespace {

// As XML 1.0 asks: '&' and '<' everywhere, '>' too (for "]]>"), quotes and control
// characters in attribute values. Runs of ordinary characters are copied whole.
struct EscapeTable {
    std::array<bool, 256> text{}, attribute{};
    EscapeTable() {
        for (unsigned char c : {'&', '<', '>'}) text[c] = attribute[c] = true;
        attribute['"'] = true;
        for (int c = 0; c < 0x20; ++c) attribute[static_cast<std::size_t>(c)] = true;
    }
};

}  // namespace

void append_xml_escaped(std::string& out, std::string_view s, bool in_attribute) {
    static const EscapeTable table;
    const auto& special = in_attribute ? table.attribute : table.text;
    std::size_t done = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (!special[c]) continue;
        out.append(s, done, i - done);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += "&#" + std::to_string(c) + ";"; break;
        }
        done = i + 1;
    }
    out.append(s, done);
}

}  // namespace protopub::model
