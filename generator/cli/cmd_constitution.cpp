#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/pipeline.hpp"
#include "constitution/constitution.hpp"
#include "history/history.hpp"
#include "io/files.hpp"

namespace protopub::cli {

int run_constitution(const std::vector<std::string>& argv) {
    const Command& self = command("constitution");
    Args args(argv, self);
    PublishOptions options;
    std::string error;
    if (!args.ok()) return usage_error("constitution", args.error());
    if (!read_publish_options(self, args, options, error)) return usage_error("constitution", error);
    if (args.positional().size() != 1 || !args.has("-o"))
        return usage_error("constitution", "usage: protopub " + synopsis(self));
    const std::string manifest_path = args.positional().front();
    const std::string outdir = args.value("-o");

    auto text = io::read_file(manifest_path, error);
    if (!text) return usage_error("constitution", error);
    model::Diagnostics diags;
    constitution::ManifestOptions manifest_options;
    manifest_options.sources_outside = args.flag("--allow-sources-outside");
    auto manifest = constitution::read_manifest(*text, manifest_path, diags, manifest_options);
    if (diags.has_errors()) {
        print_diagnostics(diags);
        return exit_input_errors;
    }
    const auto sources = constitution::manifest_sources(manifest);
    auto protocols = load_sources(sources, diags);
    if (protocols.size() != sources.size()) {
        print_diagnostics(diags);
        return exit_usage;
    }
    if (diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub constitution: nothing written to %s\n", outdir.c_str());
        return exit_input_errors;
    }

    // `history: git`: the version history table from the source's adopted versions.
    std::size_t next_source = 0;
    for (auto& part : manifest.parts)
        for (auto& section : part.sections) {
            if (section.source.empty()) continue;
            const auto& p = protocols[next_source++];
            if (!section.history_from_git) continue;
            // A source not yet in git, or never adopted before, has an empty history: said, not fatal.
            model::Diagnostics found;
            section.history = history::version_records(history::adopted_versions(section.source, found), p.meta);
            for (const auto& d : found.items()) diags.warning(d.file, d.pos, "version history from git: " + d.message);
        }
    auto assembled = constitution::assemble(manifest, protocols, diags);
    std::vector<model::Protocol> documents;
    documents.push_back(std::move(assembled.whole));
    for (auto& s : assembled.sections) documents.push_back(std::move(s));
    io::OutputSet out;
    if (!render_formats(documents, options, out, diags) || diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub constitution: nothing written to %s\n", outdir.c_str());
        return exit_usage;
    }
    print_diagnostics(diags);
    if (const int written = write_outputs("constitution", out, outdir); written != exit_ok) return written;
    if (!options.quiet)
        std::printf("constitution of %zu section%s published to %s (%zu files)\n", sources.size(),
                    sources.size() == 1 ? "" : "s", outdir.c_str(), out.files().size());
    return exit_ok;
}

}  // namespace protopub::cli
