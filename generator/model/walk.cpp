#include "model/walk.hpp"

namespace protopub::model {

void for_each_inlines(std::vector<Block>& blocks, const std::function<void(Inlines&)>& fn) {
    for (auto& b : blocks) {
        fn(b.inlines);
        for (auto& item : b.items) for_each_inlines(item.blocks, fn);
        for (auto& row : b.rows)
            for (auto& cell : row.cells) fn(cell.inlines);
        for_each_inlines(b.children, fn);
    }
}

void for_each_inlines(Protocol& p, const std::function<void(Inlines&)>& fn) {
    for (auto& s : p.sections) {
        fn(s.heading);
        for_each_inlines(s.intro, fn);
        for (auto& c : s.clauses) {
            fn(c.heading);
            for_each_inlines(c.blocks, fn);
        }
    }
}

void for_each_inline(Protocol& p, const std::function<void(Inline&)>& fn) {
    std::function<void(Inlines&)> visit = [&](Inlines& list) {
        for (auto& in : list) {
            fn(in);
            visit(in.children);
        }
    };
    for_each_inlines(p, visit);
}

namespace {

// The one walk over anchor ids, for reading (const) and for rewriting them.
template <typename Blocks, typename Fn>
void for_each_item_id(Blocks& blocks, const Fn& fn) {
    for (auto& b : blocks) {
        for (auto& item : b.items) {
            if (!item.id.empty()) fn(item.id);
            for_each_item_id(item.blocks, fn);
        }
        for_each_item_id(b.children, fn);
    }
}

template <typename P, typename Fn>
void for_each_id(P& p, const Fn& fn) {
    for (auto& s : p.sections) {
        if (!s.id.empty()) fn(s.id);
        for_each_item_id(s.intro, fn);
        for (auto& c : s.clauses) {
            if (!c.id.empty()) fn(c.id);
            for_each_item_id(c.blocks, fn);
        }
    }
}

}  // namespace

void for_each_anchor_id(const Protocol& p, const std::function<void(const std::string&)>& fn) { for_each_id(p, fn); }

void prefix_ids(Protocol& p, const std::string& key) {
    auto prefix = [&](std::string& id) {
        if (!id.empty()) id = key + "-" + id;
    };
    for_each_id(p, prefix);
    for (auto& s : p.sections)
        for (auto& c : s.clauses) prefix(c.change.counterpart_id);
    for (auto& ref : p.references)
        for (auto& t : ref.targets)
            if (ref.kind == ReferenceKind::internal) prefix(t.clause_id);
    for (auto& term : p.terms) prefix(term.clause_id);
}

void move_references(Protocol& from, Protocol& to) {
    const int offset = static_cast<int>(to.references.size());
    for_each_inline(from, [&](Inline& in) {
        if (in.kind == InlineKind::reference && in.reference >= 0) in.reference += offset;
    });
    to.references.insert(to.references.end(), from.references.begin(), from.references.end());
    to.terms.insert(to.terms.end(), from.terms.begin(), from.terms.end());
}

}  // namespace protopub::model
