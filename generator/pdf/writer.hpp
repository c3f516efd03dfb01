// Internal: laid-out pages -> PDF bytes. The only place libharu is used; layout/
// measures the same font files on its own.
//
// The PDF is tagged (PDF/UA-1 in intent): every piece of text is marked content of a
// structure element or an artifact, links are Link elements holding their annotation,
// fonts are embedded subsets with a ToUnicode map, and the catalog states the language.
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
    int level = 0;  // 0 = top level; 1 = inside the nearest entry above of a lower level, and so on
};

struct DocumentInfo {
    std::string title, author, subject, keywords;
    std::string lang = "en-GB";         // BCP 47, the catalog's /Lang
    std::optional<std::int64_t> epoch;  // none: the PDF states no dates
};

// Takes the pages, to free them once they are drawn (before the document is saved).
std::string write_pdf(std::vector<layout::Page> pages, const layout::PageGeometry& geometry,
                      const layout::FontSet& fonts, const layout::StructureTree& structure,
                      const std::vector<OutlineEntry>& outline, const DocumentInfo& info, const std::string& origin,
                      model::Diagnostics& diags);

}  // namespace protopub::pdf::detail
