// The reader on the committed protocol sources: the model protocol and Guildford's,
// clause by clause (issue 2). The importer's tests compare the same files with the seeds.
#include <catch2/catch.hpp>

#include "check/check.hpp"
#include "model/text.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {
model::Protocol load_committed(const std::string& name) {
    model::Diagnostics diags;
    auto p = source::load_protocol(test_env::source_dir() + "/protocol-source/" + name, diags);
    REQUIRE(p);
    check::check_structure(*p, diags);
    INFO(testing::formatted(diags));
    REQUIRE_FALSE(diags.has_errors());
    return *p;
}

std::vector<std::string> numbers(const model::Protocol& p) {
    std::vector<std::string> out;
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses) out.push_back(c.number.text);
    return out;
}
}  // namespace

TEST_CASE("the model protocol (seed 003) parses to its 58 numbered paragraphs", "[source][seeds]") {
    const auto p = load_committed("somerset-model-protocol.md");
    const auto n = numbers(p);
    CHECK(n.size() == 58);
    CHECK(p.sections.size() == 10);
    CHECK(std::vector<std::string>(n.begin(), n.begin() + 5) ==
          std::vector<std::string>{"1.1", "1.2", "1.3", "1.4", "1.5"});
    // section 3: numbered headings (3.2 Chairs ...) and three levels
    std::vector<std::string> three;
    for (const auto& c : p.sections[2].clauses) three.push_back(c.number.text);
    CHECK(three == std::vector<std::string>{"3.1", "3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.2", "3.2.1", "3.3",
                                            "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7"});
    CHECK(n.back() == "10.2.1");
    // 3.3.4 keeps its eleven bullets as one list
    const auto& officers_must = p.sections[2].clauses[12];
    REQUIRE(officers_must.number.text == "3.3.4");
    REQUIRE(officers_must.blocks.size() == 2);
    CHECK(officers_must.blocks[1].kind == model::BlockKind::list);
    CHECK(officers_must.blocks[1].items.size() == 11);
}

TEST_CASE("Guildford's protocol (seed 004) parses to 90 paragraphs in 18 sections", "[source][seeds]") {
    const auto p = load_committed("guildford-borough-council.md");
    const auto n = numbers(p);
    CHECK(n.size() == 90);
    CHECK(p.sections.size() == 18);
    CHECK(p.sections[6].number.text == "7.");
    // 7.1 (a) (b) (c): the statutory officers, as labelled sub-items
    const auto& statutory = p.sections[6].clauses.at(0);
    CHECK(statutory.number.text == "7.1");
    const model::Block* list = nullptr;
    for (const auto& b : statutory.blocks)
        if (b.kind == model::BlockKind::list) list = &b;
    REQUIRE(list);
    CHECK(list->list_style == model::ListStyle::alpha_close);
    REQUIRE(list->items.size() == 3);
    CHECK(list->items[2].label == "c)");
    // 18. SUMMARY has no numbered paragraph: its text is the section's introduction
    CHECK(p.sections[17].clauses.empty());
    CHECK(model::plain_text(p.sections[17].intro.at(0)).rfind("The working relationship", 0) == 0);
}
