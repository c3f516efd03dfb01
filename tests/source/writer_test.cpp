#include <catch2/catch.hpp>

#include "io/files.hpp"
#include "model/diagnostics.hpp"
#include "paths.hpp"
#include "source/model_dump.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"

using namespace protopub;

namespace {

model::Protocol read_text(const std::string& text) {
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(text, "t.md", diags);
    INFO(text);
    for (const auto& d : diags.items()) INFO(model::format(d));
    REQUIRE(diags.error_count() == 0);
    return p;
}

model::Inline text_inline(const std::string& t) {
    model::Inline in;
    in.text = t;
    return in;
}

model::Block paragraph(const std::string& t) {
    model::Block b;
    b.inlines.push_back(text_inline(t));
    return b;
}

}  // namespace

TEST_CASE("writer: reading what it writes gives the same protocol", "[source][writer]") {
    std::string error;
    auto text = io::read_file(test_env::source_dir() + "/tests/data/sample.md", error);
    REQUIRE(text);
    model::Protocol original = read_text(*text);
    std::string written = source::write_protocol(original);
    model::Protocol again = read_text(written);
    CHECK(test::dump(again) == test::dump(original));
    // writing is stable: the second write gives the same bytes
    CHECK(source::write_protocol(again) == written);
}

TEST_CASE("writer: every section and clause id is written", "[source][writer]") {
    std::string error;
    auto text = io::read_file(test_env::source_dir() + "/tests/data/sample.md", error);
    REQUIRE(text);
    std::string written = source::write_protocol(read_text(*text));
    CHECK(written.find("## 1. Introduction {#introduction}") != std::string::npos);
    CHECK(written.find("1.1 {#purpose} The purpose") != std::string::npos);
    CHECK(written.find("### 2.2 Chairs of committees {#chairs}") != std::string::npos);
    CHECK(written.find("- (a) {#cfo} Chief Finance Officer") != std::string::npos);
}

TEST_CASE("writer: text that looks like Markdown stays text", "[source][writer]") {
    model::Protocol p;
    p.meta.title = "A \"quoted\" title";
    p.meta.council = "Test Council";
    p.meta.version = "2024";
    model::Section s;
    s.id = "general";
    s.number.text = "1.";
    s.number.parts = {1};
    s.heading.push_back(text_inline("General *rules*"));
    model::Clause c;
    c.id = "tricky";
    c.number.text = "1.1";
    c.number.parts = {1, 1};
    const std::vector<std::string> tricky = {
        "1. is not a list",
        "4.2 is not a clause",
        "(a) is not a label",
        "i. is not a label either",
        "# not a heading",
        "- not a bullet",
        "> not a quote",
        "*stars* and _under_ and `ticks`",
        "see www.example.gov.uk or https://example.org",
        "WWW.EXAMPLE.GOV.UK, Http://x.org, hTTPs://y.org and FTP://files (any case)",
        "&amp; stays &amp; and \\ stays \\",
        "[not a link](x) and <b>no html</b> and ~~no strike~~",
    };
    c.blocks.push_back(paragraph("First words."));
    for (const auto& t : tricky) c.blocks.push_back(paragraph(t));
    model::Block list;
    list.kind = model::BlockKind::list;
    list.list_style = model::ListStyle::bullet;
    model::ListItem item;
    item.blocks.push_back(paragraph("(b) inside a bullet"));
    list.items.push_back(item);
    c.blocks.push_back(list);
    s.clauses.push_back(c);
    p.sections.push_back(s);

    model::Protocol again = read_text(source::write_protocol(p));
    CHECK(test::dump(again) == test::dump(p));
}
