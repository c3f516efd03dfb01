#include <catch2/catch.hpp>

#include "model/text.hpp"

using namespace protopub::model;

TEST_CASE("slugify keeps whole words and never ends in a dash", "[model][text]") {
    CHECK(slugify("Close personal relationships", 6) == "close-personal-relationships");
    CHECK(slugify("Roles of councillors and officers in the Council", 3) == "roles-of-councillors");
    CHECK(slugify("Councillors’ Code of Conduct", 6) == "councillors-code-of-conduct");
    CHECK(slugify("  -- What? --  ", 6) == "what");
    CHECK(slugify("£ — “”", 6) == "");
}

TEST_CASE("clause numbers parse and join", "[model][text]") {
    std::vector<int> parts;
    CHECK(parse_clause_number("4.21", parts));
    CHECK(parts == std::vector<int>{4, 21});
    CHECK(parse_clause_number("24.5.", parts));
    CHECK(join_number(parts) == "24.5");
    CHECK_FALSE(parse_clause_number("4..2", parts));
    CHECK_FALSE(parse_clause_number("12345.1", parts));
    CHECK_FALSE(parse_clause_number("a.1", parts));
}

TEST_CASE("invalid UTF-8 is found at its first bad byte", "[model][text]") {
    CHECK(find_invalid_utf8("plain £ text") == std::string_view::npos);
    CHECK(find_invalid_utf8("ab\xC3") == 2);        // truncated sequence
    CHECK(find_invalid_utf8("a\xC0\xAF") == 1);     // overlong '/'
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);  // surrogate
}

TEST_CASE("word_count counts what split_words splits, and stops at its limit", "[model][text]") {
    for (const std::string& text : {std::string(""), std::string("   "), std::string("one"),
                                    std::string(" two  words "), std::string("tab\tand\nnew line"),
                                    std::string("no\xC2\xA0"
                                                "break space"),
                                    std::string("en\xE2\x80\x82space and \xE2\x80\x8Bzero width"),
                                    std::string("caf\xC3\xA9 ol\xC3\xA9 \xC2\xA0 end")}) {
        INFO(text);
        CHECK(word_count(text) == split_words(text).size());
    }
    CHECK(word_count("a b c d e f", 3) == 3);
    CHECK(word_count("a b", 3) == 2);
    CHECK(split_words("no\xC2\xA0"
                      "break  \xE2\x80\x82"
                      "x") == std::vector<std::string>{"no", "break", "x"});
}
