// The web-page importer: any bytes, read as a page, give a protocol or diagnostics, and the
// source written from an import reads back.
#include "import_support.hpp"

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    model::Diagnostics diags;
    fuzzing::require_source_reads_back(import::import_html(fuzzing::as_text(data, size), "fuzz.html", {}, diags));
    return 0;
}
