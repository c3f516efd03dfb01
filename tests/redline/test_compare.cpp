// Clause alignment and classification on version pairs with known edits: the change
// model must list exactly those edits (kinds, old and new numbers) and nothing else.
#include <catch2/catch.hpp>

#include "redline/redline.hpp"
#include "redline/versions.hpp"

using namespace protopub;
using namespace redline_test;
using model::ChangeKind;

namespace {

std::string numbers(const std::vector<redline::ClauseRef>& refs) {
    std::string out;
    for (const auto& r : refs) out += (out.empty() ? "" : "+") + r.number;
    return out.empty() ? "-" : out;
}

// Every change other than "unchanged", as "kind old->new", in NEW's order.
std::vector<std::string> listed(const redline::ChangeSet& set) {
    std::vector<std::string> out;
    for (const auto& c : set.changes)
        if (c.kind != ChangeKind::unchanged)
            out.push_back(std::string(model::to_string(c.kind)) + " " + numbers(c.old) + "->" + numbers(c.new_));
    return out;
}

const redline::Change& change_of_new(const redline::ChangeSet& set, const std::string& number) {
    for (const auto& c : set.changes)
        for (const auto& r : c.new_)
            if (r.number == number) return c;
    FAIL("no change for new clause " << number);
    return set.changes.front();
}

int consequential(const redline::ChangeSet& set) {
    int n = 0;
    for (const auto& c : set.changes) n += c.consequential_references;
    return n;
}

}  // namespace

TEST_CASE("an unchanged pair has no changes", "[redline]") {
    const auto old = load(fixture);
    const auto set = redline::compare_versions(old, old);
    CHECK(listed(set).empty());
    CHECK(set.changed() == 0);
    CHECK(set.count(ChangeKind::unchanged) == 25);
}

TEST_CASE("a clause inserted early renumbers the run after it, references follow as consequential", "[redline]") {
    const auto old = load(fixture);
    auto edited = insert_early(old);
    REQUIRE(words_of(edited, "any-council-information-provided").find("paragraph 6.5") != std::string::npos);

    const auto set = redline::compare_versions(old, edited);
    CHECK(listed(set) == std::vector<std::string>{"inserted -->6.2", "renumbered 6.2->6.3", "renumbered 6.3->6.4",
                                                  "renumbered 6.4->6.5", "renumbered 6.5->6.6", "renumbered 6.6->6.7",
                                                  "renumbered 6.7->6.8"});
    CHECK(change_of_new(set, "7.7").consequential_references == 1);
    CHECK(change_of_new(set, "7.7").kind == ChangeKind::unchanged);
    CHECK(change_of_new(set, "6.2").words_inserted == 11);
}

TEST_CASE("a deleted clause, the clauses after it are renumbered, not amended", "[redline]") {
    const auto old = load(fixture);
    const auto edited = delete_one(old);
    const auto set = redline::compare_versions(old, edited);
    CHECK(listed(set) == std::vector<std::string>{"deleted 6.2->-", "renumbered 6.3->6.2", "renumbered 6.4->6.3",
                                                  "renumbered 6.5->6.4", "renumbered 6.6->6.5", "renumbered 6.7->6.6"});
    CHECK(consequential(set) == 1);
    // The deletion stands where the clause stood: after 6.1.
    for (std::size_t k = 0; k < set.changes.size(); ++k)
        if (set.changes[k].kind == ChangeKind::deleted) CHECK(numbers(set.changes[k - 1].new_) == "6.1");
}

TEST_CASE("a clause moved to another section with a word changed", "[redline]") {
    const auto old = load(fixture);
    const auto edited = move_and_reword(old);
    const auto set = redline::compare_versions(old, edited);
    CHECK(listed(set) == std::vector<std::string>{"renumbered 5.3->5.2", "moved 5.2->7.4", "renumbered 7.4->7.5",
                                                  "renumbered 7.5->7.6", "renumbered 7.6->7.7", "renumbered 7.7->7.8"});
    const auto& moved = change_of_new(set, "7.4");
    CHECK(moved.amended);
    CHECK(moved.words_inserted == 1);
    CHECK(moved.words_deleted == 1);
    CHECK(moved.move_id == "move-1");
    CHECK(moved.summary ==
          "Moved from 5.2 (Officers and the Cabinet/Portfolio Holders); 'normally be produced' "
          "replaced by 'usually be produced'");
}

