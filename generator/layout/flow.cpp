#include "layout/flow.hpp"

#include <cmath>

namespace protopub::layout {

void Flow::add(std::vector<Box> boxes) {
    for (auto& b : boxes) boxes_.push_back(std::move(b));
}

void Flow::add_table(std::vector<Box> header, std::vector<Box> body) {
    const int index = header.empty() ? -1 : static_cast<int>(headers_.size());
    if (index >= 0) {
        header.back().keep_with_next = true;
        headers_.push_back(header);
    }
    add(std::move(header));
    for (auto& row : body) row.repeat_header = index;
    add(std::move(body));
}

namespace {
// A header row repeated on a later page is page furniture: a reader has met it already.
Box repeated(Box row) {
    for (auto& t : row.texts) t.element = artifact;
    row.links.clear();
    row.anchors.clear();
    return row;
}
}  // namespace

std::vector<Page> Flow::paginate(const PageGeometry& g) && {
    // First plan where every box goes, backing up to an allowed break when one does not
    // fit; then move the boxes into their pages.
    struct Placement {
        int box = -1;  // index into boxes_, or -1 for a repeated header row
        int header = -1, header_row = 0;
        double y = 0;
    };
    std::vector<std::vector<Placement>> plan(1);
    double y = 0;
    std::size_t page_start = 0;  // first box of boxes_ on the current page
    const double room = g.body_height();

    auto new_page = [&](std::size_t first) {
        plan.emplace_back();
        y = 0;
        page_start = first;
        if (first < boxes_.size() && boxes_[first].repeat_header >= 0) {
            const int h = boxes_[first].repeat_header;
            for (int r = 0; r < static_cast<int>(headers_[h].size()); ++r) {
                plan.back().push_back({-1, h, r, y});
                y += headers_[h][r].height;
            }
        }
    };

    for (std::size_t i = 0; i < boxes_.size();) {
        const Box& b = boxes_[i];
        const bool first_on_page = i == page_start;
        if (b.page_break_before && !first_on_page) {
            new_page(i);
            continue;
        }
        const double before = plan.back().empty() ? 0 : b.space_before;
        if (!first_on_page && y + before + b.height > room) {
            std::size_t j = i;
            while (j > page_start + 1 && boxes_[j - 1].keep_with_next) --j;
            // Nothing on this page may be separated from what follows: break where we
            // are, since the chain cannot fit on any page.
            if (j == page_start + 1 && boxes_[page_start].keep_with_next) j = i;
            while (!plan.back().empty() && plan.back().back().box >= static_cast<int>(j)) plan.back().pop_back();
            new_page(j);
            i = j;
            continue;
        }
        y += before;
        plan.back().push_back({static_cast<int>(i), -1, 0, y});
        y += b.height;
        ++i;
    }

    std::vector<Page> pages(plan.size());
    for (std::size_t p = 0; p < plan.size(); ++p) {
        // (and room for the page's furniture, a running head and a footer, added after)
        pages[p].boxes.reserve(plan[p].size() + 2);
        for (const auto& at : plan[p]) {
            Box box = at.box >= 0 ? std::move(boxes_[at.box]) : repeated(headers_[at.header][at.header_row]);
            pages[p].boxes.push_back({g.left, g.top + at.y, std::move(box)});
        }
    }
    boxes_.clear();
    return pages;
}

std::unordered_map<std::string, AnchorPlace> find_anchors(const std::vector<Page>& pages) {
    std::unordered_map<std::string, AnchorPlace> out;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (const auto& placed : pages[p].boxes)
            for (const auto& id : placed.box.anchors) out.emplace(id, AnchorPlace{static_cast<int>(p), placed.y});
    return out;
}

void resolve_page_refs(std::vector<Page>& pages, const FontSet& fonts) {
    const auto anchors = find_anchors(pages);
    for (auto& page : pages) {
        for (auto& placed : page.boxes) {
            Box& box = placed.box;
            for (const auto& ref : box.page_refs) {
                const auto it = anchors.find(ref.anchor);
                if (it == anchors.end()) continue;
                const std::string number = std::to_string(it->second.page + 1);
                const double width = fonts.width(number, ref.style);
                const double x = ref.right - width;
                box.texts.push_back({x, ref.baseline, width, number, ref.style, 0, ref.element});
                // Dots on a grid measured from the page edge line up from entry to entry.
                const double pitch = fonts.width(". ", ref.style);
                const double gap = ref.style.size * 0.5;
                const double first = std::ceil((placed.x + ref.leader_from + gap) / pitch) * pitch - placed.x;
                const int dots = static_cast<int>(std::floor((x - gap - first) / pitch));
                if (dots < 2) continue;
                std::string leaders;
                for (int d = 0; d < dots; ++d) leaders += d ? " ." : ".";
                box.texts.push_back({first, ref.baseline, fonts.width(leaders, ref.style), leaders, ref.style});
            }
        }
    }
}

void add_change_bars(std::vector<Page>& pages, double offset, double thickness, const Colour& colour) {
    for (auto& page : pages) {
        double previous_bottom = -1;  // bottom of the last box with a bar, -1 if none
        for (auto& placed : page.boxes) {
            if (!placed.box.change_bar) {
                previous_bottom = -1;
                continue;
            }
            // One unbroken bar down consecutive changed boxes, across the space between.
            const double gap = placed.y - previous_bottom;
            const double top = previous_bottom >= 0 && gap > 0 && gap < 24 ? -gap : 0;
            placed.box.rules.push_back({-offset, top, -offset, placed.box.height, thickness, colour});
            previous_bottom = placed.y + placed.box.height;
        }
    }
}

}  // namespace protopub::layout
