// Renumbering: numbers follow the structure, references follow their clauses, and
// nothing but numbers changes.
#include <catch2/catch.hpp>

#include "refs/helpers.hpp"
#include "refs/renumber.hpp"

using namespace protopub;
using refs_test::data_path;
using testing::read;
using testing::run_cli;

namespace {

std::string renumber_text(const std::string& text, model::Diagnostics& diags) {
    model::Protocol p = source::read_protocol(text, "t.md", diags);
    refs::resolve_references(p, diags);
    auto out = refs::apply_edits(text, refs::plan_renumber(p, diags), "t.md", diags);
    REQUIRE(out);
    return *out;
}

}  // namespace

TEST_CASE("inserting clause 3.2 moves later numbers and the references to them", "[refs]") {
    const std::string inserted = read(data_path("renumber-inserted.md"));
    const std::string expected = read(data_path("renumber-expected.md"));
    model::Diagnostics diags;
    const std::string once = renumber_text(inserted, diags);
    CHECK(once == expected);
    CHECK(once.find("paragraph 3.5 and paragraphs 3.6 to 3.8") != std::string::npos);
    CHECK(refs_test::without_numbers(once) == refs_test::without_numbers(inserted));  // only numbers changed

    model::Diagnostics again;
    CHECK(renumber_text(once, again) == once);  // idempotent
}

TEST_CASE("recompute_numbers follows document order and depth and keeps the first number", "[refs]") {
    model::Diagnostics diags;
    auto p = source::read_protocol(
        "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n## Code\n\n"
        "24.1 {#a} First.\n\n24.3 {#b} Second.\n\n24.3.4 {#c} Deeper.\n\n24.9 {#d} Third.\n",
        "t.md", diags);
    auto numbers = refs::recompute_numbers(p);
    CHECK(numbers.at("a") == "24.1");
    CHECK(numbers.at("b") == "24.2");
    CHECK(numbers.at("c") == "24.2.1");
    CHECK(numbers.at("d") == "24.3");
}

TEST_CASE("renumber keeps references it cannot follow as written, and says so", "[refs]") {
    model::Diagnostics diags;
    const std::string text = read(data_path("dangling.md"));
    CHECK(renumber_text(text, diags) == text);
    CHECK(diags.warning_count() == 1);
}

TEST_CASE("apply_edits finds a number on its line when columns drift, and refuses when it is gone", "[refs]") {
    model::Diagnostics diags;
    const std::string text = "line one\n   see paragraph 3.4 here\r\nend 3.4\n";
    auto out = refs::apply_edits(text, {{{2, 12}, "3.4", "3.5"}}, "t.md", diags);
    REQUIRE(out);
    CHECK(*out == "line one\n   see paragraph 3.5 here\r\nend 3.4\n");

    auto missing = refs::apply_edits(text, {{{1, 1}, "3.4", "3.5"}}, "t.md", diags);
    CHECK_FALSE(missing);
    CHECK(diags.has_errors());
}

TEST_CASE("protopub renumber writes to stdout, to -o, or in place, and never half a file", "[refs]") {
    testing::TempDir dir;
    const std::string source = dir.file("protocol.md");
    const std::string inserted = read(data_path("renumber-inserted.md"));
    const std::string expected = read(data_path("renumber-expected.md"));
    testing::write(source, inserted);

    auto to_stdout = run_cli({"renumber", source});
    CHECK(to_stdout.exit_code == 0);
    CHECK(to_stdout.out == expected);
    CHECK(to_stdout.err.find("15 numbers changed") != std::string::npos);
    CHECK(read(source) == inserted);  // the source is untouched

    auto to_file = run_cli({"renumber", source, "-o", dir.file("out.md")});
    CHECK(to_file.exit_code == 0);
    CHECK(read(dir.file("out.md")) == expected);

    auto in_place = run_cli({"renumber", "--in-place", source});
    CHECK(in_place.exit_code == 0);
    CHECK(read(source) == expected);
    auto second = run_cli({"renumber", "--in-place", source});
    CHECK(second.exit_code == 0);
    CHECK(second.err.find("0 numbers changed") != std::string::npos);
    CHECK(read(source) == expected);

    // a source the reader rejects is left exactly as it was
    const std::string broken = dir.file("broken.md");
    const std::string broken_text = "---\ntitle: T\nstatus: nonsense\n---\n\n## 1. A\n\n1.2 {#a} Text.\n";
    testing::write(broken, broken_text);
    auto refused = run_cli({"renumber", "--in-place", broken});
    CHECK(refused.exit_code == 1);
    CHECK(read(broken) == broken_text);

    CHECK(run_cli({"renumber", source, "-o", dir.file("x.md"), "--in-place"}).exit_code == 2);
    CHECK(run_cli({"renumber"}).exit_code == 2);
}

TEST_CASE("renumber keeps Windows line ends and a byte order mark", "[refs]") {
    auto crlf = [](std::string s) {
        std::string out;
        for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
        return out;
    };
    const std::string bom = "\xEF\xBB\xBF";
    model::Diagnostics diags;
    CHECK(renumber_text(bom + crlf(read(data_path("renumber-inserted.md"))), diags) ==
          bom + crlf(read(data_path("renumber-expected.md"))));
}

TEST_CASE("renumber rewrites every number of a list that mixes single numbers and a range", "[refs]") {
    // a new first clause, written as 4.1 like the one after it: the rest move up by one
    std::string clauses = "## 4. Access\n\n4.1 {#new} Inserted.\n\n";
    for (int k = 1; k <= 7; ++k) clauses += "4." + std::to_string(k) + " {#a" + std::to_string(k) + "} Words.\n\n";
    // after an escape, and on an indented continuation line
    const std::string inserted = testing::source_with_body(
        clauses +
        "## 5. Citing\n\n5.1 {#citing} See paragraphs 4.2, 4.3 to 4.5 and 4.7, and\n   \\*paras 4.2-4.3, 4.6\\*.\n");
    model::Diagnostics diags;
    const std::string once = renumber_text(inserted, diags);
    CHECK(once.find("See paragraphs 4.3, 4.4 to 4.6 and 4.8, and\n   \\*paras 4.3-4.4, 4.7\\*.") != std::string::npos);
    CHECK(refs_test::without_numbers(once) == refs_test::without_numbers(inserted));
    model::Diagnostics again;
    CHECK(renumber_text(once, again) == once);
}
