// Choosing matches: order-aware assignment to a base, and constrained clustering.
#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

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
// A Fenwick tree over base positions holds the heaviest chain ending at or before each
// one, so the cost is (pairs) log (positions), however many candidates tie.
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
    // Among chains of equal weight, the one through each unit's first candidate (the
    // nearest in place among equals): clauses that all tie pair up in order.
    auto gain = [&](const Pair& p) {
        return p.target.score + (p.target.unit == candidates[p.unit].front().unit ? 1e-6 : 0.0);
    };
    std::vector<int> positions;
    for (const auto& p : pairs) positions.push_back(p.position);
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    // tree[k]: the heaviest chain (weight, its last pair) among pairs at ranks folded into k.
    using Best = std::pair<double, std::ptrdiff_t>;
    std::vector<Best> tree(positions.size() + 1, {0.0, -1});
    auto heavier = [](const Best& x, const Best& y) {
        return x.first != y.first ? x.first > y.first : (x.second >= 0 && (y.second < 0 || x.second < y.second));
    };
    auto rank_of = [&](int position) {
        return static_cast<std::size_t>(std::lower_bound(positions.begin(), positions.end(), position) -
                                        positions.begin()) +
               1;
    };
    auto best_up_to = [&](std::size_t k) {
        Best b{0.0, -1};
        for (; k > 0; k -= k & (~k + 1))
            if (heavier(tree[k], b)) b = tree[k];
        return b;
    };
    auto offer = [&](std::size_t k, Best b) {
        for (; k < tree.size(); k += k & (~k + 1))
            if (heavier(b, tree[k])) tree[k] = b;
    };
    std::vector<double> weight(pairs.size());
    std::vector<std::ptrdiff_t> previous(pairs.size(), -1);
    Best last{0.0, -1};
    for (std::size_t p = 0; p < pairs.size();) {
        std::size_t end = p;  // one unit's pairs: chained only to earlier units' pairs
        while (end < pairs.size() && pairs[end].unit == pairs[p].unit) ++end;
        for (std::size_t q = p; q < end; ++q) {
            const Best before = best_up_to(rank_of(pairs[q].position));
            weight[q] = before.first + gain(pairs[q]);
            previous[q] = before.second;
            if (heavier({weight[q], static_cast<std::ptrdiff_t>(q)}, last))
                last = {weight[q], static_cast<std::ptrdiff_t>(q)};
        }
        for (std::size_t q = p; q < end; ++q)
            offer(rank_of(pairs[q].position), {weight[q], static_cast<std::ptrdiff_t>(q)});
        p = end;
    }
    std::vector<std::optional<Scored>> chain(candidates.size());
    for (std::ptrdiff_t p = last.second; p >= 0; p = previous[static_cast<std::size_t>(p)])
        chain[pairs[static_cast<std::size_t>(p)].unit] = pairs[static_cast<std::size_t>(p)].target;
    return chain;
}

// The candidates a unit may take on their own: those scoring the threshold (and, when
// not mutual best, the lone floor), and its mutual best below the threshold when that is
// clearly its best (Acceptance). candidates[i] is best first.
std::vector<std::vector<Scored>> acceptable(const std::vector<std::vector<Scored>>& candidates,
                                            const Acceptance& accept) {
    std::unordered_map<std::uint32_t, std::pair<float, std::size_t>> best_of_target;  // target -> (score, unit)
    for (std::size_t i = 0; i < candidates.size(); ++i)
        for (const auto& c : candidates[i]) {
            auto [it, fresh] = best_of_target.try_emplace(c.unit, c.score, i);
            if (!fresh && c.score > it->second.first) it->second = {c.score, i};
        }
    std::vector<std::vector<Scored>> out(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i].empty()) continue;
        const Scored best = candidates[i].front();
        const bool mutual = best_of_target.at(best.unit).second == i;
        const double margin = best.score - (candidates[i].size() > 1 ? candidates[i][1].score : 0.0f);
        for (const auto& c : candidates[i]) {
            const bool is_mutual = mutual && c.unit == best.unit;
            if (c.score >= accept.threshold && (is_mutual || c.score >= accept.lone_floor))
                out[i].push_back(c);
            else if (is_mutual && c.score >= accept.mutual_floor && margin >= accept.mutual_margin)
                out[i].push_back(c);
        }
    }
    return out;
}

}  // namespace

