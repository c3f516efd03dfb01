// The source reader: structure, numbers, ids, sub-items, tables, safety.
#include <catch2/catch.hpp>

#include "model/text.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"
#include "support.hpp"

using namespace protopub;
using model::BlockKind;
using model::ListStyle;

namespace {
model::Protocol parse(const std::string& text, model::Diagnostics& diags) {
    return source::read_protocol(text, "t.md", diags);
}
}  // namespace

TEST_CASE("the sample source reads into sections, clauses and sub-items", "[source]") {
    model::Diagnostics diags;
    auto p = source::load_protocol(test_env::source_dir() + "/tests/data/sample.md", diags);
    REQUIRE(p);
    CHECK(testing::formatted(diags) == "");
    CHECK(p->meta.title == "Sample Protocol on Member/Officer Relations");
    CHECK(p->meta.council == "Sample District Council");
    CHECK(p->meta.status == model::Status::adopted);
    CHECK(p->meta.adopted == "2024-05-01");
    REQUIRE(p->meta.constitution);
    CHECK(p->meta.constitution->section == "24");

    REQUIRE(p->sections.size() == 3);
    CHECK(p->sections[0].id == "introduction");
    CHECK(p->sections[0].number.text == "1.");
    CHECK(model::plain_text(p->sections[0].heading) == "Introduction");

    std::vector<std::string> numbers, ids;
    for (const auto& s : p->sections)
        for (const auto& c : s.clauses) numbers.push_back(c.number.text), ids.push_back(c.id);
    CHECK(numbers == std::vector<std::string>{"1.1", "1.2", "2.1", "2.2", "2.2.1", "2.3", "3.1", "3.2"});
    CHECK(ids == std::vector<std::string>{"purpose", "breaches", "roles-summary", "chairs", "chairs-impartiality",
                                          "statutory-officers", "officers-concerns", "complaints"});

    const auto& chairs = p->sections[1].clauses[1];
    CHECK(model::plain_text(chairs.heading) == "Chairs of committees");
    CHECK(chairs.blocks.empty());
    CHECK(chairs.depth() == 2);

    const auto& statutory = p->sections[1].clauses[3];
    REQUIRE(statutory.blocks.size() == 2);
    const auto& list = statutory.blocks[1];
    REQUIRE(list.kind == BlockKind::list);
    CHECK(list.list_style == ListStyle::alpha_paren);
    REQUIRE(list.items.size() == 2);
    CHECK(list.items[0].label == "(a)");
    CHECK(list.items[0].id == "cfo");
    CHECK(model::plain_text(list.items[0].blocks[0]).rfind("Chief Finance Officer", 0) == 0);

    const auto& table_clause = p->sections[2].clauses[0];
    REQUIRE(table_clause.blocks.size() == 2);
    CHECK(table_clause.blocks[1].kind == BlockKind::table);
    CHECK(table_clause.blocks[1].rows.size() == 3);
    CHECK(table_clause.blocks[1].rows[0].header);
}

TEST_CASE("clause text keeps its words, the number and id are taken off", "[source]") {
    model::Diagnostics diags;
    auto p = parse(testing::source_with_body("## 1. Intro\n\n1.1 {#first} The *first* words\nrun on.\n"), diags);
    REQUIRE(p.sections.size() == 1);
    REQUIRE(p.sections[0].clauses.size() == 1);
    const auto& c = p.sections[0].clauses[0];
    CHECK(c.id == "first");
    CHECK(c.id_given);
    CHECK(model::plain_text(c) == "The first words run on.");
    CHECK(c.number_pos.line == 10);
    CHECK(c.blocks[0].inlines[0].pos.column == 14);  // "The" after "1.1 {#first} "
}

TEST_CASE("derived ids are readable and unique", "[source][ids]") {
    model::Diagnostics diags;
    auto p = parse(
        testing::source_with_body("## Roles and duties\n\n1.1 Councillors must act.\n\n1.2 Councillors must act.\n"),
        diags);
    REQUIRE(p.sections[0].clauses.size() == 2);
    CHECK(p.sections[0].id == "roles-and-duties");
    CHECK(p.sections[0].clauses[0].id == "councillors-must-act");
    CHECK(p.sections[0].clauses[1].id == "councillors-must-act-2");
    CHECK_FALSE(p.sections[0].clauses[0].id_given);
}

TEST_CASE("single-level clauses are written as an ordered list", "[source]") {
    model::Diagnostics diags;
    auto p = parse(testing::source_with_body("## Code\n\n1. First.\n\n3. Third, as written.\n"), diags);
    REQUIRE(p.sections[0].clauses.size() == 2);
    CHECK(p.sections[0].clauses[0].number.text == "1.");
    CHECK(p.sections[0].clauses[1].number.text == "3.");
    CHECK(model::plain_text(p.sections[0].clauses[1]) == "Third, as written.");
}

