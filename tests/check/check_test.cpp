// Every diagnostic class of `protopub check`, each on a small bad input, asserting the
// exact file:line:col. Sources from support.hpp have 7 lines of front matter and a blank
// line, so the body starts on line 8.
#include <catch2/catch.hpp>

#include "check/check.hpp"
#include "model/text.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"
#include "support.hpp"

using namespace protopub;

namespace {
std::string diagnose(const std::string& text) {
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(text, "t.md", diags);
    check::check_structure(p, diags);
    diags.sort();
    return testing::formatted(diags);
}

// As `protopub check` reads a source: references resolved too.
std::string diagnose_with_references(const std::string& text) {
    model::Diagnostics diags;
    model::Protocol p = source::read_protocol(text, "t.md", diags);
    refs::resolve_references(p, diags);
    check::check_structure(p, diags);
    diags.sort();
    return testing::formatted(diags);
}
}  // namespace

TEST_CASE("a clean source has no diagnostics", "[check]") {
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 One.\n\n1.2 Two.\n\n## 2. Next\n\n2.1 Three.\n")) ==
          "");
}

TEST_CASE("front matter: missing, unclosed, missing fields, bad values, YAML syntax", "[check][front-matter]") {
    CHECK(diagnose("## 1. Intro\n\n1.1 One.\n") ==
          "t.md:1:1: error: missing front matter: the file must start with '---', the fields (title, council, "
          "version, status), and '---'\n");
    CHECK(diagnose("---\ntitle: x\n\n1.1 One.\n") ==
          "t.md:1:1: error: front matter is not closed: add a '---' line after the fields\n");
    CHECK(diagnose("---\ntitle: T\nversion: \"1\"\nstatus: draft\n---\n## 1. A\n\n1.1 x\n") ==
          "t.md:1:1: error: front matter: missing required field 'council'\n");
    CHECK(diagnose("---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: final\n---\n## 1. A\n\n1.1 x\n") ==
          "t.md:5:9: error: front matter: 'status' must be draft, adopted or superseded, not 'final'\n");
    CHECK(diagnose("---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: adopted\nadopted: 4 April 2023\n---\n## 1. "
                   "A\n\n1.1 x\n") ==
          "t.md:6:10: error: front matter: 'adopted' must be a date written YYYY-MM-DD, not '4 April 2023'\n");
    CHECK(diagnose("---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: adopted\n---\n## 1. A\n\n1.1 x\n") ==
          "t.md:1:1: error: front matter: a protocol with status 'adopted' needs an 'adopted' date\n");
    CHECK(diagnose("---\ntitle: T\ncouncil: [C\nversion: \"1\"\n---\n## 1. A\n\n1.1 x\n").rfind("t.md:4:", 0) == 0);
    CHECK(diagnose("---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\nadopted_on: 2020-01-01\n---\n## 1. "
                   "A\n\n1.1 x\n") == "t.md:6:1: warning: front matter: unknown field 'adopted_on'\n");
}

TEST_CASE("numbering gaps", "[check][numbering]") {
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 One.\n\n1.3 Three.\n")) ==
          "t.md:12:1: error: clause 1.3 follows 1.1: 1.2 is missing\n");
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 One.\n\n1.1.2 Deep.\n")) ==
          "t.md:12:1: error: clause 1.1.2 follows 1.1: 1.1.1 is missing\n");
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 One.\n\n## 3. Later\n\n3.1 x\n")) ==
          "t.md:12:1: error: section 3 follows section 1: section 2 is missing\n");
}

TEST_CASE("a section whose clauses all stand under its sub-headings is numbered by them", "[check][numbering]") {
    // "IF THINGS GO WRONG" / "Procedure for officers" / 10.1: the section has no clause of its own
    CHECK(diagnose(testing::source_with_body("## Intro\n\n1.1 One.\n\n## Wrong\n\n### Officers\n\n2.1 Two.\n\n"
                                             "### Councillors\n\n2.2 Three.\n")) == "");
    CHECK(diagnose(testing::source_with_body("## Intro\n\n1.1 One.\n\n## Wrong\n\n### Officers\n\n3.1 Two.\n")) ==
          "t.md:12:1: error: section 3 follows section 1: section 2 is missing\n");
}

