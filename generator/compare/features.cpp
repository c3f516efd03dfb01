// Clause words -> normalised terms -> TF-IDF vectors.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "compare/detail.hpp"

namespace protopub::compare {

namespace {

// Words that carry no meaning for "do these clauses say the same thing".
const std::unordered_set<std::string_view>& stop_words() {
    static const std::unordered_set<std::string_view> words = {
        "a",     "about",  "above",   "after", "again",  "all",    "also",       "am",     "an",     "and",    "any",
        "are",   "as",     "at",      "be",    "been",   "before", "being",      "both",   "but",    "by",     "can",
        "could", "did",    "do",      "does",  "doing",  "during", "e",          "each",   "eg",     "either", "etc",
        "for",   "from",   "further", "g",     "had",    "has",    "have",       "having", "he",     "her",    "here",
        "hers",  "him",    "his",     "how",   "i",      "ie",     "if",         "in",     "into",   "is",     "it",
        "its",   "itself", "may",     "me",    "might",  "more",   "most",       "must",   "my",     "no",     "nor",
        "not",   "of",     "off",     "on",    "once",   "only",   "or",         "other",  "others", "our",    "ours",
        "out",   "over",   "own",     "s",     "same",   "shall",  "she",        "should", "so",     "some",   "such",
        "than",  "that",   "the",     "their", "theirs", "them",   "themselves", "then",   "there",  "these",  "they",
        "this",  "those",  "through", "to",    "too",    "under",  "until",      "up",     "upon",   "very",   "via",
        "was",   "we",     "were",    "what",  "when",   "where",  "whether",    "which",  "while",  "whilst", "who",
        "whom",  "why",    "will",    "with",  "within", "would",  "you",        "your",
    };
    return words;
}

// Words that name the same thing in different councils' texts (after stemming): the
// vocabulary of member/officer protocols, where one council's "harassment" is another's
// "bullying" and one's "political group" another's "party group".
const std::unordered_map<std::string_view, std::string_view>& synonyms() {
    static const std::unordered_map<std::string_view, std::string_view> words = {
        {"member", "councillor"}, {"councilor", "councillor"}, {"employee", "officer"},   {"staff", "officer"},
        {"authority", "council"}, {"chairman", "chair"},       {"chairmen", "chair"},     {"chairperson", "chair"},
        {"e-mail", "email"},      {"harass", "bully"},         {"intimid", "bully"},      {"advic", "advis"},
        {"letter", "correspond"}, {"griev", "complain"},       {"complaint", "complain"}, {"courtesy", "polit"},
        {"neutral", "impartial"}, {"resident", "constituent"}, {"press", "media"},        {"political", "party"},
        {"induction", "train"},   {"division", "ward"},
    };
    return words;
}

// Words of a council's name that are not its proper name.
bool generic_name_word(std::string_view w) {
    static const std::unordered_set<std::string_view> words = {
        "borough", "city", "council", "county", "district", "metropolitan", "of",
        "the",     "and",  "town",    "parish", "royal",    "london",       "model",
    };
    return words.count(w) > 0;
}

// Plural, possessive and verb endings, so "relationships"/"relationship" and
// "informed"/"inform" meet. Deliberately light: it must never join unrelated words.
std::string stem(std::string w) {
    auto ends = [&](std::string_view s) {
        return w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
    };
    if (w.size() > 4 && ends("ies"))
        w.replace(w.size() - 3, 3, "y");
    else if (ends("sses"))
        w.resize(w.size() - 2);
    else if (w.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is"))
        w.pop_back();
    if (w.size() > 5 && ends("ing"))
        w.resize(w.size() - 3);
    else if (w.size() > 4 && ends("ed") && !ends("eed"))
        w.resize(w.size() - 2);
    else if (w.size() > 5 && ends("ly"))
        w.resize(w.size() - 2);
    if (w.size() > 4 && ends("e")) w.pop_back();  // "raise", "raised", "raising" -> "rais"
    // Nouns and adjectives made from verbs meet their roots: "harassment"/"harassed",
    // "guidance"/"guide", "intimidation"/"intimidating", "politeness"/"polite".
    for (std::string_view suffix : {"ment", "ation", "anc", "enc", "ity", "ness", "at", "iv"})
        if (w.size() >= suffix.size() + 4 && ends(suffix)) {
            w.erase(w.size() - suffix.size());  // (resize here draws a false -Wrestrict from GCC 12)
            if (ends("e")) w.pop_back();
            break;
        }
    return w;
}

// Splits UTF-8 text into lower-case ASCII words. Apostrophes (straight or curly) join a
// word ("councillor's" -> "councillors"); hyphens, other punctuation and non-ASCII
// characters separate words.
std::vector<std::string> raw_words(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c)) {
            cur += static_cast<char>(std::tolower(c));
        } else if (c == '\'') {
            // apostrophe inside a word: skip it
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0x99 ||
                    static_cast<unsigned char>(text[i + 2]) == 0x98)) {
            i += 2;  // curly apostrophe / opening quote
            if (static_cast<unsigned char>(text[i]) == 0x98) flush();
        } else {
            if (c >= 0x80)
                while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
            flush();
        }
    }
    flush();
    return out;
}

