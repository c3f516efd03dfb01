// The redline as an ordinary Protocol: NEW's sections and clauses in NEW's order, each
// clause carrying its ClauseChange, changed words as inserted / deleted inlines, and
// deleted clauses (and the old places of moved ones) where they stood. Renderers need
// nothing redline-specific beyond drawing those two inline kinds and the change record.
#include <map>
#include <utility>
#include <unordered_map>

#include "model/ids.hpp"
#include "model/text.hpp"
#include "redline/tokens.hpp"

namespace protopub::redline {

using model::ChangeKind;
using model::Clause;
using model::Inline;
using model::InlineKind;
using model::Inlines;
using namespace detail;

namespace {

// Old words keep their emphasis, but not their references: those index OLD's table.
Style without_references(const Style& style) {
    Style out;
    for (const Wrapper& w : style)
        if (w.kind != InlineKind::reference) out.push_back(w);
    return out;
}

void strip_references(Inlines& inlines) {
    Inlines out;
    for (Inline& in : inlines) {
        strip_references(in.children);
        if (in.kind == InlineKind::reference) {
            for (Inline& child : in.children) out.push_back(std::move(child));
        } else {
            out.push_back(std::move(in));
        }
    }
    inlines = std::move(out);
}

Inlines marked(InlineKind mark, Inlines words) {
    if (words.empty()) return words;
    Inline in;
    in.kind = mark;
    in.children = std::move(words);
    return {std::move(in)};
}

// Writes the words of one unit in reading order, old and new interleaved. White space
// goes where Accept All and Reject All each get exactly one space between two words:
// a space both versions have is plain; one only NEW has is inserted; one only OLD has
// is deleted.
class UnitWriter {
public:
    void add(Op op, const Token& token, const Style* style) {
        if (token.space_before) {
            const bool old_side = old_started_ && op != Op::inserted;
            const bool new_side = new_started_ && op != Op::deleted;
            if (old_side && new_side) emit(Op::equal, " ", last_style_ && *last_style_ == *style ? style : &plain_);
            else if (new_side) emit(Op::inserted, " ", &plain_);
            else if (old_side) emit(Op::deleted, " ", &plain_);
        }
        emit(op, token.text, style, token.code);
        old_started_ |= op != Op::inserted;
        new_started_ |= op != Op::deleted;
    }

    // The space before a replaced phrase, when both versions have one, stays outside
    // the marks ("not <del>normally</del><ins>usually</ins> attend"). True if written.
    bool shared_space() {
        if (!old_started_ || !new_started_) return false;
        emit(Op::equal, " ", &plain_);
        return true;
    }

    Inlines take() { return std::move(out_); }

private:
    void emit(Op op, std::string_view text, const Style* style, bool code = false) {
        if (!container_ || op != op_) {
            op_ = op;
            if (op == Op::equal) {
                container_ = &out_;
            } else {
                out_.push_back(Inline{});
                out_.back().kind = op == Op::inserted ? InlineKind::inserted : InlineKind::deleted;
                container_ = &out_.back().children;
            }
            last_text_ = nullptr;
        }
        if (last_text_ && *last_style_ == *style && !code) {
            last_text_->text += text;
            return;
        }
        container_->push_back(Inline{});
        Inline* node = &container_->back();
        for (const Wrapper& w : *style) {
            node->kind = w.kind;
            node->target = w.target;
            node->reference = w.reference;
            node->children.push_back(Inline{});
            node = &node->children.back();
        }
        node->kind = code ? InlineKind::code : InlineKind::text;
        node->text = std::string(text);
        last_text_ = code ? nullptr : node;
        last_style_ = style;
    }

    Inlines out_;
    Inlines* container_ = nullptr;
    Op op_ = Op::equal;
    Inline* last_text_ = nullptr;
    const Style* last_style_ = nullptr;
    Style plain_;
    bool old_started_ = false, new_started_ = false;
};

// The new units' words with the script's insertions and deletions marked.
std::vector<Inlines> mark_units(const std::vector<const Inlines*>& old_units, const std::vector<const Inlines*>& new_units,
                                const std::vector<Run>& script, bool keep_deleted) {
    KeyTable keys;
    TokenStream a, b;
    for (const Inlines* u : old_units) a.add_unit(*u, keys);
    for (const Inlines* u : new_units) b.add_unit(*u, keys);
    std::vector<Style> old_styles;
    for (const Style& s : a.styles) old_styles.push_back(without_references(s));

    std::vector<Inlines> out;
    UnitWriter writer;
    std::size_t pa = 0, pb = 0;
    bool unspace_insertion = false;
    for (std::size_t run = 0; run < script.size(); ++run) {
        const Run& r = script[run];
        if (r.op == Op::inserted && unspace_insertion) b.tokens[pb].space_before = false;
        unspace_insertion = false;
        // A replacement whose old and new words both follow a space shares that space.
        if (keep_deleted && r.op == Op::deleted && run + 1 < script.size() && script[run + 1].op == Op::inserted &&
            a.tokens[pa].space_before && b.tokens[pb].space_before && !a.tokens[pa].boundary() &&
            !b.tokens[pb].boundary() && writer.shared_space()) {
            a.tokens[pa].space_before = false;
            unspace_insertion = true;
        }
        for (int k = 0; k < r.count; ++k) {
            if (r.op == Op::deleted) {
                const Token& t = a.tokens[pa++];
                if (!t.boundary() && keep_deleted) writer.add(Op::deleted, t, &old_styles[static_cast<std::size_t>(t.style)]);
                continue;
            }
            const Token& t = b.tokens[pb++];
            if (r.op == Op::equal) {
                const Token& was = a.tokens[pa++];
                if (was.key != t.key) {  // a reference renumbered with its target: consequential, still marked
                    if (keep_deleted) writer.add(Op::deleted, was, &old_styles[static_cast<std::size_t>(was.style)]);
                    writer.add(Op::inserted, t, &b.styles[static_cast<std::size_t>(t.style)]);
                    continue;
                }
            }
            if (t.boundary()) {
                out.push_back(writer.take());
                writer = UnitWriter{};
            } else {
                writer.add(r.op, t, &b.styles[static_cast<std::size_t>(t.style)]);
            }
        }
    }
    out.push_back(writer.take());
    return out;
}

class RedlineBuilder {
public:
    RedlineBuilder(const ChangeSet& set, const model::Protocol& old, const model::Protocol& new_)
        : set_(set), old_(old), new_(new_) {}

