// Candidate retrieval through inverted indexes, and exact scoring of the candidates.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "compare/detail.hpp"

namespace protopub::compare::detail {

namespace {

// Each unit's most distinctive terms: the keys of the all-against-all index. A term that
// many units share is no key (its postings would pair up everything): at most
// max(key_df_floor, units / key_df_divisor) units may have it.
constexpr std::size_t key_terms_per_unit = 8;
constexpr std::size_t key_df_floor = 64;
constexpr std::size_t key_df_divisor = 100;
// At most this many candidates are scored for one unit (those sharing most key terms with it).
constexpr std::size_t max_scored_per_unit = 512;

// Each unit's place in its document, 0..1, from the documents' contiguous runs of units:
// candidates that tie are told apart by how near their places are, so that clauses which
// all share their wording do not all keep the same few candidates.
std::vector<float> relative_places(const std::vector<std::uint32_t>& unit_doc) {
    std::vector<float> place(unit_doc.size(), 0.0f);
    for (std::size_t first = 0; first < unit_doc.size();) {
        std::size_t end = first;
        while (end < unit_doc.size() && unit_doc[end] == unit_doc[first]) ++end;
        for (std::size_t g = first; g < end; ++g)
            place[g] = end - first > 1 ? float(g - first) / float(end - first - 1) : 0.0f;
        first = end;
    }
    return place;
}

// `better`, ties going to the candidate whose place is nearest `query`'s.
auto better_near(const std::vector<float>& place, std::uint32_t query) {
    return [&place, query](const Scored& x, const Scored& y) {
        if (x.score != y.score) return x.score > y.score;
        const float dx = std::abs(place[x.unit] - place[query]), dy = std::abs(place[y.unit] - place[query]);
        return dx != dy ? dx < dy : x.unit < y.unit;
    };
}

// The unit's heaviest terms among those rare enough; its rarest ones if none is.
SparseVector key_terms(const SparseVector& v, const std::vector<std::uint32_t>& df, std::size_t df_cap) {
    SparseVector keys = v;
    const std::size_t n = std::min(key_terms_per_unit, keys.size());
    std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(n), keys.end(),
                      [&](const TermWeight& x, const TermWeight& y) {
                          const bool x_rare = df[x.term] <= df_cap, y_rare = df[y.term] <= df_cap;
                          if (x_rare != y_rare) return x_rare;
                          if (!x_rare && df[x.term] != df[y.term]) return df[x.term] < df[y.term];
                          return x.weight != y.weight ? x.weight > y.weight : x.term < y.term;
                      });
    while (keys.size() > 1 && keys.size() > n) keys.pop_back();
    while (keys.size() > 1 && df[keys.back().term] > df_cap) keys.pop_back();
    std::sort(keys.begin(), keys.end(), [](const TermWeight& x, const TermWeight& y) { return x.term < y.term; });
    return keys;
}

}  // namespace

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work,
                  const std::function<void(std::size_t)>& tick) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    constexpr std::size_t chunk = 64;
    std::atomic<std::size_t> next{0}, done{0};
    auto run = [&](bool caller) {
        for (;;) {
            const std::size_t start = next.fetch_add(chunk);
            if (start >= n) break;
            const std::size_t end = std::min(n, start + chunk);
            for (std::size_t i = start; i < end; ++i) work(i);
            const std::size_t now = done.fetch_add(end - start) + (end - start);
            if (caller && tick) tick(now);
        }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t * chunk < n; ++t) helpers.emplace_back(run, false);
    run(true);
    for (auto& h : helpers) h.join();
    if (tick) tick(n);
}

std::vector<std::vector<Scored>> score_against(const Features& features, const std::vector<std::uint32_t>& targets,
                                               const std::vector<std::uint32_t>& queries,
                                               const std::vector<std::uint32_t>& unit_doc, double min_score,
                                               std::size_t keep, unsigned threads, const Progress& progress) {
    const auto place = relative_places(unit_doc);
    const auto& vectors = features.vectors;
    // term -> (target slot, weight)
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::uint32_t, float>>> postings;
    for (std::uint32_t slot = 0; slot < targets.size(); ++slot)
        for (const auto& tw : vectors[targets[slot]]) postings[tw.term].push_back({slot, tw.weight});

    std::vector<std::vector<Scored>> out(queries.size());
    parallel_for(
        queries.size(), threads,
        [&](std::size_t q) {
            thread_local std::vector<Overlap> shared;
            shared.assign(targets.size(), Overlap{});
            const std::uint32_t query = queries[q];
            for (const auto& tw : vectors[query]) {
                auto it = postings.find(tw.term);
                if (it == postings.end()) continue;
                for (const auto& [slot, w] : it->second) shared[slot].add(tw.weight, w);
            }
            auto& found = out[q];
            for (std::uint32_t slot = 0; slot < targets.size(); ++slot) {
                const double s = shared[slot].score(features.words[query], features.words[targets[slot]]);
                if (s >= min_score && targets[slot] != query) found.push_back({targets[slot], static_cast<float>(s)});
            }
            std::sort(found.begin(), found.end(), better_near(place, query));
            if (found.size() > keep) found.resize(keep);
        },
        [&](std::size_t done) {
            if (progress) progress("matching clauses to the base", done, queries.size());
        });
    return out;
}

