// Plain text -> paragraphs. Text taken out of a PDF or a Word file carries its old page
// layout: hard-wrapped lines, paragraphs broken by page ends (sometimes mid-sentence),
// page numbers, running headers, a stray space where a page began. These rules undo
// that layout and nothing else.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "import/import.hpp"
#include "import/paragraphs.hpp"
#include "model/swar.hpp"
#include "model/text.hpp"

namespace protopub::import {

using namespace protopub::model;
using detail::clean_line;
using detail::ends_sentence;
using detail::Marker;
using detail::MarkerKind;
using detail::Paragraph;
using detail::plausible_next;
using detail::starts_field;

namespace {

struct Line {
    std::string text;          // trimmed, inner runs of spaces collapsed
    std::uint32_t number = 0;  // 1-based
    std::uint32_t column = 1;  // where the line starts in its input line (a line split at a number)
    bool blank = false;
    bool leading_space = false;  // exactly one space: where pdftotext joined a page break
    bool indented = false;       // two spaces or more, or a tab, before the words
    bool page_break = false;     // a form feed came before it
    bool junk = false;
    bool title_page = false;           // a line of a title page stacked at the top: its own paragraph
    int heading_level = 0;             // "## Roles" in Markdown text: 2, the "##" taken off
    bool title_style = false;          // "# Title" over a Markdown text's other headings, or its front matter's title
    bool subtitle = false;             // a Markdown text's front matter's subtitle
    std::vector<std::string> cells;    // the line cut at its pipes, tabs or column gaps (two cells or more), else empty
    std::vector<std::size_t> columns;  // where each cell starts (characters), for cells cut at gaps
    bool table_row = false;            // one row of a table saved as tab-separated text
    bool bare_marker = false;          // a number alone on its line, moved onto the next line
    bool cut = false;                  // the rest of a line cut where a new paragraph starts in it
    std::size_t raw_length = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

// "Role<TAB>Accountable to<TAB>Main duty": the cells of a table saved as text. Tabs at
// the start are indentation.
std::vector<std::string> tab_cells(std::string_view raw) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= raw.size(); ++i) {
        if (i < raw.size() && raw[i] != '\t') continue;
        std::string cell = clean_line(raw.substr(start, i - start));
        if (!cell.empty())
            cells.push_back(std::move(cell));
        else if (!cells.empty() && i < raw.size())
            return {};  // an empty cell in the middle: not a table we can read
        start = i + 1;
    }
    if (cells.size() < 2) cells.clear();
    return cells;
}

// "| Role | Accountable to |": the cells of a table a web page or Markdown gives as text,
// between pipes.
std::vector<std::string> pipe_cells(std::string_view line) {
    if (line.size() < 3 || line.front() != '|' || line.back() != '|') return {};
    std::vector<std::string> cells;
    for (std::size_t start = 1, bar; (bar = line.find('|', start)) != std::string::npos; start = bar + 1)
        cells.push_back(clean_line(std::string_view(line).substr(start, bar - start)));
    if (cells.size() < 2) cells.clear();
    return cells;
}

// "Subject          Officer": the cells of a table as `pdftotext -layout` lays it out,
// cut where three spaces or more stand between words; `columns` gets where each starts.
std::vector<std::string> gap_cells(std::string_view raw, std::vector<std::size_t>& columns) {
    std::vector<std::string> cells;
    std::size_t column = 0, spaces = 0;
    std::string cell;
    for (char c : raw) {
        if (c == ' ') {
            ++spaces;
        } else {
            if (spaces >= 3 && !cell.empty()) cells.push_back(std::move(cell)), cell.clear();
            if (cell.empty())
                columns.push_back(column);
            else if (spaces > 0)
                cell.append(spaces, ' ');
            spaces = 0;
            cell += c;
        }
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;  // UTF-8: count characters
    }
    if (!cell.empty()) cells.push_back(std::move(cell));
    if (cells.size() < 2) cells.clear(), columns.clear();
    return cells;
}

// Where the line from `i` ends: its \n, \r or \f, or the end of the text.
std::size_t line_end(std::string_view text, std::size_t i) {
    while (i < text.size()) {
        if (i + 8 <= text.size()) {
            const std::uint64_t w = swar::load(text.data() + i);
            if (!(swar::bytes_equal(w, '\n') | swar::bytes_equal(w, '\r') | swar::bytes_equal(w, '\f'))) {
                i += 8;
                continue;
            }
        }
        for (const std::size_t stop = std::min(i + 8, text.size()); i < stop; ++i)
            if (text[i] == '\n' || text[i] == '\r' || text[i] == '\f') return i;
    }
    return text.size();
}

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::uint32_t number = 1;
    bool page_break = false;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t i = line_end(text, start);
        const bool end = i == text.size();
        const char c = end ? '\n' : text[i];
        std::string_view raw = text.substr(start, i - start);
        Line line;
        line.number = number;
        line.text = clean_line(raw);
        line.blank = line.text.empty();
        line.leading_space = raw.size() > 1 && raw[0] == ' ' && !is_space(raw[1]) && !line.blank;
        line.indented = !line.blank && (raw.substr(0, 2) == "  " || raw[0] == '\t');
        line.page_break = page_break;
        line.raw_length = raw.size();
        line.cells = pipe_cells(line.text);  // (the line cleaned: single-spaced, trimmed)
        if (line.cells.empty() && raw.find('\t') != std::string_view::npos) {
            line.cells = tab_cells(raw);
        } else if (line.cells.empty() && !line.blank) {
            // a run of spaces inside the line made it shorter when cleaned: a gap between columns?
            const std::size_t first = raw.find_first_not_of(' '), last = raw.find_last_not_of(' ');
            if (last - first + 1 != line.text.size() && raw.find("   ", first) != std::string_view::npos)
                line.cells = gap_cells(raw, line.columns);
        }
        if (!(end && raw.empty())) lines.push_back(std::move(line));
        page_break = c == '\f';
        std::size_t next = i + 1;
        if (c == '\r' && next < text.size() && text[next] == '\n') ++next;
        if (c != '\f') ++number;
        start = next;
    }
    return lines;
}

using detail::equals_ignore_case;

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "12", "Page 12", "Page 12 of 40", "- 12 -", "12 / 40"
bool is_page_number(std::string_view s) {
    if (s.size() > 20) return false;
    std::vector<std::string> w = split_words(s);
    if (w.size() == 1) return all_digits(w[0]) && w[0].size() <= 4;
    if (w.size() == 2) return equals_ignore_case(w[0], "page") && all_digits(w[1]);
    if (w.size() == 3) {
        if ((w[0] == "-" || w[0] == "\xE2\x80\x93") && all_digits(w[1]) && w[2] == w[0]) return true;
        return all_digits(w[0]) && (w[1] == "/" || equals_ignore_case(w[1], "of")) && all_digits(w[2]);
    }
    if (w.size() == 4)
        return equals_ignore_case(w[0], "page") && all_digits(w[1]) && equals_ignore_case(w[2], "of") &&
               all_digits(w[3]);
    return false;
}

// "Page 3 of 12" alone on its line: a page's footer wherever it stands, blank lines
// around it or not (no sentence is worded so, nor wrapped so that a line holds just that)
bool page_n_of_m(std::string_view s) {
    if (s.size() > 20) return false;
    const std::vector<std::string> w = split_words(s);
    return w.size() == 4 && is_page_number(s) && w[1].size() <= 4 && w[3].size() <= 4 &&
           std::stoi(w[1]) <= std::stoi(w[3]);
}

// "Member/Officer Protocol – Page 3 of 12": a header or footer that ends with the page
// number, so each page's copy differs from the others.
bool ends_with_page_number(std::string_view s) {
    if (s.empty() || s.back() < '0' || s.back() > '9' || s.find("age ") == std::string_view::npos) return false;
    const std::vector<std::string> w = split_words(s);
    const std::size_t n = w.size();
    if (n < 3 || n > 12 || ends_sentence(s)) return false;
    if (equals_ignore_case(w[n - 2], "page") && all_digits(w[n - 1])) return true;
    return n >= 5 && equals_ignore_case(w[n - 4], "page") && all_digits(w[n - 3]) &&
           equals_ignore_case(w[n - 2], "of") && all_digits(w[n - 1]);
}

bool is_lone_url(std::string_view s) {
    if (s.find(' ') != std::string_view::npos) return false;
    auto starts = [&](std::string_view p) {
        return s.size() > p.size() && equals_ignore_case(s.substr(0, p.size()), p);
    };
    return starts("http://") || starts("https://") || starts("www.");
}

// A running header or footer: the same short line (digits aside) on many pages.
std::string furniture_key(std::string_view s) {
    std::string key;
    for (char c : s) key += (c >= '0' && c <= '9') ? '#' : ascii::to_lower(c);
    return key;
}

// "8.63" or "2.1.1" alone on its line: a clause number that pdftotext put on a line of its
// own (every number looks alike with its digits aside, but it is no header).
bool bare_number(std::string_view s) {
    if (s.empty() || s.size() > 16) return false;  // a number alone is a few bytes ("- 10.12.3")
    const Marker m = detail::read_marker(std::string(s) + " x");
    return m.kind == MarkerKind::clause && m.length == s.size() + 1;
}

// The marker `text` is made of and nothing else ("1.1", "(a)", "•"), else none; `next`
// stands for the words that would follow it ('X': a plain "2" is a number only before a
// capital).
Marker marker_alone(std::string_view text, char next = 'x') {
    const Marker m = detail::read_marker(std::string(text) + ' ' + next);
    return m.length == text.size() + 1 ? m : Marker{};
}

// "3.1.1" under "3.1": numbers whose first parts are `parent`'s.
bool numbered_under(const std::vector<int>& parent, const std::vector<int>& parts) {
    return parts.size() > parent.size() && std::equal(parent.begin(), parent.end(), parts.begin());
}

// The first line from `k` on with words (blank lines and dropped furniture passed over).
std::size_t next_words(const std::vector<Line>& lines, std::size_t k) {
    while (k < lines.size() && (lines[k].blank || lines[k].junk)) ++k;
    return k;
}

// The nearest line above `k` with words, or lines.size() when there is none.
std::size_t words_above(const std::vector<Line>& lines, std::size_t k) {
    while (k > 0 && (lines[k - 1].blank || lines[k - 1].junk)) --k;
    return k == 0 ? lines.size() : k - 1;
}

// A line standing on its own: blank lines, a page break or the file's edge around it.
bool stands_alone(const std::vector<Line>& lines, std::size_t i) {
    const bool before = i == 0 || lines[i - 1].blank || lines[i].page_break;
    const bool after = i + 1 == lines.size() || lines[i + 1].blank || lines[i + 1].page_break;
    return before || after;
}

// Marks page furniture as junk and records what was dropped and why.
void drop_furniture(std::vector<Line>& lines, const std::string& path, std::vector<Dropped>& dropped,
                    Diagnostics& diags) {
    const bool form_feeds = std::any_of(lines.begin(), lines.end(), [](const Line& l) { return l.page_break; });
    // near a page's edge: within four lines of a form feed or a page number
    std::vector<bool> near_edge(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool last_page_end = i + 1 == lines.size() && form_feeds;  // the text's end is the last page's edge
        if (!lines[i].page_break && !last_page_end && !(stands_alone(lines, i) && is_page_number(lines[i].text)))
            continue;
        for (std::size_t k = i >= 4 ? i - 4 : 0; k < lines.size() && k <= i + 4; ++k) near_edge[k] = true;
    }
    // a header or footer repeats: three times anywhere, or twice at page edges (a short document).
    // Only the lines that could be one are counted (as `repeated` below asks): a key is as long
    // as its line, so no other line's key can match theirs.
    auto could_repeat = [](const std::string& text) { return text.size() <= 100 || is_lone_url(text); };
    // (lines already dropped, and a Markdown text's headings, which its markup says are headings)
    auto settled = [](const Line& l) { return l.junk || l.heading_level > 0 || l.title_style || l.subtitle; };
    std::unordered_map<std::string, int> repeats, repeats_at_edge;
    // where each key was last seen; a line seen again within a few lines of text, no page
    // break between, is a list's entry (a heading's in a contents list and under two
    // sections), not furniture: a page is longer
    std::unordered_map<std::string, std::size_t> last_seen;
    std::unordered_set<std::string> listed;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].blank && !settled(lines[i]) && could_repeat(lines[i].text) && stands_alone(lines, i) &&
            detail::read_marker(lines[i].text).kind == MarkerKind::none && !bare_number(lines[i].text)) {
            const std::string key = furniture_key(lines[i].text);
            ++repeats[key];
            if (near_edge[i]) ++repeats_at_edge[key];
            // (within 64 lines: a list's entries stand no further apart)
            if (const auto seen = last_seen.find(key); seen != last_seen.end() && i - seen->second <= 64) {
                std::size_t text_between = 0;
                bool page_between = lines[i].page_break;
                for (std::size_t k = seen->second + 1; k < i && text_between < 8; ++k) {
                    page_between = page_between || lines[k].page_break || is_page_number(lines[k].text) ||
                                   ends_with_page_number(lines[k].text);
                    // (a footer's "document.doc613" between a page's header and the next's is no text)
                    text_between += !lines[k].blank && model::word_count(lines[k].text, 3) >= 3;
                }
                if (!page_between && text_between >= 2 && text_between < 8) listed.insert(key);
            }
            last_seen[key] = i;
        }

    // the title (or the council) printed again at the top of every page after the first
    std::vector<std::string> top_lines;
    for (std::size_t i = 0; i < lines.size() && top_lines.size() < 8 && !lines[i].page_break; ++i)
        if (!lines[i].blank) top_lines.push_back(furniture_key(lines[i].text));
    // the title wrapped over two lines of the first page, printed whole on the later ones
    for (std::size_t k = 0, n = top_lines.size(); k + 1 < n; ++k)
        top_lines.push_back(top_lines[k] + " " + top_lines[k + 1]);
    // (a page starts at a form feed, or, in text copied without them, after a page's footer
    // with its number: "Anytown Council    Page 1 of 2")
    std::vector<bool> page_top(lines.size(), false);
    for (std::size_t i = 0, seen = 3; i < lines.size(); ++i) {
        if (lines[i].page_break) seen = 0;
        if (!lines[i].blank && seen < 2) page_top[i] = true, ++seen;
        if (!form_feeds && !lines[i].blank && (is_page_number(lines[i].text) || ends_with_page_number(lines[i].text)))
            seen = 0;
    }

    // the title at the top of the first page is the title, however often the pages repeat it
    std::size_t title_page_end = 0;  // the first page's top: up to 8 lines before a page break or the first number
    for (std::size_t k = 0, seen = 0; k < lines.size() && seen < 8; ++k, title_page_end = k) {
        if (lines[k].page_break) break;
        if (lines[k].blank) continue;
        const MarkerKind kind = detail::read_marker(lines[k].text).kind;
        if (kind == MarkerKind::clause || kind == MarkerKind::single) break;  // the text has begun
        ++seen;
    }
    auto on_title_page = [&](std::size_t i) { return i < title_page_end; };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& line = lines[i];
        if (line.blank || settled(line)) continue;
        // ... or the council's name or the constitution's part at the top of a later page
        // ("Anytown Borough Council Constitution Part 5"), even when the pages are too few to repeat it
        // (a number alone is the text's, "1." at the top of a page as much as in the contents)
        if (page_top[i] && detail::read_marker(line.text).kind == MarkerKind::none &&
            detail::read_marker(line.text + " X").kind == MarkerKind::none &&
            (std::find(top_lines.begin(), top_lines.end(), furniture_key(line.text)) != top_lines.end() ||
             (stands_alone(lines, i) && detail::names_title_page(line.text)))) {
            line.junk = true;
            dropped.push_back({{line.number, 1}, line.text, "running header or footer"});
            diags.warning(path, {line.number, 1}, "dropped running header or footer '" + line.text + "'");
            continue;
        }
        // "Page 1 of 3" / "Anytown Council, version 1" / form feed: a page number in words at
        // a page's edge, with no blank lines around it (pdftotext -raw)
        if ((near_edge[i] && !stands_alone(lines, i) && is_page_number(line.text) &&
             line.text.find(' ') != std::string::npos) ||
            page_n_of_m(line.text)) {
            line.junk = true;
            dropped.push_back({{line.number, 1}, line.text, "page number"});
            diags.warning(path, {line.number, 1}, "dropped page number '" + line.text + "'");
            continue;
        }
        // "Covering report — not part of the Code of Practice ...": the label protopub
        // prints over a covering report (the preamble says so again), on a line of its own
        static const std::string label = model::covering_report_label(Protocol{});
        static const std::string label_prefix = label.substr(0, label.size() - std::string("document").size());
        // (in capitals where a page's style sets it so; wrapped onto the next line)
        if (detail::lower(line.text).rfind(detail::lower(label_prefix), 0) == 0 && !ends_sentence(line.text)) {
            // the rest of the label, wrapped: a line in the same capitals that goes on with it,
            // or the rest of the title the label names (the title one of the first lines)
            const auto names_title = [&](const std::string& label_words) {
                const std::string title = label_words.substr(std::min(label_words.size(), label_prefix.size()));
                for (std::size_t k = 0, seen = 0; k < i && seen < 8; ++k)
                    if (!lines[k].blank && (++seen, detail::same_letters(lines[k].text, title))) return true;
                return false;
            };
            if (i + 1 < lines.size() && !lines[i + 1].blank && !lines[i + 1].junk &&
                model::word_count(lines[i + 1].text, 6) <= 5 && !ends_sentence(lines[i + 1].text) &&
                ((detail::in_capitals(line.text) && detail::in_capitals(lines[i + 1].text)) ||
                 (!names_title(line.text) && names_title(line.text + " " + lines[i + 1].text)))) {
                line.text += " " + lines[i + 1].text;
                lines[i + 1].junk = true;
            }
            line.junk = true;
            dropped.push_back({{line.number, 1}, line.text, "covering report label"});
            diags.warning(path, {line.number, 1}, "dropped the covering report's label '" + line.text + "'");
            continue;
        }
        if (!stands_alone(lines, i)) continue;
        std::string reason;
        auto repeated = [&] {
            const std::string key = furniture_key(line.text);
            return !listed.contains(key) && (repeats[key] >= 3 || (near_edge[i] && repeats_at_edge[key] >= 2));
        };
        if (is_page_number(line.text)) {
            reason = "page number";
        } else if (ends_with_page_number(line.text)) {
            reason = "running header or footer";
        } else if (is_lone_url(line.text) && (i == 0 || lines[i - 1].blank)) {
            // a web address introduced by "...at:", or by a sentence that goes on into it
            // ("... guidance on the Publicity Code -"), is part of the text: away from a page's
            // edge, or at one (past the page's footer and header) when no other page has it
            std::size_t prev = i;
            while (prev > 0 && (lines[prev - 1].blank || (lines[prev - 1].junk && near_edge[i]))) --prev;
            const bool goes_on = prev > 0 && !lines[prev - 1].junk && (!near_edge[i] || !repeated()) &&
                                 !ends_sentence(lines[prev - 1].text) && !is_lone_url(lines[prev - 1].text);
            if (!goes_on && (prev == 0 || lines[prev - 1].text.back() != ':')) reason = "lone web address";
        } else if (line.text.size() >= 4 && line.text.size() <= 100 && !ends_sentence(line.text) &&
                   !ascii::is_lower(line.text[0]) && repeated() && !on_title_page(i) &&
                   !detail::gap_marker(line.text)) {
            // a header or footer is a label, not the end of a sentence
            reason = "running header or footer";
        }
        if (reason.empty()) continue;
        line.junk = true;
        SourcePos pos{line.number, 1};
        dropped.push_back({pos, line.text, reason});
        diags.warning(path, pos, "dropped " + reason + " '" + line.text + "'");
    }
}

bool title_line(std::string_view text);

