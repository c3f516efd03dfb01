// The plain-text rules on small inputs, one rule per case.
#include <catch2/catch.hpp>

#include <tuple>

#include <cstdlib>
#include <fstream>

#include "check/check.hpp"
#include "import/import.hpp"
#include "model/text.hpp"
#include "paths.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"

using namespace protopub;

namespace {

struct Imported {
    import::ImportResult result;
    std::string markdown;
    model::Diagnostics diags;
};

Imported import_text(const std::string& text, import::ImportOptions options = {}) {
    Imported out;
    if (options.council.empty()) options.council = "Test District Council";
    out.result = import::import_text(text, "t.txt", options, out.diags);
    REQUIRE(out.result.ok);
    out.markdown = source::write_protocol(out.result.protocol);
    // whatever is imported passes check
    model::Diagnostics check_diags;
    model::Protocol again = source::read_protocol(out.markdown, "t.md", check_diags);
    check::check_structure(again, check_diags);
    INFO(out.markdown);
    CHECK(check_diags.error_count() == 0);
    return out;
}

// Every diagnostic as the CLI prints it ("t.txt:3:1: warning: ..."), a line each.
std::string printed(const model::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += model::format(d) + "\n";
    return out;
}

bool has(const Imported& i, const std::string& what) {
    INFO(i.markdown);
    return i.markdown.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("text import: page numbers, running headers and form feeds are dropped", "[import][text]") {
    std::string text = "1. GENERAL\n\n1.1 Councillors and officers work together for the good of the\n";
    for (int page = 1; page <= 3; ++page) {
        text += "\nAnytown District Council Constitution Part 5\n\nPage " + std::to_string(page) + " of 3\n\f";
        text += "community.\n\n1." + std::to_string(page + 1) + " More words on page " + std::to_string(page) +
                " of the protocol for the good of the\n";
    }
    text += "Council.\n";
    Imported i = import_text(text);
    CHECK(i.result.dropped.size() == 6);
    CHECK_FALSE(has(i, "Page 1 of 3"));
    CHECK_FALSE(has(i, "Constitution Part 5"));
    // the paragraph broken by the page furniture is whole again
    CHECK(has(i,
              "1.1 {#councillors-and-officers-work-together} Councillors and officers work together for the good "
              "of the community.\n"));
}

TEST_CASE("text import: hard wraps, hyphens and paragraphs broken by a blank line", "[import][text]") {
    Imported i = import_text(
        "1. ROLES\n\n"
        "1.1 It is important to have a Councillor-\nofficer protocol which\n\nsets out the relationship.\n\n"
        "1.2 Short title\n\nThe words of the titled clause.\n");
    CHECK(has(i, "a Councillor-officer protocol which sets out the relationship."));
    CHECK(has(i, "### 1.2 Short title {#short-title}\n\nThe words of the titled clause."));
}

TEST_CASE("text import: a line's last word and the next line's capitalised first are two words", "[import][text]") {
    // a word cut at a line end goes on in small letters ("Mem" / "ber"): "Protocol" /
    // "Summary" are two words, however rare each is in the text
    std::string text = "Title of Report: Member/Officer Protocol\nSummary and Recommendations\n\nINTRODUCTION\n\n";
    for (int n = 1; n <= 40; ++n)
        text += "1." + std::to_string(n) + " Councillors and officers work together on item " + std::to_string(n) +
                " of the plan" + std::to_string(n) + " in good faith.\n\n";
    Imported i = import_text(text);
    CHECK(has(i, "Member/Officer Protocol Summary and Recommendations"));
    CHECK(!has(i, "ProtocolSummary"));
}

TEST_CASE("text import: the line under the title that says when it was adopted goes into the front matter",
          "[import][text]") {
    for (const auto& [line, by] : std::vector<std::pair<std::string, std::string>>{
             {"Adopted 2 March 2024", ""},
             {"Adopted on 2 March 2024", ""},
             {"Approved by Council: 2 March 2024", "Council"},
             {"Adopted by Full Council on 2 March 2024", "Full Council"}}) {
        INFO(line);
        Imported i = import_text("Anytown Borough Council\nMember/Officer Protocol\n" + line +
                                 "\n\n1. INTRODUCTION\n\n1.1 This protocol guides members.\n\n1.2 It is "
                                 "reviewed.\n");
        CHECK(i.result.protocol.meta.adopted == "2024-03-02");
        CHECK(i.result.protocol.meta.adopted_by == by);
        CHECK(i.result.protocol.meta.status == model::Status::adopted);  // not a draft with a date of adoption
        CHECK(!has(i, line));
    }
    // not a date: the line stays where it is
    Imported i = import_text(
        "Anytown Borough Council\nMember/Officer Protocol\nAdopted by the Standards Committee\n\n"
        "1. INTRODUCTION\n\n1.1 This protocol guides members.\n");
    CHECK(i.result.protocol.meta.adopted.empty());
    CHECK(i.result.protocol.meta.status == model::Status::draft);
    CHECK(has(i, "Adopted by the Standards Committee"));
}

TEST_CASE("text import: a protocol's label in its Part before the title is its place, not the title's words",
          "[import][text]") {
    for (const auto& [label, part, section] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"PART 5 \xE2\x80\x93 CODES AND PROTOCOLS\n\n5A", "5", "5A"},
             {"Anytown Borough Council\n5(c)", "5(c)", ""}}) {
        INFO(label);
        Imported i = import_text(label +
                                 " PROTOCOL ON MEMBER/OFFICER RELATIONS\n\n1. Introduction\n\n1.1 It "
                                 "guides members.\n\n2. Roles\n\n2.1 Members set policy.\n");
        CHECK(i.result.protocol.meta.title == "PROTOCOL ON MEMBER/OFFICER RELATIONS");
        REQUIRE(i.result.protocol.meta.constitution);
        CHECK(i.result.protocol.meta.constitution->part == part);
        CHECK(i.result.protocol.meta.constitution->section == section);
    }
}

