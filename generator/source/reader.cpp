#include "source/reader.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <unordered_map>
#include <utility>

#include "io/files.hpp"
#include "model/ids.hpp"
#include "model/string_hash.hpp"
#include "model/swar.hpp"
#include "model/text.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace protopub::source {

using namespace protopub::model;

namespace {

// ------------------------------------------------------------------ raw text helpers

using ascii::is_alnum;
using ascii::is_alpha;
using ascii::is_digit;

// The source split into lines (after line-end normalisation), for reading the literal
// text at a node's position: numbers and labels are taken as written, not as cmark
// reinterprets them.
class Lines {
public:
    explicit Lines(std::string_view text) {
        // One pass (memchr finds the line ends many bytes at a time); room for lines of 32
        // bytes on average at once, and more only for a text of shorter ones.
        lines_.reserve(text.size() / 32 + 1);
        const char* const end = text.data() + text.size();
        const char* start = text.data();
        for (const char* nl;
             (nl = static_cast<const char*>(std::memchr(start, '\n', static_cast<std::size_t>(end - start))));
             start = nl + 1)
            lines_.emplace_back(start, static_cast<std::size_t>(nl - start));
        lines_.emplace_back(start, static_cast<std::size_t>(end - start));
    }
    // The rest of line `line` from byte column `col` (both 1-based).
    std::string_view from(std::uint32_t line, std::uint32_t col) const {
        if (line == 0 || line > lines_.size()) return {};
        std::string_view l = lines_[line - 1];
        if (col == 0 || col - 1 > l.size()) return {};
        return l.substr(col - 1);
    }

private:
    std::vector<std::string_view> lines_;
};

// Where a text node's literal sits in its source line. cmark's literal is shorter than the
// source after a backslash escape ("\\*" -> "*") or an entity ("&amp;" -> "&"), so offsets
// into the literal drift from columns; each piece here starts where the literal, from
// `literal_begin` on, maps byte for byte onto the source from `column`.
struct TextPiece {
    std::size_t literal_begin;
    std::uint32_t column;
};

// The end (just after ';') of an entity or numeric character reference at raw[j], or npos.
std::size_t entity_end(std::string_view raw, std::size_t j) {
    std::size_t k = j + 1;
    if (k < raw.size() && raw[k] == '#') ++k;
    const std::size_t name = k;
    while (k < raw.size() && k - j <= 32 && is_alnum(raw[k])) ++k;
    return k > name && k < raw.size() && raw[k] == ';' ? k + 1 : std::string_view::npos;
}

std::size_t utf8_length(char lead) {
    const auto b = static_cast<unsigned char>(lead);
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// Aligns `literal` with `raw` (the source line from the node's column on). Returns false,
// leaving `pieces` as far as they go, where the two part in a way not understood.
bool align_text(std::string_view literal, std::string_view raw, std::uint32_t column, std::vector<TextPiece>& pieces) {
    pieces.push_back({0, column});
    if (raw.substr(0, literal.size()) == literal) return true;  // most text: the same bytes
    std::size_t i = 0, j = 0;
    // Up to the next backslash or '&' the two are the same bytes, compared at once. Each is
    // looked for only as far as the literal reaches, and again only once passed, so that
    // many nodes on one long line, or a line full of '&', stay linear.
    auto next = [&](char c) {
        const std::size_t reach = std::min(raw.size(), j + (literal.size() - i));
        return std::min(raw.substr(0, reach).find(c, j), reach);
    };
    std::size_t backslash = next('\\'), ampersand = next('&');
    while (i < literal.size()) {
        if (backslash < j) backslash = next('\\');
        if (ampersand < j) ampersand = next('&');
        const std::size_t same = std::min({backslash, ampersand, j + literal.size() - i}) - j;
        if (literal.compare(i, same, raw.substr(j, same)) != 0) return false;
        i += same;
        j += same;
        if (i == literal.size()) break;
        if (j >= raw.size()) return false;
        if (raw[j] == '\\' && j + 1 < raw.size() && std::ispunct(static_cast<unsigned char>(raw[j + 1]))) {
            ++j;  // the escaped character starts a piece of its own
            pieces.push_back({i, column + static_cast<std::uint32_t>(j)});
        } else if (std::size_t e = raw[j] == '&' ? entity_end(raw, j) : std::string_view::npos;
                   e != std::string_view::npos && literal.substr(i, e - j) != raw.substr(j, e - j)) {
            // the decoded character at the '&', then the words after the ';'
            pieces.push_back({i, column + static_cast<std::uint32_t>(j)});
            i += utf8_length(literal[i]);
            j = e;
            pieces.push_back({i, column + static_cast<std::uint32_t>(j)});
            continue;
        }
        if (literal[i] != raw[j]) return false;
        ++i;
        ++j;
    }
    return true;
}

// The bytes an id is made of, looked up: tested range by range they cost a dozen
// instructions for every character of every id.
constexpr std::array<bool, 256> kIdChars = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    return table;
}();
bool is_id_char(char c) { return kIdChars[static_cast<unsigned char>(c)]; }

// Parses "{#id .class}" at the start of `s`. Returns the length consumed (0 if none).
struct AttrBlock {
    std::string id;
    std::vector<std::string> classes;
    bool malformed = false;
};

std::size_t parse_attr_block(std::string_view s, AttrBlock& out) {
    if (s.empty() || s[0] != '{') return 0;
    std::size_t close = s.find('}');
    if (close == std::string_view::npos) return 0;
    std::string_view inner = s.substr(1, close - 1);
    // Must look like an attribute block: tokens starting with # or .
    std::size_t i = 0;
    bool any = false;
    while (i < inner.size()) {
        while (i < inner.size() && inner[i] == ' ') ++i;
        if (i >= inner.size()) break;
        char sigil = inner[i];
        if (sigil != '#' && sigil != '.') return 0;
        // one pass over the token: as far as it is made of id characters, then to its end
        // (no bound: the '}' after `inner` is not an id character)
        std::size_t j = i + 1;
        while (is_id_char(inner.data()[j])) ++j;
        const bool id_chars_only = j == inner.size() || inner[j] == ' ';
        while (j < inner.size() && inner[j] != ' ') ++j;
        const std::string_view token = inner.substr(i + 1, j - i - 1);
        const bool valid = id_chars_only && !token.empty() && is_alpha(token[0]);
        if (!valid) out.malformed = true;
        if (sigil == '#') {
            if (!out.id.empty()) out.malformed = true;
            out.id = std::string(token);  // (moved in: cheaper than assigning the view)
        } else {
            out.classes.emplace_back(token);
        }
        any = true;
        i = j;
    }
    return any ? close + 1 : 0;
}

// A clause number at the start of `s`: "4.21 " or "4.21. " (two or more parts), and for
// ordered-list items and headings a single part "4. " / "4 " too. `text`: the number as
// written, a view of `s`.
std::size_t match_number(std::string_view s, bool allow_single, std::vector<int>& parts, std::string_view& text) {
    std::size_t i = 0;
    while (i < s.size() && (is_digit(s[i]) || s[i] == '.')) ++i;
    if (i == 0 || i >= s.size() || !(s[i] == ' ' || s[i] == '\t')) {
        // a number alone at the end of a heading line is not a clause number
        return 0;
    }
    std::string_view num = s.substr(0, i);
    if (!parse_clause_number(num, parts)) return 0;
    if (parts.size() < 2 && !allow_single) return 0;
    text = num;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return i;
}

// A sub-item label at the start of `s`: (a) a) a. (iv) iv) iv. (A) A)
std::size_t match_label(std::string_view s, std::string& label) {
    std::size_t i = 0;
    bool open = false;
    if (i < s.size() && s[i] == '(') {
        open = true;
        ++i;
    }
    std::size_t start = i;
    // "(1)": numbered sub-items written with brackets
    if (open) {
        while (i < s.size() && is_digit(s[i]) && i - start < 3) ++i;
        if (i > start) {
            if (i + 1 >= s.size() || s[i] != ')' || s[i + 1] != ' ') return 0;
            label = std::string(s.substr(0, i + 1));
            i += 1;
            while (i < s.size() && s[i] == ' ') ++i;
            return i;
        }
    }
    while (i < s.size() && is_alpha(s[i]) && i - start < 6) ++i;
    std::size_t len = i - start;
    if (len == 0 || i >= s.size()) return 0;
    std::string_view letters = s.substr(start, len);
    bool roman = letters.find_first_not_of("ivxlcIVXLC") == std::string_view::npos;
    if (len > 1 && !roman) return 0;  // "(ab)" or "Council." is not a label
    char close = s[i];
    if (close == ')')
        ++i;
    else if (close == '.' && !open)
        ++i;
    else
        return 0;
    if (i >= s.size() || s[i] != ' ') return 0;
    label = std::string(s.substr(0, i));
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
}

ListStyle style_of(const std::vector<std::string>& labels) {
    if (labels.empty() || labels[0].empty()) return ListStyle::bullet;
    const std::string& first = labels[0];
    bool open = first[0] == '(';
    char close = first.back();
    std::string letters = first.substr(open ? 1 : 0, first.size() - (open ? 2 : 1));
    if (open && !letters.empty() && is_digit(letters[0])) return ListStyle::decimal_paren;
    // "(i)" starts a roman list; so does a list whose labels are all roman numerals
    // and that does not begin at (a)... a list (h), (i), (j) stays alphabetic.
    bool all_roman = true;
    for (const auto& l : labels) {
        std::string_view v(l);
        if (!v.empty() && v.front() == '(') v.remove_prefix(1);
        if (!v.empty()) v.remove_suffix(1);
        if (v.empty() || v.find_first_not_of("ivxlcIVXLC") != std::string_view::npos) all_roman = false;
    }
    bool roman = all_roman && (letters == "i" || letters == "I");
    if (open) return roman ? ListStyle::roman_paren : ListStyle::alpha_paren;
    if (close == ')') return roman ? ListStyle::roman_close : ListStyle::alpha_close;
    return roman ? ListStyle::roman_dot : ListStyle::alpha_dot;
}

// Deeper nesting (lists in lists, quotes in quotes, emphasis in emphasis) than any
// protocol needs is refused instead of followed: every stage walks the blocks
// recursively, and 5,000 levels would overflow the stack.
constexpr int kMaxNesting = 100;

bool safe_url(std::string_view url) {
    std::string lower;
    for (char c : url.substr(0, 10)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0;
}

// Whether `at` lies inside one of CommonMark's own autolinks, "<scheme:...>" on one line
// (not escaped, no character that a table, code span or escape could cut it at), which
// cmark reads before the autolink extension could see the words in it.
bool in_angle_autolink(std::string_view text, std::size_t at) {
    auto inside = [](char c) {
        return static_cast<unsigned char>(c) > ' ' && c != '<' && c != '>' && c != '|' && c != '\\' && c != '`' &&
               c != '\x7f';
    };
    std::size_t open = at;
    while (open > 0 && inside(text[open - 1])) --open;
    if (open == 0 || text[open - 1] != '<' || (open >= 2 && text[open - 2] == '\\')) return false;
    std::size_t close = at;
    while (close < text.size() && inside(text[close])) ++close;
    if (close == text.size() || text[close] != '>') return false;
    // the scheme: a letter, then 1 to 31 letters, digits, '+', '.' or '-', then ':'
    std::size_t k = open;
    if (!is_alpha(text[k])) return false;
    while (k < close && (is_alnum(text[k]) || text[k] == '+' || text[k] == '.' || text[k] == '-')) ++k;
    return k < close && text[k] == ':' && k - open >= 2 && k - open <= 32;
}

// Whether GFM's autolink extension could make a link in `text`: every autolink it makes
// (an e-mail address, mailto:, xmpp:, a URL with "://", "www.") holds '@', "://" or "www."
// outside CommonMark's own <...> autolinks. Without one, attaching it changes no node
// (cmark joins the text it splits at 'w' and ':' again) but costs a quarter of the parse.
bool may_autolink(std::string_view text) {
    if (text.find('@') != std::string_view::npos) return true;
    for (std::size_t colon = text.find("://"); colon != std::string_view::npos; colon = text.find("://", colon + 1))
        if (!in_angle_autolink(text, colon)) return true;
    // every '.' after "www" in any case, the dots found eight bytes at a time (a memchr call
    // for each full stop cost more than the parse saves)
    auto after_www = [&](std::size_t dot) {
        if (dot < 3) return false;
        const std::string_view www = text.substr(dot - 3, 3);
        return (www[0] | 0x20) == 'w' && (www[1] | 0x20) == 'w' && (www[2] | 0x20) == 'w' &&
               !in_angle_autolink(text, dot - 3);
    };
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        const std::uint64_t w = swar::load(text.data() + i);
        for (std::uint64_t dots = swar::bytes_equal(w, '.'); dots; dots &= dots - 1) {  // and a few false alarms
            const std::size_t dot = i + static_cast<std::size_t>(std::countr_zero(dots)) / 8;
            if (text[dot] == '.' && after_www(dot)) return true;
        }
    }
    for (; i < text.size(); ++i)
        if (text[i] == '.' && after_www(i)) return true;
    return false;
}

// ------------------------------------------------------------------ plain blocks

// Most of a protocol is headings and paragraphs of plain words, and cmark's block and
// inline parse of them cost more than the rest of reading. A paragraph is plain when every
// line of it starts with a letter, a digit that opens no ordered list, '(' or a character
// outside ASCII (none starts or continues a block), holds no byte that cmark's inline
// parser or an extension acts on, no tab, no trailing space and nothing an autolink is
// made of: cmark makes of it one text node per line with soft breaks between. A heading
// is plain when it is a line of its own, one to six '#', a space and words as plain, not
// ending in '#' (no closing sequence): one text node. The reader cuts those words from the
// source. cmark still reads the rest of the body, with a one-letter stand-in for each run
// of plain blocks (those with only blank lines between them), which closes what the
// blocks would have closed (see with_stand_ins). A bullet list is plain when every line of
// it is an item "- " followed by words as plain as a paragraph's line, the blocks before and
// after it are not lists it could join or continue (a plain paragraph or heading, or
// nothing, before it; after it nothing indented and nothing starting with '-'): cmark makes
// of it a list of one-paragraph items, one text node each.
struct PlainBlock {
    std::uint32_t line = 0;      // its first line
    std::uint32_t lines = 0;     // how many
    std::string_view text;       // its lines, without the last line end
    int heading_level = 0;       // 1 to 6 for a heading, 0 for a paragraph or a list
    bool bullets = false;        // a bullet list, one item a line
    bool continues_run = false;  // only blank lines since the plain block before
};

constexpr std::string_view kStandIn = "x";

// Where the scan of a line stops: line ends and the other control characters (a tab
// too); the bytes cmark-gfm's inline parser acts on (with strikethrough and table
// attached), and '^', which shares their range; and what every autolink holds, '@', "://"
// and "www." in any case (see may_autolink).
constexpr std::string_view kStopBytes = "!&*<[\\]^_`|~@";

bool is_stop(std::string_view s, std::size_t i) {
    const char c = s[i];
    auto is_w = [](char b) { return (b | 0x20) == 'w'; };
    return static_cast<unsigned char>(c) < 0x20 || kStopBytes.find(c) != std::string_view::npos ||
           s.substr(i, 3) == "://" ||
           (i + 3 < s.size() && is_w(c) && is_w(s[i + 1]) && is_w(s[i + 2]) && s[i + 3] == '.');
}

#if defined(__x86_64__) && defined(__GNUC__)
// The sixteen-byte scan below, thirty-two places at a time on processors with AVX2 (it reads
// every line of a source): the first stop from `i` on, else npos with `i` moved on to
// where fewer than thirty-five bytes are left.
__attribute__((target("avx2"))) std::size_t next_stop_avx2(std::string_view s, std::size_t& i) {
    // The stop bytes classified by their two nibbles, one table lookup each: a byte stops
    // when the classes of its high and of its low nibble meet. Classes: 1 below 0x20; 2
    // ! & *; 4 <; 8 @ `; 16 [ \ ] ^ _; 32 | ~. (A byte from 0x80 has a high nibble of no class.)
    const __m256i by_high = _mm256_setr_epi8(1, 1, 2, 4, 8, 16, 8, 32, 0, 0, 0, 0, 0, 0, 0, 0,  //
                                             1, 1, 2, 4, 8, 16, 8, 32, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m256i by_low = _mm256_setr_epi8(
        1 | 8, 1 | 2, 1, 1, 1, 1, 1 | 2, 1, 1, 1, 1 | 2, 1 | 16, 1 | 4 | 16 | 32, 1 | 16, 1 | 16 | 32, 1 | 16,  //
        1 | 8, 1 | 2, 1, 1, 1, 1, 1 | 2, 1, 1, 1, 1 | 2, 1 | 16, 1 | 4 | 16 | 32, 1 | 16, 1 | 16 | 32, 1 | 16);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const char* const text = s.data();
    for (; i + 35 <= s.size(); i += 32) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + i));
        const __m256i x1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + i + 1));
        const __m256i x2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + i + 2));
        const __m256i x3 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + i + 3));
        const __m256i high = _mm256_shuffle_epi8(by_high, _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble));
        const __m256i low = _mm256_shuffle_epi8(by_low, _mm256_and_si256(x, nibble));
        const __m256i plain = _mm256_cmpeq_epi8(_mm256_and_si256(high, low), _mm256_setzero_si256());
        const __m256i lower = _mm256_set1_epi8(0x20), w = _mm256_set1_epi8('w');
        const __m256i www = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(_mm256_or_si256(x, lower), w),
                                                              _mm256_cmpeq_epi8(_mm256_or_si256(x1, lower), w)),
                                             _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_or_si256(x2, lower), w),
                                                              _mm256_cmpeq_epi8(x3, _mm256_set1_epi8('.'))));
        const __m256i scheme = _mm256_and_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(':')),
                                                _mm256_and_si256(_mm256_cmpeq_epi8(x1, _mm256_set1_epi8('/')),
                                                                 _mm256_cmpeq_epi8(x2, _mm256_set1_epi8('/'))));
        const auto stops = ~static_cast<std::uint32_t>(_mm256_movemask_epi8(plain)) |
                           static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(www, scheme)));
        if (stops) return i + static_cast<std::size_t>(std::countr_zero(stops));
    }
    return std::string_view::npos;
}
#endif

