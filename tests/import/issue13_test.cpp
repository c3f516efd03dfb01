// Issue 13: each failure seen on a real protocol the project had never seen, as a small
// invented text of the same shape. Every import here must pass `check` as
// `protopub check` runs it (read, resolve references, check).
#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <random>

#include "check/check.hpp"
#include "import/import.hpp"
#include "model/text.hpp"
#include "package/zip_writer.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

struct Imported {
    import::ImportResult result;
    std::string markdown;
    model::Diagnostics diags;
    std::vector<std::string> numbers;   // clause numbers in order
    std::vector<std::string> sections;  // section headings in order (numbers included)
    std::string warnings;               // every warning, one a line
};

Imported import_text(const std::string& text, import::ImportOptions options = {}) {
    Imported out;
    out.result = import::import_text(text, "t.txt", options, out.diags);
    for (const auto& d : out.diags.items()) {
        if (d.severity == model::Severity::warning) out.warnings += model::format(d) + "\n";
        INFO(model::format(d));
    }
    REQUIRE(out.result.ok);
    out.markdown = source::write_protocol(out.result.protocol);
    INFO(out.markdown);
    model::Diagnostics checked;
    model::Protocol again = source::read_protocol(out.markdown, "t.md", checked);
    refs::resolve_references(again, checked);
    check::check_structure(again, checked);
    for (const auto& d : checked.items()) INFO(model::format(d));
    CHECK(checked.error_count() == 0);
    for (const auto& s : again.sections) {
        if (s.kind == model::SectionKind::preamble) continue;
        out.sections.push_back(model::trim(s.number.text + " " + model::plain_text(s.heading)));
        for (const auto& c : s.clauses) out.numbers.push_back(model::join_number(c.number.parts));
    }
    return out;
}

std::vector<std::string> series(const std::string& prefix, int from, int to) {
    std::vector<std::string> out;
    for (int i = from; i <= to; ++i) out.push_back(prefix + std::to_string(i));
    return out;
}

std::string detail_upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The errors of an import that is refused (and it must be).
std::string refused(const std::string& text) {
    model::Diagnostics diags;
    const import::ImportResult r = import::import_text(text, "t.txt", {.council = "Anytown"}, diags);
    CHECK_FALSE(r.ok);
    std::string errors;
    for (const auto& d : diags.items())
        if (d.severity == model::Severity::error) errors += d.message;
    return errors;
}

// A section of a protocol's text: its heading (numbered `n`, or not), then `paragraphs`
// paragraphs of words that only it uses, blank lines between.
std::string headed_paragraphs(const std::string& heading, int n, bool numbered, int paragraphs) {
    std::string text = (numbered ? std::to_string(n) + ". " : "") + heading + "\n\n";
    for (int k = 1; k <= paragraphs; ++k)
        text += (numbered ? std::to_string(n) + "." + std::to_string(k) + " " : "") +
                "Councillors and officers work together for the public, and treat each other with respect in rule " +
                std::to_string(k) + ".\n\n";
    return text;
}

}  // namespace

TEST_CASE("issue 13.1: web furniture, a long first line and breadcrumbs above the title", "[import][issue13]") {
    std::string text =
        "Skip to main content Anytown Borough Council Home Your council Councillors, democracy and elections "
        "Constitution Search\n\nYou are in:\n\n\xE2\x80\xA2 Home\n\xE2\x80\xA2 Constitution\n\n"
        "This page has been archived.\n\nMember and Officer Protocol\n\n1. Introduction\n\n";
    for (int i = 1; i <= 13; ++i)
        text += "1." + std::to_string(i) + " Members and officers work together, rule " + std::to_string(i) + ".\n\n";
    Imported i = import_text(text);
    CHECK(i.result.protocol.meta.title == "Member and Officer Protocol");
    CHECK(i.numbers == series("1.", 1, 13));
    int web = 0;
    for (const auto& d : i.result.dropped) web += d.reason == "web page furniture";
    CHECK(web == 5);
    CHECK(contains(i.warnings, "t.txt:3:1: warning: dropped 'You are in:': web page furniture above the title"));
}

TEST_CASE("issue 13.2: numbering that continues from an earlier Part, each number on its own line",
          "[import][issue13]") {
    std::string text = "Protocol on Member/Officer Relations\n\nRELATIONS WITH OFFICERS\n\n";
    for (int n = 63; n <= 70; ++n)
        text += "8." + std::to_string(n) + "\n\nOfficers serve the Council as a whole, in case " + std::to_string(n) +
                ".\n\n";
    Imported i = import_text(text);
    CHECK(i.numbers == series("8.", 63, 70));
    CHECK(i.result.dropped.empty());
}

TEST_CASE("issue 13.3: a clause number inside a line, and a document flattened onto one line", "[import][issue13]") {
    Imported mid = import_text(
        "Member Officer Protocol\n\n1. Introduction\n\n1.1 Members and officers must respect each other. "
        "1.2 They must work together for the Council.\n\n1.3 The Protocol must be read with the Codes "
        "of Conduct as they work together. 1.4 The Protocol must be read by every new member.\n");
    CHECK(mid.numbers == series("1.", 1, 4));
    CHECK(contains(mid.warnings,
                   "t.txt:5:51: warning: a new paragraph taken to start in the middle of a line, at '1.2 They"));

    Imported flat = import_text(
        "Member Officer Protocol 1. Introduction 1.1 The purpose of this protocol is to guide members and officers. "
        "1.2 The "
        "protocol sets out what they may expect of each other. 2. Personal Relationships 2.1 Close personal "
        "relationships "
        "must be declared to the Monitoring Officer. 2.2 A member must not ask a friend among the officers for "
        "favours. "
        "3. Review 3.1 The Standards Committee reviews this protocol every year.\n");
    CHECK(flat.result.protocol.meta.title == "Member Officer Protocol");
    CHECK(flat.numbers == std::vector<std::string>{"1.1", "1.2", "2.1", "2.2", "3.1"});
    CHECK(flat.sections == std::vector<std::string>{"1. Introduction", "2. Personal Relationships", "3. Review"});
}

TEST_CASE("issue 13.4: '(1)' paragraphs under '1 Heading', after a lettered introduction", "[import][issue13]") {
    Imported i = import_text(
        "Protocol on Member/Officer Relations\n\n"
        "(a) This protocol applies to every member.\n\n(b) It applies to every officer.\n\n(c) It is part of the "
        "Constitution.\n\n"
        "1 The Respective Roles of Members and Officers\n\n(1)Members are elected by the public and answer to them.\n\n"
        "(2) Officers are employed by the Council and give impartial advice.\n\n"
        "2 Working Together\n\n(1) Members and officers treat each other with respect.\n\n"
        "(2) Neither may bully or harass the other.\n");
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1", "2.2"});
    CHECK(contains(i.markdown, "Members are elected by the public and answer to them."));
    CHECK(contains(i.markdown, "(a) This protocol applies to every member."));
}

TEST_CASE("issue 13.5: numbering that restarts at 1. under every heading", "[import][issue13]") {
    Imported i = import_text(
        "Councillor-Officer Protocol\n\nIntroduction\n\n1. This protocol guides members and officers.\n\n"
        "2. It forms part of the Constitution.\n\nRoles of Members\n\n1. Members set the Council's policy.\n\n"
        "2. Members represent their wards.\n\n3. Members do not manage staff.\n\nRoles of Officers\n\n"
        "1. Officers give impartial advice.\n");
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1", "2.2", "2.3", "3.1"});
    CHECK(contains(i.warnings,
                   "t.txt:11:1: warning: the numbering starts again at 1. under a new heading: numbered 2.1"));
}

TEST_CASE("a list's numbering started again after bullets is numbered on, the clauses under it moved too",
          "[import][issue13]") {
    // one level: "1. 2." bullets "1. 2." (pandoc's plain text of a Word list restarted after bullets)
    Imported one = import_text(
        "Councillor-Officer Protocol\n\n1. Officers serve the Council as a whole.\n\n2. Councillors set policy:\n\n"
        "-   for the district;\n-   for its services.\n\n1. Officers give advice.\n\n2. Councillors decide.\n");
    CHECK(one.numbers == std::vector<std::string>{"1", "2", "3", "4"});
    CHECK(contains(one.warnings,
                   "t.txt:10:1: warning: the numbering starts again at 1., a number already used: "
                   "numbered 3 and on, after 2"));
    // two levels, twice in a section, a clause under a restarted one, and the next section untouched
    Imported two = import_text(
        "Councillor-Officer Protocol\n\n1. Roles\n\n1.1 Councillors set policy:\n\n- for the district.\n\n"
        "1.1 Officers advise:\n\n- on the law.\n\n1.1 Officers serve all members.\n\n"
        "1.1.1 They do not take sides.\n\n1.2 Officers keep records.\n\n2. Conduct\n\n"
        "2.1 Everyone is courteous.\n\n2.2 Everyone is fair.\n");
    CHECK(two.numbers == std::vector<std::string>{"1.1", "1.2", "1.3", "1.3.1", "1.4", "2.1", "2.2"});
    CHECK(contains(two.warnings,
                   "t.txt:9:1: warning: the numbering starts again at 1.1, a number already used: "
                   "numbered 1.2 and on, after 1.1"));
    CHECK(contains(two.warnings,
                   "t.txt:13:1: warning: the numbering starts again at 1.1, a number already used: "
                   "numbered 1.3 and on, after 1.2"));
}

TEST_CASE("issue 13.6: a contents list of numbered headings without page numbers", "[import][issue13]") {
    std::string text = "Member/Officer Protocol\n\nContents\n\n";
    const std::vector<std::string> headings = {"Introduction", "Roles", "Respect", "Information", "If Things Go Wrong"};
    for (std::size_t k = 0; k < headings.size(); ++k) text += std::to_string(k + 1) + ". " + headings[k] + "\n";
    for (std::size_t k = 0; k < headings.size(); ++k)
        text += "\n" + std::to_string(k + 1) + ". " + headings[k] + "\n\n" + std::to_string(k + 1) +
                ".1 The words of section " + std::to_string(k + 1) + ".\n";
    Imported i = import_text(text);
    CHECK(i.numbers == std::vector<std::string>{"1.1", "2.1", "3.1", "4.1", "5.1"});
    CHECK(i.sections.size() == 5);
    CHECK(contains(i.warnings, "dropped a table of contents (6 lines)"));
}

TEST_CASE("issue 13.7: numbered headings that end in '?'", "[import][issue13]") {
    Imported i = import_text(
        "Local Code for Planning\n\n1. INTRODUCTION\n\n1.1 This code guides members on planning.\n\n"
        "2. WHY HAVE A LOCAL CODE FOR PLANNING?\n\n2.1 Planning decisions must be open and fair.\n");
    CHECK(i.sections == std::vector<std::string>{"1. INTRODUCTION", "2. WHY HAVE A LOCAL CODE FOR PLANNING?"});
    CHECK(i.numbers == std::vector<std::string>{"1.1", "2.1"});
}

TEST_CASE("issue 13.8: a paragraph per line, no blank lines, headings in capitals and Title Case",
          "[import][issue13]") {
    Imported i = import_text(
        "Member Officer Protocol\nINTRODUCTION\n1.1 This protocol was agreed by Full Council.\n"
        "ROLES OF MEMBERS AND OFFICERS\n2.1 The appendix sets out the roles of members.\n2.2 Officers advise members.\n"
        "Working Together\n3.1 Members and officers respect each other.\n");
    CHECK(i.sections == std::vector<std::string>{"INTRODUCTION", "ROLES OF MEMBERS AND OFFICERS", "Working Together"});
    CHECK(contains(i.markdown, "1.1 {#this-protocol-was-agreed-by} This protocol was agreed by Full Council.\n"));
}

TEST_CASE("issue 13.9: an unnumbered protocol gets numbers per section, reported", "[import][issue13]") {
    Imported i = import_text(
        "Model Member/Officer Protocol\n\nIntroduction\n\nMembers and officers work together.\n\n"
        "This protocol says how.\n\nRespect\n\nMembers treat officers with respect.\n");
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1"});
    CHECK(contains(i.warnings,
                   "t.txt:3:1: warning: no numbered paragraphs: numbers 1.1 to 1.2 assigned to the paragraphs under "
                   "'Introduction'"));
    CHECK(contains(i.warnings, "t.txt:9:1: warning: no numbered paragraphs: number 2.1 assigned"));
}

// Three numbered headings over paragraphs without numbers, the headings numbered as `numbers` say.
std::string headings_over_paragraphs(const std::array<int, 3>& numbers) {
    const std::string n0 = std::to_string(numbers[0]), n1 = std::to_string(numbers[1]), n2 = std::to_string(numbers[2]);
    return "Code of Practice\n\n" + n0 + ". Status of this code\n\nThis code gives guidance only.\n\n" + n1 +
           ". Roles of councillors\n\nOfficers and councillors both serve the public.\n\nCouncillors set "
           "policy.\n\n" +
           n2 + ". Politeness\n\nEveryone is polite.\n";
}

TEST_CASE("issue 13.9: paragraphs without numbers under numbered headings take the heading's number",
          "[import][issue13]") {
    // the headings may start at any number (a later Part): each section's paragraphs are numbered under its own
    Imported i = import_text(headings_over_paragraphs({3, 4, 5}));
    CHECK(i.sections == std::vector<std::string>{"3. Status of this code", "4. Roles of councillors", "5. Politeness"});
    CHECK(i.numbers == std::vector<std::string>{"3.1", "4.1", "4.2", "5.1"});
    CHECK(contains(i.warnings,
                   "t.txt:7:1: warning: no numbered paragraphs: numbers 4.1 to 4.2 assigned to the paragraphs under "
                   "'4. Roles of councillors'"));
    // each heading printed "1." as the first of its own page: a number is used once, as a clerk would number them
    Imported ones = import_text(headings_over_paragraphs({1, 1, 1}));
    CHECK(ones.sections ==
          std::vector<std::string>{"1. Status of this code", "2. Roles of councillors", "3. Politeness"});
    CHECK(ones.numbers == std::vector<std::string>{"1.1", "2.1", "2.2", "3.1"});
    CHECK(contains(ones.warnings,
                   "t.txt:7:1: warning: '1. Roles of councillors' is numbered 1. again, after section 1: numbered 2"));
    CHECK(contains(ones.warnings,
                   "t.txt:13:1: warning: '1. Politeness' is numbered 1. again, after section 2: numbered 3"));
}

TEST_CASE(
    "issue 13.9: unnumbered, a list right under its heading is a paragraph, and a titled item keeps its "
    "paragraphs",
    "[import][issue13]") {
    Imported i = import_text(
        "Model Protocol\n\nIntroduction\n\nMembers and officers work together.\n\n"
        "Political activity\n\n(a) Restrictions on officers\n\n• Senior officers are politically restricted.\n\n"
        "• The chief executive keeps a list.\n\nIf it is possible, the member will be told.\n\n(b) Lines of "
        "reporting\n\n"
        "Employees answer to the chief executive.\n\nEmployment\n\n• Councillors are accountable as employers.\n\n"
        "Councillors keep individual matters confidential.\n");
    // 2.1 holds the lettered list, whose titled items keep the paragraphs under them; 3.1 holds the bullets
    CHECK(i.numbers == std::vector<std::string>{"1.1", "2.1", "3.1", "3.2"});
    CHECK(contains(i.markdown, "2.1 {#a-restrictions-on-officers-senior}\n\n- (a) Restrictions on officers\n"));
    CHECK(contains(i.markdown, "  If it is possible, the member will be told.\n"));
    CHECK(contains(i.markdown, "  Employees answer to the chief executive.\n"));
    CHECK(contains(i.markdown, "3.2 {#councillors-keep-individual-matters-confidential} Councillors keep"));
    CHECK(contains(i.warnings,
                   "no numbered paragraphs: number 2.1 assigned to the paragraph under "
                   "'Political activity'"));
}

TEST_CASE("a clause whose words start with '(a)', '(b)' after it: its list's first item on the clause's line",
          "[import][issue13]") {
    // "4. (1) ..." in standing orders, "8. (a) General information" in a code of practice
    Imported i = import_text(
        "Code of Practice\n\n1. Members and officers work together.\n\n2. (a) General information\n\n"
        "Officers give the best advice they can.\n\n(b) Special responsibilities\n\nChairs may ask for more.\n\n"
        "3. (a) the first of two.\n\n4. Officers are neutral.\n");
    CHECK(i.numbers == std::vector<std::string>{"1", "2", "3", "4"});
    CHECK(contains(i.markdown, "2. {#a-general-information-officers-give}\n\n   - (a) General information\n"));
    CHECK(contains(i.markdown, "   - (b) Special responsibilities\n"));
    std::string notes;
    for (const auto& d : i.diags.items()) notes += model::format(d) + "\n";
    CHECK(contains(notes, "t.txt:5:1: note: '2. (a) General information': (a) is the first item of clause 2.'s list"));
    // with no (b) after it, "(a)" is words of the clause
    CHECK(contains(i.markdown, "3. {#a-the-first-of-two} \\(a) the first of two.\n"));
}

TEST_CASE("issue 13.9: two covering reports' points, each from 1., above an unnumbered protocol", "[import][issue13]") {
    // the points start again at 1. under the second report: not a protocol numbered from 1 under every heading
    Imported i = import_text(
        "Member Officer Code\n\nReport of: Monitoring Officer\n\nSummary\n\n1. The committee reviewed the code.\n\n"
        "2. The changes are shown.\n\nReport of: Head of Law\n\nBackground\n\n1. The code dates from 2010.\n\n"
        "2. Unions were consulted.\n\nStatus of this code\n\nThis code gives guidance.\n\nRoles\n\nOfficers advise.\n\n"
        "Politeness\n\nEveryone is polite.\n\nMeetings\n\nOfficers attend meetings.\n\nComplaints\n\nComplaints go to "
        "the monitoring officer.\n");
    CHECK(i.sections ==
          std::vector<std::string>{"Status of this code", "Roles", "Politeness", "Meetings", "Complaints"});
    CHECK(i.numbers == std::vector<std::string>{"1.1", "2.1", "3.1", "4.1", "5.1"});
    CHECK(contains(i.warnings, "numbered points above 'Status of this code' and none under the headings from there"));
}