TEST_CASE("text import: a sentence that lost its full stop is no heading", "[import][text]") {
    // unnumbered paragraphs under headings: a long line in sentence case with a verb after
    // its subject, or holding a web address, goes on; "Roles of officers" is a heading
    Imported i = import_text(
        "Member and Officer Protocol\n\nINTRODUCTION\n\nThis protocol guides members and officers.\n\n"
        "ROLES OF OFFICERS\n\nOfficers advise the Council.\n\n"
        "Senior Officers shall agree mutually convenient times for regular contact with Executive\n\n"
        "Members and Group Leaders.\n\n"
        "The LGA has produced useful guidance on the Publicity Code - https://www.local.gov.uk/guide\n\n"
        "PRESS AND MEDIA\n\nOfficers may respond to the press.\n");
    CHECK(has(i, "2.2 {#senior-officers-shall-agree-mutually} Senior Officers shall agree"));
    CHECK(!has(i, "## Senior Officers"));
    CHECK(!has(i, "## The LGA"));
    CHECK(!has(i, "### The LGA"));
    CHECK(has(i, "## PRESS AND MEDIA"));
}

TEST_CASE("text import: a clause number starts a paragraph only where it can", "[import][text]") {
    Imported i = import_text(
        "INTRODUCTION\n\n1.1 Information is in the Standing Orders at Part\n3 of this Constitution and in paragraph\n"
        "1.2 The next clause starts here.\n");
    CHECK(has(i, "at Part 3 of this Constitution and in paragraph\n"));
    CHECK(has(i, "1.2 {#the-next-clause-starts-here} The next clause starts here."));
}

TEST_CASE("text import: sub-items, numerals under letters, and (i) after (h)", "[import][text]") {
    Imported i = import_text(
        "1. ADVICE\n\n1.1 Councillors must have regard to:\n\n(a) the Chief Finance Officer;\n\n"
        "(b) the Monitoring Officer, who may:\n\n(i) advise on the law;\n\n(ii) report to Council;\n\n"
        "(c) the Head of Paid Service.\n\n"
        "1.2 Letters run on:\n\n(g) seven;\n\n(h) eight;\n\n(i) nine.\n");
    CHECK(has(i, "- (a) the Chief Finance Officer;\n"));
    CHECK(
        has(i, "- (b) the Monitoring Officer, who may:\n\n  - (i) advise on the law;\n  - (ii) report to Council;\n"));
    CHECK(has(i, "- (c) the Head of Paid Service."));
    const model::Clause& letters = i.result.protocol.sections[0].clauses[1];
    REQUIRE(letters.blocks.size() == 2);
    CHECK(letters.blocks[1].list_style == model::ListStyle::alpha_paren);
    CHECK(letters.blocks[1].items.size() == 3);
}

TEST_CASE("text import: bullets of every kind", "[import][text]") {
    Imported i = import_text(
        "1. SUPPORT\n\n1.1 Councillors must:\n\xE2\x80\xA2 use resources properly;\n\xEF\x82\xB7 respect officers;\n"
        "- keep records;\n\xC2\xA7\tread papers;\n\xC3\x98\task questions;\no and attend training.\n");
    const model::Clause& c = i.result.protocol.sections[0].clauses[0];
    REQUIRE(c.blocks.size() == 2);
    CHECK(c.blocks[1].list_style == model::ListStyle::bullet);
    CHECK(c.blocks[1].items.size() == 6);
}

TEST_CASE("text import: a quoted passage over several paragraphs is a quote", "[import][text]") {
    Imported i = import_text(
        "1. INTRODUCTION\n\n1.1 The guidance states that:\n\n\"Both are servants of the public.\"\n\n"
        "Mutual respect is at the heart of it.\n\nIt is important to work together.\xE2\x80\x9D\n\n"
        "1.2 This Protocol covers roles.\n");
    CHECK(has(i,
              "> \"Both are servants of the public.\"\n>\n> Mutual respect is at the heart of it.\n>\n"
              "> It is important to work together.\xE2\x80\x9D\n"));
}

