// The plain-text importer: any bytes give a protocol or diagnostics, and the source
// written from an import reads back.
#include "import_support.hpp"

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    model::Diagnostics diags;
    fuzzing::require_source_reads_back(import::import_text(fuzzing::as_text(data, size), "fuzz.txt", {}, diags));
    return 0;
}
