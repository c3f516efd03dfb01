#include "refs/scanner.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "model/swar.hpp"

namespace protopub::refs::detail {

namespace {

using model::ReferenceKind;
using model::ReferenceTarget;

constexpr std::size_t npos = std::string_view::npos;
constexpr std::size_t max_title_word = 48;  // bytes in one word of a statute's title
constexpr std::size_t max_title = 200;      // bytes from a title's first word to its "Act"
constexpr std::size_t max_sentence = 600;   // bytes of a defining sentence either side of the term

// Character classes by table: the scanner asks about every byte of the text.
enum : unsigned char { letter = 1, digit = 2, upper = 4 };

constexpr auto char_classes = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = letter;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = letter | upper;
    for (int c = '0'; c <= '9'; ++c) t[c] = digit;
    return t;
}();

unsigned char class_of(char c) { return char_classes[static_cast<unsigned char>(c)]; }

// How many of the 8 bytes at p are ASCII letters before the first that is not (SWAR:
// each byte's high bit says "letter", computed for all eight at once without carries).
std::size_t leading_letters(const char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    using model::swar::ones;
    constexpr std::uint64_t high = model::swar::highs;
    const std::uint64_t folded = (x | (0x20 * ones)) & ~high;       // lower case, high bits apart
    const std::uint64_t at_least_a = folded + (0x80 - 'a') * ones;  // high bit: >= 'a'
    const std::uint64_t past_z = folded + (0x80 - 'z' - 1) * ones;  // high bit: > 'z'
    const std::uint64_t letters = at_least_a & ~past_z & ~x & high;
    const std::uint64_t not_letters = ~letters & high;
    static_assert(std::endian::native == std::endian::little, "the first byte must be the lowest");
    return static_cast<std::size_t>(std::countr_zero(not_letters)) / 8;  // 64 / 8 = 8 when all are letters
}
// Where the letters are in 64 bytes of text, one bit per byte (the first byte lowest), and
// the bytes that may open a definition: ( " and the first byte of curly quotes.
struct Block {
    std::uint64_t letters = 0;
    std::uint64_t openers = 0;
};

#if defined(__SSE2__)
Block block_at(const char* p) {
    Block b;
    for (int k = 0; k < 4; ++k) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        // (x | 0x20) - 'a' < 26, as a signed comparison after moving 'a' to -128
        const __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
        const __m128i from_a = _mm_add_epi8(lower, _mm_set1_epi8(static_cast<char>(128 - 'a')));
        const __m128i letters = _mm_cmplt_epi8(from_a, _mm_set1_epi8(-128 + 26));
        const __m128i brackets = _mm_cmpeq_epi8(x, _mm_set1_epi8('('));
        const __m128i quotes = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                            _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xE2))));
        const __m128i openers = _mm_or_si128(brackets, quotes);
        b.letters |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(letters))) << (16 * k);
        b.openers |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(openers))) << (16 * k);
    }
    return b;
}
#else
Block block_at(const char* p) {
    Block b;
    for (unsigned k = 0; k < 64; ++k) {
        const unsigned char c = static_cast<unsigned char>(p[k]);
        b.letters |= std::uint64_t{(char_classes[c] & letter) != 0} << k;
        b.openers |= std::uint64_t{c == '(' || c == '"' || c == 0xE2} << k;
    }
    return b;
}
#endif

bool is_upper(char c) { return class_of(c) & upper; }
bool is_alpha(char c) { return class_of(c) & letter; }
bool is_digit(char c) { return class_of(c) & digit; }
bool is_alnum(char c) { return class_of(c) & (letter | digit); }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_lower(c);
    return out;
}

// The named documents of a constitution, as councils write them, and the one name each
// is kept under.
struct DocumentName {
    std::string_view written;
    std::string_view canonical;
};

constexpr std::string_view members_code = "Code of Conduct for Councillors";
constexpr std::string_view officers_code = "Code of Conduct for Officers";
constexpr std::string_view access_rules = "Access to Information Procedure Rules";
constexpr std::string_view employment_rules = "Officer Employment Procedure Rules";
constexpr std::string_view financial_rules = "Financial Procedure Rules";
constexpr std::string_view contract_rules = "Contract Procedure Rules";
constexpr std::string_view scrutiny_rules = "Overview and Scrutiny Procedure Rules";
constexpr std::string_view executive_rules = "Executive Procedure Rules";
constexpr std::string_view delegation = "Scheme of Delegation";
constexpr std::string_view allowances = "Members' Allowances Scheme";
constexpr std::string_view planning_code = "Planning Code of Good Practice";

const DocumentName document_names[] = {
    {"Code of Conduct for Councillors", members_code},
    {"Code of Conduct for Members", members_code},
    {"Councillors' Code of Conduct", members_code},
    {"Councillors Code of Conduct", members_code},
    {"Councillor Code of Conduct", members_code},
    {"Members' Code of Conduct", members_code},
    {"Members Code of Conduct", members_code},
    {"Member Code of Conduct", members_code},
    {"Code of Conduct for Officers", officers_code},
    {"Code of Conduct for Employees", officers_code},
    {"Officers' Code of Conduct", officers_code},
    {"Officers Code of Conduct", officers_code},
    {"Officer Code of Conduct", officers_code},
    {"Employees' Code of Conduct", officers_code},
    {"Employee Code of Conduct", officers_code},
    {"Access to Information Procedure Rules", access_rules},
    {"Access to Information Rules", access_rules},
    {"Access to Information Standing Orders", access_rules},
    {"Officer Employment Procedure Rules", employment_rules},
    {"Officers Employment Procedure Rules", employment_rules},
    {"Officer Employment Rules", employment_rules},
    {"Council Procedure Rules", "Council Procedure Rules"},
    {"Council's Procedure Rules", "Council Procedure Rules"},
    {"Council Rules of Procedure", "Council Procedure Rules"},
    {"Rules of Procedure", "Rules of Procedure"},
    {"Executive Procedure Rules", executive_rules},
    {"Cabinet Procedure Rules", executive_rules},
    {"Overview and Scrutiny Procedure Rules", scrutiny_rules},
    {"Overview & Scrutiny Procedure Rules", scrutiny_rules},
    {"Scrutiny Procedure Rules", scrutiny_rules},
    {"Budget and Policy Framework Procedure Rules", "Budget and Policy Framework Procedure Rules"},
    {"Financial Procedure Rules", financial_rules},
    {"Financial Regulations", financial_rules},
    {"Contract Procedure Rules", contract_rules},
    {"Contract Standing Orders", contract_rules},
    {"Standing Orders", "Standing Orders"},
    {"Scheme of Delegation to Officers", delegation},
    {"Scheme of Delegation", delegation},
    {"Officer Scheme of Delegation", delegation},
    {"Members' Allowances Scheme", allowances},
    {"Members Allowances Scheme", allowances},
    {"Scheme of Members' Allowances", allowances},
    {"Monitoring Officer Protocol", "Monitoring Officer Protocol"},
    {"Planning Code of Good Practice", planning_code},
    {"Planning Protocol", planning_code},
    {"Petition Scheme", "Petition Scheme"},
    {"Whistleblowing Policy", "Whistleblowing Policy"},
    {"Whistleblowing Procedure", "Whistleblowing Policy"},
    {"Social Media Policy", "Social Media Policy"},
    {"Social Media Protocol", "Social Media Policy"},
};

