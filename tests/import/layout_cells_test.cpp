// The rules that brought the last cells of the round trip (roundtrip_test.cpp) home, each on
// generated text of its whole class: every width, every length of the line that decides.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>

#include "check/check.hpp"
#include "import/import.hpp"
#include "model/text.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"

using namespace protopub;

namespace {

struct Imported {
    import::ImportResult result;
    std::string markdown;
    std::string printed;                // every diagnostic as the CLI prints it, a line each
    std::vector<std::string> numbers;   // clause numbers in order
    std::vector<std::string> labels;    // sub-item labels in order
    std::vector<std::string> sections;  // section headings in order (numbers aside)
};

Imported import_text(const std::string& text) {
    Imported out;
    import::ImportOptions options;
    options.council = "Test District Council";
    model::Diagnostics diags;
    out.result = import::import_text(text, "t.txt", options, diags);
    for (const auto& d : diags.items()) out.printed += model::format(d) + "\n";
    INFO(out.printed);
    REQUIRE(out.result.ok);
    out.markdown = source::write_protocol(out.result.protocol);
    INFO(out.markdown);
    model::Diagnostics checked;
    const model::Protocol again = source::read_protocol(out.markdown, "t.md", checked);
    check::check_structure(again, checked);
    CHECK(checked.error_count() == 0);
    for (const auto& s : again.sections) {
        if (s.kind == model::SectionKind::preamble) continue;
        out.sections.push_back(model::plain_text(s.heading));
        for (const auto& c : s.clauses) {
            out.numbers.push_back(model::join_number(c.number.parts));
            for (const auto& b : c.blocks)
                for (const auto& item : b.items) out.labels.push_back(item.label);
        }
    }
    return out;
}

// Words exactly `n` bytes long (n >= 24), the first `first`, none ending a sentence.
std::string words_of_length(std::size_t n, const std::string& first) {
    static const std::array<const char*, 10> by_length = {"law",         "work",        "staff",     "public",
                                                          "council",     "officers",    "committee", "procedures",
                                                          "councillors", "arrangements"};  // 3 to 12 letters
    std::string out = first;
    while (n - out.size() > 13) out += " officers";
    return out + " " + by_length[n - out.size() - 1 - 3];
}

// Lines hard-wrapped at `width`, the first starting with `first`: `lines` lines that run to
// within ten bytes of it (the next line's first word, "councillors", would not have fitted),
// the first ending with a small word (so no heading), the last with a full stop if `stop`.
std::string wrapped(const std::string& first, std::size_t width, int lines, bool stop = true) {
    std::string out;
    for (int k = 0; k < lines; ++k) {
        const std::size_t length = width - 1 - static_cast<std::size_t>(k * 3 % 10);
        out += (k == 0 ? words_of_length(length - 4, first) + " the" : words_of_length(length, "councillors")) +
               (k + 1 == lines && stop ? "." : "") + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("text import: no blank lines, a number or a first label after a line with room for it starts a paragraph",
          "[import][text][cells]") {
    // the line before runs to between three quarters of the width and a few bytes short of
    // it: a wrapped line in a proportional font could be as short, but no wrapped line leaves
    // room for the next line's first word
    for (std::size_t width : {40, 56, 72, 90}) {
        for (std::size_t before = width * 3 / 4; before + 12 <= width; ++before) {
            INFO("width " << width << ", the line before " << before);
            // items "1." "2." ... whose words end without a stop
            std::string text = "Member and Officer Protocol\n";
            for (int n = 1; n <= 5; ++n)
                text += wrapped(std::to_string(n) + ". Councillors", width, 3, false) +
                        words_of_length(before, "councillors") + "\n";
            Imported i = import_text(text);
            CHECK(i.numbers == std::vector<std::string>{"1", "2", "3", "4", "5"});
            CHECK(i.printed.find("t.txt:6:1: warning: '2.' taken to start a paragraph: the line before ended short of "
                                 "the width") != std::string::npos);
            // a clause's title, then its first sub-item's heading
            text = "Member and Officer Protocol\n1. Introduction\n" + wrapped("1.1 Councillors", width, 4) +
                   words_of_length(before, "1.2 Media") + "\n(a) Code of practice\n" +
                   wrapped("Councillors", width, 3) + "(b) Media enquiries\n" + wrapped("Councillors", width, 2) +
                   wrapped("1.3 Councillors", width, 3);
            i = import_text(text);
            CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3"});
            CHECK(i.labels == std::vector<std::string>{"(a)", "(b)"});
        }
    }
}

TEST_CASE("text import: a heading the clause under it opens with, glued to a sentence that lost its stop",
          "[import][text][cells]") {
    const std::vector<std::string> headings = {"Councillors", "Local Ward Councillors", "Officers",
                                               "Members of the Cabinet, Chairmen and Vice Chairmen"};
    for (const auto& heading : headings) {
        INFO(heading);
        // the clause before ends without its full stop; the heading's words open the clause under it
        const std::string before = "1.2 Officers are accountable to the Chief Executive as Head of Paid Service";
        const std::string under = "1.3 " + heading + " have four main areas of responsibility.";
        const std::string opening =
            "Member and Officer Protocol 1. INTRODUCTION 1.1 The relationship between "
            "councillors and officers is fundamental to the work of the Council. ";
        const std::string after =
            " 1.4 It is not the responsibility of councillors to manage the Council. "
            "1.5 Councillors and officers should treat each other with respect.";
        // a whole document on one line
        Imported i = import_text(opening + before + " " + heading + " " + under + after);
        CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3", "1.4", "1.5"});
        CHECK(std::count(i.sections.begin(), i.sections.end(), heading) == 1);
        CHECK(i.markdown.find("Paid Service\n") != std::string::npos);
        // no blank lines, the line before running to the width, the heading a line of its own
        const std::string service = " as Head of Paid Service";
        for (std::size_t width : {72, 80, 100}) {
            std::string text = "Member and Officer Protocol\n1. INTRODUCTION\n" + wrapped("1.1 The", width, 3) +
                               wrapped("1.2 Officers", width, 1, false) +
                               words_of_length(width - 2 - service.size(), "councillors") + service + "\n" + heading +
                               "\n" + under + "\n" + wrapped("1.4 Councillors", width, 2) +
                               wrapped("1.5 Councillors", width, 2);
            INFO(text);
            i = import_text(text);
            CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3", "1.4", "1.5"});
            CHECK(std::count(i.sections.begin(), i.sections.end(), heading) == 1);
            CHECK(i.printed.find("' taken as a heading: the clause under it opens with its words") !=
                  std::string::npos);
        }
    }
    // "... the role of Councillors" / "1.3 Councillors have ...": a phrase going on, no heading
    const Imported i = import_text(
        "Member and Officer Protocol 1. INTRODUCTION 1.1 The relationship between councillors and officers is "
        "fundamental to the work of the Council. 1.2 Officers give advice and respect the role of Councillors "
        "1.3 Councillors have four main areas of responsibility. 1.4 Officers are politically neutral.");
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3", "1.4"});
    CHECK(i.sections == std::vector<std::string>{"INTRODUCTION"});
}

TEST_CASE("text import: a lead-in's sub-clauses in small letters on one line are its items", "[import][text][cells]") {
    for (const std::string end : {", or", "; and", ";"}) {
        INFO(end);
        const Imported i = import_text(
            "Member and Officer Protocol 1. INFORMATION 1.1 Councillors may see papers held by the Council. "
            "1.2 Confidential information is information: 1.2.1 furnished to the Council by a Government "
            "Department on terms which forbid its disclosure" +
            end + " 1.2.2 which may not be disclosed by or under any enactment" + end +
            " 1.2.3 which a court has ordered kept private. 1.3 Officers should keep councillors informed.");
        CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.2.1", "1.2.2", "1.2.3", "1.3"});
    }
    // "... in paragraph 1.1, or 1.3 which ...": references, not items
    const Imported i = import_text(
        "Member and Officer Protocol 1. INFORMATION 1.1 Councillors may see papers held by the Council. "
        "1.2 Officers act as set out in paragraph 1.1, or 1.3 which gives the exceptions to it. "
        "1.3 Officers should keep councillors informed.");
    CHECK(i.numbers == std::vector<std::string>{"1.1", "1.2", "1.3"});
}

TEST_CASE("text import: a covering report and the protocol after it flattened onto one line", "[import][text][cells]") {
    const std::vector<std::string> titles = {"Code of Practice for Member/Officer Relations",
                                             "Member and Officer Protocol",
                                             "Protocol on Member/Officer Relations between Councillors and Employees"};
    const std::vector<std::string> fields = {"To: Standards Committee", "Report of: Head of Law",
                                             "Title of Report: Member/Officer Protocol"};
    for (const auto& title : titles)
        for (const auto& field : fields)
            for (int part : {5, 8, 24}) {
                const std::string p = std::to_string(part);
                INFO(title << " / " << field << " / " << p);
                // the title runs into the cover's first field, a field's value into the report's
                // point 1., the last field's value ("1") into the protocol's first number
                const std::string text =
                    title + " " + field +
                    " Date: 10 December 2010 Recommendation(s): To approve the revised code for recommendation to "
                    "Council 1. As part of its work the Committee reviewed the code. 2. The Committee asked for "
                    "views on the code. Version number: 1 " +
                    p + ".1 Status of this code This code gives guidance only. " + p +
                    ".2 Information and advice (a) General information \xE2\x80\xA2 Councillors can ask for "
                    "advice. \xE2\x80\xA2 Councillors should be reasonable. (b) Help with casework \xE2\x80\xA2 "
                    "Councillors will be given what they need. " +
                    p + ".3 Roles Officers serve the whole council.";
                const Imported i = import_text(text);
                CHECK(i.result.protocol.meta.title == title);
                CHECK(i.numbers == std::vector<std::string>{p + ".1", p + ".2", p + ".3"});
                CHECK(i.labels == std::vector<std::string>{"(a)", "(b)"});
                CHECK(i.markdown.find("Version number: 1\n") != std::string::npos);
            }
}
