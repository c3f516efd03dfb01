#include <catch2/catch.hpp>

#include "layout/fonts.hpp"
#include "support.hpp"

using namespace protopub;

TEST_CASE("the default families are found through fontconfig and measured from their files", "[layout][fonts]") {
    model::Diagnostics diags;
    const auto fonts = layout::FontSet::load({}, "style", diags);
    REQUIRE(fonts);
    CHECK(diags.empty());
    CHECK(fonts->path(layout::Face::body).find("LiberationSerif-Regular.ttf") != std::string::npos);
    CHECK(fonts->path(layout::Face::sans_bold).find("LiberationSans-Bold.ttf") != std::string::npos);
    // Liberation Serif is metric-compatible with Times: 'A' is 722/1000 em, space 250.
    CHECK(fonts->width("A", layout::Face::body, 10) == Approx(7.22));
    CHECK(fonts->width("A A", layout::Face::body, 10) == Approx(7.22 * 2 + 2.5));
    // The characters councils' text is full of are all there.
    for (char32_t c :
         {U'\u2018', U'\u2019', U'\u201C', U'\u201D', U'\u2013', U'\u2014', U'\u00A3', U'\u00E9', U'\u2022'})
        CHECK(fonts->metrics(layout::Face::body).has_glyph(c));
    CHECK_FALSE(fonts->metrics(layout::Face::body).has_glyph(U'\U0001F600'));
}

TEST_CASE("a family that is not installed is an error naming it", "[layout][fonts]") {
    model::Diagnostics diags;
    layout::FontFamilies families;
    families.body = "No Such Family Sans";
    CHECK_FALSE(layout::FontSet::load(families, "house.yaml", diags));
    const std::string text = testing::formatted(diags);
    CHECK(text.find("house.yaml: error: font family 'No Such Family Sans' is not installed") != std::string::npos);
    CHECK(diags.error_count() == 1);  // four faces of one family: one message
}

TEST_CASE("a file that is not TrueType is rejected, not crashed on", "[layout][fonts]") {
    std::string error;
    CHECK_FALSE(layout::FontMetrics::parse("", error));
    CHECK_FALSE(error.empty());
    std::string otf = "OTTO" + std::string(200, '\0');
    CHECK_FALSE(layout::FontMetrics::parse(otf, error));
    CHECK(error.find("not a TrueType font") != std::string::npos);
    // A table directory that points past the end of the file.
    std::string bad(
        "\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00"
        "cmap\0\0\0\0\x7f\xff\xff\xff\0\0\0\x10",
        28);
    CHECK_FALSE(layout::FontMetrics::parse(bad, error));
    CHECK(error.find("outside the file") != std::string::npos);
}

TEST_CASE("UTF-8 is decoded one code point at a time", "[layout][fonts]") {
    const std::string s = "a\u00A3\u2014\U0001F600\xff";
    std::size_t i = 0;
    CHECK(layout::next_code_point(s, i) == U'a');
    CHECK(layout::next_code_point(s, i) == U'\u00A3');
    CHECK(layout::next_code_point(s, i) == U'\u2014');
    CHECK(layout::next_code_point(s, i) == U'\U0001F600');
    CHECK(layout::next_code_point(s, i) == U'\uFFFD');
    CHECK(i == s.size());
}

TEST_CASE("kerning pairs from the font's kern table narrow 'AV' and 'To', never across a space",
          "[layout][fonts][kerning]") {
    model::Diagnostics diags;
    const auto fonts = layout::FontSet::load({}, "style", diags);
    REQUIRE(fonts);
    const auto w = [&](const char* text) { return fonts->width(text, layout::Face::body, 10); };
    CHECK(w("AV") < w("A") + w("V") - 0.5);
    CHECK(w("To") < w("T") + w("o") - 0.3);
    CHECK(w("A V") == Approx(w("A") + w(" ") + w("V")));  // a space stretches: no pair across it
    CHECK(w("mn") == Approx(w("m") + w("n")));            // no pair, no change
    const auto& m = fonts->metrics(layout::Face::body);
    CHECK(m.kerning(m.glyph(U'A'), m.glyph(U'V')) < 0);
    CHECK(m.kerning(0, m.glyph(U'V')) == 0);
}

TEST_CASE("the kerning table of the first glyphs answers as the font's pairs do, for every pair",
          "[layout][fonts][kerning]") {
    model::Diagnostics diags;
    const auto fonts = layout::FontSet::load({}, "style", diags);
    REQUIRE(fonts);
    for (int face = 0; face < layout::face_count; ++face) {
        const auto& m = fonts->metrics(static_cast<layout::Face>(face));
        // Every printable ASCII character is in the table, so body text never needs the pairs.
        for (char32_t c = U' '; c < 0x7F; ++c) CHECK(m.glyph(c) < layout::FontMetrics::dense_kerning_side);
        int differing = 0, kerned = 0;
        for (std::uint32_t left = 0; left < 1024; ++left)
            for (std::uint32_t right = 0; right < 1024; ++right) {
                const auto l = static_cast<std::uint16_t>(left), r = static_cast<std::uint16_t>(right);
                differing += m.kerning(l, r) != m.kerning_pair(l, r);
                kerned += m.kerning_pair(l, r) != 0;
            }
        CHECK(differing == 0);
        if (face != static_cast<int>(layout::Face::mono)) CHECK(kerned > 0);  // a monospaced face has no pairs
    }
    // A width measured through the table is the sum of the advances and the pairs.
    const std::string text = "AVAST \u201CTo\u201D Wa\u2019y \u00A3Yo";
    const auto& m = fonts->metrics(layout::Face::body);
    long units = 0;
    std::uint16_t previous = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = layout::next_code_point(text, i);
        const std::uint16_t glyph = m.glyph(c);
        units += m.glyph_advance(glyph) + (c == ' ' ? 0 : m.kerning_pair(previous, glyph));
        previous = c == ' ' ? 0 : glyph;
    }
    CHECK(fonts->width(text, layout::Face::body, 12) == static_cast<double>(units) * 12 / 1000);
}
