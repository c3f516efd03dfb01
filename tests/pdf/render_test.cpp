// The PDF as a reader and a PDF tool see it: valid, fonts embedded, every word there in
// order, bookmarks, live links, tables across pages, redlines, byte-identical reruns.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "pdf/pdf.hpp"
#include "pdf/pdf_tools.hpp"
#include "pdf/style.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

using testing::parse_source;

model::Protocol sample() {
    return parse_source(testing::read(test_env::source_dir() + "/tests/data/sample.md"), "tests/data/sample.md");
}

model::Clause& clause(model::Protocol& p, const std::string& id) {
    for (auto& s : p.sections)
        for (auto& c : s.clauses)
            if (c.id == id) return c;
    FAIL("no clause " << id);
    throw;
}

// The paragraph of the clause (or of its sub-items) whose words hold `phrase`.
model::Inlines* find_phrase(std::vector<model::Block>& blocks, const std::string& phrase) {
    for (auto& b : blocks) {
        for (auto& in : b.inlines)
            if (in.kind == model::InlineKind::text && in.text.find(phrase) != std::string::npos) return &b.inlines;
        for (auto& item : b.items)
            if (auto* found = find_phrase(item.blocks, phrase)) return found;
    }
    return nullptr;
}

// Turns `phrase` inside a clause into a reference inline, as the resolver does.
void make_reference(model::Protocol& p, const std::string& clause_id, const std::string& phrase, model::Reference ref) {
    auto* found = find_phrase(clause(p, clause_id).blocks, phrase);
    REQUIRE(found);
    auto& inlines = *found;
    for (std::size_t i = 0; i < inlines.size(); ++i) {
        const auto at = inlines[i].text.find(phrase);
        if (inlines[i].kind != model::InlineKind::text || at == std::string::npos) continue;
        const std::string text = inlines[i].text;
        model::Inline before{model::InlineKind::text, text.substr(0, at)};
        model::Inline after{model::InlineKind::text, text.substr(at + phrase.size())};
        model::Inline reference{model::InlineKind::reference};
        reference.children = {model::Inline{model::InlineKind::text, phrase}};
        reference.reference = static_cast<int>(p.references.size());
        ref.text = phrase;
        p.references.push_back(ref);
        inlines[i] = before;
        inlines.insert(inlines.begin() + i + 1, {reference, after});
        return;
    }
    FAIL("phrase not found: " << phrase);
}

model::Reference internal(const std::string& number, const std::string& target) {
    model::Reference r;
    r.kind = model::ReferenceKind::internal;
    r.targets = {{number, target}};
    r.resolved = !target.empty();
    return r;
}

std::string render(const model::Protocol& p, pdf::PdfOptions options = {}) {
    model::Diagnostics diags;
    std::string bytes = pdf::render_pdf(p, options, diags);
    INFO(testing::formatted(diags));
    CHECK_FALSE(diags.has_errors());
    REQUIRE_FALSE(bytes.empty());
    return bytes;
}

// A rendered PDF on disk, for the command-line tools.
struct PdfFile {
    testing::TempDir dir;
    std::string path;
    explicit PdfFile(const std::string& bytes) : path(dir.file("out.pdf")) { testing::write(path, bytes); }
    std::string text(int first = 0, int last = 0) const {
        std::string range = first ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : "";
        // -raw: words in the order they are drawn, which is reading order here.
        return pdf_tools::run("pdftotext -raw" + range + " '" + path + "' -");
    }
    // One field of pdfinfo ("Title", "Pages"), without the padding.
    std::string info(const std::string& field) const {
        const std::string all = "\n" + pdf_tools::run("pdfinfo '" + path + "'");
        const auto at = all.find("\n" + field + ":");
        if (at == std::string::npos) return "";
        const auto end = all.find('\n', at + 1);
        return model::trim(all.substr(at + field.size() + 2, end - at - field.size() - 2));
    }
    int pages() const { return std::stoi("0" + info("Pages")); }
    std::string uncompressed() const { return pdf_tools::run("qpdf --qdf --object-streams=disable '" + path + "' -"); }
};