// Web page furniture above the title: a menu run together on one long line, "You are
// in:", breadcrumbs as bullets, "Home", a notice. It is dropped (each line reported) when
// a line naming a protocol, code or guidance follows it within the first lines and the
// lines above look like a web page's, not like a title page or a covering report.
void drop_web_furniture(std::vector<Line>& lines, const std::string& path, std::vector<Dropped>& dropped,
                        Diagnostics& diags) {
    std::size_t title = lines.size(), seen = 0;
    bool web = false;
    auto library_line = [](const std::string& text) {
        const std::string lower_text = detail::lower(text);
        return lower_text.starts_with("library home") || lower_text.starts_with("library view options");
    };
    // a document library's own line among the three under line `at`
    auto library_lines_follow = [&](std::size_t at) {
        for (std::size_t k = at + 1, seen_below = 0; k < lines.size() && seen_below < 3; ++k)
            if (!lines[k].blank && !lines[k].junk && (++seen_below, library_line(lines[k].text))) return true;
        return false;
    };
    for (std::size_t i = 0; i < lines.size() && seen < 16; ++i) {
        const Line& l = lines[i];
        if (l.blank || l.junk) continue;
        const Marker m = detail::read_marker(l.text);
        // (a menu's items, however many, are one piece of furniture: "Main navigation" and
        // the site's twenty sections as bullets)
        seen += m.kind != MarkerKind::bullet;
        if (m.kind == MarkerKind::clause || (m.kind == MarkerKind::single && !m.enclosed)) {
            // "1. Home 2. Constitution": a breadcrumb numbered as a list, before the title
            if (model::word_count(l.text, 7) > 6) break;
        }
        // a web page's menu and breadcrumbs; a document library's preface (LAYOUTS.md 1-3)
        // ("Agenda item": a committee system's page for one item of an agenda, its title below)
        // ("Library home", "Library view options": a committee system's document library)
        static const std::array<std::string_view, 13> openers = {
            "you are in",          "you are here",  "skip to",  "home ",           "total pages", "file type",
            "uploaded by",         "advertisement", "download", "print this page", "agenda item", "library home",
            "library view options"};
        auto opens_furniture = [](const std::string& lower_text) {
            return std::any_of(openers.begin(), openers.end(),
                               [&](std::string_view o) { return lower_text.rfind(o, 0) == 0; });
        };
        if ((detail::header_line_kind(l.text) == detail::HeaderLine::title ||
             !detail::title_after_place(l.text).empty()) &&
            model::word_count(l.text, 13) <= 12) {
            // "Member Officer Protocol - DocPlayer" over "Total pages: 5": the library page's own
            // title, above its preface; the document's title comes below
            // "Document Member Officer Protocol" with "Library home" or "Library view options"
            // in the lines under it: a document library's page, whose heading is the
            // document's title after the library's label
            if (l.text.starts_with("Document ") && library_lines_follow(i)) {
                diags.note(path, {l.number, 1},
                           "dropped the label 'Document' before the title: a document library's page heading");
                dropped.push_back({{l.number, 1}, "Document", "web page furniture"});
                lines[i].text.erase(0, 9);
                lines[i].column += 9;
                lines[i].title_style = true;  // the page's heading: the title, a paragraph of its own
                title = i;
                web = true;
                break;
            }
            std::size_t next = i + 1;
            while (next < lines.size() && (lines[next].blank || lines[next].junk)) ++next;
            if (next == lines.size() || !opens_furniture(detail::lower(lines[next].text))) {
                title = i;
                break;
            }
            web = true;
            continue;
        }
        const std::string lower_text = detail::lower(l.text);
        // (a meeting's minutes above a heading are no web page's furniture: they stay, to be
        // known for what they are)
        if (!detail::minutes_mark(lower_text).empty()) break;
        const std::string_view after_marker =
            std::string_view(lower_text).substr(std::min(m.length, lower_text.size()));
        // "Loading images...", "Please wait…": what a page shows while it loads
        const bool waiting = l.text.ends_with("...") || l.text.ends_with("\xE2\x80\xA6");
        web = web || m.kind == MarkerKind::bullet || (l.text.size() >= 100 && !ends_sentence(l.text)) ||
              lower_text == "home" || after_marker == "home" || lower_text.find("cookies") != std::string::npos ||
              opens_furniture(lower_text) || (waiting && model::word_count(l.text, 5) <= 4);
    }
    if (!web || title == lines.size()) return;
    // the library's own lines under the title ("Library view options"), never a protocol's;
    // a publication page's controls ("+ show all updates", "Skip publication contents") and
    // its list of the site's pages, the title among them ("Contents" over "Constitution" /
    // "Codes and protocols" / "Councillor and officer protocol" ...)
    auto drop_under_title = [&](Line& l) {
        l.junk = true;
        dropped.push_back({{l.number, 1}, l.text, "web page furniture"});
        diags.warning(path, {l.number, 1}, "dropped '" + l.text + "': web page furniture under the title");
    };
    auto page_control = [](const std::string& text) {
        const std::string low = detail::lower(text);
        return low.starts_with("skip ") || low == "+ show all updates" || low == "show all updates";
    };
    auto site_contents_from = [&](std::size_t label) {  // the end of the list under `label`, or `label`
        if (!detail::lower(lines[label].text).starts_with("contents")) return label;
        std::size_t end = label + 1;
        bool names_title = false;
        const std::string title_words = detail::lower(lines[title].text);
        for (; end < lines.size() && !lines[end].blank; ++end) {
            const Marker item = detail::read_marker(lines[end].text);
            if (item.kind != MarkerKind::bullet || model::word_count(lines[end].text, 9) > 8) break;
            const std::string_view words = std::string_view(lines[end].text).substr(item.length);
            names_title = names_title || title_words.ends_with(detail::lower(words));
        }
        return names_title ? end : label;
    };
    for (std::size_t i = title + 1, seen_below = 0; i < lines.size() && seen_below < 6; ++i) {
        Line& l = lines[i];
        if (l.blank || l.junk) continue;
        ++seen_below;
        if (library_line(l.text) || page_control(l.text)) {
            drop_under_title(l);
        } else if (const std::size_t end = site_contents_from(i); end > i) {
            for (std::size_t k = i; k < end; ++k) drop_under_title(lines[k]);
            i = end - 1;
        }
    }
    for (std::size_t i = 0; i < title; ++i) {
        Line& l = lines[i];
        // the site's own name is the council's: it stays for the title page
        if (l.blank || l.junk) continue;
        if (detail::read_marker(l.text).kind == MarkerKind::none &&
            detail::header_line_kind(l.text) == detail::HeaderLine::council)
            continue;
        l.junk = true;
        dropped.push_back({{l.number, 1}, l.text, "web page furniture"});
        diags.warning(path, {l.number, 1}, "dropped '" + l.text + "': web page furniture above the title");
    }
}

// A web page's footer below the text: "Was this page useful?" / "Yes" / "No", "Share this
// page" / "Facebook", "Back to top", "Page last updated ...", and a "Related documents" list
// of links above them. Dropped from the end up (each line reported) while the lines read
// as such, when one of them surely is one. "Back to top" after each section of a page is
// dropped wherever it stands: a line of only those words is never a protocol's.
void drop_web_footer(std::vector<Line>& lines, const std::string& path, std::vector<Dropped>& dropped,
                     Diagnostics& diags) {
    static const std::array<std::string_view, 8> sure = {
        "was this page",    "share this page",   "back to top",  "print this page",
        "report a problem", "page last updated", "last updated", "is there anything wrong with this page"};
    static const std::array<std::string_view, 15> also = {
        "yes",     "no", "share",    "print",     "feedback", "contact us", "related content", "follow us", "facebook",
        "twitter", "x",  "linkedin", "instagram", "youtube",  "email"};
    static const std::array<std::string_view, 5> related = {"related documents", "related pages", "related links",
                                                            "related information", "useful links"};
    static const std::array<std::string_view, 4> to_top = {"back to top", "top of page", "return to top",
                                                           "back to the top"};
    auto drop = [&](Line& l, const char* where) {
        l.junk = true;
        dropped.push_back({{l.number, 1}, l.text, "web page furniture"});
        diags.warning(path, {l.number, 1}, std::string("dropped web page furniture ") + where + " '" + l.text + "'");
    };
    auto one_of = [](const auto& list, const std::string& text) {
        return std::any_of(list.begin(), list.end(), [&](std::string_view s) { return text == s; });
    };
    std::size_t from = lines.size();
    bool found = false;
    for (std::size_t i = lines.size(); i-- > 0 && lines.size() - i <= 12;) {
        if (lines[i].blank || lines[i].junk) continue;
        const std::string text = detail::lower(lines[i].text);
        const bool is_sure =
            std::any_of(sure.begin(), sure.end(), [&](std::string_view s) { return text.rfind(s, 0) == 0; });
        if (!is_sure && !one_of(also, text)) break;
        found = found || is_sure;
        from = i;
    }
    // "Related documents" and the links under it (short lines, no sentence, no number)
    // just above the footer
    if (found) {
        for (std::size_t i = from, seen = 0; i-- > 0 && seen < 8;) {
            if (lines[i].blank || lines[i].junk) continue;
            ++seen;
            if (one_of(related, detail::lower(lines[i].text))) {
                from = i;
                break;
            }
            if (ends_sentence(lines[i].text) || model::word_count(lines[i].text, 9) > 8 ||
                detail::read_marker(lines[i].text).kind != MarkerKind::none)
                break;
        }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& l = lines[i];
        if (l.blank || l.junk) continue;
        if (found && i >= from)
            drop(l, "below the text");
        else if (l.text.size() <= 15 && one_of(to_top, detail::lower(l.text)))
            drop(l, "in the text");
    }
}

// "3. When things go wrong ........ 7": a contents entry, its dot leader and page number.
bool contents_entry_with_leader(std::string_view s) {
    const bool leader = s.find("....") != std::string_view::npos || s.find(". . . .") != std::string_view::npos ||
                        s.find("\xE2\x80\xA6") != std::string_view::npos;  // "…"
    const std::size_t last = s.find_last_of(' ');
    if (!leader || last == std::string_view::npos) return false;
    // the page number may have gone onto a line of its own (pdftotext): the line ends in the leader
    return all_digits(s.substr(last + 1)) || s.ends_with(". . .") || s.ends_with("...") || s.ends_with("\xE2\x80\xA6");
}

// "Version" / "Status" / "Date" / "Author": the labels of a version table that the
// extraction gave one cell per line, with their values just before or after them.
bool version_field(std::string_view s) {
    static const std::array<std::string_view, 14> fields = {
        "version",       "status",      "date",         "author",  "owner", "approved by",    "review date",
        "last reviewed", "next review", "date adopted", "adopted", "issue", "document owner", "approved"};
    return std::any_of(fields.begin(), fields.end(), [&](std::string_view f) { return equals_ignore_case(s, f); });
}

// A version table flattened, one cell per line (LAYOUTS 7): two or more field names in a
// run and as many short values beside them, above the protocol's first number. It is
// the document's record, not its text: dropped and reported.
void drop_version_table(std::vector<Line>& lines, const std::string& path, std::vector<Dropped>& dropped,
                        Diagnostics& diags) {
    std::vector<std::size_t> labels, rows;  // "Version" alone; "Version     1" (pdftotext -layout)
    std::size_t i = 0;
    for (; i < lines.size() && labels.size() + rows.size() < 8; ++i) {
        if (lines[i].blank || lines[i].junk) continue;
        const Marker m = detail::read_marker(lines[i].text);
        if (version_field(lines[i].text))
            labels.push_back(i);
        else if (lines[i].cells.size() == 2 && version_field(lines[i].cells[0]))
            rows.push_back(i);
        else if (!labels.empty() || !rows.empty())
            break;
        else if (m.kind == MarkerKind::clause || (m.kind == MarkerKind::single && !m.enclosed))
            break;
    }
    if (rows.size() >= 2 && labels.empty()) {
        for (std::size_t k : rows) {
            lines[k].junk = true;
            dropped.push_back({{lines[k].number, 1}, lines[k].text, "version table"});
        }
        diags.warning(path, {lines[rows.front()].number, 1},
                      "dropped a version table (" + std::to_string(rows.size()) + " rows)");
        return;
    }
    if (labels.size() < 2) return;
    // the values: as many short lines right before the labels, or else right after them
    auto values_from = [&](std::size_t at, int step) {
        std::vector<std::size_t> values;
        for (std::size_t k = at; k < lines.size() && values.size() < labels.size();
             k += static_cast<std::size_t>(step)) {
            if (lines[k].blank) {
                // a cell per paragraph: one blank line between cells, not two
                const std::size_t next = k + static_cast<std::size_t>(step);
                if (next < lines.size() && !lines[next].blank) continue;
                break;
            }
            if (lines[k].junk || split_words(lines[k].text).size() > 4 || ends_sentence(lines[k].text))
                return std::vector<std::size_t>{};
            values.push_back(k);
            if (k == 0 && step < 0) break;
        }
        return values.size() == labels.size() ? values : std::vector<std::size_t>{};
    };
    // one blank line may stand between the labels and the values
    std::size_t before = labels.front() > 0 ? labels.front() - 1 : 0;
    if (before > 0 && lines[before].blank) --before;
    std::size_t after = labels.back() + 1;
    if (after + 1 < lines.size() && lines[after].blank) ++after;
    std::vector<std::size_t> values = labels.front() > 0 ? values_from(before, -1) : std::vector<std::size_t>{};
    if (values.empty() && after < lines.size()) values = values_from(after, 1);
    if (values.empty()) return;
    labels.insert(labels.end(), values.begin(), values.end());
    std::sort(labels.begin(), labels.end());
    for (std::size_t k : labels) {
        lines[k].junk = true;
        dropped.push_back({{lines[k].number, 1}, lines[k].text, "version table"});
    }
    diags.warning(path, {lines[labels.front()].number, 1},
                  "dropped a version table given one cell per line (" + std::to_string(labels.size()) + " lines)");
}

// ". . . . . . ." or "........": a dot leader alone on its line.
bool is_leader(std::string_view s) {
    return std::count(s.begin(), s.end(), '.') >= 4 && s.find_first_not_of(". ") == std::string_view::npos;
}

// "1 Introduction 2" under a "Contents" heading: a title and its page number; or a title, its
// dot leader and the page number with no space between ("1. INTRODUCTION..........1", as
// pdftotext gives a leader that runs to the number), or with the number lost past the
// line's end.
bool contents_entry(std::string_view s) {
    const std::vector<std::string> w = split_words(s);
    if (w.empty() || w.size() > 14) return false;
    std::string_view title = s;
    const std::size_t digits = title.size() - std::min(title.size(), title.find_last_not_of("0123456789") + 1);
    if (digits <= 3) title.remove_suffix(digits);
    const std::size_t dots = title.size() - std::min(title.size(), title.find_last_not_of('.') + 1);
    if (dots >= 4 && title.find_first_not_of(". ") < title.size() - dots) return true;
    return w.size() >= 2 && all_digits(w.back()) && w.back().size() <= 3 && !ends_sentence(s);
}

// "toc goes in here", "[TOC]", "{{contents}}": a short line that stands where a contents
// list was to go, naming it and saying nothing else.
bool contents_placeholder(std::string_view s) {
    if (s.size() > 60 || model::word_count(s, 7) > 6) return false;  // (asked of every line: few are short)
    std::vector<std::string> words = split_words(s);
    if (words.empty() || words.size() > 6 || ends_sentence(s)) return false;
    const bool bracketed = std::string_view("[{<").find(s.front()) != std::string_view::npos &&
                           std::string_view("]}>").find(s.back()) != std::string_view::npos;
    for (auto& w : words) {
        std::string core;
        for (char c : w)
            if (ascii::is_alpha(c)) core += ascii::to_lower(c);
        if (core == "toc" || (bracketed && core == "contents")) return true;
    }
    return false;
}

// A table of contents (Word or the PDF made it from the headings): a "Contents" heading
// and the entries under it, and any line with a dot leader and a page number.
void drop_contents(std::vector<Line>& lines, const std::string& path, std::vector<Dropped>& dropped,
                   Diagnostics& diags) {
    std::vector<bool> in_contents(lines.size(), false);
    auto drop = [&](Line& line) {
        line.junk = true;
        in_contents[static_cast<std::size_t>(&line - lines.data())] = true;
        dropped.push_back({{line.number, 1}, line.text, "table of contents"});
    };
    std::size_t count = 0, first = 0;
    auto drop_counted = [&](Line& line) {
        if (count++ == 0) first = line.number;
        drop(line);
    };
    // ("In this section:" too; a web page's label for links to its own parts, the links
    // themselves at times lost on the way to text, goes alone)
    const auto web_label = [](std::string_view text) {
        if (text.ends_with(':')) text.remove_suffix(1);
        return equals_ignore_case(text, "on this page") || equals_ignore_case(text, "in this section") ||
               equals_ignore_case(text, "page contents") || equals_ignore_case(text, "in this article") ||
               equals_ignore_case(text, "jump to");
    };
    const auto is_heading = [&](std::string_view text) {
        return equals_ignore_case(text, "contents") || equals_ignore_case(text, "table of contents") || web_label(text);
    };
    // "In this article" / "• Outlining the Member / Officer Protocol": a web page's list of
    // links to its own parts, as bullets in other words than the headings they lead to
    const auto web_links = [&](std::size_t heading, std::size_t from) {
        std::vector<std::size_t> entries;
        if (equals_ignore_case(lines[heading].text, "contents") ||
            equals_ignore_case(lines[heading].text, "table of contents"))
            return entries;
        for (std::size_t k = from; k < lines.size(); ++k) {
            if (lines[k].blank || lines[k].junk) continue;
            const Marker m = detail::read_marker(lines[k].text);
            if (m.kind != MarkerKind::bullet || ends_sentence(lines[k].text) ||
                model::word_count(lines[k].text, 14) > 13)
                break;
            entries.push_back(k);
        }
        return entries;
    };
    // "On this page" / "Introduction" / "Roles of members": a web page's links to its own
    // headings, lines without numbers that come again, in the same order, further down
    const auto repeated_entries = [&](std::size_t from) {
        std::vector<std::size_t> entries;
        std::size_t search = from;
        for (std::size_t k = from; k < lines.size(); ++k) {
            if (lines[k].blank || lines[k].junk) continue;
            // (numbered too: "24.1 Status of this code", a sub-heading's entry under an
            // unnumbered heading's)
            const Marker m = detail::read_marker(lines[k].text);
            if ((m.kind != MarkerKind::none && m.kind != MarkerKind::clause && m.kind != MarkerKind::single) ||
                !title_line(std::string_view(lines[k].text).substr(m.length)))
                break;
            std::size_t again = std::max(search, k + 1);
            while (again < lines.size() && !equals_ignore_case(lines[again].text, lines[k].text)) ++again;
            if (again == lines.size()) break;
            entries.push_back(k);
            search = again + 1;
        }
        // (the last entries may be the headings themselves, the text begun: the list ends
        // before the first entry's own heading)
        while (!entries.empty() && entries.size() > 1) {
            const std::size_t first_again = [&] {
                std::size_t a = entries.back() + 1;
                while (a < lines.size() && !equals_ignore_case(lines[a].text, lines[entries.front()].text)) ++a;
                return a;
            }();
            if (first_again < lines.size()) break;
            entries.pop_back();
        }
        return entries;
    };
    // The nearest line above `at` that is text (blank lines and furniture skipped; a bare
    // marker stays, as the number of an entry may be one).
    const auto text_above = [&](std::size_t at) {
        while (at > 0 && (lines[at - 1].blank || (lines[at - 1].junk && !lines[at - 1].bare_marker))) --at;
        return at;
    };
    // The "Contents" heading right above an entry goes with it.
    const auto drop_heading_above = [&](std::size_t above) {
        if (above > 0 && !lines[above - 1].junk && is_heading(lines[above - 1].text)) drop_counted(lines[above - 1]);
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank || lines[i].junk) continue;
        const std::string& text = lines[i].text;
        const bool heading = is_heading(text);
        if (contents_placeholder(text)) {
            // "toc goes in here", "[TOC]": where a contents list was to be made
            drop_heading_above(text_above(i));
            drop_counted(lines[i]);
        } else if (heading) {
            // the entries under it, blank lines between them allowed
            std::size_t end = i + 1;
            std::vector<std::size_t> entries;
            for (; end < lines.size(); ++end) {
                if (lines[end].blank || lines[end].junk) continue;
                if (!contents_entry(lines[end].text)) break;
                entries.push_back(end);
            }
            if (entries.size() < 2) {
                entries = repeated_entries(i + 1);
                if (entries.size() < 2) entries = web_links(i, i + 1);  // (one link is a list of them too)
                if (entries.empty() && !web_label(text)) continue;
                end = entries.empty() ? i + 1 : entries.back() + 1;
            }
            if (count++ == 0) first = lines[i].number;
            drop(lines[i]);
            for (std::size_t k : entries) drop(lines[k]);
            count += entries.size();
            i = end - 1;
        } else if (is_leader(text) && i > 0 && !lines[i - 1].junk && contents_entry(lines[i - 1].text)) {
            // "Introduction 2" / ". . . . . .": the leader went onto a line of its own (pdftotext -raw)
            const std::size_t entry = i - 1;
            drop_heading_above(text_above(entry));
            drop_counted(lines[entry]);
            drop_counted(lines[i]);
        } else if (contents_entry_with_leader(text)) {
            // the entry's number alone on the line above (pdftotext), and the "Contents"
            // heading above the first entry, go with it
            std::size_t above = text_above(i);
            if (above > 0 && !lines[above - 1].junk && lines[above - 1].text.size() <= 12) {
                const Marker number = detail::read_marker(lines[above - 1].text + " X");
                if ((number.kind == MarkerKind::single || number.kind == MarkerKind::clause) &&
                    number.length == lines[above - 1].text.size() + 1) {
                    drop_counted(lines[above - 1]);
                    above = text_above(above - 1);
                }
            }
            drop_heading_above(above);
            drop_counted(lines[i]);
        }
    }
    // "1. Introduction" ... "13. If Things Go Wrong" with no page numbers, then "1.
    // Introduction" again where the body starts: a run of three numbered headings or more,
    // one after another, whose first comes again below it
    auto numbered_title = [&](const Line& l, int& n) {
        const Marker m = detail::read_marker(l.text);
        if (l.blank || l.junk || m.kind != MarkerKind::single || m.enclosed) return false;
        n = m.parts[0];
        return title_line(std::string_view(l.text).substr(m.length));
    };
    // (once three entries stand so, an entry that reads less as a title goes on the list:
    // "7. The Relationship: General", "10. Councillors' Access to Information and to Council
    // Documents", a line of up to fourteen words that ends no sentence)
    auto numbered_entry = [&](const Line& l, int& n) {
        const Marker m = detail::read_marker(l.text);
        if (l.blank || l.junk || m.kind != MarkerKind::single || m.enclosed) return false;
        n = m.parts[0];
        const std::string_view words = std::string_view(l.text).substr(m.length);
        return split_words(words).size() <= 14 && !ends_sentence(words);
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        int n = 0, next = 0;
        if (!numbered_title(lines[i], n)) continue;
        std::vector<std::size_t> entries = {i};
        // "3.1 Councillors" or "Councillors" under "3. Roles": a sub-heading's entry, on the
        // list where a heading's entry comes after it (or, numbered, where the list ends)
        std::vector<std::size_t> subs;
        std::size_t headings = 1, end = i + 1, last_entry = i;
        for (; end < lines.size(); ++end) {
            if (lines[end].blank) continue;
            const bool entry = headings >= 3 ? numbered_entry(lines[end], next) : numbered_title(lines[end], next);
            if (entry && next == n + 1) {
                entries.insert(entries.end(), subs.begin(), subs.end());
                entries.push_back(end);
                subs.clear();
                last_entry = end, n = next, ++headings;
                continue;
            }
            const Marker m = detail::read_marker(lines[end].text);
            const std::string_view words = std::string_view(lines[end].text).substr(m.length);
            const bool numbered_sub = m.kind == MarkerKind::clause && m.parts[0] == n;
            if (lines[end].junk || (!numbered_sub && (m.kind != MarkerKind::none || !title_line(words))) ||
                split_words(words).size() > 14 || ends_sentence(words))
                break;
            if (numbered_sub && subs.empty()) {
                entries.push_back(end);
                last_entry = end;
            } else {
                subs.push_back(end);
            }
        }
        if (headings < 3) continue;
        // (or its number on a line of its own, "1." over "Introduction", as pdftotext gives a
        // number that stood in a column of its own)
        const Marker first_number = detail::read_marker(lines[i].text);
        const std::string_view first_words = std::string_view(lines[i].text).substr(first_number.length);
        auto comes_again = [&](std::size_t k) {
            if (lines[k].junk) return false;
            if (equals_ignore_case(lines[k].text, lines[i].text)) return true;
            // (the same number and words, however written: "1. Introduction" in the list, "1
            // Introduction" or "1.  INTRODUCTION" where the body starts)
            if (const Marker m = detail::read_marker(lines[k].text);
                m.kind == MarkerKind::single && !m.enclosed && m.parts == first_number.parts &&
                detail::same_letters(std::string_view(lines[k].text).substr(m.length), first_words))
                return true;
            if (lines[k].text != first_number.text) return false;
            std::size_t words = k + 1;
            while (words < lines.size() && lines[words].blank) ++words;
            return words < lines.size() && equals_ignore_case(lines[words].text, first_words);
        };
        // (the last heading's sub-headings' entries, unnumbered, are the list's where the
        // body starts right after them)
        std::size_t body = end;
        while (body < lines.size() && lines[body].blank) ++body;
        if (!subs.empty() && body < lines.size() && comes_again(body)) {
            entries.insert(entries.end(), subs.begin(), subs.end());
            last_entry = subs.back();
        }
        end = last_entry + 1;
        bool again = false;
        for (std::size_t k = end; k < lines.size() && !again; ++k) again = comes_again(k);
        if (!again) continue;
        std::size_t heading = i;
        while (heading > 0 && lines[heading - 1].blank) --heading;
        if (heading > 0 && is_heading(lines[heading - 1].text)) entries.insert(entries.begin(), heading - 1);
        if (count == 0) first = lines[entries.front()].number;
        for (std::size_t k : entries) drop(lines[k]);
        count += entries.size();
        i = end - 1;
    }
    // "2" / "2" / "3": the entries' page numbers in a column of their own, next to entries dropped
    auto page_only = [&](const Line& l) { return !l.junk && !l.blank && l.text.size() <= 3 && all_digits(l.text); };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!page_only(lines[i])) continue;
        // (page numbers dropped already, and blank lines, stand between them)
        auto between = [&](std::size_t k) { return lines[k].blank || (lines[k].junk && !in_contents[k]); };
        std::size_t end = i;
        while (end < lines.size() && (page_only(lines[end]) || between(end))) ++end;
        std::size_t before = i;
        while (before > 0 && between(before - 1)) --before;
        const bool next_to_contents =
            (before > 0 && in_contents[before - 1]) || (end < lines.size() && in_contents[end]);
        if (next_to_contents)
            for (std::size_t k = i; k < end; ++k)
                if (page_only(lines[k])) ++count, drop(lines[k]);
        i = end;
    }
    if (count > 0)
        diags.warning(path, {static_cast<std::uint32_t>(first), 1},
                      "dropped a table of contents (" + std::to_string(count) + (count == 1 ? " line" : " lines") +
                          "): the published page makes its own");
}

