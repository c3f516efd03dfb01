// Variant comparison: which clauses of several councils' protocols say the same thing.
//
// compare_protocols() aligns the clauses of many protocols (optionally against a base,
// usually the model protocol) and groups them into topics. The result is its own small
// model (a Comparison) that the report writers draw: coverage matrix, gaps, unique
// clauses, word diffs, similarity heatmap, JSON and CSV.
//
// How it works (docs/compare.md has the details): clause words are normalised and turned
// into TF-IDF vectors over the whole set; candidates come from an inverted index (never
// all pairs of clauses); with a base, each document's clauses are matched to base clauses
// in an order-aware pass (many-to-one allowed, nothing forced below the threshold); the
// clauses left over, or every clause without a base, are matched the same way for each
// pair of documents and clustered into topics, best match first, never two clauses of
// one document in a topic unless one is a part of what another council said in one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::compare {

// How close a clause is to its topic's reference clause.
enum class Band { identical, close, related, absent };
const char* to_string(Band b);

// A clause as compare sees it: where it is in its protocol and what it is called.
struct Unit {
    int section = -1;     // index into Protocol::sections
    int clause = -1;      // index into Section::clauses
    std::string id;       // the clause's stable id
    std::string number;   // as written ("4.21")
    std::string heading;  // the section (and sub-heading) it sits under
};

struct Document {
    std::string id;  // unique, from the file name ("guildford")
    std::string council;
    std::string file;         // the source path as given
    std::vector<Unit> units;  // clauses with words, in document order
    std::string name;         // how reports name it: the council, and its id too when two share one
};

// One clause in one document: doc indexes Comparison::documents, unit Document::units.
struct UnitRef {
    int doc = -1;
    int unit = -1;
    friend bool operator==(const UnitRef&, const UnitRef&) = default;
    friend auto operator<=>(const UnitRef&, const UnitRef&) = default;
};

struct Member {
    UnitRef ref;
    double score = 0;  // similarity to the topic's reference clause, 0..1
    Band band = Band::absent;
};

// A group of clauses (at most one per document, except where a council split a base
// clause) that say the same thing. With a base, there is one topic per base clause,
// whose reference is that clause; other topics gather clauses the base does not have.
struct Topic {
    std::string id;     // "t-12"
    std::string label;  // "Correspondence: silent copies, bcc"
    UnitRef reference;
    bool from_base = false;
    std::vector<Member> members;  // the reference first, then by document and order
};

// b is a's counterpart in b's document: a's council says there what a says. Alignments
// are directed because each clause chooses its counterpart (so a council that split one
// clause of another into three has three alignments to it). With a base, b is the base
// clause; without, every clause has at most a few counterparts in each other document.
struct Alignment {
    UnitRef a;
    UnitRef b;
    double score = 0;
    Band band = Band::absent;
    int topic = -1;          // index into Comparison::topics when a and b share one
    bool confirmed = false;  // a reviewer confirmed it (--decisions); otherwise the matcher's guess
};

// A reviewer's decision, read from a decisions file (compare --decisions FILE.yaml).
// Clauses are named "document-id#clause-id": stable ids, which survive renumbering.
enum class Verdict { confirm, reject, covered_elsewhere };
struct Decision {
    Verdict verdict = Verdict::confirm;
    std::string clause;       // confirm/reject: the clause that has the counterpart
    std::string counterpart;  // confirm/reject: its counterpart in another document
    std::string council;      // covered-elsewhere: the document said to cover it elsewhere
    std::string topic;        // covered-elsewhere: a clause of the topic (with a base, the base's)
    std::string by, note;     // who decided, and why or where (free text)
    std::string file;         // where it is written, for diagnostics
    std::uint32_t line = 0, column = 0;
};

// A gap a reviewer marked as covered elsewhere (another document of the council).
struct CoveredElsewhere {
    int topic = -1;
    int doc = -1;
    const Decision* decision = nullptr;  // into Options::decisions
};

// A decision that no longer applies: a clause or document it names is not in this run.
struct StaleDecision {
    const Decision* decision = nullptr;
    std::string reason;  // "no clause 'x' in guildford-borough-council"
};

