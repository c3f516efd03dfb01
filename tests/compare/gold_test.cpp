// Precision and recall of `compare` against hand-made gold alignments of the seeds
// (tests/data/alignment-gold.tsv; the file says how it was made and what it means).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <functional>
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
        if (g.kind == "seed")
            std::getline(fields >> std::ws, g.words);
        else if (g.kind == "heldout")
            fields >> g.clause_a >> g.doc_b;
        else
            fields >> g.clause_a >> g.doc_b >> g.clause_b;
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
std::map<std::string, int> seed_numbers(const std::vector<model::Protocol>& protocols,
                                        const std::vector<GoldLine>& gold) {
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
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    Score operator+(const Score& o) const {
        return {true_positives + o.true_positives, false_positives + o.false_positives,
                false_negatives + o.false_negatives};
    }
};

const std::string kModel = "003";

// A fold of the cross-validation: one unordered pair of documents ("000-003"). Both
// directions of a pair say the same things, so they are held out together.
std::string fold_of(const std::string& a, const std::string& b) { return a < b ? a + "-" + b : b + "-" + a; }
bool with_model(const std::string& fold) { return fold.find(kModel) != std::string::npos; }

// Each fold's score: every judged clause's alignments (its own choices, directed as the
// gold's judgements are: doc_a's clause -> doc_b) against the gold. `mismatches`, when not
// null, collects the wrong ones and the missed ones as text.
std::map<std::string, Score> evaluate(const compare::Comparison& cmp, const std::map<std::string, int>& seed_doc,
                                      const std::vector<GoldLine>& gold, std::string* mismatches = nullptr) {
    std::map<std::tuple<int, std::string, int>, std::set<std::string>> counterparts;
    for (const auto& al : cmp.alignments) {
        const auto& a = cmp.documents[al.a.doc].units[al.a.unit];
        const auto& b = cmp.documents[al.b.doc].units[al.b.unit];
        counterparts[{al.a.doc, a.number, al.b.doc}].insert(b.number);
    }
    auto note = [&](const char* what, const std::string& a, const std::string& ca, const std::string& b,
                    const std::string& cb) {
        if (mismatches) *mismatches += std::string("  ") + what + " " + a + " " + ca + " -> " + b + " " + cb + "\n";
    };
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, std::set<std::string>> yes, ok;
    std::set<Key> judged, none;
    std::set<std::tuple<std::string, std::string, std::string, std::string>> no;
    for (const auto& g : gold) {
        const Key key{g.doc_a, g.clause_a, g.doc_b};
        if (g.kind == "yes") yes[key].insert(g.clause_b), judged.insert(key);
        if (g.kind == "ok") ok[key].insert(g.clause_b), judged.insert(key);
        if (g.kind == "none") none.insert(key), judged.insert(key);
        if (g.kind == "no") no.insert({g.doc_a, g.clause_a, g.doc_b, g.clause_b});
    }
    std::set<Key> all = judged;
    for (const auto& [a, ca, b, cb] : no) all.insert({a, ca, b});
    std::map<std::string, Score> folds;
    for (const auto& key : all) {
        const auto& [a, ca, b] = key;
        Score& s = folds[fold_of(a, b)];
        const auto found = counterparts[{seed_doc.at(a), ca, seed_doc.at(b)}];
        for (const auto& f : found) {
            if (yes[key].count(f))
                ++s.true_positives;
            else if (ok[key].count(f))
                continue;
            else if (judged.count(key) || no.count({a, ca, b, f}))
                ++s.false_positives, note("wrong", a, ca, b, f);
        }
        for (const auto& y : yes[key])
            if (!found.count(y)) ++s.false_negatives, note("missed", a, ca, b, y);
    }
    return folds;
}

Score total(const std::map<std::string, Score>& folds, const std::function<bool(const std::string&)>& take) {
    Score s;
    for (const auto& [fold, score] : folds)
        if (take(fold)) s = s + score;
    return s;
}

// The acceptance rules the cross-validation chooses among (compare::Acceptance). A
// mutual floor at the threshold turns that rule off, a lone floor at it the other.
std::vector<compare::Acceptance> acceptance_grid() {
    std::vector<compare::Acceptance> grid;
    for (double threshold : {0.12, 0.15, 0.18})
        for (double mutual_floor : {0.0, 0.08, 0.10})
            for (double margin : {0.0, 0.04})
                for (double lone_floor : {0.0, 0.2, 0.25})
                    for (bool reverse : {false, true}) {
                        if (mutual_floor == 0.0 && margin > 0) continue;
                        grid.push_back({threshold, mutual_floor == 0.0 ? threshold : mutual_floor, margin,
                                        std::max(lone_floor, threshold), reverse});
                    }
    return grid;
}

std::string describe(const compare::Acceptance& a) {
    char text[200];
    std::snprintf(text, sizeof text, "threshold %.2f, mutual best from %.2f with margin %.2f, others from %.2f%s",
                  a.threshold, a.mutual_floor, a.mutual_margin, a.lone_floor,
                  a.take_reverse ? ", and each clause takes those that chose it" : "");
    return text;
}

void report(const char* what, const Score& s) {
    std::printf("compare vs gold, %s: precision %.3f recall %.3f (tp %d fp %d fn %d)\n", what, s.precision(),
                s.recall(), s.true_positives, s.false_positives, s.false_negatives);
}

}  // namespace

