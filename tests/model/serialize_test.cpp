#include <catch2/catch.hpp>

#include "model/serialize.hpp"
#include "valid_output.hpp"

using protopub::model::csv_row;
using protopub::model::json_string;

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[model][serialize]") {
    CHECK(json_string("plain") == "\"plain\"");
    CHECK(json_string("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
    CHECK(json_string("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
    CHECK(json_string(std::string("\x01", 1)) == "\"\\u0001\"");
    CHECK(json_string("Council’s £5") == "\"Council’s £5\"");  // UTF-8 passes through
    // runs without escapes are copied whole: an escape at the start, middle and end of one
    CHECK(json_string("\"a long run\\ of text\n") == "\"\\\"a long run\\\\ of text\\n\"");
    CHECK(json_string(std::string("x\x1fy\0z", 5)) == "\"x\\u001fy\\u0000z\"");
}

TEST_CASE("CSV rows quote only the fields that need it", "[model][serialize]") {
    CHECK(csv_row({"4.2", "amended", "plain"}) == "4.2,amended,plain\r\n");
    CHECK(csv_row({"a,b", "say \"x\"", "two\nlines", ""}) == "\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\r\n");
}

TEST_CASE("csv_cell: text a spreadsheet would run as a formula stays text", "[model][csv]") {
    // every character a spreadsheet starts a formula with, before any text
    for (const char lead : {'=', '+', '-', '@', '\t', '\r'})
        for (const std::string rest : {"cmd|' /C calc'!A0", "1+1", "SUM(A1:A2)", "", "HYPERLINK(\"http://x\",\"y\")"}) {
            const std::string cell = protopub::model::csv_cell(std::string(1, lead) + rest);
            INFO(cell);
            CHECK(valid_output::csv_problem(cell + "\r\n") == "");
            CHECK(cell.rfind("\"'" + std::string(1, lead), 0) == 0);  // quoted, then an apostrophe
        }
    CHECK(protopub::model::csv_cell("4.21") == "4.21");
    CHECK(protopub::model::csv_cell("a = b") == "a = b");
    CHECK(valid_output::csv_problem("a,=1+1\r\n") != "");
}

TEST_CASE("JSON strings: a byte that needs escaping is escaped at any place in a long run", "[model][serialize]") {
    // (runs are scanned eight bytes at a time: every offset and every kind of byte)
    for (int c = 0; c < 256; ++c)
        for (std::size_t at = 0; at < 24; ++at) {
            std::string s(24, 'a');
            s[at] = static_cast<char>(c);
            std::string want = "\"";
            for (char b : s) {
                const auto u = static_cast<unsigned char>(b);
                if (b == '"' || b == '\\') {
                    want += '\\';
                    want += b;
                } else if (u < 0x20) {
                    const char* short_form = b == '\n' ? "\\n" : b == '\t' ? "\\t" : b == '\r' ? "\\r" : nullptr;
                    char hex[8];
                    std::snprintf(hex, sizeof hex, "\\u%04x", u);
                    want += short_form ? short_form : hex;
                } else {
                    want += b;
                }
            }
            want += '"';
            INFO("byte " << c << " at " << at);
            REQUIRE(json_string(s) == want);
        }
}
