// Regression (hardening): bookmark names for many clauses with the same first words.
#include <catch2/catch.hpp>

#include <set>

#include <pugixml.hpp>

#include "docx/docx.hpp"
#include "package/zip_reader.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

TEST_CASE("docx: 2,000 clauses with the same first words get distinct bookmarks", "[docx][limits]") {
    std::string body = "## 1. Everything {#everything}\n\n";
    for (int n = 1; n <= 2000; ++n)
        body += "1." + std::to_string(n) + " Councillors and officers work together, clause after clause.\n\n";
    model::Diagnostics diags;
    const model::Protocol p = source::read_protocol(testing::source_with_body(body), "same.md", diags);
    REQUIRE_FALSE(diags.has_errors());

    std::string error;
    auto parts = package::read_zip(docx::render_docx(p, docx::DocxOptions{}, diags), error);
    REQUIRE(parts);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(parts->at("word/document.xml").c_str()));
    std::set<std::string> names;
    std::size_t bookmarks = 0;
    for (pugi::xpath_node n : doc.select_nodes("//w:bookmarkStart")) {
        const std::string name = n.node().attribute("w:name").value();
        CHECK(name.size() <= 40);
        names.insert(name);
        ++bookmarks;
    }
    CHECK(bookmarks >= 2001);
    CHECK(names.size() == bookmarks);
    CHECK(names.count("councillors_and_officers_work_toge_2"));
    CHECK(names.count("councillors_and_officers_work_toge_1900"));
}

// A section with a running head (a report's appendix) is found by its bookmark to start a
// Word section of its own; the bookmark's name is shortened, and whatever the id, the
// section must be found by the name its heading was given.
TEST_CASE("docx: a running-head section with a long or clashing id still gets its own Word section", "[docx][limits]") {
    const std::string long_id = "appendix-one-the-schedule-of-changes-to-the-protocol";  // 52 characters
    std::string body = "## 1. Main {#main}\n\n1.1 Words of the main part.\n\n";
    body += "## 2. Schedule {#" + long_id + "}\n\n2.1 The schedule.\n\n";
    // same first 40 characters: its bookmark takes a suffix
    body += "## 3. Another {#" + long_id.substr(0, 40) + "-two}\n\n3.1 Another appendix.\n\n";
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(testing::source_with_body(body), "heads.md", diags);
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(p.sections.size() == 3);
    p.sections[1].running_head = "Appendix A";
    p.sections[2].running_head = "Appendix B";

    std::string error;
    auto parts = package::read_zip(docx::render_docx(p, docx::DocxOptions{}, diags), error);
    REQUIRE(parts);
    CHECK(diags.warning_count() == 0);
    CHECK(parts->count("word/protopub-header1.xml"));
    CHECK(parts->count("word/protopub-header2.xml"));
    pugi::xml_document doc;
    REQUIRE(doc.load_string(parts->at("word/document.xml").c_str()));
    // the reference's section, then one for each appendix
    CHECK(doc.select_nodes("//w:sectPr").size() == 3);
}
