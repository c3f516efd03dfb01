// Reference detection and renumbering: references found in any words resolve without a
// crash, and a renumbering plan applies to the very source it was planned on.
#include "fuzz_support.hpp"
#include "refs/refs.hpp"
#include "refs/renumber.hpp"
#include "source/reader.hpp"

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzzing::as_text(data, size);
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(text, "fuzz.md", diags);
    refs::resolve_references(p, diags);
    if (diags.has_errors()) return 0;
    auto edits = refs::plan_renumber(p, diags);
    (void)refs::apply_edits(text, edits, "fuzz.md", diags);
    return 0;
}
