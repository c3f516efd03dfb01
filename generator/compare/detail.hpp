// Internals of the comparison shared by its .cpp files (not part of the public API).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compare/compare.hpp"

namespace protopub::compare::detail {

// The words of the heading a clause sits under join its own words marked with this
// prefix: councils that word a rule differently still file it under "Correspondence".
constexpr char heading_mark = '^';
inline bool is_heading_term(const std::string& term) { return !term.empty() && term[0] == heading_mark; }

// A TF-IDF vector: (term, weight) sorted by term, L2-normalised.
struct TermWeight {
    std::uint32_t term;
    float weight;
};
using SparseVector = std::vector<TermWeight>;

// What two vectors share: their cosine, and how much of each one's weight the other
// holds (the containment of a in b, and of b in a).
struct Overlap {
    double dot = 0;
    double in_b = 0;
    double in_a = 0;
    void add(float wa, float wb) {
        dot += double(wa) * wb;
        in_b += double(wa) * wa;
        in_a += double(wb) * wb;
    }
    // The similarity of two clauses of `words_a` and `words_b` normalised words, 0..1.
    double score(std::size_t words_a, std::size_t words_b) const;
};
constexpr double containment_weight = 0.55;
constexpr double containment_floor = 0.4;
constexpr std::size_t min_contained_words = 3;

Overlap overlap(const SparseVector& a, const SparseVector& b);

// Every unit's terms weighted by TF-IDF over all units, and its number of words.
struct Features {
    std::vector<SparseVector> vectors;
    std::vector<std::uint32_t> words;
    std::vector<std::string> vocabulary;            // the text of each term id (for labels)
    std::vector<std::uint32_t> document_frequency;  // per term id: how many units have it
    double similarity(std::uint32_t a, std::uint32_t b) const {
        return overlap(vectors[a], vectors[b]).score(words[a], words[b]);
    }
};
Features tfidf_features(const std::vector<std::vector<std::string>>& words_per_unit);

struct Scored {
    std::uint32_t unit;  // global unit index
    float score;
};

// Runs `work(i)` for i in [0, n) on `threads` threads; `tick` (on the calling thread only)
// gets the number of items done so far now and then.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t)>& tick);

// Exact scores of each query against a (small) target set, through an inverted index
// over the targets' terms: for every query, the targets scoring >= min_score, best
// first (ties: nearest in place, by `unit_doc`'s runs of units), at most `keep`.
std::vector<std::vector<Scored>> score_against(const Features& features, const std::vector<std::uint32_t>& targets,
                                               const std::vector<std::uint32_t>& queries,
                                               const std::vector<std::uint32_t>& unit_doc, double min_score,
                                               std::size_t keep, unsigned threads, const Progress& progress);

struct Edge {
    std::uint32_t a;  // global unit indices in different documents
    std::uint32_t b;
    float score;
};

// Each unit's candidates among `units` in every other document: {a, b, score} where b is
// one of a's `keep` best candidates in b's document scoring >= min_score (and of its
// `keep_total` best in all), grouped by a, best first within each document. Candidates come from an inverted index over
// each unit's most distinctive terms, so the cost follows the number of similar pairs, not the square of the number of
// clauses, and the lists are capped however alike they are.
std::vector<Edge> similar_pairs(const Features& features, const std::vector<std::uint32_t>& units,
                                const std::vector<std::uint32_t>& unit_doc, double min_score, std::size_t keep,
                                std::size_t keep_total, unsigned threads, const Progress& progress);

// Order-aware choice of base clauses for one document's units (in document order).
// candidates[i]: base units scoring at least the weakest acceptable score for unit i,
// best first; base_position: the base unit's place in base order. Candidates that
// `accept` accepts are taken on their own; weaker ones only where they continue a run of
// matches. Returns, per unit, the chosen base units (usually none or one; two when
// the unit merges neighbouring base clauses).
std::vector<std::vector<Scored>> assign_in_order(const std::vector<std::vector<Scored>>& candidates,
                                                 const std::vector<int>& base_position, const Acceptance& accept);

// Each unit's counterparts in every other document it has candidates in, chosen in order
// as assign_in_order chooses against a base, for every ordered pair of documents. In
// {a, b, score}, b is a's counterpart. `candidates` (as similar_pairs gives them) is
// sorted by document pair on the way; `refs` gives each global unit's document and place.
std::vector<Edge> directed_matches(std::vector<Edge>& candidates, const std::vector<UnitRef>& refs,
                                   const Acceptance& accept, unsigned threads);

// Clusters units by merging along edges, best first, never joining two clusters that
// hold clauses of the same document, except that a unit left alone joins the cluster of
// a longer partner (a split). Returns clusters of size >= 1 for every unit in `units`,
// each sorted, in order of their smallest unit.
std::vector<std::vector<std::uint32_t>> cluster_units(const std::vector<std::uint32_t>& units, std::vector<Edge> edges,
                                                      const std::vector<std::uint32_t>& unit_doc,
                                                      const std::vector<std::uint32_t>& unit_words,
                                                      std::size_t document_count);

}  // namespace protopub::compare::detail