TEST_CASE("text import: a web address is a link, a lone one between paragraphs is furniture", "[import][text]") {
    Imported i = import_text(
        "1. LINKS\n\n1.1 Guidance is at <https://www.example.gov.uk/guide> and www.example.gov.uk.\n\n"
        "1.2 The code is published at:\n\nhttps://www.example.gov.uk/code\n\n"
        "https://www.example.gov.uk/footer\n\n1.3 Emphasis as *information* is kept.\n\n"
        "1.4 Write to democratic.services@example.gov.uk.\n");
    CHECK(has(i, "<https://www.example.gov.uk/guide> and [www.example.gov.uk](http://www.example.gov.uk)."));
    CHECK(has(i, "<https://www.example.gov.uk/code>"));
    REQUIRE(i.result.dropped.size() == 1);
    CHECK(i.result.dropped[0].text == "https://www.example.gov.uk/footer");
    CHECK(i.result.dropped[0].reason == "lone web address");
    CHECK(has(i, "Emphasis as *information* is kept."));
    CHECK(has(i, "Write to <democratic.services@example.gov.uk>."));
}

TEST_CASE("text import: a cover report before the protocol is a preamble", "[import][text]") {
    Imported i = import_text(
        "To: Standards Committee\nDate: 10 December 2010\n\nPurpose of report: to approve the code.\n\n"
        "1. The committee reviewed the code in September.\n\n2. Unions were consulted.\n\n"
        "24.1 Status of this code\n\nThis code gives guidance only.\n\n24.2 Roles\n\nOfficers serve the public.\n");
    const auto& sections = i.result.protocol.sections;
    REQUIRE(sections.size() == 2);
    CHECK(sections[0].kind == model::SectionKind::preamble);
    CHECK(sections[1].clauses.size() == 2);
    CHECK(has(i, "## {#preamble .preamble}\n\nTo: Standards Committee\n\nDate: 10 December 2010\n"));
    CHECK(has(i, "1. The committee reviewed the code in September.\n2. Unions were consulted.\n"));
    CHECK(has(i, "## {#section-24}\n\n### 24.1 Status of this code {#status-of-this-code}\n"));
}

TEST_CASE("text import: title, council and one-level numbering", "[import][text]") {
    import::ImportOptions no_council;
    no_council.council = "";
    model::Diagnostics diags;
    import::ImportResult r = import::import_text(
        "Protocol on Member/Officer Relations\n\n1. The Protocol of Anytown Borough Council guides members.\n\n"
        "2. Anytown Borough Council adopted it in 2020.\n\n3. Officers serve the whole council.\n",
        "t.txt", no_council, diags);
    REQUIRE(r.ok);
    CHECK(r.title_from_text);
    CHECK(r.protocol.meta.title == "Protocol on Member/Officer Relations");
    CHECK(r.protocol.meta.council == "Anytown Borough Council");
    REQUIRE(r.protocol.sections.size() == 1);
    const auto& clauses = r.protocol.sections[0].clauses;
    REQUIRE(clauses.size() == 3);
    CHECK(clauses[2].number.parts == std::vector<int>{3});
    CHECK(source::write_protocol(r.protocol).find("3. {#officers-serve-the-whole-council} Officers serve") !=
          std::string::npos);
}

