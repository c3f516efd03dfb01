// Markdown + front matter reader, structure check and the source writer: any bytes give
// diagnostics, never a crash; plain paragraphs cut from the source give the model that
// cmark's reading of them gives; a protocol read without errors writes back to a source
// that reads again without errors.
#include <cstdio>
#include <cstdlib>

#include "check/check.hpp"
#include "fuzz_support.hpp"
#include "source/model_dump.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(fuzzing::as_text(data, size), "fuzz.md", diags);
    model::Diagnostics cmark_diags;
    const model::Protocol cmark =
        source::read_protocol(fuzzing::as_text(data, size), "fuzz.md", cmark_diags, {.plain_blocks = false});
    if (test::exact_dump(p, diags) != test::exact_dump(cmark, cmark_diags)) {
        std::fprintf(stderr, "plain paragraphs read from the source differ from cmark's reading\n");
        std::abort();
    }
    check::check_structure(p, diags);
    for (const auto& d : diags.items()) (void)model::format(d);
    if (diags.has_errors()) return 0;
    model::Diagnostics again;
    const std::string written = source::write_protocol(p);
    fuzzing::require_utf8(written, "the written source");
    source::read_protocol(written, "written.md", again);
    return 0;
}