void check_valid(const PdfFile& f) {
    CHECK(pdf_tools::run("qpdf --check '" + f.path + "'").find("No syntax or stream encoding errors") !=
          std::string::npos);
    const std::string fonts = pdf_tools::run("pdffonts '" + f.path + "'");
    int listed = 0;
    std::size_t line_start = fonts.find('\n', fonts.find("-----")) + 1;
    for (std::size_t end; (end = fonts.find('\n', line_start)) != std::string::npos; line_start = end + 1) {
        const std::string line = fonts.substr(line_start, end - line_start);
        INFO(line);
        // Embedded subsets with a ToUnicode map: "emb sub uni" all yes. One byte a glyph
        // (a Custom CMap) when a face draws at most 256 glyphs, two (Identity-H) beyond.
        CHECK(line.find("CID TrueType") != std::string::npos);
        CHECK((line.find(" Custom ") != std::string::npos || line.find(" Identity-H ") != std::string::npos));
        CHECK(line.find("yes yes yes") != std::string::npos);
        ++listed;
    }
    CHECK(listed >= 3);
}

void check_words(const model::Protocol& p, const PdfFile& f) {
    const auto want = pdf_tools::source_words(p);
    const auto got = model::split_words(f.text());
    const std::size_t found = pdf_tools::words_in_order(want, got);
    INFO("first missing word: " << (found < want.size() ? want[found] : "") << " (word " << found << " of "
                                << want.size() << ")");
    CHECK(found == want.size());
}

// Ids a link can lead to: sections, clauses and labelled sub-items.
void collect_ids(const std::vector<model::Block>& blocks, std::set<std::string>& ids) {
    for (const auto& b : blocks) {
        for (const auto& item : b.items) {
            if (!item.id.empty()) ids.insert(item.id);
            collect_ids(item.blocks, ids);
        }
        collect_ids(b.children, ids);
    }
}

struct LinkCount {
    int internal = 0, web = 0;
};

void count_links(const model::Protocol& p, const std::set<std::string>& ids, const model::Inlines& inlines,
                 LinkCount& n) {
    for (const auto& in : inlines) {
        if (in.kind == model::InlineKind::link) ++n.web;
        if (in.kind == model::InlineKind::reference && in.reference >= 0) {
            const auto& ref = p.references[in.reference];
            if (ref.kind == model::ReferenceKind::statute)
                n.web += !ref.url.empty();
            else
                n.internal += !ref.targets.empty() && ids.count(ref.targets[0].clause_id);
        }
        count_links(p, ids, in.children, n);
    }
}

void count_links(const model::Protocol& p, const std::set<std::string>& ids, const std::vector<model::Block>& blocks,
                 LinkCount& n) {
    for (const auto& b : blocks) {
        count_links(p, ids, b.inlines, n);
        for (const auto& row : b.rows)
            for (const auto& cell : row.cells) count_links(p, ids, cell.inlines, n);
        for (const auto& item : b.items) count_links(p, ids, item.blocks, n);
        count_links(p, ids, b.children, n);
    }
}

// The links a reader should be able to click: resolved references and web links.
LinkCount expected_links(const model::Protocol& p) {
    std::set<std::string> ids;
    for (const auto& s : p.sections) {
        ids.insert(s.id);
        collect_ids(s.intro, ids);
        for (const auto& c : s.clauses) {
            ids.insert(c.id);
            collect_ids(c.blocks, ids);
        }
    }
    LinkCount n;
    for (const auto& s : p.sections) {
        count_links(p, ids, s.intro, n);
        for (const auto& c : s.clauses) {
            count_links(p, ids, c.heading, n);
            count_links(p, ids, c.blocks, n);
        }
    }
    return n;
}

}  // namespace

TEST_CASE("the sample renders to a valid A4 PDF with only embedded fonts", "[pdf]") {
    const auto p = sample();
    const PdfFile f(render(p));
    check_valid(f);
    CHECK(f.info("Page size") == "595.276 x 841.89 pts (A4)");
    CHECK(f.info("Title") == "Sample Protocol on Member/Officer Relations");
    CHECK(f.info("Author") == "Sample District Council");
    CHECK(f.info("Subject") == "Part 5, Section 24 of the Constitution of Sample District Council");
    CHECK(f.info("Keywords") == "protocol, constitution, Sample District Council, version 2024, adopted");
    CHECK(f.pages() == 2);
}