// The words that start a numbered citation.
enum class Keyword { paragraph, clause, section, short_section, regulation, article, part, schedule, referred };

struct KeywordInfo {
    Keyword keyword;
    bool abbreviation;  // may be followed by a dot: "para. 4", "s.151"
};

const std::pair<std::string_view, KeywordInfo> keyword_table[] = {
    {"paragraph", {Keyword::paragraph, false}},
    {"paragraphs", {Keyword::paragraph, false}},
    {"sub-paragraph", {Keyword::paragraph, false}},
    {"sub-paragraphs", {Keyword::paragraph, false}},
    {"subparagraph", {Keyword::paragraph, false}},
    {"subparagraphs", {Keyword::paragraph, false}},
    {"para", {Keyword::paragraph, true}},
    {"paras", {Keyword::paragraph, true}},
    {"clause", {Keyword::clause, false}},
    {"clauses", {Keyword::clause, false}},
    {"section", {Keyword::section, false}},
    {"sections", {Keyword::section, false}},
    {"s", {Keyword::short_section, true}},
    {"ss", {Keyword::short_section, true}},
    {"regulation", {Keyword::regulation, false}},
    {"regulations", {Keyword::regulation, false}},
    {"reg", {Keyword::regulation, true}},
    {"article", {Keyword::article, false}},
    {"articles", {Keyword::article, false}},
    {"art", {Keyword::article, true}},
    {"part", {Keyword::part, false}},
    {"schedule", {Keyword::schedule, false}},
    {"referred", {Keyword::referred, false}},
};

// A document name that starts with a word, and what follows that word in it: an
// apostrophe or the first letter of the next word. Most uses of "Council" or "Officers"
// are turned away on that one byte.
struct DocumentCandidate {
    const DocumentName* name;
    char next;
};

// What a word (in lower case) may start or end: a numbered citation, named documents,
// a statute's abbreviation, a statute's title ("Act").
struct WordInfo {
    const KeywordInfo* keyword = nullptr;
    std::vector<DocumentCandidate> documents;  // longest name first, so that it wins
    bool abbreviation = false;
    bool ends_title = false;
    bool defines = false;  // "means", "includes", "shall mean", "shall include"
};

// Words longer than this start nothing and are not looked up.
constexpr std::size_t max_indexed_word = 16;

// A word of at most 16 bytes in lower case, zero-padded to two 8-byte chunks, so that
// two words compare in two instructions. Letters and inner hyphens only: setting bit 5
// of each byte gives the lower case of both.
struct Folded {
    std::uint64_t chunks[2] = {0, 0};
    const WordInfo* info = nullptr;

    static Folded of(const char* word, std::size_t length, bool may_read_16) {
        Folded f;
        if (may_read_16)
            std::memcpy(f.chunks, word, 16);  // one load each, not a call
        else
            std::memcpy(f.chunks, word, length);
        for (std::size_t k = 0; k < 2; ++k) {
            const std::size_t in_chunk = length > 8 * k ? std::min<std::size_t>(length - 8 * k, 8) : 0;
            const std::uint64_t keep = in_chunk == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * in_chunk)) - 1;
            f.chunks[k] = (f.chunks[k] | 0x2020202020202020ULL) & keep;
        }
        return f;
    }
    bool same_word(const Folded& other) const { return chunks[0] == other.chunks[0] && chunks[1] == other.chunks[1]; }
};

struct WordIndex {
    std::unordered_map<std::string_view, WordInfo> words;
    // The words of the index by first letter and length: most words of a text find no
    // candidate at all, the others one or two to compare.
    std::vector<Folded> by_shape[26][max_indexed_word + 1];
    // A bit per (first letter, second byte, length) that some word of the index has:
    // "and", "this", "that" are turned away on one bit. Letters are taken by their low five
    // bits, so case does not matter; the rare false alarm is settled by lookup_word.
    std::array<std::uint64_t, (32 * 32 * max_indexed_word) / 64> shapes{};
    static std::size_t shape(const char* word, std::size_t length) {
        const std::size_t second = length > 1 ? static_cast<unsigned char>(word[1]) & 0x1F : 0;
        return ((static_cast<unsigned char>(word[0]) & 0x1F) << 9) | (second << 4) | (length - 1);
    }
    bool has_shape(const char* word, std::size_t length) const {
        if (length - 1 >= max_indexed_word) return false;  // also rejects 0
        const std::size_t k = shape(word, length);
        return (shapes[k / 64] >> (k % 64)) & 1;
    }
};

// The index, keyed by lower-case words.
const WordIndex& word_index() {
    static const std::deque<std::string> document_words = [] {
        std::deque<std::string> words;  // a deque: the index keeps views of these
        for (const auto& d : document_names) {
            std::size_t i = 0;
            while (i < d.written.size() && is_alpha(d.written[i])) ++i;
            words.push_back(lower(d.written.substr(0, i)));
        }
        return words;
    }();
    static const std::deque<std::string> abbreviations = [] {
        std::deque<std::string> words = {"uk", "eu"};  // "UK GDPR"
        for (const auto& s : statutes())
            if (!s.abbreviation.empty()) words.push_back(lower(s.abbreviation));
        return words;
    }();
    static const auto index = [] {
        WordIndex out;
        for (const auto& [word, info] : keyword_table) out.words[word].keyword = &info;
        for (std::string_view word : {"act", "acts", "regulation", "regulations"}) out.words[word].ends_title = true;
        for (std::string_view word : {"means", "mean", "includes", "include"}) out.words[word].defines = true;
        for (const auto& word : abbreviations) out.words[word].abbreviation = true;
        std::size_t k = 0;
        for (const auto& d : document_names) {
            const std::string& first = document_words[k++];
            const char after = d.written[first.size()];
            out.words[first].documents.push_back({&d, after == '\'' ? after : to_lower(d.written[first.size() + 1])});
        }
        for (auto& [word, info] : out.words) {
            std::stable_sort(info.documents.begin(), info.documents.end(), [](const auto& a, const auto& b) {
                return a.name->written.size() > b.name->written.size();
            });
        }
        for (const auto& entry : out.words) {
            Folded folded = Folded::of(entry.first.data(), entry.first.size(), false);
            folded.info = &entry.second;
            out.by_shape[entry.first[0] - 'a'][entry.first.size()].push_back(folded);
            const std::size_t k = WordIndex::shape(entry.first.data(), entry.first.size());
            out.shapes[k / 64] |= std::uint64_t{1} << (k % 64);
        }
        return out;
    }();
    return index;
}

// What a statute pin-point is called on legislation.gov.uk.
std::string_view pin_kind(Keyword k) {
    switch (k) {
        case Keyword::section:
        case Keyword::short_section: return "section";
        case Keyword::regulation: return "regulation";
        case Keyword::article: return "article";
        case Keyword::part: return "part";
        case Keyword::schedule: return "schedule";
        default: return "paragraph";
    }
}

