// Plain words -> inlines, the way the source reader reads them back: web addresses and
// e-mail addresses are links (GFM autolinks), *words* are emphasis.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "import/paragraphs.hpp"
#include "model/swar.hpp"
#include "model/text.hpp"

namespace protopub::import::detail {

bool equals_ignore_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

namespace {

std::string roman(int n, bool upper) {
    static const std::array<std::pair<int, const char*>, 13> table = {{{1000, "m"},
                                                                       {900, "cm"},
                                                                       {500, "d"},
                                                                       {400, "cd"},
                                                                       {100, "c"},
                                                                       {90, "xc"},
                                                                       {50, "l"},
                                                                       {40, "xl"},
                                                                       {10, "x"},
                                                                       {9, "ix"},
                                                                       {5, "v"},
                                                                       {4, "iv"},
                                                                       {1, "i"}}};
    std::string out;
    for (const auto& [value, letters] : table)
        while (n >= value) out += letters, n -= value;
    if (upper)
        for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string format_counter(int n, std::string_view format) {
    // (a hostile start, w:start or <ol start>, must not make a numeral of a million letters)
    if (n <= 0 || n > 3999) return std::to_string(n);
    if (format == "lowerLetter" || format == "upperLetter") {
        // a, b, ..., z, aa, bb, ... as Word counts
        const char base = format == "lowerLetter" ? 'a' : 'A';
        return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), static_cast<char>(base + (n - 1) % 26));
    }
    if (format == "lowerRoman") return roman(n, false);
    if (format == "upperRoman") return roman(n, true);
    if (format == "none") return "";
    return std::to_string(n);
}

using namespace protopub::model;

namespace {

using ascii::is_alnum;
bool is_space(char c) { return c == ' '; }
bool is_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view prefix) {
    if (s.size() - at < prefix.size()) return false;
    for (std::size_t k = 0; k < prefix.size(); ++k)
        if (std::tolower(static_cast<unsigned char>(s[at + k])) != prefix[k]) return false;
    return true;
}

Inline text_inline(std::string t) {
    Inline in;
    in.kind = InlineKind::text;
    in.text = std::move(t);
    return in;
}

Inline link_inline(const std::string& words, const std::string& target) {
    Inline in;
    in.kind = InlineKind::link;
    in.target = target;
    in.children.push_back(text_inline(words));
    return in;
}

// The end of a bare web address at `i`, without the punctuation that ends the sentence
// (GFM: ? ! . , : * _ ~ and an unbalanced closing bracket are not part of it).
std::size_t url_end(std::string_view s, std::size_t i) {
    std::size_t e = i;
    while (e < s.size() && !is_space(s[e]) && s[e] != '<' && s[e] != '>') ++e;
    for (;;) {
        if (e <= i) return e;
        char c = s[e - 1];
        if (c == '?' || c == '!' || c == '.' || c == ',' || c == ':' || c == '*' || c == '_' || c == '~' || c == '"' ||
            c == '\'') {
            --e;
            continue;
        }
        if (c == ')') {
            int open = 0, close = 0;
            for (std::size_t k = i; k < e; ++k) open += s[k] == '(', close += s[k] == ')';
            if (close > open) {
                --e;
                continue;
            }
        }
        return e;
    }
}

bool url_starts(std::string_view s, std::size_t i) {
    const char first = static_cast<char>(s[i] | 0x20);  // ASCII lower case
    if (first != 'h' && first != 'w') return false;
    if (i > 0) {
        char p = s[i - 1];
        if (!(is_space(p) || p == '*' || p == '_' || p == '~' || p == '(')) return false;
    }
    return starts_with_ci(s, i, "https://") || starts_with_ci(s, i, "http://") || starts_with_ci(s, i, "www.");
}

// "name@example.gov.uk" at `at` (the '@'): the address's start and end, or {0,0}.
std::pair<std::size_t, std::size_t> email_around(std::string_view s, std::size_t at) {
    auto local = [](char c) { return is_alnum(c) || c == '.' || c == '-' || c == '_' || c == '+'; };
    std::size_t b = at;
    while (b > 0 && local(s[b - 1])) --b;
    std::size_t e = at + 1;
    bool dot = false;
    for (; e < s.size() && (is_alnum(s[e]) || s[e] == '-' || s[e] == '.' || s[e] == '_'); ++e) dot = dot || s[e] == '.';
    while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-' || s[e - 1] == '_')) --e;
    if (b == at || e == at + 1 || !dot || s.substr(at + 1, e - at - 1).find('.') == std::string_view::npos)
        return {0, 0};
    return {b, e};
}

// A run of *words* (or **words**): the closing marker's offset, or npos.
std::size_t emphasis_close(std::string_view s, std::size_t open, std::size_t width) {
    const std::size_t first = open + width;
    if (first >= s.size() || is_space(s[first]) || s[first] == '*') return std::string_view::npos;
    if (open > 0 && !(is_space(s[open - 1]) || is_punct(s[open - 1]))) return std::string_view::npos;
    for (std::size_t k = first + 1; k + width <= s.size(); ++k) {
        if (s[k] != '*') continue;
        if (s.compare(k, width, std::string(width, '*')) != 0) return std::string_view::npos;
        const std::size_t after = k + width;
        const bool closes =
            !is_space(s[k - 1]) && (after == s.size() || is_space(s[after]) || (is_punct(s[after]) && s[after] != '*'));
        return closes ? k : std::string_view::npos;
    }
    return std::string_view::npos;
}

}  // namespace

