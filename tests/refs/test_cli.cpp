// protopub check and protopub refs, as a user runs them.
#include <catch2/catch.hpp>

#include "refs/helpers.hpp"

using namespace protopub;
using refs_test::data_path;
using testing::run_cli;

TEST_CASE("check fails on a dangling reference with its exact location", "[refs]") {
    const std::string file = data_path("dangling.md");
    auto run = run_cli({"check", file});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(file + ":12:74: error: reference 'paragraph 9.9' points nowhere: there is no clause 9.9") !=
          std::string::npos);
}

TEST_CASE("check passes a protocol whose references all resolve", "[refs]") {
    auto run = run_cli({"check", data_path("statutes.md")});
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
}

TEST_CASE("refs lists each reference with location, kind, words and target", "[refs]") {
    const std::string file = data_path("statutes.md");
    auto run = run_cli({"refs", file});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find(file + ":10:73\tstatute\tsection 114 of the Local Government Finance Act 1988\t"
                              "https://www.legislation.gov.uk/ukpga/1988/41/section/114\n") != std::string::npos);
    CHECK(run.out.find("\tterm\tthe Act\t#publicity\n") != std::string::npos);

    auto internal = run_cli({"refs", data_path("internal.md")});
    CHECK(internal.exit_code == 1);  // the deleted clause is cited
    CHECK(internal.out.find("\tinternal\tparagraphs 2.1 to 2.3\t#councillors .. #chairs\n") != std::string::npos);
}

TEST_CASE("refs --json gives the same facts as data", "[refs]") {
    auto run = run_cli({"refs", "--json", data_path("dangling.md")});
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("\"kind\": \"internal\", \"text\": \"paragraph 9.9\", \"targets\": [{\"number\": \"9.9\", "
                       "\"id\": \"\", \"line\": 12, \"column\": 84, \"range_end\": false}], \"range\": false") != std::string::npos);
    CHECK(run.out.find("\"resolved\": false") != std::string::npos);
    CHECK(run.out.front() == '[');
}
