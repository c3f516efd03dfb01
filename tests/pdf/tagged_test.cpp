// Tagged PDF (PDF/UA-1 in intent), checked on the written file by an independent reader
// (tests/pdf/tagged_pdf.hpp over qpdf's uncompressed rewrite) and by poppler.
#include <catch2/catch.hpp>

#include <filesystem>

#include "pdf/pdf.hpp"
#include "pdf/tagged_pdf.hpp"
#include "refs/refs.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

using testing::parse_source;

struct Written {
    testing::TempDir dir;
    std::string path;
    explicit Written(const model::Protocol& p, pdf::PdfOptions options = {}) : path(dir.file("out.pdf")) {
        model::Diagnostics diags;
        const std::string bytes = pdf::render_pdf(p, options, diags);
        INFO(testing::formatted(diags));
        REQUIRE_FALSE(bytes.empty());
        testing::write(path, bytes);
    }
    std::string raw_text() const { return pdf_tools::run("pdftotext -raw '" + path + "' -"); }
};

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += s + "\n";
    return out;
}

// Everything the issue asks of a tagged PDF, for one file.
void check_tagged(const std::string& path, const std::string& lang = "en-GB") {
    const auto r = tagged_pdf::check(path);
    INFO(joined(r.problems));
    CHECK(r.problems.empty());
    CHECK(r.marked);
    CHECK(r.display_doc_title);
    CHECK(r.lang == lang);
    CHECK(r.text_operators > 0);
    CHECK(r.in_elements + r.in_artifacts == r.text_operators);
    CHECK(r.in_artifacts > 0);  // running heads, page numbers
    REQUIRE_FALSE(r.roles.empty());
    CHECK(r.roles.front() == "Document");
    // Nothing empty but a table cell the source left empty.
    for (const auto& role : r.empty) CHECK((role == "TD" || role == "TH"));
    // Reading order is drawing order: the tree meets marked content page by page, in
    // the order it is drawn (and pdftotext -raw shows that order is the source's).
    bool ordered = true;
    for (std::size_t i = 1; i < r.reading.size(); ++i) {
        const auto& a = r.reading[i - 1];
        const auto& b = r.reading[i];
        ordered = ordered && (a.page < b.page || (a.page == b.page && a.mcid < b.mcid));
    }
    CHECK(ordered);
    const std::string info = pdf_tools::run("pdfinfo '" + path + "'");
    CHECK(info.find("Tagged:          yes") != std::string::npos);
    const std::string fonts = pdf_tools::run("pdffonts '" + path + "'");
    CHECK(pdf_tools::count(fonts, "yes yes yes") == pdf_tools::count(fonts, "CID TrueType"));  // emb sub uni
}

int count_role(const tagged_pdf::Report& r, const std::string& role) {
    return static_cast<int>(std::count(r.roles.begin(), r.roles.end(), role));
}

}  // namespace

TEST_CASE("the sample is tagged: every text operator is marked, links are Link elements with OBJR", "[pdf][tagged]") {
    auto p = parse_source(testing::read(test_env::source_dir() + "/tests/data/sample.md"), "tests/data/sample.md");
    model::Diagnostics diags;
    refs::resolve_references(p, diags);
    const Written f(p);
    check_tagged(f.path);
    auto r = tagged_pdf::check(f.path);
    for (const char* role :
         {"H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Link", "TOC", "TOCI"}) {
        INFO(role);
        CHECK(count_role(r, role) > 0);
    }
    CHECK(r.th_scopes["Column"] > 0);  // a table's header row
    CHECK(r.th_scopes["Row"] > 0);     // the title block's labels
    CHECK(r.th_scopes[""] == 0);
    CHECK(r.links >= count_role(r, "TOCI"));  // every contents entry is a link, and so are references
    // poppler reads the same tree: headings and the contents are where they belong.
    const std::string tree = pdf_tools::run("pdfinfo -struct '" + f.path + "'");
    CHECK(tree.find("Document") != std::string::npos);
    CHECK(tree.find("TOCI") != std::string::npos);
    CHECK(tree.find("Object ") != std::string::npos);  // the OBJR of a link
}

TEST_CASE("every protocol source gives a tagged PDF whose text is the source's words in order",
          "[pdf][tagged][sources]") {
    const std::string dir = test_env::source_dir() + "/protocol-source";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".md" || entry.path().filename() == "README.md") continue;
        INFO(entry.path().string());
        auto p = parse_source(testing::read(entry.path().string()), entry.path().string());
        model::Diagnostics diags;
        refs::resolve_references(p, diags);
        const Written f(p);
        check_tagged(f.path);
        // Fonts are subsets and the tree is packed: even the 9-page seeds stay under 80 KB.
        CHECK(std::filesystem::file_size(f.path) < 80 * 1024);
        // A compound split at its own hyphen at a line end is copied whole.
        const std::string text = f.raw_text();
        for (const char* joined_wrongly : {"SubCommittee", "cooperat", "MemberOfficer"})
            CHECK(text.find(joined_wrongly) == std::string::npos);
        ++checked;
    }
    CHECK(checked >= 5);
}

TEST_CASE("the language comes from the source, en-GB when it says none", "[pdf][tagged]") {
    auto source = testing::source_with_body("## 1. Cyflwyniad\n\n1.1 Mae'r protocol hwn yn berthnasol i bob aelod.\n");
    source.insert(source.find("---", 3), "lang: cy\n");
    const Written welsh(parse_source(source));
    check_tagged(welsh.path, "cy");
    const Written plain(parse_source(testing::source_with_body("## 1. Intro\n\n1.1 Words.\n")));
    check_tagged(plain.path, "en-GB");
}

