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
                       "\"id\": \"\", \"line\": 12, \"column\": 84, \"range_end\": false}], \"range\": false") !=
          std::string::npos);
    CHECK(run.out.find("\"resolved\": false") != std::string::npos);
    CHECK(run.out.front() == '[');
}

TEST_CASE(
    "dangling references after escapes and entities, and on continuation lines, are reported at their exact column",
    "[refs]") {
    // the source's columns, counted in the file: cmark reports the column of the
    // paragraph's first line for indented or lazy continuation lines, and its words are
    // shorter than the source after \* and &amp;
    const std::string file = data_path("positions.md");
    auto run = run_cli({"check", file});
    CHECK(run.exit_code == 1);
    for (const char* at : {":10:40: error: reference 'paragraph 9.1'",     // after two \*
                           ":11:41: error: reference 'paragraph 9.2'",     // an indented continuation line
                           ":12:60: error: reference 'paragraph 9.3'",     // deeper, after &amp; and &#8212;
                           ":17:40: error: reference 'paragraph 9.4'",     // a sub-item's line indented past its text
                           ":20:26: error: reference 'paragraph 9.5'",     // in a quote, indented, after \[
                           ":21:26: error: reference 'paragraph 9.6'"}) {  // a lazy continuation line
        INFO(at);
        CHECK(run.err.find(file + at) != std::string::npos);
    }
    auto refs = run_cli({"refs", "--json", file});
    CHECK(refs.out.find("\"text\": \"paragraph 9.3\", \"targets\": [{\"number\": \"9.3\", \"id\": \"\", \"line\": 12, "
                        "\"column\": 70,") != std::string::npos);
}
