// Paragraphs -> Protocol. One set of rules for every input format: what a paragraph
// starts with (a clause number, a section number, a label, a bullet) and how it looks
// (a short line in capitals, a title without a full stop) decide where it goes.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "import/covering_report.hpp"
#include "import/paragraphs.hpp"
#include "model/facts.hpp"
#include "model/glossary.hpp"
#include "model/ids.hpp"
#include "model/text.hpp"

namespace protopub::import::detail {

using namespace protopub::model;

namespace {

using ascii::is_alnum;
using ascii::is_alpha;
using ascii::is_digit;
using ascii::is_lower;
using ascii::is_upper;
using ascii::to_lower;

// Bullet glyphs: •, Word's Symbol-font bullets as private-use characters, squares,
// circles, Wingdings' square and arrow as Word's "Save as text" writes them (§ Ø), and
// the ASCII stand-ins.
const std::vector<std::string>& bullet_glyphs() {
    static const std::vector<std::string> glyphs = {"\xE2\x80\xA2",
                                                    "\xEF\x82\xB7",
                                                    "\xEF\x82\xA7",
                                                    "\xEF\x81\xB6",
                                                    "\xEF\x83\x98",
                                                    "\xEF\x83\xBC",
                                                    "\xEF\x82\xA8",
                                                    "\xE2\x96\xAA",
                                                    "\xE2\x97\xA6",
                                                    "\xE2\x80\xA3",
                                                    "\xC2\xB7",
                                                    "\xE2\x97\x8F",
                                                    "\xE2\x96\xA0",
                                                    "\xE2\x80\x93",
                                                    "\xC2\xA7",
                                                    "\xC3\x98",
                                                    "-",
                                                    "*",
                                                    "o"};
    return glyphs;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
}

// "March 2024": a month's name starts `s`.
bool month_at(std::string_view s) {
    static const std::array<std::string_view, 12> months = {"January",   "February", "March",    "April",
                                                            "May",       "June",     "July",     "August",
                                                            "September", "October",  "November", "December"};
    return std::any_of(months.begin(), months.end(), [&](std::string_view m) {
        return s.substr(0, m.size()) == m && (s.size() == m.size() || !is_alpha(s[m.size()]));
    });
}

// A number at `i` ("2.1", "10.", "3", "3)") followed by a space; fills the marker.
// `opened`: a "(" came before it, so only "(3) " is a number.
bool read_number(std::string_view s, std::size_t i, Marker& m, bool opened = false) {
    std::size_t e = i;
    while (e < s.size() && (is_digit(s[e]) || s[e] == '.')) ++e;
    const bool closed = e < s.size() && s[e] == ')';
    const std::size_t after = closed ? e + 1 : e;
    if (e == i || after >= s.size()) return false;
    // "(1)Members are elected", "1.Members": no space after the number (LAYOUTS 11); in
    // brackets both sides, a small letter too ("(1)set the Council's policy;")
    const bool multi_part = std::count(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(e), '.') >=
                            (s[e - 1] == '.' ? 2 : 1);
    const bool letter_after = is_upper(s[after]) || (opened && closed && is_lower(s[after]));
    const bool glued = s[after] != ' ' && (closed || s[e - 1] == '.' || multi_part) && letter_after &&
                       !(after + 1 < s.size() && s[after + 1] == '.');
    if (s[after] != ' ' && !glued) return false;
    std::string_view run = s.substr(i, e - i);
    std::vector<int> parts;
    if (!parse_clause_number(run, parts)) return false;
    const std::size_t next = skip_spaces(s, after);
    if (parts.size() == 1) {
        // "3. Text", "3 TEXT", "3) text", "(3) text": a section or one-level clause
        // number; "3 of this" and "2020 saw" are words
        const bool dot = run.back() == '.';
        if (parts[0] > 200 || next >= s.size()) return false;
        if ((closed && dot) || (opened && !closed)) return false;
        if (!dot && !closed && (!is_upper(s[next]) || month_at(s.substr(next))))
            return false;  // "10 March 2024" is a date
        m.kind = MarkerKind::single;
        m.enclosed = closed;
    } else {
        if (closed) return false;
        m.kind = MarkerKind::clause;
    }
    m.parts = std::move(parts);
    const std::size_t from = opened && closed ? i - 1 : i;
    m.text = std::string(closed ? s.substr(from, after - from) : run);
    m.length = next;
    return true;
}

// "(a) ", "a) ", "(iv) ", "iv. ", "(A) ": one letter, or a roman numeral.
bool read_label(std::string_view s, Marker& m) {
    std::size_t i = 0;
    const bool open = !s.empty() && s[0] == '(';
    if (open) ++i;
    const std::size_t start = i;
    while (i < s.size() && is_alpha(s[i]) && i - start < 6) ++i;
    const std::size_t len = i - start;
    if (len == 0 || i + 1 >= s.size()) return false;
    std::string_view letters = s.substr(start, len);
    const bool roman = letters.find_first_not_of("ivxlcIVXLC") == std::string_view::npos;
    if (len > 1 && !roman) return false;
    if (!(s[i] == ')' || (s[i] == '.' && !open))) return false;
    if (s[i + 1] != ' ') return false;
    m.kind = MarkerKind::label;
    m.text = std::string(s.substr(0, i + 1));
    m.length = skip_spaces(s, i + 1);
    return true;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

Marker read_marker(std::string_view s) {
    Marker m;
    if (s.empty()) return m;
    // every marker starts with a digit, "(", a letter or a bullet glyph's first byte:
    // most words are ruled out before any glyph is compared
    const char first = s[0];
    const bool glyph_start = static_cast<unsigned char>(first) >= 0x80 || first == '-' || first == '*' || first == 'o';
    if (!glyph_start && !is_digit(first) && first != '(' && !is_alpha(first)) return m;
    for (const auto& g : bullet_glyphs()) {
        if (!glyph_start) break;
        if (g[0] != first) continue;
        if (!starts_with(s, g) || s.size() <= g.size() || s[g.size()] != ' ') continue;
        const std::size_t after = skip_spaces(s, g.size());
        // "- 1.1 text": a clause written as a list item
        if (read_number(s, after, m) && m.kind == MarkerKind::clause) return m;
        m = Marker{};
        m.kind = MarkerKind::bullet;
        m.length = after;
        return m;
    }
    if (starts_with(s, "(") && read_number(s, 1, m, true)) {
        if (m.enclosed) return m;
        if (m.kind == MarkerKind::clause && s.find(')') > m.length) {
            m.stray_bracket = true;
            return m;
        }
        m = Marker{};
    }
    if (read_number(s, 0, m)) return m;
    m = Marker{};
    if (read_label(s, m)) return m;
    return Marker{};
}

int roman_value(std::string_view letters) {
    int total = 0, prev = 0;
    for (auto it = letters.rbegin(); it != letters.rend(); ++it) {
        const char c = *it;
        const int v = c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : c == 'l' ? 50 : c == 'c' ? 100 : 0;
        if (v == 0) return 0;
        total += v < prev ? -v : v;
        prev = std::max(prev, v);
    }
    return total;
}

std::string label_core(std::string_view label) {
    std::string core;
    for (char c : label)
        if (is_alpha(c)) core += to_lower(c);
    return core;
}

std::string superscript_digits(std::string_view digits) {
    static const std::array<const char*, 10> glyphs = {"\xE2\x81\xB0", "\xC2\xB9",     "\xC2\xB2",     "\xC2\xB3",
                                                       "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7",
                                                       "\xE2\x81\xB8", "\xE2\x81\xB9"};
    std::string out;
    for (char c : digits) out += glyphs[static_cast<std::size_t>(c - '0')];
    return out;
}

std::size_t superscript_digit_at(std::string_view s, std::size_t at) {
    const auto b = [&](std::size_t k) { return at + k < s.size() ? static_cast<unsigned char>(s[at + k]) : 0; };
    if (b(0) == 0xC2 && (b(1) == 0xB9 || b(1) == 0xB2 || b(1) == 0xB3)) return 2;
    if (b(0) == 0xE2 && b(1) == 0x81 && (b(2) == 0xB0 || (b(2) >= 0xB4 && b(2) <= 0xB9))) return 3;
    return 0;
}

// The bytes of a superscript digit ending `s`, or 0.
std::size_t superscript_digit_at_end(std::string_view s) {
    for (std::size_t bytes : {2, 3})
        if (s.size() >= bytes && superscript_digit_at(s, s.size() - bytes) == bytes) return bytes;
    return 0;
}

bool ends_sentence(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    // closing quotes and brackets, and a footnote's mark, after the full stop: ." .” .’ .) .¹
    auto ends_with = [&](std::string_view tail) {
        return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
    };
    for (;;) {
        if (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')' || s.back() == ']')) {
            s.remove_suffix(1);
        } else if (const std::size_t mark = superscript_digit_at_end(s)) {
            s.remove_suffix(mark);
        } else if (ends_with("\xE2\x80\x9D") || ends_with("\xE2\x80\x99")) {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
    if (s.empty()) return false;
    const char c = s.back();
    return c == '.' || c == ';' || c == ':' || c == '?' || c == '!';
}

bool plausible_next(const std::vector<int>& prev, const std::vector<int>& cur) {
    if (prev.empty() || cur.empty()) return true;
    for (std::size_t k = 0; k < cur.size(); ++k) {
        bool same_prefix =
            k <= prev.size() && std::equal(cur.begin(), cur.begin() + static_cast<long>(k), prev.begin());
        if (!same_prefix) return false;
        const int expected = k < prev.size() ? prev[k] + 1 : 1;
        if (cur[k] == expected)
            return std::all_of(cur.begin() + static_cast<long>(k) + 1, cur.end(), [](int p) { return p == 1; });
    }
    return false;
}

bool gap_marker(std::string_view text) {
    std::string bare;
    for (char c : text)
        if (c != ' ') bare += c;
    if (bare == "\xE2\x80\xA6" || bare == "[\xE2\x80\xA6]") return true;
    return bare.size() >= 4 && bare.front() == '[' && bare.back() == ']' &&
           bare.find_first_not_of('.', 1) == bare.size() - 1;
}

bool in_capitals(std::string_view text) {
    int upper = 0;
    for (char c : text) {
        if (is_lower(c)) return false;
        upper += is_upper(c);
    }
    return upper >= 2;
}

// The number of a division written in digits, in words or in roman numerals ("2", "TWO:",
// "IV"), or 0.
int division_value(std::string_view number) {
    static const std::array<std::string_view, 20> spelled = {"one",     "two",       "three",    "four",     "five",
                                                             "six",     "seven",     "eight",    "nine",     "ten",
                                                             "eleven",  "twelve",    "thirteen", "fourteen", "fifteen",
                                                             "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    std::string core = lower(number);
    while (!core.empty() && !is_alpha(core.back()) && !is_digit(core.back())) core.pop_back();
    if (core.empty()) return 0;
    if (std::all_of(core.begin(), core.end(), is_digit)) return std::stoi(core.substr(0, 6));
    if (const auto at = std::find(spelled.begin(), spelled.end(), core); at != spelled.end())
        return static_cast<int>(at - spelled.begin()) + 1;
    return roman_value(core);
}

// "part", "section", "annex": a word that names a division of a constitution or document
// (in small letters).
bool division_word(std::string_view word) {
    return word == "section" || word == "part" || word == "chapter" || word == "appendix" || word == "annex" ||
           word == "annexe" || word == "schedule";
}

// A title: one short line, starting with a capital, that does not end a sentence or a
// phrase, and is not a "Field: value" line.
// "Section 2: The Role of Members", "PART 3 – OFFICERS": a division's label and number,
// then its heading's words.
bool division_heading(std::string_view text) {
    const std::vector<std::string> words = split_words(text);
    if (words.size() < 3) return false;
    std::string first(words[0]);
    for (auto& c : first) c = to_lower(c);
    if (!division_word(first)) return false;
    const std::string& number = words[1];
    // "Section 2:", "PART B –", "SECTION ONE –", "Part IV -"
    const bool numbered = is_digit(number[0]) || (number.size() <= 2 && is_upper(number[0])) ||
                          (is_upper(number[0]) && division_value(number) > 0);
    const bool separated = number.back() == ':' || number.back() == '.' || words[2] == "-" ||
                           words[2] == "\xE2\x80\x93" || words[2] == "\xE2\x80\x94";
    return numbered && separated;
}

// "Senior Officers shall agree mutually convenient times for regular contact with
// Executive", "The LGA has produced useful guidance on the Publicity Code - https://...":
// a long line in sentence case with a verb after its subject, or a web address, is a
// sentence that lost its full stop, not a heading (headings are names: "Roles of officers")
bool reads_as_sentence(std::string_view text) {
    if (text.find("://") != std::string_view::npos || text.find("www.") != std::string_view::npos) return true;
    const std::vector<std::string> words = split_words(text);
    if (words.size() < 10) return false;
    static const std::set<std::string_view> verbs = {"shall", "should", "must", "will", "may", "might", "can", "could",
                                                     "would", "has",    "have", "had",  "is",  "are",   "was", "were"};
    int lower_words = 0;
    bool verb = false;
    for (std::size_t i = 1; i < words.size(); ++i) {
        lower_words += words[i].size() >= 4 && is_lower(words[i][0]);
        verb = verb || (verbs.count(words[i]) && i + 1 < words.size() && is_lower(words[i + 1][0]));
    }
    return verb && lower_words >= 3;
}

bool title_like(const Paragraph& p, std::string_view text, std::size_t max_words) {
    if (!p.single_line || text.empty() || p.table) return false;
    const char first = text[0];
    if (!(is_upper(first) || is_digit(first) || static_cast<unsigned char>(first) >= 0x80)) return false;
    const char last = text.back();
    // "2. WHY HAVE A LOCAL CODE FOR PLANNING?": a heading may ask a question
    if ((ends_sentence(text) && last != '?') || last == ',' || last == '-') return false;
    // more words between plain spaces than allowed is more words (split_words splits at
    // those and more): ruled out without splitting a long paragraph
    std::size_t spaced = 0;
    for (std::size_t i = 0; i < text.size() && spaced <= max_words; ++i)
        spaced += text[i] != ' ' && (i == 0 || text[i - 1] == ' ');
    if (spaced > max_words) return false;
    const std::size_t words = word_count(text, max_words + 1);
    if (words == 0 || words > max_words) return false;
    // ("Guidance for Councillors: Working with Officers", a title and its subtitle, is no
    // "Field: value" line: what comes before the colon names a protocol or code, and what
    // comes after it is words, not a date or a number: "Code of conduct: December 2021")
    if (const std::size_t colon = text.find(": ");
        colon != std::string_view::npos && !in_capitals(text) && !division_heading(text) &&
        !(colon + 2 < text.size() && is_upper(text[colon + 2]) &&
          std::none_of(text.begin() + static_cast<long>(colon), text.end(), [](char c) { return is_digit(c); }) &&
          header_line_kind(text.substr(0, colon)) == HeaderLine::title))
        return false;
    return !ends_with_small_word(text) && !reads_as_sentence(text);
}

// In capitals, or every word of four letters or more starting with a capital.
bool capitalised(std::string_view text) {
    const std::vector<std::string> words = split_words(text);
    return !words.empty() && std::all_of(words.begin(), words.end(), [](const std::string& w) {
        return w.size() < 4 || !is_alpha(w[0]) || is_upper(w[0]);
    });
}

int case_style(std::string_view text) { return in_capitals(text) ? 2 : capitalised(text) ? 1 : 0; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = to_lower(c);
    return out;
}

namespace {

// "policy", "procedures", "code", "orders": a word that names a kind of council document
// (in small letters, its punctuation off).
bool document_kind(std::string_view word) {
    static constexpr std::array<std::string_view, 26> kinds = {
        "policy",    "policies",   "procedure", "procedures", "regulations", "orders",   "protocol",
        "protocols", "code",       "codes",     "scheme",     "statement",   "charter",  "guide",
        "form",      "notice",     "byelaws",   "toolkit",    "plan",        "strategy", "framework",
        "handbook",  "guidelines", "schedule",  "documents",  "arrangements"};
    return std::find(kinds.begin(), kinds.end(), word) != kinds.end();
}

}  // namespace

// A word in small letters, what follows its last letter left off ("Policy," -> "policy").
std::string word_core(std::string_view word) {
    std::string core = lower(word);
    while (!core.empty() && !is_alpha(core.back())) core.pop_back();
    return core;
}

bool contains_word(const std::vector<std::string>& words, std::initializer_list<std::string_view> wanted) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::find(wanted.begin(), wanted.end(), word_core(w)) != wanted.end();
    });
}

// What stands between a place and a title or council on one line: dashes, a colon.
constexpr std::array<std::string_view, 4> place_separators = {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", ": "};

// The parts of a line between those ("Constitution", "Part 6H", "Protocol for notifying
// local members of key issues"); the whole line where there are none.
std::vector<std::string_view> place_parts(std::string_view text) {
    std::vector<std::string_view> parts;
    for (std::size_t from = 0;;) {
        std::size_t next = text.size(), width = 0;
        for (std::string_view dash : place_separators)
            if (const auto at = text.find(dash, from); at != std::string_view::npos && at < next)
                next = at, width = dash.size();
        parts.push_back(text.substr(from, next - from));
        if (next == text.size()) return parts;
        from = next + width;
    }
}

// "Part 6H", "Section 5E", "Annex A": a division's word and its number or letter.
bool names_division(std::string_view part) {
    const std::vector<std::string> words = split_words(part);
    return words.size() >= 2 && division_word(lower(words[0])) && (is_digit(words[1][0]) || words[1].size() <= 4);
}

HeaderLine header_line_kind(std::string_view text) {
    const std::vector<std::string> words = split_words(text);
    if (words.empty() || ends_sentence(text) || !(is_upper(text[0]) || is_digit(text[0]))) return HeaderLine::other;
    const std::string first = lower(words.front());
    // "Section 5E – Code of Good Practice for Councillors involved in the Planning Process":
    // a place, then a title of up to twelve words of its own; "Codes and Protocols - Part 6H
    // - Protocol for ...": the place between dashes
    const std::vector<std::string_view> parts = place_parts(text);
    const bool place = std::any_of(parts.begin(), parts.end(), names_division);
    std::size_t longest = 0;
    for (std::string_view part : parts) longest = std::max(longest, word_count(part));
    if (longest > (place ? 15u : 12u)) return HeaderLine::other;
    if (contains_word(words, {"constitution"}) || place) return HeaderLine::constitution;
    // "Anytown Borough Council", not "Your council" or "The Council" (a menu item, a sentence's subject)
    if (words.size() >= 2 && words.size() <= 8 && lower(words.back()) == "council" && first != "your" &&
        first != "the" && first != "our" && first != "this")
        return HeaderLine::council;
    if (words.size() >= 4 && words.size() <= 7 && (first == "london" || first == "royal") &&
        lower(words[1]) == "borough" && lower(words[2]) == "of")
        return HeaderLine::council;
    // "Anyshire Fire and Rescue Authority", "Greater Anytown Combined Authority": bodies with
    // constitutions of their own; not "Duties of the Authority", "Local Authority"
    if (words.size() >= 2 && words.size() <= 8 && lower(words.back()) == "authority" &&
        std::none_of(words.begin(), words.end(), [](const std::string& w) {
            const std::string l = lower(w);
            return l == "the" || l == "of" || l == "this" || l == "our" || l == "your" || l == "local" || l == "an" ||
                   l == "a";
        }))
        return HeaderLine::council;
    if (contains_word(words, {"protocol", "code", "relations", "relationship", "relationships", "guidance",
                              "conventions", "charter"}))
        return HeaderLine::title;
    // "STANDING ORDERS AND PROTOCOLS", "Codes and Protocols": the collection the protocol sits in
    if (contains_word(words, {"protocols", "codes"})) return HeaderLine::constitution;
    return HeaderLine::other;
}

// "PART 5(C) – PROTOCOL FOR MEMBER/OFFICER RELATIONS": the place, a dash, then words that
// name a protocol or code are its title; "" where the words after the dash name none
// ("Part 5 – Codes and Protocols" names the Part).

std::string title_after_place(std::string_view line) {
    // (after any of them: "Constitution - Part 6H - Protocol for notifying local members")
    for (std::string_view dash : place_separators)
        for (auto at = line.find(dash); at != std::string_view::npos; at = line.find(dash, at + dash.size())) {
            std::string rest = trim(line.substr(at + dash.size()));
            if (!rest.empty() && header_line_kind(rest) == HeaderLine::title) return rest;
        }
    // "Part 5.→Member and Officer Relations Protocol": the Part's number, then the title
    const std::vector<std::string> words = split_words(line);
    if (words.size() >= 3 && lower(words[0]) == "part" && (is_digit(words[1][0]) || words[1].size() <= 4)) {
        std::string rest;
        for (std::size_t k = 2; k < words.size(); ++k) rest += (rest.empty() ? "" : " ") + words[k];
        if (header_line_kind(rest) == HeaderLine::title) return rest;
    }
    return {};
}

// "Anytown Borough Council – Constitution": the council's name before the dash, or "".
std::string council_before_place(std::string_view line) {
    for (std::string_view dash : place_separators) {
        const auto at = line.find(dash);
        if (at == std::string_view::npos) continue;
        std::string before = trim(line.substr(0, at));
        if (header_line_kind(before) == HeaderLine::council) return before;
    }
    // "SHIREBROOK COUNCIL CONSTITUTION": the council's name, then the word
    const std::string low = lower(line);
    if (const auto at = low.rfind(" constitution"); at != std::string::npos && at + 13 == low.size()) {
        std::string before = trim(line.substr(0, at));
        if (header_line_kind(before) == HeaderLine::council) return before;
    }
    return {};
}

std::string_view minutes_mark(std::string_view lower_text) {
    // the minutes of a meeting say where it met, who was present, who sent apologies, what
    // was resolved, decided or carried over, and when the meeting ended
    static constexpr std::array<std::string_view, 12> marks = {"venue:",
                                                               "minutes of",
                                                               "present:",
                                                               "apologies",
                                                               "resolved",
                                                               "the meeting ended",
                                                               "the meeting closed",
                                                               "minutes:",
                                                               "decision:",
                                                               "supporting documents:",
                                                               "the committee considered",
                                                               "matters arising"};
    for (std::string_view mark : marks)
        if (lower_text.starts_with(mark)) return mark;
    return {};
}

bool names_title_page(std::string_view text) {
    const HeaderLine kind = header_line_kind(text);
    if (kind == HeaderLine::council) return true;
    if (kind != HeaderLine::constitution) return false;
    const std::vector<std::string> words = split_words(text);
    // "Section 16: A Protocol for Member/Officer Relations": the place, then the title
    return lower(words.front()) == "part" || contains_word(words, {"constitution", "protocols", "codes"}) ||
           !title_after_place(text).empty();
}

namespace {

// ------------------------------------------------------------------ how a paragraph looks

// Open and close quotation marks: a passage opens with " or “ and closes with ” or ".
bool opens_quote(std::string_view t) { return starts_with(t, "\"") || starts_with(t, "\xE2\x80\x9C"); }
bool closes_quote(std::string_view t) {
    while (!t.empty() && (t.back() == ' ' || t.back() == '.' || t.back() == ',')) t.remove_suffix(1);
    return (!t.empty() && t.back() == '"') || (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\x9D");
}

// "A." "B)" "IV.": the letter of a lettered section, in capitals and without an
// opening bracket (a sub-item "(A)" stays a sub-item).
bool section_letter(std::string_view label) {
    if (label.size() < 2 || label[0] == '(') return false;
    return std::all_of(label.begin(), label.end() - 1, [](char c) { return is_upper(c); });
}

enum class Role {
    plain,
    heading,
    numbered_heading,
    clause,
    titled_clause,
    one_level_clause,
    label,
    numbered_item,  // "1)" "2)" after a lead-in, in a text numbered otherwise: sub-items
    bullet,
    table
};

struct Item {
    Paragraph para;
    Marker marker;
    Role role = Role::plain;
    std::string rest;                // the text after the marker
    int level = 2;                   // headings
    std::string guess;               // a structural guess that could be wrong: warned at the item's position
    std::string words_not_headings;  // the same, for a run of short lines that are words, not headings
    // the number of an empty clause that holds this item: a list or table with no paragraph
    // before it under its heading, in a text whose numbers are assigned; or the first item
    // of a list that stood on its clause's line ("8. (a) General information")
    Marker held_by;
};

// Where a quoted passage that opens at items[i] ends: the first item after it, of those
// `inside` allows and within thirty, that closes a quotation mark without opening one; else
// i when items[i] closes its own; else items.size() (no passage).
template <typename Inside>
std::size_t quote_end(const std::vector<Item>& items, std::size_t i, Inside inside) {
    for (std::size_t j = i + 1; j < items.size() && j < i + 30 && inside(items[j]); ++j)
        if (closes_quote(items[j].para.text) && !opens_quote(items[j].para.text)) return j;
    return closes_quote(items[i].para.text) ? i : items.size();
}

// A heading: a title-like line, or a heading in capitals or Title Case wrapped over two
// lines or more ("7. COUNCILLORS' ACCESS TO INFORMATION AND TO COUNCIL" / "DOCUMENTS",
// "3. Support Services to Members and Party" / "Groups").
bool heading_like(const Paragraph& p, std::string_view text, std::size_t max_words) {
    if (title_like(p, text, max_words)) return true;
    if (p.single_line || p.table || !capitalised(text)) return false;
    Paragraph one_line;
    return title_like(one_line, text, max_words);
}

// A numbered paragraph (a clause) starts at an item of this role.
bool opens_paragraph(Role role) {
    return role == Role::clause || role == Role::titled_clause || role == Role::one_level_clause;
}

// A clause or a section starts at an item of this role.
bool opens_clause(Role role) {
    return role == Role::heading || role == Role::numbered_heading || opens_paragraph(role);
}

// An item's words after its number or label (all of them where it has none).
std::string_view own_words(const Item& it) { return it.rest.empty() ? std::string_view(it.para.text) : it.rest; }

// "Roles of officers:" or "2. Roles of Officers:" with numbered clauses straight after, or
// "18. SUMMARY:" in capitals with a paragraph after: a heading that ends in a colon (a
// lead-in ending in one introduces items, not clauses)
bool heading_before_clauses(const Paragraph& p, std::string_view text, const Item* next) {
    if (!next || text.size() < 2 || text.back() != ':') return false;
    const bool paragraph_after = next->marker.kind == MarkerKind::none && !next->para.bullet && !next->para.table &&
                                 !next->para.text.empty() && !is_lower(next->para.text[0]);
    if (next->marker.kind != MarkerKind::clause && !(in_capitals(text) && paragraph_after)) return false;
    text.remove_suffix(1);
    return heading_like(p, text, 12);
}

// The place of a lone letter in the alphabet ("(c)" -> 3, "D." -> 4), or 0.
int letter_place(const Marker& m) {
    const std::string core = label_core(m.text);
    return m.kind == MarkerKind::label && core.size() == 1 ? core[0] - 'a' + 1 : 0;
}

// How a label is written, its letters' case for its letters: "(a)" for "(c)" and "(iv)",
// "A." for "D.".
std::string label_style(const Marker& m) {
    std::string style;
    for (char c : m.text)
        if (!ascii::is_alpha(c))
            style += c;
        else if (style.empty() || !ascii::is_alpha(style.back()))
            style += is_upper(c) ? 'A' : 'a';
    return style;
}

// A line that heads a run of lettered paragraphs: a numbered line ("1. Introduction"), a
// heading without a number, or one numbered by a capital roman numeral or letter
// ("II. ROLES OF MEMBERS", "B. Roles").
bool heads_lettered_run(const Item& it) {
    if (it.marker.kind == MarkerKind::single) return true;
    if (it.marker.kind == MarkerKind::none) return title_like(it.para, it.para.text, 12);
    return it.marker.kind == MarkerKind::label &&
           is_upper(it.marker.text[0] == '(' ? it.marker.text[1] : it.marker.text[0]) &&
           title_like(it.para, it.rest, 12);
}

// "1. Introduction and Principles" / "(a) The purpose of this Protocol ..." / "(b) ...",
// or "II. ROLES OF MEMBERS" / "A. Members set ..." / "B. ...": where a text's only paragraph
// numbers are letters from (a) again under two or more headings, the letters number the
// sections' paragraphs (as "(1)" does under "1 Heading"): each run from (a) becomes the
// numbers 1, 2, 3 ... that the "(1)" rules then place under their sections, and a warning
// says so.
void letters_as_paragraph_numbers(std::vector<Item>& items) {
    for (const Item& it : items)
        if (it.marker.kind == MarkerKind::clause ||
            (it.marker.kind == MarkerKind::single && !title_like(it.para, it.rest, 12)))
            return;
    // a label's place in a run of letters, or of roman numerals ("(iii)" -> 3)
    const auto place = [](const Marker& m, bool roman) {
        return !roman ? letter_place(m) : m.kind == MarkerKind::label ? roman_value(label_core(m.text)) : 0;
    };
    struct Run {
        std::size_t heading, end;  // [heading, end of its run)
        bool roman;
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
        const Marker& first = items[i + 1].marker;
        // (every run numbered alike: letters, or roman numerals "(i)" "(ii)")
        const bool roman = runs.empty() ? letter_place(first) != 1 && place(first, true) == 1 : runs.front().roman;
        // ("A. Introduction" under the title is a heading lettered, not a paragraph)
        if (!heads_lettered_run(items[i]) || place(first, roman) != 1 ||
            (first.kind == MarkerKind::label && heads_lettered_run(items[i + 1])))
            continue;
        // (other labels between, "i." "ii." under "b. The Clerk will:", are sub-items; the
        // run's letters are written alike: "(a)" "(b)" or "a." "b.")
        const std::string style = label_style(first);
        int last = 0;
        std::size_t end = i + 1;
        for (std::size_t j = i + 1; j < items.size() && (j == i + 1 || !heads_lettered_run(items[j])); ++j)
            if (place(items[j].marker, roman) == last + 1 && label_style(items[j].marker) == style)
                last = place(items[j].marker, roman), end = j + 1;
        runs.push_back({i, end, roman});
        i = end - 1;
    }
    if (runs.size() < 2) return;
    for (const Run& run : runs) {
        for (std::size_t j = run.heading + 1, next = 1; j < run.end; ++j) {
            Marker& m = items[j].marker;
            if (place(m, run.roman) != static_cast<int>(next) ||
                label_style(m) != label_style(items[run.heading + 1].marker))
                continue;
            ++next;
            m.parts = {place(m, run.roman)};
            m.kind = MarkerKind::single;
            m.enclosed = true;
        }
    }
    const std::size_t first = runs.front().heading;
    const std::size_t more = runs.size() - 1;
    items[first + 1].guess = "'" + items[first + 1].marker.text + "' under '" + items[first].para.text + "' and " +
                             std::to_string(more) + (more == 1 ? " more heading" : " more headings") + ": the " +
                             (runs.front().roman ? "numerals" : "letters") + ", from " + items[first + 1].marker.text +
                             " again under each and the text's only paragraph numbers, number the sections' "
                             "paragraphs";
}

// "3. DEFINITIONS." / "  1. Activity Duty. ..." ... "5. ..." / "4. POLICY.", "24.16 The
// council as an employer" / "1. Fairness in employment" and its paragraphs / "2. ..." /
// "24.17 ...", or "2.2 Political Aims" / "... which promote:" / "    1. A strong ..." to the
// end: numbers from 1 again inside a numbered paragraph, after which the paragraphs'
// numbering goes on where it was (or, under a lead-in, the text ends): that paragraph's
// numbered list, not paragraphs or sections of their own; a warning says so.
void nested_number_runs(std::vector<Item>& items) {
    // (the list's numbers are written alike, and indented alike)
    const auto in_run = [](const Item& it, int n, const Item& first) {
        return it.marker.kind == MarkerKind::single && !it.marker.enclosed && it.marker.parts[0] == n &&
               it.marker.text.back() == first.marker.text.back() && it.para.indented == first.para.indented &&
               (it.role == Role::one_level_clause || it.role == Role::numbered_heading || it.role == Role::plain);
    };
    // an item's own words between its number and the next: paragraphs, bullets, sub-items
    const auto words_of_item = [](const Item& it) {
        return !opens_clause(it.role) && it.marker.kind != MarkerKind::clause && it.marker.kind != MarkerKind::single;
    };
    std::size_t outer = items.size();  // the numbered paragraph the text is in
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (outer < items.size() && i > outer && in_run(it, 1, it)) {
            std::vector<std::size_t> numbers = {i};  // where the run's numbers stand
            std::size_t longest = i + 1;
            for (; longest < items.size(); ++longest)
                if (in_run(items[longest], static_cast<int>(numbers.size()) + 1, it))
                    numbers.push_back(longest);
                else if (!words_of_item(items[longest]))
                    break;
            const std::vector<int>& number = items[outer].marker.parts;
            // (past a heading without a number: "4.6 ...:" / "1." "2." / "Roles" / "5.1 ...")
            const auto continues_outer = [&](std::size_t at) {
                while (at < items.size() && items[at].role == Role::heading &&
                       items[at].marker.kind == MarkerKind::none)
                    ++at;
                if (at == items.size()) return false;
                const Marker& next = items[at].marker;
                if (number.size() == 1)
                    return next.kind == MarkerKind::single && !next.enclosed &&
                           next.parts == std::vector<int>{number[0] + 1};
                return (next.kind == MarkerKind::clause && (next.parts == std::vector<int>{number[0], number[1] + 1} ||
                                                            next.parts == std::vector<int>{number[0] + 1, 1})) ||
                       (next.kind == MarkerKind::single && next.parts == std::vector<int>{number[0] + 1});
            };
            // ("1." to "3." inside "3. DEFINITIONS.", then "4. POLICY.": an unindented list
            // ends where the paragraphs' numbering goes on in the paragraphs' own look, not the
            // list's; an indented one where the indent ends)
            const auto look = [](const Item& x) {
                const std::vector<std::string> words = split_words(x.rest);
                return std::pair(x.role, !words.empty() && words[0].size() > 1 && in_capitals(words[0]));
            };
            const auto in_outer_look = [&](std::size_t at) {
                return at < items.size() && look(items[at]) == look(items[outer]) && look(items[at]) != look(it);
            };
            std::size_t end = longest, count = numbers.size();
            while (!it.para.indented && count > 2 && !continues_outer(end))
                if (in_outer_look(numbers[count - 1]))
                    end = numbers[--count];
                else
                    --count;
            if (!continues_outer(end)) end = longest, count = numbers.size();
            const bool goes_on = continues_outer(end);
            // (to the end, or to an unnumbered heading: only a list under a lead-in, indented
            // or written as a list's items are, "must not ...;")
            const bool items_read_as_list =
                std::all_of(numbers.begin(), numbers.begin() + static_cast<long>(count), [&](std::size_t at) {
                    const std::string_view words = items[at].rest;
                    return !words.empty() && is_lower(words[0]);
                });
            const bool list_to_end = (end == items.size() || items[end].role == Role::heading) &&
                                     ends_lead_in(items[i - 1].para.text) && (it.para.indented || items_read_as_list);
            if (count >= 2 && (goes_on || list_to_end)) {
                for (std::size_t k = 0; k < count; ++k) items[numbers[k]].role = Role::numbered_item;
                items[i].guess = "'" + it.marker.text + "' to '" + items[numbers[count - 1]].marker.text +
                                 "' taken as a numbered list inside paragraph " + join_number(number) +
                                 ": the numbers start again at 1 inside it" +
                                 (goes_on ? ", and the paragraphs' numbers go on after them" : "");
                i = end - 1;
                continue;
            }
        }
        if (opens_paragraph(it.role))
            outer = i;
        else if (it.role == Role::heading || it.role == Role::numbered_heading)
            outer = items.size();
    }
}

std::vector<Item> classify(std::vector<Paragraph> paras) {
    std::vector<Item> items;
    items.reserve(paras.size());
    for (auto& p : paras) {
        Item it;
        it.marker = p.bullet || p.table ? Marker{} : read_marker(p.text);
        it.rest = p.text.substr(it.marker.length);
        it.para = std::move(p);
        items.push_back(std::move(it));
    }
    letters_as_paragraph_numbers(items);
    const bool only_enclosed_numbers = std::none_of(items.begin(), items.end(), [](const Item& it) {
        return it.marker.kind == MarkerKind::clause || (it.marker.kind == MarkerKind::single && !it.marker.enclosed);
    });
    // "(1)" or "1)" first under two headings or more: the paragraphs of each section are
    // numbered that way (a protocol published a page per section, "(1)" under "1 Heading")
    int enclosed_restarts = 0;
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
        const Marker& m = items[i + 1].marker;
        const bool heading =
            items[i].marker.kind == MarkerKind::single
                ? title_like(items[i].para, items[i].rest, 12)
                : items[i].marker.kind == MarkerKind::none && title_like(items[i].para, items[i].para.text, 12);
        enclosed_restarts += heading && m.kind == MarkerKind::single && m.enclosed && m.parts[0] == 1;
    }
    // "(1)" ... "(n)", three or more running on from 1 below every other number (a covering
    // report's "1." "2." above them) and none above: the paragraphs of the protocol
    std::size_t after_other_numbers = 0;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].marker.kind == MarkerKind::clause ||
            (items[i].marker.kind == MarkerKind::single && !items[i].marker.enclosed))
            after_other_numbers = i + 1;
    int series = 0;
    bool in_order = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Marker& m = items[i].marker;
        if (m.kind != MarkerKind::single || !m.enclosed) continue;
        in_order = in_order && i >= after_other_numbers && m.parts[0] == series + 1;
        series = m.parts[0];
    }
    const bool enclosed_series = in_order && series >= 3;
    const bool enclosed_clauses = only_enclosed_numbers || enclosed_restarts >= 2 || enclosed_series;
    if (enclosed_series && !only_enclosed_numbers && enclosed_restarts < 2)
        for (Item& it : items)
            if (it.marker.kind == MarkerKind::single && it.marker.enclosed) {
                it.guess = "'" + it.marker.text + "' to '(" + std::to_string(series) +
                           ")' below the other numbers taken as the numbers of the protocol's paragraphs";
                break;
            }
    // "1 Members are ...", "2 Officers ...": numbers without a dot that run on from one
    // paragraph to the next (three or more in a row) number the paragraphs
    int bare_run = 0, longest_bare_run = 0, last_bare = 0;
    for (const Item& it : items) {
        const Marker& m = it.marker;
        if (m.kind != MarkerKind::single || m.enclosed || m.text.back() == '.' || title_like(it.para, it.rest, 12))
            continue;
        bare_run = m.parts[0] == last_bare + 1 ? bare_run + 1 : 1;
        last_bare = m.parts[0];
        longest_bare_run = std::max(longest_bare_run, bare_run);
    }
    const bool bare_series = longest_bare_run >= 3;
    // "... four main areas of responsibility:" / "Determining the Council's policies" /
    // "Representing the authority externally": the unended lines after a lead-in are what
    // it introduces, not headings, up to the first that ends a sentence
    // "... the guidance states that:" / '  "Both Councillors and officers are ...' / ... /
    // '  ... what both can expect."': indented paragraphs from an opening quotation mark to
    // the one that closes it are a quoted passage, not items whose bullets were lost
    std::vector<bool> quoted(items.size(), false);
    const auto indented_words = [](const Item& it) { return it.para.indented && it.marker.kind == MarkerKind::none; };
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!indented_words(items[i]) || !opens_quote(items[i].para.text)) continue;
        if (const std::size_t end = quote_end(items, i, indented_words); end < items.size()) {
            std::fill(quoted.begin() + static_cast<long>(i), quoted.begin() + static_cast<long>(end) + 1, true);
            i = end;
        }
    }
    // "(a) Briefings on agendas" / "  The executive directors ... will give briefings on ...
    // chairs.": in a text that shows its bullets ("-   ", as pandoc's plain text does), an
    // indented paragraph without one under a titled sub-item is the item's own words, not an
    // item whose bullet was lost
    const bool bullets_shown = std::any_of(items.begin(), items.end(), [](const Item& it) { return it.para.bullet; });
    const auto own_paragraph = [&](std::size_t i) { return bullets_shown && ends_sentence(items[i].para.text); };
    std::vector<bool> introduced(items.size(), false);
    for (std::size_t i = 1; i < items.size(); ++i) {
        const Paragraph& before = items[i - 1].para;
        const bool lead_in = !before.table && ends_lead_in(before.text);
        // (a line without a bullet after bulleted items is not one of them: "- Co-Option
        // Policy" / "Roles of Councillors")
        const bool item_before =
            introduced[i - 1] && !ends_sentence(before.text) && (!before.bullet || items[i].para.bullet);
        introduced[i] = items[i].marker.kind == MarkerKind::none && !items[i].para.table && (lead_in || item_before);
        // "... as long as their term of office lasts" / "Councillors" / "Councillors have
        // four main areas:": a line of a few words among long items, with a lead-in or a
        // sentence after it, is a heading that ends the items
        // (or a line after a blank line, where the items were lines of one block: "The
        // principles are:" / "Respect" / "Trust" / blank / "Roles of Councillors")
        const std::size_t words = word_count(items[i].para.text, 5);
        const Paragraph* after = i + 1 < items.size() ? &items[i + 1].para : nullptr;
        const bool among_long = words <= 4 && word_count(before.text, 3 * words + 6) >= 3 * words + 6;
        const bool block_ended = before.item_line && items[i].para.after_gap;
        if (introduced[i] && item_before && (among_long || block_ended) &&
            title_like(items[i].para, items[i].para.text, among_long ? 4 : 8) && after && !after->table &&
            !after->text.empty() && !is_lower(after->text[0]) &&
            (ends_lead_in(after->text) || ends_sentence(after->text))) {
            introduced[i] = false;
            items[i].guess = "'" + items[i].para.text + "' taken as a heading: a short line " +
                             (among_long ? "among long items" : "after a blank line that ends a block of items") +
                             ", with a new sentence after it";
        }
        // "... the following principles:" / "SELFLESSNESS" / "1. Members should ...": a lead-in's
        // first line with a numbered paragraph straight after it introduces no list (a list of
        // one ended by a clause); the lead-in announces the headed paragraphs that follow
        const Item* next = i + 1 < items.size() ? &items[i + 1] : nullptr;
        if (introduced[i] && lead_in && next &&
            (next->marker.kind == MarkerKind::clause || next->marker.kind == MarkerKind::single) &&
            heading_like(items[i].para, items[i].para.text, 8)) {
            introduced[i] = false;
            items[i].guess = "'" + items[i].para.text +
                             "' taken as a heading: a short line after a lead-in, with a numbered paragraph "
                             "straight after it";
        }
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        Item& it = items[i];
        const Paragraph& p = it.para;
        const Item* next = i + 1 < items.size() ? &items[i + 1] : nullptr;
        if (p.table) {
            it.role = Role::table;
        } else if (p.bullet || it.marker.kind == MarkerKind::bullet) {
            it.role = Role::bullet;
        } else if (it.marker.kind == MarkerKind::clause && it.marker.parts.size() == 2 && it.marker.parts[1] == 0 &&
                   heading_like(p, it.rest, 12)) {
            // "2.0 ROLES AND RESPONSIBILITIES" over 2.1, 2.2: section 2's heading, its number
            // kept as printed
            it.marker.kind = MarkerKind::single;
            it.marker.parts.pop_back();
            it.role = Role::numbered_heading;
        } else if (it.marker.kind == MarkerKind::clause) {
            it.role = Role::clause;
            // "3.2 Chairs of committees" followed by its words or its sub-clauses
            if (next && title_like(p, it.rest, 10) && !ends_with_lead_in_verb(it.rest)) {
                const Marker& nm = next->marker;
                const bool child = nm.kind == MarkerKind::clause && nm.parts.size() > it.marker.parts.size() &&
                                   std::equal(it.marker.parts.begin(), it.marker.parts.end(), nm.parts.begin());
                const bool words = nm.kind == MarkerKind::none && !next->para.bullet && !next->para.table &&
                                   !next->para.text.empty() && !is_lower(next->para.text[0]);
                const bool numbered_items =
                    !enclosed_clauses && nm.kind == MarkerKind::single && nm.enclosed && nm.parts[0] == 1;
                const bool items = nm.kind == MarkerKind::label || nm.kind == MarkerKind::bullet || next->para.bullet ||
                                   numbered_items;
                if (child || words || items) it.role = Role::titled_clause;
            }
            if (p.heading_level > 0) it.role = Role::titled_clause;
        } else if (it.marker.kind == MarkerKind::single && it.marker.enclosed) {
            // "(3) text" numbers the clauses of a text with no other numbers; elsewhere
            // "1)" "2)" ... after a lead-in ("... as follows:") are its sub-items, and
            // anything else is words of the clause it stands in
            const int n = it.marker.parts[0];
            const bool after_lead_in = i > 0 && !items[i - 1].para.table && ends_lead_in(items[i - 1].para.text);
            bool next_item = false;
            for (std::size_t j = i; j-- > 0 && !opens_clause(items[j].role);)
                if (items[j].role == Role::numbered_item) {
                    next_item = items[j].marker.parts[0] == n - 1;
                    break;
                }
            const bool first_item = n == 1 && (after_lead_in || (i > 0 && items[i - 1].role == Role::titled_clause));
            if (enclosed_clauses)
                it.role = Role::one_level_clause;
            else if (first_item || next_item)
                it.role = Role::numbered_item;
        } else if (it.marker.kind == MarkerKind::single) {
            // "2. ROLES OF OFFICERS:", "2. Roles of Officers:" (a numbered sentence ending in a
            // colon is a lead-in)
            // ("7. The Relationship: General": a numbered line of a few capitalised words is a
            // heading with a colon inside, where an unnumbered one might be a field)
            const bool colon_heading = p.single_line && it.rest.find(": ") != std::string::npos &&
                                       capitalised(it.rest) && word_count(it.rest, 9) <= 8 && !ends_sentence(it.rest);
            if (heading_like(p, it.rest, 12) || (heading_before_clauses(p, it.rest, next) && capitalised(it.rest)) ||
                colon_heading || p.heading_level > 0)
                it.role = Role::numbered_heading;
            else if (it.marker.text.back() == '.' || bare_series)
                it.role = Role::one_level_clause;
        } else if (it.marker.kind == MarkerKind::label && section_letter(it.marker.text) &&
                   title_like(p, it.rest, 12)) {
            // "A. Introduction": a lettered section
            it.role = Role::heading;
        } else if (it.marker.kind == MarkerKind::label) {
            it.role = Role::label;
        } else if (p.item_line) {
            it.role = Role::bullet;  // a line of its own under a lead-in (join_lines): its bullet lost
        } else if (p.heading_level > 0) {
            it.role = Role::heading;
            it.level = p.heading_level <= 1 ? 2 : 3;
        } else if (next && (heading_like(p, p.text, 12) || heading_before_clauses(p, p.text, next)) && !introduced[i]) {
            it.role = Role::heading;
            it.level = in_capitals(p.text) ? 2 : 3;
        } else if (p.indented && !quoted[i] &&
                   (introduced[i] ||
                    (i > 0 && items[i - 1].role == Role::bullet && items[i - 1].para.indented &&
                     !items[i - 1].para.bullet) ||
                    (i > 0 && items[i - 1].role == Role::label &&
                     title_like(items[i - 1].para, items[i - 1].rest, 12) && !own_paragraph(i)))) {
            // "... for example:" and then indented lines: the items of a list, their bullets
            // lost; so under a titled sub-item ("(a) General information and advice")
            it.role = Role::bullet;
        } else if (p.leading_space && p.after_gap && i > 0) {
            // a bullet whose glyph was lost on the way out of the PDF
            it.role = Role::bullet;
        }
    }
    nested_number_runs(items);
    // "Requests should be made to the officers below." / "Subject" / "Officer" / "Committee
    // papers" / ...: three short lines or more in a row inside the numbered text, with
    // nothing under any of them, are no headings (a table's cells, one a line, as pdftotext
    // gives them): words of the clause they stand in
    bool numbered_before = false;
    for (std::size_t i = 0; i < items.size();) {
        const auto bare_heading = [&](std::size_t k) {
            const Item& it = items[k];
            return it.role == Role::heading && it.marker.kind == MarkerKind::none && it.para.heading_level == 0 &&
                   it.para.single_line;
        };
        if (!bare_heading(i)) {
            numbered_before = numbered_before || opens_paragraph(items[i].role);
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < items.size() && bare_heading(end)) ++end;
        if (numbered_before && end - i >= 3) {
            for (std::size_t k = i; k < end; ++k) items[k].role = Role::plain;
            items[i].words_not_headings =
                "'" + items[i].para.text + "' to '" + items[end - 1].para.text +
                "' taken as words of the paragraph above, not headings: " + std::to_string(end - i) +
                " short lines in a row with nothing under them (a table's cells, one a line)";
        }
        i = end;
    }
    // "11. Senior Officers shall agree times for regular contact" after 10. under section
    // 5: a short paragraph in the series of paragraphs, not section 11
    int last_heading = 0, last_paragraph = 0;
    for (Item& it : items) {
        if (it.role == Role::numbered_heading) {
            const int n = it.marker.parts[0];
            if (n != last_heading + 1 && n == last_paragraph + 1 && last_paragraph > 0 &&
                it.marker.text.back() == '.' && it.para.heading_level == 0)
                it.role = Role::one_level_clause;
            else
                last_heading = n, last_paragraph = 0;
        }
        if (it.role == Role::one_level_clause) last_paragraph = it.marker.parts[0];
    }
    return items;
}

