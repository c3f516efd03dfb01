#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "import/import.hpp"
#include "io/files.hpp"
#include "source/writer.hpp"

namespace protopub::cli {

// protopub import INPUT -o OUT.md [--council NAME] [--title T] [--version V]
// OUT.md is written only when the import succeeded, atomically, as the last step.
int run_import(const std::vector<std::string>& argv) {
    Args args(argv, {"-o", "--council", "--title", "--version"}, {});
    if (!args.ok()) return usage_error("import", args.error());
    if (args.positional().size() != 1 || !args.has("-o"))
        return usage_error("import", "usage: protopub import INPUT(.txt|.docx) -o OUT.md [--council NAME] [--title T] [--version V]");
    const std::string input = args.positional().front();
    const std::string output = args.value("-o");

    std::string error;
    auto bytes = io::read_file(input, error);
    if (!bytes) return usage_error("import", error);

    import::ImportOptions options;
    options.council = args.value("--council");
    options.title = args.value("--title");
    options.version = args.value("--version");
    model::Diagnostics diags;
    import::ImportResult result = import::import_bytes(*bytes, input, options, diags);
    print_diagnostics(diags);
    if (!result.ok || diags.has_errors()) return exit_input_errors;

    if (!io::write_file_atomic(output, source::write_protocol(result.protocol), error))
        return usage_error("import", error);
    std::size_t clauses = 0;
    for (const auto& s : result.protocol.sections) clauses += s.clauses.size();
    std::printf("imported %s -> %s: %zu sections, %zu clauses\n", input.c_str(), output.c_str(),
                result.protocol.sections.size(), clauses);
    return exit_ok;
}

}  // namespace protopub::cli
