// Regressions found by hardening (docs/hardening.md): inputs that once crashed the reader.
#include <catch2/catch.hpp>

#include <functional>

#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {
std::string read_errors(const std::string& text) {
    model::Diagnostics diags;
    source::read_protocol(text, "deep.md", diags);
    return testing::formatted(diags);
}
}  // namespace

TEST_CASE("lists nested 5,000 deep are an error, not a stack overflow", "[source][limits]") {
    // "- - - item" nests lists on one line (5,000 indented lines would be 24 MB)
    std::string body = "## 1. Deep\n\n1.1 Nested:\n\n";
    for (int depth = 0; depth < 5000; ++depth) body += "- ";
    CHECK(read_errors(testing::source_with_body(body + "item\n")) ==
          // reported at the 101st level: exactly 100 are allowed
          "deep.md:12:203: error: lists, quotes or emphasis nested more than 100 levels deep; the deeper levels "
          "are not read\n");
    body = "## 1. Deep\n\n1.1 Nested:\n\n";
    for (int depth = 0; depth < 1000; ++depth)
        body += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "- item\n";
    CHECK(read_errors(testing::source_with_body(body)) ==
          "deep.md:112:203: error: lists, quotes or emphasis nested more than 100 levels deep; the deeper levels "
          "are not read\n");
}

TEST_CASE("quotes nested 100,000 deep and deep emphasis are an error, not a stack overflow", "[source][limits]") {
    CHECK(read_errors(testing::source_with_body("## 1. Deep\n\n1.1 Nested:\n\n" + std::string(100000, '>') + " x\n"))
              .find("error: lists, quotes or emphasis nested more than 100 levels deep") != std::string::npos);
    std::string emphasis;
    for (int i = 0; i < 20000; ++i) emphasis += "*a ";
    emphasis += "b";
    for (int i = 0; i < 20000; ++i) emphasis += " c*";
    CHECK(read_errors(testing::source_with_body("## 1. Deep\n\n1.1 " + emphasis + "\n"))
              .find("error: lists, quotes or emphasis nested more than 100 levels deep") != std::string::npos);
}

TEST_CASE("nesting up to the limit is read in full", "[source][limits]") {
    std::string body = "## 1. Deep\n\n1.1 Nested:\n\n";
    for (int depth = 0; depth < 40; ++depth) body += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "- item\n";
    CHECK(read_errors(testing::source_with_body(body)) == "");
}

TEST_CASE("a source over 16 MiB is refused before it is read", "[source][limits]") {
    testing::TempDir dir;
    std::string text = testing::source_with_body("## 1. Big\n\n1.1 ");
    text.resize((std::size_t(16) << 20) + 1, 'x');
    testing::write(dir.file("big.md"), text);
    model::Diagnostics diags;
    CHECK_FALSE(source::load_protocol(dir.file("big.md"), diags));
    CHECK(testing::formatted(diags) ==
          dir.file("big.md") + ": error: '" + dir.file("big.md") + "' is 17 MiB, over the limit of 16 MiB\n");
}

TEST_CASE("front matter with no protocol text after it is an error", "[source][limits]") {
    CHECK(read_errors(testing::source_with_body("")) ==
          "deep.md:7:1: error: no protocol text after the front matter: add sections ('## ...') and clauses\n");
    CHECK(read_errors(testing::source_with_body("\n\n---\n\n")) ==
          "deep.md:7:1: error: no protocol text after the front matter: add sections ('## ...') and clauses\n");
}

TEST_CASE("text over 16 MiB handed to the reader directly (git, renumber) is refused too", "[source][limits]") {
    std::string text = testing::source_with_body("## 1. Big\n\n1.1 ");
    text.resize(source::kMaxSourceBytes + 1, 'x');
    CHECK(read_errors(text) == "deep.md:1:1: error: the source is 17 MiB, over the limit of 16 MiB\n");
}

TEST_CASE("renumber refuses a source over the limit instead of working on it for minutes", "[source][limits][cli]") {
    testing::TempDir dir;
    std::string text = testing::source_with_body("## 1. Big\n\n1.1 ");
    text.resize(source::kMaxSourceBytes + 1, 'x');
    testing::write(dir.file("big.md"), text);
    auto r = testing::run_cli({"renumber", dir.file("big.md"), "-o", dir.file("out.md")});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "protopub renumber: error: '" + dir.file("big.md") + "' is 17 MiB, over the limit of 16 MiB\n");
}

TEST_CASE("a malformed table whose text cmark places at column 0 is read, its position on the line",
          "[source][limits]") {
    // Found by fuzz_reader: cmark-gfm reports column 0 for the code span's text here, and
    // the reader once indexed the line at -1.
    model::Diagnostics diags;
    const auto p = source::read_protocol(testing::source_with_body("|\n|\n`|||\n-|-|-\n"), "table.md", diags);
    std::function<void(const model::Inlines&)> positions = [&](const model::Inlines& inlines) {
        for (const auto& in : inlines) {
            if (in.pos.known()) CHECK(in.pos.column >= 1);
            positions(in.children);
        }
    };
    for (const auto& s : p.sections) {
        for (const auto& b : s.intro) {
            positions(b.inlines);
            for (const auto& row : b.rows)
                for (const auto& cell : row.cells) positions(cell.inlines);
        }
        for (const auto& c : s.clauses)
            for (const auto& b : c.blocks) positions(b.inlines);
    }
}
