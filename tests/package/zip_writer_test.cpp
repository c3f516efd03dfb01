#include <catch2/catch.hpp>

#include "package/zip_reader.hpp"
#include "package/zip_writer.hpp"

using namespace protopub;

TEST_CASE("zip writer: entries round-trip in order, and the same entries give the same bytes", "[package]") {
    const std::vector<package::ZipEntry> entries = {
        {"[Content_Types].xml", "<Types/>"}, {"word/document.xml", std::string(100000, 'w')}, {"empty", ""}};
    std::string error;
    auto first = package::write_zip(entries, 1700000000, error);
    REQUIRE(first);
    auto again = package::write_zip(entries, 1700000000, error);
    REQUIRE(again);
    CHECK(*first == *again);
    auto later = package::write_zip(entries, 1800000000, error);
    REQUIRE(later);
    CHECK(*first != *later);

    auto parts = package::read_zip(*first, error);
    REQUIRE(parts);
    CHECK(parts->size() == 3);
    CHECK(parts->at("word/document.xml") == entries[1].bytes);
    CHECK(parts->at("empty").empty());
    // The first entry's name is the first thing after the local header (30 bytes).
    CHECK(first->compare(30, 19, "[Content_Types].xml") == 0);
    CHECK(first->size() < 2000);  // deflated
}

TEST_CASE("zip writer: epochs before 1980 are stamped 1980-01-01, not garbage", "[package]") {
    std::string error;
    auto zero = package::write_zip({{"a", "x"}}, 0, error);
    auto dos_start = package::write_zip({{"a", "x"}}, 315532800, error);
    REQUIRE(zero);
    REQUIRE(dos_start);
    CHECK(*zero == *dos_start);
}
