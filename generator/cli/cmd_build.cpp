#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "docx/docx.hpp"
#include "html/writer.hpp"
#include "io/files.hpp"
#include "pdf/pdf.hpp"

namespace protopub::cli {

namespace {

const char* kDefaultSources = "protocol-source";

// One row per output format: how a protocol becomes a file. HTML is the site itself;
// every other format is one file per protocol next to its page, linked from it.
struct Format {
    const char* name;
    const char* suffix;   // after the page's stem: "guildford" + ".pdf"
    const char* label;    // the download link's text
    std::function<std::string(const model::Protocol&, const Args&, model::Diagnostics&)> render;
};

const std::vector<Format>& file_formats() {
    static const std::vector<Format> table = {
        {"pdf", ".pdf", "PDF",
         [](const model::Protocol& p, const Args& args, model::Diagnostics& diags) {
             pdf::PdfOptions options;
             options.style_file = args.value("--pdf-style");
             return pdf::render_pdf(p, options, diags);
         }},
        {"docx", ".docx", "Word",
         [](const model::Protocol& p, const Args& args, model::Diagnostics& diags) {
             docx::DocxOptions options;
             options.reference_docx = args.value("--reference-docx");
             options.epoch = io::build_epoch(p.meta.adopted);
             return docx::render_docx(p, options, diags);
         }},
    };
    return table;
}

// "sample.html" -> "sample": every format of one protocol shares the page's stem.
std::string output_stem(const model::Protocol& p) {
    std::string name = html::page_name(p);
    return name.substr(0, name.rfind('.'));
}

}  // namespace

int run_build(const std::vector<std::string>& argv) {
    Args args(argv, {"-o", "--format", "--templates", "--pdf-style", "--reference-docx"}, {"--quiet"});
    std::set<std::string> known = {"html"};
    for (const auto& f : file_formats()) known.insert(f.name);
    const auto formats = args.list("--format", {"html"}, known);
    if (!args.ok()) return usage_error("build", args.error());
    if (!args.has("-o")) return usage_error("build", "no output folder given (usage: protopub build [FILE|DIR]... -o OUTDIR)");
    const std::string outdir = args.value("-o");
    auto wants = [&](const std::string& f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };

    model::Diagnostics diags;
    std::vector<std::string> inputs = args.positional();
    if (inputs.empty()) inputs.push_back(kDefaultSources);
    auto paths = expand_sources(inputs, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags);
        return exit_usage;
    }
    auto protocols = load_sources(paths, diags);
    if (protocols.size() != paths.size()) {
        print_diagnostics(diags);
        return exit_usage;
    }
    if (diags.has_errors()) {
        // Nothing is written from a source with errors: the last good output stays.
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub build: nothing written to %s\n", outdir.c_str());
        return exit_input_errors;
    }

    io::OutputSet out;
    bool rendered = true;
    for (const Format& f : file_formats()) {
        if (!wants(f.name)) continue;
        for (const auto& p : protocols) {
            std::string bytes = f.render(p, args, diags);
            if (bytes.empty()) {
                rendered = false;
                break;
            }
            out.add(output_stem(p) + f.suffix, std::move(bytes));
        }
    }
    if (rendered && wants("html")) {
        html::SiteOptions options;
        options.templates_dir = args.value("--templates", PROTOPUB_DEFAULT_TEMPLATES);
        for (const Format& f : file_formats())
            if (wants(f.name)) options.downloads.emplace_back(f.suffix, f.label);
        rendered = html::render_site(protocols, options, out, diags);
    }
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
