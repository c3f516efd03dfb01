// Any source -> every renderer (HTML, PDF, .docx, Akoma Ntoso). The model of any
// readable source (with or without errors: the importer and redline also build models)
// renders without a crash, and every output is valid for other programs whatever the text
// holds: the site's pages, the .docx parts and Akoma Ntoso well-formed for libxml2, all UTF-8.
#include "akn/akn.hpp"
#include "check/check.hpp"
#include "docx/docx.hpp"
#include "fuzz_support.hpp"
#include "html/writer.hpp"
#include "io/files.hpp"
#include "pdf/pdf.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(fuzzing::as_text(data, size), "fuzz.md", diags);
    refs::resolve_references(p, diags);
    check::check_structure(p, diags);

    io::OutputSet site;
    html::SiteOptions html_options;
    html_options.templates_dir = PROTOPUB_SOURCE_DIR "/templates";
    html::render_site({p}, html_options, site, diags);
    for (const auto& [name, bytes] : site.files()) fuzzing::require_valid_output(name, bytes);

    pdf::PdfOptions pdf_options;
    pdf_options.epoch = 0;
    pdf::render_pdf(p, pdf_options, diags);

    fuzzing::require_well_formed_docx(docx::render_docx(p, docx::DocxOptions{}, diags));
    fuzzing::require_well_formed_xml(akn::render_akn(p, akn::AknOptions{}, diags), "Akoma Ntoso");
    return 0;
}