// The first stop of `s` from `i` on, or s.size().
std::size_t next_stop(std::string_view s, std::size_t i) {
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2)
        if (const std::size_t stop = next_stop_avx2(s, i); stop != std::string_view::npos) return stop;
#endif
#if defined(__SSE2__)
    // sixteen places at a time, with the three bytes after them for "://" and "www."
    auto load = [&](std::size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at)); };
    auto equal = [](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
    auto at_most = [](__m128i x, char c) { return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(c)), x); };
    for (; i + 19 <= s.size(); i += 16) {
        const __m128i x = load(i), x1 = load(i + 1), x2 = load(i + 2), x3 = load(i + 3);
        const __m128i brackets = at_most(_mm_sub_epi8(x, _mm_set1_epi8('[')), '`' - '[');  // [ \ ] ^ _ `
        __m128i stops = _mm_or_si128(at_most(x, 0x1F), brackets);
        for (char c : {'!', '&', '*', '<', '|', '~', '@'}) stops = _mm_or_si128(stops, equal(x, c));
        const __m128i lower_w = _mm_set1_epi8(0x20);
        const __m128i www =
            _mm_and_si128(_mm_and_si128(equal(_mm_or_si128(x, lower_w), 'w'), equal(_mm_or_si128(x1, lower_w), 'w')),
                          _mm_and_si128(equal(_mm_or_si128(x2, lower_w), 'w'), equal(x3, '.')));
        const __m128i scheme = _mm_and_si128(equal(x, ':'), _mm_and_si128(equal(x1, '/'), equal(x2, '/')));
        stops = _mm_or_si128(stops, _mm_or_si128(www, scheme));
        if (const int mask = _mm_movemask_epi8(stops))
            return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
    }
