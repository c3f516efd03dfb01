// The redline Protocol: accepting every mark gives NEW clause by clause, rejecting every
// mark gives OLD clause by clause, for each kind of edit.
#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <set>

#include "redline/redline.hpp"
#include "redline/versions.hpp"

using namespace protopub;
using namespace redline_test;
using model::ChangeKind;
using model::InlineKind;

namespace {

// The inlines with every mark accepted (or rejected).
model::Inlines resolve(const model::Inlines& inlines, bool accept) {
    model::Inlines out;
    for (const auto& in : inlines) {
        if (in.kind == (accept ? InlineKind::deleted : InlineKind::inserted)) continue;
        if (in.kind == InlineKind::inserted || in.kind == InlineKind::deleted) {
            for (auto& child : resolve(in.children, accept)) out.push_back(child);
            continue;
        }
        model::Inline copy = in;
        copy.children = resolve(in.children, accept);
        out.push_back(copy);
    }
    return out;
}

void resolve(std::vector<model::Block>& blocks, bool accept) {
    for (auto& b : blocks) {
        b.inlines = resolve(b.inlines, accept);
        for (auto& item : b.items) resolve(item.blocks, accept);
        for (auto& row : b.rows)
            for (auto& cell : row.cells) cell.inlines = resolve(cell.inlines, accept);
        resolve(b.children, accept);
    }
}

// Words compared as a reader compares them: white space and quote styles folded.
std::string normalised(const std::string& s) {
    std::string out;
    for (const auto& w : model::split_words(s)) {
        std::string word = w;
        for (const char* curly : {"\u2018", "\u2019"})
            for (auto at = word.find(curly); at != std::string::npos; at = word.find(curly)) word.replace(at, 3, "'");
        for (const char* curly : {"\u201c", "\u201d"})
            for (auto at = word.find(curly); at != std::string::npos; at = word.find(curly)) word.replace(at, 3, "\"");
        out += (out.empty() ? "" : " ") + word;
    }
    return out;
}

std::string text_of(model::Clause c, std::optional<bool> accept) {
    if (accept) {
        c.heading = resolve(c.heading, *accept);
        resolve(c.blocks, *accept);
    }
    return normalised(model::plain_text(c));
}

std::vector<std::string> clause_texts(const model::Protocol& p) {
    std::vector<std::string> out;
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses) out.push_back(text_of(c, std::nullopt));
    return out;
}

// The clauses' words with every mark accepted (or rejected), leaving out clauses that
// have no words in that version (deleted, or the old place of a move, when accepted).
std::vector<std::string> resolved(const model::Protocol& redline, bool accept) {
    std::vector<std::string> out;
    for (const auto& s : redline.sections)
        for (const auto& c : s.clauses) {
            const bool other_end = c.change.kind == ChangeKind::moved && c.change.moved_from == accept;
            const std::string text = text_of(c, accept);
            if (!other_end && !text.empty()) out.push_back(text);
        }
    return out;
}

int count_marks(const model::Inlines& inlines) {
    int n = 0;
    for (const auto& in : inlines)
        n += (in.kind == InlineKind::inserted || in.kind == InlineKind::deleted) + count_marks(in.children);
    return n;
}

int count_marks(const model::Protocol& p) {
    int n = 0;
    for (const auto& s : p.sections) {
        n += count_marks(s.heading);
        for (const auto& c : s.clauses) {
            n += count_marks(c.heading);
            std::function<void(const std::vector<model::Block>&)> blocks = [&](const std::vector<model::Block>& bs) {
                for (const auto& b : bs) {
                    n += count_marks(b.inlines);
                    for (const auto& item : b.items) blocks(item.blocks);
                    for (const auto& row : b.rows)
                        for (const auto& cell : row.cells) n += count_marks(cell.inlines);
                    blocks(b.children);
                }
            };
            blocks(c.blocks);
        }
    }
    return n;
}

}  // namespace