TEST_CASE("text import: cut, shuffled and hostile text never breaks the importer", "[import][text][robust]") {
    // every seed cut at many places, a 20,000-deep label list, one huge line, odd bytes:
    // the import succeeds or says why, and what it writes always reads back cleanly
    std::vector<std::string> inputs = {
        std::string(100000, 'x'),
        std::string(3000, '(') + "1.1 text",
        "1.1\n1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1 deep\n",
        "\xE2\x80\xA2\n\xE2\x80\xA2 \n- \n* \no \n(a)\n(a) \n",
        "\"\n\"\n\xE2\x80\x9C\n\n\xE2\x80\x9D\n",
        "{#id} 1.1 {#x} *a **b* c** [d](e) <f> `g` \\ & &amp; | www. http:// @ @a.b\n",
        "\f\f\f12\f\fPage 3 of 4\f",
    };
    std::string labels;
    for (int i = 0; i < 20000; ++i) labels += "(a) item\n";
    inputs.push_back("1. A\n\n1.1 List:\n" + labels);
    for (const char* seed : {"000_5dfdcb3213a3104a.txt", "001_22bbcc32bc6a6e0f.txt", "004_71cbc2f1760365f7.txt"}) {
        std::ifstream in(test_env::seeds_dir() + "/" + seed, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        REQUIRE(!text.empty());
        for (std::size_t cut = 97; cut < text.size(); cut += text.size() / 23) {
            inputs.push_back(text.substr(cut));
            inputs.push_back(text.substr(0, cut));
        }
    }
    for (const auto& input : inputs) {
        model::Diagnostics diags;
        import::ImportResult r = import::import_text(input, "t.txt", {}, diags);
        if (!r.ok) {
            CHECK(diags.error_count() == 1);
            continue;
        }
        const std::string written = source::write_protocol(r.protocol);
        model::Diagnostics read_diags;
        model::Protocol again = source::read_protocol(written, "t.md", read_diags);
        INFO(input.substr(0, 200));
        for (const auto& d : read_diags.items()) INFO(model::format(d));
        CHECK(read_diags.error_count() == 0);
        CHECK(again.sections.size() == r.protocol.sections.size());
    }
}

TEST_CASE("the next label starts a new sub-item even when the one before ends in 'and'", "[import]") {
    auto i = import_text(
        "1 PRINCIPLES\n\n1.1\tMembers should:\n\t(a)\tavoid personal criticism in public;\n"
        "\t(b)\traise concerns through paragraph 1.2; and\n\t(c)\trespect each other's roles.\n\n"
        "1.2\tConcerns go to the Monitoring Officer. See (a) of the code\n(b) of which is new.\n");
    CHECK(has(i, "- (b) raise concerns through paragraph 1.2; and\n- (c) respect each other's roles."));
    // "(b)" that merely wraps to the start of a line, after no (a) item, stays in its sentence
    CHECK(has(i, "See (a) of the code (b) of which is new."));
}

TEST_CASE("text import: a title page stacked at the top fills the front matter", "[import][text][title]") {
    import::ImportOptions no_council;
    model::Diagnostics diags;
    import::ImportResult r = import::import_text(
        "Anytown Borough Council\nCONSTITUTION \xE2\x80\x93 PART 5\nSection 5.4\nMember/Officer Protocol\n\n"
        "1. INTRODUCTION\n\n1.1 Councillors and officers work together.\n",
        "t.txt", no_council, diags);
    REQUIRE(r.ok);
    CHECK(r.protocol.meta.title == "Member/Officer Protocol");
    CHECK(r.protocol.meta.council == "Anytown Borough Council");
    REQUIRE(r.protocol.meta.constitution);
    CHECK(r.protocol.meta.constitution->part == "5");
    CHECK(r.protocol.meta.constitution->section == "5.4");
    // the council and constitution lines are reported; the title is the title
    REQUIRE(r.dropped.size() == 3);
    CHECK(r.dropped[0].text == "Anytown Borough Council");
    CHECK(r.dropped[2].reason == "title page");
    REQUIRE(r.protocol.sections.size() == 1);
    CHECK(model::plain_text(r.protocol.sections[0].heading) == "INTRODUCTION");
    CHECK(diags.warning_count() == 0);
}

TEST_CASE("text import: a title wrapped over two lines stays one title", "[import][text][title]") {
    Imported i =
        import_text("MEMBER/OFFICER\nPROTOCOL\n\n1. INTRODUCTION\n\n1.1 Councillors and officers work together.\n");
    CHECK(i.result.protocol.meta.title == "MEMBER/OFFICER PROTOCOL");
    CHECK(i.result.dropped.empty());
}

TEST_CASE("text import: '(1)' is a clause number only in a text with no other numbers", "[import][text]") {
    Imported alone = import_text("Purpose\n\n(1) Officers advise.\n\n(2) Councillors decide.\n");
    REQUIRE(alone.result.protocol.sections.size() == 1);
    CHECK(alone.result.protocol.sections[0].clauses.size() == 2);
    CHECK(has(alone, "2. {#councillors-decide} Councillors decide."));

    Imported inside =
        import_text("1. ROLES\n\n1.1 Officers must:\n\n(1) advise;\n\n(2) act.\n\n1.2 Councillors decide.\n");
    CHECK(inside.result.protocol.sections[0].clauses.size() == 2);
    // after a clause's lead-in, "(1)" "(2)" are its sub-items
    CHECK(has(inside, "- (1) advise;\n- (2) act.\n"));
}

TEST_CASE("text import: tab-separated rows are a table, tabbed numbers and labels are not", "[import][text]") {
    Imported i = import_text(
        "1. CONTACTS\n\n1.1\tWrite to:\n\t(a)\tthe Clerk; or\n\t(b)\tthe Chair.\n\n"
        "1.2 The officers are:\n\nName\tRole\nA. Smith\tClerk\nB. Jones\tTreasurer\n\n1.3 After the table.\n");
    CHECK(has(i, "- (a) the Clerk; or\n- (b) the Chair."));
    CHECK(has(i, "| Name | Role |\n|---|---|\n| A. Smith | Clerk |\n| B. Jones | Treasurer |\n"));
    CHECK(i.result.protocol.sections[0].clauses.size() == 3);
}

TEST_CASE("text import: a word hyphenated at a line end is one word, a compound keeps its hyphen", "[import][text]") {
    // long enough to know its own words (the rule needs a vocabulary to judge by): the
    // compounds' halves are words of the text, the fragments of a broken word are not
    std::string text =
        "1. GENERAL\n\n1.1 Officers give impartial and profes-\nsional advice on every decision-\nmaking "
        "matter, and each Councillor-\nofficer relationship is con-\nducted with care by co-\nopted "
        "members.\n\n"
        "1.2 A decision is for the Councillor; making it is not for the officer.\n\n1.3";
    for (char a = 'a'; a <= 'z'; ++a)
        for (char b = 'a'; b <= 'h'; ++b) text += std::string(" q") + a + b;
    text += ".\n";
    Imported i = import_text(text);
    CHECK(has(i,
              "impartial and professional advice on every decision-making matter, and each Councillor-officer "
              "relationship is conducted with care by co-opted members."));
}

TEST_CASE("text import: a lettered section 'A. Introduction' is a heading, '(a) Words' a sub-item", "[import][text]") {
    Imported i = import_text(
        "A. Introduction\n\n1.1 Officers advise:\n\n(a) Councillors\n\n(b) Officers\n\n"
        "B. Roles\n\n2.1 Councillors decide.\n");
    REQUIRE(i.result.protocol.sections.size() == 2);
    CHECK(model::plain_text(i.result.protocol.sections[1].heading) == "B. Roles");
    CHECK(i.result.protocol.sections[0].clauses[0].blocks.at(1).items.size() == 2);
}

TEST_CASE("text import: a committee report's cover under the council's name is not a title", "[import][text][title]") {
    import::ImportOptions options;
    options.title = "";
    model::Diagnostics diags;
    import::ImportResult r = import::import_text(
        "Anytown Borough Council\nStandards Committee\n10 March 2024\n\nThe committee is asked to approve the "
        "revised protocol below.\n\n1. INTRODUCTION\n\n1.1 Councillors and officers work together.\n",
        "t.txt", options, diags);
    REQUIRE(r.ok);
    CHECK(r.protocol.meta.council == "Anytown Borough Council");
    CHECK(r.protocol.meta.title == "Untitled protocol");
    // the cover stays with the report, before the protocol; "10 March 2024" is a date, not section 10
    REQUIRE(r.protocol.sections.size() == 4);
    CHECK(r.protocol.sections[1].kind == model::SectionKind::preamble);
    CHECK(model::plain_text(r.protocol.sections[1].heading) == "Standards Committee");
    CHECK(r.protocol.sections[2].number.empty());
    CHECK(r.protocol.sections[3].number.text == "1.");
}

TEST_CASE("text import: a two-page document's footers are dropped too", "[import][text]") {
    Imported i = import_text(
        "1. GENERAL\n\n1.1 Councillors and officers work together for the good of the\n\n"
        "Issue 4 \xE2\x80\x93 May 2024\n\nMember/Officer Protocol \xE2\x80\x93 Page 1 of 2\n\f"
        "community.\n\n1.2 Officers advise.\n\nIssue 4 \xE2\x80\x93 May 2024\n\n"
        "Member/Officer Protocol \xE2\x80\x93 Page 2 of 2\n\f");
    REQUIRE(i.result.dropped.size() == 4);
    CHECK_FALSE(has(i, "Issue 4"));
    CHECK_FALSE(has(i, "Page 1"));
    CHECK(has(i, "for the good of the community.\n"));
}

TEST_CASE("text import: a table of contents is dropped, with or without dot leaders", "[import][text]") {
    for (const std::string& contents :
         {std::string("Contents\n\n1. Introduction ............ 2\n2. Roles ................... 2\n\n"),
          std::string("CONTENTS\n\n1 Introduction 2\n\n2 Roles 3\n\n")}) {
        Imported i = import_text("Member/Officer Protocol\n\n" + contents +
                                 "1. INTRODUCTION\n\n1.1 Councillors and officers work together.\n\n2. ROLES\n\n"
                                 "2.1 Officers advise.\n");
        CHECK(i.result.protocol.meta.title == "Member/Officer Protocol");
        REQUIRE(i.result.protocol.sections.size() == 2);
        CHECK(i.result.protocol.sections[0].clauses.size() == 1);
        REQUIRE(i.result.dropped.size() == 3);
        CHECK(i.result.dropped[0].reason == "table of contents");
    }
}

TEST_CASE("text import: numbering that starts again under each heading is pointed out", "[import][text]") {
    model::Diagnostics diags;
    import::ImportResult r = import::import_text(
        "Member/Officer Protocol\n\nPurpose\n\n1. Councillors and officers work together.\n\n2. Both serve the "
        "public.\n\n"
        "Principles\n\n1. Officers advise.\n\n2. Councillors decide.\n",
        "t.txt", {}, diags);
    REQUIRE(r.ok);
    bool pointed_out = false;
    for (const auto& d : diags.items())
        pointed_out = pointed_out || (d.pos.line == 11 && d.message.find("the numbering starts again at 1.") == 0);
    CHECK(pointed_out);
}

TEST_CASE("text import: numbers running on under a sub-heading of a section that started again are not a restart",
          "[import][text]") {
    Imported i = import_text(
        "Member Officer Protocol\n\nINTRODUCTION\n\n1. This protocol sets out how members and officers work.\n\n"
        "2. It applies to every member.\n\nScope\n\n3. It covers meetings and correspondence.\n\n"
        "ROLES\n\n1. Members are elected to represent their wards.\n\n2. Officers advise members.\n");
    REQUIRE(i.result.ok);
    // "Scope" is a sub-heading of section 1, its 3. is 1.3 (not "section 2", not "2.3")
    std::vector<std::string> numbers;
    for (const auto& s : i.result.protocol.sections)
        for (const auto& c : s.clauses) numbers.push_back(c.number.text);
    CHECK(numbers == std::vector<std::string>{"1.1", "1.2", "1.3", "2.1", "2.2"});
    for (const auto& d : i.diags.items()) CHECK(d.message.find("starts again at 3.") == std::string::npos);
}

TEST_CASE(
    "text import: a covering report's points 1. 2. before a protocol numbered through its headings are "
    "its preamble",
    "[import][text]") {
    Imported i = import_text(
        "Member Officer Protocol\n\nSummary\n\n1. The committee reviewed the code in September.\n\n"
        "2. The unions gave their views on the code.\n\nIntroduction\n\n1. This protocol sets out how members "
        "and officers work.\n\nPurpose\n\n2. It applies to every member.\n\nRoles\n\n3. Members are "
        "elected.\n\nAdvice\n\n4. Officers advise members.\n");
    REQUIRE(i.result.ok);
    const auto& sections = i.result.protocol.sections;
    REQUIRE(sections.size() == 5);
    CHECK(sections[0].kind == model::SectionKind::preamble);
    CHECK(sections[0].clauses.empty());
    std::vector<std::string> numbers;
    for (const auto& s : sections)
        for (const auto& c : s.clauses) numbers.push_back(c.number.text);
    CHECK(numbers == std::vector<std::string>{"1.", "2.", "3.", "4."});
    bool said = false;
    for (const auto& d : i.diags.items())
        said |= d.pos.line == 9 && d.message.find("the protocol is taken to start there") != std::string::npos;
    CHECK(said);
}

TEST_CASE(
    "text import: a covering report's points 1. 2. above numbered headings over prose leave the protocol to "
    "be numbered",
    "[import][text]") {
    Imported i = import_text(
        "Code of Practice for Member/Officer Relations\n\nTo: Standards Committee\n\nSummary and "
        "Recommendations\n\n1. The Standards Committee reviewed the Code.\n\n2. The Committee asked for the views "
        "of the unions.\n\nBackground papers: None identified\n\n1. Status of this code\n\nThis code gives "
        "guidance only.\n\n2. Roles of councillors and officers\n\nOfficers and councillors both serve the "
        "public.\n\nThey have different roles.\n\n3. Politeness and respect\n\nCouncillors and officers show "
        "each other respect.\n");
    REQUIRE(i.result.ok);  // it was refused: "no numbered paragraphs and no headings"
    std::vector<std::string> numbers;
    for (const auto& s : i.result.protocol.sections)
        for (const auto& c : s.clauses) numbers.push_back(c.number.text);
    CHECK(numbers == std::vector<std::string>{"1.1", "2.1", "2.2", "3.1"});
    CHECK(i.result.protocol.sections.front().kind == model::SectionKind::preamble);
}

TEST_CASE("text import: 'Section 1 - Introduction' at the top is the first section, not a title page",
          "[import][text][title]") {
    Imported i = import_text(
        "Section 1 \xE2\x80\x93 Introduction\n\n1.1 Councillors and officers work together.\n\n"
        "Section 2 \xE2\x80\x93 Roles\n\n2.1 Officers advise.\n");
    CHECK_FALSE(i.result.protocol.meta.constitution);
    CHECK(i.result.dropped.empty());
    REQUIRE(i.result.protocol.sections.size() == 2);
    CHECK(model::plain_text(i.result.protocol.sections[0].heading) == "Section 1 \xE2\x80\x93 Introduction");
}

TEST_CASE("text import: 'Ā' for a no-break space is read as a space, unless the text writes macrons",
          "[import][text]") {
    const std::string body =
        "1. INTRODUCTION\n\n1.1 The mainĀ Constitution sets out theĀroles of Members.\n\n"
        "1.2 Officers serve the whole Council.\n";
    Imported broken = import_text(body);
    CHECK(has(broken, "The main Constitution sets out the roles of Members."));
    CHECK(broken.diags.warning_count() >= 1);
    bool said = false;
    for (const auto& d : broken.diags.items()) said |= d.message.find("no-break space") != std::string::npos;
    CHECK(said);
    // a text with letters under macrons ("Māori") writes "Ā" as a letter: left alone
    Imported maori = import_text(body + "\n1.3 Ā te Māori, the partnership.\n");
    CHECK(has(maori, "theĀroles"));
}

TEST_CASE("text import: runs of spaces, tabs and Unicode spaces read as one space wherever they fall in a line",
          "[import][text]") {
    // Each separator at every offset of a line (the reader copies plain stretches eight bytes
    // at a time), so the runs fall inside, at the end of and across those stretches.
    const std::vector<std::string> separators = {"  ",         "   ",          " \t ",         "\xC2\xA0",
                                                 " \xC2\xA0 ", "\xE2\x80\x83", "\xE3\x80\x80", "\xE2\x80\xAF "};
    const std::string words = "Officers give advice and members decide in every case so";
    for (const std::string& separator : separators)
        for (std::size_t at = 1; at < 24; ++at) {
            std::string line = words;
            const std::size_t space = line.find(' ', at);
            if (space == std::string::npos) continue;
            line.replace(space, 1, separator);
            const std::string text = "1. ROLES\n\n1.1 " + line + ".\n\n1.2 Officers serve the Council.\n";
            INFO("separator bytes " << separator.size() << " at " << space);
            const Imported i = import_text(text);
            CHECK(has(i, words + "."));
        }
}

TEST_CASE("text import: Word's Windows-1252 and UTF-16 plain text are read as what they are, with a warning",
          "[import][text]") {
    // UTF-8 text, and the same saved by Word as "Windows (Default)" and as "Unicode"
    const std::string utf8 =
        "MEMBER/OFFICER PROTOCOL\n\n1. INTRODUCTION\n\n1.1 The Council\xE2\x80\x99s officers serve the Council "
        "\xE2\x80\x93 all of it \xE2\x80\x94 and each caf\xC3\xA9 bill over \xC2\xA3"
        "50 is declared.\n\n"
        "2. ROLES\n\n2.1 Officers give advice \xE2\x80\x9Cwithout fear\xE2\x80\x9D\xE2\x80\xA6 and \xE2\x80\xA2 "
        "notes.\n";
    const std::string windows_1252 =
        "MEMBER/OFFICER PROTOCOL\n\n1. INTRODUCTION\n\n1.1 The Council\x92s officers serve the Council "
        "\x96 all of it \x97 and each caf\xE9 bill over \xA3"
        "50 is declared.\n\n"
        "2. ROLES\n\n2.1 Officers give advice \x93without fear\x94\x85 and \x95 notes.\n";
    auto utf16 = [&](bool little) {
        std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
        for (std::size_t i = 0; i < utf8.size();) {  // (the text is in the Basic Multilingual Plane)
            const auto b = static_cast<unsigned char>(utf8[i]);
            const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
            char32_t c = n == 1 ? b : b & (0x3F >> (n - 1));
            for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
            const char high = static_cast<char>(c >> 8), low = static_cast<char>(c & 0xFF);
            out += little ? std::string{low, high} : std::string{high, low};
            i += n;
        }
        return out;
    };
    const Imported want = import_text(utf8);
    CHECK(want.diags.warning_count() == 0);
    for (const auto& [name, bytes, warning] :
         {std::tuple<std::string, std::string, std::string>{"Windows-1252", windows_1252,
                                                            "t.txt:5:16: warning: byte 0x92 is not UTF-8: the text is "
                                                            "read as Windows-1252"},
          {"UTF-16 little-endian", utf16(true), "t.txt:1:1: warning: the file is UTF-16 text"},
          {"UTF-16 big-endian", utf16(false), "t.txt:1:1: warning: the file is UTF-16 text"}}) {
        INFO(name);
        const Imported got = import_text(bytes);
        CHECK(got.markdown == want.markdown);
        CHECK(got.diags.warning_count() == 1);
        INFO(printed(got.diags));
        CHECK(printed(got.diags).find(warning) != std::string::npos);
    }
}

TEST_CASE("text import: Markdown text is read as Markdown: headings, escapes, links, front matter, tables",
          "[import][text][markdown]") {
    const std::string text =
        "---\ntitle: Member/Officer Protocol\nsubtitle: Anyvale District Council\nauthor: Legal Services\n---\n\n"
        "**Version:** 3\n\n"
        "Contents\n\n[1. Introduction](#introduction)\n\n[2. Roles of councillors and\nofficers](#roles)\n\n"
        "# 1. Introduction {#introduction .unnumbered}\n\n"
        "1.1 This protocol is part of the\n[Constitution](https://www.anyvale.gov.uk/constitution) and the\n"
        "Council\\'s \\\"rules\\\" -- as \"amended\" --- apply.\\\nIt goes on.\n\n"
        "# 2. Roles of councillors and officers ##\n\n"
        "2.1 Councillors:\n\n-   set policy;\n\n-   represent their\n    wards.\n\n"
        "> \"Officers serve the Council as a whole.\"\n\n"
        "| Role | Duty |\n|---|:---:|\n| Councillor | set policy |\n| Officer | advise |\n\n"
        "2.2 See paragraph 1.1 and the Code[^1] as amended[^12].\n\n"
        "[^1]: The Members\\' Code of Conduct adopted in\n    July 2021.\n\n[^12]: By the Council.\n";
    const Imported i = import_text(text);
    INFO(i.markdown);
    CHECK(i.result.protocol.meta.title == "Member/Officer Protocol");
    CHECK(i.result.protocol.meta.version == "3");
    // the contents list is dropped, its entries' words with it; the headings are sections
    CHECK(i.result.protocol.sections.size() == 2);
    CHECK(has(i, "## 1. Introduction {#introduction}"));
    CHECK(has(i, "## 2. Roles of councillors and officers {#"));
    CHECK_FALSE(has(i, "(#introduction)"));
    CHECK_FALSE(has(i, ".unnumbered"));
    // escapes are their characters, the rest read as pandoc reads it; a web link stays a link
    CHECK(has(i, "[Constitution](https://www.anyvale.gov.uk/constitution)"));
    CHECK(has(i,
              "Council's \"rules\" \xE2\x80\x93 as \xE2\x80\x9C"
              "amended\xE2\x80\x9D \xE2\x80\x94 apply. It goes on."));
    CHECK(has(i, "- set policy;\n- represent their wards."));
    CHECK(has(i, "> \xE2\x80\x9COfficers serve the Council as a whole.\xE2\x80\x9D"));
    // the table's rule under its header row is no row
    CHECK(has(i, "| Role | Duty |\n|---|---|\n| Councillor | set policy |\n| Officer | advise |"));
    // footnotes go with the clause that marks them, as a text's footnotes do
    CHECK(has(i, "See paragraph 1.1 and the Code\xC2\xB9 as amended\xC2\xB9\xC2\xB2."));
    CHECK(has(i, "\xC2\xB9 The Members' Code of Conduct adopted in July 2021."));
    CHECK(has(i, "\xC2\xB9\xC2\xB2 By the Council."));
    INFO(printed(i.diags));
    CHECK(printed(i.diags).find("t.txt:11:1: warning: dropped a contents list of 2 entries") != std::string::npos);
    CHECK(printed(i.diags).find("t.txt:16:1: warning: lines starting '#' read as Markdown headings") !=
          std::string::npos);

    SECTION("a front matter with a subtitle and no title") {
        const Imported sub = import_text(
            "---\nsubtitle: Anyvale District Council\n---\n\n# 1. Roles\n\n1.1 Officers "
            "advise.\n\n# 2. Duties\n\n2.1 Members decide.\n");
        CHECK(printed(sub.diags).find("t.txt:1:1: note: 'Anyvale District Council', the subtitle, names the council") !=
              std::string::npos);
    }
    SECTION("one '#' line does not make a text Markdown") {
        const Imported plain = import_text(
            "MEMBER/OFFICER PROTOCOL\n\n1. ROLES\n\n1.1 Officers advise; #1 is the rule.\n\n"
            "# not a heading\n\n1.2 Councillors decide.\n");
        CHECK(has(plain, "# not a heading"));
    }
}

TEST_CASE("text import: our own list of defined terms, imported again, is dropped, and a council's own is kept",
          "[import][text]") {
    const std::string body =
        "MEMBER/OFFICER PROTOCOL\n\n1. ROLES\n\n1.1 Employees who advise councillors are referred to as "
        "\"officers\" throughout.\n\n1.2 Officers serve the Council.\n\n";
    // as our PDF's text gives the list: its entries wrapped, the paragraph cited after each
    const Imported ours = import_text(body +
                                      "Defined terms\n\nofficers \xE2\x80\x94 Employees who advise councillors are "
                                      "referred to as \"officers\"\nthroughout. (paragraph 1.1)\n");
    CHECK_FALSE(has(ours, "Defined terms"));
    CHECK(ours.result.protocol.sections.size() == 1);
    CHECK(printed(ours.diags)
              .find("t.txt:9:1: warning: dropped 'Defined terms' and its 1 entry: the list protopub makes") !=
          std::string::npos);
    // a section of the council's own with that heading, its clauses numbered, is the text's
    const Imported theirs =
        import_text(body + "2. Defined terms\n\n2.1 \"Officer\" means an employee of the Council.\n");
    CHECK(has(theirs, "## 2. Defined terms"));
    const Imported unnumbered =
        import_text(body + "Defined terms\n\nOfficer \xE2\x80\x94 an employee of the Council.\n");
    CHECK(has(unnumbered, "Defined terms"));
}