// Small words allowed inside a statute's short title.
bool is_title_connector(std::string_view w) {
    static const std::string_view connectors[] = {"of",  "and",  "for", "in",   "on",   "to",
                                                  "the", "etc.", "at",  "from", "with", "&"};
    return std::find(std::begin(connectors), std::end(connectors), w) != std::end(connectors);
}

// A number as written: "4.21", "12A", "4.2(a)".
struct Number {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string value;  // digits and dots, with a statute's letter suffix: "4.21", "12A"
    bool has_letters = false;
    std::string written;      // with any bracketed sub-item labels: "4.2(a)"
    bool ends_range = false;  // "4.5" in "4.3 to 4.5"
};

class Scanner {
public:
    Scanner(std::string_view text, ScanContext& context, std::vector<Found>& refs, std::vector<FoundTerm>& terms)
        : s_(text),
          n_(text.size()),
          ctx_(context),
          refs_(refs),
          terms_(terms),
          first_ref_(refs.size()),
          index_(word_index()) {}

    void run();

private:
    // ------------------------------------------------------------ cursor helpers

    bool boundary(std::size_t i) const { return i >= n_ || !is_alnum(s_[i]); }
    std::size_t skip_space(std::size_t i) const {
        for (;;) {
            if (i < n_ && (s_[i] == ' ' || s_[i] == '\t'))
                ++i;
            else if (i + 1 < n_ && s_[i] == '\xC2' && s_[i + 1] == '\xA0')
                i += 2;  // no-break space
            else
                return i;
        }
    }
    // Letters, with inner hyphens ("sub-paragraph", "Levelling-up"). The hottest loop:
    // eight bytes at a time while they are all letters.
    std::size_t word_end(std::size_t i) const {
        const char* const text = s_.data();
        const std::size_t n = n_;
        for (;;) {
            while (i + 8 <= n) {
                const std::size_t letters = leading_letters(text + i);
                i += letters;
                if (letters < 8) break;
            }
            while (i < n && is_alpha(text[i])) ++i;
            if (i + 1 < n && text[i] == '-' && is_alpha(text[i + 1]))
                i += 2;
            else
                return i;
        }
    }
    bool at(std::size_t i, std::string_view bytes) const { return s_.substr(std::min(i, n_), bytes.size()) == bytes; }
    std::size_t open_quote(std::size_t i) const {
        if (i >= n_) return 0;
        if (s_[i] == '"' || s_[i] == '\'') return 1;
        return s_[i] == '\xE2' && (at(i, "\u201C") || at(i, "\u2018")) ? 3 : 0;
    }
    std::size_t close_quote(std::size_t i) const {
        if (i >= n_) return 0;
        if (s_[i] == '"' || s_[i] == '\'') return 1;
        return s_[i] == '\xE2' && (at(i, "\u201D") || at(i, "\u2019")) ? 3 : 0;
    }
    // `phrase` at i, ignoring case; a space in it matches any run of spaces and an
    // apostrophe either apostrophe. Returns the end, or npos.
    std::size_t match(std::size_t i, std::string_view phrase) const {
        std::size_t j = i;
        for (char p : phrase) {
            if (p == ' ') {
                std::size_t t = skip_space(j);
                if (t == j) return npos;
                j = t;
            } else if (p == '\'') {
                if (j < n_ && s_[j] == '\'')
                    ++j;
                else if (at(j, "\u2019"))
                    j += 3;
                else
                    return npos;
            } else if (j < n_ && to_lower(s_[j]) == to_lower(p)) {
                ++j;
            } else {
                return npos;
            }
        }
        return is_alnum(phrase.back()) && !boundary(j) ? npos : j;
    }
    // After "of"/"to" and an optional "the": where the named thing starts.
    std::size_t skip_the(std::size_t i) const {
        std::size_t e = match(i, "the ");
        return e == npos ? i : e;
    }
    // ------------------------------------------------------------ numbers

    bool read_number(std::size_t i, Number& out) const;
    // "4.2, 4.3 and 4.5", "4.2 to 4.5", "4.2-4.5", "4.1, 4.3 to 4.5 and 4.7"
    bool read_number_list(std::size_t i, std::vector<Number>& items, bool& range, std::size_t& end) const;
    std::size_t read_year(std::size_t i, int& year) const;

    // ------------------------------------------------------------ recognisers

    std::optional<Found> at_word(std::size_t i, std::size_t word_end);
    std::optional<Found> numbered(std::size_t i, std::size_t keyword_end, KeywordInfo kw);
    std::optional<Found> part(std::size_t i, std::size_t keyword_end);
    std::optional<Found> schedule(std::size_t i, std::size_t word_end);
    // The index entry of the word at i (nullptr when it starts nothing).
    const WordInfo* lookup_word(std::size_t i, std::size_t word_end) const;
    std::optional<Found> document(std::size_t i, std::size_t word_end, const WordInfo* word) const;
    // Statute titles: read backward from their last word, or forward after "of the".
    enum class TitleWord { no, capitalised, connector };
    TitleWord title_word(std::size_t begin, std::size_t end) const;
    bool is_title_end(std::size_t begin, std::size_t end) const;
    std::size_t read_title_years(std::size_t w, bool collection, int& year) const;
    std::optional<Found> finish_title(std::size_t last_begin, std::size_t last_end) const;
    std::optional<Found> statute_title(std::size_t i);
    std::optional<Found> statute_ending(std::size_t i, std::size_t word_end);
    std::optional<Found> statute_abbreviation(std::size_t i, std::size_t word_end) const;
    std::optional<Found> statute_name(std::size_t i) const;
    // A statute, its defined name ("the Act") or a schedule of one, at i.
    std::optional<Found> statute_at(std::size_t i);
    std::size_t constitution_at(std::size_t i) const;
    std::size_t this_protocol_at(std::size_t i) const;

    Found statute_found(std::size_t begin, std::size_t end, const Statute* s, std::string document) const;
    static void pin(Found& f, Keyword kind, const std::vector<Number>& items, bool range, std::string_view within = {});
    // The numbers as written become the targets.
    static void add_targets(Found& f, const std::vector<Number>& items, bool range);
    static void add_target(Found& f, const Number& item, std::string number);

    // ------------------------------------------------------------ definitions

    void referred_to_as(std::size_t i, std::size_t word_end);
    void bracketed_name(std::size_t i);
    void quoted_means(std::size_t i);
    void unquoted_means(std::size_t i, std::size_t verb_end);
    // Capitalised words ("Monitoring Officer", "Head of Paid Service") from i: their end, or npos.
    std::size_t read_name(std::size_t i) const;
    // "In this Protocol, " (or the start of a paragraph) ends at i: a definition may follow.
    bool opens_definition_at(std::size_t i) const;
    // A quoted term at i: its text, and the end after the closing quote (npos if none).
    std::size_t read_quoted(std::size_t i, std::string& term) const;
    void add_term(std::size_t begin, std::string term);

