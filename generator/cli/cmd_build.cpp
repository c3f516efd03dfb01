#include <algorithm>
#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/pipeline.hpp"
#include "history/history.hpp"
#include "io/data_dir.hpp"
#include "io/files.hpp"

namespace protopub::cli {

namespace {

const char* kDefaultSources = "protocol-source";

}  // namespace

int run_build(const std::vector<std::string>& argv) {
    Args args(argv, {"-o", "--format", "--templates", "--pdf-style", "--reference-docx", "--link"}, {"--quiet", "--history"});
    const auto formats = args.list("--format", {"html"}, format_names());
    if (!args.ok()) return usage_error("build", args.error());
    if (!args.has("-o")) return usage_error("build", "no output folder given (usage: protopub build [FILE|DIR]... -o OUTDIR)");
    const std::string outdir = args.value("-o");

    model::Diagnostics diags;
    std::vector<std::string> inputs = args.positional();
    if (inputs.empty()) inputs.push_back(kDefaultSources);
    std::vector<model::Protocol> protocols;
    if (const int loaded = load_arguments(inputs, protocols, diags); loaded != exit_ok) {
        print_diagnostics(diags);
        return loaded;
    }
    if (diags.has_errors()) {
        // Nothing is written from a source with errors: the last good output stays.
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub build: nothing written to %s\n", outdir.c_str());
        return exit_input_errors;
    }

    io::OutputSet out;
    bool rendered = true;
    if (args.flag("--history")) {   // each protocol's Changes over time page, from git
        history::Options options;
        options.templates_dir = args.value("--templates", io::default_data_dir());
        options.pdf = std::find(formats.begin(), formats.end(), "pdf") != formats.end();
        rendered = history::add_history_pages(protocols, options, out, diags);
    }
    rendered = rendered && render_formats(protocols, formats, args, out, diags);
    if (!rendered || diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub build: nothing written to %s\n", outdir.c_str());
        // Sources were clean (checked above): what failed is a template, a style or an option.
        return exit_usage;
    }
    print_diagnostics(diags);
    std::string error;
    if (!out.commit(outdir, error)) return usage_error("build", error);
    if (!args.flag("--quiet"))
        std::printf("%zu protocol%s published to %s (%zu files)\n", protocols.size(), protocols.size() == 1 ? "" : "s",
                    outdir.c_str(), out.files().size());
    return exit_ok;
}

}  // namespace protopub::cli
