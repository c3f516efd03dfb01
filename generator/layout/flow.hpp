// The page breaker: a vertical list of boxes -> pages. It honours keep-with-next (so a
// heading is never the last thing on a page and a paragraph leaves no widow or orphan),
// forced page breaks, drops space at the top of a page, and repeats a table's header
// rows at the top of every page the table continues on.
#pragma once

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/box.hpp"
#include "layout/fonts.hpp"

namespace protopub::layout {

class Flow {
public:
    void add(Box box) { boxes_.push_back(std::move(box)); }
    void add(std::vector<Box> boxes);
    // Header rows (kept with the first body row) then body rows, which repeat the header
    // after every page break.
    void add_table(std::vector<Box> header, std::vector<Box> body);
    Box& last() { return boxes_.back(); }

    // Consumes the boxes. Each box is placed at x = geometry.left and a y inside the body
    // area; a box taller than the body area gets a page of its own.
    std::vector<Page> paginate(const PageGeometry& geometry) &&;

private:
    // (a deque: a long document's tens of thousands of boxes are never copied to grow it)
    std::deque<Box> boxes_;
    std::vector<std::vector<Box>> headers_;
};

struct AnchorPlace {
    int page = 0;  // 0-based
    double y = 0;  // top of the box carrying the anchor
};
std::unordered_map<std::string, AnchorPlace> find_anchors(const std::vector<Page>& pages);

// Fills in every PageRef: the 1-based page number of its anchor, right-aligned, with
// dotted leaders aligned on a common grid so the dots line up down the page. References
// to unknown anchors get no number.
void resolve_page_refs(std::vector<Page>& pages, const FontSet& fonts);

// Draws a vertical bar `offset` points left of every box marked change_bar (redlines).
void add_change_bars(std::vector<Page>& pages, double offset, double thickness, const Colour& colour);

}  // namespace protopub::layout
