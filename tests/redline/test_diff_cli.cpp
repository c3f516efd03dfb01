// `protopub diff` end to end: files and FILE@GITREV, every format, errors.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "docx/word_reader.hpp"
#include "support.hpp"

namespace {

const std::string kFixture = test_env::source_dir() + "/tests/redline/data/member-officer.md";

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

std::string reworded(std::string text) {
    text.replace(text.find("version: \"2023\""), 15, "version: \"2024\"");
    text.replace(text.find("strictly confidential"), 21, "confidential");
    return text;
}

}  // namespace

TEST_CASE("diff of a version with itself shows no changes in any format", "[redline][cli]") {
    testing::TempDir out;
    const auto run = testing::run_cli({"diff", kFixture, kFixture, "-o", out.path()});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out == "0 changes (0 in the schedule) written to " + out.path() + " (10 files)\n");
    const std::string json = testing::read(out.file("changes.json"));
    CHECK(json.find("\"summary\":{\"unchanged\":25,\"renumbered\":0,\"amended\":0,\"moved\":0,\"inserted\":0,"
                    "\"deleted\":0,\"split\":0,\"merged\":0}") != std::string::npos);
    const std::string csv = testing::read(out.file("changes.csv"));
    CHECK(count(csv, "\nunchanged,") == 25);
    CHECK(count(csv, "\n") == 26);
    CHECK(testing::read(out.file("schedule.csv")) == "old_number,new_number,kind,summary\r\n");
    const std::string html = testing::read(out.file("redline.html"));
    CHECK(count(html, "<ins") == 1);  // the key only
    CHECK(count(html, "<del") == 1);
    CHECK(count(html, "data-change=\"unchanged\"") == 25);
    CHECK(testing::read(out.file("schedule.html")).find("There are no changes.") != std::string::npos);
    const std::string xml =
        protopub::testing::unpack_docx(testing::read(out.file("redline.docx")))["word/document.xml"];
    CHECK(xml.find("<w:p") != std::string::npos);
    for (const char* revision : {"<w:ins ", "<w:del ", "<w:moveFrom", "<w:moveTo"})
        CHECK(xml.find(revision) == std::string::npos);
    REQUIRE(std::system(("pdftotext '" + out.file("schedule.pdf") + "' '" + out.file("schedule.txt") + "'").c_str()) ==
            0);
    CHECK(testing::read(out.file("schedule.txt")).find("There are no changes.") != std::string::npos);
}

TEST_CASE("diff reads a version from git as FILE@REV", "[redline][cli][git]") {
    testing::TempDir repo, out;
    const std::string file = repo.file("protocol.md");
    const std::string git = "git -C '" + repo.path() + "' -c user.name=t -c user.email=t@example.org ";
    testing::write(file, testing::read(kFixture));
    REQUIRE(std::system((git + "init -q && " + git + "add protocol.md && " + git + "commit -qm v1").c_str()) == 0);
    testing::write(file, reworded(testing::read(kFixture)));

    const auto run = testing::run_cli({"diff", file + "@HEAD", file, "-o", out.path(), "--format", "json,csv"});
    REQUIRE(run.exit_code == 0);
    CHECK(testing::read(out.file("schedule.csv")) ==
          "old_number,new_number,kind,summary\r\n"
          ",,front matter,Version: '2023' replaced by '2024'\r\n"
          "7.2,7.2,amended,'strictly' deleted\r\n");
    CHECK(testing::read(out.file("changes.json")).find("\"path\":\"" + file + "@HEAD\",\"version\":\"2023\"") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out.file("redline.html")));

    const auto bad_rev = testing::run_cli({"diff", file + "@no-such-rev", file, "-o", out.path()});
    CHECK(bad_rev.exit_code == 2);
    CHECK(bad_rev.err.find(file + "@no-such-rev: error: cannot read '" + file + "' at 'no-such-rev': fatal: ") == 0);
    const auto option = testing::run_cli({"diff", file + "@--output=x", file, "-o", out.path()});
    CHECK(option.exit_code == 2);
    CHECK(option.err.find("not a git revision") != std::string::npos);
}

