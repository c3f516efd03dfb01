// The HTML site, parsed back with pugixml: structure, anchors, accessibility, safety,
// templates and determinism.
#include <catch2/catch.hpp>

#include <set>

#include <pugixml.hpp>

#include "html/writer.hpp"
#include "model/facts.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

const std::string kTemplates = test_env::source_dir() + "/templates";

model::Protocol load(const std::string& path) {
    model::Diagnostics diags;
    auto p = source::load_protocol(path, diags);
    REQUIRE(p);
    REQUIRE_FALSE(diags.has_errors());
    return *p;
}

model::Protocol sample() { return load(test_env::source_dir() + "/tests/data/sample.md"); }

io::OutputSet render(const std::vector<model::Protocol>& ps, model::Diagnostics& diags,
                     const std::string& templates = kTemplates) {
    io::OutputSet out;
    html::SiteOptions options;
    options.templates_dir = templates;
    html::render_site(ps, options, out, diags);
    return out;
}

void parse(pugi::xml_document& doc, const std::string& html) {
    auto r = doc.load_string(html.c_str(), pugi::parse_default | pugi::parse_doctype);
    INFO(r.description());
    REQUIRE(r);
}

}  // namespace

TEST_CASE("the site has an index, a page per protocol and the stylesheet", "[html]") {
    model::Diagnostics diags;
    auto out = render({sample()}, diags);
    CHECK(testing::formatted(diags) == "");
    // the pages, and every stylesheet of the template folder
    std::vector<std::string> pages;
    for (const auto& [name, bytes] : out.files()) {
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".css") == 0) continue;
        pages.push_back(name);
    }
    CHECK(pages == std::vector<std::string>{"index.html", "sample.html"});
    CHECK(out.files().count("protopub.css") == 1);

    pugi::xml_document index;
    parse(index, out.files().at("index.html"));
    auto link = index.select_node("//table[@class='protocol-list']//a").node();
    CHECK(std::string(link.attribute("href").value()) == "sample.html");
    CHECK(std::string(link.child_value()) == "Sample Protocol on Member/Officer Relations");
}

TEST_CASE("every clause has its stable id and a number permalink, ids are unique", "[html]") {
    model::Diagnostics diags;
    const auto p = sample();
    auto out = render({p}, diags);
    pugi::xml_document doc;
    parse(doc, out.files().at("sample.html"));

    std::multiset<std::string> ids;
    for (auto n : doc.select_nodes("//*[@id]")) ids.insert(n.node().attribute("id").value());
    for (const auto& id : ids) {
        INFO(id);
        CHECK(ids.count(id) == 1);
    }
    for (const auto& s : p.sections) {
        CHECK(ids.count(s.id) == 1);
        for (const auto& c : s.clauses) {
            INFO(c.number.text);
            auto node = doc.select_node(("//div[@id='" + c.id + "']").c_str()).node();
            REQUIRE(node);
            auto permalink = node.select_node((".//a[@id='p-" + c.number.text + "']").c_str()).node();
            REQUIRE(permalink);
            CHECK(std::string(permalink.attribute("href").value()) == "#p-" + c.number.text);
            CHECK(std::string(permalink.child_value()) == c.number.text);
        }
    }
    // every in-page link points at an id that exists
    for (auto a : doc.select_nodes("//a[starts-with(@href,'#')]")) {
        std::string target = std::string(a.node().attribute("href").value()).substr(1);
        INFO(target);
        CHECK(ids.count(target) == 1);
    }
}

TEST_CASE("the page is accessible: lang, one h1, landmarks, skip link, labelled contents", "[html][a11y]") {
    model::Diagnostics diags;
    auto out = render({sample()}, diags);
    pugi::xml_document doc;
    parse(doc, out.files().at("sample.html"));
    CHECK(std::string(doc.child("html").attribute("lang").value()) == "en-GB");
    CHECK(doc.select_nodes("//h1").size() == 1);
    CHECK(doc.select_nodes("//main").size() == 1);
    CHECK(doc.select_nodes("/html/body/header").size() == 1);
    CHECK(doc.select_nodes("/html/body/footer").size() == 1);
    auto skip = doc.select_node("/html/body/a[1]").node();
    CHECK(std::string(skip.attribute("class").value()) == "skip-link");
    CHECK(std::string(skip.attribute("href").value()) == "#_main");
    auto nav = doc.select_node("//nav").node();
    REQUIRE(nav);
    std::string labelled_by = nav.attribute("aria-labelledby").value();
    CHECK(doc.select_node(("//*[@id='" + labelled_by + "']").c_str()));
    // headings never skip a level: h2 sections, h3 inside them
    CHECK(doc.select_nodes("//section/h2").size() == 3);
    for (auto th : doc.select_nodes("//th")) CHECK(std::string(th.node().attribute("scope").value()) == "col");
}

