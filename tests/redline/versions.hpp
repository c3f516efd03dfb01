// Test helpers: make a new version of a protocol by editing its model the way a clerk
// edits the source (insert, delete, move, reword, split, merge), then renumber it and
// every reference to a renumbered paragraph, as `protopub renumber` would.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"
#include "model/text.hpp"
#include "paths.hpp"
#include "source/reader.hpp"

namespace redline_test {

using namespace protopub;

inline model::Protocol load(const std::string& relative) {
    model::Diagnostics diags;
    auto p = source::load_protocol(test_env::source_dir() + "/" + relative, diags);
    REQUIRE(p);
    REQUIRE_FALSE(diags.has_errors());
    return *p;
}

inline model::Protocol parse(const std::string& markdown) {
    model::Diagnostics diags;
    auto p = source::read_protocol(markdown, "test.md", diags);
    REQUIRE_FALSE(diags.has_errors());
    return p;
}

struct Place {
    std::size_t section = 0, clause = 0;
};

inline Place find(const model::Protocol& p, const std::string& id) {
    for (std::size_t s = 0; s < p.sections.size(); ++s)
        for (std::size_t c = 0; c < p.sections[s].clauses.size(); ++c)
            if (p.sections[s].clauses[c].id == id) return {s, c};
    FAIL("no clause with id " << id);
    return {};
}

inline model::Clause& clause(model::Protocol& p, const std::string& id) {
    const Place at = find(p, id);
    return p.sections[at.section].clauses[at.clause];
}

inline model::Inlines text_inlines(const std::string& words) {
    model::Inline in;
    in.text = words;
    return {in};
}

// A clause of one paragraph, numbered like its neighbours (renumber() fixes the number).
inline model::Clause make_clause(const std::string& id, const std::string& words) {
    model::Clause c;
    c.id = id;
    c.id_given = true;
    c.blocks.resize(1);
    c.blocks[0].inlines = text_inlines(words);
    return c;
}

inline void insert_after(model::Protocol& p, const std::string& after_id, model::Clause c) {
    const Place at = find(p, after_id);
    auto& clauses = p.sections[at.section].clauses;
    if (c.number.empty()) c.number.parts = clauses[at.clause].number.parts;  // a new clause: text "" until renumbered
    clauses.insert(clauses.begin() + static_cast<std::ptrdiff_t>(at.clause + 1), std::move(c));
}

inline model::Clause remove(model::Protocol& p, const std::string& id) {
    const Place at = find(p, id);
    auto& clauses = p.sections[at.section].clauses;
    model::Clause c = clauses[at.clause];
    clauses.erase(clauses.begin() + static_cast<std::ptrdiff_t>(at.clause));
    return c;
}

inline void move_after(model::Protocol& p, const std::string& id, const std::string& after_id) {
    insert_after(p, after_id, remove(p, id));
}

// Replaces the first `from` in the clause's text (within one text inline).
inline void reword(model::Protocol& p, const std::string& id, const std::string& from, const std::string& to) {
    std::vector<model::Inlines*> stack;
    for (auto& b : clause(p, id).blocks) stack.push_back(&b.inlines);
    for (auto& b : clause(p, id).blocks)
        for (auto& item : b.items)
            for (auto& ib : item.blocks) stack.push_back(&ib.inlines);
    for (auto* inlines : stack)
        for (auto& in : *inlines) {
            auto at = in.text.find(from);
            if (in.kind == model::InlineKind::text && at != std::string::npos) {
                in.text.replace(at, from.size(), to);
                return;
            }
        }
    FAIL("'" << from << "' not found in clause " << id);
}

// The clause's words (its first paragraph, as plain text).
inline std::string words_of(model::Protocol& p, const std::string& id) {
    return model::plain_text(clause(p, id).blocks.at(0).inlines);
}

// One clause becomes two at `at` (the start of the second clause's words).
inline void split(model::Protocol& p, const std::string& id, const std::string& at, const std::string& new_id) {
    const std::string words = words_of(p, id);
    const auto cut = words.find(at);
    REQUIRE(cut != std::string::npos);
    clause(p, id).blocks.at(0).inlines = text_inlines(model::trim(words.substr(0, cut)));
    insert_after(p, id, make_clause(new_id, words.substr(cut)));
}

// The second clause's words are appended to the first's, and the second goes.
inline void merge(model::Protocol& p, const std::string& first, const std::string& second) {
    const std::string words = words_of(p, first) + " " + words_of(p, second);
    clause(p, first).blocks.at(0).inlines = text_inlines(words);
    remove(p, second);
}

// Replaces clause numbers in running text ("paragraph 6.4") through `renumbered`.
inline void renumber_text(model::Inlines& inlines, const std::map<std::string, std::string>& renumbered) {
    for (auto& in : inlines) {
        renumber_text(in.children, renumbered);
        if (in.kind != model::InlineKind::text) continue;
        std::string out;
        const std::string& s = in.text;
        for (std::size_t i = 0; i < s.size();) {
            std::size_t j = i;
            while (j < s.size() &&
                   (std::isdigit(static_cast<unsigned char>(s[j])) ||
                    (s[j] == '.' && j > i && j + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[j + 1])))))
                ++j;
            if (j == i) {
                out += s[i++];
                continue;
            }
            const std::string number = s.substr(i, j - i);
            auto it = renumbered.find(number);
            out += it == renumbered.end() ? number : it->second;
            i = j;
        }
        in.text = out;
    }
}