// With no section headings at all (after the title page), sub-headings are the sections.
void promote_sub_headings(std::vector<Item>& items, std::size_t from) {
    const auto body = items.begin() + static_cast<long>(from);
    if (std::any_of(body, items.end(), [](const Item& it) {
            return it.role == Role::numbered_heading || (it.role == Role::heading && it.level == 2);
        }))
        return;
    for (auto it = body; it != items.end(); ++it)
        if (it->role == Role::heading) it->level = 2;
}

// ------------------------------------------------------------------ numbers a clerk gives

bool opens_numbering_group(const Item& it) {
    return it.role == Role::numbered_heading || (it.role == Role::heading && it.level == 2);
}

void set_number(Marker& m, std::vector<int> parts) {
    m.parts = std::move(parts);
    m.text = join_number(m.parts);
    m.kind = MarkerKind::clause;
    m.enclosed = false;
}

void set_number(Item& it, std::vector<int> parts) {
    set_number(it.marker, std::move(parts));
    if (it.role == Role::one_level_clause || it.role == Role::plain) it.role = Role::clause;
}

// A sentence end inside the text, a capital after it: "... or its services. They should ...".
bool two_sentences(std::string_view text) {
    for (std::size_t at = text.find(". "); at != std::string_view::npos; at = text.find(". ", at + 2))
        if (at + 2 < text.size() && is_upper(text[at + 2]) && at > 0 && is_lower(text[at - 1])) return true;
    return false;
}

