// The XHTML template language (docs/templates.md): templates are well-formed XHTML
// files a designer can open in a browser; attributes in the `pp:` namespace say where
// data goes. Values are always inserted as text (escaped by pugixml) or as node trees
// built by the renderer: a template can never turn source text into markup.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "io/files.hpp"
#include "model/diagnostics.hpp"

namespace protopub::html {

struct Value;
using Context = std::map<std::string, Value>;

// Writes generated markup (the body of a protocol, its contents) under `parent`.
// Generated straight into the page, so a 400-page document is never copied.
using MarkupFn = std::function<void(pugi::xml_node parent)>;

// A template value: text, a list of contexts (for pp:repeat), a nested context
// (for dotted names, "protocol.title"), or generated markup (pp:content).
struct Value {
    enum class Kind { text, list, context, markup };
    Kind kind = Kind::text;
    std::string text;
    std::vector<Context> items;
    std::shared_ptr<Context> fields;
    MarkupFn markup_fn;
    bool markup_empty = true;  // for pp:if on markup: known when the value is made

    Value() = default;
    Value(std::string t) : text(std::move(t)) {}  // NOLINT: implicit on purpose
    Value(const char* t) : text(t) {}             // NOLINT
    static Value list(std::vector<Context> items);
    static Value object(Context fields);
    static Value markup(MarkupFn fn, bool empty = false);
    bool truthy() const;
};

// A folder of templates: layout.xhtml (the page frame) plus one fragment template per
// kind of page (index.xhtml, protocol.xhtml, ...) and static assets (*.css).
class TemplateSet {
public:
    // Loads every *.xhtml in `dir`; errors (missing folder, malformed XML) go to diags
    // with the template's file:line:col, and nullopt is returned.
    static std::optional<TemplateSet> load(const std::string& dir, model::Diagnostics& diags);

    bool has(const std::string& name) const { return templates_.count(name) > 0; }

    // Expands template `name` ("protocol") inside layout.xhtml, whose pp:content="main"
    // receives the expanded fragment, and serialises the page as HTML5. Returns "" and
    // records diagnostics on an unknown field or attribute.
    std::string render_page(const std::string& name, const Context& ctx, model::Diagnostics& diags) const;

    // Adds to `out` the static files (stylesheets) that its pages link to, so a redline
    // folder gets redline.css and not the comparison's stylesheet.
    void add_linked_assets(io::OutputSet& out) const;

private:
    struct Template {
        std::string path;
        std::string text;  // for offsets -> line:col
        std::shared_ptr<pugi::xml_document> doc;
    };
    std::map<std::string, Template> templates_;
    std::map<std::string, std::string> assets_;
    friend class Expander;
};

// Serialises a document as HTML5: doctype, no XML declaration, and non-void elements
// never written as <x/> (an HTML parser would read <div/> as an open tag).
std::string serialize_html(pugi::xml_document& doc);

}  // namespace protopub::html
