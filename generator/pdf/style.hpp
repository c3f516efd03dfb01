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
    layout::PageGeometry page{595.276, 841.89, 70.87, 62.36, 70.87, 62.36};   // A4; 25/22 mm margins
    layout::FontFamilies fonts;
    double body_size = 10.5;
    double line_height = 1.32;        // times the font size
    double title_size = 22;
    double section_size = 14;
    double subsection_size = 11.5;
    double table_size = 9.5;
    double running_size = 8;
    double paragraph_space = 5;
    double section_space = 16;
    double number_width = 36.85;      // 13 mm: the hanging column for clause numbers
    double list_indent = 19.84;       // 7 mm per level of sub-items
    bool justify = true;
    bool hyphenate = true;
    std::string hyphenation_dictionary = "hyph_en_US.dic";
    bool contents = true;
    bool running_header = true;
    layout::Colour text_colour{0.10f, 0.10f, 0.10f};
    layout::Colour heading_colour{0.12f, 0.23f, 0.38f};
    layout::Colour link_colour{0.12f, 0.31f, 0.59f};
    layout::Colour rule_colour{0.45f, 0.45f, 0.45f};
    layout::Colour muted_colour{0.35f, 0.35f, 0.35f};
    layout::Colour table_header_fill{0.93f, 0.945f, 0.96f};
    layout::Colour inserted_colour{0.0f, 0.42f, 0.18f};
    layout::Colour deleted_colour{0.70f, 0.15f, 0.12f};
    layout::Colour moved_colour{0.36f, 0.23f, 0.60f};
    layout::Colour change_bar_colour{0.70f, 0.15f, 0.12f};
};

// Applies "key: value" lines (YAML-compatible: '#' comments, optional quotes) on top of
// `style`. Unknown keys and bad values are errors at their file:line.
void apply_style_text(std::string_view text, const std::string& path, PdfStyle& style, model::Diagnostics& diags);
// One key at a time (command-line overrides); false with `error` set when rejected.
bool apply_style_value(const std::string& key, const std::string& value, PdfStyle& style, std::string& error);

}  // namespace protopub::pdf