// A document with no clause in a topic, and its clause that came nearest to the topic all
// the same (it was a candidate, but not chosen): where a reader should check the gap.
struct NearMiss {
    int topic = -1;  // index into Comparison::topics
    UnitRef unit;
    double score = 0;
    friend auto operator<=>(const NearMiss&, const NearMiss&) = default;
};

struct Comparison {
    std::vector<Document> documents;
    int base = -1;                                // index into documents, -1 without a base
    std::vector<Topic> topics;                    // base topics in base order, then the rest
    std::vector<Alignment> alignments;            // sorted by a, then b
    bool pairwise = false;                        // alignments are every clause's own choices (all
                                                  // against all), not each clause to its topic's reference
    std::vector<std::vector<double>> similarity;  // documents x documents, 0..1 (diagonal 1)
    std::vector<NearMiss> near_misses;            // at most one per (topic, document), sorted
    double related = 0.15;                        // the threshold it was made with (Options::related)
    // Reviewer decisions (Options::decisions) as applied: the matcher's alignments a
    // person rejected, the gaps a person marked covered elsewhere, and those that are stale.
    std::vector<Alignment> rejected;
    std::vector<CoveredElsewhere> covered_elsewhere;
    std::vector<StaleDecision> stale_decisions;
};

using Progress = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

// Which candidates a clause may take as its counterparts: those scoring the threshold,
// with rank-aware rules around it. A pair is "mutual best" when each clause is the other's
// best candidate in the other's document; its margin is how far the best candidate beats
// the runner-up. The values are chosen by cross-validation on the gold alignments
// (docs/compare.md, "How good it is"), separately against a base and between councils.
struct Acceptance {
    double threshold = 0.15;     // a pair scoring this aligns (if the rules below allow)
    double mutual_floor = 0.15;  // mutual best pairs align down to this score
    double mutual_margin = 0.0;  // ... when they beat the runner-up by at least this much
    double lone_floor = 0.20;    // a pair that is not mutual best needs at least this score
    // Between councils: when b chose a, a takes b too (a long clause of one council takes
    // each of the clauses another split it into). Against a base this has no use.
    bool take_reverse = false;
    Acceptance scaled(double factor) const {
        return {threshold * factor, mutual_floor * factor, mutual_margin, lone_floor * factor, take_reverse};
    }
};

struct Options {
    int base = -1;                                     // index into the protocols, -1 for all against all
    Acceptance against_base{0.15, 0.15, 0.0, 0.20};    // a council's clauses choosing base clauses
    Acceptance between{0.18, 0.10, 0.04, 0.20, true};  // councils' clauses choosing each other's
    double related = 0.15;                             // the threshold a reader is told about: bands, "near" notes
    // --threshold X: X is the threshold against a base; every rule scales with it.
    void set_threshold(double x) {
        const double factor = x / related;
        against_base = against_base.scaled(factor);
        between = between.scaled(factor);
        related = x;
    }
    double close = 0.50;  // bands: identical >= identical, close >= close, related
    double identical = 0.97;
    // All against all, every clause's counterparts in every other document are listed up to
    // this many documents (the list grows with their square); beyond, each clause is
    // aligned to its topic's reference, as against a base.
    std::size_t max_pairwise_documents = 50;
    unsigned threads = 0;  // 0 = as many as the machine has
    Progress progress;     // optional, called now and then from the calling thread
    // Reviewer decisions, applied after the matching (kept alive by the caller).
    const std::vector<Decision>* decisions = nullptr;
};

// Reads a decisions file (docs/compare.md, "Reviewer decisions"); every problem is a
// diagnostic at file:line:col. Returns the decisions that could be read.
std::vector<Decision> read_decisions(std::string_view text, const std::string& path, model::Diagnostics& diags);

// Compares `protocols` (kept alive by the caller: the result refers into them by index).
Comparison compare_protocols(const std::vector<model::Protocol>& protocols, const Options& options);

// The words compare reads for a clause, normalised: lower case, straight quotes, no
// numbers, no stop words, light stemming, a few synonyms (members -> councillor).
// `council` is the council's name; its proper-name words are dropped too.
std::vector<std::string> normalise_words(std::string_view text, std::string_view council = {});

// Band of a score under `options`' thresholds.
Band band_of(double score, const Options& options);

}  // namespace protopub::compare