    std::string_view s_;
    std::size_t n_;
    ScanContext& ctx_;
    std::vector<Found>& refs_;
    std::vector<FoundTerm>& terms_;
    std::size_t first_ref_;  // refs_ found before this run are not ours
    struct Token {
        std::size_t begin;
        std::size_t end;
    };
    std::vector<Token> tokens_;  // the words of a statute title being read
    const WordIndex& index_;
};

bool Scanner::read_number(std::size_t i, Number& out) const {
    std::size_t j = i;
    int digits = 0;
    while (j < n_ && is_digit(s_[j]) && digits < 5) {
        ++j;
        ++digits;
    }
    if (digits == 0 || digits > 4) return false;
    // dots only between digits: the full stop after "paragraph 4.2." is not part of it
    while (j + 1 < n_ && s_[j] == '.' && is_digit(s_[j + 1])) {
        ++j;
        int part_digits = 0;
        while (j < n_ && is_digit(s_[j])) {
            ++j;
            ++part_digits;
        }
        if (part_digits > 4) return false;
    }
    std::size_t letters = j;
    while (letters < n_ && is_upper(s_[letters]) && letters - j < 3) ++letters;
    out.has_letters = letters > j;
    j = letters;
    out.begin = i;
    out.value = std::string(s_.substr(i, j - i));
    // bracketed sub-item labels: 4.2(a), 2(1)(b)
    while (j < n_ && s_[j] == '(') {
        std::size_t k = j + 1;
        while (k < n_ && is_alnum(s_[k]) && k - j <= 4) ++k;
        if (k == j + 1 || k >= n_ || s_[k] != ')') break;
        j = k + 1;
    }
    if (!boundary(j)) return false;
    out.end = j;
    out.written = std::string(s_.substr(i, j - i));
    return true;
}

bool Scanner::read_number_list(std::size_t i, std::vector<Number>& items, bool& range, std::size_t& end) const {
    Number first;
    if (!read_number(i, first)) return false;
    items.push_back(first);
    end = first.end;
    range = false;
    for (;;) {
        std::size_t t = skip_space(end);
        const bool spaced = t > end;
        bool is_range = false;
        if (t < n_ && s_[t] == ',') {
            t = skip_space(t + 1);
            for (std::string_view w : {"and ", "or "})
                if (std::size_t e = match(t, w); e != npos) {
                    t = e;
                    break;
                }
        } else if (std::size_t e = spaced ? match(t, "and ") : npos; e != npos) {
            t = e;
        } else if (std::size_t e2 = spaced ? match(t, "or ") : npos; e2 != npos) {
            t = e2;
        } else if (std::size_t e3 = spaced ? match(t, "to ") : npos; e3 != npos) {
            t = e3;
            is_range = true;
        } else if (t < n_ && s_[t] == '-') {
            t = skip_space(t + 1);
            is_range = true;
        } else if (at(t, "\u2013")) {
            t = skip_space(t + 3);
            is_range = true;
        } else {
            return true;
        }
        // A range opens at the single number before it: "4.1 to 4.3 to 4.5" stops before the second " to".
        if (is_range && items.back().ends_range) return true;
        Number next;
        if (!read_number(t, next)) return true;
        next.ends_range = is_range;
        range = range || is_range;
        items.push_back(next);
        end = next.end;
    }
}

std::size_t Scanner::read_year(std::size_t i, int& year) const {
    if (i + 4 > n_) return npos;
    for (std::size_t k = i; k < i + 4; ++k)
        if (!is_digit(s_[k])) return npos;
    if (!boundary(i + 4)) return npos;
    year = std::stoi(std::string(s_.substr(i, 4)));
    return year >= 1800 && year <= 2100 ? i + 4 : npos;
}

std::size_t Scanner::constitution_at(std::size_t i) const {
    for (std::string_view p :
         {"this Constitution", "the Constitution", "the Council's Constitution", "our Constitution"})
        if (std::size_t e = match(i, p); e != npos) return e;
    return npos;
}

// "of this guidance", "of these Rules": the document the words stand in, by any of the
// names councils give their protocols, codes and procedures.
std::size_t Scanner::this_protocol_at(std::size_t i) const {
    static constexpr std::string_view names[] = {
        "this Protocol",    "this Code",      "this document",    "this guidance",       "this guide",
        "this procedure",   "this policy",    "this note",        "this scheme",         "this charter",
        "this framework",   "this statement", "these Protocols",  "these Rules",         "these Procedure Rules",
        "these guidelines", "this guideline", "these procedures", "this Standing Order", "these Standing Orders"};
    for (std::string_view p : names)
        if (std::size_t e = match(i, p); e != npos) return e;
    return npos;
}

Found Scanner::statute_found(std::size_t begin, std::size_t end, const Statute* s, std::string document) const {
    Found f;
    f.begin = begin;
    f.end = end;
    f.ref.kind = ReferenceKind::statute;
    if (s) {
        f.ref.document = s->citation();
        f.ref.url = legislation_url(*s);
        f.ref.resolved = true;
        f.statute = s;
    } else {
        f.ref.document = std::move(document);
    }
    return f;
}

void Scanner::add_target(Found& f, const Number& item, std::string number) {
    ReferenceTarget t;
    t.number = std::move(number);
    t.range_end = item.ends_range;
    f.ref.targets.push_back(std::move(t));
    f.target_offsets.push_back(item.begin);
}

void Scanner::add_targets(Found& f, const std::vector<Number>& items, bool range) {
    for (const auto& item : items) add_target(f, item, item.written);
    f.ref.is_range = range;
}

// Makes `f` (a statute citation) point at `items` inside it: sections, a schedule's
// paragraphs (`within` = "12A"), ...
void Scanner::pin(Found& f, Keyword kind, const std::vector<Number>& items, bool range, std::string_view within) {
    const std::string_view what = within.empty() ? pin_kind(kind) : "schedule";
    for (const auto& item : items)
        add_target(f, item,
                   within.empty() ? std::string(what) + " " + item.written
                                  : "schedule " + std::string(within) + " paragraph " + item.written);
    f.ref.is_range = range;
    if (f.statute) {
        // the address of the first provision cited; sub-sections have no page of their own
        const std::string& first = items.front().value;
        PinPoint p{std::string(what), within.empty() ? first : std::string(within) + "/paragraph/" + first};
        f.ref.url = legislation_url(*f.statute, p);
    }
}

// A name the protocol gave a statute: "the Act"; the longest that fits wins.
std::optional<Found> Scanner::statute_name(std::size_t i) const {
    std::optional<Found> best;
    const std::size_t q = open_quote(i);
    for (const auto& [name, statute] : ctx_.statute_names) {
        std::size_t e = match(i + q, name);
        if (e == npos) continue;
        if (q) e += close_quote(e);
        if (!best || e > best->end) best = statute_found(i, e, statute, "");
    }
    return best;
}

std::optional<Found> Scanner::statute_at(std::size_t i) {
    if (std::size_t e = match(i, "Schedule"); e != npos) return schedule(i, e);
    if (auto f = statute_name(i)) return f;
    std::size_t t = skip_the(i);
    if (t < n_ && is_upper(s_[t])) {
        if (auto f = statute_abbreviation(t, word_end(t))) return f;
        if (auto f = statute_title(t)) return f;
    }
    return std::nullopt;
}

