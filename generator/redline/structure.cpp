// The structure of a clause across two versions: which paragraph, list item and table
// row of OLD became which of NEW. A bullet or a row that was added, deleted or reordered
// is then a whole unit in one version only (tracked in Word as a paragraph or row of its
// own), never words run into its neighbour; a table whose columns changed is replaced
// row by row.
#include <algorithm>

#include "redline/tokens.hpp"

namespace protopub::redline::detail {

using model::Block;
using model::BlockKind;
using model::ChangeKind;

namespace {

using Bag = std::vector<std::uint32_t>;

Bag union_of(const UnitBags& bags, int first, int count) {
    Bag out;
    for (int u = first; u < first + count; ++u)
        out.insert(out.end(), bags[static_cast<std::size_t>(u)].begin(), bags[static_cast<std::size_t>(u)].end());
    std::sort(out.begin(), out.end());
    return out;
}

int unit_count(const Block& b) { return static_cast<int>(units_of(b).size()); }

int unit_count(const std::vector<Block>& blocks) {
    int n = 0;
    for (const Block& b : blocks) n += unit_count(b);
    return n;
}

struct Pairing {
    int a = -1;  // -1: only in NEW
    int b = -1;  // -1: only in OLD
};

// An in-order alignment of two sequences maximising the total similarity (`similarity`
// below 0: never paired). In a gap between two pairs, the leftovers are paired in order
// when both sides hold the same kinds in the same order (a paragraph reworded beyond
// recognition is still that paragraph); otherwise OLD's are deleted before NEW's are
// inserted, in reading order.
template <class Similarity, class KindA, class KindB>
std::vector<Pairing> align(std::size_t p, std::size_t q, Similarity similarity, KindA kind_a, KindB kind_b) {
    std::vector<Pairing> pairs;
    if (p * q <= 250000) {
        std::vector<double> sim(p * q), score((p + 1) * (q + 1), 0.0);
        auto at = [&](std::size_t a, std::size_t b) -> double& { return score[a * (q + 1) + b]; };
        for (std::size_t a = 0; a < p; ++a)
            for (std::size_t b = 0; b < q; ++b) sim[a * q + b] = similarity(a, b);
        for (std::size_t a = 1; a <= p; ++a)
            for (std::size_t b = 1; b <= q; ++b) {
                double best = std::max(at(a - 1, b), at(a, b - 1));
                const double s = sim[(a - 1) * q + (b - 1)];
                if (s >= 0) best = std::max(best, at(a - 1, b - 1) + s + 1e-9);
                at(a, b) = best;
            }
        for (std::size_t a = p, b = q; a > 0 && b > 0;) {
            const double s = sim[(a - 1) * q + (b - 1)];
            if (s >= 0 && at(a, b) == at(a - 1, b - 1) + s + 1e-9) {
                pairs.push_back({static_cast<int>(a - 1), static_cast<int>(b - 1)});
                --a, --b;
            } else if (at(a, b) == at(a - 1, b)) {
                --a;
            } else {
                --b;
            }
        }
        std::reverse(pairs.begin(), pairs.end());
    }
    std::vector<Pairing> out;
    int last_a = -1, last_b = -1;
    auto fill_gap = [&](int end_a, int end_b) {
        const int na = end_a - last_a - 1, nb = end_b - last_b - 1;
        bool same_shape = na == nb;
        for (int k = 0; same_shape && k < na; ++k)
            same_shape =
                kind_a(static_cast<std::size_t>(last_a + 1 + k)) == kind_b(static_cast<std::size_t>(last_b + 1 + k));
        if (same_shape) {
            for (int k = 0; k < na; ++k) out.push_back({last_a + 1 + k, last_b + 1 + k});
        } else {
            for (int a = last_a + 1; a < end_a; ++a) out.push_back({a, -1});
            for (int b = last_b + 1; b < end_b; ++b) out.push_back({-1, b});
        }
    };
    for (const Pairing& pair : pairs) {
        fill_gap(pair.a, pair.b);
        out.push_back(pair);
        last_a = pair.a, last_b = pair.b;
    }
    fill_gap(static_cast<int>(p), static_cast<int>(q));
    return out;
}

// Every block, item and row below `b` exists in one version only.
void mark_tree(Block& b, ChangeKind kind) {
    b.change = kind;
    for (auto& item : b.items) {
        item.change = kind;
        for (Block& child : item.blocks) mark_tree(child, kind);
    }
    for (auto& row : b.rows) row.change = kind;
    for (Block& child : b.children) mark_tree(child, kind);
}

class Weaver {
public:
    Weaver(const UnitBags& old_bags, const UnitBags& new_bags, double threshold, std::vector<UnitPair>& units)
        : old_bags_(old_bags), new_bags_(new_bags), threshold_(threshold), units_(units) {}

