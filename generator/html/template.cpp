#include "html/template.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>

#include "io/files.hpp"

namespace fs = std::filesystem;

namespace protopub::html {

using model::Diagnostics;
using model::SourcePos;

Value Value::list(std::vector<Context> items) {
    Value v;
    v.kind = Kind::list;
    v.items = std::move(items);
    return v;
}

Value Value::object(Context fields) {
    Value v;
    v.kind = Kind::context;
    v.fields = std::make_shared<Context>(std::move(fields));
    return v;
}

Value Value::markup(MarkupFn fn, bool empty) {
    Value v;
    v.kind = Kind::markup;
    v.markup_fn = std::move(fn);
    v.markup_empty = empty || !v.markup_fn;
    return v;
}

bool Value::truthy() const {
    switch (kind) {
        case Kind::text: return !text.empty();
        case Kind::list: return !items.empty();
        case Kind::context: return fields && !fields->empty();
        case Kind::markup: return !markup_empty;
    }
    return false;
}

namespace {

constexpr const char* kPrefix = "pp:";

SourcePos offset_to_pos(const std::string& text, std::ptrdiff_t offset) {
    SourcePos p{1, 1};
    if (offset < 0) return {};
    for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(text.size()); ++i) {
        if (text[static_cast<std::size_t>(i)] == '\n') {
            ++p.line;
            p.column = 1;
        } else
            ++p.column;
    }
    return p;
}

// HTML's void elements, written <br/>; any other element gets an end tag even when empty.
bool is_void(const char* name) {
    static constexpr const char* kVoid[] = {"area", "base", "br",   "col",    "embed", "hr",   "img",
                                            "input", "link", "meta", "source", "track", "wbr"};
    for (const char* v : kVoid)
        if (std::strcmp(name, v) == 0) return true;
    return false;
}

void open_empty_elements(pugi::xml_node node) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        if (!child.first_child()) {
            if (!is_void(child.name())) child.append_child(pugi::node_pcdata);
            continue;
        }
        open_empty_elements(child);
    }
}

}  // namespace

namespace {
struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};
}  // namespace

std::string serialize_html(pugi::xml_document& doc) {
    open_empty_elements(doc);
    StringWriter w;
    w.out = "<!DOCTYPE html>\n";
    doc.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    w.out += '\n';
    return std::move(w.out);
}

// Walks a template and writes its expansion; reports the first problem at the
// template's file:line:col.
class Expander {
public:
    Expander(const TemplateSet::Template& tpl, Diagnostics& diags) : tpl_(tpl), diags_(diags) {}

    bool expand_children(pugi::xml_node from, pugi::xml_node to, std::vector<const Context*>& scope) {
        for (pugi::xml_node n = from.first_child(); n; n = n.next_sibling())
            if (!expand(n, to, scope)) return false;
        return true;
    }

private:
    bool fail(pugi::xml_node at, const std::string& message) {
        // pugixml gives the offset of the element's name; point at its '<'.
        const std::ptrdiff_t offset = at.offset_debug() - (at.type() == pugi::node_element ? 1 : 0);
        diags_.error(tpl_.path, offset_to_pos(tpl_.text, offset), message);
        return false;
    }

    const Value* lookup(const std::string& name, const std::vector<const Context*>& scope) const {
        std::size_t dot = name.find('.');
        std::string head = name.substr(0, dot);
        const Value* v = nullptr;
        for (auto it = scope.rbegin(); it != scope.rend() && !v; ++it) {
            auto found = (*it)->find(head);
            if (found != (*it)->end()) v = &found->second;
        }
        while (v && dot != std::string::npos) {
            std::size_t next = name.find('.', dot + 1);
            std::string part = name.substr(dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1);
            if (v->kind != Value::Kind::context || !v->fields) return nullptr;
            auto found = v->fields->find(part);
            v = found == v->fields->end() ? nullptr : &found->second;
            dot = next;
        }
        return v;
    }

    bool require(pugi::xml_node at, const std::string& attr, const std::string& name,
                 const std::vector<const Context*>& scope, const Value*& out) {
        out = lookup(name, scope);
        if (!out) return fail(at, "template field '" + name + "' (in " + attr + ") is unknown");
        return true;
    }

    bool expand(pugi::xml_node n, pugi::xml_node to, std::vector<const Context*>& scope) {
        switch (n.type()) {
            case pugi::node_pcdata:
            case pugi::node_cdata: to.append_child(pugi::node_pcdata).set_value(n.value()); return true;
            case pugi::node_element: break;
            default: return true;  // comments, processing instructions: not copied
        }
        if (const char* r = n.attribute("pp:repeat").value(); *r) {
            const Value* v;
            if (!require(n, "pp:repeat", r, scope, v)) return false;
            if (v->kind != Value::Kind::list) return fail(n, std::string("template field '") + r + "' is not a list");
            for (const Context& item : v->items) {
                scope.push_back(&item);
                bool ok = expand_element(n, to, scope);
                scope.pop_back();
                if (!ok) return false;
            }
            return true;
        }
        return expand_element(n, to, scope);
    }

