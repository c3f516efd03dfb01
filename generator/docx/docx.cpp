#include "docx/docx.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include <pugixml.hpp>

#include "docx/body.hpp"
#include "io/data_dir.hpp"
#include "io/files.hpp"
#include "package/zip_reader.hpp"
#include "package/zip_writer.hpp"

namespace protopub::docx {
namespace {

constexpr const char* document_part = "word/document.xml";
constexpr const char* document_rels_part = "word/_rels/document.xml.rels";
constexpr const char* numbering_part = "word/numbering.xml";
constexpr const char* content_types_part = "[Content_Types].xml";
constexpr const char* rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* hyperlink_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
constexpr const char* numbering_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";

// Appends what pugixml writes straight to one string: no stream, and no copy of a
// document.xml that runs to megabytes for a constitution.
class StringWriter : public pugi::xml_writer {
public:
    explicit StringWriter(std::string& out) : out_(out) {}
    void write(const void* data, std::size_t size) override { out_.append(static_cast<const char*>(data), size); }

private:
    std::string& out_;
};

constexpr const char* xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string serialize(const pugi::xml_document& doc) {
    std::string out = xml_declaration;
    StringWriter writer(out);
    doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out;
}

bool parse(pugi::xml_document& doc, const std::string& text) {
    return doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
}

}  // namespace

// The parts of the reference document we build on, read once per run and never changed:
// each render copies the three parts it adds to (relationships, content types, numbering).
struct ReferenceDocx {
    std::string package;  // the file: its unchanged parts are copied still compressed
    std::map<std::string, std::string> parts;
    pugi::xml_document document;  // for its root namespaces and its sectPr
    pugi::xml_document document_rels;
    pugi::xml_document content_types;
    pugi::xml_document numbering;
    detail::PageGeometry geometry;  // from its styles: the clause indents lists and tables line up with
};

namespace {

using Reference = ReferenceDocx;

bool load_reference(const std::string& path, Reference& ref, std::string& error) {
    auto bytes = io::read_file(path, error);
    if (!bytes) return false;
    auto parts = package::read_zip(*bytes, error);
    if (!parts) {
        error = "not a Word document: " + error;
        return false;
    }
    ref.parts = std::move(*parts);
    ref.package = std::move(*bytes);
    auto need = [&](const char* name, pugi::xml_document& doc, const char* root) {
        auto it = ref.parts.find(name);
        if (it == ref.parts.end() || !parse(doc, it->second) || !doc.child(root)) {
            error = std::string("not a Word document (no valid ") + name + ")";
            return false;
        }
        return true;
    };
    if (!need(content_types_part, ref.content_types, "Types") || !need(document_part, ref.document, "w:document") ||
        !need(document_rels_part, ref.document_rels, "Relationships"))
        return false;
    pugi::xml_document styles;
    if (auto found = ref.parts.find("word/styles.xml"); found != ref.parts.end()) parse(styles, found->second);
    ref.geometry = detail::page_geometry(styles.child("w:styles"),
                                         ref.document.child("w:document").child("w:body").child("w:sectPr"));
    auto numbering = ref.parts.find(numbering_part);
    if (numbering != ref.parts.end() && !parse(ref.numbering, numbering->second)) {
        error = std::string("reference document has an unreadable ") + numbering_part;
        return false;
    }
    if (!ref.numbering.child("w:numbering")) {
        ref.numbering.reset();
        auto root = ref.numbering.append_child("w:numbering");
        root.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    }
    return true;
}

int next_free(pugi::xml_node numbering, const char* element, const char* attribute) {
    int top = 0;
    for (auto n : numbering.children(element)) top = std::max(top, n.attribute(attribute).as_int());
    return top + 1;
}

// A header part of our own: an appendix's running head.
struct HeaderPart {
    std::string rel_id;
    std::string name;  // "word/protopub-header1.xml"
    std::string xml;
};

std::string header_xml(const std::string& words) {
    pugi::xml_document doc;
    auto hdr = doc.append_child("w:hdr");
    hdr.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    auto para = hdr.append_child("w:p");
    para.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = "Header";
    auto t = para.append_child("w:r").append_child("w:t");
    t.append_attribute("xml:space") = "preserve";
    t.text().set(words.c_str());
    return serialize(doc);
}

std::string print(pugi::xml_node node) {
    std::string out;
    StringWriter writer(out);
    node.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
    return out;
}

// Sections with a running head (a report's appendices) each start a Word section of
// their own, on a new page, whose header reads the running head; page set-up and footer
// stay the reference's. Each break is an empty paragraph holding the properties of the
// section it ends, as Word writes it; the last section's properties end the body.
class SectionSplit {
public:
    SectionSplit(pugi::xml_node reference_properties, const std::set<std::string>& taken_ids,
                 std::vector<HeaderPart>& headers)
        : reference_properties_(reference_properties), taken_ids_(taken_ids), headers_(headers) {}

