// Page breaking as a reader sees the pages: no heading, lead-in ("... limited to:") or
// caption (a paragraph that introduces a list or a table) is the last thing on a page.
// Checked on the seeds' sources at several page sizes and type sizes, so that page
// breaks fall in many different places.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "model/text.hpp"
#include "pdf/generated_lists.hpp"
#include "pdf/pdf.hpp"
#include "pdf/pdf_tools.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

using Words = std::vector<std::string>;

bool ends_with_words(const Words& text, const Words& tail) {
    return tail.size() <= text.size() &&
           std::equal(tail.begin(), tail.end(), text.end() - static_cast<long>(tail.size()));
}

bool ends_in_colon(const std::string& text) {
    std::string t = model::trim(text);
    while (!t.empty() && (t.back() == '-' || t.back() == ' ')) t.pop_back();  // "governed by:-"
    return !t.empty() && t.back() == ':';
}

// What must not end a page: every heading (with its number) and every lead-in paragraph.
struct MustContinue {
    std::vector<Words> headings;
    std::vector<Words> lead_ins;
    std::set<std::string> labels;  // of items that start with a list or table: the label has a line of its own
};

void collect_lead_ins(const std::vector<model::Block>& blocks, MustContinue& out) {
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        const auto& b = blocks[k];
        if (b.kind == model::BlockKind::paragraph) {
            const bool more = k + 1 < blocks.size();
            const bool introduces =
                more && (blocks[k + 1].kind == model::BlockKind::list || blocks[k + 1].kind == model::BlockKind::table);
            const std::string text = model::trim(model::plain_text(b.inlines));
            // A title rather than a sentence ("(g) Media releases by party groups") with more after it.
            const bool title = more && !text.empty() &&
                               std::string_view(".;!?)\"").find(text.back()) == std::string_view::npos &&
                               !text.ends_with("\u201D") && !text.ends_with("\u2019");
            if (introduces || title || ends_in_colon(text)) out.lead_ins.push_back(model::split_words(text));
        }
        for (const auto& item : b.items) {
            if (item.blocks.empty() || item.blocks.front().kind != model::BlockKind::paragraph)
                out.labels.insert(item.label.empty() ? "\u2022" : item.label);
            collect_lead_ins(item.blocks, out);
        }
        if (b.kind == model::BlockKind::list && b.list_style == model::ListStyle::bullet)
            out.labels.insert({"\u2022", "\u2013", "\u25E6"});  // a bullet at any depth
        collect_lead_ins(b.children, out);
    }
}

MustContinue must_continue(const model::Protocol& p) {
    MustContinue out;
    for (const auto& s : p.sections) {
        if (!s.heading.empty())
            out.headings.push_back(model::split_words(s.number.text + " " + model::plain_text(s.heading)));
        collect_lead_ins(s.intro, out);
        for (const auto& c : s.clauses) {
            if (!c.heading.empty())
                out.headings.push_back(model::split_words(c.number.text + " " + model::plain_text(c.heading)));
            collect_lead_ins(c.blocks, out);
        }
    }
    return out;
}

// The words of the body of page `page`'s last line (the footer, drawn last, removed).
Words last_body_line(const std::string& pdf, int page, int pages) {
    const std::string text = pdf_tools::run("pdftotext -raw -f " + std::to_string(page) + " -l " +
                                            std::to_string(page) + " '" + pdf + "' -");
    const auto footer = text.rfind("Page " + std::to_string(page) + " of " + std::to_string(pages));
    std::string body = text.substr(0, footer == std::string::npos ? text.size() : footer);
    body = model::trim(body);
    const auto line = body.rfind('\n');
    return model::split_words(line == std::string::npos ? body : body.substr(line + 1));
}

// Which rule the line breaks, or "" when it is a fine last line.
std::string offence(const Words& line, const MustContinue& rules) {
    if (line.empty()) return "";
    std::string joined;
    for (const auto& w : line) joined += w + " ";
    if (ends_in_colon(joined)) return "a lead-in ending in ':'";
    if (line.size() == 1 && rules.labels.count(line.front())) return "a label without its item";
    // A heading's last line; one word alone is only taken for a whole heading, as the
    // last word of a paragraph often ends a heading too.
    for (const auto& h : rules.headings)
        if (ends_with_words(h, line) && (line.size() >= 2 || line.size() == h.size())) return "a heading";
    // A lead-in's last line: the line ends the paragraph (all of the line, or all of a
    // short paragraph after its label), two words at least so that a common ending like
    // "the council." is not mistaken for one.
    for (const auto& l : rules.lead_ins) {
        const std::size_t n = std::min(line.size(), l.size());
        if (n >= 2 && std::equal(line.end() - static_cast<long>(n), line.end(), l.end() - static_cast<long>(n)))
            return "a lead-in";
    }
    return "";
}

}  // namespace

