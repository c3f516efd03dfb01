// Redlines as Word tracked changes: Accept All must give exactly the new version and
// Reject All exactly the old one, read back paragraph by paragraph.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "docx/docx.hpp"
#include "docx/word_reader.hpp"
#include "model/make.hpp"

using namespace protopub;
using model::InlineKind;

namespace {

using model::make::marked;
using model::make::paragraph;
using model::make::text;

model::Block list(model::ListStyle style, std::vector<model::Inlines> items) {
    model::Block b;
    b.kind = model::BlockKind::list;
    b.list_style = style;
    for (auto& words : items) {
        model::ListItem item;
        item.blocks.push_back(paragraph(std::move(words)));
        b.items.push_back(std::move(item));
    }
    return b;
}

model::Block table(std::vector<std::vector<model::Inlines>> rows) {
    model::Block b;
    b.kind = model::BlockKind::table;
    for (auto& cells : rows) {
        model::TableRow row;
        row.header = b.rows.empty();
        for (auto& words : cells) row.cells.push_back({std::move(words)});
        b.rows.push_back(std::move(row));
    }
    return b;
}

model::Clause clause(const std::string& id, const std::string& number, std::vector<model::Block> blocks,
                     model::ChangeKind change = model::ChangeKind::none, const std::string& old_number = "") {
    model::Clause c;
    c.id = id;
    c.number.text = number;
    c.number.parts = {1, number.back() - '0'};
    c.blocks = std::move(blocks);
    c.change.kind = change;
    c.change.old_number = old_number;
    return c;
}

model::Protocol protocol(std::vector<model::Clause> clauses) {
    model::Protocol p;
    p.meta.title = "Tracked Protocol";
    p.meta.council = "Test Council";
    p.meta.version = "2";
    model::Section s;
    s.id = "rules";
    s.number.text = "1.";
    s.heading = {text("Rules")};
    s.clauses = std::move(clauses);
    p.sections.push_back(std::move(s));
    return p;
}

const auto bullets = model::ListStyle::bullet;
const auto letters = model::ListStyle::alpha_paren;

model::Block delta() { return paragraph({text("Delta moves up.")}); }
model::Block alpha() { return paragraph({text("Alpha stays as it is.")}); }
model::Block gamma() { return paragraph({text("Gamma goes away.")}); }
model::Block epsilon_list() { return list(letters, {{text("one")}, {text("two")}}); }

model::Protocol old_version() {
    return protocol({
        clause("a", "1.1", {alpha()}),
        clause(
            "b", "1.2",
            {paragraph({text("Beta old words here.")}), list(bullets, {{text("first item")}, {text("second item")}})}),
        clause("c", "1.3", {gamma()}),
        clause("d", "1.4", {delta()}),
        clause("f", "1.5",
               {paragraph({text("Phi has a table.")}),
                table({{{text("Who")}, {text("What")}}, {{text("Officer")}, {text("Old cell")}}})}),
    });
}

model::Protocol new_version() {
    return protocol({
        clause("d", "1.1", {delta()}),
        clause("a", "1.2", {alpha()}),
        clause("b", "1.3",
               {paragraph({text("Beta new words here.")}),
                list(bullets, {{text("first item")}, {text("inserted item")}, {text("second item")}})}),
        clause("e", "1.4", {paragraph({text("Epsilon is new.")}), epsilon_list()}),
        clause("f", "1.5",
               {paragraph({text("Phi has a table.")}), table({{{text("Who")}, {text("What")}},
                                                              {{text("Officer")}, {text("New cell")}},
                                                              {{text("Councillor")}, {text("Added row")}}})}),
    });
}

// What the redline stage hands the renderers: both versions woven into one Protocol.
model::Protocol redline() {
    using model::ChangeKind;
    auto moved_to = clause("d", "1.1", {delta()}, ChangeKind::moved, "1.4");
    moved_to.change.move_id = "move-d";
    auto moved_from = clause("d-old", "1.4", {delta()}, ChangeKind::moved);
    moved_from.change.moved_from = true;
    moved_from.change.move_id = "move-d";
    return protocol({
        moved_to,
        clause("a", "1.2", {alpha()}, ChangeKind::renumbered, "1.1"),
        clause("b", "1.3",
               {paragraph({text("Beta "), marked(InlineKind::deleted, "old "), marked(InlineKind::inserted, "new "),
                           text("words here.")}),
                list(bullets,
                     {{text("first item")}, {marked(InlineKind::inserted, "inserted item")}, {text("second item")}})},
               ChangeKind::amended, "1.2"),
        clause("c", "1.3", {gamma()}, ChangeKind::deleted, "1.3"),
        moved_from,
        clause("e", "1.4", {paragraph({text("Epsilon is new.")}), epsilon_list()}, ChangeKind::inserted),
        clause("f", "1.5",
               {paragraph({text("Phi has a table.")}),
                table({{{text("Who")}, {text("What")}},
                       {{text("Officer")},
                        {marked(InlineKind::deleted, "Old cell"), marked(InlineKind::inserted, "New cell")}},
                       {{marked(InlineKind::inserted, "Councillor")}, {marked(InlineKind::inserted, "Added row")}}})},
               ChangeKind::amended),
    });
}

docx::DocxOptions options() {
    docx::DocxOptions o;
    o.epoch = 1700000000;
    o.revision_author = "Monitoring Officer";
    return o;
}

std::string render(const model::Protocol& p) {
    model::Diagnostics diags;
    auto bytes = docx::render_docx(p, options(), diags);
    REQUIRE_FALSE(diags.has_errors());
    return bytes;
}

std::string document_xml(const model::Protocol& p) { return testing::unpack_docx(render(p))["word/document.xml"]; }

}  // namespace

