// The main job's own output, read as a reader's tools read it: the committed sources and
// their constitution published through the CLI, then the HTML parsed, the Word package's
// XML, the Akoma Ntoso XML and the PDF's text (pdftotext) checked for what a council
// must be able to publish (issue 16).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "constitution/constitution.hpp"
#include "docx/word_reader.hpp"
#include "support.hpp"

namespace {

using protopub::testing::unpack_docx;
using testing::read;

std::string word_document(const std::string& path) { return unpack_docx(read(path))["word/document.xml"]; }

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string command_output(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
    return out;
}

// The committed sources published as the main job publishes them (once for every test).
struct Published {
    testing::TempDir dir;
    std::string site, constitution;
    Published(const char* source_date_epoch) {
        if (source_date_epoch)
            setenv("SOURCE_DATE_EPOCH", source_date_epoch, 1);
        else
            unsetenv("SOURCE_DATE_EPOCH");
        const std::string src = test_env::source_dir() + "/protocol-source";
        site = dir.file("site");
        constitution = site + "/constitution";
        auto built = testing::run_cli({"build", src, "-o", site, "--format", "html,pdf,docx,akn"});
        REQUIRE(built.exit_code == 0);
        auto assembled = testing::run_cli(
            {"constitution", src + "/constitution.yaml", "-o", constitution, "--format", "html,pdf,docx,akn"});
        REQUIRE(assembled.exit_code == 0);
        unsetenv("SOURCE_DATE_EPOCH");
    }
};

const Published& published() {
    static Published p(nullptr);
    return p;
}

pugi::xml_document parse_html(const std::string& path) {
    pugi::xml_document doc;
    auto r = doc.load_string(read(path).c_str(), pugi::parse_default | pugi::parse_doctype);
    INFO(path << ": " << r.description());
    REQUIRE(r);
    return doc;
}

std::string text_of(pugi::xml_node n) {
    std::string out;
    for (auto d : n.select_nodes(".//text()")) out += d.node().value();
    return out;
}

}  // namespace

TEST_CASE("published constitution: nothing of it is marked as not part of it", "[constitution][published]") {
    const auto& out = published();
    auto doc = parse_html(out.constitution + "/constitution.html");
    CHECK(doc.select_nodes("//*[contains(@class,'preamble')]").empty());
    for (const char* page : {"constitution.html", "oxford-city-council.html", "guildford-borough-council.html"})
        CHECK_FALSE(contains(read(out.constitution + "/" + page), "\xE2\x80\x94 not part of"));
    // Parts hold Sections, which hold each protocol's own headings: three levels of contents.
    CHECK_FALSE(doc.select_nodes("//ol[@class='contents']/li/ol/li/ol/li/a").empty());
    // No contents entry leads to a heading without words.
    for (auto a : doc.select_nodes("//ol[@class='contents']//a")) CHECK_FALSE(text_of(a.node()).empty());
}

TEST_CASE("published constitution: its sections carry the manifest's status and adoption",
          "[constitution][published]") {
    const auto& out = published();
    for (const char* page : {"constitution.html", "oxford-city-council.html", "somerset-model-protocol.html"}) {
        const std::string html = read(out.constitution + "/" + page);
        INFO(page);
        CHECK_FALSE(contains(html, "This is a draft"));
        CHECK(contains(html, "status-adopted"));
        CHECK(contains(html, "1 May 2024"));
        CHECK_FALSE(contains(html, "2024-05-01<"));  // one date format: never ISO in the text
        CHECK_FALSE(contains(html, "2003-05-19<"));
    }
    CHECK(contains(read(out.constitution + "/oxford-city-council.html"), "19 May 2003"));
    // The constitution's index lists the constitution first, then its sections in order.
    auto index = parse_html(out.constitution + "/index.html");
    std::vector<std::string> order;
    for (auto a : index.select_nodes("//table//tbody/tr/td[2]/a")) order.push_back(a.node().attribute("href").value());
    REQUIRE(order.size() == 6);
    CHECK(order.front() == "constitution.html");
    CHECK(order[1] == "district-council-cabinet-model.html");  // section 20
    CHECK(order.back() == "oxford-city-council.html");         // section 24
    // Akoma Ntoso: adopted on the manifest's date, never the epoch.
    const std::string akn = read(out.constitution + "/oxford-city-council.akn.xml");
    CHECK(contains(akn, "date=\"2024-05-01\" name=\"adoption\""));
    CHECK_FALSE(contains(akn, "1970-01-01"));
}

