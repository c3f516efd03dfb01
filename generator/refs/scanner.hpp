// Finds references and definitions in one run of plain text (the words of a paragraph
// between two pieces of markup, line breaks as single spaces). One left-to-right pass,
// no regular expressions: each word is looked at a bounded number of times.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/protocol.hpp"
#include "refs/statutes.hpp"

namespace protopub::refs::detail {

// What a reference to this protocol names: a section ("section 7") or a clause.
enum class InternalWord { none, clause, section };

struct Found {
    std::size_t begin = 0;  // offsets into the scanned text
    std::size_t end = 0;
    model::Reference ref;                     // everything but text and positions
    std::vector<std::size_t> target_offsets;  // where each target's number starts
    InternalWord internal_word = InternalWord::none;
    int direction = 0;                 // -1 "above", +1 "below", 0 neither
    const Statute* statute = nullptr;  // the statute cited, when the table knows it
};

struct FoundTerm {
    std::size_t begin = 0;  // the term's first character
    std::string term;
};

// What the scanner remembers between runs of text.
struct ScanContext {
    // The statute cited last in the current clause: "Schedule 12A" alone belongs to it.
    const Statute* last_statute = nullptr;
    // Defined names of statutes ("the act" -> Local Government Act 1986), lower case.
    std::unordered_map<std::string, const Statute*> statute_names;
    // The run starts a paragraph: a term may open it unquoted ("Councillor means ...").
    bool block_start = false;
};

// The length of the verb that starts `s` when it defines the words before it ("means",
// "includes", "shall mean", "shall include"), else 0.
std::size_t defining_verb(std::string_view s);

// The sentence of `text` around offset i: what defines a term found there.
std::string sentence_around(std::string_view text, std::size_t i);

// Appends the references and definitions in `text`, in order, without overlaps.
void scan(std::string_view text, ScanContext& context, std::vector<Found>& refs, std::vector<FoundTerm>& terms);

}  // namespace protopub::refs::detail
