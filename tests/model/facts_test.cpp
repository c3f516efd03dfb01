// The facts every renderer states (model/facts.hpp), and the Word and PDF title pages
// stating the same ones.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "docx/docx.hpp"
#include "docx/word_reader.hpp"
#include "model/facts.hpp"
#include "pdf/pdf.hpp"
#include "pdf/pdf_tools.hpp"
#include "pdf/tagged_pdf.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

TEST_CASE("facts: a date in words, the status in words", "[model][facts]") {
    CHECK(model::date_in_words("2024-05-01") == "1 May 2024");
    CHECK(model::date_in_words("1999-12-31") == "31 December 1999");
    for (const char* not_a_date : {"", "2024", "2024-13-01", "2024-00-10", "2024-5-1", "24-05-2024", "2024-05-0x"})
        CHECK(model::date_in_words(not_a_date) == not_a_date);
    CHECK(model::status_in_words(model::Status::draft) == "Draft");
    CHECK(model::status_in_words(model::Status::superseded) == "Superseded");
}

TEST_CASE("facts: a date in words read back, for every day of a year", "[model][facts]") {
    for (int month = 1; month <= 12; ++month)
        for (int day = 1; day <= 28; ++day) {
            char iso[11];
            std::snprintf(iso, sizeof iso, "2024-%02d-%02d", month, day);
            INFO(iso);
            CHECK(model::date_from_words(model::date_in_words(iso)) == iso);
        }
    CHECK(model::date_from_words("1 MAY 2024") == "2024-05-01");
    CHECK(model::date_from_words("2024-05-01") == "2024-05-01");
    CHECK(model::date_from_words("For decision") == "");
    CHECK(model::date_from_words("1 Mayday 2024") == "");
    CHECK(model::date_from_words("32 May 2024") == "");
    CHECK(model::date_from_words("April 2024") == "");
}

TEST_CASE("facts: the title page's facts, in order, leaving out what the front matter leaves out", "[model][facts]") {
    model::Metadata m;
    m.version = "2024";
    m.status = model::Status::adopted;
    m.adopted = "2024-05-01";
    m.adopted_by = "Full Council";
    m.minute = "C24/12";
    m.supersedes = "2019";
    m.constitution = model::ConstitutionPlace{"5", "24"};
    const std::vector<model::TitleFact> all = {{"Version", "2024"},
                                               {"Status", "Adopted"},
                                               {"Adopted", "1 May 2024"},
                                               {"Adopted by", "Full Council"},
                                               {"Minute", "C24/12"},
                                               {"Supersedes", "2019"},
                                               {"Constitution", "Part 5, Section 24"}};
    CHECK(model::title_facts(m) == all);
    model::Metadata draft;
    draft.version = "0.3";
    CHECK(model::title_facts(draft) == std::vector<model::TitleFact>{{"Version", "0.3"}, {"Status", "Draft"}});
    // a place the front matter gives only in part is named only in part (an import's "PART 5(C)")
    draft.constitution = model::ConstitutionPlace{"5(C)", ""};
    CHECK(model::title_facts(draft).back() == model::TitleFact{"Constitution", "Part 5(C)"});
    draft.constitution = model::ConstitutionPlace{"", "24"};
    CHECK(model::title_facts(draft).back() == model::TitleFact{"Constitution", "Section 24"});
}

TEST_CASE("facts: where a reference links", "[model][facts]") {
    model::Reference r;
    CHECK(model::link_target(r).kind == model::LinkTarget::Kind::none);
    r.url = "https://www.legislation.gov.uk/ukpga/1989/42/section/5";
    CHECK(model::link_target(r).kind == model::LinkTarget::Kind::web);
    r.targets = {{"9.9", "", {}, false}, {"3.2", "complaints", {}, false}};
    const auto to = model::link_target(r);
    CHECK(to.kind == model::LinkTarget::Kind::clause);
    CHECK(to.target == "complaints");  // the first target that resolved, over the address
}

