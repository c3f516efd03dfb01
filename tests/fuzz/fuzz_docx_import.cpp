// The .docx importer (zip reader + WordprocessingML): damaged packages, hostile entry
// names, zip bombs and broken XML give diagnostics, never a crash or a huge allocation.
#include "fuzz_support.hpp"
#include "import/import.hpp"
#include "source/writer.hpp"

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    model::Diagnostics diags;
    import::ImportResult r = import::import_docx(fuzzing::as_text(data, size), "fuzz.docx", {}, diags);
    if (r.ok) fuzzing::require_utf8(source::write_protocol(r.protocol), "the imported source");
    return 0;
}
