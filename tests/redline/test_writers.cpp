// The change model as JSON and CSV, and the schedule of changes.
#include <catch2/catch.hpp>

#include "redline/redline.hpp"
#include "redline/versions.hpp"

using namespace protopub;
using namespace redline_test;

TEST_CASE("JSON lists every clause with the required fields", "[redline][json]") {
    const auto old = load(fixture);
    const auto edited = delete_one(insert_early(old));
    const std::string json = redline::to_json(redline::compare_versions(old, edited), old, edited);
    CHECK(json.rfind("{\"old\":{\"path\":", 0) == 0);
    CHECK(json.find("\"summary\":{\"unchanged\":24,\"renumbered\":0,\"amended\":0,\"moved\":0,\"inserted\":1,"
                    "\"deleted\":1,\"split\":0,\"merged\":0}") != std::string::npos);
    CHECK(json.find("{\"kind\":\"inserted\",\"old\":null,\"new\":{\"id\":\"group-protocols\",\"number\":\"6.2\"},"
                    "\"words_inserted\":11,\"words_deleted\":0,") != std::string::npos);
    CHECK(
        json.find("{\"kind\":\"deleted\",\"old\":{\"id\":\"on-the-invitation-of\",\"number\":\"6.2\"},\"new\":null,") !=
        std::string::npos);
}

TEST_CASE("JSON of a split names every part", "[redline][json]") {
    const auto old = load(fixture);
    const auto edited = split_one(old);
    const std::string json = redline::to_json(redline::compare_versions(old, edited), old, edited);
    CHECK(
        json.find("\"new\":{\"id\":\"officer-support-in-these\",\"number\":\"6.3\"},\"new_parts\":[{\"id\":"
                  "\"officer-support-in-these\",\"number\":\"6.3\"},{\"id\":\"party-business\",\"number\":\"6.4\"}]") !=
        std::string::npos);
}

TEST_CASE("CSV has a header and one quoted row per clause", "[redline][csv]") {
    const auto old = load(fixture);
    const auto edited = reword_some(old);
    const std::string csv = redline::to_csv(redline::compare_versions(old, edited));
    CHECK(csv.rfind("kind,part,old_id,old_number,new_id,new_number,words_inserted,words_deleted,amended,"
                    "consequential_references,similarity,summary\r\n",
                    0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 26);
    CHECK(csv.find("amended,clause,officers-will-not-normally,6.6,officers-will-not-normally,6.6,1,1,yes,0,0.978,"
                   "'normally attend and' replaced by 'usually attend and'\r\n") != std::string::npos);
}

TEST_CASE("the schedule has one row per change and folds a run of renumbered clauses", "[redline][schedule]") {
    const auto old = load(fixture);
    const auto edited = move_and_reword(old);
    const auto rows = redline::schedule_of_changes(redline::compare_versions(old, edited));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].old_number == "5.3");
    CHECK(rows[0].new_number == "5.2");
    CHECK(rows[0].kind == "renumbered");
    CHECK(rows[1].kind == "moved");
    CHECK(rows[1].old_number == "5.2");
    CHECK(rows[1].new_number == "7.4");
    CHECK(rows[2].old_number == "7.4 to 7.7");
    CHECK(rows[2].new_number == "7.5 to 7.8");
    CHECK(redline::schedule_csv(rows) ==
          "old_number,new_number,kind,summary\r\n"
          "5.3,5.2,renumbered,Renumbered; wording unchanged\r\n"
          "5.2,7.4,moved,Moved from 5.2 (Officers and the Cabinet/Portfolio Holders); 'normally be produced' replaced "
          "by 'usually be produced'\r\n"
          "7.4 to 7.7,7.5 to 7.8,renumbered,Renumbered; wording unchanged\r\n");
}

TEST_CASE("consequential references get a schedule row of their own kind", "[redline][schedule]") {
    const auto old = load(fixture);
    const auto rows = redline::schedule_of_changes(redline::compare_versions(old, insert_early(old)));
    REQUIRE(rows.size() == 3);
    CHECK(rows[2].kind == "consequential");
    CHECK(rows[2].old_number == "7.7");
    CHECK(rows[2].summary == "Reference updated (consequential): 6.4 to 6.5");
}

TEST_CASE("the schedule as a Protocol is one table", "[redline][schedule]") {
    const auto old = load(fixture);
    const auto edited = reword_some(old);
    const auto rows = redline::schedule_of_changes(redline::compare_versions(old, edited));
    const auto p = redline::build_schedule(rows, old, edited);
    REQUIRE(p.sections.size() == 1);
    REQUIRE(p.sections[0].intro.size() == 2);
    const auto& table = p.sections[0].intro[1];
    CHECK(table.kind == model::BlockKind::table);
    CHECK(table.rows.size() == rows.size() + 1);
    CHECK(model::plain_text(table.rows[1].cells[3].inlines) == rows[0].summary);
}
