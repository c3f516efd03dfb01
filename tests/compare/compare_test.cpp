// compare_protocols on small focused inputs, the writers, and the compare command.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <pugixml.hpp>

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
    "1.1 Councillors can expect from officers: a commitment to the council as a whole; a timely response to "
    "enquiries and complaints; impartial professional advice not influenced by political views.\n\n"
    "1.2 Officers can expect from councillors: leadership and direction; respect and courtesy; not to be bullied "
    "or put under undue pressure.\n\n"
    "## 2. Correspondence\n\n"
    "2.1 Correspondence between an individual councillor and an officer should not be copied to any other "
    "councillor. A system of silent copies should not be employed.\n\n"
    "2.2 Official letters on behalf of the council should be sent in the name of the officer, never in the name "
    "of a councillor.\n";

// A council that says the model's things in its own order and words, splits 1.1 into
// parts, and adds a clause the model does not have.
const std::string kCouncil =
    "## 1. Letters\n\n"
    "1.1 Official letters on behalf of the Council will be sent in the name of the appropriate officer and never "
    "in the name of a Councillor.\n\n"
    "1.2 Correspondence between a Councillor and an officer will not be copied by the officer to any other "
    "Councillor. Silent copies are never employed.\n\n"
    "## 2. What members can expect\n\n"
    "2.1 Members can expect from officers a commitment to the Council as a whole.\n\n"
    "2.2 Members can expect a timely response to enquiries and complaints.\n\n"
    "2.3 Members can expect impartial professional advice, not influenced by political views.\n\n"
    "## 3. Ceremonial events\n\n"
    "3.1 The Mayor will lead the Council at ceremonial events taking place within the borough.\n";

const std::string kUnrelated =
    "## 1. Parking\n\n"
    "1.1 Residents' parking permits are issued for one year from the date of application.\n\n"
    "1.2 Visitor vouchers may be bought in books of ten at the library.\n";

struct Fixture {
    std::vector<model::Protocol> protocols;
    compare::Comparison cmp;
    Fixture(std::vector<model::Protocol> ps, int base) : protocols(std::move(ps)) {
        compare::Options o;
        o.base = base;
        cmp = compare::compare_protocols(protocols, o);
    }
    // The numbers of document `doc`'s clauses in the topic whose reference is `number`
    // of the base.
    std::vector<std::string> aligned_to(const std::string& number, int doc) const {
        std::vector<std::string> out;
        for (const auto& t : cmp.topics) {
            const auto& ref = cmp.documents[t.reference.doc].units[t.reference.unit];
            if (t.reference.doc != cmp.base || ref.number != number) continue;
            for (const auto& m : t.members)
                if (m.ref.doc == doc) out.push_back(cmp.documents[doc].units[m.ref.unit].number);
        }
        return out;
    }
};

}  // namespace

TEST_CASE("compare: normalised words drop case, quotes, numbers, stop words and the council's name", "[compare]") {
    using V = std::vector<std::string>;
    CHECK(compare::normalise_words("Members\u2019 \u201cneed to know\u201d under the FOI Act 2000 in Guildford",
                                   "Guildford Borough Council") == V{"councillor", "need", "know", "foi", "act"});
    CHECK(compare::normalise_words("The Relationships, RELATIONSHIP and relations") ==
          V{"relationship", "relationship", "relation"});
    CHECK(compare::normalise_words("raise raised raising") == V{"rais", "rais", "rais"});
    CHECK(compare::normalise_words("the of and to 4.21").empty());
}

TEST_CASE("compare: with a base, reworded and reordered clauses align, splits align many-to-one", "[compare]") {
    Fixture f({parse("Model", "model.md", kModel), parse("Guildford Borough Council", "guildford.md", kCouncil)}, 0);
    REQUIRE(f.cmp.base == 0);
    CHECK(f.aligned_to("1.1", 1) == std::vector<std::string>{"2.1", "2.2", "2.3"});
    CHECK(f.aligned_to("1.2", 1).empty());
    CHECK(f.aligned_to("2.1", 1) == std::vector<std::string>{"1.2"});
    CHECK(f.aligned_to("2.2", 1) == std::vector<std::string>{"1.1"});
    // One topic per base clause, in base order, then the council's own ceremonial clause.
    REQUIRE(f.cmp.topics.size() == 5);
    CHECK(f.cmp.topics[0].from_base);
    CHECK_FALSE(f.cmp.topics[4].from_base);
    CHECK(f.cmp.topics[4].members.size() == 1);
    CHECK(f.cmp.topics[4].label.find("Ceremonial events") == 0);
    CHECK(f.cmp.topics[2].label.find("Correspondence") == 0);
    // Every alignment points at the base clause of its topic.
    for (const auto& a : f.cmp.alignments) {
        CHECK(a.b.doc == 0);
        CHECK(a.score >= 0.15);
        CHECK(a.score <= 1.0);
    }
}