// "- Introduction" / "An effective working relationship ..." / "- The Role of Councillors" /
// "- Councillors and Employees of the Council are ...": a web page's list whose numbers
// were lost, its top items the sections' headings, bulleted like the paragraphs under
// them. In a text with no heading and no number of its own, two bullets or more of a few
// capitalised words without a stop, each over a sentence, are the headings, a warning each.
void bullets_as_headings(std::vector<Item>& items, std::size_t from, const std::string& path, Diagnostics& diags) {
    std::vector<std::size_t> found;
    for (std::size_t i = from; i < items.size(); ++i) {
        const Role r = items[i].role;
        if (r == Role::heading || r == Role::numbered_heading || r == Role::clause || r == Role::titled_clause ||
            r == Role::one_level_clause)
            return;
        if (r != Role::bullet || i + 1 == items.size()) continue;
        const Paragraph& p = items[i].para;
        const Item& next = items[i + 1];
        if (title_like(p, p.text, 8) && capitalised(p.text) &&
            (next.role == Role::bullet || next.role == Role::plain) && ends_sentence(next.para.text) &&
            word_count(next.para.text, 8) >= 8)
            found.push_back(i);
    }
    if (found.size() < 2) return;
    for (const std::size_t i : found) {
        items[i].role = Role::heading;
        items[i].level = 2;
        items[i].para.bullet = false;
        diags.warning(path, items[i].para.pos,
                      "'" + items[i].para.text +
                          "' taken as a heading: a bullet of a few capitalised words over a sentence, in a text "
                          "with no heading of its own (a list whose numbers were lost)");
    }
}

// No number anywhere, and the paragraphs under the headings start with a bullet (a web
// page's numbered list that lost its numbers, every item "- "): those paragraphs are
// counted 1., 2., 3. under each heading, and a warning says so. Bullets in another glyph,
// or after a lead-in ending in ":", stay the items of a list.
void count_bulleted_paragraphs(std::vector<Item>& items, std::size_t from, const std::string& path,
                               Diagnostics& diags) {
    std::map<std::string, int> under_heading;  // glyph -> headings a bullet in it follows
    for (std::size_t i = from; i < items.size(); ++i) {
        const Role r = items[i].role;
        if (opens_paragraph(r)) return;
        if ((r == Role::heading || r == Role::numbered_heading) && i + 1 < items.size() &&
            items[i + 1].role == Role::bullet && !items[i + 1].para.glyph.empty())
            ++under_heading[items[i + 1].para.glyph];
    }
    std::string glyph;
    int headings = 0;
    for (const auto& [candidate, count] : under_heading)
        if (count > headings) glyph = candidate, headings = count;
    if (headings < 2) return;
    int n = 0;
    bool warned = false, in_list = false;  // in_list: the item before is an item of a list in `glyph`
    for (std::size_t i = from; i < items.size(); ++i) {
        Item& it = items[i];
        if (opens_numbering_group(it)) n = 0;
        if (it.role != Role::bullet || it.para.glyph != glyph) {
            in_list = false;
            continue;
        }
        const std::string_view before = i > from ? std::string_view(items[i - 1].para.text) : std::string_view();
        const bool was_in_list = in_list;
        in_list = !before.empty() && (before.back() == ':' || (in_list && !ends_sentence(before)));
        // "- Acting as advocates ..." / "- It is not the responsibility of Councillors ...
        // They should not ...": sentences after items that end without a stop are the next
        // paragraph, not the list's last item
        if (in_list && was_in_list && two_sentences(it.para.text)) {
            in_list = false;
            it.guess = "'" + shorten(it.para.text, 40) +
                       "' taken as a paragraph after the list, not its last item: it holds sentences, the items "
                       "before it none";
        }
        if (in_list) continue;
        it.role = Role::one_level_clause;
        it.para.bullet = false;
        it.marker = Marker{MarkerKind::single, 0, std::to_string(++n) + ".", {n}};
        it.rest = it.para.text;
        if (!warned)
            diags.warning(path, it.para.pos,
                          "no paragraph is numbered and the paragraphs under the headings start with '" + glyph +
                              "' (a list that lost its numbers): they are counted 1., 2., 3. under each heading");
        warned = true;
    }
}

// "1." in front of every paragraph (a web page whose list starts again at every item):
// the numbers are lost, so the paragraphs are counted 1., 2., 3. under each heading, and
// a warning says so where the counting starts. A short "1. Representing the authority"
// after the first number is one of those paragraphs, not a heading.
void count_repeated_ones(std::vector<Item>& items, std::size_t from, const std::string& path, Diagnostics& diags) {
    std::size_t ones = 0, in_a_row = 0, longest_row = 0;
    std::vector<bool> paragraph(items.size(), false);
    bool numbered_before = false;
    for (std::size_t i = from; i < items.size(); ++i) {
        const Item& it = items[i];
        paragraph[i] = it.role == Role::one_level_clause ||
                       (it.role == Role::numbered_heading && it.marker.parts[0] == 1 && numbered_before);
        numbered_before |= it.role == Role::numbered_heading || it.role == Role::one_level_clause;
    }
    for (std::size_t i = from; i < items.size(); ++i) {
        const Item& it = items[i];
        if (opens_numbering_group(it) && !paragraph[i]) in_a_row = 0;
        if (!paragraph[i]) continue;
        if (it.marker.parts[0] != 1) return;
        ++ones;
        longest_row = std::max(longest_row, ++in_a_row);
    }
    if (ones < 3 || longest_row < 2) return;
    int n = 0;
    bool warned = false;
    for (std::size_t i = from; i < items.size(); ++i) {
        Item& it = items[i];
        if (paragraph[i]) it.role = Role::one_level_clause;
        if (opens_numbering_group(it)) n = 0;
        if (it.role != Role::one_level_clause) continue;
        it.marker.parts = {++n};
        if (!warned)
            diags.warning(path, it.para.pos,
                          "every paragraph is numbered " + it.marker.text +
                              " (a list that starts again at every item): the paragraphs are counted 1., 2., 3. "
                              "under each heading instead");
        warned = true;
        it.marker.text = std::to_string(n) + ".";
    }
}

// "Appendix 1 – Guidance on Political Groups", "Annex A", "Schedule 2": an appendix's
// heading (its numbering is its own: number_appendices).
bool appendix_heading(const Item& it) {
    if (it.role != Role::heading) return false;
    const std::vector<std::string> words = split_words(it.para.text);
    if (words.empty() || words.size() > 16) return false;
    const std::string first = lower(words[0]);
    return first == "appendix" || first == "annex" || first == "annexe" || first == "schedule";
}

// The warning where the protocol is taken to start after a covering report's numbered
// points (number_restarts, assign_numbers): one wording for both.
void warn_protocol_starts(const Item& heading, const std::string& seen, const std::string& after,
                          const std::string& path, Diagnostics& diags) {
    diags.warning(path, heading.para.pos,
                  seen + " '" + heading.para.text + "' " + after +
                      ": the protocol is taken to start there, and what stands above it (a covering report?) "
                      "is kept as its preamble, its numbered points a list");
}

// Numbered paragraphs only under the first few headings ("1." "2.", a covering report's
// points), then many headings over prose with none ("1. Status of this code", or "Roles of
// officers", and paragraphs): the index of the last point, above the protocol, or
// items.size() if the text is not laid out so.
std::size_t last_point_above_prose(const std::vector<Item>& items, std::size_t from) {
    std::size_t last_point = items.size();
    int groups_above = 0, groups_below = 0;
    bool numbers_in_group = false;
    for (std::size_t i = from; i < items.size(); ++i) {
        const Role r = items[i].role;
        if (r == Role::clause || r == Role::titled_clause) return items.size();
        if (r == Role::heading || r == Role::numbered_heading) {
            numbers_in_group = false;
            groups_below += last_point < items.size();
        }
        if (r != Role::one_level_clause) continue;
        groups_above += !numbers_in_group;
        numbers_in_group = true;
        last_point = i;
        groups_below = 0;
    }
    if (last_point == items.size() || groups_below < 3 || groups_below < 2 * groups_above) return items.size();
    return last_point;
}

bool has_clauses(const std::vector<Item>& items, std::size_t from) {
    return std::any_of(items.begin() + static_cast<std::ptrdiff_t>(from), items.end(),
                       [](const Item& it) { return opens_paragraph(it.role); });
}

// "1." "2." under every heading (a protocol published a web page per section, or "(1)"
// paragraphs under "1 Heading"): a number is used once in a protocol, so each section's
// number goes in front of its paragraphs' numbers, as a clerk would number them (1., 2.
// under the third heading become 3.1, 3.2), and a warning says so where each restarts.
// Returns the heading the protocol proper starts at when the numbers start again only
// there (a covering report's points above it), or items.size().
std::size_t number_restarts(std::vector<Item>& items, std::size_t from, const std::string& path, Diagnostics& diags) {
    // The headings with numbered paragraphs under them: under how many the numbers start
    // again at 1, and under how many they run on (3. after 2.) after the last restart.
    int restarted = 0, groups_before = 0, groups_after = 0, ran_on_after = 0;
    std::size_t heading = items.size(), restart_heading = items.size();
    int last = 0;
    for (std::size_t i = from; i < items.size(); ++i) {
        const Item& it = items[i];
        // (an appendix numbering from 1 again is one appendix, not a restart under every heading)
        if (opens_numbering_group(it)) heading = appendix_heading(it) ? items.size() : i;
        if (it.role != Role::one_level_clause) continue;
        if (heading < items.size()) {
            if (last >= 1 && it.marker.parts[0] == 1) {
                ++restarted;
                restart_heading = heading;
                groups_before += groups_after;
                groups_after = ran_on_after = 0;
            } else {
                ++groups_after;
                ran_on_after += it.marker.parts[0] == last + 1;
            }
        }
        last = it.marker.parts[0];
        heading = items.size();
    }
    // (points 1. 2. of two covering reports, then a protocol with no numbers: assign_numbers')
    if (restarted == 0 || last_point_above_prose(items, from) < items.size()) return items.size();
    if (ran_on_after == groups_after && ran_on_after >= 2 && ran_on_after >= 2 * groups_before) {
        // One numbering through the many headings after the last start at 1: what stands
        // above it, under few headings ("1. The Committee reviewed ...", a covering report's
        // points), is not the protocol's: it is the preamble, its numbers a list's.
        warn_protocol_starts(items[restart_heading], "the numbering starts again at 1. under",
                             "and runs on from there through the headings", path, diags);
        return restart_heading;
    }
    int section = 0, titled = 0;
    bool warned = true;
    std::size_t section_heading = items.size();
    for (std::size_t i = from; i < items.size(); ++i) {
        Item& it = items[i];
        // "10 IF THINGS GO WRONG" / "1. Procedure for officers" / "1.1 From time to time" /
        // ... / "2. Procedure for Councillors": headings numbered from 1 again right under a
        // section's heading are its titled clauses (10.1, 10.2), their paragraphs 10.1.1 ...
        if (it.role == Role::numbered_heading && section > 1 && it.marker.parts.size() == 1 &&
            ((it.marker.parts[0] == 1 && section_heading + 1 == i) ||
             (titled > 0 && it.marker.parts[0] == titled + 1 && it.marker.parts[0] != section + 1))) {
            const std::string why =
                titled == 0 ? "its number starts again at 1 right under '" + items[section_heading].para.text + "'"
                            : "it runs on from the titled clause before it";
            titled = it.marker.parts[0];
            it.role = Role::titled_clause;
            it.marker.kind = MarkerKind::clause;
            it.guess = "'" + it.para.text + "' taken as clause " + std::to_string(section) + "." +
                       std::to_string(titled) + ", a titled clause: " + why;
        }
        if (opens_numbering_group(it)) {
            // ("Roles" and 3. after 1. 2. under "Introduction": the numbers run on under a
            // sub-heading of the same section)
            std::size_t next = i + 1;
            while (next < items.size() && !opens_numbering_group(items[next]) &&
                   items[next].role != Role::one_level_clause)
                ++next;
            const bool runs_on = it.role == Role::heading && section > 0 && next < items.size() &&
                                 items[next].role == Role::one_level_clause && items[next].marker.parts[0] != 1;
            if (runs_on) {
                it.level = 3;
                continue;
            }
            section = it.role == Role::numbered_heading ? it.marker.parts[0] : section + 1;
            section_heading = i, titled = 0;
            warned = false;
            continue;
        }
        const bool numbered = opens_paragraph(it.role);
        if (!numbered || section == 0) continue;
        std::vector<int> parts = it.marker.parts;
        parts.insert(parts.begin(), section);
        if (!warned)
            diags.warning(path, it.para.pos,
                          "the numbering starts again at " + it.marker.text + " under a new heading: numbered " +
                              join_number(parts) +
                              " and on (the section's number in front), so that every number is used once");
        warned = true;
        set_number(it, std::move(parts));
    }
    return items.size();
}

// "Appendix 1 – Guidance on Political Groups" (or an Annex, a Schedule) whose paragraphs
// are numbered from 1 again: a number is used once in a protocol, so the appendix is
// numbered on from the text before it, as a clerk would: "1." "2." under it become 3.1,
// 3.2 after section 2, and "1.1" becomes 3.1; a warning says so at each appendix.
void number_appendices(std::vector<Item>& items, std::size_t from, const std::string& path, Diagnostics& diags) {
    auto numbered_here = [](const Item& it) {
        return (opens_paragraph(it.role) || it.role == Role::numbered_heading) && !it.marker.parts.empty();
    };
    int last = 0;     // the first part of the last number, as numbered now
    int offset = -1;  // what the appendix being read adds to its numbers (-1: not renumbered)
    bool warned = true;
    for (std::size_t i = from; i < items.size(); ++i) {
        Item& it = items[i];
        if (appendix_heading(it)) {
            const auto next = std::find_if(items.begin() + static_cast<long>(i) + 1, items.end(), numbered_here);
            offset = next != items.end() && last > 0 && next->marker.parts[0] <= last ? last : -1;
            warned = false;
            continue;
        }
        if (!numbered_here(it)) continue;
        if (offset >= 0) {
            std::vector<int> parts = it.marker.parts;
            if (it.role == Role::one_level_clause)
                parts.insert(parts.begin(), offset + 1);
            else
                parts[0] += offset;
            if (!warned)
                diags.warning(path, it.para.pos,
                              "the appendix numbers its paragraphs from " + it.marker.text + " again: numbered " +
                                  join_number(parts) +
                                  " and on, after the text before it, so that every number "
                                  "is used once");
            warned = true;
            if (it.role == Role::numbered_heading) {
                it.marker.parts = std::move(parts);
                it.marker.text = std::to_string(it.marker.parts[0]) + ".";
            } else {
                set_number(it, std::move(parts));
            }
        }
        last = std::max(last, it.marker.parts[0]);
    }
}

// A gap marker where a clause was left out of an extract ("2.1", "[ .. ]", "2.3"; or
// "[ .. ]" then "2.2.1", the parent left out): when the numbers around it say which clause
// it stands for, it is that clause, its words the marker, and a warning says so; else it
// stays words of the clause before it, with a warning too.
void number_gap_markers(std::vector<Item>& items, std::size_t from, const std::string& path, Diagnostics& diags) {
    auto numbered = [](const Item& it) {
        return (opens_paragraph(it.role) || it.role == Role::numbered_heading) && !it.marker.parts.empty();
    };
    std::vector<int> prev;
    for (std::size_t i = from; i < items.size(); ++i) {
        Item& it = items[i];
        if (numbered(it)) prev = it.marker.parts;
        if (it.role != Role::plain || !gap_marker(it.para.text)) continue;
        std::size_t next = i + 1;
        while (next < items.size() && !numbered(items[next])) ++next;
        std::vector<int> left_out;
        if (next < items.size() && items[next].role != Role::numbered_heading) {
            const std::vector<int>& after = items[next].marker.parts;
            std::vector<std::vector<int>> candidates;
            if (after.back() > 1) {
                candidates.push_back(after);
                --candidates.back().back();
            } else if (after.size() > 1) {
                candidates.emplace_back(after.begin(), after.end() - 1);  // the parent
            }
            for (const auto& c : candidates)
                if ((prev.empty() || plausible_next(prev, c)) && plausible_next(c, after)) left_out = c;
        }
        if (left_out.empty()) {
            diags.warning(path, it.para.pos,
                          "'" + it.para.text +
                              "' marks text left out, but the numbers around it do not say which clause: kept as "
                              "words of the clause before it");
            continue;
        }
        diags.warning(path, it.para.pos,
                      "'" + it.para.text + "' marks clause " + join_number(left_out) +
                          ", left out of this extract (the numbers around it skip it): kept as that clause, the "
                          "marker its words");
        set_number(it, left_out);
        prev = left_out;
    }
}

