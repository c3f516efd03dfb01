// Reviewer decisions (compare --decisions FILE.yaml): confirm, reject, covered elsewhere,
// and decisions that no longer apply, through compare_protocols and the command.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "compare/compare.hpp"
#include "compare/report.hpp"
#include "compare/writers.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

model::Protocol parse(const std::string& council, const std::string& path, const std::string& body) {
    return testing::parse_source(testing::council_source(council, body), path);
}

const std::string kModel =
    "## 1. Expectations\n\n"
    "1.1 Councillors can expect from officers a timely response to enquiries and complaints.\n\n"
    "1.2 Officers can expect from councillors respect and courtesy, and not to be bullied.\n\n"
    "## 2. Correspondence\n\n"
    "2.1 Correspondence between a councillor and an officer should not be copied to any other councillor.\n\n"
    "2.2 Official letters on behalf of the council should be sent in the name of the officer.\n";

// The council's clauses, numbered from `first` (so the same words can be renumbered).
std::string council(int first) {
    const std::string a = std::to_string(first), b = std::to_string(first + 1);
    return "## " + a + ". Letters\n\n" + a +
           ".1 Official letters on behalf of the Council will be sent in the name of the officer.\n\n" + a +
           ".2 Correspondence between a councillor and an officer will not be copied to other councillors.\n\n"
           "## " +
           b + ". Ceremonies\n\n" + b + ".1 The Mayor leads the Council at civic ceremonies.\n";
}

const std::string kParking =
    "## 1. Parking\n\n1.1 Residents' parking permits are issued for one year from the date of application.\n";

std::string name_of(const compare::Comparison& cmp, int doc, const std::string& number) {
    const auto& d = cmp.documents[static_cast<std::size_t>(doc)];
    for (const auto& u : d.units)
        if (u.number == number) return d.id + "#" + u.id;
    FAIL("no clause " << number);
    return "";
}

std::vector<compare::Decision> read(const std::string& yaml) {
    model::Diagnostics diags;
    auto out = compare::read_decisions(yaml, "decisions.yaml", diags);
    INFO(testing::formatted(diags));
    REQUIRE_FALSE(diags.has_errors());
    return out;
}

compare::Comparison run(const std::vector<model::Protocol>& ps, const std::vector<compare::Decision>* decisions) {
    compare::Options o;
    o.base = 0;
    o.decisions = decisions;
    return compare::compare_protocols(ps, o);
}

const compare::Alignment* find(const compare::Comparison& cmp, const std::string& a, const std::string& b) {
    for (const auto& al : cmp.alignments)
        if (name_of(cmp, al.a.doc, cmp.documents[al.a.doc].units[al.a.unit].number) == a &&
            name_of(cmp, al.b.doc, cmp.documents[al.b.doc].units[al.b.unit].number) == b)
            return &al;
    return nullptr;
}

}  // namespace

TEST_CASE("compare decisions: a confirmed pair is aligned as a person's decision, and survives renumbering",
          "[compare][decisions]") {
    const std::vector<model::Protocol> ps = {parse("Model", "model.md", kModel),
                                             parse("Guildford", "guildford.md", council(1))};
    const auto before = run(ps, nullptr);
    const std::string mayor = name_of(before, 1, "2.1"), letters = name_of(before, 1, "1.1");
    const std::string model_respect = name_of(before, 0, "1.2"), model_letters = name_of(before, 0, "2.2");
    REQUIRE(find(before, letters, model_letters));      // the matcher's guess
    REQUIRE_FALSE(find(before, mayor, model_respect));  // nothing the matcher would say
    const auto decisions =
        read("decisions:\n  - confirm: " + mayor + "\n    counterpart: " + model_respect +
             "\n    by: A. Clerk\n  - confirm: " + letters + "\n    counterpart: " + model_letters + "\n");
    const auto after = run(ps, &decisions);
    const auto* added = find(after, mayor, model_respect);
    REQUIRE(added);
    CHECK(added->confirmed);
    REQUIRE(added->topic >= 0);  // the clause joined the model clause's topic
    CHECK(after.topics[static_cast<std::size_t>(added->topic)].reference.unit == 1);
    REQUIRE(find(after, letters, model_letters));
    CHECK(find(after, letters, model_letters)->confirmed);
    CHECK(after.alignments.size() == before.alignments.size() + 1);
    CHECK(after.stale_decisions.empty());
    const auto json = compare::to_json(after);
    CHECK(json.find("\"decided_by\":\"reviewer\"") != std::string::npos);
    CHECK(json.find("\"decided_by\":\"matcher\"") != std::string::npos);

    // The same words under new numbers: stable ids, so the decisions still hold.
    const std::vector<model::Protocol> renumbered = {parse("Model", "model.md", kModel),
                                                     parse("Guildford", "guildford.md", council(7))};
    const auto later = run(renumbered, &decisions);
    CHECK(later.stale_decisions.empty());
    const std::string mayor_now = name_of(later, 1, "8.1");
    CHECK(mayor_now == mayor);
    REQUIRE(find(later, mayor_now, model_respect));
    CHECK(find(later, mayor_now, model_respect)->confirmed);
}

