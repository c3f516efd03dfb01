// Sections, introductions, preambles and front matter as changes of their own: a row in
// the schedule, an entry in the JSON and CSV with its part and kind, and drawn in the
// redline (a deleted section's heading struck through, with its clauses).
#include <catch2/catch.hpp>

#include "redline/redline.hpp"
#include "redline/versions.hpp"

using namespace protopub;
using namespace redline_test;
using model::ChangeKind;
using model::InlineKind;

namespace {

std::vector<const redline::Change*> of_part(const redline::ChangeSet& set, redline::Part part) {
    std::vector<const redline::Change*> out;
    for (const auto& c : set.changes)
        if (c.part == part) out.push_back(&c);
    return out;
}

std::string row(const redline::ScheduleRow& r) {
    return r.old_number + " | " + r.new_number + " | " + r.kind + " | " + r.summary;
}

std::vector<std::string> schedule(const model::Protocol& old, const model::Protocol& edited) {
    std::vector<std::string> out;
    for (const auto& r : redline::schedule_of_changes(redline::compare_versions(old, edited))) out.push_back(row(r));
    return out;
}

// The words of inlines with their marks: "Officers and [-Whole-][+the Full+] Council".
std::string shown(const model::Inlines& inlines) {
    std::string out;
    for (const auto& in : inlines) {
        if (in.kind == InlineKind::inserted)
            out += "[+" + shown(in.children) + "+]";
        else if (in.kind == InlineKind::deleted)
            out += "[-" + shown(in.children) + "-]";
        else
            out += in.children.empty() ? in.text : shown(in.children);
    }
    return out;
}

const model::Section& redline_section(const model::Protocol& red, const std::string& id) {
    for (const auto& s : red.sections)
        if (s.id == id) return s;
    FAIL("no section " << id << " in the redline");
    return red.sections.front();
}

}  // namespace

TEST_CASE("a renamed section is a change of its own, whether or not its id changed", "[redline][sections]") {
    const auto old = load(fixture);
    for (auto edit : {rename_section, rename_section_and_id}) {
        const auto edited = edit(old);
        const auto set = redline::compare_versions(old, edited);
        const auto sections = of_part(set, redline::Part::section);
        REQUIRE(sections.size() == 1);
        CHECK(sections[0]->kind == ChangeKind::amended);
        CHECK(sections[0]->old[0].number == "4");
        CHECK(sections[0]->new_[0].number == "4");
        CHECK(sections[0]->words_deleted == 1);
        CHECK(sections[0]->words_inserted == 2);
        CHECK(set.changed() == 1);  // its clause is unchanged
        CHECK(
            schedule(old, edited) ==
            std::vector<std::string>{"Section 4 | Section 4 | heading amended | Section 4 heading: 'Officers and Whole "
                                     "Council' replaced by 'Officers and the Full Council'"});
        const std::string json = redline::to_json(set, old, edited);
        CHECK(
            json.find("{\"kind\":\"amended\",\"old\":{\"id\":\"officers-and-whole-council\",\"number\":\"4\"},\"new\":{"
                      "\"id\":\"" +
                      edited.sections[4].id +
                      "\",\"number\":\"4\"},\"words_inserted\":2,"
                      "\"words_deleted\":1,") != std::string::npos);
        CHECK(json.find("\"part\":\"section\",\"summary\":\"Section 4 heading: ") != std::string::npos);
        CHECK(json.find("\"parts\":{\"section\":1,\"introduction\":0,\"front_matter\":0}") != std::string::npos);
        CHECK(redline::to_csv(set).find("\r\namended,section,officers-and-whole-council,4,") != std::string::npos);

        const auto red = redline::build_redline(set, old, edited);
        const auto& heading = redline_section(red, edited.sections[4].id);
        CHECK(shown(heading.heading) == "Officers and [-Whole-][+the Full+] Council");
        CHECK(heading.change.kind == ChangeKind::amended);
        CHECK(heading.clauses.size() == 1);
    }
}

TEST_CASE("a deleted section is shown struck through with its clauses, and scheduled", "[redline][sections]") {
    const auto old = load(fixture);
    const auto edited = delete_section(old);
    const auto set = redline::compare_versions(old, edited);
    CHECK(schedule(old, edited) ==
          std::vector<std::string>{
              "Section 4 |  | section deleted | Section 4 'Officers and Whole Council' deleted, with paragraph 4.1",
              "4.1 |  | deleted | Deleted: 'Officers are required at all times to serve the whole…'"});
    CHECK(redline::to_csv(set).find("\r\ndeleted,section,officers-and-whole-council,4,,,0,4,") != std::string::npos);

    const auto red = redline::build_redline(set, old, edited);
    REQUIRE(red.sections.size() == old.sections.size());
    const auto& gone = red.sections[4];  // in its old place, between sections 3 and 5
    CHECK(gone.id == "officers-and-whole-council");
    CHECK(gone.change.kind == ChangeKind::deleted);
    CHECK(gone.number.text == "4.");
    CHECK(shown(gone.heading) == "[-Officers and Whole Council-]");
    REQUIRE(gone.clauses.size() == 1);
    CHECK(gone.clauses[0].change.kind == ChangeKind::deleted);
    CHECK(red.sections[5].id == "officers-and-the-cabinet");
    CHECK(red.sections[5].change.kind == ChangeKind::unchanged);
}

