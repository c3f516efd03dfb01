// Defined terms: where each is defined, and the sentence that defines it.
#include <catch2/catch.hpp>

#include "model/text.hpp"
#include "paths.hpp"
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
    CHECK(p.terms[1].definition ==
          "In this Protocol \"Councillor\" means an elected or co-opted member of the Council.");

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

TEST_CASE("unquoted definitions: 'In this Protocol, X means', a name in brackets, bold terms in a list", "[refs]") {
    model::Diagnostics diags;
    auto p = load(data_path("unquoted-terms.md"), diags);
    std::vector<std::string> terms;
    for (const auto& t : p.terms) terms.push_back(t.term + " #" + t.clause_id);
    CHECK(terms == std::vector<std::string>{
                       "Councillor #councillor", "Chief Officer #chief-officer", "Head of Paid Service #head",
                       "Monitoring Officer #mo", "Deputy Monitoring Officer #deputy", "Leader of the Council #leader",
                       "Authority #leader", "Officer #list", "Member #list", "Proper Officer #list"});
    REQUIRE(p.terms.size() == 10);
    CHECK(p.terms[0].definition == "In this Protocol, Councillor means an elected or co-opted member of the Council.");
    CHECK(p.terms[7].definition == "Officer means any employee of the Council;");
    CHECK(p.terms[7].pos.line == 24);
    CHECK(p.terms[7].pos.column == 5);  // inside the ** **
}

TEST_CASE("sentences from the seeds that use 'means', 'includes' or brackets define nothing", "[refs]") {
    // each opens its clause, where an unquoted term would be taken
    const char* sentences[] = {
        "The need to maintain the separation of roles means that there are limits to the matters on which they may "
        "seek the advice of officers.",  // seed 000, 3.4.2
        "These responsibilities mean that they may have to have a closer working relationship with employees.",  // 003
        "This includes respecting the decisions of the Council.",                                                // 003
        "Officers will not normally attend any political party group meeting which includes non-Council members.",  // 002
        "These are known as statutory officers and include the Chief Executive/Head of Paid Service, Monitoring "
        "Officer and Chief Finance Officer (s151 officer).",                         // 000, 2.7
        "An officer has no means of responding to criticisms like this in public.",  // 003, 4.4
        "Councillors and Officers are referred to the Council's Relationships at Work Policy for guidance.",  // 004
        "The Statutory Officers are the Head of Paid Service (usually the Joint Chief Executive) and the Chief Finance "
        "Officer (or Section 151 Officer).",  // 004
        "Any Member means well (the Council knows).",
    };
    std::string body = "## 1. Intro\n\n";
    int number = 0;
    for (const char* s : sentences) body += "1." + std::to_string(++number) + " " + s + "\n\n";
    model::Diagnostics diags;
    auto p = source::read_protocol(testing::source_with_body(body), "seeds.md", diags);
    refs::resolve_references(p, diags);
    for (const auto& t : p.terms) FAIL_CHECK("defined '" << t.term << "' in: " << t.definition);
}

TEST_CASE("the committed protocols define exactly the terms they define", "[refs]") {
    // the imported seeds: only quoted or bracketed definitions, no ordinary 'means'
    std::vector<std::string> terms;
    for (const char* name : {"district-council-cabinet-model", "district-council-executive-directors",
                             "guildford-borough-council", "oxford-city-council", "somerset-model-protocol"}) {
        model::Diagnostics diags;
        auto p = load(test_env::source_dir() + "/protocol-source/" + name + ".md", diags);
        for (const auto& t : p.terms) terms.push_back(std::string(name) + ": " + t.term);
    }
    CHECK(terms == std::vector<std::string>{"somerset-model-protocol: officers",
                                            "somerset-model-protocol: need to know",
                                            "somerset-model-protocol: the Act"});
}

// Found by fuzz_render: a defining sentence longer than the bound was cut inside a
// character (three-byte U+FFFD), and the glossary wrote invalid UTF-8 into the HTML.
TEST_CASE("a defining sentence cut at its length bound is cut between characters", "[refs]") {
    std::string wide;                                              // no full stop: the bound, not a sentence, ends it
    for (int k = 0; k < 400; ++k) wide += "\xC3\xA9\xE2\x82\xAC";  // é€
    for (int pad = 0; pad < 6; ++pad) {
        model::Diagnostics diags;
        auto p = source::read_protocol(
            "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n## 1. Intro\n\n1.1 " + wide +
                std::string(static_cast<std::size_t>(pad), 'x') + " \"Councillor\" means an elected member " +
                std::string(static_cast<std::size_t>(pad), 'y') + wide + "\n",
            "wide.md", diags);
        refs::resolve_references(p, diags);
        REQUIRE(p.terms.size() == 1);
        INFO("pad " << pad);
        CHECK(model::find_invalid_utf8(p.terms[0].definition) == std::string::npos);
        CHECK(p.terms[0].definition.find("\"Councillor\" means") != std::string::npos);
    }
}