// "1.1" / "This Protocol guides...": pdftotext puts a number that stood in its own column
// (a tab stop, a hanging indent) on a line of its own. A line that is nothing but a
// clause number, "3.", a label or a bullet glyph goes in front of the line under it.
// The line a bare clause number goes with when a list (bullets, or labels "(a)") comes
// between them: the list ends the clause above (its lead-in ended with ":"), and pdftotext
// read the number column before it. The first paragraph after the list's items; `from` is
// the list's first line. lines.size() when there is none.
std::size_t after_item_list(const std::vector<Line>& lines, std::size_t from) {
    auto item_marker = [](MarkerKind k) { return k == MarkerKind::bullet || k == MarkerKind::label; };
    auto glyph_alone = [&](const Line& l) { return item_marker(marker_alone(l.text).kind); };
    bool item_words_due = false;  // a glyph alone: its words are the next line
    bool in_item = false;         // an item's words: the lines under them without a gap go on
    for (std::size_t k = from; k < lines.size(); ++k) {
        const Line& l = lines[k];
        if (l.blank || l.junk) {
            in_item = in_item && l.junk;
            continue;
        }
        if (l.page_break) return lines.size();
        if (glyph_alone(l)) {
            item_words_due = true;
            continue;
        }
        if (item_words_due || in_item || item_marker(detail::read_marker(l.text).kind)) {
            item_words_due = false;
            in_item = true;
            continue;
        }
        return detail::read_marker(l.text).kind == MarkerKind::none ? k : lines.size();
    }
    return lines.size();
}

// "5.1" / "5.2" / "5.3" stacked, then three paragraphs each led into a bullet list:
// pdftotext read the number column first. The numbers go, in order, to the first
// paragraph after them and to the paragraph after each one's list; when the paragraphs
// cannot be told apart that way the numbers are left as they are.
void deal_stacked_numbers(std::vector<Line>& lines, const std::string& path, Diagnostics& diags) {
    auto next_line = [&](std::size_t k) { return next_words(lines, k); };
    auto parts = [&](std::size_t k) { return marker_alone(lines[k].text).parts; };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank || lines[i].junk || !bare_number(lines[i].text)) continue;
        std::vector<std::size_t> run = {i};
        std::size_t k = next_line(i + 1);
        while (k < lines.size() && !lines[k].page_break && bare_number(lines[k].text))
            run.push_back(k), k = next_line(k + 1);
        const std::size_t above = words_above(lines, i);
        // "Officers" / "3.3" / "3.3.1" / "The primary role ...": the first number is the heading's
        // above it (read after it), the next its first clause's
        if (run.size() >= 2 && above < lines.size() && numbered_under(parts(i), parts(run[1]))) {
            if (detail::read_marker(lines[above].text).kind == MarkerKind::none && title_line(lines[above].text) &&
                !ends_sentence(lines[above].text)) {
                Line& heading = lines[above];
                diags.warning(path, {lines[i].number, 1},
                              "'" + lines[i].text + "' under the heading '" + heading.text +
                                  "' taken as its number: the clauses' numbers follow it");
                heading.text = lines[i].text + " " + heading.text;
                lines[i].junk = lines[i].bare_marker = true;
                run.erase(run.begin());
            }
        }
        // "10.2" / "10.2.1" / "Procedure for Councillors" / "If a Councillor ...": the heading is
        // under the numbers, and the first is its number, the next its first clause's
        if (run.size() == 2 && k < lines.size() && detail::read_marker(lines[k].text).kind == MarkerKind::none &&
            title_line(lines[k].text) && !ends_sentence(lines[k].text)) {
            const std::size_t words = next_line(k + 1);
            if (numbered_under(parts(run[0]), parts(run[1])) && words < lines.size() &&
                detail::read_marker(lines[words].text).kind == MarkerKind::none && !lines[words].page_break) {
                diags.warning(path, {lines[run[0]].number, 1},
                              "'" + lines[run[0]].text + "' and '" + lines[run[1]].text +
                                  "', stacked over the heading '" + lines[k].text +
                                  "', taken as its number and its first clause's");
                lines[k].text = lines[run[0]].text + " " + lines[k].text;
                lines[words].text = lines[run[1]].text + " " + lines[words].text;
                for (std::size_t bare : run) lines[bare].junk = lines[bare].bare_marker = true;
                i = words;
                continue;
            }
        }
        // "... without delay:" / "4.4" / "4.5" / "(a)" ...: the list after the numbers is the
        // lead-in's above them; their paragraphs come after it
        if (run.size() >= 2 && k < lines.size() && above < lines.size() && detail::ends_lead_in(lines[above].text)) {
            const MarkerKind kind = detail::read_marker(lines[k].text + " x").kind;
            if (kind == MarkerKind::bullet || kind == MarkerKind::label) k = after_item_list(lines, k);
        }
        if (run.size() < 2 || k == lines.size() || detail::read_marker(lines[k].text).kind != MarkerKind::none)
            continue;
        std::vector<std::size_t> targets = {k};
        while (targets.size() < run.size()) {
            std::size_t p = targets.back() + 1;
            while (p < lines.size() && !lines[p].blank && !lines[p].junk &&
                   detail::read_marker(lines[p].text + " x").kind == MarkerKind::none)
                ++p;  // the paragraph's wrapped lines
            p = next_line(p);
            if (p == lines.size()) break;
            // its list between: bullets, or its own sub-clauses ("3.1.1" ... under "3.1"), each
            // number alone on its line over its words
            std::size_t t = lines.size();
            const std::vector<int> parent = parts(run[targets.size() - 1]);
            auto child = [&](std::size_t q) {
                return q < lines.size() && bare_number(lines[q].text) && numbered_under(parent, parts(q));
            };
            if (const MarkerKind kind = detail::read_marker(lines[p].text + " x").kind;
                kind == MarkerKind::bullet || kind == MarkerKind::label) {
                t = after_item_list(lines, p);
            } else if (child(p)) {
                while (child(p)) {
                    p = next_line(p + 1);  // the sub-clause's words, wrapped or not
                    while (p < lines.size() && !lines[p].blank && !lines[p].junk &&
                           detail::read_marker(lines[p].text + " x").kind == MarkerKind::none)
                        ++p;
                    p = next_line(p);
                }
                if (p < lines.size() && !lines[p].page_break &&
                    detail::read_marker(lines[p].text + " x").kind == MarkerKind::none)
                    t = p;
            }
            if (t == lines.size()) break;
            targets.push_back(t);
        }
        if (targets.size() != run.size()) {
            i = run.back();
            continue;
        }
        for (std::size_t n = 0; n < run.size(); ++n) {
            Line& bare = lines[run[n]];
            Line& words = lines[targets[n]];
            if (n > 0)
                diags.warning(path, {bare.number, 1},
                              "'" + bare.text + "', stacked with other numbers, taken to the paragraph at line " +
                                  std::to_string(words.number));
            words.text = bare.text + " " + words.text;
            words.number = bare.number;
            bare.junk = bare.bare_marker = true;
        }
        i = targets.back();
    }
}

bool next_label(const std::string& previous, std::string_view label);

// "(a)" / "(b)" / "(c)" (or "•" three times) stacked under a lead-in, and the items' words
// after them: pdftotext read the label column first, as it does with a Word file printed
// to PDF whose labels stand at a tab. A clause after them may come between, its number
// alone, its own lead-in and its own stacked labels ("5.3" / "... at all times:" / "(a)" ...
// "5.4" / the items of 5.2, then those of 5.3): the runs take their items in order, an
// item running to the line that ends it (";", ".", ":" or "and"/"or" after a comma or
// semicolon). Each label's item lines are moved to just under it (where the label and its
// words are joined as a label alone on its line always is); a run whose items cannot be
// found is left as it is.
void deal_stacked_labels(std::vector<Line>& lines, const std::string& path, Diagnostics& diags) {
    auto label_alone = [&](std::size_t k) {
        if (k >= lines.size() || lines[k].blank || lines[k].junk) return false;
        const MarkerKind kind = marker_alone(lines[k].text).kind;
        return kind == MarkerKind::label || kind == MarkerKind::bullet;
    };
    auto number_alone = [&](std::size_t k) {
        if (k >= lines.size() || lines[k].blank || lines[k].junk) return false;
        const Marker m = marker_alone(lines[k].text, 'X');
        return m.kind == MarkerKind::clause || (m.kind == MarkerKind::single && !m.enclosed);
    };
    auto next_words = [&](std::size_t k) { return protopub::import::next_words(lines, k); };
    auto ends_item = [](std::string_view t) {
        const char c = t.empty() ? ' ' : t.back();
        return c == ';' || c == '.' || c == ':' || c == '!' || c == '?' || detail::ends_list_item(t);
    };
    std::vector<bool> taken(lines.size(), false);
    std::vector<std::vector<std::size_t>> under(lines.size());  // the lines moved under each label
    std::vector<std::vector<std::size_t>> over(lines.size());   // the labels moved over each item
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!label_alone(i) || taken[i]) continue;
        // the run: labels in sequence ("(a)" "(b)" ..., or the same glyph), blank lines between
        // them allowed
        std::vector<std::size_t> run = {i};
        for (std::size_t k = next_words(i + 1); label_alone(k); k = next_words(k + 1)) {
            const std::string& before = lines[run.back()].text;
            const bool glyphs = detail::read_marker(before + " x").kind == MarkerKind::bullet;
            if (glyphs ? lines[k].text != before : !next_label(before, lines[k].text)) break;
            run.push_back(k);
        }
        const std::size_t count = run.size(), end = run.back() + 1;
        if (count < 2) continue;
        // the items' words, in order, past what belongs to clauses after the run
        std::vector<std::vector<std::size_t>> items;
        bool interleaved = false;  // a clause's number or another run between the labels and their items
        std::size_t k = next_words(end);
        while (items.size() < count && k < lines.size()) {
            if (taken[k]) {  // words given to another run
                k = next_words(k + 1);
                continue;
            }
            if (label_alone(k)) {
                // another run's labels; or a glyph alone over its words, a list inside the
                // item before (its words go with it)
                if (label_alone(next_words(k + 1))) {
                    interleaved = true;
                    while (label_alone(k)) k = next_words(k + 1);
                    continue;
                }
                interleaved = interleaved || items.empty();
                k = next_words(k + 1);  // its words, to the line that ends them
                while (k < lines.size() && !lines[k].blank && !lines[k].junk && !label_alone(k) &&
                       detail::read_marker(lines[k].text).kind == MarkerKind::none && !ends_item(lines[k].text))
                    ++k;
                k = next_words(k < lines.size() && ends_item(lines[k].text) ? k + 1 : k);
                continue;
            }
            if (number_alone(k)) {  // a clause's number; its lead-in too, when its labels follow
                interleaved = true;
                const std::size_t words = next_words(k + 1);
                k = words < lines.size() && label_alone(next_words(words + 1)) ? next_words(words + 1)
                                                                               : next_words(k + 1);
                continue;
            }
            if (lines[k].page_break || detail::read_marker(lines[k].text).kind != MarkerKind::none) break;
            // as many lines as items left, up to a blank line: a line each, whatever their stops
            std::size_t block = k;
            while (block < lines.size() && !lines[block].blank && !lines[block].junk && !label_alone(block) &&
                   detail::read_marker(lines[block].text).kind == MarkerKind::none)
                ++block;
            if (block - k == count - items.size() && (block == lines.size() || lines[block].blank)) {
                for (std::size_t line = k; line < block; ++line) items.push_back({line});
                break;
            }
            std::vector<std::size_t> item = {k};
            // (an item wrapped onto the lines under it, up to twelve)
            while (!ends_item(lines[item.back()].text) && item.size() < 12 && item.back() + 1 < lines.size() &&
                   !lines[item.back() + 1].blank && !lines[item.back() + 1].junk && !label_alone(item.back() + 1) &&
                   detail::read_marker(lines[item.back() + 1].text).kind == MarkerKind::none)
                item.push_back(item.back() + 1);
            if (!ends_item(lines[item.back()].text)) item.resize(1);  // items without stops: a line each
            items.push_back(item);
            k = next_words(item.back() + 1);
        }
        if (items.size() < count) {
            i = end - 1;
            continue;
        }
        // the items' lines go up under their labels past what came between; else each
        // label goes down to its item (what follows an item, a list inside it, stays with it)
        for (std::size_t n = 0; n < count; ++n)
            if (interleaved)
                for (std::size_t w : items[n]) under[run[n]].push_back(w), taken[w] = true;
            else
                over[items[n].front()].push_back(run[n]), taken[run[n]] = true;
        diags.warning(path, {lines[i].number, lines[i].column},
                      "'" + lines[i].text + "' to '" + lines[end - 1].text +
                          "' stood in a column of their own: each taken with the words that follow, in order");
        i = end - 1;
    }
    if (std::none_of(taken.begin(), taken.end(), [](bool t) { return t; })) return;
    std::vector<Line> moved;
    moved.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (std::size_t w : over[i]) moved.push_back(std::move(lines[w]));
        if (taken[i]) continue;
        moved.push_back(std::move(lines[i]));
        for (std::size_t w : under[i]) moved.push_back(std::move(lines[w]));
    }
    lines = std::move(moved);
}

// "... is governed by:4.18.1": pdftotext glued the number that stood alone over the next
// paragraph to the end of the line before it. A clause number of two parts or more right
// after a colon at a line's end goes onto a line of its own.
void split_glued_numbers(std::vector<Line>& lines, const std::string& path, Diagnostics& diags) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& text = lines[i].text;
        if (lines[i].blank || lines[i].junk || text.empty() || !ascii::is_digit(text.back())) continue;
        const std::size_t start = text.find_last_not_of("0123456789.") + 1;
        if (start == 0 || start >= text.size() || text[start - 1] != ':') continue;
        const std::string number = text.substr(start);
        if (!bare_number(number) || detail::read_marker(number + " x").parts.size() < 2) continue;
        diags.warning(path, {lines[i].number, static_cast<std::uint32_t>(lines[i].column + start)},
                      "'" + number + "' glued to the end of the line taken as the number of the paragraph under it");
        Line alone = lines[i];
        alone.text = number;
        alone.column += static_cast<std::uint32_t>(start);
        alone.cells.clear(), alone.columns.clear();
        lines[i].text.erase(start);
        lines.insert(lines.begin() + static_cast<long>(i) + 1, std::move(alone));
        ++i;
    }
}

// "1." / "2." stacked, then one block of words with no blank line in it (pdftotext read the
// points' number column first): the first number goes to the block's first line, each next
// to the next line that starts after a finished sentence, in order. Left as it is when the
// block has too few such lines.
void deal_stacked_points(std::vector<Line>& lines, const std::string& path, Diagnostics& diags) {
    auto point_alone = [&](std::size_t k) {
        if (k >= lines.size() || lines[k].blank || lines[k].junk) return 0;
        const Marker m = marker_alone(lines[k].text, 'X');
        return m.kind == MarkerKind::single && !m.enclosed && lines[k].text.back() == '.' ? m.parts[0] : 0;
    };
    auto next_words = [&](std::size_t k) { return protopub::import::next_words(lines, k); };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (point_alone(i) == 0) continue;
        std::vector<std::size_t> run = {i};
        std::size_t k = next_words(i + 1);
        while (point_alone(k) == point_alone(run.back()) + 1) run.push_back(k), k = next_words(k + 1);
        if (run.size() < 2 || k == lines.size() || detail::read_marker(lines[k].text).kind != MarkerKind::none) {
            i = run.back();
            continue;
        }
        std::vector<std::size_t> starts = {k};
        for (std::size_t line = k + 1; line < lines.size() && !lines[line].blank && starts.size() < run.size();
             ++line) {
            if (lines[line].junk) continue;
            if (detail::read_marker(lines[line].text).kind != MarkerKind::none) break;
            const std::string& before = lines[line - 1].text;
            const bool ended = ends_sentence(before) || before.ends_with("\xE2\x80\x9D") || before.ends_with("?\"");
            if (ended && ascii::is_upper(lines[line].text[0])) starts.push_back(line);
        }
        if (starts.size() != run.size()) {
            i = run.back();
            continue;
        }
        for (std::size_t n = 0; n < run.size(); ++n) {
            Line& words = lines[starts[n]];
            if (n > 0)
                diags.warning(path, {words.number, words.column},
                              "'" + lines[run[n]].text + "', stacked with other numbers, taken to the line '" +
                                  words.text.substr(0, 40) + "...': the first after a finished sentence");
            words.text = lines[run[n]].text + " " + words.text;
            lines[run[n]].junk = lines[run[n]].bare_marker = true;
        }
        i = starts.back();
    }
}

void join_bare_markers(std::vector<Line>& lines, const std::string& path, Diagnostics& diags) {
    split_glued_numbers(lines, path, diags);
    deal_stacked_labels(lines, path, diags);
    deal_stacked_points(lines, path, diags);
    deal_stacked_numbers(lines, path, diags);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        Line& bare = lines[i];
        // the words may follow after blank lines
        std::size_t j = i + 1;
        while (lines[j].blank && j + 1 < lines.size() && j < i + 3) ++j;
        // "4.4 ... for example:" / "4.5" / "• item" ... / "Words of 4.5": past the list
        const Marker bare_mark = bare.blank || bare.junk ? Marker{} : detail::read_marker(bare.text + " X");
        const bool number_alone =
            bare_mark.length == bare.text.size() + 1 &&
            (bare_mark.kind == MarkerKind::clause ||
             (bare_mark.kind == MarkerKind::single && !bare_mark.enclosed && bare.text.back() == '.'));
        if (bare.text.size() <= 12 && number_alone && !lines[j].blank && !lines[j].junk && i > 0 &&
            detail::read_marker(lines[j].text + " x").kind == MarkerKind::bullet) {
            std::size_t before = i;
            while (before > 0 && (lines[before - 1].blank || lines[before - 1].junk)) --before;
            const std::size_t target = after_item_list(lines, j);
            if (before > 0 && lines[before - 1].text.back() == ':' && target < lines.size()) {
                diags.warning(path, {bare.number, 1},
                              "'" + bare.text +
                                  "' stood before a list that ends the paragraph above: "
                                  "taken to the paragraph after the list (line " +
                                  std::to_string(lines[target].number) + ")");
                j = target;
            }
        }
        Line& next = lines[j];
        // a number, label or glyph is a few bytes
        if (bare.text.size() > 12 || bare.blank || bare.junk || next.blank || next.junk || next.page_break ||
            next.table_row)
            continue;
        // (a plain integer is a number only before a capital: "2 x" reads as words)
        const Marker m = detail::read_marker(bare.text + (all_digits(bare.text) ? " X" : " x"));
        const bool whole = m.kind != MarkerKind::none && m.length == bare.text.size() + 1;
        // ("10" alone is a page number, unless a heading follows it and then clause 10.1:
        // "10" / "IF THINGS GO WRONG" / "10.1 Procedure for officers")
        auto heads_its_clauses = [&] {
            const std::size_t after = next_words(lines, j + 1);
            if (after == lines.size() || !title_line(next.text)) return false;
            const Marker first = detail::read_marker(lines[after].text + " x");
            return first.kind == MarkerKind::clause && first.parts.size() >= 2 && first.parts[0] == m.parts[0] &&
                   first.parts[1] == 1;
        };
        const bool plain_single =
            m.kind == MarkerKind::single && bare.text.back() != '.' && !m.enclosed && !heads_its_clauses();
        const bool ascii_bullet = m.kind == MarkerKind::bullet && static_cast<unsigned char>(bare.text[0]) < 0x80;
        if (!whole || plain_single || ascii_bullet) continue;
        if (detail::read_marker(next.text).kind != MarkerKind::none) continue;
        next.text = bare.text + " " + next.text;
        next.number = bare.number;
        next.leading_space = bare.leading_space;
        next.page_break = bare.page_break;
        bare.junk = bare.bare_marker = true;  // no longer a line of its own (nor of the page's width)
    }
}

