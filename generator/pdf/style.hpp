// The PDF house style: page, margins, fonts, sizes, colours, alignment, hyphenation.
// A council copies templates/pdf/style.yaml, changes what it wants and passes it to
// `protopub build --pdf-style FILE`; every key is optional and documented there.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/box.hpp"
#include "layout/fonts.hpp"
#include "model/diagnostics.hpp"

namespace protopub::pdf {

struct PdfStyle {
    layout::PageGeometry page{layout::mm(210), layout::mm(297), layout::mm(25),
                              layout::mm(22),  layout::mm(25),  layout::mm(22)};
    layout::FontFamilies fonts;
    double body_size = 10.5;
    double line_height = 1.32;  // times the font size
    double title_size = 22;
    double section_size = 14;
    double subsection_size = 11.5;
    double table_size = 9.5;
    double running_size = 8;
    double paragraph_space = 5;
    double section_space = 16;
    double number_width = layout::mm(13);  // the hanging column for clause numbers
    double list_indent = layout::mm(7);    // per level of sub-items
    bool justify = true;
    bool hyphenate = true;
    std::string hyphenation_dictionary = "hyph_en_US.dic";
    bool contents = true;
    bool running_header = true;
    layout::Colour text_colour = layout::rgb(0x1a1a1a);
    layout::Colour heading_colour = layout::rgb(0x1f3b61);
    layout::Colour link_colour = layout::rgb(0x1f4f96);
    layout::Colour rule_colour = layout::rgb(0x737373);
    layout::Colour muted_colour = layout::rgb(0x595959);
    layout::Colour table_header_fill = layout::rgb(0xedf1f5);
    layout::Colour inserted_colour = layout::rgb(0x006b2e);
    layout::Colour deleted_colour = layout::rgb(0xb3261f);
    layout::Colour moved_colour = layout::rgb(0x5c3b99);
    layout::Colour change_bar_colour = layout::rgb(0xb3261f);
};

// Applies a style file (YAML, read by yaml-cpp: "key: value", quotes and comments as YAML
// has them) on top of `style`. Unknown keys and bad values are errors at their file:line.
void apply_style_text(std::string_view text, const std::string& path, PdfStyle& style, model::Diagnostics& diags);
// One key at a time (command-line overrides); false with `error` set when rejected.
bool apply_style_value(const std::string& key, const std::string& value, PdfStyle& style, std::string& error);

}  // namespace protopub::pdf
