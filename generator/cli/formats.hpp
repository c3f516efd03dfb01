// The output formats shared by `build` and `constitution`: one table from format name
// to renderer, so every command that publishes offers the same formats the same way.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "cli/args.hpp"
#include "io/files.hpp"
#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::cli {

// One row per output format: how a protocol becomes a file. HTML is the site itself;
// every other format is one file per protocol next to its page, linked from it.
struct Format {
    const char* name;
    const char* suffix;   // after the page's stem: "guildford" + ".pdf"
    const char* label;    // the download link's text
    std::function<std::string(const model::Protocol&, const Args&, model::Diagnostics&)> render;
};

const std::vector<Format>& file_formats();

// "html" and every file format: what --format accepts.
std::set<std::string> format_names();

// "sample.html" -> "sample": every format of one protocol shares the page's stem.
std::string output_stem(const model::Protocol& p);

// Renders every protocol in each of `formats` into `out`; the HTML site (when wanted)
// links each page to its other formats. False when a renderer failed (see `diags`).
bool render_formats(const std::vector<model::Protocol>& protocols, const std::vector<std::string>& formats,
                    const Args& args, io::OutputSet& out, model::Diagnostics& diags);

}  // namespace protopub::cli
