// The word diff on its own: whole words, clean-up, whole replacement.
#include <catch2/catch.hpp>

#include "redline/redline.hpp"

using namespace protopub::redline;

namespace {
std::string show(const std::vector<TextEdit>& edits) {
    std::string out;
    for (const auto& e : edits) {
        const char* mark = e.op == Op::equal ? "" : e.op == Op::inserted ? "+" : "-";
        out += (out.empty() ? "" : "|") + std::string(mark) + e.text;
    }
    return out;
}
}  // namespace

TEST_CASE("two whole-word replacements, nothing else", "[redline][words]") {
    const auto edits = diff_text("The dog was a little hungry", "The duck was a bit hungry");
    CHECK(show(edits) == "The|-dog|+duck|was a|-little|+bit|hungry");
}

TEST_CASE("never a partial word", "[redline][words]") {
    CHECK(show(diff_text("the councillor's role", "the councillors' role")) == "the|-councillor's|+councillors'|role");
    CHECK(show(diff_text("decision-making process", "decision-taking process")) ==
          "-decision-making|+decision-taking|process");
}

TEST_CASE("punctuation is its own token", "[redline][words]") {
    CHECK(show(diff_text("officers, members and staff.", "officers, members, and staff.")) ==
          "officers, members|+,|and staff.");
}

TEST_CASE("short islands of common words between changes are absorbed", "[redline][words]") {
    // "the" between two replaced phrases would read as noise: one replacement instead.
    CHECK(show(diff_text(
              "Complaints must be made within five working days after the meeting to the Monitoring Officer.",
              "Complaints must be made within ten calendar days from the hearing to the Monitoring Officer.")) ==
          "Complaints must be made within|-five working days after the meeting|+ten calendar days from the hearing|"
          "to the Monitoring Officer.");
    // Three common words are not an island: they stay.
    CHECK(show(diff_text("within five working days of the meeting date", "within ten calendar days of the hearing")) ==
          "within|-five working|+ten calendar|days of the|-meeting date|+hearing");
}

TEST_CASE("quote styles and white space are not word changes", "[redline][words]") {
    CHECK(
        show(diff_text("referred to as \"officers\"  throughout", "referred to as \u201cofficers\u201d throughout")) ==
        "referred to as \"officers\" throughout");
}

TEST_CASE("a text rewritten beyond the threshold is replaced whole", "[redline][words]") {
    CHECK(show(diff_text("Officers serve the whole Council.", "Members may ask questions at any meeting.")) ==
          "-Officers serve the whole Council.|+Members may ask questions at any meeting.");
}

TEST_CASE("clause numbers are whole tokens", "[redline][words]") {
    CHECK(show(diff_text("under paragraph 3.2 and 4.10.", "under paragraph 3.3 and 4.10.")) ==
          "under paragraph|-3.2|+3.3|and 4.10.");
}