TEST_CASE("text from the source never becomes markup", "[html][safety]") {
    model::Diagnostics diags;
    auto p = source::read_protocol(
        "---\ntitle: \"<script>alert('t')</script>\"\ncouncil: \"A & B <b>Council</b>\"\nversion: \"1\"\nstatus: "
        "draft\n---\n"
        "## 1. <img src=x onerror=alert(1)> Heading\n\n1.1 <script>alert(1)</script> and [x](javascript:alert(2)) and "
        "<a href=\"javascript:alert(3)\">y</a>.\n\n<script>alert(4)</script>\n",
        "evil.md", diags);
    auto out = render({p}, diags);
    const std::string& html = out.files().at("evil.html");
    pugi::xml_document doc;
    parse(doc, html);
    CHECK(doc.select_nodes("//script").empty());
    CHECK(doc.select_nodes("//img").empty());
    CHECK(doc.select_nodes("//body//b").empty());
    CHECK(doc.select_nodes("//*[@onerror]").empty());
    for (auto a : doc.select_nodes("//a"))
        CHECK(std::string(a.node().attribute("href").value()).find("javascript:") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(std::string(doc.select_node("//h1").node().child_value()) == "<script>alert('t')</script>");
    const std::string index = out.files().at("index.html");
    CHECK(index.find("A &amp; B &lt;b&gt;Council&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("non-void elements are never self-closed (an HTML parser would not close them)", "[html]") {
    model::Diagnostics diags;
    auto out = render({sample()}, diags);
    const std::string& html = out.files().at("sample.html");
    for (const char* tag : {"<div/>", "<div />", "<span />", "<a />", "<p />", "<section />", "<td />", "<li />"})
        CHECK(html.find(tag) == std::string::npos);
    CHECK(html.rfind("<!DOCTYPE html>\n", 0) == 0);
}

TEST_CASE("templates: unknown fields and attributes are errors at the template's line:col", "[html][templates]") {
    testing::TempDir dir;
    testing::write(dir.file("layout.xhtml"),
                   "<html xmlns:pp=\"urn:protopub:template\"><body><main pp:content=\"main\"/></body></html>");
    testing::write(dir.file("index.xhtml"),
                   "<div xmlns:pp=\"urn:protopub:template\">\n  <p pp:text=\"no_such_field\"/>\n</div>");
    testing::write(dir.file("protocol.xhtml"), "<div xmlns:pp=\"urn:protopub:template\"><h1 pp:text=\"title\"/></div>");
    model::Diagnostics diags;
    render({sample()}, diags, dir.path());
    CHECK(testing::formatted(diags) ==
          dir.file("index.xhtml") + ":2:3: error: template field 'no_such_field' (in pp:text) is unknown\n");

    testing::write(dir.file("index.xhtml"), "<div xmlns:pp=\"urn:protopub:template\"><p pp:colour=\"x\"/></div>");
    model::Diagnostics d2;
    render({sample()}, d2, dir.path());
    CHECK(testing::formatted(d2).find("unknown template attribute 'pp:colour'") != std::string::npos);

    testing::write(dir.file("index.xhtml"), "<div>\n<p>unclosed</div>");
    model::Diagnostics d3;
    render({sample()}, d3, dir.path());
    CHECK(testing::formatted(d3).rfind(dir.file("index.xhtml") + ":2:", 0) == 0);

    model::Diagnostics d4;
    render({sample()}, d4, dir.file("missing"));
    CHECK(testing::formatted(d4) == dir.file("missing") + ": error: template folder does not exist\n");
}

TEST_CASE("a custom template folder restyles every page", "[html][templates]") {
    testing::TempDir dir;
    testing::write(dir.file("layout.xhtml"),
                   "<html xmlns:pp=\"urn:protopub:template\" pp:attr-lang=\"lang\"><head><link rel=\"stylesheet\" "
                   "href=\"house.css\"/></head><body class=\"house\"><main pp:content=\"main\"/></body></html>");
    testing::write(dir.file("index.xhtml"),
                   "<ul xmlns:pp=\"urn:protopub:template\"><li pp:repeat=\"protocols\" pp:text=\"council\"/></ul>");
    testing::write(
        dir.file("protocol.xhtml"),
        "<article xmlns:pp=\"urn:protopub:template\"><h1 pp:text=\"title\"/><div pp:content=\"body\"/></article>");
    testing::write(dir.file("house.css"), "body { color: navy }");
    testing::write(dir.file("unused.css"), "body { color: red }");
    model::Diagnostics diags;
    auto out = render({sample()}, diags, dir.path());
    CHECK(testing::formatted(diags) == "");
    CHECK(out.files().count("house.css") == 1);   // linked from the layout
    CHECK(out.files().count("unused.css") == 0);  // linked from no page
    CHECK(out.files().at("index.html").find("<ul><li>Sample District Council</li></ul>") != std::string::npos);
    CHECK(out.files().at("sample.html").find("<body class=\"house\"><main><article><h1>Sample Protocol") !=
          std::string::npos);
}

TEST_CASE("the same input gives the same bytes", "[html][determinism]") {
    model::Diagnostics d1, d2;
    auto a = render({sample()}, d1);
    auto b = render({sample()}, d2);
    CHECK(a.files() == b.files());
}

TEST_CASE("drafts carry a notice, other formats are offered as downloads", "[html]") {
    model::Diagnostics diags;
    auto draft = source::read_protocol(testing::source_with_body("## 1. A\n\n1.1 x\n"), "draft.md", diags);
    io::OutputSet out;
    html::SiteOptions options;
    options.templates_dir = kTemplates;
    options.downloads = {{".pdf", "PDF"}, {".docx", "Word"}};
    REQUIRE(html::render_site({draft, sample()}, options, out, diags));
    pugi::xml_document d, s, index;
    parse(d, out.files().at("draft.html"));
    parse(s, out.files().at("sample.html"));
    parse(index, out.files().at("index.html"));
    CHECK(std::string(d.select_node("//p[@class='notice']").node().child_value()) ==
          "This is a draft. It has not been adopted.");
    CHECK_FALSE(s.select_node("//p[@class='notice']"));  // adopted: no notice
    auto links = s.select_nodes("//ul[@class='downloads']/li/a");
    REQUIRE(links.size() == 2);
    CHECK(std::string(links[0].node().attribute("href").value()) == "sample.pdf");
    CHECK(std::string(links[1].node().child_value()) == "Word");
    CHECK(index.select_nodes("//ul[@class='downloads']/li/a[@href='draft.docx']").size() == 1);
}

TEST_CASE("pages of the committed sources: no empty headings, no empty links", "[html][seeds]") {
    std::vector<model::Protocol> ps;
    for (const char* name : {"oxford-city-council.md", "guildford-borough-council.md", "somerset-model-protocol.md",
                             "district-council-cabinet-model.md", "district-council-executive-directors.md"})
        ps.push_back(load(test_env::source_dir() + "/protocol-source/" + name));
    model::Diagnostics diags;
    auto out = render(ps, diags);
    for (const auto& p : ps) {
        INFO(p.source_path);
        pugi::xml_document doc;
        parse(doc, out.files().at(html::page_name(p)));
        for (const char* xpath : {"//h1", "//h2", "//h3", "//h4", "//a"})
            for (auto n : doc.select_nodes(xpath))
                CHECK(std::string(n.node().text().get()) + n.node().first_child().name() != "");
    }
    // Oxford's covering report is boxed apart and the code follows it
    pugi::xml_document oxford;
    parse(oxford, out.files().at("oxford-city-council.html"));
    CHECK(oxford.select_nodes("//div[@class='preamble-group']/section").size() == 3);
    CHECK(oxford.select_nodes("//div[@class='preamble-group']//div[contains(@class,'clause')]").empty());
}

// Where a reference links is the model's rule (model::link_target), the same in HTML as in
// PDF and Word: the first target that resolved, else the address, else nowhere.
TEST_CASE("html: a reference links where the model says, as in every format", "[html][facts]") {
    model::Protocol p;
    model::Reference partly;  // "paragraphs 9.9 and 3.2": only 3.2 exists
    partly.targets = {{"9.9", "", {}, false}, {"3.2", "complaints", {}, false}};
    model::Reference statute;
    statute.kind = model::ReferenceKind::statute;
    statute.url = "https://www.legislation.gov.uk/ukpga/1989/42/section/5";
    model::Reference nowhere;
    nowhere.targets = {{"9.9", "", {}, false}};
    p.references = {partly, statute, nowhere};
    model::Inlines words;
    for (int i = 0; i < 3; ++i) {
        model::Inline ref{model::InlineKind::reference};
        ref.reference = i;
        ref.children = {{model::InlineKind::text, "words " + std::to_string(i)}};
        words.push_back(ref);
    }
    pugi::xml_document doc;
    html::append_inlines(doc.append_child("p"), words, p);
    auto node = doc.child("p").first_child();
    for (const auto& in : words) {
        const model::LinkTarget to = model::link_target(p, in);
        const std::string name = node.name(), href = node.attribute("href").value();
        INFO(name << " " << href);
        switch (to.kind) {
            case model::LinkTarget::Kind::clause: CHECK((name == "a" && href == "#" + to.target)); break;
            case model::LinkTarget::Kind::web: CHECK((name == "a" && href == to.target)); break;
            case model::LinkTarget::Kind::none: CHECK(name == "span"); break;
        }
        node = node.next_sibling();
    }
    CHECK(std::string(doc.child("p").first_child().attribute("href").value()) == "#complaints");
    CHECK(std::string(doc.child("p").child("span").attribute("class").value()).find("unresolved") != std::string::npos);
}