std::vector<std::vector<Scored>> assign_in_order(const std::vector<std::vector<Scored>>& candidates,
                                                 const std::vector<int>& base_position, const Acceptance& accept) {
    // First the confident matches, in order where the order can decide between ties.
    const auto strong = acceptable(candidates, accept);
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
            if (!chosen[i].empty() && c.score >= gap_fill_factor * accept.threshold && covered.insert(c.unit).second)
                chosen[i].push_back(c);
    return chosen;
}

std::vector<Edge> directed_matches(std::vector<Edge>& candidates, const std::vector<UnitRef>& refs,
                                   const Acceptance& accept, unsigned threads) {
    auto doc_pair = [&](const Edge& e) { return std::pair(refs[e.a].doc, refs[e.b].doc); };
    // Each unit's candidates stay in similar_pairs' order (best first, ties nearest in place).
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Edge& x, const Edge& y) {
        return doc_pair(x) != doc_pair(y) ? doc_pair(x) < doc_pair(y) : x.a < y.a;
    });
    std::vector<int> position(refs.size());
    for (std::size_t g = 0; g < refs.size(); ++g) position[g] = refs[g].unit;
    // One direction of one document pair: the units of one document choose among those of
    // the other, as assign_in_order does against a base.
    auto choose = [&](std::size_t begin, std::size_t end, std::vector<Edge>& out) {
        std::vector<std::uint32_t> from;
        std::vector<std::vector<Scored>> lists;
        for (std::size_t k = begin; k < end; ++k) {
            if (from.empty() || from.back() != candidates[k].a) from.push_back(candidates[k].a), lists.emplace_back();
            lists.back().push_back({candidates[k].b, candidates[k].score});
        }
        const auto chosen = assign_in_order(lists, position, accept);
        for (std::size_t i = 0; i < chosen.size(); ++i)
            for (const auto& c : chosen[i]) out.push_back({from[i], c.unit, c.score});
    };
    std::vector<std::size_t> group_starts;  // document pairs are independent: share them out
    for (std::size_t k = 0; k < candidates.size(); ++k)
        if (k == 0 || doc_pair(candidates[k]) != doc_pair(candidates[k - 1])) group_starts.push_back(k);
    group_starts.push_back(candidates.size());
    std::vector<std::vector<Edge>> found(group_starts.size() - 1);
    parallel_for(found.size(), threads, [&](std::size_t g) { choose(group_starts[g], group_starts[g + 1], found[g]); },
                 {});
    std::vector<Edge> out;
    for (auto& f : found) out.insert(out.end(), f.begin(), f.end());
    if (accept.take_reverse) {  // among its own candidates only, so a clause takes a bounded few
        auto pairs_of = [](const std::vector<Edge>& edges) {
            std::vector<std::pair<std::uint32_t, std::uint32_t>> p;
            for (const auto& e : edges) p.push_back({e.a, e.b});
            std::sort(p.begin(), p.end());
            return p;
        };
        const auto chosen = pairs_of(out), candidate = pairs_of(candidates);
        const std::size_t n = out.size();
        for (std::size_t k = 0; k < n; ++k) {
            const std::pair reverse(out[k].b, out[k].a);
            if (!std::binary_search(chosen.begin(), chosen.end(), reverse) &&
                std::binary_search(candidate.begin(), candidate.end(), reverse))
                out.push_back({out[k].b, out[k].a, out[k].score});
        }
    }
    return out;
}

std::vector<std::vector<std::uint32_t>> cluster_units(const std::vector<std::uint32_t>& units, std::vector<Edge> edges,
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
        if (size[ra] == 1 && unit_words[e.a] < unit_words[e.b])
            join(ra, rb);
        else if (size[rb] == 1 && unit_words[e.b] < unit_words[e.a])
            join(ra, rb);
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
