// The web-page importer: any bytes, read as a page, give a protocol or diagnostics, and the
// source written from an import reads back.
#include "fuzz_support.hpp"
#include "import/import.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    model::Diagnostics diags;
    import::ImportResult r = import::import_html(fuzzing::as_text(data, size), "fuzz.html", {}, diags);
    if (!r.ok) return 0;
    model::Diagnostics again;
    const std::string written = source::write_protocol(r.protocol);
    fuzzing::require_utf8(written, "the imported source");
    source::read_protocol(written, "imported.md", again);
    return 0;
}
