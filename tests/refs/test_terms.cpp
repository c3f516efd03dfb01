// Defined terms: where each is defined, and the sentence that defines it.
#include <catch2/catch.hpp>

#include "refs/helpers.hpp"

using namespace protopub;
using refs_test::data_path;
using refs_test::load;

TEST_CASE("definitions are collected once each, with their clause and sentence", "[refs]") {
    model::Diagnostics diags;
    auto p = load(data_path("terms.md"), diags);
    REQUIRE(p.terms.size() == 4);

    CHECK(p.terms[0].term == "officers");
    CHECK(p.terms[0].clause_id == "introduction");  // a section's introduction defines it
    CHECK(p.terms[0].definition == "Employees who advise Councillors are referred to as \"officers\" throughout.");
    CHECK(p.terms[0].pos.line == 10);
    CHECK(p.terms[0].pos.column == 54);

    CHECK(p.terms[1].term == "Councillor");
    CHECK(p.terms[1].clause_id == "definitions");
    CHECK(p.terms[1].definition == "In this Protocol \"Councillor\" means an elected or co-opted member of the Council.");

    CHECK(p.terms[2].term == "need to know");
    CHECK(p.terms[2].clause_id == "need-to-know");

    CHECK(p.terms[3].term == "the Act");
    CHECK(p.terms[3].clause_id == "the-act");
}

TEST_CASE("ordinary uses of 'means' and brackets define nothing", "[refs]") {
    model::Diagnostics diags;
    auto p = source::read_protocol(
        "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n## 1. Intro\n\n"
        "1.1 An officer has no means of responding (in public) to criticism.\n\n"
        "1.2 The separation of roles means that there are limits (the Council decides).\n",
        "plain.md", diags);
    refs::resolve_references(p, diags);
    CHECK(p.terms.empty());
    CHECK(p.references.empty());
}
