#include <catch2/catch.hpp>

#include "model/serialize.hpp"

using protopub::model::csv_row;
using protopub::model::json_string;

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[model][serialize]") {
    CHECK(json_string("plain") == "\"plain\"");
    CHECK(json_string("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
    CHECK(json_string("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
    CHECK(json_string(std::string("\x01", 1)) == "\"\\u0001\"");
    CHECK(json_string("Council’s £5") == "\"Council’s £5\"");  // UTF-8 passes through
}

TEST_CASE("CSV rows quote only the fields that need it", "[model][serialize]") {
    CHECK(csv_row({"4.2", "amended", "plain"}) == "4.2,amended,plain\r\n");
    CHECK(csv_row({"a,b", "say \"x\"", "two\nlines", ""}) == "\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\r\n");
}