TEST_CASE("facts: a section's number and what it is called", "[model][facts]") {
    model::Diagnostics diags;
    auto p = source::read_protocol(::testing::source_with_body("## 3. Gone {#three}\n\n3.1 Words.\n\n"
                                                               "## {#untitled}\n\n4.1 More words.\n\n"
                                                               "## Interpretation {#interpretation}\n\nIntro.\n"),
                                   "names.md", diags);
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(p.sections.size() == 3);
    REQUIRE(p.sections[0].number.text == "3.");
    CHECK(model::section_name(p.sections[0]) == "Gone");
    // numbered but untitled (an assembled document's Section, a redline's emptied heading):
    // named by its number as every reader says it, not as written ("3.")
    p.sections[0].heading.clear();
    CHECK(model::section_number(p.sections[0]) == std::vector<int>{3});
    CHECK(model::section_name(p.sections[0]) == "Section 3");
    // an untitled section stands for its clauses' number, but is not named by it
    CHECK(model::section_number(p.sections[1]) == std::vector<int>{4});
    CHECK(model::section_name(p.sections[1]).empty());
    CHECK(model::section_number(p.sections[2]).empty());
    CHECK(model::section_name(p.sections[2]) == "Interpretation");

    model::Section preamble;
    preamble.kind = model::SectionKind::preamble;
    preamble.number.parts = {1};
    CHECK(model::section_number(preamble).empty());
    CHECK(model::section_name(preamble) == "Covering report");

    // A redline's heading reads as accepted; a deleted section's as it was.
    model::Section amended;
    amended.heading = {{model::InlineKind::text, "Roles "},
                       {model::InlineKind::deleted, "", "", {{model::InlineKind::text, "of members"}}},
                       {model::InlineKind::inserted, "", "", {{model::InlineKind::text, "of councillors"}}}};
    CHECK(model::section_name(amended) == "Roles of councillors");
    amended.change.kind = model::ChangeKind::deleted;
    CHECK(model::section_name(amended) == "Roles of membersof councillors");
}

TEST_CASE("facts: the PDF's bookmarks name an untitled numbered section as the model does", "[model][facts][pdf]") {
    model::Diagnostics diags;
    auto p = source::read_protocol(::testing::source_with_body("## 1. Introduction {#intro}\n\n1.1 Words.\n\n"
                                                               "## 2. Gone {#two}\n\n2.1 More words.\n"),
                                   "outline.md", diags);
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(p.sections.size() == 2);
    p.sections[1].heading.clear();  // numbered "2." but untitled
    ::testing::TempDir dir;
    ::testing::write(dir.file("t.pdf"), pdf::render_pdf(p, pdf::PdfOptions{}, diags));
    REQUIRE_FALSE(diags.has_errors());
    std::vector<std::string> titles;
    for (const auto& b : tagged_pdf::bookmarks(dir.file("t.pdf"))) titles.push_back(b.title);
    CHECK(std::find(titles.begin(), titles.end(), "1. Introduction") != titles.end());
    std::string all;
    for (const auto& t : titles) all += t + "\n";
    INFO(all);
    CHECK(std::find(titles.begin(), titles.end(), "Section 2") != titles.end());
}

TEST_CASE("facts: the Word and PDF title pages state the same facts", "[model][facts][docx][pdf]") {
    model::Diagnostics diags;
    auto p = source::load_protocol(test_env::source_dir() + "/tests/data/sample.md", diags);
    REQUIRE(p);
    p->meta.minute = "C24/12";
    p->meta.supersedes = "2019";
    const auto facts = model::title_facts(p->meta);
    REQUIRE(facts.size() == 7);

    docx::DocxOptions word;
    const auto paragraphs =
        protopub::testing::word_paragraphs(docx::render_docx(*p, word, diags), protopub::testing::View::as_written);
    REQUIRE_FALSE(diags.has_errors());
    // Word: one paragraph per fact, "Label: value", right after the title and council.
    REQUIRE(paragraphs.size() > facts.size() + 2);
    CHECK(paragraphs[0].text == p->meta.title);
    CHECK(paragraphs[1].text == p->meta.council);
    for (std::size_t i = 0; i < facts.size(); ++i)
        CHECK(paragraphs[i + 2].text == facts[i].label + ": " + facts[i].value);

    // PDF: the same facts, in the same order, each label beside its value on page 1.
    ::testing::TempDir dir;
    pdf::PdfOptions options;
    ::testing::write(dir.file("t.pdf"), pdf::render_pdf(*p, options, diags));
    REQUIRE_FALSE(diags.has_errors());
    const std::string page = pdf_tools::run("pdftotext -layout -f 1 -l 1 '" + dir.file("t.pdf") + "' -");
    std::size_t at = 0;
    for (const auto& f : facts) {
        INFO(f.label << " " << f.value);
        const auto label = page.find(f.label, at);
        REQUIRE(label != std::string::npos);
        const auto line_end = page.find('\n', label);
        CHECK(page.substr(label, line_end - label).find(f.value) != std::string::npos);
        at = line_end;
    }
}
