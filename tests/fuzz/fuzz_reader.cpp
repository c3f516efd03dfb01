// Markdown + front matter reader, structure check and the source writer: any bytes give
// diagnostics, never a crash; a protocol read without errors writes back to a source
// that reads again without errors.
#include <cstdlib>

#include "check/check.hpp"
#include "fuzz_support.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(fuzzing::as_text(data, size), "fuzz.md", diags);
    check::check_structure(p, diags);
    for (const auto& d : diags.items()) (void)model::format(d);
    if (diags.has_errors()) return 0;
    model::Diagnostics again;
    const std::string written = source::write_protocol(p);
    fuzzing::require_utf8(written, "the written source");
    source::read_protocol(written, "written.md", again);
    return 0;
}