// A lettered item that is a title ("(a) Fairness in employment") or a lead-in ending in
// ':' takes the paragraphs after it as its own, up to the next heading, clause or item.
bool takes_paragraphs(const Item& label) {
    return title_like(label.para, label.rest, 12) || (!label.rest.empty() && label.rest.back() == ':');
}

// "Background" / "Introduction" / "1. Relationship to the Members' Code" / "2. ...": unnumbered
// headings above the first numbered one, numbered from 1, and no unnumbered section
// heading after it: the numbered headings are the sections, those above a preface. The
// index of "1. ...", or items.size().
std::size_t sections_numbered_after_preface(const std::vector<Item>& items, std::size_t from) {
    // (below "1." a heading in Title Case is a sub-heading of its section; one in capitals a section's)
    auto section_heading = [](const Item& it) { return it.role == Role::heading && it.level == 2; };
    std::size_t first = from;
    while (first < items.size() && items[first].role != Role::numbered_heading) ++first;
    const auto above = [&](auto pred) {
        return std::any_of(items.begin() + static_cast<long>(from), items.begin() + static_cast<long>(first), pred);
    };
    // (a heading with words under it: a line over "1." alone is a title or a subtitle)
    if (first == items.size() || items[first].marker.parts != std::vector<int>{1} ||
        !above([](const Item& it) { return it.role == Role::heading; }) ||
        !above([](const Item& it) { return it.role == Role::plain || it.role == Role::bullet; }) ||
        above([](const Item& it) { return opens_paragraph(it.role); }) ||
        std::any_of(items.begin() + static_cast<long>(first), items.end(), section_heading))
        return items.size();
    return first;
}

// No numbered paragraph anywhere (a model protocol, a small council's): each paragraph
// under a heading is a clause, numbered 1.1, 1.2 ... under the first heading, 2.1 ...
// under the next, and a warning says which numbers were assigned where. Returns where
// the protocol starts after a covering report's points, or items.size().
std::size_t assign_numbers(std::vector<Item>& items, std::size_t from, const std::string& path, Diagnostics& diags) {
    const std::size_t last_point = last_point_above_prose(items, from);
    if (last_point == items.size() && has_clauses(items, from)) return items.size();
    std::size_t starts = items.size();
    if (last_point < items.size()) {
        starts = last_point + 1;
        while (starts < items.size() && items[starts].role != Role::heading &&
               items[starts].role != Role::numbered_heading)
            ++starts;
        from = starts;
        warn_protocol_starts(items[starts], "numbered points above", "and none under the headings from there", path,
                             diags);
    }
    // a heading with no paragraph of its own (a heading right above another) takes no number;
    // under "3. Politeness and respect" the paragraphs are 3.1, 3.2 ...; under a sub-heading
    // ("Councillors" in Title Case under "ROLES OF COUNCILLORS AND OFFICERS") they run on in
    // the section's numbers, as a clerk numbers them
    int section = 0, n = 0, printed = -1;
    bool heading_seen = false, section_seen = false, under_heading = false, in_titled_item = false;
    std::size_t heading = 0;
    auto report = [&] {
        const std::string first = std::to_string(section) + ".1";
        if (n == 1)
            diags.warning(path, items[heading].para.pos,
                          "no numbered paragraphs: number " + first + " assigned to the paragraph under '" +
                              items[heading].para.text + "'");
        else if (n > 1)
            diags.warning(path, items[heading].para.pos,
                          "no numbered paragraphs: numbers " + first + " to " + std::to_string(section) + "." +
                              std::to_string(n) + " assigned to the paragraphs under '" + items[heading].para.text +
                              "'");
    };
    for (std::size_t i = from; i < items.size(); ++i) {
        Item& it = items[i];
        if (it.role == Role::heading || it.role == Role::numbered_heading) {
            const bool sub_heading = it.role == Role::heading && it.level == 3;
            under_heading = true, in_titled_item = false;
            if (sub_heading && section_seen) continue;
            section_seen = section_seen || !sub_heading;
            report();
            n = 0, heading = i, heading_seen = true;
            printed = -1;
            if (it.role == Role::numbered_heading) {
                // "1." over every heading (each the first of its page): numbered on, as a
                // clerk would, and a warning says so
                if (it.marker.parts.size() == 1 && it.marker.parts[0] <= section) {
                    diags.warning(path, it.para.pos,
                                  "'" + it.para.text + "' is numbered " + it.marker.text + " again, after section " +
                                      std::to_string(section) + ": numbered " + std::to_string(section + 1));
                    const std::size_t was = std::to_string(it.marker.parts[0]).size();
                    it.marker.parts[0] = section + 1;
                    it.marker.text.replace(0, was, std::to_string(section + 1));
                }
                printed = it.marker.parts[0];
            }
            continue;
        }
        if (!heading_seen) continue;
        if (it.role == Role::label) in_titled_item = takes_paragraphs(it);
        // a list or table right under a heading, with no paragraph to lead into it, is a
        // paragraph of its own: an empty clause holds it, numbered like any other
        const bool list_first = under_heading && (it.role == Role::label || it.role == Role::bullet ||
                                                  it.role == Role::numbered_item || it.role == Role::table);
        if (!list_first && (it.role != Role::plain || it.para.text.empty() || in_titled_item)) continue;
        under_heading = false;
        if (n == 0) section = printed > 0 ? printed : section + 1;
        if (list_first) {
            set_number(it.held_by, {section, ++n});
            continue;
        }
        it.marker = Marker{};
        it.rest = it.para.text;
        set_number(it, {section, ++n});
    }
    report();
    return starts;
}

// "8. (a) General information and advice", then "(b) Advice for ...": a clause whose
// words start with the first label of a list that the next items go on is an empty
// clause, its list's first item on its line (as "4. (1) ..." in standing orders).
void find_first_items_inline(std::vector<Item>& items, std::size_t from, const std::string& path, Diagnostics& diags) {
    for (std::size_t i = from; i < items.size(); ++i) {
        Item& it = items[i];
        if (it.role != Role::clause && it.role != Role::one_level_clause) continue;
        const Marker inner = read_marker(it.rest);
        const bool first_label = inner.kind == MarkerKind::label && inner.text.front() == '(' &&
                                 (label_core(inner.text) == "a" || label_core(inner.text) == "i");
        if (!first_label) continue;
        const std::string second = label_core(inner.text) == "a" ? "b" : "ii";
        for (std::size_t j = i + 1; j < items.size() && !opens_clause(items[j].role); ++j) {
            if (items[j].role != Role::label) continue;
            if (items[j].marker.text.front() == '(' && label_core(items[j].marker.text) == second) {
                diags.note(path, it.para.pos,
                           "'" + shorten(it.para.text, 60) + "': " + inner.text + " is the first item of clause " +
                               it.marker.text + "'s list, on the clause's line");
                // the item is the list's first, held by the clause its number stands for
                it.held_by = it.marker;
                it.role = Role::label;
                it.marker = inner;
                it.marker.length += it.held_by.length;
                it.rest = it.rest.substr(inner.length);
            }
            break;
        }
    }
}

// ------------------------------------------------------------------ assembly

bool is_structure(const Item& it) {
    return it.role == Role::numbered_heading ||
           (it.role == Role::heading && (it.level == 2 || it.para.heading_level > 0)) || it.role == Role::clause ||
           it.role == Role::titled_clause;
}

// The style of a label; `previous` is the label before it in the open list ("" if none)
// and `previous_roman` says whether that list counts in numerals. (i) after (h) is a
// letter; (v) after (iv) a numeral; a lone (i) starts numerals.
ListStyle label_style(const std::string& label, const std::string& previous, bool previous_roman) {
    const bool open = label[0] == '(';
    const char close = label.back();
    const std::string letters = label.substr(open ? 1 : 0, label.size() - (open ? 2 : 1));
    if (!letters.empty() && is_digit(letters[0])) return open ? ListStyle::decimal_paren : ListStyle::ordered;
    bool roman = letters.find_first_not_of("ivxlcIVXLC") == std::string::npos;
    if (roman && letters.size() == 1) {
        const std::string prev = previous.substr(previous.empty() || previous[0] != '(' ? 0 : 1, 1);
        const bool follows_letter = !previous_roman && !prev.empty() &&
                                    std::tolower(static_cast<unsigned char>(prev[0])) + 1 ==
                                        std::tolower(static_cast<unsigned char>(letters[0]));
        // in a list of numerals, (v) after (iv) is the next numeral, (c) after (iii) a letter
        const bool next_numeral =
            previous_roman && roman_value(lower(letters)) == roman_value(label_core(previous)) + 1;
        roman = !follows_letter && (next_numeral || letters == "i" || letters == "I");
    }
    if (open) return roman ? ListStyle::roman_paren : ListStyle::alpha_paren;
    if (close == ')') return roman ? ListStyle::roman_close : ListStyle::alpha_close;
    return roman ? ListStyle::roman_dot : ListStyle::alpha_dot;
}

bool is_roman(ListStyle s) {
    return s == ListStyle::roman_paren || s == ListStyle::roman_close || s == ListStyle::roman_dot;
}

class Builder {
public:
    Builder(Protocol& p, const std::string& path, std::vector<Dropped>& dropped, Diagnostics& diags)
        : p_(p), path_(path), dropped_(dropped), diags_(diags) {}

    void add(const Item& it);
    void add_quote(std::vector<Block> paragraphs, SourcePos pos);
    void start_preamble(SourcePos pos);
    void end_preamble() { in_preamble_ = false; }  // the protocol proper starts here
    // the next sections are the preamble's (a covering report's headings and points)
    void preamble_headings_follow() { in_preamble_ = true; }
    bool continues_section_before(std::vector<Section>::const_iterator top, int number);
    // A paragraph's footnotes are kept until its clause ends, and then end it.
    void keep_notes(const Paragraph& para);
    void finish() { end_notes(); }

private:
    Inlines words_of(const Item& it) const {
        if (it.para.inlines.empty()) return inlines_from_text(it.rest);
        Inlines in = it.para.inlines;
        drop_prefix(in, it.marker.length);
        return in;
    }
    Block paragraph_of(const Item& it) const {
        Block b;
        b.kind = BlockKind::paragraph;
        b.inlines = words_of(it);
        b.pos = it.para.pos;
        return b;
    }
    // words before any heading or number (a text with no structure at all) go into a
    // section without a heading
    // (words after the preamble ended, before any heading: the protocol's own, an untitled
    // section's introduction)
    Section& section() {
        if (p_.sections.empty() || (!in_preamble_ && p_.sections.back().kind == SectionKind::preamble))
            p_.sections.emplace_back();
        return p_.sections.back();
    }
    std::vector<Block>& container() {
        Section& s = section();
        return s.clauses.empty() || !in_clause_ ? s.intro : s.clauses.back().blocks;
    }
    Block* open_labels() {
        if (!labels_open_ || p_.sections.empty()) return nullptr;
        auto& c = container();
        return !c.empty() && c.back().kind == BlockKind::list ? &c.back() : nullptr;
    }
    // where plain words go: into a sub-item that is a heading or a lead-in, else the clause
    std::vector<Block>& block_target(bool bullet) {
        if (Block* list = open_labels()) {
            ListItem& item = list->items.back();
            if (!item.blocks.empty() && item.blocks.back().kind == BlockKind::list &&
                item.blocks.back().list_style != ListStyle::bullet) {
                ListItem& inner = item.blocks.back().items.back();
                if (bullet || item_takes_words_) return inner.blocks;
            }
            if (bullet || item_takes_words_) return item.blocks;
            labels_open_ = false;
        }
        return container();
    }
    void place(const Item& it);
    void end_notes();
    void new_section(const Item& it, int level);
    void ensure_section_for(const std::vector<int>& number, SourcePos pos);
    void new_clause(const Item& it);
    void add_label(const Item& it);
    void add_bullet(const Item& it);

    Protocol& p_;
    const std::string& path_;
    std::vector<Dropped>& dropped_;
    Diagnostics& diags_;
    bool in_clause_ = false;
    bool labels_open_ = false;
    bool item_takes_words_ = false;
    bool in_preamble_ = false;
    std::vector<Block> notes_;  // footnotes waiting for the end of their clause
};

void Builder::keep_notes(const Paragraph& para) {
    for (const auto& note : para.notes) {
        Block b;
        b.inlines = note;
        b.pos = para.pos;
        notes_.push_back(std::move(b));
    }
}

void Builder::end_notes() {
    if (notes_.empty() || p_.sections.empty()) return;
    auto& blocks = container();
    for (auto& b : notes_) blocks.push_back(std::move(b));
    notes_.clear();
    labels_open_ = false;
}

void Builder::start_preamble(SourcePos pos) {
    Section s;
    s.kind = SectionKind::preamble;
    s.id = "preamble";
    s.id_given = true;
    s.pos = pos;
    p_.sections.push_back(std::move(s));
    in_preamble_ = true;
}

void Builder::new_section(const Item& it, int level) {
    Section s;
    s.level = level;
    s.pos = it.para.pos;
    s.kind = in_preamble_ ? SectionKind::preamble : SectionKind::normal;
    if (it.role == Role::numbered_heading) {
        s.number.text = it.marker.text;
        s.number.parts = it.marker.parts;
        s.heading = words_of(it);
    } else {
        s.heading = it.para.inlines.empty() ? inlines_from_text(it.para.text) : it.para.inlines;
    }
    // a heading typed in bold as a whole ("1. INTRODUCTION" in a Normal paragraph): the
    // bold was the heading's look, which every format gives a heading anyway
    while (s.heading.size() == 1 &&
           (s.heading.front().kind == InlineKind::strong || s.heading.front().kind == InlineKind::emphasis)) {
        Inlines inner = std::move(s.heading.front().children);
        s.heading = std::move(inner);
    }
    if (p_.sections.empty() && level > 2) s.level = 2;
    p_.sections.push_back(std::move(s));
    in_clause_ = false;
    labels_open_ = false;
}

// The open level-2 section (sub-sections follow it in the list), or end().
std::vector<Section>::const_iterator open_section(const std::vector<Section>& sections) {
    for (auto it = sections.end(); it != sections.begin();)
        if ((--it)->level <= 2) return it;
    return sections.end();
}

// The number a section stands for: its own, or the first part of the first clause under
// it (its sub-sections included); empty while it has none.
std::vector<int> number_of(std::vector<Section>::const_iterator top, const std::vector<Section>& sections) {
    if (!top->number.empty()) return top->number.parts;
    for (auto it = top; it != sections.end(); ++it)
        for (const auto& c : it->clauses)
            if (!c.number.empty()) return {c.number.parts.front()};
    return {};
}

// Clause 4.1 belongs in section 4: when the text gives no heading for it, a section
// without a heading holds it.
void Builder::ensure_section_for(const std::vector<int>& number, SourcePos pos) {
    in_preamble_ = false;
    auto top = open_section(p_.sections);
    // "Background" (a sub-heading by its look) after the preamble's words, with nothing under
    // it before the first clause: the first section's heading (it stayed in the preamble)
    if (top != p_.sections.end() && top->kind == SectionKind::preamble) {
        Section& last = p_.sections.back();
        if (last.kind == SectionKind::preamble && last.clauses.empty() && last.number.empty() && last.intro.empty() &&
            !last.heading.empty()) {
            last.level = 2;
            last.kind = SectionKind::normal;
            return;
        }
    }
    if (top != p_.sections.end() && top->kind != SectionKind::preamble) {
        const std::vector<int> current = number_of(top, p_.sections);
        if (current.empty() && number.size() >= 2 && continues_section_before(top, number.front())) return;
        if (current.empty() || number.size() < 2 || current.front() == number.front()) return;
        // "Working Together" (a sub-heading by its look) right before 3.1 under section 2:
        // it is the heading of section 3
        Section& last = p_.sections.back();
        if (last.level > 2 && last.clauses.empty() && last.number.empty() && last.kind == SectionKind::normal) {
            last.level = 2;
            return;
        }
    }
    Section s;
    s.pos = pos;
    p_.sections.push_back(std::move(s));
}

// "Working Together" (a heading without a number) and then 24.3, after 24.1 and 24.2: the
// numbering runs on through the heading, so it is a sub-heading of section 24, as a Part
// numbered through ("24.1" to "24.40") prints its headings. Made one, with a warning.
bool Builder::continues_section_before(std::vector<Section>::const_iterator top, int number) {
    if (top + 1 != p_.sections.end() || top->heading.empty() || !top->number.empty() || !top->clauses.empty() ||
        top->kind != SectionKind::normal)
        return false;
    auto before = top;
    while (before != p_.sections.begin() && (--before)->level > 2) {}
    if (before == top || before->level > 2 || before->kind != SectionKind::normal) return false;
    const std::vector<int> was = number_of(before, p_.sections);
    if (was.empty() || was.front() != number) return false;
    Section& heading = p_.sections.back();
    heading.level = 3;
    diags_.warning(path_, heading.pos,
                   "'" + plain_text(heading.heading) + "' taken as a sub-heading of section " + std::to_string(number) +
                       ": the numbering runs on through it");
    return true;
}

void Builder::new_clause(const Item& it) {
    ensure_section_for(it.marker.parts, it.para.pos);
    if (it.marker.stray_bracket) {
        dropped_.push_back({it.para.pos, "(", "stray character"});
        diags_.warning(path_, it.para.pos, "dropped a stray '(' before clause number " + it.marker.text);
    }
    Clause c;
    c.number.text = it.marker.text;
    c.number.parts = it.marker.parts;
    c.pos = it.para.pos;
    c.number_pos = it.para.pos;
    if (it.role == Role::titled_clause) {
        c.heading = words_of(it);
    } else {
        Block b = paragraph_of(it);
        if (!b.inlines.empty()) c.blocks.push_back(std::move(b));
    }
    section().clauses.push_back(std::move(c));
    in_clause_ = true;
    labels_open_ = false;
}

void Builder::add_label(const Item& it) {
    ListItem item;
    item.label = it.marker.text;
    item.pos = it.para.pos;
    item.blocks.push_back(paragraph_of(it));
    Block* list = open_labels();
    if (list) {
        ListItem& parent = list->items.back();
        Block* inner = !parent.blocks.empty() && parent.blocks.back().kind == BlockKind::list &&
                               parent.blocks.back().list_style != ListStyle::bullet
                           ? &parent.blocks.back()
                           : nullptr;
        // a numeral under a letter: (i), (ii) inside (b)
        const ListStyle style = inner ? label_style(item.label, inner->items.back().label, is_roman(inner->list_style))
                                      : label_style(item.label, parent.label, is_roman(list->list_style));
        if (inner && style == inner->list_style) {
            inner->items.push_back(std::move(item));
            return;
        }
        // a numeral under a letter, or a letter under "(2) a Director, who will:"
        const bool under_lead_in = !parent.blocks.empty() && parent.blocks.front().kind == BlockKind::paragraph &&
                                   ends_lead_in(plain_text(parent.blocks.front().inlines));
        if ((is_roman(style) && !is_roman(list->list_style)) || (style != list->list_style && under_lead_in)) {
            Block nested;
            nested.kind = BlockKind::list;
            nested.list_style = style;
            nested.pos = item.pos;
            nested.items.push_back(std::move(item));
            parent.blocks.push_back(std::move(nested));
            return;
        }
        if (style != list->list_style) list = nullptr;
    }
    if (!list) {
        Block b;
        b.kind = BlockKind::list;
        b.list_style = label_style(item.label, "", false);
        b.pos = item.pos;
        container().push_back(std::move(b));
        list = &container().back();
    }
    list->items.push_back(std::move(item));
    labels_open_ = true;
    item_takes_words_ = takes_paragraphs(it);
}

// Adds a paragraph as the next item of the list of `style` that `blocks` ends with, or
// of a new one when the last block is something else.
void append_list_item(std::vector<Block>& blocks, ListStyle style, std::string label, Block paragraph, SourcePos pos) {
    if (blocks.empty() || blocks.back().kind != BlockKind::list || blocks.back().list_style != style) {
        Block b;
        b.kind = BlockKind::list;
        b.list_style = style;
        b.pos = pos;
        blocks.push_back(std::move(b));
    }
    ListItem item;
    item.label = std::move(label);
    item.pos = pos;
    item.blocks.push_back(std::move(paragraph));
    blocks.back().items.push_back(std::move(item));
}

void Builder::add_bullet(const Item& it) {
    append_list_item(block_target(true), ListStyle::bullet, "", paragraph_of(it), it.para.pos);
}

void Builder::add_quote(std::vector<Block> paragraphs, SourcePos pos) {
    Block q;
    q.kind = BlockKind::quote;
    q.children = std::move(paragraphs);
    q.pos = pos;
    block_target(false).push_back(std::move(q));
}

void Builder::add(const Item& it) {
    const bool ends_clause = it.role == Role::heading || it.role == Role::numbered_heading || it.role == Role::clause ||
                             it.role == Role::titled_clause || it.role == Role::one_level_clause;
    if (ends_clause) end_notes();
    place(it);
    keep_notes(it.para);
}

void Builder::place(const Item& it) {
    // Words before any heading or clause (a text with no numbered structure at all) go
    // into a preamble, as text before the first structure does.
    const bool opens_section = it.role == Role::heading || it.role == Role::numbered_heading ||
                               it.role == Role::clause || it.role == Role::titled_clause ||
                               (it.role == Role::one_level_clause && !in_preamble_);
    if (p_.sections.empty() && !opens_section) start_preamble(it.para.pos);
    switch (it.role) {
        case Role::heading: new_section(it, it.level); return;
        case Role::numbered_heading:
            in_preamble_ = false;
            new_section(it, 2);
            return;
        case Role::clause:
        case Role::titled_clause: new_clause(it); return;
        case Role::one_level_clause:
            // ("1." "2." in a preamble are a report's points; "(1)" numbers the protocol's
            // paragraphs only, and ends the preamble)
            if (in_preamble_ && !it.marker.enclosed) break;
            in_preamble_ = false;
            new_clause(it);
            return;
        case Role::label: add_label(it); return;
        case Role::numbered_item:
            if (it.marker.parts[0] == 1 && it.guess.empty())
                diags_.warning(path_, it.para.pos,
                               "'" + it.marker.text + "' after a lead-in read as the first of numbered sub-items");
            add_label(it);  // (numbered items take sub-items and paragraphs as lettered ones do)
            return;
        case Role::bullet:
            // (in a preamble, only lines of their own right under its lead-in: a title page's
            // lines are no list)
            if (in_preamble_ && !it.para.bullet && !it.para.item_line) break;
            add_bullet(it);
            return;
        case Role::table: block_target(false).push_back(*it.para.table); return;
        case Role::plain: break;
    }
    // a numbered paragraph of a preamble is an ordered-list item
    if (in_preamble_ && it.marker.kind == MarkerKind::single && it.marker.text.back() == '.') {
        append_list_item(container(), ListStyle::ordered, it.marker.text, paragraph_of(it), it.para.pos);
        return;
    }
    Item whole = it;
    whole.marker = Marker{};
    whole.rest = it.para.text;
    block_target(false).push_back(paragraph_of(whole));
}

