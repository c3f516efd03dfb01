#include <catch2/catch.hpp>

#include "layout/line_breaker.hpp"

using namespace protopub;

namespace {

const layout::FontSet& fonts() {
    static model::Diagnostics diags;
    static const auto set = layout::FontSet::load({}, "test", diags);
    return *set;
}

const layout::Hyphenator& hyphenator() {
    static std::string error;
    static const layout::Hyphenator h("hyph_en_US.dic", error);
    return h;
}

const char* const protocol_text =
    "Councillors and officers are servants of the public and they are indispensable to one another. "
    "But their responsibilities are distinct. Councillors are responsible to the electorate and serve "
    "only so long as their term of office lasts. Officers are responsible to the Council. Their job is "
    "to give advice to Councillors and the Council, and to carry out the Council\u2019s work under the "
    "direction and control of the Council, the Executive, its committees and sub-committees. Mutual "
    "respect between councillors and officers is essential to good local government.";

layout::ParagraphSpec spec(double right, layout::Align align, bool hyphenate) {
    layout::ParagraphSpec p;
    layout::TextStyle s;
    s.size = 10.5f;
    p.runs = {{protocol_text, s, {}}};
    p.label = {{"4.21", s, {}}};
    p.label_x = 0;
    p.text_x = 36;
    p.right = right;
    p.line_height = 14;
    p.align = align;
    p.hyphenate = hyphenate;
    return p;
}

// The text of one line as set (items in x order, a space where items do not touch).
std::string line_text(const layout::Box& line, double text_x) {
    std::string out;
    double end = -1;
    for (const auto& t : line.texts) {
        if (t.x < text_x - 0.01) continue;  // the label
        if (!out.empty() && t.x > end + 0.01) out += ' ';
        out += t.text;
        end = t.x + t.width;
    }
    return out;
}

// Joins the lines back into one string, deciding at each line end (by the original)
// whether the break was at a space, after a hyphen or slash in the word, or at an
// added hyphen.
std::string rejoin(const std::vector<layout::Box>& lines, double text_x, const std::string& original) {
    std::string out;
    for (const auto& line : lines) {
        const std::string text = line_text(line, text_x);
        std::vector<std::string> candidates = {out.empty() ? text : out + " " + text, out + text};
        if (!out.empty() && out.back() == '-') candidates.push_back(out.substr(0, out.size() - 1) + text);
        auto is_prefix = [&](const std::string& c) { return original.compare(0, c.size(), c) == 0; };
        for (const auto& c : candidates)
            if (is_prefix(c) || (c.back() == '-' && is_prefix(c.substr(0, c.size() - 1)))) {
                out = c;
                break;
            }
    }
    return out;
}

}  // namespace

TEST_CASE("no line is wider than the measure, in every alignment", "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), &hyphenator());
    for (double right : {150.0, 220.0, 320.0, 451.0}) {
        for (auto align : {layout::Align::left, layout::Align::justify, layout::Align::right, layout::Align::centre}) {
            for (bool hyphenate : {false, true}) {
                const auto p = spec(right, align, hyphenate);
                const auto lines = breaker.break_lines(p);
                REQUIRE(lines.size() > 1);
                for (const auto& line : lines)
                    for (const auto& t : line.texts) {
                        CHECK(t.x + t.width <= right + 0.05);
                        const auto spaces = std::count(t.text.begin(), t.text.end(), ' ');
                        CHECK(t.width == Approx(fonts().width(t.text, t.style) + spaces * t.word_spacing).margin(0.05));
                        if (align != layout::Align::justify) CHECK(t.word_spacing == 0);
                    }
                // Nothing lost, nothing added, in order.
                CHECK(rejoin(lines, p.text_x, protocol_text) == protocol_text);
            }
        }
    }
}

TEST_CASE("justified lines fill the measure except the last", "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), &hyphenator());
    const auto p = spec(320, layout::Align::justify, true);
    const auto lines = breaker.break_lines(p);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const auto& last = lines[i].texts.back();
        CHECK(last.x + last.width == Approx(320).margin(0.05));
    }
    const auto& end = lines.back().texts.back();
    CHECK(end.x + end.width < 319);
}

TEST_CASE("the clause number hangs left of the text, every line starts at the indent", "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), nullptr);
    const auto lines = breaker.break_lines(spec(300, layout::Align::left, false));
    REQUIRE(lines.size() > 2);
    CHECK(lines[0].texts[0].text == "4.21");
    CHECK(lines[0].texts[0].x == 0);
    CHECK(lines[0].texts[1].x == 36);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        CHECK(lines[i].texts.front().x == 36);
        for (const auto& t : lines[i].texts) CHECK(t.text != "4.21");
    }
}

TEST_CASE("a label wider than its column pushes only the first line along", "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), nullptr);
    auto p = spec(300, layout::Align::left, false);
    p.label[0].text = "24.17.3.1";
    p.text_x = 20;
    const auto lines = breaker.break_lines(p);
    const auto& number = lines[0].texts[0];
    CHECK(lines[0].texts[1].x > number.x + number.width);
    CHECK(lines[1].texts[0].x == 20);
}