    std::vector<Block> blocks(const std::vector<Block>& a, int ua, const std::vector<Block>& b, int ub) {
        const std::vector<int> first_a = firsts(a, ua), first_b = firsts(b, ub);
        std::vector<Bag> bags_a, bags_b;
        for (std::size_t k = 0; k < a.size(); ++k) bags_a.push_back(union_of(old_bags_, first_a[k], unit_count(a[k])));
        for (std::size_t k = 0; k < b.size(); ++k) bags_b.push_back(union_of(new_bags_, first_b[k], unit_count(b[k])));
        auto similarity = [&](std::size_t i, std::size_t j) {
            if (a[i].kind != b[j].kind) return -1.0;
            const double s = dice(bags_a[i], bags_b[j]);
            return s >= threshold_ ? s : -1.0;
        };
        std::vector<Block> out;
        for (const Pairing& p : align(
                 a.size(), b.size(), similarity, [&](std::size_t i) { return a[i].kind; },
                 [&](std::size_t j) { return b[j].kind; })) {
            if (p.b < 0)
                out.push_back(whole(a[static_cast<std::size_t>(p.a)], first_a[static_cast<std::size_t>(p.a)], true));
            else if (p.a < 0)
                out.push_back(whole(b[static_cast<std::size_t>(p.b)], first_b[static_cast<std::size_t>(p.b)], false));
            else
                out.push_back(block(a[static_cast<std::size_t>(p.a)], first_a[static_cast<std::size_t>(p.a)],
                                    b[static_cast<std::size_t>(p.b)], first_b[static_cast<std::size_t>(p.b)]));
        }
        return out;
    }

private:
    static std::vector<int> firsts(const std::vector<Block>& blocks, int first) {
        std::vector<int> out;
        for (const Block& b : blocks) {
            out.push_back(first);
            first += unit_count(b);
        }
        return out;
    }

    // A block in one version only: its units are all that version's.
    Block whole(const Block& b, int first, bool old_side) {
        Block out = b;
        mark_tree(out, old_side ? ChangeKind::deleted : ChangeKind::inserted);
        for (int k = 0; k < unit_count(b); ++k)
            units_.push_back(old_side ? UnitPair{first + k, -1} : UnitPair{-1, first + k});
        return out;
    }

    Block block(const Block& a, int ua, const Block& b, int ub) {
        switch (b.kind) {
            case BlockKind::paragraph: units_.push_back({ua, ub}); return b;
            case BlockKind::quote: {
                Block out = b;
                out.children = blocks(a.children, ua, b.children, ub);
                return out;
            }
            case BlockKind::list: return list(a, ua, b, ub);
            case BlockKind::table: return table(a, ua, b, ub);
        }
        return b;
    }

    Block list(const Block& a, int ua, const Block& b, int ub) {
        std::vector<int> first_a, first_b;
        std::vector<Bag> bags_a, bags_b;
        for (const auto& item : a.items) {
            first_a.push_back(ua);
            bags_a.push_back(union_of(old_bags_, ua, unit_count(item.blocks)));
            ua += unit_count(item.blocks);
        }
        for (const auto& item : b.items) {
            first_b.push_back(ub);
            bags_b.push_back(union_of(new_bags_, ub, unit_count(item.blocks)));
            ub += unit_count(item.blocks);
        }
        auto similarity = [&](std::size_t i, std::size_t j) {
            const double s = dice(bags_a[i], bags_b[j]);
            return s >= threshold_ ? s : -1.0;
        };
        auto same_kind = [](std::size_t) { return 0; };
        Block out = b;
        out.items.clear();
        for (const Pairing& p : align(a.items.size(), b.items.size(), similarity, same_kind, same_kind)) {
            const auto ia = static_cast<std::size_t>(p.a), ib = static_cast<std::size_t>(p.b);
            if (p.b < 0 || p.a < 0) {
                const bool old_side = p.b < 0;
                model::ListItem item = old_side ? a.items[ia] : b.items[ib];
                item.change = old_side ? ChangeKind::deleted : ChangeKind::inserted;
                for (Block& child : item.blocks) mark_tree(child, item.change);
                const int first = old_side ? first_a[ia] : first_b[ib];
                for (int k = 0; k < unit_count(item.blocks); ++k)
                    units_.push_back(old_side ? UnitPair{first + k, -1} : UnitPair{-1, first + k});
                out.items.push_back(std::move(item));
                continue;
            }
            model::ListItem item = b.items[ib];
            if (a.items[ia].label != item.label) item.old_label = a.items[ia].label;
            item.blocks = blocks(a.items[ia].blocks, first_a[ia], b.items[ib].blocks, first_b[ib]);
            out.items.push_back(std::move(item));
        }
        return out;
    }