// An excerpt, or a Part that goes on from an earlier one, opens in the middle of a
// series: "## 7. Members" / "7.1 Rights" / "7.1.5 Participation", or "8.63" alone. Every
// opening of one to three numbers that does not start at 1 is checked, with what follows
// it: the numbers going on from the opening pass; a gap after it, or an opening that
// starts at 1 and then skips, is still an error; a reference to a number before the text
// is a warning, one past it that points nowhere an error.
TEST_CASE("a text may open in the middle of a series, at any depth", "[check][numbering]") {
    int cases = 0;
    for (int section = 1; section <= 9; section += 2)
        for (int depth = 1; depth <= 3; ++depth)
            for (int start = 1; start <= 6; start += 1) {
                // the opening: section.start, then section.start.start ... down to `depth` parts
                std::vector<std::vector<int>> opening;
                std::vector<int> n = {section};
                for (int d = 0; d < depth; ++d) {
                    n.push_back(start);
                    opening.push_back(n);
                }
                std::string body = "## " + std::to_string(section) + ". Members\n\n";
                for (const auto& o : opening)
                    body += model::join_number(o) + " Words of " + model::join_number(o) + ".\n\n";
                std::vector<int> next = opening.back();
                ++next.back();
                const std::vector<int> after = {section, start + 1};
                const bool continues = section > 1 || start > 1;
                std::string rest = model::join_number(next) + " The next one.\n\n";
                if (depth > 1) rest += model::join_number(after) + " Moving on.\n\n";
                rest += "## " + std::to_string(section + 1) + ". Next\n\n" + std::to_string(section + 1) + ".1 Last.\n";
                INFO(body + rest);
                ++cases;
                CHECK(diagnose(testing::source_with_body(body + rest)) == "");
                // a gap after the opening is still one
                std::vector<int> skipped = next;
                ++skipped.back();
                const std::string gap = body + model::join_number(skipped) + " Skipped one.\n";
                CHECK(diagnose(testing::source_with_body(gap))
                          .find("error: clause " + model::join_number(skipped) + " follows " +
                                model::join_number(opening.back())) != std::string::npos);
                // references: to a number before the text, and to one past it
                if (!continues) continue;
                const std::string before =
                    start > 1 ? std::to_string(section) + ".1" : std::to_string(section - 1) + ".3";
                const std::string refs = body + model::join_number(next) + " See paragraph " + before +
                                         " and paragraph " + std::to_string(section) + ".40.\n";
                const std::string got = diagnose_with_references(testing::source_with_body(refs));
                INFO(got);
                CHECK(got.find("warning: reference 'paragraph " + before +
                               "' is to a clause before this text begins") != std::string::npos);
                CHECK(got.find("error: reference 'paragraph " + std::to_string(section) + ".40' points nowhere") !=
                      std::string::npos);
            }
    CHECK(cases == 90);
    // an opening from 1 that skips is a gap, where it opens and inside it
    CHECK(diagnose(testing::source_with_body("## 1. Members\n\n1.1 One.\n\n1.1.5 Five.\n")) ==
          "t.md:12:1: error: clause 1.1.5 follows 1.1: 1.1.1 is missing\n");
    CHECK(diagnose(testing::source_with_body("## 7. Members\n\n7.1 One.\n\n7.1.5 Five.\n\n7.1.7 Seven.\n")) ==
          "t.md:14:1: error: clause 7.1.7 follows 7.1.5: 7.1.6 is missing\n");
    // a single-level text that opens at 5.
    CHECK(diagnose(testing::source_with_body("## Members\n\n5. Five.\n\n6. Six.\n")) == "");
}

TEST_CASE("duplicate numbers and numbers out of order", "[check][numbering]") {
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 One.\n\n1.2 Two.\n\n1.2 Again.\n")) ==
          "t.md:14:1: error: clause 1.2 is numbered twice (first at line 12)\n");
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 One.\n\n1.2 Two.\n\n1.3 x\n\n1.4 y\n\n1.1.1 z\n")) ==
          "t.md:18:1: error: clause 1.1.1 comes after 1.4\n");
}

TEST_CASE("numbers out of place", "[check][numbering]") {
    CHECK(diagnose(testing::source_with_body("## 4. Four\n\n4.1 One.\n\n2.3 Stray.\n\n4.2 Two.\n")) ==
          "t.md:12:1: error: clause 2.3 is inside section 4\n");
}

TEST_CASE("duplicate ids, malformed ids", "[check][ids]") {
    CHECK(diagnose(testing::source_with_body("## 1. Intro {#intro}\n\n1.1 {#intro} One.\n")) ==
          "t.md:10:1: error: id 'intro' is used twice (first at line 8)\n");
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 {#9lives} One.\n")) ==
          "t.md:10:5: error: malformed clause id '{#9lives}': ids start with a letter and use letters, digits, '-' "
          "and '_'\n");
}

TEST_CASE("empty clauses", "[check]") {
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 {#a}\n\n1.2 Two.\n")) ==
          "t.md:10:1: error: clause 1.1 has no text\n");
}

TEST_CASE("encoding: invalid UTF-8, UTF-16, NUL bytes, empty file", "[check][encoding]") {
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 Caf\xe9 society.\n")) ==
          "t.md:10:8: error: invalid UTF-8 byte 0xe9\n");
    CHECK(diagnose(std::string("\xFF\xFE-\0-\0-\0", 8)) == "t.md:1:1: error: the file is UTF-16; save it as UTF-8\n");
    CHECK(diagnose(std::string("---\ntitle: a\0b\n", 14)) ==
          "t.md:2:9: error: NUL byte in the text: this is not a text file\n");
    CHECK(diagnose("") == "t.md:1:1: error: the file is empty\n");
    CHECK(diagnose(" \n\n") == "t.md:1:1: error: the file is empty\n");
}

TEST_CASE("unsafe links are reported and dropped", "[check][links]") {
    CHECK(diagnose(testing::source_with_body("## 1. Intro\n\n1.1 See [this](javascript:alert(1)).\n")) ==
          "t.md:10:9: warning: link scheme 'javascript:' is not allowed; shown as text\n");
}

TEST_CASE("CRLF and lone CR line ends give the same positions as LF", "[check][encoding]") {
    std::string lf = testing::source_with_body("## 1. Intro\n\n1.1 One.\n\n1.3 Three.\n");
    std::string crlf, cr;
    for (char c : lf) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        cr += c == '\n' ? '\r' : c;
    }
    CHECK(diagnose(crlf) == diagnose(lf));
    CHECK(diagnose(cr) == diagnose(lf));
}
