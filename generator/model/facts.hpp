// The facts every renderer states, worked out once from the model so that HTML, PDF,
// Word and Akoma Ntoso cannot drift apart: what a title page says, a date in words, and
// where a reference links.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/protocol.hpp"

namespace protopub::model {

// "2024-05-01" -> "1 May 2024"; anything that is not a date is returned as written.
std::string date_in_words(std::string_view iso);
// The inverse: "1 May 2024" (any case) or "2024-05-01" -> "2024-05-01"; "" for anything else.
std::string date_from_words(std::string_view words);

// "October", "Oct" or "Sept" (any case) -> 10 or 9; 0 for a word that names no month.
int month_number(std::string_view word);

// "Adopted" for Status::adopted: the status as a reader sees it.
std::string status_in_words(Status s);

// What a page says of a version that is not in force ("This is a draft. It has not been
// adopted."), "" for an adopted one. Import knows it again as protopub's own words.
std::string_view status_notice(Status s);

// One line of a title page: "Version" / "2024".
struct TitleFact {
    std::string label;
    std::string value;
    bool operator==(const TitleFact&) const = default;
};

// What every title page states about the document, in this order: version, status,
// adoption (date in words, body, minute), what it supersedes and its place in the
// constitution. Facts the front matter leaves out are left out.
std::vector<TitleFact> title_facts(const Metadata& meta);
// The same as the lines a title page draws: a redline's with its front matter's changes
// marked (Metadata::marked_facts), any other document's as plain words.
std::vector<TitleLine> title_lines(const Metadata& meta);

// The number a section stands for: the one written, else the first part of its first
// clause's number; empty for preambles and un-numbered text. (What numbering checks and
// references go by: "section 4" names the section whose clauses are 4.x.)
std::vector<int> section_number(const Section& s);

// Where a text goes on from a series begun elsewhere (a Part that continues an earlier
// one at 8.63, an Article given from 7.1 with its paragraph 7.1.5), the numbers it opens
// with: its first clause's, then each next one's while the numbers only go deeper. Empty
// where the first clause starts at 1. What comes before them belongs to the text before:
// `check` does not call it missing, and a reference to it is to that text.
std::vector<std::vector<int>> opening_run(const Protocol& p);
// Whether `number` comes before such a text begins: before its first number, or inside
// its opening run (7.1.2 where it opens 7.1, 7.1.5).
bool before_the_text(const std::vector<int>& number, const std::vector<std::vector<int>>& opening_run);

// What a contents line or an outline calls a section: its heading's words (in a redline,
// as they read once the changes are accepted; a deleted section's as they read before),
// else "Covering report" for a preamble, else "Section 4" for its written number; ""
// for an untitled, unnumbered section.
std::string section_name(const Section& s);

// Where a reference links: to a clause or section of this document (its id, which is
// also every format's anchor), to a web address, or nowhere. The first target with a
// clause wins; a reference that names none links to its address, if it has one.
struct LinkTarget {
    enum class Kind { none, clause, web };
    Kind kind = Kind::none;
    std::string target;  // the clause id or the address
};
LinkTarget link_target(const Protocol& p, const Inline& reference);
LinkTarget link_target(const Reference& r);

}  // namespace protopub::model
