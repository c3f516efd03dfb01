// Long PDFs outgrow libharu's arrays (32,767 elements) and two-byte indexes in the object
// stream (65,535 objects): the parent tree (an entry per page and per link), the Document
// element's kids (every heading and paragraph). Each once broke the file or the run; poppler
// and the tagged-PDF reader must read it whole.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "pdf/pdf_tools.hpp"
#include "pdf/tagged_pdf.hpp"
#include "support.hpp"

TEST_CASE("a PDF with 10,000 clauses and 40,000 links is written whole and reads", "[pdf][limits]") {
    std::string body;
    const int sections = 200, clauses = 50;
    for (int s = 1; s <= sections; ++s) {
        body += "## " + std::to_string(s) + ". Part\n\n";
        const std::string t = std::to_string(s % sections + 1);
        for (int c = 1; c <= clauses; ++c)
            body += std::to_string(s) + "." + std::to_string(c) + " See paragraphs " + t + ".1, " + t + ".2 and " + t +
                    ".3, and paragraphs " + t + ".4 to " + t + ".9.\n\n";
    }
    testing::TempDir dir;
    testing::write(dir.file("long.md"), testing::source_with_body(body));
    const auto r = testing::run_cli({"build", dir.file("long.md"), "-o", dir.file("out"), "--format", "pdf",
                                     "--templates", test_env::source_dir() + "/templates", "--quiet"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string path = dir.file("out/long.pdf");
    // poppler's complaints go to stderr: none
    CHECK(pdf_tools::run("pdfinfo '" + path + "' 2>&1 >/dev/null | cat") == "");
    const auto pages = pdf_tools::page_count(path);
    CHECK(pages > 200);
    // the last page holds the last clause
    const std::string last =
        pdf_tools::run("pdftotext -f " + std::to_string(pages) + " -l " + std::to_string(pages) + " '" + path + "' -");
    CHECK(last.find("200.50 See paragraphs 1.1") != std::string::npos);
}

TEST_CASE("a PDF with 34,000 paragraphs keeps every one in the structure tree", "[pdf][limits]") {
    std::string body;
    for (int s = 1; s <= 340; ++s) {
        body += "## " + std::to_string(s) + ". Part\n\n";
        for (int c = 1; c <= 100; ++c) body += std::to_string(s) + "." + std::to_string(c) + " Words.\n\n";
    }
    testing::TempDir dir;
    testing::write(dir.file("many.md"), testing::source_with_body(body));
    const auto r = testing::run_cli({"build", dir.file("many.md"), "-o", dir.file("out"), "--format", "pdf",
                                     "--templates", test_env::source_dir() + "/templates", "--quiet"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string path = dir.file("out/many.pdf");
    CHECK(pdf_tools::run("pdfinfo '" + path + "' 2>&1 >/dev/null | cat") == "");
    const auto report = tagged_pdf::check(path);
    std::string problems;
    for (std::size_t i = 0; i < report.problems.size() && i < 5; ++i) problems += report.problems[i] + "\n";
    INFO(problems);
    CHECK(report.problems.empty());
    CHECK(report.in_elements + report.in_artifacts == report.text_operators);
    CHECK(std::count(report.roles.begin(), report.roles.end(), "P") >= 34000);
}
