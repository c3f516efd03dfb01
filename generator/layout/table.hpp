// Tables: column widths from the content (every column gets at least its longest word
// when the measure allows, the rest shared by how much text each column holds), cells
// wrapped by the line breaker, one box per row so a table can run across pages.
#pragma once

#include <optional>
#include <vector>

#include "layout/line_breaker.hpp"

namespace protopub::layout {

struct TableSpec {
    struct Cell {
        std::vector<Run> runs;
        std::optional<Colour> fill;  // the cell's background
    };
    struct Row {
        std::vector<Cell> cells;
        bool header = false;
        bool change_bar = false;
    };
    std::vector<Row> rows;
    std::vector<Align> align;  // per column; missing columns are left-aligned
    double x = 0;              // left edge, from the flow's left edge
    double width = 0;
    double line_height = 12;
    double padding_x = 4, padding_y = 3;
    Colour rule;
    Colour header_fill;
    bool hyphenate = false;
};

struct TableBoxes {
    std::vector<Box> header;  // leading header rows
    std::vector<Box> body;
};

TableBoxes layout_table(const TableSpec& spec, const LineBreaker& breaker);

}  // namespace protopub::layout
