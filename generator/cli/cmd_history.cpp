#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/pipeline.hpp"
#include "history/history.hpp"
#include "io/files.hpp"

namespace protopub::cli {

int run_history(const std::vector<std::string>& argv) {
    const Command& self = command("history");
    Args args(argv, self);
    PublishOptions publish;
    std::string error;
    if (!args.ok()) return usage_error("history", args.error());
    if (!read_publish_options(self, args, publish, error)) return usage_error("history", error);
    if (args.positional().size() != 1) return usage_error("history", "usage: protopub " + synopsis(self));
    const std::string path = args.positional().front();

    model::Diagnostics diags;
    const auto versions = history::adopted_versions(path, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags);
        return exit_input_errors;
    }
    if (!args.has("-o")) {  // the list alone: version, date adopted, revision, commit date
        print_diagnostics(diags);
        for (const auto& v : versions)
            std::printf("%s\t%s\t%s\t%s\n", v.protocol.meta.version.c_str(), v.protocol.meta.adopted.c_str(),
                        v.revision.c_str(), v.committed.c_str());
        return exit_ok;
    }
    const std::string outdir = args.value("-o");
    history::Options options;
    options.templates_dir = publish.templates_dir;
    options.pdf = publish.wants("pdf");
    model::Protocol named = versions.back().protocol;
    named.source_path = path;  // the pages are named after the protocol's own page
    io::OutputSet out;
    if (!history::render(versions, output_stem(named), options, out, diags) || diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub history: nothing written to %s\n", outdir.c_str());
        return exit_usage;
    }
    print_diagnostics(diags);
    if (const int written = write_outputs("history", out, outdir); written != exit_ok) return written;
    if (!publish.quiet)
        std::printf("%zu adopted version%s, %zu redline%s written to %s\n", versions.size(),
                    versions.size() == 1 ? "" : "s", versions.size() - 1, versions.size() == 2 ? "" : "s",
                    outdir.c_str());
    return exit_ok;
}

}  // namespace protopub::cli