TEST_CASE("LAYOUTS.md 30: ligatures from a PDF's text are their letters, reported", "[import][issue13]") {
    Imported i = import_text(
        "Member and Of\xEF\xAC\x81"
        "cer Protocol\n\n1. Con\xEF\xAC\x81"
        "dentiality\n\n1.1 Of\xEF\xAC\x81"
        "cers keep "
        "the \xEF\xAC\x82"
        "ow of information in con\xEF\xAC\x81"
        "dence, and su\xEF\xAC\x83"
        "cient records.\n");
    CHECK(i.result.protocol.meta.title == "Member and Officer Protocol");
    CHECK(i.sections == std::vector<std::string>{"1. Confidentiality"});
    CHECK(contains(i.markdown,
                   "1.1 {#officers-keep-the-flow-of} Officers keep the flow of information in confidence, "
                   "and sufficient records.\n"));
    CHECK(contains(i.warnings,
                   "t.txt:1:14: warning: '\xEF\xAC\x81' read as 'fi': a PDF's text keeps the font's "
                   "ligatures, the words are their letters"));
}

TEST_CASE("LAYOUTS.md 20: numbers lost, every paragraph '- ', a list's items after a lead-in", "[import][issue13]") {
    Imported i = import_text(
        "Member Officer Protocol\n\nRoles\n\n- Councillors set the Council's policies.\n\n- Councillors have "
        "four main areas of responsibility:\n\n- Determining policy\n\n- Representing the authority\n\n"
        "- It is not for Councillors to manage the Council's services. They should not give instructions to "
        "officers.\n\nOfficers\n\n- Officers advise councillors.\n\n- Officers are politically neutral.\n");
    // the lead-in's items end without a stop; the sentences after them are the next paragraph
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3", "2.1", "2.2"});
    CHECK(contains(i.markdown, "responsibility:\n\n- Determining policy\n- Representing the authority\n"));
    CHECK(contains(i.warnings,
                   "warning: no paragraph is numbered and the paragraphs under the headings start with "
                   "'-' (a list that lost its numbers)"));
    CHECK(contains(i.warnings,
                   "t.txt:13:1: warning: 'It is not for Councillors to manage the\u2026' taken as a "
                   "paragraph after the list, not its last item"));
}

TEST_CASE("issue 13.10: plain integers running through the document under unnumbered headings", "[import][issue13]") {
    std::string text = "Member/Officer Protocol\n\n";
    int n = 0;
    for (const char* heading : {"Introduction", "Roles", "Respect", "Complaints"}) {
        text += std::string(heading) + "\n\n";
        for (int k = 0; k < 10; ++k) {
            ++n;
            text += std::to_string(n) + ". Paragraph " + std::to_string(n) + " of the protocol.\n\n";
        }
    }
    Imported i = import_text(text);
    CHECK(i.numbers == series("", 1, 40));
    // the same without the dot after the number ("1 Members are elected ...")
    std::string bare = text;
    for (std::size_t at = bare.find(". Paragraph"); at != std::string::npos; at = bare.find(". Paragraph", at))
        bare.erase(at, 1);
    Imported without_dots = import_text(bare);
    CHECK(without_dots.numbers == series("", 1, 40));
    CHECK(without_dots.sections == std::vector<std::string>{"Introduction", "Roles", "Respect", "Complaints"});
}

TEST_CASE("issue 13.11: the title is the first line, not web furniture", "[import][issue13]") {
    for (const char* title : {"Councillor-Officer Protocol", "PROTOCOL FOR MEMBER-OFFICER RELATIONS"}) {
        Imported i = import_text(
            std::string(title) +
            "\n\nTo: Standards Committee\n\nThe committee is asked to approve the "
            "protocol below, which was revised this year.\n\n1. INTRODUCTION\n\n1.1 Members and officers.\n");
        CHECK(i.result.protocol.meta.title == title);
        CHECK(contains(i.warnings, std::string("'") + title + "', the first line, taken as the title"));
    }
    Imported agenda = import_text(
        "Agenda item\n\nYou are in:\n\n\xE2\x80\xA2 Home\n\nMember Officer Protocol\n\n"
        "1. Introduction\n\n1.1 Members and officers.\n");
    CHECK(agenda.result.protocol.meta.title == "Member Officer Protocol");
}

TEST_CASE("issue 13.11: a Word paragraph in the Title style is the title, a normal paragraph under it",
          "[import][issue13][docx]") {
    const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    auto para = [](const std::string& text, const std::string& style) {
        const std::string ppr = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
        return "<w:p>" + ppr + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    };
    const std::string styles =
        "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>";
    const std::string body =
        para("Working Together", "Title") + para("Agreed by the Standards Committee in March.", "") +
        para("1. Introduction", "Heading1") + para("1.1 Members and officers respect each other.", "") +
        para("2. Roles", "Heading1") + para("2.1 Officers advise members.", "");
    std::string error;
    auto bytes = package::write_zip(
        {{"word/document.xml",
          "<?xml version=\"1.0\"?><w:document " + w + "><w:body>" + body + "</w:body></w:document>"},
         {"word/styles.xml", "<?xml version=\"1.0\"?><w:styles " + w + ">" + styles + "</w:styles>"}},
        0, error);
    REQUIRE(bytes);
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(*bytes, "t.docx", {}, diags);
    REQUIRE(r.ok);
    CHECK(r.protocol.meta.title == "Working Together");
    CHECK(r.protocol.sections.size() == 3);  // the paragraph under the title, then the two sections
}

TEST_CASE("issue 13.12: the council's name is never made out of a sentence", "[import][issue13]") {
    Imported i = import_text(
        "Member Officer Protocol\n\n1. Introduction\n\n1.1 Officers serve the whole of the Authority. County "
        "Councillors "
        "might ask for help, and County Councillors must respect the Authority. County Councillors may not direct "
        "staff.\n");
    CHECK(i.result.protocol.meta.council == "Unnamed council");
    CHECK(contains(i.warnings, "does not name its council"));
    Imported named = import_text(
        "Member Officer Protocol\n\n1. Introduction\n\n1.1 Anytown District Council adopted this "
        "protocol; Anytown District Council reviews it.\n");
    CHECK(named.result.protocol.meta.council == "Anytown District Council");
    CHECK(contains(named.warnings,
                   "the council's name 'Anytown District Council' is taken from the text, where it is named 2 times"));
}

TEST_CASE("issue 13.13: Word spaces in runs of their own, and a pandoc-made .docx", "[import][issue13][docx]") {
    const std::string dir = test_env::source_dir() + "/tests/data/import13/";
    model::Diagnostics diags;
    import::ImportResult r =
        import::import_bytes(testing::read(dir + "pandoc-protocol.docx"), "pandoc-protocol.docx", {}, diags);
    REQUIRE(r.ok);
    const std::string md = source::write_protocol(r.protocol);
    INFO(md);
    CHECK(contains(md, "Members should **not** pressure *officers* to act against their advice."));
    CHECK(contains(md, "Officers serve the Council as a whole and give impartial advice."));
    // every word of the Markdown pandoc read is in the import
    std::vector<std::string> want;
    for (const auto& w : model::split_words(testing::read(dir + "pandoc-protocol.md")))
        if (w != "#" && w != "##") {
            std::string bare;
            for (char c : w)
                if (c != '*') bare += c;
            want.push_back(bare);
        }
    std::vector<std::string> got = model::split_words(r.protocol.meta.title);
    for (const auto& s : r.protocol.sections) {
        for (const auto& w : model::split_words(s.number.text + " " + model::plain_text(s.heading))) got.push_back(w);
        for (const auto& c : s.clauses)
            for (const auto& w : model::split_words(c.number.text + " " + model::plain_text(c))) got.push_back(w);
    }
    CHECK(got == want);
}

TEST_CASE("issue 13.15: import's check is `protopub check` of what it wrote", "[import][issue13][cli]") {
    testing::TempDir dir;
    // a reference in the covering report above the protocol points nowhere
    testing::write(
        dir.file("in.txt"),
        "Member Officer Protocol\n\nTo: Standards Committee\n\nThe changes are explained in Section 16 below and "
        "were agreed by the committee in March.\n\n1. Introduction\n\n1.1 Members and officers work together.\n");
    const auto imported =
        testing::run_cli({"import", dir.file("in.txt"), "-o", dir.file("out.md"), "--council", "Anytown Council"});
    const auto checked = testing::run_cli({"check", dir.file("out.md")});
    CHECK(checked.exit_code == 1);
    CHECK(imported.exit_code == 1);  // never 0 with a file `check` rejects
    CHECK(contains(checked.err, "points nowhere"));
    // the same diagnostics, word for word
    CHECK(contains(imported.err, checked.err.substr(0, checked.err.find('\n'))));

    // and an import that exits 0 writes a file `check` passes
    testing::write(dir.file("ok.txt"),
                   "Member Officer Protocol\n\n1. Introduction\n\n1.1 See paragraph 1.2 of this guidance.\n\n"
                   "1.2 Members and officers work together.\n");
    CHECK(testing::run_cli({"import", dir.file("ok.txt"), "-o", dir.file("ok.md"), "--council", "Anytown Council"})
              .exit_code == 0);
    CHECK(testing::run_cli({"check", dir.file("ok.md")}).exit_code == 0);
}

TEST_CASE("LAYOUTS.md 4: a title cut inside its words is joined, a title on two lines keeps its space",
          "[import][issue13]") {
    const std::string body =
        "\n\n1. Introduction\n\n1.1 Members and officers work together.\n\n1.2 Officers advise members.\n";
    Imported cut = import_text("Mem\nber and Off\nicer Prot\nocol" + body);
    CHECK(cut.result.protocol.meta.title == "Member and Officer Protocol");
    CHECK(contains(cut.warnings, "t.txt:1:1: warning: 'Mem' and 'ber' are one word cut at the line end: joined"));
    Imported two_lines = import_text("Member and Officer\nRelations Protocol" + body);
    CHECK(two_lines.result.protocol.meta.title == "Member and Officer Relations Protocol");
}

TEST_CASE("LAYOUTS.md 17: '1)' '2)' after a lead-in are sub-items of a clause numbered 1.1", "[import][issue13]") {
    Imported i = import_text(
        "Member and Officer Protocol\n\n1. Introduction\n\n1.1 Members should:\n\n1)  respect officers;\n\n"
        "2) not bully them.\n\n1.2 Officers advise members.\n");
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2"});
    CHECK(contains(i.markdown, "1) respect officers;"));
    CHECK(contains(i.warnings, "'1)' after a lead-in read as the first of numbered sub-items"));
}

TEST_CASE("LAYOUTS.md 5: no blank lines, the title wrapped, then a cover sheet's fields one a line",
          "[import][issue13]") {
    // wrapped at 40: the first field starts its own paragraph when fields follow it, and is not joined to the
    // title's last line
    Imported i = import_text(
        "Code of Practice for Member/Officer\nRelations\nTo: Standards Committee\nDate: 10 December 2010\n"
        "Report of: Head of Law\n1. Status of this code\n1.1 This code gives guidance only but it\nmay be taken "
        "into account if there is a\ncomplaint about a councillor or an\nofficer.\n1.2 Officers are employees of "
        "the\nCouncil and are politically neutral, and\ntheir role is to advise councillors.\n2. Politeness\n"
        "2.1 Councillors and officers should show\neach other politeness and respect at all\ntimes and in every "
        "meeting.\n");
    CHECK(i.result.protocol.meta.title == "Code of Practice for Member/Officer Relations");
    CHECK(contains(i.markdown, "\nTo: Standards Committee\n\nDate: 10 December 2010\n"));
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1"});
}

TEST_CASE("LAYOUTS.md 5: a covering report first, then the protocol under the title the report names",
          "[import][issue13]") {
    Imported i = import_text(
        "To: Standards Committee\n\nReport of: Monitoring Officer\n\nTitle of Report: Review of the Member and "
        "Officer Protocol\n\nSummary\n\n1. The Committee reviewed the protocol.\n\n2. The changes are in the "
        "appendix.\n\nMember and Officer Protocol\n\nIntroduction\n\n1.1 Members and officers work together.\n\n"
        "Respect\n\n2.1 Officers advise members.\n");
    CHECK(i.result.protocol.meta.title == "Member and Officer Protocol");
    CHECK(i.sections == std::vector<std::string>{"Introduction", "Respect"});
    CHECK(i.numbers == std::vector<std::string>{"1.1", "2.1"});
    CHECK(contains(i.markdown, "1. The Committee reviewed the protocol."));
    CHECK(contains(i.warnings, "t.txt:13:1: warning: 'Member and Officer Protocol' taken as the title"));
}

TEST_CASE("LAYOUTS.md 5: a report run onto one line with its own numbers, then the protocol numbered from 1 again",
          "[import][issue13]") {
    Imported i = import_text(
        "1 PURPOSE OF REPORT 1.1 To consider the revised protocol. 2 BACKGROUND 2.1 The Committee reviewed it. "
        "2.2 The changes are in the appendix.\n\nMember and Officer Protocol\n\nIntroduction\n\n"
        "1.1 Members and officers work together.\n\n1.2 They respect each other.\n\nRespect\n\n"
        "2.1 Officers advise members.\n");
    CHECK(i.result.protocol.meta.title == "Member and Officer Protocol");
    CHECK(i.sections == std::vector<std::string>{"Introduction", "Respect"});
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1"});
    CHECK(contains(i.markdown, "2\\.2 The changes are in the appendix."));  // a number of the report, as words
    CHECK(contains(i.warnings,
                   "t.txt:3:1: warning: 'Member and Officer Protocol' taken as the title: the numbering "
                   "starts again under it"));
}

TEST_CASE("LAYOUTS.md 26: a sub-heading in Title Case glued to the end of the paragraph before", "[import][issue13]") {
    Imported i = import_text(
        "Member Officer Protocol\n\nROLES\n\n2.1 All Councillors have the same rights and obligations and should be "
        "treated equally. Members of the Cabinet, Chairmen and Vice Chairmen\n\n2.2 Members of the Cabinet have "
        "additional responsibilities and more regular contact with officers. Officers\n\n2.3 The role of officers "
        "is to give advice and information to members.\n\n2.4 Contact the monitoring officer for more about "
        "this, or write to the Head of Legal Services at the Civic Offices in the town centre. Democratic "
        "Services\n\nOfficers answer to the Chief Executive, who answers to the Council.\n");
    CHECK(i.sections ==
          std::vector<std::string>{"ROLES", "Members of the Cabinet, Chairmen and Vice Chairmen", "Officers"});
    CHECK(i.numbers == std::vector<std::string>{"2.1", "2.2", "2.3", "2.4"});
    // (words in Title Case at a paragraph's end with no number after them stay its words)
    CHECK(contains(i.markdown, "in the town centre. Democratic Services\n"));
}

TEST_CASE("a heading after a sentence without a full stop, in wrapped text with no blank lines", "[import][issue13]") {
    const std::string wrapped =
        "Member and Officer Protocol\n"
        "1. Roles\n"
        "1.1 Members and officers are servants of the public and are indispensable\n"
        "to one another, but their responsibilities are distinct from one another\n"
        "and from those of the public they serve and the bodies they work with\n"
        "1.2 Councillors are democratically elected and serve as long as their\n"
        "term of office lasts\n"
        "Officers\n"
        "1.3 Officers are politically impartial and are employed by the Council to\n"
        "give advice to members and to the authority and to carry out its work.\n";
    Imported i = import_text(wrapped);
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3"});
    CHECK(contains(i.markdown, "Officers {#officers}"));
    CHECK(contains(i.warnings, "t.txt:8:1: warning: 'Officers' taken as a heading"));
}

TEST_CASE("unnumbered: a short heading after items without full stops, and items ending ', or' after a lead-in",
          "[import][issue13]") {
    // (a text long enough to show it was not wrapped: a paragraph per line)
    std::string filler;
    for (int n = 1; n <= 80; ++n)
        filler += "Members and officers treat each other with respect, rule " + std::to_string(n) + ".\n\n";
    Imported i = import_text(
        "Member and Officer Protocol\n\nROLES\n\nThe roles of members and officers can be summarised as follows:\n\n"
        "Members and officers are servants of the public and are indispensable to one another\n\n"
        "Members are democratically elected and serve as long as their term of office lasts\n\nOfficers\n\n"
        "Officers have three main duties:\n\nAdvising members\n\nINFORMATION\n\n"
        "Confidential information is information:-\n\n"
        "furnished to the Council by a Government Department on terms which forbid its disclosure, or\n\n"
        "which may not be disclosed under any enactment.\n\nMembers may ask for information.\n\nRESPECT\n\n" +
        filler);
    CHECK(contains(i.markdown, "Officers {#officers}"));
    CHECK(contains(i.warnings, "t.txt:11:1: warning: 'Officers' taken as a heading"));
    CHECK(contains(i.markdown, "disclosure, or\n"));
}

TEST_CASE("wrapped text: '1.' after a line that ended short of the width starts a paragraph", "[import][issue13]") {
    Imported i = import_text(
        "Member and Officer Protocol\n\nPURPOSE\n"
        "Recommendation: To approve the revised code of practice for\n"
        "recommendation to Council\n"
        "1. As part of its agreed work programme the Standards Committee, at\n"
        "its September meeting, reviewed and updated the code of practice for\n"
        "relations between members and officers.\n"
        "2. At the September meeting, the Committee asked that the views of the\n"
        "Trade Union representatives be sought on the code before it goes to\n"
        "Council.\n"
        "3. The Branch Committee considered the code at its October meeting and\n"
        "did not propose any changes, although it asked a question about the\n"
        "discipline process.\n"
        "4. The answer is that the Unions and the Council negotiated a\n"
        "disciplinary policy applicable to all staff employed under national\n"
        "terms and conditions of service.\n");
    CHECK(i.numbers == std::vector<std::string>{"1", "2", "3", "4"});
    CHECK(contains(i.warnings, "t.txt:6:1: warning: '1.' taken to start a paragraph: the line before ended short"));
}

