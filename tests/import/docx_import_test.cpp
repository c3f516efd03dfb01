#include <catch2/catch.hpp>

#include "import/import.hpp"
#include "io/files.hpp"
#include "model/text.hpp"
#include "package/zip_writer.hpp"
#include "paths.hpp"
#include "source/model_dump.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"

using namespace protopub;

namespace {

std::string fixture(const std::string& name) {
    std::string error;
    auto bytes = io::read_file(test_env::source_dir() + "/tests/data/import/" + name, error);
    INFO(error);
    REQUIRE(bytes);
    return *bytes;
}

import::ImportResult import_fixture(const std::string& name, model::Diagnostics& diags){
    return import::import_bytes(fixture(name), name, {}, diags);
}  // namespace

}  // namespace

TEST_CASE("docx import: Word's automatic numbers are computed as Word displays them", "[import][docx]") {
    model::Diagnostics diags;
    import::ImportResult r = import_fixture("numbered.docx", diags);
    REQUIRE(r.ok);
    const model::Protocol& p = r.protocol;
    CHECK(p.meta.title == "Protocol on Member and Officer Relations");
    CHECK(r.title_from_text);
    REQUIRE(p.sections.size() == 3);
    // Heading 1 carries level 0 of the list: 1. 2. 3.
    CHECK(p.sections[0].number.text == "1.");
    CHECK(model::plain_text(p.sections[0].heading) == "Introduction");
    CHECK(p.sections[2].number.text == "3.");
    // level 1 "%1.%2" restarts under each heading
    std::vector<std::string> numbers;
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses) numbers.push_back(c.number.text);
    CHECK(numbers == std::vector<std::string>{"1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2"});
}

TEST_CASE("docx import: sub-items, nested numerals, bullets and a restart override", "[import][docx]") {
    model::Diagnostics diags;
    const model::Protocol p = import_fixture("numbered.docx", diags).protocol;
    const model::Clause& advice = p.sections[1].clauses[0];
    REQUIRE(advice.blocks.size() == 2);
    const model::Block& letters = advice.blocks[1];
    CHECK(letters.list_style == model::ListStyle::alpha_paren);
    REQUIRE(letters.items.size() == 2);
    CHECK(letters.items[0].label == "(a)");
    CHECK(letters.items[1].label == "(b)");
    REQUIRE(letters.items[1].blocks.size() == 2);
    const model::Block& numerals = letters.items[1].blocks[1];
    CHECK(numerals.list_style == model::ListStyle::roman_paren);
    CHECK(numerals.items.size() == 2);
    CHECK(numerals.items[1].label == "(ii)");

    const model::Clause& officers = p.sections[1].clauses[1];
    REQUIRE(officers.blocks.size() == 2);
    CHECK(officers.blocks[1].list_style == model::ListStyle::bullet);
    CHECK(model::plain_text(officers.blocks[1]) ==
          "through the formal decision-making process; within their levels of authority.");

    // a second list instance with <w:startOverride w:val="4"/> on its letters
    const model::Clause& receive = p.sections[1].clauses[2];
    CHECK(receive.blocks[1].items[0].label == "(d)");
    CHECK(receive.blocks[1].items[1].label == "(e)");
}

TEST_CASE("docx import: formatting, links, tables and tracked changes", "[import][docx]") {
    model::Diagnostics diags;
    const model::Protocol p = import_fixture("numbered.docx", diags).protocol;
    const std::string written = source::write_protocol(p);
    CHECK(written.find("Breaches are dealt with under **Part 3** of this *Constitution*.") != std::string::npos);
    CHECK(written.find("[council website](https://www.example.gov.uk/constitution)") != std::string::npos);
    CHECK(written.find("| Officer | Chief Executive |") != std::string::npos);

    // the tracked change is accepted: the inserted words are in, the deleted ones out
    const model::Clause& complaints = p.sections[2].clauses[1];
    CHECK(model::plain_text(complaints) == "Complaints go to the Monitoring Officer.");
    bool warned = false;
    for (const auto& d : diags.items()) warned = warned || d.message.find("tracked changes") != std::string::npos;
    CHECK(warned);

    // and the written source reads back to the same protocol
    model::Diagnostics read_diags;
    model::Protocol again = source::read_protocol(written, "numbered.md", read_diags);
    CHECK(read_diags.error_count() == 0);
    CHECK(test::dump(again) == test::dump(p));
}