    static std::size_t columns(const Block& t) {
        std::size_t n = 0;
        for (const auto& row : t.rows) n = std::max(n, row.cells.size());
        return n;
    }

    Block table(const Block& a, int ua, const Block& b, int ub) {
        // The unit of each cell, row by row.
        auto cell_units = [](const Block& t, int first) {
            std::vector<std::vector<int>> out;
            for (const auto& row : t.rows) {
                out.emplace_back();
                for (std::size_t c = 0; c < row.cells.size(); ++c) out.back().push_back(first++);
            }
            return out;
        };
        const auto units_a = cell_units(a, ua), units_b = cell_units(b, ub);
        Block out = b;
        out.rows.clear();
        if (columns(a) != columns(b)) {
            // A column added or removed: Word's cell marks (w:cellIns, w:cellDel) do not
            // survive LibreOffice's Reject All, so OLD's rows are deleted and NEW's inserted.
            for (std::size_t r = 0; r < a.rows.size(); ++r) {
                out.rows.push_back(a.rows[r]);
                out.rows.back().change = ChangeKind::deleted;
                for (int u : units_a[r]) units_.push_back({u, -1});
            }
            for (std::size_t r = 0; r < b.rows.size(); ++r) {
                out.rows.push_back(b.rows[r]);
                out.rows.back().change = ChangeKind::inserted;
                for (int u : units_b[r]) units_.push_back({-1, u});
            }
            return out;
        }
        // Rows, by their words; a header row pairs only with a header row.
        auto row_bags = [](const std::vector<std::vector<int>>& units, const UnitBags& bags) {
            std::vector<Bag> out;
            for (const auto& row : units) {
                out.emplace_back();
                for (int u : row)
                    out.back().insert(out.back().end(), bags[static_cast<std::size_t>(u)].begin(),
                                      bags[static_cast<std::size_t>(u)].end());
                std::sort(out.back().begin(), out.back().end());
            }
            return out;
        };
        const auto rows_a = row_bags(units_a, old_bags_), rows_b = row_bags(units_b, new_bags_);
        auto similarity = [&](std::size_t i, std::size_t j) {
            if (a.rows[i].header != b.rows[j].header) return -1.0;
            const double s = dice(rows_a[i], rows_b[j]);
            return s >= threshold_ ? s : -1.0;
        };
        const std::size_t width = columns(b);
        for (const Pairing& r : align(
                 a.rows.size(), b.rows.size(), similarity, [&](std::size_t i) { return a.rows[i].header; },
                 [&](std::size_t j) { return b.rows[j].header; })) {
            const model::TableRow* row_a = r.a >= 0 ? &a.rows[static_cast<std::size_t>(r.a)] : nullptr;
            const model::TableRow* row_b = r.b >= 0 ? &b.rows[static_cast<std::size_t>(r.b)] : nullptr;
            model::TableRow row;
            row.header = (row_b ? row_b : row_a)->header;
            row.change = !row_a ? ChangeKind::inserted : !row_b ? ChangeKind::deleted : ChangeKind::none;
            for (std::size_t c = 0; c < width; ++c) {
                const bool has_a = row_a && c < row_a->cells.size();
                const bool has_b = row_b && c < row_b->cells.size();
                model::TableCell cell;
                if (has_b)
                    cell = row_b->cells[c];
                else if (has_a)
                    cell = row_a->cells[c];
                // a cell neither version has (a row shorter than the table) is a unit of no words
                units_.push_back({has_a ? units_a[static_cast<std::size_t>(r.a)][c] : -1,
                                  has_b ? units_b[static_cast<std::size_t>(r.b)][c] : -1});
                row.cells.push_back(std::move(cell));
            }
            out.rows.push_back(std::move(row));
        }
        return out;
    }

    const UnitBags& old_bags_;
    const UnitBags& new_bags_;
    double threshold_;
    std::vector<UnitPair>& units_;
};

// [begin, end) of each unit in a token stream (units are separated by boundary tokens).
std::vector<std::pair<std::size_t, std::size_t>> unit_spans(const std::vector<Token>& tokens) {
    std::vector<std::pair<std::size_t, std::size_t>> out{{0, 0}};
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].boundary())
            out.push_back({i + 1, i + 1});
        else
            out.back().second = i + 1;
    }
    return out;
}

void add_run(std::vector<Run>& runs, Op op, int count) {
    if (count <= 0) return;
    if (!runs.empty() && runs.back().op == op)
        runs.back().count += count;
    else
        runs.push_back({op, count});
}

}  // namespace

UnitBags unit_bags(const std::vector<Token>& tokens) {
    UnitBags out(1);
    for (const Token& t : tokens) {
        if (t.boundary())
            out.emplace_back();
        else
            out.back().push_back(t.key);
    }
    for (auto& bag : out) std::sort(bag.begin(), bag.end());
    return out;
}