TEST_CASE("every word of the source is in the PDF, in order", "[pdf]") {
    const auto p = sample();
    const PdfFile f(render(p));
    check_words(p, f);
    // And the test can fail: a word that is not there is found missing.
    auto words = pdf_tools::source_words(p);
    words.insert(words.begin() + 5, "Zanzibar");
    CHECK(pdf_tools::words_in_order(words, model::split_words(f.text())) == 5);
}

TEST_CASE("title block, contents with page numbers, running heads and Page X of Y", "[pdf]") {
    const PdfFile f(render(sample()));
    const std::string first = f.text(1, 1);
    CHECK(first.find("Sample District Council") != std::string::npos);
    CHECK(first.find("1 May 2024") != std::string::npos);
    CHECK(first.find("Part 5, Section 24") != std::string::npos);
    CHECK(first.find("Contents") != std::string::npos);
    CHECK(first.find("Page 1 of 2") != std::string::npos);
    CHECK(first.find(". . . . .") != std::string::npos);
    const std::string second = f.text(2, 2);
    CHECK(second.find("Sample Protocol on Member/Officer Relations") == 0);  // the running head
    CHECK(second.find("Page 2 of 2") != std::string::npos);
    CHECK(second.find("1.1") != std::string::npos);
}

TEST_CASE("one bookmark per section, and contents entries are links", "[pdf]") {
    const auto p = sample();
    const PdfFile f(render(p));
    const std::string outlines = pdf_tools::run("qpdf --json --json-key=outlines '" + f.path + "'");
    CHECK(pdf_tools::count(outlines, "\"title\":") == static_cast<int>(p.sections.size()));
    CHECK(outlines.find("\"title\": \"1. Introduction\"") != std::string::npos);
    CHECK(outlines.find("\"title\": \"3. When things go wrong\"") != std::string::npos);
    CHECK(pdf_tools::count(f.uncompressed(), "/Subtype /Link") == 3);  // the three contents entries
}

TEST_CASE("every resolved reference is a live link, statutes link to the web", "[pdf]") {
    auto p = sample();
    make_reference(p, "breaches", "paragraph 3.2", internal("3.2", "complaints"));
    make_reference(p, "officers-concerns", "their manager", internal("9.9", ""));  // unresolved: no link
    model::Reference statute;
    statute.kind = model::ReferenceKind::statute;
    statute.url = "https://www.legislation.gov.uk/ukpga/1988/41/section/114";
    statute.resolved = true;
    make_reference(p, "statutory-officers", "section 114 of the Local Government Finance Act 1988", statute);
    pdf::PdfOptions options;
    options.style_values = {{"contents", "no"}};
    const PdfFile f(render(p, options));
    const std::string raw = f.uncompressed();
    CHECK(pdf_tools::count(raw, "/Subtype /Link") == 2);
    CHECK(pdf_tools::count(raw, "/URI (https://www.legislation.gov.uk/ukpga/1988/41/section/114)") == 1);
    check_words(p, f);
}

TEST_CASE("the same source gives the same bytes, the date comes from the source", "[pdf][determinism]") {
    const auto p = sample();
    const std::string a = render(p), b = render(p);
    CHECK(a == b);
    const PdfFile f(a);
    CHECK(f.info("CreationDate") == "Wed May  1 00:00:00 2024 UTC");
    pdf::PdfOptions later;
    later.epoch = 1767225600;  // 2026-01-01
    const PdfFile g(render(p, later));
    CHECK(g.info("CreationDate") == "Thu Jan  1 00:00:00 2026 UTC");
}

