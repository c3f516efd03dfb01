// The word diff: Myers' O(ND) algorithm over interned tokens, then a semantic clean-up
// so a reader sees phrases replaced, not a confetti of one-word islands.
#include <algorithm>

#include "redline/tokens.hpp"

namespace protopub::redline {

namespace detail {
namespace {

// One hunk of a diff: `equal` tokens in common, then `del` old tokens removed and `ins`
// new tokens added.
struct Hunk {
    int equal = 0;
    int del = 0;
    int ins = 0;
    bool changes() const { return del > 0 || ins > 0; }
};

bool same(const Token& a, const Token& b) {
    return a.key == b.key || (a.renumbered_key != boundary_key && a.renumbered_key == b.key);
}

// Myers' greedy shortest edit script between a[ab, ae) and b[bb, be). Gives up (returns
// false) once more than `max_cost` edits are needed: such a pair is replaced whole anyway.
bool myers(const std::vector<Token>& a, int ab, int ae, const std::vector<Token>& b, int bb, int be, int max_cost,
           std::vector<Op>& ops) {
    const int n = ae - ab, m = be - bb;
    const int limit = std::min(max_cost, n + m);
    const int offset = limit + 1;
    std::vector<int> v(2 * static_cast<std::size_t>(limit) + 3, 0);
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= limit && found < 0; ++d) {
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                                   : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && same(a[ab + x], b[bb + y])) ++x, ++y;
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0) return false;
    // Walk the trace back from (n, m), collecting operations in reverse.
    std::vector<Op> reversed;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int>& prev = trace[static_cast<std::size_t>(d)];  // V before step d, over k in [-d, d]
        auto at = [&](int k) { return prev[static_cast<std::size_t>(k + d)]; };
        const int k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const int prev_k = down ? k + 1 : k - 1;
        const int prev_x = at(prev_k);
        const int prev_y = prev_x - prev_k;
        while (x > prev_x + (down ? 0 : 1) && y > prev_y + (down ? 1 : 0)) {
            reversed.push_back(Op::equal);
            --x, --y;
        }
        reversed.push_back(down ? Op::inserted : Op::deleted);
        x = prev_x, y = prev_y;
    }
    while (x > 0 && y > 0) reversed.push_back(Op::equal), --x, --y;
    ops.insert(ops.end(), reversed.rbegin(), reversed.rend());
    return true;
}

std::vector<Hunk> to_hunks(const std::vector<Op>& ops) {
    std::vector<Hunk> hunks(1);
    for (Op op : ops) {
        if (op == Op::equal) {
            if (hunks.back().changes()) hunks.emplace_back();
            ++hunks.back().equal;
        } else {
            ++(op == Op::deleted ? hunks.back().del : hunks.back().ins);
        }
    }
    return hunks;
}

std::size_t text_length(const std::vector<Token>& tokens, int begin, int count) {
    std::size_t n = 0;
    for (int i = begin; i < begin + count; ++i) n += tokens[static_cast<std::size_t>(i)].text.size() + 1;
    return n;
}

// Dissolves short islands of common words between two changes ("dog was a little" ->
// "duck was a bit" keeps "was a", but "the" between two replaced phrases goes): an
// island of at most two words, within one unit, no longer than the changes on both
// sides, becomes part of one bigger change (the diff-match-patch rule, on words).
std::vector<Hunk> dissolve_islands(const std::vector<Hunk>& hunks, const std::vector<Token>& a,
                                   const std::vector<Token>& b) {
    std::vector<Hunk> out;
    int pa = 0, pb = 0;          // positions at the start of the current hunk
    int last_a = 0, last_b = 0;  // where the change of out.back() starts
    for (const Hunk& h : hunks) {
        const int island_a = pa;
        pa += h.equal;
        pb += h.equal;
        bool absorbed = false;
        if (!out.empty() && out.back().changes() && h.changes() && h.equal > 0) {
            const Hunk& left = out.back();
            const bool in_one_unit = std::none_of(a.begin() + island_a, a.begin() + island_a + h.equal,
                                                  [](const Token& t) { return t.boundary(); });
            const std::size_t island = text_length(a, island_a, h.equal);
            const std::size_t left_size = std::max(text_length(a, last_a, left.del), text_length(b, last_b, left.ins));
            const std::size_t right_size = std::max(text_length(a, pa, h.del), text_length(b, pb, h.ins));
            if (in_one_unit && count_words(a, island_a, island_a + h.equal) <= 2 && island <= left_size &&
                island <= right_size) {
                out.back().del += h.equal + h.del;
                out.back().ins += h.equal + h.ins;
                absorbed = true;
            }
        }
        if (!absorbed) {
            out.push_back(h);
            last_a = pa, last_b = pb;
        }
        pa += h.del;
        pb += h.ins;
    }
    return out;
}

