// References in the built HTML, parsed back with pugixml: every resolved internal
// reference is a link to an element of the page, statutes link out, terms are listed.
#include <catch2/catch.hpp>

#include <set>

#include <pugixml.hpp>

#include "html/writer.hpp"
#include "paths.hpp"
#include "refs/helpers.hpp"

using namespace protopub;
using refs_test::data_path;

namespace {

struct Page {
    pugi::xml_document doc;
    std::set<std::string> ids;
};

void render_and_parse(const model::Protocol& p, Page& page) {
    io::OutputSet out;
    html::SiteOptions options;
    options.templates_dir = test_env::source_dir() + "/templates";
    model::Diagnostics diags;
    REQUIRE(html::render_site({p}, options, out, diags));
    const std::string& html = out.files().at(html::page_name(p));
    auto parsed = page.doc.load_string(html.c_str(), pugi::parse_default | pugi::parse_doctype);
    INFO(parsed.description());
    REQUIRE(parsed);
    for (const auto& n : page.doc.select_nodes("//*[@id]")) page.ids.insert(n.node().attribute("id").value());
}

// How many internal links the page must have: one per number of a list or range,
// one for a single reference.
std::size_t expected_internal_links(const model::Protocol& p) {
    std::size_t n = 0;
    for (const auto& r : p.references)
        if (r.kind == model::ReferenceKind::internal && r.resolved) n += r.targets.size();
    return n;
}

// All the words under `node`, as a reader sees them.
std::string words_of(pugi::xml_node node) {
    std::string out;
    for (pugi::xml_node c : node.children())
        out += c.type() == pugi::node_pcdata ? std::string(c.value()) : words_of(c);
    return out;
}

}  // namespace

TEST_CASE("every resolved internal reference is a working link in the HTML", "[refs]") {
    const std::string seeds = test_env::source_dir() + "/protocol-source/";
    for (const std::string& path : {data_path("internal.md"), data_path("renumber-expected.md"),
                                    data_path("statutes.md"), seeds + "district-council-cabinet-model.md",
                                    seeds + "guildford-borough-council.md", seeds + "somerset-model-protocol.md"}) {
        INFO(path);
        model::Diagnostics diags;
        auto p = refs_test::load(path, diags);
        Page page;
        render_and_parse(p, page);
        auto links = page.doc.select_nodes("//a[contains(concat(' ', @class, ' '), ' internal ')]");
        CHECK(links.size() == expected_internal_links(p));
        for (const auto& l : links) {
            const std::string href = l.node().attribute("href").value();
            REQUIRE(href.size() > 1);
            CHECK(href[0] == '#');
            CHECK(page.ids.count(href.substr(1)) == 1);
        }
    }
}

TEST_CASE("each number of a list links to its own clause, the words stay as written", "[refs]") {
    model::Diagnostics diags;
    auto p = refs_test::load(data_path("internal.md"), diags);
    Page page;
    render_and_parse(p, page);
    auto clause = page.doc.select_node("//*[@id='lists']").node();
    REQUIRE(clause);
    std::vector<std::pair<std::string, std::string>> links;
    for (const auto& l : clause.select_nodes(".//a[contains(@class, 'ref')]"))
        links.emplace_back(l.node().child_value(), l.node().attribute("href").value());
    CHECK(links == std::vector<std::pair<std::string, std::string>>{{"2.1", "#councillors"},
                                                                    {"2.2", "#officers"},
                                                                    {"2.4", "#deleted"},
                                                                    {"2.1", "#councillors"},
                                                                    {"2.3", "#chairs"},
                                                                    {"2.1", "#councillors"},
                                                                    {"2.3", "#chairs"},
                                                                    {"2.2", "#officers"},
                                                                    {"2.4", "#deleted"}});
    const std::string words = words_of(clause.select_node(".//p").node());
    CHECK(words.find("Paragraphs 2.1, 2.2 and 2.4 say who does what; paragraphs 2.1 to 2.3 follow") !=
          std::string::npos);
}

TEST_CASE("statute citations link to legislation.gov.uk and terms make a glossary", "[refs]") {
    model::Diagnostics diags;
    auto p = refs_test::load(data_path("statutes.md"), diags);
    Page page;
    render_and_parse(p, page);
    std::multiset<std::string> expected, found;
    for (const auto& r : p.references)
        if (r.kind == model::ReferenceKind::statute && !r.url.empty()) expected.insert(r.url);
    for (const auto& l : page.doc.select_nodes("//a[contains(@class, 'statute')]"))
        found.insert(l.node().attribute("href").value());
    CHECK(found == expected);
    CHECK(found.count("https://www.legislation.gov.uk/ukpga/1989/42/section/5") == 1);

    model::Diagnostics term_diags;
    auto t = refs_test::load(data_path("terms.md"), term_diags);
    Page glossary;
    render_and_parse(t, glossary);
    auto terms = glossary.doc.select_nodes("//*[@id='_glossary']//dt");
    CHECK(terms.size() == t.terms.size());
    for (const auto& a : glossary.doc.select_nodes("//*[@id='_glossary']//dd/a")) {
        const std::string href = a.node().attribute("href").value();
        CHECK(glossary.ids.count(href.substr(1)) == 1);
    }
}

TEST_CASE("each number of a mixed list links to its own clause, after an escape and on a continuation line", "[refs]") {
    model::Diagnostics diags;
    auto p = source::read_protocol(
        testing::source_with_body("## 4. Access\n\n4.1 {#a1} One.\n\n4.2 {#a2} Two.\n\n4.3 {#a3} Three.\n\n"
                                  "4.4 {#a4} Four \\*see\n    paragraphs 4.1, 4.2 to 4.3 and 4.4\\*.\n"),
        "t.md", diags);
    refs::resolve_references(p, diags);
    Page page;
    render_and_parse(p, page);
    auto clause = page.doc.select_node("//*[@id='a4']").node();
    REQUIRE(clause);
    std::vector<std::pair<std::string, std::string>> links;
    for (const auto& l : clause.select_nodes(".//a[contains(@class, 'ref')]"))
        links.emplace_back(l.node().child_value(), l.node().attribute("href").value());
    CHECK(links == std::vector<std::pair<std::string, std::string>>{
                       {"4.1", "#a1"}, {"4.2", "#a2"}, {"4.3", "#a3"}, {"4.4", "#a4"}});
    CHECK(words_of(clause.select_node(".//p").node()).find("Four *see paragraphs 4.1, 4.2 to 4.3 and 4.4*.") !=
          std::string::npos);
}