bool has_digit(const std::string& w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> normalise_words(std::string_view text, std::string_view council) {
    std::unordered_set<std::string> name_words;
    for (auto& w : raw_words(council))
        if (!generic_name_word(w)) name_words.insert(w);
    std::vector<std::string> out;
    for (auto& w : raw_words(text)) {
        if (has_digit(w) || name_words.count(w) || stop_words().count(w)) continue;
        std::string s = stem(w);
        if (auto it = synonyms().find(s); it != synonyms().end()) s = it->second;
        if (s.size() < 2) continue;
        out.push_back(std::move(s));
    }
    return out;
}

namespace detail {

namespace {
// Word pairs tell "councillors can expect from officers" from "officers can expect from
// councillors"; at full weight they would drown the single words of a reworded clause.
constexpr double word_pair_weight = 0.5;
// Heading words say which topic a clause is filed under; they help tell two similar
// clauses apart but must not make every clause of a section alike.
constexpr double heading_weight = 0.5;
}  // namespace

double Overlap::score(std::size_t words_a, std::size_t words_b) const {
    // The shorter clause's share of weight found in the longer one: a council that split
    // a model clause keeps its words in a part, which cosine alone scores low.
    // Only a mostly-contained clause counts: a long clause holds some of anyone's words.
    const double contained = words_a <= words_b ? in_b : in_a;
    const bool short_enough = std::min(words_a, words_b) >= min_contained_words;
    const double part = std::max(0.0, (contained - containment_floor) / (1 - containment_floor));
    return std::min(1.0, std::max(dot, short_enough ? containment_weight * part : 0.0));
}

Overlap overlap(const SparseVector& a, const SparseVector& b) {
    Overlap o;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (i->term < j->term)
            ++i;
        else if (j->term < i->term)
            ++j;
        else {
            o.add(i->weight, j->weight);
            ++i, ++j;
        }
    }
    return o;
}

Features tfidf_features(const std::vector<std::vector<std::string>>& words_per_unit) {
    Features f;
    auto& vocabulary = f.vocabulary;
    std::unordered_map<std::string, std::uint32_t> ids;
    auto intern = [&](const std::string& term) {
        auto [it, fresh] = ids.try_emplace(term, static_cast<std::uint32_t>(vocabulary.size()));
        if (fresh) vocabulary.push_back(term);
        return it->second;
    };
    std::vector<std::vector<std::pair<std::uint32_t, float>>> counts(words_per_unit.size());
    for (std::size_t u = 0; u < words_per_unit.size(); ++u) {
        f.words.push_back(
            static_cast<std::uint32_t>(std::count_if(words_per_unit[u].begin(), words_per_unit[u].end(),
                                                     [](const std::string& w) { return !is_heading_term(w); })));
        const auto& words = words_per_unit[u];
        std::vector<std::uint32_t> terms;
        for (std::size_t k = 0; k < words.size(); ++k) {
            terms.push_back(intern(words[k]));
            if (k + 1 < words.size() && !is_heading_term(words[k]) && !is_heading_term(words[k + 1]))
                terms.push_back(intern(words[k] + ' ' + words[k + 1]));
        }
        std::sort(terms.begin(), terms.end());
        for (std::size_t k = 0; k < terms.size();) {
            std::size_t e = k;
            while (e < terms.size() && terms[e] == terms[k]) ++e;
            counts[u].push_back({terms[k], static_cast<float>(e - k)});
            k = e;
        }
    }
    auto& df = f.document_frequency;
    df.assign(vocabulary.size(), 0);
    for (const auto& c : counts)
        for (const auto& [t, n] : c) ++df[t];
    const double n_units = static_cast<double>(words_per_unit.size());
    auto& vectors = f.vectors;
    vectors.resize(counts.size());
    for (std::size_t u = 0; u < counts.size(); ++u) {
        double norm = 0;
        for (const auto& [t, n] : counts[u]) {
            const double pair_factor = is_heading_term(vocabulary[t])                 ? heading_weight
                                       : vocabulary[t].find(' ') == std::string::npos ? 1.0
                                                                                      : word_pair_weight;
            const double w = pair_factor * (1.0 + std::log(n)) * std::log(1.0 + n_units / df[t]);
            vectors[u].push_back({t, static_cast<float>(w)});
            norm += w * w;
        }
        norm = std::sqrt(norm);
        if (norm > 0)
            for (auto& tw : vectors[u]) tw.weight = static_cast<float>(tw.weight / norm);
    }
    return f;
}

}  // namespace detail
}  // namespace protopub::compare
