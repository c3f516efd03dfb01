// Cross-references, statute citations and defined terms: found in the words of the
// model (never in Markdown), resolved to clause ids and legislation.gov.uk addresses,
// and checked. See docs/references.md for what is recognised.
#pragma once

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::refs {

// Finds every reference in the clauses and section introductions of `p` and turns it
// into an InlineKind::reference inline (its children are the words as written) that
// indexes a new entry of p.references; resolves references to this protocol's clauses
// and sections, links statutes, keeps constitution references as structured data, and
// collects definitions into p.terms. Reports internal references that point nowhere or
// to a deleted clause (errors) and ambiguous ones (warnings). Run once per protocol.
void resolve_references(model::Protocol& p, model::Diagnostics& diags);

// A clause kept only for its number: "Deleted", "[Deleted]", "Not used".
bool is_deleted_clause(const model::Clause& c);

}  // namespace protopub::refs
