// The one options record and the one format table every publishing command shares
// (build, constitution, diff, compare, and any later one): the same --format,
// --templates, --pdf-style, --reference-docx and --link, read once and honoured the
// same way, and every document (a protocol, a constitution, a redline, a schedule, a
// comparison report) drawn by the same renderers.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "docx/docx.hpp"
#include "io/files.hpp"
#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::cli {

struct PublishOptions {
    std::vector<std::string> formats;
    std::string templates_dir;                               // --templates, else the data folder found at run time
    std::string pdf_style;                                   // --pdf-style; "" = the built-in style
    std::string reference_docx;                              // --reference-docx, else <templates>/reference.docx
    std::vector<std::pair<std::string, std::string>> links;  // --link LABEL=ADDRESS, in order
    bool quiet = false;
    // diff's --date and --author; without a date each document's io::build_epoch.
    std::optional<std::int64_t> epoch;
    bool epoch_only = false;    // the command's date or none, never a document's adoption (a committee paper)
    bool word_contents = true;  // a contents field in each Word file
    std::string revision_author = "protopub";

    bool wants(std::string_view format) const;
    // The reference .docx, read and parsed once per run however many documents use it
    // (the first call reads it: make it before rendering on several threads).
    std::shared_ptr<const docx::ReferenceDocx> reference(model::Diagnostics& diags) const;

private:
    mutable std::shared_ptr<const docx::ReferenceDocx> reference_;
    mutable bool reference_tried_ = false;
};

// Reads `command`'s shared options from `args` (which parsed them). False with a usage
// message naming the option when one is malformed or asks for what the command or the
// chosen formats cannot do (--reference-docx without docx, --link on a redline, ...).
bool read_publish_options(const Command& command, Args& args, PublishOptions& options, std::string& error);

// One row per document format: how a model::Protocol becomes one file. HTML is not a
// row: it is a site (build, constitution) or a set of pages (diff, compare).
struct Format {
    const char* name;
    const char* suffix;  // after the document's stem: "guildford" + ".pdf"
    const char* label;   // the download link's text
    std::function<std::string(const model::Protocol&, const PublishOptions&, model::Diagnostics&)> render;
};

const std::vector<Format>& document_formats();

// The document in `format` ("" with diagnostics when a style, font or template failed).
std::string render_document(std::string_view format, const model::Protocol& document, const PublishOptions& options,
                            model::Diagnostics& diags);

// "sample.html" -> "sample": every format of one protocol shares the page's stem.
std::string output_stem(const model::Protocol& p);

// Renders every protocol in each wanted format into `out`; the HTML site (when wanted)
// links each page to its other formats. False when a renderer failed (see `diags`).
bool render_formats(const std::vector<model::Protocol>& protocols, const PublishOptions& options, io::OutputSet& out,
                    model::Diagnostics& diags);

}  // namespace protopub::cli
