// The five seeds, imported again and held against the committed sources: same bytes,
// same words, every numbered paragraph a clause with its number.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>

#include "check/check.hpp"
#include "import/import.hpp"
#include "io/files.hpp"
#include "model/text.hpp"
#include "paths.hpp"
#include "source/model_dump.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"

using namespace protopub;

namespace {

struct Seed {
    const char* file;
    const char* source;  // under protocol-source/
    import::ImportOptions options;
    bool title_printed;  // the text prints its title on its first line
    std::size_t clauses;
    std::vector<std::pair<std::uint32_t, std::string>> dropped;  // line, text
};

// The same options as in protocol-source/README.md. A title printed in capitals is
// stated in title case (--title), in the document's own words.
const std::vector<Seed>& seeds() {
    static const std::vector<Seed> list = {
        {"000_5dfdcb3213a3104a.txt",
         "district-council-cabinet-model.md",
         {"Councillor/Officer Protocol", "A district council (not named; Cabinet model)", ""},
         false,
         86,
         {{120, "("}}},
        {"001_22bbcc32bc6a6e0f.txt",
         "oxford-city-council.md",
         {"Code of Practice for Member/Officer Relations", "Oxford City Council", "2010"},
         false,
         17,
         {}},
        {"002_0d320666f05d3df5.txt",
         "district-council-executive-directors.md",
         {"", "A district council (not named; Executive Directors model)", ""},
         true,
         46,
         {}},
        {"003_554c097526e0f724.txt",
         "somerset-model-protocol.md",
         {"Model Councillor-Officer Protocol", "Model protocol for local councils (LGA model, adapted in Somerset)",
          ""},
         true,
         58,
         {}},
        {"004_71cbc2f1760365f7.txt",
         "guildford-borough-council.md",
         {"Joint Protocol on Councillor & Officer Relationships", "Guildford Borough Council", ""},
         true,
         90,
         {{336, "https://www.guildford.gov.uk/newstart"}}},
    };
    return list;
}

// Words in lower case (ASCII letters; the titles' other characters are compared as they are).
std::vector<std::string> lowered(std::vector<std::string> words) {
    for (auto& w : words)
        for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return words;
}

std::string read(const std::string& path) {
    std::string error;
    auto text = io::read_file(path, error);
    INFO(error);
    REQUIRE(text);
    return *text;
}

// Words compare with a hyphen ending a word ("even-" + "handed" is "even-handed" split
// at a line end), emphasis asterisks and the angle brackets around a web address off.
void add_words(std::string_view text, std::vector<std::string>& out) {
    for (std::string w : model::split_words(text)) {
        if (w.size() > 2 && w.front() == '<' && w.back() == '>') w = w.substr(1, w.size() - 2);
        while (w.size() > 1 && w.front() == '*') w.erase(0, 1);
        while (w.size() > 1 && w.back() == '*') w.pop_back();
        std::size_t start = 0;
        for (std::size_t i = 0; i + 1 < w.size(); ++i)
            if (w[i] == '-' && i > start) {
                out.push_back(w.substr(start, i + 1 - start));
                start = i + 1;
            }
        out.push_back(w.substr(start));
    }
}

// The seed's words, without what the importer reported as dropped and without the
// bullet glyph that starts a line.
std::vector<std::string> seed_words(const std::string& text, const std::vector<import::Dropped>& dropped) {
    static const std::vector<std::string> glyphs = {"\xE2\x80\xA2", "-", "*", "o", "\xEF\x82\xB7"};
    std::vector<std::string> out;
    std::uint32_t number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        ++number;
        start = nl == std::string::npos ? text.size() + 1 : nl + 1;
        for (const auto& d : dropped) {
            if (d.pos.line != number) continue;
            std::size_t at = line.find(d.text);
            REQUIRE(at != std::string::npos);
            line.erase(at, d.text.size());
        }
        std::vector<std::string> words = model::split_words(line);
        std::size_t skip =
            !words.empty() && std::find(glyphs.begin(), glyphs.end(), words[0]) != glyphs.end() && words.size() > 1 ? 1
                                                                                                                    : 0;
        for (std::size_t i = skip; i < words.size(); ++i) add_words(words[i], out);
    }
    return out;
}

// The words of a source as a reader sees them: title (when it is a line of the text),
// then every section and clause with its number.
std::vector<std::string> source_words(const model::Protocol& p, bool with_title) {
    std::vector<std::string> out;
    if (with_title) add_words(p.meta.title, out);
    for (const auto& s : p.sections) {
        add_words(s.number.text, out);
        add_words(model::plain_text(s.heading), out);
        for (const auto& b : s.intro) add_words(model::plain_text(b), out);
        for (const auto& c : s.clauses) {
            add_words(c.number.text, out);
            add_words(model::plain_text(c), out);
        }
    }
    return out;
}