#endif
    while (i < s.size() && !is_stop(s, i)) ++i;
    return i;
}

// Whether the line that `text` starts with opens an ordered list item ("1. ", "2)").
bool opens_ordered_list(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && is_digit(text[digits])) ++digits;
    if (digits == 0 || digits >= text.size() || (text[digits] != '.' && text[digits] != ')')) return false;
    const std::size_t after = digits + 1;
    return after == text.size() || text[after] == ' ' || text[after] == '\t' || text[after] == '\n';
}

// The end of the line that starts at `at` (its '\n', or the end of the text) when it is a
// line of a plain paragraph, else npos.
std::size_t plain_line_end(std::string_view text, std::size_t at) {
    const char first = text[at];
    const bool starts_plain = is_alpha(first) || first == '(' || static_cast<unsigned char>(first) >= 0x80 ||
                              (is_digit(first) && !opens_ordered_list(text.substr(at)));
    if (!starts_plain) return std::string_view::npos;
    const std::size_t stop = next_stop(text, at);
    if (stop < text.size() && text[stop] != '\n') return std::string_view::npos;
    return text[stop - 1] == ' ' ? std::string_view::npos : stop;
}

// The level of the plain heading that is the line at `at`, else 0.
int plain_heading_level(std::string_view text, std::size_t at) {
    std::size_t hashes = 0;
    while (at + hashes < text.size() && text[at + hashes] == '#') ++hashes;
    const std::size_t words = at + hashes + 1;
    if (hashes == 0 || hashes > 6 || words >= text.size() || text[words - 1] != ' ') return 0;
    const std::size_t end = next_stop(text, words);
    if (end < text.size() && text[end] != '\n') return 0;
    const char first = text[words], last = text[end - 1];
    return end > words && first != ' ' && last != ' ' && last != '#' ? static_cast<int>(hashes) : 0;
}

bool blank_line(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// The end of the line at `at` (its '\n', or the end of the text) when it is blank, else
// npos: a line of words is told by its first character, not searched to its end.
std::size_t blank_line_end(std::string_view text, std::size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    return at == text.size() || text[at] == '\n' ? at : std::string_view::npos;
}

// The end of the line that starts at `at` when it is an item of a plain bullet list ("- "
// and the words of a plain paragraph's line), else npos.
std::size_t plain_item_end(std::string_view text, std::size_t at) {
    if (at + 2 >= text.size() || text[at] != '-' || text[at + 1] != ' ') return std::string_view::npos;
    return plain_line_end(text, at + 2);
}

// The plain blocks of the body (which starts at line `first_line`), in order.
std::vector<PlainBlock> find_plain_blocks(std::string_view body, std::uint32_t first_line) {
    std::vector<PlainBlock> out;
    auto line_end = [&](std::size_t at) { return std::min(body.find('\n', at), body.size()); };
    std::uint32_t line = first_line;
    std::size_t at = 0;
    bool after_plain = false;        // the run of lines before the blank lines at `at` was a plain block
    bool may_continue_list = false;  // that run was a list or might end inside one (not plain)
    while (at < body.size()) {
        // a run of lines between blank lines (or the ends of the body)
        const std::size_t begin = at;
        const std::uint32_t begin_line = line;
        const int heading_level = plain_heading_level(body, at);
        // a list after a plain paragraph or heading (or first in the body) is a list of its own
        const bool bullets =
            heading_level == 0 && !may_continue_list && plain_item_end(body, at) != std::string_view::npos;
        bool plain = true;
        if (heading_level > 0) {  // a heading alone between blank lines
            at = line_end(at) + 1;
            ++line;
            plain = at >= body.size() || blank_line_end(body, at) != std::string_view::npos;
        }
        for (; at < body.size(); ++line) {
            std::size_t end = !plain    ? std::string_view::npos
                              : bullets ? plain_item_end(body, at)
                                        : plain_line_end(body, at);
            if (end == std::string_view::npos) {
                end = line_end(at);
                if (blank_line(body.substr(at, end - at))) break;
                plain = false;
            }
            at = end + 1;
        }
        const std::size_t end = std::min(at, body.size());
        bool plain_block = plain && end > begin;
        if (plain_block)
            out.push_back({begin_line, line - begin_line, body.substr(begin, end - begin - (body[end - 1] == '\n')),
                           heading_level, bullets, after_plain});
        // the blank lines after it
        for (; at < body.size(); ++line) {
            const std::size_t nl = blank_line_end(body, at);
            if (nl == std::string_view::npos) break;
            at = nl + 1;
        }
        // what comes next may continue a list: an indented line, another item
        if (plain_block && bullets && at < body.size() &&
            (static_cast<unsigned char>(body[at]) <= ' ' || body[at] == '-')) {
            out.pop_back();
            plain_block = false;
        }
        after_plain = plain_block;
        may_continue_list = !plain_block || bullets;
    }
    return out;
}

// The body as cmark reads it: the first line of each run of plain blocks replaced by the
// stand-in, and the rest of the run left out, or (`keep_line_numbers`) left empty.
struct StandInBody {
    std::string markdown;
    // The source line of each of its lines, when the runs are left out; else none (cmark's
    // line numbers are the source's).
    std::vector<std::uint32_t> source_lines;
    std::uint32_t source_line(std::uint32_t line) const {
        return line == 0 || line > source_lines.size() ? line : source_lines[line - 1];
    }
};

StandInBody with_stand_ins(std::string_view body, std::uint32_t body_line, const std::vector<PlainBlock>& plains,
                           bool keep_line_numbers) {
    StandInBody out;
    out.markdown.reserve(keep_line_numbers ? body.size() : body.size() / 4);
    std::size_t copied = 0;
    std::uint32_t copied_line = body_line;  // the source line at `copied`
    auto copy = [&](std::size_t end, std::uint32_t lines) {
        out.markdown.append(body, copied, end - copied);
        if (!keep_line_numbers)
            for (std::uint32_t k = 0; k < lines; ++k) out.source_lines.push_back(copied_line + k);
    };
    for (const PlainBlock& p : plains) {
        const auto begin = static_cast<std::size_t>(p.text.data() - body.data());
        if (keep_line_numbers) {
            copy(begin, 0);
            if (!p.continues_run) out.markdown += kStandIn;
            out.markdown.append(p.lines - 1, '\n');
            copied = begin + p.text.size();
            continue;
        }
        if (!p.continues_run) {
            copy(begin, p.line - copied_line);
            out.markdown += kStandIn;
            out.markdown += '\n';
            out.source_lines.push_back(p.line);
        }
        copied = std::min(begin + p.text.size() + 1, body.size());
        copied_line = p.line + p.lines;
    }
    const std::string_view rest = body.substr(copied);
    copy(body.size(), static_cast<std::uint32_t>(std::count(rest.begin(), rest.end(), '\n')) + 1);
    return out;
}

// Whether cmark-gfm could make a table of some lines of `text`: a table's delimiter row
// holds a '|', or is a single column (":--", "---").
bool may_hold_table_rows(std::string_view text) {
    if (text.find('|') != std::string_view::npos) return true;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        std::string_view line = text.substr(at, end - at);
        line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (!line.empty() && line.front() == ':') line.remove_prefix(1);
        if (!line.empty() && line.back() == ':') line.remove_suffix(1);
        if (!line.empty() && line.find_first_not_of('-') == std::string_view::npos) return true;
        at = end + 1;
    }
    return false;
}

// The same for a body whose plain blocks are known: only the text between them is looked
// at, line by line, since no plain line holds a '|' or is made of dashes, and a table's
// lines are one run, never broken by a blank line.
bool may_hold_table(std::string_view body, const std::vector<PlainBlock>& plains) {
    std::size_t from = 0;
    for (const PlainBlock& p : plains) {
        const auto begin = static_cast<std::size_t>(p.text.data() - body.data());
        if (may_hold_table_rows(body.substr(from, begin - from))) return true;
        from = begin + p.text.size();
    }
    return may_hold_table_rows(body.substr(from));
}

