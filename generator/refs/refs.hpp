// Cross-references, statute citations and defined terms: found in the words of the
// model (never in Markdown), resolved to clause ids and legislation.gov.uk addresses,
// and checked. See docs/references.md for what is recognised.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"
#include "model/string_hash.hpp"
#include "refs/scanner.hpp"

namespace protopub::refs {

struct Statute;

// What runs of words were found to hold, for reading several versions of one protocol
// (a diff): a later version is mostly the words of the earlier one, and those are not
// scanned again. A run's scan depends on its words and on what was read before it:
// whether it opens a paragraph, the statutes given a defined name ("the Act") so far, and
// a statute cited earlier in its clause. Runs read after such a citation are not kept,
// nor runs that define a term (which may name a statute); the others are kept under the
// names known when they were read.
class ScanMemo {
public:
    using StatuteNames = std::unordered_map<std::string, const Statute*>;  // ScanContext::statute_names
    // What the scan of a run found, and the statute its clause cites last after it.
    struct Scan {
        std::vector<detail::Found> found;
        const Statute* last_statute = nullptr;
    };
    // The runs read under `names`: the `names` argument of find() and add(). Looked up
    // once for as long as the names stay the same, not compared at every run.
    std::size_t runs_under(const StatuteNames& names);
    const Scan* find(std::size_t names, std::string_view run, bool block_start) const;
    void add(std::size_t names, std::string_view run, bool block_start, Scan scan);

private:
    // A run is hashed by its length and at most its first and last 64 bytes: a paragraph
    // is hashed at every run read, and one edited between them is told apart on comparing.
    struct RunHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view run) const {
            constexpr std::size_t sampled = 64;
            if (run.size() <= 2 * sampled) return model::hash_text(run);
            return model::hash_detail::mix(model::hash_text(run.substr(0, sampled)) ^ run.size(),
                                           model::hash_text(run.substr(run.size() - sampled)));
        }
    };
    // (a protocol names a statute or two: a handful of these, looked through in turn)
    struct Runs {
        StatuteNames names;
        std::unordered_map<std::string, Scan, RunHash, std::equal_to<>> scanned[2];  // by block_start
    };
    std::vector<Runs> by_names_;
};

// Finds every reference in the clauses and section introductions of `p` and turns it
// into an InlineKind::reference inline (its children are the words as written) that
// indexes a new entry of p.references; resolves references to this protocol's clauses
// and sections, links statutes, keeps constitution references as structured data, and
// collects definitions into p.terms. Reports internal references that point nowhere or
// to a deleted clause (errors) and ambiguous ones (warnings). Run once per protocol;
// `memo`, shared by the versions of one protocol, skips the runs of words seen before.
void resolve_references(model::Protocol& p, model::Diagnostics& diags, ScanMemo* memo = nullptr);

// A clause kept only for its number: "Deleted", "[Deleted]", "Not used".
bool is_deleted_clause(const model::Clause& c);

}  // namespace protopub::refs