Inlines inlines_from_text(const std::string& text, bool asterisk_emphasis) {
    Inlines out;
    const std::string_view s = text;
    std::size_t pending = 0;  // plain words from here up to `i` wait to be flushed
    auto flush = [&](std::size_t end) {
        if (end > pending) out.push_back(text_inline(std::string(s.substr(pending, end - pending))));
    };
    for (std::size_t i = 0; i < s.size();) {
        // "[the Localism Act 2011](https://www.legislation.gov.uk/...)": a Markdown link (text
        // a web page or pandoc wrote), its words linked to its address
        if (s[i] == '[') {
            const std::size_t close = s.find("](", i);
            const std::size_t end = close == std::string_view::npos ? close : s.find(')', close);
            if (end != std::string_view::npos && close > i + 1 &&
                s.substr(i + 1, close - i - 1).find_first_of("[]") == std::string_view::npos &&
                (starts_with_ci(s, close + 2, "http://") || starts_with_ci(s, close + 2, "https://") ||
                 starts_with_ci(s, close + 2, "mailto:")) &&
                s.substr(close + 2, end - close - 2).find(' ') == std::string_view::npos) {
                flush(i);
                out.push_back(link_inline(std::string(s.substr(i + 1, close - i - 1)),
                                          std::string(s.substr(close + 2, end - close - 2))));
                pending = i = end + 1;
                continue;
            }
        }
        if (s[i] == '<' && (starts_with_ci(s, i + 1, "http://") || starts_with_ci(s, i + 1, "https://"))) {
            std::size_t close = s.find('>', i);
            std::size_t space = s.find(' ', i);
            if (close != std::string_view::npos && (space == std::string_view::npos || close < space)) {
                flush(i);
                std::string url(s.substr(i + 1, close - i - 1));
                out.push_back(link_inline(url, url));
                pending = i = close + 1;
                continue;
            }
        }
        if (url_starts(s, i)) {
            std::size_t e = url_end(s, i);
            std::string url(s.substr(i, e - i));
            const bool www = starts_with_ci(s, i, "www.");
            if (url.size() > (www ? 4u : 8u) && url.find('.') != std::string::npos) {
                flush(i);
                out.push_back(link_inline(url, www ? "http://" + url : url));
                pending = i = e;
                continue;
            }
        }
        if (s[i] == '@') {
            auto [b, e] = email_around(s, i);
            if (e > b && b >= pending) {
                std::string address(s.substr(b, e - b));
                flush(b);
                out.push_back(link_inline(address, "mailto:" + address));
                pending = i = e;
                continue;
            }
        }
        if (asterisk_emphasis && s[i] == '*') {
            const std::size_t width = i + 1 < s.size() && s[i + 1] == '*' ? 2 : 1;
            std::size_t close = emphasis_close(s, i, width);
            if (close != std::string_view::npos) {
                flush(i);
                Inline em;
                em.kind = width == 2 ? InlineKind::strong : InlineKind::emphasis;
                em.children = inlines_from_text(std::string(s.substr(i + width, close - i - width)));
                out.push_back(std::move(em));
                pending = i = close + width;
                continue;
            }
        }
        ++i;
    }
    flush(s.size());
    return out;
}