TEST_CASE("published constitution: references to other parts of it are links to targets on the page",
          "[constitution][published]") {
    auto doc = parse_html(published().constitution + "/constitution.html");
    std::set<std::string> ids;
    for (auto n : doc.select_nodes("//*[@id]")) ids.insert(n.node().attribute("id").value());
    const auto links = doc.select_nodes("//a[contains(@class,'constitution')]");
    CHECK(links.size() >= 20);
    for (auto a : links) {
        const std::string href = a.node().attribute("href").value();
        REQUIRE(href.size() > 1);
        CHECK(ids.count(href.substr(1)) == 1);
    }
    CHECK(doc.select_nodes("//span[contains(@class,'constitution') and not(contains(@class,'unresolved'))]").empty());
}

TEST_CASE(
    "published constitution: a section's page links other sections to their page and anchor, its PDF and Word "
    "have no dead links",
    "[constitution][published][section-pages]") {
    const std::string dir = published().constitution;
    int across = 0;
    for (const char* stem : {"district-council-cabinet-model", "district-council-executive-directors",
                             "guildford-borough-council", "somerset-model-protocol", "oxford-city-council"}) {
        const std::string name = std::string(stem) + ".html";
        auto doc = parse_html(dir + "/" + name);
        // every named document and Part the whole constitution links is a link here too
        CHECK(
            doc.select_nodes("//span[contains(@class,'constitution') and not(contains(@class,'unresolved'))]").empty());
        for (auto x : doc.select_nodes("//a[contains(@class,'ref') and not(starts-with(@href,'https:'))]")) {
            const std::string href = x.node().attribute("href").value();
            const auto hash = href.find('#');
            INFO(name << ": " << href);
            REQUIRE(hash != std::string::npos);
            const std::string page = hash == 0 ? name : href.substr(0, hash);
            across += hash != 0;
            auto target = parse_html(dir + "/" + page);
            CHECK(target.select_nodes(("//*[@id='" + href.substr(hash + 1) + "']").c_str()).size() == 1);
        }

        // Word: every hyperlink to a place in the document has its bookmark
        const std::string xml = word_document(dir + "/" + stem + ".docx");
        std::set<std::string> bookmarks, anchors;
        for (std::size_t at = 0; (at = xml.find("w:name=\"", at)) != std::string::npos;)
            bookmarks.insert(xml.substr(at + 8, xml.find('"', at + 8) - at - 8)), at += 8;
        for (std::size_t at = 0; (at = xml.find("w:anchor=\"", at)) != std::string::npos;)
            anchors.insert(xml.substr(at + 10, xml.find('"', at + 10) - at - 10)), at += 10;
        for (const auto& a : anchors) {
            INFO(stem << ".docx: " << a);
            CHECK(bookmarks.count(a) == 1);
        }
        // Akoma Ntoso: every reference inside the document lands on an element of it
        const std::string akn = read(dir + "/" + stem + ".akn.xml");
        for (std::size_t at = 0; (at = akn.find("href=\"#", at)) != std::string::npos; at += 7) {
            const std::string id = akn.substr(at + 7, akn.find('"', at + 7) - at - 7);
            INFO(stem << ".akn.xml: #" << id);
            CHECK(contains(akn, "eId=\"" + id + "\""));
        }
        // PDF: every link goes to a page of the document or to a web address
        const std::string links = command_output("python3 '" + test_env::source_dir() + "/tests/golden/pdf_dump.py' '" +
                                                 dir + "/" + stem + ".pdf'");
        const auto at = links.find("=== links\n");
        REQUIRE(at != std::string::npos);
        std::istringstream lines(links.substr(at + 10));
        for (std::string line; std::getline(lines, line);) {
            INFO(stem << ".pdf: " << line);
            CHECK((contains(line, "-> page ") || contains(line, "-> https://")));
        }
    }
    CHECK(across >= 20);  // Part 3 and the sections held elsewhere, on the whole constitution's page
}