TEST_CASE("curly quotes, dashes, the pound sign and accents print as themselves", "[pdf][unicode]") {
    const auto p = parse_source(testing::source_with_body(
        "## 1. Money {#money}\n\n1.1 {#gifts} Gifts worth over \u00A350 \u2014 \u201Cany gift\u201D \u2013 are "
        "registered with Ren\u00E9e Cl\u00E9ment\u2019s team.\n"));
    model::Diagnostics diags;
    const std::string bytes = pdf::render_pdf(p, {}, diags);
    CHECK(diags.empty());  // no "not in the font" warnings
    const PdfFile f(bytes);
    CHECK(f.text().find("Gifts worth over \u00A350 \u2014 \u201Cany gift\u201D \u2013 are registered with "
                        "Ren\u00E9e Cl\u00E9ment\u2019s team.") != std::string::npos);
}

TEST_CASE("a character no font has is reported, once", "[pdf][unicode]") {
    const auto p =
        parse_source(testing::source_with_body("## 1. A {#a}\n\n1.1 {#b} Smile \U0001F600 and \U0001F600 again.\n"));
    model::Diagnostics diags;
    CHECK_FALSE(pdf::render_pdf(p, {}, diags).empty());
    CHECK(diags.warning_count() == 1);
    CHECK(testing::formatted(diags).find("U+1F600 is not in the font") != std::string::npos);
}

TEST_CASE("a table longer than a page runs on with its header row repeated", "[pdf][table]") {
    std::string body = "## 1. Contacts {#contacts}\n\n1.1 {#who} Whom to tell:\n\n| Who | Whom to tell |\n|---|---|\n";
    for (int i = 1; i <= 70; ++i)
        body += "| Officer number " + std::to_string(i) +
                " | The Monitoring Officer, or the Deputy Monitoring "
                "Officer when the Monitoring Officer is absent |\n";
    const auto p = parse_source(testing::source_with_body(body));
    pdf::PdfOptions unhyphenated;  // so that every row's "Deputy" can be counted
    unhyphenated.style_values = {{"hyphenate", "no"}};
    const PdfFile f(render(p, unhyphenated));
    check_valid(f);
    check_words(p, f);
    REQUIRE(f.pages() >= 4);  // title page, then at least three pages of table
    int rows = 0;
    for (int page = 2; page <= f.pages(); ++page) {
        const std::string text = f.text(page, page);
        INFO("page " << page);
        CHECK(text.find("Who") != std::string::npos);
        CHECK(text.find("Whom to tell") != std::string::npos);
        rows += pdf_tools::count(text, "Deputy");
    }
    CHECK(rows == 70);
}

TEST_CASE("a redline shows insertions, deletions, renumbering and change bars", "[pdf][redline]") {
    auto p = sample();
    // Amended: a word replaced inside clause 1.1.
    auto& purpose = clause(p, "purpose");
    purpose.change.kind = model::ChangeKind::amended;
    auto& words = purpose.blocks.at(0).inlines;
    model::Inline del{model::InlineKind::deleted};
    del.children = {model::Inline{model::InlineKind::text, "guide"}};
    model::Inline ins{model::InlineKind::inserted};
    ins.children = {model::Inline{model::InlineKind::text, "help and direct"}};
    words.insert(words.begin() + 1, {del, ins});
    // Renumbered: 1.2 was 1.3.
    auto& breaches = clause(p, "breaches");
    breaches.change.kind = model::ChangeKind::renumbered;
    breaches.change.old_number = "1.3";
    clause(p, "roles-summary").change.kind = model::ChangeKind::inserted;
    clause(p, "complaints").change.kind = model::ChangeKind::deleted;
    clause(p, "chairs-impartiality").change.kind = model::ChangeKind::moved;  // moved here: in purple

    const PdfFile plain(render(sample()));
    const PdfFile f(render(p));
    check_valid(f);
    const std::string text = f.text();
    CHECK(text.find("1.3 1.2") != std::string::npos);  // old number struck, then the new
    CHECK(text.find("help and direct") != std::string::npos);

    const auto redline = pdf_tools::page_pixels(f.path, 2, 72);
    const auto original = pdf_tools::page_pixels(plain.path, 2, 72);
    REQUIRE(redline.width > 0);
    // Inserted words in green, deleted in red; none of either in the plain render.
    CHECK(redline.count(0, redline.width, 0x00, 0x6b, 0x2e) > 50);
    CHECK(redline.count(0, redline.width, 0xb3, 0x26, 0x1f) > 50);
    CHECK(original.count(0, original.width, 0x00, 0x6b, 0x2e) == 0);
    CHECK(original.count(0, original.width, 0xb3, 0x26, 0x1f) == 0);
    CHECK(redline.count(0, redline.width, 0x5c, 0x3b, 0x99) > 50);
    CHECK(original.count(0, original.width, 0x5c, 0x3b, 0x99) == 0);
    // Change bars: red in the left margin, just left of the text block (25 mm = 71 px).
    CHECK(redline.count(55, 68, 0xb3, 0x26, 0x1f) > 40);
    CHECK(original.count(55, 68, 0xb3, 0x26, 0x1f) == 0);
}

