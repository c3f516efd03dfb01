#include "cli/formats.hpp"

#include <algorithm>

#include "akn/akn.hpp"
#include "docx/docx.hpp"
#include "html/writer.hpp"
#include "io/data_dir.hpp"
#include "pdf/pdf.hpp"

namespace protopub::cli {

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
             options.epoch = io::known_epoch(p.meta.adopted);
             return docx::render_docx(p, options, diags);
         }},
        {"akn", ".akn.xml", "Akoma Ntoso XML",
         [](const model::Protocol& p, const Args&, model::Diagnostics& diags) {
             akn::AknOptions options;
             options.epoch = io::known_epoch("");   // the generation date: SOURCE_DATE_EPOCH only
             return akn::render_akn(p, options, diags);
         }},
    };
    return table;
}

std::set<std::string> format_names() {
    std::set<std::string> names = {"html"};
    for (const auto& f : file_formats()) names.insert(f.name);
    return names;
}

std::string output_stem(const model::Protocol& p) {
    std::string name = html::page_name(p);
    return name.substr(0, name.rfind('.'));
}

bool render_formats(const std::vector<model::Protocol>& protocols, const std::vector<std::string>& formats,
                    const Args& args, io::OutputSet& out, model::Diagnostics& diags) {
    auto wants = [&](const std::string& f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
    for (const Format& f : file_formats()) {
        if (!wants(f.name)) continue;
        for (const auto& p : protocols) {
            std::string bytes = f.render(p, args, diags);
            if (bytes.empty()) return false;
            out.add(output_stem(p) + f.suffix, std::move(bytes));
        }
    }
    if (!wants("html")) return true;
    html::SiteOptions options;
    options.templates_dir = args.value("--templates", io::default_data_dir());
    for (const Format& f : file_formats())
        if (wants(f.name)) options.downloads.emplace_back(f.suffix, f.label);
    for (const auto& link : args.values("--link")) {
        const auto eq = link.find('=');
        const std::string label = link.substr(0, eq), href = eq == std::string::npos ? "" : link.substr(eq + 1);
        // A relative address or a web address: never "javascript:" or another scheme.
        const auto colon = href.find(':');
        const bool web = href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0;
        if (label.empty() || href.empty() || (colon != std::string::npos && !web && colon < href.find('/'))) {
            diags.error("--link", {}, "'" + link + "' is not LABEL=ADDRESS (a relative address or an http(s) address)");
            return false;
        }
        options.links.emplace_back(label, href);
    }
    return html::render_site(protocols, options, out, diags);
}

}  // namespace protopub::cli
