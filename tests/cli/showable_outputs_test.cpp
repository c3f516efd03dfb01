// Text no output can carry (controls, non-characters, bytes yaml-cpp decodes from escapes),
// raw and as character references, in every place a source holds text: every output of
// every command is valid UTF-8 and well-formed for libxml2, LibreOffice opens the Word
// documents, and each character is a warning at its line and column.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "support.hpp"
#include "valid_output.hpp"

namespace fs = std::filesystem;

namespace {
// Every code point the rule replaces, written raw (where a source file may hold it) and as a
// decimal character reference, in a heading, a clause, a list, a table and a code span.
std::string hostile_source() {
    std::string raw, refs;
    for (unsigned cp = 1; cp <= 0x9F; ++cp) {
        if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp < 0x7F)) continue;
        if (cp < 0x80)
            raw += static_cast<char>(cp);
        else
            raw += {static_cast<char>(0xC0 | cp >> 6), static_cast<char>(0x80 | (cp & 0x3F))};
        raw += ' ';
        refs += "&#" + std::to_string(cp) + "; ";
    }
    refs += "&#xFFFE; &#xFFFF; \xEF\xBF\xBE \xEF\xBF\xBF";
    return "---\ntitle: \"Odd \\x01 \\N \\_ \\uFFFE \\0 title\"\ncouncil: \"Test\\eCouncil\"\nversion: \"1\"\n"
           "status: draft\nadopted_by: \"Full\\x7FCouncil\"\n---\n\n## 1. Heading " +
           raw + "\n\n1.1 Words " + raw + "\n\n1.2 References " + refs + "\n\n- (a) item " + raw + "\n- (b) `code " +
           raw + "`\n\n| a | b |\n|---|---|\n| " + refs + " | " + raw +
           " |\n\n1.3 A [link](https://example.org/a&#1;b) and the end.\n";
}

void check_outputs(const fs::path& dir) {
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        if (!it->is_regular_file()) continue;
        INFO(it->path().string());
        CHECK(valid_output::file_problem(it->path().filename().string(), testing::read(it->path().string())) == "");
    }
}
}  // namespace

TEST_CASE("unshowable characters: every output is valid for libxml2 and each is a warning", "[cli][showable]") {
    testing::TempDir tmp;
    const std::string src = tmp.file("odd.md");
    testing::write(src, hostile_source());
    testing::write(tmp.file("constitution.yaml"),
                   "title: Constitution\ncouncil: Test Council\nversion: \"1\"\nadopted: 2024-05-01\nparts:\n"
                   "  - part: 5\n    title: Codes\n    sections:\n      - section: 24\n        numbering: as-written\n"
                   "        source: odd.md\n");
    const std::string sample = test_env::source_dir() + "/tests/data/sample.md";

    auto check = testing::run_cli({"check", src});
    CHECK(check.exit_code == 0);
    for (const char* expected : {"odd.md:2:8: warning: front matter: character U+0001 cannot be shown",
                                 "odd.md:3:10: warning: front matter: character U+001B cannot be shown",
                                 "odd.md:6:13: warning: front matter: character U+007F cannot be shown",
                                 "odd.md:9:15: warning: character U+0001 cannot be shown",
                                 "odd.md:11:11: warning: character U+0001 cannot be shown",
                                 "odd.md:13:16: warning: character U+0001 cannot be shown"})
        CHECK_THAT(check.err, Catch::Matchers::Contains(expected));

    const std::vector<std::vector<std::string>> runs = {
        {"build", src, "-o", tmp.file("site"), "--format", "html,pdf,docx,akn"},
        {"diff", sample, src, "-o", tmp.file("diff"), "--format", "html,docx,json,csv"},
        {"compare", src, sample, "-o", tmp.file("compare"), "--format", "html,csv,json"},
        {"constitution", tmp.file("constitution.yaml"), "-o", tmp.file("constitution"), "--format", "html,docx,akn"},
    };
    for (const auto& args : runs) {
        INFO(args.front());
        const auto r = testing::run_cli(args);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    for (const char* dir : {"site", "diff", "compare", "constitution"}) check_outputs(tmp.file(dir));
    auto refs = testing::run_cli({"refs", "--json", src});
    CHECK(valid_output::text_problem(refs.out) == "");
}

TEST_CASE("unshowable characters: LibreOffice opens the Word documents", "[cli][showable][libreoffice]") {
    testing::TempDir tmp;
    const std::string src = tmp.file("odd.md");
    testing::write(src, hostile_source());
    const std::string sample = test_env::source_dir() + "/tests/data/sample.md";
    REQUIRE(testing::run_cli({"build", src, "-o", tmp.file("site"), "--format", "docx"}).exit_code == 0);
    REQUIRE(testing::run_cli({"diff", sample, src, "-o", tmp.file("diff"), "--format", "docx"}).exit_code == 0);
    for (const std::string& docx : {tmp.file("site/odd.docx"), tmp.file("diff/redline.docx")}) {
        INFO(docx);
        REQUIRE(fs::exists(docx));
        const std::string convert = "cd '" + tmp.path() + "' && soffice -env:UserInstallation=file://" + tmp.path() +
                                    "/profile --headless --convert-to pdf --outdir out '" + docx + "' >/dev/null 2>&1";
        REQUIRE(std::system(convert.c_str()) == 0);
        CHECK(fs::file_size(tmp.file("out/" + fs::path(docx).stem().string() + ".pdf")) > 1000);
    }
}

TEST_CASE("unshowable characters in a source's file name do not reach the outputs", "[cli][showable]") {
    testing::TempDir tmp;
    const std::string odd = tmp.file("odd\x01name\xff.md");
    fs::copy_file(test_env::source_dir() + "/tests/data/sample.md", odd);
    const std::string sample = test_env::source_dir() + "/tests/data/sample.md";
    const std::vector<std::vector<std::string>> runs = {
        {"build", odd, "-o", tmp.file("site"), "--format", "html,docx,akn"},
        {"diff", sample, odd, "-o", tmp.file("diff"), "--format", "html,docx,json,csv"},
        {"compare", odd, sample, "-o", tmp.file("compare"), "--format", "html,csv,json"},
    };
    for (const auto& args : runs) {
        INFO(args.front());
        const auto r = testing::run_cli(args);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.find("warning: the file name: character U+0001 cannot be shown") != std::string::npos);
    }
    for (const char* dir : {"site", "diff", "compare"}) check_outputs(tmp.file(dir));
    const auto refs = testing::run_cli({"refs", "--json", odd});
    CHECK(refs.exit_code == 0);
    CHECK(valid_output::text_problem(refs.out) == "");
}
