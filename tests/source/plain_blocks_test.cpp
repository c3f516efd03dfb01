// Plain paragraphs and headings cut from the source (the reader's fast path) give exactly
// the model and the diagnostics that cmark's parse of them gives: on every committed
// source, every Markdown file under tests/data and docs, and generated texts that mix
// plain blocks with every construct that could take one in or end one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <random>

#include "io/files.hpp"
#include "source/model_dump.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

// Both ways of reading give the same model and diagnostics.
void require_same_reading(const std::string& text, const std::string& name) {
    model::Diagnostics fast_diags, cmark_diags;
    const model::Protocol fast = source::read_protocol(text, name, fast_diags);
    const model::Protocol cmark = source::read_protocol(text, name, cmark_diags, {.plain_blocks = false});
    INFO(name << "\n" << text);
    REQUIRE(test::exact_dump(fast, fast_diags) == test::exact_dump(cmark, cmark_diags));
}

const char* const kFrontMatter = "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n";

// 3000 texts of up to `longest` random `pieces` a line each under the front matter, each read
// both ways: round `r` opens with a section heading where `heading(r)` says so, and takes a
// piece only where `allowed(r, piece)` does; one in five ends without a line end.
void require_same_reading_of_random_texts(const std::vector<std::string>& pieces, unsigned seed, int longest,
                                          const std::string& name, const std::function<bool(int)>& heading,
                                          const std::function<bool(int, const std::string&)>& allowed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(1, longest);
    for (int round = 0; round < 3000; ++round) {
        std::string text = kFrontMatter;
        if (heading(round)) text += "\n## Section {#s}\n\n";
        for (int k = length(random); k > 0; --k) {
            std::string piece = pieces[pick(random)];
            while (!allowed(round, piece)) piece = pieces[pick(random)];
            text += piece + "\n";
        }
        if (round % 5 == 0) text.pop_back();  // no line end at the end
        require_same_reading(text, name + "-" + std::to_string(round));
    }
}

}  // namespace

