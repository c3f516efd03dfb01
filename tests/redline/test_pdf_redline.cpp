// The redline through the PDF writer: a change bar beside every line of a split or a
// merged clause (both ends), and beside a deleted section's struck heading.
#include <catch2/catch.hpp>

#include "pdf/pdf.hpp"
#include "pdf/pdf_tools.hpp"
#include "redline/redline.hpp"
#include "redline/versions.hpp"
#include "support.hpp"

using namespace protopub;
using namespace redline_test;

namespace {

const char* front = "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n";

// Long clauses so that a bar beside every line is told apart from one beside the
// changed lines only. Splitting 1.2 and merging 2.1 with 2.2 renumbers nothing else.
const char* old_body = R"(## 1. One {#one}

1.1 {#a} Members and officers work together every day, and this protocol sets out how they should do so with courtesy.

1.2 {#b} Officers give advice to every member of the Council impartially and in confidence, whatever the member's political group, and record that advice where a decision follows from it. Members accept that advice is given impartially and do not ask an officer to change it.

## 2. Two {#two}

2.1 {#c} Members may ask officers for information that they need for their work as councillors, and officers will give it to them promptly, within the limits the law sets on confidential papers and on personal data held by the Council.

2.2 {#d} Requests should be made to the relevant director.
)";

const char* new_body = R"(## 1. One {#one}

1.1 {#a} Members and officers work together every day, and this protocol sets out how they should do so with courtesy.

1.2 {#b} Officers give advice to every member of the Council impartially and in confidence, whatever the member's political group, and record that advice where a decision follows from it.

1.3 {#e} Members accept that advice is given impartially and do not ask an officer to change it.

## 2. Two {#two}

2.1 {#c} Members may ask officers for information that they need for their work as councillors, and officers will give it to them promptly, within the limits the law sets on confidential papers and on personal data held by the Council. Requests should be made to the relevant director.
)";

// Pixels of the change-bar colour in the left margin of page 2 (the text starts there).
int bar_pixels(const model::Protocol& redline) {
    model::Diagnostics diags;
    const std::string bytes = pdf::render_pdf(redline, {}, diags);
    REQUIRE_FALSE(bytes.empty());
    testing::TempDir dir;
    testing::write(dir.file("redline.pdf"), bytes);
    const auto page = pdf_tools::page_pixels(dir.file("redline.pdf"), 2, 72);
    REQUIRE(page.width > 0);
    return page.count(55, 68, 0xb3, 0x26, 0x1f);
}

// The same redline with every clause that took part in a split or merge drawn as an
// amendment: bars beside its changed lines only.
model::Protocol as_amendments(model::Protocol redline) {
    for (auto& s : redline.sections)
        for (auto& c : s.clauses) c.change.kind = model::ChangeKind::amended;
    return redline;
}

}  // namespace

TEST_CASE("PDF redline: split and merged clauses have a change bar beside every line", "[redline][pdf]") {
    const auto old = parse(std::string(front) + old_body);
    const auto edited = parse(std::string(front) + new_body);
    const auto set = redline::compare_versions(old, edited);
    REQUIRE(set.count(model::ChangeKind::split) == 1);
    REQUIRE(set.count(model::ChangeKind::merged) == 1);
    const auto red = redline::build_redline(set, old, edited);
    const int whole = bar_pixels(red);
    const int changed_lines_only = bar_pixels(as_amendments(red));
    CHECK(changed_lines_only > 0);
    // 1.2 and 2.1 run to several lines each, of which only the last one or two changed.
    CHECK(whole > changed_lines_only + 40);
    CHECK(bar_pixels(parse(std::string(front) + new_body)) == 0);
}

TEST_CASE("PDF redline: a deleted section's heading is printed in its old place, struck, beside a bar",
          "[redline][pdf]") {
    const auto old = load(fixture);
    const auto edited = delete_section(old);
    const auto red = redline::build_redline(redline::compare_versions(old, edited), old, edited);
    model::Diagnostics diags;
    testing::TempDir dir;
    const std::string path = dir.file("redline.pdf");
    testing::write(path, pdf::render_pdf(red, {}, diags));
    for (int page = 1;; ++page) {
        const std::string text = pdf_tools::run("pdftotext -raw -f " + std::to_string(page) + " -l " +
                                                std::to_string(page) + " '" + path + "' -");
        REQUIRE_FALSE(text.empty());
        const auto heading = text.find("\n4. Officers and Whole Council\n");
        if (heading == std::string::npos || text.find("Officers are required at all times") == std::string::npos)
            continue;
        // In its old place: after section 3 and before section 5 (which may be on other
        // pages); the last mention of each is the heading, after the contents.
        const std::string all = pdf_tools::run("pdftotext -raw '" + path + "' -");
        const auto at = all.rfind("\n4. Officers and Whole Council\n");
        const auto five = all.rfind("\n5. Officers and the Cabinet/Portfolio Holders");
        CHECK(all.rfind("\n3. Support Services") < at);
        CHECK(five > at);
        CHECK(five != std::string::npos);
        // Only section 4 and its clause changed: all the red on the page is theirs.
        const auto pixels = pdf_tools::page_pixels(path, page, 72);
        CHECK(pixels.count(55, 68, 0xb3, 0x26, 0x1f) > 40);             // the bar
        CHECK(pixels.count(68, pixels.width, 0xb3, 0x26, 0x1f) > 200);  // struck words
        break;
    }
}