// "Local Government Finance Act 1988", "Local Government Acts 1972-2000", "Freedom of
// Information Act", "General Data Protection Regulation".
Scanner::TitleWord Scanner::title_word(std::size_t begin, std::size_t end) const {
    std::string_view token = s_.substr(begin, end - begin);
    std::string_view core = token;
    if (!core.empty() && core.front() == '(') core.remove_prefix(1);
    while (!core.empty() && (core.back() == ')' || core.back() == ',')) core.remove_suffix(1);
    if (core.empty()) return TitleWord::no;
    for (char c : core)
        if (is_digit(c)) return TitleWord::no;
    // a word that ends a sentence ends any title
    if (core != "etc." && (token.back() == '.' || token.back() == ';' || token.back() == ':')) return TitleWord::no;
    if (is_upper(core.front())) return TitleWord::capitalised;
    return is_title_connector(core) ? TitleWord::connector : TitleWord::no;
}

bool Scanner::is_title_end(std::size_t begin, std::size_t end) const {
    const std::string_view word = s_.substr(begin, end - begin);
    return word == "Act" || word == "Acts" || word == "Regulation" || word == "Regulations";
}

std::size_t Scanner::read_title_years(std::size_t w, bool collection, int& year) const {
    std::size_t t = skip_space(w);
    std::size_t end = t > w ? read_year(t, year) : npos;
    if (end == npos) return w;
    if (collection) {  // "Acts 1972-2000", "Acts 1972 to 2000"
        std::size_t r = npos;
        if (end < n_ && s_[end] == '-')
            r = end + 1;
        else if (at(end, "\u2013"))
            r = end + 3;
        else if (skip_space(end) > end)
            r = match(skip_space(end), "to ");
        int last_year = 0;
        if (r != npos)
            if (std::size_t e = read_year(r, last_year); e != npos) end = e;
    }
    return end;
}

// tokens_ (in the order of the text) are the words before the title's last word, which
// spans [last_begin, last_end). Words in front are dropped until the table knows the title.
std::optional<Found> Scanner::finish_title(std::size_t last_begin, std::size_t last_end) const {
    const bool collection = s_.substr(last_begin, last_end - last_begin) == "Acts";
    int year = 0;
    const std::size_t end = read_title_years(last_end, collection, year);
    std::size_t first = 0;
    while (first < tokens_.size() && (title_word(tokens_[first].begin, tokens_[first].end) != TitleWord::capitalised ||
                                      match(tokens_[first].begin, "the ") != npos))
        ++first;
    if (first == tokens_.size()) return std::nullopt;
    // no title in the table is longer than this, with room for "the " and odd spacing
    static const std::size_t longest_title = [] {
        std::size_t longest = 0;
        for (const auto& st : statutes()) longest = std::max(longest, st.title.size());
        return longest + 16;
    }();
    for (std::size_t k = first; k < tokens_.size(); ++k) {
        if (last_end - tokens_[k].begin > longest_title) continue;
        std::string title(s_.substr(tokens_[k].begin, last_end - tokens_[k].begin));
        if (collection) title.pop_back();  // "Acts" -> "Act": the collection's first
        if (const Statute* st = find_statute(title, year)) {
            Found f = statute_found(tokens_[k].begin, end, st, "");
            if (collection) {
                // the Local Government Acts 1972-2000 are a collection, not one page
                f.ref.document = std::string(s_.substr(tokens_[k].begin, end - tokens_[k].begin));
                f.ref.url.clear();
                f.ref.resolved = false;
            }
            return f;
        }
    }
    // Unknown to the table: kept, without a link, when it is plainly an Act.
    if (s_.substr(last_begin, last_end - last_begin) != "Act" || year == 0) return std::nullopt;
    const std::size_t b = tokens_[first].begin;
    return statute_found(b, end, nullptr, std::string(s_.substr(b, end - b)));
}

// Forward, from the title's first word: after "section 5 of the".
std::optional<Found> Scanner::statute_title(std::size_t i) {
    tokens_.clear();
    std::size_t p = i;
    for (int count = 0; count < 16 && p - i <= max_title; ++count) {
        std::size_t e = p;
        while (e < n_ && e - p <= max_title_word && s_[e] != ' ' && s_[e] != '\t' && !at(e, "\u00A0")) ++e;
        if (e - p > max_title_word) return std::nullopt;
        const std::size_t word_begin = p + (s_[p] == '(' ? 1 : 0);
        const std::size_t w = word_end(word_begin);
        if (!tokens_.empty() && is_title_end(word_begin, w)) return finish_title(word_begin, w);
        const TitleWord kind = title_word(p, e);
        if (kind == TitleWord::no || (tokens_.empty() && kind != TitleWord::capitalised)) return std::nullopt;
        tokens_.push_back({p, e});
        std::size_t next = skip_space(e);
        if (next == e || next >= n_) return std::nullopt;
        p = next;
    }
    return std::nullopt;
}

// Backward, from the title's last word ("Act" at i): the words before it that can be part
// of a title, back to the last reference found. Titles are read only where they end.
std::optional<Found> Scanner::statute_ending(std::size_t i, std::size_t word_end) {
    const std::size_t floor = refs_.size() > first_ref_ ? refs_.back().end : 0;
    auto space_before = [&](std::size_t k) {
        if (k > floor && (s_[k - 1] == ' ' || s_[k - 1] == '\t')) return std::size_t{1};
        if (k >= floor + 2 && s_[k - 2] == '\xC2' && s_[k - 1] == '\xA0') return std::size_t{2};
        return std::size_t{0};
    };
    tokens_.clear();
    std::size_t k = i;
    for (int count = 0; count < 16; ++count) {
        std::size_t te = k;
        while (std::size_t sp = space_before(te)) te -= sp;
        if (te == k) break;  // the title's words are separated by spaces
        std::size_t tb = te;
        while (tb > floor && te - tb <= max_title_word && !space_before(tb)) --tb;
        if (te - tb > max_title_word || i - tb > max_title || title_word(tb, te) == TitleWord::no) break;
        tokens_.push_back({tb, te});
        k = tb;
    }
    std::reverse(tokens_.begin(), tokens_.end());
    return finish_title(i, word_end);
}

// "LGA 1972", "FOIA", "UK GDPR"
std::optional<Found> Scanner::statute_abbreviation(std::size_t i, std::size_t word_end) const {
    std::size_t b = i;
    std::size_t e = word_end;
    if (e - b < 2 || !is_upper(s_[b]) || !is_upper(s_[b + 1])) return std::nullopt;
    std::string_view word = s_.substr(b, e - b);
    if (word == "UK" || word == "EU") {
        std::size_t t = skip_space(e);
        std::size_t g = match(t, "GDPR");
        if (t == e || g == npos) return std::nullopt;
        word = "GDPR";
        e = g;
    }
    int year = 0;
    std::size_t end = e;
    if (std::size_t t = skip_space(e); t > e)
        if (std::size_t y = read_year(t, year); y != npos) end = y;
    const Statute* st = find_statute_by_abbreviation(word, year);
    if (!st) return std::nullopt;
    return statute_found(b, end, st, "");
}

