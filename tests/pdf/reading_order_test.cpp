// Reading order as poppler's pdftotext reads it in its default (layout-analysing) mode,
// which is what a reader copying from a viewer gets: every hanging label (a clause
// number, "(viii)", a bullet) comes with its own text, never ahead of the text above it.
// pdftotext groups words into blocks by the gaps between them; a label far from its text
// becomes a narrow column of its own, which it reads before the text beside it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "pdf/generated_lists.hpp"
#include "pdf/pdf.hpp"
#include "pdf/pdf_tools.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

model::Protocol parse(const std::string& text, const std::string& path) {
    model::Diagnostics diags;
    auto p = source::read_protocol(text, path, diags);
    INFO(testing::formatted(diags));
    REQUIRE_FALSE(diags.has_errors());
    return p;
}

// The words of pdftotext's default mode, page furniture and all.
std::vector<std::string> layout_words(const model::Protocol& p) {
    model::Diagnostics diags;
    const std::string bytes = pdf::render_pdf(p, {}, diags);
    REQUIRE_FALSE(bytes.empty());
    testing::TempDir dir;
    const std::string path = dir.file("out.pdf");
    testing::write(path, bytes);
    return model::split_words(pdf_tools::run("pdftotext '" + path + "' -"));
}

void check_layout_order(const model::Protocol& p) {
    const auto want = pdf_tools::source_words(p);
    const auto found = pdf_tools::words_in_order(want, layout_words(p));
    INFO("first word out of order: " << (found < want.size() ? want[found] : "") << " (word " << found << " of "
                                     << want.size() << ", after '" << (found > 0 ? want[found - 1] : "") << "')");
    CHECK(found == want.size());
}

}  // namespace

TEST_CASE("pdftotext's default mode reads every seed's PDF in the source's order", "[pdf][reading-order][sources]") {
    const std::string dir = test_env::source_dir() + "/protocol-source";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".md" || entry.path().filename() == "README.md") continue;
        INFO(entry.path().string());
        auto p = parse(testing::read(entry.path().string()), entry.path().string());
        model::Diagnostics diags;
        refs::resolve_references(p, diags);
        check_layout_order(p);
        ++checked;
    }
    CHECK(checked >= 5);
}

TEST_CASE("pdftotext's default mode reads long-numbered clauses and lists of every label in order",
          "[pdf][reading-order][generated]") {
    for (unsigned seed = 1; seed <= 12; ++seed) {
        INFO("seed " << seed);
        const auto p = parse(testing::source_with_body(pdf_tools::generated_body(seed)), "generated.md");
        check_layout_order(p);
    }
}

TEST_CASE("the reading-order check finds a label read ahead of the text above it", "[pdf][reading-order]") {
    const std::vector<std::string> source = {"(c)",        "Help", "with",   "casework", "When",      "data",
                                             "protection", "laws", "allow.", "24.9",     "Political", "activity"};
    std::vector<std::string> read = {"(c)",  "Help",       "with", "casework", "24.9",      "When",
                                     "data", "protection", "laws", "allow.",   "Political", "activity"};
    CHECK(pdf_tools::words_in_order(source, read) == 9);  // "24.9" is not found after "allow."
    CHECK(pdf_tools::words_in_order(source, source) == source.size());
}
