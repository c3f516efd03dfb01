#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "akn/akn.hpp"
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

// "sample.html" -> "sample": every format of one protocol shares the page's stem.
std::string output_stem(const model::Protocol& p) {
    std::string name = html::page_name(p);
    return name.substr(0, name.rfind('.'));
}
}

int run_build(const std::vector<std::string>& argv) {
    Args args(argv, {"-o", "--format", "--templates", "--pdf-style", "--reference-docx"}, {"--quiet"});
    const auto formats = args.list("--format", {"html"}, {"html", "pdf", "docx", "akn"});
    if (!args.ok()) return usage_error("build", args.error());
    if (!args.has("-o")) return usage_error("build", "no output folder given (usage: protopub build [FILE|DIR]... -o OUTDIR)");
    const std::string outdir = args.value("-o");
    auto wants = [&](const char* f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };

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
    if (wants("html")) {
        html::SiteOptions options;
        options.templates_dir = args.value("--templates", PROTOPUB_DEFAULT_TEMPLATES);
        rendered = html::render_site(protocols, options, out, diags);
    }
    if (wants("pdf")) {
        pdf::PdfOptions options;
        options.style_file = args.value("--pdf-style");
        for (const auto& p : protocols) {
            std::string bytes = pdf::render_pdf(p, options, diags);
            if (bytes.empty()) rendered = false;
            else out.add(std::filesystem::path(p.source_path).stem().string() + ".pdf", std::move(bytes));
        }
    }
    if (wants("docx")) {
        docx::DocxOptions options;
        options.reference_docx = args.value("--reference-docx");
        for (const auto& p : protocols) {
            options.epoch = io::build_epoch(p.meta.adopted);
            std::string bytes = docx::render_docx(p, options, diags);
            if (bytes.empty()) {
                rendered = false;
                break;
            }
            out.add(output_stem(p) + ".docx", std::move(bytes));
        }
    }
    if (wants("akn")) {
        for (const auto& p : protocols) {
            akn::AknOptions options;
            options.epoch = io::build_epoch(p.meta.adopted);
            out.add(output_stem(p) + ".akn.xml", akn::render_akn(p, options, diags));
        }
    }
    if (!rendered || diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub build: nothing written to %s\n", outdir.c_str());
        // Sources were clean (checked above): what failed is a template or an option.
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