// Per unit, everything old deleted and everything new inserted (units paired in order
// when both sides have as many; otherwise the whole clause at once).
std::vector<Run> replace_whole(const std::vector<Token>& a, const std::vector<Token>& b) {
    auto unit_sizes = [](const std::vector<Token>& t) {
        std::vector<int> sizes(1, 0);
        for (const Token& tok : t) tok.boundary() ? sizes.push_back(0) : void(++sizes.back());
        return sizes;
    };
    std::vector<int> ua = unit_sizes(a), ub = unit_sizes(b);
    if (ua.size() != ub.size()) {
        ua = {static_cast<int>(a.size())};
        ub = {static_cast<int>(b.size())};
    }
    std::vector<Run> runs;
    for (std::size_t u = 0; u < ua.size(); ++u) {
        if (u > 0) runs.push_back({Op::equal, 1});
        if (ua[u]) runs.push_back({Op::deleted, ua[u]});
        if (ub[u]) runs.push_back({Op::inserted, ub[u]});
    }
    return runs;
}

// Words the script keeps whose setting differs become deleted and inserted, with the
// punctuation between two such words and the punctuation set with them ("**lawful,**");
// emphasis that takes in a full stop beside a word set alike is no change a reader sees.
// Neighbouring changes join into one hunk, deletions first.
void mark_restyled(std::vector<Run>& script, const std::vector<Token>& a, const std::vector<Token>& b) {
    const auto restyled = [&](std::size_t i, std::size_t j) { return a[i].word && a[i].format != b[j].format; };
    // (most scripts keep every word's setting: then nothing is copied)
    bool any = false;
    for (std::size_t pa = 0, pb = 0, r = 0; r < std::max<std::size_t>(script.size(), 1) && !any; ++r) {
        const Run run = script.empty() ? Run{Op::equal, static_cast<int>(a.size())} : script[r];
        for (int k = 0; run.op == Op::equal && k < run.count && !any; ++k) any = restyled(pa + k, pb + k);
        if (run.op != Op::inserted) pa += static_cast<std::size_t>(run.count);
        if (run.op != Op::deleted) pb += static_cast<std::size_t>(run.count);
    }
    if (!any) return;
    const std::vector<Run> runs =
        script.empty() ? std::vector<Run>{{Op::equal, static_cast<int>(a.size())}} : std::move(script);
    std::vector<Run> out;  // in order; joined into hunks below
    const auto add = [&](Op op, std::size_t n) {
        if (n > 0) out.push_back({op, static_cast<int>(n)});
    };
    std::size_t pa = 0, pb = 0;
    for (const Run& r : runs) {
        const auto n = static_cast<std::size_t>(r.count);
        if (r.op != Op::equal) {
            add(r.op, n);
            (r.op == Op::deleted ? pa : pb) += n;
            continue;
        }
        std::size_t k = 0;
        while (k < n) {
            std::size_t first = k;
            while (first < n && !restyled(pa + first, pb + first)) ++first;
            if (first == n) {
                add(Op::equal, first - k);
                break;
            }
            std::size_t last = first, scan = first;  // the group: up to the last restyled word before a kept one
            while (scan < n && (restyled(pa + scan, pb + scan) || (!a[pa + scan].word && !a[pa + scan].boundary()))) {
                if (restyled(pa + scan, pb + scan)) last = scan;
                ++scan;
            }
            // and the punctuation set with the words ("**lawful,**"), on either side
            const auto set_with = [&](std::size_t i) {
                return !a[pa + i].word && !a[pa + i].boundary() && a[pa + i].format != b[pb + i].format;
            };
            while (last + 1 < n && set_with(last + 1)) ++last;
            while (first > k && set_with(first - 1)) --first;
            add(Op::equal, first - k);
            add(Op::deleted, last + 1 - first);
            add(Op::inserted, last + 1 - first);
            k = last + 1;
        }
        pa += n;
        pb += n;
    }
    script.clear();
    for (std::size_t r = 0; r < out.size();) {
        if (out[r].op == Op::equal) {
            if (!script.empty() && script.back().op == Op::equal)
                script.back().count += out[r].count;
            else
                script.push_back(out[r]);
            ++r;
            continue;
        }
        int deleted = 0, inserted = 0;
        for (; r < out.size() && out[r].op != Op::equal; ++r)
            (out[r].op == Op::deleted ? deleted : inserted) += out[r].count;
        if (deleted) script.push_back({Op::deleted, deleted});
        if (inserted) script.push_back({Op::inserted, inserted});
    }
}

