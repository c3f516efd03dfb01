// Ids made from numbers: one rule for sections, clauses and a constitution's sections,
// always a valid id.
#include <catch2/catch.hpp>

#include "model/ids.hpp"
#include "model/text.hpp"

using namespace protopub;

TEST_CASE("ids: an id made from a number is valid for every form of number", "[model][ids]") {
    CHECK(model::id_from_number("section", "24") == "section-24");
    CHECK(model::id_from_number("section", "2.2") == "section-2-2");
    CHECK(model::id_from_number("c", "4.21.") == "c-4-21");
    CHECK(model::id_from_number("section", "5A") == "section-5a");
    CHECK(model::id_from_number("section", "") == "section");
    // every number of up to six parts, written with and without a final dot
    for (int depth = 1; depth <= 6; ++depth)
        for (int last : {1, 9, 10, 123}) {
            std::vector<int> parts(static_cast<std::size_t>(depth), 3);
            parts.back() = last;
            for (const std::string& number : {model::join_number(parts), model::join_number(parts) + "."}) {
                INFO(number);
                const std::string id = model::id_from_number("section", number);
                CHECK(model::is_valid_id(id));
                CHECK(id.size() == std::string("section-").size() + model::join_number(parts).size());
            }
        }
}

TEST_CASE("ids: a section or clause without words takes its id from its number", "[model][ids]") {
    model::Section s;
    s.number.text = "2.2";
    s.number.parts = {2, 2};
    // a numbered sub-heading without words: "section-2.2" was not a valid id
    CHECK(model::derive_section_id(s) == "section-2-2");
    CHECK(model::is_valid_id(model::derive_section_id(s)));
    model::Section untitled;
    CHECK(model::derive_section_id(untitled) == "section");
    model::Clause c;
    c.number.text = "1.4";
    c.number.parts = {1, 4};
    CHECK(model::derive_clause_id(c) == "c-1-4");
    CHECK(model::derive_clause_id(model::Clause{}) == "c-x");
    s.heading = {{model::InlineKind::text, "Roles of councillors"}};
    CHECK(model::derive_section_id(s) == "roles-of-councillors");
}