TEST_CASE("the style template documents exactly the built-in defaults", "[pdf][style]") {
    const std::string path = test_env::source_dir() + "/templates/pdf/style.yaml";
    pdf::PdfStyle from_file;
    from_file.body_size = 99;
    from_file.justify = false;
    from_file.text_colour = {};
    from_file.page.width = 1;
    model::Diagnostics diags;
    pdf::apply_style_text(testing::read(path), path, from_file, diags);
    CHECK(testing::formatted(diags) == "");
    const pdf::PdfStyle builtin;
    CHECK(from_file.page.width == Approx(builtin.page.width));
    CHECK(from_file.page.left == Approx(builtin.page.left));
    CHECK(from_file.body_size == builtin.body_size);
    CHECK(from_file.justify == builtin.justify);
    CHECK(from_file.text_colour == builtin.text_colour);
    CHECK(from_file.change_bar_colour == builtin.change_bar_colour);
    CHECK(from_file.number_width == Approx(builtin.number_width));
    CHECK(from_file.fonts.body == builtin.fonts.body);
}

TEST_CASE("a bad style file is reported at its line and nothing is rendered", "[pdf][style]") {
    testing::TempDir dir;
    const std::string path = dir.file("house.yaml");
    testing::write(path,
                   "# our style\nbody_size: 11pt\nbody_colour: \"#000000\"\nmargin_top: wide\nalign: justified\n");
    pdf::PdfOptions options;
    options.style_file = path;
    model::Diagnostics diags;
    CHECK(pdf::render_pdf(sample(), options, diags).empty());
    const std::string text = testing::formatted(diags);
    CHECK(text.find(path + ":3:1: error: unknown style key 'body_colour'") != std::string::npos);
    CHECK(text.find(path + ":4:1: error: 'margin_top' must be a length (25mm, 72pt), not 'wide'") != std::string::npos);
    CHECK(diags.error_count() == 2);
}

TEST_CASE("a house style changes the page: A5, ragged, another font", "[pdf][style]") {
    pdf::PdfOptions options;
    options.style_values = {
        {"page_size", "A5"}, {"align", "ragged"}, {"body_font", "DejaVu Serif"}, {"hyphenate", "no"}};
    const PdfFile f(render(sample(), options));
    CHECK(f.info("Page size").rfind("419.528 x 595.276 pts", 0) == 0);
    CHECK(pdf_tools::run("pdffonts '" + f.path + "'").find("DejaVuSerif") != std::string::npos);
    check_words(sample(), f);
}

TEST_CASE("every protocol source renders, with its bookmarks and live references", "[pdf][sources]") {
    const std::string dir = test_env::source_dir() + "/protocol-source";
    int rendered = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".md" || entry.path().filename() == "README.md") continue;
        INFO(entry.path().string());
        auto p = parse_source(testing::read(entry.path().string()), entry.path().string());
        model::Diagnostics diags;
        refs::resolve_references(p, diags);
        pdf::PdfOptions options;
        options.style_values = {{"contents", "no"}};  // so that every link is a reference
        const PdfFile f(render(p, options));
        check_valid(f);
        check_words(p, f);
        const std::string outlines = pdf_tools::run("qpdf --json --json-key=outlines '" + f.path + "'");
        // one bookmark per section, and one for the defined terms where there are any
        CHECK(pdf_tools::count(outlines, "\"title\":") ==
              static_cast<int>(p.sections.size() + (p.terms.empty() ? 0 : 1)));
        // A reference broken over two lines is two link areas.
        const auto want = expected_links(p);
        const std::string raw = f.uncompressed();
        const int links = pdf_tools::count(raw, "/Subtype /Link"), web = pdf_tools::count(raw, "/URI (");
        CHECK(links - web >= want.internal);
        CHECK(links - web <= 2 * want.internal);
        CHECK(web >= want.web);
        CHECK(web <= 2 * want.web);
        ++rendered;
    }
    CHECK(rendered >= 5);
}