    model::Protocol build() {
        model::Protocol p;
        p.source_path = new_.source_path;
        p.meta = new_.meta;
        p.meta.title = new_.meta.title + ": changes from version " + old_.meta.version + " to version " + new_.meta.version;
        p.references = new_.references;
        p.terms = new_.terms;
        for (const auto& s : new_.sections) {
            ids_.reserve(s.id);
            for (const auto& c : s.clauses) ids_.reserve(c.id);
        }
        std::unordered_map<std::string, const model::Section*> old_sections;
        for (const auto& s : old_.sections) old_sections.emplace(s.id, &s);
        for (std::size_t s = 0; s < new_.sections.size(); ++s) {
            model::Section section = new_.sections[s];
            section.clauses.clear();
            auto it = old_sections.find(section.id);
            if (it != old_sections.end()) mark_heading(it->second->heading, section.heading);
            new_section_index_.emplace(section.id, s);
            p.sections.push_back(std::move(section));
        }
        sections_ = &p.sections;

        // Moved clauses leave a marker at their old place.
        std::map<int, std::vector<const Change*>> moved_from;
        for (const Change& c : set_.changes)
            if (c.kind == ChangeKind::moved) moved_from[c.old_place_after].push_back(&c);
        auto emit_moved_from = [&](int anchor) {
            auto it = moved_from.find(anchor);
            if (it == moved_from.end()) return;
            for (const Change* c : it->second) add_old_place(*c);
        };
        emit_moved_from(-1);
        for (const Change& c : set_.changes) {
            if (c.new_.empty()) {
                add_deleted(c);
                continue;
            }
            add_new(c);
            for (const ClauseRef& r : c.new_) emit_moved_from(r.order);
        }
        return p;
    }

private:
    const Clause& old_clause(const ClauseRef& r) const {
        return old_.sections[static_cast<std::size_t>(r.section)].clauses[static_cast<std::size_t>(r.clause)];
    }
    const Clause& new_clause(const ClauseRef& r) const {
        return new_.sections[static_cast<std::size_t>(r.section)].clauses[static_cast<std::size_t>(r.clause)];
    }

    void mark_heading(const Inlines& old_heading, Inlines& heading) {
        mark_changes({&old_heading}, {&heading}, diff_units({&old_heading}, {&heading}), true);
    }

    static std::vector<Run> diff_units(const std::vector<const Inlines*>& old_units,
                                       const std::vector<const Inlines*>& new_units) {
        KeyTable keys;
        TokenStream a, b;
        for (const Inlines* u : old_units) a.add_unit(*u, keys);
        for (const Inlines* u : new_units) b.add_unit(*u, keys);
        bool whole = false;
        return diff_tokens(a.tokens, b.tokens, Options{}, whole);
    }

    static void mark_changes(const std::vector<const Inlines*>& old_units, const std::vector<Inlines*>& new_units,
                             const std::vector<Run>& script, bool keep_deleted) {
        if (script.empty()) return;
        std::vector<Inlines> marked_units =
            mark_units(old_units, {new_units.begin(), new_units.end()}, script, keep_deleted);
        for (std::size_t k = 0; k < new_units.size(); ++k) *new_units[k] = std::move(marked_units[k]);
    }

    static void mark_whole(Clause& clause, InlineKind mark) {
        for (Inlines* u : units_of(clause)) {
            if (mark == InlineKind::deleted) strip_references(*u);
            *u = marked(mark, std::move(*u));
        }
    }