TEST_CASE("published: a covering report is its own component, labelled, in every format", "[published][covering]") {
    const auto& out = published();
    const std::string label =
        "Covering report \xE2\x80\x94 not part of the Code of Practice for Member/Officer Relations";
    // HTML: the label over the report, and the Code under a heading of its own.
    auto doc = parse_html(out.site + "/oxford-city-council.html");
    auto group = doc.select_node("//div[@class='preamble-group']").node();
    REQUIRE(group);
    CHECK(text_of(group.child("p")) == label);
    CHECK_FALSE(contains(text_of(group), "Status of this code"));
    auto code = doc.select_node("//section[@id='section-24']").node();
    REQUIRE(code);
    CHECK(text_of(code.child("h2")) == "Code of Practice for Member/Officer Relations");
    // Akoma Ntoso: the report in the preface, outside the body.
    const std::string akn = read(out.site + "/oxford-city-council.akn.xml");
    pugi::xml_document x;
    REQUIRE(x.load_string(akn.c_str()));
    auto preface = x.select_node("//preface/container[@name='coveringReport']").node();
    REQUIRE(preface);
    CHECK(contains(text_of(preface), "Standards Committee"));
    CHECK(contains(text_of(preface), label));
    CHECK_FALSE(contains(text_of(x.select_node("//mainBody").node()), "Standards Committee"));
    // Word: the label before the report, the Code's heading, no empty heading.
    const std::string document = word_document(out.site + "/oxford-city-council.docx");
    CHECK(contains(document, label));
    CHECK_FALSE(contains(document, "<w:pStyle w:val=\"Heading1\"/></w:pPr></w:p>"));
    const auto code_heading =
        document.find("Code of Practice for Member/Officer Relations</w:t>", document.find(label) + label.size());
    REQUIRE(code_heading != std::string::npos);
    const auto heading_style = document.rfind("<w:pStyle w:val=\"Heading1\"/>", code_heading);
    REQUIRE(heading_style != std::string::npos);
    CHECK(heading_style > document.rfind("<w:p>", code_heading));  // the Code's own Heading 1
    // PDF: the label is on the page, the Code is in the bookmarks' contents.
    const std::string pdf_text = command_output("pdftotext -q '" + out.site + "/oxford-city-council.pdf' -");
    CHECK(contains(pdf_text, label));
}

TEST_CASE("published: defined terms in the PDF, Word and Akoma Ntoso as on the web page", "[published][terms]") {
    const auto& out = published();
    const std::string html = read(out.site + "/somerset-model-protocol.html");
    REQUIRE(contains(html, "id=\"_glossary\""));
    const std::string pdf_text = command_output("pdftotext -q '" + out.site + "/somerset-model-protocol.pdf' -");
    CHECK(contains(pdf_text, "Defined terms"));
    CHECK(contains(word_document(out.site + "/somerset-model-protocol.docx"), ">Defined terms<"));
    const std::string akn = read(out.site + "/somerset-model-protocol.akn.xml");
    CHECK(contains(akn, "<TLCTerm eId=\"term_"));
    CHECK(contains(akn, "<def refersTo=\"#term_"));
}

TEST_CASE("published: a date no source gives is left out, never 1970", "[published][dates]") {
    const auto& out = published();
    const auto parts = unpack_docx(read(out.site + "/guildford-borough-council.docx"));
    CHECK_FALSE(contains(parts.at("docProps/core.xml"), "dcterms:created"));
    const std::string info = command_output("pdfinfo '" + out.site + "/guildford-borough-council.pdf'");
    CHECK_FALSE(contains(info, "1970"));
    CHECK_FALSE(contains(info, "CreationDate"));
    // With SOURCE_DATE_EPOCH, that is the date, named as the generation date.
    testing::TempDir dir;
    setenv("SOURCE_DATE_EPOCH", "1714521600", 1);  // 2024-05-01
    auto r = testing::run_cli({"build", test_env::source_dir() + "/protocol-source/guildford-borough-council.md", "-o",
                               dir.path(), "--format", "akn,docx"});
    unsetenv("SOURCE_DATE_EPOCH");
    REQUIRE(r.exit_code == 0);
    const std::string akn = read(dir.file("guildford-borough-council.akn.xml"));
    CHECK(contains(akn, "date=\"2024-05-01\" name=\"generation\""));
    CHECK_FALSE(contains(akn, "name=\"adoption\""));
    CHECK(contains(unpack_docx(read(dir.file("guildford-borough-council.docx"))).at("docProps/core.xml"),
                   "2024-05-01T00:00:00Z"));
}

