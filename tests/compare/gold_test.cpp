// Precision and recall of `compare` against hand-made gold alignments of the seeds
// (tests/data/alignment-gold.tsv; the file says how it was made and what it means).
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "cli/pipeline.hpp"
#include "compare/compare.hpp"
#include "model/text.hpp"
#include "support.hpp"

using namespace protopub;

namespace {

struct GoldLine {
    std::string kind, doc_a, clause_a, doc_b, clause_b;
    std::string words;  // `seed` lines: words of the seed's first clause
};

std::vector<GoldLine> read_gold() {
    std::istringstream in(testing::read(std::string(PROTOPUB_SOURCE_DIR) + "/tests/data/alignment-gold.tsv"));
    std::vector<GoldLine> lines;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        GoldLine g;
        fields >> g.kind >> g.doc_a;
        if (g.kind == "seed") std::getline(fields >> std::ws, g.words);
        else fields >> g.clause_a >> g.doc_b >> g.clause_b;
        lines.push_back(g);
    }
    return lines;
}

std::string joined_words(const std::string& text) {
    std::string out;
    for (const auto& w : model::split_words(text)) out += (out.empty() ? "" : " ") + w;
    return out;
}

// The index of the source imported from each seed ("003"): the source whose first
// clause holds the words the gold file's `seed` line gives.
std::map<std::string, int> seed_numbers(const std::vector<model::Protocol>& protocols, const std::vector<GoldLine>& gold) {
    std::map<std::string, int> out;
    for (const auto& g : gold) {
        if (g.kind != "seed") continue;
        for (std::size_t p = 0; p < protocols.size(); ++p)
            for (const auto& s : protocols[p].sections) {
                if (s.clauses.empty() || s.kind == model::SectionKind::preamble) continue;
                if (joined_words(model::plain_text(s.clauses.front())).find(g.words) != std::string::npos)
                    out[g.doc_a] = static_cast<int>(p);
                break;
            }
    }
    return out;
}

struct Score {
    int true_positives = 0, false_positives = 0, false_negatives = 0;
    double precision() const { return true_positives / double(std::max(1, true_positives + false_positives)); }
    double recall() const { return true_positives / double(std::max(1, true_positives + false_negatives)); }
};

// Two clauses are aligned when they share a topic (with a base: when both are matched
// to the same base clause, or one is that base clause).
Score evaluate(const compare::Comparison& cmp, const std::map<std::string, int>& seed_doc,
               const std::vector<GoldLine>& gold, bool with_base_only) {
    std::map<std::pair<int, std::string>, std::set<std::size_t>> topics_of;
    for (std::size_t t = 0; t < cmp.topics.size(); ++t)
        for (const auto& m : cmp.topics[t].members)
            topics_of[{m.ref.doc, cmp.documents[m.ref.doc].units[m.ref.unit].number}].insert(t);
    auto partners = [&](int doc_a, const std::string& clause, int doc_b) {
        std::set<std::string> out;
        for (auto t : topics_of[{doc_a, clause}])
            for (const auto& m : cmp.topics[t].members)
                if (m.ref.doc == doc_b) out.insert(cmp.documents[m.ref.doc].units[m.ref.unit].number);
        return out;
    };
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, std::set<std::string>> yes, ok;
    std::set<Key> judged, none;
    std::set<std::tuple<std::string, std::string, std::string, std::string>> no;
    const std::string base = "003";
    for (const auto& g : gold) {
        if (with_base_only != (g.doc_b == base)) continue;
        const Key key{g.doc_a, g.clause_a, g.doc_b};
        if (g.kind == "yes") yes[key].insert(g.clause_b), judged.insert(key);
        if (g.kind == "ok") ok[key].insert(g.clause_b), judged.insert(key);
        if (g.kind == "none") none.insert(key), judged.insert(key);
        if (g.kind == "no") no.insert({g.doc_a, g.clause_a, g.doc_b, g.clause_b});
    }
    std::set<Key> all = judged;
    for (const auto& [a, ca, b, cb] : no) all.insert({a, ca, b});
    Score s;
    for (const auto& key : all) {
        const auto& [a, ca, b] = key;
        const auto found = partners(seed_doc.at(a), ca, seed_doc.at(b));
        for (const auto& f : found) {
            if (yes[key].count(f)) ++s.true_positives;
            else if (ok[key].count(f)) continue;
            else if (judged.count(key) || no.count({a, ca, b, f})) ++s.false_positives;
        }
        for (const auto& y : yes[key])
            if (!found.count(y)) ++s.false_negatives;
    }
    return s;
}

}  // namespace

TEST_CASE("compare: precision and recall against the gold alignments of the seeds", "[compare][gold]") {
    model::Diagnostics diags;
    const auto paths = cli::expand_sources({std::string(PROTOPUB_SOURCE_DIR) + "/protocol-source"}, diags);
    const auto protocols = cli::load_sources(paths, diags);
    REQUIRE_FALSE(diags.has_errors());
    const auto gold = read_gold();
    REQUIRE(gold.size() >= 60);
    const auto seed_doc = seed_numbers(protocols, gold);
    REQUIRE(seed_doc.size() == 5);

    compare::Options options;
    options.base = seed_doc.at("003");
    const auto cmp = compare::compare_protocols(protocols, options);
    const Score against_base = evaluate(cmp, seed_doc, gold, true);
    const Score between_councils = evaluate(cmp, seed_doc, gold, false);
    std::printf("compare vs gold, pairs with the model (base 003): precision %.3f recall %.3f (tp %d fp %d fn %d)\n",
                against_base.precision(), against_base.recall(), against_base.true_positives,
                against_base.false_positives, against_base.false_negatives);
    std::printf("compare vs gold, pairs between other councils (through shared topics): precision %.3f recall %.3f "
                "(tp %d fp %d fn %d)\n",
                between_councils.precision(), between_councils.recall(), between_councils.true_positives,
                between_councils.false_positives, between_councils.false_negatives);
    CHECK(against_base.true_positives + against_base.false_negatives >= 50);
    CHECK(against_base.precision() >= 0.85);
    CHECK(against_base.recall() >= 0.85);
}
