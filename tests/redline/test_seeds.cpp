// Version pairs made from the real protocol sources (protocol-source/*.md, imported from
// the seeds) with known edits: an early insertion that renumbers a run, a deletion, a move
// to another section with a word changed, a reworded clause, and quote styles changed
// throughout. The change model must list exactly those edits and nothing else.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "paths.hpp"
#include "redline/redline.hpp"
#include "redline/versions.hpp"
#include "refs/refs.hpp"

using namespace protopub;
using namespace redline_test;
using model::ChangeKind;

namespace {

std::vector<std::string> seed_sources() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(test_env::source_dir() + "/protocol-source"))
        if (e.path().extension() == ".md" && e.path().filename() != "README.md")
            out.push_back("protocol-source/" + e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

model::Protocol load_resolved(const std::string& path) {
    auto p = load(path);
    model::Diagnostics diags;
    refs::resolve_references(p, diags);
    return p;
}

struct At {
    std::size_t section, clause;
};

// Numbered clauses that have no sub-clauses (so they can be deleted or moved alone).
std::vector<At> leaves(const model::Protocol& p) {
    std::vector<At> out;
    for (std::size_t s = 0; s < p.sections.size(); ++s) {
        const auto& cs = p.sections[s].clauses;
        if (p.sections[s].kind == model::SectionKind::preamble) continue;
        for (std::size_t c = 0; c < cs.size(); ++c) {
            const bool leaf = c + 1 == cs.size() || cs[c + 1].depth() <= cs[c].depth();
            if (cs[c].depth() >= 2 && leaf) out.push_back({s, c});
        }
    }
    return out;
}

std::map<std::string, std::string> numbers_by_id(const model::Protocol& p) {
    std::map<std::string, std::string> out;
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses) out[c.id] = model::join_number(c.number.parts);
    return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

void curly_quotes(model::Inlines& inlines) {
    for (auto& in : inlines) {
        curly_quotes(in.children);
        if (in.kind != model::InlineKind::text) continue;
        std::string out;
        bool open = true;
        for (char ch : in.text) {
            if (ch == '\'')
                out += "\u2019";
            else if (ch == '"')
                out += (open ? "\u201c" : "\u201d"), open = !open;
            else
                out += ch;
        }
        in.text = out;
    }
}

void curly_quotes(std::vector<model::Block>& blocks) {
    for (auto& b : blocks) {
        curly_quotes(b.inlines);
        for (auto& item : b.items) curly_quotes(item.blocks);
        for (auto& row : b.rows)
            for (auto& cell : row.cells) curly_quotes(cell.inlines);
        curly_quotes(b.children);
    }
}

}  // namespace

TEST_CASE("seed sources: known edits give exactly those changes", "[redline][seed-pairs]") {
    const auto sources = seed_sources();
    REQUIRE(sources.size() >= 5);
    for (const auto& path : sources) {
        SECTION(path) {
            const auto old = load_resolved(path);
            const auto candidates = leaves(old);
            REQUIRE(candidates.size() >= 6);
            auto id_at = [&](std::size_t k) {
                const At at = candidates[k];
                return old.sections[at.section].clauses[at.clause].id;
            };
            // An early insertion, a deletion near the end, a clause from the middle moved to
            // the end of the first section with a word changed, another clause reworded.
            const std::string anchor = id_at(0), gone = id_at(candidates.size() - 1);
            const std::string moved = id_at(candidates.size() / 2), reworded = id_at(candidates.size() / 4 + 1);
            const auto& first_section = old.sections[candidates[0].section].clauses;
            const std::string target = first_section.back().id;

            auto edited = old;
            if (moved != target) move_after(edited, moved, target);
            insert_after(edited, anchor,
                         make_clause("new-duty", "Officers shall keep a written record of every request."));
            remove(edited, gone);
            const bool move_reworded = words_of(edited, moved).find(" the ") != std::string::npos;
            if (move_reworded) reword(edited, moved, " the ", " this ");
            reword(edited, reworded, " ", "  ");  // white space only: not a change
            const std::string first_word = model::split_words(words_of(edited, reworded)).at(0);
            reword(edited, reworded, first_word, "Furthermore, " + first_word);
            renumber(edited);

            const auto was = numbers_by_id(old), now = numbers_by_id(edited);
            std::vector<std::string> expected;
            for (const auto& [id, number] : now) {
                if (id == "new-duty")
                    expected.push_back("inserted -->" + number);
                else if (id == moved && moved != target)
                    expected.push_back("moved " + was.at(id) + "->" + number);
                else if (id == reworded)
                    expected.push_back("amended " + was.at(id) + "->" + number);
                else if (was.at(id) != number)
                    expected.push_back("renumbered " + was.at(id) + "->" + number);
            }
            expected.push_back("deleted " + was.at(gone) + "->-");

            const auto set = redline::compare_versions(old, edited);
            std::vector<std::string> got;
            for (const auto& c : set.changes) {
                if (c.kind == ChangeKind::unchanged) continue;
                got.push_back(std::string(model::to_string(c.kind)) + " " + (c.old.empty() ? "-" : c.old[0].number) +
                              "->" + (c.new_.empty() ? "-" : c.new_[0].number));
            }
            INFO("anchor " << anchor << ", deleted " << gone << ", moved " << moved << ", reworded " << reworded);
            CHECK(sorted(got) == sorted(expected));
            // The early insertion renumbered a run of clauses after it.
            CHECK(std::count_if(got.begin(), got.end(),
                                [](const std::string& g) { return g.rfind("renumbered", 0) == 0; }) >= 1);
            for (const auto& c : set.changes)
                if (!c.new_.empty() && c.new_[0].id == reworded) {
                    CHECK(c.words_inserted == 1);
                    CHECK(c.words_deleted == 0);
                }
        }
    }
}

TEST_CASE("seed sources: quote styles changed throughout are no change", "[redline][seed-pairs]") {
    for (const auto& path : seed_sources()) {
        const auto old = load_resolved(path);
        auto edited = old;
        for (auto& s : edited.sections)
            for (auto& c : s.clauses) curly_quotes(c.blocks);
        const auto set = redline::compare_versions(old, edited);
        INFO(path);
        CHECK(set.changed() == 0);
    }
}
