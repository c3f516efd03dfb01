// Import of legacy protocols: plain text (as pdftotext or Word's "Save as text" gives it)
// and Word .docx, into the Protocol model, which source::write_protocol turns into a
// source file. Layout is fixed, wording never changed: every word of the input ends up
// in the protocol, except page furniture (page numbers, running headers, lone web
// addresses, stray characters), each of which is listed in ImportResult::dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::import {

struct ImportOptions {
    std::string title;    // overrides a title found in the text
    std::string council;  // overrides a council named in the text
    std::string version;  // default "1"
};

// Something taken out of the input because it is not part of the text.
struct Dropped {
    model::SourcePos pos;
    std::string text;    // exactly as it was
    std::string reason;  // "page number", "running header", "lone web address", "stray character"
};

struct ImportResult {
    bool ok = false;               // false: not a protocol we can read (errors in diags)
    model::Protocol protocol;      // every section and clause has an id
    bool title_from_text = false;  // the title is a line of the input (not an option)
    std::vector<Dropped> dropped;
};

// `path` is used for diagnostics only.
ImportResult import_text(std::string_view text, const std::string& path, const ImportOptions& options,
                         model::Diagnostics& diags);
ImportResult import_docx(std::string_view bytes, const std::string& path, const ImportOptions& options,
                         model::Diagnostics& diags);
// A web page: the text it shows, read as import_text reads text.
ImportResult import_html(std::string_view bytes, const std::string& path, const ImportOptions& options,
                         model::Diagnostics& diags);
// Chooses by content: a zip package is read as .docx, a web page (or a .html or .htm file) as
// HTML, anything else as text; a .docx
// name on something that is not a zip is an error.
ImportResult import_bytes(std::string_view bytes, const std::string& path, const ImportOptions& options,
                          model::Diagnostics& diags);

}  // namespace protopub::import