// "Anytown Borough Council" / "CONSTITUTION – PART 5" / "Member/Officer Protocol": short
// lines stacked at the top with no blank line between, one of them naming the council
// or the constitution, are a title page, not one wrapped paragraph.
// (The first block may be a page's header over them, the title alone: the next block is
// looked at too, as far as the third.)
// A block that opens with the first block's one line again (a page's header printing the
// title, then the title page) is a title page too.
void mark_title_page(std::vector<Line>& lines) {
    std::size_t begin = 0;
    std::string header;  // the first block's words, when it is one line
    for (int block = 0; block < 3; ++block) {
        while (begin < lines.size() && (lines[begin].blank || lines[begin].junk)) ++begin;
        std::size_t end = begin;
        bool named = false;
        for (; end < lines.size() && !lines[end].blank && !lines[end].junk; ++end) {
            const std::string& text = lines[end].text;
            if (split_words(text).size() > 12 || ends_sentence(text) ||
                detail::read_marker(text).kind != MarkerKind::none)
                return;
            named = named || detail::names_title_page(text);
        }
        if (block == 0 && end == begin + 1) header = lines[begin].text;
        const bool under_header =
            block > 0 && !header.empty() && end - begin >= 2 && equals_ignore_case(lines[begin].text, header);
        if ((named || under_header) && end - begin >= 2) {
            for (std::size_t i = begin; i < end; ++i) lines[i].title_page = true;
            return;
        }
        begin = end;
    }
}

// "1.1" or "(a)" alone in a line's first cell: a number or label with a wide gap after it,
// not a table's cell.
bool marker_cell(const std::string& cell) { return marker_alone(cell).kind != MarkerKind::none; }

// Two or more lines in a row with the same number of cells (cut at tabs, or at gaps that
// line up) are a table, unless a first cell is only a number, label or bullet
// ("1.1<TAB>Members should" is a clause, "(a)<TAB>the Clerk" a sub-item; "A. Smith<TAB>Clerk"
// is a row).
void mark_tables(std::vector<Line>& lines) {
    auto row = [&](std::size_t i) {
        const Line& l = lines[i];
        return !l.junk && !l.cells.empty() && !marker_cell(l.cells[0]);
    };
    // rows cut at gaps must line up: their columns start in the same places
    auto same_columns = [&](const Line& a, const Line& b) {
        if (a.columns.size() != b.columns.size()) return false;
        for (std::size_t k = 1; k < a.columns.size(); ++k)
            if (a.columns[k] > b.columns[k] + 1 || b.columns[k] > a.columns[k] + 1) return false;
        return true;
    };
    for (std::size_t i = 0; i < lines.size();) {
        std::size_t end = i;
        while (end < lines.size() && row(end) && lines[end].cells.size() == lines[i].cells.size() &&
               same_columns(lines[end], lines[i]))
            ++end;
        if (end - i >= 2)
            for (std::size_t k = i; k < end; ++k) lines[k].table_row = true;
        i = std::max(end, i + 1);
    }
}

// Every word of a text, in lower case, and how often it occurs: open addressing over the
// word's bytes (a megabyte holds a few thousand distinct words, met 170,000 times while
// they are counted; a std::unordered_map<std::string, int> spent a tenth of an import here).
class Vocabulary {
public:
    void add(std::string_view word) {
        if ((size_ + 1) * 2 > table_.size()) grow();
        const std::uint64_t h = hash(word);
        Entry& e = table_[slot(table_, word, h)];
        if (e.count == 0) e.word.assign(word), e.hash = h, ++size_;
        ++e.count;
    }
    int count(std::string_view word) const { return table_.empty() ? 0 : table_[slot(table_, word, hash(word))].count; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

private:
    struct Entry {
        std::string word;
        std::uint64_t hash = 0;
        int count = 0;  // 0: the slot is free
    };
    static std::uint64_t hash(std::string_view w) {
        std::uint64_t h = 1469598103934665603ull;  // FNV-1a
        for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return h;
    }
    // the word's slot, or the free one it would take (the table is never full)
    static std::size_t slot(const std::vector<Entry>& table, std::string_view w, std::uint64_t h) {
        const std::size_t mask = table.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask)
            if (table[i].count == 0 || (table[i].hash == h && table[i].word == w)) return i;
    }
    void grow() {
        std::vector<Entry> bigger(table_.empty() ? 4096 : table_.size() * 2);
        for (Entry& e : table_)
            if (e.count > 0) {
                const std::uint64_t h = e.hash;
                bigger[slot(bigger, e.word, h)] = std::move(e);
            }
        table_ = std::move(bigger);
    }
    std::vector<Entry> table_;
    std::size_t size_ = 0;
};

// A word hyphenated at a line end ("profes-" / "sional") is one word again; a compound
// ("Councillor-" / "officer") keeps its hyphen. The text itself decides: the joined word
// written elsewhere in it, or halves that are no word anywhere in a text of some length,
// make one word.
class Hyphenation {
public:
    explicit Hyphenation(const std::vector<Line>& lines) : lines_(lines) {}

    // `before` ends with the hyphen; `after` is the next line.
    bool one_word(std::string_view before, std::string_view after) const {
        const std::size_t space = before.find_last_of(' ');
        const std::string head = letters(before.substr(space == std::string_view::npos ? 0 : space + 1));
        const std::string tail = letters(after.substr(0, after.find(' ')));
        if (head.empty() || tail.empty() || head.find('-') != std::string::npos) return false;
        // "co-" / "opted", "vice-" / "chair": prefixes written with a hyphen; "even-" /
        // "handed", "well-" / "being", "long-" / "term": words that open compounds
        static const std::unordered_set<std::string> prefixes = {
            "co",   "non",  "ex",   "re",   "pre",   "post", "anti", "pro",  "sub",  "vice", "semi", "multi", "cross",
            "self", "even", "well", "long", "short", "high", "low",  "full", "part", "half", "far",  "ill",   "open"};
        if (words_.empty()) learn_words();               // only texts with a hyphen at a line end pay for this
        if (words_.count(head + tail) > 0) return true;  // "re-" / "sponse" where "response" is written
        if (prefixes.count(head)) return false;
        // "maintain-" / "ing": a word's ending is no word of its own
        static const std::unordered_set<std::string> endings = {
            "ing",  "ings", "ed",   "tion", "tions", "sion", "ment",  "ments", "ness", "ity", "ities", "ly",
            "ance", "ence", "able", "ible", "ous",   "ive",  "ively", "ised",  "ized", "ise", "ize",   "ation"};
        if (endings.count(tail)) return true;
        if (words_.count(head + "-" + tail) > 0) return false;
        // halves that are no word of the text, when it has words enough to tell (the halves
        // of a compound, "decision" / "making", are common words, written elsewhere)
        return words_.size() >= 50 && words_.count(head) == 0 && words_.count(tail) == 0;
    }

    // "Mem" / "ber and Off" / "icer Protocol": a word cut at a line end with no hyphen, as
    // a PDF's text runs cut a title. The halves are written nowhere else in the text, and
    // the joined word (or its plural) is. In a title (`in_title`), halves that are no word
    // of a text of some length are enough, as for a hyphen, and so is a capitalised half
    // ("Pra") before a small one ("ctice") where the title's other words are capitalised.
    bool cut_word(std::string_view before, std::string_view after, bool in_title) const {
        auto letter = [](char c) { return ascii::is_alpha(c) != 0; };
        std::size_t from = before.size();
        while (from > 0 && letter(before[from - 1])) --from;
        std::size_t to = 0;
        while (to < after.size() && letter(after[to])) ++to;
        if (from == before.size() || to == 0 || (from > 0 && before[from - 1] != ' ')) return false;
        const std::string head = letters(before.substr(from)), tail = letters(after.substr(0, to));
        if (words_.empty()) learn_words();
        auto seen = [&](const std::string& w) { return words_.count(w); };
        if (seen(head) > 1 || seen(tail) > 1) return false;
        // "Member/Officer Protocol" / "Summary and Recommendations": a word's second half
        // goes on in small letters unless the whole word is in capitals
        const bool head_small = std::any_of(before.begin() + static_cast<long>(from), before.end(),
                                            [](char c) { return ascii::is_lower(c) != 0; });
        if (head_small && ascii::is_upper(after[0])) return false;
        if (seen(head + tail) > 0 || seen(head + tail + "s") > 0) return true;
        if (!in_title) return false;
        const bool cut_capital = ascii::is_upper(before[from]) && ascii::is_lower(after[0]) &&
                                 !detail::ends_with_small_word(after.substr(0, to));
        bool title_case = true;
        for (std::string_view part : {before.substr(0, from), after.substr(to)})
            for (const auto& w : split_words(part)) title_case = title_case && (w.size() < 4 || !ascii::is_lower(w[0]));
        return words_.size() >= 200 || (cut_capital && title_case);
    }

private:
    void learn_words() const {
        bool after_break = false;
        std::string w;
        for (const Line& l : lines_) {
            if (l.blank || l.junk) continue;
            // (a line is single-spaced: its words lie between single spaces)
            const std::string_view text = l.text;
            std::string_view last;
            bool first = true;
            for (std::size_t start = 0; start < text.size();) {
                std::size_t end = text.find(' ', start);
                if (end == std::string_view::npos) end = text.size();
                const std::string_view word = text.substr(start, end - start);
                const bool skip = (first && after_break) || word.empty() || (end == text.size() && word.back() == '-');
                first = false;
                start = end + 1;
                if (!word.empty()) last = word;
                if (skip) continue;
                letters(word, w);
                words_.add(w);
                for (std::size_t dash = w.find('-'); dash != std::string::npos; dash = w.find('-', dash + 1)) {
                    words_.add(std::string_view(w).substr(0, dash));
                    words_.add(std::string_view(w).substr(dash + 1, w.find('-', dash + 1) - dash - 1));
                }
            }
            after_break = last.size() > 1 && last.back() == '-';
        }
    }

    // the word in lower case, without the punctuation around it
    static std::string letters(std::string_view word) {
        std::string out;
        letters(word, out);
        return out;
    }
    // (and whether it holds a hyphen)
    static void letters(std::string_view word, std::string& out) {
        auto letter = [](char c) { return ascii::is_alpha(c) != 0; };
        while (!word.empty() && !letter(word.front())) word.remove_prefix(1);
        while (!word.empty() && !letter(word.back())) word.remove_suffix(1);
        out.resize(word.size());
        for (std::size_t i = 0; i < word.size(); ++i) out[i] = ascii::to_lower(word[i]);
    }

    const std::vector<Line>& lines_;
    mutable Vocabulary words_;  // every word of the text and how often, learnt on first use
};

// "(c)" after "(b)", "v." after "iv.": the next item of a list, even when the item
// before ends without a full stop ("(b) ... paragraph 5.2; and").
bool next_label(const std::string& previous, std::string_view label) {
    const std::string a = detail::label_core(previous), b = detail::label_core(label);
    if (a.empty() || b.empty()) return false;
    if (a.size() == 1 && b.size() == 1 && b[0] == a[0] + 1) return true;
    const int ra = detail::roman_value(a), rb = detail::roman_value(b);
    return ra > 0 && rb == ra + 1;
}

// A line that reads as a heading: short, capitalised, not ending a sentence or a phrase.
bool title_line(std::string_view text) {
    detail::Paragraph line;
    return detail::title_like(line, text, 12);
}

// "... as Head of Paid Service Councillors" / "2.2 Councillors have four main areas": a
// heading that the clause under it opens with, glued to the end of the paragraph before (its
// sentence lost its stop, or its line ran to the width). The bytes at the end of `before`
// that are the heading (the most words the clause repeats that read as a heading), or 0.
// Not after a small word ("the role of Councillors" / "2.2 Councillors" is one phrase) nor
// what the clause is all of.
std::size_t echoed_heading(std::string_view before, std::string_view clause) {
    std::vector<std::string_view> tail;  // the last words of `before` (as many as a title has), last first
    std::vector<std::size_t> starts;     // where each starts
    std::size_t start = before.size();
    while (tail.size() < 12 && start > 0) {
        const std::size_t space = before.rfind(' ', start - 1);
        const std::size_t from = space == std::string_view::npos ? 0 : space + 1;
        tail.push_back(before.substr(from, start - from));
        starts.push_back(from);
        if (space == std::string_view::npos) break;
        start = space;
    }
    for (std::size_t k = tail.size(); k > 0; --k) {
        if (starts[k - 1] < 2) continue;  // the heading and nothing before it
        // the clause's first k words are the tail's last k, in order, and it goes on
        std::size_t at = 0;
        bool same = true;
        for (std::size_t w = k; w-- > 0 && same;) {
            same = clause.substr(at, tail[w].size()) == tail[w] && at + tail[w].size() < clause.size() &&
                   clause[at + tail[w].size()] == ' ';
            at += tail[w].size() + 1;
        }
        const std::string_view heading = before.substr(starts[k - 1]);
        if (same && ascii::is_upper(heading[0]) && title_line(heading) &&
            !detail::ends_with_small_word(before.substr(0, starts[k - 1] - 1)))
            return heading.size();
    }
    return 0;
}

// Lines -> paragraphs: hard-wrapped lines are joined; a new paragraph starts at a blank
// line, at a number, bullet or label that cannot be the continuation of the line before,
// and where a page break fell between two sentences.
std::size_t wrapped_at(const std::vector<Line>& lines);

// A wrap that filled each line with as many words as fit `width`, counted by `measure`
// (characters or bytes); width 0: none.
struct GreedyWrap {
    std::size_t width = 0;
    std::size_t (*measure)(std::string_view) = nullptr;
    // `line` was ended, not wrapped: the first word of `next` (the line after it) would
    // have fitted on it
    bool had_room(std::string_view line, std::string_view next) const {
        return width > 0 && measure(line) + 1 + measure(next.substr(0, next.find(' '))) <= width;
    }
    // `line` is one word longer than the wrap allows (a web address): it says nothing of
    // whether its paragraph goes on
    bool overflowed(std::string_view line) const {
        return width > 0 && line.find(' ') == std::string_view::npos && measure(line) > width;
    }
};
GreedyWrap greedy_width(const std::vector<Line>& lines);

// How the text was laid out: with blank lines between paragraphs or none, wrapped at
// some width or a paragraph per line.
struct TextLayout {
    bool gapless = false;     // (almost) no blank lines: line ends are what separate paragraphs
    std::size_t width = 0;    // a line this long was wrapped, not ended; 0: nothing was wrapped
    std::size_t wrapped = 0;  // the width itself (wrapped_at): a line that leaves room for a word was ended
    // the shortest line that was surely wrapped (shortest_wrapped): a line that ends a
    // sentence and had room left for the next line's first word even in that one was ended
    std::size_t shortest_wrapped = 0;
    // the width of a greedy fixed-width wrap (greedy_width): a line with room for the next
    // line's first word within it was ended
    GreedyWrap greedy;
};

