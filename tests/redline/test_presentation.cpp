// Failure 9 of issue 15, the presentation of a redline: a deleted clause's number is struck
// (and is no second permanent link to the number NEW gives another clause), a consequential
// row names the references that changed, and "Show only changed paragraphs" folds away
// clauses that were only renumbered, which carry no change bar (judged by Chromium); both
// ends of a split or a merge have a margin note, as a move's ends have.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>

#include "docx/word_reader.hpp"
#include "pdf/pdf_tools.hpp"
#include "support.hpp"

namespace {

const std::string front = "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n";

// 1.1 deleted; 1.2 only renumbered; 1.3 renumbered, and its reference to itself with it;
// 1.4 reworded and renumbered.
struct Pair {
    testing::TempDir dir;
    std::string out = dir.file("out");
    Pair() {
        testing::write(dir.file("old.md"), front +
                                               "## 1. Roles\n\n1.1 Councillors and officers serve the public.\n\n"
                                               "1.2 Officers give advice to all councillors equally.\n\n"
                                               "1.3 Officers answer within five days, as paragraph 1.3 says.\n\n"
                                               "1.4 Officers keep councillors informed.\n");
        testing::write(dir.file("new.md"), front +
                                               "## 1. Roles\n\n1.1 Officers give advice to all councillors equally.\n\n"
                                               "1.2 Officers answer within five days, as paragraph 1.2 says.\n\n"
                                               "1.3 Officers keep ward councillors informed.\n");
        const auto run =
            testing::run_cli({"diff", dir.file("old.md"), dir.file("new.md"), "-o", out, "--format", "html,csv"});
        REQUIRE(run.exit_code == 0);
    }
};

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("failure 9: a deleted clause's number is struck in the HTML and links nowhere", "[redline][failures][html]") {
    Pair pair;
    const std::string html = testing::read(pair.out + "/redline.html");
    CHECK(html.find("<div class=\"clause depth-2 change-deleted\" id=\"councillors-and-officers-serve-the\" "
                    "data-change=\"deleted\">"
                    "<span class=\"clause-number\"><del class=\"old-number\"><span class=\"sr-only\">deleted number "
                    "</span>1.1</del>"
                    "</span>") != std::string::npos);
    // one permanent link "p-1.1": the clause NEW numbers 1.1
    CHECK(count(html, "id=\"p-1.1\"") == 1);
}

TEST_CASE("failure 9: a consequential row says which reference changed", "[redline][failures]") {
    Pair pair;
    const std::string csv = testing::read(pair.out + "/schedule.csv");
    CHECK(csv.find("1.3,1.2,renumbered,Renumbered from 1.3; wording unchanged; reference updated (consequential): 1.3 "
                   "to 1.2") != std::string::npos);
}

TEST_CASE("failure 9: 'Show only changed paragraphs' folds away renumber-only clauses, which have no change bar",
          "[redline][failures][html][chromium]") {
    Pair pair;
    // The page reports each clause's display and change bar, before and after the box is ticked.
    std::string html = testing::read(pair.out + "/redline.html");
    const std::string probe =
        "<script>const look = () => [...document.querySelectorAll('.clause')].map(c => c.id + '=' + "
        "getComputedStyle(c).display + '/' + (getComputedStyle(c).boxShadow === 'none' ? 'no-bar' : 'bar')).join(' ');"
        "const before = look(); document.getElementById('_only-changed').checked = true;"
        "document.body.setAttribute('data-before', before); document.body.setAttribute('data-after', look());</script>";
    html.replace(html.rfind("</body>"), 7, probe + "</body>");
    testing::write(pair.out + "/probe.html", html);
    const std::string dom = pair.dir.file("dom.html");
    const std::string command = "chromium --headless --no-sandbox --disable-gpu --dump-dom 'file://" + pair.out +
                                "/probe.html' > '" + dom + "' 2>/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    const std::string result = testing::read(dom);
    std::smatch before, after;
    REQUIRE(std::regex_search(result, before, std::regex("data-before=\"([^\"]*)\"")));
    REQUIRE(std::regex_search(result, after, std::regex("data-after=\"([^\"]*)\"")));
    CHECK(before[1].str() ==
          "councillors-and-officers-serve-the=grid/bar officers-give-advice-to-all=grid/no-bar "
          "officers-answer-within-five-days=grid/bar officers-keep-ward-councillors-informed=grid/bar");
    CHECK(after[1].str() ==
          "councillors-and-officers-serve-the=grid/bar officers-give-advice-to-all=none/no-bar "
          "officers-answer-within-five-days=grid/bar officers-keep-ward-councillors-informed=grid/bar");
}

TEST_CASE("failure 9: both ends of a split and of a merge have a margin note linking to the other",
          "[redline][failures][html]") {
    testing::TempDir dir;
    testing::write(dir.file("old.md"),
                   front +
                       "## 1. Roles\n\n1.1 Councillors set the policy of the council and decide its budget. "
                       "Officers carry out the policy and advise councillors on every decision.\n\n"
                       "1.2 Officers answer enquiries from councillors within five working days.\n\n"
                       "1.3 A holding reply is sent when a full answer takes longer than that.\n");
    testing::write(dir.file("new.md"),
                   front +
                       "## 1. Roles\n\n1.1 Councillors set the policy of the council and decide its budget.\n\n"
                       "1.2 Officers carry out the policy and advise councillors on every decision.\n\n"
                       "1.3 Officers answer enquiries from councillors within five working days. "
                       "A holding reply is sent when a full answer takes longer than that.\n");
    const auto run =
        testing::run_cli({"diff", dir.file("old.md"), dir.file("new.md"), "-o", dir.file("out"), "--format", "html"});
    REQUIRE(run.exit_code == 0);
    const std::string html = testing::read(dir.file("out/redline.html"));
    CHECK(html.find("<a class=\"move-link\" href=\"#officers-carry-out-the-policy\">split; continues at 1.2</a>") !=
          std::string::npos);
    CHECK(html.find("<a class=\"move-link\" href=\"#councillors-set-the-policy-of\">split from 1.1</a>") !=
          std::string::npos);
    CHECK(html.find("<a class=\"move-link\" href=\"#a-holding-reply-is-sent\">merged with former 1.3</a>") !=
          std::string::npos);
    CHECK(
        html.find("<a class=\"move-link\" href=\"#officers-answer-enquiries-from-councillors\">merged into 1.3</a>") !=
        std::string::npos);
}

TEST_CASE("a redline's covering report is labelled with the protocol's own title, in every format",
          "[redline][presentation]") {
    // The redline's title is "T: changes from version 1 to version 2"; the covering report
    // is not part of T, and T's untitled first section is headed T, as when T is published.
    testing::TempDir dir;
    const auto version = [&](const std::string& v, const std::string& words) {
        return "---\ntitle: Member/Officer Code\ncouncil: C\nversion: \"" + v +
               "\"\nstatus: draft\n---\n\n"
               "## Report to the Standards Committee {#report .preamble}\n\nThe committee is asked to approve the "
               "code.\n\n## {#code}\n\n1.1 Officers " +
               words + " councillors.\n\n1.2 Councillors respect officers.\n";
    };
    testing::write(dir.file("old.md"), version("1", "advise"));
    testing::write(dir.file("new.md"), version("2", "advise all"));
    const std::string out = dir.file("out");
    const auto run =
        testing::run_cli({"diff", dir.file("old.md"), dir.file("new.md"), "-o", out, "--format", "html,pdf,docx"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const std::string label = "not part of the Member/Officer Code";
    const std::string html = testing::read(out + "/redline.html");
    const std::string pdf = pdf_tools::run("pdftotext -raw '" + out + "/redline.pdf' -");
    const std::string word = protopub::testing::unpack_docx(testing::read(out + "/redline.docx"))["word/document.xml"];
    for (const std::string* text : {&html, &pdf, &word}) {
        CHECK(text->find(label) != std::string::npos);
        CHECK(text->find("not part of the Member/Officer Code: changes") == std::string::npos);
    }
    CHECK(pdf.find("Member/Officer Code\n1.1") != std::string::npos);
}

// Issue 15, item 9: front-matter changes are on the redline's title page, in every format;
// in Word as tracked changes, so Reject All gives back OLD's title page and Accept All NEW's.
TEST_CASE("front-matter changes are marked on the redline's title page, in every format", "[redline][presentation]") {
    testing::TempDir dir;
    const std::string body = "\n## 1. Roles {#roles}\n\n1.1 {#r1} Councillors and officers serve the public.\n";
    testing::write(dir.file("old.md"),
                   "---\ntitle: Protocol on Member Officer Relations\ncouncil: Old District "
                   "Council\nversion: \"1\"\nstatus: draft\nsupersedes: \"0\"\n---\n" +
                       body);
    testing::write(dir.file("new.md"),
                   "---\ntitle: Protocol on Councillor and Officer Relations\ncouncil: New "
                   "Unitary Council\nversion: \"2\"\nstatus: adopted\nadopted: 2024-04-04\n---\n" +
                       body);
    const std::string out = dir.file("out");
    auto run =
        testing::run_cli({"diff", dir.file("old.md"), dir.file("new.md"), "-o", out, "--format", "html,pdf,docx"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    for (const char* version : {"old", "new"}) {
        run = testing::run_cli(
            {"build", dir.file(std::string(version) + ".md"), "-o", dir.file(version), "--format", "docx"});
        REQUIRE(run.exit_code == 0);
    }

    // HTML: each changed value struck and inserted, a fact only one version states marked whole.
    const std::string html = std::regex_replace(testing::read(out + "/redline.html"),
                                                std::regex("<span class=\"sr-only\">[^<]*</span>"), "");
    CHECK(html.find("<del>Protocol on Member Officer Relations</del><ins>Protocol on Councillor and Officer "
                    "Relations</ins>: changes from version 1 to version 2</h1>") != std::string::npos);
    CHECK(html.find("<del>Old District Council</del><ins>New Unitary Council</ins>") != std::string::npos);
    CHECK(html.find("<dt>Version</dt><dd><del>1</del><ins>2</ins></dd>") != std::string::npos);
    CHECK(html.find("<dt>Status</dt><dd><del>Draft</del><ins>Adopted</ins></dd>") != std::string::npos);
    CHECK(html.find("<div class=\"change-inserted\"><dt>Adopted</dt><dd><ins>4 April 2024</ins></dd>") !=
          std::string::npos);
    CHECK(html.find("<div class=\"change-deleted\"><dt>Supersedes</dt><dd><del>0</del></dd>") != std::string::npos);

    // PDF: both versions' values on the title page.
    const std::string pdf = pdf_tools::run("pdftotext -raw -l 1 '" + out + "/redline.pdf' -");
    for (const char* words : {"Old District Council", "New Unitary Council", "Draft", "Adopted", "4 April 2024",
                              "Supersedes", "Member Officer", "Councillor and Officer"}) {
        INFO(words);
        CHECK(pdf.find(words) != std::string::npos);
    }

    // Word: Reject All gives OLD's title page (council and facts; the title is the redline's
    // label with OLD's title in it), Accept All NEW's, paragraph for paragraph, up to the
    // contents that follow.
    using protopub::testing::View;
    const std::string redline = testing::read(out + "/redline.docx");
    const auto check_title_page = [&](View view, const char* version, const std::string& title) {
        const auto got = protopub::testing::word_paragraphs(redline, view);
        const auto want = protopub::testing::word_paragraphs(testing::read(dir.file(version) + "/" + version + ".docx"),
                                                             View::as_written);
        REQUIRE(got.size() > 6);
        REQUIRE(want.size() > 6);
        CHECK(got[0].text == title + ": changes from version 1 to version 2");
        for (std::size_t i = 1; i <= 5; ++i) {
            INFO(version << " paragraph " << i);
            CHECK(got[i].text == want[i].text);
        }
    };
    check_title_page(View::reject_all, "old", "Protocol on Member Officer Relations");
    check_title_page(View::accept_all, "new", "Protocol on Councillor and Officer Relations");
}

// Issue 15: both ends of a moved section link to each other after their headings, as a
// moved clause's ends do; the old place's number is struck, the new place's inserted.
TEST_CASE("both ends of a moved section link to each other in the HTML", "[redline][presentation]") {
    testing::TempDir dir;
    const std::string roles = "## 1. Roles {#roles}\n\n1.1 {#r1} Councillors and officers serve the public.\n\n";
    const std::string media = "Media {#media}\n\nN.1 {#m1} Press releases go through the press office.\n\n";
    const std::string meetings =
        "Meetings {#meet}\n\nN.1 {#t1} Meetings are held in public.\n\nN.2 {#t2} Agendas are "
        "published five clear days before.\n\n";
    const auto numbered = [](std::string text, int n) {
        for (auto at = text.find("N."); at != std::string::npos; at = text.find("N."))
            text.replace(at, 1, std::to_string(n));
        return "## " + std::to_string(n) + ". " + text;
    };
    testing::write(dir.file("old.md"), front + roles + numbered(media, 2) + numbered(meetings, 3));
    testing::write(dir.file("new.md"), front + roles + numbered(meetings, 2) + numbered(media, 3));
    const std::string out = dir.file("out");
    const auto run = testing::run_cli({"diff", dir.file("old.md"), dir.file("new.md"), "-o", out, "--format", "html"});
    REQUIRE(run.exit_code == 0);
    const std::string html = std::regex_replace(testing::read(out + "/redline.html"),
                                                std::regex("<span class=\"sr-only\">[^<]*</span>"), "");
    CHECK(html.find("<section class=\"section change-moved moved-from\" id=\"section-move-1-from\" "
                    "data-change=\"moved\"><h2><span class=\"section-number\"><del>2.</del></span> <del>Media</del> "
                    "<a class=\"move-link\" href=\"#media\">moved to section 3</a></h2>") != std::string::npos);
    CHECK(html.find("<section class=\"section change-moved\" id=\"media\" data-change=\"moved\"><h2><span "
                    "class=\"section-number\"><ins>3.</ins></span> <ins>Media</ins> <a class=\"move-link\" "
                    "href=\"#section-move-1-from\">moved from section 2</a></h2>") != std::string::npos);
}
