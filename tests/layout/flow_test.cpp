#include <catch2/catch.hpp>

#include "layout/flow.hpp"
#include "layout/table.hpp"

using namespace protopub;

namespace {

layout::PageGeometry small_page() {
    layout::PageGeometry g;
    g.width = 300;
    g.height = 300;
    g.top = g.bottom = g.left = g.right = 50;  // 200 x 200 body: 20 lines of 10pt
    return g;
}

layout::Box line(const std::string& name, bool keep = false) {
    layout::Box b;
    b.height = 10;
    b.keep_with_next = keep;
    b.texts.push_back({0, 8, 10, name, {}});
    return b;
}

// A paragraph of `n` lines as the line breaker makes it (first two, last two kept).
std::vector<layout::Box> paragraph(const std::string& name, int n) {
    std::vector<layout::Box> out;
    for (int i = 0; i < n; ++i) out.push_back(line(name + "." + std::to_string(i + 1)));
    if (n >= 2) {
        out.front().keep_with_next = true;
        out[n - 2].keep_with_next = true;
    }
    out.front().space_before = 5;
    return out;
}

std::vector<std::string> names(const layout::Page& page) {
    std::vector<std::string> out;
    for (const auto& b : page.boxes) out.push_back(b.box.texts.empty() ? "" : b.box.texts[0].text);
    return out;
}

}  // namespace

TEST_CASE("boxes fill a page and go on to the next, space is dropped at the top", "[layout][pages]") {
    layout::Flow flow;
    for (int i = 0; i < 25; ++i) flow.add(line("l" + std::to_string(i)));
    flow.last().space_before = 7;
    auto pages = std::move(flow).paginate(small_page());
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].boxes.size() == 20);
    CHECK(pages[0].boxes.front().y == 50);
    CHECK(pages[0].boxes.back().y + 10 <= 250);
    CHECK(pages[1].boxes.front().y == 50);
}

TEST_CASE("a heading is never the last thing on a page", "[layout][pages]") {
    for (int filler = 14; filler <= 19; ++filler) {
        layout::Flow flow;
        flow.add(paragraph("intro", filler));
        flow.add(line("heading", true));
        flow.add(paragraph("body", 4));
        auto pages = std::move(flow).paginate(small_page());
        for (const auto& page : pages) {
            const auto n = names(page);
            CHECK(n.back() != "heading");
            // The heading is followed on its page by at least two lines of its paragraph.
            for (std::size_t i = 0; i < n.size(); ++i)
                if (n[i] == "heading") CHECK(i + 2 < n.size());
        }
    }
}

TEST_CASE("no paragraph leaves a single line at the foot or head of a page", "[layout][pages]") {
    for (int filler = 1; filler <= 20; ++filler) {
        layout::Flow flow;
        flow.add(paragraph("a", filler));
        flow.add(paragraph("b", 7));
        flow.add(paragraph("c", 3));
        auto pages = std::move(flow).paginate(small_page());
        for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
            // The paragraph broken across this page end has >= 2 lines on each side.
            const std::string last = names(pages[p]).back();
            const std::string first = names(pages[p + 1]).front();
            const std::string para = last.substr(0, last.find('.'));
            if (para != first.substr(0, first.find('.'))) continue;
            int before = 0, after = 0;
            for (const auto& n : names(pages[p])) before += n.rfind(para + ".", 0) == 0;
            for (const auto& n : names(pages[p + 1])) after += n.rfind(para + ".", 0) == 0;
            CHECK(before >= 2);
            CHECK(after >= 2);
        }
    }
}

TEST_CASE("a forced break starts a new page, an unbreakable run taller than a page still goes out", "[layout][pages]") {
    layout::Flow flow;
    flow.add(line("title"));
    auto body = line("body");
    body.page_break_before = true;
    flow.add(body);
    for (int i = 0; i < 30; ++i) flow.add(line("kept", true));
    flow.add(line("end"));
    auto pages = std::move(flow).paginate(small_page());
    CHECK(names(pages[0]) == std::vector<std::string>{"title"});
    CHECK(names(pages[1]).front() == "body");
    std::size_t total = 0;
    for (const auto& p : pages) total += p.boxes.size();
    CHECK(total == 33);
}

// The default fonts and a line breaker over them, for laying out tables.
struct Breaker {
    model::Diagnostics diags;
    std::shared_ptr<const layout::FontSet> fonts = layout::FontSet::load({}, "test", diags);
    layout::LineBreaker get() const { return layout::LineBreaker(*fonts, nullptr); }
};