std::vector<Paragraph> join_lines(const std::vector<Line>& lines, const TextLayout& layout,
                                  std::vector<std::size_t>& last_line_length, const std::string& path,
                                  Diagnostics& diags) {
    const Hyphenation hyphenation(lines);
    // the words of the running headers dropped: where the same words are kept (the title
    // where the document starts, "Version number: 1" / "Code of Practice ..."), they are
    // a paragraph of their own
    std::unordered_set<std::string_view> headers;
    for (const Line& l : lines)
        if (l.junk && !l.text.empty()) headers.insert(l.text);
    std::vector<Paragraph> out;
    Paragraph cur;
    bool open = false;
    bool gap = false;
    std::string last_line;
    std::vector<int> last_number;
    std::vector<std::string> labels;  // the labels that started paragraphs since the last number
    int last_enclosed = 0;            // "(2)" or "2)" started the last item so numbered
    int last_titled = 0;              // "2. Personal Relationships": the last one-level number with a heading's words
    bool titled_open = false;         // the open paragraph is one line: such a number and a heading's words
    std::size_t heading_goes_on = lines.size();  // the line a heading between paragraphs was wrapped onto
    // a paragraph that ends a sentence has been read: the title page, where words are cut
    // between a PDF's text runs, is behind (an unnumbered text has no number to say so; nor
    // is a line as long as the wrapped ones a title's)
    bool sentences_seen = false;
    auto close = [&] {
        sentences_seen = sentences_seen || (open && ends_sentence(cur.text));
        if (open) out.push_back(std::move(cur));
        cur = Paragraph{};
        open = false;
    };
    // the next line with words, from `from` on
    auto next_line = [&](std::size_t from) {
        while (from < lines.size() && (lines[from].junk || lines[from].blank)) ++from;
        return from;
    };
    for (std::size_t index = 0; index < lines.size(); ++index) {
        const Line& line = lines[index];
        if (line.bare_marker) continue;  // it went onto the next line
        if (open && cur.table && !line.table_row) close();
        if (line.blank || line.junk) {
            close();
            gap = true;
            continue;
        }
        if (line.table_row) {
            if (!(open && cur.table)) {
                close();
                open = true;
                cur.pos = {line.number, 1};
                cur.after_gap = gap;
                cur.table.emplace();
                cur.table->kind = BlockKind::table;
                cur.table->pos = cur.pos;
            }
            // "|---|:---:|": the rule under a Markdown table's header row, no row of its own
            const bool rule = std::all_of(line.cells.begin(), line.cells.end(), [](const std::string& cell) {
                return cell.find('-') != std::string::npos && cell.find_first_not_of("-: ") == std::string::npos;
            });
            if (rule && cur.table->rows.size() == 1) continue;
            TableRow row;
            row.header = cur.table->rows.empty();
            for (const auto& cell : line.cells) row.cells.push_back({detail::inlines_from_text(cell)});
            cur.table->rows.push_back(std::move(row));
            last_line.clear();
            gap = false;
            continue;
        }
        if (line.heading_level > 0 || line.title_style || line.subtitle) {  // Markdown's: a paragraph of its own
            close();
            cur.pos = {line.number, line.column};
            cur.after_gap = gap;
            cur.text = line.text;
            cur.heading_level = line.heading_level;
            cur.title_style = line.title_style;
            cur.subtitle = line.subtitle;
            open = true;
            close();
            last_line = line.text;
            gap = false;
            continue;
        }
        const Marker m = detail::read_marker(line.text);
        const bool sentence_ended = ends_sentence(last_line);
        bool starts = !open;
        switch (m.kind) {
            case MarkerKind::bullet: {
                // "o" is a word as well as a bullet; a dash goes on a sentence that ran to
                // the full width of a wrapped line ("... Committees" / "– including ...")
                const bool dash = line.text[0] == '-' || line.text.rfind("\xE2\x80\x93", 0) == 0;
                const bool wrapped_on = dash && layout.width > 0 && last_line.size() >= layout.width;
                starts = starts || (line.text[0] != 'o' && !wrapped_on) || sentence_ended || cur.bullet;
                break;
            }
            // (any number after a numbered heading's line: "7. COUNCILLORS' ACCESS TO INFORMATION
            // AND TO COUNCIL DOCUMENTS" / "1. Councillors are free ...")
            case MarkerKind::clause:
                starts = starts || sentence_ended || titled_open || detail::plausible_next(last_number, m.parts);
                break;
            case MarkerKind::single:
                // "4. Breaches of this Protocol" after 3.2, with no full stop before it
                // (a table or a title came before): a numbered heading; "(3)" after a
                // paragraph that "(2)" started ("(2) to make policy; and"): the next item
                // ("2. Personal Relationships" after "1. Introduction" and paragraphs numbered
                // 1. to 3. under it: the headings' own series)
                starts = starts || sentence_ended || (titled_open && !m.enclosed) ||
                         ((detail::plausible_next(last_number, m.parts) ||
                           (last_titled > 0 && m.parts[0] == last_titled + 1)) &&
                          title_line(line.text.substr(m.length))) ||
                         (m.enclosed && last_enclosed > 0 && m.parts[0] == last_enclosed + 1);
                break;
            case MarkerKind::label:
                // (c) after (b), even with numerals (i)-(iii) between them
                starts = starts || sentence_ended ||
                         std::any_of(labels.begin(), labels.end(),
                                     [&](const std::string& l) { return next_label(l, m.text); });
                break;
            case MarkerKind::none: break;
        }
        // "... under section" / "2.3 of the Act": a number after a reference's word that goes
        // on in lower case is the reference, not a clause
        const bool reference_goes_on = open && (m.kind == MarkerKind::clause || m.kind == MarkerKind::single) &&
                                       detail::ends_with_reference_word(last_line) &&
                                       detail::is_lower_start(line.text.substr(m.length));
        if (reference_goes_on && starts) {
            starts = false;
            diags.warning(path, {line.number, line.column},
                          "'" + m.text +
                              "' at the line start taken as the number of the reference the line before "
                              "ends with, not as a clause: the sentence goes on");
        }
        // a page began here: a new paragraph if the last one ended, or with a number
        const bool page_seam = line.leading_space || line.page_break;
        starts = starts || (page_seam && (sentence_ended || m.kind == MarkerKind::clause));
        // "Finance: Not applicable" / "Legal: J. Smith": one field per line on a cover sheet
        // (the first of them too: "... Relations" / "To: Standards Committee" / "Date: ...")
        // ("Status:" alone, its value on a line below, is a field too)
        const auto field_follows = [&] {
            const std::size_t after = next_line(index + 1);
            if (after == lines.size()) return false;
            const std::string& t = lines[after].text;
            return starts_field(t) ||
                   (t.size() > 1 && t.back() == ':' && ascii::is_upper(t[0]) && model::word_count(t, 4) <= 3);
        };
        // ("Version: 1    Status: Draft": a title page's row of fields, a line of its own)
        const bool fields_row = starts_field(line.text) &&
                                line.text.find(": ", line.text.find(": ") + 2) != std::string::npos &&
                                model::word_count(line.text, 9) <= 8;
        starts = starts || (starts_field(line.text) && (starts_field(last_line) || field_follows() || fields_row)) ||
                 line.title_page || line.cut || headers.count(line.text) > 0;
        // "18. SUMMARY" / "The working relationship ...": a numbered heading in capitals is a
        // line of its own
        if (open && !starts && cur.single_line && ascii::is_upper(line.text[0]) && !detail::in_capitals(line.text)) {
            const Marker heading = detail::read_marker(cur.text);
            const std::string_view words = std::string_view(cur.text).substr(heading.length);
            starts = heading.kind == MarkerKind::single && !heading.enclosed && detail::in_capitals(words) &&
                     title_line(words);
        }
        // "... for recommendation" / "to Council" / "1. As part of ...": a number that can come
        // next, or a first label "(a)", at the start of a line after one that ended short (its
        // first word would have fitted there), starts a paragraph: the line before was ended,
        // not wrapped
        const std::size_t first_word =
            line.text.find(' ') == std::string::npos ? line.text.size() : line.text.find(' ');
        const bool ended_short = layout.width > 0 && last_line.size() + 1 + first_word <= layout.width;
        const bool room_in_greedy = layout.greedy.had_room(last_line, line.text);
        // (a number or a first label is surer to start something than a line that reads as a
        // heading: the room it needs is measured against the width itself, not three quarters
        // of it: "... recommendation to Council" / "1. As part of ..." at 72)
        const bool room_for_marker = layout.wrapped > 0 && last_line.size() + 1 + first_word <= layout.wrapped;
        const bool first_label =
            m.kind == MarkerKind::label && (detail::label_core(m.text) == "a" || detail::label_core(m.text) == "i");
        // ("24.1" after a covering report's points 1. to 4.: a protocol that goes on from an
        // earlier Part starts its own series there)
        const bool series_start = m.kind == MarkerKind::clause && m.parts.size() == 2 && m.parts[1] == 1;
        // ("(1)" too, where no enclosed number came before: the first of the protocol's own)
        const bool next_number =
            (!m.enclosed || (last_enclosed == 0 && m.parts == std::vector<int>{1})) &&
            ((m.kind == MarkerKind::single && (m.text.back() == '.' || m.enclosed)) || m.kind == MarkerKind::clause) &&
            (series_start ||
             (last_number.empty() ? m.parts == std::vector<int>{1} : plausible_next(last_number, m.parts)));
        // (in a text where no line was wrapped, every line ended where its writer ended it)
        if (open && !starts && !reference_goes_on && layout.wrapped == 0 && (next_number || first_label)) starts = true;
        if (open && !starts && !reference_goes_on && room_for_marker && (next_number || first_label)) {
            starts = true;
            diags.warning(path, {line.number, line.column},
                          "'" + m.text + "' taken to start a paragraph: the line before ended short of the width");
        }
        // a line printed twice, one under the other, however spaced or cased (a page's title
        // over its first heading)
        starts =
            starts || (open && cur.single_line && !last_line.empty() && detail::same_letters(line.text, last_line));
        // "PROTOCOL FOR MEMBER-OFFICER RELATIONS" / "Introduction" or "Adopted by Council on
        // ...": a title or heading in capitals is a paragraph of its own, however near the
        // width it ran (what goes on after it in small letters is another paragraph)
        starts = starts || (open && cur.single_line && title_line(last_line) && detail::in_capitals(last_line) &&
                            !detail::in_capitals(line.text) && ascii::is_upper(line.text[0]));
        // "Model protocol for local councils (LGA model, adapted in Somerset)" / "Model
        // Councillor-Officer Protocol", the text's first two lines: each names a protocol or
        // code, so each is a line of the title page (a title wrapped names it once)
        starts = starts || (open && out.empty() && cur.single_line && m.kind == MarkerKind::none &&
                            detail::contains_word(split_words(last_line), {"protocol", "code"}) &&
                            detail::contains_word(split_words(line.text), {"protocol", "code"}) &&
                            title_line(last_line) && title_line(line.text));
        // "Standing Orders" / "Standing orders are the written rules ...": in blocks between
        // blank lines, a short line that reads as a heading right over a sentence, or over a
        // line not in Title Case that runs to the width, is its heading (a wrapped
        // paragraph's first line runs near the width; a heading wrapped goes on in Title Case
        // or in small letters; a table's cells a line each are no sentences)
        const bool sentence_or_full_line =
            ends_sentence(line.text) || (layout.width > 0 && line.text.size() + 10 >= layout.width);
        if (!layout.gapless && open && !starts && cur.single_line && m.kind == MarkerKind::none &&
            title_line(last_line) && !detail::capitalised(line.text) && ascii::is_upper(line.text[0]) &&
            line.text.size() > last_line.size() && sentence_or_full_line && !detail::ends_lead_in(last_line) &&
            (layout.width == 0 || last_line.size() * 2 < layout.width)) {
            starts = true;
            diags.warning(path, {line.number - 1, 1},
                          "'" + last_line + "' taken as a heading: a short line over a sentence in the same block");
        }
        // No blank lines between paragraphs: a line that was not wrapped ends its paragraph
        // when it ends a sentence or is a heading, and a heading stands on its own line.
        if (layout.gapless && open && !starts && !reference_goes_on) {
            const bool last_short = layout.width == 0 || last_line.size() < layout.width ||
                                    last_line.size() + 1 + first_word < layout.shortest_wrapped || room_in_greedy;
            const bool last_heading = title_line(last_line) && cur.single_line;
            // (in a greedy wrap a line with room for the next word was ended, whatever it ends with)
            starts = layout.width == 0 || room_in_greedy || (last_short && (sentence_ended || last_heading)) ||
                     (sentence_ended && title_line(line.text) && line.text.size() < layout.width &&
                      (detail::in_capitals(line.text) || line.text.size() * 2 < layout.width));
            // "11. SUPPORT SERVICES TO COUNCILLORS AND POLITICAL" / "GROUPS" / "11.1 ...": a
            // numbered heading in capitals wrapped, its last words in capitals on a line of
            // their own right before the section's first clause, goes on
            if (starts && last_heading && m.kind == MarkerKind::none && detail::in_capitals(line.text) &&
                detail::in_capitals(last_line) && split_words(line.text).size() <= 3 && !ends_sentence(line.text)) {
                const Marker heading = detail::read_marker(last_line);
                const std::size_t after = next_line(index + 1);
                const Marker next = after < lines.size() ? detail::read_marker(lines[after].text) : Marker{};
                if (heading.kind == MarkerKind::single && next.kind == MarkerKind::clause && !heading.parts.empty() &&
                    next.parts.front() == heading.parts.front()) {
                    starts = false;
                    diags.warning(path, {line.number, line.column},
                                  "'" + line.text + "' taken as the end of the heading above it, wrapped");
                }
            }
            // "... as long as their term of office lasts" / "Councillors": a line that reads as
            // a heading, whose first word would have fitted on the line before, so that line
            // was ended, not wrapped (most lines reach four thirds of the wrap width)
            if (!starts && ended_short && m.kind == MarkerKind::none && cur.text.size() > last_line.size() &&
                title_line(line.text)) {
                starts = true;
                diags.warning(path, {line.number, line.column},
                              "'" + line.text +
                                  "' taken as a heading: its first word would have fitted on the line before, so "
                                  "that line ended its paragraph");
            }
            // a line that reads as a heading between a finished sentence and a numbered
            // paragraph that follows the last number is a heading on its own line, however
            // long the lines around it
            // (or wrapped onto a second line: "Members of the Cabinet, Chairmen and" / "Vice
            // Chairmen", "Officer attendance at political group" / "meetings")
            // the number after the heading's `n` lines, if it can come next
            auto number_after = [&](std::size_t n) {
                std::size_t at = index;
                for (std::size_t k = 0; k < n && at < lines.size(); ++k) at = next_line(at + 1);
                const Marker next = at < lines.size() ? detail::read_marker(lines[at].text) : Marker{};
                return (next.kind == MarkerKind::clause || (next.kind == MarkerKind::single && !next.enclosed)) &&
                       detail::plausible_next(last_number, next.parts);
            };
            // the next line with words, and its text ("" at the end)
            const std::size_t below = next_line(index + 1);
            const std::string_view below_text = below < lines.size() ? std::string_view(lines[below].text) : "";
            if (sentence_ended && m.kind == MarkerKind::none) {
                const std::size_t second = below;
                const bool fits_one = title_line(line.text) && number_after(1);
                const bool one_line = !starts && fits_one;
                // (a paragraph may start here by another rule: the heading still goes on)
                const bool two_lines = !fits_one && second < lines.size() &&
                                       detail::read_marker(lines[second].text).kind == MarkerKind::none &&
                                       title_line(line.text + " " + lines[second].text) && number_after(2);
                if (one_line || two_lines) {
                    starts = true;
                    if (two_lines) heading_goes_on = second;
                    diags.warning(path, {line.number, line.column},
                                  "'" + line.text + (two_lines ? " " + lines[second].text : "") +
                                      "' taken as a heading: it stands on its own " + (two_lines ? "lines" : "line") +
                                      " between a finished sentence and the next number");
                }
            }
            // "... employment matters confidential." / "Responsibility for this code" / "The
            // monitoring officer ...": in a greedy wrap, a line that reads as a heading after a
            // finished sentence and had room for the next line's first word stands alone (a
            // paragraph does not end in words after its last sentence)
            if (!starts && sentence_ended && m.kind == MarkerKind::none && layout.greedy.width > 0 &&
                title_line(line.text) && (below == lines.size() || layout.greedy.had_room(line.text, below_text))) {
                starts = true;
                diags.warning(path, {line.number, line.column},
                              "'" + line.text +
                                  "' taken as a heading: it stands on its own line after a finished sentence, "
                                  "and the line after it would have fitted on it");
            }
            // "... as council decisions." / "Councillors' briefings, agendas and reports" / "(a)
            // Briefings on agendas": a line that reads as a heading between a finished sentence
            // and a list's first item is its heading (a list's lead-in ends with ':' or goes on)
            if (!starts && sentence_ended && m.kind == MarkerKind::none && title_line(line.text)) {
                const Marker next = below < lines.size() ? detail::read_marker(below_text) : Marker{};
                if (next.kind == MarkerKind::label &&
                    (detail::label_core(next.text) == "a" || detail::label_core(next.text) == "i")) {
                    starts = true;
                    diags.warning(path, {line.number, line.column},
                                  "'" + line.text +
                                      "' taken as a heading: it stands on its own line between a finished sentence and "
                                      "a list's first item");
                }
            }
            // "... as Head of Paid Service" / "Councillors" / "2.2 Councillors have ...": a line
            // that the next number's clause opens with is its heading, however the line before ended
            // (or, in a greedy wrap, a line with room for the next line's first word: "...
            // Head of Paid Service" / "Councillors" / "Councillors have four main areas ...")
            if (!starts && m.kind == MarkerKind::none && below < lines.size() &&
                (number_after(1) || layout.greedy.had_room(line.text, below_text))) {
                if (echoed_heading(
                        cur.text + " " + line.text,
                        below_text.substr(std::min(below_text.size(), detail::read_marker(below_text).length))) ==
                    line.text.size()) {
                    starts = true;
                    diags.warning(path, {line.number, line.column},
                                  "'" + line.text + "' taken as a heading: the clause under it opens with its words");
                }
            }
        }
        // "They should:" / "    represent their ward;" / "    take part in meetings;": items whose
        // bullets were lost, indented a line each, start at each line that a lead-in or an
        // item ending ';' comes before, blank lines or not
        if (open && !starts && line.indented && m.kind == MarkerKind::none &&
            (cur.indented || detail::ends_lead_in(last_line)) &&
            (detail::ends_lead_in(last_line) || last_line.back() == ';' || detail::ends_list_item(last_line)))
            starts = true;
        // "... four main areas of responsibility:" / "To determine council policy ..." / "To
        // monitor ...": in text of a paragraph a line (nothing wrapped), the lines right under
        // a lead-in are its items, their bullets lost, up to one that ends a sentence ("...;"
        // goes on). With blank lines between paragraphs, the lines of one block (its first
        // too, under the lead-in after a blank line, when more lines follow it); with none,
        // three such lines or more in a numbered text (two may be a heading and its
        // paragraph; with no numbers, lines may be paragraphs of their own). A lead-in is no
        // item, nor the line above one ("Councillors" / "Councillors have four main areas:").
        auto may_be_item = [&](std::size_t k) {
            const std::string& t = lines[k].text;
            const bool above_lead_in = k + 1 < lines.size() && !lines[k + 1].blank && !lines[k + 1].junk &&
                                       detail::ends_lead_in(lines[k + 1].text);
            return detail::read_marker(t).kind == MarkerKind::none && ascii::is_upper(t[0]) &&
                   !detail::ends_lead_in(t) && !above_lead_in;
        };
        auto items_from = [&](std::size_t k) {
            std::size_t n = 0;
            for (; k < lines.size() && !lines[k].blank && !lines[k].junk && may_be_item(k); ++k) {
                ++n;
                if (ends_sentence(lines[k].text) && lines[k].text.back() != ';') break;
            }
            return n;
        };
        const bool item_line = layout.width == 0 && m.kind == MarkerKind::none && may_be_item(index) &&
                               ((open && cur.item_line && (!ends_sentence(last_line) || last_line.back() == ';')) ||
                                (!last_line.empty() && detail::ends_lead_in(last_line) &&
                                 (layout.gapless ? !last_number.empty() && items_from(index) >= 3
                                                 : (open && !starts) || (!open && items_from(index) >= 2))));
        starts = starts || item_line;
        // (no other rule started a paragraph:)
        // "Code of Practice for Member/Officer Relations" / "Media relations" or "MEDIA
        // RELATIONS": the title, a line that names a protocol or code, and the next reads as a
        // heading in another case (a title wrapped goes on in its own): the first heading
        // (the council's name or a line or two of the title page may stand above it)
        if (open && !starts && out.size() <= 2 && !sentences_seen && cur.single_line && m.kind == MarkerKind::none &&
            detail::header_line_kind(last_line) == detail::HeaderLine::title && title_line(last_line) &&
            title_line(line.text) && detail::case_style(last_line) != detail::case_style(line.text)) {
            starts = true;
            diags.warning(path, {line.number, 1},
                          "'" + line.text +
                              "' taken as a heading, not the title's last words: the title names a "
                              "protocol or code, and this line is in another case");
        }
        if (starts) {
            // (a paragraph that had room for this line's first word was ended: a blank line
            // after it is no page break inside it)
            // (so was one whose last line is one word, a web address, longer than the wrap allows)
            const bool ended = room_in_greedy || layout.greedy.overflowed(last_line);
            if (open)
                cur.ended = ended;
            else if (!out.empty())  // (closed at a blank line)
                out.back().ended = ended;
            close();
            open = true;
            cur.pos = {line.number, line.column};
            cur.after_gap = gap;
            cur.leading_space = line.leading_space;
            cur.indented = line.indented;
            cur.item_line = item_line;
            cur.bullet = m.kind == MarkerKind::bullet;
            cur.text = cur.bullet ? line.text.substr(m.length) : line.text;
            cur.glyph = cur.bullet ? clean_line(std::string_view(line.text).substr(0, m.length)) : "";
            if (m.kind == MarkerKind::clause || m.kind == MarkerKind::single) last_number = m.parts;
            titled_open = m.kind == MarkerKind::single && !m.enclosed && title_line(line.text.substr(m.length));
            if (titled_open) last_titled = m.parts[0];
            if (m.kind == MarkerKind::label) {
                labels.push_back(m.text);
                if (labels.size() > 32) labels.erase(labels.begin());  // a list's items are never that far apart
            }
            if (m.kind == MarkerKind::clause || m.kind == MarkerKind::single)
                labels.clear();  // a new clause, new lists
            last_enclosed = m.kind == MarkerKind::single && m.enclosed ? m.parts[0]
                            : m.kind == MarkerKind::clause             ? 0
                                                                       : last_enclosed;
            gap = false;
        } else if (detail::hyphen_joins(cur.text, line.text) && hyphenation.one_word(cur.text, line.text)) {
            cur.text.pop_back();
            const std::size_t word = cur.text.find_last_of(' ') + 1;
            diags.note(path, {line.number - 1, 1},
                       "'" + cur.text.substr(word) + "-' and '" + line.text.substr(0, line.text.find(' ')) +
                           "' are one word hyphenated at the line end: joined");
            cur.text += line.text;
            cur.single_line = false;
        } else if (hyphenation.cut_word(cur.text, line.text,
                                        last_number.empty() && !sentences_seen && cur.text.size() < 60 &&
                                            (layout.width == 0 || last_line.size() < layout.width))) {
            const std::size_t word = cur.text.find_last_of(' ') + 1;
            diags.warning(path, {line.number - 1, 1},
                          "'" + cur.text.substr(word) + "' and '" + line.text.substr(0, line.text.find(' ')) +
                              "' are one word cut at the line end: joined");
            cur.text += line.text;
            cur.single_line = false;
        } else {
            detail::append_words(cur.text, line.text);
            // (a heading wrapped onto this line is still one line's heading)
            cur.single_line = cur.single_line && index == heading_goes_on;
            titled_open = false;
        }
        last_line = line.text;
        if (last_line_length.size() < out.size() + 1) last_line_length.resize(out.size() + 1);
        last_line_length[out.size()] = line.text.size();
    }
    close();
    last_line_length.resize(out.size());
    return out;
}

// "... as they work together. 1.3 The Protocol must be read ...", and a whole document
// flattened onto one line (as some PDF extractions give it): a line is cut where a clause
// number that can follow the last one starts after a finished sentence or a heading, where
// a heading in capitals sits between a sentence and a number, and where the next sub-item
// or a bullet starts after a lead-in. Every cut is a warning at its line and column.
// What can start a number, a label or a bullet glyph inside a line: a digit, "(", a
// byte of a non-ASCII glyph, or a few letters closed by ")" or "." ("a)", "iv.").
bool may_start_marker(std::string_view s) {
    const auto c = static_cast<unsigned char>(s[0]);
    if ((c >= '0' && c <= '9') || c == '(' || c >= 0x80) return true;
    std::size_t i = 0;
    while (i < s.size() && i < 7 && ascii::is_alpha(s[i])) ++i;
    return i > 0 && i < s.size() && (s[i] == ')' || s[i] == '.');
}

// Some word of `text` has two capital letters or more and no small one.
bool has_caps_word(std::string_view text) {
    int capitals = 0;
    bool small = false;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ') {
            if (capitals >= 2 && !small) return true;
            capitals = 0, small = false;
        } else {
            small = small || ascii::is_lower(text[i]) != 0;
            capitals += ascii::is_upper(text[i]) != 0;
        }
    }
    return false;
}

// "ThisCode supplements ...", "... by those involved.A key role ...": words a PDF's text
// layer ran together, parted where the text itself shows the seam: a small letter then a
// capital inside a word whose two halves each stand alone elsewhere in the text and whose
// whole never does, or a full stop between a word and a capitalised one. Each is a warning
// at its line. (Words run together in small letters, "shouldrefer", stay as they are: with
// no dictionary, no rule tells "canonly" from "cannot".)
void part_run_together_words(std::vector<Line>& lines, const std::string& path, Diagnostics& diags) {
    auto letters = [](std::string_view w) {
        return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return ascii::is_alpha(c) != 0; });
    };
    // the one place a small letter meets a capital, with small letters after it ("ThisCode"), or 0
    auto seam = [&](std::string_view w) -> std::size_t {
        std::size_t at = 0;
        for (std::size_t k = 1; k < w.size(); ++k)
            if (ascii::is_lower(w[k - 1]) && ascii::is_upper(w[k])) {
                if (at != 0) return 0;
                at = k;
            }
        if (at < 2 || w.size() - at < 3) return 0;
        for (std::size_t k = at + 1; k < w.size(); ++k)
            if (!ascii::is_lower(w[k])) return 0;
        return at;
    };
    // "involved.A", "work.Members": where a full stop glues a word to a capitalised one, or 0
    auto stop_seam = [&](std::string_view w) -> std::size_t {
        const std::size_t dot = w.find('.');
        if (dot == std::string_view::npos || dot < 2 || dot + 1 >= w.size() || !letters(w.substr(0, dot)) ||
            !ascii::is_lower(w[dot - 1]) || !ascii::is_upper(w[dot + 1]))
            return 0;
        const std::string_view after = w.substr(dot + 2);
        return std::all_of(after.begin(), after.end(), [](char c) { return ascii::is_lower(c) != 0; }) ? dot + 1 : 0;
    };
    auto core_of = [](std::string_view w) {
        while (!w.empty() && !ascii::is_alnum(w.front())) w.remove_prefix(1);
        while (!w.empty() && !ascii::is_alnum(w.back())) w.remove_suffix(1);
        return w;
    };
    auto each_word = [&](const Line& l, auto&& visit) {
        const std::string_view text = l.text;
        for (std::size_t from = 0; from <= text.size();) {
            const std::size_t space = std::min(text.find(' ', from), text.size());
            visit(text.substr(from, space - from), from);
            from = space + 1;
        }
    };
    // Where the seams may be, first: most texts have none, and then nothing more is done.
    // (a seam needs a small letter or a full stop right before a capital: most lines have none)
    auto may_have_seam = [](std::string_view t) {
        for (std::size_t k = 1; k < t.size(); ++k)
            if (ascii::is_upper(t[k]) && (ascii::is_lower(t[k - 1]) || t[k - 1] == '.')) return true;
        return false;
    };
    std::vector<std::size_t> seamed;  // the lines with a seam
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].junk || lines[i].blank || !may_have_seam(lines[i].text)) continue;
        bool here = false;
        each_word(lines[i], [&](std::string_view word, std::size_t) {
            const std::string_view core = core_of(word);
            here = here || (letters(core) && seam(core) > 0) || stop_seam(core) > 0;
        });
        if (here) seamed.push_back(i);
    }
    if (seamed.empty()) return;
    // the words in small letters as they stand alone (a word with a seam is none)
    Vocabulary standalone;
    std::string low;
    auto lowered = [&](std::string_view w) -> const std::string& {
        low.assign(w);
        for (char& c : low) c = ascii::to_lower(c);
        return low;
    };
    for (const Line& l : lines)
        if (!l.junk && !l.blank)
            each_word(l, [&](std::string_view word, std::size_t) {
                const std::string_view core = core_of(word);
                if (letters(core) && seam(core) == 0) standalone.add(lowered(core));
            });
    auto stands_alone = [&](std::string_view w) { return standalone.count(lowered(w)) > 0; };
    for (const std::size_t i : seamed) {
        Line& l = lines[i];
        std::string parted;
        bool changed = false;
        each_word(l, [&](std::string_view word, std::size_t) {
            const std::string_view core = core_of(word);
            const std::size_t lead = static_cast<std::size_t>(core.data() - word.data());
            std::size_t cut = 0;
            if (const std::size_t at = letters(core) ? seam(core) : 0;
                at > 0 && stands_alone(core.substr(0, at)) && stands_alone(core.substr(at)) && !stands_alone(core))
                cut = lead + at;
            else if (const std::size_t stop = stop_seam(core); stop > 0)
                cut = lead + stop;
            if (!parted.empty()) parted += ' ';
            if (cut == 0) {
                parted += word;
                return;
            }
            diags.warning(path, {l.number, l.column},
                          "'" + std::string(core) + "' read as '" + std::string(word.substr(lead, cut - lead)) + " " +
                              std::string(core.substr(cut - lead)) + "': two words run together (a PDF's text layer)");
            parted.append(word.substr(0, cut)).append(" ").append(word.substr(cut));
            changed = true;
        });
        if (changed) l.text = std::move(parted);
    }
}

