#include "layout/table.hpp"

#include <algorithm>
#include <numeric>

namespace protopub::layout {

namespace {

std::vector<double> column_widths(const TableSpec& spec, const LineBreaker& breaker, std::size_t columns) {
    std::vector<double> least(columns, 0), most(columns, 0);
    const double padding = 2 * spec.padding_x;
    for (const auto& row : spec.rows)
        for (std::size_t c = 0; c < row.cells.size() && c < columns; ++c) {
            least[c] = std::max(least[c], breaker.longest_word(row.cells[c].runs) + padding);
            most[c] = std::max(most[c], breaker.natural_width(row.cells[c].runs) + padding);
        }
    const double sum_most = std::accumulate(most.begin(), most.end(), 0.0);
    std::vector<double> out(columns);
    if (sum_most <= spec.width) {  // everything fits on one line: share out the spare room
        for (std::size_t c = 0; c < columns; ++c)
            out[c] = most[c] + (spec.width - sum_most) * (sum_most > 0 ? most[c] / sum_most : 1.0 / columns);
        return out;
    }
    // A narrow column ("Who", "Yes") keeps its natural width so it does not wrap; the
    // wide ones share what is left, each above its longest word by how much text it has.
    const double fair = spec.width / columns;
    std::vector<bool> narrow(columns);
    double fixed = 0, flexible_least = 0, flexible_extra = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        narrow[c] = most[c] <= fair;
        fixed += narrow[c] ? most[c] : 0;
        flexible_least += narrow[c] ? 0 : least[c];
        flexible_extra += narrow[c] ? 0 : most[c] - least[c];
    }
    if (fixed + flexible_least > spec.width) {  // even the longest words do not fit: scale down
        const double sum_least = std::accumulate(least.begin(), least.end(), 0.0);
        for (std::size_t c = 0; c < columns; ++c)
            out[c] = spec.width * (sum_least > 0 ? least[c] / sum_least : 1.0 / columns);
        return out;
    }
    const double spare = spec.width - fixed - flexible_least;
    for (std::size_t c = 0; c < columns; ++c)
        out[c] =
            narrow[c] ? most[c] : least[c] + spare * (flexible_extra > 0 ? (most[c] - least[c]) / flexible_extra : 0);
    return out;
}

}  // namespace

TableBoxes layout_table(const TableSpec& spec, const LineBreaker& breaker) {
    std::size_t columns = spec.align.size();
    for (const auto& row : spec.rows) columns = std::max(columns, row.cells.size());
    TableBoxes out;
    if (columns == 0) return out;
    const auto widths = column_widths(spec, breaker, columns);

    const double thin = 0.4, thick = 0.9;
    bool in_header = true;
    for (std::size_t r = 0; r < spec.rows.size(); ++r) {
        const auto& row = spec.rows[r];
        in_header = in_header && row.header;
        Box box;
        box.change_bar = row.change_bar;
        double x = spec.x, height = 0;
        std::vector<std::vector<Box>> cells;
        for (std::size_t c = 0; c < columns; ++c) {
            ParagraphSpec p;
            if (c < row.cells.size()) p.runs = row.cells[c].runs;
            p.text_x = x + spec.padding_x;
            p.right = x + widths[c] - spec.padding_x;
            p.line_height = spec.line_height;
            p.align = c < spec.align.size() ? spec.align[c] : Align::left;
            p.hyphenate = spec.hyphenate;
            cells.push_back(breaker.break_lines(p));
            height = std::max(height, cells.back().size() * spec.line_height);
            x += widths[c];
        }
        box.height = height + 2 * spec.padding_y;
        double cell_x = spec.x;
        for (std::size_t c = 0; c < row.cells.size() && c < columns; cell_x += widths[c], ++c)
            if (row.cells[c].fill) box.fills.push_back({cell_x, 0, widths[c], box.height, *row.cells[c].fill});
        for (auto& lines : cells) {
            double y = spec.padding_y;
            for (auto& line : lines) {
                for (auto& t : line.texts) {
                    t.baseline += y;
                    box.texts.push_back(std::move(t));
                }
                for (auto& l : line.links) {
                    l.y += y;
                    box.links.push_back(std::move(l));
                }
                for (auto& r : line.rules) {
                    r.y1 += y;
                    r.y2 += y;
                    box.rules.push_back(std::move(r));
                }
                box.change_bar = box.change_bar || line.change_bar;
                y += spec.line_height;
            }
        }
        // Booktabs-style rules: a strong rule above and below the table, a medium one
        // under the header, hairlines between body rows; the header row is tinted.
        const double right = spec.x + spec.width;
        const bool last = r + 1 == spec.rows.size();
        if (in_header) {
            box.fills.push_back({spec.x, 0, spec.width, box.height, spec.header_fill});
            if (r == 0) box.rules.push_back({spec.x, 0, right, 0, thick, spec.rule});
            const bool last_header = last || !spec.rows[r + 1].header;
            box.rules.push_back({spec.x, box.height, right, box.height, last_header ? 0.6 : thin, spec.rule});
            out.header.push_back(std::move(box));
        } else {
            if (r == 0) box.rules.push_back({spec.x, 0, right, 0, thick, spec.rule});
            box.rules.push_back({spec.x, box.height, right, box.height, last ? thick : thin, spec.rule});
            out.body.push_back(std::move(box));
        }
    }
    return out;
}

}  // namespace protopub::layout