TEST_CASE("docx import: a seed saved as Word imports like the seed's text", "[import][docx][seeds]") {
    model::Diagnostics text_diags, docx_diags;
    std::string error;
    auto text = io::read_file(test_env::source_dir() + "/protocol-source/somerset-model-protocol.md", error);
    REQUIRE(text);
    model::Protocol from_source = source::read_protocol(*text, "somerset-model-protocol.md", text_diags);
    import::ImportResult r = import_fixture("seed-003.docx", docx_diags);
    REQUIRE(r.ok);
    CHECK(docx_diags.error_count() == 0);
    // the same sections, clauses, numbers and words (ids too: they come from the words)
    r.protocol.meta = from_source.meta;
    CHECK(test::dump(r.protocol) == test::dump(from_source));
}

namespace {

// A one-part Word document around `body` (WordprocessingML paragraphs).
std::string docx_with_body(const std::string& body, const std::string& styles = "", const std::string& numbering = "",
                           const std::string& footnotes = "") {
    const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    std::vector<package::ZipEntry> parts = {{"word/document.xml", "<?xml version=\"1.0\"?><w:document " + w +
                                                                      "><w:body>" + body + "</w:body></w:document>"}};
    if (!styles.empty())
        parts.push_back({"word/styles.xml", "<?xml version=\"1.0\"?><w:styles " + w + ">" + styles + "</w:styles>"});
    if (!numbering.empty())
        parts.push_back(
            {"word/numbering.xml", "<?xml version=\"1.0\"?><w:numbering " + w + ">" + numbering + "</w:numbering>"});
    if (!footnotes.empty())
        parts.push_back(
            {"word/footnotes.xml", "<?xml version=\"1.0\"?><w:footnotes " + w + ">" + footnotes + "</w:footnotes>"});
    std::string error;
    auto bytes = package::write_zip(parts, 0, error);
    INFO(error);
    REQUIRE(bytes);
    return *bytes;
}

std::string p(const std::string& text, const std::string& style = "") {
    std::string ppr = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
    return "<w:p>" + ppr + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

}  // namespace

TEST_CASE(
    "docx import: a contents list is left out however it was made (LibreOffice's style, Word's content "
    "control, a bare TOC field)",
    "[import][docx]") {
    // an entry: the heading, a tab, the page number (its own PAGEREF field nested in the TOC's)
    auto entry = [](const std::string& heading, const std::string& page, const std::string& style = "") {
        const std::string ppr = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
        return "<w:p>" + ppr + "<w:hyperlink w:anchor=\"_Toc1\"><w:r><w:t>" + heading +
               "</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> "
               "PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>" +
               page + "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink></w:p>";
    };
    const std::string toc_begin =
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h "
        "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    const std::string toc_end = "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
    const std::string text = p("Member/Officer Protocol", "Title") + p("1. Introduction", "H1") +
                             p("1.1 Councillors and officers work together.") + p("2. Roles", "H1") +
                             p("2.1 Councillors set policy.");
    const std::string styles =
        "<w:style w:styleId=\"Contents1\"><w:name w:val=\"Contents 1\"/></w:style>"
        "<w:style w:styleId=\"H1\"><w:name w:val=\"heading 1\"/></w:style>"
        "<w:style w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>";
    const std::vector<std::pair<std::string, std::string>> made = {
        {"LibreOffice's 'Contents 1' style",
         entry("1. Introduction", "2", "Contents1") + entry("2. Roles", "3", "Contents1")},
        {"Word's content control",
         "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr>"
         "<w:sdtContent>" +
             entry("1. Introduction", "2") + entry("2. Roles", "3") + "</w:sdtContent></w:sdt>"},
        {"a TOC field, entries in Normal",
         "<w:p>" + toc_begin + "</w:p>" + entry("1. Introduction", "2") + entry("2. Roles", "3") + toc_end},
    };
    for (const auto& [how, contents] : made) {
        INFO(how);
        model::Diagnostics diags;
        const std::string body = p("Member/Officer Protocol", "Title") + contents +
                                 text.substr(text.find("<w:p><w:pPr><w:pStyle w:val=\"H1\""));
        import::ImportResult r = import::import_docx(docx_with_body(body, styles), "t.docx", {}, diags);
        REQUIRE(r.ok);
        INFO(source::write_protocol(r.protocol));
        REQUIRE(r.dropped.size() == 2);
        CHECK(r.dropped[0].reason == "table of contents");
        REQUIRE(r.protocol.sections.size() == 2);
        CHECK(model::plain_text(r.protocol.sections[0].heading) == "Introduction");
        CHECK(r.protocol.sections[1].clauses.size() == 1);
    }
}

TEST_CASE(
    "docx import: a table laying the text out (numbers in the first column) is read as paragraphs, a table "
    "of the text's stays a table",
    "[import][docx]") {
    auto cell = [](const std::string& paragraphs) { return "<w:tc>" + paragraphs + "</w:tc>"; };
    auto row = [&](const std::string& number, const std::string& paragraphs) {
        return "<w:tr>" + cell(p(number)) + cell(paragraphs) + "</w:tr>";
    };
    const std::string layout = "<w:tbl>" + row("1.", p("INTRODUCTION")) +
                               row("1.1", p("Councillors and officers work together for the people of the district.")) +
                               row("1.2", p("The protocol is to be read with the codes of conduct:") +
                                              p("(a) the Members' Code; and") + p("(b) the Officers' Code.")) +
                               row("", p("Each is in Part 5 of this Constitution.")) + row("2.", p("ROLES")) +
                               row("2.1", p("Councillors set policy; officers give advice on it.")) + "</w:tbl>";
    const std::string data = "<w:tbl>" + row("Role", p("Accountable to")) + row("Chief Executive", p("Full Council")) +
                             row("Monitoring Officer", p("Standards Committee")) + "</w:tbl>";
    // a numbered list of posts is a table too: nothing beside the numbers runs on as a sentence
    const std::string numbered_data = "<w:tbl>" + row("1", p("Chief Executive")) + row("2", p("Monitoring Officer")) +
                                      row("3", p("Section 151 Officer")) + row("4", p("Head of Democratic Services")) +
                                      "</w:tbl>";
    const std::string body = p("Member/Officer Protocol", "Title") + layout +
                             p("2.2 The table shows who answers to whom.") + data +
                             p("2.3 The statutory officers are:") + numbered_data;
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(docx_with_body(body), "t.docx", {}, diags);
    REQUIRE(r.ok);
    const std::string markdown = source::write_protocol(r.protocol);
    INFO(markdown);
    REQUIRE(r.protocol.sections.size() == 2);
    CHECK(model::plain_text(r.protocol.sections[0].heading) == "INTRODUCTION");
    REQUIRE(r.protocol.sections[0].clauses.size() == 2);
    const model::Clause& c = r.protocol.sections[0].clauses[1];
    // the lead-in, its sub-items, and the row without a number going on under the clause
    CHECK(model::plain_text(c.blocks.front()) == "The protocol is to be read with the codes of conduct:");
    CHECK(markdown.find("Each is in Part 5 of this Constitution.") != std::string::npos);
    REQUIRE(r.protocol.sections[1].clauses.size() == 3);
    CHECK(r.protocol.sections[1].clauses[1].blocks.back().kind == model::BlockKind::table);
    CHECK(r.protocol.sections[1].clauses[2].blocks.back().kind == model::BlockKind::table);
    int warned = 0;
    for (const auto& d : diags.items()) warned += d.message.find("a table used for layout") != std::string::npos;
    CHECK(warned == 1);
}

TEST_CASE("docx import: Word's contents list is left out, footnotes and text boxes are imported", "[import][docx]") {
    const std::string styles =
        "<w:style w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/></w:style>"
        "<w:style w:styleId=\"H1\"><w:name w:val=\"heading 1\"/></w:style>";
    const std::string body = p("Contents list entry 1. Introduction", "TOC1") + p("1. Introduction", "H1") +
                             "<w:p><w:r><w:t>1.1 Councillors and officers work together.</w:t></w:r>"
                             "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
                             "<w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:txbxContent>" +
                             p("Boxed words stay.") + "</w:txbxContent></v:shape></w:pict></w:r></w:p>" +
                             p("1.2 The next clause.");
    const std::string footnotes =
        "<w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
        "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> See the "
        "</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Code</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p></w:footnote>";
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(docx_with_body(body, styles, "", footnotes), "t.docx", {}, diags);
    REQUIRE(r.ok);
    INFO(source::write_protocol(r.protocol));
    REQUIRE(r.dropped.size() == 1);
    CHECK(r.dropped[0].reason == "table of contents");
    REQUIRE(r.protocol.sections.size() == 1);
    CHECK(r.protocol.sections[0].number.text == "1.");
    REQUIRE(r.protocol.sections[0].clauses.size() == 2);
    // the mark in the words, the box's words after them, the note's words last
    const model::Clause& c = r.protocol.sections[0].clauses[0];
    REQUIRE(c.blocks.size() == 3);
    CHECK(model::plain_text(c.blocks[0]) == "Councillors and officers work together.\xC2\xB9");
    CHECK(model::plain_text(c.blocks[1]) == "Boxed words stay.");
    CHECK(model::plain_text(c.blocks[2]) == "\xC2\xB9 See the Code.");
    CHECK(source::write_protocol(r.protocol).find("\xC2\xB9 See the *Code*.") != std::string::npos);
    std::string messages;
    for (const auto& d : diags.items()) messages += d.message + "\n";
    CHECK(messages.find("1 footnote(s) or endnote(s)") != std::string::npos);
    CHECK(messages.find("1 text box(es)") != std::string::npos);
}

TEST_CASE("docx import: a Word file with no words is an error", "[import][docx][errors]") {
    model::Diagnostics diags;
    import::ImportResult r =
        import::import_docx(docx_with_body("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"), "t.docx", {}, diags);
    CHECK_FALSE(r.ok);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.items()[0].message == "the Word document has no text to import");
}