TEST_CASE("no heading, lead-in or caption ends a page, at any page size", "[pdf][keep]") {
    const std::string dir = test_env::source_dir() + "/protocol-source";
    const std::vector<std::vector<std::pair<std::string, std::string>>> styles = {
        {}, {{"page_size", "A5"}}, {{"body_size", "11.5pt"}}, {{"page_size", "A5"}, {"body_size", "9pt"}}};
    int page_ends = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".md" || entry.path().filename() == "README.md") continue;
        model::Diagnostics diags;
        const auto p = source::read_protocol(testing::read(entry.path().string()), entry.path().string(), diags);
        REQUIRE_FALSE(diags.has_errors());
        const MustContinue rules = must_continue(p);
        for (const auto& style : styles) {
            pdf::PdfOptions options;
            options.style_values = style;
            const std::string bytes = pdf::render_pdf(p, options, diags);
            INFO(testing::formatted(diags));
            REQUIRE_FALSE(bytes.empty());
            testing::TempDir tmp;
            const std::string path = tmp.file("out.pdf");
            testing::write(path, bytes);
            const int pages = pdf_tools::page_count(path);
            for (int page = 2; page < pages; ++page) {  // page 1 ends with the contents
                const Words line = last_body_line(path, page, pages);
                std::string shown;
                for (const auto& w : line) shown += w + " ";
                INFO(entry.path().filename().string() << " page " << page << " of " << pages << ": '" << shown << "'");
                CHECK(offence(line, rules).empty());
                ++page_ends;
            }
        }
    }
    CHECK(page_ends > 80);  // enough breaks to mean something
}

TEST_CASE("no item's label ends a page without its item, in generated lists of every label", "[pdf][keep][generated]") {
    int page_ends = 0;
    for (unsigned seed = 1; seed <= 12; ++seed) {
        model::Diagnostics diags;
        const auto p =
            source::read_protocol(testing::source_with_body(pdf_tools::generated_body(seed)), "generated.md", diags);
        REQUIRE_FALSE(diags.has_errors());
        const MustContinue rules = must_continue(p);
        REQUIRE_FALSE(rules.labels.empty());
        const std::string bytes = pdf::render_pdf(p, {}, diags);
        REQUIRE_FALSE(bytes.empty());
        testing::TempDir tmp;
        const std::string path = tmp.file("out.pdf");
        testing::write(path, bytes);
        const int pages = pdf_tools::page_count(path);
        for (int page = 2; page < pages; ++page) {
            const Words line = last_body_line(path, page, pages);
            std::string shown;
            for (const auto& w : line) shown += w + " ";
            INFO("seed " << seed << " page " << page << " of " << pages << ": '" << shown << "'");
            CHECK(offence(line, rules).empty());
            ++page_ends;
        }
    }
    CHECK(page_ends > 100);
}

TEST_CASE("the page-end check recognises a heading, a lead-in and a colon", "[pdf][keep]") {
    MustContinue rules;
    rules.headings = {model::split_words("24.9 Political activity")};
    rules.lead_ins = {model::split_words("Letters on behalf of the council")};
    CHECK(offence(model::split_words("24.9 Political activity"), rules) == "a heading");
    CHECK(offence(model::split_words("Political activity"), rules) == "a heading");
    CHECK(offence(model::split_words("(b) Letters on behalf of the council"), rules) ==
          "a lead-in");  // after its label
    CHECK(offence(model::split_words("Letters on behalf of the council"), rules) == "a lead-in");
    CHECK(offence(model::split_words("access is limited to:"), rules) == "a lead-in ending in ':'");
    CHECK(offence(model::split_words("is governed by:-"), rules) == "a lead-in ending in ':'");
    CHECK(offence(model::split_words("and the work goes on."), rules) == "");
    CHECK(offence(model::split_words("activity"), rules) == "");  // a paragraph's last word alone
    rules.labels = {"(iv)", "\u2013"};
    CHECK(offence(model::split_words("(iv)"), rules) == "a label without its item");
    CHECK(offence(model::split_words("\u2013"), rules) == "a label without its item");
    CHECK(offence(model::split_words("(v)"), rules) == "");
}
