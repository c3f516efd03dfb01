// Regression (hardening): derived ids for many clauses with the same first words.
#include <catch2/catch.hpp>

#include "model/ids.hpp"

using protopub::model::IdAllocator;

TEST_CASE("derived ids count on from the last one handed out, skipping reserved ones", "[model][ids][limits]") {
    IdAllocator ids;
    ids.reserve("purpose-4");
    CHECK(ids.make("purpose") == "purpose");
    CHECK(ids.make("purpose") == "purpose-2");
    CHECK(ids.make("purpose") == "purpose-3");
    CHECK(ids.make("purpose") == "purpose-5");
    ids.reserve("purpose-6");
    CHECK(ids.make("purpose") == "purpose-7");
    CHECK(ids.make("other") == "other");
    // 20,000 clauses that start with the same words: every id distinct, in order
    // (this took quadratic time before; the bad-input corpus times it through the CLI).
    for (int n = 8; n < 20000; ++n) REQUIRE(ids.make("purpose") == "purpose-" + std::to_string(n));
}
