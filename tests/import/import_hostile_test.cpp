// Import writes nothing its own check rejects: whatever a Word document holds in its words
// (line ends, "## 9." after one, "--" for a clause's words, controls) and its hyperlinks
// (spaces, <>, parentheses, javascript: and file: addresses), the source written reads
// back without an error, with the same sections, and every refused link is a warning.
#include <catch2/catch.hpp>

#include <functional>

#include "check/check.hpp"
#include "import/import.hpp"
#include "model/text.hpp"
#include "package/zip_writer.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"
#include "support.hpp"

using namespace protopub;

namespace {
std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '&')
            out += "&amp;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

std::string para(const std::string& text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + xml_escape(text) + "</w:t></w:r></w:p>";
}

// A protocol whose clause 1.2 holds `words` in a w:t and links to `address`.
std::string docx_with(const std::string& words, const std::string& address) {
    const std::string w =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    const std::string body =
        para("MEMBER/OFFICER PROTOCOL") + para("1. Introduction") +
        para("1.1 Councillors and officers work together.") + para("1.2 " + words) +
        "<w:p><w:r><w:t xml:space=\"preserve\">1.3 See </w:t></w:r><w:hyperlink r:id=\"rId9\"><w:r>"
        "<w:t>the page</w:t></w:r></w:hyperlink><w:r><w:t xml:space=\"preserve\"> for more.</w:t></w:r></w:p>" +
        para("1.4 --") + para("2. Roles") + para("2.1 Officers serve the whole Council.");
    const std::vector<package::ZipEntry> parts = {
        {"word/document.xml",
         "<?xml version=\"1.0\"?><w:document " + w + "><w:body>" + body + "</w:body></w:document>"},
        {"word/_rels/document.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId9\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
         "Target=\"" +
             xml_escape(address) + "\" TargetMode=\"External\"/></Relationships>"}};
    std::string error;
    auto bytes = package::write_zip(parts, 0, error);
    REQUIRE(bytes);
    return *bytes;
}
}  // namespace

TEST_CASE("import: hostile words and link addresses in a .docx write a source that checks clean",
          "[import][docx][hostile]") {
    const std::vector<std::string> words = {
        "Plain words.",
        "Words\n## 9. Injected section",
        "Words\r\n1.9 Injected clause",
        "Two\n\nparagraphs",
        "A \x1b[31m coloured \x07 bell",
        "<b>tag</b> and {#id} and [x](y)",
        "--",
        "- a list?",
        "> a quote?",
    };
    const std::vector<std::string> addresses = {
        "https://example.org/a b",  "https://example.org/<x>",     "https://example.org/(a)(b",
        "https://example.org/a\\b", "https://example.org/a>b c<d", "mailto:clerk@example.org",
        "javascript:alert(1)",      "file:///etc/passwd",          "JavaScript:alert(1)",
        "../relative.docx",
    };
    for (const auto& w : words)
        for (const auto& a : addresses) {
            INFO("words: " << w << "\naddress: " << a);
            model::Diagnostics diags;
            import::ImportOptions options;
            options.council = "Test Council";
            auto r = import::import_bytes(docx_with(w, a), "t.docx", options, diags);
            REQUIRE(r.ok);
            const std::string source = source::write_protocol(r.protocol);
            INFO(source);
            model::Diagnostics again;
            model::Protocol back = source::read_protocol(source, "imported.md", again);
            check::check_structure(back, again);
            INFO(testing::formatted(again));
            for (const auto& d : again.items()) CHECK(d.message.find("malformed") == std::string::npos);
            CHECK(again.items().size() <= 1);  // at most the empty clause 1.4, a warning
            CHECK_FALSE(again.has_errors());
            REQUIRE(back.sections.size() == 2);
            CHECK(back.sections[0].clauses.size() == 4);
            const bool web = a.rfind("https://", 0) == 0 || a.rfind("mailto:", 0) == 0;
            const std::string messages = testing::formatted(diags);
            CHECK((messages.find("hyperlink to '" + a) != std::string::npos) == !web);
            bool linked = false;
            std::function<void(const model::Inlines&)> find = [&](const model::Inlines& in) {
                for (const auto& i : in) {
                    if (i.kind == model::InlineKind::link) linked |= i.target == a;
                    find(i.children);
                }
            };
            for (const auto& b : back.sections[0].clauses[2].blocks) find(b.inlines);
            CHECK(linked == web);
        }
}
