#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include "akn/akn.hpp"
#include "docx/fixtures.hpp"
#include "io/files.hpp"
#include "paths.hpp"

using namespace protopub;
namespace fs = std::filesystem;

namespace {

// The official schema, copied into tests/data/schemas so the tests need nothing outside.
const std::string schema = test_env::akn_schema();

std::string render(const model::Protocol& p) {
    model::Diagnostics diags;
    akn::AknOptions options;
    options.epoch = io::build_epoch(p.meta.adopted);
    return akn::render_akn(p, options, diags);
}

// xmllint's verdict on the document against the official AKN 3.0 schema.
bool validates(const std::string& xml, const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("protopub-akn-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / (name + ".akn.xml")).string();
    std::string error;
    REQUIRE(io::write_file_atomic(path, xml, error));
    const std::string command = "xmllint --noout --schema '" + schema + "' '" + path + "' 2>&1";
    std::string report;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) report += buffer;
    const int status = ::pclose(pipe);
    fs::remove_all(dir);
    INFO(report);
    CHECK(status == 0);
    return status == 0;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Everything the model can hold, in awkward places: the schema must still be satisfied.
model::Protocol awkward_protocol() {
    auto p = testing::sample_with_references();
    auto& section = p.sections.front();
    section.intro.push_back(section.clauses.front().blocks.front());  // a section with intro and clauses
    model::Clause unnumbered;
    unnumbered.id = "note";
    section.clauses.push_back(unnumbered);          // no number, no words
    model::Clause twice = section.clauses.front();  // a number written twice
    twice.id = "purpose-again";
    section.clauses.push_back(twice);
    model::Block quote;
    quote.kind = model::BlockKind::quote;
    quote.children.push_back(section.clauses.front().blocks.front());
    section.clauses.front().blocks.push_back(quote);
    model::Inline inserted{model::InlineKind::inserted}, deleted{model::InlineKind::deleted},
        link{model::InlineKind::link};
    inserted.children = {testing::text("new words")};
    deleted.children = {testing::text("old words")};
    link.target = "https://www.example.gov.uk/";
    auto& words = section.clauses.front().blocks.front().inlines;
    words.insert(words.end(), {inserted, deleted, link, model::Inline{model::InlineKind::line_break}});
    model::Section empty;
    empty.id = "empty";
    empty.level = 3;
    p.sections.push_back(empty);  // a sub-heading with nothing in it
    model::Reference outside;
    outside.kind = model::ReferenceKind::constitution;
    outside.targets.push_back({"3", "part-3-elsewhere"});
    p.references.push_back(outside);
    words.push_back(testing::reference_to(2, "Part 3 of this Constitution"));
    return p;
}

}  // namespace

TEST_CASE("akn: eIds follow the naming convention, references point at them", "[akn]") {
    const auto xml = render(testing::sample_with_references());
    CHECK(contains(xml, "<doc name=\"protocol\">"));
    CHECK(contains(xml, "<section eId=\"sec_1\" wId=\"introduction\">"));
    CHECK(contains(xml, "<paragraph eId=\"sec_1__para_1-1\" wId=\"purpose\">"));
    CHECK(contains(xml, "<subparagraph eId=\"sec_2__para_2-2__subpara_2-2-1\" wId=\"chairs-impartiality\">"));
    CHECK(contains(xml, "<item eId=\"sec_2__para_2-3__list_1__item_a\" wId=\"cfo\">"));
    CHECK(contains(xml, "<ref href=\"#sec_3__para_3-2\">paragraph 3.2</ref>"));
    CHECK(contains(xml, "<ref href=\"https://www.legislation.gov.uk/ukpga/1988/41/section/114\">section 114</ref>"));
    CHECK(contains(xml, "<FRBRthis value=\"/akn/gb/doc/protocol/sample-district-council/2024-05-01/"));
    CHECK(contains(xml, "<FRBRversionNumber value=\"2024\"/>"));
    CHECK(contains(xml, "<num>1.1</num>"));
    CHECK(contains(xml, "<heading>Chairs of committees</heading>"));
}

TEST_CASE("akn: every document validates against the AKN 3.0 schema", "[akn][schema]") {
    REQUIRE(fs::exists(schema));
    CHECK(validates(render(testing::load(testing::sample_path)), "sample"));
    CHECK(validates(render(awkward_protocol()), "awkward"));
    CHECK(validates(render(model::Protocol{}), "empty"));
    const fs::path published = fs::path(test_env::source_dir()) / "protocol-source";
    if (fs::exists(published))
        for (const auto& e : fs::directory_iterator(published))
            if (e.path().extension() == ".md" && e.path().filename() != "README.md") {
                INFO(e.path());
                CHECK(validates(render(testing::load(e.path().string())), e.path().stem().string()));
            }
}

TEST_CASE("akn: a reference to a place outside the document keeps its words, without a dead link", "[akn]") {
    const auto xml = render(awkward_protocol());
    CHECK(contains(xml, "Part 3 of this Constitution"));
    CHECK_FALSE(contains(xml, "part-3-elsewhere"));
    CHECK(contains(xml, "<ins>new words</ins><del>old words</del>"));
    CHECK(contains(xml, "<paragraph eId=\"sec_1__para_1-1_2\" wId=\"purpose-again\">"));     // a unique eId
    CHECK(contains(xml, "<subparagraph eId=\"sec_1__para_1-2__subpara_1\" wId=\"note\">"));  // unnumbered: inside 1.2
}
