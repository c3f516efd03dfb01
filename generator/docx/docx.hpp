// The Word writer: model::Protocol -> .docx bytes. Styles, page set-up, headers and
// footers come from a reference .docx (the council's house template); only the body,
// the list definitions, the hyperlinks and the document properties are ours.
//
// A redline Protocol (inserted/deleted inlines, Clause::change) becomes real tracked
// changes: Accept All in Word gives the new version, Reject All the old one.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::docx {

// A reference document read and parsed once, shared read-only by every render of a run
// (and by threads): its styles, page set-up, headers and footers.
struct ReferenceDocx;

struct DocxOptions {
    std::shared_ptr<const ReferenceDocx> reference;  // null: read `reference_docx`
    std::string reference_docx;                      // "" = default_reference_docx()
    // Package, properties and revision time stamp (io::known_epoch); without one the
    // document states no creation date rather than an invented one.
    std::optional<std::int64_t> epoch;
    std::string revision_author = "protopub";
    bool contents = true;  // a contents (TOC) field after the title
};

// reference.docx in the data folder found at run time (io::default_data_dir()).
std::string default_reference_docx();

// Reads and checks a reference document ("" = the default); null with an error in `diags`
// when it cannot be read or is not a Word document.
std::shared_ptr<const ReferenceDocx> load_reference_docx(const std::string& path, model::Diagnostics& diags);

// The .docx package, or "" with an error in `diags` when the reference document cannot
// be read or is not a Word document.
std::string render_docx(const model::Protocol& protocol, const DocxOptions& options, model::Diagnostics& diags);

}  // namespace protopub::docx