TEST_CASE("docx import: a list starting at two billion is numbered in figures", "[import][docx][robust]") {
    const std::string numbering =
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"2000000000\"/>"
        "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%1)\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"1\"/></w:num>";
    const std::string body = p("1. Lists") + p("1.1 The list:") +
                             "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr>"
                             "<w:r><w:t>A long way down.</w:t></w:r></w:p>";
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(docx_with_body(body, "", numbering), "t.docx", {}, diags);
    REQUIRE(r.ok);
    CHECK(source::write_protocol(r.protocol).find("(2000000000) A long way down.") != std::string::npos);
}

TEST_CASE("docx import: the council named only in Word's page header", "[import][docx]") {
    const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    const std::vector<package::ZipEntry> parts = {
        {"word/document.xml", "<?xml version=\"1.0\"?><w:document " + w + "><w:body>" + p("Member/Officer Protocol") +
                                  p("1. Introduction") + p("1.1 The Council expects courtesy from everyone.") +
                                  "</w:body></w:document>"},
        {"word/header1.xml", "<?xml version=\"1.0\"?><w:hdr " + w +
                                 "><w:p><w:r><w:t>Northmoor Borough </w:t></w:r>"
                                 "<w:r><w:t>Council \xE2\x80\x93 Constitution Part 5</w:t></w:r></w:p></w:hdr>"}};
    std::string error;
    auto bytes = package::write_zip(parts, 0, error);
    REQUIRE(bytes);
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(*bytes, "t.docx", {}, diags);
    REQUIRE(r.ok);
    CHECK(r.protocol.meta.council == "Northmoor Borough Council");
    CHECK(r.protocol.meta.title == "Member/Officer Protocol");
    CHECK(diags.warning_count() == 0);
}