// True when each stand-in came back as a top-level paragraph of its own, where its run of
// plain blocks starts: else a fenced code or HTML block took it in, and the body is
// read whole.
bool stand_ins_kept(cmark_node* doc, const StandInBody& body, const std::vector<PlainBlock>& plains) {
    std::vector<std::uint32_t> runs;
    for (const PlainBlock& p : plains)
        if (!p.continues_run) runs.push_back(p.line);
    std::size_t k = 0;
    for (cmark_node* n = cmark_node_first_child(doc); n && k < runs.size(); n = cmark_node_next(n)) {
        const std::uint32_t line = body.source_line(static_cast<std::uint32_t>(cmark_node_get_start_line(n)));
        if (line > runs[k]) return false;
        if (line == runs[k]) {
            if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH || cmark_node_get_start_column(n) != 1 ||
                cmark_node_get_end_line(n) != cmark_node_get_start_line(n))
                return false;
            ++k;
        }
    }
    return k == runs.size();
}

// ------------------------------------------------------------------ the reader

// cmark's parser, nodes and strings for one source come from a few large blocks that are
// let go together once the model is built: a source makes hundreds of thousands of small
// allocations, and freeing the tree node by node cost as much as a tenth of reading it.
// cmark's allocator hooks take no context, so the arena in use is the thread's own.
class CmarkArena {
public:
    CmarkArena() : previous_(current_) { current_ = this; }
    ~CmarkArena() {
        current_ = previous_;
        for (char* b : blocks_) std::free(b);
    }
    CmarkArena(const CmarkArena&) = delete;
    CmarkArena& operator=(const CmarkArena&) = delete;

    cmark_mem* mem() { return &mem_; }

private:
    // Each allocation is preceded by its size, so that realloc knows how much to copy.
    static constexpr std::size_t kHeader = 16;
    // Under malloc's mmap threshold (128 KiB): blocks come from the heap, and the next source
    // read reuses them when this one lets them go; 1 MiB blocks were mapped and unmapped
    // each time, and every page of them faulted in again (a fifth of a diff's page faults).
    static constexpr std::size_t kBlock = std::size_t(1) << 16;

    static std::size_t rounded(std::size_t n) { return (n + 15) & ~std::size_t(15); }
    static std::size_t& size_of(void* p) { return *reinterpret_cast<std::size_t*>(static_cast<char*>(p) - kHeader); }
    // What cmark's own allocator does when the system has no memory left.
    [[noreturn]] static void out_of_memory() {
        std::fputs("[cmark] out of memory, aborting\n", stderr);
        std::abort();
    }

    void* allocate(std::size_t n) {
        if (n > SIZE_MAX / 2) out_of_memory();
        const std::size_t need = kHeader + rounded(n);
        if (need > static_cast<std::size_t>(end_ - top_)) {
            const std::size_t size = std::max(kBlock, need);
            char* b = static_cast<char*>(std::malloc(size));
            if (!b) out_of_memory();
            blocks_.push_back(b);
            top_ = b;
            end_ = b + size;
        }
        char* p = top_ + kHeader;
        top_ += need;
        last_ = p;
        size_of(p) = n;
        return p;
    }
    void* reallocate(void* old, std::size_t n) {
        if (!old) return allocate(n);
        const std::size_t had = size_of(old);
        // the newest allocation grows (or shrinks) where it is while its block has room
        if (old == last_ && static_cast<std::size_t>(end_ - static_cast<char*>(old)) >= rounded(n)) {
            top_ = static_cast<char*>(old) + rounded(n);
            size_of(old) = n;
            return old;
        }
        void* p = allocate(n);
        std::memcpy(p, old, std::min(had, n));
        return p;
    }
    void release(void* p) {
        if (p && p == last_) {  // the newest allocation is taken back; any other waits for the end
            top_ = static_cast<char*>(p) - kHeader;
            last_ = nullptr;
        }
    }

    static void* c_calloc(std::size_t count, std::size_t size) {
        if (size && count > SIZE_MAX / size) out_of_memory();
        void* p = current_->allocate(count * size);
        std::memset(p, 0, count * size);
        return p;
    }
    static void* c_realloc(void* p, std::size_t n) { return current_->reallocate(p, n); }
    static void c_free(void* p) { current_->release(p); }

    static thread_local CmarkArena* current_;
    CmarkArena* previous_;
    cmark_mem mem_{c_calloc, c_realloc, c_free};
    std::vector<char*> blocks_;
    char* top_ = nullptr;
    char* end_ = nullptr;
    void* last_ = nullptr;
};

thread_local CmarkArena* CmarkArena::current_ = nullptr;

// Every id written so far and where: an open-addressed table of places in one buffer of
// the ids' characters. A map of strings (even from an arena) cost a node and a copy of
// every id, and more than the rest of noting it.
class IdsSeen {
public:
    // Room for `ids` without growing.
    void reserve(std::size_t ids) {
        if (2 * ids > slots_.size()) grow(std::bit_ceil(2 * ids));
    }
    // Where `id` (not empty) was written before, else nullptr: then it is noted at `at`.
    const SourcePos* noted_before(std::string_view id, SourcePos at) {
        if (2 * (used_ + 1) > slots_.size()) grow(std::max<std::size_t>(16, 2 * slots_.size()));
        const std::size_t hash = model::hash_text(id);
        Slot* slot = find(hash, id);
        if (slot->length) return &slot->pos;
        *slot = {static_cast<std::uint32_t>(hash), static_cast<std::uint32_t>(chars_.size()),
                 static_cast<std::uint32_t>(id.size()), at};
        chars_.append(id);
        ++used_;
        return nullptr;
    }

private:
    struct Slot {
        std::uint32_t hash = 0;    // its low bits
        std::uint32_t begin = 0;   // in chars_ (a source is at most kMaxSourceBytes)
        std::uint32_t length = 0;  // 0: empty
        SourcePos pos;
    };
    // The slot holding `id`, else the empty slot where it goes.
    Slot* find(std::size_t hash, std::string_view id) {
        for (std::size_t k = hash & (slots_.size() - 1);; k = (k + 1) & (slots_.size() - 1)) {
            Slot& slot = slots_[k];
            if (!slot.length || (slot.hash == static_cast<std::uint32_t>(hash) &&
                                 std::string_view(chars_).substr(slot.begin, slot.length) == id))
                return &slot;
        }
    }
    void grow(std::size_t size) {
        std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(size));
        for (const Slot& slot : old)
            if (slot.length) *find(slot.hash, std::string_view(chars_).substr(slot.begin, slot.length)) = slot;
    }
    std::vector<Slot> slots_;
    std::string chars_;
    std::size_t used_ = 0;
};

class Reader {
public:
    // `body`: what cmark read, when plain blocks were left to the reader.
    Reader(std::string_view text, const std::vector<PlainBlock>& plains, const StandInBody& body,
           const std::string& path, Diagnostics& diags)
        : text_(text), lines_(text), plains_(plains), body_(body), path_(path), diags_(diags) {}

    void read_body(cmark_node* doc, Protocol& p);

private:
    SourcePos pos_of(cmark_node* n) const {
        int l = cmark_node_get_start_line(n), c = cmark_node_get_start_column(n);
        return {body_.source_line(static_cast<std::uint32_t>(l > 0 ? l : 0)),
                static_cast<std::uint32_t>(c > 0 ? c : 0)};
    }

    Inlines read_inlines(cmark_node* parent);
    void read_inline(cmark_node* n, Inlines& out);
    // Appends a text node's literal as text inlines that each start at their exact column.
    void append_text(std::string_view literal, SourcePos reported, Inlines& out);
    Block read_block(cmark_node* n);
    // A block of the body into `b`, a new block where it belongs (made in place: moving
    // blocks in cost 2M instructions of a json,csv redline): a plain paragraph's words
    // from the source, any other block from cmark.
    void read_top_block(cmark_node* n, const PlainBlock* plain, Block& b);
    // A heading's words: a plain heading's from the source, any other's from cmark.
    Inlines read_heading(cmark_node* n, const PlainBlock* plain);
    // A block of the body (node `n`, or the plain block `plain` when there is one) into the
    // section or clause it belongs to.
    void read_top(cmark_node* n, const PlainBlock* plain, Protocol& p);
    Block read_list(cmark_node* n);
    // A plain bullet list, item by item from the source.
    Block read_plain_list(const PlainBlock& plain);
    // Takes a sub-item's label ("(a)", "iv.") and id off the front of its first paragraph,
    // which starts at `at`.
    void take_label(ListItem& item, SourcePos at);
    // How the items of a list read are labelled: a list is labelled only when every item
    // carries a label, and a stray label goes back into its item's words.
    static void settle_labels(Block& list, bool ordered);
    Block read_table(cmark_node* n);
    std::vector<Block> read_children(cmark_node* parent);

    // A node's blocks until the next heading, a list's items each: the clauses its section
    // may hold, were it a heading.
    static std::size_t blocks_in(cmark_node* n, const PlainBlock* plain);
    void start_section(SourcePos pos, int level, Inlines heading, Protocol& p);
    // A new clause, last of the current section and the open one, filled in place by the
    // caller (moving a whole clause in cost more than reading its words); its id is noted
    // once known.
    Clause& start_clause();
    Section& current_section(Protocol& p, SourcePos at);

    // Removes `count` bytes from the front of the inline content (the number/label/id
    // already taken from the raw line), and leading spaces after them.
    static void strip_prefix(Inlines& inlines, std::size_t count);
    // Takes a trailing "{#id .class}" off heading inlines.
    AttrBlock strip_trailing_attrs(Inlines& inlines, SourcePos at);

    void note_id(const std::string& id, SourcePos pos, bool given);
    // True (with one error per file) when the children of `n` are nested too deep to read.
    bool too_deep(cmark_node* n);

