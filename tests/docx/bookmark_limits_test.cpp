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
