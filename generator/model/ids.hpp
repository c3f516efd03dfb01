// Stable ids. A clause keeps its id for life: renumbering, moving and rewording never
// change it, so links, diffs and comparisons hold on to ids, not numbers. Ids derived
// here are only for clauses that have none yet (the importer writes them into the source).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "model/protocol.hpp"

namespace protopub::model {

// Hands out ids unique within one document: "purpose", "purpose-2", ...
class IdAllocator {
public:
    void reserve(const std::string& id) { used_.insert(id); }
    bool taken(const std::string& id) const { return used_.count(id) > 0; }
    std::string make(const std::string& wanted);

private:
    // Hashed: ids of one document share long prefixes ("the-council-will-..."), which an
    // ordered set compares again at every level of its tree.
    std::unordered_set<std::string> used_;
    // The suffix to try next for each base: ids are never released, so the search for
    // "words-N" resumes where it stopped (10,000 clauses starting with the same words
    // would otherwise take quadratic time).
    std::unordered_map<std::string, int> next_suffix_;
};

// An id made from a number where there are no words to make it from: ("section", "2.2")
// -> "section-2-2", ("c", "4.21.") -> "c-4-21". Valid (is_valid_id) for any number;
// `kind` alone when the number has no letters or digits.
std::string id_from_number(std::string_view kind, std::string_view number);

// From the heading's words ("Roles of councillors" -> "roles-of-councillors").
std::string derive_section_id(const Section& s);
// From the clause's title or first words; "c-4-21" style when it has no words.
std::string derive_clause_id(const Clause& c);

// A number as written without its trailing dots: "1.1." -> "1.1", "2." -> "2".
std::string number_without_dots(std::string_view written);

// The permalink anchor for a displayed number: "4.21" -> "p-4.21".
std::string number_anchor(const std::string& number);

// True for an id usable in every output (HTML, XML, Word bookmarks): a letter first,
// then letters, digits, '-' and '_'.
bool is_valid_id(const std::string& id);

}  // namespace protopub::model