TEST_CASE("one line: the next clause number after words without a full stop, but not after 'paragraph'",
          "[import][issue13]") {
    Imported i = import_text(
        "Member Officer Protocol 1. Roles 1.1 The roles can be summarised as follows: 1.1.1 Members and officers are "
        "servants of the public and indispensable to one another 1.1.2 Members are elected and serve for their term "
        "of office 1.2 Officers advise members as set out in paragraph 1.1.1 Members should respect that advice. 2. "
        "Respect 2.1 Members and officers respect each other at all times.\n");
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.1.1", "1.1.2", "1.2", "2.1"});
    CHECK(contains(i.markdown, "paragraph 1.1.1 Members should respect"));
}

TEST_CASE("the line that says what --council says is the council's name, not the title", "[import][issue13]") {
    import::ImportOptions options;
    options.council = "Model protocol for local councils";
    Imported i = import_text(
        "Model protocol for local councils\n\nMember and Officer Protocol\n\n1. Introduction\n\n"
        "1.1 Members and officers work together.\n",
        options);
    CHECK(i.result.protocol.meta.title == "Member and Officer Protocol");
    CHECK(i.result.protocol.meta.council == "Model protocol for local councils");
}

TEST_CASE("one line: a numbered heading in capitals with a slash, and one with its words right after it",
          "[import][issue13]") {
    Imported i = import_text(
        "Member Officer Protocol 1. INTRODUCTION 1.1 This protocol guides members and officers in their work "
        "together. 2. INDEPENDENT / CO-OPTED PERSONS 2.1 This protocol applies equally to co-opted persons on "
        "committees. 3. SUMMARY The working relationship between members and officers is integral to the "
        "successful operation of the Council.\n");
    CHECK(i.sections == std::vector<std::string>{"1. INTRODUCTION", "2. INDEPENDENT / CO-OPTED PERSONS", "3. SUMMARY"});
}

TEST_CASE("one line: a one-word opening heading glued after a title that goes on past its naming word",
          "[import][issue13]") {
    const std::string body =
        " 1.1 Officers will advise the Council and its committees on every matter before them. 1.2 Members will "
        "respect the impartiality of officers at all times and in every setting. Roles of officers 2.1 Officers "
        "serve the whole Council and not any one group. 2.2 Officers give advice that is frank and fair, and they "
        "record it where the law asks them to. 2.3 Officers answer to the Chief Executive.\n";
    for (const std::string word : {"Introduction", "Purpose", "Background", "Correspondence"}) {
        INFO(word);
        Imported i = import_text("Councillor-Officer Protocol between Councillors and Employees " + word + body);
        CHECK(i.result.protocol.meta.title == "Councillor-Officer Protocol between Councillors and Employees");
        CHECK(i.sections == std::vector<std::string>{word, "Roles of officers"});
    }
    // a title ending in a word that opens no protocol keeps it: there is no heading to split off
    Imported kept = import_text("Protocol on Relations between Councillors and Employees" + body);
    CHECK(kept.result.protocol.meta.title == "Protocol on Relations between Councillors and Employees");
}

TEST_CASE("'(1)' to '(3)' below a covering report's '1.' '2.' number the protocol's paragraphs", "[import][issue13]") {
    Imported i = import_text(
        "Member and Officer Protocol\n\nTo: Standards Committee\n\nReport of: Monitoring Officer\n\n"
        "1. The Committee reviewed the protocol.\n\n2. The changes are in the appendix.\n\n"
        "(1) Status of this protocol\n\nThis protocol is guidance.\n\n(2) Roles\n\nMembers and officers serve the "
        "public.\n\n(3) Respect\n\nMembers and officers respect each other.\n");
    CHECK(i.numbers == std::vector<std::string>{"1", "2", "3"});
    CHECK(contains(i.markdown, "1. The Committee reviewed the protocol."));
    CHECK(contains(i.warnings, "t.txt:11:1: warning: '(1)' to '(3)' below the other numbers taken as the numbers"));
}

TEST_CASE("protopub's own label over a covering report is dropped, a warning, the report's first line kept",
          "[import][issue13]") {
    Imported i = import_text(
        "Member and Officer Protocol\n\nCovering report \xE2\x80\x94 not part of the Member and Officer Protocol\n"
        "To: Standards Committee\n\n1. Introduction\n\n1.1 Members and officers work together.\n");
    CHECK_FALSE(contains(i.markdown, "not part of"));
    CHECK(contains(i.markdown, "To: Standards Committee"));
    CHECK(contains(i.warnings, "t.txt:3:1: warning: dropped the covering report's label"));
}

// 11, on a web page or a title page: the title after the protocol's place on one line
// ("Section 16: A Protocol for ...", "SECTION 15 – MEMBER AND OFFICER PROTOCOL") above
// numbered paragraphs; a line of facts that gives the version ("Last updated 4 January
// 2022, version 3"); an adoption whose date has an ordinal day and no "on" ("Adopted by
// the Finance & Personnel Committee 19th January 2015"); what a page shows while it loads
// ("Loading images...") dropped above the title. Every combination.
TEST_CASE("issue 13.11: the title after its place, the version among facts, an adoption without 'on'",
          "[import][issue13]") {
    const std::string body =
        "1. Introduction\n\n1.1 The purpose of this protocol is to guide councillors and officers.\n\n"
        "1.2 Officers serve the whole council.\n\n2. Roles\n\n2.1 Councillors set policy.\n\n"
        "2.2 Officers give advice.\n";
    const std::array<std::string, 3> titles = {"A Protocol for Member/Officer Relations", "MEMBER AND OFFICER PROTOCOL",
                                               "Councillor and Officer Relations Protocol"};
    const std::array<std::string, 3> separators = {": ", " \xE2\x80\x93 ", " - "};
    const std::array<std::string, 2> places = {"Section", "SECTION"};
    int cases = 0;
    for (const std::string& title : titles)
        for (const std::string& separator : separators)
            for (const std::string& place : places)
                for (int version = 2; version <= 3; ++version)
                    for (const bool loading : {false, true}) {
                        const std::string text = std::string(loading ? "Loading images...\n\n" : "") + place + " 16" +
                                                 separator + title + "\n\nLast updated 4 January 2022, version " +
                                                 std::to_string(version) + "\n\n" + body;
                        INFO(text);
                        const Imported i = import_text(text, {.council = "Anytown Council"});
                        const model::Metadata& m = i.result.protocol.meta;
                        CHECK(m.title == title);
                        REQUIRE(m.constitution);
                        CHECK(m.constitution->section == "16");
                        CHECK(m.version == std::to_string(version));
                        CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1", "2.2"});
                        CHECK(i.markdown.find("Loading") == std::string::npos);
                        ++cases;
                    }
    CHECK(cases == 72);
    // a Section 2 of the text's own after it: "Section 1 – ..." is its first division, not its place
    const Imported own = import_text(
        "Section 1 \xE2\x80\x93 Member and Officer Protocol\n\n1.1 Officers serve the whole council.\n\n"
        "1.2 Councillors set policy.\n\nSection 2 \xE2\x80\x93 Roles\n\n2.1 Officers give advice.\n",
        {.council = "Anytown Council"});
    CHECK_FALSE(own.result.protocol.meta.constitution);
    // a committee system's page for one agenda item: "Agenda item" (or "Agenda item 7") over the title
    for (const std::string& furniture : {std::string("Agenda item"), std::string("Agenda item 7")})
        for (const std::string& title : titles) {
            const Imported page =
                import_text(furniture + "\n\n" + title + "\n\n" + body, {.council = "Anytown Council"});
            CHECK(page.result.protocol.meta.title == title);
            CHECK(page.markdown.find(furniture + "\n") == std::string::npos);
            CHECK(page.warnings.find("dropped '" + furniture + "': web page furniture above the title") !=
                  std::string::npos);
        }
    const std::array<std::pair<std::string, std::string>, 5> days = {
        {{"19th", "19"}, {"19", "19"}, {"1st", "01"}, {"2nd", "02"}, {"23rd", "23"}}};
    for (const auto& [day, number] : days) {
        const Imported adopted = import_text(
            "Protocol for Member/Officer Relations\n\nAdopted by the Finance & "
            "Personnel Committee " +
                day + " January 2015\n\n" + body,
            {.council = "Anytown Council"});
        const model::Metadata& m = adopted.result.protocol.meta;
        CHECK(m.adopted == "2015-01-" + number);
        CHECK(m.adopted_by == "the Finance & Personnel Committee");
        CHECK(m.status == model::Status::adopted);
    }
}

// 9, with an introduction: unnumbered paragraphs under the title, a list after a lead-in,
// then headings in Title Case with their paragraphs. The first heading is the first
// section's, not the introduction's (its paragraphs became a section of no name).
TEST_CASE("issue 13.9: an unnumbered protocol with an introduction above its first heading", "[import][issue13]") {
    const std::array<std::string, 2> intros = {
        "Mutual trust and respect between councillors and officers is essential to good governance.\n\n",
        "Mutual trust and respect between councillors and officers is essential. This policy covers:\n\n"
        "  \xE2\x80\xA2 the respective roles of councillors and the clerk;\n"
        "  \xE2\x80\xA2 relationships between councillors and officers.\n\n"};
    const std::array<std::array<std::string, 2>, 2> headings = {
        {{"Background", "Roles of Councillors"}, {"BACKGROUND", "ROLES OF COUNCILLORS"}}};
    for (const std::string& intro : intros)
        for (const auto& [first, second] : headings) {
            const std::string text = "PROTOCOL ON MEMBERS AND OFFICERS\n\n" + intro + first +
                                     "\n\nThis protocol is intended to assist councillors and the clerk.\n\n"
                                     "The aim is effective and professional working relationships.\n\n" +
                                     second +
                                     "\n\nCouncillors have four main areas of responsibility.\n\n"
                                     "All councillors have the same rights and obligations.\n";
            INFO(text);
            const Imported i = import_text(text, {.council = "Anytown Council"});
            CHECK(i.sections == std::vector<std::string>{first, second});
            CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1", "2.2"});
            CHECK(i.markdown.find("Mutual trust") < i.markdown.find("## " + first));
        }
}

// Seen on a real protocol's page: the title, an introduction of a few paragraphs (the last a
// lead-in, "... the following principles:"), then a heading in capitals over each one-level
// numbered paragraph ("SELFLESSNESS" / "1.Members should ..."). Whatever the introduction's
// length, it is the protocol's own (no report's fields, no points of its own), so the
// protocol starts at the first heading or number: every combination imports, with the
// paragraphs numbered as printed under their headings.
TEST_CASE("an introduction of any length under the title, then one-level numbers under unnumbered headings",
          "[import][issue13]") {
    const std::array<std::string, 2> titles = {"Protocol on Member and Officer Relations",
                                               "PROTOCOL ON MEMBER-OFFICER RELATIONS"};
    const std::array<std::array<std::string, 4>, 2> headings = {
        {{"SELFLESSNESS", "HONESTY AND INTEGRITY", "OBJECTIVITY", "RESPECT FOR OTHERS"},
         {"Selflessness", "Honesty and Integrity", "Objectivity", "Respect for Others"}}};
    const std::array<std::string, 4> paragraphs = {
        "Members should serve only the public interest.", "Members should not place themselves in situations.",
        "Members should make decisions on merit.", "Members should treat people with respect."};
    const std::array<std::string, 3> number_styles = {"N. ", "N.", "(N) "};
    int cases = 0;
    for (const std::string& title : titles)
        for (int intro = 0; intro <= 5; ++intro)
            for (const bool lead_in : {false, true})
                for (const bool headed : {false, true})
                    for (std::size_t style = 0; style < headings.size(); ++style)
                        for (const std::string& number : number_styles)
                            for (const bool blank_lines : {true, false}) {
                                if (intro == 0 && lead_in) continue;
                                if (!headed && style == 1) continue;
                                const std::string gap = blank_lines ? "\n\n" : "\n";
                                std::string text = title + gap;
                                for (int k = 0; k < intro; ++k)
                                    text += (k + 1 == intro && lead_in
                                                 ? "Government proposed the following principles of conduct:"
                                                 : "This protocol guides members and officers, paragraph " +
                                                       std::to_string(k + 1) + " of its introduction.") +
                                            gap;
                                for (std::size_t n = 0; n < paragraphs.size(); ++n) {
                                    if (headed) text += headings[style][n] + gap;
                                    std::string marker = number;
                                    marker.replace(marker.find('N'), 1, std::to_string(n + 1));
                                    text += marker + paragraphs[n] + gap;
                                }
                                INFO(text);
                                const Imported i = import_text(text, {.council = "Anytown Council"});
                                CHECK(i.result.protocol.meta.title == title);
                                CHECK(i.numbers == std::vector<std::string>{"1", "2", "3", "4"});
                                if (headed)
                                    CHECK(i.sections ==
                                          std::vector<std::string>(headings[style].begin(), headings[style].end()));
                                for (const std::string& words : paragraphs) CHECK(contains(i.markdown, words));
                                if (intro > (lead_in ? 1 : 0))
                                    CHECK(contains(i.markdown, "paragraph 1 of its introduction."));
                                ++cases;
                            }
    CHECK(cases == 396);
}

// Seen on two councils' pages of one committee system's document library: the page heading
// "Document <title>" (the title after the library's label, at times after the protocol's
// place: "Part 5(c) - ..."), the library's breadcrumb run together ("Library homePolicy
// Hub..."), a description of the document with its facts glued on ("Author: ... Approved
// by: Council Date Approved: 8 May 2013 Date of Review/Expiry: 2019", "The current version
// of the document is Issue 2."), "Library view optionsClassic", then the protocol. Every
// combination: the title without its label, the library's lines dropped, the facts read.
TEST_CASE("a document library's page: 'Document <title>', its breadcrumb and view options, facts in its description",
          "[import][issue13]") {
    const std::string body =
        "1. Introduction\n\n1.1 The purpose of this protocol is to guide councillors and officers.\n\n"
        "1.2 Officers serve the whole council.\n\n2. Roles\n\n2.1 Councillors set policy, see paragraph 1.2.\n";
    const std::array<std::string, 3> titles = {"Councillor and Officer Relations Protocol",
                                               "Protocol on Member Officer Relations", "Member/Officer Protocol"};
    int cases = 0;
    for (const std::string& title : titles)
        for (const bool placed : {false, true})
            for (const bool breadcrumb : {false, true})
                for (const bool view_options : {false, true})
                    for (const bool approved : {false, true})
                        for (const bool issue : {false, true})
                            for (const bool blank_lines : {true, false}) {
                                if (!breadcrumb && !view_options) continue;  // nothing says it is a library
                                const std::string gap = blank_lines ? "\n\n" : "\n";
                                std::string text =
                                    "Document " + std::string(placed ? "Part 5(c) - " : "") + title + gap;
                                if (breadcrumb) text += "Library homePolicy HubCouncillors" + title + "\n";
                                text += "The purpose of this Protocol is to guide councillors and officers.";
                                if (approved)
                                    text +=
                                        " Author: Monitoring Officer Approved by: Council Date Approved: 8 May "
                                        "2013 Date of Review/Expiry: 2019";
                                if (issue) text += " The current version of the document is Issue 2.";
                                text += "\n";
                                if (view_options) text += "Library view optionsClassic\n";
                                text += "\n" + body;
                                INFO(text);
                                const Imported i = import_text(text, {.council = "Anytown Council"});
                                const model::Metadata& m = i.result.protocol.meta;
                                CHECK(m.title == title);
                                CHECK(m.constitution.has_value() == placed);
                                if (placed && m.constitution) CHECK(m.constitution->part == "5(c)");
                                CHECK(m.version == (issue ? "2" : "1"));
                                CHECK(m.adopted == (approved ? "2013-05-08" : ""));
                                CHECK(m.adopted_by == (approved ? "Council" : ""));
                                CHECK_FALSE(contains(i.markdown, "Library"));
                                CHECK_FALSE(contains(i.markdown, "Document "));
                                CHECK(contains(i.markdown, "The purpose of this Protocol is to guide"));
                                CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1"});
                                ++cases;
                            }
    CHECK(cases == 144);
    // "Document" at the head of a line with no library's line under it is the text's own word
    const Imported plain = import_text("Document Retention Protocol\n\n" + body, {.council = "Anytown Council"});
    CHECK(plain.result.protocol.meta.title == "Document Retention Protocol");
}