    std::string_view text_;
    Lines lines_;
    const std::vector<PlainBlock>& plains_;
    const StandInBody& body_;
    const std::string& path_;
    Diagnostics& diags_;
    Clause* clause_ = nullptr;    // the open clause, if any
    Section* section_ = nullptr;  // the open section, if any
    IdsSeen given_ids_;
    int depth_ = 0;
    bool reported_depth_ = false;
    std::vector<TextPiece> pieces_;  // append_text's, kept for the next text node
    // For each heading in order, the blocks up to the next one: a section's clauses are made
    // in room reserved once, not moved (some 300 bytes each) every time their vector grows.
    std::vector<std::size_t> blocks_after_heading_;
    std::size_t headings_read_ = 0;
};

bool Reader::too_deep(cmark_node* n) {
    if (depth_ <= kMaxNesting) return false;  // exactly 100 levels are allowed
    if (!reported_depth_)
        diags_.error(path_, pos_of(n),
                     "lists, quotes or emphasis nested more than " + std::to_string(kMaxNesting) +
                         " levels deep; the deeper levels are not read");
    reported_depth_ = true;
    return true;
}

void Reader::strip_prefix(Inlines& inlines, std::size_t count) {
    std::size_t left = count;
    while (!inlines.empty()) {
        Inline& first = inlines.front();
        if (first.kind != InlineKind::text) break;
        if (left >= first.text.size()) {
            left -= first.text.size();
            inlines.erase(inlines.begin());
            continue;
        }
        // the prefix and the spaces after it erased at once (the words moved once)
        const std::size_t sp = std::string_view(first.text).find_first_not_of(" \t", left);
        left = 0;
        if (sp == std::string::npos) {
            inlines.erase(inlines.begin());
            continue;
        }
        first.text.erase(0, sp);
        first.pos.column += static_cast<std::uint32_t>(sp);
        break;
    }
    // An id or number alone on the first line leaves a break at the front.
    while (!inlines.empty() &&
           (inlines.front().kind == InlineKind::soft_break || inlines.front().kind == InlineKind::line_break))
        inlines.erase(inlines.begin());
}

AttrBlock Reader::strip_trailing_attrs(Inlines& inlines, SourcePos at) {
    AttrBlock attrs;
    if (inlines.empty() || inlines.back().kind != InlineKind::text) return attrs;
    std::string& t = inlines.back().text;
    std::size_t end = t.find_last_not_of(" \t");
    if (end == std::string::npos || t[end] != '}') return attrs;
    std::size_t open = t.rfind('{', end);
    if (open == std::string::npos) return attrs;
    if (parse_attr_block(std::string_view(t).substr(open, end - open + 1), attrs) == 0) return AttrBlock{};
    if (attrs.malformed)
        diags_.error(path_, at,
                     "malformed attribute block '" + t.substr(open, end - open + 1) +
                         "': ids start with a letter and use letters, digits, '-' and '_'");
    t.erase(open);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
    if (t.empty()) inlines.pop_back();
    return attrs;
}

void Reader::note_id(const std::string& id, SourcePos pos, bool given) {
    if (!given || id.empty()) return;
    if (const SourcePos* first = given_ids_.noted_before(id, pos))
        diags_.error(path_, pos, "id '" + id + "' is used twice (first at line " + std::to_string(first->line) + ")");
}

void Reader::read_inline(cmark_node* n, Inlines& out) {
    Inline in;
    in.pos = pos_of(n);
    const char* literal = cmark_node_get_literal(n);
    switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
            // Raw HTML is shown as the literal text it is, never passed through.
            append_text(literal ? literal : "", in.pos, out);
            return;
        case CMARK_NODE_CODE:
            in.kind = InlineKind::code;
            in.text = literal ? literal : "";
            break;
        case CMARK_NODE_SOFTBREAK: in.kind = InlineKind::soft_break; break;
        case CMARK_NODE_LINEBREAK: in.kind = InlineKind::line_break; break;
        case CMARK_NODE_EMPH:
            in.kind = InlineKind::emphasis;
            in.children = read_inlines(n);
            break;
        case CMARK_NODE_STRONG:
            in.kind = InlineKind::strong;
            in.children = read_inlines(n);
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
            const char* url = cmark_node_get_url(n);
            std::string target = url ? url : "";
            Inlines kids = read_inlines(n);
            if (cmark_node_get_type(n) == CMARK_NODE_LINK && safe_url(target)) {
                in.kind = InlineKind::link;
                in.target = target;
                in.children = std::move(kids);
            } else {
                if (!target.empty() && cmark_node_get_type(n) == CMARK_NODE_LINK) {
                    std::string scheme = target.substr(0, target.find(':') + 1);
                    diags_.warning(path_, in.pos, "link scheme '" + scheme + "' is not allowed; shown as text");
                }
                for (auto& k : kids) out.push_back(std::move(k));
                return;
            }
            break;
        }
        default: {
            std::string type = cmark_node_get_type_string(n);
            if (type == "strikethrough") {
                in.kind = InlineKind::strike;
                in.children = read_inlines(n);
            } else {
                // Anything else (footnote refs etc.): keep the words.
                for (auto& k : read_inlines(n)) out.push_back(std::move(k));
                return;
            }
        }
    }
    out.push_back(std::move(in));
}

void Reader::append_text(std::string_view literal, SourcePos reported, Inlines& out) {
    // cmark-gfm decodes "&#xFFFE;" and "&#xFFFF;" to the single bytes 0xFE and 0xFF (its
    // encoder's quirk); spelt as the characters they are, the text rule names them.
    std::string decoded;
    // (memchr looks at many bytes at a time; find_first_of would look each up in the set)
    if (std::memchr(literal.data(), 0xFE, literal.size()) || std::memchr(literal.data(), 0xFF, literal.size())) {
        for (char c : literal) {
            if (c == '\xFE' || c == '\xFF')
                decoded += c == '\xFE' ? "\xEF\xBF\xBE" : "\xEF\xBF\xBF";
            else
                decoded += c;
        }
        literal = decoded;
    }
    std::vector<TextPiece>& pieces = pieces_;
    pieces.clear();
    if (reported.known() && !literal.empty()) {
        // On a continuation line cmark reports the column of the paragraph's first line,
        // not counting the indentation it stripped (or, on a lazy line, that it never had).
        const std::string_view line = lines_.from(reported.line, 1);
        // cmark-gfm reports column 0 for some text in malformed tables: the line's start.
        std::uint32_t column =
            std::clamp<std::uint32_t>(reported.column, 1, static_cast<std::uint32_t>(line.size() + 1));
        while (column <= line.size() && (line[column - 1] == ' ' || line[column - 1] == '\t')) ++column;
        if (!align_text(literal, line.substr(column - 1), column, pieces) && pieces.size() == 1) {
            const std::size_t indent = line.find_first_not_of(" \t>");
            if (indent != std::string_view::npos && indent + 1 != column) {
                pieces.clear();
                align_text(literal, line.substr(indent), static_cast<std::uint32_t>(indent + 1), pieces);
            }
        }
    } else {
        pieces.push_back({0, reported.column});
    }
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const std::size_t end = k + 1 < pieces.size() ? pieces[k + 1].literal_begin : literal.size();
        if (end == pieces[k].literal_begin) continue;
        const std::string_view words = literal.substr(pieces[k].literal_begin, end - pieces[k].literal_begin);
        const SourcePos pos{reported.line, pieces[k].column};
        // cmark splits text at special characters: join what continues the text before
        const Inline* before = out.empty() ? nullptr : &out.back();
        const bool continues =
            before && before->kind == InlineKind::text &&
            (!pos.known() || (before->pos.line == pos.line && before->pos.column + before->text.size() == pos.column));
        if (continues) {
            out.back().text += words;
            continue;
        }
        Inline t;
        t.kind = InlineKind::text;
        t.text = std::string(words);
        t.pos = pos;
        out.push_back(std::move(t));
    }
}

Inlines Reader::read_inlines(cmark_node* parent) {
    Inlines out;
    if (too_deep(parent)) return out;
    std::size_t children = 0;  // one inline each, mostly: sized once, not grown
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) ++children;
    out.reserve(children);
    ++depth_;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) read_inline(c, out);
    --depth_;
    return out;
}

std::vector<Block> Reader::read_children(cmark_node* parent) {
    std::vector<Block> out;
    if (too_deep(parent)) return out;
    ++depth_;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) == CMARK_NODE_THEMATIC_BREAK) continue;
        out.push_back(read_block(c));
    }
    --depth_;
    return out;
}

Block Reader::read_list(cmark_node* n) {
    Block b;
    b.kind = BlockKind::list;
    b.pos = pos_of(n);
    bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
        ListItem li;
        li.pos = pos_of(item);
        li.blocks = read_children(item);
        cmark_node* first = cmark_node_first_child(item);
        if (ordered) {
            // the number exactly as written ("3." or "3)")
            std::string_view raw = lines_.from(li.pos.line, li.pos.column);
            std::size_t k = 0;
            while (k < raw.size() && is_digit(raw[k])) ++k;
            if (k < raw.size()) ++k;
            li.label = std::string(raw.substr(0, k));
        } else if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH && !li.blocks.empty()) {
            take_label(li, pos_of(first));
        }
        b.items.push_back(std::move(li));
    }
    settle_labels(b, ordered);
    return b;
}

