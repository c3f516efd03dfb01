#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>

#include <unistd.h>

#include <pugixml.hpp>

#include "constitution/constitution.hpp"
#include "docx/docx.hpp"
#include "docx/fixtures.hpp"
#include "docx/word_reader.hpp"
#include "html/writer.hpp"
#include "io/files.hpp"
#include "model/text.hpp"
#include "paths.hpp"

using namespace protopub;
namespace fs = std::filesystem;

namespace {

const std::string data = test_env::source_dir() + "/tests/data/constitution";

constitution::Manifest manifest(const std::string& text, model::Diagnostics& diags) {
    // The test manifest takes sample.md from the folder above it.
    constitution::ManifestOptions options;
    options.sources_outside = true;
    return constitution::read_manifest(text, data + "/constitution.yaml", diags, options);
}

constitution::Manifest test_manifest() {
    model::Diagnostics diags;
    std::string error;
    auto text = io::read_file(data + "/constitution.yaml", error);
    REQUIRE(text);
    auto m = manifest(*text, diags);
    REQUIRE_FALSE(diags.has_errors());
    return m;
}

model::Reference constitution_reference(const std::string& part, const std::string& document) {
    model::Reference r;
    r.kind = model::ReferenceKind::constitution;
    r.part = part;
    r.document = document;
    r.text = document.empty() ? "Part " + part : document;
    return r;
}

// The test manifest's protocols, with the references the resolve stage would find.
std::vector<model::Protocol> test_protocols() {
    auto members = testing::load(data + "/members-code.md");
    auto sample = testing::sample_with_references();
    sample.references.push_back(constitution_reference("3", ""));
    sample.references.push_back(constitution_reference("", "Officer Employment Procedure Rules"));
    sample.references.push_back(constitution_reference("9", ""));
    auto& words = testing::find_clause(sample, "purpose")->blocks.front().inlines;
    words.insert(words.end(), {testing::text(" See "), testing::reference_to(2, "Part 3 of this Constitution"),
                               testing::text(", the "), testing::reference_to(3, "Officer Employment Procedure Rules"),
                               testing::text(" and "), testing::reference_to(4, "Part 9")});
    return {members, sample};
}

const model::Clause* clause(const model::Protocol& p, const std::string& id) {
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses)
            if (c.id == id) return &c;
    return nullptr;
}