WovenClause weave(const model::Clause& old, const UnitBags& old_bags, const model::Clause& new_,
                  const UnitBags& new_bags, double threshold) {
    WovenClause out;
    out.units.push_back({0, 0});  // the headings
    out.blocks = Weaver(old_bags, new_bags, threshold, out.units).blocks(old.blocks, 1, new_.blocks, 1);
    return out;
}

bool changes_structure(const std::vector<Run>& script, const std::vector<Token>& a, const std::vector<Token>& b) {
    std::size_t pa = 0, pb = 0;
    for (const Run& r : script) {
        const auto n = static_cast<std::size_t>(r.count);
        if (r.op == Op::deleted)
            for (std::size_t k = 0; k < n; ++k)
                if (a[pa + k].boundary()) return true;
        if (r.op == Op::inserted)
            for (std::size_t k = 0; k < n; ++k)
                if (b[pb + k].boundary()) return true;
        if (r.op != Op::inserted) pa += n;
        if (r.op != Op::deleted) pb += n;
    }
    return false;
}

std::vector<Run> structural_diff(const model::Clause& old, const std::vector<Token>& a, const model::Clause& new_,
                                 const std::vector<Token>& b, const Options& options, bool& replaced_whole) {
    const WovenClause woven = weave(old, unit_bags(a), new_, unit_bags(b), options.match_threshold);
    const auto spans_a = unit_spans(a), spans_b = unit_spans(b);
    std::vector<Run> runs, whole;
    int changed = 0, total = 0;
    for (std::size_t k = 0; k < woven.units.size(); ++k) {
        const UnitPair& u = woven.units[k];
        if (u.old_unit < 0 && u.new_unit < 0) continue;  // an empty filler cell
        const Op boundary = u.old_unit < 0 ? Op::inserted : u.new_unit < 0 ? Op::deleted : Op::equal;
        if (k > 0) add_run(runs, boundary, 1), add_run(whole, boundary, 1);
        const auto sa =
            u.old_unit >= 0 ? spans_a[static_cast<std::size_t>(u.old_unit)] : std::pair<std::size_t, std::size_t>{};
        const auto sb =
            u.new_unit >= 0 ? spans_b[static_cast<std::size_t>(u.new_unit)] : std::pair<std::size_t, std::size_t>{};
        const int na = static_cast<int>(sa.second - sa.first), nb = static_cast<int>(sb.second - sb.first);
        total += na + nb;
        add_run(whole, Op::deleted, na);
        add_run(whole, Op::inserted, nb);
        if (u.old_unit < 0 || u.new_unit < 0) {
            changed += na + nb;
            add_run(runs, u.old_unit < 0 ? Op::inserted : Op::deleted, u.old_unit < 0 ? nb : na);
            continue;
        }
        const std::vector<Token> unit_a(a.begin() + static_cast<std::ptrdiff_t>(sa.first),
                                        a.begin() + static_cast<std::ptrdiff_t>(sa.second));
        const std::vector<Token> unit_b(b.begin() + static_cast<std::ptrdiff_t>(sb.first),
                                        b.begin() + static_cast<std::ptrdiff_t>(sb.second));
        bool unit_whole = false;
        std::vector<Run> unit_runs = diff_tokens(unit_a, unit_b, options, unit_whole);
        if (unit_runs.empty()) add_run(runs, Op::equal, na);
        for (const Run& r : unit_runs) {
            add_run(runs, r.op, r.count);
            if (r.op != Op::equal) changed += r.count;
        }
    }
    replaced_whole = changed > options.replace_whole_above * total;
    return replaced_whole ? whole : runs;
}

std::vector<std::vector<Run>> unit_scripts(const std::vector<Run>& script, const std::vector<UnitPair>& units,
                                           const std::vector<int>& old_sizes, const std::vector<int>& new_sizes) {
    std::vector<Op> ops;
    for (const Run& r : script) ops.insert(ops.end(), static_cast<std::size_t>(r.count), r.op);
    std::vector<std::vector<Run>> out;
    std::size_t next = 0;
    for (std::size_t k = 0; k < units.size(); ++k) {
        if (k > 0 && (units[k].old_unit >= 0 || units[k].new_unit >= 0)) ++next;  // the boundary before the unit
        int left_a = units[k].old_unit >= 0 ? old_sizes[static_cast<std::size_t>(units[k].old_unit)] : 0;
        int left_b = units[k].new_unit >= 0 ? new_sizes[static_cast<std::size_t>(units[k].new_unit)] : 0;
        out.emplace_back();
        while ((left_a > 0 || left_b > 0) && next < ops.size()) {
            const Op op = ops[next++];
            add_run(out.back(), op, 1);
            if (op != Op::inserted) --left_a;
            if (op != Op::deleted) --left_b;
        }
    }
    return out;
}

}  // namespace protopub::redline::detail
