// The HTML writer: a static site (index + one page per protocol) from the model,
// through the XHTML templates. The append_* building blocks are public so that other
// pages (redlines, comparisons) draw clauses exactly as the protocol page does.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "html/template.hpp"
#include "io/files.hpp"
#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::html {

struct SiteOptions {
    std::string templates_dir;  // default: the templates/ folder of the source tree
    // Other files published next to each page, as file-name suffixes with a label:
    // {".pdf", "PDF"} links "guildford.pdf" from guildford.html and the index.
    std::vector<std::pair<std::string, std::string>> downloads;
    // Other publications the front page points to, as (label, address relative to the
    // site): {"Comparison", "comparison/index.html"}.
    std::vector<std::pair<std::string, std::string>> links;
};

// The file name (without folder) of a protocol's page: "guildford-borough-council.html".
std::string page_name(const model::Protocol& p);

// Renders index.html, one page per protocol and the stylesheet into `out`.
// Returns false (with diagnostics) when a template is missing or broken.
bool render_site(const std::vector<model::Protocol>& protocols, const SiteOptions& options, io::OutputSet& out,
                 model::Diagnostics& diags);

// The template fields every protocol page has (title, council, version, status,
// adopted, ..., contents, body, glossary): pages of other kinds start from these.
// The markup fields refer to `p`, which must outlive the rendering.
Context protocol_context(const model::Protocol& p, const SiteOptions& options = {});

// --- building blocks: append markup for model parts under `parent` -------------------
void append_inlines(pugi::xml_node parent, const model::Inlines& inlines, const model::Protocol& p);
void append_block(pugi::xml_node parent, const model::Block& block, const model::Protocol& p);
void append_clause(pugi::xml_node parent, const model::Clause& clause, const model::Protocol& p);
void append_section(pugi::xml_node parent, const model::Section& section, const model::Protocol& p);
void append_contents(pugi::xml_node parent, const model::Protocol& p);

// Adds class names to an element ("clause depth-2").
void add_class(pugi::xml_node node, const std::string& cls);
// The elements named `name` (of any name where it is null) under `root` (any depth, in
// document order) that `keep` accepts: a walk of the tree, where an XPath query over a
// long page cost a tenth of it.
std::vector<pugi::xml_node> elements(pugi::xml_node root, const char* name,
                                     const std::function<bool(pugi::xml_node)>& keep = {});

}  // namespace protopub::html
