// `protopub report` end to end: the sample committee pack in protocol-source/reports/,
// its Word file as LibreOffice reads it, its PDF bookmarks, and bad input.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "docx/word_reader.hpp"
#include "pdf/pdf_tools.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kSources = test_env::source_dir() + "/protocol-source";

int count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// The sample report and what it needs, laid out as in protocol-source/ inside a fresh git
// repository (the old version is read as FILE@HEAD).
struct SampleRepo {
    testing::TempDir dir;
    std::string report;  // .../protocol-source/reports/oxford-2025/REPORT.md

    SampleRepo() {
        const std::string sources = dir.file("protocol-source");
        fs::create_directories(sources + "/reports/oxford-2025");
        for (const char* name : {"oxford-city-council.md", "somerset-model-protocol.md",
                                 "reports/oxford-2025/REPORT.md", "reports/oxford-2025/oxford-city-council-2025.md"})
            testing::write(sources + "/" + name, testing::read(kSources + "/" + name));
        report = sources + "/reports/oxford-2025/REPORT.md";
        const std::string git = "git -C '" + dir.path() + "' -c user.name=t -c user.email=t@example.org ";
        REQUIRE(std::system((git + "init -q && " + git + "add . && " + git + "commit -qm sources").c_str()) == 0);
    }

    void rewrite(const std::string& from, const std::string& to) {
        std::string text = testing::read(report);
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        testing::write(report, text);
    }
};

std::string document_xml(const std::string& docx_path) {
    return protopub::testing::unpack_docx(testing::read(docx_path))["word/document.xml"];
}

// The paragraphs of a text between a line starting `from` and the next line starting `to`.
std::vector<std::string> lines_between(const std::string& text, const std::string& from, const std::string& to) {
    std::vector<std::string> out;
    bool inside = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        std::string line = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.rfind(from, 0) == 0) {
            inside = true;
            continue;
        }
        if (inside && line.rfind(to, 0) == 0) break;
        if (inside && !line.empty()) out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("the sample report builds the whole committee pack", "[report][cli]") {
    SampleRepo repo;
    testing::TempDir out;
    const auto run = testing::run_cli({"report", repo.report, "-o", out.file("pack")});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("report with 4 appendices") == 0);
    const std::string pack = out.file("pack");
    for (const char* stem : {"report", "appendix-1-schedule-of-changes", "appendix-2-the-revised-code-with-the-changes",
                             "appendix-3-the-revised-code", "appendix-4-comparison-with-the-model-protocol"})
        for (const char* suffix : {".html", ".pdf", ".docx"}) CHECK(fs::exists(pack + "/" + stem + suffix));
    CHECK(fs::exists(pack + "/index.html"));

    // Word: the cover block is a table, real headings, the recommendations a list, the
    // body's numbered paragraphs, and each appendix a section with its own header.
    const std::string xml = document_xml(pack + "/report.docx");
    const auto cover = xml.find("<w:tbl>");
    REQUIRE(cover != std::string::npos);
    CHECK(xml.find("Standards Committee", cover) < xml.find("</w:tbl>", cover));
    CHECK(xml.find("12 March 2025", cover) < xml.find("</w:tbl>", cover));
    for (const char* heading : {"Summary and Recommendations", "Contact details and background papers",
                                "Appendix 1: Schedule of changes", "Appendix 4: Comparison with the model protocol"})
        CHECK(xml.find(heading) != std::string::npos);
    CHECK(count(xml, "<w:pStyle w:val=\"Heading1\"/>") >= 8);
    CHECK(count(xml, "<w:pStyle w:val=\"ListParagraph\"/><w:numPr>") >= 2);  // the recommendations
    CHECK(xml.find("Officers now have ten working days") != std::string::npos);
    CHECK(count(xml, "<w:sectPr") == 5);  // the report and four appendices
    auto parts = protopub::testing::unpack_docx(testing::read(pack + "/report.docx"));
    CHECK(parts["word/protopub-header2.xml"].find("Appendix 2: The revised Code with the changes shown") !=
          std::string::npos);
    CHECK(parts["word/_rels/document.xml.rels"].find("protopub-header4.xml") != std::string::npos);
    CHECK(parts["[Content_Types].xml"].find("/word/protopub-header4.xml") != std::string::npos);
    CHECK(xml.find("<w:ins ") != std::string::npos);
    CHECK(xml.find("<w:del ") != std::string::npos);
    // "paragraph 24.5 of Appendix 2" links to that paragraph inside the appendix.
    CHECK(xml.find("w:anchor=\"appendix_2_councillors_enquiries\"") != std::string::npos);

    // HTML: the same references are links to the appendix's paragraphs.
    const std::string html = testing::read(pack + "/report.html");
    CHECK(html.find("href=\"#appendix-2-councillors-enquiries\"") != std::string::npos);
    CHECK(html.find("href=\"#appendix-2-social-media\"") != std::string::npos);
    CHECK(html.find("href=\"#appendix-4\"") != std::string::npos);

    // PDF: one top-level bookmark per appendix.
    const std::string outlines = pdf_tools::run("qpdf --json --json-key=outlines '" + pack + "/report.pdf'");
    for (int n = 1; n <= 4; ++n) CHECK(count(outlines, "\"title\": \"Appendix " + std::to_string(n) + ":") == 1);
    const std::string text = pdf_tools::run("pdftotext -layout '" + pack + "/report.pdf' -");
    CHECK(text.find("Summary and Recommendations") != std::string::npos);
    CHECK(text.find("within ten working days") != std::string::npos);
    // Each appendix's pages are headed by its running head (the contents and the heading
    // name it too; Appendix 2 runs over several pages).
    CHECK(count(text, "Appendix 2: The revised Code with the changes shown") >= 4);
    CHECK(count(text, "Appendix 1: Schedule of changes") >= 3);
}

