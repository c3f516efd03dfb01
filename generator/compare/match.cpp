// Choosing matches: order-aware assignment to a base, and constrained clustering.
#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

#include "compare/detail.hpp"

namespace protopub::compare::detail {

namespace {

// Candidates this close to a unit's best one are ties that the order may break.
constexpr float tie_margin = 0.05f;
// A unit also joins the base clause next to its match when it scores at least this share
// of its best score there: a council that merged two neighbouring model clauses.
constexpr float merge_share = 0.75f;
// ... and a base clause nobody else matched when it scores this multiple of the threshold.
constexpr double gap_fill_factor = 2.0;

}  // namespace

namespace {

// Heaviest chain of (unit, base clause) pairs that keeps both orders (units strictly,
// base non-strictly: consecutive units may share a base clause the council split), over
// each unit's best candidates and those tied with it. Returns the chain's choice per unit.
std::vector<std::optional<Scored>> ordered_chain(const std::vector<std::vector<Scored>>& candidates,
                                                 const std::vector<int>& base_position) {
    struct Pair {
        std::size_t unit;
        Scored target;
        int position;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        for (const auto& c : candidates[i])
            if (c.score >= candidates[i].front().score - tie_margin) pairs.push_back({i, c, base_position[c.unit]});
    std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
        return x.unit != y.unit ? x.unit < y.unit : x.position < y.position;
    });
    std::vector<double> weight(pairs.size());
    std::vector<std::ptrdiff_t> previous(pairs.size(), -1);
    std::ptrdiff_t last = -1;
    for (std::size_t p = 0; p < pairs.size(); ++p) {
        weight[p] = pairs[p].target.score;
        for (std::size_t q = 0; q < p; ++q) {
            if (pairs[q].unit >= pairs[p].unit || pairs[q].position > pairs[p].position) continue;
            if (weight[q] + pairs[p].target.score > weight[p]) {
                weight[p] = weight[q] + pairs[p].target.score;
                previous[p] = static_cast<std::ptrdiff_t>(q);
            }
        }
        if (last < 0 || weight[p] > weight[static_cast<std::size_t>(last)]) last = static_cast<std::ptrdiff_t>(p);
    }
    std::vector<std::optional<Scored>> chain(candidates.size());
    for (std::ptrdiff_t p = last; p >= 0; p = previous[static_cast<std::size_t>(p)])
        chain[pairs[static_cast<std::size_t>(p)].unit] = pairs[static_cast<std::size_t>(p)].target;
    return chain;
}

}  // namespace

std::vector<std::vector<Scored>> assign_in_order(const std::vector<std::vector<Scored>>& candidates,
                                                 const std::vector<int>& base_position, double confident) {
    // First the confident matches, in order where the order can decide between ties.
    std::vector<std::vector<Scored>> strong(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i)
        for (const auto& c : candidates[i])
            if (c.score >= confident) strong[i].push_back(c);
    const auto chain = ordered_chain(strong, base_position);
    std::vector<std::vector<Scored>> chosen(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (strong[i].empty()) continue;
        chosen[i] = {chain[i] ? *chain[i] : strong[i].front()};
        const Scored first = chosen[i].front();
        for (const auto& c : strong[i])
            if (c.unit != first.unit && std::abs(base_position[c.unit] - base_position[first.unit]) == 1 &&
                c.score >= merge_share * strong[i].front().score) {
                chosen[i].push_back(c);
                break;
            }
    }
    // Then weaker matches that continue a run: the clause before this one matches the same
    // base clause or the one before it (the clause after: the same or the one after), as
    // when a council reworded a passage in place.
    auto fits_run = [&](std::size_t i, const Scored& c) {
        const int here = base_position[c.unit];
        if (i > 0)
            for (const auto& m : chosen[i - 1])
                if (here == base_position[m.unit] || here == base_position[m.unit] + 1) return true;
        if (i + 1 < chosen.size())
            for (const auto& m : chosen[i + 1])
                if (here == base_position[m.unit] || here == base_position[m.unit] - 1) return true;
        return false;
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (!chosen[i].empty()) continue;
            for (const auto& c : candidates[i])
                if (fits_run(i, c)) {
                    chosen[i] = {c};
                    changed = true;
                    break;
                }
        }
    }
    // Last, a clause that also says what a base clause nobody else here matched says
    // covers it too (a council that merged two model clauses into one).
    std::set<std::uint32_t> covered;
    for (const auto& c : chosen)
        for (const auto& m : c) covered.insert(m.unit);
    for (std::size_t i = 0; i < candidates.size(); ++i)
        for (const auto& c : strong[i])
            if (!chosen[i].empty() && c.score >= gap_fill_factor * confident && covered.insert(c.unit).second)
                chosen[i].push_back(c);
    return chosen;
}

