// Lists that mix single numbers and ranges: every member is a target, every range keeps
// both ends, and a number that points nowhere is reported where it is written.
#include <catch2/catch.hpp>

#include "refs/helpers.hpp"

using namespace protopub;
using refs_test::find_refs;

namespace {

// Clauses 2.1 to 2.7 and 4.1 to 4.7, then `citing` as clause 5.1 (line 42 of the file).
model::Protocol with_citation(const std::string& citing, model::Diagnostics& diags) {
    std::string body = "## 2. Roles\n\n";
    for (int k = 1; k <= 7; ++k) body += "2." + std::to_string(k) + " {#r" + std::to_string(k) + "} Words.\n\n";
    body += "## 4. Access\n\n";
    for (int k = 1; k <= 7; ++k) body += "4." + std::to_string(k) + " {#a" + std::to_string(k) + "} Words.\n\n";
    body += "## 5. Citing\n\n5.1 {#citing} " + citing + "\n";
    model::Protocol p = source::read_protocol(testing::source_with_body(body), "t.md", diags);
    refs::resolve_references(p, diags);
    return p;
}

struct Target {
    std::string number;
    std::string id;
    bool range_end;
    bool operator==(const Target&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Target& t) {
    return os << "{" << t.number << " #" << t.id << (t.range_end ? " range end" : "") << "}";
}

std::vector<Target> targets_of(const model::Protocol& p, const std::string& text) {
    auto found = find_refs(p, text);
    INFO("reference '" << text << "'");
    REQUIRE(found.size() == 1);
    std::vector<Target> out;
    for (const auto& t : found.front()->targets) out.push_back({t.number, t.clause_id, t.range_end});
    return out;
}

}  // namespace

TEST_CASE("a list mixing single numbers and a range is read to its end", "[refs]") {
    model::Diagnostics diags;
    auto p =
        with_citation("See paragraphs 4.1, 4.3 to 4.5 and 4.7, paras 2.1-2.3, 2.6 and 4.1, 4.3 \u2013 4.5.", diags);
    CHECK(diags.empty());

    CHECK(targets_of(p, "paragraphs 4.1, 4.3 to 4.5 and 4.7") ==
          std::vector<Target>{{"4.1", "a1", false}, {"4.3", "a3", false}, {"4.5", "a5", true}, {"4.7", "a7", false}});
    CHECK(targets_of(p, "paras 2.1-2.3, 2.6 and 4.1, 4.3 \u2013 4.5") == std::vector<Target>{{"2.1", "r1", false},
                                                                                             {"2.3", "r3", true},
                                                                                             {"2.6", "r6", false},
                                                                                             {"4.1", "a1", false},
                                                                                             {"4.3", "a3", false},
                                                                                             {"4.5", "a5", true}});
    for (const auto& r : p.references) {
        CHECK(r.is_range);
        CHECK(r.resolved);
    }
}

TEST_CASE("a range does not continue into another range", "[refs]") {
    model::Diagnostics diags;
    auto p = with_citation("See paragraphs 4.1 to 4.3 to 4.5.", diags);
    CHECK(targets_of(p, "paragraphs 4.1 to 4.3") == std::vector<Target>{{"4.1", "a1", false}, {"4.3", "a3", true}});
}

TEST_CASE("a list without a range is not a range", "[refs]") {
    model::Diagnostics diags;
    auto p = with_citation("See paragraphs 4.1, 4.3 and 4.7.", diags);
    REQUIRE(find_refs(p, "paragraphs 4.1, 4.3 and 4.7").size() == 1);
    CHECK_FALSE(find_refs(p, "paragraphs 4.1, 4.3 and 4.7").front()->is_range);
}

TEST_CASE("a dangling number in a mixed list is reported where it is written", "[refs]") {
    model::Diagnostics diags;
    with_citation("See paragraphs 4.1, 4.3 to 9.5 and 9.7.", diags);
    CHECK(testing::formatted(diags) ==
          "t.md:42:42: error: reference 'paragraphs 4.1, 4.3 to 9.5 and 9.7' points nowhere: there is no clause 9.5\n"
          "t.md:42:50: error: reference 'paragraphs 4.1, 4.3 to 9.5 and 9.7' points nowhere: there is no clause 9.7\n");
}

TEST_CASE("a backward range inside a list is a warning at its first number", "[refs]") {
    model::Diagnostics diags;
    with_citation("See paragraphs 2.1, 4.5 to 4.3 and 4.7.", diags);
    CHECK(testing::formatted(diags) ==
          "t.md:42:35: warning: reference 'paragraphs 2.1, 4.5 to 4.3 and 4.7' has a range that runs backwards: "
          "4.5 to 4.3\n");
}

TEST_CASE("refs shows a mixed list's ranges with '..' and its single numbers with commas", "[refs]") {
    testing::TempDir dir;
    const std::string file = dir.file("mixed.md");
    testing::write(file, testing::source_with_body("## 1. One\n\n1.1 {#a} A.\n\n1.2 {#b} B.\n\n1.3 {#c} C.\n\n"
                                                   "1.4 {#d} See paragraphs 1.1, 1.2 to 1.3.\n"));
    auto run = testing::run_cli({"refs", file});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("\tinternal\tparagraphs 1.1, 1.2 to 1.3\t#a, #b .. #c\n") != std::string::npos);
}

TEST_CASE("a word that starts with a hyphen after a reference is no indexed word", "[refs]") {
    // Found by fuzz_refs: "para1 of -o" looked "-o" up in the word index at letter '-' - 'a'
    // (UBSan: index -52). The ASan+UBSan suite runs this case.
    model::Diagnostics diags;
    const model::Protocol p = with_citation("See para1 of -o. See paragraph 2.1 too.", diags);
    CHECK(testing::formatted(diags) == "");
    CHECK(find_refs(p, "paragraph 2.1").size() == 1);
}