const WordInfo* Scanner::lookup_word(std::size_t i, std::size_t word_end) const {
    const std::size_t length = word_end - i;
    if (length == 0 || length > max_indexed_word) return nullptr;
    const char first = to_lower(s_[i]);
    if (first < 'a' || first > 'z') return nullptr;  // "-o": no indexed word starts so
    const Folded word = Folded::of(s_.data() + i, length, i + 16 <= n_);
    for (const Folded& entry : index_.by_shape[first - 'a'][length])
        if (entry.same_word(word)) return entry.info;
    return nullptr;
}

std::optional<Found> Scanner::document(std::size_t i, std::size_t word_end, const WordInfo* word) const {
    if (!word || word->documents.empty()) return std::nullopt;
    // "Officers" is mostly just a word: the byte after it (an apostrophe or the next word's
    // first letter) turns most uses away before any name is compared
    char next = 0;
    if (word_end < n_ && (s_[word_end] == '\'' || (s_[word_end] == '\xE2' && at(word_end, "\u2019"))))
        next = '\'';
    else if (word_end + 1 < n_ && s_[word_end] == ' ')
        next = to_lower(s_[word_end + 1]);
    else if (std::size_t t = skip_space(word_end); t > word_end && t < n_)
        next = to_lower(s_[t]);
    for (const auto& [d, d_next] : word->documents) {
        if (d_next != next) continue;
        std::size_t e = match(i, d->written);
        if (e == npos) continue;
        // the LGA's "Model Councillor Code of Conduct" is not this council's code
        if (i >= 6 && match(i - 6, "Model ") == i) return std::nullopt;
        Found f;
        f.begin = i;
        f.end = e;
        f.ref.kind = ReferenceKind::constitution;
        f.ref.document = std::string(d->canonical);
        return f;
    }
    return std::nullopt;
}

// "Part 3", "Part 3 of this Constitution", "Part VA of the Local Government Act 1972"
std::optional<Found> Scanner::part(std::size_t i, std::size_t keyword_end) {
    std::size_t t = skip_space(keyword_end);
    if (t == keyword_end || t >= n_) return std::nullopt;
    std::size_t e = t;
    if (is_digit(s_[t])) {
        while (e < n_ && is_digit(s_[e])) ++e;
    } else {
        while (e < n_ && std::string_view("IVXLC").find(s_[e]) != npos) ++e;
        if (e > t && e < n_ && is_upper(s_[e])) ++e;  // Part VA
    }
    if (e == t || !boundary(e)) return std::nullopt;
    const std::string number(s_.substr(t, e - t));
    std::size_t end = e;
    if (std::size_t of = match(skip_space(e), "of "); of != npos) {
        if (std::size_t c = constitution_at(of); c != npos) {
            end = c;
        } else if (auto st = statute_at(of)) {
            st->begin = i;
            Number n;
            n.begin = t;
            n.value = n.written = number;
            pin(*st, Keyword::part, {n}, false);
            return st;
        }
    }
    Found f;
    f.begin = i;
    f.end = end;
    f.ref.kind = ReferenceKind::constitution;
    f.ref.part = number;
    // "Part 4 Rules of Procedure", "Part 3 – Access to Information Procedure Rules"
    if (end == e) {
        std::size_t t2 = skip_space(e);
        for (std::string_view dash : {"-", "\u2013", ":"})
            if (at(t2, dash)) t2 = skip_space(t2 + dash.size());
        if (t2 > e && t2 < n_ && is_upper(s_[t2])) {
            const std::size_t w = word_end(t2);
            if (auto doc = document(t2, w, lookup_word(t2, w))) {
                f.end = doc->end;
                f.ref.document = std::move(doc->ref.document);
            }
        }
    }
    return f;
}

// "Schedule 12A to the Local Government Act 1972"; "Schedule 12A" alone belongs to the
// statute cited last in the clause.
std::optional<Found> Scanner::schedule(std::size_t i, std::size_t word_end) {
    std::size_t t = skip_space(word_end);
    Number n;
    if (t == word_end || !read_number(t, n) || n.value.find('.') != std::string::npos) return std::nullopt;
    std::optional<Found> f;
    std::size_t after = skip_space(n.end);
    std::size_t link = match(after, "to ");
    if (link == npos) link = match(after, "of ");
    if (link != npos) f = statute_at(link);
    if (!f) {
        if (!ctx_.last_statute) return std::nullopt;
        f = statute_found(i, n.end, ctx_.last_statute, "");
    }
    f->begin = i;
    pin(*f, Keyword::schedule, {n}, false);
    return f;
}

std::optional<Found> Scanner::numbered(std::size_t i, std::size_t keyword_end, KeywordInfo kw) {
    std::size_t j = keyword_end;
    if (kw.abbreviation && j < n_ && s_[j] == '.') ++j;
    // "s151" and "s.151" but not "Councillor's": a short form needs its number or dot
    if (kw.keyword == Keyword::short_section && j == keyword_end && !(j < n_ && is_digit(s_[j]))) return std::nullopt;
    j = skip_space(j);
    std::vector<Number> items;
    bool range = false;
    std::size_t end = 0;
    if (!read_number_list(j, items, range, end)) return std::nullopt;

    const bool section_word = kw.keyword == Keyword::section || kw.keyword == Keyword::short_section;
    const bool statute_only =
        kw.keyword == Keyword::short_section || kw.keyword == Keyword::regulation || kw.keyword == Keyword::article;
    std::size_t after = skip_space(end);

    // "Section 151 Officer": the chief finance officer, named after the 1972 Act
    if (section_word && items.size() == 1 && items[0].written == "151" && after > end &&
        (match(after, "Officer") != npos || match(after, "Officers") != npos)) {
        Found f = statute_found(i, end, find_statute("Local Government Act", 1972), "");
        pin(f, Keyword::section, items, false);
        return f;
    }

    if (std::size_t of = after > end ? match(after, "of ") : npos; of != npos) {
        const std::size_t named = skip_the(of);
        if (std::size_t e = this_protocol_at(of); e != npos && !statute_only) {
            end = e;  // an internal reference, spelt out
        } else if (std::size_t c = constitution_at(of); c != npos) {
            Found f;
            f.begin = i;
            f.end = c;
            f.ref.kind = ReferenceKind::constitution;
            add_targets(f, items, range);
            return f;
        } else if (match(of, "Part ") != npos) {
            auto f = part(of, of + 4);
            if (!f) return std::nullopt;
            f->begin = i;
            if (f->ref.kind == ReferenceKind::statute) return f;  // a part of an Act: keep the part
            add_targets(*f, items, range);
            return f;
        } else if (auto st = statute_at(of)) {
            const bool in_schedule = !st->ref.targets.empty();  // "paragraph 3 of Schedule 12A to ..."
            std::string schedule_number;
            if (in_schedule) {
                schedule_number = st->ref.targets.front().number.substr(std::string_view("schedule ").size());
                st->ref.targets.clear();
                st->target_offsets.clear();
            }
            st->begin = i;
            pin(*st, kw.keyword, items, range, schedule_number);
            ctx_.last_statute = st->statute ? st->statute : ctx_.last_statute;
            return st;
        } else if (auto doc = document(named, word_end(named), lookup_word(named, word_end(named)))) {
            doc->begin = i;
            add_targets(*doc, items, range);
            return doc;
        } else {
            return std::nullopt;  // a paragraph of something this tool does not know
        }
    }

    // "the Localism Act 2011, section 27": a section right after a statute's title is its
    // pin-point, as "section 27 of the Localism Act 2011" is
    if (section_word && refs_.size() > first_ref_ && refs_.back().statute && refs_.back().ref.targets.empty()) {
        std::size_t gap = refs_.back().end;
        if (gap < n_ && s_[gap] == ',') ++gap;
        if (skip_space(gap) == i) {
            Found f = statute_found(i, end, refs_.back().statute, "");
            pin(f, Keyword::section, items, range);
            return f;
        }
    }

    if (statute_only) {
        // "s.3" alone belongs to the statute cited last in the clause
        if (kw.keyword != Keyword::short_section || !ctx_.last_statute) return std::nullopt;
        Found f = statute_found(i, end, ctx_.last_statute, "");
        pin(f, kw.keyword, items, range);
        return f;
    }

    for (const auto& item : items)
        if (item.has_letters) return std::nullopt;
    Found f;
    f.begin = i;
    f.ref.kind = ReferenceKind::internal;
    f.internal_word = section_word ? InternalWord::section : InternalWord::clause;
    add_targets(f, items, range);
    if (std::size_t t = skip_space(end); t > end) {
        if (std::size_t e = match(t, "above"); e != npos) {
            end = e;
            f.direction = -1;
        } else if (std::size_t e2 = match(t, "below"); e2 != npos) {
            end = e2;
            f.direction = 1;
        }
    }
    f.end = end;
    return f;
}