TEST_CASE("build --format html,pdf writes both, a broken style writes nothing", "[pdf][cli]") {
    testing::TempDir dir;
    const std::string sample_path = test_env::source_dir() + "/tests/data/sample.md";
    auto r = testing::run_cli({"build", sample_path, "--format", "html,pdf", "-o", dir.file("site"), "--quiet"});
    CHECK(r.exit_code == 0);
    CHECK(std::filesystem::exists(dir.file("site/sample.pdf")));
    CHECK(std::filesystem::exists(dir.file("site/sample.html")));
    testing::write(dir.file("bad.yaml"), "page_size: B7\n");
    r = testing::run_cli(
        {"build", sample_path, "--format", "pdf", "--pdf-style", dir.file("bad.yaml"), "-o", dir.file("out")});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.yaml:1:1: error: 'page_size' must be") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("out")));
}

TEST_CASE("a PDF style is YAML: quotes, comments and flow style read as YAML reads them", "[pdf][style]") {
    const pdf::PdfStyle builtin;
    struct Case {
        const char* text;
        double body_size;
    };
    // Most of these was refused by the line reader before yaml-cpp read style files.
    for (const Case& c : {Case{"\"body_size\": 12pt\n", 12}, Case{"body_size: 12pt\t# tab before the comment\n", 12},
                          Case{"{body_size: 12pt, hyphenate: no}\n", 12}, Case{"body_size: '12pt'  # quoted\n", 12},
                          Case{"# only a comment\n", builtin.body_size}, Case{"", builtin.body_size},
                          Case{"---\nbody_size: >-\n  12pt\n", 12}}) {
        INFO(c.text);
        pdf::PdfStyle style;
        model::Diagnostics diags;
        pdf::apply_style_text(c.text, "s.yaml", style, diags);
        CHECK(testing::formatted(diags) == "");
        CHECK(style.body_size == c.body_size);
    }
    struct Bad {
        const char* text;
        const char* error;
    };
    for (const Bad& b : {Bad{"text_colour: #1a1a1a\n", "s.yaml:1:1: error: 'text_colour' has no value"},
                         Bad{"body_size: [1, 2]\n", "s.yaml:1:12: error: 'body_size' must be a single value"},
                         Bad{"a: b\n  c: d\n", "s.yaml:2:4: error: invalid YAML"},
                         Bad{"- body_size\n", "s.yaml:1:1: error: expected 'key: value' lines"},
                         Bad{"\nbody_sise: 12pt\n", "s.yaml:2:1: error: unknown style key 'body_sise'"}}) {
        INFO(b.text);
        pdf::PdfStyle style;
        model::Diagnostics diags;
        pdf::apply_style_text(b.text, "s.yaml", style, diags);
        CHECK(testing::formatted(diags).rfind(b.error, 0) == 0);
    }
}

// Found by fuzz_render (issue 13's CI run): a heading of no words after list items of no
// words; the heading's paragraph gave no line, and the section's first box was read from
// an empty list.
TEST_CASE("a heading of no words renders, its bookmark and contents entry still leading there", "[pdf]") {
    const std::string text = testing::read(test_env::source_dir() +
                                           "/tests/fuzz/regressions/fuzz_render/empty-heading-after-empty-items.md");
    model::Diagnostics diags;
    const model::Protocol p = protopub::source::read_protocol(text, "fuzz.md", diags);
    pdf::PdfOptions options;
    options.epoch = 0;
    check_valid(PdfFile(pdf::render_pdf(p, options, diags)));
}