    // The break before section `s`, which starts a Word section headed by its running head.
    std::string break_before(const model::Section& s) {
        std::string brk = "<w:p><w:pPr>" + properties(ending_) + "</w:pPr></w:p>";
        std::string id;
        for (int n = static_cast<int>(headers_.size()) + 1; id.empty() || taken_ids_.count(id); ++n)
            id = "rIdHeader" + std::to_string(n);
        headers_.push_back(
            {id, "word/protopub-header" + std::to_string(headers_.size() + 1) + ".xml", header_xml(s.running_head)});
        ending_ = static_cast<int>(headers_.size()) - 1;
        return brk;
    }
    // The properties of the last section, which end the body.
    std::string last() const { return properties(ending_); }

private:
    // The reference's section properties (without its attributes), with the header of
    // `header` (-1: the reference's own headers).
    std::string properties(int header) const {
        pugi::xml_document scratch;
        auto sect = scratch.append_child("w:sectPr");
        if (reference_properties_)
            for (auto child : reference_properties_.children()) sect.append_copy(child);
        if (header >= 0) {
            for (auto r = sect.child("w:headerReference"); r; r = sect.child("w:headerReference")) sect.remove_child(r);
            sect.remove_child("w:titlePg");  // one header on every page of an appendix
            auto r = sect.prepend_child("w:headerReference");
            r.append_attribute("w:type") = "default";
            r.append_attribute("r:id") = headers_[static_cast<std::size_t>(header)].rel_id.c_str();
        }
        return print(sect);
    }