int non_boundary(const std::vector<Token>& t) {
    return static_cast<int>(std::count_if(t.begin(), t.end(), [](const Token& x) { return !x.boundary(); }));
}

}  // namespace

std::vector<Run> diff_tokens(const std::vector<Token>& a, const std::vector<Token>& b, const Options& options,
                             bool& replaced_whole) {
    replaced_whole = false;
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    int prefix = 0;
    while (prefix < n && prefix < m && same(a[prefix], b[prefix])) ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && same(a[n - 1 - suffix], b[m - 1 - suffix])) ++suffix;
    if (prefix == n && prefix == m) {
        std::vector<Run> none;
        mark_restyled(none, a, b);
        return none;
    }

    const int total = non_boundary(a) + non_boundary(b);
    // Myers keeps O(D^2) of trace: past a few thousand edits (a clause of tens of
    // thousands of words rewritten) the clause is shown replaced whole instead.
    constexpr int most_edits = 3000;
    const int max_cost = std::min(static_cast<int>(options.replace_whole_above * total) + 1, most_edits);
    std::vector<Op> ops(static_cast<std::size_t>(prefix), Op::equal);
    if (!myers(a, prefix, n - suffix, b, prefix, m - suffix, max_cost, ops)) {
        replaced_whole = true;
        return replace_whole(a, b);
    }
    ops.insert(ops.end(), static_cast<std::size_t>(suffix), Op::equal);

    const std::vector<Hunk> hunks = dissolve_islands(to_hunks(ops), a, b);
    int changed = 0;
    for (const Hunk& h : hunks) changed += h.del + h.ins;
    if (changed > options.replace_whole_above * total) {
        replaced_whole = true;
        return replace_whole(a, b);
    }
    std::vector<Run> runs;
    for (const Hunk& h : hunks) {
        if (h.equal) runs.push_back({Op::equal, h.equal});
        if (h.del) runs.push_back({Op::deleted, h.del});
        if (h.ins) runs.push_back({Op::inserted, h.ins});
    }
    mark_restyled(runs, a, b);
    return runs;
}

}  // namespace detail

std::vector<TextEdit> diff_text(std::string_view old_text, std::string_view new_text, const Options& options) {
    detail::KeyTable keys;
    detail::TokenStream a, b;
    a.add_text(old_text, keys);
    b.add_text(new_text, keys);
    bool whole = false;
    std::vector<Run> runs = detail::diff_tokens(a.tokens, b.tokens, options, whole);
    if (runs.empty() && !a.tokens.empty()) runs.push_back({Op::equal, static_cast<int>(a.tokens.size())});
    std::vector<TextEdit> out;
    std::size_t pa = 0, pb = 0;
    for (const Run& r : runs) {
        const auto count = static_cast<std::size_t>(r.count);
        const bool from_old = r.op != Op::inserted;
        const std::size_t begin = from_old ? pa : pb;
        out.push_back({r.op, detail::join_tokens(from_old ? a.tokens : b.tokens, begin, begin + count)});
        if (r.op != Op::inserted) pa += count;
        if (r.op != Op::deleted) pb += count;
    }
    return out;
}

}  // namespace protopub::redline
