// Walking a Protocol's inlines and anchor ids, and embedding one protocol inside another (a
// constitution's sections, a committee report's appendices): ids scoped by a key,
// references moved so the inlines that index them still do.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/protocol.hpp"

namespace protopub::model {

// Every inline list of some blocks (paragraphs, list items, table cells, quotes).
void for_each_inlines(std::vector<Block>& blocks, const std::function<void(Inlines&)>& fn);
// Every inline list of a protocol: headings, intros, clause words.
void for_each_inlines(Protocol& p, const std::function<void(Inlines&)>& fn);
// Every inline (at any depth) of a protocol.
void for_each_inline(Protocol& p, const std::function<void(Inline&)>& fn);

// Every id a link can lead to, in document order: each section's, then the labelled
// sub-items of its introduction, each clause's and its labelled sub-items'. Empty ids are
// skipped. Every format's anchors (HTML ids, PDF destinations, Word bookmarks) are these.
void for_each_anchor_id(const Protocol& p, const std::function<void(const std::string&)>& fn);

// Ids unique inside a larger document: "purpose" under key "section-24" becomes
// "section-24-purpose" (sections, clauses, sub-items, reference targets, terms).
void prefix_ids(Protocol& p, const std::string& key);

// Appends `from`'s references and terms to `to`, renumbering the inlines of `from` that
// index them; `from`'s sections can then be moved into `to`.
void move_references(Protocol& from, Protocol& to);

}  // namespace protopub::model