    // A split or a merge is drawn the way Word records one: the words that changed
    // paragraph are deleted from one clause and inserted in the other, so Reject All
    // gives back OLD's paragraphs. Words amended inside a moved clause show only as
    // insertions at its new place (its old words are all at the old place), as Word keeps
    // a move. Everything else uses the change set's own word diff.
    void add_new(const Change& c) {
        Clause first = new_clause(c.new_[0]);
        const bool regrouped = c.kind == ChangeKind::split || c.kind == ChangeKind::merged;
        if (c.kind == ChangeKind::inserted) {
            mark_whole(first, InlineKind::inserted);
        } else {
            const Clause& was = old_clause(c.old[0]);
            const std::vector<const Inlines*> old_units = units_of(was);
            const std::vector<const Inlines*> new_units = units_of(std::as_const(first));
            mark_changes(old_units, units_of(first), regrouped ? diff_units(old_units, new_units) : c.script,
                         c.kind != ChangeKind::moved);
        }
        auto record = [&](Clause& clause, const ClauseRef* was, const std::string& counterpart) {
            clause.change.kind = c.kind;
            clause.change.old_number = was ? was->number : "";
            clause.change.old_id = was ? was->id : "";
            clause.change.counterpart_id = counterpart;
        };
        std::vector<Clause> parts;   // further parts of a split, or clauses merged away
        for (std::size_t k = 1; k < c.new_.size(); ++k) {
            parts.push_back(new_clause(c.new_[k]));
            mark_whole(parts.back(), InlineKind::inserted);
        }
        for (std::size_t k = 1; k < c.old.size(); ++k) {
            parts.push_back(deleted_copy(c.old[k]));
            parts.back().id = unique_old_id(c.old[k].id);
        }
        record(first, c.old.empty() ? nullptr : &c.old[0],
               c.kind == ChangeKind::moved ? old_place_id(c.move_id) : parts.empty() ? "" : parts[0].id);
        if (c.kind == ChangeKind::moved) first.change.move_id = c.move_id;
        const int section = c.new_[0].section;
        place(section, std::move(first));
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const bool split_off = k + 1 < c.new_.size();
            // parts: the split-off clauses (new_[1..]) or the merged-away ones (old[1..])
            record(parts[k], split_off ? nullptr : &c.old[k + 2 - c.new_.size()], c.new_[0].id);
            // To every renderer the split-off part is a new paragraph and the merged-away
            // one a deleted paragraph; `counterpart_id` ties them to the split or merge.
            parts[k].change.kind = split_off ? ChangeKind::inserted : ChangeKind::deleted;
            place(k + 1 < c.new_.size() ? c.new_[k + 1].section : section, std::move(parts[k]));
        }
    }

    std::string unique_old_id(const std::string& id) { return ids_.make(ids_.taken(id) ? id + "-deleted" : id); }

    // The id of a moved clause's marker at its old place, reserved once per move.
    std::string old_place_id(const std::string& move_id) {
        auto [it, fresh] = old_place_ids_.try_emplace(move_id);
        if (fresh) it->second = ids_.make(move_id + "-from");
        return it->second;
    }

    // An old clause shown with all its words deleted.
    Clause deleted_copy(const ClauseRef& r) {
        Clause clause = old_clause(r);
        mark_whole(clause, InlineKind::deleted);
        clause.change.old_number = r.number;
        clause.change.old_id = r.id;
        return clause;
    }

    void add_old_place(const Change& c) {
        Clause clause = deleted_copy(c.old[0]);
        clause.id = old_place_id(c.move_id);
        clause.change.kind = ChangeKind::moved;
        clause.change.moved_from = true;
        clause.change.move_id = c.move_id;
        clause.change.counterpart_id = c.new_[0].id;
        place_old(c.old[0], std::move(clause));
    }

    void add_deleted(const Change& c) {
        Clause clause = deleted_copy(c.old[0]);
        clause.id = unique_old_id(c.old[0].id);
        clause.change.kind = ChangeKind::deleted;
        place_old(c.old[0], std::move(clause));
    }

    void place(int section, Clause clause) {
        current_section_ = std::max(current_section_, section);
        (*sections_)[static_cast<std::size_t>(section)].clauses.push_back(std::move(clause));
    }

    // An old clause goes into NEW's section of the same id when that section is not
    // behind us, otherwise into the section being written.
    void place_old(const ClauseRef& r, Clause clause) {
        int section = std::max(current_section_, 0);
        auto it = new_section_index_.find(old_.sections[static_cast<std::size_t>(r.section)].id);
        if (it != new_section_index_.end() && static_cast<int>(it->second) >= current_section_)
            section = static_cast<int>(it->second);
        if (sections_->empty()) return;
        (*sections_)[static_cast<std::size_t>(section)].clauses.push_back(std::move(clause));
    }

    const ChangeSet& set_;
    const model::Protocol& old_;
    const model::Protocol& new_;
    model::IdAllocator ids_;
    std::unordered_map<std::string, std::size_t> new_section_index_;
    std::unordered_map<std::string, std::string> old_place_ids_;
    std::vector<model::Section>* sections_ = nullptr;
    int current_section_ = -1;
};

}  // namespace

model::Protocol build_redline(const ChangeSet& set, const model::Protocol& old, const model::Protocol& new_) {
    return RedlineBuilder(set, old, new_).build();
}

}  // namespace protopub::redline
