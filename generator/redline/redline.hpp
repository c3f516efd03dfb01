// Change tracking between two versions of a protocol.
//
// compare_versions() aligns the clauses of OLD and NEW and diffs the words of each
// matched pair into one change model (a ChangeSet). Everything else is drawn from it:
// JSON and CSV of the change model, the schedule of changes, and build_redline(), which
// turns the change set into an ordinary model::Protocol (clauses carrying ClauseChange,
// words marked InlineKind::inserted / deleted) so every renderer draws redlines with no
// redline-specific hook.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/protocol.hpp"

namespace protopub::redline {

struct Options {
    // Clauses less alike than this (Dice coefficient of their words) are never paired:
    // they are a deletion plus an insertion, not a forced amendment.
    double match_threshold = 0.5;
    // A pair found out of order (a move) must be at least this alike: lookalikes far
    // apart are more often a deletion and an unrelated insertion.
    double move_threshold = 0.7;
    // A pair whose words changed beyond this share is shown as replaced whole.
    double replace_whole_above = 0.6;
    // Two neighbouring clauses are a split (or merge) of one clause when together they
    // are at least this alike to it.
    double split_threshold = 0.75;
};

// What a change is to: a clause, a section as a whole (its heading and number; a section
// or sub-heading inserted, deleted or moved), a section's introduction (the text before its first clause, all
// of a preamble section), or a front-matter field (title, version, adoption date, ...).
enum class Part { clause, section, introduction, front_matter };
const char* to_string(Part part);

// Where a clause (or a section, or a front-matter field) sits in its version.
struct ClauseRef {
    std::string id;      // a front-matter field's key ("title", "version", "adopted")
    std::string number;  // as displayed ("3.2", a section's "4"); "" when un-numbered
    int section = -1;    // index into Protocol::sections
    int clause = -1;     // index into Section::clauses (-1 for a section or its introduction)
    int order = -1;      // position among all clauses of the version
};

// The word-level edit script of a change: runs over the concatenated word tokens of the
// old clause(s) and the new clause(s). `equal` consumes both sides, `deleted` only the
// old, `inserted` only the new. Deletions come before insertions within one hunk.
enum class Op { equal, deleted, inserted };
struct Run {
    Op op = Op::equal;
    int count = 0;
};

struct Change {
    Part part = Part::clause;
    // For a section: inserted, deleted, moved, amended (heading words) or renumbered; for an
    // introduction or a front-matter field: inserted, deleted or amended.
    model::ChangeKind kind = model::ChangeKind::unchanged;
    std::vector<ClauseRef> old;   // empty for inserted; two or more for merged
    std::vector<ClauseRef> new_;  // empty for deleted; two or more for split
    int words_inserted = 0;
    int words_deleted = 0;
    int consequential_references = 0;  // references that changed only because their target was renumbered
    bool amended = false;              // words changed (also true for a moved or split clause that was reworded)
    bool replaced_whole = false;       // rewritten beyond Options::replace_whole_above
    double similarity = 1.0;           // Dice coefficient of the words (1 = same words)
    std::string move_id;               // "move-1", ... for moved clauses
    // A moved or deleted clause's old place, in NEW's order: the position (Clause order
    // in NEW) after which it stood, -1 = before the first clause.
    int old_place_after = -1;
    std::vector<Run> script;  // word diff (empty when the words are the same)
    std::string summary;      // one plain-English line for the schedule
};

struct ChangeSet {
    // Front matter first, then NEW's order: each section's own changes before its
    // clauses, deleted clauses and sections where they stood. Every clause of both
    // versions appears once; sections and introductions only when they changed.
    std::vector<Change> changes;
    // For each section of NEW, the section of OLD it continues (-1: a new section).
    std::vector<int> section_match;
    // For each section of NEW, true when it continues a section of OLD but stands
    // elsewhere among the others: a section (or sub-heading) moved, drawn at both places.
    std::vector<bool> section_moved;
    // The number of clause changes of a kind.
    int count(model::ChangeKind kind) const;
    // The number of changes to a part (for clauses: other than unchanged).
    int count(Part part) const;
    // Changes other than unchanged clauses (renumbered ones included).
    int changed() const;
    // Every count() at once: one pass over the changes, not one a kind or part.
    struct Counts {
        std::array<int, static_cast<std::size_t>(model::ChangeKind::merged) + 1> kinds{};
        std::array<int, static_cast<std::size_t>(Part::front_matter) + 1> parts{};
        int of(model::ChangeKind kind) const { return kinds[static_cast<std::size_t>(kind)]; }
        int of(Part part) const { return parts[static_cast<std::size_t>(part)]; }
    };
    Counts counts() const;
};

ChangeSet compare_versions(const model::Protocol& old, const model::Protocol& new_, const Options& options = {});

// ---------------------------------------------------------------- word diff

// One piece of a word diff of two texts, in reading order.
struct TextEdit {
    Op op = Op::equal;
    std::string text;  // the words (joined with single spaces as written)
};
// Word-level diff of two plain texts with the same tokens, clean-up and whole-replacement
// rule as clause amendments use. Whitespace and quote-style differences are not changes.
std::vector<TextEdit> diff_text(std::string_view old_text, std::string_view new_text, const Options& options = {});

// ---------------------------------------------------------------- outputs

// {"changes":[{"kind":..,"old":{"id":..,"number":..}|null,"new":...,"words_inserted":N,
// "words_deleted":N, ...}], "summary":{...}}
std::string to_json(const ChangeSet& changes, const model::Protocol& old, const model::Protocol& new_);
// One row per change, same fields as the JSON.
std::string to_csv(const ChangeSet& changes);

// The schedule of changes: what a committee report appends.
struct ScheduleRow {
    std::string old_number;
    std::string new_number;
    std::string kind;     // "amended", "inserted", "renumbered", ...
    std::string summary;  // "'five working days' replaced by 'ten working days'"
    std::string anchor;   // the clause's id in the redline, for links ("" for a run of renumbered clauses)
};
// One row per change; runs of consecutive renumbered clauses become one row.
std::vector<ScheduleRow> schedule_of_changes(const ChangeSet& changes);
std::string schedule_csv(const std::vector<ScheduleRow>& rows);

// A Protocol in NEW's order whose clauses carry model::ClauseChange and whose changed
// words are InlineKind::inserted / deleted inlines; deleted clauses and the old places of
// moved clauses appear where they stood, all their words deleted.
model::Protocol build_redline(const ChangeSet& changes, const model::Protocol& old, const model::Protocol& new_);
// The schedule as a Protocol with one section holding a table.
model::Protocol build_schedule(const std::vector<ScheduleRow>& rows, const model::Protocol& old,
                               const model::Protocol& new_);

}  // namespace protopub::redline