// Seen on a council's web page: the title, a line about the page, "IN THIS ARTICLE" over
// bulleted links to its own parts (in other words than their headings: "Outlining the
// Member / Officer Protocol"), then the title again, spaced otherwise ("Member / Officer
// Protocol" under "Member/Officer Protocol"), then the protocol. The links are dropped as a
// contents list, the repeated title left out, whatever the links' heading, count and the
// title's spacing or case.
TEST_CASE("a web page's links to its own parts as bullets, and the title repeated spaced otherwise",
          "[import][issue13]") {
    const std::array<std::string, 5> body = {
        "1. Introduction", "1.1 The purpose of this protocol is to guide councillors and officers.",
        "1.2 Officers serve the whole council.", "2. Roles", "2.1 Councillors set policy."};
    const std::array<std::string, 4> link_headings = {"IN THIS ARTICLE", "On this page", "Jump to", "In this section"};
    const std::array<std::pair<std::string, std::string>, 3> titles = {
        {{"Member/Officer Protocol", "Member / Officer Protocol"},
         {"Member-Officer Protocol", "MEMBER - OFFICER PROTOCOL"},
         {"Councillor/Officer Protocol", "Councillor / officer protocol"}}};
    int cases = 0;
    for (const std::string& heading : link_headings)
        for (int links = 1; links <= 3; ++links)
            for (const auto& [title, again] : titles)
                for (const bool blank_lines : {true, false}) {
                    const std::string gap = blank_lines ? "\n\n" : "\n";
                    std::string text = title + gap + "This page gives the protocol between officers and councillors." +
                                       gap + heading + gap;
                    for (int k = 1; k <= links; ++k)
                        text += "  \xE2\x80\xA2 Outlining part " + std::to_string(k) + "\n";
                    text += (blank_lines ? "\n" : "") + again + gap;
                    for (const std::string& line : body) text += line + gap;
                    INFO(text);
                    const Imported i = import_text(text, {.council = "Anytown Council"});
                    CHECK(i.result.protocol.meta.title == title);
                    CHECK_FALSE(contains(i.markdown, "Outlining"));
                    CHECK_FALSE(contains(i.markdown, heading + "\n"));
                    CHECK_FALSE(contains(i.markdown, again + " {"));
                    CHECK(contains(i.markdown, "This page gives the protocol"));
                    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1"});
                    ++cases;
                }
    CHECK(cases == 72);
}

// Seen on a council's protocol as a web page made from Word: numbers with a wide gap after
// them ("1.2    This protocol ...") and the next clause run onto the same line after a full
// stop ("... Local Government. 1.3    The Protocol must be read ..."). A line cut at wide
// gaps reads as a table's row unless its first cell is a number alone: the number inside
// it starts the next clause however wide either gap is.
TEST_CASE("issue 13.3: a clause number inside a line whose own number has a wide gap after it", "[import][issue13]") {
    int cases = 0;
    for (int own_gap = 1; own_gap <= 8; ++own_gap)
        for (int inner_gap = 1; inner_gap <= 6; inner_gap += 5)
            for (const std::string& dot : {std::string(""), std::string(".")}) {
                const std::string own(static_cast<std::size_t>(own_gap), ' ');
                const std::string inner(static_cast<std::size_t>(inner_gap), ' ');
                const std::string text = "Member Officer Protocol\n\n1." + own + "Introduction\n\n1.1" + dot + own +
                                         "Members and officers must respect each other.\n\n1.2" + dot + own +
                                         "This protocol reflects the principles of the codes. 1.3" + dot + inner +
                                         "The Protocol must be read by every new member.\n\n2." + own + "Roles\n\n2.1" +
                                         dot + own + "Members set policy, see paragraph 1.3.\n";
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown Council"});
                CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3", "2.1"});
                ++cases;
            }
    CHECK(cases == 32);
}

// Seen on a town council's page: "1.3 This protocol covers" over bulleted items, no colon.
// A clause whose words end with a verb that wants its object ("covers", "include",
// "should", ...) introduces the list after it: a clause with its list, never a clause's
// title. A clause's real title over the same list stays a title.
TEST_CASE("a numbered lead-in without its colon over a list is a clause, not a clause's title", "[import][issue13]") {
    const std::array<std::string, 6> lead_ins = {"This protocol covers", "The principles include",
                                                 "Members should",       "The Clerk will",
                                                 "Its duties comprise",  "The roles are as follows"};
    const std::array<std::string, 2> titles = {"Status of this code", "Chairs of committees"};
    const std::array<std::pair<std::string, std::string>, 3> markers = {
        {{"- ", "- "}, {"\xE2\x80\xA2 ", "\xE2\x80\xA2 "}, {"(a) ", "(b) "}}};
    int cases = 0;
    for (const auto& [first, second] : markers)
        for (const bool blank_lines : {true, false}) {
            const std::string gap = blank_lines ? "\n\n" : "\n";
            auto text_with = [&](const std::string& words) {
                return "Member Officer Protocol" + gap + "1. Introduction" + gap +
                       "1.1 The purpose of this protocol is to guide councillors and officers." + gap + "1.2 " + words +
                       gap + first + "the roles of councillors and officers;\n" + second +
                       "relationships between them." + gap + "1.3 Officers serve the whole council." + gap;
            };
            for (const std::string& words : lead_ins) {
                INFO(text_with(words));
                const Imported i = import_text(text_with(words), {.council = "Anytown Council"});
                CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3"});
                CHECK(contains(i.markdown, "1.2 {#"));
                CHECK_FALSE(contains(i.markdown, "### 1.2"));
                ++cases;
            }
            for (const std::string& words : titles) {
                INFO(text_with(words));
                const Imported i = import_text(text_with(words), {.council = "Anytown Council"});
                CHECK(contains(i.markdown, "### 1.2 " + words));
                ++cases;
            }
        }
    CHECK(cases == 48);
}

// Seen on a council's code as a web page: "Section 5E – Code of Good Practice for
// Councillors involved in the Planning Process", a place and a title of eleven words on one
// line. Every place, separator and title length up to twelve words: both read.
TEST_CASE("a place and a long title on one line: both read, whatever the title's length", "[import][issue13]") {
    const std::string body =
        "1. Summary\n\n1.1 Planning decisions are made openly.\n\n1.2 Members declare interests.\n";
    const std::array<std::pair<std::string, std::string>, 4> places = {
        {{"Section 5E", "5E"}, {"Section 16", "16"}, {"Part 5(c)", "5(c)"}, {"PART 5", "5"}}};
    const std::array<std::string, 3> separators = {" \xE2\x80\x93 ", " - ", ": "};
    const std::string words = "Code of Good Practice for Councillors involved in the Planning Process";  // 11
    int cases = 0;
    for (const auto& [place, number] : places)
        for (const std::string& separator : separators)
            for (std::size_t length = 2; length <= 12; ++length) {
                std::vector<std::string> title_words = model::split_words(words + " Today");
                title_words.resize(length);
                std::string title;
                for (const auto& w : title_words) title += (title.empty() ? "" : " ") + w;
                const std::string text = place + separator + title + "\n\n" + body;
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown Council"});
                const model::Metadata& m = i.result.protocol.meta;
                CHECK(m.title == title);
                REQUIRE(m.constitution);
                const std::string got = place.starts_with("Part") || place.starts_with("PART")
                                            ? m.constitution->part
                                            : m.constitution->section;
                CHECK(got == number);
                ++cases;
            }
    CHECK(cases == 132);
}

// Seen on a council's code taken out of its PDF: a contents list of numbered headings with
// no page numbers, then the body with each number on a line of its own ("1." over
// "Introduction", "1.1" over its words), no blank lines. The list is dropped however many
// entries it has, with or without blank lines.
TEST_CASE("a contents list without page numbers over a body whose numbers stand on lines of their own",
          "[import][issue13]") {
    const std::array<std::string, 6> headings = {
        "Introduction", "Relationship to the Code of Conduct", "Development Proposals",
        "Site Visits",  "Public Speaking at Meetings",         "Training"};
    int cases = 0;
    for (std::size_t entries = 3; entries <= headings.size(); ++entries)
        for (const bool blank_lines : {false, true}) {
            const std::string gap = blank_lines ? "\n\n" : "\n";
            std::string text = "Anytown City Council" + gap + "Planning Code of Good Practice" + gap;
            for (std::size_t k = 0; k < entries; ++k) text += std::to_string(k + 1) + ". " + headings[k] + gap;
            std::vector<std::string> numbers;
            for (std::size_t k = 0; k < entries; ++k) {
                const std::string n = std::to_string(k + 1);
                text += n + "." + gap + headings[k] + gap + n + ".1" + gap + "Members apply this code in section " + n +
                        "." + gap;
                numbers.push_back(n + ".1");
            }
            INFO(text);
            const Imported i = import_text(text);
            CHECK(i.numbers == numbers);
            CHECK(i.sections.size() == entries);
            CHECK(contains(i.warnings, "dropped a table of contents (" + std::to_string(entries) + " lines)"));
            ++cases;
        }
    CHECK(cases == 8);
}

// Seen when a council's Word file is printed to PDF and read by pdftotext without -layout:
// the labels (or bullet glyphs) of a lead-in's list stand in a column of their own, read
// before the items' words; when two such clauses follow each other, the second's number,
// lead-in and labels come between the first's labels and its items. Every label style,
// list length, with items wrapped onto a second line or not, one clause or two: each label
// goes with its item's words, in order.
TEST_CASE("labels stacked in a column before their items' words, one clause or two interleaved", "[import][issue13]") {
    const std::array<std::array<std::string, 4>, 3> styles = {
        {{"(a)", "(b)", "(c)", "(d)"},
         {"a)", "b)", "c)", "d)"},
         {"\xE2\x80\xA2", "\xE2\x80\xA2", "\xE2\x80\xA2", "\xE2\x80\xA2"}}};
    int cases = 0;
    for (const auto& labels : styles)
        for (std::size_t count = 2; count <= 4; ++count)
            for (const bool wrapped : {false, true})
                for (const bool two : {false, true}) {
                    auto item = [&](int clause, std::size_t k) {
                        const std::string words =
                            "item " + std::to_string(k + 1) + " of list " + std::to_string(clause);
                        const std::string end = k + 1 == count ? "." : ";";
                        return wrapped ? words + " which runs on to\nthe next line" + end : words + end;
                    };
                    std::string text =
                        "Member Officer Protocol\n\n1.\n\nIntroduction\n\n1.1\n\nMembers must do these:\n";
                    for (std::size_t k = 0; k < count; ++k) text += labels[k] + "\n";
                    text += "\n";
                    if (two) {
                        text += "1.2\n\nOfficers must do those:\n";
                        for (std::size_t k = 0; k < count; ++k) text += labels[k] + "\n";
                        text += "\n1.3\n\n";
                    }
                    for (std::size_t k = 0; k < count; ++k) text += item(1, k) + "\n";
                    if (two)
                        for (std::size_t k = 0; k < count; ++k) text += item(2, k) + "\n";
                    text += (two ? "\n" : "\n1.2\n\nOfficers must do those.\n\n1.3\n\n") +
                            std::string("Councillors set policy.\n");
                    INFO(text);
                    const Imported i = import_text(text, {.council = "Anytown Council"});
                    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3"});
                    for (int clause = 1; clause <= (two ? 2 : 1); ++clause)
                        for (std::size_t k = 0; k < count; ++k) {
                            // (bullets are written "- "; labels "- (a) ")
                            const std::string marker = labels[k] == "\xE2\x80\xA2" ? "- " : "- " + labels[k] + " ";
                            CHECK(contains(i.markdown, marker + "item " + std::to_string(k + 1) + " of list " +
                                                           std::to_string(clause)));
                        }
                    CHECK(contains(i.warnings, "stood in a column of their own"));
                    ++cases;
                }
    CHECK(cases == 36);
}

// A web page's title printed again as the page's first heading, right under it (the page's
// own title, then the document's): left out, however it is spaced or cased, and no empty
// section is left where it stood.
TEST_CASE("the title repeated right under itself is left out, leaving no empty section", "[import][issue13]") {
    const std::array<std::pair<std::string, std::string>, 3> titles = {
        {{"Member Officer Protocol", "Member Officer Protocol"},
         {"Member/Officer Protocol", "MEMBER / OFFICER PROTOCOL"},
         {"Councillor-Officer Protocol", "Councillor - Officer Protocol"}}};
    int cases = 0;
    for (const auto& [title, again] : titles)
        for (const bool numbered : {true, false})
            for (const bool blank_lines : {true, false}) {
                const std::string gap = blank_lines ? "\n\n" : "\n";
                // (a text of some length: a handful of lines says nothing of how it was laid out)
                std::string body;
                for (const std::string heading : {"Introduction", "Roles"}) {
                    const std::string n = heading == std::string("Roles") ? "2" : "1";
                    body += (numbered ? n + ". " : "") + heading + gap;
                    for (int k = 1; k <= 3; ++k)
                        body += (numbered ? n + "." + std::to_string(k) + " " : "") +
                                "Members and officers respect each other in the work of paragraph number " +
                                std::to_string(k) + "." + gap;
                }
                const std::string text = title + gap + again + gap + body;
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown Council"});
                CHECK(i.result.protocol.meta.title == title);
                CHECK_FALSE(contains(i.markdown, again + " {"));
                CHECK_FALSE(contains(i.markdown, "{#preamble .preamble}"));
                CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3", "2.1", "2.2", "2.3"});
                ++cases;
            }
    CHECK(cases == 12);
}

// A covering report's points printed to PDF from Word and read by pdftotext without
// -layout: their numbers "1." "2." stacked in a column of their own, then one block of
// words with no blank line between the points. Each number goes to the line that starts
// after a finished sentence, in order, whatever the points' count and length.
TEST_CASE("a report's points whose numbers stand stacked over one block of their words", "[import][issue13]") {
    int cases = 0;
    for (int points = 2; points <= 4; ++points)
        for (const bool wrapped : {false, true}) {
            std::string text =
                "Member Officer Protocol\n\nTo: Standards Committee\n\nReport of: Monitoring Officer\n\n";
            for (int n = 1; n <= points; ++n) text += std::to_string(n) + ".\n";
            text += "\n";
            for (int n = 1; n <= points; ++n)
                text += wrapped ? "The committee considered point number " + std::to_string(n) +
                                      " of the review at its\nmeeting in the autumn.\n"
                                : "The committee considered point number " + std::to_string(n) + ".\n";
            text += "\n1. Introduction\n\n1.1 Members and officers work together.\n\n1.2 Officers serve the council.\n";
            INFO(text);
            const Imported i = import_text(text, {.council = "Anytown Council"});
            for (int n = 1; n <= points; ++n)
                CHECK(contains(i.markdown,
                               std::to_string(n) + ". The committee considered point number " + std::to_string(n)));
            CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2"});
            ++cases;
        }
    CHECK(cases == 6);
}

// Seen on a council's protocol and a parish council's: numbered headings, and under each
// the paragraphs lettered from (a) again ("1. Introduction and Principles" / "(a) The
// purpose ..." / "(b) ..."), cited "paragraph 2c"; a lead-in paragraph may have numerals
// "i." "ii." under it. So too under headings without numbers, or numbered by capital roman
// numerals ("II. ROLES OF MEMBERS") or letters ("B. Roles"), the paragraphs lettered in
// capitals ("A." "B.") or small letters, or numbered by small roman numerals ("(i)"). The
// letters or numerals number the sections' paragraphs, as "(1)" does under "1 Heading": 1.1,
// 1.2 ..., one warning; the lead-in's items stay its items. (Under unnumbered or roman headings these had been one
// clause holding the lettered paragraphs as bullets, "- (a) The purpose ...".)
TEST_CASE("letters from (a) again under every heading number the sections' paragraphs", "[import][issue13]") {
    // L: small letters, U: capitals, R: small roman numerals (the lead-in's items then lettered)
    const std::array<std::string, 7> styles = {"(L) ", "L) ", "L. ", "(U) ", "U. ", "(R) ", "R. "};
    const std::array<std::string, 4> heading_styles = {"N. ", "", "R. ", "C. "};
    const std::array<std::string, 4> romans = {"I", "II", "III", "IV"};
    const std::array<std::string, 2> item_styles = {"(R) ", "R. "};
    const std::array<std::string, 4> numerals = {"i", "ii", "iii", "iv"};
    int cases = 0;
    for (const std::string& style : styles)
        for (const std::string& heading_style : heading_styles) {
            // (headings lettered in capitals over paragraphs lettered in capitals: no text does so)
            if (heading_style == "C. " && style.find('U') != std::string::npos) continue;
            for (int sections = 2; sections <= 4; ++sections)
                for (int per_section = 1; per_section <= 4; ++per_section)
                    for (const bool blank_lines : {true, false})
                        for (int with_items = 0; with_items <= 2; ++with_items) {
                            // (fewer than eight lines without blank lines and without numbers
                            // do not tell a paragraph a line from a wrapped text)
                            if (heading_style.empty() && !blank_lines && with_items == 0 &&
                                1 + sections * (1 + per_section) < 8)
                                continue;
                            const std::string gap = blank_lines ? "\n\n" : "\n";
                            std::string text = "Protocol for Member/Officer Relations" + gap;
                            std::vector<std::string> expected;
                            for (int s = 1; s <= sections; ++s) {
                                std::string number = heading_style;
                                if (!number.empty())
                                    number.replace(0, 1,
                                                   heading_style[0] == 'N' ? std::to_string(s)
                                                   : heading_style[0] == 'R'
                                                       ? romans[static_cast<std::size_t>(s - 1)]
                                                       : std::string(1, static_cast<char>('A' + s - 1)));
                                text += number + "Heading number " + std::to_string(s) + gap;
                                for (int p = 1; p <= per_section; ++p) {
                                    std::string label = style;
                                    const std::size_t at = label.find_first_of("LUR");
                                    label.replace(at, 1,
                                                  label[at] == 'R'
                                                      ? numerals[static_cast<std::size_t>(p - 1)]
                                                      : std::string(1, static_cast<char>(
                                                                           (label[at] == 'L' ? 'a' : 'A') + p - 1)));
                                    const bool lead_in = with_items > 0 && s == 2 && p == 1;
                                    text += label + "Members and officers work together, words " + std::to_string(s) +
                                            "-" + std::to_string(p) + (lead_in ? " as follows:" : ".") + gap;
                                    if (lead_in)
                                        for (std::size_t k = 0; k < 3; ++k) {
                                            std::string item = item_styles[static_cast<std::size_t>(with_items - 1)];
                                            item.replace(item.find('R'), 1,
                                                         style.find('R') == std::string::npos
                                                             ? numerals[k]
                                                             : std::string(1, static_cast<char>('a' + k)));
                                            text += item + "they keep item " + std::to_string(k + 1) +
                                                    (k + 1 < 3 ? ";" : ".") + gap;
                                        }
                                    expected.push_back(std::to_string(s) + "." + std::to_string(p));
                                }
                            }
                            INFO(text);
                            const Imported i = import_text(text, {.council = "Anytown Council"});
                            CHECK(i.numbers == expected);
                            CHECK(i.sections.size() == static_cast<std::size_t>(sections));
                            CHECK(contains(i.warnings, "number the sections' paragraphs"));
                            CHECK(contains(i.markdown,
                                           "words " + std::to_string(sections) + "-" + std::to_string(per_section)));
                            CHECK(contains(i.markdown, "} Members and officers work together, words 1-1."));
                            if (with_items > 0) {
                                CHECK(contains(i.markdown, "as follows:\n\n- "));
                                CHECK(contains(i.markdown, "they keep item 3."));
                            }
                            ++cases;
                        }
        }
    CHECK(cases == 1851);
}