TEST_CASE("docx import: list instances of one list number on, a list style's list is found", "[import][docx]") {
    // as Word and LibreOffice show it: numId 2 goes on from numId 1 (same abstractNum);
    // abstractNum 2 only names the list style "ProtocolList", which abstractNum 1 defines
    const std::string styles =
        "<w:style w:type=\"numbering\" w:styleId=\"ProtocolList\"><w:name w:val=\"Protocol List\"/></w:style>";
    const std::string numbering =
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
        "<w:lvlText w:val=\"%1.\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
        "<w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"1\"><w:styleLink w:val=\"ProtocolList\"/><w:lvl w:ilvl=\"0\">"
        "<w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%1)\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"2\"><w:numStyleLink w:val=\"ProtocolList\"/></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>"
        // an instance that draws level 0 in roman numerals and starts it again
        "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
        "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"lowerRoman\"/><w:lvlText "
        "w:val=\"(%1)\"/></w:lvl></w:lvlOverride></w:num>";
    auto numbered = [](const std::string& text, int num, int level) {
        return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
               std::to_string(num) + "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
    };
    const std::string body = p("Member/Officer Protocol") + numbered("Introduction", 1, 0) +
                             numbered("Councillors and officers work together.", 1, 1) + numbered("Roles", 2, 0) +
                             numbered("Officers must:", 2, 1) + numbered("advise;", 3, 0) + numbered("act.", 3, 0) +
                             numbered("Councillors must:", 2, 1) + numbered("listen;", 4, 0) +
                             numbered("decide.", 4, 0);
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(docx_with_body(body, styles, numbering), "t.docx", {}, diags);
    REQUIRE(r.ok);
    const std::string md = source::write_protocol(r.protocol);
    INFO(md);
    CHECK(r.protocol.meta.title == "Member/Officer Protocol");
    CHECK(md.find("## 2. Roles") != std::string::npos);
    CHECK(md.find("2.1 {#officers-must-a-advise-b} Officers must:\n\n- (a) advise;\n- (b) act.") != std::string::npos);
    CHECK(md.find("Councillors must:\n\n- (i) listen;\n- (ii) decide.") != std::string::npos);
}