TEST_CASE("LibreOffice's Accept All turns the tracked-changes appendix into the revised Code",
          "[report][cli][libreoffice]") {
    SampleRepo repo;
    testing::TempDir out;
    REQUIRE(testing::run_cli({"report", repo.report, "-o", out.file("pack"), "--format", "docx"}).exit_code == 0);
    // The same script as the redline's LibreOffice check: NAME.accept.docx -> NAME.accepted.txt.
    testing::TempDir lo;
    testing::write(lo.file("report.accept.docx"), testing::read(out.file("pack/report.docx")));
    const std::string command =
        "python3 '" + test_env::source_dir() + "/tests/redline/lo_accept_reject.py' '" + lo.path() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    const std::string text = testing::read(lo.file("report.accepted.txt"));
    const auto accepted = lines_between(text, "Appendix 2:", "Appendix 3:");
    const auto revised = lines_between(text, "Appendix 3:", "Appendix 4:");
    REQUIRE(revised.size() > 40);
    CHECK(accepted == revised);
    CHECK(text.find("within five working days") == std::string::npos);
    CHECK(text.find("Any complaints received abut") == std::string::npos);
}

TEST_CASE("a report with bad appendices or references writes nothing and says where", "[report][cli]") {
    SampleRepo repo;
    testing::TempDir out;
    const std::string pack = out.file("pack");
    const std::string where = repo.report + ":";

    SECTION("a missing appendix source") {
        repo.rewrite("  - version: oxford-city-council-2025.md", "  - version: oxford-city-council-2026.md");
        const auto run = testing::run_cli({"report", repo.report, "-o", pack});
        CHECK(run.exit_code == 1);
        CHECK(run.err.find(where + "30:14: error: appendix 3: cannot open") != std::string::npos);
    }
    SECTION("a revision git does not know") {
        repo.rewrite("{old: ../../oxford-city-council.md@HEAD, new: oxford-city-council-2025.md}\n  - redline",
                     "{old: ../../oxford-city-council.md@v1999, new: oxford-city-council-2025.md}\n  - redline");
        const auto run = testing::run_cli({"report", repo.report, "-o", pack});
        CHECK(run.exit_code == 1);
        CHECK(run.err.find(where + "27:21: error: appendix 1: cannot read") != std::string::npos);
        CHECK(run.err.find("v1999") != std::string::npos);
    }
    SECTION("a reference to an appendix that does not exist") {
        repo.rewrite("5. The clean text of the revised Code is at Appendix 3.",
                     "5. The clean text of the revised Code is at Appendix 7.");
        const auto run = testing::run_cli({"report", repo.report, "-o", pack});
        CHECK(run.exit_code == 1);
        CHECK(run.err.find(where + "51:45: error: 'Appendix 7' points nowhere: the report has 4 appendices") !=
              std::string::npos);
    }
    SECTION("a reference to a paragraph an appendix does not have") {
        repo.rewrite("(paragraph 24.5 of\n   Appendix 2)", "(paragraph 24.55 of\n   Appendix 2)");
        const auto run = testing::run_cli({"report", repo.report, "-o", pack});
        CHECK(run.exit_code == 1);
        INFO(run.err);
        CHECK(run.err.find("error: 'paragraph 24.55 of Appendix 2' points nowhere") != std::string::npos);
    }
    SECTION("paragraphs out of sequence") {
        repo.rewrite("4. Appendix 4 sets", "6. Appendix 4 sets");
        const auto run = testing::run_cli({"report", repo.report, "-o", pack});
        CHECK(run.exit_code == 1);
        CHECK(run.err.find(where + "48:1: error: paragraph 6 follows 3") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(pack));
}

TEST_CASE("a folder's REPORT.md is a report, never a protocol source", "[report][cli]") {
    testing::TempDir dir;
    testing::write(dir.file("protocol.md"), testing::read(kSources + "/guildford-borough-council.md"));
    testing::write(dir.file("REPORT.md"), "---\ncommittee: Standards Committee\n---\n\n1. Not a protocol.\n");
    testing::write(dir.file("june.report.md"), "---\ncommittee: Standards Committee\n---\n\n1. Nor this.\n");
    const auto run = testing::run_cli({"check", dir.path()});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "1 source checked, no errors\n");
}