// Seen on a community council's page: a paragraph a line with blank lines between, and
// under "... four main areas of responsibility:" the items a line each, no bullets, no
// indent, no blank lines between them ("To determine council policy ...;" / "To monitor
// ..." / "To represent the council externally; and" / "To act as advocates ..."). Each line
// is an item of the lead-in's list, a warning each; the paragraph after is a clause. So on
// a planning code's page with no blank lines at all, under a numbered lead-in ("3.1 ...,
// that is:"), three lines or more (two could be a heading and its paragraph).
TEST_CASE("a paragraph a line: lines right under a lead-in are its items, their bullets lost", "[import][issue13]") {
    const std::array<std::string, 4> items = {"To determine council policy and provide community leadership",
                                              "To monitor and review council performance in delivering services",
                                              "To represent the council externally",
                                              "To act as advocates for their constituents"};
    const std::array<std::string, 4> endings = {";", "", "; and", ","};
    int cases = 0;
    for (std::size_t count = 2; count <= items.size(); ++count)
        for (const std::string& ending : endings)
            for (const bool gap_after_lead_in : {false, true})
                for (const bool numbered : {false, true})
                    for (const bool blank_lines : {true, false}) {
                        if (!blank_lines && (gap_after_lead_in || !numbered || count < 3)) continue;
                        const std::string gap = blank_lines ? "\n\n" : "\n";
                        std::string text = "Protocol for Members and Officers" + gap + "Roles of Councillors" + gap;
                        text += std::string(numbered ? "1.1 " : "") +
                                "Councillors and Officers are servants of the public and they are indispensable to one "
                                "another, but their responsibilities are distinct and each has its own part to play "
                                "in the work of the Council." +
                                gap;
                        text += std::string(numbered ? "1.2 " : "") +
                                "Councillors have four main areas of responsibility:\n";
                        if (gap_after_lead_in) text += "\n";
                        for (std::size_t k = 0; k < count; ++k)
                            text += items[k] + (k + 1 < count ? ending : ".") + "\n";
                        text += std::string(blank_lines ? "\n" : "") + (numbered ? "1.3 " : "") +
                                "All Councillors have the same rights and obligations in their relationship with the "
                                "Clerk and other employees, regardless of their status.\n";
                        INFO(text);
                        const Imported i = import_text(text, {.council = "Anytown Council"});
                        CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3"});
                        std::string list;
                        for (std::size_t k = 0; k < count; ++k)
                            list += "- " + items[k] + (k + 1 < count ? ending : ".") + "\n";
                        CHECK(contains(i.markdown, "responsibility:\n\n" + list));
                        CHECK(contains(i.warnings, "a line of its own right under it (its bullet lost)"));
                        ++cases;
                    }
    CHECK(cases == 56);
}

// Seen on a district council's web pages: the title, then "Adopted 17 May 2023, version 1"
// (or "Last updated ..."), unnumbered headings ("Background", "Introduction") over a
// preface, then sections numbered from "1."; and on an agenda item's page the title again
// under itself with a curly apostrophe ("Councillors' planning code" / "Councillors’ ...").
// The adoption and version go into the front matter, the preface is the preamble and the
// sections keep their printed numbers, the repeated title is left out.
TEST_CASE("a preface under unnumbered headings before sections numbered from 1., an adoption with its version",
          "[import][issue13]") {
    const std::array<std::string, 2> apostrophes = {"'", "\xE2\x80\x99"};
    const std::array<std::string, 2> preface_headings = {"Background", "INTRODUCTION"};
    int cases = 0;
    for (const std::string& apostrophe : apostrophes)
        for (const bool repeated_title : {false, true})
            for (const bool adoption : {false, true})
                for (std::size_t prefaces = 1; prefaces <= preface_headings.size(); ++prefaces)
                    for (const bool bullets : {false, true}) {
                        std::string text = "Members' Planning Code of Good Practice\n\n";
                        if (repeated_title) text += "Members" + apostrophe + " Planning Code of Good Practice\n\n";
                        if (adoption) text += "Adopted 17 May 2023, version 4\n\n";
                        for (std::size_t k = 0; k < prefaces; ++k)
                            text += preface_headings[k] + "\n\nThis code has been updated, preface paragraph " +
                                    std::to_string(k + 1) + ".\n\nA second preface paragraph follows it here.\n\n";
                        for (int s = 1; s <= 3; ++s) {
                            text += std::to_string(s) + ". Heading of numbered section " + std::to_string(s) + "\n\n";
                            text += std::string(bullets ? "\xE2\x80\xA2 " : "") + "Do apply the rules in section " +
                                    std::to_string(s) + " first.\n\n";
                        }
                        INFO(text);
                        const Imported i = import_text(text, {.council = "Anytown Council"});
                        const model::Metadata& meta = i.result.protocol.meta;
                        CHECK(meta.title == "Members' Planning Code of Good Practice");
                        CHECK(i.sections == std::vector<std::string>{"1. Heading of numbered section 1",
                                                                     "2. Heading of numbered section 2",
                                                                     "3. Heading of numbered section 3"});
                        CHECK(contains(i.markdown, "preface paragraph " + std::to_string(prefaces) + "."));
                        CHECK(!contains(i.markdown, "Planning Code of Good Practice {#"));
                        if (adoption) {
                            CHECK(meta.version == "4");
                            CHECK(meta.adopted == "2023-05-17");
                            CHECK(!contains(i.markdown, "Adopted 17 May"));
                        }
                        ++cases;
                    }
    CHECK(cases == 32);
}

// Seen on a parish council's page: a contents list of numbered headings without page
// numbers, some of them not read as titles alone ("7. The Relationship: General", "10.
// Councillors' Access to Information and to Council Documents"), then the body from "1.
// Introduction" again, a paragraph a line and no numbered paragraphs. The whole list goes.
TEST_CASE("a contents list without page numbers whose later entries read less as titles", "[import][issue13]") {
    const std::array<std::string, 4> odd_entries = {
        "The Relationship: General", "Councillors' Access to Information and to Council Documents",
        "Chairs and Vice-Chairs of Council, Committees and Sub-Committees", "If things go wrong"};
    int cases = 0;
    for (std::size_t odd = 0; odd < odd_entries.size(); ++odd)
        for (int at = 4; at <= 8; ++at)
            for (const bool blank_lines : {false, true}) {
                const std::string gap = blank_lines ? "\n\n" : "\n";
                std::string text = "Councillor-Officer Protocol" + gap + "Last Reviewed: April 2024" + gap;
                std::vector<std::string> sections;
                for (int n = 1; n <= 9; ++n) {
                    const std::string heading = n == at ? odd_entries[odd] : "Heading Number " + std::to_string(n);
                    text += std::to_string(n) + ". " + heading + gap;
                    sections.push_back(std::to_string(n) + ". " + heading);
                }
                for (int n = 1; n <= 9; ++n)
                    text += sections[static_cast<std::size_t>(n - 1)] + gap +
                            "Councillors and officers work together, " + "as part " + std::to_string(n) + " says." +
                            gap;
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown Council"});
                CHECK(i.sections == sections);
                CHECK(contains(i.warnings, "dropped a table of contents (9 lines)"));
                ++cases;
            }
    CHECK(cases == 40);
}

// Seen on a council's meeting page: the constitution's documents listed, "Section 1
// Structure and Responsibilities" / "Structure and Responsibilities pdf icon PDF 137 KB" /
// "1.1  The Councils Constitution" ..., no sentence anywhere. It was written out as a
// protocol of clauses that are titles; it is refused with what the text looks like.
TEST_CASE("a list of contents or documents, no sentence in it, is refused, the same titles with sentences import",
          "[import][issue13]") {
    int cases = 0;
    for (int sections = 2; sections <= 4; ++sections)
        for (int entries = 3; entries <= 5; ++entries)
            for (const bool sizes : {false, true})
                for (const bool with_sentences : {false, true}) {
                    std::string text = "Constitution - Thursday, 23rd May, 2024\n\nNo. Item\n\n";
                    for (int s = 1; s <= sections; ++s) {
                        text += "Section " + std::to_string(s) + " Part Number " + std::to_string(s) + "\n\n";
                        if (sizes) text += "Part Number " + std::to_string(s) + " pdf icon PDF 137 KB\n\n";
                        for (int e = 1; e <= entries; ++e)
                            text += std::to_string(s) + "." + std::to_string(e) + "  Entry Title " + std::to_string(e) +
                                    (with_sentences ? " sets out how members and officers work." : "") + "\n\n";
                    }
                    INFO(text);
                    model::Diagnostics diags;
                    const import::ImportResult r = import::import_text(text, "t.txt", {.council = "Anytown"}, diags);
                    CHECK(r.ok == with_sentences);
                    bool said = false;
                    for (const auto& d : diags.items())
                        said = said || (d.severity == model::Severity::error &&
                                        contains(d.message, "reads as a list of contents or of documents"));
                    CHECK(said == !with_sentences);
                    ++cases;
                }
    CHECK(cases == 36);
}

// Seen on a borough council's site, a publication page of a common council web platform:
// "Skip to main content", the council's name, "Services menu" and "Main navigation" with
// the site's sections as bullets (twenty and more), "Breadcrumbs" numbered a line each
// ("1. Home" / "2. Constitution"), the title ("Constitution - Councillor and officer
// protocol"), its summary, "+ show all updates", "Skip publication contents" and "Contents"
// over the site's pages with the protocol among them, then the protocol. The menus, the
// controls and the list go, the title is found however long the menus.
TEST_CASE("a council web platform's publication page: menus of any length, breadcrumbs, page controls, site contents",
          "[import][issue13]") {
    int cases = 0;
    for (int menu_items = 1; menu_items <= 40; menu_items += 13)
        for (const bool controls : {false, true})
            for (const bool site_contents : {false, true})
                for (const bool indented : {false, true}) {
                    const std::string pad = indented ? "  " : "";
                    std::string text = "Skip to main content\nAnytown Borough Council\n\nServices menu\n\n" + pad +
                                       "\xE2\x80\xA2 My Account\n\nMain navigation\n\n";
                    for (int k = 1; k <= menu_items; ++k)
                        text += pad + "\xE2\x80\xA2 Service area " + std::to_string(k) + "\n";
                    text += "\nBreadcrumbs\n\n" + pad + "1. Home\n" + pad + "2. Constitution\n" + pad +
                            "3. Codes and protocols\n\nConstitution - Councillor and officer protocol\n\n"
                            "This protocol provides guidance on the relationship between councillors and officers.\n";
                    if (controls) text += "+ show all updates\nSkip publication contents\n";
                    if (site_contents)
                        text += "Contents Contents\n" + pad + "\xE2\x80\xA2 Constitution\n" + pad + pad +
                                "\xE2\x80\xA2 Procedure rules\n" + pad + pad +
                                "\xE2\x80\xA2 Councillor and officer protocol\n" + pad + pad +
                                "\xE2\x80\xA2 Officer code of conduct\n";
                    text +=
                        "\nRoles of officers\n\nOfficers give advice to councillors and carry out the council's "
                        "work.\n\nOfficers serve the council as a whole.\n\nRoles of councillors\n\nCouncillors "
                        "represent their wards and take decisions together.\n";
                    INFO(text);
                    const Imported i = import_text(text, {.council = "Anytown Borough Council"});
                    CHECK(i.result.protocol.meta.title == "Councillor and officer protocol");
                    CHECK(i.sections == std::vector<std::string>{"Roles of officers", "Roles of councillors"});
                    for (const char* furniture : {"Service area", "Main navigation", "Home", "show all updates",
                                                  "Skip publication", "Procedure rules", "My Account"})
                        CHECK_FALSE(contains(i.markdown, furniture));
                    CHECK(contains(i.markdown, "This protocol provides guidance"));
                    ++cases;
                }
    CHECK(cases == 32);
}

// Seen on a county council's page (numbers from 8.63 on lines of their own): "In this
// section:" between two clauses, the links it introduced lost on the way to text. The label
// alone is the page's, not the clause's words.
TEST_CASE("a web page's label for links to its own parts, the links lost, is dropped alone", "[import][issue13]") {
    const std::array<std::string, 5> labels = {"In this section:", "In this section", "On this page",
                                               "Jump to:", "In this article"};
    int cases = 0;
    for (const std::string& label : labels)
        for (const bool own_line_numbers : {false, true})
            for (const bool heading_after : {false, true}) {
                auto number = [&](const std::string& n) { return own_line_numbers ? n + "\n\n" : n + " "; };
                std::string text = "Protocol on County Councillor/Officer Relations\n\n" + number("8.63") +
                                   "The purpose of this protocol is to provide guidance to members and officers.\n\n" +
                                   number("8.64") +
                                   "This protocol should be read with the Code of Member Conduct.\n\n" + label + "\n\n";
                if (heading_after) text += "The Roles of Members and Officers\n\n";
                text += number("8.65") + "County councillors and officers have complementary roles.\n";
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown County Council"});
                CHECK(i.numbers == std::vector<std::string>{"8.63", "8.64", "8.65"});
                CHECK_FALSE(contains(i.markdown, label));
                CHECK(contains(i.markdown, "with the Code of Member Conduct.\n"));
                ++cases;
            }
    CHECK(cases == 20);
}

// Seen on two parish and town councils' pages. One: "Protocol" (the page's label) over the
// council's name over "PROTOCOL ON COUNCILLOR/OFFICER RELATIONSHIPS": the full line is the
// title, the label left out. The other: a list whose numbers were lost, its top items the
// headings ("- Introduction", "- The Role of Councillors"), bulleted like the paragraphs
// under them, one glued after a paragraph's last full stop (". - The Role of ..."), under
// "Last reviewed 30th April 2024". The bullets of a few capitalised words are headings, the
// glued one a line of its own, the review date a line of the preamble.
TEST_CASE("a one-word label over the full title, and a list whose top items are bulleted headings",
          "[import][issue13]") {
    const std::array<std::string, 2> labels = {"Protocol", "Code"};
    int cases = 0;
    for (const std::string& label : labels)
        for (const bool dotted : {false, true})
            for (const bool council_line : {false, true}) {
                const std::string gap = "\n\n";
                std::string text = label + gap + (council_line ? "Anytown Parish Council" + gap : "") + "THE " +
                                   detail_upper(label) + " ON COUNCILLOR/OFFICER RELATIONSHIPS" + gap;
                for (int s = 1; s <= 3; ++s)
                    text += std::to_string(s) + (dotted ? ". " : " ") + "Heading Number " + std::to_string(s) + "\n\n" +
                            std::to_string(s) + ".1 Councillors and officers work together.\n\n";
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown Parish Council"});
                CHECK(i.result.protocol.meta.title ==
                      "THE " + detail_upper(label) + " ON COUNCILLOR/OFFICER RELATIONSHIPS");
                CHECK(contains(i.warnings, "a one-word label at the top of the page, left out"));
                CHECK(i.numbers == std::vector<std::string>{"1.1", "2.1", "3.1"});
                ++cases;
            }
    const std::array<std::string, 3> headings = {"Introduction", "The Role of Councillors and Employees",
                                                 "The Role of Councillors"};
    for (const bool glued : {false, true})
        for (const bool review_line : {false, true})
            for (int per_heading = 1; per_heading <= 3; ++per_heading) {
                std::string text = "Anytown Town Council\nCOUNCILLOR/EMPLOYEE PROTOCOL\n";
                if (review_line) text += "Last reviewed 30th April 2024\n";
                for (std::size_t h = 0; h < headings.size(); ++h) {
                    const std::string heading = "- " + headings[h];
                    if (glued && h > 0)
                        text.back() = ' ', text += heading + "\n";  // after the paragraph's last full stop
                    else
                        text += heading + "\n";
                    for (int k = 1; k <= per_heading; ++k)
                        text += "- Councillors and employees work together under heading " + std::to_string(h + 1) +
                                ", as paragraph " + std::to_string(k) + " of it explains.\n";
                }
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown Town Council"});
                CHECK(i.sections == std::vector<std::string>(headings.begin(), headings.end()));
                CHECK(i.numbers.size() == 3 * static_cast<std::size_t>(per_heading));
                CHECK(contains(i.warnings, "taken as a heading: a bullet of a few capitalised words"));
                if (glued) CHECK(contains(i.warnings, "glued after the paragraph's last full stop"));
                if (review_line) CHECK(contains(i.markdown, "\nLast reviewed 30th April 2024\n"));
                ++cases;
            }
    CHECK(cases == 20);
}