// "%.1 Officers ...": a clause number whose digit came out as a symbol (the numbers set in
// a font the extraction could not read). The digit it stands for is the one that makes
// the numbers run in order (1.4, "%.1", "%.%" read as 1.4, 2.1, 2.2) clearly more often
// than any other digit does; then every such number is repaired, each a warning.
void repair_number_glyphs(std::vector<Line>& lines, const std::string& path, Diagnostics& diags) {
    static constexpr std::string_view symbols = "%#$&*@!?+=~^";
    struct Numbered {
        std::size_t line;
        std::string token;  // the number as written
        char symbol = 0;    // the symbol in it, 0: digits only
    };
    std::vector<Numbered> numbered;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.blank || l.junk) continue;
        const std::size_t end = l.text.find(' ');
        if (end == 0 || end == std::string::npos || end + 1 >= l.text.size() || !ascii::is_alpha(l.text[end + 1]))
            continue;
        const std::string token = l.text.substr(0, end);
        char symbol = 0;
        bool shape = ascii::is_digit(token[0]) || symbols.find(token[0]) != symbols.npos;
        for (char c : token) {
            if (symbols.find(c) != symbols.npos) {
                shape = shape && (symbol == 0 || symbol == c);
                symbol = c;
            } else if (c != '.' && !ascii::is_digit(c)) {
                shape = false;
            }
        }
        // a symbol alone ("& Officers") is a word
        const bool number_like = token.find_first_of("0123456789.") != std::string::npos;
        if (shape && number_like) numbered.push_back({i, token, symbol});
    }
    std::string symbols_seen;
    for (const auto& n : numbered)
        if (n.symbol && symbols_seen.find(n.symbol) == std::string::npos) symbols_seen += n.symbol;
    for (const char symbol : symbols_seen) {
        // how many numbers follow the one before in order, with the symbol read as `digit`
        auto in_order = [&](char digit) {
            int fits = 0;
            std::vector<int> prev;
            for (const auto& n : numbered) {
                if (n.symbol && n.symbol != symbol) continue;
                std::string number = n.token;
                std::replace(number.begin(), number.end(), symbol, digit);
                if (number.back() == '.') number.pop_back();
                std::vector<int> parts;
                if (!parse_clause_number(number, parts)) continue;
                fits += n.symbol && !prev.empty() && detail::plausible_next(prev, parts);
                prev = parts;
            }
            return fits;
        };
        char best = 0;
        int best_fits = 0, runner_up = 0;
        for (char d = '0'; d <= '9'; ++d) {
            const int fits = in_order(d);
            if (fits > best_fits)
                runner_up = best_fits, best_fits = fits, best = d;
            else
                runner_up = std::max(runner_up, fits);
        }
        if (best_fits < 2 || best_fits < runner_up + 2) continue;
        for (const auto& n : numbered) {
            if (n.symbol != symbol) continue;
            Line& l = lines[n.line];
            std::replace(l.text.begin(), l.text.begin() + static_cast<long>(n.token.size()), symbol, best);
            diags.warning(path, {l.number, 1},
                          "'" + n.token + "' read as '" + l.text.substr(0, n.token.size()) + "': with a " + best +
                              " for '" + symbol +
                              "' the numbers run in order (a font the text came out of without its digits)");
        }
    }
}

// "A1. This Protocol ...": paragraphs numbered by lettered Parts (detail::lettered_numbers),
// each line's number written with digits, a warning each.
void letters_as_numbers(std::vector<Line>& lines, const std::string& path, Diagnostics& diags) {
    std::vector<std::string_view> starts;
    for (const Line& l : lines) starts.push_back(l.blank || l.junk ? std::string_view() : std::string_view(l.text));
    for (const detail::LetteredNumber& n : detail::lettered_numbers(starts)) {
        Line& l = lines[n.index];
        detail::warn_lettered(n, l.text, path, {l.number, l.column}, diags);
        l.text = model::join_number(n.parts) + l.text.substr(n.length);
    }
}

// A word that is the whole heading of a protocol's opening section ("Introduction",
// "Purpose"): glued after a title in a flattened text, it is the first heading.
bool opening_heading_word(std::string_view word) {
    static constexpr std::array<std::string_view, 14> words = {
        "Introduction", "Purpose",        "Scope",          "Background",      "Principles",
        "Definitions",  "Interpretation", "Correspondence", "Confidentiality", "Communications",
        "Overview",     "Summary",        "Status",         "Application"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

// "Code of Practice for Member/Officer Relations To: Standards Committee Date: ...": a flattened
// text that opens with the protocol's title and goes on with a cover sheet's fields. Where the
// first field starts (its name the fewest words, from a capital, that leave a title naming a
// protocol before it: "... Relations Title of Report:" is not "... Relations Title of" /
// "Report:"), or 0.
std::size_t title_before_field(std::string_view text) {
    const std::size_t colon = text.find(": ");
    if (colon == std::string_view::npos || colon > 200) return 0;
    std::size_t name = colon;
    for (int words = 1; words <= 5; ++words) {
        name = text.rfind(' ', name - 1);
        if (name == std::string_view::npos || name == 0) return 0;
        const std::string_view title = text.substr(0, name);
        if (ascii::is_upper(text[name + 1]) && title_line(title) &&
            detail::header_line_kind(title) == detail::HeaderLine::title)
            return name + 1;
    }
    return 0;
}

// "... Section 151 <https://www.legislation.gov.uk/ukpga/1972/70/section/151> Officer": a web
// page printed with a style that writes each link's address after its words. An address in
// angle brackets right after a word (not after "see", "at", a dash or a colon, where the
// address is what the sentence gives) is the link's, not words of the text: dropped, each
// reported. (protopub links statutes again from their words.)
void drop_printed_addresses(std::vector<Paragraph>& paras, const std::string& path, std::vector<Dropped>& dropped,
                            Diagnostics& diags) {
    static const std::array<std::string_view, 12> giving = {"see", "at", "visit", "via",     "from", "on",
                                                            "to",  "is", "are",   "website", "site", "page"};
    for (Paragraph& p : paras) {
        if (p.table || p.text.find(" <http") == std::string::npos) continue;
        for (std::size_t at = p.text.find(" <http"); at != std::string::npos; at = p.text.find(" <http", at + 1)) {
            const std::size_t close = p.text.find('>', at);
            if (close == std::string::npos || p.text.find(' ', at + 1) < close || at == 0) continue;
            const std::size_t word = p.text.rfind(' ', at - 1);
            const std::string before = detail::lower(p.text.substr(word == std::string::npos ? 0 : word + 1,
                                                                   at - (word == std::string::npos ? 0 : word + 1)));
            const char last = before.empty() ? ' ' : before.back();
            if (before.empty() || last == '-' || last == ':' || (!ascii::is_alnum(last) && last != ')') ||
                std::find(giving.begin(), giving.end(), before) != giving.end())
                continue;
            const std::string address = p.text.substr(at + 1, close - at);
            dropped.push_back({p.pos, address, "printed link address"});
            diags.warning(path, p.pos,
                          "dropped '" + address + "' after '" + before +
                              "': a link's address printed after its words, as a web page's print style writes it");
            p.text.erase(at, close + 1 - at);
            --at;
        }
    }
}

// "... as issued by the Monitoring Officer. - The Role of Councillors and Employees": in a
// text whose items start "- " a line each, an item of a few words in Title Case glued
// after a paragraph's last full stop (a web page's list flattened) is a line of its own.
std::vector<Line> part_glued_items(std::vector<Line> lines, const std::string& path, Diagnostics& diags) {
    const auto dashed = std::count_if(lines.begin(), lines.end(),
                                      [](const Line& l) { return !l.junk && !l.blank && l.text.starts_with("- "); });
    if (dashed < 3) return lines;
    auto glued_at = [](const Line& l) {
        const std::size_t at = l.junk || l.blank ? std::string::npos : l.text.rfind(". - ");
        const std::string_view tail =
            at == std::string::npos ? std::string_view() : std::string_view(l.text).substr(at + 4);
        return tail.empty() || !title_line(tail) || model::word_count(tail, 9) > 8 || !detail::capitalised(tail) ||
                       ends_sentence(tail)
                   ? std::string::npos
                   : at;
    };
    if (std::none_of(lines.begin(), lines.end(), [&](const Line& l) { return glued_at(l) != std::string::npos; }))
        return lines;
    std::vector<Line> out;
    out.reserve(lines.size() + 8);
    for (Line& l : lines) {
        const std::size_t at = glued_at(l);
        if (at == std::string::npos) {
            out.push_back(std::move(l));
            continue;
        }
        const std::string_view tail = std::string_view(l.text).substr(at + 4);
        Line item = l;
        item.text = "- " + std::string(tail);
        item.column = l.column + static_cast<std::uint32_t>(at + 2);
        item.cut = true;
        l.text.resize(at + 1);
        diags.warning(path, {item.number, item.column},
                      "'" + item.text +
                          "' taken as an item of its own: glued after the paragraph's last full stop, "
                          "where the other items start a line");
        out.push_back(std::move(l));
        out.push_back(std::move(item));
    }
    return out;
}

std::vector<Line> split_inline_structure(std::vector<Line> lines, const std::string& path, Diagnostics& diags) {
    std::vector<Line> out;
    out.reserve(lines.size());
    std::vector<int> last;  // the last clause or section number seen
    auto is_caps_word = [](std::string_view w) {
        int letters = 0;
        for (char c : w) {
            if (ascii::is_lower(c)) return false;
            letters += ascii::is_upper(c) != 0;
        }
        return letters >= 2;
    };
    // lines cut at tabs or gaps are laid out in cells, kept as they are ("Part 5.<TAB>Title"),
    // unless they open with a clause's number (a wide gap after it, or in its words) and no
    // line next to them has as many cells (a table's rows)
    std::vector<bool> row(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::size_t cells = lines[i].cells.size();
        if (cells == 0) continue;
        const Marker m = detail::read_marker(lines[i].cells[0] + " x");
        row[i] = (m.kind != MarkerKind::clause && m.kind != MarkerKind::single) ||
                 (i > 0 && lines[i - 1].cells.size() == cells) ||
                 (i + 1 < lines.size() && lines[i + 1].cells.size() == cells);
    }
    bool words_before = false;  // a line with words came before this one
    for (std::size_t index = 0; index < lines.size(); ++index) {
        Line& line = lines[index];
        const bool first_words = !words_before;
        words_before = words_before || !(line.blank || line.junk);
        if (line.blank || line.junk || row[index] || line.text.size() < 40) {
            const Marker m = line.blank ? Marker{} : detail::read_marker(line.text);
            if (m.kind == MarkerKind::clause || (m.kind == MarkerKind::single && !m.enclosed)) last = m.parts;
            out.push_back(std::move(line));
            continue;
        }
        const std::string text = line.text;
        std::vector<std::size_t> cuts;  // byte offsets where a new line starts
        if (const std::size_t field = first_words ? title_before_field(text) : 0; field > 0) cuts.push_back(field);
        std::size_t segment = 0;  // where the current piece starts
        {
            const Marker m = detail::read_marker(text);
            if (m.kind == MarkerKind::clause || (m.kind == MarkerKind::single && !m.enclosed)) last = m.parts;
        }
        std::string last_label;
        auto one_sentence = [](std::string_view t) {
            return t.find(". ") == std::string_view::npos && t.find("; ") == std::string_view::npos &&
                   t.find("? ") == std::string_view::npos && t.find("! ") == std::string_view::npos;
        };
        for (std::size_t p = 1; p < text.size(); ++p) {
            if (text[p - 1] != ' ') continue;
            const std::string_view rest = std::string_view(text).substr(p);
            if (!may_start_marker(rest)) continue;
            const Marker m = detail::read_marker(rest);
            if (m.kind == MarkerKind::none || m.length >= rest.size()) continue;
            const std::string_view before = std::string_view(text).substr(segment, p - 1 - segment);
            const bool sentence = ends_sentence(before);
            // the number, label or bullet the piece so far starts with, and whether the words
            // after it read as its title ("24.8 Information and advice", "(a) General information")
            const Marker own = detail::read_marker(before);
            const bool own_title = own.kind != MarkerKind::none && title_line(before.substr(own.length));
            bool cut = false;
            if (m.kind == MarkerKind::clause || (m.kind == MarkerKind::single && !m.enclosed && m.text.back() == '.')) {
                const bool next = last.empty()
                                      ? std::all_of(m.parts.begin() + 1, m.parts.end(), [](int x) { return x == 1; })
                                      : detail::plausible_next(last, m.parts);
                const bool capital = ascii::is_upper(rest[m.length]) != 0;
                // "... by Full Council. Roles of members 2.1 ...": a heading between them
                // ("... Council. THE RELATIONSHIP: GENERAL 4.1": the heading starts after the
                // first sentence end that leaves a heading with no other sentence end in it)
                std::size_t stop = std::string_view::npos;
                for (std::size_t at = before.find_first_of(".;:?!");
                     at != std::string_view::npos && stop == std::string_view::npos;
                     at = before.find_first_of(".;:?!", at + 1)) {
                    if (at + 2 >= before.size() || before[at + 1] != ' ' || (at > 0 && ascii::is_digit(before[at - 1])))
                        continue;
                    const std::string_view tail = before.substr(at + 2);
                    // (a value with no letter is no heading: "Version number: 1 24.1 ...")
                    const bool letters =
                        std::any_of(tail.begin(), tail.end(), [](char c) { return ascii::is_alpha(c); });
                    if (one_sentence(tail) && letters && title_line(tail)) stop = at;
                }
                // ("4. THE RELATIONSHIP: GENERAL" is a numbered heading whole)
                const bool numbered_heading = (own.kind == MarkerKind::single || own.kind == MarkerKind::clause) &&
                                              one_sentence(before.substr(own.length)) && own_title;
                const bool heading_after_stop = stop != std::string_view::npos && !numbered_heading;
                // a bullet item often ends without a stop: the next number ends it
                const bool after_bullet = own.kind == MarkerKind::bullet;
                // "... of the arrangements 9. Media Relations 9.1 A primary ...": a section's number
                // and heading with its first clause right after them, whatever ended before
                bool heads_section = false;
                if (m.kind == MarkerKind::single) {
                    const std::string first_child = " " + std::to_string(m.parts[0]) + ".1 ";
                    const std::size_t child = rest.find(first_child, m.length);
                    if (child != std::string_view::npos && child - m.length <= 120) {
                        const std::string_view heading = rest.substr(m.length, child - m.length);
                        heads_section = one_sentence(heading) && title_line(heading);
                    }
                }
                // "... distinct from one another 2.1.2 Councillors are ...": a number of two parts
                // or more that can come next, after a clause's words, is the next clause even
                // where its sentence has no full stop (not "in paragraph 2.1.2 Councillors ...")
                const bool runs_on = m.kind == MarkerKind::clause && m.parts.size() >= 2 &&
                                     split_words(before).size() >= 6 && !detail::ends_with_reference_word(before);
                // "... is information: 4.23.1 furnished to ..., or 4.23.2 which may not ...": the
                // items of a lead-in numbered as its sub-clauses go on in small letters (the first
                // after the lead-in's colon, the next after an item so begun that goes on)
                const bool lower_item =
                    m.kind == MarkerKind::clause && !last.empty() &&
                    ((detail::ends_lead_in(before) && m.parts.size() == last.size() + 1 && m.parts.back() == 1) ||
                     (own.kind == MarkerKind::clause && own.parts == last && m.parts.size() == last.size() &&
                      detail::is_lower_start(before.substr(own.length)) &&
                      (detail::ends_list_item(before) || before.back() == ';')));
                // "... for recommendation to Council 1. As part of ...", "... Version number: 1 24.1
                // Status of this code ...": the start of a series (the text's first "1.", or N.1
                // where a protocol goes on from an earlier Part) whose next number comes a little
                // further on starts here, whatever ended before it
                bool series = false;
                if (capital && !detail::ends_with_reference_word(before) && !detail::ends_with_small_word(before) &&
                    (m.kind == MarkerKind::single ? m.text == "1." && last.empty()
                                                  : m.parts.size() == 2 && m.parts[1] == 1)) {
                    const std::string second =
                        " " + (m.kind == MarkerKind::single ? "2." : std::to_string(m.parts[0]) + ".2") + " ";
                    series = rest.substr(0, std::min<std::size_t>(rest.size(), 2000)).find(second, m.length) !=
                             std::string_view::npos;
                }
                const std::size_t echo = next && !sentence && !heading_after_stop && !numbered_heading
                                             ? echoed_heading(before, rest.substr(m.length))
                                             : 0;
                cut = (next && (capital || lower_item) &&
                       (sentence || title_line(before) || heading_after_stop || after_bullet || heads_section ||
                        runs_on || echo > 0)) ||
                      series;
                if (cut) {
                    last = m.parts;
                    last_label.clear();
                    if (sentence) {
                    } else if (heading_after_stop) {
                        cuts.push_back(segment + stop + 2);
                    } else if (echo > 0) {
                        cuts.push_back(p - 1 - echo);
                    } else if (segment == 0 && text.size() >= 400) {
                        // a flattened document's title and first heading: the title ends with
                        // its last word that names a protocol ("... Protocol", "... Relations")
                        const std::vector<std::string> words = split_words(before);
                        std::size_t end_word = words.size();
                        // (a title's words are capitalised: "Media relations" after it is a heading)
                        for (std::size_t k = words.size(); k-- > 1;)
                            if (ascii::is_upper(words[k][0]) &&
                                (detail::header_line_kind(words[k]) == detail::HeaderLine::title ||
                                 detail::header_line_kind("A " + words[k]) == detail::HeaderLine::title)) {
                                end_word = k + 1;
                                break;
                            }
                        std::size_t caps = 0;
                        while (caps < words.size() && is_caps_word(words[words.size() - 1 - caps])) ++caps;
                        const bool mixed_title =
                            std::any_of(words.begin(), words.end() - static_cast<long>(caps), [](const std::string& w) {
                                return std::any_of(w.begin(), w.end(), [](char c) { return ascii::is_lower(c); });
                            });
                        if (caps > 0 && caps < words.size() && mixed_title) end_word = words.size() - caps;
                        // "... on Relations between Councillors and Employees Respect and courtesy": a
                        // small word goes on with the title; the heading after it starts at the last
                        // capital before its first small word that is no connecting word ("courtesy")
                        auto lower_start = [&](std::size_t k) { return ascii::is_lower(words[k][0]) != 0; };
                        if (end_word < words.size() && lower_start(end_word)) {
                            static const std::array<std::string_view, 12> connecting = {
                                "between", "and", "of", "for", "the", "with", "to", "in", "on", "by", "at", "a"};
                            std::size_t heading = words.size();
                            for (std::size_t k = end_word; k < words.size(); ++k) {
                                if (!lower_start(k) ||
                                    std::find(connecting.begin(), connecting.end(), words[k]) != connecting.end())
                                    continue;
                                for (std::size_t j = k; j-- > end_word;)
                                    if (!lower_start(j)) {
                                        heading = j;
                                        break;
                                    }
                                break;
                            }
                            // ("... between Councillors and Employees Introduction": a one-word
                            // heading, one that opens protocols, after a title's capitals)
                            if (heading == words.size() && opening_heading_word(words.back()))
                                heading = words.size() - 1;
                            end_word = heading;
                        }
                        if (end_word < words.size()) {
                            std::size_t at = 0;
                            for (std::size_t k = 0; k < end_word; ++k) at = text.find(' ', at) + 1;
                            cuts.push_back(at);
                        }
                    } else {
                        // "Member Officer Protocol INTRODUCTION 1.1": a heading in capitals after the
                        // title ("16. INDEPENDENT / CO-OPTED PERSONS" is a numbered heading whole)
                        const std::vector<std::string> words = split_words(before);
                        std::size_t caps = 0;
                        while (caps < words.size() && is_caps_word(words[words.size() - 1 - caps])) ++caps;
                        if (caps > 0 && caps < words.size() && !numbered_heading) {
                            std::size_t at = p - 1;
                            for (std::size_t k = 0; k < caps; ++k) at = text.rfind(' ', at - 1);
                            if (at != std::string::npos && at > segment) cuts.push_back(at + 1);
                        }
                    }
                }
            } else if (m.kind == MarkerKind::label) {
                // "(b)" after "(a) ...;", "(a)" after a lead-in ending with ":" or after a numbered
                // clause's title ("24.8 Information and advice (a) General information ...")
                const bool after_title = (own.kind == MarkerKind::clause || own.kind == MarkerKind::single) &&
                                         own_title && one_sentence(before.substr(own.length));
                const char end = before.empty() ? ' ' : before.back();
                const std::string core = detail::label_core(m.text);
                const bool first = core == "a" || core == "i";
                const bool follows = !last_label.empty() && detail::label_core(last_label).size() == core.size() &&
                                     (core.size() == 1 ? core[0] == detail::label_core(last_label)[0] + 1
                                                       : detail::roman_value(core) ==
                                                             detail::roman_value(detail::label_core(last_label)) + 1);
                cut = (first && (end == ':' || after_title)) ||
                      (follows &&
                       (end == ';' || end == '.' || end == ',' || before.ends_with("and") || before.ends_with("or")));
                if (cut) last_label = m.text;
            } else if (m.kind == MarkerKind::bullet) {
                // a bullet glyph inside a line (not "-" or "o", which are words too)
                // (after a bullet item of the same glyph, with or without a stop: the next item;
                // after a title: "(a) General information and advice • Councillors can ask ...")
                const bool same_glyph =
                    own.kind == MarkerKind::bullet && before.substr(0, own.length) == rest.substr(0, m.length);
                cut = static_cast<unsigned char>(rest[0]) >= 0x80 && rest.rfind("\xE2\x80\x93", 0) != 0 &&
                      (sentence || before.back() == ':' || before.back() == ';' || title_line(before) || own_title ||
                       same_glyph);
            }
            if (!cut) continue;
            cuts.push_back(p);
            segment = p;
        }
        // "... by Full Council. ROLES OF MEMBERS AND OFFICERS" at the end of a line, or "...
        // Council. ROLES OF MEMBERS The appendix ...": a heading in capitals glued on (only
        // where some word has two capitals and no small letter)
        if (has_caps_word(std::string_view(text).substr(segment))) {
            const std::vector<std::string> words = split_words(std::string_view(text).substr(segment));
            std::size_t at = segment, run_start = 0, run = 0;
            std::vector<std::size_t> starts;
            for (const auto& w : words) {
                at = text.find(w, at);
                starts.push_back(at);
                at += w.size();
            }
            // "18. SUMMARY The working relationship ...": a section's number and its heading in
            // capitals, its words right after them
            const Marker own = detail::read_marker(std::string_view(text).substr(segment));
            std::size_t heading_words = 0;
            if (own.kind == MarkerKind::single && !own.enclosed)
                while (1 + heading_words < words.size() && is_caps_word(words[1 + heading_words]) &&
                       !ends_sentence(words[1 + heading_words]))
                    ++heading_words;
            const std::size_t text_word = 1 + heading_words;
            if (heading_words > 0 && text_word < words.size() && (heading_words >= 2 || words[1].size() >= 5) &&
                ascii::is_upper(words[text_word][0]) &&
                std::any_of(words[text_word].begin(), words[text_word].end(),
                            [](char c) { return ascii::is_lower(c) != 0; }))
                cuts.push_back(starts[text_word]);
            for (std::size_t k = 1; k < words.size() && heading_words == 0; ++k) {
                // after a sentence's last word, not after a number ("6. THE RELATIONSHIP")
                const bool word_before = std::any_of(words[k - 1].begin(), words[k - 1].end(),
                                                     [](char c) { return ascii::is_lower(c) != 0; });
                if (!ends_sentence(words[k - 1]) || !word_before) continue;
                // "... in place. 10 IF THINGS GO WRONG": the next section's number may lead it
                std::vector<int> section;
                const bool numbered = k + 1 < words.size() && is_caps_word(words[k + 1]) &&
                                      parse_clause_number(words[k], section) && section.size() == 1 &&
                                      (last.empty() ? section[0] == 1 : section[0] == last[0] + 1);
                if (!numbered && !is_caps_word(words[k])) continue;
                run_start = k;
                run = numbered ? 1 : 0;
                while (run_start + run < words.size() && is_caps_word(words[run_start + run]) &&
                       !ends_sentence(words[run_start + run]))
                    ++run;
                const std::size_t after = run_start + run;
                const bool at_end = after == words.size();
                const bool before_words =
                    !at_end && ascii::is_upper(words[after][0]) &&
                    std::any_of(words[after].begin(), words[after].end(), [](char c) { return ascii::is_lower(c); });
                // one word in capitals ends a line as a heading when it is a word, not an
                // abbreviation ("... without delay. INTRODUCTION")
                const bool one_word_heading = run == 1 && at_end && words[run_start].size() >= 5;
                if ((run < 2 && !one_word_heading) || !(at_end || before_words)) continue;
                if (numbered) last = section;
                cuts.push_back(starts[run_start]);
                if (!at_end) cuts.push_back(starts[after]);
                break;
            }
        }
        // "... should be treated equally. Members of the Cabinet, Chairmen and Vice Chairmen"
        // over "2.5 Members of the Cabinet ...": words in Title Case after the line's last
        // sentence, with the next number on the line after, are a heading glued on
        if (cuts.empty()) {
            std::size_t next = index + 1;
            while (next < lines.size() && (lines[next].blank || lines[next].junk)) ++next;
            const Marker after = next < lines.size() ? detail::read_marker(lines[next].text) : Marker{};
            const bool number_next =
                (after.kind == MarkerKind::clause || (after.kind == MarkerKind::single && !after.enclosed)) &&
                (last.empty() || detail::plausible_next(last, after.parts));
            // the last sentence end in the line, ". " "? " "! " "; " (not after a number: "2. ")
            const std::string_view piece = std::string_view(text).substr(segment);
            std::size_t end = 0;
            for (std::size_t k = piece.size(); number_next && k-- > 1;)
                if (piece[k] == ' ' &&
                    (piece[k - 1] == '.' || piece[k - 1] == '?' || piece[k - 1] == '!' || piece[k - 1] == ';')) {
                    end = k - 1;
                    break;
                }
            if (end > 0 && !ascii::is_digit(piece[end - 1])) {
                const std::string_view tail = piece.substr(end + 2);
                // (not "... in good faith. See paragraph" / "1.2 of this Protocol.": a reference
                // the line end broke)
                if (!tail.empty() && ascii::is_upper(tail[0]) && !ends_sentence(tail) && tail.back() != ',' &&
                    title_line(tail) && split_words(tail).size() <= 10 && !detail::ends_with_reference_word(tail))
                    cuts.push_back(segment + end + 2);
            }
        }
        if (cuts.empty()) {
            out.push_back(std::move(line));
            continue;
        }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        std::size_t from = 0;
        cuts.push_back(text.size() + 1);
        for (std::size_t cut : cuts) {
            Line piece = line;
            std::size_t end = cut - 1;
            while (end > from && text[end - 1] == ' ') --end;
            piece.text = text.substr(from, end - from);
            piece.column = line.column + static_cast<std::uint32_t>(from);
            piece.cells.clear();
            piece.columns.clear();
            if (from > 0) {
                piece.cut = true;
                piece.page_break = false;
                piece.leading_space = false;
                diags.warning(path, {piece.number, piece.column},
                              "a new paragraph taken to start in the middle of a line, at '" +
                                  piece.text.substr(0, std::min<std::size_t>(piece.text.size(), 24)) + "'");
            }
            if (!piece.text.empty()) out.push_back(std::move(piece));
            from = cut;
        }
    }
    return out;
}

// Text in Word's "Windows (Default)" encoding: every byte above 0x7F is a character of
// Windows-1252 (its five unused codes aside), none of it is a UTF-8 sequence, and it has
// no control character that text does not (not bytes of some other kind of file).
bool windows_1252(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return false;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) return false;
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (c >= 0xC2 && c <= 0xF4 && (next & 0xC0) == 0x80) return false;  // looks like UTF-8 here
    }
    return true;
}