Block Reader::read_plain_list(const PlainBlock& plain) {
    // As cmark gives it: an item a line, each a paragraph of one text node after the "- "
    Block b;
    b.kind = BlockKind::list;
    b.pos = {plain.line, 1};
    b.items.reserve(plain.lines);
    for (std::uint32_t line = plain.line; line < plain.line + plain.lines; ++line) {
        ListItem& item = b.items.emplace_back();
        item.pos = {line, 1};
        Block& paragraph = item.blocks.emplace_back();
        paragraph.pos = {line, 3};
        Inline& words = paragraph.inlines.emplace_back();
        words.text = std::string(lines_.from(line, 3));  // (the source's lines, found once)
        words.pos = paragraph.pos;
        take_label(item, paragraph.pos);
    }
    settle_labels(b, false);
    return b;
}

void Reader::take_label(ListItem& item, SourcePos at) {
    std::string_view raw = lines_.from(at.line, at.column);
    std::string label;
    std::size_t used = match_label(raw, label);
    if (!used) return;
    AttrBlock attrs;
    std::size_t attr_len = parse_attr_block(raw.substr(used), attrs);
    if (attrs.malformed)
        diags_.error(path_, at, "malformed id in sub-item '" + std::string(raw.substr(used, attr_len)) + "'");
    if (attr_len) {
        item.id = std::move(attrs.id);
        note_id(item.id, at, true);
        used += attr_len;
    }
    item.label = std::move(label);
    strip_prefix(item.blocks.front().inlines, used);
}

void Reader::settle_labels(Block& list, bool ordered) {
    if (ordered) {
        list.list_style = ListStyle::ordered;
        return;
    }
    const bool all = !list.items.empty() && std::none_of(list.items.begin(), list.items.end(),
                                                         [](const ListItem& item) { return item.label.empty(); });
    if (all) {
        std::vector<std::string> labels;
        labels.reserve(list.items.size());
        for (const auto& item : list.items) labels.push_back(item.label);
        list.list_style = style_of(labels);
        return;
    }
    list.list_style = ListStyle::bullet;
    for (auto& item : list.items) {
        if (item.label.empty()) continue;
        // put a stray label back into the words
        Inline t;
        t.kind = InlineKind::text;
        t.text = item.label + " ";
        if (!item.blocks.empty()) item.blocks.front().inlines.insert(item.blocks.front().inlines.begin(), t);
        item.label.clear();
    }
}

Block Reader::read_table(cmark_node* n) {
    Block b;
    b.kind = BlockKind::table;
    b.pos = pos_of(n);
    int columns = cmark_gfm_extensions_get_table_columns(n);
    uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    for (int i = 0; i < columns && align; ++i) {
        switch (align[i]) {
            case 'l': b.align.push_back(Align::left); break;
            case 'c': b.align.push_back(Align::center); break;
            case 'r': b.align.push_back(Align::right); break;
            default: b.align.push_back(Align::none); break;
        }
    }
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
        TableRow r;
        r.header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
            r.cells.push_back(TableCell{read_inlines(cell)});
        b.rows.push_back(std::move(r));
    }
    return b;
}

Block Reader::read_block(cmark_node* n) {
    Block b;
    b.pos = pos_of(n);
    switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
            b.kind = BlockKind::paragraph;
            b.inlines = read_inlines(n);
            return b;
        case CMARK_NODE_LIST: return read_list(n);
        case CMARK_NODE_BLOCK_QUOTE:
            b.kind = BlockKind::quote;
            b.children = read_children(n);
            return b;
        case CMARK_NODE_HEADING: {
            // a heading nested in a list or quote: keep its words as a strong paragraph
            Inline s;
            s.kind = InlineKind::strong;
            s.children = read_inlines(n);
            s.pos = b.pos;
            b.inlines.push_back(std::move(s));
            return b;
        }
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK: {
            // Literal text: raw HTML is shown, never passed through.
            const char* lit = cmark_node_get_literal(n);
            std::string text = lit ? lit : "";
            while (!text.empty() && text.back() == '\n') text.pop_back();
            std::size_t start = 0;
            for (;;) {
                std::size_t nl = text.find('\n', start);
                Inline t;
                t.kind = InlineKind::text;
                t.text = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
                t.pos = {b.pos.line + static_cast<std::uint32_t>(b.inlines.size() / 2), b.pos.column};
                b.inlines.push_back(std::move(t));
                if (nl == std::string::npos) break;
                Inline br;
                br.kind = InlineKind::line_break;
                b.inlines.push_back(br);
                start = nl + 1;
            }
            return b;
        }
        default:
            if (std::string(cmark_node_get_type_string(n)) == "table") return read_table(n);
            b.inlines = read_inlines(n);
            return b;
    }
}

void Reader::read_top_block(cmark_node* n, const PlainBlock* plain, Block& b) {
    if (!plain) {
        b = read_block(n);
        return;
    }
    if (plain->bullets) {
        b = read_plain_list(*plain);
        return;
    }
    // As cmark gives it: a text node per line (the source's lines, found once), a soft break
    // (with no position) between two.
    b.pos = {plain->line, 1};
    b.inlines.reserve(2 * std::size_t{plain->lines} - 1);
    for (std::uint32_t line = plain->line; line < plain->line + plain->lines; ++line) {
        if (line > plain->line) b.inlines.emplace_back().kind = InlineKind::soft_break;
        Inline& words = b.inlines.emplace_back();
        // made a string, then moved in: a view assigned to a string costs 38 more instructions
        words.text = std::string(lines_.from(line, 1));
        words.pos = {line, 1};
    }
}

Inlines Reader::read_heading(cmark_node* n, const PlainBlock* plain) {
    if (!plain) return read_inlines(n);
    // As cmark gives it: one text node, the words after the '#'s and a space
    Inlines words(1);
    const auto begin = static_cast<std::size_t>(plain->heading_level) + 1;
    words[0].text = std::string(plain->text.substr(begin));
    words[0].pos = {plain->line, static_cast<std::uint32_t>(begin + 1)};
    return words;
}

Section& Reader::current_section(Protocol& p, SourcePos at) {
    if (!section_) {
        diags_.warning(path_, at, "text before the first section heading ('## ...'); it is kept as a preamble");
        Section s;
        s.kind = SectionKind::preamble;
        s.id = "preamble";
        s.pos = at;
        p.sections.push_back(std::move(s));
        section_ = &p.sections.back();
    }
    return *section_;
}

void Reader::start_section(SourcePos pos, int level, Inlines heading, Protocol& p) {
    Section s;
    s.pos = pos;
    s.level = level;
    s.heading = std::move(heading);
    AttrBlock attrs = strip_trailing_attrs(s.heading, s.pos);
    for (const auto& c : attrs.classes) {
        if (c == "preamble")
            s.kind = SectionKind::preamble;
        else
            diags_.warning(path_, s.pos, "unknown class '." + c + "' on heading (known: .preamble)");
    }
    if (!s.heading.empty() && s.heading.front().kind == InlineKind::text) {
        std::string_view first = s.heading.front().text;
        std::vector<int> parts;
        std::string_view num;
        if (std::size_t used = match_number(first, true, parts, num)) {
            // "## 2.0 ROLES" heads section 2 (the ".0" some councils print on a section's number)
            if (parts.size() == 2 && parts[1] == 0) parts.pop_back();
            s.number.text = std::string(num);
            s.number.parts = parts;
            strip_prefix(s.heading, used);
        }
    }
    s.id_given = !attrs.id.empty();
    s.id = std::move(attrs.id);
    note_id(s.id, s.pos, s.id_given);
    s.clauses.reserve(blocks_after_heading_[headings_read_ - 1]);
    if (s.level > 2 && section_ && section_->kind == SectionKind::preamble) s.kind = SectionKind::preamble;
    p.sections.push_back(std::move(s));
    section_ = &p.sections.back();
    clause_ = nullptr;
}

Clause& Reader::start_clause() {
    clause_ = &section_->clauses.emplace_back();
    return *clause_;
}

void Reader::read_body(cmark_node* doc, Protocol& p) {
    // Sections are appended while we hold pointers into the vector: reserve enough.
    std::size_t headings = 1, blocks = 0;
    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING) ++headings;
        ++blocks;
    }
    for (const PlainBlock& plain : plains_) headings += plain.heading_level > 0;
    p.sections.reserve(headings + 1);
    given_ids_.reserve(blocks + plains_.size());  // about one id per block at most, in most sources
    blocks_after_heading_.reserve(headings);

    // Every top-level block in order, each a node of cmark's or a plain block of a stand-in's run.
    auto each_block = [&](auto&& visit) {
        std::size_t next_plain = 0;
        for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
            if (next_plain == plains_.size() || plains_[next_plain].line != pos_of(n).line) {
                visit(n, nullptr);
                continue;
            }
            do visit(n, &plains_[next_plain++]);
            while (next_plain < plains_.size() && plains_[next_plain].continues_run);
        }
    };
    each_block([&](cmark_node* n, const PlainBlock* plain) {
        if (plain ? plain->heading_level > 0 : cmark_node_get_type(n) == CMARK_NODE_HEADING)
            blocks_after_heading_.push_back(0);
        else if (!blocks_after_heading_.empty())
            blocks_after_heading_.back() += blocks_in(n, plain);
    });
    each_block([&](cmark_node* n, const PlainBlock* plain) { read_top(n, plain, p); });
}

std::size_t Reader::blocks_in(cmark_node* n, const PlainBlock* plain) {
    if (plain) return plain->bullets ? plain->lines : 1;
    if (cmark_node_get_type(n) != CMARK_NODE_LIST) return 1;
    std::size_t items = 0;
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) ++items;
    return items;
}