TEST_CASE("reworded clauses are amended with word counts and a plain summary", "[redline]") {
    const auto old = load(fixture);
    const auto edited = reword_some(old);
    const auto set = redline::compare_versions(old, edited);
    CHECK(listed(set) == std::vector<std::string>{"amended 6.6->6.6", "amended 7.2->7.2", "amended 7.4->7.4"});
    CHECK(change_of_new(set, "6.6").summary == "'normally attend and' replaced by 'usually attend and'");
    CHECK(change_of_new(set, "7.2").summary == "'strictly' deleted");
    CHECK(change_of_new(set, "7.2").words_deleted == 1);
    CHECK(change_of_new(set, "7.4").summary == "'and made in writing' inserted");
    CHECK(change_of_new(set, "7.4").words_inserted == 4);
}

TEST_CASE("one clause split into two", "[redline]") {
    const auto old = load(fixture);
    const auto edited = split_one(old);
    const auto set = redline::compare_versions(old, edited);
    CHECK(listed(set) == std::vector<std::string>{"split 6.3->6.3+6.4", "renumbered 6.4->6.5", "renumbered 6.5->6.6",
                                                  "renumbered 6.6->6.7", "renumbered 6.7->6.8"});
    CHECK(change_of_new(set, "6.4").words_inserted == 0);
    CHECK(change_of_new(set, "6.4").words_deleted == 0);
    CHECK(change_of_new(set, "6.4").summary == "Split into 6.3 and 6.4");
}

TEST_CASE("two clauses merged into one", "[redline]") {
    const auto old = load(fixture);
    const auto edited = merge_two(old);
    const auto set = redline::compare_versions(old, edited);
    CHECK(listed(set) == std::vector<std::string>{"merged 7.1+7.2->7.1", "renumbered 7.3->7.2", "renumbered 7.4->7.3",
                                                  "renumbered 7.5->7.4", "renumbered 7.6->7.5", "renumbered 7.7->7.6"});
}