TEST_CASE("import --report writes the covering report before the protocol as REPORT.md", "[report][import][cli]") {
    testing::TempDir dir;
    const std::string input = test_env::source_dir() + "/tests/data/report/oxford-2010-covering-report.txt";
    const auto run = testing::run_cli({"import", input, "-o", dir.file("oxford.md"), "--council", "Oxford City Council",
                                       "--title", "Code of Practice for Member/Officer Relations", "--report"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("covering report -> " + dir.file("REPORT.md")) != std::string::npos);
    const std::string report = testing::read(dir.file("REPORT.md"));
    for (const char* field : {"committee: \"Standards Committee\"\n", "date: \"2010-12-10\"\n", "item: \"6\"\n",
                              "report_of: \"Head of Law and Governance\"\n", "title: \"Member/Officer Protocol\"\n",
                              "legal: \"Jeremy Thomas\"\n", "background_papers: [\"None identified\"]\n",
                              "  - version: \"oxford.md\"\n", "\n## Trade Union\xE2\x80\x99s Comment\n"})
        CHECK(report.find(field) != std::string::npos);
    // The recommendation is written twice in the paper; it is one recommendation.
    CHECK(count(report, "To approve the revised Code of practice") == 1);
    CHECK(report.find("\n4. The answer to that question") != std::string::npos);

    // It is a report protopub reads: the next committee pack starts from it.
    const auto pack = testing::run_cli({"report", dir.file("REPORT.md"), "-o", dir.file("pack"), "--format", "html"});
    INFO(pack.err);
    CHECK(pack.exit_code == 0);
    CHECK(testing::read(dir.file("pack/report.html")).find("Trade Union") != std::string::npos);

    // An existing REPORT.md is never written over.
    const auto again = testing::run_cli({"import", input, "-o", dir.file("oxford.md"), "--report"});
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("REPORT.md exists") != std::string::npos);
    CHECK(testing::read(dir.file("REPORT.md")) == report);
}