// The characters Windows-1252 gives its bytes 0x80 to 0x9F (those it does not leave unused);
// every other byte above 0x7F is the Latin-1 character of that number.
constexpr std::pair<char32_t, int> windows_1252_specials[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87},
    {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91},
    {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98},
    {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}};

// The byte Windows-1252 shows as `c`, or -1: how a UTF-8 byte above 0x7F looks once a
// program has read the text as Windows-1252 (and the C1 controls some keep as they are).
int windows_1252_byte(char32_t c) {
    if (c >= 0x80 && c <= 0xFF) return static_cast<int>(c);
    for (const auto& [shown, byte] : windows_1252_specials)
        if (shown == c) return byte;
    return -1;
}

// Windows-1252 text (windows_1252() said so) as UTF-8: each byte the character it stands for.
std::string utf8_from_windows_1252(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (const char byte : text) {
        const auto b = static_cast<unsigned char>(byte);
        char32_t c = b;
        if (b >= 0x80 && b < 0xA0)
            for (const auto& [shown, special] : windows_1252_specials)
                if (special == b) c = shown;
        detail::append_utf8(out, c);
    }
    return out;
}

// UTF-16 after its byte order mark (Word's "Unicode" plain text) as UTF-8, or "" and
// `bad` at the first byte that is no character.
std::string utf8_from_utf16(std::string_view text, std::size_t& bad) {
    const bool little = static_cast<unsigned char>(text[0]) == 0xFF;
    auto unit = [&](std::size_t at) -> char32_t {
        const auto a = static_cast<unsigned char>(text[at]), b = static_cast<unsigned char>(text[at + 1]);
        return little ? (b << 8) | a : (a << 8) | b;
    };
    std::string out;
    out.reserve(text.size() / 2);
    bad = std::string_view::npos;
    for (std::size_t at = 2; at < text.size(); at += 2) {
        if (at + 1 >= text.size()) return bad = at, std::string();
        char32_t c = unit(at);
        if (c >= 0xD800 && c < 0xDC00 && at + 3 < text.size() && unit(at + 2) >= 0xDC00 && unit(at + 2) < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (unit(at + 2) - 0xDC00);
            at += 2;
        } else if (c >= 0xD800 && c < 0xE000) {
            return bad = at, std::string();
        }
        if (c == 0) return bad = at, std::string();
        detail::append_utf8(out, c);
    }
    return out;
}

// One code point of valid UTF-8 at `at` (the text was checked), and its length.
char32_t code_point_at(std::string_view s, std::size_t at, std::size_t& length) {
    const auto b = static_cast<unsigned char>(s[at]);
    length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? b : b & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3F);
    return c;
}

// "## 1. Roles", "# Title {#title}": a Markdown (ATX) heading's level, or 0.
int atx_level(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == '#') ++n;
    return n >= 1 && n <= 6 && n + 1 < line.size() && line[n] == ' ' ? static_cast<int>(n) : 0;
}

// "=====" or "-----" (or "_____", "* * *"): a line of one mark repeated, three or more, no
// words.
bool rule_line(std::string_view text) {
    std::size_t marks = 0;
    for (char c : text) {
        if (c == ' ') continue;
        if (std::string_view("=-_*~").find(c) == std::string_view::npos || c != text[0]) return false;
        ++marks;
    }
    return marks >= 3;
}

// "1. Introduction" / "---------------": a heading underlined, as plain text and Markdown
// (setext) write one: the heading a paragraph of its own, "=" over the top level and "-"
// under it, as "#" and "##" are; a rule that underlines nothing separates, and is dropped.
// Neither is words. One warning says how many were read so.
void read_underlined_headings(std::vector<Line>& lines, const std::string& path, std::vector<Dropped>& dropped,
                              Diagnostics& diags) {
    std::size_t headings = 0, rules = 0;
    const Line *first = nullptr, *first_rule = nullptr;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& rule = lines[i];
        if (rule.blank || rule.junk || rule.table_row || !rule_line(rule.text)) continue;
        rule.junk = true;
        Line* above = i > 0 ? &lines[i - 1] : nullptr;
        const bool underlines =
            above && !above->blank && !above->junk && !above->table_row && above->heading_level == 0 &&
            (title_line(std::string_view(above->text).substr(detail::read_marker(above->text).length)) ||
             above->text.size() <= rule.text.size() + 3);
        dropped.push_back({{rule.number, 1}, rule.text, underlines ? "heading's underline" : "rule"});
        if (!underlines) {
            if (rules++ == 0) first_rule = &rule;
            continue;
        }
        above->heading_level = rule.text[0] == '=' ? 1 : 2;
        if (!first) first = above;
        ++headings;
    }
    if (headings > 0)
        diags.warning(path, {first->number, 1},
                      "'" + first->text + "' and " + std::to_string(headings - 1) +
                          " more lines underlined ('====' or '----') read as headings, '=' the top level; the "
                          "underlines are not words" +
                          (rules > 0 ? ", nor the " + std::to_string(rules) + " rules that underline nothing" : ""));
    else if (rules > 0)
        diags.warning(path, {first_rule->number, 1},
                      "dropped '" + first_rule->text + "' and " + std::to_string(rules - 1) +
                          " more lines of one mark repeated: rules, not words");
}

// A paragraph starting at `at` that is strong emphasis whole ("**1. Introduction**", how
// pandoc's Markdown writes a bold paragraph: a Word file's heading where no heading style was
// used): where its closing "**" is, or npos.
std::size_t bold_paragraph_close(std::string_view text, std::size_t at) {
    if (text.substr(at, 2) != "**") return std::string_view::npos;
    std::size_t end = std::min(text.find("\n\n", at), text.size());
    while (end > at && text[end - 1] == '\n') --end;
    if (end < at + 5 || text.substr(end - 2, 2) != "**" || text.find("**", at + 2) != end - 2)
        return std::string_view::npos;
    return end - 2;
}

// The start of the first paragraph in bold whole from `from` on (a paragraph's start), or npos.
std::size_t next_bold_paragraph(std::string_view text, std::size_t from) {
    if (bold_paragraph_close(text, from) != std::string_view::npos) return from;
    for (std::size_t at = text.find("\n\n**", from); at != std::string_view::npos; at = text.find("\n\n**", at + 2))
        if (bold_paragraph_close(text, at + 2) != std::string_view::npos) return at + 2;
    return std::string_view::npos;
}

// Markdown text (pandoc's from a Word file, a site's export): two headings written "#" or
// "##" or more at a line's start say so, or pandoc's front matter ("---" / "title: ...")
// over a heading so written or underlined ("===", "---": --markdown-headings=setext), or two
// paragraphs in bold whole. (Underlined headings alone are plain text's too.)
// `first_bold`: next_bold_paragraph(text, 0).
bool markdown_text(std::string_view text, std::size_t first_bold) {
    int headings = text.starts_with('#') && atx_level(text.substr(0, 8)) > 0;
    for (std::size_t at = text.find("\n#"); at != std::string_view::npos && headings < 2; at = text.find("\n#", at + 1))
        headings += atx_level(text.substr(at + 1, 8)) > 0;
    if (headings >= 2) return true;
    if (text.starts_with("---\n") && text.find("\n---", 3) != std::string_view::npos) {
        for (std::string_view underline : {"\n===", "\n---"})
            for (std::size_t at = text.find(underline, text.find("\n---", 3) + 4);
                 at != std::string_view::npos && headings == 0; at = text.find(underline, at + 1)) {
                const std::size_t end = std::min(text.find('\n', at + 1), text.size());
                headings += text[at - 1] != '\n' && rule_line(text.substr(at + 1, end - at - 1));
            }
        if (headings > 0) return true;
    }
    const std::size_t after = first_bold == std::string_view::npos ? first_bold : text.find("\n\n", first_bold);
    return after != std::string_view::npos && next_bold_paragraph(text, after + 2) != std::string_view::npos;
}

// "[^12]", a Markdown footnote's mark (in the text, and before its note at the end): the
// number in superscript digits ("¹²") added to `out`, as a text's footnotes are marked.
bool footnote_mark(std::string_view text, std::size_t at, std::string& out) {
    std::size_t end = at + 2;
    while (end < text.size() && ascii::is_digit(text[end])) ++end;
    if (end == at + 2 || end >= text.size() || text[end] != ']') return false;
    out += detail::superscript_digits(text.substr(at + 2, end - at - 2));
    return true;
}

// Markdown's syntax that is not words, taken off so the rules for plain text read what is
// left: "\\'" and "\\"" (pandoc escapes quotes and other punctuation) are the characters,
// and where it does (`smart`) other quotation marks and "--", "---" are read as pandoc
// reads them (“ ” ‘ ’ – —); a "\\" ending a line (a line break) goes; "> " before a quoted
// passage's lines goes (">" alone is the blank line between its paragraphs); "**Version:**
// 1" at a line's start is "Version: 1"; a footnote's "[^1]" is "¹";
// "[1. INTRODUCTION](#introduction)", a link within the document, is its words, and a
// paragraph that is nothing else is a contents list's entry: the lines it takes are kept
// in `contents` (first and last line, 1-based) to be dropped. A link to a web address
// stays, for the inline reader to make a link of it. Every line break is kept, so lines
// keep their numbers.
std::string markdown_words(std::string_view text, std::vector<std::pair<std::uint32_t, std::uint32_t>>& contents,
                           bool smart) {
    std::string out;
    out.reserve(text.size());
    auto punctuation = [](char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; };
    std::uint32_t line = 1;
    std::size_t paragraph_start = 0;                  // where the paragraph `out` is in started (in `out`)
    bool table_row = false;                           // "| Role | Duty |", "|---|---|": dashes are a table's rule
    bool rule = false;                                // "-----" under a heading, "---": dashes, no words
    std::size_t bold_close = std::string_view::npos;  // the closing "**" of a paragraph in bold whole
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == bold_close) {  // (its words are the paragraph: a heading's, as Word had it)
            ++i;
            continue;
        }
        const bool line_start = i == 0 || text[i - 1] == '\n';
        if (line_start) {
            table_row = text[i] == '|';
            rule = rule_line(text.substr(i, std::min(text.find('\n', i), text.size()) - i));
            std::size_t k = i;
            while (k < text.size() && text[k] == '>') k += k + 1 < text.size() && text[k + 1] == ' ' ? 2 : 1;
            i = k;
            if ((i == 0 || (i >= 2 && text[i - 2] == '\n')) &&
                (bold_close = bold_paragraph_close(text, i)) != std::string_view::npos)
                i += 2;
            if (i < text.size() && text.substr(i, 2) == "**") {
                const std::size_t close = text.find("**", i + 2);
                const std::size_t eol = text.find('\n', i);
                if (close != std::string_view::npos && close < eol && close > i + 2 && text[close - 1] == ':') {
                    out.append(text.substr(i + 2, close - i - 2));
                    i = close + 1;
                    continue;
                }
            }
            if (i >= text.size()) break;
        }
        const char c = text[i];
        if (c == '\n') {
            ++line;
            if (out.empty() || out.back() == '\n') paragraph_start = out.size() + 1;  // a blank line
            out += c;
        } else if (c == '\\' && i + 1 < text.size() && (punctuation(text[i + 1]) || text[i + 1] == '\n')) {
            if (text[i + 1] != '\n') out += text[++i];
        } else if (c == '[' && text.substr(i, 2) == "[^" && footnote_mark(text, i, out)) {
            i = text.find(']', i);
            if (line_start && text.substr(i + 1, 2) == ": ") ++i;  // "[^1]: The Members' Code ..."
        } else if (c == '[') {
            const std::size_t close = text.find("](#", i);
            const std::size_t end = close == std::string_view::npos ? close : text.find(')', close);
            const std::string_view words = close == std::string_view::npos ? "" : text.substr(i + 1, close - i - 1);
            if (end == std::string_view::npos || words.find('[') != std::string_view::npos ||
                words.find("\n\n") != std::string_view::npos ||
                text.substr(close, end - close).find_first_of(" \n") != std::string_view::npos) {
                out += c;
                continue;
            }
            const std::uint32_t first = line;
            const bool whole_paragraph = out.size() == paragraph_start;
            std::vector<std::pair<std::uint32_t, std::uint32_t>> inner;
            out += markdown_words(words, inner, smart);
            line += static_cast<std::uint32_t>(std::count(words.begin(), words.end(), '\n'));
            i = end;
            const bool paragraph_ends = end + 1 >= text.size() || text[end + 1] == '\n';
            if (whole_paragraph && paragraph_ends) contents.push_back({first, line});
        } else if (smart && (c == '"' || c == '\'')) {
            // quotation marks as Markdown's "smart" reading makes them: pandoc writes the
            // typographic ones straight and escapes those that were straight (above)
            const char before = out.empty() ? ' ' : out.back();
            const bool opens = std::isspace(static_cast<unsigned char>(before)) || before == '(' || before == '[' ||
                               out.ends_with("\xE2\x80\x94") || out.ends_with("\xE2\x80\x93");
            const bool word_after = i + 1 < text.size() && ascii::is_alnum(text[i + 1]);
            if (c == '"')
                out += opens ? "\xE2\x80\x9C" : "\xE2\x80\x9D";
            else
                out += opens && word_after ? "\xE2\x80\x98" : "\xE2\x80\x99";
        } else if (smart && c == '-' && text.substr(i, 2) == "--" && !table_row && !rule) {
            const bool em = text.substr(i, 3) == "---";
            out += em ? "\xE2\x80\x94" : "\xE2\x80\x93";
            i += em ? 2 : 1;
        } else {
            out += c;
        }
    }
    return out;
}

// The YAML block pandoc writes at the top of a standalone Markdown file ("---" / "title:
// Member/Officer Protocol" / "subtitle: Anytown Council" / "---"): the title and subtitle
// on its first lines, as a title page has them, the rest blank, so later lines keep their
// numbers. `title_line` and `subtitle_line` are their lines, or 0 where there is none.
std::string markdown_front_matter(std::string_view text, std::uint32_t& title_line, std::uint32_t& subtitle_line) {
    title_line = subtitle_line = 0;
    if (!text.starts_with("---\n") && !text.starts_with("---\r\n")) return std::string(text);
    std::vector<std::string_view> lines;
    std::size_t end = std::string_view::npos;
    for (std::size_t at = text.find('\n') + 1; at < text.size() && lines.size() < 40;) {
        std::size_t eol = text.find('\n', at);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(at, eol - at);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line == "---" || line == "...") {
            end = eol;
            break;
        }
        lines.push_back(line);
        at = eol + 1;
    }
    if (end == std::string_view::npos) return std::string(text);
    // a value, and the lines indented under it that go on with it (YAML folds them)
    auto value = [&](std::string_view key) -> std::string {
        for (std::size_t k = 0; k < lines.size(); ++k) {
            if (!lines[k].starts_with(key) || lines[k].substr(key.size(), 2) != ": ") continue;
            std::string v(lines[k].substr(key.size() + 2));
            while (k + 1 < lines.size() && lines[k + 1].starts_with(' ')) v += ' ' + clean_line(lines[++k]);
            while (!v.empty() && v.back() == ' ') v.pop_back();
            if (v.size() >= 2 && (v[0] == '"' || v[0] == '\'') && v.back() == v[0]) v = v.substr(1, v.size() - 2);
            return v;
        }
        return "";
    };
    const std::string title = value("title"), subtitle = value("subtitle");
    // title, blank, subtitle, then blank lines for the rest of the block's lines and its "---"s
    std::string out;
    std::size_t blank_lines = lines.size() + 2;
    if (!title.empty()) out += title + "\n\n", blank_lines -= 2, title_line = 1;
    if (!subtitle.empty() && blank_lines >= 1)
        out += subtitle + "\n", --blank_lines, subtitle_line = title.empty() ? 1 : 3;
    out.append(blank_lines, '\n');
    out.append(text.substr(end + 1 > text.size() ? text.size() : end + 1));
    return out;
}

// A Markdown line that starts a block of its own rather than going on with the line
// before: a heading, a list item ("-   ", "1.  "), a table row, a fence.
bool starts_markdown_block(std::string_view line) {
    const std::size_t at = line.find_first_not_of(' ');
    if (at == std::string_view::npos) return true;
    line.remove_prefix(at);
    // (an underline, "=====" or "-----", a line of its own under its heading's)
    if (atx_level(line) > 0 || line[0] == '|' || line.starts_with("```") || line.starts_with("~~~") || rule_line(line))
        return true;
    if ((line[0] == '-' || line[0] == '*' || line[0] == '+') && line.size() > 1 && line[1] == ' ') return true;
    std::size_t digits = 0;
    while (digits < line.size() && ascii::is_digit(line[digits])) ++digits;
    return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
           line[digits + 1] == ' ';
}