const model::Section* section(const model::Protocol& p, const std::string& id) {
    for (const auto& s : p.sections)
        if (s.id == id) return &s;
    return nullptr;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

int run(const std::string& arguments) {
    const int status = std::system((test_env::cli_path() + " " + arguments + " >/dev/null 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("constitution manifest: Parts, Sections, numbering, history, errors where they are", "[constitution]") {
    auto m = test_manifest();
    REQUIRE(m.parts.size() == 2);
    CHECK(m.parts[0].number == "3");
    CHECK(m.parts[1].sections[1].number == "24");
    CHECK(m.parts[1].sections[1].numbering == constitution::Numbering::prefix);
    CHECK(m.parts[1].sections[1].history.size() == 2);
    CHECK(constitution::manifest_sources(m) ==
          std::vector<std::string>{data + "/members-code.md",
                                   test_env::source_dir() + std::string("/tests/data/sample.md")});

    model::Diagnostics diags;
    manifest(
        "title: T\nnumbering: sideways\nparts:\n  - part: 1\n    title: P\n    colour: red\n    sections:\n      - "
        "section: 2\n",
        diags);
    REQUIRE(diags.error_count() == 2);
    diags.sort();
    const auto& items = diags.items();
    CHECK(items[0].message == "manifest: 'numbering' must be prefix or as-written");
    CHECK(items[0].pos.line == 2);
    CHECK(items[1].message == "manifest: unknown field 'colour'");
    CHECK(items[1].pos.line == 6);
    CHECK(items[2].message == "manifest: a section needs a 'source' or a 'title'");

    model::Diagnostics broken;
    manifest("title: [unclosed\n", broken);
    REQUIRE(broken.has_errors());
    CHECK(contains(broken.items().front().message, "invalid YAML"));
}

TEST_CASE("constitution: numbers prefixed by section, ids scoped, internal references follow", "[constitution]") {
    model::Diagnostics diags;
    auto c = constitution::assemble(test_manifest(), test_protocols(), diags);
    const auto& whole = c.whole;
    REQUIRE(clause(whole, "section-24-purpose"));
    CHECK(clause(whole, "section-24-purpose")->number.text == "24.1.1");
    CHECK(clause(whole, "section-24-purpose")->number.parts == std::vector<int>{24, 1, 1});
    CHECK(clause(whole, "section-23-respect")->number.text == "23.1");  // single-level: 1. -> 23.1
    CHECK(section(whole, "section-24-introduction")->number.text == "24.1");
    CHECK(section(whole, "section-24-introduction")->level == 4);  // under Part (2) and Section (3)

    // "paragraph 3.2" in the words reads "paragraph 24.3.2" and points at the prefixed id.
    const auto& breaches = clause(whole, "section-24-breaches")->blocks.front().inlines;
    std::string words;
    for (const auto& in : breaches)
        if (in.kind == model::InlineKind::reference) words += model::plain_text(in.children) + "|";
    CHECK(contains(words, "paragraph 24.3.2|"));
    bool found = false;
    for (const auto& r : whole.references)
        if (r.kind == model::ReferenceKind::internal && !r.targets.empty() &&
            r.targets[0].clause_id == "section-24-complaints")
            found = true;
    CHECK(found);
}

TEST_CASE("constitution: 'Part 3' and named documents link to their place, unknown ones are warnings",
          "[constitution]") {
    model::Diagnostics diags;
    auto c = constitution::assemble(test_manifest(), test_protocols(), diags);
    std::map<std::string, std::string> target_of;
    for (const auto& r : c.whole.references)
        if (r.kind == model::ReferenceKind::constitution && r.resolved) target_of[r.text] = r.targets.at(0).clause_id;
    CHECK(target_of["Part 3"] == "part-3");
    CHECK(target_of["Officer Employment Procedure Rules"] == "section-10");
    CHECK(section(c.whole, "part-3"));
    CHECK(section(c.whole, "section-10"));
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.items().front().message == "'Part 9' matches no Part or Section of this constitution");

    // In Word: a hyperlink to the Part's bookmark.
    model::Diagnostics render_diags;
    const auto parts = testing::unpack_docx(docx::render_docx(c.whole, {}, render_diags));
    const auto& xml = parts.at("word/document.xml");
    CHECK(contains(xml, "<w:hyperlink w:anchor=\"part_3\""));
    CHECK(contains(xml, "w:name=\"part_3\""));
    CHECK(contains(xml, "<w:hyperlink w:anchor=\"section_10\""));
}

TEST_CASE("constitution: a section's own page links other sections to their pages, its PDF and Word keep the words",
          "[constitution][section-pages]") {
    // Section 24 refers to section 23 (a source of its own), to Part 3 and to a section
    // held elsewhere (both only in the whole constitution), and to a Part 9 there is not.
    auto protocols = test_protocols();
    auto& sample = protocols[1];
    sample.references.push_back(constitution_reference("", "Code of Conduct for Councillors"));
    auto& words = testing::find_clause(sample, "purpose")->blocks.front().inlines;
    words.insert(words.end(),
                 {testing::text(" and the "), testing::reference_to(5, "Code of Conduct for Councillors")});
    model::Diagnostics diags;
    auto c = constitution::assemble(test_manifest(), protocols, diags);
    REQUIRE(c.sections.size() == 2);
    std::vector<model::Protocol> documents = {c.whole, c.sections[0], c.sections[1]};
    io::OutputSet out;
    model::Diagnostics render_diags;
    html::SiteOptions site;
    site.templates_dir = test_env::source_dir() + "/templates";
    REQUIRE(html::render_site(documents, site, out, render_diags));

    auto page = [&](const std::string& name) {
        auto doc = std::make_unique<pugi::xml_document>();
        REQUIRE(out.files().count(name));
        REQUIRE(doc->load_string(out.files().at(name).c_str()));
        return doc;
    };
    const std::string own = html::page_name(c.sections[1]);
    CHECK(own == "sample.html");
    auto doc = page(own);
    std::map<std::string, std::string> href_of;
    for (auto x : doc->select_nodes("//a[contains(@class,'ref')]")) {
        const std::string href = x.node().attribute("href").value();
        href_of[x.node().text().get()] = href;
        if (href.rfind("https:", 0) == 0) continue;  // a statute on legislation.gov.uk
        // every reference link lands on an element of this page or of another page of the site
        const auto hash = href.find('#');
        REQUIRE(hash != std::string::npos);
        const std::string target_page = hash == 0 ? own : href.substr(0, hash);
        const std::string id = href.substr(hash + 1);
        INFO(href);
        auto target = page(target_page);
        CHECK(target->select_nodes(("//*[@id='" + id + "']").c_str()).size() == 1);
    }
    CHECK(href_of["Code of Conduct for Councillors"] == html::page_name(c.sections[0]) + "#section-23");
    CHECK(href_of["Part 3 of this Constitution"] == "constitution.html#part-3");
    CHECK(href_of["Officer Employment Procedure Rules"] == "constitution.html#section-10");
    CHECK(href_of["paragraph 24.3.2"] == "#section-24-complaints");  // on the page: stays there
    CHECK(href_of.count("Part 9") == 0);
    CHECK(doc->select_nodes("//span[contains(@class,'unresolved') and .='Part 9']").size() == 1);

    // The whole constitution's page keeps its links on the page.
    auto whole = page("constitution.html");
    for (auto x : whole->select_nodes("//a[contains(@class,'ref constitution')]"))
        CHECK(std::string(x.node().attribute("href").value()).rfind('#', 0) == 0);

    // Word: a section's file has no link to a place that is not in it, and keeps the words.
    const auto xml = testing::unpack_docx(docx::render_docx(c.sections[1], {}, render_diags)).at("word/document.xml");
    CHECK(contains(xml, "Code of Conduct for Councillors"));
    CHECK_FALSE(contains(xml, "w:anchor=\"section_23"));
    CHECK_FALSE(contains(xml, "w:anchor=\"part_3"));
}

TEST_CASE("constitution: every section has its adoption record and version history", "[constitution]") {
    model::Diagnostics diags;
    auto c = constitution::assemble(test_manifest(), test_protocols(), diags);
    const auto* record = section(c.whole, "section-24");
    REQUIRE(record);
    CHECK(model::plain_text(record->heading) == "Section 24 \xE2\x80\x94 Sample Protocol on Member/Officer Relations");
    std::string text;
    for (const auto& b : record->intro) text += model::plain_text(b) + "\n";
    CHECK(contains(text, "Adoption record"));
    CHECK(contains(text, "1 May 2024"));  // dates read as everywhere else
    CHECK(contains(text, "Full Council"));
    CHECK(contains(text, "Version history"));
    CHECK(contains(text, "C19/31"));  // from the manifest's history
    CHECK(contains(text, "Bcc guidance added"));
    const auto* members = section(c.whole, "section-23");
    std::string members_text;
    for (const auto& b : members->intro) members_text += model::plain_text(b);
    CHECK(contains(members_text, "C21/44"));  // minute and supersedes from the front matter
    CHECK(contains(members_text, "2012"));
    // The site's page for a section starts with its record too.
    REQUIRE(c.sections.size() == 2);
    CHECK(c.sections[1].sections.front().id == "section-24");
    CHECK(c.sections[1].meta.title == "Section 24 \xE2\x80\x94 Sample Protocol on Member/Officer Relations");
}

TEST_CASE("protopub constitution writes one document per format and a page per section", "[constitution][cli]") {
    const fs::path out = fs::temp_directory_path() / ("protopub-constitution-" + std::to_string(::getpid()));
    // ../sample.md is outside the manifest's folder: refused unless the user allows it.
    CHECK(run("constitution " + data + "/constitution.yaml -o " + out.string() + " --format html") == 1);
    CHECK_FALSE(fs::exists(out));
    CHECK(run("constitution " + data + "/constitution.yaml -o " + out.string() +
              " --format html,docx,akn --allow-sources-outside") == 0);
    for (const char* name : {"index.html", "constitution.html", "constitution.docx", "constitution.akn.xml",
                             "sample.html", "members-code.html", "sample.docx"})
        CHECK(fs::exists(out / name));
    std::string error;
    auto docx = io::read_file((out / "constitution.docx").string(), error);
    REQUIRE(docx);
    auto paragraphs = testing::word_paragraphs(*docx, testing::View::as_written);
    bool prefixed = false;
    for (const auto& p : paragraphs) prefixed |= p.text.rfind("24.2.3\tCouncillors must have regard", 0) == 0;
    CHECK(prefixed);

    CHECK(run("constitution " + data + "/missing.yaml -o " + (out / "x").string()) == 2);
    CHECK(run("constitution " + data + "/constitution.yaml") == 2);
    CHECK_FALSE(fs::exists(out / "x"));
    fs::remove_all(out);
}

TEST_CASE("the example constitution in protocol-source assembles", "[constitution][example]") {
    const std::string example = test_env::source_dir() + "/protocol-source/constitution.yaml";
    REQUIRE(fs::exists(example));
    model::Diagnostics diags;
    std::string error;
    auto text = io::read_file(example, error);
    REQUIRE(text);
    auto m = constitution::read_manifest(*text, example, diags);
    CHECK_FALSE(diags.has_errors());
    for (const auto& source : constitution::manifest_sources(m)) {
        INFO("a source the example manifest names: " << source);
        REQUIRE(fs::exists(source));
    }
    const fs::path out = fs::temp_directory_path() / ("protopub-example-" + std::to_string(::getpid()));
    CHECK(run("constitution " + example + " -o " + out.string() + " --format html,docx,akn") == 0);
    auto docx = io::read_file((out / "constitution.docx").string(), error);
    REQUIRE(docx);
    const auto xml = testing::unpack_docx(*docx).at("word/document.xml");
    CHECK(contains(xml, "w:name=\"part_3\""));
    CHECK(contains(xml, "<w:hyperlink w:anchor=\"part_3\""));      // "Part 3 of this Constitution"
    CHECK(contains(xml, "<w:hyperlink w:anchor=\"section_14\""));  // "Officer Employment Procedure Rules"
    CHECK(contains(xml, "<w:t>20.1.1</w:t>"));                     // section 20, clause 1.1
    CHECK(contains(xml, "<w:t>24.1</w:t>"));                       // section 24 as written
    CHECK(contains(xml, "Adoption record"));
    fs::remove_all(out);
}
