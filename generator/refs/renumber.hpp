// Renumbering: clause numbers recomputed from the structure (document order and depth),
// and the source text rewritten so that only the numbers change: the clauses' own and
// every internal reference to them, ranges included. Ids never change.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::refs {

// One number to rewrite in the source.
struct NumberEdit {
    model::SourcePos pos;    // where the old number is written
    std::string old_number;  // "3.4"
    std::string new_number;  // "3.5"
};

// The number every numbered clause and section should carry, by id. Numbering runs on
// from the first number of the document (a code that is section 24 of a constitution
// stays 24.x); each clause keeps its depth.
std::unordered_map<std::string, std::string> recompute_numbers(const model::Protocol& p);

// The edits that make the written numbers, and the internal references resolved by
// resolve_references, match recompute_numbers. A reference pointing nowhere is left as
// written, with a warning; an ambiguous one (two clauses with its number) is an error
// naming every candidate, as renumbering would silently choose one.
std::vector<NumberEdit> plan_renumber(const model::Protocol& p, model::Diagnostics& diags);

// Applies `edits` to the source text the protocol was read from. Each old number must
// be found at its position, or once on the same line where the reader's columns
// drift (indented continuation lines, character references). Otherwise nothing is
// changed: nullopt, with an error in `diags`.
std::optional<std::string> apply_edits(std::string_view source, const std::vector<NumberEdit>& edits,
                                       const std::string& path, model::Diagnostics& diags);

}  // namespace protopub::refs
