// The imported seed protocols (protocol-source/): the references the issue names, found
// with their targets, and renumbering a real protocol after a section is inserted.
#include <catch2/catch.hpp>

#include "model/text.hpp"
#include "paths.hpp"
#include "refs/helpers.hpp"
#include "refs/renumber.hpp"

using namespace protopub;
using refs_test::find_refs;

namespace {

std::string seed_path(const std::string& name) { return test_env::source_dir() + "/protocol-source/" + name; }

model::Protocol load_seed(const std::string& name) {
    model::Diagnostics diags;
    auto p = refs_test::load(seed_path(name), diags);
    INFO(testing::formatted(diags));
    CHECK_FALSE(diags.has_errors());  // no false alarms on real protocols
    return p;
}

bool holds_reference(const model::Inlines& inlines, int index) {
    for (const auto& in : inlines)
        if ((in.kind == model::InlineKind::reference && in.reference == index) || holds_reference(in.children, index))
            return true;
    return false;
}

bool holds_reference(const std::vector<model::Block>& blocks, int index) {
    for (const auto& b : blocks) {
        if (holds_reference(b.inlines, index) || holds_reference(b.children, index)) return true;
        for (const auto& item : b.items)
            if (holds_reference(item.blocks, index)) return true;
    }
    return false;
}

// The number of the clause whose words hold reference `r`.
std::string clause_of(const model::Protocol& p, const model::Reference* r) {
    const int index = static_cast<int>(r - p.references.data());
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses)
            if (holds_reference(c.blocks, index)) return c.number.text;
    return "";
}

}  // namespace

TEST_CASE("seed 000: three 'Part 3 of this Constitution' and two Schedule 12A citations", "[refs][seeds]") {
    auto p = load_seed("district-council-cabinet-model.md");
    auto parts = find_refs(p, "Part 3 of this Constitution");
    REQUIRE(parts.size() == 3);
    std::vector<std::string> clauses;
    for (const auto* r : parts) {
        CHECK(r->kind == model::ReferenceKind::constitution);
        CHECK(r->part == "3");
        clauses.push_back(clause_of(p, r));
    }
    CHECK(clauses == std::vector<std::string>{"4.21", "4.24", "4.24"});
    // and the Access to Information rules "(Part 3 of the Constitution)" in 4.18.3
    auto bracketed = find_refs(p, "Part 3 of the Constitution");
    REQUIRE(bracketed.size() == 1);
    CHECK(clause_of(p, bracketed.front()) == "4.18.3");

    const std::string schedule_12a = "https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A";
    auto alone = find_refs(p, "Schedule 12A");  // "Local Government Acts 1972-2000 (particularly Schedule 12A)"
    REQUIRE(alone.size() == 1);
    CHECK(alone.front()->url == schedule_12a);
    CHECK(clause_of(p, alone.front()) == "4.18.1");
    auto cited = find_refs(p, "Schedule 12A to the Local Government Act 1972");
    REQUIRE(cited.size() == 1);
    CHECK(cited.front()->url == schedule_12a);
    CHECK(cited.front()->document == "Local Government Act 1972");
    CHECK(clause_of(p, cited.front()) == "4.24");

    auto access_rules = find_refs(p, "Access to Information Standing Orders");
    CHECK(access_rules.size() == 4);
    for (const auto* r : access_rules) CHECK(r->document == "Access to Information Procedure Rules");
}

TEST_CASE("seed 004: the statute citations of section 7 link to their sections", "[refs][seeds]") {
    auto p = load_seed("guildford-borough-council.md");
    struct Expected {
        const char* text;
        const char* url;
    };
    for (const auto& e : {Expected{"section 114 of the Local Government Finance Act 1988",
                                   "https://www.legislation.gov.uk/ukpga/1988/41/section/114"},
                          Expected{"section 5 of the Local Government and Housing Act 1989",
                                   "https://www.legislation.gov.uk/ukpga/1989/42/section/5"},
                          Expected{"Section 151", "https://www.legislation.gov.uk/ukpga/1972/70/section/151"}}) {
        INFO(e.text);
        auto found = find_refs(p, e.text);
        REQUIRE(found.size() == 1);
        CHECK(found.front()->kind == model::ReferenceKind::statute);
        CHECK(found.front()->url == e.url);
        CHECK(clause_of(p, found.front()) == "7.1");
    }
    auto gdpr = find_refs(p, "General Data Protection Regulation");
    REQUIRE(gdpr.size() == 1);
    CHECK(gdpr.front()->url == "https://www.legislation.gov.uk/eur/2016/679");
}

TEST_CASE("seed 003: the Act it names, and its defined terms", "[refs][seeds]") {
    auto p = load_seed("somerset-model-protocol.md");
    std::vector<std::string> terms;
    for (const auto& t : p.terms) terms.push_back(t.term);
    CHECK(terms == std::vector<std::string>{"officers", "need to know", "the Act"});
    auto act = find_refs(p, "Local Government Act 1986");
    REQUIRE(act.size() == 1);
    CHECK(act.front()->url == "https://www.legislation.gov.uk/ukpga/1986/10");
    CHECK(find_refs(p, "Localism Act 2011").size() == 1);
}