TEST_CASE("words broken at a line end copy as written: added hyphens vanish, a compound's own stays",
          "[pdf][tagged][hyphenation]") {
    // Compounds and long words at every offset along a narrow measure, so that line ends
    // fall inside them: at their own hyphens and at hyphenation points.
    std::string body = "## 1. Committees\n\n";
    const std::vector<std::string> words = {"Sub-Committees", "co-operate",      "Member/Officer", "responsibilities",
                                            "non-statutory",  "confidentiality", "decision-making"};
    std::vector<std::string> expected;
    for (int n = 1; n <= 12; ++n) {
        body += "1." + std::to_string(n) + " ";
        for (int k = 0; k < n; ++k) body += "the ";
        for (const auto& w : words) {
            body += w + " and ";
            expected.push_back(w);
        }
        body += "so on.\n\n";
    }
    pdf::PdfOptions options;
    options.style_values = {{"page_size", "A5"}, {"align", "justified"}};
    const Written f(parse_source(testing::source_with_body(body)), options);
    check_tagged(f.path);
    const std::string text = f.raw_text();
    // Some words really were broken (else the test proves nothing) ...
    const std::string content = pdf_tools::run("qpdf --qdf --object-streams=disable '" + f.path + "' -");
    CHECK(pdf_tools::count(content, "/ActualText") >= 10);
    // ... and every one copies whole, in order.
    const auto got = model::split_words(text);
    std::size_t at = 0;
    for (const auto& w : expected) {
        const auto it = std::find(got.begin() + static_cast<long>(at), got.end(), w);
        INFO(w << " after word " << at);
        REQUIRE(it != got.end());
        at = static_cast<std::size_t>(it - got.begin()) + 1;
    }
    for (const char* wrong : {"SubCommittees", "cooperate", "nonstatutory", "decisionmaking", "respon-", "confiden-"})
        CHECK(text.find(wrong) == std::string::npos);
}

TEST_CASE("the tag checker finds untagged text, an EMC too many and a link without an element", "[pdf][tagged]") {
    // A hand-written one-page PDF: text outside marked content, a stray EMC, a link
    // annotation no Link element holds.
    const std::string content = "BT /F1 12 Tf 72 720 Td (Hello) Tj ET EMC";
    std::string pdf = "%PDF-1.7\n";
    pdf += "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R /Lang (en-GB) >>\nendobj\n";
    pdf += "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n";
    pdf +=
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /StructParents 0 /Annots [7 0 "
        "R] >>\nendobj\n";
    pdf +=
        "4 0 obj\n<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream\nendobj\n";
    pdf += "5 0 obj\n<< /Type /StructTreeRoot /K [6 0 R] /ParentTree << /Nums [0 []] >> >>\nendobj\n";
    pdf += "6 0 obj\n<< /S /Document /P 5 0 R >>\nendobj\n";
    pdf += "7 0 obj\n<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] >>\nendobj\n";
    pdf += "trailer\n<< /Root 1 0 R /Size 8 >>\n%%EOF\n";
    testing::TempDir dir;
    testing::write(dir.file("bad.pdf"), pdf);
    const auto r = tagged_pdf::check(dir.file("bad.pdf"));
    const std::string problems = joined(r.problems);
    INFO(problems);
    CHECK(problems.find("text shown outside marked content") != std::string::npos);
    CHECK(problems.find("EMC without") != std::string::npos);
    CHECK(problems.find("a link annotation with no Link element") != std::string::npos);
    CHECK_FALSE(r.marked);
}

TEST_CASE("a constitution's PDF: bookmarks nest Part, Section, headings, each Section starts a page",
          "[pdf][tagged][constitution]") {
    testing::TempDir dir;
    const auto r =
        testing::run_cli({"constitution", test_env::source_dir() + "/tests/data/constitution/constitution.yaml", "-o",
                          dir.file("out"), "--format", "pdf", "--quiet", "--allow-sources-outside"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string pdf = dir.file("out/constitution.pdf");
    check_tagged(pdf);
    const auto entries = tagged_pdf::bookmarks(pdf);
    REQUIRE(entries.size() >= 5);
    // Each Part holds its Sections, each Section with a source holds that source's headings.
    std::string shape;
    for (const auto& e : entries) shape += std::string(e.depth * 2, ' ') + e.title + "\n";
    INFO(shape);
    int sections_with_headings = 0;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const auto& e = entries[k];
        if (e.title.rfind("Part ", 0) == 0) CHECK(e.depth == 0);
        if (e.title.rfind("Section ", 0) == 0) {
            CHECK(e.depth == 1);
            sections_with_headings += k + 1 < entries.size() && entries[k + 1].depth == 2;
        }
        CHECK(e.depth <= 3);
    }
    CHECK(sections_with_headings >= 2);
    // No bookmark takes the document's title for an untitled heading.
    for (const auto& e : entries) CHECK(e.title != "Constitution of Sample District Council");
    // Each Section starts a page: no two Sections share one, and on its page the Section
    // heading is the first body line (after the running head), or follows its Part's.
    int previous_page = 0;
    for (const auto& e : entries) {
        if (e.title.rfind("Section ", 0) != 0) continue;
        INFO(e.title << " on page " << e.page);
        CHECK(e.page > previous_page);
        previous_page = e.page;
        const std::string text = pdf_tools::run("pdftotext -raw -f " + std::to_string(e.page) + " -l " +
                                                std::to_string(e.page) + " '" + pdf + "' -");
        const std::size_t first_line_end = text.find('\n');
        const std::string body = text.substr(first_line_end + 1);  // after the running head
        CHECK((body.rfind("Section", 0) == 0 || body.rfind("Part", 0) == 0));
    }
    CHECK(previous_page > 0);
}