TEST_CASE("labelled paragraphs inside a clause become sub-items", "[source]") {
    model::Diagnostics diags;
    auto p = parse(
        testing::source_with_body(
            "## 7. Officers\n\n7.1 Regard the advice of the:\n\na) Chief Finance Officer;\n\nb) Monitoring Officer.\n"),
        diags);
    const auto& c = p.sections[0].clauses.at(0);
    REQUIRE(c.blocks.size() == 2);
    CHECK(c.blocks[1].list_style == ListStyle::alpha_close);
    REQUIRE(c.blocks[1].items.size() == 2);
    CHECK(c.blocks[1].items[1].label == "b)");
    CHECK(model::plain_text(c.blocks[1].items[1].blocks[0]) == "Monitoring Officer.");
}

TEST_CASE("roman sub-items are told from letters", "[source]") {
    model::Diagnostics diags;
    auto p = parse(testing::source_with_body("## 1. A\n\n1.1 Items:\n\n- (i) one\n- (ii) two\n"), diags);
    CHECK(p.sections[0].clauses[0].blocks[1].list_style == ListStyle::roman_paren);
}

TEST_CASE("bracketed numbers are sub-items of their own style, written back as read", "[source]") {
    model::Diagnostics diags;
    const std::string body = "## 1. A\n\n1.1 Items:\n\n- (1) one;\n- (2) two.\n\n1.2 Not a list: (3) words.\n";
    auto p = parse(testing::source_with_body(body), diags);
    const auto& list = p.sections[0].clauses[0].blocks.at(1);
    CHECK(list.list_style == ListStyle::decimal_paren);
    REQUIRE(list.items.size() == 2);
    CHECK(list.items[1].label == "(2)");
    CHECK(model::plain_text(list.items[1].blocks[0]) == "two.");
    CHECK(source::write_protocol(p).find("- (1) one;\n- (2) two.\n") != std::string::npos);
    // "(12a)" or "(1)" with no space after it is words
    auto q = parse(testing::source_with_body("## 1. A\n\n1.1 Items:\n\n- (12a) one\n- (1)two\n"), diags);
    CHECK(q.sections[0].clauses[0].blocks.at(1).list_style == ListStyle::bullet);
}

TEST_CASE("a preamble section holds no clauses", "[source]") {
    model::Diagnostics diags;
    auto p = parse(testing::source_with_body(
                       "## Report {#report .preamble}\n\n1. As part of its work...\n\n## 24.1 Status\n\n24.1.1 x\n"),
                   diags);
    REQUIRE(p.sections.size() == 2);
    CHECK(p.sections[0].kind == model::SectionKind::preamble);
    CHECK(p.sections[0].clauses.empty());
    CHECK(p.sections[0].intro.size() == 1);
}

TEST_CASE("raw HTML in the source stays text", "[source][safety]") {
    model::Diagnostics diags;
    auto p = parse(testing::source_with_body(
                       "## 1. A\n\n1.1 Hello <script>alert(1)</script> world.\n\n<div onclick=\"x()\">block</div>\n"),
                   diags);
    const auto& c = p.sections[0].clauses[0];
    CHECK(model::plain_text(c) == "Hello <script>alert(1)</script> world. <div onclick=\"x()\">block</div>");
}

TEST_CASE("GFM autolinks are read whether or not the source holds CommonMark's own", "[source]") {
    // The autolink extension is attached only to a source it could find links in: one whose
    // only links are <...> reads the same without it, words with 'w' and ':' in one piece.
    auto links = [](const std::string& body) {
        model::Diagnostics diags;
        const auto p = parse(testing::source_with_body("## 1. A\n\n1.1 " + body + "\n"), diags);
        std::string out;
        for (const auto& in : p.sections[0].clauses[0].blocks[0].inlines)
            out += in.kind == model::InlineKind::link ? "[" + in.target + "]" : "|" + in.text;
        return out;
    };
    CHECK(links("Note: see <https://www.example.gov.uk/a> now.") == "|Note: see [https://www.example.gov.uk/a]| now.");
    CHECK(links("Note: see www.example.gov.uk now.") == "|Note: see [http://www.example.gov.uk]| now.");
    CHECK(links("See https://example.org/a or <https://www.b.uk>.") ==
          "|See [https://example.org/a]| or [https://www.b.uk]|.");
    CHECK(links("Write to clerk@example.gov.uk with words.") == "|Write to [mailto:clerk@example.gov.uk]| with words.");
    CHECK(links("Escaped \\<https://www.c.uk> is not CommonMark's.") ==
          "|Escaped |<[https://www.c.uk>]| is not CommonMark's.");
}

TEST_CASE("a section numbered '2.0' as some councils print it is section 2, its number kept as written", "[source]") {
    model::Diagnostics diags;
    const auto p = parse(
        "---\ntitle: \"T\"\ncouncil: \"X Council\"\nversion: \"1\"\nstatus: draft\n---\n\n"
        "## 1.0 INTRODUCTION {#intro}\n\n1.1 {#a} One.\n\n## 2.0 ROLES {#roles}\n\n2.1 {#b} Two (see section 1).\n",
        diags);
    CHECK(testing::formatted(diags) == "");
    REQUIRE(p.sections.size() == 2);
    CHECK(p.sections[1].number.text == "2.0");
    CHECK(p.sections[1].number.parts == std::vector<int>{2});
}