// A paragraph Markdown wrapped over lines, one line again (as a web page shows it): the
// lines it was wrapped onto join the first, and as many blank lines follow it, so every
// later line keeps its number.
std::string unwrap_markdown(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    std::size_t owed = 0;  // blank lines owed for lines joined into the one before
    bool in_paragraph = false;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line = std::string_view(text).substr(start, end - start);
        const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
        if (in_paragraph && !blank && !starts_markdown_block(line)) {
            out += ' ';
            out.append(line.substr(line.find_first_not_of(' ')));
            ++owed;
        } else {
            if (!out.empty() || start > 0) out += '\n';
            if (blank) out.append(owed, '\n'), owed = 0;
            out.append(line);
        }
        in_paragraph = !blank && atx_level(line.substr(std::min(line.size(), line.find_first_not_of(' ')))) == 0;
        if (end == text.size()) break;
        start = end + 1;
    }
    out.append(owed, '\n');
    return out;
}

// Markdown headings as headings of their level, as Word's heading styles are: "##" taken
// off, and pandoc's attributes after them ("{#roles .unnumbered}") (a lone "#" over "##"
// sections is the title, by the rule for a lone Heading 1). The front matter's title and
// subtitle are marked as Word's styles would mark them. A contents list's entries (links
// within the document, `contents`) are dropped, with the "Contents" line above them. One
// warning says the text was read as Markdown.
void read_markdown_structure(std::vector<Line>& lines,
                             const std::vector<std::pair<std::uint32_t, std::uint32_t>>& contents,
                             std::uint32_t title_line, std::uint32_t subtitle_line, const std::string& path,
                             std::vector<Dropped>& dropped, Diagnostics& diags) {
    for (Line& line : lines) {  // the front matter's title and subtitle
        line.title_style = line.number == title_line && !line.blank;
        line.subtitle = line.number == subtitle_line && !line.blank;
    }
    bool told = false;
    for (Line& line : lines) {
        const int level = line.blank || !line.cells.empty() ? 0 : atx_level(line.text);
        if (level == 0) continue;
        std::string_view words = std::string_view(line.text).substr(static_cast<std::size_t>(level) + 1);
        if (words.ends_with('}') && words.rfind(" {") != std::string_view::npos)
            words = words.substr(0, words.rfind(" {"));
        while (words.ends_with('#') || words.ends_with(' ')) words.remove_suffix(1);  // "## Roles ##"
        if (words.empty()) continue;
        if (!told)
            diags.warning(path, {line.number, 1},
                          "lines starting '#' read as Markdown headings (the text looks like Markdown: pandoc's, "
                          "or a web page's)");
        told = true;
        line.text = std::string(words);
        line.heading_level = level;
    }
    std::size_t entries = 0;
    std::uint32_t first_entry = 0;
    for (Line& line : lines) {
        const bool entry = std::any_of(contents.begin(), contents.end(), [&](const auto& range) {
            return line.number >= range.first && line.number <= range.second;
        });
        if (!entry || line.blank) continue;
        if (entries++ == 0) first_entry = line.number;
        line.junk = true;
        dropped.push_back({{line.number, 1}, line.text, "contents entry"});
    }
    if (entries == 0) return;
    // the "Contents" line over them
    for (std::size_t i = 0; i < lines.size() && lines[i].number < first_entry; ++i) {
        Line& line = lines[i];
        if (line.blank || line.junk) continue;
        const std::string lower = detail::lower(line.text);
        if (lower != "contents" && lower != "table of contents") continue;
        line.junk = true;
        dropped.push_back({{line.number, 1}, line.text, "contents heading"});
    }
    diags.warning(path, {first_entry, 1},
                  "dropped a contents list of " + std::to_string(contents.size()) +
                      " entries: Markdown links within the document (protopub makes the contents from the headings)");
}

// Text that was UTF-8, read as Windows-1252 and saved as UTF-8 again (LAYOUTS.md 30):
// "Council’s" shows as "Councilâ€™s", "–" as "â€“", "é" as "Ã©", a no-break space as "Â ".
// Such a run is a lead byte shown as "Â" to "Å" (Latin letters, "£", the no-break space)
// or "â" (punctuation: quotes, dashes, "€", "…") and one or two continuation bytes shown as
// Windows-1252 characters; it is read back as the character it was, and each line that
// had one is reported. English text never holds such a run as itself; "Ü’" (a lead that
// would give no Latin letter) is left alone.
// Some PDF extractions show a no-break space as "Ā" ("mainĀ Constitution"): in a text
// with no other letter under a macron (no language that writes "Ā" as a letter), it is read
// as the space it was, reported the same way; and a ligature ("ﬁ") as its letters. "" when
// the text has none of these.
std::string undo_broken_characters(std::string_view text, const std::string& path, Diagnostics& diags) {
    // "Â" to "Å" and "â" are 0xC3 0x82-0x85 and 0xC3 0xA2 in UTF-8: most texts have none
    bool any = false;
    for (std::size_t at = text.find('\xC3'); at != std::string_view::npos && !any; at = text.find('\xC3', at + 1)) {
        const auto next = at + 1 < text.size() ? static_cast<unsigned char>(text[at + 1]) : 0;
        any = (next >= 0x82 && next <= 0x85) || next == 0xA2;
    }
    const bool macrons =
        text.find("\xC4\x81") != std::string_view::npos ||  // ā ē ī ō ū
        text.find("\xC4\x93") != std::string_view::npos || text.find("\xC4\xAB") != std::string_view::npos ||
        text.find("\xC5\x8D") != std::string_view::npos || text.find("\xC5\xAB") != std::string_view::npos;
    const bool broken_spaces = !macrons && text.find("\xC4\x80") != std::string_view::npos;
    // "ﬁ" "ﬂ" "ﬀ" "ﬃ" "ﬄ" (U+FB00 to U+FB06, 0xEF 0xAC 0x80-0x86): a PDF's text layer keeps the
    // font's ligatures; the words are the letters ("ofﬁcer" is "officer")
    bool ligatures = false;
    for (std::size_t at = text.find("\xEF\xAC"); at != std::string_view::npos && !ligatures;
         at = text.find("\xEF\xAC", at + 1))
        ligatures = at + 2 < text.size() && static_cast<unsigned char>(text[at + 2]) <= 0x86;
    if (!any && !broken_spaces && !ligatures) return {};
    std::string out;
    out.reserve(text.size());
    std::uint32_t line = 1, col = 1, reported_line = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 0;
        const char32_t lead = code_point_at(text, i, length);
        std::size_t end = i + length;
        if (lead == 0x100 && broken_spaces) {
            if (reported_line != line)
                diags.warning(path, {line, col},
                              "'\xC4\x80' read as a space: some PDF extractions show a no-break space as '\xC4\x80'");
            reported_line = line;
            // one space between two words, never two (two would read as a table's column gap)
            if (!out.empty() && out.back() != ' ' && out.back() != '\n' && end < text.size() && text[end] != ' ' &&
                text[end] != '\n')
                out += ' ';
            ++col;
            i = end;
            continue;
        }
        if (ligatures && lead >= 0xFB00 && lead <= 0xFB06) {
            static constexpr std::array<std::string_view, 7> letters = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
            const std::string_view as_letters = letters[lead - 0xFB00];
            if (reported_line != line)
                diags.warning(path, {line, col},
                              "'" + std::string(text.substr(i, length)) + "' read as '" + std::string(as_letters) +
                                  "': a PDF's text keeps the font's ligatures, the words are their letters");
            reported_line = line;
            out += as_letters;
            col += static_cast<std::uint32_t>(length);
            i = end;
            continue;
        }
        if (any && ((lead >= 0xC2 && lead <= 0xC5) || lead == 0xE2)) {
            const std::size_t need = lead < 0xE0 ? 1 : 2;
            std::string bytes(1, static_cast<char>(lead));
            for (std::size_t k = 0; k < need && end < text.size(); ++k) {
                std::size_t next_length = 0;
                const int byte = windows_1252_byte(code_point_at(text, end, next_length));
                if (byte < 0x80 || byte > 0xBF) break;
                bytes += static_cast<char>(byte);
                end += next_length;
            }
            // "â€" alone: "”" (0x9D, which Windows-1252 leaves unused, was lost on the way)
            if (bytes == "\xE2\x80") bytes += '\x9D';
            if (bytes.size() == need + 1) {
                if (reported_line != line)
                    diags.warning(path, {line, col},
                                  "'" + std::string(text.substr(i, end - i)) + "' read as '" + bytes +
                                      "': the text was UTF-8 read as Windows-1252 and saved again");
                reported_line = line;
                out += bytes;
                col += static_cast<std::uint32_t>(end - i);
                i = end;
                continue;
            }
        }
        out.append(text.substr(i, length));
        if (text[i] == '\n')
            ++line, col = 1;
        else
            col += static_cast<std::uint32_t>(length);
        i += length;
    }
    return out;
}

// The bytes of the superscript digits ("¹", "¹²") that start at `at` in `s`, or 0.
std::size_t superscript_digits_at(std::string_view s, std::size_t at) {
    std::size_t end = at;
    while (const std::size_t bytes = detail::superscript_digit_at(s, end)) end += bytes;
    return end - at;
}

// "¹ Localism Act 2011, section 27." at the foot of a page, its mark in a clause above
// ("... councillors and officers.¹"): the footnote goes with that clause, at its end, as a
// Word file's footnotes do (never into the clause the page happened to end in).
void move_footnotes(std::vector<Paragraph>& paras, const std::string& path, Diagnostics& diags) {
    for (std::size_t j = 1; j < paras.size(); ++j) {
        const std::size_t mark_size = superscript_digits_at(paras[j].text, 0);
        if (mark_size == 0 || mark_size == paras[j].text.size() || paras[j].table) continue;
        const std::string_view mark = std::string_view(paras[j].text).substr(0, mark_size);
        for (std::size_t k = j; k-- > 0;) {
            const std::size_t at = paras[k].text.find(mark, 1);
            // (the whole mark: "¹" is not the start of "¹²")
            if (at == std::string::npos || superscript_digits_at(paras[k].text, at) != mark_size) continue;
            diags.note(path, paras[j].pos,
                       "'" + shorten(paras[j].text, 40) + "' taken as the footnote marked " + std::string(mark) +
                           " at line " + std::to_string(paras[k].pos.line) + ": it goes at the end of that clause");
            paras[k].notes.push_back(detail::inlines_from_text(paras[j].text));
            paras.erase(paras.begin() + static_cast<long>(j--));
            break;
        }
    }
}

// A line that starts in small letters, not with a label ("a)", "(iv)"): the words of a
// sentence wrapped onto it.
bool goes_on_in_small_letters(const Line& l) {
    return ascii::is_lower(l.text[0]) && detail::read_marker(l.text).kind == MarkerKind::none;
}

// `next` is the line after `line`, both lines of words (no table's row, no piece of a line
// cut at a number), and goes on in small letters: a sentence may run on from one to the other.
bool goes_on_onto(const Line& line, const Line& next) {
    const auto words = [](const Line& l) { return !l.blank && !l.junk && !l.table_row && !l.cut; };
    return words(line) && words(next) && goes_on_in_small_letters(next);
}

// The shortest line that surely was wrapped: its sentence goes on in lower case on the
// next line, not as a list's item. In a proportional font the lines wrapped fall short of
// the width by as much as a quarter, so three quarters of it is all a line must reach to
// count as wrapped; but a line that had room for the next word even in the shortest of
// these was ended ("... include prospective candidates." at 67 / "It is likely ..." where
// no wrapped line is shorter than 75). 0 where fewer than eight lines tell.
std::size_t shortest_wrapped(const std::vector<Line>& lines) {
    std::size_t shortest = std::numeric_limits<std::size_t>::max(), told = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (!goes_on_onto(lines[i], lines[i + 1])) continue;
        const char last = lines[i].text.back();
        if (!(ascii::is_alpha(last) || last == ',')) continue;
        shortest = std::min(shortest, lines[i].text.size());
        ++told;
    }
    return told >= 8 ? shortest : 0;
}

// The characters of `s` (UTF-8: the bytes that start one).
std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::size_t bytes(std::string_view s) { return s.size(); }

// The width a text was wrapped at by filling each line with as many words as fit (as a
// plain-text editor, email or Word's "insert line breaks" wraps, in a fixed-width count),
// or 0 where the lines do not show it. No line is longer than the width, and such a wrap
// leaves every line that goes on mid-sentence too full for the next line's first word;
// where that holds for every one of five such lines or more (the longest line a bound on
// the width), a line that had room for the next word in it was surely ended, however near
// the width. Counted in characters or in bytes (tools that wrap count either); in a
// proportional font some wrapped line always had room in the count, and nothing is found.
GreedyWrap greedy_width(const std::vector<Line>& lines) {
    GreedyWrap best;
    std::size_t fewest_with_room = std::numeric_limits<std::size_t>::max();
    for (const auto measure : {characters, bytes}) {
        // the width: no line with words is longer (one in fifty may be: a table's row, a
        // heading left unwrapped)
        std::vector<std::size_t> lengths;
        for (const Line& l : lines)
            if (!l.blank && !l.junk && !l.table_row && l.text.find(' ') != std::string::npos)
                lengths.push_back(measure(l.text));
        if (lengths.empty()) continue;
        std::sort(lengths.begin(), lengths.end());
        const std::size_t width = lengths[lengths.size() - 1 - lengths.size() / 50];
        // each line that goes on mid-sentence: did the next line's first word fit in the width?
        const GreedyWrap wrap{width, measure};
        std::size_t wrapped = 0, with_room = 0;
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            if (!goes_on_onto(lines[i], lines[i + 1]) ||
                std::string_view(".:;?!").find(lines[i].text.back()) != std::string_view::npos)
                continue;
            ++wrapped;
            with_room += wrap.had_room(lines[i].text, lines[i + 1].text);
        }
        // (one in forty may have had room: the items of a list whose bullets were lost,
        // "... to the public, or" / "which may not be disclosed ...", go on in small letters;
        // of the two counts, the one fewer lines had room in is the wrap's)
        if (wrapped < 5 || with_room * 40 > wrapped || with_room >= fewest_with_room) continue;
        best = wrap, fewest_with_room = with_room;
    }
    return best;
}

// The width most lines reach (nine in ten are no longer), or 0 when nothing was wrapped.
std::size_t wrapped_at(const std::vector<Line>& lines) {
    std::vector<std::size_t> lengths;
    std::size_t lower_starts = 0;
    for (const auto& l : lines)
        if (!l.blank && !l.junk) {
            lengths.push_back(l.text.size());
            lower_starts += goes_on_in_small_letters(l);
        }
    if (lengths.empty()) return 0;
    // wrapped lines go on mid-sentence, so many start in lower case; a paragraph per line
    // (however short the lines) hardly ever does ("a." "(b)" "iv)" start items, not lines of
    // a wrapped sentence)
    // (a short text: not one of eight lines or more in lower case)
    if ((lengths.size() >= 20 && lower_starts * 40 < lengths.size()) || (lengths.size() >= 8 && lower_starts == 0))
        return 0;
    std::sort(lengths.begin(), lengths.end());
    // a paragraph per line (a web page, Word's text without line breaks): nothing was wrapped
    if (lengths[lengths.size() * 9 / 10] > 160) return 0;
    return lengths[lengths.size() * 9 / 10];
}

}  // namespace

ImportResult import_text(std::string_view text, const std::string& path, const ImportOptions& options,
                         Diagnostics& diags) {
    return detail::import_text_with(text, path, options, diags, {});
}

ImportResult detail::import_text_with(std::string_view text, const std::string& path, const ImportOptions& options,
                                      Diagnostics& diags, const std::vector<std::string>& page_furniture) {
    ImportResult result;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
    const bool utf16 = text.size() >= 2 &&
                       ((static_cast<unsigned char>(text[0]) == 0xFF && static_cast<unsigned char>(text[1]) == 0xFE) ||
                        (static_cast<unsigned char>(text[0]) == 0xFE && static_cast<unsigned char>(text[1]) == 0xFF));
    // Text in another encoding than UTF-8 (Word's "Unicode" or "Windows (Default)" plain
    // text) is read as what it is, and said so: the source written is UTF-8.
    std::string decoded;
    if (utf16) {
        std::size_t bad = 0;
        decoded = utf8_from_utf16(text, bad);
        if (bad != std::string_view::npos) {
            diags.error(path, {1, 1},
                        "the file is UTF-16 text with a byte at " + std::to_string(bad) +
                            " that is no character; save it as UTF-8 and import it again");
            return result;
        }
        diags.warning(path, {1, 1}, "the file is UTF-16 text (Word's 'Unicode' plain text): read as such");
        text = decoded;
    }
    if (text.find('\0') != std::string_view::npos) {
        diags.error(path, {1, 1}, "this is a binary file, not text: import takes plain text (.txt) or Word (.docx)");
        return result;
    }
    if (std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        std::uint32_t line =
            1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
        std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
        std::uint32_t col = static_cast<std::uint32_t>(
            bad - (line_start == std::string_view::npos || bad == 0 ? 0 : line_start + 1) + 1);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(text[bad]));
        if (!windows_1252(text)) {
            diags.error(path, {line, col},
                        std::string("invalid UTF-8 byte ") + hex +
                            ": the text is neither UTF-8 nor Windows-1252; save it as UTF-8 and import it again");
            return result;
        }
        // (columns after here count the characters' UTF-8 bytes, as in the source written)
        diags.warning(path, {line, col},
                      std::string("byte ") + hex +
                          " is not UTF-8: the text is read as Windows-1252, Word's 'Windows (Default)' plain text "
                          "(to be sure of every character, save it as Unicode (UTF-8) and import it again)");
        decoded = utf8_from_windows_1252(text);
        text = decoded;
    }
    const std::size_t bold = next_bold_paragraph(text, 0);
    const bool markdown = markdown_text(text, bold);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> contents_links;
    std::uint32_t yaml_title = 0, yaml_subtitle = 0;
    if (markdown) {
        if (bold != std::string_view::npos)
            diags.warning(
                path,
                {static_cast<std::uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<long>(bold), '\n')),
                 1},
                "paragraphs in '**' whole read as Markdown's bold (pandoc's for a Word file's bold "
                "paragraphs): the asterisks are not words");
        // pandoc's Markdown (straight quotation marks escaped, its front matter, its bullets
        // "-   ") is read "smart", as pandoc reads it; other Markdown keeps its quotation marks
        // and dashes as they are
        const bool smart = text.find("\\'") != std::string_view::npos || text.find("\\\"") != std::string_view::npos ||
                           text.starts_with("---\n") || text.find("\n-   ") != std::string_view::npos;
        decoded = unwrap_markdown(
            markdown_words(markdown_front_matter(text, yaml_title, yaml_subtitle), contents_links, smart));
        text = decoded;
    }
    const std::string readable = undo_broken_characters(text, path, diags);
    std::vector<Line> lines = split_lines(readable.empty() ? text : readable);
    std::vector<Dropped> dropped;
    if (markdown) read_markdown_structure(lines, contents_links, yaml_title, yaml_subtitle, path, dropped, diags);
    read_underlined_headings(lines, path, dropped, diags);
    drop_furniture(lines, path, dropped, diags);
    part_run_together_words(lines, path, diags);
    repair_number_glyphs(lines, path, diags);
    letters_as_numbers(lines, path, diags);
    lines = split_inline_structure(std::move(lines), path, diags);
    lines = part_glued_items(std::move(lines), path, diags);
    drop_web_furniture(lines, path, dropped, diags);
    drop_web_footer(lines, path, dropped, diags);
    drop_contents(lines, path, dropped, diags);
    drop_version_table(lines, path, dropped, diags);
    mark_tables(lines);
    join_bare_markers(lines, path, diags);
    mark_title_page(lines);
    std::vector<std::size_t> last_length;
    TextLayout layout;
    // (a line three quarters as long ran to the width: wrapped lines, in a proportional font
    // above all, fall short of it by up to a quarter)
    layout.wrapped = wrapped_at(lines);
    layout.width = layout.wrapped * 3 / 4;
    layout.shortest_wrapped = shortest_wrapped(lines);
    layout.greedy = greedy_width(lines);
    if (layout.greedy.width > 0)
        diags.warning(path, {1, 1},
                      "the lines are wrapped at " + std::to_string(layout.greedy.width) + " " +
                          (layout.greedy.measure == bytes ? "bytes" : "characters") +
                          ", each filled with as many words as fit: a line with room for the next line's first "
                          "word is taken to end its paragraph");
    std::size_t blank = 0, words = 0, blank_after = 0, lower_starts = 0, longest = 0;
    // (the blank lines around a page's footer and header are the page break's, not gaps
    // between paragraphs: a run of blank lines with dropped furniture in it is not counted;
    // a number alone on its line went onto the next, and is no furniture)
    std::size_t run_blank = 0;
    bool run_junk = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.blank || l.junk) {
            run_blank += l.blank && !l.junk;
            run_junk = run_junk || (l.junk && !l.bare_marker);
            continue;
        }
        if (!run_junk) blank += run_blank;
        run_blank = 0, run_junk = false;
        ++words;
        // (a web address longer than the width is a line of its own, not the width)
        if (l.text.find(' ') != std::string::npos) longest = std::max(longest, l.text.size());
        blank_after += i + 1 < lines.size() && lines[i + 1].blank;
        lower_starts += goes_on_in_small_letters(l);
    }
    if (!run_junk) blank += run_blank;
    // (a short text with no blank line at all has only its line ends to part paragraphs)
    layout.gapless = words >= 8 ? blank * 12 < words : words >= 2 && blank == 0;
    // a blank line after every line of wrapped text (a spaced rendering; many lines go on
    // mid-sentence): blank lines do not end paragraphs
    const bool spaced = words >= 20 && blank_after * 10 >= words * 9 && lower_starts * 40 >= words;
    if (spaced)
        diags.warning(path, {1, 1},
                      "a blank line follows every line: a paragraph is taken to end where its last line is "
                      "short enough for the next word, not at a blank line");
    std::vector<Paragraph> paras = join_lines(lines, layout, last_length, path, diags);
    if (paras.empty()) {
        diags.error(path, {1, 1}, "the file is empty: there is no text to import");
        return result;
    }
    paras = detail::rejoin_broken(std::move(paras), last_length, layout.width, spaced ? longest : 0);
    move_footnotes(paras, path, diags);
    drop_printed_addresses(paras, path, dropped, diags);
    return detail::build_protocol(std::move(paras), path, options, std::move(dropped), diags, page_furniture);
}

}  // namespace protopub::import