TEST_CASE("diff: section headings, deleted sections, introductions and front matter in every format",
          "[redline][cli][sections]") {
    std::string text = testing::read(kFixture);
    const auto cut = text.find("## 4. Officers and Whole Council");
    text.erase(cut, text.find("## 5.") - cut);
    text.replace(text.find("Officers and the Cabinet/Portfolio Holders"), 42, "Officers and the Cabinet");
    text.replace(text.find("whether or not they work together often"), 39, "however often they work together");
    text.replace(text.find("adopted: 2023-04-04"), 19, "adopted: 2024-05-01");
    testing::TempDir dir;
    testing::write(dir.file("new.md"), text);
    REQUIRE(testing::run_cli({"renumber", dir.file("new.md"), "--in-place"}).exit_code ==
            0);  // sections 5 to 7 become 4 to 6
    const auto run = testing::run_cli({"diff", kFixture, dir.file("new.md"), "-o", dir.file("out")});
    REQUIRE(run.exit_code == 0);

    CHECK(
        testing::read(dir.file("out/schedule.csv")) ==
        "old_number,new_number,kind,summary\r\n"
        ",,front matter,Adoption date: '2023-04-04' replaced by '2024-05-01'\r\n"
        "Section 2,Section 2,introduction amended,Introduction to section 2: 'whether or not' replaced by 'however "
        "often'; 'often' deleted\r\n"
        "Section 4,,section deleted,\"Section 4 'Officers and Whole Council' deleted, with paragraph 4.1\"\r\n"
        "4.1,,deleted,Deleted: 'Officers are required at all times to serve the whole\u2026'\r\n"
        "Section 5,Section 4,heading amended,Section 4 (formerly 5) heading: 'Officers and the Cabinet/Portfolio "
        "Holders' replaced by 'Officers and the Cabinet'\r\n"
        "5.1 to 7.6,4.1 to 6.6,renumbered,Renumbered; wording unchanged; sections 6 to 7 renumbered 5 to 6\r\n"
        "7.7,6.7,renumbered,Renumbered from 7.7; wording unchanged; reference updated (consequential): 6.4 to 5.4\r\n");
    const std::string csv = testing::read(dir.file("out/changes.csv"));
    CHECK(csv.find("\r\ndeleted,section,officers-and-whole-council,4,,,0,4,") != std::string::npos);
    CHECK(csv.find("\r\namended,introduction,personal-relationships,2,personal-relationships,2,") != std::string::npos);
    CHECK(testing::read(dir.file("out/changes.json"))
              .find("\"parts\":{\"section\":4,\"introduction\":1,\"front_matter\":1}") != std::string::npos);

    const std::string html = testing::read(dir.file("out/redline.html"));
    CHECK(
        html.find("<section class=\"section change-deleted\" id=\"officers-and-whole-council\" data-change=\"deleted\">"
                  "<h2><span class=\"section-number\"><del><span class=\"sr-only\">[deleted: </span>4.") !=
        std::string::npos);
    CHECK(html.find("Officers and Whole Council<span class=\"sr-only\">]</span></del></h2>") != std::string::npos);

    // Word: Accept All leaves no trace of section 4, Reject All brings it back.
    const std::string docx = testing::read(dir.file("out/redline.docx"));
    std::string accepted, rejected;
    for (const auto& p : protopub::testing::word_paragraphs(docx, protopub::testing::View::accept_all))
        accepted += p.text + "\n";
    for (const auto& p : protopub::testing::word_paragraphs(docx, protopub::testing::View::reject_all))
        rejected += p.text + "\n";
    CHECK(accepted.find("Whole Council") == std::string::npos);
    CHECK(accepted.find("Officers are required at all times") == std::string::npos);
    CHECK(rejected.find("4.\tOfficers and Whole Council\n4.1\tOfficers are required at all times") !=
          std::string::npos);
    CHECK(accepted.find("4.\tOfficers and the Cabinet\n") != std::string::npos);
    CHECK(rejected.find("5.\tOfficers and the Cabinet/Portfolio Holders\n") != std::string::npos);
}

TEST_CASE("diff: usage, input and I/O errors write nothing", "[redline][cli]") {
    testing::TempDir dir;
    const std::string out = dir.file("out");
    CHECK(testing::run_cli({"diff", kFixture, kFixture}).exit_code == 2);
    CHECK(testing::run_cli({"diff", kFixture, "-o", out}).exit_code == 2);
    CHECK(testing::run_cli({"diff", kFixture, kFixture, "-o", out, "--format", "rtf"}).exit_code == 2);
    const auto date = testing::run_cli({"diff", kFixture, kFixture, "-o", out, "--date", "4/4/2023"});
    CHECK(date.exit_code == 2);
    CHECK(date.err == "protopub diff: error: --date must be a date written YYYY-MM-DD, not '4/4/2023'\n");
    CHECK(testing::run_cli({"diff", dir.file("missing.md"), kFixture, "-o", out}).exit_code == 2);

    testing::write(dir.file("bad.md"), testing::source_with_body("## 1. A\n\n1.1 One.\n\n1.3 Three.\n"));
    const auto bad = testing::run_cli({"diff", kFixture, dir.file("bad.md"), "-o", out});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("clause 1.3 follows 1.1") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("LibreOffice converts the Word redline to PDF, changes and all", "[redline][cli][libreoffice]") {
    testing::TempDir dir;
    testing::write(dir.file("new.md"), reworded(testing::read(kFixture)));
    REQUIRE(
        testing::run_cli({"diff", kFixture, dir.file("new.md"), "-o", dir.file("out"), "--format", "docx"}).exit_code ==
        0);
    const std::string convert = "cd '" + dir.file("out") + "' && soffice -env:UserInstallation=file://" + dir.path() +
                                "/profile --headless --convert-to pdf redline.docx >/dev/null 2>&1 && "
                                "pdftotext redline.pdf redline.txt";
    REQUIRE(std::system(convert.c_str()) == 0);
    const std::string text = testing::read(dir.file("out/redline.txt"));
    // Word shows the deleted word struck through, so both versions' words are printed.
    CHECK(text.find("Briefings shall remain strictly confidential") != std::string::npos);
    CHECK(text.find("Protocol on Member/Officer Relations") != std::string::npos);
}