// Numbers written at the start of a line of the seed: "2.1", "- 1.1", "(3.2.9".
std::vector<std::string> numbered_paragraphs(const std::string& text) {
    std::vector<std::string> out;
    static const std::regex number(R"((^|\n)[ \t]*(?:[-\xE2\x80\xA2]+[ \t]+)?\(?(\d+(?:\.\d+)+)\.?[ \t])");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[2].str());
    return out;
}

std::vector<std::string> clause_numbers(const model::Protocol& p) {
    std::vector<std::string> out;
    for (const auto& s : p.sections)
        for (const auto& c : s.clauses)
            if (c.depth() > 1) out.push_back(model::join_number(c.number.parts));
    return out;
}

}  // namespace

TEST_CASE("seed import: every seed imports to its committed source", "[import][seeds]") {
    for (const Seed& seed : seeds()) {
        SECTION(seed.file) {
            const std::string text = read(test_env::seeds_dir() + "/" + seed.file);
            const std::string committed = read((test_env::source_dir() + "/protocol-source/") + seed.source);
            model::Diagnostics diags;
            import::ImportResult r = import::import_text(text, seed.file, seed.options, diags);
            REQUIRE(r.ok);
            CHECK(diags.error_count() == 0);
            const std::string written = source::write_protocol(r.protocol);
            CHECK(written == committed);

            // the committed source reads back to the imported model, and passes check
            model::Diagnostics read_diags;
            model::Protocol again = source::read_protocol(committed, seed.source, read_diags);
            check::check_structure(again, read_diags);
            for (const auto& d : read_diags.items()) INFO(model::format(d));
            CHECK(read_diags.error_count() == 0);
            CHECK(read_diags.warning_count() == 0);
            CHECK(test::dump(again) == test::dump(r.protocol));

            // only page furniture was dropped, and exactly the furniture expected
            std::vector<std::pair<std::uint32_t, std::string>> dropped;
            for (const auto& d : r.dropped) dropped.emplace_back(d.pos.line, d.text);
            CHECK(dropped == seed.dropped);

            // no word lost, none added, none moved: the title's words are the words the
            // text prints (in title case where it prints capitals), every other word exactly
            const std::vector<std::string> got = source_words(again, seed.title_printed);
            const std::vector<std::string> want = seed_words(text, r.dropped);
            std::vector<std::string> title;
            if (seed.title_printed) add_words(again.meta.title, title);
            REQUIRE(title.size() <= std::min(got.size(), want.size()));
            const auto n = static_cast<long>(title.size());
            CHECK(lowered({want.begin(), want.begin() + n}) == lowered(title));
            CHECK(std::vector<std::string>(got.begin() + n, got.end()) ==
                  std::vector<std::string>(want.begin() + n, want.end()));
            // only a title the text prints is read from it; a given one is the text's own
            CHECK(r.title_from_text == (seed.title_printed && seed.options.title.empty()));

            // every numbered paragraph is a clause with that number, in order
            CHECK(clause_numbers(again) == numbered_paragraphs(text));
            std::size_t clauses = 0;
            for (const auto& s : again.sections) clauses += s.clauses.size();
            CHECK(clauses == seed.clauses);
        }
    }
}

TEST_CASE("text import: a seed re-laid out as a PDF extraction imports to the same source", "[import][seeds]") {
    // Guildford's protocol with numbers and tabs, lines wrapped at 78, Symbol bullets,
    // a running header and "Page N of M" footers (tests/data/import/make_fixtures.py)
    const std::string text = read(test_env::source_dir() + "/tests/data/import/guildford-relaid.txt");
    const std::string committed = read(test_env::source_dir() + "/protocol-source/guildford-borough-council.md");
    model::Diagnostics diags;
    import::ImportOptions options;
    options.council = "Guildford Borough Council";
    options.title = "Joint Protocol on Councillor & Officer Relationships";
    import::ImportResult r = import::import_text(text, "guildford-relaid.txt", options, diags);
    REQUIRE(r.ok);
    CHECK(source::write_protocol(r.protocol) == committed);
    int headers = 0, page_numbers = 0;
    for (const auto& d : r.dropped) {
        headers += d.reason == "running header or footer";
        page_numbers += d.reason == "page number";
    }
    CHECK(headers == 10);
    CHECK(page_numbers == 11);
    CHECK(r.dropped.size() == 21);
}