// Seen on a borough council's publication page whose text has the title and a few
// paragraphs, no heading and no number (the page's first part). Refused, as before, but
// the message says what it is: part of a protocol, to be imported whole; prose with no
// such title is still called running prose.
TEST_CASE("a protocol's title over paragraphs with no heading and no number: refused as part of a protocol",
          "[import][issue13]") {
    const std::array<std::string, 3> titles = {"Councillor and officer protocol", "Member/Officer Protocol",
                                               "Planning Code of Good Practice"};
    int cases = 0;
    for (const std::string& title : titles)
        for (int paragraphs = 1; paragraphs <= 3; ++paragraphs)
            for (const bool titled : {false, true}) {
                std::string text = titled ? title + "\n\n" : "";
                for (int k = 1; k <= paragraphs; ++k)
                    text +=
                        "Officers give advice to the Council and its councillors, and carry out its work, as "
                        "paragraph " +
                        std::string(1, static_cast<char>('A' + k)) + " says.\n\n";
                INFO(text);
                const std::string errors = refused(text);
                CHECK(contains(errors, titled ? "this reads as part of a protocol" : "reads as running prose"));
                ++cases;
            }
    CHECK(cases == 18);
}

// Seen on a directive and a party's constitution laid out as codes are: "3. DEFINITIONS."
// and under it "1. Activity Duty. ..." to "5. ...", then "4. POLICY."; "2.2 Political Aims",
// "... which promote:" and "    1. A strong ..." indented to the end. Numbers from 1 again
// inside a numbered paragraph, the paragraphs' numbering going on after them (or an
// indented list under a lead-in running to the end) are that paragraph's numbered list,
// not paragraphs or sections of their own, and a warning says so.
TEST_CASE("numbers from 1 again inside a numbered paragraph are its numbered list", "[import][issue13]") {
    const std::array<std::string, 5> entries = {
        "Activity Duty. Full time duty in the active service of the Council, whatever its length",
        "Civil Office. An office involving the exercise of the powers of civil government",
        "Political Activity. Activity supporting or relating to candidates or political parties",
        "A strong and accountable local government", "Productivity and work as the foundation of the service"};
    int cases = 0;
    for (const bool one_level : {true, false})
        for (std::size_t count = 2; count <= entries.size(); ++count)
            for (const int indent : {0, 2, 4})
                for (const bool blank_lines : {true, false})
                    for (const bool to_the_end : {false, true}) {
                        if (to_the_end && indent == 0) continue;  // (an unindented run at the end is ambiguous)
                        const std::string gap = blank_lines ? "\n\n" : "\n";
                        const std::string outer = one_level ? "3." : "2.2";
                        std::string text = "Protocol for Members and Officers\n\n";
                        text += one_level ? "1. PURPOSE.\n\nThis protocol guides members and officers in their work "
                                            "together.\n\n2. APPLICABILITY.\n\nIt applies to every member and every "
                                            "officer of the Council.\n\n3. DEFINITIONS. In this protocol the "
                                            "following words mean:\n"
                                          : "1. Introduction\n\n1.1 This protocol guides members and officers in "
                                            "their work together.\n\n2. Aims\n\n2.1 It applies to every member and "
                                            "every officer of the Council.\n\n2.2 To achieve this the Council will "
                                            "promote:\n";
                        if (blank_lines) text += "\n";
                        for (std::size_t k = 0; k < count; ++k)
                            text += std::string(static_cast<std::size_t>(indent), ' ') + std::to_string(k + 1) + ". " +
                                    entries[k] + "." + gap;
                        if (!to_the_end)
                            text += one_level ? "\n4. POLICY.\n\nMembers do not direct officers.\n"
                                              : "\n2.3 Members do not direct officers.\n";
                        INFO(text);
                        const Imported i = import_text(text, {.council = "Anytown Council"});
                        std::vector<std::string> numbers = one_level ? std::vector<std::string>{"1", "2", "3"}
                                                                     : std::vector<std::string>{"1.1", "2.1", "2.2"};
                        if (!to_the_end) numbers.push_back(one_level ? "4" : "2.3");
                        CHECK(i.numbers == numbers);
                        std::string list;
                        for (std::size_t k = 0; k < count; ++k)
                            list += std::to_string(k + 1) + ". " + entries[k] + ".\n";
                        std::string unindented;  // (a list inside a clause is indented under it)
                        for (std::size_t at = 0; at < i.markdown.size();) {
                            while (at < i.markdown.size() && i.markdown[at] == ' ') ++at;
                            const std::size_t eol = std::min(i.markdown.find('\n', at), i.markdown.size());
                            unindented += i.markdown.substr(at, eol - at) + "\n";
                            at = eol + 1;
                        }
                        CHECK(contains(unindented, list));
                        CHECK(contains(i.warnings, "taken as a numbered list inside paragraph " +
                                                       std::string(one_level ? "3" : "2.2")));
                        ++cases;
                    }
    CHECK(cases == 80);
}

// Seen on parish councils' policy pages: "Standing Orders" over a sentence about them,
// "Complaints Policy (Last reviewed 25/06/2024) – The process ...", "- Standing Orders –
// 2024". Most lines name a council document: a list of documents, refused with what it looks
// like. A protocol that lists the documents it is read with imports as before.
TEST_CASE("a council's page of its policies and procedures is refused as a list of documents", "[import][issue13]") {
    const std::array<std::string, 12> names = {"Standing Orders",
                                               "Financial Regulations",
                                               "Code of Conduct for Members",
                                               "Complaints Procedure",
                                               "Co-Option Policy",
                                               "Health and Safety Policy",
                                               "Member and Officer Relations Protocol",
                                               "Publication Scheme",
                                               "Grant Applications Criteria and Form",
                                               "Schedule of Delegation to the Proper Officer",
                                               "Equality and Diversity Policy",
                                               "Statement of Internal Control"};
    const std::string about = "This document sets out how the Council works in this area and was adopted by Council.";
    int cases = 0;
    for (const std::string layout :
         {"name over sentence", "name, blank line, sentence", "bullets", "dated lines", "month and year"})
        for (const std::size_t count : {6u, 9u, 12u})
            for (const bool introduction : {false, true}) {
                // (a page of a line a paragraph has no blank lines at all)
                const std::string gap = layout == "dated lines" || layout == "month and year" ? "\n" : "\n\n";
                std::string text = "Policies and Procedures" + gap;
                if (introduction)
                    text +=
                        "Parish councils have powers to represent their communities, and their business must "
                        "be done in a correct and open way." +
                        gap;
                for (std::size_t k = 0; k < count; ++k) {
                    if (layout == "name over sentence") text += names[k] + "\n" + about + "\n\n";
                    if (layout == "name, blank line, sentence") text += names[k] + "\n\n" + about + "\n\n";
                    if (layout == "bullets")
                        text += "- " + names[k] + " \xE2\x80\x93 202" + std::to_string(k % 5) + "\n";
                    if (layout == "month and year")  // ("Climate Change Action Plan Oct 2019")
                        text += names[k] + (k % 2 ? " Oct 20" : " September 20") + std::to_string(10 + k) + "\n";
                    if (layout == "dated lines")  // (what each is, in a few words or a sentence)
                        text += names[k] + " (Last reviewed 09/07/24)" +
                                (k % 3 == 0 ? "" : " \xE2\x80\x93 " + about.substr(0, 30 * (k % 3)) + ".") + "\n";
                }
                INFO(text);
                const std::string errors = refused(text);
                // (lines of names run together read as titles with no sentence: a list all the same)
                CHECK((contains(errors, "this reads as a council's list of its documents") ||
                       (layout == "month and year" && contains(errors, "list of contents or of documents"))));
                ++cases;
            }
    CHECK(cases == 30);
    // a protocol that names the documents it is read with
    for (const bool numbered : {false, true}) {
        std::string text = "Member and Officer Protocol\n\n";
        int n = 0;
        for (const std::string heading : {"Introduction", "Roles of Councillors", "Roles of Officers"}) {
            text += headed_paragraphs(heading, ++n, numbered, 3);
            if (heading != "Introduction") continue;
            text += "This Protocol is read with:\n\n";
            for (std::size_t k = 0; k < 6; ++k) text += "- " + names[k] + "\n";
            text += "\n";
        }
        INFO(text);
        const Imported i = import_text(text, {.council = "Anytown Council"});
        CHECK(i.numbers.size() == (numbered ? 9u : 10u));  // (unnumbered, the lead-in is a paragraph)
    }
}

// Seen on a parish council's page: "Our policies and procedures are set out below:" over the
// documents' names, sentences about some of them between, names that hold no kind of document
// ("Data Protection", "Training") and a misspelt one. A page that says it lists documents, over
// names, is refused as a list of documents, however many sentences stand between; a protocol
// whose title is above such a lead-in imports.
TEST_CASE("a page that announces its documents over their names, sentences between, is refused", "[import][issue13]") {
    const std::array<std::string, 8> names = {"Councillor Clerk Protocal 2020",
                                              "Climate Change Action Plan Oct 2019",
                                              "DPI Dispensation Procedure 2020",
                                              "Data Protection",
                                              "Data Protection and Information Policy",
                                              "Standing Orders",
                                              "Training",
                                              "Complaints Policy"};
    const std::array<std::string, 3> lead_ins = {
        "Our policies and procedures are set out below:", "The Council's key governance documents are listed here:",
        "You can read each of our policies below:"};
    const std::string about = "The Parish Council has adopted this in accordance with the law and reviews it yearly.";
    const std::string intro =
        "Parish councils have powers through legislation to represent and support their local communities. Their "
        "business is conducted in accordance with the powers they have been granted.";
    int cases = 0;
    for (const std::string& lead_in : lead_ins)
        for (const int introduction : {0, 1, 2})
            for (const int sentences_every : {1, 2, 3})
                for (const bool blank_lines : {false, true}) {
                    const std::string gap = blank_lines ? "\n\n" : "\n";
                    std::string text;
                    for (int k = 0; k < introduction; ++k) text += intro + gap;
                    text += lead_in + gap;
                    for (std::size_t k = 0; k < names.size(); ++k) {
                        text += names[k] + gap;
                        if (k % static_cast<std::size_t>(sentences_every) == 0) text += about + gap;
                    }
                    INFO(text);
                    CHECK(contains(refused(text), "this reads as a council's list of its documents"));
                    ++cases;
                }
    CHECK(cases == 54);
    // a protocol, numbered or not, whose title stands above the lead-in
    for (const bool numbered : {false, true})
        for (const std::string& lead_in : lead_ins) {
            std::string text = "Member and Officer Protocol\n\n" + lead_in + "\n\n";
            for (std::size_t k = 2; k < names.size(); ++k) text += names[k] + "\n";
            int n = 0;
            for (const std::string heading : {"Roles of Councillors", "Roles of Officers"})
                text += "\n" + headed_paragraphs(heading, ++n, numbered, 3);
            INFO(text);
            const Imported i = import_text(text, {.council = "Anytown Council"});
            CHECK(i.result.protocol.meta.title == "Member and Officer Protocol");
            CHECK(i.numbers.size() >= 6u);
        }
}

// Seen on a police force's guidance out of a PDF: no blank lines, a proportional font, so the
// wrapped lines run from 75 to 88 characters and the lines that end a paragraph from 62 to 69
// ("... include prospective candidates." / "It is likely ..."). A line that ends a sentence and
// had room for the next line's first word even in the shortest wrapped line ended its
// paragraph. Generated: pages wrapped at a width that changes from line to line, as a
// proportional font's does, each paragraph's last line long but shorter than that; every
// paragraph must come back on its own.
TEST_CASE("paragraphs of a page without blank lines in a proportional font end where the next word would fit",
          "[import][issue13]") {
    const std::array<std::string, 16> words = {"the",  "staff", "and", "each", "member", "may", "ask",  "for",
                                               "help", "from",  "all", "our",  "team",   "at",  "once", "so"};
    int cases = 0, long_endings = 0;
    for (unsigned seed = 1; seed <= 60; ++seed) {
        std::mt19937 random(seed);
        const std::size_t width = 76 + random() % 20;
        // each paragraph's lines but its last, wrapped greedily, each line to its own width
        // (a proportional font's lines hold 90 to 100 per cent of the characters of the widest)
        std::vector<std::vector<std::string>> paragraphs;
        std::vector<std::string> openings;  // each last line's first word
        std::vector<std::size_t> lengths;
        for (int k = 0; k < 6; ++k) {
            std::vector<std::string> para;
            std::string line = k % 2 ? "Officers" : "Members";
            std::size_t room = width - random() % (width / 10);
            // (until a line is wrapped after two lines or more: the word that did not fit
            // opens the last line, where the sentence goes on)
            for (unsigned n = 0;; ++n) {
                const std::string& w = words[random() % words.size()];
                if (line.size() + 1 + w.size() > room) {
                    para.push_back(line);
                    lengths.push_back(line.size());
                    line = w;
                    room = width - random() % (width / 10);
                    if (n >= 30 + random() % 30) break;
                    continue;
                }
                line += " " + w;
            }
            paragraphs.push_back(para);
            openings.push_back(line);
        }
        // each last line between three quarters of the width most lines reach and what the
        // shortest wrapped line leaves room for, the next paragraph's first word included
        std::vector<std::size_t> sorted = lengths;
        std::sort(sorted.begin(), sorted.end());
        std::size_t shortest = width;
        for (const auto& para : paragraphs)
            for (const auto& l : para) shortest = std::min(shortest, l.size());
        const std::size_t low = sorted[sorted.size() * 9 / 10] * 3 / 4 + 1, high = shortest - 1 - 8 - 1;
        if (low >= high) continue;
        for (std::size_t k = 0; k < paragraphs.size(); ++k) {
            std::vector<std::string>& para = paragraphs[k];
            const std::size_t target = low + random() % (high - low);
            std::string last = openings[k];
            while (true) {
                const std::string& w = words[random() % words.size()];
                if (last.size() + 1 + w.size() + 1 > high || last.size() >= target) break;
                last += " " + w;
            }
            para.push_back(last + ".");
            long_endings += para.back().size() >= width * 3 / 4;
        }
        std::string text = "Guidance for Officers and Members\n\nConduct during the election period\n";
        for (const auto& para : paragraphs)
            for (const auto& l : para) text += l + "\n";
        INFO(text);
        const Imported i = import_text(text, {.council = "Anytown Council"});
        CHECK(i.numbers.size() == paragraphs.size());
        ++cases;
    }
    CHECK(cases >= 30);
    CHECK(long_endings >= 100);  // (endings a three-quarter width rule alone would join)
}

// Found by the random mixes of layouts: a line the title page does not explain above the
// title ("Reviewed by the Standards Committee, spring session") was joined to the title as a
// sentence a page broke, and the protocol came out untitled. One or two such lines over a line that names a protocol or
// code: that line is the title, the lines above it kept (as a preamble), with a warning.
TEST_CASE("one or two lines the title page does not explain, above the title, leave the title found",
          "[import][issue13]") {
    const std::array<std::string, 4> above = {
        "Reviewed by the Standards Committee, spring session", "Issued by the Monitoring Officer in March",
        "Appendix to the report of the Monitoring Officer", "Draft for consultation with group leaders"};
    const std::array<std::string, 3> titles = {"Protocol on Member/Officer Relations", "Councillor-Officer Protocol",
                                               "CODE OF PRACTICE FOR MEMBERS AND OFFICERS"};
    int cases = 0;
    for (std::size_t a = 0; a < above.size(); ++a)
        for (const std::string& title : titles)
            for (const int lines_above : {1, 2})
                for (const bool numbered : {true, false}) {
                    std::string text = above[a] + "\n\n";
                    if (lines_above == 2) text += above[(a + 1) % above.size()] + "\n\n";
                    text += title + "\n\n";
                    int n = 0;
                    for (const std::string heading : {"Introduction", "Roles of Councillors", "Roles of Officers"})
                        text += headed_paragraphs(heading, ++n, numbered, 2);
                    INFO(text);
                    const Imported i = import_text(text, {.council = "Anytown Council"});
                    CHECK(i.result.protocol.meta.title == title);
                    CHECK(i.numbers.size() == 6u);
                    CHECK(contains(i.markdown, above[a]));  // (kept, not lost)
                    ++cases;
                }
    CHECK(cases == 48);
}

// Found by the random mixes of layouts: "... in good faith. See paragraph" / "1.2 of this
// Protocol." (wrapped, no number of its own in the text): the words after the line's last
// sentence were cut off as a heading glued on, since a number starts the next line. A
// reference broken at the line end is no heading, whatever word names the place.
TEST_CASE("a reference broken at a line end after a sentence is not cut off as a heading", "[import][issue13]") {
    int cases = 0;
    for (const std::string word : {"paragraph", "section", "clause"})
        for (const bool numbered : {false, true})
            for (const bool blank_lines : {true, false}) {
                const std::string gap = blank_lines ? "\n\n" : "\n";
                std::string text = "Member and Officer Protocol" + gap;
                int n = 0;
                for (const std::string heading : {"Introduction", "Roles of Councillors", "Roles of Officers"}) {
                    text += (numbered ? std::to_string(++n) + ". " : (++n, "")) + heading + gap;
                    for (int k = 1; k <= 2; ++k)
                        text += (numbered ? std::to_string(n) + "." + std::to_string(k) + " " : "") +
                                "Officers should consult the " + heading + " group on matter " + std::to_string(k) +
                                " in good faith. See " + word + "\n1." + std::to_string(k) + " of this Protocol." + gap;
                }
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown Council"});
                CHECK(i.numbers.size() == 6u);
                CHECK(!contains(i.markdown, "} See " + word));  // (no paragraph opens with the reference)
                ++cases;
            }
    CHECK(cases == 12);
}