TEST_CASE("an inserted section is scheduled with its new number", "[redline][sections]") {
    const auto old = load(fixture);
    const auto edited = insert_section(old);
    CHECK(schedule(old, edited) ==
          std::vector<std::string>{
              " | Section 8 | section inserted | New section 8: 'Review'",
              " | 8.1 | inserted | New paragraph: 'This protocol will be reviewed every four years.'"});
    const auto red = redline::build_redline(redline::compare_versions(old, edited), old, edited);
    const auto& added = red.sections.back();
    CHECK(added.change.kind == ChangeKind::inserted);
    CHECK(shown(added.heading) == "[+Review+]");
    REQUIRE(added.intro.size() == 1);
    CHECK(shown(added.intro[0].inlines) == "[+The Standards Committee keeps this protocol under review.+]");
}

TEST_CASE("introductions and the preamble are diffed word by word", "[redline][sections]") {
    const auto old = load(fixture);
    const auto edited = edit_introductions(old);
    const auto set = redline::compare_versions(old, edited);
    CHECK(set.count(redline::Part::introduction) == 2);
    CHECK(set.count(redline::Part::clause) == 0);
    CHECK(
        schedule(old, edited) ==
        std::vector<std::string>{
            " |  | introduction amended | Preamble (Report to the Standards Committee): 'approve the revised' replaced "
            "by 'note the revised'; 'Group leaders have been consulted.' inserted",
            "Section 2 | Section 2 | introduction amended | Introduction to section 2: 'whether or not' replaced by "
            "'however often'; 'often' deleted"});

    const auto red = redline::build_redline(set, old, edited);
    const auto& preamble = red.sections[0].intro;
    REQUIRE(preamble.size() == 3);
    CHECK(
        shown(preamble[0].inlines) ==
        "The Standards Committee is asked to [-approve-][+note+] the revised protocol for recommendation to Council.");
    CHECK(shown(preamble[1].inlines) == "The protocol was last reviewed in 2019.");
    CHECK(shown(preamble[2].inlines) == "[+Group leaders have been consulted.+]");
}

TEST_CASE("a paragraph dropped from an introduction is a deleted paragraph of its own", "[redline][sections]") {
    const auto old = load(fixture);
    const auto edited = drop_preamble_paragraph(old);
    const auto red = redline::build_redline(redline::compare_versions(old, edited), old, edited);
    const auto& preamble = red.sections[0].intro;
    REQUIRE(preamble.size() == 2);
    CHECK(shown(preamble[0].inlines) ==
          "[-The Standards Committee is asked to approve the revised protocol for recommendation to Council.-]");
    CHECK(shown(preamble[1].inlines) == "The protocol was last reviewed in 2019.");
}

TEST_CASE("front-matter changes are in the schedule", "[redline][sections]") {
    const auto old = load(fixture);
    const auto edited = new_front_matter(old);
    CHECK(schedule(old, edited) ==
          std::vector<std::string>{
              " |  | front matter | Title: 'Protocol on Member/Officer Relations' replaced by 'Protocol on Member and "
              "Officer Relations'",
              " |  | front matter | Version: '2023' replaced by '2024'",
              " |  | front matter | Adoption date: '2023-04-04' replaced by '2024-05-01'"});
    const std::string json = redline::to_json(redline::compare_versions(old, edited), old, edited);
    CHECK(json.find("{\"kind\":\"amended\",\"old\":{\"id\":\"adopted\",\"number\":\"\"},\"new\":{\"id\":\"adopted\","
                    "\"number\":\"\"}") != std::string::npos);
    CHECK(json.find("\"part\":\"front_matter\",\"summary\":\"Version: '2023' replaced by '2024'\"") !=
          std::string::npos);

    // the protocol's place in the constitution is a fact of its front matter too
    auto moved = old;
    moved.meta.constitution = model::ConstitutionPlace{"5", "25"};
    const auto rows = schedule(old, moved);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0] == " |  | front matter | Constitution 'Part 5, Section 25' added");
}

TEST_CASE("the schedule names the parts of a split and of a merge", "[redline][sections]") {
    const auto old = load(fixture);
    const auto split_rows = schedule(old, split_one(old));
    REQUIRE(split_rows.size() == 3);  // and the run renumbered after them
    CHECK(split_rows[0].rfind("6.3 | 6.3 and 6.4 | split | Split into 6.3 and 6.4", 0) == 0);
    const auto merge_rows = schedule(old, merge_two(old));
    REQUIRE(merge_rows.size() == 2);  // and the run renumbered after them
    CHECK(merge_rows[0].rfind("7.1 and 7.2 | 7.1 | merged | 7.1 and 7.2 merged into 7.1", 0) == 0);
}

