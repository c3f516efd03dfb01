// The PDF renderer: one Protocol (or a redline Protocol) -> the bytes of a PDF.
//
// Title block, contents with page numbers, running heads, "Page X of Y", bookmarks for
// every section, live links for cross-references and statutes, embedded Unicode
// TrueType fonts. Layout is done by layout/ (measured lines, pages); libharu is used
// only to write the result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::pdf {

struct PdfOptions {
    std::string style_file;  // a copy of templates/pdf/style.yaml; "" = the built-in style
    std::vector<std::pair<std::string, std::string>> style_values;  // key, value overrides
    // The document's creation date (seconds since 1970, UTC); by default
    // io::build_epoch(meta.adopted), so the same source gives the same bytes.
    std::optional<std::int64_t> epoch;
};

// Returns "" (with errors in `diags`) when the style or its fonts cannot be used; user
// content never fails a render.
std::string render_pdf(const model::Protocol& protocol, const PdfOptions& options, model::Diagnostics& diags);

}  // namespace protopub::pdf
