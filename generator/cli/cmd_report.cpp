#include <cstdio>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/pipeline.hpp"
#include "io/files.hpp"
#include "report/report.hpp"

namespace protopub::cli {

int run_report(const std::vector<std::string>& argv) {
    const Command& self = command("report");
    Args args(argv, self);
    PublishOptions options;
    std::string error;
    if (!args.ok()) return usage_error("report", args.error());
    if (!read_publish_options(self, args, options, error)) return usage_error("report", error);
    if (args.positional().size() != 1 || !args.has("-o"))
        return usage_error("report", "usage: protopub " + synopsis(self));
    const std::string path = args.positional().front();
    const std::string outdir = args.value("-o");

    auto text = io::read_file(path, error);
    if (!text) return usage_error("report", error);
    model::Diagnostics diags;
    const report::ReportSource source = report::read_report(*text, path, diags);
    const auto appendices = report::build_appendices(source, diags);
    model::Protocol pack = report::assemble(source, appendices, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub report: nothing written to %s\n", outdir.c_str());
        return exit_input_errors;
    }

    // The pack, and each appendix on its own, as committees upload them one by one.
    std::vector<model::Protocol> documents = {pack};
    io::OutputSet out;
    for (const auto& a : appendices) {
        if (a.drawn)
            documents.push_back(a.document);
        else
            out.add(a.file_name, a.file_bytes);
    }
    // A committee paper: dated by its meeting (never by an adoption that has not happened),
    // its Word files without a contents field.
    options.epoch = io::known_epoch(source.cover.date);
    options.epoch_only = true;
    options.word_contents = false;
    const bool rendered = render_formats(documents, options, out, diags);
    if (!rendered || diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub report: nothing written to %s\n", outdir.c_str());
        return exit_usage;
    }
    print_diagnostics(diags);
    if (const int written = write_outputs("report", out, outdir); written != exit_ok) return written;
    if (!options.quiet)
        std::printf("report with %zu appendi%s written to %s (%zu files)\n", appendices.size(),
                    appendices.size() == 1 ? "x" : "ces", outdir.c_str(), out.files().size());
    return exit_ok;
}

}  // namespace protopub::cli