TEST_CASE("compare: no match is forced below the threshold", "[compare]") {
    Fixture f({parse("Model", "model.md", kModel), parse("Town Council", "parking.md", kUnrelated)}, 0);
    CHECK(f.cmp.alignments.empty());
    for (const auto& t : f.cmp.topics) CHECK(t.members.size() == 1);
    CHECK(f.cmp.similarity[0][1] == 0.0);
    CHECK(f.cmp.similarity[1][1] == 1.0);
}

TEST_CASE("compare: without a base every document is compared with every other", "[compare]") {
    Fixture f({parse("Model", "model.md", kModel), parse("Guildford Borough Council", "guildford.md", kCouncil),
               parse("Town Council", "parking.md", kUnrelated)},
              -1);
    CHECK(f.cmp.base == -1);
    // The correspondence clauses of the two related protocols share a topic, and so do
    // the parts of the model's 1.1 that the council split; nothing joins the parking
    // protocol.
    auto topic_of = [&](int doc, const std::string& number) {
        for (std::size_t t = 0; t < f.cmp.topics.size(); ++t)
            for (const auto& m : f.cmp.topics[t].members)
                if (m.ref.doc == doc && f.cmp.documents[doc].units[m.ref.unit].number == number) return t;
        return f.cmp.topics.size();
    };
    CHECK(topic_of(1, "1.2") == topic_of(0, "2.1"));
    CHECK(topic_of(1, "1.1") == topic_of(0, "2.2"));
    CHECK(topic_of(1, "2.1") == topic_of(0, "1.1"));
    CHECK(topic_of(1, "2.3") == topic_of(0, "1.1"));
    CHECK(topic_of(1, "1.1") != topic_of(1, "1.2"));
    for (const auto& t : f.cmp.topics)
        for (const auto& m : t.members) CHECK((m.ref.doc != 2 || t.members.size() == 1));
    CHECK(f.cmp.similarity[0][1] > f.cmp.similarity[0][2]);
    CHECK(f.cmp.similarity[0][1] == f.cmp.similarity[1][0]);
    // Alignments are each clause's own choices in each other document: the council's three
    // parts each choose the model's 1.1, and the model's 1.1 chooses one of them.
    std::multiset<std::string> chosen;
    for (const auto& a : f.cmp.alignments) {
        CHECK(a.a.doc != a.b.doc);
        CHECK((a.a.doc != 2 && a.b.doc != 2));
        chosen.insert(std::to_string(a.a.doc) + ":" + f.cmp.documents[a.a.doc].units[a.a.unit].number + ">" +
                      std::to_string(a.b.doc) + ":" + f.cmp.documents[a.b.doc].units[a.b.unit].number);
    }
    for (const char* part : {"1:2.1>0:1.1", "1:2.2>0:1.1", "1:2.3>0:1.1", "1:1.2>0:2.1", "0:2.1>1:1.2", "0:2.2>1:1.1"})
        CHECK(chosen.count(part) == 1);
    CHECK(std::count_if(chosen.begin(), chosen.end(), [](const std::string& c) { return c.rfind("0:1.1>", 0) == 0; }) >=
          1);
    CHECK(f.cmp.pairwise);

    // Beyond the limit, each clause aligns to its topic's reference instead.
    compare::Options few;
    few.max_pairwise_documents = 2;
    const auto limited = compare::compare_protocols(f.protocols, few);
    CHECK_FALSE(limited.pairwise);
    CHECK_FALSE(limited.alignments.empty());
    for (const auto& a : limited.alignments) {
        REQUIRE(a.topic >= 0);
        CHECK(a.b == limited.topics[static_cast<std::size_t>(a.topic)].reference);
    }
    CHECK(compare::to_json(limited).find("\"pairwise\":false") != std::string::npos);
}