    pugi::xml_node reference_properties_;
    const std::set<std::string>& taken_ids_;
    std::vector<HeaderPart>& headers_;
    int ending_ = -1;  // the header of the section a break ends (-1: the reference's own)
};

// Prints the document after the XML declaration, into room made once (a redline's
// megabytes, grown and then copied, were fresh memory three times over).
std::string print_document(const pugi::xml_document& doc, std::size_t size) {
    std::string printed = xml_declaration;
    printed.reserve(size);
    StringWriter writer(printed);
    doc.document_element().print(writer, "", pugi::format_raw, pugi::encoding_utf8);
    return printed;
}

// True if pugixml prints an attribute value as XmlOut writes it: it leaves '>' as it is
// and writes control characters as two digits ("&#09;").
bool prints_as_written(std::string_view value) {
    return std::none_of(value.begin(), value.end(),
                        [](char c) { return c == '>' || static_cast<unsigned char>(c) < 0x20; });
}

// True if a paragraph as written may hold a tracked mark of its own: one in its properties,
// up to "</w:pPr>" (the whole paragraph without them), each tag looked at once.
bool may_track_mark(std::string_view paragraph) {
    for (std::size_t at = paragraph.find('<', 1); at != std::string_view::npos; at = paragraph.find('<', at + 1)) {
        const std::string_view tag = paragraph.substr(at + 1);
        if (tag.starts_with("/w:pPr>")) return false;
        for (const char* mark : {"w:ins ", "w:del ", "w:moveFrom ", "w:moveTo "})
            if (tag.starts_with(mark)) return true;
    }
    return false;
}

// A child of the written <w:body>, as a span of its text.
struct BodyChild {
    std::size_t begin, end;
    bool paragraph, table;
    bool tracked;  // a paragraph whose own mark may be tracked
};

// The tracked-paragraph pass (detail::cut_removed_runs) on windows of the written body, not
// a parse and print of its megabytes: each paragraph with a tracked mark, from the
// paragraph before it to the paragraph or table after it (all the pass looks at around a
// run of them), and the body's end from its last paragraph on. The rest stands as written,
// which is what the whole body's parse and print would give back where its attribute values
// print as written. `starts`: where each child of the body starts, `body_end` where they
// end; `largest_id`: the body's largest w:id outside the section properties. nullopt where
// the pass needs the whole body.
std::optional<std::string> cut_removed_runs_in_windows(const std::string& written, const std::vector<std::size_t>& starts,
                                                       std::size_t body_end, int largest_id,
                                                       const std::string& later_date) {
    const std::string_view text = written;
    std::vector<BodyChild> children;
    children.reserve(starts.size());
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t begin = starts[i], end = i + 1 < starts.size() ? starts[i + 1] : body_end;
        const std::string_view child = text.substr(begin, end - begin);
        const auto name_end = std::find_if(child.begin() + 1, child.end(),
                                           [](char c) { return c == ' ' || c == '/' || c == '>'; });
        const std::string_view name(child.data() + 1, static_cast<std::size_t>(name_end - child.begin() - 1));
        children.push_back({begin, end, name == "w:p", name == "w:tbl", name == "w:p" && may_track_mark(child)});
    }
    std::vector<bool> kept(children.size());
    // the body's end, from its last paragraph on
    for (std::size_t i = children.size(); i-- > 0;) {
        kept[i] = true;
        if (children[i].paragraph) break;
    }
    for (std::size_t i = 0; i < children.size(); ++i) {
        if (!children[i].tracked) continue;
        // the paragraph before (and the tables and bookmarks between), then up to the next
        // paragraph or table, whatever lies between
        for (std::size_t j = i; j-- > 0;) {
            kept[j] = true;
            if (children[j].paragraph) break;
        }
        kept[i] = true;
        for (std::size_t j = i + 1; j < children.size(); ++j) {
            kept[j] = true;
            if (children[j].paragraph || children[j].table) break;
        }
    }
    // The windows, each run of children left out standing as one gap element.
    constexpr std::string_view gap = "<protopub-gap/>";
    const std::size_t head = std::string_view(xml_declaration).size();
    std::string windows(text.substr(head, starts.front() - head));
    std::vector<std::string_view> gaps;
    for (std::size_t i = 0; i < children.size(); ++i) {
        const std::string_view child = text.substr(children[i].begin, children[i].end - children[i].begin);
        if (kept[i]) {
            windows += child;
        } else if (i > 0 && !kept[i - 1]) {
            gaps.back() = std::string_view(gaps.back().data(), gaps.back().size() + child.size());
        } else {
            windows += gap;
            gaps.push_back(child);
        }
    }
    windows += text.substr(body_end);
    pugi::xml_document doc;
    if (!doc.load_buffer_inplace(windows.data(), windows.size(), pugi::parse_default | pugi::parse_ws_pcdata))
        return written;
    if (!detail::cut_removed_runs(doc.child("w:document").child("w:body"), later_date, false, largest_id))
        return std::nullopt;
    const std::string printed = print_document(doc, windows.size() + windows.size() / 8);
    std::size_t size = printed.size();
    for (const std::string_view g : gaps) size += g.size() - gap.size();
    std::string out;
    out.reserve(size);
    std::size_t done = 0;
    for (const std::string_view g : gaps) {
        const std::size_t at = printed.find(gap, done);
        out.append(printed, done, at - done);
        out += g;
        done = at + gap.size();
    }
    out.append(printed, done);
    return out;
}

std::string document_xml(const model::Protocol& p, const DocxOptions& options, const Reference& ref,
                         detail::Hyperlinks& links, detail::ListNumbering& lists, std::vector<HeaderPart>& headers,
                         const std::set<std::string>& taken_ids) {
    std::string out = xml_declaration;
    detail::XmlOut xml(out);
    xml.open("w:document");
    // The reference's namespace declarations, so its section properties stay valid.
    bool has_r = false;
    for (auto a : ref.document.child("w:document").attributes()) {
        xml.attr(a.name(), a.value());
        has_r |= std::string_view(a.name()) == "xmlns:r";
    }
    if (!has_r) xml.attr("xmlns:r", rel_ns);
    xml.open("w:body");
    xml.note_children();
    const auto section_properties = ref.document.child("w:document").child("w:body").child("w:sectPr");
    SectionSplit split(section_properties, taken_ids, headers);
    detail::BodyOptions body_options{
        options.revision_author, options.epoch ? io::format_iso_datetime(*options.epoch) : std::string(),
        options.contents, ref.geometry, [&](const model::Section& s) { return split.break_before(s); }};
    const int largest_id = detail::write_body(p, xml, body_options, detail::Bookmarks(p), links, lists);
    if (std::any_of(p.sections.begin(), p.sections.end(),
                    [](const model::Section& s) { return !s.running_head.empty(); }))
        xml.raw(split.last());
    else if (section_properties)
        xml.raw(print(section_properties));
    const std::size_t body_end = xml.buffer().size();
    xml.close();
    xml.close();
    // A redline's whole paragraphs inserted or deleted are tracked one mark earlier where
    // LibreOffice would otherwise join them differently from Word: a pass over the tree of
    // the written body, which a document without tracked paragraphs never pays for.
    if (out.find("<w:rPr><w:ins ") == std::string::npos && out.find("<w:rPr><w:del ") == std::string::npos &&
        out.find("<w:rPr><w:move") == std::string::npos)
        return out;
    // (what follows a tracked ending it cannot share a mark with is dated two minutes later:
    // LibreOffice takes touching changes by one author within a minute for one)
    const std::string later_date = options.epoch ? io::format_iso_datetime(*options.epoch + 120) : std::string();
    // Windows will do where the text left out prints as written (the author is the one value
    // it holds that might not) and holds no w:id but the body's own (none in the reference's
    // section properties, which each section break copies).
    if (prints_as_written(options.revision_author) &&
        !(section_properties && section_properties.select_node("descendant-or-self::*/@w:id")))
        if (auto cut = cut_removed_runs_in_windows(out, xml.child_starts(), body_end, largest_id, later_date))
            return std::move(*cut);
    pugi::xml_document doc;
    if (!doc.load_buffer(out.data(), out.size(), pugi::parse_default | pugi::parse_ws_pcdata)) return out;
    detail::cut_removed_runs(doc.child("w:document").child("w:body"), later_date);
    // (the parse copied the text written, so its memory is free to take)
    const std::size_t written = out.size();
    std::string().swap(out);
    return print_document(doc, written + written / 8);
}

std::string document_rels_xml(const Reference& ref, const detail::Hyperlinks& links,
                              const std::vector<HeaderPart>& headers) {
    pugi::xml_document rels;
    rels.reset(ref.document_rels);
    auto root = rels.child("Relationships");
    for (const auto& h : headers) {
        auto r = root.append_child("Relationship");
        r.append_attribute("Id") = h.rel_id.c_str();
        r.append_attribute("Type") = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
        r.append_attribute("Target") = h.name.substr(5).c_str();  // relative to word/
    }
    bool has_numbering = false;
    for (auto r : root.children("Relationship"))
        has_numbering |= std::string(r.attribute("Type").value()) == numbering_type;
    if (!has_numbering) {
        auto r = root.append_child("Relationship");
        r.append_attribute("Id") = "rIdNumbering";
        r.append_attribute("Type") = numbering_type;
        r.append_attribute("Target") = "numbering.xml";
    }
    for (const auto& [id, url] : links.all()) {
        auto r = root.append_child("Relationship");
        r.append_attribute("Id") = id.c_str();
        r.append_attribute("Type") = hyperlink_type;
        r.append_attribute("Target") = url.c_str();
        r.append_attribute("TargetMode") = "External";
    }
    return serialize(rels);
}

// Makes sure the package declares the parts we add.
std::string content_types_xml(const Reference& ref, const std::vector<HeaderPart>& headers) {
    pugi::xml_document content_types;
    content_types.reset(ref.content_types);
    auto types = content_types.child("Types");
    for (const auto& h : headers) {
        auto o = types.append_child("Override");
        o.append_attribute("PartName") = ("/" + h.name).c_str();
        o.append_attribute("ContentType") = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
    }
    auto override_part = [&](const char* part, const char* type) {
        for (auto o : types.children("Override"))
            if (std::string(o.attribute("PartName").value()) == part) return;
        auto o = types.append_child("Override");
        o.append_attribute("PartName") = part;
        o.append_attribute("ContentType") = type;
    };
    override_part("/word/numbering.xml",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml");
    override_part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    override_part("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    return serialize(content_types);
}

std::string root_rels_xml() {
    pugi::xml_document doc;
    auto root = doc.append_child("Relationships");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
    auto add = [&](const char* id, const char* type, const char* target) {
        auto r = root.append_child("Relationship");
        r.append_attribute("Id") = id;
        r.append_attribute("Type") = type;
        r.append_attribute("Target") = target;
    };
    add("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", document_part);
    add("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml");
    add("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
        "docProps/app.xml");
    return serialize(doc);
}

std::string core_xml(const model::Protocol& p, std::optional<std::int64_t> epoch) {
    pugi::xml_document doc;
    auto root = doc.append_child("cp:coreProperties");
    root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root.append_child("dc:title").text().set(p.meta.title.c_str());
    root.append_child("dc:creator").text().set(p.meta.council.c_str());
    root.append_child("dc:language").text().set(p.meta.lang.c_str());
    root.append_child("cp:lastModifiedBy").text().set(p.meta.council.c_str());
    root.append_child("cp:contentStatus").text().set(model::to_string(p.meta.status));
    root.append_child("cp:version").text().set(p.meta.version.c_str());
    if (!epoch) return serialize(doc);
    const std::string when = io::format_iso_datetime(*epoch);
    for (const char* name : {"dcterms:created", "dcterms:modified"}) {
        auto d = root.append_child(name);
        d.append_attribute("xsi:type") = "dcterms:W3CDTF";
        d.text().set(when.c_str());
    }
    return serialize(doc);
}

// The reference's settings, asking Word to update fields when the document opens, so the
// contents gets its page numbers (and any later heading) without the clerk knowing to ask.
// "" when the reference has no settings part or its settings cannot be read.
std::string settings_xml(const Reference& ref) {
    auto it = ref.parts.find("word/settings.xml");
    pugi::xml_document doc;
    if (it == ref.parts.end() || !parse(doc, it->second)) return {};
    auto root = doc.child("w:settings");
    if (!root) return {};
    if (root.child("w:updateFields")) return serialize(doc);
    // CT_Settings is a sequence: updateFields comes before these.
    static const char* const later[] = {"w:hdrShapeDefaults",
                                        "w:footnotePr",
                                        "w:endnotePr",
                                        "w:compat",
                                        "w:docVars",
                                        "w:rsids",
                                        "m:mathPr",
                                        "w:attachedSchema",
                                        "w:themeFontLang",
                                        "w:clrSchemeMapping",
                                        "w:doNotIncludeSubdocsInStats",
                                        "w:doNotAutoCompressPictures",
                                        "w:forceUpgrade",
                                        "w:captions",
                                        "w:readModeInkLockDown",
                                        "w:smartTagType",
                                        "sl:schemaLibrary",
                                        "w:shapeDefaults",
                                        "w:doNotEmbedSmartTags",
                                        "w:decimalSymbol",
                                        "w:listSeparator"};
    pugi::xml_node before;
    for (auto child : root.children()) {
        for (const char* name : later)
            if (std::string(child.name()) == name) before = child;
        if (before) break;
    }
    auto update = before ? root.insert_child_before("w:updateFields", before) : root.append_child("w:updateFields");
    update.append_attribute("w:val") = "true";
    return serialize(doc);
}

std::string app_xml() {
    pugi::xml_document doc;
    auto root = doc.append_child("Properties");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    root.append_child("Application").text().set("protopub");
    return serialize(doc);
}

}  // namespace

std::string default_reference_docx() { return std::string(io::default_data_dir()) + "/reference.docx"; }

std::shared_ptr<const ReferenceDocx> load_reference_docx(const std::string& path, model::Diagnostics& diags) {
    auto ref = std::make_shared<ReferenceDocx>();
    std::string error;
    if (!load_reference(path.empty() ? default_reference_docx() : path, *ref, error)) {
        diags.error(path.empty() ? default_reference_docx() : path, {}, error);
        return nullptr;
    }
    return ref;
}

std::string render_docx(const model::Protocol& protocol, const DocxOptions& options, model::Diagnostics& diags) {
    std::shared_ptr<const ReferenceDocx> loaded = options.reference;
    if (!loaded) loaded = load_reference_docx(options.reference_docx, diags);
    if (!loaded) return {};
    const Reference& ref = *loaded;
    std::string error;
    std::set<std::string> taken_ids;
    for (auto r : ref.document_rels.child("Relationships").children("Relationship"))
        taken_ids.insert(r.attribute("Id").value());
    detail::Hyperlinks links(taken_ids);
    pugi::xml_document numbering;
    numbering.reset(ref.numbering);
    auto numbering_root = numbering.child("w:numbering");
    detail::ListNumbering lists(next_free(numbering_root, "w:abstractNum", "w:abstractNumId"),
                                next_free(numbering_root, "w:num", "w:numId"));

    std::vector<package::ZipEntry> entries;
    std::vector<HeaderPart> headers;
    entries.push_back({"word/document.xml", document_xml(protocol, options, ref, links, lists, headers, taken_ids)});
    lists.append_to(numbering_root);
    entries.insert(entries.begin(), {
                                        {content_types_part, content_types_xml(ref, headers)},
                                        {"_rels/.rels", root_rels_xml()},
                                        {"docProps/core.xml", core_xml(protocol, options.epoch)},
                                        {"docProps/app.xml", app_xml()},
                                    });
    entries.push_back({document_rels_part, document_rels_xml(ref, links, headers)});
    for (const auto& h : headers) entries.push_back({h.name, h.xml});
    entries.push_back({numbering_part, serialize(numbering)});
    if (options.contents)
        if (std::string settings = settings_xml(ref); !settings.empty())
            entries.push_back({"word/settings.xml", std::move(settings)});
    // Everything else (styles, settings, theme, fonts, headers, footers, media) is the
    // reference's, byte for byte; its own properties and thumbnail are not ours to keep.
    std::set<std::string> ours;
    for (const auto& e : entries) ours.insert(e.name);
    for (const auto& [name, bytes] : ref.parts)
        if (!ours.count(name) && name.rfind("docProps/", 0) != 0 && name != "_rels/.rels")
            entries.push_back({name, bytes, &ref.package});

    auto package_bytes = package::write_zip(entries, options.epoch.value_or(0), error);
    if (!package_bytes) {
        diags.error(protocol.source_path, {}, "cannot write the Word package: " + error);
        return {};
    }
    return std::move(*package_bytes);
}

}  // namespace protopub::docx