void Reader::read_top(cmark_node* n, const PlainBlock* plain, Protocol& p) {
    const SourcePos pos = plain ? SourcePos{plain->line, 1} : pos_of(n);
    const cmark_node_type type = !plain                     ? cmark_node_get_type(n)
                                 : plain->heading_level > 0 ? CMARK_NODE_HEADING
                                 : plain->bullets           ? CMARK_NODE_LIST
                                                            : CMARK_NODE_PARAGRAPH;
    const bool in_preamble = section_ && section_->kind == SectionKind::preamble;

    if (type == CMARK_NODE_HEADING) {
        ++headings_read_;
        const int level = plain ? plain->heading_level : cmark_node_get_heading_level(n);
        if (level == 1) {
            diags_.warning(path_, pos, "level-1 heading: the title comes from the front matter; use '##' for sections");
        }
        // "### 24.1 Status of this code": a clause with a title
        std::string_view raw = lines_.from(pos.line, pos.column);
        std::size_t hashes = raw.find_first_not_of('#');
        std::string_view after = hashes == std::string_view::npos ? std::string_view{} : raw.substr(hashes);
        std::size_t lead = after.find_first_not_of(" \t");
        std::vector<int> parts;
        std::string_view num;
        if (level >= 3 && section_ && !in_preamble && lead != std::string_view::npos &&
            match_number(after.substr(lead), false, parts, num)) {
            Clause& c = start_clause();
            c.pos = pos;
            c.number_pos = {pos.line, static_cast<std::uint32_t>(pos.column + hashes + lead)};
            c.number.text = std::string(num);
            c.number.parts = std::move(parts);
            c.heading = read_heading(n, plain);
            AttrBlock attrs = strip_trailing_attrs(c.heading, pos);
            std::vector<int> again;
            std::string_view num2;
            if (!c.heading.empty() && c.heading.front().kind == InlineKind::text)
                strip_prefix(c.heading, match_number(c.heading.front().text, false, again, num2));
            c.id_given = !attrs.id.empty();
            c.id = std::move(attrs.id);
            note_id(c.id, c.pos, c.id_given);
            return;
        }
        start_section(pos, level, read_heading(n, plain), p);
        return;
    }

    if (type == CMARK_NODE_THEMATIC_BREAK) return;

    if (type == CMARK_NODE_PARAGRAPH && section_ && !in_preamble) {
        std::string_view raw = lines_.from(pos.line, pos.column);
        std::vector<int> parts;
        std::string_view num;
        if (std::size_t used = match_number(raw, false, parts, num)) {
            Clause& c = start_clause();
            c.pos = pos;
            c.number_pos = pos;
            c.number.text = std::string(num);
            c.number.parts = std::move(parts);
            AttrBlock attrs;
            std::size_t attr_len = parse_attr_block(raw.substr(used), attrs);
            if (attrs.malformed)
                diags_.error(path_, {pos.line, static_cast<std::uint32_t>(pos.column + used)},
                             "malformed clause id '" + std::string(raw.substr(used, attr_len)) +
                                 "': ids start with a letter and use letters, digits, '-' and '_'");
            if (attr_len) {
                c.id_given = !attrs.id.empty();
                c.id = std::move(attrs.id);
                used += attr_len;
            }
            Block& b = c.blocks.emplace_back();
            read_top_block(n, plain, b);
            strip_prefix(b.inlines, used);
            if (b.inlines.empty()) c.blocks.pop_back();
            note_id(c.id, c.pos, c.id_given);
            return;
        }
        if (clause_) {
            // "(a) text" pasted as a paragraph: a labelled sub-item
            std::string label;
            if (std::size_t used = match_label(raw, label)) {
                ListItem item;
                item.label = label;
                item.pos = pos;
                Block& para = item.blocks.emplace_back();
                read_top_block(n, plain, para);
                strip_prefix(para.inlines, used);
                Block* last = clause_->blocks.empty() ? nullptr : &clause_->blocks.back();
                if (last && last->kind == BlockKind::list && last->list_style != ListStyle::bullet &&
                    last->list_style != ListStyle::ordered) {
                    last->items.push_back(std::move(item));
                } else {
                    Block list;
                    list.kind = BlockKind::list;
                    list.pos = pos;
                    list.items.push_back(std::move(item));
                    clause_->blocks.push_back(std::move(list));
                }
                Block& list = clause_->blocks.back();
                std::vector<std::string> labels;
                for (const auto& it : list.items) labels.push_back(it.label);
                list.list_style = style_of(labels);
                return;
            }
        }
    }

    if (type == CMARK_NODE_LIST && !plain && cmark_node_get_list_type(n) == CMARK_ORDERED_LIST && section_ &&
        !in_preamble && (!clause_ || clause_->depth() == 1)) {
        // Single-level numbering: each item is a clause, numbered as written.
        Block list = read_list(n);
        for (auto& item : list.items) {
            Clause& c = start_clause();
            c.pos = item.pos;
            c.number_pos = item.pos;
            c.number.text = item.label;
            parse_clause_number(item.label, c.number.parts);
            if (!item.blocks.empty() && item.blocks.front().kind == BlockKind::paragraph) {
                Inlines& first = item.blocks.front().inlines;
                if (!first.empty() && first.front().kind == InlineKind::text) {
                    AttrBlock attrs;
                    if (std::size_t len = parse_attr_block(first.front().text, attrs)) {
                        c.id_given = !attrs.id.empty();
                        c.id = std::move(attrs.id);
                        strip_prefix(first, len);
                    }
                }
                if (first.empty()) item.blocks.erase(item.blocks.begin());
            }
            c.blocks = std::move(item.blocks);
            note_id(c.id, c.pos, c.id_given);
        }
        return;
    }

    if (clause_) {
        read_top_block(n, plain, clause_->blocks.emplace_back());
        return;
    }
    // (read before its section is made: a preamble's warning follows what reading found)
    Block b;
    read_top_block(n, plain, b);
    current_section(p, pos).intro.push_back(std::move(b));
}

// Assign a derived id to every section and clause without one, unique in the file.
void assign_ids(Protocol& p) {
    // A source that writes every id (as imported ones do) has nothing to derive or reserve.
    if (std::all_of(p.sections.begin(), p.sections.end(), [](const Section& s) {
            return s.id_given &&
                   std::all_of(s.clauses.begin(), s.clauses.end(), [](const Clause& c) { return c.id_given; });
        }))
        return;
    IdAllocator ids;
    for (const auto& s : p.sections) {
        if (s.id_given) ids.reserve(s.id);
        for (const auto& c : s.clauses)
            if (c.id_given) ids.reserve(c.id);
    }
    for (auto& s : p.sections) {
        if (!s.id_given) s.id = ids.make(derive_section_id(s));
        for (auto& c : s.clauses)
            if (!c.id_given) c.id = ids.make(derive_clause_id(c));
    }
}

// ------------------------------------------------------------------ front matter

struct FrontMatter {
    std::string yaml;
    std::uint32_t first_line = 0;  // line of the first YAML line
    std::size_t body_offset = 0;   // where the Markdown starts
    std::uint32_t body_line = 1;
    bool present = false;
    bool closed = false;
};

FrontMatter split_front_matter(std::string_view text) {
    FrontMatter fm;
    if (text.rfind("---\n", 0) != 0 && text != "---") return fm;
    fm.present = true;
    fm.first_line = 2;
    std::size_t pos = 4;
    std::uint32_t line = 2;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        std::string_view t = l;
        while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
        if (t == "---" || t == "...") {
            fm.yaml = std::string(text.substr(4, pos - 4));
            fm.closed = true;
            fm.body_offset = nl == std::string_view::npos ? text.size() : nl + 1;
            fm.body_line = line + 1;
            return fm;
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
        ++line;
    }
    return fm;
}

// yaml-cpp writes the escapes "\N" (U+0085) and "\_" (U+00A0) as single Latin-1 bytes;
// the file was checked to be UTF-8, so any byte that is not UTF-8 in a value is one of them.
std::string yaml_latin1_escapes_as_utf8(const std::string& value) {
    if (find_invalid_utf8(value) == std::string::npos) return value;
    std::string out;
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t bad = find_invalid_utf8(std::string_view(value).substr(i));
        if (bad == std::string::npos) {
            out.append(value, i, std::string::npos);
            break;
        }
        out.append(value, i, bad);
        const auto byte = static_cast<unsigned char>(value[i + bad]);
        out += static_cast<char>(0xC0 | (byte >> 6));
        out += static_cast<char>(0x80 | (byte & 0x3F));
        i += bad + 1;
    }
    return out;
}