std::vector<Edge> directed_matches(std::vector<Edge>& pairs, const std::vector<UnitRef>& refs, double confident,
                                   unsigned threads) {
    auto doc_pair = [&](const Edge& e) { return std::minmax(refs[e.a].doc, refs[e.b].doc); };
    std::sort(pairs.begin(), pairs.end(), [&](const Edge& x, const Edge& y) {
        if (doc_pair(x) != doc_pair(y)) return doc_pair(x) < doc_pair(y);
        return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    std::vector<int> position(refs.size());
    for (std::size_t g = 0; g < refs.size(); ++g) position[g] = refs[g].unit;
    // One direction of one document pair: the units at one end choose among those at the
    // other, as assign_in_order does against a base.
    auto choose = [&](std::size_t begin, std::size_t end, bool a_chooses, std::vector<Edge>& out) {
        auto from = [&](const Edge& e) { return a_chooses ? e.a : e.b; };
        auto to = [&](const Edge& e) { return a_chooses ? e.b : e.a; };
        std::uint32_t first = from(pairs[begin]), last = first;
        for (std::size_t k = begin; k < end; ++k) first = std::min(first, from(pairs[k])), last = std::max(last, from(pairs[k]));
        std::vector<std::vector<Scored>> candidates(last - first + 1);
        for (std::size_t k = begin; k < end; ++k)  // best first already
            candidates[from(pairs[k]) - first].push_back({to(pairs[k]), pairs[k].score});
        const auto chosen = assign_in_order(candidates, position, confident);
        for (std::size_t i = 0; i < chosen.size(); ++i)
            for (const auto& c : chosen[i]) out.push_back({first + static_cast<std::uint32_t>(i), c.unit, c.score});
    };
    std::vector<std::size_t> group_starts;  // document pairs are independent: share them out
    for (std::size_t k = 0; k < pairs.size(); ++k)
        if (k == 0 || doc_pair(pairs[k]) != doc_pair(pairs[k - 1])) group_starts.push_back(k);
    group_starts.push_back(pairs.size());
    std::vector<std::vector<Edge>> found(group_starts.size() - 1);
    parallel_for(
        found.size(), threads,
        [&](std::size_t g) {
            choose(group_starts[g], group_starts[g + 1], true, found[g]);
            choose(group_starts[g], group_starts[g + 1], false, found[g]);
        },
        {});
    std::vector<Edge> out;
    for (auto& f : found) out.insert(out.end(), f.begin(), f.end());
    return out;
}

std::vector<std::vector<std::uint32_t>> cluster_units(const std::vector<std::uint32_t>& units,
                                                      std::vector<Edge> edges,
                                                      const std::vector<std::uint32_t>& unit_doc,
                                                      const std::vector<std::uint32_t>& unit_words,
                                                      std::size_t document_count) {
    std::vector<std::uint32_t> local(unit_doc.size(), 0);
    for (std::uint32_t k = 0; k < units.size(); ++k) local[units[k]] = k;
    // Union-find whose roots carry the set of documents in their cluster (a bit set).
    const std::size_t words = (document_count + 63) / 64;
    std::vector<std::uint32_t> parent(units.size());
    std::iota(parent.begin(), parent.end(), 0u);
    std::vector<std::uint64_t> docs(units.size() * words, 0);
    for (std::uint32_t k = 0; k < units.size(); ++k) {
        const auto d = unit_doc[units[k]];
        docs[k * words + d / 64] |= std::uint64_t(1) << (d % 64);
    }
    auto find = [&](std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
        if (x.score != y.score) return x.score > y.score;
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    std::vector<std::uint32_t> size(units.size(), 1);
    auto join = [&](std::uint32_t ra, std::uint32_t rb) {
        if (rb < ra) std::swap(ra, rb);
        parent[rb] = ra;
        size[ra] += size[rb];
        for (std::size_t w = 0; w < words; ++w) docs[ra * words + w] |= docs[rb * words + w];
    };
    for (const auto& e : edges) {
        std::uint32_t ra = find(local[e.a]), rb = find(local[e.b]);
        if (ra == rb) continue;
        bool overlap = false;
        for (std::size_t w = 0; w < words && !overlap; ++w) overlap = docs[ra * words + w] & docs[rb * words + w];
        if (!overlap) join(ra, rb);
    }
    // A clause left on its own whose best partner is a longer clause of another council
    // is a part of it: that council said in one clause what this one split in several.
    for (const auto& e : edges) {
        std::uint32_t ra = find(local[e.a]), rb = find(local[e.b]);
        if (ra == rb) continue;
        if (size[ra] == 1 && unit_words[e.a] < unit_words[e.b]) join(ra, rb);
        else if (size[rb] == 1 && unit_words[e.b] < unit_words[e.a]) join(ra, rb);
    }
    std::vector<std::vector<std::uint32_t>> clusters;
    std::vector<std::int64_t> slot(units.size(), -1);
    std::vector<std::uint32_t> order(units);
    std::sort(order.begin(), order.end());
    for (std::uint32_t u : order) {
        const std::uint32_t r = find(local[u]);
        if (slot[r] < 0) slot[r] = static_cast<std::int64_t>(clusters.size()), clusters.emplace_back();
        clusters[static_cast<std::size_t>(slot[r])].push_back(u);
    }
    return clusters;
}

}  // namespace protopub::compare::detail