std::optional<Found> Scanner::at_word(std::size_t i, std::size_t word_end) {
    const WordInfo* word = lookup_word(i, word_end);
    if (!word) return std::nullopt;
    if (word->keyword) {
        std::optional<Found> f;
        switch (word->keyword->keyword) {
            case Keyword::part: f = part(i, word_end); break;
            case Keyword::schedule: f = schedule(i, word_end); break;
            case Keyword::referred: referred_to_as(i, word_end); break;
            default: f = numbered(i, word_end, *word->keyword); break;
        }
        if (f) return f;
    }
    if (auto f = document(i, word_end, word)) return f;
    if (word->abbreviation)
        if (auto f = statute_abbreviation(i, word_end)) return f;
    if (word->ends_title && is_upper(s_[i])) return statute_ending(i, word_end);
    if (word->defines) unquoted_means(i, word_end);
    return std::nullopt;
}

// ------------------------------------------------------------ definitions

// ... referred to as "officers" throughout; referred to as the 'Monitoring Officer';
// referred to as the Monitoring Officer
void Scanner::referred_to_as(std::size_t i, std::size_t word_end) {
    std::size_t e = match(i, "referred to as ");
    if (e == npos || e < word_end) return;
    e = skip_the(e);
    std::string term;
    if (read_quoted(e, term) != npos) {
        add_term(e + open_quote(e), std::move(term));
    } else if (std::size_t name_end = read_name(e); name_end != npos) {
        add_term(e, std::string(s_.substr(e, name_end - e)));
    }
}

// Local Government Act 1986 ("the Act"); Somerset Council ("the Council"); the Head of
// Legal Services (the Monitoring Officer); the Council (the “Authority”)
void Scanner::bracketed_name(std::size_t i) {
    const std::size_t j = i + 1;
    const Found* last = refs_.size() > first_ref_ ? &refs_.back() : nullptr;
    const bool names_statute = last && last->statute && skip_space(last->end) == i;
    std::string term;
    std::size_t term_begin = j + open_quote(j);
    std::size_t close = read_quoted(j, term);
    if (close == npos && match(j, "the ") != npos) {
        if (const std::size_t t = skip_the(j); open_quote(t)) {
            close = read_quoted(t, term);  // (the “Authority”)
            term_begin = t + open_quote(t);
        } else if (names_statute) {
            // (the Act) straight after a statute
            std::size_t e = j;
            while (e < n_ && s_[e] != ')' && s_[e] != '(' && e - j <= 40) ++e;
            if (e < n_ && s_[e] == ')') {
                term = std::string(s_.substr(j, e - j));
                close = e;
                term_begin = j;
            }
        } else if (std::size_t name_end = read_name(t); name_end != npos && i >= 2 && s_[i - 1] == ' ') {
            // (the Monitoring Officer) after a name: the word before is capitalised too
            std::size_t w = i - 1;
            while (w > 0 && s_[w - 1] != ' ') --w;
            if (!is_upper(s_[w])) return;
            term = std::string(s_.substr(t, name_end - t));
            close = name_end;
            term_begin = t;
        }
    }
    if (close == npos || close >= n_ || s_[close] != ')') return;
    if (names_statute) ctx_.statute_names[lower(term)] = last->statute;
    add_term(term_begin, std::move(term));
}

std::size_t Scanner::read_name(std::size_t i) const {
    std::size_t end = npos;
    std::size_t p = i;
    for (int words = 0; words < 6 && p < n_; ++words) {
        const std::size_t e = word_end(p);
        if (e == p) break;
        const std::string_view word = s_.substr(p, e - p);
        if (is_upper(s_[p]))
            end = e;
        else if (words == 0 || !is_title_connector(word))
            break;
        const std::size_t next = skip_space(e);
        if (next == e) break;
        p = next;
    }
    return end;
}

// A sentence that opens a definition: "In this Protocol, ", "For the purposes of this
// Code " (any case, comma or not), or nothing at all when the run starts a paragraph.
bool Scanner::opens_definition_at(std::size_t i) const {
    if (i == 0) return ctx_.block_start;
    std::size_t k = i;
    while (k > 0 && s_[k - 1] == ' ') --k;
    if (k == i) return false;
    if (k > 0 && s_[k - 1] == ',') --k;
    static const std::string_view openers[] = {"in this protocol", "in this code", "in this document",
                                               "for the purposes of this protocol", "for the purposes of this code"};
    for (std::string_view o : openers) {
        if (k < o.size()) continue;
        const std::size_t b = k - o.size();
        if (b > 0 && s_[b - 1] != ' ') continue;
        bool same = true;
        for (std::size_t m = 0; m < o.size() && same; ++m) same = to_lower(s_[b + m]) == o[m];
        if (same) return true;
    }
    return false;
}