TEST_CASE("docx redline: Accept All gives the new version, Reject All the old, exactly", "[docx][redline]") {
    const auto tracked = render(redline());
    const auto accepted = testing::word_paragraphs(tracked, testing::View::accept_all);
    const auto rejected = testing::word_paragraphs(tracked, testing::View::reject_all);
    const auto expected_new = testing::word_paragraphs(render(new_version()), testing::View::as_written);
    const auto expected_old = testing::word_paragraphs(render(old_version()), testing::View::as_written);
    REQUIRE(accepted.size() == expected_new.size());
    for (std::size_t i = 0; i < accepted.size(); ++i) {
        INFO(i << ": " << accepted[i].text << " | " << expected_new[i].text);
        CHECK(accepted[i] == expected_new[i]);
    }
    REQUIRE(rejected.size() == expected_old.size());
    for (std::size_t i = 0; i < rejected.size(); ++i) {
        INFO(i << ": " << rejected[i].style << " " << rejected[i].text << " | " << expected_old[i].style << " "
               << expected_old[i].text);
        CHECK(rejected[i] == expected_old[i]);
    }
    // Without tracked changes there is nothing to accept or reject.
    CHECK(testing::word_paragraphs(render(old_version()), testing::View::reject_all) == expected_old);
}

TEST_CASE("docx redline: changes are real Word revisions with one id space", "[docx][redline]") {
    const auto xml = document_xml(redline());
    for (const char* element : {"<w:ins ", "<w:del ", "<w:moveFrom ", "<w:moveTo ", "<w:moveFromRangeStart ",
                                "<w:moveToRangeStart ", "<w:delText>", "<w:rPr><w:ins ", "<w:trPr><w:ins "})
        CHECK(xml.find(element) != std::string::npos);
    CHECK(xml.find("w:author=\"Monitoring Officer\" w:date=\"2023-11-14T22:13:20Z\"") != std::string::npos);
    // Deleted text is only ever w:delText.
    CHECK_FALSE(std::regex_search(xml, std::regex("<w:del [^>]*>(<w:r>(<w:rPr>.*?</w:rPr>)?)?<w:t[ >]")));
    // Every w:id is used once, except the start and end of one bookmark or move range.
    std::map<std::string, int> uses;
    static const std::regex id("<w:(\\w+) w:id=\"(\\d+)\"");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), id); it != std::sregex_iterator(); ++it) {
        const std::string element = (*it)[1];
        const bool is_end = element.size() > 3 && element.compare(element.size() - 3, 3, "End") == 0;
        if (!is_end) ++uses[(*it)[2]];
    }
    for (const auto& [value, count] : uses) {
        INFO("w:id " << value);
        CHECK(count == 1);
    }
    static const std::regex from_name("<w:moveFromRangeStart [^>]*w:name=\"([^\"]+)\"");
    static const std::regex to_name("<w:moveToRangeStart [^>]*w:name=\"([^\"]+)\"");
    std::smatch from, to;
    REQUIRE(std::regex_search(xml, from, from_name));
    REQUIRE(std::regex_search(xml, to, to_name));
    CHECK(from[1] == to[1]);
}