TEST_CASE("compare: precision and recall against the gold alignments of the seeds", "[compare][gold]") {
    model::Diagnostics diags;
    const auto paths = cli::expand_sources({test_env::source_dir() + "/protocol-source"}, diags);
    const auto protocols = cli::load_sources(paths, diags);
    REQUIRE_FALSE(diags.has_errors());
    const auto all_gold = read_gold();
    REQUIRE(all_gold.size() >= 60);
    const auto seed_doc = seed_numbers(protocols, all_gold);
    REQUIRE(seed_doc.size() == 5);
    // The held-out document pairs: nothing below is chosen by looking at them.
    std::set<std::string> held_out;
    for (const auto& g : all_gold)
        if (g.kind == "heldout") held_out.insert(fold_of(g.doc_a, g.doc_b));
    REQUIRE_FALSE(held_out.empty());
    std::vector<GoldLine> gold;
    for (const auto& g : all_gold)
        if (g.kind != "seed" && g.kind != "heldout") gold.push_back(g);
    auto is_held_out = [&](const std::string& fold) { return held_out.count(fold) > 0; };

    // Pairs with the model are judged on the comparison against the model (--base), the
    // others all against all: the two questions a committee asks.
    auto run = [&](compare::Options o) {
        auto folds = evaluate(compare::compare_protocols(protocols, o), seed_doc, gold);
        o.base = seed_doc.at(kModel);
        for (auto& [fold, score] : evaluate(compare::compare_protocols(protocols, o), seed_doc, gold))
            if (with_model(fold)) folds[fold] = score;
        return folds;
    };
    // Each setting of the grid is tried against a base and between councils at once: the
    // two do not meet (pairs with the model are scored on the --base run, where only
    // against_base chooses them; the others on the run without a base, where only
    // `between` does), and each is chosen on its own kind of fold.
    const auto grid = acceptance_grid();
    std::vector<std::map<std::string, Score>> results;
    for (const auto& a : grid) {
        compare::Options o;
        o.against_base = o.between = a;
        results.push_back(run(o));
    }
    std::set<std::string> tuning_folds;
    for (const auto& [fold, score] : results.front())
        if (!is_held_out(fold)) tuning_folds.insert(fold);
    // The setting with the best F1 over the tuning folds of `fold`'s kind, `fold` left out.
    auto best_setting = [&](bool model_kind, const std::string& leave_out) {
        auto take = [&](const std::string& f) {
            return tuning_folds.count(f) && with_model(f) == model_kind && f != leave_out;
        };
        std::size_t best = 0;
        for (std::size_t k = 1; k < grid.size(); ++k)
            if (total(results[k], take).f1() > total(results[best], take).f1() + 1e-9) best = k;
        return best;
    };

    // Cross-validation by document pair: each tuning fold is scored with the setting
    // chosen on the other tuning folds of its kind alone.
    std::map<std::string, Score> cross_validated;
    for (const auto& fold : tuning_folds) {
        const std::size_t k = best_setting(with_model(fold), fold);
        cross_validated[fold] = results[k][fold];
        std::printf("fold %s: %s\n", fold.c_str(), describe(grid[k]).c_str());
    }
    // The shipped defaults are the settings chosen on every tuning fold of their kind
    // (never on the held-out ones).
    const compare::Options defaults;
    const std::size_t for_base = best_setting(true, ""), for_between = best_setting(false, "");
    std::printf("chosen against the model: %s\nchosen between councils: %s\n", describe(grid[for_base]).c_str(),
                describe(grid[for_between]).c_str());
    CHECK(describe(defaults.against_base) == describe(grid[for_base]));
    CHECK(describe(defaults.between) == describe(grid[for_between]));

    std::string wrong_or_missed;
    const auto shipped =
        evaluate(compare::compare_protocols(protocols, compare::Options{}), seed_doc, gold, &wrong_or_missed);
    compare::Options based;
    based.base = seed_doc.at(kModel);
    const auto shipped_base = evaluate(compare::compare_protocols(protocols, based), seed_doc, gold, &wrong_or_missed);
    auto model_pairs = [&](const std::string& f) { return with_model(f) && !is_held_out(f); };
    auto other_pairs = [&](const std::string& f) { return !with_model(f) && !is_held_out(f); };
    report("cross-validated, --base model, pairs with the model", total(cross_validated, model_pairs));
    report("cross-validated, all against all, pairs between other councils", total(cross_validated, other_pairs));
    report("defaults (fitted on all tuning folds), --base model, pairs with the model",
           total(shipped_base, model_pairs));
    report("defaults (fitted on all tuning folds), all against all, pairs between other councils",
           total(shipped, other_pairs));
    const Score held = total(shipped, is_held_out);
    report("HELD OUT, defaults, all against all, pairs between other councils", held);
    INFO("wrong and missed alignments (all against all, then --base):\n" << wrong_or_missed);
    if (std::getenv("PROTOPUB_GOLD_MISMATCHES"))
        std::fputs(wrong_or_missed.c_str(), stdout);  // for a reader tuning by hand
    CHECK(total(cross_validated, model_pairs).true_positives + total(cross_validated, model_pairs).false_negatives >=
          50);
    CHECK(held.true_positives + held.false_negatives >= 20);
    // Against the model, the question a committee asks first: both at least 0.85, on
    // folds the setting was not chosen on.
    CHECK(total(cross_validated, model_pairs).precision() >= 0.85);
    CHECK(total(cross_validated, model_pairs).recall() >= 0.85);
}
