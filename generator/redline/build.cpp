// The redline as an ordinary Protocol: NEW's sections and clauses in NEW's order, each
// clause carrying its ClauseChange, changed words as inserted / deleted inlines, and
// deleted clauses (and the old places of moved ones) where they stood. Renderers need
// nothing redline-specific beyond drawing those two inline kinds and the change record.
#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <utility>

#include "model/facts.hpp"
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

// Old words keep their emphasis and their references: the redline's table of references
// is NEW's followed by OLD's, so an old word's reference is OLD's index plus `old_references`
// (the size of NEW's table). Reject All gives back OLD's links too.
Style old_style(const Style& style, int old_references) {
    Style out = style;
    for (Wrapper& w : out)
        if (w.kind == InlineKind::reference && w.reference >= 0) w.reference += old_references;
    return out;
}

void offset_references(Inlines& inlines, int old_references) {
    for (Inline& in : inlines) {
        offset_references(in.children, old_references);
        if (in.kind == InlineKind::reference && in.reference >= 0) in.reference += old_references;
    }
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
    // `was`: for a word both versions have, OLD's token, whose space may differ from NEW's.
    void add(Op op, const Token& token, const Style* style, const Token* was = nullptr) {
        const bool old_space = op == Op::equal && was ? was->space_before : token.space_before;
        const bool old_side = old_started_ && op != Op::inserted && old_space;
        const bool new_side = new_started_ && op != Op::deleted && token.space_before;
        // (inside emphasis that goes on, the space is emphasised too: one <em> for a phrase)
        const Style* space = last_style_ && *last_style_ == *style ? style : &plain_;
        if (old_side && new_side)
            emit(Op::equal, " ", space);
        else if (new_side)
            emit(Op::inserted, " ", space);
        else if (old_side)
            emit(Op::deleted, " ", space);
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
std::vector<Inlines> mark_units(const std::vector<const Inlines*>& old_units,
                                const std::vector<const Inlines*>& new_units, const std::vector<Run>& script,
                                bool keep_deleted, int old_references) {
    KeyTable keys;
    TokenStream a, b;
    for (const Inlines* u : old_units) a.add_unit(*u, keys);
    for (const Inlines* u : new_units) b.add_unit(*u, keys);
    std::vector<Style> old_styles;
    for (const Style& s : a.styles) old_styles.push_back(old_style(s, old_references));

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
                if (!t.boundary() && keep_deleted)
                    writer.add(Op::deleted, t, &old_styles[static_cast<std::size_t>(t.style)]);
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
                writer.add(r.op, t, &b.styles[static_cast<std::size_t>(t.style)],
                           r.op == Op::equal ? &a.tokens[pa - 1] : nullptr);
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
        p.meta.document_title = new_.meta.title;
        const std::string label = ": changes from version " + old_.meta.version + " to version " + new_.meta.version;
        p.meta.title = new_.meta.title + label;
        mark_title_page(p.meta, label);
        p.references = new_.references;
        old_references_ = static_cast<int>(p.references.size());
        p.references.insert(p.references.end(), old_.references.begin(), old_.references.end());
        p.terms = new_.terms;
        for (const auto& s : new_.sections) {
            ids_.reserve(s.id);
            for (const auto& c : s.clauses) ids_.reserve(c.id);
        }
        redline_of_new_.resize(new_.sections.size());
        redline_of_old_.assign(old_.sections.size(), -1);
        section_moves_.assign(old_.sections.size(), nullptr);
        for (const Change& c : set_.changes)
            if (c.part == Part::section && c.kind == ChangeKind::moved)
                section_moves_[static_cast<std::size_t>(c.old[0].section)] = &c;
        for (const RedlineSection& r : redline_sections(set_, old_.sections.size())) {
            (r.deleted ? redline_of_old_ : redline_of_new_)[static_cast<std::size_t>(r.index)] =
                static_cast<int>(p.sections.size());
            p.sections.push_back(r.moved_from ? moved_from_section(r.index)
                                 : r.deleted  ? deleted_section(r.index)
                                              : new_section(r.index));
        }
        sections_ = &p.sections;
        redline_of_continued_.assign(old_.sections.size(), -1);
        for (std::size_t s = 0; s < new_.sections.size(); ++s)
            if (const int match = set_.section_match[s]; match >= 0)
                redline_of_continued_[static_cast<std::size_t>(match)] = redline_of_new_[s];

        // Deleted clauses, and the markers moved clauses leave at their old place, stand
        // where they stood: after the clause of NEW they followed, in OLD's order.
        std::map<int, std::vector<const Change*>> old_places;
        for (const Change& c : set_.changes)
            if (c.part == Part::clause && (c.kind == ChangeKind::moved || c.new_.empty()))
                old_places[c.old_place_after].push_back(&c);
        for (auto& [anchor, changes] : old_places)
            std::stable_sort(changes.begin(), changes.end(),
                             [](const Change* x, const Change* y) { return x->old[0].order < y->old[0].order; });
        auto emit_old_places = [&](int anchor) {
            auto it = old_places.find(anchor);
            if (it == old_places.end()) return;
            for (const Change* c : it->second) c->new_.empty() ? add_deleted(*c) : add_old_place(*c);
        };
        emit_old_places(-1);
        for (const Change& c : set_.changes) {
            if (c.part != Part::clause || c.new_.empty()) continue;  // sections are drawn with their sections
            add_new(c);
            for (const ClauseRef& r : c.new_) emit_old_places(r.order);
        }
        unpair_moves_in_moved_sections(p);
        add_glossary(p);
        return p;
    }

    // The clauses of a moved section are drawn as their section is, deleted at its old
    // place and inserted at its new (still linked as moves): LibreOffice takes a run of
    // moved-to paragraphs after an inserted heading for one change, and its Reject All
    // then leaves empty paragraphs behind.
    static void unpair_moves_in_moved_sections(model::Protocol& p) {
        for (model::Section& s : p.sections)
            if (s.change.kind == ChangeKind::moved)
                for (Clause& c : s.clauses)
                    if (c.change.kind == ChangeKind::moved) c.change.move_id.clear();
    }

    // The defined terms are derived from each version, so the redline tracks them like
    // any other words: an entry only one version has is struck or inserted whole, one
    // whose words changed shows those words (Reject All gives OLD's list, Accept All
    // NEW's), drawn as a section of the redline.
    void add_glossary(model::Protocol& p) {
        p.terms.clear();  // drawn from the section below, not derived again from NEW's terms
        const auto old_list = model::glossary_section(old_), new_list = model::glossary_section(new_);
        if (!old_list && !new_list) return;
        model::Section s = new_list ? *new_list : *old_list;
        s.intro.clear();
        static const std::vector<model::Block> none;
        const auto& olds = old_list ? old_list->intro : none;
        const auto& news = new_list ? new_list->intro : none;
        // Merged in the list's own order (by term, ignoring case); any order keeps each
        // version's entries in sequence, so Accept All and Reject All stay exact.
        auto key = [](const model::Block& b) {
            std::string k = b.inlines.empty() ? std::string() : model::plain_text(b.inlines.front().children);
            for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return k;
        };
        auto marked = [](model::Block b, ChangeKind kind) {
            b.change = kind;
            return b;
        };
        std::size_t i = 0, j = 0;
        while (i < olds.size() || j < news.size()) {
            const int order = i == olds.size() ? 1 : j == news.size() ? -1 : key(olds[i]).compare(key(news[j]));
            if (order == 0 && model::plain_text(olds[i]) == model::plain_text(news[j])) {
                s.intro.push_back(news[j]);
                ++i, ++j;
                continue;
            }
            // The same term, its entry changed ("(paragraph 9.5)" now "(paragraph 9.4)"):
            // the words that changed, as in a clause; whole entries only when no word
            // differs (quote styles), where only they give each version's text exactly.
            if (order == 0) {
                const std::vector<Run> script = diff_units({&olds[i].inlines}, {&news[j].inlines});
                if (!script.empty()) {
                    model::Block entry = news[j];
                    mark_changes({&olds[i].inlines}, {&entry.inlines}, script, true);
                    s.intro.push_back(std::move(entry));
                    ++i, ++j;
                    continue;
                }
            }
            if (order <= 0) s.intro.push_back(marked(olds[i++], ChangeKind::deleted));
            if (order >= 0) s.intro.push_back(marked(news[j++], ChangeKind::inserted));
        }
        if (!old_list) s.change.kind = ChangeKind::inserted;
        if (!new_list) s.change.kind = ChangeKind::deleted;
        p.sections.push_back(std::move(s));
    }

private:
    static Inlines words(const std::string& text) {
        return text.empty() ? Inlines{} : Inlines{Inline{InlineKind::text, text, {}, {}, -1, {}}};
    }

    // OLD's words deleted and NEW's inserted, whole (a title, a date, a status is read
    // whole); the words alone where they are the same.
    static Inlines replaced(const std::string& was, const std::string& now) {
        if (was == now) return words(now);
        Inlines out = marked(InlineKind::deleted, words(was));
        for (Inline& in : marked(InlineKind::inserted, words(now))) out.push_back(std::move(in));
        return out;
    }

    // The front matter's changes on the title page, where a committee looks for them:
    // the title and council, and each fact of model::title_facts(), in its order; a fact
    // only one version states is a line inserted or deleted.
    void mark_title_page(model::Metadata& m, const std::string& label) const {
        m.marked_title = replaced(old_.meta.title, new_.meta.title);
        m.marked_title.push_back(words(label)[0]);
        m.marked_council = replaced(old_.meta.council, new_.meta.council);
        const auto was = model::title_facts(old_.meta), now = model::title_facts(new_.meta);
        auto states = [](const std::vector<model::TitleFact>& facts, std::size_t from, const std::string& label) {
            return std::any_of(facts.begin() + static_cast<std::ptrdiff_t>(from), facts.end(),
                               [&](const model::TitleFact& f) { return f.label == label; });
        };
        for (std::size_t i = 0, j = 0; i < was.size() || j < now.size();) {
            if (i < was.size() && j < now.size() && was[i].label == now[j].label) {
                m.marked_facts.push_back({now[j].label, replaced(was[i].value, now[j].value)});
                ++i, ++j;
            } else if (i < was.size() && !states(now, j, was[i].label)) {
                m.marked_facts.push_back({was[i].label, replaced(was[i].value, ""), ChangeKind::deleted});
                ++i;
            } else {
                m.marked_facts.push_back({now[j].label, replaced("", now[j].value), ChangeKind::inserted});
                ++j;
            }
        }
    }

    const Clause& old_clause(const ClauseRef& r) const {
        return old_.sections[static_cast<std::size_t>(r.section)].clauses[static_cast<std::size_t>(r.clause)];
    }
    std::string old_number_text(const ClauseRef& r) const { return old_clause(r).number.text; }
    const Clause& new_clause(const ClauseRef& r) const {
        return new_.sections[static_cast<std::size_t>(r.section)].clauses[static_cast<std::size_t>(r.clause)];
    }

    // ------------------------------------------------------------ sections

    // A section of NEW, its heading, number and introduction marked against the section
    // of OLD it continues (or wholly inserted); its clauses are placed later.
    model::Section new_section(int index) {
        model::Section section = new_.sections[static_cast<std::size_t>(index)];
        section.clauses.clear();
        const int match = set_.section_match[static_cast<std::size_t>(index)];
        if (match < 0) {
            section.change.kind = ChangeKind::inserted;
            section.heading = marked(InlineKind::inserted, std::move(section.heading));
            for (model::Block& b : section.intro) mark_whole(b, InlineKind::inserted);
            return section;
        }
        const model::Section& was = old_.sections[static_cast<std::size_t>(match)];
        if (set_.section_moved[static_cast<std::size_t>(index)]) {
            // A move is drawn as Word keeps a moved paragraph: all new here, all gone there.
            section.change.kind = ChangeKind::moved;
            section.change.old_id = was.id;
            section.change.counterpart_id = old_place_id(section_moves_[static_cast<std::size_t>(match)]->move_id);
            section.heading = marked(InlineKind::inserted, std::move(section.heading));
            for (model::Block& b : section.intro) mark_whole(b, InlineKind::inserted);
            return section;
        }
        const std::vector<Run> heading_script = diff_units({&was.heading}, {&section.heading});
        mark_changes({&was.heading}, {&section.heading}, heading_script, true);
        section.change.old_id = was.id;
        if (was.number.parts != section.number.parts) section.change.old_number = was.number.text;
        section.change.kind = !heading_script.empty()              ? ChangeKind::amended
                              : !section.change.old_number.empty() ? ChangeKind::renumbered
                                                                   : ChangeKind::unchanged;
        section.intro = marked_intro(was.intro, section.intro);
        return section;
    }

    // A section of OLD that NEW no longer has: heading and introduction all deleted.
    model::Section deleted_section(int index) {
        model::Section section = old_.sections[static_cast<std::size_t>(index)];
        section.clauses.clear();
        section.id = unique_old_id(section.id);
        section.change.kind = ChangeKind::deleted;
        section.change.old_id = old_.sections[static_cast<std::size_t>(index)].id;
        section.change.old_number = section.number.text;
        offset_references(section.heading, old_references_);
        section.heading = marked(InlineKind::deleted, std::move(section.heading));
        for (model::Block& b : section.intro) mark_whole(b, InlineKind::deleted);
        return section;
    }

    // The old place of a moved section: its heading and introduction as they were, deleted.
    model::Section moved_from_section(int index) {
        const Change& move = *section_moves_[static_cast<std::size_t>(index)];
        model::Section section = deleted_section(index);
        section.id = old_place_id(move.move_id);
        section.change.kind = ChangeKind::moved;
        section.change.moved_from = true;
        section.change.counterpart_id = move.new_[0].id;
        return section;
    }

    // The introduction block by block: a block kept (perhaps amended) has its words
    // marked; one deleted or inserted whole is a paragraph of its own, as Word keeps it.
    std::vector<model::Block> marked_intro(const std::vector<model::Block>& old_intro,
                                           const std::vector<model::Block>& new_intro) {
        if (same_text(old_intro, new_intro)) return new_intro;
        std::vector<model::Block> out;
        for (const BlockPair& pair : align_blocks(old_intro, new_intro, Options{})) {
            if (pair.new_block < 0) {
                out.push_back(old_intro[static_cast<std::size_t>(pair.old_block)]);
                mark_whole(out.back(), InlineKind::deleted);
                continue;
            }
            out.push_back(new_intro[static_cast<std::size_t>(pair.new_block)]);
            if (pair.old_block < 0) {
                mark_whole(out.back(), InlineKind::inserted);
                continue;
            }
            const std::vector<const Inlines*> old_units = units_of(old_intro[static_cast<std::size_t>(pair.old_block)]);
            const std::vector<const Inlines*> new_units = units_of(std::as_const(out.back()));
            mark_changes(old_units, units_of(out.back()), diff_units(old_units, new_units), true);
        }
        return out;
    }

    // ------------------------------------------------------------ clauses

    static std::vector<Run> diff_units(const std::vector<const Inlines*>& old_units,
                                       const std::vector<const Inlines*>& new_units) {
        KeyTable keys;
        TokenStream a, b;
        for (const Inlines* u : old_units) a.add_unit(*u, keys);
        for (const Inlines* u : new_units) b.add_unit(*u, keys);
        bool whole = false;
        return diff_tokens(a.tokens, b.tokens, Options{}, whole);
    }

    void mark_changes(const std::vector<const Inlines*>& old_units, const std::vector<Inlines*>& new_units,
                      const std::vector<Run>& script, bool keep_deleted) {
        if (script.empty()) return;
        std::vector<Inlines> marked_units =
            mark_units(old_units, {new_units.begin(), new_units.end()}, script, keep_deleted, old_references_);
        for (std::size_t k = 0; k < new_units.size(); ++k) *new_units[k] = std::move(marked_units[k]);
    }

    template <class ClauseOrBlock>
    void mark_whole(ClauseOrBlock& words, InlineKind mark) {
        for (Inlines* u : units_of(words)) {
            if (mark == InlineKind::deleted) offset_references(*u, old_references_);
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
        } else if (const Clause& was = old_clause(c.old[0]);
                   regrouped || !weave_into(first, was, c.script, c.kind != ChangeKind::moved)) {
            const std::vector<const Inlines*> old_units = units_of(was);
            const std::vector<const Inlines*> new_units = units_of(std::as_const(first));
            mark_changes(old_units, units_of(first), regrouped ? diff_units(old_units, new_units) : c.script,
                         c.kind != ChangeKind::moved);
        }
        auto record = [&](Clause& clause, const ClauseRef* was, const std::string& counterpart) {
            clause.change.kind = c.kind;
            // Only a number that changed is drawn struck ("1." and "1" are the same number).
            clause.change.old_number =
                was && was->number != model::join_number(clause.number.parts) ? old_number_text(*was) : "";
            clause.change.old_id = was ? was->id : "";
            clause.change.counterpart_id = counterpart;
        };
        std::vector<Clause> parts;  // further parts of a split, or clauses merged away
        for (std::size_t k = 1; k < c.new_.size(); ++k) {
            parts.push_back(new_clause(c.new_[k]));
            mark_whole(parts.back(), InlineKind::inserted);
        }
        for (std::size_t k = 1; k < c.old.size(); ++k) {
            parts.push_back(deleted_copy(c.old[k]));
            parts.back().id = unique_old_id(c.old[k].id);
        }
        record(first, c.old.empty() ? nullptr : &c.old[0],
               c.kind == ChangeKind::moved ? old_place_id(c.move_id)
               : parts.empty()             ? ""
                                           : parts[0].id);
        if (c.kind == ChangeKind::moved) first.change.move_id = c.move_id;
        const int section = redline_of_new_[static_cast<std::size_t>(c.new_[0].section)];
        place(section, std::move(first), c.old.empty() || c.kind == ChangeKind::moved ? -1 : c.old[0].section);
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const bool split_off = k + 1 < c.new_.size();
            // parts: the split-off clauses (new_[1..]) or the merged-away ones (old[1..])
            record(parts[k], split_off ? nullptr : &c.old[k + 2 - c.new_.size()], c.new_[0].id);
            // To every renderer the split-off part is a new paragraph and the merged-away
            // one a deleted paragraph; `counterpart_id` ties them to the split or merge.
            parts[k].change.kind = split_off ? ChangeKind::inserted : ChangeKind::deleted;
            place(split_off ? redline_of_new_[static_cast<std::size_t>(c.new_[k + 1].section)] : section,
                  std::move(parts[k]));
        }
    }

    // A clause whose paragraphs, list items, table rows or columns changed: OLD's units
    // woven into NEW's structure where they stood, each unit marked by its own slice of
    // the change's script. A moved clause leaves out what only OLD had (that is at its
    // old place). False when the script keeps the structure (marked word by word).
    bool weave_into(Clause& now, const Clause& was, const std::vector<Run>& script, bool keep_deleted) {
        if (script.empty()) return false;  // the same words: nothing to tokenize or weave
        KeyTable keys;
        const TokenStream a = tokenize({&was}, keys), b = tokenize({&now}, keys);
        if (!changes_structure(script, a.tokens, b.tokens)) return false;
        WovenClause woven = weave(was, unit_bags(a.tokens), now, unit_bags(b.tokens), Options{}.match_threshold);
        auto sizes = [](const std::vector<Token>& tokens) {
            std::vector<int> out(1, 0);
            for (const Token& t : tokens) t.boundary() ? out.push_back(0) : void(++out.back());
            return out;
        };
        const std::vector<std::vector<Run>> scripts =
            unit_scripts(script, woven.units, sizes(a.tokens), sizes(b.tokens));
        Clause out = now;
        out.blocks = std::move(woven.blocks);
        const std::vector<const Inlines*> old_units = units_of(was);
        const std::vector<Inlines*> slots = units_of(out);
        if (slots.size() != woven.units.size()) return false;
        const Inlines none;
        for (std::size_t k = 0; k < slots.size(); ++k) {
            const UnitPair& u = woven.units[k];
            const Inlines new_words = u.new_unit >= 0 ? *slots[k] : Inlines{};
            const Inlines* old_words = u.old_unit >= 0 ? old_units[static_cast<std::size_t>(u.old_unit)] : &none;
            *slots[k] =
                std::move(mark_units({old_words}, {&new_words}, scripts[k], keep_deleted, old_references_).front());
        }
        if (!keep_deleted) drop_deleted(out.blocks);
        now = std::move(out);
        return true;
    }

    // What only OLD had, left out (a moved clause's new place).
    static void drop_deleted(std::vector<model::Block>& blocks) {
        using model::ChangeKind;
        std::erase_if(blocks, [](const model::Block& b) { return b.change == ChangeKind::deleted; });
        for (model::Block& b : blocks) {
            std::erase_if(b.items, [](const model::ListItem& i) { return i.change == ChangeKind::deleted; });
            for (auto& item : b.items) drop_deleted(item.blocks);
            std::erase_if(b.rows, [](const model::TableRow& r) { return r.change == ChangeKind::deleted; });
            drop_deleted(b.children);
        }
    }

    // True when every section of the redline after `from`, up to `to`, is a deleted one.
    bool only_deleted(int from, int to) const {
        for (int s = from + 1; s <= to; ++s)
            if ((*sections_)[static_cast<std::size_t>(s)].change.kind != ChangeKind::deleted) return false;
        return true;
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
        clause.change.old_number = clause.number.text;
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

    // A clause of NEW goes into its section; but when the heading it stood under in OLD
    // was deleted (a sub-heading removed, its clauses kept), into that deleted section,
    // so the struck heading stands before them as it did; and once there, the clauses
    // after it stay there, in reading order.
    void place(int section, Clause clause, int old_section = -1) {
        if (old_section >= 0) {
            const int deleted = redline_of_old_[static_cast<std::size_t>(old_section)];
            if (deleted > section && deleted >= current_section_ && only_deleted(section, deleted)) section = deleted;
        }
        if (current_section_ > section && only_deleted(section, current_section_)) section = current_section_;
        current_section_ = std::max(current_section_, section);
        (*sections_)[static_cast<std::size_t>(section)].clauses.push_back(std::move(clause));
    }

    // An old clause goes into its own section when that was deleted; into the section
    // of NEW that continues its section when that is not behind us; otherwise into the
    // section being written. (The redline's sections are indexed here, not NEW's.)
    void place_old(const ClauseRef& r, Clause clause) {
        int section = std::max(current_section_, 0);
        const std::size_t old_section = static_cast<std::size_t>(r.section);
        const int continued = redline_of_continued_[old_section];
        if (redline_of_old_[old_section] >= 0)
            section = redline_of_old_[old_section];
        else if (continued >= current_section_)
            section = continued;
        if (sections_->empty()) return;
        (*sections_)[static_cast<std::size_t>(section)].clauses.push_back(std::move(clause));
    }

    const ChangeSet& set_;
    const model::Protocol& old_;
    const model::Protocol& new_;
    int old_references_ = 0;  // where OLD's references start in the redline's table (after NEW's)
    model::IdAllocator ids_;
    std::vector<int> redline_of_new_;        // NEW's section index -> the redline's
    std::vector<int> redline_of_old_;        // a deleted OLD section's index -> the redline's (-1: kept)
    std::vector<int> redline_of_continued_;  // a kept OLD section's index -> the redline's section continuing it
    std::unordered_map<std::string, std::string> old_place_ids_;
    std::vector<const Change*> section_moves_;  // by OLD's section index: its move (null: not moved)
    std::vector<model::Section>* sections_ = nullptr;
    int current_section_ = -1;
};

}  // namespace

model::Protocol build_redline(const ChangeSet& set, const model::Protocol& old, const model::Protocol& new_) {
    return RedlineBuilder(set, old, new_).build();
}

}  // namespace protopub::redline