void read_front_matter(const FrontMatter& fm, const std::string& path, Metadata& meta, Diagnostics& diags) {
    const SourcePos top{1, 1};
    YAML::Node root;
    try {
        root = YAML::Load(fm.yaml);
    } catch (const YAML::Exception& e) {
        SourcePos at{fm.first_line + static_cast<std::uint32_t>(e.mark.line > 0 ? e.mark.line : 0),
                     static_cast<std::uint32_t>(e.mark.column >= 0 ? e.mark.column + 1 : 1)};
        diags.error(path, at, "front matter: invalid YAML: " + e.msg);
        return;
    }
    if (!root.IsMap()) {
        diags.error(path, {fm.first_line, 1}, "front matter must be a list of 'field: value' lines");
        return;
    }
    auto at = [&](const YAML::Node& n) {
        YAML::Mark m = n.Mark();
        return SourcePos{fm.first_line + static_cast<std::uint32_t>(m.line > 0 ? m.line : 0),
                         static_cast<std::uint32_t>(m.column >= 0 ? m.column + 1 : 1)};
    };
    // yaml-cpp decodes the escapes of a quoted value ("\x01", "\uFFFE", "\0"); what it gives
    // passes the same rule as the words of the text, reported at the value.
    auto showable_scalar = [&](const YAML::Node& n) {
        std::string value = yaml_latin1_escapes_as_utf8(n.Scalar());
        if (const Unshowable u = make_showable(value); u.count > 0)
            diags.warning(path, at(n), "front matter: " + unshowable_message(u));
        return value;
    };
    auto scalar = [&](const char* name, std::string& out, bool required) {
        YAML::Node n = root[name];
        if (!n || n.IsNull()) {
            if (required) diags.error(path, top, std::string("front matter: missing required field '") + name + "'");
            return false;
        }
        if (!n.IsScalar()) {
            diags.error(path, at(n), std::string("front matter: '") + name + "' must be a single value");
            return false;
        }
        out = showable_scalar(n);
        if (out.find_first_not_of(" \t") == std::string::npos && required) {
            diags.error(path, at(n), std::string("front matter: '") + name + "' is empty");
            return false;
        }
        return true;
    };

    static const std::set<std::string> known = {"title",      "council", "version",    "status",       "adopted",
                                                "adopted_by", "minute",  "supersedes", "constitution", "lang"};
    for (const auto& kv : root) {
        std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
        if (!known.count(key)) diags.warning(path, at(kv.first), "front matter: unknown field '" + key + "'");
    }

    scalar("title", meta.title, true);
    scalar("council", meta.council, true);
    scalar("version", meta.version, true);
    std::string status;
    if (scalar("status", status, true)) {
        if (status == "draft")
            meta.status = Status::draft;
        else if (status == "adopted")
            meta.status = Status::adopted;
        else if (status == "superseded")
            meta.status = Status::superseded;
        else
            diags.error(path, at(root["status"]),
                        "front matter: 'status' must be draft, adopted or superseded, not '" + status + "'");
    }
    if (scalar("adopted", meta.adopted, false)) {
        if (!io::parse_iso_date(meta.adopted))
            diags.error(path, at(root["adopted"]),
                        "front matter: 'adopted' must be a date written YYYY-MM-DD, not '" + meta.adopted + "'");
    } else if (meta.status != Status::draft && !status.empty()) {
        diags.error(path, top, "front matter: a protocol with status '" + status + "' needs an 'adopted' date");
    }
    scalar("adopted_by", meta.adopted_by, false);
    scalar("minute", meta.minute, false);
    scalar("supersedes", meta.supersedes, false);
    if (root["lang"]) scalar("lang", meta.lang, false);
    if (YAML::Node c = root["constitution"]; c && !c.IsNull()) {
        if (!c.IsMap()) {
            diags.error(path, at(c), "front matter: 'constitution' must be {part: N, section: N}");
        } else {
            ConstitutionPlace place;
            if (c["part"] && c["part"].IsScalar()) place.part = showable_scalar(c["part"]);
            if (c["section"] && c["section"].IsScalar()) place.section = showable_scalar(c["section"]);
            if (place.part.empty() && place.section.empty())
                diags.error(path, at(c), "front matter: 'constitution' needs a part or a section");
            meta.constitution = place;
        }
    }
}

// Line ends: CRLF and lone CR become LF, so that lines count the same everywhere.
std::string normalise_line_ends(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Whether cmark could decode an entity or numeric character reference in `text`, the one
// way its words can hold a character the file does not.
bool may_hold_entity(std::string_view text) {
    for (std::size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1))
        if (amp + 1 < text.size() && (is_alnum(text[amp + 1]) || text[amp + 1] == '#')) return true;
    return false;
}

SourcePos position_of_offset(std::string_view text, std::size_t offset) {
    SourcePos p{1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else
            ++p.column;
    }
    return p;
}

}  // namespace

Protocol read_protocol(std::string_view input, const std::string& path, Diagnostics& diags,
                       const ReadOptions& options) {
    Protocol p;
    p.source_path = path;
    if (input.size() > kMaxSourceBytes) {
        diags.error(path, {1, 1},
                    "the source is " + std::to_string((input.size() + (1 << 20) - 1) >> 20) +
                        " MiB, over the limit of " + std::to_string(kMaxSourceBytes >> 20) + " MiB");
        return p;
    }

    // Encoding first: a file we cannot trust byte-wise is not parsed further.
    const bool utf16_bom = input.size() >= 2 && (((unsigned char)input[0] == 0xFF && (unsigned char)input[1] == 0xFE) ||
                                                 ((unsigned char)input[0] == 0xFE && (unsigned char)input[1] == 0xFF));
    if (utf16_bom) {
        diags.error(path, {1, 1}, "the file is UTF-16; save it as UTF-8");
        return p;
    }
    if (input.rfind("\xEF\xBB\xBF", 0) == 0) input.remove_prefix(3);  // a UTF-8 BOM is harmless
    // One pass finds most files valid UTF-8 with nothing make_showable() would replace, and
    // whether they hold a CR; only the others are read again: for a NUL byte (never
    // showable), for the first byte that is not UTF-8, for a CR.
    bool carriage_return = false;
    const bool showable = find_unshowable(input, &carriage_return) == std::string_view::npos;
    if (std::size_t nul = showable ? std::string_view::npos : input.find('\0'); nul != std::string_view::npos) {
        SourcePos at = position_of_offset(input, nul);
        bool utf16 = nul < 4 && input.size() > 1;
        diags.error(path, at,
                    utf16 ? "the file looks like UTF-16 (NUL bytes); save it as UTF-8"
                          : "NUL byte in the text: this is not a text file");
        return p;
    }
    if (std::size_t bad = showable ? std::string_view::npos : find_invalid_utf8(input); bad != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(input[bad]));
        diags.error(path, position_of_offset(input, bad), std::string("invalid UTF-8 byte ") + hex);
        return p;
    }
    // Most files have LF line ends and are read where they are; the others are copied once.
    if (!showable) carriage_return = input.find('\r') != std::string_view::npos;  // (that scan stopped short)
    const std::string normalised = carriage_return ? normalise_line_ends(input) : std::string();
    const std::string_view text = normalised.empty() ? input : std::string_view(normalised);
    if (text.find_first_not_of(" \t\n") == std::string_view::npos) {
        diags.error(path, {1, 1}, "the file is empty");
        return p;
    }

    FrontMatter fm = split_front_matter(text);
    if (!fm.present) {
        diags.error(path, {1, 1},
                    "missing front matter: the file must start with '---', the fields "
                    "(title, council, version, status), and '---'");
    } else if (!fm.closed) {
        diags.error(path, {1, 1}, "front matter is not closed: add a '---' line after the fields");
        return p;
    } else {
        read_front_matter(fm, path, p.meta, diags);
    }

    cmark_gfm_core_extensions_ensure_registered();
    // cmark reads the front matter as empty lines, so that its line numbers are the file's
    const std::size_t body = fm.closed ? fm.body_offset : 0;
    const std::uint32_t body_line = fm.closed ? fm.body_line : 1;
    {
        CmarkArena arena;  // the parsers and trees go with it, at the end of this block
        const std::string_view markdown = text.substr(body);
        // (cmark reads lines before `first_line` as empty lines, so that its line numbers are the file's)
        auto parse = [&](std::string_view input, std::uint32_t first_line) {
            cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, arena.mem());
            const bool autolink = may_autolink(input);  // (no plain block holds an autolink)
            for (const char* ext : {"table", "strikethrough", "autolink", "tagfilter"})
                if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext);
                    e && (autolink || std::strcmp(ext, "autolink") != 0))
                    cmark_parser_attach_syntax_extension(parser, e);
            const std::string blank_lines(first_line - 1, '\n');
            cmark_parser_feed(parser, blank_lines.data(), blank_lines.size());
            cmark_parser_feed(parser, input.data(), input.size());
            return cmark_parser_finish(parser);
        };
        std::vector<PlainBlock> plains;
        if (options.plain_blocks) plains = find_plain_blocks(markdown, body_line);
        StandInBody stand_in;
        cmark_node* doc = nullptr;
        if (!plains.empty()) {
            // cmark-gfm gives the words of a table's header some line numbers counted from 0,
            // not lines of its input, which a mapping would move: where a table could be, the
            // stand-in body keeps the source's line numbers.
            const bool keep_line_numbers = may_hold_table(markdown, plains);
            stand_in = with_stand_ins(markdown, body_line, plains, keep_line_numbers);
            doc = parse(stand_in.markdown, keep_line_numbers ? body_line : 1);
            if (!stand_ins_kept(doc, stand_in, plains)) {
                plains.clear();
                stand_in = {};
            }
        }
        if (plains.empty()) doc = parse(markdown, body_line);
        Reader reader(text, plains, stand_in, path, diags);
        reader.read_body(doc, p);
    }
    // Characters and references (&#xFFFE;, &#27;) no output can carry. Every word, id and
    // label is cut from the body or decoded from its entities: a showable body with no
    // entity gives none, and only the file name and front matter are looked at.
    make_showable(p, diags, !showable || may_hold_entity(text.substr(body)));
    if (p.sections.empty() && fm.closed)
        diags.error(path, {fm.body_line, 1},
                    "no protocol text after the front matter: add sections ('## ...') and clauses");
    assign_ids(p);
    return p;
}

std::optional<Protocol> load_protocol(const std::string& path, Diagnostics& diags) {
    std::string error;
    auto text = io::read_file(path, error, kMaxSourceBytes);
    if (!text) {
        diags.error(path, {}, error);
        return std::nullopt;
    }
    return read_protocol(*text, path, diags);
}

}  // namespace protopub::source
