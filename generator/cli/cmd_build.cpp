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
    const Command& self = command("build");
    Args args(argv, self);
    PublishOptions options;
    std::string error;
    if (!args.ok()) return usage_error("build", args.error());
    if (!read_publish_options(self, args, options, error)) return usage_error("build", error);
    if (!args.has("-o")) return usage_error("build", "no output folder given (usage: protopub " + synopsis(self) + ")");
    const std::string outdir = args.value("-o");

    model::Diagnostics diags;
    std::vector<std::string> inputs = args.positional();
    if (inputs.empty()) inputs.push_back(kDefaultSources);
    CommandScope scope;
    std::vector<model::Protocol>& protocols = scope.keep(std::vector<model::Protocol>{});
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
    if (args.flag("--history")) {  // each protocol's Changes over time page, from git
        history::Options history_options;
        history_options.templates_dir = options.templates_dir;
        history_options.pdf = options.wants("pdf");
        rendered = history::add_history_pages(protocols, history_options, out, diags);
    }
    rendered = rendered && render_formats(protocols, options, out, diags);
    if (!rendered || diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub build: nothing written to %s\n", outdir.c_str());
        // Sources were clean (checked above): what failed is a template, a style or an option.
        return exit_usage;
    }
    print_diagnostics(diags);
    if (const int written = write_outputs("build", out, outdir); written != exit_ok) return written;
    if (!options.quiet)
        std::printf("%zu protocol%s published to %s (%zu files)\n", protocols.size(), protocols.size() == 1 ? "" : "s",
                    outdir.c_str(), out.files().size());
    return exit_ok;
}

}  // namespace protopub::cli