// Found by the random mixes of layouts: with no blank lines, "Model protocol for local
// councils (LGA model, adapted in Somerset)" over "Model Councillor-Officer Protocol" was
// read as one title wrapped, and neither was taken. Two first lines that each name a
// protocol or code are lines of a title page.
TEST_CASE("two first lines that each name a protocol or code are not one title wrapped", "[import][issue13]") {
    const std::array<std::string, 3> above = {"Model protocol for local councils (LGA model, adapted in Somerset)",
                                              "Code of Practice adopted by the Standards Committee",
                                              "Model protocol for parish and town councils"};
    const std::array<std::string, 2> titles = {"Model Councillor-Officer Protocol", "Member and Officer Code"};
    const std::string body =
        "1. INTRODUCTION\n1.1 The purpose of this Protocol is to guide Councillors and officers of\nthe Council "
        "in their relations with one another.\n1.2 A strong and trusting relationship between Councillors\nand "
        "officers is essential to the work of the Council.\n2. ROLES\n2.1 Councillors set the policy of the "
        "Council and officers carry it\nout.\n";
    int cases = 0;
    for (const std::string& line : above)
        for (const std::string& title : titles) {
            const std::string text = line + "\n" + title + "\n" + body;
            INFO(text);
            const Imported i = import_text(text, {.council = "Anytown Council"});
            CHECK(i.result.protocol.meta.title != "Untitled protocol");
            CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "2.1"});
            CHECK(contains(i.markdown, title));
            ++cases;
        }
    CHECK(cases == 6);
}

// Seen on the same pages: "Standing Orders" on the line right over "Standing orders are the
// written rules ...", no blank line between, in blocks between blank lines. A short line in
// Title Case over a sentence, or over a line that runs to the width, is its heading; a table's
// cells a line each, and a heading wrapped over two lines, are not.
TEST_CASE("a short line in Title Case right over a sentence in the same block is its heading", "[import][issue13]") {
    const std::array<std::string, 3> headings = {"Roles of Councillors", "Working With Officers",
                                                 "Access to Information"};
    const std::array<std::string, 6> sentences = {
        "Councillors and officers serve the public together, and each respects the part the other plays in the "
        "work of the Council and its committees.",
        "Officers give impartial advice to every councillor, whatever group they belong to, and keep to the "
        "Council's policies.",
        "Councillors do not direct officers in their work, which is managed by the Chief Executive and the "
        "officers' line managers.",
        "Either may raise a concern about the other with the Monitoring Officer, who will look into it and "
        "report back to them.",
        "Councillors may see the documents they need for their work on the Council, as the law and this "
        "protocol allow.",
        "Information given to a councillor in confidence is kept confidential, and is not passed to anyone "
        "outside the Council."};
    int cases = 0;
    for (const std::size_t wrap : {0u, 72u, 100u})
        for (const int per_heading : {1, 2}) {
            std::string text = "Councillor and Officer Protocol\n\n";
            std::size_t next_sentence = 0;
            for (const std::string& heading : headings) {
                text += heading + "\n";
                for (int k = 0; k < per_heading; ++k) {
                    const std::string& sentence = sentences[next_sentence++ % sentences.size()];
                    if (k > 0) text += "\n";
                    if (wrap == 0) {
                        text += sentence + "\n";
                        continue;
                    }
                    std::string line;
                    for (const std::string& word : model::split_words(sentence)) {
                        if (!line.empty() && line.size() + 1 + word.size() > wrap) text += line + "\n", line.clear();
                        line += (line.empty() ? "" : " ") + word;
                    }
                    text += line + "\n";
                }
                text += "\n";
            }
            INFO(text);
            const Imported i = import_text(text, {.council = "Anytown Council"});
            CHECK(i.sections == std::vector<std::string>(headings.begin(), headings.end()));
            CHECK(i.numbers.size() == 3 * static_cast<std::size_t>(per_heading));
            CHECK(contains(i.warnings, "taken as a heading: a short line over a sentence in the same block"));
            ++cases;
        }
    CHECK(cases == 6);
}

// Seen on a parish council's page: "Co-Option Policy" run into "Ewhurst Parish Council has
// a policy ...". A council's name never runs back over a document's name.
TEST_CASE("a council's name is not read across the name of a document before it", "[import][issue13]") {
    for (const std::string document : {"Co-Option Policy", "Complaints Procedure", "Standing Orders", "Code"}) {
        const std::string text = "Member and Officer Protocol\n\n1. Introduction\n\n1.1 Under its " + document +
                                 " Anytown Parish Council will treat everyone fairly.\n\n1.2 This protocol was adopted "
                                 "in 2024.\n";
        INFO(text);
        const Imported i = import_text(text);
        CHECK(i.result.protocol.meta.council == "Anytown Parish Council");
    }
}

// Seen on a government page that publishes a code with its protocol as an annex: the page's
// own title and a description of it, then "Annex A: Protocol For Relations Between
// Councillors And Employees", definitions, and "1." "2." ... The annex's heading is the
// title (its label kept in it: the front matter has no place for an annex); the page's words
// above are the preamble, the definitions the protocol's own introduction.
TEST_CASE("a division's label and a protocol's title under a page's own title and description", "[import][issue13]") {
    int cases = 0;
    for (const std::string label : {"Annex A", "Appendix 2", "Schedule 1", "Annexe C"})
        for (const std::string separator : {": ", " \xE2\x80\x93 ", " - "})
            for (const int description : {1, 2})
                for (const bool definitions : {false, true})
                    for (const bool two_levels : {false, true}) {
                        const std::string heading =
                            label + separator + "Protocol For Relations Between Councillors And Employees";
                        std::string text = "Councillors' code of conduct: December 2021\n\n";
                        for (int k = 0; k < description; ++k)
                            text +=
                                "Code of conduct for councillors setting out the standards of behaviour they "
                                "follow, issued by Ministers under the Act.\n\n";
                        text += heading + "\n\n";
                        if (definitions)
                            text +=
                                "The reference to employees below covers all employees and officers of "
                                "councils.\n\nThe reference to Convener below covers all committee chairs.\n\n";
                        for (int k = 1; k <= 4; ++k)
                            text += (two_levels ? "1." : "") + std::to_string(k) + (two_levels ? " " : ". ") +
                                    "Councillors and employees should work in an atmosphere of mutual trust, rule " +
                                    std::to_string(k) + ".\n\n";
                        INFO(text);
                        const Imported i = import_text(text, {.council = "Anytown Council"});
                        CHECK(i.result.protocol.meta.title == heading);
                        CHECK(i.numbers.size() == 4);
                        const auto& sections = i.result.protocol.sections;
                        REQUIRE(!sections.empty());
                        CHECK(sections.front().kind == model::SectionKind::preamble);
                        CHECK(contains(model::plain_text(sections.front().intro.front().inlines), "code of conduct"));
                        // the definitions are the protocol's, not the preamble's
                        for (const auto& s : sections)
                            for (const auto& b : s.intro)
                                if (contains(model::plain_text(b.inlines), "The reference to"))
                                    CHECK(s.kind != model::SectionKind::preamble);
                        CHECK(contains(i.warnings, "' taken as the title: the first heading, a division's label"));
                        ++cases;
                    }
    CHECK(cases == 96);
}

// Seen on a document-sharing site's copy of a constitution's Part: its contents list went
// (dot leaders), and what was left is a few lines of titles and file names, not one
// sentence and no numbered paragraph: refused as a list, not written out as a protocol.
TEST_CASE("a few lines of titles with no sentence and no numbered paragraph are refused as a list",
          "[import][issue13]") {
    const std::array<std::string, 5> lines = {"Part 5 Codes and Protocols", "Kent Code of Conduct for Members",
                                              "Officers' Code of Conduct document.doc615",
                                              "Protocol on Member/Officer Relations", "Civic Protocols"};
    int cases = 0;
    for (std::size_t count = 3; count <= lines.size(); ++count)
        for (const bool headed : {false, true}) {
            std::string text = headed ? "Codes and Protocols\n\nContents\n\n" : "";
            for (std::size_t k = 0; k < count; ++k)
                text += lines[k] + " document.doc" + std::to_string(613 + k) + "\n\n";
            INFO(text);
            const std::string errors = refused(text);
            CHECK(contains(errors, "this reads as a list of contents or of documents"));
            ++cases;
        }
    CHECK(cases == 6);
}

// Seen on a county council's constitution pages: "Constitution - Part 6H - Protocol for
// notifying local members of key issues" over clauses 1.1 ... The title is what follows the
// last dash that names a protocol, the Part goes into the front matter, however many words
// the whole line has.
TEST_CASE("a title after several dashes, the Part before it", "[import][issue13]") {
    const std::array<std::string, 3> titles = {"Protocol for notifying local members of key issues",
                                               "Member Officer Protocol",
                                               "Code of Practice for Members and Officers dealing with Planning"};
    int cases = 0;
    for (const std::string& title : titles)
        for (const std::string before : {"Constitution", "Codes and Protocols", "Anytown Constitution"})
            for (const std::string dash : {" - ", " \xE2\x80\x93 ", ": "})
                for (const std::string part : {"6H", "5", "4(c)"}) {
                    const std::string line = before + dash + "Part " + part + dash + title;
                    std::string text = line + "\n\n";
                    for (int k = 1; k <= 3; ++k)
                        text += "1." + std::to_string(k) +
                                " Members carry out a number of roles for the council, "
                                "rule " +
                                std::to_string(k) + ".\n\n";
                    INFO(text);
                    const Imported i = import_text(text, {.council = "Anytown Council"});
                    CHECK(i.result.protocol.meta.title == title);
                    REQUIRE(i.result.protocol.meta.constitution.has_value());
                    CHECK(i.result.protocol.meta.constitution->part == part);
                    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3"});
                    ++cases;
                }
    CHECK(cases == 81);
}

// Seen on a county council's staff pages: "Skip to content" over "Member and officer
// relationship", a page that names the relationship, not a protocol. The page's title is
// found under its furniture.
TEST_CASE("a page titled with the relationship it is about, under web furniture", "[import][issue13]") {
    for (const std::string title :
         {"Member and officer relationship", "Councillor and staff relationship", "The member-officer relationship"})
        for (const std::string furniture : {"Skip to content", "Skip to main content"}) {
            const std::string text = furniture + "\n\n" + title +
                                     "\n\nSupporting good working relationships between officers and members.\n\n"
                                     "Background\n\nThe protocol sets out the role of members and employees.\n\n"
                                     "Purpose\n\nThis guidance makes expectations clear.\n";
            INFO(text);
            const Imported i = import_text(text, {.council = "Anyshire County Council"});
            CHECK(i.result.protocol.meta.title == title);
            CHECK(contains(i.warnings, "dropped '" + furniture + "': web page furniture above the title"));
        }
}

// Seen on committee systems' pages for one agenda item: "Agenda item", the item's title,
// "Decision:" and the decisions, "Minutes:" and the minutes' numbered paragraphs
// ("85.1 The Committee considered ..."), "Supporting documents:". Refused as minutes.
TEST_CASE("a committee system's page for an agenda item is refused as minutes", "[import][issue13]") {
    int cases = 0;
    for (const bool decision : {false, true})
        for (const bool minutes : {false, true})
            for (const bool documents : {false, true}) {
                if (decision + minutes + documents < 2) continue;
                std::string text = "Agenda item\n\nGuidance on Member Correspondence\n\n";
                if (decision)
                    text +=
                        "Decision:\n\n1) That the committee approves the Guidance.\n\n2) That the Guidance be "
                        "circulated to all members.\n\n";
                if (minutes)
                    text +=
                        "Minutes:\n\n85.1 The Committee considered a report of the Monitoring Officer.\n\n85.2 "
                        "Councillor Green noted that members receive much correspondence.\n\n";
                else
                    text += "The Committee considered a report of the Monitoring Officer on guidance for members.\n\n";
                if (documents) text += "Supporting documents:\n";
                INFO(text);
                const std::string errors = refused(text);
                CHECK(contains(errors, "this reads as the minutes of a meeting"));
                ++cases;
            }
    CHECK(cases == 4);
}

// Seen on a governance toolkit's web page: its contents "  1. Introduction" ... "  10. The
// Complaints Procedure", indented, and the body's first heading "1    Introduction", the
// number without its dot and a wide gap. The list goes, however the heading is written again.
TEST_CASE("a contents list whose first entry comes again written another way", "[import][issue13]") {
    int cases = 0;
    for (const std::string indent : {"", "  "})
        for (const std::string body_form : {"1    Introduction", "1 Introduction", "1.  INTRODUCTION"})
            for (const bool blank_lines : {false, true}) {
                const std::string gap = blank_lines ? "\n\n" : "\n";
                std::string text = "Governance Toolkit" + gap;
                const std::array<std::string, 4> headings = {"Introduction", "Connecting with your community",
                                                             "Model Protocol on Communications",
                                                             "Governing Documents for Parish Councils"};
                for (std::size_t n = 0; n < headings.size(); ++n)
                    text += indent + std::to_string(n + 1) + ". " + headings[n] + "\n";
                text += "\n";
                for (std::size_t n = 0; n < headings.size(); ++n) {
                    text += (n == 0 ? body_form : std::to_string(n + 1) + ". " + headings[n]) + "\n\n";
                    text += "Parish councils are corporate bodies created by statute, as part " +
                            std::to_string(n + 1) + " explains." + gap;
                }
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown Council"});
                CHECK(i.sections.size() == headings.size());
                CHECK(contains(i.warnings, "dropped a table of contents (4 lines)"));
                ++cases;
            }
    CHECK(cases == 12);
}

// Seen on a national body's resource page and a county association's wiki: a protocol's
// opening paragraphs, no title line, no heading, no number ("The purpose of this Protocol is
// ..."). Refused, but as part of a protocol, not as running prose: its words name it as a
// protocol names itself.
TEST_CASE("paragraphs that speak of this Protocol with no heading nor number: refused as part of a protocol",
          "[import][issue13]") {
    int cases = 0;
    for (const std::string self : {"this Protocol", "This protocol", "this Code"})
        for (int paragraphs = 1; paragraphs <= 3; ++paragraphs) {
            std::string text;
            for (int k = 1; k <= paragraphs; ++k)
                text += (k == paragraphs ? "The purpose of " + self + " is to guide councillors and officers. "
                                         : std::string()) +
                        "A strong and trusting relationship between councillors and officers is essential, as "
                        "part " +
                        std::to_string(k) + " says.\n\n";
            INFO(text);
            const std::string errors = refused(text);
            CHECK(contains(errors, "this reads as part of a protocol"));
            ++cases;
        }
    CHECK(cases == 9);
}

// Seen on a city council's committee system: a liaison meeting's "Agenda and minutes", its
// venue, "Minutes of the Last Meeting", "Matters Arising" and the Chair's reports, one of
// them on the Code of Conduct. Refused as minutes, not written out as a protocol.
TEST_CASE("a meeting's agenda and minutes page is refused as minutes", "[import][issue13]") {
    const std::array<std::string, 4> marks = {"Agenda and minutes", "Venue: Microsoft Teams Meeting",
                                              "Minutes of the Last Meeting: 24 March 2022", "Matters Arising"};
    int cases = 0;
    for (std::size_t left_out = 0; left_out <= marks.size(); ++left_out) {
        std::string text;
        for (std::size_t k = 0; k < marks.size(); ++k)
            if (k != left_out)
                text += marks[k] + "\n\nThe Chair confirmed that the slides had been circulated to all the clerks.\n\n";
        text += "Code of Conduct\n\nThe Chair stated that councillors could receive Code of Conduct training.\n";
        INFO(text);
        CHECK(contains(refused(text), "this reads as the minutes of a meeting"));
        ++cases;
    }
    CHECK(cases == 5);
}

