// The text hash of the tables keyed by words, ids and runs (model/string_hash.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>

#include "model/string_hash.hpp"

using namespace protopub;

TEST_CASE("text hash: a string and its view hash alike, and any one byte or the length changed changes it",
          "[model][hash]") {
    const std::string text = "The Council's decision-making, 4.21 (a): five working days.";
    for (std::size_t n = 0; n <= text.size(); ++n) {
        const std::string s = text.substr(0, n);
        const std::size_t hash = model::hash_text(s);
        CHECK(model::TextHash{}(std::string_view(s)) == hash);
        CHECK(model::TextHash{}(std::string(s)) == hash);
        for (std::size_t k = 0; k < n; ++k) {
            std::string changed = s;
            changed[k] = static_cast<char>(changed[k] ^ 0x20);
            CHECK(model::hash_text(changed) != hash);
        }
    }
    std::unordered_set<std::size_t> zeros;
    for (std::size_t n = 0; n <= 40; ++n) zeros.insert(model::hash_text(std::string(n, '\0')));
    CHECK(zeros.size() == 41);
}