TEST_CASE("hyphenation splits at libhyphen's points and the halves rejoin", "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), &hyphenator());
    const auto lines = breaker.break_lines(spec(150, layout::Align::justify, true));
    int hyphenated = 0;
    for (const auto& line : lines) {
        const std::string& last = line.texts.back().text;
        if (last.back() == '-') ++hyphenated;
    }
    CHECK(hyphenated > 0);
    const auto points = hyphenator().points("responsibilities");
    CHECK_FALSE(points.empty());
    CHECK(hyphenator().points("NATO").empty());      // capitals inside: not a word to split
    CHECK(hyphenator().points("Zo\u00EB").empty());  // too short, and not plain ASCII
}

TEST_CASE("a word longer than the measure is broken rather than overflowing", "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), &hyphenator());
    layout::ParagraphSpec p;
    p.runs = {{"see https://www.legislation.gov.uk/ukpga/1989/42/section/5/enacted/data.xht?view=snippet", {}, {}}};
    p.right = 120;
    const auto lines = breaker.break_lines(p);
    REQUIRE(lines.size() >= 3);
    for (const auto& line : lines)
        for (const auto& t : line.texts) CHECK(t.x + t.width <= 120.05);
}

TEST_CASE("styled runs keep their styles, links and change marks", "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), nullptr);
    layout::TextStyle plain, italic, inserted;
    italic.face = layout::Face::body_italic;
    inserted.underline = true;
    layout::ParagraphSpec p;
    p.runs = {{"respect the ", plain, {}},
              {"impartiality", italic, {}},
              {", see ", plain, {}},
              {"paragraph 3.7", plain, {layout::LinkTarget::Kind::anchor, "complaints"}},
              {" and new words", inserted, {}, true}};
    p.right = 1000;
    const auto lines = breaker.break_lines(p);
    REQUIRE(lines.size() == 1);
    const auto& t = lines[0].texts;
    REQUIRE(t.size() == 5);
    CHECK(t[1].text == "impartiality");
    CHECK(t[1].style.face == layout::Face::body_italic);
    CHECK(t[2].x == Approx(t[1].x + t[1].width));  // the comma touches the italic word
    REQUIRE(lines[0].links.size() == 1);
    CHECK(lines[0].links[0].target.target == "complaints");
    CHECK(lines[0].links[0].x == Approx(t[3].x));
    CHECK(lines[0].links[0].width == Approx(t[3].width));
    CHECK(lines[0].change_bar);
    CHECK(t[4].style.underline);
}

TEST_CASE("the first two and last two lines of a paragraph keep together", "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), nullptr);
    const auto lines = breaker.break_lines(spec(200, layout::Align::left, false));
    REQUIRE(lines.size() >= 5);
    CHECK(lines[0].keep_with_next);
    CHECK(lines[lines.size() - 2].keep_with_next);
    CHECK_FALSE(lines.back().keep_with_next);
    CHECK_FALSE(lines[2].keep_with_next);
}

TEST_CASE("a hard line break ends a line that is not stretched", "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), nullptr);
    layout::ParagraphSpec p;
    p.runs = {{"Democratic Services\nCivic Offices, Guildford", {}, {}}};
    p.right = 400;
    p.align = layout::Align::justify;
    const auto lines = breaker.break_lines(p);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].texts.back().x + lines[0].texts.back().width < 200);
}

TEST_CASE("a token of 400 KB is set whole, in pieces that fit, in order", "[layout][lines][long]") {
    const layout::LineBreaker breaker(fonts(), &hyphenator());
    std::string token;
    for (std::size_t i = 0; token.size() < 400000; ++i) token += static_cast<char>('a' + (i * 7) % 26);
    for (const std::string& word : {token, std::string(30000, 'x'), [] {
                                        std::string s;
                                        while (s.size() < 30000) s += "ab/";  // a break point every three letters
                                        return s;
                                    }()}) {
        layout::ParagraphSpec p;
        p.runs = {{"before " + word + " after", {}, {}}};
        p.right = 300;
        const auto lines = breaker.break_lines(p);
        std::string joined;
        for (const auto& line : lines)
            for (const auto& t : line.texts) {
                CHECK(t.x + t.width <= 300.05);
                joined += t.text;
            }
        CHECK(lines.size() > word.size() / 200);
        CHECK(joined.find(word) != std::string::npos);
        // Copying a long token gives its pieces, not the whole token again (no ActualText
        // hundreds of kilobytes long).
        for (const auto& line : lines)
            for (const auto& t : line.texts) CHECK(t.actual_text.size() <= 200);
    }
}

TEST_CASE("a word broken at a line end copies as the word: the first piece carries it, the rest nothing",
          "[layout][lines]") {
    const layout::LineBreaker breaker(fonts(), &hyphenator());
    for (double right : {60.0, 75.0, 90.0, 110.0}) {
        layout::ParagraphSpec p;
        p.runs = {{"the Sub-Committees and co-operation of responsibilities", {}, {}}};
        p.right = right;
        p.hyphenate = true;
        const auto lines = breaker.break_lines(p);
        std::string copied;  // what copy and paste gives: ActualText where there is one
        for (const auto& line : lines) {
            for (const auto& t : line.texts) {
                if (!copied.empty() && copied.back() != ' ' && !t.has_actual_text) copied += ' ';
                copied += t.has_actual_text ? t.actual_text : t.text;
                if (t.has_actual_text && !t.actual_text.empty()) copied += ' ';
            }
        }
        INFO("measure " << right << ": " << copied);
        for (const char* word : {"Sub-Committees", "co-operation", "responsibilities"})
            CHECK(copied.find(word) != std::string::npos);
        CHECK(copied.find("SubCommittees") == std::string::npos);
    }
}
