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
    std::istringstream in(testing::read(test_env::source_dir() + "/tests/data/alignment-gold.tsv"));
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
    Score operator+(const Score& o) const {
        return {true_positives + o.true_positives, false_positives + o.false_positives, false_negatives + o.false_negatives};
    }
};

// A clause's counterparts in another document: the clauses it is aligned to there
// (alignments are directed, as the gold's judgements are: doc_a's clause -> doc_b).
// `mismatches`, when not null, collects the wrong ones and the missed ones as text.
Score evaluate(const compare::Comparison& cmp, const std::map<std::string, int>& seed_doc,
               const std::vector<GoldLine>& gold, bool pairs_with_base, std::string* mismatches = nullptr) {
    std::map<std::tuple<int, std::string, int>, std::set<std::string>> counterparts;
    for (const auto& al : cmp.alignments) {
        const auto& a = cmp.documents[al.a.doc].units[al.a.unit];
        const auto& b = cmp.documents[al.b.doc].units[al.b.unit];
        counterparts[{al.a.doc, a.number, al.b.doc}].insert(b.number);
    }
    auto partners = [&](int doc_a, const std::string& clause, int doc_b) {
        return counterparts[{doc_a, clause, doc_b}];
    };
    auto note = [&](const char* what, const std::string& a, const std::string& ca, const std::string& b,
                    const std::string& cb) {
        if (mismatches) *mismatches += std::string("  ") + what + " " + a + " " + ca + " -> " + b + " " + cb + "\n";
    };
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, std::set<std::string>> yes, ok;
    std::set<Key> judged, none;
    std::set<std::tuple<std::string, std::string, std::string, std::string>> no;
    const std::string base = "003";
    for (const auto& g : gold) {
        if (pairs_with_base != (g.doc_b == base)) continue;
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
            else if (judged.count(key) || no.count({a, ca, b, f})) ++s.false_positives, note("wrong", a, ca, b, f);
        }
        for (const auto& y : yes[key])
            if (!found.count(y)) ++s.false_negatives, note("missed", a, ca, b, y);
    }
    return s;
}

}  // namespace

TEST_CASE("compare: precision and recall against the gold alignments of the seeds", "[compare][gold]") {
    model::Diagnostics diags;
    const auto paths = cli::expand_sources({test_env::source_dir() + "/protocol-source"}, diags);
    const auto protocols = cli::load_sources(paths, diags);
    REQUIRE_FALSE(diags.has_errors());
    const auto gold = read_gold();
    REQUIRE(gold.size() >= 60);
    const auto seed_doc = seed_numbers(protocols, gold);
    REQUIRE(seed_doc.size() == 5);

    // With the model as base, its pairs are judged on the base alignment; every gold pair
    // is judged again with all documents compared against each other.
    compare::Options with_base;
    with_base.base = seed_doc.at("003");
    const auto based = compare::compare_protocols(protocols, with_base);
    const auto all = compare::compare_protocols(protocols, compare::Options{});
    std::string wrong_or_missed;
    const Score base_pairs = evaluate(based, seed_doc, gold, true, &wrong_or_missed);
    const Score all_base_pairs = evaluate(all, seed_doc, gold, true);
    const Score all_other_pairs = evaluate(all, seed_doc, gold, false, &wrong_or_missed);
    const Score all_pairs = all_base_pairs + all_other_pairs;
    auto report = [](const char* what, const Score& s) {
        std::printf("compare vs gold, %s: precision %.3f recall %.3f (tp %d fp %d fn %d)\n", what, s.precision(),
                    s.recall(), s.true_positives, s.false_positives, s.false_negatives);
    };
    report("--base model, pairs with the model", base_pairs);
    report("all against all, pairs with the model", all_base_pairs);
    report("all against all, pairs between other councils", all_other_pairs);
    report("all against all, every gold pair", all_pairs);
    INFO("wrong and missed alignments (--base, then all against all):\n" << wrong_or_missed);
    CHECK(base_pairs.true_positives + base_pairs.false_negatives >= 50);
    CHECK(all_other_pairs.true_positives + all_other_pairs.false_negatives >= 60);
    // The target: against the model, both at least 0.85.
    CHECK(base_pairs.precision() >= 0.85);
    CHECK(base_pairs.recall() >= 0.85);
    // Between councils that rewrote the text independently, word overlap finds too little
    // (docs/compare.md, "Limits"); these floors are today's figures, so a change that makes
    // matching worse fails here.
    CHECK(all_pairs.precision() >= 0.75);
    CHECK(all_pairs.recall() >= 0.58);
}