std::vector<Edge> similar_pairs(const Features& features, const std::vector<std::uint32_t>& units,
                                const std::vector<std::uint32_t>& unit_doc, double min_score, std::size_t keep,
                                std::size_t keep_total, unsigned threads, const Progress& progress) {
    const auto& vectors = features.vectors;
    const auto place = relative_places(unit_doc);
    // A pair is a candidate when a key term of one is anywhere in the other. Each unit
    // finds its candidates from both sides: units whose keys it has (key_holders) and
    // units that have its keys (containing), so its list is complete on its own.
    std::vector<SparseVector> keys(units.size());
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> key_holders, containing;
    const std::size_t df_cap = std::max(key_df_floor, features.vectors.size() / key_df_divisor);
    for (std::uint32_t k = 0; k < units.size(); ++k) {
        keys[k] = key_terms(vectors[units[k]], features.document_frequency, df_cap);
        for (const auto& tw : keys[k]) key_holders[tw.term].push_back(k), containing.try_emplace(tw.term);
    }
    for (std::uint32_t k = 0; k < units.size(); ++k)
        for (const auto& tw : vectors[units[k]])
            if (auto it = containing.find(tw.term); it != containing.end()) it->second.push_back(k);
    // Each unit keeps its `keep` best candidates in each other document: the lists, and so
    // the time and memory of everything after, stay bounded however alike the clauses are.
    std::vector<std::vector<Edge>> found(units.size());
    parallel_for(
        units.size(), threads,
        [&](std::size_t x) {
            // Count the key terms each other unit shares with x, then score only the units
            // sharing most: when thousands of clauses share wording, x scores a bounded few.
            thread_local std::vector<std::uint32_t> hits;
            thread_local std::vector<std::uint32_t> touched;
            thread_local std::vector<Scored> scored;
            if (hits.size() < units.size()) hits.assign(units.size(), 0);
            touched.clear();
            scored.clear();
            auto hit = [&](std::uint32_t y) {
                if (y == x || unit_doc[units[x]] == unit_doc[units[y]]) return;
                if (hits[y]++ == 0) touched.push_back(y);
            };
            for (const auto& tw : vectors[units[x]])
                if (auto it = key_holders.find(tw.term); it != key_holders.end())
                    for (std::uint32_t y : it->second) hit(y);
            for (const auto& tw : keys[x])
                for (std::uint32_t y : containing.at(tw.term)) hit(y);
            if (touched.size() > max_scored_per_unit) {
                std::nth_element(
                    touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(max_scored_per_unit), touched.end(),
                    [&](std::uint32_t p, std::uint32_t q) { return hits[p] != hits[q] ? hits[p] > hits[q] : p < q; });
                for (std::size_t k = max_scored_per_unit; k < touched.size(); ++k) hits[touched[k]] = 0;
                touched.resize(max_scored_per_unit);
            }
            for (std::uint32_t y : touched) {
                hits[y] = 0;
                const double s = features.similarity(units[x], units[y]);
                if (s >= min_score) scored.push_back({units[y], static_cast<float>(s)});
            }
            const auto nearer = better_near(place, units[x]);
            if (scored.size() > keep_total) {
                std::nth_element(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep_total), scored.end(),
                                 nearer);
                scored.resize(keep_total);
            }
            std::sort(scored.begin(), scored.end(), [&](const Scored& p, const Scored& q) {
                const auto dp = unit_doc[p.unit], dq = unit_doc[q.unit];
                return dp != dq ? dp < dq : nearer(p, q);
            });
            std::size_t in_doc = 0;
            for (std::size_t k = 0; k < scored.size(); ++k) {
                in_doc = k > 0 && unit_doc[scored[k].unit] == unit_doc[scored[k - 1].unit] ? in_doc + 1 : 0;
                if (in_doc < keep) found[x].push_back({units[x], scored[k].unit, scored[k].score});
            }
        },
        [&](std::size_t done) {
            if (progress) progress("finding similar clauses", done, units.size());
        });
    std::vector<Edge> edges;
    for (auto& f : found) edges.insert(edges.end(), f.begin(), f.end());
    return edges;
}

}  // namespace protopub::compare::detail
