#include <cstdio>
#include <filesystem>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "import/covering_report.hpp"
#include "import/import.hpp"
#include "io/files.hpp"
#include "source/writer.hpp"

namespace protopub::cli {

namespace {

// --report: the covering report before the protocol, as REPORT.md beside OUT.md (never
// over an existing one). False on an I/O problem.
bool write_covering_report(const model::Protocol& imported, const std::string& output) {
    const std::filesystem::path out(output);
    const std::string report_path = (out.parent_path() / "REPORT.md").string();
    const auto report = import::covering_report(imported, out.filename().string());
    if (!report) {
        std::fprintf(stderr, "%s: note: no covering report before the protocol: no REPORT.md written\n",
                     output.c_str());
        return true;
    }
    std::error_code ec;
    if (std::filesystem::exists(report_path, ec)) {
        usage_error("import", report_path + " exists: the covering report was not written over it");
        return false;
    }
    std::string error;
    if (!io::write_file_atomic(report_path, *report, error)) {
        usage_error("import", error);
        return false;
    }
    std::printf("covering report -> %s\n", report_path.c_str());
    return true;
}

}  // namespace

// protopub import INPUT -o OUT.md [--council NAME] [--title T] [--version V]
// OUT.md is written only when the input could be read as a protocol, atomically, as the
// last step; problems `check` then finds in it are reported against OUT.md's lines.
int run_import(const std::vector<std::string>& argv) {
    Args args(argv, command("import"));
    if (!args.ok()) return usage_error("import", args.error());
    if (args.positional().size() != 1 || !args.has("-o"))
        return usage_error(
            "import",
            "usage: protopub import INPUT(.txt|.md|.docx) -o OUT.md [--council NAME] [--title T] [--version V] [--report]");
    const std::string input = args.positional().front();
    const std::string output = args.value("-o");

    if (io::same_file(input, output))
        return usage_error("import", "-o '" + output + "' is the input; name another file for the source");
    std::string error;
    auto bytes = io::read_file(input, error);
    if (!bytes) return usage_error("import", error);

    import::ImportOptions options;
    options.council = args.value("--council");
    options.title = args.value("--title");
    options.version = args.value("--version");
    model::Diagnostics diags;
    CommandScope scope;
    import::ImportResult& result = scope.keep(import::import_bytes(*bytes, input, options, diags));
    print_diagnostics(diags);
    if (!result.ok || diags.has_errors()) return exit_input_errors;

    const std::string markdown = source::write_protocol(result.protocol);
    if (!io::write_file_atomic(output, markdown, error)) return usage_error("import", error);
    std::size_t clauses = 0;
    for (const auto& s : result.protocol.sections) clauses += s.clauses.size();
    const std::size_t sections = result.protocol.sections.size();
    std::printf("imported %s -> %s: %zu section%s, %zu clause%s\n", input.c_str(), output.c_str(), sections,
                sections == 1 ? "" : "s", clauses, clauses == 1 ? "" : "s");
    if (args.flag("--report") && !write_covering_report(result.protocol, output)) return exit_usage;

    // What the text itself gets wrong (a missing or doubled number, a reference that
    // points nowhere) is for a person to fix in OUT.md: exactly `protopub check OUT.md`
    // (read, resolve, check), in OUT.md's own lines.
    model::Diagnostics checked;
    load_sources({output}, checked);
    if (checked.empty()) return exit_ok;
    print_diagnostics(checked);
    if (!checked.has_errors()) return exit_ok;
    std::fprintf(stderr, "%s was written; correct it by hand, then run: protopub check %s\n", output.c_str(),
                 output.c_str());
    return exit_input_errors;
}

}  // namespace protopub::cli