TEST_CASE("compare: a gap names the clause that came nearest, never a topic the council covers", "[compare]") {
    // The council's 1.2 says part of the model's 2.1, too little to be matched under a
    // strict threshold, but it is the clause a reader should check.
    const std::string weak =
        "## 1. Letters\n\n"
        "1.1 Official letters on behalf of the Council will be sent in the name of the appropriate officer and never "
        "in the name of a Councillor.\n\n"
        "1.2 Correspondence between a councillor and an officer is kept on the ward file.\n";
    std::vector<model::Protocol> ps = {parse("Model", "model.md", kModel), parse("Guildford", "guildford.md", weak)};
    compare::Options strict;
    strict.base = 0;
    strict.set_threshold(0.3);
    strict.close = 0.8;
    const auto cmp = compare::compare_protocols(ps, strict);
    bool named = false;
    for (const auto& near : cmp.near_misses) {
        const auto& topic = cmp.topics[static_cast<std::size_t>(near.topic)];
        for (const auto& m : topic.members) CHECK(m.ref.doc != near.unit.doc);  // never a covered topic
        CHECK(near.score < strict.related);
        if (topic.reference.doc == 0 && cmp.documents[0].units[topic.reference.unit].number == "2.1")
            named = cmp.documents[1].units[near.unit.unit].number == "1.2";
    }
    CHECK(named);
}

TEST_CASE("compare: the same input gives the same JSON byte for byte, on any number of threads", "[compare]") {
    std::vector<model::Protocol> ps = {parse("Model", "model.md", kModel), parse("Guildford", "guildford.md", kCouncil),
                                       parse("Town", "parking.md", kUnrelated)};
    compare::Options one, two;
    one.base = two.base = 0;
    one.threads = 1;
    two.threads = 2;
    const auto json = compare::to_json(compare::compare_protocols(ps, one));
    CHECK(json == compare::to_json(compare::compare_protocols(ps, two)));
    CHECK(json == compare::to_json(compare::compare_protocols(ps, one)));
    // The fields analysts rely on.
    for (const char* field :
         {"\"documents\":[", "\"id\":\"model\"", "\"council\":\"Guildford\"", "\"file\":\"parking.md\"",
          "\"alignments\":[", "\"a\":{\"doc\":\"guildford\",\"number\":", "\"b\":{\"doc\":\"model\"",
          "\"score\":", "\"topics\":[", "\"label\":", "\"members\":[{\"doc\":\"model\""})
        CHECK(json.find(field) != std::string::npos);
}

TEST_CASE("compare: CSV tables and the SVG heatmap", "[compare]") {
    Fixture f({parse("Model", "model.md", kModel), parse("Guildford", "guildford.md", kCouncil)}, 0);
    const auto coverage = compare::coverage_csv(f.cmp);
    CHECK(coverage.find("topic,label,model,guildford\r\n") == 0);
    CHECK(coverage.find(",1.1,2.1 2.2 2.3\r\n") != std::string::npos);
    const auto rows = compare::alignments_csv(f.cmp);
    CHECK(std::count(rows.begin(), rows.end(), '\n') == static_cast<long>(f.cmp.alignments.size()) + 1);
    pugi::xml_document svg;
    REQUIRE(svg.load_string(compare::heatmap_svg(f.cmp).c_str()));
    CHECK(std::string(svg.child("svg").child("title").text().get()).find("Similarity") == 0);
    CHECK(svg.select_nodes("//rect").size() == 4);
    // Rows named by the council ("1. Model"), columns by number: no slanted labels.
    CHECK(svg.select_node("//text[.='1. Model']"));
    CHECK(svg.select_node("//text[.='2']"));
    CHECK_FALSE(svg.select_node("//text[@transform]"));
}