TEST_CASE("renumbered sections fold into the run of renumbered clauses", "[redline][sections]") {
    const auto old = load(fixture);
    auto edited = delete_section(old);
    for (auto& s : edited.sections) {  // sections 5 to 7 become 4 to 6, and their clauses with them
        if (s.number.empty() || s.number.parts[0] < 5) continue;
        const int n = --s.number.parts[0];
        s.number.text = std::to_string(n) + ".";
        for (auto& c : s.clauses) {
            c.number.parts[0] = n;
            c.number.text = model::join_number(c.number.parts);
        }
    }
    const auto rows = redline::schedule_of_changes(redline::compare_versions(old, edited));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].kind == "section deleted");
    CHECK(row(rows[2]) ==
          "5.1 to 7.7 | 4.1 to 6.7 | renumbered | Renumbered; wording unchanged; sections 5 to 7 "
          "renumbered 4 to 6");
}

// Issue 15: a section moved is one change of its own (kind moved, part section), drawn at
// its old place (struck, with its clauses' old places under it) and at its new place.
TEST_CASE("a moved section is a change of its own, drawn at its old place and its new", "[redline][sections]") {
    const std::string front = "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n";
    const std::string roles = "## 1. Roles {#roles}\n\n1.1 {#r1} Councillors and officers serve the public.\n\n";
    const std::string media = "Media {#media}\n\nNB.1 {#m1} Press releases go through the press office.\n\n";
    const std::string meetings =
        "Meetings {#meet}\n\nNB.1 {#t1} Meetings are held in public.\n\nNB.2 {#t2} Agendas are published "
        "five clear days before.\n\nNB.3 {#t3} Minutes are approved at the next meeting.\n\n";
    const auto numbered = [](std::string text, int n) {
        for (auto at = text.find("NB"); at != std::string::npos; at = text.find("NB"))
            text.replace(at, 2, std::to_string(n));
        return "## " + std::to_string(n) + ". " + text;
    };
    const auto old = parse(front + roles + numbered(media, 2) + numbered(meetings, 3));
    const auto now = parse(front + roles + numbered(meetings, 2) + numbered(media, 3));
    const auto set = redline::compare_versions(old, now);
    const auto sections = of_part(set, redline::Part::section);
    REQUIRE(sections.size() == 2);
    CHECK(sections[0]->kind == ChangeKind::renumbered);  // Meetings, 3 -> 2
    CHECK(sections[1]->kind == ChangeKind::moved);
    CHECK(sections[1]->old[0].id == "media");
    CHECK(sections[1]->old[0].number == "2");
    CHECK(sections[1]->new_[0].number == "3");
    CHECK(sections[1]->move_id == "section-move-1");
    CHECK(set.count(ChangeKind::moved) == 1);  // its clause, a move of its own
    CHECK(schedule(old, now) ==
          std::vector<std::string>{"3.1 to 3.3 | 2.1 to 2.3 | renumbered | Renumbered; wording unchanged; section 3 "
                                   "renumbered 2",
                                   "Section 2 | Section 3 | section moved | Section 3 'Media' moved from after section "
                                   "1 (formerly section 2)",
                                   "2.1 | 3.1 | moved | Moved from 2.1 (Media)"});
    const std::string json = redline::to_json(set, old, now);
    CHECK(json.find("{\"kind\":\"moved\",\"old\":{\"id\":\"media\",\"number\":\"2\"},\"new\":{\"id\":\"media\","
                    "\"number\":\"3\"}") != std::string::npos);
    CHECK(json.find("\"move_id\":\"section-move-1\",\"part\":\"section\"") != std::string::npos);
    CHECK(redline::to_csv(set).find("moved,section,media,2,media,3,") != std::string::npos);

    // The redline: Roles, Media's old place (struck, its clause's old place under it),
    // Meetings, Media at its new place (inserted, its clause there), in that order.
    const auto red = redline::build_redline(set, old, now);
    REQUIRE(red.sections.size() == 4);
    const auto& from = red.sections[1];
    CHECK(shown(from.heading) == "[-Media-]");
    CHECK(from.change.kind == ChangeKind::moved);
    CHECK(from.change.moved_from);
    CHECK(from.change.counterpart_id == "media");
    REQUIRE(from.clauses.size() == 1);
    CHECK(from.clauses[0].change.moved_from);
    CHECK(red.sections[2].id == "meet");
    const auto& to = red.sections[3];
    CHECK(to.id == "media");
    CHECK(shown(to.heading) == "[+Media+]");
    CHECK(to.change.kind == ChangeKind::moved);
    CHECK_FALSE(to.change.moved_from);
    CHECK(to.change.counterpart_id == from.id);
    REQUIRE(to.clauses.size() == 1);
    CHECK(to.clauses[0].id == "m1");
}