// ------------------------------------------------------------------ metadata

// Counts the councils `text` names with their kind: "Guildford Borough Council".
void count_councils(const std::string& text, std::map<std::string, int>& counts) {
    static const std::vector<std::string> kinds = {"Borough",      "City", "District", "County",
                                                   "Metropolitan", "Town", "Parish"};
    static const std::vector<std::string> not_names = {"The", "This",  "A",     "An", "Each",
                                                       "Any", "Every", "Other", "Of", "And"};
    if (text.find("Council") == std::string::npos && text.find("Borough of") == std::string::npos) return;
    // every name found below has one of the kinds in it
    if (std::none_of(kinds.begin(), kinds.end(),
                     [&](const std::string& k) { return text.find(k) != std::string::npos; }))
        return;
    const std::vector<std::string> w = split_words(text);
    // "Council", "Council's", "Council," but never "Councillors": "County Councillors" names no council
    auto council_word = [](const std::string& word) {
        if (word.rfind("Council", 0) != 0) return false;
        const std::string_view tail = std::string_view(word).substr(7);
        return tail.empty() || !is_alpha(tail[0]) || tail.rfind("\xE2\x80\x99", 0) == 0;
    };
    // a name never runs back over the end of a sentence ("of the Authority. County Council")
    auto ends_word = [](const std::string& word) {
        const char c = word.back();
        return c == '.' || c == ',' || c == ';' || c == ':' || c == ')' || c == '?' || c == '!';
    };
    for (std::size_t i = 2; i < w.size(); ++i) {
        if (!council_word(w[i]) || std::find(kinds.begin(), kinds.end(), w[i - 1]) == kinds.end()) continue;
        std::size_t b = i - 1;
        // (nor over a document's name: "Co-Option Policy" / "Ewhurst Parish Council has ...")
        while (b > 0 && i - b < 4 && is_upper(w[b - 1][0]) && !ends_word(w[b - 1]) &&
               std::find(not_names.begin(), not_names.end(), w[b - 1]) == not_names.end() &&
               !document_kind(lower(w[b - 1])))
            --b;
        if (b == i - 1) continue;
        std::string name;
        for (std::size_t k = b; k < i; ++k) name += w[k] + " ";
        ++counts[name + "Council"];
    }
    // "the London Borough of Hillside", "the Royal Borough of Kensington and Chelsea"
    for (std::size_t i = 1; i + 2 < w.size(); ++i) {
        if (w[i] != "Borough" || w[i + 1] != "of" || (w[i - 1] != "London" && w[i - 1] != "Royal")) continue;
        auto bare = [](std::string word) {
            while (!word.empty() && !is_alpha(word.back())) word.pop_back();
            return word;
        };
        std::string name = w[i - 1] + " Borough of " + bare(w[i + 2]);
        if (i + 4 < w.size() && w[i + 3] == "and" && is_upper(w[i + 4][0]) && bare(w[i + 2]) == w[i + 2])
            name += " and " + bare(w[i + 4]);
        if (is_upper(w[i + 2][0])) ++counts[name];
    }
}

// The council named most often, or "".
std::string most_named(const std::map<std::string, int>& counts) {
    std::string best;
    int most = 0;
    for (const auto& [name, n] : counts)
        if (n > most) best = name, most = n;
    return best;
}

// `text`, a clause's number as printed ("1.3", "(2)", "4.1.2."), with its n-th number set to
// `value`.
std::string with_part(const std::string& text, std::size_t n, int value) {
    constexpr std::string_view digits = "0123456789";
    for (std::size_t at = text.find_first_of(digits), k = 0; at != std::string::npos;
         at = text.find_first_of(digits, at), ++k) {
        const std::size_t end = std::min(text.find_first_not_of(digits, at), text.size());
        if (k == n) return text.substr(0, at) + std::to_string(value) + text.substr(end);
        at = end;
    }
    return text;
}

// "1." "2." ... a bulleted list ... "1." "2." again, or 1.1 1.2 and 1.1 again in one
// section (Word started the list's numbering again after the bullets; a page per section
// where only some restart): a number is used once in a protocol, so from where the
// numbering starts again at 1 on a number already used, the clauses at that level are
// numbered on from the highest before them, as a clerk would number them (1., 2., bullets,
// 1., 2. become 1., 2., bullets, 3., 4.; the clauses under them move with them), and a
// warning says so where each restart is.
void number_on_where_restarted(Protocol& p, const std::string& path, Diagnostics& diags) {
    struct Shift {
        std::vector<int> prefix;  // the numbers under it, one level down, are moved on
        int by = 0;
    };
    std::map<std::size_t, Shift> shifts;  // by the level they move
    std::set<std::vector<int>> used;
    std::map<std::vector<int>, int> highest;  // under each prefix, the highest number used
    const auto shifted = [&](std::vector<int> parts) {
        for (const auto& [level, sh] : shifts)
            if (parts.size() > level && std::equal(sh.prefix.begin(), sh.prefix.end(), parts.begin()))
                parts[level] += sh.by;
        return parts;
    };
    for (auto& s : p.sections)
        for (auto& c : s.clauses) {
            if (c.number.empty()) continue;
            std::vector<int> parts = shifted(c.number.parts);
            if (used.count(parts) && c.number.parts.back() == 1) {
                const std::size_t level = parts.size() - 1;
                std::vector<int> prefix(parts.begin(), parts.end() - 1);
                const int by = highest[prefix];
                shifts.erase(shifts.lower_bound(level), shifts.end());
                shifts[level] = {prefix, by};
                parts = shifted(c.number.parts);
                std::vector<int> before = prefix;
                before.push_back(by);
                diags.warning(path, c.number_pos,
                              "the numbering starts again at " + c.number.text + ", a number already used: numbered " +
                                  join_number(parts) + " and on, after " + join_number(before) +
                                  ", so that every number is used once");
            }
            for (std::size_t k = 0; k < parts.size(); ++k)
                if (parts[k] != c.number.parts[k]) c.number.text = with_part(c.number.text, k, parts[k]);
            c.number.parts = parts;
            used.insert(parts);
            int& top = highest[std::vector<int>(parts.begin(), parts.end() - 1)];
            top = std::max(top, parts.back());
        }
}

// An id wanted for a section or clause, without the dash slugify leaves when it cuts
// a heading short.
std::string wanted_id(std::string id) {
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id;
}

void assign_ids(Protocol& p) {
    IdAllocator ids;
    for (const auto& s : p.sections)
        if (s.id_given) ids.reserve(s.id);
    for (auto& s : p.sections) {
        if (!s.id_given) {
            std::string wanted = derive_section_id(s);
            // "A. Introduction" is the section "introduction": the letter is not its name
            const std::string words = plain_text(s.heading);
            const Marker letter = read_marker(words);
            if (letter.kind == MarkerKind::label && section_letter(letter.text))
                if (std::string slug = slugify(words.substr(letter.length), 5); !slug.empty()) wanted = slug;
            if (s.heading.empty() && s.number.empty())
                for (const auto& c : s.clauses)
                    if (!c.number.empty()) {
                        wanted = "section-" + std::to_string(c.number.parts.front());
                        break;
                    }
            s.id = ids.make(wanted_id(wanted));
            s.id_given = true;
        }
        for (auto& c : s.clauses) {
            c.id = ids.make(wanted_id(derive_clause_id(c)));
            c.id_given = true;
        }
    }
}

// A short paragraph at the top is a title even when wrapped ("MEMBER/OFFICER" / "PROTOCOL").
Paragraph as_one_line(Paragraph p) {
    p.single_line = p.single_line || split_words(p.text).size() <= 8;
    return p;
}

// A title page stacked at the top, one short line each: the council, where the protocol
// sits in the constitution, its title. They go into the front matter.
struct TitlePage {
    std::size_t lines = 0;  // items it takes
    std::string title;
    std::string council;
    std::optional<ConstitutionPlace> place;
    std::vector<HeaderLine> kinds;  // what each line is
    bool title_in_place = false;    // the title came after the place on its line
    std::string label;              // "5A" before the title's words: its place in the Part
    std::size_t title_goes_on = 0;  // a line taken as the title's last words, though it names nothing (0: none)
};

// The labels a title page puts before its facts ("Version: 2"), in lower case.
constexpr std::array<std::string_view, 10> kTitleFactLabels = {
    "version",    "status",       "adopted",       "adopted by",  "minute",
    "supersedes", "constitution", "last reviewed", "review date", "date adopted"};

// "Version: 2" -> {"version", "2"} for the labels a title page uses; nothing otherwise.
std::optional<std::pair<std::string, std::string>> title_fact(std::string_view text) {
    const auto& labels = kTitleFactLabels;
    auto colon = text.find(':');
    // "Version 1", "Status Draft": a title page's table read a row per line, without the
    // colon (a version that starts with a digit, a status word; checked by the caller)
    if (colon == std::string_view::npos) {
        // "Last reviewed 30th April 2024": the label, then a date
        const std::string low = lower(text);
        if (low.starts_with("last reviewed ") && !model::date_from_words(text.substr(14)).empty())
            return std::make_pair(std::string("last reviewed"), std::string(text.substr(14)));
        const std::size_t space = text.find(' ');
        if (space == std::string_view::npos || text.find(' ', space + 1) != std::string_view::npos) return std::nullopt;
        const std::string first = lower(std::string(text.substr(0, space)));
        const std::string_view rest = text.substr(space + 1);
        const bool reads =
            (first == "version" && is_digit(rest[0])) ||
            (first == "status" && (lower(std::string(rest)) == "draft" || lower(std::string(rest)) == "adopted" ||
                                   lower(std::string(rest)) == "superseded"));
        if (!reads) return std::nullopt;
        colon = space;
    }
    if (colon > 16) return std::nullopt;
    const std::string label = lower(std::string(text.substr(0, colon)));
    std::string value(text.substr(colon + 1));
    while (!value.empty() && value.front() == ' ') value.erase(value.begin());
    while (!value.empty() && value.back() == ' ') value.pop_back();
    if (value.empty() || std::find(std::begin(labels), std::end(labels), label) == std::end(labels))
        return std::nullopt;
    return std::make_pair(label, value);
}

// A fact whose value reads as one: a status word for a status, a date for an adoption (a
// report's "Status: For decision" is its words, not the document's status).
bool fact_reads(const std::pair<std::string, std::string>& fact) {
    const std::string value = lower(fact.second);
    if (fact.first == "status") return value == "draft" || value == "adopted" || value == "superseded";
    if (fact.first == "adopted" || fact.first == "date adopted") return !model::date_from_words(fact.second).empty();
    // ("Constitution: Part 6H: Protocol for ...": a place and a title, read as the title page's)
    if (fact.first == "constitution") return title_after_place(fact.second).empty();
    return true;
}

// "Version: 1 Status: Draft" -> {"Version: 1", "Status: Draft"}: the line cut before each
// label of a title page's fact, when it starts with one and every piece reads as a fact
// (a status word, a date); nothing otherwise.
std::vector<std::string> facts_row(std::string_view text) {
    const std::string low = lower(text);
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0; at < low.size(); ++at) {
        if (at > 0 && low[at - 1] != ' ') continue;
        for (std::string_view label : kTitleFactLabels)
            if (std::string_view(low).substr(at).starts_with(label) && low.compare(at + label.size(), 2, ": ") == 0) {
                cuts.push_back(at);
                break;
            }
    }
    if (cuts.size() < 2 || cuts.front() != 0) return {};
    std::vector<std::string> out;
    for (std::size_t k = 0; k < cuts.size(); ++k) {
        const std::string piece =
            trim(text.substr(cuts[k], (k + 1 < cuts.size() ? cuts[k + 1] : text.size()) - cuts[k]));
        const auto fact = title_fact(piece);
        if (!fact || !fact_reads(*fact)) return {};
        out.push_back(piece);
    }
    return out;
}

// "Adopted by Council on 12 May 2022" -> (Council, 12 May 2022); "Approved by Full
// Council: 14 May 2025", "Adopted on 2 March 2024", "Adopted 2 March 2024" likewise (no
// body: ""). Nothing unless the line ends in a date.
std::optional<std::pair<std::string, std::string>> adoption_line(std::string_view text) {
    const std::string low = lower(text);
    std::size_t at = 0;
    if (low.rfind("adopted ", 0) == 0)
        at = 8;
    else if (low.rfind("approved ", 0) == 0)
        at = 9;
    else
        return std::nullopt;
    std::string who;
    std::size_t date = at;
    if (low.compare(at, 3, "by ") == 0) {
        const std::size_t on = low.rfind(" on ");
        const std::size_t colon = low.find(": ", at);
        std::size_t end = on != std::string::npos && on > at ? on : colon;
        std::size_t skip = end == on ? 4 : 2;
        // "Adopted by the Finance & Personnel Committee 19th January 2015": the date its last three words
        if (end == std::string::npos) {
            std::size_t space = low.size();
            for (int k = 0; k < 3 && space != std::string::npos && space > at; ++k) space = low.rfind(' ', space - 1);
            if (space != std::string::npos && space > at + 3 &&
                !model::date_from_words(text.substr(space + 1)).empty()) {
                end = space;
                skip = 1;
            }
        }
        if (end == std::string::npos || end <= at + 3) return std::nullopt;
        who = std::string(text.substr(at + 3, end - at - 3));
        date = end + skip;
    } else if (low.compare(at, 3, "on ") == 0) {
        date = at + 3;
    }
    const std::string when = trim(text.substr(date));
    if (model::date_from_words(when).empty()) return std::nullopt;
    return std::make_pair(who, when);
}

// "Adopted 17 May 2023, version 1" -> "Adopted 17 May 2023" and "1"; the text as it is
// and "" when it does not end in a version.
std::pair<std::string_view, std::string> without_version_tail(std::string_view text) {
    const std::string low = lower(text);
    const std::size_t at = low.rfind(" version ");
    if (at == std::string::npos || at == 0) return {text, ""};
    std::string_view number = text.substr(at + 9);
    if (!number.empty() && number.back() == '.') number.remove_suffix(1);
    const bool is_number = !number.empty() &&
                           std::all_of(number.begin(), number.end(), [](char c) { return is_digit(c) || c == '.'; }) &&
                           is_digit(number.front());
    std::string_view before = text.substr(0, at);
    while (!before.empty() && (before.back() == ',' || before.back() == ';' || before.back() == ' '))
        before.remove_suffix(1);
    if (!is_number || before.size() >= at) return {text, ""};  // (no comma or semicolon before it)
    return {before, std::string(number)};
}

// The facts a document library prints in its description of the document, glued into the
// words: "Approved by: Council Date Approved: 8 May 2013" (each value runs to the next
// label), "The current version of the document is Issue 1."
std::vector<std::pair<std::string, std::string>> facts_in_description(std::string_view text) {
    static const std::array<std::pair<std::string_view, std::string_view>, 2> fields = {
        {{"Approved by: ", "adopted by"}, {"Date Approved: ", "adopted"}}};
    static const std::array<std::string_view, 5> next_labels = {
        " Author: ", " Approved by: ", " Date Approved: ", " Date of Review", " Review date: "};
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [label, key] : fields) {
        const std::size_t at = text.find(label);
        if (at == std::string_view::npos || (at > 0 && text[at - 1] != ' ')) continue;
        const std::size_t from = at + label.size();
        std::size_t end = text.size();
        for (std::string_view next : next_labels) end = std::min(end, text.find(next, from));
        std::string value = trim(text.substr(from, end - from));
        while (!value.empty() && (value.back() == '.' || value.back() == ',')) value.pop_back();
        if (value.empty() || split_words(value).size() > 8) continue;
        if (key == "adopted" && model::date_from_words(value).empty()) continue;
        out.emplace_back(std::string(key), value);
    }
    static const std::string_view version_phrase = "current version of the document is ";
    if (const std::size_t at = lower(text).find(version_phrase); at != std::string::npos) {
        const std::vector<std::string> words = split_words(text.substr(at + version_phrase.size()));
        if (words.size() >= 2 && (lower(words[0]) == "issue" || lower(words[0]) == "version") &&
            is_digit(words[1][0])) {
            std::string number = words[1];
            while (!number.empty() && !is_alnum(number.back())) number.pop_back();
            out.emplace_back("version", number);
        }
    }
    return out;
}

// The facts a title page states in its first lines ("Version: 2", "Status: Adopted",
// "Adopted: 1 May 2024"), as Word title pages (ours among them) print them under the
// title: taken out of the text into the front matter, each reported. Only values that
// read as such (a status word, a date) are taken, so a report's "Status: For decision"
// stays words of the text.
std::vector<std::pair<std::string, std::string>> take_title_facts(std::vector<Item>& items, const std::string& path,
                                                                  std::vector<Dropped>& dropped, Diagnostics& diags) {
    std::vector<std::pair<std::string, std::string>> facts;
    for (std::size_t i = 0; i < items.size() && i < 16;) {
        const Paragraph& p = items[i].para;
        if (p.title_style && i == 0) {  // Word's Title: the facts follow it
            ++i;
            continue;
        }
        // one line of a title page (a Word paragraph is one paragraph, however short)
        // (a title in capitals reads as a heading: it is still the title page's)
        const bool title_page_line = header_line_kind(p.text) != HeaderLine::other ||
                                     adoption_line(without_version_tail(p.text).first).has_value();
        if ((is_structure(items[i]) && !title_page_line) || items[i].marker.kind != MarkerKind::none ||
            (!p.single_line && p.text.size() > 80))
            break;
        // protopub's own notice on a page of a version not in force: its status says it
        if (p.text == model::status_notice(Status::draft) || p.text == model::status_notice(Status::superseded)) {
            dropped.push_back({p.pos, p.text, "title page"});
            diags.note(path, p.pos, "'" + p.text + "' is protopub's notice of the version's status: left out");
            items.erase(items.begin() + static_cast<long>(i));
            continue;
        }
        // "Status:" over "Draft": a title page's label and its value a paragraph apart (a
        // page's table printed to PDF): one fact
        if (!p.bullet && !p.table && p.text.size() > 1 && p.text.back() == ':' && i + 1 < items.size() &&
            items[i + 1].marker.kind == MarkerKind::none && split_words(items[i + 1].para.text).size() <= 4 &&
            title_fact(p.text + " " + items[i + 1].para.text)) {
            items[i].para.text += " " + items[i + 1].para.text;
            items.erase(items.begin() + static_cast<long>(i) + 1);
            continue;  // read again, whole
        }
        // "Adopted by Council on 12 May 2022", "Approved by Council: 14 May 2025", "Adopted 2
        // March 2024": who adopted it and when, in one line (the version after it: "Adopted
        // 17 May 2023, version 1")
        const auto [adoption_words, version] = without_version_tail(p.text);
        if (const auto adoption = p.bullet || p.table ? std::nullopt : adoption_line(adoption_words)) {
            dropped.push_back({p.pos, p.text, "title page"});
            diags.note(path, p.pos, "'" + p.text + "' is a fact of the title page: it goes into the front matter");
            if (!adoption->first.empty()) facts.emplace_back("adopted by", adoption->first);
            facts.emplace_back("adopted", adoption->second);
            if (!version.empty()) facts.emplace_back("version", version);
            items.erase(items.begin() + static_cast<long>(i));
            continue;
        }
        // "Version: 1 Status: Draft": a row of the title page's facts on one line
        if (const auto row = p.bullet || p.table ? std::vector<std::string>{} : facts_row(p.text); row.size() >= 2) {
            dropped.push_back({p.pos, p.text, "title page"});
            diags.note(path, p.pos, "'" + p.text + "' are facts of the title page: they go into the front matter");
            for (const std::string& one : row)
                if (auto f = title_fact(one)) facts.push_back(std::move(*f));
            items.erase(items.begin() + static_cast<long>(i));
            continue;
        }
        auto fact = p.bullet || p.table ? std::nullopt : title_fact(p.text);
        // "Last updated 4 January 2022, version 3": the version, among other words the text
        // keeps (a line of facts, short and no sentence)
        if (const std::vector<std::string> words = split_words(p.text);
            !fact && !p.bullet && !p.table && words.size() <= 10 && !ends_sentence(p.text))
            for (std::size_t k = 0; k + 1 < words.size(); ++k)
                if (lower(words[k]) == "version" && is_digit(words[k + 1][0])) {
                    std::string number = words[k + 1];
                    while (!number.empty() && !is_alnum(number.back())) number.pop_back();
                    diags.note(path, p.pos, "'" + p.text + "' gives the version: " + number + " in the front matter");
                    facts.emplace_back("version", number);
                    break;
                }
        // a document library's description: "... Approved by: Council Date Approved: 8 May
        // 2013 Date of Review/Expiry: 2019", "The current version of the document is Issue 1."
        // (the words stay where they are: only the facts are read)
        if (!fact && !p.bullet && !p.table) {
            for (auto& [label, value] : facts_in_description(p.text)) {
                const char* what = label == "adopted"      ? "the date of adoption"
                                   : label == "adopted by" ? "the body that adopted it"
                                                           : "the version";
                diags.note(path, p.pos, "'" + value + "' read from the words at the top as " + what);
                facts.emplace_back(label, value);
            }
        }
        if (!fact || !fact_reads(*fact) || fact->first == "last reviewed" || fact->first == "review date") {
            // (a review date stays in the words, a line of the preamble, never a heading)
            if (fact && (fact->first == "last reviewed" || fact->first == "review date")) items[i].role = Role::plain;
            ++i;
            continue;
        }
        dropped.push_back({p.pos, p.text, "title page"});
        diags.note(path, p.pos, "'" + p.text + "' is a fact of the title page: it goes into the front matter");
        facts.push_back(std::move(*fact));
        items.erase(items.begin() + static_cast<long>(i));
    }
    return facts;
}

// "CONSTITUTION – PART 5", "Section 5.4": the token after "Part" / "Section".
void read_place(std::string_view line, std::optional<ConstitutionPlace>& place) {
    const std::vector<std::string> words = split_words(line);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::string word = lower(words[i]);
        std::string value = words[i + 1];
        // "5(C)": a closing bracket that closes one in the value is part of it
        while (!value.empty() && !is_alnum(value.back()) &&
               !(value.back() == ')' && value.find('(') != std::string::npos &&
                 std::count(value.begin(), value.end(), '(') == std::count(value.begin(), value.end(), ')')))
            value.pop_back();
        if (value.empty() || value.size() > 6 || (word != "part" && word != "section")) continue;
        if (!place) place.emplace();
        (word == "part" ? place->part : place->section) = value;
    }
}