TEST_CASE("compare command: usage errors, outputs, no progress display when not on a terminal", "[compare][cli]") {
    testing::TempDir dir;
    testing::write(dir.file("model.md"), testing::source_with_body(kModel));
    testing::write(dir.file("guildford.md"), testing::source_with_body(kCouncil));
    CHECK(testing::run_cli({"compare", dir.file("model.md"), dir.file("guildford.md")}).exit_code == 2);  // no -o
    CHECK(testing::run_cli({"compare", dir.file("model.md"), "-o", dir.file("out")}).exit_code == 2);     // one file
    CHECK(testing::run_cli(
              {"compare", dir.file("model.md"), dir.file("guildford.md"), "-o", dir.file("out"), "--threshold", "2"})
              .exit_code == 2);
    CHECK(testing::run_cli(
              {"compare", dir.file("model.md"), dir.file("guildford.md"), "-o", dir.file("out"), "--format", "odt"})
              .exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(dir.file("out")));

    testing::write(dir.file("broken.md"), testing::source_with_body("## 1. A\n\n1.1 One.\n\n1.3 Three.\n"));
    auto broken = testing::run_cli({"compare", dir.file("model.md"), dir.file("broken.md"), "-o", dir.file("out")});
    CHECK(broken.exit_code == 1);
    CHECK(broken.err.find("broken.md:") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("out")));

    auto run = testing::run_cli({"compare", dir.file("guildford.md"), "--base", dir.file("model.md"), "-o",
                                 dir.file("out"), "--format", "json,csv"});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    for (const char* f : {"comparison.json", "alignments.csv", "coverage.csv", "similarity.csv"})
        CHECK(std::filesystem::exists(dir.file("out/") + f));
    const auto json = testing::read(dir.file("out/comparison.json"));
    CHECK(json.find("\"base\":\"model\"") != std::string::npos);

    // Every format: the HTML report answers its three questions per council.
    auto all =
        testing::run_cli({"compare", dir.file("guildford.md"), "--base", dir.file("model.md"), "-o", dir.file("all")});
    CHECK(all.exit_code == 0);
    const auto index = testing::read(dir.file("all/index.html"));
    CHECK(index.find("<table class=\"matrix\">") != std::string::npos);
    CHECK(index.find("<svg") != std::string::npos);
    CHECK(index.find("href=\"council-guildford.html#") != std::string::npos);
    // The base's column comes first in the matrix, whatever the order of the files.
    CHECK(index.find("<abbr title=\"Test Council (model)\">2. Test Council (model)</abbr>") <
          index.find(">1. Test Council (guildford)</abbr>"));
    const auto page = testing::read(dir.file("all/council-guildford.html"));
    CHECK(page.find("What Test Council (model) says that was found nowhere in this protocol") != std::string::npos);
    CHECK(page.find("Officers can expect from councillors") != std::string::npos);  // model 1.2: a gap
    CHECK(page.find("<del>") != std::string::npos);
    CHECK(page.find("<ins>") != std::string::npos);
    CHECK(testing::read(dir.file("all/comparison.pdf")).rfind("%PDF-", 0) == 0);
    CHECK(std::filesystem::exists(dir.file("all/compare.css")));

    testing::TempDir empty;
    auto no_templates = testing::run_cli({"compare", dir.file("guildford.md"), "--base", dir.file("model.md"), "-o",
                                          dir.file("none"), "--templates", empty.path()});
    CHECK(no_templates.exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(dir.file("none")));
}

TEST_CASE("compare report: a gap with a clause near it is set apart for checking, clauses counted once", "[compare]") {
    using compare::Band;
    compare::Comparison cmp;
    cmp.base = 0;
    cmp.related = 0.15;
    cmp.documents = {
        {"model", "Model", "model.md", {{0, 0, "a", "1.1", ""}, {0, 1, "b", "1.2", ""}, {0, 2, "c", "1.3", ""}}},
        {"ours", "Ours", "ours.md", {{0, 0, "x", "4.1", ""}, {0, 1, "y", "4.2", ""}}}};
    for (int u = 0; u < 3; ++u) {
        compare::Topic t;
        t.from_base = true;
        t.reference = {0, u};
        t.members = {{t.reference, 1.0, Band::identical}};
        cmp.topics.push_back(t);
    }
    cmp.topics[0].members.push_back({{1, 0}, 0.6, Band::close});
    cmp.alignments = {{{1, 0}, {0, 0}, 0.6, Band::close, 0}};
    cmp.near_misses = {{1, {1, 0}, 0.2}, {2, {1, 1}, 0.1}};  // 1.2 near 4.1; 1.3 only weakly near 4.2

    const auto views = compare::document_views(cmp);
    const auto& ours = views[1];
    CHECK(ours.covered == 1);
    CHECK(ours.gaps == std::vector<std::size_t>{2});
    CHECK(ours.gaps_near == std::vector<std::size_t>{1});
    CHECK(compare::nearest_note(cmp, ours, 1).find("Said in other words, or in part, in 4.1") == 0);
    CHECK(compare::nearest_note(cmp, ours, 2).find("Nearest here: 4.2") == 0);
    CHECK(compare::nearest_note(cmp, ours, 0).empty());
    CHECK(ours.close == 1);
    CHECK(ours.unmatched == 1);
    CHECK(ours.identical + ours.related == 0);
    REQUIRE(ours.nearest_elsewhere.count(1) == 1);
    CHECK(ours.nearest_elsewhere.at(1).topic == 2);
}