TEST_CASE("docx import: a table inside a table cell keeps its words", "[import][docx]") {
    const std::string cell = "<w:tc>" + p("Monitoring Officer") + "<w:tbl><w:tr><w:tc>" + p("Tel. 01234 567100") +
                             "</w:tc><w:tc>" + p("Room 4") + "</w:tc></w:tr></w:tbl></w:tc>";
    const std::string body = p("1. Contacts") + p("1.1 Write to:") + "<w:tbl><w:tr><w:tc>" + p("Role") +
                             "</w:tc><w:tc>" + p("Contact") + "</w:tc></w:tr><w:tr><w:tc>" + p("Standards") +
                             "</w:tc>" + cell + "</w:tr></w:tbl>";
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(docx_with_body(body), "t.docx", {}, diags);
    REQUIRE(r.ok);
    const model::Block& table = r.protocol.sections.at(0).clauses.at(0).blocks.at(1);
    REQUIRE(table.rows.size() == 2);
    CHECK(model::plain_text(table.rows[1].cells.at(1).inlines) == "Monitoring Officer Tel. 01234 567100 Room 4");
}

TEST_CASE("docx import: the council stated in Word's Subtitle under the title", "[import][docx]") {
    const std::string styles =
        "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>";
    const std::string body_after = p("1. Introduction", "Heading1") +
                                   p("1.1 Members and officers respect each other.") +
                                   p("1.2 Officers advise members.");
    // the council alone, or within a longer subtitle; each names it, and the note is at its paragraph
    for (const std::string subtitle :
         {"Westbrook Borough Council", "Part 5 of the Constitution of Westbrook Borough Council"}) {
        model::Diagnostics diags;
        import::ImportResult r = import::import_docx(
            docx_with_body(p("Member/Officer Protocol", "Title") + p(subtitle, "Subtitle") + body_after, styles),
            "t.docx", {}, diags);
        INFO(subtitle);
        REQUIRE(r.ok);
        CHECK(r.protocol.meta.council == "Westbrook Borough Council");
        CHECK(r.protocol.meta.title == "Member/Officer Protocol");
        bool noted = false;
        for (const auto& d : diags.items())
            noted = noted || (d.message.find("the subtitle, names the council 'Westbrook Borough Council'") !=
                                  std::string::npos &&
                              d.pos.line == 2);
        CHECK(noted);
        // the subtitle's words are not text of the protocol
        CHECK(source::write_protocol(r.protocol).find("\n" + subtitle + "\n") == std::string::npos);
    }
    // a subtitle that names no council is left out, and said so; the council is then unnamed
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(
        docx_with_body(p("Member/Officer Protocol", "Title") + p("Working together", "Subtitle") + body_after, styles),
        "t.docx", {}, diags);
    REQUIRE(r.ok);
    CHECK(r.protocol.meta.council == "Unnamed council");
}