TEST_CASE("compare decisions: a rejected pair is not aligned, and the model clause is a gap again",
          "[compare][decisions]") {
    const std::vector<model::Protocol> ps = {parse("Model", "model.md", kModel),
                                             parse("Guildford", "guildford.md", council(1))};
    const auto before = run(ps, nullptr);
    const std::string letters = name_of(before, 1, "1.1"), model_letters = name_of(before, 0, "2.2");
    REQUIRE(find(before, letters, model_letters));
    const auto decisions = read("decisions:\n  - reject: " + letters + "\n    counterpart: " + model_letters +
                                "\n    note: the council's rule is about emails\n");
    const auto after = run(ps, &decisions);
    CHECK_FALSE(find(after, letters, model_letters));
    REQUIRE(after.rejected.size() == 1);
    CHECK(after.rejected.front().a.unit == 0);
    const auto& topic = after.topics[3];  // model 2.2's topic
    REQUIRE(topic.reference == compare::UnitRef{0, 3});
    for (const auto& m : topic.members) CHECK(m.ref.doc == 0);
    // The model clause is listed as missing from the council again (its rejected clause
    // came near, so it is one to check), and the clause has a topic of its own.
    const auto views = compare::document_views(after);
    const auto& v = views[1];
    const bool listed =
        std::count(v.gaps.begin(), v.gaps.end(), 3u) + std::count(v.gaps_near.begin(), v.gaps_near.end(), 3u);
    CHECK(listed);
    bool own = false;
    for (const auto& t : after.topics) own |= t.reference == compare::UnitRef{1, 0} && t.members.size() == 1;
    CHECK(own);
    CHECK(compare::to_json(after).find("\"rejected\":[\n{\"a\":{\"doc\":\"guildford\"") != std::string::npos);
}

TEST_CASE("compare decisions: a gap marked covered elsewhere is no longer a gap", "[compare][decisions]") {
    const std::vector<model::Protocol> ps = {parse("Model", "model.md", kModel),
                                             parse("Town Council", "parking.md", kParking)};
    const auto before = run(ps, nullptr);
    const auto gaps_before = compare::document_views(before)[1].gaps;
    REQUIRE(std::count(gaps_before.begin(), gaps_before.end(), 2u) == 1);  // model 2.1
    const auto decisions =
        read("decisions:\n  - covered-elsewhere: " + name_of(before, 0, "2.1") +
             "\n    council: parking\n    note: Code of Conduct, paragraph 7\n    by: Monitoring Officer\n");
    const auto after = run(ps, &decisions);
    REQUIRE(after.covered_elsewhere.size() == 1);
    const auto view = compare::document_views(after)[1];
    CHECK(std::count(view.gaps.begin(), view.gaps.end(), 2u) == 0);
    CHECK(view.gaps.size() + 1 == gaps_before.size());
    REQUIRE(view.covered_elsewhere.size() == 1);
    CHECK(view.covered_elsewhere.front()->decision->note == "Code of Conduct, paragraph 7");
    CHECK(compare::to_json(after).find("\"note\":\"Code of Conduct, paragraph 7\"") != std::string::npos);
}