TEST_CASE("accept all gives NEW and reject all gives OLD, for every kind of edit", "[redline][build]") {
    const auto old = load(fixture);
    const std::vector<std::pair<const char*, model::Protocol (*)(model::Protocol)>> edits = {
        {"insert", insert_early}, {"delete", delete_one}, {"move", move_and_reword}, {"reword", reword_some},
        {"split", split_one},     {"merge", merge_two},   {"everything", everything}};
    for (const auto& [name, edit] : edits) {
        SECTION(name) {
            const auto edited = edit(old);
            const auto set = redline::compare_versions(old, edited);
            const auto red = redline::build_redline(set, old, edited);
            CHECK(resolved(red, true) == clause_texts(edited));
            CHECK(resolved(red, false) == clause_texts(old));
            std::set<std::string> ids;
            for (const auto& s : red.sections)
                for (const auto& c : s.clauses) CHECK(ids.insert(c.id).second);
        }
    }
}

TEST_CASE("an unchanged pair gives a redline without marks", "[redline][build]") {
    const auto old = load(fixture);
    const auto red = redline::build_redline(redline::compare_versions(old, old), old, old);
    CHECK(count_marks(red) == 0);
    CHECK(clause_texts(red) == clause_texts(old));
}

TEST_CASE("the two ends of a move point at each other", "[redline][build]") {
    const auto old = load(fixture);
    const auto edited = move_and_reword(old);
    const auto red = redline::build_redline(redline::compare_versions(old, edited), old, edited);
    const model::Clause* from = nullptr;
    const model::Clause* to = nullptr;
    for (const auto& s : red.sections)
        for (const auto& c : s.clauses)
            if (c.change.kind == ChangeKind::moved) (c.change.moved_from ? from : to) = &c;
    REQUIRE(from);
    REQUIRE(to);
    CHECK(from->change.move_id == to->change.move_id);
    CHECK(from->change.counterpart_id == to->id);
    CHECK(to->change.counterpart_id == from->id);
    CHECK(from->number.text == "5.2");
    CHECK(to->number.text == "7.4");
    CHECK(to->change.old_number == "5.2");
    // The old place stays in its old section; the words changed at the new place are marked.
    CHECK(red.sections[5].clauses[1].id == from->id);
    // Its words amended on the way show as insertions; its old words are all at the old place.
    CHECK(count_marks(to->blocks[0].inlines) == 1);
}

TEST_CASE("consequential references are marked but do not amend the clause", "[redline][build]") {
    const auto old = load(fixture);
    const auto edited = insert_early(old);
    const auto red = redline::build_redline(redline::compare_versions(old, edited), old, edited);
    const auto& c = red.sections[7].clauses[6];
    CHECK(c.number.text == "7.7");
    CHECK(c.change.kind == ChangeKind::unchanged);
    CHECK(count_marks(c.blocks[0].inlines) == 2);  // "6.4" deleted, "6.5" inserted
}

TEST_CASE("emphasis survives around a change", "[redline][build]") {
    const char* head = "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n## 1. One {#one}\n\n";
    const auto old =
        parse(std::string(head) + "1.1 {#a} Chairs must still respect the *impartiality* of officers at all times.\n");
    const auto edited =
        parse(std::string(head) + "1.1 {#a} Chairs must always respect the *impartiality* of officers at all times.\n");
    const auto red = redline::build_redline(redline::compare_versions(old, edited), old, edited);
    const auto& inlines = red.sections[0].clauses[0].blocks[0].inlines;
    std::string shape;
    for (const auto& in : inlines)
        shape += std::string(in.kind == InlineKind::text       ? "T"
                             : in.kind == InlineKind::emphasis ? "E"
                             : in.kind == InlineKind::inserted ? "I"
                             : in.kind == InlineKind::deleted  ? "D"
                                                               : "?");
    REQUIRE(shape == "TDITET");
    CHECK(inlines[1].children[0].text == "still");
    CHECK(inlines[2].children[0].text == "always");
    CHECK(inlines[4].children[0].text == "impartiality");
}