// Numbers every clause in order within its section (3.1, 3.2, ...; 3.2.1 under 3.2),
// keeping each section's own number, and updates references to renumbered clauses.
inline void renumber(model::Protocol& p) {
    std::map<std::string, std::string> renumbered;
    std::vector<int> counters;
    for (auto& section : p.sections) {
        if (section.level <= 2) counters.clear();  // numbering runs on across sub-headings
        for (auto& c : section.clauses) {
            if (c.number.parts.size() < 2) continue;
            if (counters.empty()) counters = {c.number.parts[0]};
            const std::size_t depth = c.number.parts.size();
            counters.resize(depth, 0);
            ++counters[depth - 1];
            const std::string old_text = c.number.text.empty() ? "" : model::join_number(c.number.parts);
            c.number.parts = counters;
            c.number.text = model::join_number(counters);
            if (!old_text.empty() && old_text != c.number.text) renumbered.emplace(old_text, c.number.text);
        }
    }
    for (auto& section : p.sections)
        for (auto& c : section.clauses)
            for (auto& b : c.blocks) renumber_text(b.inlines, renumbered);
}

}  // namespace redline_test

// ---------------------------------------------------------------- known edits
// Each takes the fixture tests/redline/data/member-officer.md and makes one kind of edit.
namespace redline_test {

inline const char* fixture = "tests/redline/data/member-officer.md";

inline model::Protocol insert_early(model::Protocol p) {
    insert_after(p, "there-is-statutory-recognition",
                 make_clause("group-protocols", "Each political group may agree a protocol with the Chief Executive."));
    renumber(p);
    return p;
}

inline model::Protocol delete_one(model::Protocol p) {
    remove(p, "on-the-invitation-of");
    renumber(p);
    return p;
}

inline model::Protocol move_only(model::Protocol p) {
    move_after(p, "reports-to-committees-will", "except-for-the-confidential");
    renumber(p);
    return p;
}

inline model::Protocol move_and_reword(model::Protocol p) {
    move_after(p, "reports-to-committees-will", "except-for-the-confidential");
    reword(p, "reports-to-committees-will", "normally", "usually");
    renumber(p);
    return p;
}

inline model::Protocol reword_some(model::Protocol p) {
    reword(p, "officers-will-not-normally", "Officers will not normally attend", "Officers will not usually attend");
    reword(p, "briefings-shall-remain-strictly", "strictly confidential", "confidential");
    reword(p, "individual-members-may-request", "Such requests must be reasonable",
           "Such requests must be reasonable and made in writing");
    renumber(p);
    return p;
}

inline model::Protocol split_one(model::Protocol p) {
    split(p, "officer-support-in-these", "Officers must not be involved", "party-business");
    renumber(p);
    return p;
}

inline model::Protocol merge_two(model::Protocol p) {
    merge(p, "any-group-leader-portfolio", "briefings-shall-remain-strictly");
    renumber(p);
    return p;
}

// All of the above in one new version.
inline model::Protocol everything(model::Protocol p) {
    return merge_two(split_one(reword_some(move_and_reword(delete_one(insert_early(std::move(p)))))));
}

// ---------------------------------------------------------------- sections and front matter

inline model::Section& section(model::Protocol& p, const std::string& id) {
    for (auto& s : p.sections)
        if (s.id == id) return s;
    FAIL("no section with id " << id);
    return p.sections.front();
}

inline model::Block paragraph(const std::string& words) {
    model::Block b;
    b.inlines = text_inlines(words);
    return b;
}

// Section 4's heading reworded; its id (written in the source) kept.
inline model::Protocol rename_section(model::Protocol p) {
    section(p, "officers-and-whole-council").heading = text_inlines("Officers and the Full Council");
    return p;
}

// Renamed with a new id too: only its clauses say it is the same section.
inline model::Protocol rename_section_and_id(model::Protocol p) {
    auto& s = section(p, "officers-and-whole-council");
    s.heading = text_inlines("Officers and the Full Council");
    s.id = "officers-and-full-council";
    return p;
}

// Section 4 goes, clauses and all; the sections after it keep their numbers.
inline model::Protocol delete_section(model::Protocol p) {
    auto& sections = p.sections;
    sections.erase(std::find_if(sections.begin(), sections.end(),
                                [](const model::Section& s) { return s.id == "officers-and-whole-council"; }));
    return p;
}

// A new section 8 at the end, with an introduction and one clause.
inline model::Protocol insert_section(model::Protocol p) {
    model::Section s;
    s.id = "review";
    s.id_given = true;
    s.number.text = "8.";
    s.number.parts = {8};
    s.heading = text_inlines("Review");
    s.intro.push_back(paragraph("The Standards Committee keeps this protocol under review."));
    model::Clause c = make_clause("review-every-four-years", "This protocol will be reviewed every four years.");
    c.number.parts = {8, 1};
    c.number.text = "8.1";
    s.clauses.push_back(std::move(c));
    p.sections.push_back(std::move(s));
    return p;
}

// The preamble reworded and given a third paragraph; section 2's introduction reworded.
inline model::Protocol edit_introductions(model::Protocol p) {
    auto& preamble = section(p, "report").intro;
    preamble[0] =
        paragraph("The Standards Committee is asked to note the revised protocol for recommendation to Council.");
    preamble.push_back(paragraph("Group leaders have been consulted."));
    section(p, "personal-relationships").intro[0] =
        paragraph("This section applies to all Members and Officers, however often they work together.");
    return p;
}

// Title, version and adoption date changed.
inline model::Protocol new_front_matter(model::Protocol p) {
    p.meta.title = "Protocol on Member and Officer Relations";
    p.meta.version = "2024";
    p.meta.adopted = "2024-05-01";
    return p;
}

// An introduction paragraph dropped from the preamble.
inline model::Protocol drop_preamble_paragraph(model::Protocol p) {
    auto& preamble = section(p, "report").intro;
    preamble.erase(preamble.begin());
    return p;
}

// Every section-level edit at once (section 5 renamed as section 4 goes), with clause edits.
inline model::Protocol every_section_edit(model::Protocol p) {
    p = edit_introductions(insert_section(delete_section(split_one(reword_some(std::move(p))))));
    section(p, "officers-and-the-cabinet").heading = text_inlines("Officers, the Cabinet and Portfolio Holders");
    return p;
}

}  // namespace redline_test