TEST_CASE("plain blocks read from the source equal cmark's reading of every committed source", "[source][plain]") {
    std::size_t files = 0;
    for (const char* folder : {"/protocol-source", "/tests/data", "/docs"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(test_env::source_dir() + folder)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
            std::string error;
            const auto text = io::read_file(entry.path().string(), error, source::kMaxSourceBytes);
            REQUIRE(text);
            require_same_reading(*text, entry.path().string());
            ++files;
        }
    CHECK(files > 20);
}

TEST_CASE("plain blocks read from the source equal cmark's reading next to every other construct", "[source][plain]") {
    // Plain lines, lines that only look plain, and every block that could take in or end
    // the paragraph after it.
    const std::vector<std::string> pieces = {
        "1.1 The Council's officers give advice",
        "1.2 {#given-id} Members and officers",
        "continued on a second line",
        "(a) a labelled sub-item",
        "(iv) another",
        "1. an ordered list item",
        "2) another",
        "3.\tafter a tab",
        "12345678901. not a list",
        "4.",
        "5)",
        "6.7",
        "- a bullet",
        "* a star bullet",
        "+ a plus bullet",
        "  indented two",
        "    indented code",
        "\tcode after a tab",
        "> a quote",
        ">lazy quote",
        "## A heading {#heading}",
        "### 2.3 A clause heading",
        "## 4. Numbered section",
        "# Level one",
        "###### Level six",
        "####### Seven",
        "## Closing hashes ##",
        "## Ends in a hash#",
        "##  Two spaces",
        "##\tA tab",
        "##No space",
        "##",
        "## ",
        "### ",
        " ## Indented heading",
        "## Heading with *emphasis*",
        "## www.example.org",
        "## Preamble {.preamble}",
        "### Sub-heading",
        "Setext heading",
        "===",
        "---",
        "***",
        "```",
        "~~~ fence",
        "<!-- a comment",
        "-->",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "<?php",
        "<![CDATA[",
        "]]>",
        "| a | b |",
        "|---|---|",
        ":--",
        "a | b",
        "[ref]: https://example.org",
        "see [ref] and [text](https://example.org)",
        "an *emphasis* and __strong__ word",
        "a `code` span",
        "an &amp; entity and &#x41;",
        "a backslash \\* escape",
        "a hard break  ",
        "a trailing space ",
        "a trailing backslash\\",
        "mail someone@example.org",
        "visit www.example.org today",
        "see https://example.org here",
        "<https://example.org>",
        "~~struck~~ words",
        "Council’s “curly” quotes — and dashes",
        "émigré words",
        "",
        "",
        "   ",
        "2.1 Numbered: after",
        "x",
        "4.21 final words.",
    };
    // Half the texts without a line that could make a table: the reader maps cmark's line
    // numbers back to the source's only then.
    auto may_make_table = [](const std::string& piece) {
        return piece.find('|') != std::string::npos || piece.starts_with(":") || piece.starts_with("---");
    };
    require_same_reading_of_random_texts(
        pieces, 15, 40, "generated", [](int) { return true; },
        [&](int round, const std::string& piece) { return round % 2 == 0 || !may_make_table(piece); });
}

TEST_CASE("plain bullet lists read from the source equal cmark's reading next to what could join or continue them",
          "[source][plain]") {
    // Items of plain words, items that only look plain, and the blocks that could make a
    // list of two, take one in or continue its last item.
    const std::vector<std::string> pieces = {
        "- a bullet",
        "- another bullet item",
        "- (a) a labelled bullet",
        "- b) {#item-id} labelled with an id",
        "- c. {#Bad id} a malformed id",
        "- iv. a roman label",
        "- 1.2 a number in words",
        "- 3. an ordered list inside",
        "- # not a heading",
        "-  two spaces",
        "- ",
        "-",
        "- a trailing space ",
        "- an *emphasis*",
        "* a star bullet",
        "+ a plus bullet",
        "1. an ordered item",
        "  indented two",
        "    indented four",
        "> a quote",
        "## A heading {#heading}",
        "### 2.3 A clause heading",
        "1.1 {#clause} A clause that lists:",
        "(a) a labelled paragraph",
        "plain words",
        "---",
        "```",
        "<!-- a comment",
        "",
        "",
        "",
    };
    require_same_reading_of_random_texts(
        pieces, 31, 30, "bullets", [](int round) { return round % 3 != 0; },
        [](int, const std::string&) { return true; });
}

TEST_CASE("plain blocks read from the source equal cmark's reading with what stops a long line at any place",
          "[source][plain]") {
    // The scan for what makes a line not plain reads many bytes at a time: each thing that
    // stops it, at every place of lines longer than what one step reads.
    const std::vector<std::string> stops = {
        "*em*",    " _em_ ",    "`code`",    "[link](https://x.org)", "\\*",   "&amp;", "<b>",
        "a@b.org", "www.x.org", "WwW.x.org", "https://x.org",         "~~s~~", "!",     "^",
        "|",       "a\tb"};
    const std::string words = "the council and its officers give advice on every matter put to them in time";
    for (const std::string& stop : stops)
        for (std::size_t at = 0; at <= words.size(); ++at) {
            const std::string line = words.substr(0, at) + stop + words.substr(at);
            const std::string text =
                std::string(kFrontMatter) + "\n## Section {#s}\n\n1.1 " + line + "\n\n" + line + "\n\n- " + line + "\n";
            require_same_reading(text, "stop-" + std::to_string(at));
        }
}

TEST_CASE("plain blocks read from the source equal cmark's reading on random bytes", "[source][plain]") {
    // Short lines of a small alphabet rich in what Markdown acts on.
    const std::string alphabet = "aZ1.) (\t\n\n\n#>-*_`~|[]:!<&\\@w/{}\xC3\xA9";
    std::mt19937 random(9);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> length(0, 300);
    for (int round = 0; round < 3000; ++round) {
        std::string text = kFrontMatter;
        for (int k = length(random); k > 0; --k) {
            char c = alphabet[pick(random)];
            // mostly letters and spaces, so that plain paragraphs are common; half the texts
            // with nothing that could make a table
            if (k % 3 || (round % 2 && (c == '|' || c == ':' || c == '-')))
                c = "abc de"[static_cast<std::size_t>(k) % 6];
            text += c;
        }
        require_same_reading(text, "random-" + std::to_string(round));
    }
}