// "PART 1 – INTRODUCTION" with "PART 2 – ROLES OF MEMBERS" further on: the document is
// divided into Parts of its own, and the first is its first heading, not its place in the
// constitution (which is one Part, named once).
bool next_division_follows(const std::vector<Item>& items, std::size_t at) {
    // "1", "A" of "PART 1 –", "PART A:"
    auto division_number = [](const std::vector<std::string>& words) {
        std::string n = words[1];
        while (!n.empty() && !is_alnum(n.back())) n.pop_back();
        return n;
    };
    const std::vector<std::string> words = split_words(items[at].para.text);
    const std::string number = division_number(words);
    if (number.empty()) return false;
    // the next number: "1" -> "2", "ONE" -> "TWO", "IV" -> "V", "A" -> "B"
    const int value = division_value(number);
    const bool letter = number.size() == 1 && is_upper(number[0]) && number[0] != 'Z';
    if (value == 0 && !letter) return false;
    auto follows = [&](const std::string& later) {
        if (value > 0 && division_value(later) == value + 1) return true;
        return letter && later.size() == 1 && later[0] == number[0] + 1;
    };
    for (std::size_t i = at + 1; i < items.size(); ++i) {
        const std::string& text = items[i].para.text;
        if (items[i].marker.kind != MarkerKind::none || !division_heading(text)) continue;
        const std::vector<std::string> later = split_words(text);
        if (lower(later[0]) == lower(words[0]) && follows(division_number(later))) return true;
    }
    return false;
}

// The council's name as the text spells it: "Anytown Borough Council", "A district
// council (Cabinet model)", "Parish and Town Councils' Joint Committee, Eastvale".
bool names_council(const Item& it) {
    const HeaderLine kind = header_line_kind(it.para.text);
    if (kind == HeaderLine::council) return true;
    const std::vector<std::string> words = split_words(it.para.text);
    return kind == HeaderLine::other && words.size() <= 10 && !ends_sentence(it.para.text) &&
           contains_word(words, {"council", "councils"});
}

// "5A" or "5.3" before a protocol's title: its Part, or under a Part already named its
// section in that Part.
void set_place_label(std::optional<ConstitutionPlace>& place, const std::string& label) {
    if (!place) place.emplace();
    (place->part.empty() ? place->part : place->section) = label;
}

// "5A" in "5A PROTOCOL ON MEMBER/OFFICER RELATIONS", "5(c)" in "5(c) Code of ...": a
// Part's number with a letter, before words that name a protocol or code; "" otherwise.
std::string division_label(std::string_view text) {
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos || space > 6) return {};
    const std::string_view label = text.substr(0, space);
    std::size_t i = 0;
    while (i < label.size() && is_digit(label[i])) ++i;
    if (i == 0 || i == label.size()) return {};
    const std::string_view rest = label.substr(i);
    const bool letter = rest.size() == 1 && is_alpha(rest[0]);
    const bool bracketed = rest.size() == 3 && rest[0] == '(' && is_alpha(rest[1]) && rest[2] == ')';
    if (!letter && !bracketed) return {};
    if (header_line_kind(text.substr(space + 1)) != HeaderLine::title) return {};
    return std::string(label);
}

// `council`: the council's name as --council gives it ("" when not given).
// "Protocol" over "PROTOCOL ON COUNCILLOR/OFFICER RELATIONSHIPS": a one-word label at the
// top of a page, and a line of more words that names the same thing in full.
bool names_label_in_full(std::string_view label, std::string_view line) {
    return split_words(label).size() == 1 && split_words(line).size() > 1 &&
           lower(line).find(lower(label)) != std::string::npos;
}

// The warning for such a label, left out.
void warn_label_left_out(const SourcePos& pos, const std::string& label, const std::string& title,
                         const std::string& path, std::vector<Dropped>& dropped, Diagnostics& diags) {
    dropped.push_back({pos, label, "title page"});
    diags.warning(path, pos,
                  "'" + label +
                      "', a one-word label at the top of the page, left out: the title below names it in "
                      "full ('" +
                      title + "')");
}

// "Protocol on Member and Officer" / "Relations" / "Introduction": a few words right under
// the title (at `at`), in its case, over a heading, where the title stops short of what it
// names (at a small word, or at whom it is for): the title wrapped (a section's heading would
// have something under it).
bool title_goes_on(const std::vector<Item>& items, std::size_t at) {
    if (at + 2 >= items.size()) return false;
    const Paragraph &title = items[at].para, &p = items[at + 1].para;
    const Item& below = items[at + 2];
    const std::vector<std::string> words = split_words(title.text);
    static constexpr std::array<std::string_view, 14> short_of = {
        "and",  "of",     "for",     "on",      "between",  "the",        "to",
        "with", "member", "members", "officer", "officers", "councillor", "councillors"};
    const std::string last = words.empty() ? "" : word_core(words.back().substr(words.back().rfind('/') + 1));
    return std::find(short_of.begin(), short_of.end(), last) != short_of.end() &&
           items[at + 1].marker.kind == MarkerKind::none && p.single_line && !p.after_gap &&
           p.pos.line == title.pos.line + 1 && split_words(p.text).size() <= 3 && title_like(p, p.text, 3) &&
           case_style(title.text) == case_style(p.text) && below.marker.kind == MarkerKind::none &&
           below.para.single_line && (below.role == Role::heading || below.role == Role::numbered_heading);
}

// The warning for the line title_goes_on took as the title's last words.
void warn_title_goes_on(const Paragraph& line, const std::string& path, Diagnostics& diags) {
    diags.warning(path, line.pos,
                  "'" + line.text +
                      "' taken as the title's last words, wrapped: it stands right under it, in its case, over a "
                      "heading (use --title)");
}

TitlePage read_title_page(const std::vector<Item>& items, const std::string& council) {
    TitlePage page;
    bool named = false;  // a council or constitution line: what makes it a title page
    bool last_was_title = false;
    std::uint32_t last_line = 0;
    std::size_t i = 0;
    for (; i < items.size(); ++i) {
        const Item& it = items[i];
        const Paragraph& p = it.para;
        if (!p.single_line || p.bullet || p.table || it.marker.kind != MarkerKind::none) break;
        // (a title styled as such that starts with its place, "Part 5(c) - Member Officer
        // Protocol", is read for both)
        HeaderLine kind =
            p.title_style && title_after_place(p.text).empty() ? HeaderLine::title : header_line_kind(p.text);
        // the line that says what --council says is the council's name, whatever its words
        if (!council.empty() && lower(p.text) == lower(council)) kind = HeaderLine::council;
        // a title in other words, stacked under the council's name just before the
        // protocol starts (not a section heading after a blank line, nor a committee's
        // name on a report's cover)
        const bool before_body =
            i + 1 < items.size() && (is_structure(items[i + 1]) || items[i + 1].role == Role::one_level_clause);
        if (kind == HeaderLine::other && named && page.title.empty() && !p.after_gap && before_body &&
            title_like(p, p.text, 16))
            kind = HeaderLine::title;
        if (kind == HeaderLine::other && last_was_title && title_goes_on(items, i - 1)) {
            kind = HeaderLine::title;
            page.title_goes_on = i;
        }
        if (kind == HeaderLine::other) break;
        if (kind == HeaderLine::title) {
            // a title wrapped over two lines is one title, on the next line; a second title
            // (or a heading after what was dropped in between) is not ours, unless it is the
            // title again, wrapped or not, under a page's header that printed it whole
            if (!page.title.empty()) {
                const std::string title_words = letters_and_digits(page.title);
                std::string again = letters_and_digits(p.text);
                std::size_t k = i;
                while (again.size() < title_words.size() && k + 1 < items.size() && items[k + 1].para.single_line &&
                       items[k + 1].marker.kind == MarkerKind::none &&
                       items[k + 1].para.pos.line == items[k].para.pos.line + 1)
                    again += letters_and_digits(items[++k].para.text);
                if (again == title_words) {
                    for (; i < k; ++i) page.kinds.push_back(HeaderLine::title);
                    last_was_title = true;
                    last_line = items[k].para.pos.line;
                    page.kinds.push_back(HeaderLine::title);
                    continue;
                }
                // "Protocol" / "Chapel St Leonards Parish Council" / "PROTOCOL ON COUNCILLOR/OFFICER
                // RELATIONSHIPS": a one-word label at the top of a page, the title that names
                // the same thing in full below it: the full one is the title
                // (nor is a line in another case: "Councillor-Officer Protocol" / "Close
                // personal relationships" is the title and the first heading)
                if (names_label_in_full(page.title, p.text)) {
                    page.title.clear();
                } else if (!last_was_title || p.pos.line != last_line + 1 ||
                           case_style(items[i - 1].para.text) != case_style(p.text)) {
                    break;
                }
            }
            std::string words = p.text;
            // "5A PROTOCOL ON ..." under "PART 5": the protocol's label in its Part, then its title
            if (const std::string label = division_label(words); page.title.empty() && !label.empty()) {
                set_place_label(page.place, label);
                page.label = label;
                words = trim(std::string_view(words).substr(label.size()));
            }
            page.title += (page.title.empty() ? "" : " ") + words;
        } else if (kind == HeaderLine::council) {
            if (!page.council.empty()) break;
            page.council = p.text;
            named = true;
        } else {
            if (!named && !names_title_page(p.text)) break;  // "Section 1 – Introduction" opens the text
            // ... and so it does under the council's name, where numbered paragraphs follow it
            // ("Part 5 – Codes and Protocols" is where the protocol sits, whatever follows)
            // ("SECTION 15 – MEMBER AND OFFICER PROTOCOL" names the protocol: its place and
            // title, unless a Section 16 follows)
            if (division_heading(p.text) && i + 1 < items.size() &&
                (is_structure(items[i + 1]) || items[i + 1].role == Role::one_level_clause) &&
                (lower(split_words(p.text)[0]) != "part" || next_division_follows(items, i)) &&
                (title_after_place(p.text).empty() || next_division_follows(items, i)))
                break;
            read_place(p.text, page.place);
            // "KESTREL CITY COUNCIL – CONSTITUTION": the council's name, a dash, the place
            if (page.council.empty()) page.council = council_before_place(p.text);
            named = true;
            if (page.title.empty()) {
                page.title = title_after_place(p.text);
                page.title_in_place = !page.title.empty();
            }
        }
        last_was_title = kind == HeaderLine::title;
        last_line = p.pos.line;
        page.kinds.push_back(kind);
    }
    if (!named) return {};
    page.lines = i;
    return page;
}
// "5.3 Member and Officer Relations Protocol" and then numbers from 1 ("1. Introduction",
// "1.1"), two or more: a heading that names the protocol, numbered as its place in the Part.
bool numbers_own_from_one(const std::vector<Item>& items, std::size_t at) {
    const std::vector<int>& label = items[at].marker.parts;
    if (label.size() < 2 || label[0] == 1 || items[at].rest.size() > 160 ||
        header_line_kind(items[at].rest) != HeaderLine::title)
        return false;
    int numbered = 0;
    for (std::size_t i = at + 1; i < items.size() && numbered < 2; ++i) {
        const Marker& m = items[i].marker;
        if (m.kind != MarkerKind::clause && m.kind != MarkerKind::single) continue;
        if (numbered == 0 && m.parts[0] != 1) return false;
        ++numbered;
    }
    return numbered >= 2;
}

// The numbered heading at `at` ("5.4 PROTOCOL ON MEMBER/OFFICER RELATIONS") names a
// protocol or code, and every numbered clause after it is numbered under it (5.4.1, 5.4.2,
// at least two of them): the document is that one numbered section of its Part.
bool names_the_protocol(const std::vector<Item>& items, std::size_t at) {
    const std::vector<int>& parent = items[at].marker.parts;
    if (parent.size() < 2 || items[at].rest.size() > 160 || header_line_kind(items[at].rest) != HeaderLine::title)
        return false;
    int under = 0;
    for (std::size_t i = at + 1; i < items.size(); ++i) {
        if (items[i].marker.kind != MarkerKind::clause) continue;
        const std::vector<int>& parts = items[i].marker.parts;
        if (parts.size() <= parent.size() || !std::equal(parent.begin(), parent.end(), parts.begin())) return false;
        ++under;
    }
    return under >= 2;
}

// A covering report first ("To: Standards Committee" ... "Title of Report: Review of the
// Member/Officer Protocol"), then the protocol under its title: the first line after the
// report's fields that stands alone and that the report's title contains. items.size()
// when there is none.
std::size_t title_named_by_report(const std::vector<Item>& items, std::size_t top) {
    auto field = [&](std::size_t i, std::string_view name) { return lower(items[i].para.text).rfind(name, 0) == 0; };
    bool report = false;
    std::string named;
    for (std::size_t i = top; i < items.size() && i < top + 12; ++i) {
        report = report || field(i, "to:") || field(i, "report of:");
        if (field(i, "title of report:")) named = lower(items[i].para.text.substr(16));
    }
    if (!report || named.empty()) return items.size();
    for (std::size_t i = top; i < items.size(); ++i) {
        const Item& it = items[i];
        if (it.marker.kind != MarkerKind::none || it.para.table || it.para.bullet || field(i, "title of report:") ||
            split_words(it.para.text).size() < 2 || !title_like(as_one_line(it.para), it.para.text, 16))
            continue;
        if (named.find(lower(it.para.text)) != std::string::npos) return i;
    }
    return items.size();
}

// A numbered heading or paragraph of any kind: what opens a clause or section, but an
// unnumbered heading.
bool numbered(const Item& it) { return opens_clause(it.role) && it.role != Role::heading; }

// "Annex A: Protocol For Relations Between Councillors And Employees" under a web page's own
// title and a description of it: the first heading, before any numbered paragraph, is a
// division's label and words that name a protocol or code (no "Annex B" follows): the
// document's title, the text above it a preamble. Its index, or items.size().
std::size_t title_after_its_place(const std::vector<Item>& items, std::size_t top) {
    for (std::size_t i = top; i < items.size() && !numbered(items[i]); ++i) {
        const Item& it = items[i];
        if (it.role != Role::heading || it.marker.kind != MarkerKind::none) continue;
        if (i > top && names_division(it.para.text) && !title_after_place(it.para.text).empty() &&
            !next_division_follows(items, i))
            return i;
        break;
    }
    return items.size();
}

// How often the first part of the numbers goes back in items [from, to): "3.2" then "1.".
int restarts(const std::vector<Item>& items, std::size_t from, std::size_t to) {
    int count = 0, last = 0;
    for (std::size_t i = from; i < to; ++i) {
        if (!numbered(items[i])) continue;
        const int n = items[i].marker.parts[0];
        count += n < last;
        last = n;
    }
    return count;
}

// "1 PURPOSE OF REPORT 1.1 To consider ... 2 BACKGROUND ..." / "Member/Officer Protocol" /
// "1. Introduction" / "1.1 ...": a paper with numbers of its own, then a line naming a
// protocol or code, after which the numbering starts again from where the paper's did.
// The line is the title and what stands above it a preamble whose numbers and headings
// are its words: their roles are taken back. items.size() when there is none.
// The numbers and headings of a paper above the protocol's title, as its words: where the
// protocol's numbering starts again under the title they would clash with its own.
void numbers_above_title_as_words(std::vector<Item>& items, std::size_t top, std::size_t title) {
    for (std::size_t k = top; k < title; ++k)
        if (numbered(items[k]) || items[k].role == Role::heading) items[k].role = Role::plain;
}

// A covering report above the title with numbered headings or paragraphs of its own
// ("1 PURPOSE OF REPORT", "1.1 To consider") that the protocol's numbering, starting
// again under the title, would repeat. A report's one-level points alone ("1." "2.")
// are a list of the preamble and clash with nothing.
bool report_numbers_clash(const std::vector<Item>& items, std::size_t top, std::size_t title) {
    const auto next = std::find_if(items.begin() + static_cast<long>(title) + 1, items.end(), numbered);
    if (next == items.end()) return false;
    bool clash = false, multi_level = false;
    for (std::size_t k = top; k < title; ++k) {
        if (!numbered(items[k])) continue;
        clash = clash || items[k].marker.parts[0] >= next->marker.parts[0];
        multi_level = multi_level || items[k].role != Role::one_level_clause;
    }
    return clash && multi_level;
}

std::size_t title_after_numbered_paper(std::vector<Item>& items, std::size_t top) {
    int paper_starts_at = 0;
    for (std::size_t t = top; t < items.size(); ++t) {
        const Item& it = items[t];
        if (numbered(it) && paper_starts_at == 0) paper_starts_at = it.marker.parts[0];
        // a line naming the protocol above the numbers is its title, as usual
        if (paper_starts_at == 0 && it.marker.kind == MarkerKind::none &&
            header_line_kind(it.para.text) == HeaderLine::title)
            return items.size();
        if (paper_starts_at == 0 || it.marker.kind != MarkerKind::none || it.para.table || it.para.bullet ||
            header_line_kind(it.para.text) != HeaderLine::title || !title_like(as_one_line(it.para), it.para.text, 16))
            continue;
        const auto next = std::find_if(items.begin() + static_cast<long>(t) + 1, items.end(), numbered);
        if (next == items.end() || next->marker.parts[0] > paper_starts_at) continue;
        // numbers that run on under it (1.2 above, 1.3 below: a sub-heading) do not start again
        const auto last = std::find_if(items.rbegin() + static_cast<long>(items.size() - t), items.rend(), numbered);
        if (last != items.rend() && next->marker.parts > last->marker.parts) continue;
        // once only: numbering that starts again under every heading is another layout
        if (restarts(items, top, t) > 0 || restarts(items, t + 1, items.size()) > 0) return items.size();
        numbers_above_title_as_words(items, top, t);
        return t;
    }
    return items.size();
}

}  // namespace

// A protocol that is one section of its Part, numbered "24.1" to "24.40" through headings
// without numbers: every paragraph's number starts 24, and a heading has already been
// taken as a sub-heading of 24 (the numbering ran on through it). The other headings
// after the section's first are its sub-headings too, paragraphs of their own or not.
void headings_of_one_numbered_section(std::vector<Section>& sections, const std::string& path, Diagnostics& diags) {
    int section = -1;
    bool ran_through = false;
    for (const auto& s : sections) {
        if (s.kind != SectionKind::normal) continue;
        if (!s.number.empty()) return;
        ran_through = ran_through || (s.level == 3 && !s.clauses.empty());
        for (const auto& c : s.clauses) {
            if (c.number.parts.size() < 2 || (section >= 0 && c.number.parts[0] != section)) return;
            section = c.number.parts[0];
        }
    }
    if (!ran_through) return;
    bool first = true;
    for (auto& s : sections) {
        if (s.kind != SectionKind::normal || s.level != 2) continue;
        if (!first && !s.heading.empty()) {
            s.level = 3;
            diags.warning(path, s.pos,
                          "'" + plain_text(s.heading) + "' taken as a sub-heading of section " +
                              std::to_string(section) + ": every paragraph is numbered " + std::to_string(section) +
                              ".n");
        }
        first = false;
    }
}

namespace {

// "Paragraph 7.1 – ...", "point 2.4", "paragraph 3.13 be amended": the first paragraph
// number a text names in its running words, or "" ("paragraph 4.2 of this Code" is a
// text naming its own paragraphs: not counted).
std::string paragraph_named(std::string_view text) {
    // (most paragraphs name none: look for the words before splitting the text into words)
    auto has = [&](std::string_view word) {
        for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
            at = text.find(word.substr(1), at + 1);
            if (at == std::string_view::npos) return false;
            if ((text[at - 1] | 0x20) == word[0]) return true;
        }
        return false;
    };
    if (!has("para") && !has("point") && !has("clause")) return "";
    const std::vector<std::string> words = split_words(text);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::string word = lower(words[i]);
        if (word != "paragraph" && word != "paragraphs" && word != "para" && word != "paras" && word != "point" &&
            word != "points" && word != "clause" && word != "clauses")
            continue;
        std::string number = words[i + 1];
        while (!number.empty() && !is_digit(number.back())) number.pop_back();
        std::vector<int> parts;
        const bool of_this = i + 3 < words.size() && lower(words[i + 2]) == "of" && lower(words[i + 3]) == "this";
        if (parse_clause_number(number, parts) && parts.size() > 1 && !of_this) return words[i] + " " + number;
    }
    return "";
}

// "5B PROTOCOL ON GIFTS AND HOSPITALITY" after a protocol numbered to 2 or more, and then
// "1." or "1.1" again: a second protocol or code in the same text (a Part of a constitution
// copied whole). One file is one protocol: refused, with the line to cut at.
bool refuse_second_document(const std::vector<Item>& items, std::size_t from, const std::string& title,
                            const std::string& path, Diagnostics& diags) {
    int highest = 0;
    for (std::size_t i = from; i < items.size(); ++i) {
        const Item& it = items[i];
        const bool numbered = it.marker.kind == MarkerKind::clause || it.marker.kind == MarkerKind::single;
        if (numbered && opens_clause(it.role)) highest = std::max(highest, it.marker.parts[0]);
        // (a document's name is a heading in capitals or Title Case, not "Status of this code"
        // nor a report's "Title of Report: Member/Officer Protocol"; the title again where the
        // protocol starts, after a covering report, is this one)
        if (numbered || highest < 2 || appendix_heading(it) || it.role != Role::heading || !capitalised(it.para.text) ||
            starts_field(it.para.text) || lower(it.para.text).find(lower(title)) != std::string::npos ||
            !contains_word(split_words(it.para.text), {"protocol", "code", "protocols", "codes"}))
            continue;
        std::size_t next = i + 1;
        while (next < items.size() &&
               !(items[next].marker.kind == MarkerKind::clause ||
                 (items[next].marker.kind == MarkerKind::single && opens_clause(items[next].role))))
            ++next;
        if (next == items.size() || items[next].marker.parts[0] != 1) continue;
        diags.error(path, it.para.pos,
                    "'" + shorten(it.para.text) + "' starts a second protocol or code (its numbering starts again at " +
                        items[next].marker.text +
                        "): a file is imported as one protocol; cut the text at this line and import each part on "
                        "its own");
        return true;
    }
    return false;
}

// Words of two or more that end a sentence or hold a full stop inside.
bool holds_a_sentence(std::string_view words) {
    return word_count(words, 2) >= 2 && (ends_sentence(words) || words.find(". ") != std::string_view::npos);
}