TEST_CASE("published Word: a contents with page numbers that Word updates on opening", "[published][docx]") {
    const auto parts = unpack_docx(read(published().site + "/guildford-borough-council.docx"));
    CHECK(contains(parts.at("word/settings.xml"), "<w:updateFields w:val=\"true\"/>"));
    const std::string& document = parts.at("word/document.xml");
    std::size_t lines = 0;
    for (const char* style : {"<w:pStyle w:val=\"TOC1\"/>", "<w:pStyle w:val=\"TOC2\"/>", "<w:pStyle w:val=\"TOC3\"/>"})
        for (std::size_t at = document.find(style); at != std::string::npos; at = document.find(style, at + 1)) ++lines;
    std::size_t pagerefs = 0;
    for (std::size_t at = document.find(" PAGEREF "); at != std::string::npos; at = document.find(" PAGEREF ", at + 1))
        ++pagerefs;
    CHECK(lines > 5);
    CHECK(pagerefs == lines);  // every contents line has its page number
}

TEST_CASE("manifest: status and adoption govern the sections, dates are checked", "[constitution][manifest]") {
    using namespace protopub;
    auto read_manifest = [](const std::string& head, model::Diagnostics& diags) {
        return constitution::read_manifest(head + "parts:\n  - part: 5\n    title: Codes\n", "m.yaml", diags);
    };
    model::Diagnostics ok;
    auto dated = read_manifest("title: C\nadopted: 2024-05-01\nadopted_by: Full Council\n", ok);
    CHECK_FALSE(ok.has_errors());
    CHECK(dated.status == model::Status::adopted);
    CHECK(dated.adopted == "2024-05-01");
    CHECK(dated.adopted_by == "Full Council");
    CHECK(read_manifest("title: C\n", ok).status == model::Status::draft);  // no date: never called adopted
    CHECK(read_manifest("title: C\nadopted: 2024-05-01\nstatus: draft\n", ok).status == model::Status::draft);

    model::Diagnostics bad;
    read_manifest("title: C\nadopted: 1 May 2024\nstatus: in force\n", bad);
    REQUIRE(bad.error_count() == 2);
    CHECK(::testing::formatted(bad).find("m.yaml:2:10: error: manifest: 'adopted' must be a date") !=
          std::string::npos);
    CHECK(::testing::formatted(bad).find(
              "m.yaml:3:9: error: manifest: 'status' must be draft, adopted or superseded") != std::string::npos);

    // Assembled, a source that says draft is adopted with the constitution, on its date.
    model::Protocol source;
    source.source_path = "code.md";
    source.meta.title = "Code";
    source.meta.status = model::Status::draft;
    model::Section s;
    s.id = "one";
    s.heading = {model::Inline{model::InlineKind::text, "One", {}, {}, -1, {}}};
    source.sections.push_back(s);
    auto m = read_manifest("title: C\nadopted: 2024-05-01\n", ok);
    constitution::ManifestSection section;
    section.number = "24";
    section.source = "code.md";
    m.parts.front().sections.push_back(section);
    model::Diagnostics diags;
    auto assembled = constitution::assemble(m, {source}, diags);
    REQUIRE(assembled.sections.size() == 1);
    CHECK(assembled.sections.front().meta.status == model::Status::adopted);
    CHECK(assembled.sections.front().meta.adopted == "2024-05-01");
    REQUIRE(assembled.sections.front().meta.constitution);
    CHECK(assembled.sections.front().meta.constitution->section == "24");
    for (const auto& sec : assembled.whole.sections) CHECK(sec.kind != model::SectionKind::preamble);
}
