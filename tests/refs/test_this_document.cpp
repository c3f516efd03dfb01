// Issue 13, failure 14: "paragraph 9.9 of this guidance" names a paragraph of the document
// it stands in, as "of this Code" does, whatever the council calls its document.
#include <catch2/catch.hpp>

#include "refs/helpers.hpp"
#include "refs/renumber.hpp"

using namespace protopub;

namespace {

const char* const names[] = {"this guidance",  "this Protocol", "this Code",        "this document",
                             "this procedure", "this policy",   "this guide",       "these Rules",
                             "this scheme",    "this note",     "these guidelines", "these Procedure Rules",
                             "THIS GUIDANCE"};

model::Protocol load_text(const std::string& text, model::Diagnostics& diags) {
    model::Protocol p = source::read_protocol(text, "t.md", diags);
    refs::resolve_references(p, diags);
    return p;
}

std::string with_clause(const std::string& words) {
    return testing::source_with_body(
        "## 1. General {#general}\n\n1.1 {#one} Members and officers work together.\n\n"
        "1.2 {#two} " +
        words + "\n\n1.3 {#three} The last clause.\n");
}

}  // namespace

TEST_CASE("refs: 'of this guidance' and its kin are internal references, checked and renumbered", "[refs][import]") {
    for (const char* name : names) {
        INFO(name);
        // a paragraph that exists resolves to its clause
        model::Diagnostics ok;
        model::Protocol p = load_text(with_clause(std::string("See paragraph 1.3 of ") + name + "."), ok);
        auto found = refs_test::find_refs(p, std::string("paragraph 1.3 of ") + name);
        REQUIRE(found.size() == 1);
        CHECK(found.front()->kind == model::ReferenceKind::internal);
        REQUIRE(found.front()->targets.size() == 1);
        CHECK(found.front()->targets.front().clause_id == "three");
        CHECK(ok.error_count() == 0);

        // one that does not is an error `check` reports
        model::Diagnostics dangling;
        load_text(with_clause(std::string("See paragraph 9.9 of ") + name + "."), dangling);
        CHECK(dangling.error_count() == 1);
    }
    // renumber follows it: 1.3 and 1.4 become 1.2 and 1.3, and the reference with them
    const std::string text = testing::source_with_body(
        "## 1. General {#general}\n\n1.1 {#one} Words.\n\n1.3 {#three} The clause referred to.\n\n"
        "1.4 {#four} See paragraph 1.3 of this guidance.\n");
    model::Diagnostics diags;
    model::Protocol p = load_text(text, diags);
    auto out = refs::apply_edits(text, refs::plan_renumber(p, diags), "t.md", diags);
    REQUIRE(out);
    CHECK(out->find("1.3 {#four} See paragraph 1.2 of this guidance.") != std::string::npos);
}
