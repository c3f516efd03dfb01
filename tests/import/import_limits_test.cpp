// Regressions found by fuzzing the importers (docs/hardening.md).
#include <catch2/catch.hpp>

#include "import/import.hpp"
#include "model/text.hpp"
#include "support.hpp"

using namespace protopub;

namespace {
std::string all_words(const model::Protocol& p) {
    std::string out;
    for (const auto& s : p.sections) {
        out += model::plain_text(s.heading) + "\n";
        for (const auto& b : s.intro) out += model::plain_text(b.inlines) + "\n";
        for (const auto& c : s.clauses) out += model::plain_text(c) + "\n";
    }
    return out;
}
}  // namespace

TEST_CASE("text import: words before any structure go into a preamble (fuzz crash)", "[import][text][limits]") {
    // fuzz_text_import: a paragraph came before any section existed -> back() of an empty vector
    const std::string text =
        "---\ntitle: Ambiguous reference\ncouncil: Test Council\nversion: \"1\"\nstatus: draft\n---\n\n"
        "## 1. IntroductionBreaches are dealt with under paragraph 1.2.\n";
    model::Diagnostics diags;
    import::ImportResult r = import::import_text(text, "fuzz.txt", {}, diags);
    INFO(testing::formatted(diags));
    if (r.ok) CHECK(all_words(r.protocol).find("Breaches are dealt with under paragraph 1.2.") != std::string::npos);

    for (const std::string words : {"just words\n\nand more words\n", "- a bullet\n- another\n", "(a) a label\n"}) {
        model::Diagnostics d;
        import::ImportResult plain = import::import_text(words, "plain.txt", {}, d);
        INFO(words << testing::formatted(d));
        if (plain.ok) {
            REQUIRE_FALSE(plain.protocol.sections.empty());
            CHECK(plain.protocol.sections.front().kind == model::SectionKind::preamble);
        }
    }
}