#include "docx/fixtures.hpp"
#include "io/files.hpp"
#include "redline/redline.hpp"
#include "source/reader.hpp"

namespace {

model::Protocol parse(const std::string& text) {
    model::Diagnostics diags;
    return source::read_protocol(text, "version.md", diags);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("docx redline: the redline stage's output accepts to the new version and rejects to the old",
          "[docx][redline]") {
    std::string error;
    const auto old_text = io::read_file(testing::sample_path, error);
    REQUIRE(old_text);
    std::string new_text = replaced(*old_text, "guide Councillors and officers", "guide councillors and all officers");
    new_text = replaced(new_text, "3.2 {#complaints} Complaints",
                        "3.2 {#new-duty} Officers must keep records.\n\n3.3 {#complaints} Complaints");
    new_text = replaced(new_text, "- (b) {#mo} Monitoring Officer.",
                        "- (b) {#mo} Monitoring Officer.\n- (c) {#hop} Head of Paid Service.");
    // 1.2 moves to the end of section 3 (as 3.4).
    new_text = replaced(new_text,
                        "1.2 {#breaches} Breaches of this Protocol are dealt with under paragraph 3.2 and\nPart 3 of "
                        "this Constitution.\n",
                        "");
    new_text +=
        "\n3.4 {#breaches} Breaches of this Protocol are dealt with under paragraph 3.2 and\nPart 3 of this "
        "Constitution.\n";
    new_text = replaced(new_text,
                        "2.2.1 {#chairs-impartiality} Chairs must still respect the *impartiality* of officers.\n", "");
    const auto old_version = parse(*old_text);
    const auto new_version = parse(new_text);
    const auto changes = redline::compare_versions(old_version, new_version);
    const auto tracked = render(redline::build_redline(changes, old_version, new_version));
    const auto xml = testing::unpack_docx(tracked)["word/document.xml"];
    for (const char* revision : {"<w:moveFrom ", "<w:moveTo ", "<w:ins ", "<w:del "})
        CHECK(xml.find(revision) != std::string::npos);

    const auto as_new = testing::word_paragraphs(render(new_version), testing::View::as_written);
    const auto as_old = testing::word_paragraphs(render(old_version), testing::View::as_written);
    const auto accepted = testing::word_paragraphs(tracked, testing::View::accept_all);
    const auto rejected = testing::word_paragraphs(tracked, testing::View::reject_all);
    // The title says "changes from version .. to ..": compare the body.
    auto body = [](std::vector<testing::WordParagraph> paragraphs) {
        paragraphs.erase(paragraphs.begin(), paragraphs.begin() + 2);
        return paragraphs;
    };
    auto same = [](const std::vector<testing::WordParagraph>& got, const std::vector<testing::WordParagraph>& want) {
        for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
            const auto g = i < got.size() ? got[i] : testing::WordParagraph{"(none)", ""};
            const auto w = i < want.size() ? want[i] : testing::WordParagraph{"(none)", ""};
            INFO(i << ": got [" << g.style << "] " << g.text << "\n   want [" << w.style << "] " << w.text);
            CHECK(g == w);
        }
    };
    same(body(accepted), body(as_new));
    same(body(rejected), body(as_old));
}