TEST_CASE("compare decisions: decisions whose clauses no longer exist are reported, never applied",
          "[compare][decisions]") {
    const std::vector<model::Protocol> ps = {parse("Model", "model.md", kModel),
                                             parse("Guildford", "guildford.md", council(1))};
    const auto before = run(ps, nullptr);
    const std::string model_letters = name_of(before, 0, "2.2");
    const auto decisions =
        read("decisions:\n  - confirm: guildford#a-clause-since-removed\n    counterpart: " + model_letters +
             "\n  - reject: oxford#any\n    counterpart: " + model_letters +
             "\n  - covered-elsewhere: " + model_letters + "\n    council: guildford\n");
    const auto after = run(ps, &decisions);
    REQUIRE(after.stale_decisions.size() == 3);
    CHECK(after.stale_decisions[0].reason.find("no clause 'a-clause-since-removed' in guildford") != std::string::npos);
    CHECK(after.stale_decisions[0].decision->line == 2);
    CHECK(after.stale_decisions[1].reason.find("no document 'oxford'") != std::string::npos);
    CHECK(after.stale_decisions[2].reason.find("now aligned") != std::string::npos);  // no longer needed
    CHECK(after.alignments.size() == before.alignments.size());
    CHECK(compare::to_json(after).find("\"stale_decisions\":[\n{\"file\":\"decisions.yaml\",\"line\":2") !=
          std::string::npos);
}

TEST_CASE("compare command: --decisions applied, stale ones warned at file:line, a bad file refused",
          "[compare][decisions][cli]") {
    testing::TempDir dir;
    testing::write(dir.file("model.md"), testing::source_with_body(kModel));
    testing::write(dir.file("guildford.md"), testing::source_with_body(council(1)));
    testing::write(dir.file("decisions.yaml"),
                   "decisions:\n  - confirm: guildford#no-such-clause\n    counterpart: model#x\n");
    auto run = testing::run_cli({"compare", dir.file("guildford.md"), "--base", dir.file("model.md"), "-o",
                                 dir.file("out"), "--decisions", dir.file("decisions.yaml")});
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("decisions.yaml:2:5: warning: stale decision: no clause 'no-such-clause' in guildford") !=
          std::string::npos);
    const auto index = testing::read(dir.file("out/index.html"));
    CHECK(index.find("no-such-clause") != std::string::npos);  // listed for the reader too
    const auto page = testing::read(dir.file("out/council-guildford.html"));
    CHECK(page.find("How to record a decision") != std::string::npos);

    testing::write(dir.file("bad.yaml"), "decisions:\n  - confirm: guildford\n");
    auto bad = testing::run_cli({"compare", dir.file("guildford.md"), "--base", dir.file("model.md"), "-o",
                                 dir.file("bad"), "--decisions", dir.file("bad.yaml")});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("bad.yaml:2:5: error:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("bad")));
    auto missing = testing::run_cli({"compare", dir.file("guildford.md"), "--base", dir.file("model.md"), "-o",
                                     dir.file("bad"), "--decisions", dir.file("nowhere.yaml")});
    CHECK(missing.exit_code == 2);
}

TEST_CASE("compare decisions: two decisions that contradict each other: the later applies, the earlier is reported",
          "[compare][decisions]") {
    const std::vector<model::Protocol> ps = {parse("Model", "model.md", kModel),
                                             parse("Guildford", "guildford.md", council(1))};
    const auto before = run(ps, nullptr);
    const std::string letters = name_of(before, 1, "1.1"), model_letters = name_of(before, 0, "2.2");
    const auto decisions = read("decisions:\n  - confirm: " + letters + "\n    counterpart: " + model_letters +
                                "\n  - reject: " + letters + "\n    counterpart: " + model_letters + "\n");
    const auto after = run(ps, &decisions);
    CHECK_FALSE(find(after, letters, model_letters));
    REQUIRE(after.stale_decisions.size() == 1);
    CHECK(after.stale_decisions[0].decision->line == 2);
    CHECK(after.stale_decisions[0].reason.find("contradicted by the decision at line 4") != std::string::npos);
}
