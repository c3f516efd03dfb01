// The reader's memory for cmark (an arena per read, per thread): text longer than one of
// its blocks, many small nodes, and reads on several threads at once give the same model.
#include <catch2/catch.hpp>

#include <thread>

#include "model/text.hpp"
#include "paths.hpp"
#include "source/model_dump.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {
struct Read {
    std::string model;
    std::string diagnostics;
};

Read read(const std::string& text, const std::string& name) {
    model::Diagnostics diags;
    const model::Protocol p = source::read_protocol(text, name, diags);
    return {test::dump(p), testing::formatted(diags)};
}
}  // namespace

TEST_CASE("a clause longer than the reader's blocks and a table of 20,000 rows are read whole", "[source][limits]") {
    // 3 MB on one line: cmark's buffer for it grows past any one block of the arena
    std::string words;
    for (int i = 0; words.size() < (std::size_t(3) << 20); ++i) words += "word" + std::to_string(i) + " ";
    words.pop_back();
    std::string body = "## 1. Long\n\n1.1 " + words + "\n\n1.2 Rows:\n\n| a | b |\n|---|---|\n";
    for (int row = 0; row < 20000; ++row) body += "| " + std::to_string(row) + " | r" + std::to_string(row) + " |\n";
    model::Diagnostics diags;
    const model::Protocol p = source::read_protocol(testing::source_with_body(body), "long.md", diags);
    INFO(testing::formatted(diags));
    CHECK_FALSE(diags.has_errors());
    REQUIRE(p.sections.size() == 1);
    REQUIRE(p.sections[0].clauses.size() == 2);
    CHECK(model::plain_text(p.sections[0].clauses[0].blocks.at(0)) == words);
    const auto& blocks = p.sections[0].clauses[1].blocks;
    REQUIRE(blocks.size() == 2);
    REQUIRE(blocks[1].rows.size() == 20001);
    CHECK(model::plain_text(blocks[1].rows[20000].cells[1].inlines) == "r19999");
}

TEST_CASE("sources read on several threads at once read as each does alone", "[source]") {
    std::vector<std::string> texts;
    for (const char* name : {"guildford-borough-council.md", "oxford-city-council.md", "somerset-model-protocol.md",
                             "district-council-cabinet-model.md"})
        texts.push_back(testing::read(test_env::source_dir() + "/protocol-source/" + name));
    std::vector<Read> alone;
    for (std::size_t k = 0; k < texts.size(); ++k) alone.push_back(read(texts[k], "s" + std::to_string(k) + ".md"));
    std::vector<Read> together(texts.size() * 4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < together.size(); ++t)
        threads.emplace_back([&, t] {
            const std::size_t k = t % texts.size();
            together[t] = read(texts[k], "s" + std::to_string(k) + ".md");
        });
    for (auto& t : threads) t.join();
    for (std::size_t t = 0; t < together.size(); ++t) {
        CHECK(together[t].model == alone[t % texts.size()].model);
        CHECK(together[t].diagnostics == alone[t % texts.size()].diagnostics);
    }
}
