// Internal: a TrueType file cut down to the glyphs a document draws, renumbered from 0,
// and the facts a PDF font descriptor needs. Pure byte work on the font file (no
// libharu): the writer embeds the result as a CIDFontType2 font.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace protopub::pdf::detail {

struct TrueTypeSubset {
    std::string bytes;                  // a valid TrueType file (head, hhea, maxp, hmtx, loca, glyf), unhinted
    std::vector<std::uint16_t> glyphs;  // new glyph id -> glyph id in the original file
};

// `used` are glyph ids of the original file (in any order, repeats allowed); glyph 0
// and every component of a composite glyph are kept too, and keep the order of first
// use. Returns false (and `error`) when the file's tables cannot be read.
bool subset_truetype(std::string_view ttf, const std::vector<std::uint16_t>& used, TrueTypeSubset& out,
                     std::string& error);

// What a PDF FontDescriptor states, in thousandths of an em.
struct FontFacts {
    int bbox[4] = {0, -200, 1000, 900};
    double italic_angle = 0;
    int ascent = 800, descent = -200, cap_height = 700;
    bool fixed_pitch = false, italic = false, serif = false;
    std::string postscript_name;  // "" when the name table has none
};
FontFacts font_facts(std::string_view ttf);

}  // namespace protopub::pdf::detail