// Councillor means ...; In this Protocol, Chief Officer includes ...; Officer shall mean ...
// The term is read backwards from its verb, and kept only where a definition may start:
// "The separation of roles means that" and "This includes" define nothing.
void Scanner::unquoted_means(std::size_t i, std::size_t verb_end) {
    const std::string_view verb = s_.substr(i, verb_end - i);
    std::size_t k = i;
    if (verb == "mean" || verb == "include") {
        if (k < 6 || s_.substr(k - 6, 6) != "shall ") return;
        k -= 6;
    } else if (verb != "means" && verb != "includes") {
        return;
    }
    if (k < 2 || s_[k - 1] != ' ') return;
    const std::size_t term_end = k - 1;
    // the words before the verb that can name something, nearest first
    std::size_t starts[6];
    std::size_t count = 0;
    std::size_t te = term_end;
    while (count < 6) {
        std::size_t tb = te;
        while (tb > 0 && is_alpha(s_[tb - 1])) --tb;
        if (tb == te || (tb > 0 && s_[tb - 1] != ' ' && s_[tb - 1] != ',')) break;
        const std::string_view word = s_.substr(tb, te - tb);
        if (!is_upper(s_[tb]) && (count == 0 || !is_title_connector(word))) break;
        starts[count++] = tb;
        if (tb < 2 || s_[tb - 1] != ' ') break;
        te = tb - 1;
    }
    // the longest name that a definition may open with
    for (std::size_t n = count; n-- > 0;) {
        std::size_t b = starts[n];
        if (!is_upper(s_[b]) || !opens_definition_at(b)) continue;
        if (std::size_t e = match(b, "The "); e != npos && e < term_end) b = e;
        // "This includes", "Any Member means well": a subject, not a name
        static const std::string_view determiners[] = {
            "This", "That", "These", "Those", "It",  "Which", "What", "There", "Such", "Each", "Every", "Any", "All",
            "No",   "Some", "Our",   "Their", "His", "Her",   "Its",  "He",    "She",  "They", "We",    "You"};
        const std::string_view first = s_.substr(b, word_end(b) - b);
        if (std::find(std::begin(determiners), std::end(determiners), first) != std::end(determiners)) return;
        add_term(b, std::string(s_.substr(b, term_end - b)));
        return;
    }
}

std::size_t Scanner::read_quoted(std::size_t i, std::string& term) const {
    std::size_t q = open_quote(i);
    if (!q) return npos;
    std::size_t b = i + q;
    for (std::size_t e = b; e < n_ && e - b <= 60; ++e) {
        if (std::size_t c = close_quote(e)) {
            // an apostrophe inside a word ("Council's") does not close the quote
            if (c == 3 && at(e, "\u2019") && e + 3 < n_ && is_alpha(s_[e + 3])) continue;
            if (c == 1 && s_[e] == '\'' && e + 1 < n_ && is_alpha(s_[e + 1])) continue;
            if (e == b) return npos;
            term = std::string(s_.substr(b, e - b));
            return e + c;
        }
        if (s_[e] == '(' || s_[e] == ')') return npos;
    }
    return npos;
}

void Scanner::add_term(std::size_t begin, std::string term) { terms_.push_back({begin, std::move(term)}); }

// "Councillor" means ...; 'Officer' includes ...
void Scanner::quoted_means(std::size_t i) {
    std::string term;
    std::size_t e = read_quoted(i, term);
    if (e == npos) return;
    std::size_t t = skip_space(e);
    if (t == e || defining_verb(s_.substr(t)) == 0) return;
    add_term(i + open_quote(i), std::move(term));
}

// 64 bytes at a time: the bits of a block say where words start and where a definition may
// open, and only those places are looked at; the words in between cost a few
// instructions each.
void Scanner::run() {
    // locals, so that the compiler keeps them in registers across the calls below
    const char* const text = s_.data();
    const std::size_t n = n_;
    std::size_t base = 0;
    while (base < n) {
        Block block;
        if (n - base >= 64) {
            block = block_at(text + base);
        } else {
            char tail[64] = {};  // zeros are neither letters nor openers
            std::memcpy(tail, text + base, n - base);
            block = block_at(tail);
        }
        const std::uint64_t letter_before = base > 0 && is_alpha(text[base - 1]) ? 1 : 0;
        std::uint64_t events = (block.letters & ~((block.letters << 1) | letter_before)) | block.openers;
        std::size_t next_base = base + 64;
        while (events) {
            const std::size_t k = static_cast<std::size_t>(std::countr_zero(events));
            const std::size_t i = base + k;
            events &= events - 1;
            if (!((block.letters >> k) & 1)) {
                if (text[i] == '(')
                    bracketed_name(i);
                else if (open_quote(i) && !(i > 0 && is_alnum(text[i - 1])))
                    quoted_means(i);
                continue;
            }
            // the word ends where the block's letters do, unless it runs on past the block
            // or joins a hyphen ("sub-paragraph")
            const std::uint64_t after = ~block.letters >> k;
            std::size_t we = i + static_cast<std::size_t>(std::countr_zero(after));  // 64 when none
            if (!after || we >= n || text[we] == '-') we = word_end(i);
            std::size_t resume = we;
            // most words start nothing: the shape of the word turns them away
            if (index_.has_shape(text + i, we - i) && (i == 0 || !is_digit(text[i - 1]))) {  // "12A" is a number
                if (auto f = at_word(i, we)) {
                    if (f->statute) ctx_.last_statute = f->statute;
                    resume = f->end;
                    refs_.push_back(std::move(*f));
                }
            }
            // what was read is not looked at again
            if (resume - base >= 64) {
                next_base = resume;
                break;
            }
            events &= ~std::uint64_t{0} << (resume - base);
        }
        base = next_base;
    }
}

}  // namespace

std::size_t defining_verb(std::string_view s) {
    for (std::string_view verb : {"means", "includes", "shall mean", "shall include"})
        if (s.substr(0, verb.size()) == verb && (s.size() == verb.size() || !is_alnum(s[verb.size()])))
            return verb.size();
    return 0;
}

// At most max_sentence bytes either side of the term, so that a run of text with many
// definitions and no full stop stays linear.
std::string sentence_around(std::string_view s, std::size_t i) {
    auto ends_sentence = [&](std::size_t k) { return s[k] == '.' || s[k] == '?' || s[k] == '!'; };
    std::size_t b = i;
    while (b > 0 && i - b < max_sentence && !(b >= 2 && s[b - 1] == ' ' && ends_sentence(b - 2))) --b;
    std::size_t e = i;
    while (e < s.size() && e - i < max_sentence && !(ends_sentence(e) && (e + 1 == s.size() || s[e + 1] == ' '))) ++e;
    if (e < s.size()) ++e;
    // a sentence cut at the length bound is cut between characters, never inside one
    auto inside_character = [&](std::size_t k) {
        return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
    };
    while (inside_character(b) && b < i) ++b;
    while (inside_character(e) && e > b) --e;
    std::string_view out = s.substr(b, e - b);
    while (!out.empty() && out.front() == ' ') out.remove_prefix(1);
    return std::string(out);
}

void scan(std::string_view text, ScanContext& context, std::vector<Found>& refs, std::vector<FoundTerm>& terms) {
    Scanner(text, context, refs, terms).run();
}

}  // namespace protopub::refs::detail