// "Reviewed by the Standards Committee" / "Protocol on Member/Officer Relations" / "1.
// Introduction": one or two short lines, no sentence, no number, above a line that names a
// protocol or code. Returns that line, or items.size().
std::size_t title_under_lines_above(const std::vector<Item>& items, std::size_t top) {
    for (std::size_t i = top; i < items.size() && i <= top + 2; ++i) {
        const Item& it = items[i];
        if (it.marker.kind != MarkerKind::none || !it.para.single_line || it.para.bullet) break;
        if (i > top && header_line_kind(it.para.text) == HeaderLine::title &&
            title_like(as_one_line(it.para), it.para.text, 16))
            return i;
        if (holds_a_sentence(it.para.text) || word_count(it.para.text, 13) > 12) break;
    }
    return items.size();
}

// "Complaints Policy (Last reviewed 25/06/2024) – The process ...", "Standing Orders – 2024",
// "Code of Conduct for Staff": a line that names one of a council's documents (its name
// before a dash, a bracket or a colon, dates and years left out, starts or ends with the kind
// of document it is).
bool names_a_document(std::string_view text) {
    std::string_view name = place_parts(text).front();
    name = name.substr(0, std::min(name.find('('), name.find(':')));
    // (a name is in Title Case, no sentence: "Paragraph 1 of the protocol." names none)
    if (!capitalised(name) || ends_sentence(name)) return false;
    std::vector<std::string> words = split_words(name);
    // ("Climate Change Action Plan Oct 2019", "Standing Orders – TBC")
    while (!words.empty() && (is_digit(words.back()[0]) || word_core(words.back()) == "tbc" ||
                              model::month_number(word_core(words.back())) > 0))
        words.pop_back();
    if (words.empty() || words.size() > 10) return false;
    return document_kind(word_core(words.front())) || document_kind(word_core(words.back())) ||
           lower(name).find("code of conduct") != std::string::npos;
}

// "Our policies and procedures are set out below:", "The Council's key documents:": a
// lead-in whose words name a council's documents in the plural.
bool announces_documents(std::string_view text) {
    if (text.empty() || text.back() != ':' || word_count(text, 21) > 20) return false;
    const std::vector<std::string> words = split_words(text);
    return std::any_of(words.begin(), words.end(), [](const std::string& w) {
        const std::string core = word_core(w);
        return core.size() > 4 && core.back() == 's' && document_kind(core);
    });
}

// A council's page of its policies and procedures: most of its lines name a document
// ("Standing Orders", "Complaints Policy – 2024", "Code of Conduct for Staff"), each alone or
// over a sentence or two about it. Returns the first such line, or nullptr.
const Item* list_of_documents(const std::vector<Item>& items) {
    std::size_t names = 0, others = 0;
    const Item* first = nullptr;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (it.marker.kind == MarkerKind::clause) return nullptr;  // a numbered protocol is not a page of documents
        if (names_a_document(own_words(it))) {
            ++names;
            if (!first) first = &it;
            // (what the document is, the paragraph under its name, goes with it)
            if (i + 1 < items.size() && !names_a_document(items[i + 1].para.text) && items[i + 1].role == Role::plain)
                ++i;
            continue;
        }
        ++others;
    }
    if (names >= 5 && names >= 2 * others) return first;
    // "Our policies and procedures are set out below:" over the documents' names, with
    // sentences about some of them between ("Councillor Clerk Protocal 2020", "Data
    // Protection", "The Parish Council has adopted ..."): a page that says it lists them. Of
    // the short lines after that lead-in, three or more name a document, and a third of them
    // or more; no line above it names a protocol or code (a protocol that lists the documents
    // it is read with has its title above).
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string_view words = own_words(items[i]);
        if (!holds_a_sentence(words) && header_line_kind(words) == HeaderLine::title) return nullptr;
        if (!announces_documents(words)) continue;
        std::size_t short_lines = 0, named = 0;
        const Item* first_named = nullptr;
        for (std::size_t k = i + 1; k < items.size(); ++k) {
            const std::string_view line = own_words(items[k]);
            if (holds_a_sentence(line) || word_count(line, 11) > 10) continue;
            ++short_lines;
            if (!names_a_document(line)) continue;
            ++named;
            if (!first_named) first_named = &items[k];
        }
        return named >= 3 && named * 3 >= short_lines ? first_named : nullptr;
    }
    return nullptr;
}

// Minutes or a report about a protocol name its paragraphs in running text ("Paragraph
// 7.1 - ...", "2.2 It is proposed that paragraph 3.13 be amended"), often (one paragraph in
// five or more) and in more paragraphs than it has numbered paragraphs of its own that
// name none: not a protocol to import (LAYOUTS.md 35).
bool refuse_text_about_a_protocol(const std::vector<Item>& items, const std::string& path, Diagnostics& diags) {
    // (a committee system's page for an agenda item, "Agenda item" over its decision, its
    // minutes and its papers; "Agenda and minutes" over a meeting's)
    static constexpr std::array<std::string_view, 2> page_marks = {"agenda item", "agenda and minutes"};
    std::vector<std::string_view> marks_seen;
    const Item* first_mark = nullptr;
    for (const Item& it : items) {
        const std::string text = lower(own_words(it).substr(0, 24));  // the marks open a paragraph
        std::string_view mark = minutes_mark(text);
        for (std::string_view page : page_marks)
            if (text.starts_with(page)) mark = page;
        if (mark.empty() || std::find(marks_seen.begin(), marks_seen.end(), mark) != marks_seen.end()) continue;
        marks_seen.push_back(mark);
        if (!first_mark) first_mark = &it;
    }
    if (marks_seen.size() >= 3) {
        diags.error(path, first_mark->para.pos,
                    "this reads as the minutes of a meeting, not a protocol: it records who was present, apologies, "
                    "resolutions, decisions or when the meeting ended; import the protocol itself (the document the "
                    "minutes discuss)");
        return true;
    }
    if (const Item* named = list_of_documents(items)) {
        diags.error(path, named->para.pos,
                    "this reads as a council's list of its documents (policies, procedures, codes), not a "
                    "protocol: most of its lines name a document ('" +
                        shorten(named->para.text, 40) +
                        "' here); import the protocol itself (its own text, the document the list names)");
        return true;
    }
    // a meeting's or a library's list of documents, a constitution's contents: many lines,
    // hardly one of them a sentence ("Structure and Responsibilities pdf icon PDF 137 KB",
    // "1.1 The Councils Constitution")
    std::size_t lines = 0, sentences = 0;
    for (const Item& it : items) {
        // (a list's items count with the sentence that leads into them)
        if (it.role == Role::heading || it.role == Role::numbered_heading || it.role == Role::table ||
            it.role == Role::bullet || it.role == Role::label)
            continue;
        ++lines;
        sentences += holds_a_sentence(own_words(it));
    }
    // (a few lines, not one sentence and no numbered paragraph: what is left of a contents
    // page whose entries went)
    const bool no_sentence_nor_paragraph =
        items.size() >= 3 && std::none_of(items.begin(), items.end(), [](const Item& it) {
            return opens_paragraph(it.role) || holds_a_sentence(own_words(it));
        });
    if ((lines >= 6 && sentences * 8 < lines) || no_sentence_nor_paragraph) {
        diags.error(path, items.front().para.pos,
                    "this reads as a list of contents or of documents, not a protocol: " +
                        std::to_string(std::max(lines, no_sentence_nor_paragraph ? items.size() : 0)) + " lines and " +
                        (sentences == 0 ? "none" : "only " + std::to_string(sentences)) +
                        " of them a sentence; import the protocol itself (its own text, the document the list "
                        "names)");
        return true;
    }
    std::size_t naming = 0, own = 0;
    const Item* first = nullptr;
    std::string named;
    for (const Item& it : items) {
        const std::string reference = paragraph_named(it.para.text);
        if (reference.empty()) {
            own += opens_paragraph(it.role);
            continue;
        }
        ++naming;
        if (!first) first = &it, named = reference;
    }
    if (naming < 2 || naming <= own || naming * 5 < items.size()) return false;
    diags.error(path, first->para.pos,
                "this reads as minutes or a report about a protocol, not the protocol: " + std::to_string(naming) +
                    " paragraphs refer to its paragraphs in running text ('" + named + "' here), more than the " +
                    std::to_string(own) +
                    " numbered paragraphs of its own that do not; import the protocol itself (its own text, the "
                    "clauses those paragraphs name), not the minutes or report that discuss it");
    return true;
}

}  // namespace

// Word paragraphs numbered by lettered Parts ("A1. This Protocol ...", lettered_numbers):
// the number written with digits in the text and in the words it starts (plain text was
// rewritten line by line before it was read into paragraphs), a warning each.
void letters_as_numbers(std::vector<Paragraph>& paragraphs, const std::string& path, Diagnostics& diags) {
    std::vector<std::string_view> starts;
    for (const Paragraph& p : paragraphs) starts.push_back(p.table ? std::string_view() : std::string_view(p.text));
    for (const LetteredNumber& n : lettered_numbers(starts)) {
        Paragraph& p = paragraphs[n.index];
        const std::string written = p.text.substr(0, n.length), number = join_number(n.parts);
        // the first words of the paragraph's inlines start with the number as written
        Inlines* first = &p.inlines;
        while (!first->empty() && first->front().kind != InlineKind::text && !first->front().children.empty())
            first = &first->front().children;
        if (!p.inlines.empty() &&
            (first->empty() || first->front().kind != InlineKind::text || first->front().text.rfind(written, 0) != 0))
            continue;  // the number split across runs: left as the words it is
        if (!p.inlines.empty()) first->front().text.replace(0, written.size(), number);
        warn_lettered(n, p.text, path, p.pos, diags);
        p.text.replace(0, written.size(), number);
    }
}

// A contents list typed as paragraphs (a Word file's "1. Introduction" ... "3. Complaints"
// with no field behind it): three numbered headings or more in a row, numbered on from 1,
// whose first comes again further down with the same words, where the body starts. The
// entries and a "Contents" line above them are dropped, with a warning.
void drop_typed_contents(std::vector<Paragraph>& paragraphs, const std::string& path, std::vector<Dropped>& dropped,
                         Diagnostics& diags) {
    auto entry = [](const Paragraph& p, int n, std::string& words) {
        const Marker m = read_marker(p.text);
        if (p.table || p.bullet || m.kind != MarkerKind::single || m.enclosed || m.parts[0] != n) return false;
        words = lower(std::string_view(p.text).substr(m.length));
        Paragraph one_line;
        return title_like(one_line, p.text.substr(m.length), 12);
    };
    for (std::size_t i = 0; i < paragraphs.size() && i < 60; ++i) {
        std::string first_words, words;
        if (!entry(paragraphs[i], 1, first_words)) continue;
        std::size_t end = i + 1;
        while (end < paragraphs.size() && entry(paragraphs[end], static_cast<int>(end - i) + 1, words)) ++end;
        if (end - i < 3) continue;
        const bool body_follows =
            std::any_of(paragraphs.begin() + static_cast<long>(end), paragraphs.end(),
                        [&](const Paragraph& p) { return entry(p, 1, words) && words == first_words; });
        if (!body_follows) return;
        std::size_t from = i;
        if (from > 0) {
            const std::string above = lower(paragraphs[from - 1].text);
            if (above == "contents" || above == "table of contents" || above == "index") --from;
        }
        for (std::size_t k = from; k < end; ++k) dropped.push_back({paragraphs[k].pos, paragraphs[k].text, "contents"});
        diags.warning(path, paragraphs[from].pos,
                      "dropped a contents list of " + std::to_string(end - i) +
                          " entries: its headings come again where the text starts");
        paragraphs.erase(paragraphs.begin() + static_cast<long>(from), paragraphs.begin() + static_cast<long>(end));
        return;
    }
}

namespace {

// Where the protocol starts: its first section heading or numbered clause, from `top`
// (`top` itself when it has neither).
// Items [from, to) above the first heading read as a covering report: a report's field
// ("To:", "Report of:", "Purpose of report:") or numbered points of its own. Without either
// they are the protocol's own introduction, and the protocol starts at the heading.
bool reads_as_report(const std::vector<Item>& items, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (items[i].marker.kind == MarkerKind::clause || items[i].marker.kind == MarkerKind::single ||
            starts_report_field(items[i].para.text))
            return true;
    return false;
}

std::size_t protocol_start(const std::vector<Item>& items, std::size_t top) {
    for (std::size_t i = top; i < items.size(); ++i)
        if (is_structure(items[i])) return i;
    for (std::size_t i = top; i < items.size(); ++i)
        if (items[i].role == Role::one_level_clause) return i;
    return top;
}

}  // namespace

namespace {

// The list of defined terms protopub draws after a protocol ("Defined terms" / "officers —
// Employees who ... (paragraph 1.1)" ...), in our own PDF, Word file or web page imported
// again: made from the clauses' definitions, it is made again when the source is built, so
// it is dropped (one warning) rather than read as a section. Only a list that runs to the
// end of the text, every entry "term — definition (paragraph N)", is taken for it.
void drop_glossary(std::vector<Paragraph>& paragraphs, const std::string& path, std::vector<Dropped>& dropped,
                   Diagnostics& diags) {
    const std::string_view heading = model::glossary_heading;
    std::size_t at = paragraphs.size();
    for (std::size_t i = paragraphs.size(); i-- > 0;)
        if (paragraphs[i].text.starts_with(heading) &&
            (paragraphs[i].text.size() == heading.size() || paragraphs[i].text[heading.size()] == ' ')) {
            at = i;
            break;
        }
    if (at == paragraphs.size()) return;
    std::string entries = paragraphs[at].text.substr(heading.size());
    for (std::size_t i = at + 1; i < paragraphs.size(); ++i) {
        if (paragraphs[i].table) return;
        entries += " " + paragraphs[i].text;
    }
    // "term — definition (paragraph 4.2)", one after another (a web page's printed list puts
    // the term over its definition, with no dash between)
    std::size_t count = 0;
    for (std::string_view rest = entries; !rest.empty(); ++count) {
        while (rest.starts_with(' ')) rest.remove_prefix(1);
        if (rest.empty()) break;
        const std::size_t cited = rest.find("(paragraph ");
        const std::size_t close = cited == std::string_view::npos ? cited : rest.find(')', cited);
        if (close == std::string_view::npos || model::word_count(rest.substr(0, cited), 3) < 2) return;
        rest.remove_prefix(close + 1);
    }
    if (count == 0) return;
    for (std::size_t i = at; i < paragraphs.size(); ++i)
        dropped.push_back({paragraphs[i].pos, paragraphs[i].text, "list of defined terms"});
    diags.warning(path, paragraphs[at].pos,
                  "dropped '" + std::string(heading) + "' and its " + std::to_string(count) +
                      (count == 1 ? " entry" : " entries") +
                      ": the list protopub makes from the clauses' definitions (it is made again when the "
                      "source is built)");
    paragraphs.erase(paragraphs.begin() + static_cast<long>(at), paragraphs.end());
}

// "1.1" a paragraph of its own, its words the next paragraph (a web page whose numbers
// stand in a column of their own, opened in Word): one paragraph, as the page shows it.
// Only a number that nothing but words without a number of their own follow.
void join_bare_numbers(std::vector<Paragraph>& paragraphs, const std::string& path, Diagnostics& diags) {
    std::size_t joined = 0, kept = 0;
    SourcePos first{};
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const std::size_t at = i;
        Paragraph& number = paragraphs[at];
        const Marker m = read_marker(number.text + " x");
        const bool bare = i + 1 < paragraphs.size() && !number.table && !number.bullet && number.heading_level == 0 &&
                          (m.kind == MarkerKind::clause || m.kind == MarkerKind::single) &&
                          m.length == number.text.size() + 1;
        const Paragraph* words = bare ? &paragraphs[i + 1] : nullptr;
        if (words && !words->table && !words->bullet && words->heading_level == 0 && !words->text.empty() &&
            read_marker(words->text).kind == MarkerKind::none && !words->title_style && !words->subtitle) {
            if (joined++ == 0) first = number.pos;
            Inlines inlines = number.inlines.empty() ? inlines_from_text(number.text) : number.inlines;
            inlines.push_back(Inline{});
            inlines.back().text = " ";
            const Inlines& rest = words->inlines.empty() ? inlines_from_text(words->text) : words->inlines;
            inlines.insert(inlines.end(), rest.begin(), rest.end());
            number.text += " " + words->text;
            number.inlines = std::move(inlines);
            number.single_line = false;
            number.notes.insert(number.notes.end(), words->notes.begin(), words->notes.end());
            ++i;  // the words are taken
        }
        if (kept != at) paragraphs[kept] = std::move(number);
        ++kept;
    }
    paragraphs.resize(kept);
    if (joined > 0)
        diags.warning(path, first,
                      std::to_string(joined) +
                          " number(s) stood in a paragraph of their own ('1.1', its words the next paragraph): each "
                          "is read with the words after it");
}

// One top-level heading, before every other heading, over headings a level down (a web
// page's <h1> opened in Word, a Markdown text's lone "#"): the title, and the headings under
// it a level up.
void lone_top_heading_as_title(std::vector<Paragraph>& paragraphs, const std::string& path, Diagnostics& diags) {
    std::size_t top = paragraphs.size(), tops = 0, first_heading = paragraphs.size(), others = 0;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (paragraphs[i].heading_level == 0) continue;
        if (first_heading == paragraphs.size()) first_heading = i;
        if (paragraphs[i].heading_level == 1)
            top = i, ++tops;
        else
            ++others;
    }
    if (tops != 1 || top != first_heading || others == 0 ||
        std::any_of(paragraphs.begin(), paragraphs.end(), [](const Paragraph& p) { return p.title_style; }))
        return;
    paragraphs[top].heading_level = 0;
    paragraphs[top].title_style = true;
    for (auto& p : paragraphs)
        if (p.heading_level > 1) --p.heading_level;
    diags.warning(path, paragraphs[top].pos,
                  "'" + paragraphs[top].text +
                      "', the only top-level heading (Heading 1, '#'), above the others, taken as the title (they "
                      "are the sections)");
}

// A title marked as one (Word's Title style, a lone Heading 1) under a few short lines
// (a web page's "Skip to main content", its site's name): those lines are the page's, not
// the protocol's, and are dropped, each reported; a title page's own lines among them (the
// council's name, "Constitution – Part 5") stay, to be read as a title page's.
void drop_lines_above_title(std::vector<Paragraph>& paragraphs, const std::string& path, std::vector<Dropped>& dropped,
                            Diagnostics& diags) {
    std::size_t title = 0;
    while (title < paragraphs.size() && title < 8 && !paragraphs[title].title_style) ++title;
    if (title == 0 || title >= paragraphs.size() || !paragraphs[title].title_style) return;
    for (std::size_t i = 0; i < title; ++i) {
        const Paragraph& p = paragraphs[i];
        if (p.table || p.heading_level > 0 || p.text.size() > 80 || ends_sentence(p.text) ||
            read_marker(p.text).kind != MarkerKind::none)
            return;
    }
    const auto end = paragraphs.begin() + static_cast<long>(title);
    const auto page_line = [&](const Paragraph& p) {
        const HeaderLine kind = header_line_kind(p.text);
        if (kind == HeaderLine::council || kind == HeaderLine::constitution) return false;
        dropped.push_back({p.pos, p.text, "above the title"});
        diags.warning(path, p.pos, "dropped '" + p.text + "': a line above the title, not the protocol's");
        return true;
    };
    paragraphs.erase(std::remove_if(paragraphs.begin(), end, page_line), end);
}

}  // namespace