// A table 200 points wide with 10-point lines.
layout::TableSpec table_spec() {
    layout::TableSpec spec;
    spec.width = 200;
    spec.line_height = 10;
    return spec;
}

TEST_CASE("a table longer than a page repeats its header row on the next page", "[layout][pages][table]") {
    const Breaker fonts;
    REQUIRE(fonts.fonts);
    const layout::LineBreaker breaker = fonts.get();
    layout::TableSpec spec = table_spec();
    spec.padding_y = 2;
    spec.rows.push_back({{{{{"Who", {}, {}}}}, {{{"Whom to tell", {}, {}}}}}, true});
    for (int i = 0; i < 30; ++i)
        spec.rows.push_back({{{{{"Officer " + std::to_string(i), {}, {}}}},
                              {{{"the Chief Executive, or in their absence the Monitoring Officer", {}, {}}}}}});
    auto table = layout::layout_table(spec, breaker);
    REQUIRE(table.header.size() == 1);
    REQUIRE(table.body.size() == 30);
    // The long cell wraps, so rows are taller than one line; widths stay inside the table.
    CHECK(table.body[0].height > 14 + 0.1);
    for (const auto& row : table.body)
        for (const auto& t : row.texts) CHECK(t.x + t.width <= 200.05);
    // The short first column keeps "Officer 12" on one line; the long one wraps.
    for (const auto& t : table.body[12].texts)
        if (t.x < 40) CHECK(t.text == "Officer 12");

    layout::Flow flow;
    flow.add(paragraph("before", 5));
    flow.add_table(std::move(table.header), std::move(table.body));
    auto pages = std::move(flow).paginate(small_page());
    REQUIRE(pages.size() >= 2);
    int officers = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto n = names(pages[p]);
        for (const auto& name : n) officers += name.rfind("Officer", 0) == 0;
        if (p == 0) continue;
        CHECK(n.front() == "Who");  // the header again, at the top
        CHECK(pages[p].boxes.front().y == 50);
    }
    CHECK(officers == 30);  // every row once, none lost or doubled
}

TEST_CASE("page references are filled with the anchor's page and dotted leaders", "[layout][pages]") {
    model::Diagnostics diags;
    const auto fonts = layout::FontSet::load({}, "test", diags);
    layout::Flow flow;
    auto entry = line("Introduction");
    entry.page_refs.push_back({"intro", 60, 200, 8, {}});
    flow.add(entry);
    auto target = line("target");
    target.page_break_before = true;
    target.anchors = {"intro"};
    flow.add(target);
    auto pages = std::move(flow).paginate(small_page());
    layout::resolve_page_refs(pages, *fonts);
    const auto& texts = pages[0].boxes[0].box.texts;
    REQUIRE(texts.size() == 3);
    CHECK(texts[1].text == "2");
    CHECK(texts[1].x + texts[1].width == Approx(200));
    CHECK(texts[2].text.rfind(". . .", 0) == 0);
    CHECK(texts[2].x > 60);
    CHECK(texts[2].x + texts[2].width < texts[1].x);
}

TEST_CASE("a tinted table cell fills exactly its own column, the whole row high", "[layout][table]") {
    const Breaker fonts;
    REQUIRE(fonts.fonts);
    const layout::LineBreaker breaker = fonts.get();
    layout::TableSpec spec = table_spec();
    spec.x = 10;
    const layout::Colour blue = layout::rgb(0x3040a0);
    spec.rows.push_back({{{{{"Guildford", {}, {}}}, {}},
                          {{{"100", {}, {}}}, blue},
                          {{{"a longer cell that wraps onto a second line of the row", {}, {}}}, {}}}});
    const auto table = layout::layout_table(spec, breaker);
    REQUIRE(table.body.size() == 1);
    const auto& row = table.body[0];
    std::vector<layout::FillItem> tinted;
    for (const auto& f : row.fills)
        if (f.colour == blue) tinted.push_back(f);
    REQUIRE(tinted.size() == 1);
    CHECK(tinted[0].height == Approx(row.height));
    double number_x = 0;
    for (const auto& t : row.texts)
        if (t.text == "100") number_x = t.x;
    CHECK(tinted[0].x > spec.x);    // not the first column
    CHECK(number_x > tinted[0].x);  // its text inside it
    CHECK(number_x + 10 < tinted[0].x + tinted[0].width);
    CHECK(tinted[0].x + tinted[0].width < spec.x + spec.width);  // not the last column
}
