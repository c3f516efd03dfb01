// Citations of appendices in a report's body, generated over every paragraph of a real
// revised code, every way of writing them, and every place a line may break inside them.
#include <catch2/catch.hpp>

#include "model/walk.hpp"
#include "report/report.hpp"
#include "support.hpp"

namespace {

using namespace protopub;

const std::string kDraft = test_env::source_dir() + "/protocol-source/reports/oxford-2025/oxford-city-council-2025.md";

std::string report_with(const std::string& body) {
    return "---\ncommittee: Standards Committee\ndate: 2025-03-12\ntitle: Revised code\nappendices:\n"
           "  - version: " +
           kDraft + "\n---\n\n" + body;
}

// The ids the body's references point at, in order.
std::vector<std::string> cited_ids(model::Protocol& pack) {
    std::vector<std::string> out;
    for (auto& s : pack.sections) {
        if (s.id.rfind("appendix-", 0) == 0) break;
        model::Protocol one;
        one.sections = {s};
        model::for_each_inline(one, [&](model::Inline& in) {
            if (in.kind != model::InlineKind::reference) return;
            for (const auto& t : pack.references[static_cast<std::size_t>(in.reference)].targets)
                out.push_back(t.clause_id);
        });
    }
    return out;
}

}  // namespace

TEST_CASE("every paragraph of an appendix can be cited, however the line breaks", "[report]") {
    model::Diagnostics load;
    const auto draft_text = testing::read(kDraft);
    // Every numbered paragraph (here: numbered sub-headings 24.1 to 24.18) of the revised code.
    std::vector<std::pair<std::string, std::string>> numbered;  // number, id
    {
        report::ReportSource probe = report::read_report(report_with("1. Probe.\n"), "REPORT.md", load);
        const auto apps = report::build_appendices(probe, load);
        REQUIRE_FALSE(load.has_errors());
        for (const auto& s : apps.at(0).document.sections) {
            if (!s.number.empty()) numbered.emplace_back(s.number.text, s.id);
            for (const auto& c : s.clauses)
                if (!c.number.empty()) numbered.emplace_back(c.number.text, c.id);
        }
    }
    REQUIRE(numbered.size() == 18);
    for (const auto& [number, id] : numbered) {
        const std::vector<std::string> words = {"(see", "paragraph", number, "of", "Appendix", "1)"};
        // A line break after each word in turn (and none); not before "1)", which would
        // start a numbered list in Markdown.
        for (std::size_t cut = 0; cut <= words.size(); ++cut) {
            if (cut == 5) continue;
            std::string citation;
            for (std::size_t w = 0; w < words.size(); ++w) citation += words[w] + (w + 1 == cut ? "\n   " : " ");
            model::Diagnostics diags;
            const auto source = report::read_report(
                report_with("1. Officers answer enquiries " + citation + "quickly.\n"), "REPORT.md", diags);
            const auto apps = report::build_appendices(source, diags);
            model::Protocol pack = report::assemble(source, apps, diags);
            INFO(number << " cut after word " << cut << "\n" << testing::formatted(diags));
            CHECK_FALSE(diags.has_errors());
            CHECK(cited_ids(pack) == std::vector<std::string>{"appendix-1-" + id});
        }
    }
}

TEST_CASE("lists and ranges of an appendix's paragraphs, and numbers it does not have", "[report]") {
    model::Diagnostics diags;
    const auto source = report::read_report(
        report_with("1. See paragraphs 24.1, 24.3 and 24.5 of Appendix 1, paragraphs 24.7 to 24.9 of Appendix 1,\n"
                    "   clause 24.99 of Appendix 1 and Appendix 2.\n"),
        "REPORT.md", diags);
    const auto apps = report::build_appendices(source, diags);
    model::Protocol pack = report::assemble(source, apps, diags);
    const std::string said = testing::formatted(diags);
    INFO(said);
    CHECK(said.find("REPORT.md:10:11: error: 'clause 24.99 of Appendix 1' points nowhere: Appendix 1") !=
          std::string::npos);
    CHECK(said.find("REPORT.md:10:35: error: 'Appendix 2' points nowhere: the report has one appendix") !=
          std::string::npos);
    CHECK(diags.error_count() == 2);
    const auto ids = cited_ids(pack);
    REQUIRE(ids.size() == 6);  // the last, 24.99, unresolved; Appendix 2 has no target
    CHECK(ids[0] == "appendix-1-status-of-this-code");
    CHECK(ids[2] == "appendix-1-councillors-enquiries");
    CHECK(ids[3] == "appendix-1-complaints-about-councillors-or-officers");
    CHECK(ids[4] == "appendix-1-political-activity");
    CHECK(ids[5].empty());
}
