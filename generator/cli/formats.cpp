#include "cli/formats.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "akn/akn.hpp"
#include "html/writer.hpp"
#include "io/data_dir.hpp"
#include "pdf/pdf.hpp"

namespace protopub::cli {

namespace {

// The command's date, else SOURCE_DATE_EPOCH or the adoption; none when no source gives one.
std::optional<std::int64_t> epoch_of(const model::Protocol& p, const PublishOptions& options) {
    return options.epoch || options.epoch_only ? options.epoch : io::known_epoch(p.meta.adopted);
}

// A relative address or a web address: never "javascript:" or another scheme.
bool read_link(const std::string& link, std::pair<std::string, std::string>& out) {
    const auto eq = link.find('=');
    if (eq == std::string::npos) return false;
    out = {link.substr(0, eq), link.substr(eq + 1)};
    const std::string& href = out.second;
    const auto colon = href.find(':');
    const bool web = href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0;
    // "//host" and "/\\host" are another site's address to a browser, not a relative one.
    const bool other_host =
        href.size() >= 2 && (href[0] == '/' || href[0] == '\\') && (href[1] == '/' || href[1] == '\\');
    return !out.first.empty() && !href.empty() && !other_host &&
           (colon == std::string::npos || web || colon > href.find('/'));
}

}  // namespace

bool PublishOptions::wants(std::string_view format) const {
    return std::find(formats.begin(), formats.end(), format) != formats.end();
}

std::shared_ptr<const docx::ReferenceDocx> PublishOptions::reference(model::Diagnostics& diags) const {
    if (!reference_tried_) {
        reference_tried_ = true;
        reference_ = docx::load_reference_docx(reference_docx, diags);
    }
    return reference_;
}

bool read_publish_options(const Command& command, Args& args, PublishOptions& options, std::string& error) {
    for (const auto& refusal : command.refusals)
        if (args.has(refusal.option) || args.flag(refusal.option)) {
            error = std::string(command.name) + " cannot use " + refusal.option + ": " + refusal.reason;
            return false;
        }
    options.formats = args.list("--format", command.default_formats, command.formats);
    if (!args.ok()) {
        error = args.error();
        return false;
    }
    options.templates_dir = args.value("--templates", io::default_data_dir());
    options.pdf_style = args.value("--pdf-style");
    options.reference_docx = args.value("--reference-docx");
    if (options.reference_docx.empty() && !args.has("--reference-docx"))
        options.reference_docx = options.templates_dir + "/reference.docx";
    options.quiet = args.flag("--quiet");
    // An option for a format nobody asked for would be silently ignored: say so instead.
    const std::pair<const char*, const char*> needs[] = {
        {"--pdf-style", "pdf"}, {"--reference-docx", "docx"}, {"--link", "html"}};
    for (const auto& [option, format] : needs)
        if (args.has(option) && !options.wants(format)) {
            std::string asked;
            for (const auto& f : options.formats) asked += (asked.empty() ? "" : ",") + f;
            error = std::string(option) + " is for " + format + " output, but the formats asked for (" + asked +
                    ") do not include it";
            return false;
        }
    if (args.has("--reference-docx") && options.reference_docx.empty()) {
        error = "--reference-docx needs a file";
        return false;
    }
    for (const auto& link : args.values("--link")) {
        std::pair<std::string, std::string> parsed;
        if (!read_link(link, parsed)) {
            error = "--link '" + link + "' is not LABEL=ADDRESS (a relative address or an http(s) address)";
            return false;
        }
        options.links.push_back(std::move(parsed));
    }
    return true;
}

const std::vector<Format>& document_formats() {
    static const std::vector<Format> table = {
        {"pdf", ".pdf", "PDF",
         [](const model::Protocol& p, const PublishOptions& options, model::Diagnostics& diags) {
             pdf::PdfOptions pdf;
             pdf.style_file = options.pdf_style;
             pdf.epoch = epoch_of(p, options);
             return pdf::render_pdf(p, pdf, diags);
         }},
        {"docx", ".docx", "Word",
         [](const model::Protocol& p, const PublishOptions& options, model::Diagnostics& diags) {
             auto reference = options.reference(diags);
             if (!reference) return std::string();
             docx::DocxOptions docx;
             docx.reference = reference;
             docx.epoch = epoch_of(p, options);
             docx.revision_author = options.revision_author;
             docx.contents = options.word_contents;
             return docx::render_docx(p, docx, diags);
         }},
        {"akn", ".akn.xml", "Akoma Ntoso XML",
         [](const model::Protocol& p, const PublishOptions&, model::Diagnostics& diags) {
             akn::AknOptions akn;
             akn.epoch = io::known_epoch("");  // the generation date: SOURCE_DATE_EPOCH only
             return akn::render_akn(p, akn, diags);
         }},
    };
    return table;
}

std::string render_document(std::string_view format, const model::Protocol& document, const PublishOptions& options,
                            model::Diagnostics& diags) {
    for (const Format& f : document_formats())
        if (format == f.name) return f.render(document, options, diags);
    diags.error(document.source_path, {}, "no renderer for the format '" + std::string(format) + "'");
    return {};
}

std::string output_stem(const model::Protocol& p) {
    std::string name = html::page_name(p);
    return name.substr(0, name.rfind('.'));
}

bool render_formats(const std::vector<model::Protocol>& protocols, const PublishOptions& options, io::OutputSet& out,
                    model::Diagnostics& diags) {
    // Every (format, document) pair is independent: they are rendered on up to one worker
    // per core and added in order, so the files and diagnostics are the same whatever the
    // number of threads. Shared inputs (the reference .docx, fonts) are read once.
    struct Job {
        const Format* format;
        const model::Protocol* document;
        std::string bytes;
        model::Diagnostics diags;
    };
    std::vector<Job> jobs;
    for (const Format& f : document_formats())
        if (options.wants(f.name))
            for (const auto& p : protocols) jobs.push_back({&f, &p, {}, {}});
    if (options.wants("docx") && !jobs.empty() && !options.reference(diags)) return false;
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < jobs.size();)
            jobs[i].bytes = jobs[i].format->render(*jobs[i].document, options, jobs[i].diags);
    };
    const std::size_t workers = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), jobs.size());
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < workers; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    bool rendered = true;
    for (auto& job : jobs) {
        diags.append(job.diags);
        rendered = rendered && !job.bytes.empty();
        out.add(output_stem(*job.document) + job.format->suffix, std::move(job.bytes));
    }
    if (!rendered) return false;
    if (!options.wants("html")) return true;
    html::SiteOptions site;
    site.templates_dir = options.templates_dir;
    for (const Format& f : document_formats())
        if (options.wants(f.name)) site.downloads.emplace_back(f.suffix, f.label);
    site.links = options.links;
    return html::render_site(protocols, site, out, diags);
}

}  // namespace protopub::cli
