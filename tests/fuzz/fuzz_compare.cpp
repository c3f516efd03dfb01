// The variant comparison engine and its report on two fuzzed sources, with and without
// a base. Every file of the report is valid: HTML and SVG well-formed for libxml2, JSON and
// CSV UTF-8 that shows, no CSV cell a spreadsheet would run.
#include "compare/compare.hpp"
#include "compare/report.hpp"
#include "fuzz_support.hpp"
#include "io/files.hpp"
#include "source/reader.hpp"

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto [first, second] = fuzzing::split_two(fuzzing::as_text(data, size));
    model::Diagnostics diags;
    std::vector<model::Protocol> protocols;
    protocols.push_back(source::read_protocol(first, "first.md", diags));
    protocols.push_back(source::read_protocol(second, "second.md", diags));

    compare::Options options;
    options.threads = 1;
    options.base = size % 2 == 0 ? 0 : -1;
    const compare::Comparison comparison = compare::compare_protocols(protocols, options);

    compare::ReportOptions report;
    report.formats = {"html", "csv", "json"};
    report.templates_dir = PROTOPUB_SOURCE_DIR "/templates";
    io::OutputSet out;
    compare::write_report(comparison, protocols, report, out, diags);
    for (const auto& [name, bytes] : out.files()) fuzzing::require_valid_output(name, bytes);
    return 0;
}