TEST_CASE("every seed renumbers to itself", "[refs][seeds]") {
    for (const char* name : {"district-council-cabinet-model.md", "district-council-executive-directors.md",
                             "guildford-borough-council.md", "oxford-city-council.md", "somerset-model-protocol.md"}) {
        INFO(name);
        auto p = load_seed(name);
        model::Diagnostics diags;
        CHECK(refs::plan_renumber(p, diags).empty());
    }
}

TEST_CASE("inserting a section into seed 004 renumbers what follows and no statute", "[refs][seeds]") {
    const std::string original = testing::read(seed_path("guildford-borough-council.md"));
    const std::string marker = "## 3. GENERAL PRINCIPLES";
    REQUIRE(original.find(marker) != std::string::npos);
    std::string edited = original;
    edited.insert(edited.find(marker),
                  "## 3. A NEW SECTION {#new-section}\n\n"
                  "3.1 {#new-clause} See paragraph 7.1 and section 5.\n\n");
    model::Diagnostics diags;
    auto p = source::read_protocol(edited, "guildford.md", diags);
    refs::resolve_references(p, diags);
    auto out = refs::apply_edits(edited, refs::plan_renumber(p, diags), "guildford.md", diags);
    REQUIRE(out);
    CHECK(refs_test::without_numbers(*out) == refs_test::without_numbers(edited));
    CHECK(out->find("3.1 {#new-clause} See paragraph 8.1 and section 6.") != std::string::npos);
    CHECK(out->find("## 4. GENERAL PRINCIPLES") != std::string::npos);
    CHECK(out->find("## 8. RELATIONS WITH STATUTORY OFFICERS") != std::string::npos);
    CHECK(out->find("8.1 {#in-reaching-their-decisions-councillors}") != std::string::npos);
    CHECK(out->find("section 114 of the Local Government Finance Act 1988") != std::string::npos);
    CHECK(out->find("section 5 of the Local Government and Housing Act 1989") != std::string::npos);
    CHECK(out->find("Section 151 Officer") != std::string::npos);

    model::Diagnostics after;
    auto q = source::read_protocol(*out, "guildford.md", after);
    refs::resolve_references(q, after);
    CHECK(refs::plan_renumber(q, after).empty());
}

TEST_CASE("the seeds' policies and procedures are constitution documents, the LGA's model code is not the council's",
          "[refs]") {
    auto documents_in = [](const model::Protocol& p) {
        std::vector<std::string> out;
        for (const auto& r : p.references)
            if (r.kind == model::ReferenceKind::constitution && !r.document.empty())
                out.push_back(r.text + " -> " + r.document);
        return out;
    };
    auto contains = [](const std::vector<std::string>& all, const std::string& one) {
        return std::find(all.begin(), all.end(), one) != all.end();
    };
    const auto cabinet = documents_in(load_seed("district-council-cabinet-model.md"));
    CHECK(contains(cabinet, "Social media policy -> Social Media Policy"));         // seed 000, 1.2
    CHECK(contains(cabinet, "Whistleblowing Procedure -> Whistleblowing Policy"));  // seed 000, 5.2
    const auto somerset = documents_in(load_seed("somerset-model-protocol.md"));
    CHECK(contains(somerset, "Social Media Protocol -> Social Media Policy"));                        // seed 003, 9.7
    for (const auto& d : somerset) CHECK(d.find("Councillor Code of Conduct") == std::string::npos);  // 1.4: the LGA's
}

TEST_CASE("procedure rules by other names, and a Part named with its rules", "[refs]") {
    model::Diagnostics diags;
    auto p = source::read_protocol(
        testing::source_with_body("## 1. Intro\n\n1.1 {#a} Questions follow the Council's Procedure Rules, the Council "
                                  "Rules of Procedure and Part 4 Rules of Procedure; see Part 3 \u2013 Access to "
                                  "Information Procedure Rules and section 100A of the Local Government Act 1972.\n"),
        "t.md", diags);
    refs::resolve_references(p, diags);
    std::vector<std::string> found;
    for (const auto& r : p.references) found.push_back(r.text + " -> " + r.document + "|" + r.part + "|" + r.url);
    CHECK(found ==
          std::vector<std::string>{
              "Council's Procedure Rules -> Council Procedure Rules||",
              "Council Rules of Procedure -> Council Procedure Rules||",
              "Part 4 Rules of Procedure -> Rules of Procedure|4|",
              "Part 3 \u2013 Access to Information Procedure Rules -> Access to Information Procedure Rules|3|",
              "section 100A of the Local Government Act 1972 -> Local Government Act 1972||"
              "https://www.legislation.gov.uk/ukpga/1972/70/section/100A"});
}