TEST_CASE("quote styles and white space are not changes", "[redline]") {
    const auto old = parse(R"(---
title: T
council: C
version: "1"
status: draft
---

## 1. One {#one}

1.1 {#a} Employees are referred to as "officers" throughout; the Council's officers.

1.2 {#b} A second   clause,
hard-wrapped.
)");
    const auto edited = parse(R"(---
title: T
council: C
version: "2"
status: draft
---

## 1. One {#one}

1.1 {#a} Employees are referred to as “officers” throughout; the Council’s officers.

1.2 {#b} A second clause, hard-wrapped.
)");
    const auto set = redline::compare_versions(old, edited);
    CHECK(set.count(redline::Part::clause) == 0);
    REQUIRE(set.count(redline::Part::front_matter) == 1);
    CHECK(set.changes[0].summary == "Version: '1' replaced by '2'");
}

TEST_CASE("a clause rewritten beyond recognition is a deletion and an insertion", "[redline]") {
    const auto old = load(fixture);
    auto edited = old;
    auto& c = clause(edited, "provided-these-guidelines-are");
    c.id = "informal-atmosphere";  // a new clause, not a reworded one
    c.blocks.at(0).inlines = text_inlines("Councillors may contact the Chief Executive at any time about staffing.");
    const auto set = redline::compare_versions(old, edited);
    CHECK(listed(set) == std::vector<std::string>{"deleted 2.2->-", "inserted -->2.2"});
}

TEST_CASE("clauses with derived ids are aligned by their words", "[redline]") {
    const char* head = "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n## 1. One\n\n";
    const auto old = parse(std::string(head) +
                           "1.1 Councillors should not instruct officers directly.\n\n"
                           "1.2 Officers serve the whole Council.\n\n"
                           "1.3 Breaches are dealt with under paragraph 1.2.\n");
    const auto edited = parse(std::string(head) +
                              "1.1 Members of the public may attend meetings.\n\n"
                              "1.2 Councillors should not instruct officers directly.\n\n"
                              "1.3 Officers serve the whole of the Council.\n\n"
                              "1.4 Breaches are dealt with under paragraph 1.3.\n");
    const auto set = redline::compare_versions(old, edited);
    CHECK(listed(set) == std::vector<std::string>{"inserted -->1.1", "renumbered 1.1->1.2", "amended 1.2->1.3",
                                                  "renumbered 1.3->1.4"});
    CHECK(change_of_new(set, "1.4").consequential_references == 1);
}

TEST_CASE("all the known edits at once", "[redline]") {
    const auto old = load(fixture);
    const auto set = redline::compare_versions(old, everything(old));
    CHECK(set.count(ChangeKind::inserted) == 1);
    CHECK(set.count(ChangeKind::deleted) == 1);
    CHECK(set.count(ChangeKind::moved) == 1);
    CHECK(set.count(ChangeKind::split) == 1);
    CHECK(set.count(ChangeKind::merged) == 1);
    CHECK(set.count(ChangeKind::amended) == 2);  // 6.6 and 7.4 (7.2 was merged into 7.1)
}

// Words put in italics or bold (or out of them) read the same, but Accept All must give
// NEW's setting and Reject All OLD's: they are an amendment, the words replaced by
// themselves, and the schedule says how their setting changed.
TEST_CASE("words put in italics or bold, or taken out, are an amendment that says so", "[redline]") {
    const auto version = [](const std::string& clause) {
        return parse(
            "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n## 1. Roles {#roles}\n\n1.1 {#serve} " +
            clause + "\n\n1.2 {#answer} Officers answer enquiries.\n");
    };
    const auto plain = version("Councillors and officers serve the public together.");
    const auto italic = version("Councillors and officers serve *the public* together.");
    const auto bold = version("Councillors and officers **must** serve the public together.");
    const auto moved_stop = version("Councillors and officers serve the public *together.*");
    const auto both = version("Councillors and officers serve *the public* together, always.");

    const auto set = redline::compare_versions(plain, italic);
    CHECK(listed(set) == std::vector<std::string>{"amended 1.1->1.1"});
    const redline::Change& c = change_of_new(set, "1.1");
    CHECK(c.words_inserted == 2);
    CHECK(c.words_deleted == 2);
    CHECK(c.summary.find("'the public' now in italics") != std::string::npos);
    const auto undone = redline::compare_versions(italic, plain);
    CHECK(change_of_new(undone, "1.1").summary.find("'the public' no longer in italics") != std::string::npos);
    // a word both set differently and with words around it changed: one replacement
    const auto mixed_set = redline::compare_versions(plain, both);
    const redline::Change& mixed = change_of_new(mixed_set, "1.1");
    CHECK(mixed.summary.find("now in italics") != std::string::npos);
    CHECK(mixed.summary.find("', always' inserted") != std::string::npos);
    // a bold word added: the words, not their setting
    const auto bolder = redline::compare_versions(plain, bold);
    CHECK(change_of_new(bolder, "1.1").summary.find("'must' inserted") != std::string::npos);
    // the punctuation set with a word goes with it; emphasis that takes in a full stop
    // beside a word set alike is no change a reader sees
    const auto stop_set = redline::compare_versions(plain, moved_stop);
    const redline::Change& stop = change_of_new(stop_set, "1.1");
    CHECK(stop.words_inserted == 1);
    CHECK(stop.summary.find("'together.' now in italics") != std::string::npos);
    const auto stop_outside = version("Councillors and officers serve the public *together*.");
    CHECK(listed(redline::compare_versions(moved_stop, stop_outside)).empty());
    // the same setting: unchanged
    CHECK(listed(redline::compare_versions(italic, italic)).empty());
}
