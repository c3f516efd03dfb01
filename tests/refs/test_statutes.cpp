// Statute citations: the built-in table and the legislation.gov.uk addresses they link to.
#include <catch2/catch.hpp>

#include <set>

#include "refs/helpers.hpp"
#include "refs/statutes.hpp"

using namespace protopub;
using refs_test::data_path;
using refs_test::find_refs;
using refs_test::load;

namespace {

std::string url_of(const model::Protocol& p, const std::string& text) {
    auto found = find_refs(p, text);
    INFO("citation '" << text << "'");
    REQUIRE(found.size() == 1);
    CHECK(found.front()->kind == model::ReferenceKind::statute);
    return found.front()->url;
}

}  // namespace

TEST_CASE("the statute table gives the legislation.gov.uk address of each Act", "[refs]") {
    auto url = [](std::string_view title, int year) {
        const refs::Statute* s = refs::find_statute(title, year);
        REQUIRE(s != nullptr);
        return refs::legislation_url(*s);
    };
    CHECK(url("Local Government Act", 1972) == "https://www.legislation.gov.uk/ukpga/1972/70");
    CHECK(url("Local Government and Housing Act", 1989) == "https://www.legislation.gov.uk/ukpga/1989/42");
    CHECK(url("Local Government Finance Act", 1988) == "https://www.legislation.gov.uk/ukpga/1988/41");
    CHECK(url("Localism Act", 2011) == "https://www.legislation.gov.uk/ukpga/2011/20");
    CHECK(url("Freedom of Information Act", 2000) == "https://www.legislation.gov.uk/ukpga/2000/36");
    CHECK(url("Data Protection Act", 2018) == "https://www.legislation.gov.uk/ukpga/2018/12");
    CHECK(url("Local Government Act", 1986) == "https://www.legislation.gov.uk/ukpga/1986/10");
    CHECK(url("Local Government Act", 2000) == "https://www.legislation.gov.uk/ukpga/2000/22");
    CHECK(url("Human Rights Act", 1998) == "https://www.legislation.gov.uk/ukpga/1998/42");
    CHECK(url("Equality Act", 2010) == "https://www.legislation.gov.uk/ukpga/2010/15");
    CHECK(url("General Data Protection Regulation", 0) == "https://www.legislation.gov.uk/eur/2016/679");

    const refs::Statute* lgha = refs::find_statute("the  local government AND housing act", 1989);
    REQUIRE(lgha);
    CHECK(refs::legislation_url(*lgha, {"section", "5"}) == "https://www.legislation.gov.uk/ukpga/1989/42/section/5");
    const refs::Statute* lga = refs::find_statute_by_abbreviation("LGA", 1972);
    REQUIRE(lga);
    CHECK(refs::legislation_url(*lga, {"schedule", "12A"}) ==
          "https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A");

    CHECK(refs::find_statute("Local Government Act", 0) == nullptr);  // which one?
    CHECK(refs::find_statute("Freedom of Information Act", 0) != nullptr);
    CHECK(refs::find_statute_by_abbreviation("DPA", 0) == nullptr);
}

TEST_CASE("the statute table has one entry per statute and a chapter for each", "[refs]") {
    std::set<std::string> seen;
    for (const auto& s : refs::statutes()) {
        CHECK(seen.insert(refs::legislation_url(s)).second);
        CHECK(s.number > 0);
        CHECK((s.type == "ukpga" || s.type == "uksi" || s.type == "eur"));
        CHECK(refs::find_statute(s.title, s.year) == &s);
    }
}

TEST_CASE("statute citations in the words link to the right provision", "[refs]") {
    model::Diagnostics diags;
    auto p = load(data_path("statutes.md"), diags);
    CHECK(diags.empty());

    CHECK(url_of(p, "section 114 of the Local Government Finance Act 1988") ==
          "https://www.legislation.gov.uk/ukpga/1988/41/section/114");
    CHECK(url_of(p, "section 5 of the Local Government and Housing Act 1989") ==
          "https://www.legislation.gov.uk/ukpga/1989/42/section/5");
    CHECK(url_of(p, "Section 151") == "https://www.legislation.gov.uk/ukpga/1972/70/section/151");
    CHECK(url_of(p, "s151") == "https://www.legislation.gov.uk/ukpga/1972/70/section/151");
    CHECK(url_of(p, "Local Government Act 1972") == "https://www.legislation.gov.uk/ukpga/1972/70");
    // "Schedule 12A" alone belongs to the Act cited just before it in the clause
    CHECK(url_of(p, "Schedule 12A") == "https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A");
    CHECK(url_of(p, "sections 100A to 100K of the LGA 1972") ==
          "https://www.legislation.gov.uk/ukpga/1972/70/section/100A");
    CHECK(url_of(p, "Freedom of Information Act 2000") == "https://www.legislation.gov.uk/ukpga/2000/36");
    CHECK(url_of(p, "Data Protection Act 2018") == "https://www.legislation.gov.uk/ukpga/2018/12");
    CHECK(url_of(p, "UK GDPR") == "https://www.legislation.gov.uk/eur/2016/679");
    CHECK(url_of(p, "Article 6 of the General Data Protection Regulation") ==
          "https://www.legislation.gov.uk/eur/2016/679/article/6");
    // "the Act" was defined as the Local Government Act 1986 in the same sentence
    CHECK(url_of(p, "section 2 of the Act") == "https://www.legislation.gov.uk/ukpga/1986/10/section/2");
    CHECK(url_of(p, "Localism Act 2011") == "https://www.legislation.gov.uk/ukpga/2011/20");
    CHECK(url_of(p, "Part 3 of the Local Government Act 2000") ==
          "https://www.legislation.gov.uk/ukpga/2000/22/part/3");

    const auto& range = *find_refs(p, "sections 100A to 100K of the LGA 1972").front();
    CHECK(range.is_range);
    REQUIRE(range.targets.size() == 2);
    CHECK(range.targets[0].number == "section 100A");
    CHECK(range.targets[1].number == "section 100K");

    // an Act the table does not know is kept, unlinked
    auto unknown = find_refs(p, "Widget Licensing Act 1923");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown.front()->url.empty());
    CHECK_FALSE(unknown.front()->resolved);
    CHECK(unknown.front()->document == "Widget Licensing Act 1923");
}

TEST_CASE("a section right after an Act's title is the Act's section, not the protocol's", "[refs]") {
    // as footnotes cite them: "Localism Act 2011, section 27"
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(
        testing::source_with_body("## 1. Purpose\n\n1.1 See the Localism Act 2011, section 27, and the Local "
                                  "Government Act 1972 section 101. Then section 2 of this Protocol.\n\n"
                                  "## 2. Roles\n\n2.1 Roles.\n"),
        "t.md", diags);
    refs::resolve_references(p, diags);
    CHECK(diags.error_count() == 0);
    CHECK(url_of(p, "section 27") == "https://www.legislation.gov.uk/ukpga/2011/20/section/27");
    CHECK(url_of(p, "section 101") == "https://www.legislation.gov.uk/ukpga/1972/70/section/101");
    const auto internal = find_refs(p, "section 2 of this Protocol");
    REQUIRE(internal.size() == 1);
    CHECK(internal.front()->kind == model::ReferenceKind::internal);
}