void link_addresses(Inlines& inlines) {
    Inlines out;
    for (auto& in : inlines) {
        if (in.kind == InlineKind::text) {
            for (auto& piece : inlines_from_text(in.text, false)) out.push_back(std::move(piece));
            continue;
        }
        if (in.kind != InlineKind::link) link_addresses(in.children);
        out.push_back(std::move(in));
    }
    inlines = std::move(out);
}

namespace {

// The length of the run of white space (spaces, tabs, no-break spaces) at `at`, in bytes.
std::size_t space_run(std::string_view t, std::size_t at) {
    std::size_t k = at;
    while (k < t.size()) {
        if (t[k] == ' ' || t[k] == '\t')
            ++k;
        else if (t.compare(k, 2, "\xC2\xA0") == 0)
            k += 2;
        else
            break;
    }
    return k - at;
}

// Takes `left` characters of the paragraph's single-spaced text off the front of the
// inlines, where a run of white space in the inlines is one space of the text; then the
// white space after them. Words in bold or italics are taken off inside their span.
// Returns what is still to take.
std::size_t drop_front(Inlines& inlines, std::size_t left, bool& done) {
    while (!inlines.empty() && !done) {
        Inline& in = inlines.front();
        if (in.kind != InlineKind::text) {
            if (in.children.empty() || in.kind == InlineKind::link || in.kind == InlineKind::reference) {
                done = true;
                break;
            }
            left = drop_front(in.children, left, done);
            if (in.children.empty()) inlines.erase(inlines.begin());
            continue;
        }
        std::string& t = in.text;
        std::size_t k = 0;
        while (k < t.size() && left > 0) {
            const std::size_t run = space_run(t, k);
            k += run > 0 ? run : 1;
            --left;
        }
        if (left == 0) k += space_run(t, k);
        t.erase(0, k);
        if (!t.empty()) {
            done = left == 0;
            if (!done) continue;
            break;
        }
        inlines.erase(inlines.begin());
    }
    return left;
}

}  // namespace

void drop_prefix(Inlines& inlines, std::size_t bytes) {
    bool done = false;
    drop_front(inlines, bytes, done);
}