TEST_CASE("compare: clauses that all share their wording pair up in order, a few counterparts each", "[compare]") {
    // Two schemes of delegation whose clauses differ only in numbers (which compare
    // drops): every pair is a candidate and every candidate ties. The order decides, and
    // each clause keeps a bounded few counterparts (bench/compare.sh times the large case).
    auto scheme = [](int first_section) {
        std::string body;
        for (int k = 0; k < 120; ++k) {
            if (k % 20 == 0) body += "## " + std::to_string(first_section + k / 20) + ". Delegations\n\n";
            body += std::to_string(first_section + k / 20) + "." + std::to_string(k % 20 + 1) +
                    " The Head of Licensing is authorised to grant licences under section " + std::to_string(100 + k) +
                    " of the Licensing Act 2003.\n\n";
        }
        return body;
    };
    std::vector<model::Protocol> ps = {parse("North", "north.md", scheme(1)), parse("South", "south.md", scheme(1))};
    const auto cmp = compare::compare_protocols(ps, compare::Options{});
    std::map<compare::UnitRef, std::vector<compare::UnitRef>> chosen;
    for (const auto& al : cmp.alignments) chosen[al.a].push_back(al.b);
    REQUIRE(chosen.size() == 240);
    for (const auto& [a, bs] : chosen) {
        CHECK(bs.size() <= 4);  // its own, a neighbour it merges, and those that chose it
        INFO("clause " << a.doc << ":" << a.unit << " -> " << bs.front().unit << " (" << bs.size() << ")");
        CHECK(std::count(bs.begin(), bs.end(), compare::UnitRef{1 - a.doc, a.unit}) == 1);
    }
}

TEST_CASE("compare report: councils by name, topics by heading or first words, closeness in words, lists as lists",
          "[compare][cli]") {
    const std::string model_with_list =
        "## 1. Expectations\n\n"
        "1.1 Councillors can expect from officers:\n\n"
        "- a commitment to the council as a whole\n"
        "- a timely response to enquiries and complaints\n\n"
        "## 2. Correspondence\n\n"
        "2.1 Correspondence between an individual councillor and an officer should not be copied to any other "
        "councillor.\n";
    testing::TempDir dir;
    testing::write(
        dir.file("model.md"),
        "---\ntitle: Protocol\ncouncil: Model Council\nversion: \"1\"\nstatus: draft\n---\n\n" + model_with_list);
    testing::write(
        dir.file("guildford.md"),
        "---\ntitle: Protocol\ncouncil: Guildford Borough Council\nversion: \"1\"\nstatus: draft\n---\n\n" + kCouncil);
    auto run =
        testing::run_cli({"compare", dir.file("guildford.md"), "--base", dir.file("model.md"), "-o", dir.file("out")});
    REQUIRE(run.exit_code == 0);
    const auto index = testing::read(dir.file("out/index.html"));
    // Councils by their names, never their files, in the matrix and the heatmap.
    CHECK(index.find(">2. Model Council</abbr>") != std::string::npos);
    CHECK(index.find(">1. Guildford Borough Council</text>") != std::string::npos);
    CHECK(index.find(">1. model</") == std::string::npos);
    // A topic named by its clause's heading and first words, not by keywords.
    CHECK(index.find(">Expectations: Councillors can expect from officers: a commitment to the council\u2026</th>") !=
          std::string::npos);
    // Closeness by a symbol and a word, not colour alone.
    CHECK(index.find(
              "<span class=\"band-mark\" aria-hidden=\"true\">\u2014</span><span class=\"sr-only\"> absent </span>") !=
          std::string::npos);
    CHECK(index.find("<span class=\"sr-only\"> related </span>") != std::string::npos);
    // The model's list stays a list beside the council's clause.
    const auto page = testing::read(dir.file("out/council-guildford.html"));
    CHECK(page.find("<ul><li>") != std::string::npos);
    CHECK(page.find("\u00b6") == std::string::npos);
    CHECK(page.find("\u2022") == std::string::npos);
    // The PDF's cover names no version or status: it is a report, not a protocol.
    const auto pdf_text = testing::run_cli({"compare", dir.file("guildford.md"), "--base", dir.file("model.md"), "-o",
                                            dir.file("pdf"), "--format", "pdf"});
    REQUIRE(pdf_text.exit_code == 0);
    const auto pdf = testing::read(dir.file("pdf/comparison.pdf"));
    CHECK(pdf.find("Version") == std::string::npos);
    CHECK(pdf.find("Draft") == std::string::npos);
}
