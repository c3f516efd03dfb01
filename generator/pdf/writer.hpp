// Internal: laid-out pages -> PDF bytes. The only place libharu is used; layout/
// measures the same font files on its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "layout/box.hpp"
#include "layout/fonts.hpp"
#include "model/diagnostics.hpp"

namespace protopub::pdf::detail {

struct OutlineEntry {
    std::string title;
    std::string anchor;
    int level = 0;   // 0 = top level; 1 = inside the previous level-0 entry
};

struct DocumentInfo {
    std::string title, author, subject, keywords;
    std::optional<std::int64_t> epoch;   // none: the PDF states no dates
};

std::string write_pdf(const std::vector<layout::Page>& pages, const layout::PageGeometry& geometry,
                      const layout::FontSet& fonts, const std::vector<OutlineEntry>& outline,
                      const DocumentInfo& info, const std::string& origin, model::Diagnostics& diags);

}  // namespace protopub::pdf::detail