ImportResult build_protocol(std::vector<Paragraph> paragraphs, const std::string& path, const ImportOptions& options,
                            std::vector<Dropped> dropped, Diagnostics& diags,
                            const std::vector<std::string>& page_furniture) {
    ImportResult result;
    drop_glossary(paragraphs, path, dropped, diags);
    join_bare_numbers(paragraphs, path, diags);
    lone_top_heading_as_title(paragraphs, path, diags);
    drop_lines_above_title(paragraphs, path, dropped, diags);
    letters_as_numbers(paragraphs, path, diags);
    // Word's Subtitle: not words of the text; the council's name when it states one
    // ("Anytown Borough Council", "... Constitution of Anytown Borough Council")
    std::string subtitle_council;
    for (auto it = paragraphs.begin(); it != paragraphs.end();) {
        if (!it->subtitle) {
            ++it;
            continue;
        }
        std::map<std::string, int> named;
        count_councils(it->text, named);
        const std::string council = header_line_kind(it->text) == HeaderLine::council ? it->text : most_named(named);
        dropped.push_back({it->pos, it->text, "subtitle"});
        if (!council.empty() && subtitle_council.empty()) {
            subtitle_council = council;
            diags.note(
                path, it->pos,
                "'" + it->text + "', the subtitle, names the council '" + council + "': it goes into the front matter");
        } else {
            diags.note(path, it->pos, "'" + it->text + "', the subtitle, is left out (it names no council)");
        }
        it = paragraphs.erase(it);
    }
    std::vector<Item> items = classify(std::move(paragraphs));
    if (refuse_text_about_a_protocol(items, path, diags)) return result;
    for (const Item& it : items) {
        if (it.role == Role::bullet && !it.para.bullet && (it.para.indented || it.para.item_line))
            diags.warning(path, it.para.pos,
                          "'" + it.para.text + "' taken as an item of the list the line before introduces: " +
                              (it.para.indented ? "it is indented" : "a line of its own right under it") +
                              " (its bullet lost)");
        if ((it.role == Role::heading || it.role == Role::numbered_heading) && it.para.heading_level == 0 &&
            it.para.text.back() == ':')
            diags.warning(path, it.para.pos,
                          "'" + it.para.text +
                              "' taken as a heading although it ends in ':': what follows is not a list it "
                              "introduces");
    }
    Protocol& p = result.protocol;
    p.source_path = path;
    const auto title_facts = take_title_facts(items, path, dropped, diags);

    const TitlePage page = read_title_page(items, options.council);
    const std::size_t top = page.lines;
    promote_sub_headings(items, top);
    for (std::size_t i = 0; i < top; ++i) {
        const Paragraph& line = items[i].para;
        const HeaderLine kind = page.kinds[i];
        if (kind == HeaderLine::title) {  // the title is not dropped: it is the title
            if (i == page.title_goes_on && i > 0) warn_title_goes_on(line, path, diags);
            if (line.text != page.title && names_label_in_full(line.text, page.title)) {
                warn_label_left_out(line.pos, line.text, page.title, path, dropped, diags);
                continue;
            }
            if (!page.label.empty() && line.text.rfind(page.label + " ", 0) == 0)
                diags.note(path, line.pos,
                           "'" + page.label +
                               "' before the title is its place in the constitution: it goes into "
                               "the front matter");
            continue;
        }
        const char* what =
            kind == HeaderLine::council ? "the council's name" : "the protocol's place in the constitution";
        dropped.push_back({line.pos, line.text, "title page"});
        if (page.title_in_place && kind == HeaderLine::constitution && line.text.find(page.title) != std::string::npos)
            diags.warning(path, line.pos,
                          "'" + line.text + "' is the protocol's place in the constitution and its title '" +
                              page.title + "': both go into the front matter");
        else if (kind == HeaderLine::constitution && !page.council.empty() && line.text.rfind(page.council, 0) == 0 &&
                 line.text.size() > page.council.size())
            diags.warning(path, line.pos,
                          "'" + line.text + "' names the council '" + page.council +
                              "' and its constitution: the name goes into the front matter");
        else
            diags.note(path, line.pos, "'" + line.text + "' is " + what + ": it goes into the front matter");
    }

    // A short title before where the protocol starts is the title; anything longer (a
    // committee report) is a preamble.
    std::size_t start = protocol_start(items, top);

    std::string title = page.title;
    std::size_t first = top;
    // the title at `at` taken, its last words on the line under it (title_goes_on) too
    const auto take_title_wrapped = [&](std::size_t at) {
        if (!title_goes_on(items, at)) return;
        title += " " + items[at + 1].para.text;
        warn_title_goes_on(items[at + 1].para, path, diags);
        first = at + 2;
        if (start == at + 1) start = first;
    };
    std::size_t names_it = items.size();
    std::optional<ConstitutionPlace> place = page.place;
    // The heading that names the protocol is its first numbered paragraph (the scan stops
    // at the first); not when a line above it names the protocol ("Code of Practice ...")
    // or a covering report says where the title is.
    if (title.empty() && title_named_by_report(items, top) == items.size())
        for (std::size_t i = top; i < items.size(); ++i) {
            const Item& it = items[i];
            if (it.marker.kind == MarkerKind::none && it.para.text.size() <= 160 && !starts_field(it.para.text) &&
                header_line_kind(it.para.text) == HeaderLine::title &&
                title_like(as_one_line(it.para), it.para.text, 16))
                break;  // a line above names the protocol: the title is found as usual
            if (it.marker.kind != MarkerKind::clause) continue;
            if (i >= start && names_the_protocol(items, i)) names_it = i;
            if (i >= start && i == top && numbers_own_from_one(items, i)) {
                // "5.3 Member and Officer Relations Protocol" over "1. Introduction", "1.1 ...":
                // the protocol's number in its Part, then its title; its clauses are its own
                title = items[i].rest;
                set_place_label(place, items[i].marker.text);
                dropped.push_back({items[i].para.pos, items[i].para.text, "title page"});
                diags.warning(path, items[i].para.pos,
                              "'" + title + "' taken as the title and " + items[i].marker.text +
                                  " as its place in the constitution: it names a protocol or code, and the "
                                  "numbering starts at 1 under it");
                items.erase(items.begin() + static_cast<long>(i));
                start = protocol_start(items, top);
            }
            break;
        }
    if (names_it < items.size()) {
        // "5.4 PROTOCOL ON MEMBER/OFFICER RELATIONS" over clauses 5.4.1, 5.4.2 ...: the
        // protocol is a numbered section of its Part, and its heading names it; the heading
        // stays where it is, its words are the title too
        // ("PART 5 – CODES AND PROTOCOLS" just above it, after a covering report: the place)
        if (const std::size_t above = names_it - 1;
            names_it > top && items[above].marker.kind == MarkerKind::none &&
            header_line_kind(items[above].para.text) == HeaderLine::constitution) {
            if (!place) read_place(items[above].para.text, place);
            dropped.push_back({items[above].para.pos, items[above].para.text, "title page"});
            diags.note(path, items[above].para.pos,
                       "'" + items[above].para.text +
                           "' is the protocol's place in the constitution: it goes into "
                           "the front matter");
            items.erase(items.begin() + static_cast<long>(above));
            if (start > above) --start;
            names_it = above;
        }
        title = items[names_it].rest;
        diags.warning(path, items[names_it].para.pos,
                      "'" + title + "' taken as the title: the heading numbered " + items[names_it].marker.text +
                          " names a protocol or code, and every clause after it is numbered under it");
    }
    std::size_t title_after_paper = title.empty() ? title_after_numbered_paper(items, top) : items.size();
    if (title_after_paper < items.size()) {
        title = items[title_after_paper].para.text;
        promote_sub_headings(items, title_after_paper + 1);
        diags.warning(path, items[title_after_paper].para.pos,
                      "'" + title +
                          "' taken as the title: the numbering starts again under it, so the numbered "
                          "text above it is a paper of its own (kept as a preamble)");
    }
    // (a line or two above the title that say nothing the title page knows: "Reviewed by the
    // Standards Committee", "Draft for consultation"; not the council's name, which the
    // title page takes)
    std::size_t title_under_lines = title.empty() && title_after_paper == items.size() && top < items.size() &&
                                            header_line_kind(items[top].para.text) != HeaderLine::title
                                        ? title_under_lines_above(items, top)
                                        : items.size();
    if (title_under_lines == top + 1 && names_council(items[top])) title_under_lines = items.size();
    if (!title.empty() || title_under_lines < items.size()) {
        // taken from the title page, or under the lines above it (below)
    } else if (start == top + 1 && items[top].marker.kind == MarkerKind::none &&
               title_like(as_one_line(items[top].para), items[top].para.text, 16)) {
        title = items[top].para.text;
        first = top + 1;
        take_title_wrapped(top);
        // (a line cut from a flattened document: where the title ends is a guess)
        if (top + 1 < items.size() && items[top + 1].para.pos.line == items[top].para.pos.line)
            diags.warning(path, items[top].para.pos,
                          "'" + title + "', the words before the first heading, taken as the title (use --title)");
    } else if (start == top && items.size() > top + 1 && items[top].role == Role::heading && items[top].level == 2 &&
               (items[top + 1].role == Role::heading || items[top + 1].role == Role::numbered_heading ||
                std::none_of(items.begin() + static_cast<long>(top) + 1, items.end(), [](const Item& it) {
                    return it.role == Role::numbered_heading || (it.role == Role::heading && it.level == 2);
                }))) {
        // a heading followed by another, or the only one: the document's title
        title = items[top].para.text;
        first = start = top + 1;
        take_title_wrapped(top);
        // (a line that names a protocol or code is its title beyond doubt)
        if (header_line_kind(title) != HeaderLine::title)
            diags.warning(path, items[top].para.pos,
                          "'" + title + "', the first heading, taken as the title (use --title)");
    }
    // "Protocol" / "PROTOCOL ON COUNCILLOR/OFFICER RELATIONSHIPS": a one-word label at the
    // top of the page, taken as the title above, over the title that names it in full
    if (first == top + 1 && page.title.empty() && title == items[top].para.text && top + 1 < items.size() &&
        items[top + 1].marker.kind == MarkerKind::none && items[top + 1].para.single_line &&
        header_line_kind(items[top + 1].para.text) == HeaderLine::title &&
        names_label_in_full(title, items[top + 1].para.text)) {
        warn_label_left_out(items[top].para.pos, title, items[top + 1].para.text, path, dropped, diags);
        title = items[top + 1].para.text;
        first = top + 2;
        start = std::max(start, first);
    }
    std::string council_above_title;
    if (title.empty() && title_under_lines == items.size()) {
        // "Councillor-Officer Protocol" on the first line (the council's name may stand
        // above it), a covering report or the sections under it
        std::size_t at = top;
        if (at + 1 < items.size() && items[at].marker.kind == MarkerKind::none && items[at].para.single_line &&
            names_council(items[at]))
            ++at;
        if (at < items.size() && items[at].marker.kind == MarkerKind::none &&
            (header_line_kind(items[at].para.text) == HeaderLine::title || items[at].para.title_style) &&
            title_like(as_one_line(items[at].para), items[at].para.text, 16)) {
            if (at > top) {
                council_above_title = items[top].para.text;
                dropped.push_back({items[top].para.pos, council_above_title, "title page"});
                diags.warning(path, items[top].para.pos,
                              "'" + council_above_title + "' above the title taken as the council's name");
            }
            title = items[at].para.text;
            first = at + 1;
            take_title_wrapped(at);
            if (start <= at) {
                // the title was read as a heading: the protocol starts at the next one, and
                // sub-headings are sections when the title was the only heading in capitals
                promote_sub_headings(items, first);
                start = first;
                while (start < items.size() && !is_structure(items[start])) ++start;
                if (start == items.size()) start = first;
            }
            diags.warning(path, items[at].para.pos, "'" + title + "', the first line, taken as the title");
        }
    }
    if (first > top) {
        // the title again right under it, a page's first heading ("MEMBER / OFFICER PROTOCOL"
        // under "Member/Officer Protocol"): left out before the headings' levels are settled
        if (title_after_paper == items.size() && first < items.size() && items[first].role == Role::heading &&
            items[first].marker.kind == MarkerKind::none && same_letters(items[first].para.text, title)) {
            dropped.push_back({items[first].para.pos, items[first].para.text, "title repeated"});
            diags.note(path, items[first].para.pos,
                       "'" + items[first].para.text + "' repeats the title where the document starts: left out");
            items.erase(items.begin() + static_cast<long>(first));
            if (start > first) --start;
        }
        // with the title out of the way, sub-headings are the sections when no other
        // heading is in capitals, and the protocol starts at the first of them
        promote_sub_headings(items, first);
        if (start < items.size() && (start < first || !is_structure(items[start]))) {
            // (the first heading, else the first one-level number: "1." "2." under the title)
            const std::size_t next = protocol_start(items, first);
            if (next != first || is_structure(items[first]) || items[first].role == Role::one_level_clause)
                start = next;
        }
    }
    std::size_t title_after_report = title_after_paper < items.size() ? title_after_paper
                                     : title.empty()                  ? title_named_by_report(items, top)
                                                                      : items.size();
    const bool title_after_place_above =
        title.empty() && title_after_report == items.size() && title_after_its_place(items, top) < items.size();
    if (title_under_lines < items.size() && title_after_report == items.size()) {
        title_after_report = title_under_lines;
        title = items[title_under_lines].para.text;
        promote_sub_headings(items, title_under_lines + 1);
        diags.warning(path, items[title_under_lines].para.pos,
                      "'" + title + "' taken as the title: it names a protocol or code; the " +
                          (title_under_lines - top == 1 ? "line" : "lines") +
                          " above it, which the title page does not explain, kept as its preamble");
    } else if (title_after_place_above) {
        title_after_report = title_after_its_place(items, top);
        title = items[title_after_report].para.text;  // (its label too: the front matter has no place for an Annex)
        diags.warning(path, items[title_after_report].para.pos,
                      "'" + title +
                          "' taken as the title: the first heading, a division's label and words that name a "
                          "protocol or code; the text above it is kept as its preamble");
    } else if (title_after_report < items.size() && title_after_report != title_after_paper) {
        title = items[title_after_report].para.text;
        if (report_numbers_clash(items, top, title_after_report)) {
            numbers_above_title_as_words(items, top, title_after_report);
            diags.warning(path, items[top].para.pos,
                          "the covering report's own numbers are kept as its words: the protocol's numbering "
                          "starts again under its title '" +
                              items[title_after_report].para.text + "'");
        }
        promote_sub_headings(items, title_after_report + 1);
        diags.warning(path, items[title_after_report].para.pos,
                      "'" + title + "' taken as the title: the covering report above it names it");
    }
    // "Parish and Town Councils' Joint Committee, Eastvale" right under the title, a heading
    // straight after it: the body the protocol is for, a line of the title page (kept above
    // the protocol), not a section with nothing in it
    if (!title.empty() && first == start && first + 1 < items.size() && items[first].role == Role::heading &&
        (items[first + 1].role == Role::heading || items[first + 1].role == Role::numbered_heading) &&
        items[first].level == items[first + 1].level && names_council(items[first])) {
        items[first].role = Role::plain;
        start = first + 1;
        diags.warning(path, items[first].para.pos,
                      "'" + items[first].para.text +
                          "' under the title names a council: kept above the protocol, not taken as a heading");
    }
    if (refuse_second_document(items, first, title, path, diags)) return result;
    result.title_from_text = !title.empty() && options.title.empty();
    // (a report above the title has numbers of its own: the protocol's start under the title)
    std::size_t numbers_from = title_after_report < items.size() ? title_after_report + 1 : first;
    const std::size_t after_preface = sections_numbered_after_preface(items, numbers_from);
    if (after_preface < items.size()) {
        numbers_from = after_preface;
        diags.warning(path, items[after_preface].para.pos,
                      "'" + items[after_preface].para.text +
                          "' is the first numbered heading, and nothing above it is numbered: the numbered sections "
                          "start there, as printed, and the headings above it are kept as the preamble");
    }
    bullets_as_headings(items, numbers_from, path, diags);
    count_bulleted_paragraphs(items, numbers_from, path, diags);
    count_repeated_ones(items, numbers_from, path, diags);
    const std::size_t protocol_after_points = number_restarts(items, numbers_from, path, diags);
    number_appendices(items, numbers_from, path, diags);
    const std::size_t protocol_after_report = assign_numbers(items, numbers_from, path, diags);
    const std::size_t protocol_starts = std::min({protocol_after_points, protocol_after_report, after_preface});
    number_gap_markers(items, numbers_from, path, diags);
    find_first_items_inline(items, numbers_from, path, diags);

    Builder builder(p, path, dropped, diags);
    if (first < start)
        builder.start_preamble(items[first].para.pos);
    else if (protocol_starts < items.size())
        builder.preamble_headings_follow();
    for (std::size_t i = first; i < items.size(); ++i) {
        // the protocol's own title, after its covering report: the protocol starts under
        // it, unless another report comes first (the paper that goes with this version)
        if (i == title_after_report) {
            const bool another_report =
                i + 1 < items.size() && (lower(items[i + 1].para.text).rfind("to:", 0) == 0 ||
                                         lower(items[i + 1].para.text).rfind("report of:", 0) == 0);
            if (!another_report) builder.end_preamble();
            continue;
        }
        if (i == protocol_starts) builder.end_preamble();
        const Item& it = items[i];
        if (!it.guess.empty() && it.role != Role::plain) diags.warning(path, it.para.pos, it.guess);
        if (!it.words_not_headings.empty()) diags.warning(path, it.para.pos, it.words_not_headings);
        // the title again where the document itself starts, after a covering report
        if (i >= first && !title.empty() && it.role == Role::heading && it.marker.kind == MarkerKind::none &&
            same_letters(it.para.text, title)) {
            dropped.push_back({it.para.pos, it.para.text, "title repeated"});
            diags.note(path, it.para.pos,
                       "'" + it.para.text + "' repeats the title where the document starts: left out");
            continue;
        }
        // a note under the title ("Last reviewed: April 2024") is not a covering report:
        // the first heading after it starts the protocol
        // (unless the protocol is found to start further down, after a report's points)
        // and nor is an introduction that reads as none (no report's fields, no numbered points)
        if (i == start && first < start && protocol_starts == items.size() &&
            ((it.role == Role::heading && start - first <= 2) ||
             ((it.role == Role::heading || it.role == Role::one_level_clause) &&
              !reads_as_report(items, first, start))))
            builder.end_preamble();
        // a quoted passage: from an opening quotation mark to the paragraph that closes it
        if (it.role == Role::plain && opens_quote(it.para.text) && !p.sections.empty()) {
            // an extract numbers its own paragraphs ("“1. ..." / "2. ...”"): inside the
            // quotation marks those are its words, not clauses of the protocol
            const std::size_t end = quote_end(items, i, [](const Item& in) {
                return in.role == Role::plain || in.role == Role::one_level_clause || in.role == Role::label ||
                       in.role == Role::bullet;
            });
            if (end < items.size()) {
                std::vector<Block> quoted;
                for (std::size_t k = i; k <= end; ++k) {
                    builder.keep_notes(items[k].para);
                    Block b;
                    b.inlines =
                        items[k].para.inlines.empty() ? inlines_from_text(items[k].para.text) : items[k].para.inlines;
                    b.pos = items[k].para.pos;
                    quoted.push_back(std::move(b));
                }
                builder.add_quote(std::move(quoted), it.para.pos);
                i = end;
                continue;
            }
        }
        if (it.held_by.kind != MarkerKind::none) {
            Item holder;
            holder.para.pos = it.para.pos;
            holder.marker = it.held_by;
            holder.role = it.held_by.kind == MarkerKind::single ? Role::one_level_clause : Role::clause;
            builder.add(holder);
        }
        builder.add(it);
    }
    builder.finish();
    // (a preamble left with nothing in it, its only line the title again, is no section;
    // one that holds sub-headings stays their parent)
    for (std::size_t k = p.sections.size(); k-- > 0;) {
        const Section& s = p.sections[k];
        const bool parent = k + 1 < p.sections.size() && p.sections[k + 1].level > s.level;
        if (s.kind == SectionKind::preamble && s.heading.empty() && s.intro.empty() && s.clauses.empty() && !parent)
            p.sections.erase(p.sections.begin() + static_cast<long>(k));
    }
    headings_of_one_numbered_section(p.sections, path, diags);

    // A protocol is kept as numbered clauses: with no number anywhere there is nothing
    // to hold on to (and most likely this is not the protocol).
    // (under a title that names a protocol or code, the text is most likely a part of one: an
    // excerpt, or one page of a protocol published a page per section)
    // (so too where its words name it as a protocol or code names itself: "The purpose of this
    // Protocol is ...")
    if (std::all_of(p.sections.begin(), p.sections.end(), [](const Section& s) { return s.clauses.empty(); })) {
        const auto names_itself = [](const Item& it) {
            const std::string words = lower(it.para.text);
            return words.find("this protocol") != std::string::npos || words.find("this code") != std::string::npos;
        };
        if (!title.empty() && header_line_kind(title) == HeaderLine::title)
            diags.error(path, {1, 1},
                        "no numbered paragraphs and no headings under the title '" + title +
                            "': this reads as part of a protocol (an excerpt, or one page of one published a "
                            "page per section), not the whole; import the whole protocol (its PDF or Word file, "
                            "or every page's text one after another), or add its headings");
        else if (std::any_of(items.begin(), items.end(), names_itself))
            diags.error(path, {1, 1},
                        "no numbered paragraphs and no headings, and its words speak of 'this Protocol' or 'this "
                        "Code': this reads as part of a protocol (an excerpt, or one page of one published a page "
                        "per section), not the whole; import the whole protocol (its PDF or Word file, or every "
                        "page's text one after another), or add its headings");
        else
            diags.error(path, {1, 1},
                        "no numbered paragraphs and no headings: this text reads as running prose (minutes, a "
                        "letter), not a protocol or code; a protocol is imported as numbered clauses (1.1, 2.3 "
                        "or 1., 2.), or as paragraphs under headings; check that it is the protocol, or add "
                        "its headings");
        return result;
    }

    Metadata& m = p.meta;
    m.title = !options.title.empty() ? options.title : title;
    if (m.title.empty()) {
        m.title = "Untitled protocol";
        diags.warning(path, {1, 1}, "no title line found: the title is 'Untitled protocol' (use --title)");
    }
    // "EASTSHIRE DISTRICT COUNCIL" on the title page is printed as the text spells it
    std::map<std::string, int> named;
    for (const auto& it : items) count_councils(it.para.text, named);
    const std::string named_in_text = most_named(named);
    const bool same_council = lower(page.council) == lower(named_in_text);
    m.council = !options.council.empty()                                ? options.council
                : !page.council.empty() && !same_council                ? page.council
                : !subtitle_council.empty() && page.council.empty()     ? subtitle_council
                : !council_above_title.empty() && named_in_text.empty() ? council_above_title
                                                                        : named_in_text;
    if (options.council.empty() && page.council.empty() && subtitle_council.empty() && !m.council.empty() &&
        m.council == named_in_text && council_above_title.empty())
        diags.warning(path, {1, 1},
                      "the council's name '" + m.council + "' is taken from the text, where it is named " +
                          std::to_string(named[m.council]) + " time" + (named[m.council] == 1 ? "" : "s") +
                          " (use --council to give it)");
    if (m.council.empty()) {
        std::map<std::string, int> in_furniture;
        for (const auto& text : page_furniture) count_councils(text, in_furniture);
        m.council = most_named(in_furniture);
        if (!m.council.empty())
            diags.note(path, {1, 1},
                       "the council's name '" + m.council +
                           "' is taken from what is printed around the text (a Word file's page headers, a web "
                           "page's title or banner) (use --council to give it)");
    }
    m.constitution = place;
    if (m.council.empty()) {
        m.council = "Unnamed council";
        diags.warning(path, {1, 1}, "the text does not name its council: 'Unnamed council' is used (use --council)");
    }
    m.version = options.version.empty() ? "1" : options.version;
    if (options.version.empty() &&
        std::none_of(title_facts.begin(), title_facts.end(), [](const auto& f) { return f.first == "version"; }))
        diags.note(path, {1, 1}, "the text states no version: version 1 in the front matter (use --version)");
    m.status = Status::draft;
    for (const auto& [label, value] : title_facts) {
        if (label == "version" && options.version.empty())
            m.version = value;
        else if (label == "status" && lower(value) == "adopted")
            m.status = Status::adopted;
        else if (label == "status" && lower(value) == "superseded")
            m.status = Status::superseded;
        else if (label == "adopted" || label == "date adopted")
            m.adopted = model::date_from_words(value);
        else if (label == "adopted by")
            m.adopted_by = value;
        else if (label == "minute")
            m.minute = value;
        else if (label == "supersedes")
            m.supersedes = value;
        else if (label == "constitution" && !m.constitution)
            read_place(value, m.constitution);
    }
    // "Approved by Council: 14 May 2025" with no status of its own: the text is the adopted
    // version (a draft with a date of adoption would say both "adopted" and "not adopted")
    const bool status_stated =
        std::any_of(title_facts.begin(), title_facts.end(), [](const auto& f) { return f.first == "status"; });
    if (!m.adopted.empty() && !status_stated) {
        m.status = Status::adopted;
        diags.note(path, {1, 1},
                   "the text says it was adopted on " + m.adopted + ": status 'adopted' in the front matter");
    }
    // An adopted protocol states when: without a date it stays a draft, as the reader requires.
    if (m.status == Status::adopted && m.adopted.empty()) m.status = Status::draft;

    number_on_where_restarted(p, path, diags);
    assign_ids(p);
    result.dropped = std::move(dropped);
    result.ok = true;
    return result;
}

}  // namespace protopub::import::detail
