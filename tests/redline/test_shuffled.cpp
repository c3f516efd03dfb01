// Clauses without ids, shuffled and reworded at their first words (so no derived id
// matches) and in three of their own words (the rarest words of the document, so a
// clause is found by the words it shares, not the ones it changed): every clause must
// still be found at its new place by its words, whatever the permutation and however
// many clauses there are.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "redline/redline.hpp"
#include "redline/versions.hpp"

using namespace protopub;
using namespace redline_test;
using model::ChangeKind;

namespace {

// A word of its own for clause `clause` (letters only, so the tokenizer keeps it whole).
std::string own_word(std::size_t clause, std::size_t k) {
    std::string w = "q";
    for (std::size_t n = clause * 16 + k + 1; n > 0; n /= 26) w += static_cast<char>('a' + n % 26);
    return w;
}

// A clause's words: common ones every clause has (so rare and frequent words mix),
// then words of its own; a different clause is never even half alike. `version` 1
// is the old text; version 2 starts with another word and has three of the own words
// replaced by new ones (still 0.78 alike to the old: a move, not a new clause).
std::string words_of(std::size_t clause, int version) {
    std::string text = version == 1 ? "the Council shall note that" : "Furthermore Council shall note that";
    for (std::size_t k = 0; k < 12; ++k) text += " " + own_word(clause, version == 2 && k < 3 ? k + 12 : k);
    return text + ".";
}

std::string version(const std::vector<std::string>& texts) {
    std::string md = "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n## 1. One\n\n";
    for (std::size_t k = 0; k < texts.size(); ++k) md += "1." + std::to_string(k + 1) + " " + texts[k] + "\n\n";
    return md;
}

}  // namespace

TEST_CASE("shuffled clauses without ids and with their first words reworded are each paired with their old words",
          "[redline]") {
    for (std::size_t count : {40u, 400u}) {
        for (unsigned seed = 1; seed <= 3; ++seed) {
            std::mt19937 rng(seed);
            std::vector<std::size_t> order(count);
            for (std::size_t k = 0; k < count; ++k) order[k] = k;
            std::shuffle(order.begin(), order.end(), rng);
            std::vector<std::string> old_texts, new_texts;
            for (std::size_t k = 0; k < count; ++k) old_texts.push_back(words_of(k, 1));
            for (std::size_t k : order) new_texts.push_back(words_of(k, 2));
            const auto old = parse(version(old_texts));
            const auto now = parse(version(new_texts));
            const redline::ChangeSet set = redline::compare_versions(old, now);
            INFO(count << " clauses, seed " << seed);
            std::size_t paired = 0;
            for (const auto& c : set.changes) {
                if (c.part != redline::Part::clause) continue;
                REQUIRE(c.old.size() == 1);
                REQUIRE(c.new_.size() == 1);
                // new clause 1.(p+1) holds old clause order[p]'s words
                const std::size_t p = static_cast<std::size_t>(c.new_[0].order);
                CHECK(c.old[0].number == "1." + std::to_string(order[p] + 1));
                CHECK((c.kind == ChangeKind::moved || c.kind == ChangeKind::amended));
                ++paired;
            }
            CHECK(paired == count);
        }
    }
}