TEST_CASE(
    "docx import: a web page opened in Word: its h1 the title, numbers in paragraphs of their own, "
    "numbers typed into a numbered list",
    "[import][docx]") {
    const std::string styles =
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>";
    const std::string numbering =
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
        "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>";
    auto listed = [](const std::string& text) {
        return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t "
               "xml:space=\"preserve\">" +
               text + "</w:t></w:r></w:p>";
    };
    // the page's title, its contents (an <ol> whose entries type their numbers too), then
    // sections whose paragraphs' numbers stand in a column of their own
    const std::string body =
        p("Skip to main content") + p("Anytown Borough Council") + p("Member/Officer Protocol", "Heading1") +
        p("Contents", "Heading2") + listed("1. Introduction") + listed("2. Roles") + listed("3. Complaints") +
        p("1. Introduction", "Heading2") + p("1.1") + p("Members and officers respect each other.") + p("1.2") +
        p("Officers advise members.") + p("2. Roles", "Heading2") + p("2.1") +
        p("Members decide, and officers advise:") + listed("a)Chief Officers on their services;") +
        listed("b)The Monitoring Officer on the law.") + p("3. Complaints", "Heading2") + p("3.1") +
        p("Complaints go to the Monitoring Officer.");
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(docx_with_body(body, styles, numbering), "t.docx", {}, diags);
    REQUIRE(r.ok);
    const std::string md = source::write_protocol(r.protocol);
    INFO(md);
    CHECK(r.protocol.meta.title == "Member/Officer Protocol");
    CHECK(r.protocol.meta.council == "Anytown Borough Council");
    CHECK(md.find("Skip to main content") == std::string::npos);
    CHECK(r.protocol.sections.size() == 3);
    CHECK(md.find("## 1. Introduction {#") != std::string::npos);
    CHECK(md.find("1.1 {#members-and-officers-respect-each} Members and officers respect each other.") !=
          std::string::npos);
    CHECK(md.find("3.1 {#") != std::string::npos);
    CHECK(md.find("1. 1.") == std::string::npos);
    std::string printed;
    for (const auto& d : diags.items()) printed += model::format(d) + "\n";
    INFO(printed);
    CHECK(md.find("- a) Chief Officers on their services;\n- b) The Monitoring Officer on the law.") !=
          std::string::npos);
    CHECK(printed.find("5 list paragraph(s) had their number or letter typed in the words as well") !=
          std::string::npos);
    CHECK(printed.find("4 number(s) stood in a paragraph of their own") != std::string::npos);
    CHECK(printed.find("dropped a contents list of 3 entries") != std::string::npos);
    CHECK(printed.find("t.docx:1:1: warning: dropped 'Skip to main content': a line above the title") !=
          std::string::npos);
    CHECK(printed.find("'Member/Officer Protocol', the only top-level heading (Heading 1, '#'), above the others, "
                       "taken as the title") != std::string::npos);
}
