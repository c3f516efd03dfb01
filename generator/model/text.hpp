// Small text helpers shared by every stage: UTF-8, plain text of inlines, slugs, numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::model {

// ASCII character classes, as std::isalpha and the like answer them in the "C" locale
// protopub runs in, without a call per byte (a byte of UTF-8 beyond ASCII is none of them).
namespace ascii {
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace ascii

// Offset of the first invalid UTF-8 byte, or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view s);

// The one rule for every string that reaches an output: valid UTF-8 and a character of
// XML 1.0 that shows. Bytes that are not UTF-8, control characters other than tab, line
// feed and carriage return (C0, DEL, C1: XML forbids most, LibreOffice refuses the rest,
// none shows) and the non-characters U+FFFE and U+FFFF are each replaced by U+FFFD, the
// visible replacement character.
struct Unshowable {
    std::size_t count = 0;                   // how many were replaced
    std::size_t offset = std::string::npos;  // byte offset of the first, before replacing
    std::string name;                        // the first: "U+001B" or "byte 0x85"
};
Unshowable make_showable(std::string& text);
// The byte offset of the first byte or character make_showable() replaces, or npos.
// `carriage_return`, when given, is set if a CR stands before that offset.
std::size_t find_unshowable(std::string_view text, bool* carriage_return = nullptr);
// "character U+001B cannot be shown; replaced by U+FFFD (and 2 more)"
std::string unshowable_message(const Unshowable& u);
// The rule applied to every string of a protocol (metadata, headings, words, labels, link
// addresses), with one warning per string at its position in `p.source_path`. Without
// `words`, to its file name and metadata only (the caller knows the rest showable).
void make_showable(Protocol& p, Diagnostics& diags, bool words = true);

// At most `max_bytes` of `s` for a message, cut at a space (or else between characters,
// never inside one) and ended with "…" when anything was cut.
std::string shorten(std::string s, std::size_t max_bytes = 60);

// The words of some inline content as plain text (breaks become spaces).
std::string plain_text(const Inlines& inlines);
// All words of a block (paragraphs, list items with their labels, table cells, quotes).
std::string plain_text(const Block& block);
// The clause's heading and blocks, without its number: what a diff or compare reads.
std::string plain_text(const Clause& clause);

// "Close personal relationships" -> "close-personal-relationships" (ASCII, lowercase).
std::string slugify(std::string_view text, std::size_t max_words = 6);

// Parse "4.21", "24.5.", "10" into parts; false if `s` is not a clause number.
bool parse_clause_number(std::string_view s, std::vector<int>& parts);
// {4, 21} -> "4.21"
std::string join_number(const std::vector<int>& parts);

// Split on ASCII/Unicode whitespace into words (used by word-sequence checks and diffs).
// How many words split_words would give, up to `limit` (counting stops there).
std::size_t word_count(std::string_view text, std::size_t limit = static_cast<std::size_t>(-1));
std::vector<std::string> split_words(std::string_view text);

std::string trim(std::string_view s);

// What every format prints over a covering report (SectionKind::preamble), so that no
// reader takes it for the document: "Covering report — not part of the <title>".
std::string covering_report_label(const Protocol& p);
// The heading a document's untitled first section takes when a covering report comes
// before it, so the document has a heading of its own where it begins: its title.
bool begins_after_covering_report(const Protocol& p, std::size_t section_index);
// The title of the document itself: a redline's is that of the protocol it redlines.
const std::string& document_title(const Protocol& p);

// The defined terms as every format lists them: alphabetical (ignoring case), each with
// the number of the clause that defines it ("" when that clause is unnumbered).
struct GlossaryEntry {
    const DefinedTerm* term;
    std::string clause_number;
};
std::vector<GlossaryEntry> glossary(const Protocol& p);
// The same list as a section ("Defined terms", id "_glossary"), for the formats that draw
// sections (PDF, Word); nullopt when the protocol defines no terms.
std::optional<Section> glossary_section(const Protocol& p);

// `s` appended to `out` as XML 1.0 character data, or as an attribute value (quotes and
// control characters escaped too), for writers that write XML as text.
void append_xml_escaped(std::string& out, std::string_view s, bool in_attribute);

}  // namespace protopub::model
