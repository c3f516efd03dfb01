// Test helper: random edit scripts over the committed sources, each with the change model
// it must give (the kind of every clause that changed, and every section change). Used by
// the property test and by the LibreOffice check of a sample of scripts.
#pragma once

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "model/facts.hpp"
#include "redline/redline.hpp"
#include "redline/versions.hpp"
#include "refs/refs.hpp"

namespace redline_test {

inline std::vector<std::string> property_sources() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(test_env::source_dir() + "/protocol-source"))
        if (e.path().extension() == ".md" && e.path().filename() != "README.md")
            out.push_back("protocol-source/" + e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

inline model::Protocol load_resolved_source(const std::string& path) {
    auto p = load(path);
    model::Diagnostics diags;
    refs::resolve_references(p, diags);
    return p;
}

struct EditScript {
    model::Protocol old, now;
    std::vector<std::string> log;             // "kind detail", in the order made
    std::set<std::string> expected_clauses;   // "kind clause-id" (changed clauses only)
    std::set<std::string> expected_sections;  // "kind section-id"
    std::string describe() const {
        std::string out;
        for (const auto& e : log) out += "  " + e + "\n";
        return out;
    }
};

// The change set's clause kinds, "kind id" (NEW's id; OLD's for a deleted clause), unchanged left out.
inline std::set<std::string> clause_kinds(const redline::ChangeSet& set) {
    std::set<std::string> out;
    for (const auto& c : set.changes)
        if (c.part == redline::Part::clause && c.kind != model::ChangeKind::unchanged)
            out.insert(std::string(model::to_string(c.kind)) + " " + (c.new_.empty() ? c.old[0].id : c.new_[0].id));
    return out;
}

inline std::set<std::string> section_kinds(const redline::ChangeSet& set) {
    std::set<std::string> out;
    for (const auto& c : set.changes)
        if (c.part != redline::Part::clause)
            out.insert(std::string(redline::to_string(c.part)) + " " + model::to_string(c.kind) + " " +
                       (c.new_.empty() ? c.old[0].id : c.new_[0].id));
    return out;
}

// Every kind of edit the scripts make, in the order they are drawn from.
inline const std::vector<std::string>& edit_kinds() {
    static const std::vector<std::string> kinds = {"reword",
                                                   "insert",
                                                   "delete",
                                                   "move-within",
                                                   "move-across",
                                                   "split",
                                                   "merge",
                                                   "bullet-insert",
                                                   "bullet-delete",
                                                   "bullet-swap",
                                                   "table-cell",
                                                   "table-row-insert",
                                                   "table-row-delete",
                                                   "table-column-insert",
                                                   "section-rename",
                                                   "section-insert",
                                                   "section-delete",
                                                   "section-move",
                                                   "subheading-insert",
                                                   "subheading-delete",
                                                   "subheading-move",
                                                   "emphasis"};
    return kinds;
}

class ScriptMaker {
public:
    ScriptMaker(const model::Protocol& source, std::mt19937& rng) : rng_(rng) {
        s_.old = source;
        add_table();
        s_.now = s_.old;
    }

    EditScript make() {
        const std::vector<std::string>& kinds = edit_kinds();
        std::vector<std::string> order = kinds;
        std::shuffle(order.begin(), order.end(), rng_);
        // Sections first (they reserve their clauses), then the clause edits.
        std::stable_partition(order.begin(), order.end(), [](const std::string& k) {
            return k.rfind("section", 0) == 0 || k.rfind("subheading", 0) == 0;
        });
        int made = 0;
        for (const std::string& kind : order) {
            if (made >= 6) break;
            if (uniform(0, 2) == 0) continue;  // about two in three of the kinds, each script
            made += apply(kind);
        }
        renumber(s_.now);
        const auto was = numbers(s_.old), now = numbers(s_.now);
        for (const auto& [id, number] : now)
            if (!fate_.count(id) && was.count(id) && was.at(id) != number)
                s_.expected_clauses.insert("renumbered " + id);
        for (const auto& [id, fate] : fate_)
            if (!fate.empty()) s_.expected_clauses.insert(fate + " " + id);
        return std::move(s_);
    }

private:
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

    std::string word() {
        static const char* vocabulary[] = {"zephyr", "quartz",  "marble",  "harbour", "lantern", "meadow",  "copper",
                                           "willow", "saffron", "granite", "orchard", "pebble",  "thistle", "falcon"};
        return std::string(vocabulary[uniform(0, 13)]) + std::to_string(++words_);
    }
    std::string words(int n) {
        std::string out;
        for (int k = 0; k < n; ++k) out += (k ? " " : "") + word();
        return out;
    }

    static std::map<std::string, std::string> numbers(const model::Protocol& p) {
        std::map<std::string, std::string> out;
        for (const auto& s : p.sections)
            for (const auto& c : s.clauses) out[c.id] = model::join_number(c.number.parts);
        return out;
    }

    struct Pos {
        std::size_t s, c;
    };

    bool normal(std::size_t s) const { return s_.now.sections[s].kind == model::SectionKind::normal; }
    bool leaf(const model::Section& sec, std::size_t c) const {
        const auto& cs = sec.clauses;
        return cs[c].depth() >= 2 && (c + 1 == cs.size() || cs[c + 1].depth() <= cs[c].depth());
    }
    static bool one_paragraph(const model::Clause& c, std::size_t min_words) {
        return c.blocks.size() == 1 && c.blocks[0].kind == model::BlockKind::paragraph &&
               model::split_words(model::plain_text(c.blocks[0].inlines)).size() >= min_words;
    }
    bool free(const std::string& id) const { return !reserved_.count(id); }

    // Reserves a clause and its neighbours, so no two edits touch one another.
    void reserve(Pos at) {
        const auto& cs = s_.now.sections[at.s].clauses;
        for (std::size_t c = at.c > 0 ? at.c - 1 : 0; c < std::min(cs.size(), at.c + 2); ++c)
            reserved_.insert(cs[c].id);
    }

    template <class Pred>
    std::vector<Pos> candidates(Pred pred) const {
        std::vector<Pos> out;
        for (std::size_t s = 0; s < s_.now.sections.size(); ++s) {
            if (!normal(s)) continue;
            const auto& sec = s_.now.sections[s];
            for (std::size_t c = 0; c < sec.clauses.size(); ++c)
                if (free(sec.clauses[c].id) && pred(sec, c)) out.push_back({s, c});
        }
        return out;
    }

    template <class Pred>
    bool pick(Pred pred, Pos& at) {
        const auto all = candidates(pred);
        if (all.empty()) return false;
        at = all[static_cast<std::size_t>(uniform(0, static_cast<int>(all.size()) - 1))];
        return true;
    }

    model::Clause& at(Pos p) { return s_.now.sections[p.s].clauses[p.c]; }

    // OLD gets a table in one clause, so table edits have something to edit.
    void add_table() {
        std::vector<Pos> all;
        for (std::size_t s = 0; s < s_.old.sections.size(); ++s) {
            if (s_.old.sections[s].kind != model::SectionKind::normal) continue;
            for (std::size_t c = 0; c < s_.old.sections[s].clauses.size(); ++c)
                if (leaf(s_.old.sections[s], c) && one_paragraph(s_.old.sections[s].clauses[c], 4))
                    all.push_back({s, c});
        }
        if (all.empty()) return;
        const Pos p = all[static_cast<std::size_t>(uniform(0, static_cast<int>(all.size()) - 1))];
        model::Block table;
        table.kind = model::BlockKind::table;
        table.align.assign(3, model::Align::none);
        for (int r = 0; r < 4; ++r) {
            model::TableRow row;
            row.header = r == 0;
            for (int c = 0; c < 3; ++c) row.cells.push_back({text_inlines(words(r == 0 ? 1 : 3))});
            table.rows.push_back(std::move(row));
        }
        auto& clause = s_.old.sections[p.s].clauses[p.c];
        clause.blocks.push_back(std::move(table));
        table_id_ = clause.id;
    }

    model::Block* table() {
        if (table_id_.empty()) return nullptr;
        for (auto& s : s_.now.sections)
            for (auto& c : s.clauses)
                if (c.id == table_id_)
                    for (auto& b : c.blocks)
                        if (b.kind == model::BlockKind::table) return &b;
        return nullptr;
    }

    model::Block* list_of(model::Clause& c) {
        for (auto& b : c.blocks)
            if (b.kind == model::BlockKind::list && b.items.size() >= 2) {
                bool simple = true;
                for (auto& item : b.items)
                    simple &= item.blocks.size() == 1 && item.blocks[0].kind == model::BlockKind::paragraph;
                if (simple) return &b;
            }
        return nullptr;
    }

    void log(const std::string& kind, const std::string& detail) { s_.log.push_back(kind + " " + detail); }

    int apply(const std::string& kind) {
        Pos p{};
        auto& now = s_.now;
        if (kind == "reword") {
            if (!pick([&](const model::Section& s,
                          std::size_t c) { return leaf(s, c) && one_paragraph(s.clauses[c], 4); },
                      p))
                return 0;
            at(p).blocks[0].inlines.push_back(text_inlines(" in writing")[0]);
            fate_[at(p).id] = "amended";
            log(kind, at(p).id);
        } else if (kind == "emphasis") {  // a word of a clause put in italics or bold, nothing else
            if (!pick([&](const model::Section& s,
                          std::size_t c) { return leaf(s, c) && one_paragraph(s.clauses[c], 4); },
                      p))
                return 0;
            model::Inlines& inlines = at(p).blocks[0].inlines;
            for (std::size_t k = 0; k < inlines.size(); ++k) {
                const std::string text = inlines[k].text;
                const std::size_t from = text.find(' '), to = text.find(' ', from + 1);
                if (inlines[k].kind != model::InlineKind::text || from == std::string::npos ||
                    to == std::string::npos || to == from + 1)
                    continue;
                model::Inline set;
                set.kind = uniform(0, 1) ? model::InlineKind::emphasis : model::InlineKind::strong;
                set.children = text_inlines(text.substr(from + 1, to - from - 1));
                const model::Inlines after = text_inlines(text.substr(to));
                inlines[k].text = text.substr(0, from + 1);
                inlines.insert(inlines.begin() + static_cast<std::ptrdiff_t>(k) + 1, set);
                inlines.insert(inlines.begin() + static_cast<std::ptrdiff_t>(k) + 2, after[0]);
                fate_[at(p).id] = "amended";
                log(kind, at(p).id + " '" + text.substr(from + 1, to - from - 1) + "'");
                return 1;
            }
            return 0;
        } else if (kind == "insert") {
            if (!pick([&](const model::Section& s, std::size_t c) { return leaf(s, c); }, p)) return 0;
            const std::string id = "new-clause-" + std::to_string(++ids_);
            log(kind, id + " after " + at(p).id);
            reserve(p);
            insert_after(now, at(p).id, make_clause(id, words(10)));
            fate_[id] = "inserted";
            reserved_.insert(id);
            return 1;
        } else if (kind == "delete") {
            if (!pick([&](const model::Section& s, std::size_t c) { return leaf(s, c); }, p)) return 0;
            const std::string id = at(p).id;
            reserve(p);
            remove(now, id);
            fate_[id] = "deleted";
            log(kind, id);
            return 1;
        } else if (kind == "move-within" || kind == "move-across") {
            const bool across = kind == "move-across";
            if (!pick([&](const model::Section& s,
                          std::size_t c) { return leaf(s, c) && one_paragraph(s.clauses[c], 3); },
                      p))
                return 0;
            const std::string id = at(p).id;
            std::vector<Pos> targets = candidates([&](const model::Section& s, std::size_t c) {
                const std::size_t si = static_cast<std::size_t>(&s - &now.sections[0]);
                if (!leaf(s, c) || (si != p.s) != across) return false;
                return across || c + 2 < p.c || c > p.c + 2;  // at least two clauses away
            });
            if (targets.empty()) return 0;
            const Pos t = targets[static_cast<std::size_t>(uniform(0, static_cast<int>(targets.size()) - 1))];
            const std::string after = now.sections[t.s].clauses[t.c].id;
            reserve(p);
            reserve(t);
            move_after(now, id, after);
            fate_[id] = "moved";
            log(kind, id + " after " + after);
            return 1;
        } else if (kind == "split") {
            if (!pick([&](const model::Section& s,
                          std::size_t c) { return leaf(s, c) && one_paragraph(s.clauses[c], 16); },
                      p))
                return 0;
            const std::string id = at(p).id, text = words_of(now, id);
            std::size_t cut = text.size() / 2;
            while (cut < text.size() && text[cut] != ' ') ++cut;
            if (cut >= text.size()) return 0;
            const std::string part = "split-part-" + std::to_string(++ids_);
            reserve(p);
            split(now, id, text.substr(cut + 1), part);
            reserved_.insert(part);
            fate_[id] = "split";
            fate_[part] = "";
            log(kind, id);
            return 1;
        } else if (kind == "merge") {
            if (!pick(
                    [&](const model::Section& s, std::size_t c) {
                        return c + 1 < s.clauses.size() && leaf(s, c) && leaf(s, c + 1) &&
                               s.clauses[c].depth() == s.clauses[c + 1].depth() && one_paragraph(s.clauses[c], 6) &&
                               one_paragraph(s.clauses[c + 1], 6) && free(s.clauses[c + 1].id);
                    },
                    p))
                return 0;
            const std::string first = at(p).id, second = now.sections[p.s].clauses[p.c + 1].id;
            reserve(p);
            reserve({p.s, p.c + 1});
            merge(now, first, second);
            fate_[first] = "merged";
            fate_[second] = "";
            log(kind, first + " + " + second);
            return 1;
        } else if (kind.rfind("bullet", 0) == 0) {
            if (!pick([&](const model::Section& s,
                          std::size_t c) { return list_of(const_cast<model::Clause&>(s.clauses[c])) != nullptr; },
                      p))
                return 0;
            model::Block& list = *list_of(at(p));
            const int n = static_cast<int>(list.items.size());
            const int i = uniform(0, n - 1);
            if (kind == "bullet-insert") {
                model::ListItem item = list.items[static_cast<std::size_t>(i)];
                item.id.clear();
                item.blocks[0].inlines = text_inlines(words(6));
                list.items.insert(list.items.begin() + i + 1, std::move(item));
            } else if (kind == "bullet-delete") {
                list.items.erase(list.items.begin() + i);
            } else {
                const int j = i + 1 < n ? i + 1 : i - 1;
                if (model::plain_text(list.items[static_cast<std::size_t>(i)].blocks[0].inlines) ==
                    model::plain_text(list.items[static_cast<std::size_t>(j)].blocks[0].inlines))
                    return 0;
                std::swap(list.items[static_cast<std::size_t>(i)].blocks,
                          list.items[static_cast<std::size_t>(j)].blocks);
            }
            fate_[at(p).id] = "amended";
            log(kind, at(p).id + " item " + std::to_string(i));
            reserve(p);
            return 1;
        } else if (kind.rfind("table", 0) == 0) {
            model::Block* t = table();
            if (!t || reserved_tables_.count(kind)) return 0;
            const int rows = static_cast<int>(t->rows.size());
            if (kind == "table-cell") {
                auto& cell = t->rows[static_cast<std::size_t>(uniform(1, rows - 1))].cells[0];
                const bool inserted_row = model::plain_text(cell.inlines) == inserted_row_;
                cell.inlines.push_back(text_inlines(" or deputy")[0]);
                // the inserted row is still known as such, so no row delete takes it away again
                if (inserted_row) inserted_row_ = model::plain_text(cell.inlines);
            } else if (kind == "table-row-insert") {
                model::TableRow row;
                for (std::size_t c = 0; c < t->rows[0].cells.size(); ++c) row.cells.push_back({text_inlines(words(3))});
                inserted_row_ = model::plain_text(row.cells[0].inlines);
                t->rows.insert(t->rows.begin() + uniform(1, rows), std::move(row));
            } else if (kind == "table-row-delete") {
                if (rows < 3) return 0;
                // the first body row or the last, never the row this script inserted
                int gone = uniform(0, 1) ? 1 : rows - 1;
                if (model::plain_text(t->rows[static_cast<std::size_t>(gone)].cells[0].inlines) == inserted_row_)
                    gone = gone == 1 ? rows - 1 : 1;
                t->rows.erase(t->rows.begin() + gone);
            } else {
                const int c = uniform(0, static_cast<int>(t->rows[0].cells.size()));
                for (auto& row : t->rows)
                    row.cells.insert(row.cells.begin() + c, {text_inlines(words(row.header ? 1 : 3))});
                t->align.insert(t->align.begin() + c, model::Align::none);
            }
            reserved_tables_.insert(kind);
            fate_[table_id_] = "amended";
            reserved_.insert(table_id_);
            log(kind, table_id_);
            return 1;
        } else if (kind == "section-rename") {
            for (auto& s : now.sections)
                if (s.kind == model::SectionKind::normal && s.level == 2 && !s.heading.empty() && !renamed_ &&
                    !touched_.count(s.id)) {
                    if (uniform(0, 2) != 0) continue;
                    s.heading.push_back(text_inlines(" and review")[0]);
                    touched_.insert(s.id);
                    s_.expected_sections.insert("section amended " + s.id);
                    renamed_ = true;
                    log(kind, s.id);
                    return 1;
                }
            return 0;
        } else if (kind == "section-insert") {
            int last = 0;
            for (auto& s : now.sections)
                if (!s.number.parts.empty()) last = std::max(last, s.number.parts[0]);
            if (last == 0) return 0;
            model::Section s;
            s.id = "new-section-" + std::to_string(++ids_);
            s.id_given = true;
            s.number.parts = {last + 1};
            s.number.text = std::to_string(last + 1) + ".";
            s.heading = text_inlines(words(2));
            model::Clause c = make_clause(s.id + "-clause", words(12));
            c.number.parts = {last + 1, 1};
            c.number.text = std::to_string(last + 1) + ".1";
            s.clauses.push_back(std::move(c));
            s_.expected_sections.insert("section inserted " + s.id);
            touched_.insert(s.id);
            fate_[s.id + "-clause"] = "inserted";
            reserved_.insert(s.id + "-clause");
            log(kind, s.id);
            now.sections.push_back(std::move(s));
            return 1;
        } else if (kind == "section-delete") {
            std::vector<std::size_t> options;
            for (std::size_t s = 0; s + 1 < now.sections.size(); ++s) {
                const auto& sec = now.sections[s];
                bool ok = sec.kind == model::SectionKind::normal && sec.level == 2 && !sec.clauses.empty() &&
                          now.sections[s + 1].level == 2 && s > 0;
                for (const auto& c : sec.clauses) ok &= free(c.id) && c.id != table_id_;
                if (ok && !touched_.count(sec.id)) options.push_back(s);
            }
            if (options.empty()) return 0;
            const std::size_t s = options[static_cast<std::size_t>(uniform(0, static_cast<int>(options.size()) - 1))];
            for (const auto& c : now.sections[s].clauses) fate_[c.id] = "deleted", reserved_.insert(c.id);
            s_.expected_sections.insert("section deleted " + now.sections[s].id);
            log(kind, now.sections[s].id);
            now.sections.erase(now.sections.begin() + static_cast<std::ptrdiff_t>(s));
            return 1;
        } else if (kind == "subheading-insert") {
            std::vector<std::size_t> options;
            for (std::size_t s = 0; s < now.sections.size(); ++s) {
                const auto& sec = now.sections[s];
                bool ok = sec.kind == model::SectionKind::normal && sec.clauses.size() >= 4 && !touched_.count(sec.id);
                for (const auto& c : sec.clauses) ok &= free(c.id);
                if (ok) options.push_back(s);
            }
            if (options.empty()) return 0;
            const std::size_t s = options[static_cast<std::size_t>(uniform(0, static_cast<int>(options.size()) - 1))];
            auto& sec = now.sections[s];
            // The sub-heading goes before a clause of the top depth, so no clause changes parent.
            std::vector<std::size_t> cuts;
            for (std::size_t c = 1; c < sec.clauses.size(); ++c)
                if (sec.clauses[c].depth() == 2) cuts.push_back(c);
            if (cuts.empty()) return 0;
            const std::size_t cut = cuts[static_cast<std::size_t>(uniform(0, static_cast<int>(cuts.size()) - 1))];
            model::Section sub;
            sub.id = "new-subheading-" + std::to_string(++ids_);
            sub.id_given = true;
            sub.level = 3;
            sub.heading = text_inlines(words(3));
            sub.clauses.assign(sec.clauses.begin() + static_cast<std::ptrdiff_t>(cut), sec.clauses.end());
            sec.clauses.erase(sec.clauses.begin() + static_cast<std::ptrdiff_t>(cut), sec.clauses.end());
            for (const auto& c : sec.clauses) reserved_.insert(c.id);
            for (const auto& c : sub.clauses) reserved_.insert(c.id);
            s_.expected_sections.insert("section inserted " + sub.id);
            touched_.insert(sub.id);
            touched_.insert(sec.id);
            log(kind, sub.id + " in " + sec.id);
            now.sections.insert(now.sections.begin() + static_cast<std::ptrdiff_t>(s + 1), std::move(sub));
            return 1;
        } else if (kind == "subheading-delete") {
            std::vector<std::size_t> options;
            for (std::size_t s = 1; s < now.sections.size(); ++s) {
                const auto& sec = now.sections[s];
                bool ok = sec.kind == model::SectionKind::normal && sec.level == 3 && !sec.clauses.empty() &&
                          now.sections[s - 1].kind == model::SectionKind::normal;
                for (const auto& c : sec.clauses) ok &= free(c.id);
                // a sub-heading removed next to one added would read as one renamed
                if (ok && !touched_.count(sec.id) && !touched_.count(now.sections[s - 1].id)) options.push_back(s);
            }
            if (options.empty()) return 0;
            const std::size_t s = options[static_cast<std::size_t>(uniform(0, static_cast<int>(options.size()) - 1))];
            auto& prev = now.sections[s - 1];
            touched_.insert(prev.id);
            auto& sub = now.sections[s];
            for (const auto& c : sub.clauses) reserved_.insert(c.id);
            for (const auto& c : prev.clauses) reserved_.insert(c.id);
            prev.clauses.insert(prev.clauses.end(), sub.clauses.begin(), sub.clauses.end());
            s_.expected_sections.insert("section deleted " + sub.id);
            log(kind, sub.id);
            now.sections.erase(now.sections.begin() + static_cast<std::ptrdiff_t>(s));
            return 1;
        } else if (kind == "section-move" || kind == "subheading-move") {
            return move_section(kind);
        }
        reserve(p);
        return 1;
    }

    // The sections from `first` that go with it: a section's sub-headings; a sub-heading alone.
    std::size_t block_end(std::size_t first) const {
        const auto& sections = s_.now.sections;
        std::size_t end = first + 1;
        while (sections[first].level <= 2 && end < sections.size() && sections[end].level > 2) ++end;
        return end;
    }

    // Clauses numbered under their section ("4.2" in section 4), none reserved, none the
    // table (whose edits are changes of their own).
    bool movable(const model::Section& sec) const {
        if (sec.kind != model::SectionKind::normal || touched_.count(sec.id)) return false;
        for (const auto& c : sec.clauses)
            if (!free(c.id) || c.id == table_id_ || c.depth() < 2) return false;
        return true;
    }

    // A section moves (with its sub-headings) after another section and its sub-headings,
    // or a sub-heading after another sub-heading, over more clauses than it holds: then
    // it is the one that moved, with its clauses; the sections it passed are renumbered.
    int move_section(const std::string& kind) {
        auto& sections = s_.now.sections;
        const bool sub = kind == "subheading-move";
        struct Option {
            std::size_t first, end, to;
        };
        std::vector<Option> options;
        for (std::size_t first = 0; first < sections.size(); ++first) {
            const auto& sec = sections[first];
            if (sub != (sec.level > 2) || (sub && !sec.number.empty()) || sec.clauses.empty()) continue;
            const std::size_t end = block_end(first);
            if (end != first + 1) continue;  // a section with sub-headings stays (they are moves of their own)
            if (!movable(sec)) continue;
            // Forward over whole blocks, or back over them; every section passed movable.
            for (int direction : {1, -1}) {
                std::size_t passed_clauses = 0;
                bool ok = true;
                if (direction > 0) {
                    for (std::size_t to = end; ok && to < sections.size();) {
                        const std::size_t next = sub ? to + 1 : block_end(to);
                        for (std::size_t k = to; k < next; ++k) {
                            ok &= movable(sections[k]) && (sub ? sections[k].level > 2 : true);
                            passed_clauses += sections[k].clauses.size();
                        }
                        if (ok && passed_clauses > sec.clauses.size()) options.push_back({first, end, next});
                        to = next;
                    }
                } else {
                    for (std::size_t to = first; ok && to > 0;) {
                        std::size_t start = to - 1;
                        if (!sub)
                            while (start > 0 && sections[start].level > 2) --start;
                        for (std::size_t k = start; k < to; ++k) {
                            ok &= movable(sections[k]) &&
                                  (sub ? sections[k].level > 2 : sections[k].level <= 2 || k > start);
                            passed_clauses += sections[k].clauses.size();
                        }
                        if (!sub) ok &= sections[start].level <= 2;
                        if (ok && passed_clauses > sec.clauses.size()) options.push_back({first, end, start});
                        to = start;
                    }
                }
            }
        }
        if (options.empty()) return 0;
        const Option o = options[static_cast<std::size_t>(uniform(0, static_cast<int>(options.size()) - 1))];
        const std::string id = sections[o.first].id;
        const std::size_t low = std::min(o.first, o.to), high = std::max(o.end, o.to);
        for (std::size_t k = low; k < high; ++k) {
            touched_.insert(sections[k].id);
            for (const auto& c : sections[k].clauses) reserved_.insert(c.id);
        }
        if (low > 0) touched_.insert(sections[low - 1].id);
        for (const auto& c : sections[o.first].clauses) fate_[c.id] = "moved";
        model::Section moving = std::move(sections[o.first]);
        sections.erase(sections.begin() + static_cast<std::ptrdiff_t>(o.first));
        const std::size_t to = o.to > o.first ? o.to - 1 : o.to;
        sections.insert(sections.begin() + static_cast<std::ptrdiff_t>(to), std::move(moving));
        s_.expected_sections.insert("section moved " + id);
        renumber_sections(low, high, id);
        log(kind, id + (to + 1 < sections.size() ? " before " + sections[to + 1].id : " to the end"));
        return 1;
    }

    // The numbered sections of [low, high) take the numbers in order they had (a move
    // changed their order), and their clauses and sub-headings' clauses the new number,
    // references with them.
    void renumber_sections(std::size_t low, std::size_t high, const std::string& moved) {
        auto& sections = s_.now.sections;
        std::vector<int> numbers;
        // a section's number as its clauses have it too, where the heading has none
        auto number_of = [](const model::Section& sec) {
            const auto number = model::section_number(sec);
            return number.empty() ? 0 : number[0];
        };
        for (std::size_t k = low; k < high; ++k)
            if (sections[k].level <= 2 && number_of(sections[k])) numbers.push_back(number_of(sections[k]));
        std::sort(numbers.begin(), numbers.end());
        std::map<std::string, std::string> renumbered;
        std::size_t next = 0;
        int from = 0, to = 0;
        for (std::size_t k = low; k < high; ++k) {
            auto& sec = sections[k];
            if (sec.level <= 2) {
                from = to = 0;
                if (!number_of(sec)) continue;
                from = number_of(sec);
                to = numbers[next++];
                if (from != to && !sec.number.empty()) {
                    sec.number.parts = {to};
                    sec.number.text = std::to_string(to) + (sec.number.text.ends_with('.') ? "." : "");
                    if (sec.id != moved) s_.expected_sections.insert("section renumbered " + sec.id);
                }
            }
            if (from == to) continue;
            for (auto& c : sec.clauses) {
                if (c.number.parts[0] != from) continue;
                const std::string was = model::join_number(c.number.parts);
                c.number.parts[0] = to;
                c.number.text = model::join_number(c.number.parts);
                renumbered.emplace(was, c.number.text);
            }
        }
        for (auto& sec : sections)
            for (auto& c : sec.clauses)
                for (auto& b : c.blocks) renumber_text(b.inlines, renumbered);
    }

    std::mt19937& rng_;
    EditScript s_;
    std::map<std::string, std::string> fate_;  // id -> expected kind ("" = part of another change)
    std::set<std::string> reserved_;
    std::set<std::string> reserved_tables_;
    std::string table_id_;
    std::string inserted_row_;
    std::set<std::string> touched_;  // sections an edit changed
    bool renamed_ = false;
    int words_ = 0, ids_ = 0;
};

inline EditScript random_script(const model::Protocol& source, std::mt19937& rng) {
    return ScriptMaker(source, rng).make();
}

}  // namespace redline_test