    bool expand_element(pugi::xml_node n, pugi::xml_node to, std::vector<const Context*>& scope) {
        for (const char* cond : {"pp:if", "pp:unless"}) {
            if (const char* name = n.attribute(cond).value(); *name) {
                const Value* v;
                if (!require(n, cond, name, scope, v)) return false;
                if (v->truthy() == (std::strcmp(cond, "pp:unless") == 0)) return true;
            }
        }
        pugi::xml_node out = to.append_child(n.name());
        const char* text_field = nullptr;
        const char* content_field = nullptr;
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
            std::string an = a.name();
            if (an == "xmlns:pp") continue;
            if (an.rfind(kPrefix, 0) != 0) {
                out.append_attribute(a.name()).set_value(a.value());
                continue;
            }
            std::string op = an.substr(3);
            if (op == "repeat" || op == "if" || op == "unless") continue;
            if (op == "text") {
                text_field = a.value();
                continue;
            }
            if (op == "content") {
                content_field = a.value();
                continue;
            }
            if (op.rfind("attr-", 0) == 0 && op.size() > 5) {
                const Value* v;
                if (!require(n, an, a.value(), scope, v)) return false;
                if (v->kind != Value::Kind::text)
                    return fail(n, "template field '" + std::string(a.value()) + "' is not text");
                std::string attr = op.substr(5);
                if (pugi::xml_attribute existing = out.attribute(attr.c_str()))
                    existing.set_value(v->text.c_str());
                else
                    out.append_attribute(attr.c_str()).set_value(v->text.c_str());
                continue;
            }
            return fail(n, "unknown template attribute '" + an +
                               "' (known: pp:text, pp:content, pp:repeat, pp:if, pp:unless, pp:attr-NAME)");
        }
        if (text_field) {
            const Value* v;
            if (!require(n, "pp:text", text_field, scope, v)) return false;
            if (v->kind != Value::Kind::text)
                return fail(n, std::string("template field '") + text_field + "' is not text");
            out.append_child(pugi::node_pcdata).set_value(v->text.c_str());
            return true;
        }
        if (content_field) {
            const Value* v;
            if (!require(n, "pp:content", content_field, scope, v)) return false;
            if (v->kind == Value::Kind::text) {
                out.append_child(pugi::node_pcdata).set_value(v->text.c_str());
            } else if (v->kind == Value::Kind::markup) {
                if (v->markup_fn) v->markup_fn(out);
            } else {
                return fail(n, std::string("template field '") + content_field + "' is not markup");
            }
            return true;
        }
        return expand_children(n, out, scope);
    }

    const TemplateSet::Template& tpl_;
    Diagnostics& diags_;
};

std::optional<TemplateSet> TemplateSet::load(const std::string& dir, Diagnostics& diags) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        diags.error(dir, {}, "template folder does not exist");
        return std::nullopt;
    }
    TemplateSet set;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        const std::string ext = path.extension().string();
        if (ext != ".xhtml" && ext != ".css") continue;
        std::string error;
        auto text = io::read_file(path.string(), error, 4u << 20);
        if (!text) {
            diags.error(path.string(), {}, error);
            return std::nullopt;
        }
        if (ext == ".css") {
            set.assets_[path.filename().string()] = std::move(*text);
            continue;
        }
        Template t;
        t.path = path.string();
        t.text = std::move(*text);
        t.doc = std::make_shared<pugi::xml_document>();
        pugi::xml_parse_result r = t.doc->load_buffer(t.text.data(), t.text.size(),
                                                      pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
        if (!r) {
            diags.error(t.path, offset_to_pos(t.text, r.offset),
                        std::string("template is not well-formed XML: ") + r.description());
            return std::nullopt;
        }
        set.templates_[path.stem().string()] = std::move(t);
    }
    if (!set.has("layout")) {
        diags.error(dir, {}, "template folder has no layout.xhtml");
        return std::nullopt;
    }
    return set;
}

void TemplateSet::add_linked_assets(io::OutputSet& out) const {
    std::vector<std::pair<std::string, std::string>> linked;
    for (const auto& [name, bytes] : assets_) {
        const std::string href = "href=\"" + name + "\"";
        // A stylesheet no page links is looked for to the end of every page: skipping by
        // the length of `href` costs a fraction of find's stop at every 'h'.
        const std::boyer_moore_horspool_searcher linked_by(href.begin(), href.end());
        for (const auto& [path, page] : out.files()) {
            if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0 &&
                std::search(page.begin(), page.end(), linked_by) != page.end()) {
                linked.emplace_back(name, bytes);
                break;
            }
        }
    }
    for (auto& [name, bytes] : linked) out.add(name, std::move(bytes));
}

std::string TemplateSet::render_page(const std::string& name, const Context& ctx, Diagnostics& diags) const {
    auto it = templates_.find(name);
    if (it == templates_.end()) {
        diags.error(name + ".xhtml", {}, "template '" + name + ".xhtml' is missing from the template folder");
        return {};
    }
    // The layout, whose "main" is the page template expanded in place.
    bool page_ok = true;
    Context main;
    main["main"] = Value::markup([&](pugi::xml_node parent) {
        std::vector<const Context*> scope{&ctx};
        page_ok = Expander(it->second, diags).expand_children(*it->second.doc, parent, scope);
    });
    pugi::xml_document out;
    std::vector<const Context*> page_scope{&ctx, &main};
    const Template& layout = templates_.at("layout");
    if (!Expander(layout, diags).expand_children(*layout.doc, out, page_scope) || !page_ok) return {};
    return serialize_html(out);
}

}  // namespace protopub::html