namespace {

// `words` filled into lines of at most `width`, as many as fit each (a greedy wrap),
// counted in characters or in bytes ("councillors’" is 12 characters, 14 bytes).
std::vector<std::string> greedy_wrap(const std::vector<std::string>& words, std::size_t width, bool bytes) {
    auto measure = [&](const std::string& s) {
        return bytes ? s.size() : static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    };
    std::vector<std::string> lines;
    std::string line;
    for (const auto& w : words) {
        if (!line.empty() && measure(line) + 1 + measure(w) > width) lines.push_back(line), line.clear();
        line += (line.empty() ? "" : " ") + w;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// A paragraph of `sentences` sentences of plain words, some with a curly apostrophe.
std::vector<std::string> sentence_words(std::mt19937& random, int sentences) {
    static const std::array<std::string, 18> words = {
        "officers", "should",  "give", "councillors’", "advice", "on",    "the",      "Council’s", "policy",
        "and",      "members", "will", "respect",      "their",  "views", "promptly", "in",        "writing"};
    std::vector<std::string> out;
    for (int s = 0; s < sentences; ++s) {
        const std::size_t n = 8 + random() % 14;
        for (std::size_t k = 0; k < n; ++k) {
            std::string w = words[random() % words.size()];
            if (k == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
            out.push_back(w + (k + 1 == n ? "." : ""));
        }
    }
    return out;
}

}  // namespace

// Found by the random mixes of layouts: an unnumbered text wrapped at a fixed width with no
// blank lines (a plain-text editor's, an email's, Word's "insert line breaks") was read as
// if its lines could fall a quarter short of the width, as a proportional font's do: a
// paragraph whose last line ran past three quarters of the width was joined to the next,
// and a heading in sentence case ("Responsibility for this code") to the paragraph over it.
// Such a wrap leaves every line that goes on mid-sentence too full for the next word; where
// the text shows that, a line with room for the next line's first word was ended.
// Generated: headings in sentence case over paragraphs of one to three sentences, wrapped
// greedily at 56 to 96, counted in characters or in bytes, each paragraph's last line left
// with room for the next word (a wrap that leaves none is a text two readings fit).
TEST_CASE("a text wrapped greedily at a fixed width, no blank lines: a line with room for the next word ended",
          "[import][issue13]") {
    const std::array<std::string, 6> headings = {"Responsibility for this code", "Contact with the press and media",
                                                 "Close personal relationships", "Councillors’ enquiries and requests",
                                                 "When things go wrong",         "Support for political groups"};
    int cases = 0, long_endings = 0;
    for (unsigned seed = 1; seed <= 80; ++seed) {
        std::mt19937 random(seed);
        const std::size_t width = 56 + random() % 41;
        const bool bytes = seed % 2 == 0;
        std::string text = "Member/Officer Protocol\n";
        std::size_t paragraphs = 0, sections = 0;
        std::vector<std::string> last_lines;
        for (std::size_t h = 0; h < 3 + seed % 3; ++h) {
            text += headings[(seed + h) % headings.size()] + "\n";
            ++sections;
            const int count = 2 + static_cast<int>(random() % 3);
            for (int p = 0; p < count; ++p) {
                std::vector<std::string> lines = greedy_wrap(sentence_words(random, 1 + random() % 3), width, bytes);
                // (the last line cut to leave room for its stop and any next line's first
                // word, 14 bytes at most: "Councillors’", "Responsibility")
                std::string& last = lines.back();
                while (last.size() + 1 + 1 + 14 > width && last.find(' ') != std::string::npos)
                    last.erase(last.rfind(' '));
                if (last.back() != '.') last += ".";
                long_endings += last.size() * 4 >= width * 3;
                for (const auto& l : lines) text += l + "\n";
                ++paragraphs;
            }
        }
        INFO(text);
        const Imported i = import_text(text, {.council = "Anytown Council"});
        CHECK(i.numbers.size() == paragraphs);
        CHECK(i.sections.size() == sections);
        ++cases;
    }
    CHECK(cases == 80);
    CHECK(long_endings >= 150);  // (endings a three-quarter width rule alone would join)
}

// Found by the random mixes of layouts, in text with blank lines between paragraphs,
// wrapped greedily: a paragraph that ends without a stop, its last line past three
// quarters of the width, was joined across the blank line to the capitalised paragraph
// after it, as if a page had broken it: a bulleted item ("... to a Councillor or group of
// Councillors" / "Councillors may not ..."), a web address longer than the width, and
// items without stops under a lead-in ("... can be summarised as follows:" / "Both
// Councillors and officers are ... distinct from one another" / "Councillors are ...").
// Where the wrap shows it was greedy, a last line with room for the next word ended its
// paragraph. Generated: each of the three, wrapped at 56 to 96 in characters or bytes.
TEST_CASE("blank lines and a greedy wrap: a paragraph without a stop whose last line had room is not joined",
          "[import][issue13]") {
    int cases = 0, long_endings = 0;
    for (unsigned seed = 1; seed <= 60; ++seed) {
        std::mt19937 random(seed);
        const std::size_t width = 56 + random() % 41;
        const bool bytes = seed % 2 == 1;
        // a paragraph of `sentences` sentences, its stop taken off when `stop` is false, its
        // last line cut to leave room for the next paragraph's first word
        auto paragraph = [&](const std::string& glyph, int sentences, bool stop) {
            std::vector<std::string> words = sentence_words(random, sentences);
            if (!glyph.empty()) words.insert(words.begin(), glyph);
            words.back().pop_back();  // (its stop, put back after the cut where wanted)
            std::vector<std::string> lines = greedy_wrap(words, width, bytes);
            // the last line cut to leave room for its stop and the next paragraph's first word
            // (14 bytes at most); an item without a stop ends with a noun, not "... and in"
            auto small = [](const std::string& line) {
                const std::string w = line.substr(line.rfind(' ') + 1);
                return w == "on" || w == "the" || w == "and" || w == "in" || w == "their" || w == "should" ||
                       w == "will" || w == "give";
            };
            while (lines.back().size() + 1 + 1 + 14 > width || (!stop && small(lines.back()))) {
                if (lines.back().find(' ') != std::string::npos)
                    lines.back().erase(lines.back().rfind(' '));
                else if (lines.size() > 1)
                    lines.pop_back();
                else
                    break;
            }
            std::string& last = lines.back();
            if (stop) last += ".";
            long_endings += !stop && last.size() * 4 >= width * 3;
            std::string out;
            for (const auto& l : lines) out += l + "\n";
            return out + "\n";
        };
        std::string text = "Member/Officer Protocol\n\nSupport for Councillors\n\n";
        std::size_t clauses = 0;
        const int kind = static_cast<int>(seed % 3);
        for (int round = 0; round < 3; ++round) {
            text += paragraph("", 2, true), ++clauses;
            const std::string ways[] = {"these ways", "the following ways", "three ways"};
            if (kind == 0) {  // bulleted items without stops, the last before a paragraph
                text += "Officers will help Councillors in " + ways[round] + ":\n\n";
                for (int k = 0; k < 2; ++k) text += paragraph("•", 2, false);
                ++clauses;
            } else if (kind == 1) {  // a web address longer than the width
                text += "The " + ways[round] + " are set out at\nhttps://www.example.gov.uk/" +
                        std::string(width, 'x') + "/member-officer-relations-guidance\n\n";
                ++clauses;
            } else {  // items without stops under a lead-in, a line or more each
                text += "The roles can be summarised in " + ways[round] + ":\n\n";
                for (int k = 0; k < 2; ++k) text += paragraph("", 2, false), ++clauses;
                ++clauses;
            }
        }
        text += paragraph("", 2, true), ++clauses;
        INFO(text);
        const Imported i = import_text(text, {.council = "Anytown Council"});
        CHECK(i.numbers.size() == clauses);
        ++cases;
    }
    CHECK(cases == 60);
    CHECK(long_endings >= 30);  // (endings a three-quarter width rule alone would join)
}

// Found by the random mixes of layouts: in an unnumbered text, "... respect each other's
// free" / "non-working time ..." became "freenon-working": where no number has been read
// yet, a paragraph's short first line was taken for a title page's, where a PDF's text runs
// cut words, and two words seen once each were joined. A text with no numbers is past its
// title page once a paragraph has ended a sentence. Generated: unnumbered texts of words
// each seen about once (invented, as rare words in a long text are), wrapped at 50 to 59,
// blank lines between paragraphs: no two words at a line break may come back joined.
TEST_CASE("an unnumbered text past its title page keeps apart the words at its line breaks", "[import][issue13]") {
    const std::array<std::string, 12> syllables = {"ba",  "ker", "lo", "min",  "tor", "sel",
                                                   "vin", "dra", "po", "quel", "sa",  "rith"};
    int cases = 0;
    std::size_t breaks = 0;
    for (unsigned seed = 1; seed <= 30; ++seed) {
        std::mt19937 random(seed);
        const std::size_t width = 50 + random() % 10;
        auto word = [&] {
            std::string w;
            for (std::size_t k = 0, n = 2 + random() % 2; k < n; ++k) w += syllables[random() % syllables.size()];
            return w;
        };
        std::string text = "Member/Officer Protocol\n\n";
        std::vector<std::pair<std::string, std::string>> at_breaks;  // the words either side of each line break
        for (const std::string heading : {"Roles of Councillors", "Roles of Officers", "Working together"}) {
            text += heading + "\n\n";
            for (int p = 0; p < 4; ++p) {
                std::vector<std::string> words;
                for (int s = 0; s < 2; ++s) {
                    const std::size_t n = 10 + random() % 7;
                    for (std::size_t k = 0; k < n; ++k) {
                        std::string w = word();
                        if (k == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
                        words.push_back(w + (k + 1 == n ? "." : ""));
                    }
                }
                const std::vector<std::string> lines = greedy_wrap(words, width, false);
                for (std::size_t k = 0; k + 1 < lines.size(); ++k)
                    at_breaks.emplace_back(lines[k].substr(lines[k].rfind(' ') + 1),
                                           lines[k + 1].substr(0, lines[k + 1].find(' ')));
                for (const auto& l : lines) text += l + "\n";
                text += "\n";
            }
        }
        INFO(text);
        const Imported i = import_text(text, {.council = "Anytown Council"});
        CHECK(i.numbers.size() == 12u);
        for (const auto& [before, after] : at_breaks) {
            INFO(before << " / " << after);
            CHECK(!contains(i.markdown, before + after));
        }
        breaks += at_breaks.size();
        ++cases;
    }
    CHECK(cases == 30);
    CHECK(breaks >= 1000u);
}

// Found importing pandoc's plain text of our own .docx: an extract quoted under a lead-in
// ("... the guidance states that:") is indented two spaces, a paragraph or more, from an
// opening quotation mark to a closing one; it was taken for items whose bullets were lost
// (each "taken as an item of the list the line before introduces"). From the mark that
// opens it to the one that closes it, an indented run is a quoted passage; indented lines
// without quotation marks are still items. Generated: one to five paragraphs, straight or
// curly marks, wrapped or not, with items under another lead-in after them.
TEST_CASE("an indented passage in quotation marks under a lead-in is a quotation, not a list", "[import][issue13]") {
    int cases = 0;
    for (const bool curly : {false, true})
        for (int paragraphs = 1; paragraphs <= 5; ++paragraphs)
            for (const bool wrapped : {false, true}) {
                const std::string open = curly ? "\xE2\x80\x9C" : "\"", close = curly ? "\xE2\x80\x9D" : "\"";
                std::string text =
                    "Member/Officer Protocol\n\nIntroduction\n\n"
                    "1.1 The guidance of the Local Government Association states that:\n\n";
                for (int k = 0; k < paragraphs; ++k) {
                    std::string para =
                        "Councillors and officers are servants of the public and are indispensable "
                        "to one another, and the roles are very different (the " +
                        std::array<std::string, 5>{"first", "second", "third", "fourth", "fifth"}[k] + " point).";
                    if (k == 0) para = open + para;
                    if (k + 1 == paragraphs) para += close;
                    for (const auto& line :
                         wrapped ? greedy_wrap(model::split_words(para), 70, false) : std::vector<std::string>{para})
                        text += "  " + line + "\n";
                    text += "\n";
                }
                text +=
                    "1.2 Officers will help Councillors in these ways:\n\n  by giving advice\n\n"
                    "  by answering enquiries\n\n1.3 Officers are impartial.\n";
                INFO(text);
                const Imported i = import_text(text, {.council = "Anytown Council"});
                CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3"});
                CHECK(!contains(i.warnings, "different (the"));  // (no paragraph of it an item)
                const auto& blocks = i.result.protocol.sections.back().clauses.front().blocks;
                REQUIRE(blocks.size() == 2u);
                CHECK(blocks[1].kind == model::BlockKind::quote);
                CHECK(blocks[1].children.size() == static_cast<std::size_t>(paragraphs));
                CHECK(contains(i.warnings, "by giving advice"));  // (items, their bullets lost)
                ++cases;
            }
    CHECK(cases == 20);
}

// Found by the random mixes of layouts: a paragraph a line, no blank lines, the council's
// name over the title ("Councillor-Officer Protocol") and the first heading right under it
// ("Close personal relationships"): the two were read as one title wrapped over two lines,
// the heading lost. A title wrapped goes on in its own case; a line in another case under a
// title that names a protocol or code is the first heading (a warning says so). Generated:
// titles in Title Case or capitals, headings in each other case, the council's name above
// or not, numbered paragraphs or none; and titles wrapped over two lines in one case, which
// stay one title.
TEST_CASE("no blank lines: a heading under the title in another case is a heading, not the title's last words",
          "[import][issue13]") {
    const std::array<std::string, 3> titles = {"Councillor-Officer Protocol",
                                               "Code of Practice for Member/Officer Relations",
                                               "Protocol on Member and Officer Relations"};
    const std::array<std::string, 3> headings = {"Close personal relationships", "Media relations",
                                                 "Support for councillors"};
    const auto cased = [](const std::string& s, int style) {
        if (style == 2) return detail_upper(s);
        if (style == 0) return s;
        std::string out = s;  // Title Case: every word of four letters or more capitalised
        for (std::size_t k = 0; k < out.size(); ++k)
            if ((k == 0 || out[k - 1] == ' ') && out.find(' ', k) != k + 1 && out.find(' ', k) != k + 2 &&
                out.find(' ', k) != k + 3)
                out[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[k])));
        return out;
    };
    int cases = 0;
    for (const auto& title : titles)
        for (const int title_style : {1, 2})
            for (const auto& heading : headings)
                for (const int heading_style : {0, 1, 2}) {
                    if (heading_style == title_style) continue;
                    for (const bool council : {false, true})
                        for (const bool numbered : {false, true}) {
                            std::string text = council ? "Anytown District Council\n" : "";
                            text += cased(title, title_style) + "\n" + cased(heading, heading_style) + "\n";
                            for (int s = 1; s <= 3; ++s) {
                                if (s > 1) text += "Further matters number " + std::to_string(s) + "\n";
                                for (int p = 1; p <= 3; ++p)
                                    text += (numbered ? std::to_string(s) + "." + std::to_string(p) + " " : "") +
                                            "Councillors and officers treat each other with respect in case " +
                                            std::to_string(s) + "-" + std::to_string(p) + ".\n";
                            }
                            INFO(text);
                            const Imported i = import_text(text, {.council = "Anytown District Council"});
                            CHECK(i.result.protocol.meta.title == cased(title, title_style));
                            REQUIRE(!i.sections.empty());
                            CHECK(i.sections.front() == cased(heading, heading_style));
                            CHECK(i.numbers.size() == 9u);
                            ++cases;
                        }
                }
    CHECK(cases == 144);
    // a title wrapped over two lines in one case stays one title
    for (const bool council : {false, true})
        for (const int style : {1, 2}) {
            std::string text = council ? "Anytown District Council\n" : "";
            text += cased("Protocol on Member and Officer", style) + "\n" + cased("Relations", style) + "\n";
            text += "Introduction\n1.1 Councillors and officers work together.\n1.2 They respect each other.\n";
            INFO(text);
            const Imported i = import_text(text, {.council = "Anytown District Council"});
            CHECK(i.result.protocol.meta.title == cased("Protocol on Member and Officer Relations", style));
            // (a title that names what it is for is whole: the lines under it are headings)
            std::string whole = council ? "Anytown District Council\n" : "";
            whole += cased("Member/Officer Protocol", style) + "\n" + cased("Introduction", style) + "\n" +
                     cased("Purpose", style) + "\n1.1 Councillors and officers work together.\n";
            INFO(whole);
            const Imported w = import_text(whole, {.council = "Anytown District Council"});
            CHECK(w.result.protocol.meta.title == cased("Member/Officer Protocol", style));
            CHECK(!contains(w.warnings, "taken as the title's last words"));
        }
}

// Seen on a council's guidance for councillors: the title and its subtitle on one line, a
// colon between ("Guidance for Councillors: Working with Officers"), was read as a "Field:
// value" line and the protocol came out 'Untitled protocol', the title a preamble. Before
// the colon the words name a protocol, code or guidance; after it, words (a date or a
// version there, "Code of conduct: December 2021", is not a title's).
TEST_CASE("a title and its subtitle on one line, a colon between, is the title", "[import][issue13]") {
    const std::array<std::string, 4> names = {"Guidance for Councillors", "Member/Officer Protocol", "Code of Practice",
                                              "Councillor and Officer Relations"};
    const std::array<std::string, 3> subtitles = {"Working with Officers", "How We Work Together",
                                                  "Roles and Responsibilities"};
    int cases = 0;
    for (const auto& name : names)
        for (const auto& subtitle : subtitles)
            for (const bool council : {false, true})
                for (const bool numbered : {false, true}) {
                    const std::string title = name + ": " + subtitle;
                    std::string text = (council ? "Anytown Borough Council\n\n" : "") + title + "\n\n";
                    for (int s = 1; s <= 2; ++s)
                        text += headed_paragraphs("Heading number " + std::to_string(s), s, numbered, 2);
                    INFO(text);
                    const Imported i = import_text(text, {.council = "Anytown Borough Council"});
                    CHECK(i.result.protocol.meta.title == title);
                    CHECK(i.numbers.size() == 4u);
                    ++cases;
                }
    CHECK(cases == 48);
}

// Found on pandoc's plain text of Oxford's covering report: "Recommendation(s): To approve
// ... for" / "Member/Officer relations for recommendation to Council", a blank line, then
// "Name and contact details of author: ...": a field whose words end without a stop and the
// next field were joined as one paragraph a page had broken, as a label of six words was not
// read as a field's. Generated: labels of one to six words, values wrapped or not, with and
// without a stop.
TEST_CASE("a covering report's fields stay apart across blank lines, whatever their labels' length",
          "[import][issue13]") {
    const std::array<std::string, 6> labels = {"Wards",
                                               "Key decision",
                                               "Report approved by",
                                               "Name of the author",
                                               "Name of the report author",
                                               "Name and contact details of author"};
    // (the report's own paragraphs wrapped at 72, as pandoc's plain text is)
    std::string background;
    for (const auto& line :
         greedy_wrap(model::split_words("As part of its agreed work programme the Standards Committee, at its "
                                        "September meeting, reviewed and updated the Code of Practice for "
                                        "Member/Officer relations. At the September meeting, the Committee asked "
                                        "that the views of Trade Union representatives be sought on the Code, "
                                        "and those views are set out below for the Committee to consider."),
                     72, false))
        background += (background.empty() ? "" : "\n") + line;
    int cases = 0;
    for (std::size_t k = 0; k < labels.size(); ++k)
        for (const bool wrapped : {false, true})
            for (const bool stop : {false, true}) {
                std::string text =
                    "Code of Practice for Member/Officer Relations\n\nTo: Standards Committee\n\n"
                    "Date: 10 December 2010\n\n" +
                    background + "\n\nRecommendation(s): To approve the revised Code of practice for" +
                    std::string(wrapped ? "\n" : " ") + "Member/Officer relations for recommendation to Council" +
                    (stop ? "." : "") + "\n\n" + labels[k] + ": Alec Dubberley, Democratic Services" +
                    (wrapped ? "\n" : " ") + "Officer" + (stop ? "." : "") +
                    "\n\nBackground papers: None identified\n\nCode of Practice for Member/Officer Relations\n\n"
                    "1. Introduction\n\n1.1 Councillors and officers work together.\n\n"
                    "1.2 They treat each other with respect.\n";
                INFO(text);
                const Imported i = import_text(text, {.council = "Oxford City Council"});
                CHECK(contains(i.markdown, "\n\n" + labels[k] + ": Alec Dubberley"));
                CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2"});
                ++cases;
            }
    CHECK(cases == 24);
}