// One line as the reader will use it: U+00A0 no-break spaces and tabs become spaces,
// runs of spaces become one (layout, not wording), ends are trimmed.
// The bytes of a space other than ASCII's at `at` (0 if none): the no-break space, and
// the en, em, thin, figure, narrow no-break, medium mathematical and ideographic spaces
// that Word and PDF extractions put after a number or between words.
static std::size_t unicode_space(std::string_view s, std::size_t at) {
    const auto byte = [&](std::size_t k) { return at + k < s.size() ? static_cast<unsigned char>(s[at + k]) : 0; };
    if (byte(0) == 0xC2 && byte(1) == 0xA0) return 2;                                          // U+00A0
    if (byte(0) == 0xE2 && byte(1) == 0x80 && (byte(2) <= 0x8A || byte(2) == 0xAF)) return 3;  // U+2000-200A, U+202F
    if (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;                       // U+205F
    if (byte(0) == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;                       // U+3000
    return 0;
}

std::string clean_line(std::string_view raw) {
    std::string out(raw.size(), ' ');
    char* const o = out.data();
    std::size_t n = 0;             // bytes written
    std::size_t byte_by_byte = 0;  // up to where eight bytes were found not plain
    for (std::size_t i = 0; i < raw.size();) {
        // Eight plain bytes (no tab, control or UTF-8 byte, no two spaces together) after the
        // line's first word are copied as they stand: most of a line is.
        if (n > 0 && i >= byte_by_byte && i + 8 <= raw.size()) {
            const std::uint64_t w = swar::load(raw.data() + i);
            const std::uint64_t spaces = swar::bytes_equal(w, ' ');
            const std::uint64_t space_before = (spaces << 8) | (o[n - 1] == ' ' ? 0x80 : 0);
            if (!((w & swar::highs) | swar::bytes_below(w, 0x20) | (spaces & space_before))) {
                std::memcpy(o + n, raw.data() + i, 8);
                n += 8, i += 8;
                continue;
            }
            byte_by_byte = i + 8;
        }
        char c = raw[i];
        std::size_t width = 1;
        if (static_cast<unsigned char>(c) >= 0xC2)
            if (const std::size_t space = unicode_space(raw, i)) c = ' ', width = space;
        if (c == ' ' || c == '\t') {
            if (n > 0 && o[n - 1] != ' ') o[n++] = ' ';
        } else {
            o[n++] = c;
        }
        i += width;
    }
    if (n > 0 && o[n - 1] == ' ') --n;
    out.resize(n);
    return out;
}

std::vector<LetteredNumber> lettered_numbers(const std::vector<std::string_view>& texts) {
    std::vector<LetteredNumber> found;
    std::string letters;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string_view t = texts[i];
        if (t.size() < 4 || t[0] < 'A' || t[0] > 'Z') continue;
        std::size_t k = t[1] == '.' ? 2 : 1;
        if (k >= t.size() || !ascii::is_digit(t[k])) continue;
        std::size_t end = k;
        while (end < t.size() &&
               (ascii::is_digit(t[end]) || (t[end] == '.' && end + 1 < t.size() && ascii::is_digit(t[end + 1]))))
            ++end;
        std::vector<int> parts;  // (clears what it is given)
        if (!parse_clause_number(t.substr(k, end - k), parts)) continue;
        parts.insert(parts.begin(), t[0] - 'A' + 1);
        if (end < t.size() && t[end] == '.') ++end;
        if (end + 1 >= t.size() || t[end] != ' ' || !(ascii::is_alpha(t[end + 1]) || t[end + 1] == '(')) continue;
        found.push_back({i, end, std::move(parts)});
        if (letters.find(t[0]) == std::string::npos) letters += t[0];
    }
    if (found.size() < 3 || (letters.size() < 2 && found.size() < 5)) return {};
    std::size_t in_order = 0;
    for (std::size_t j = 1; j < found.size(); ++j) in_order += plausible_next(found[j - 1].parts, found[j].parts);
    if (in_order * 4 < (found.size() - 1) * 3) return {};
    return found;
}

void warn_lettered(const LetteredNumber& n, std::string_view text, const std::string& path, SourcePos pos,
                   Diagnostics& diags) {
    const std::string written(text.substr(0, n.length));
    diags.warning(path, pos,
                  "'" + written + "' read as clause " + join_number(n.parts) +
                      ": paragraphs numbered by lettered Parts (A is 1, B is 2 ...) are numbered with digits; "
                      "references to them ('paragraph " +
                      written.substr(0, written.size() - (written.back() == '.')) + "') stay as words");
}

}  // namespace protopub::import::detail
