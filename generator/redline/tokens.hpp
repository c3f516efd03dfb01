// Internal to the redline stage: the word tokens a diff works on, and the word diff.
//
// A clause is read as "units" (its heading, each paragraph, each list item's paragraph,
// each table cell), in reading order; the token stream of a clause is the tokens of its
// units with a boundary token between two units, so a change never runs from one
// paragraph into the next unless the structure itself changed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/protocol.hpp"
#include "model/string_hash.hpp"
#include "redline/redline.hpp"

namespace protopub::redline::detail {

// What wraps a word as written (emphasis, a link, a reference), outermost first.
struct Wrapper {
    model::InlineKind kind = model::InlineKind::emphasis;
    std::string target;  // link URL
    int reference = -1;  // reference index
    bool operator==(const Wrapper&) const = default;
};
using Style = std::vector<Wrapper>;

constexpr std::uint32_t boundary_key = 0;

struct Token {
    std::string_view text;                        // as written (in the model the tokens were read from)
    std::uint32_t key = boundary_key;             // normalised form (quote styles folded), interned
    std::uint32_t renumbered_key = boundary_key;  // old clause numbers: the key of the number it became
    bool word = false;                            // a word or number (punctuation is not)
    bool space_before = false;                    // white space before it in the same unit
    bool code = false;                            // an inline code span, kept as one token
    int style = 0;                                // index into TokenStream::styles (0 = plain)
    int reference = -1;                           // the reference it is written in (Protocol::references), if any
    std::uint8_t format = 0;                      // how it is set: the Format bits of its wrappers
    bool boundary() const { return key == boundary_key; }
};

// How a word is set, as Token::format: what a reader sees of its wrappers (a reference is
// a link, wherever it points).
enum Format : std::uint8_t { italic = 1, bold = 2, struck = 4, linked = 8 };
std::uint8_t format_of(const Style& style);

// Interns normalised token texts as small integers so diffs compare integers.
class KeyTable {
public:
    std::uint32_t intern(std::string_view normalised);

private:
    // Looked up by string_view, so a word already seen costs no allocation.
    std::unordered_map<std::string, std::uint32_t, model::TextHash, std::equal_to<>> keys_;
};

struct TokenStream {
    std::vector<Token> tokens;
    std::vector<Style> styles{Style{}};
    int units = 0;
    // Appends one unit (with a boundary token before it unless it is the first).
    void add_unit(const model::Inlines& inlines, KeyTable& keys);
    void add_text(std::string_view text, KeyTable& keys);
};

// The inline containers of a clause in reading order (the heading always first, even
// when empty, so two versions of a clause have comparable units).
std::vector<const model::Inlines*> units_of(const model::Clause& clause);
std::vector<model::Inlines*> units_of(model::Clause& clause);

// The inline containers of one block (a paragraph, each list item's, each table cell).
std::vector<const model::Inlines*> units_of(const model::Block& block);
std::vector<model::Inlines*> units_of(model::Block& block);

TokenStream tokenize(const std::vector<const model::Clause*>& clauses, KeyTable& keys);

// True when two clauses read the same to the tokenizer (the same units holding the same
// texts in the same inlines), so their token streams are equal without tokenizing them.
bool same_reading(const model::Clause& a, const model::Clause& b);

// The word diff of two token streams (old, new) after clean-up; an empty script means
// the same words, set alike. `renumbered_key` makes an old clause number equal to the
// number it became. Words that read the same but are set differently (put in italics or
// bold, struck, made a link) are replaced by themselves, newly set, so Accept All and
// Reject All give each version's setting.
std::vector<Run> diff_tokens(const std::vector<Token>& old_tokens, const std::vector<Token>& new_tokens,
                             const Options& options, bool& replaced_whole);

// The text of tokens [begin, end) joined as written (single spaces).
std::string join_tokens(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);
int count_words(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

// Dice coefficient of two sorted bags of keys: 1 = the same words, 0 = none in common.
double dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

// ---------------------------------------------------------------- structure

// The sorted word keys of each unit of a token stream.
using UnitBags = std::vector<std::vector<std::uint32_t>>;
UnitBags unit_bags(const std::vector<Token>& tokens);

// A unit of two clauses woven together, in reading order: in both versions, or only in
// OLD (new_unit -1) or only in NEW (old_unit -1); both -1 for a filler cell neither has
// (a short row under a column the other version added). Indices are units_of() positions.
struct UnitPair {
    int old_unit = -1;
    int new_unit = -1;
};
// NEW's blocks with the paragraphs, list items, table rows and columns that only OLD has
// woven in where they stood (ListItem / TableRow / TableCell / Block `change` says which
// version has them); `units` lists the woven units in units_of() order of the result.
struct WovenClause {
    std::vector<model::Block> blocks;
    std::vector<UnitPair> units;
};
WovenClause weave(const model::Clause& old, const UnitBags& old_bags, const model::Clause& new_,
                  const UnitBags& new_bags, double threshold);

// True when a flat word diff runs across a unit boundary (a paragraph, item, row or
// column added or removed): then structural_diff() gives the script instead.
bool changes_structure(const std::vector<Run>& script, const std::vector<Token>& a, const std::vector<Token>& b);
// The word diff unit by unit through the woven structure: a unit only one version has is
// deleted or inserted whole, with its boundary.
std::vector<Run> structural_diff(const model::Clause& old, const std::vector<Token>& a, const model::Clause& new_,
                                 const std::vector<Token>& b, const Options& options, bool& replaced_whole);
// A structural script cut into one script per woven unit (boundaries left out);
// `*_sizes` are the token counts of each unit.
std::vector<std::vector<Run>> unit_scripts(const std::vector<Run>& script, const std::vector<UnitPair>& units,
                                           const std::vector<int>& old_sizes, const std::vector<int>& new_sizes);

// ---------------------------------------------------------------- describing changes

// Fills a change's script, word counts, `amended`, `replaced_whole` and consequential
// references from the diff of its old tokens `a` and new tokens `b`.
void measure(Change& c, const std::vector<Token>& a, const std::vector<Token>& b, const Options& options);
// The same from a script already made.
void count_script(Change& c, const std::vector<Token>& a, const std::vector<Token>& b);
// "'five working days' replaced by 'ten working days'; 'strictly' deleted".
std::string describe_edits(const Change& c, const std::vector<Token>& a, const std::vector<Token>& b);
std::string quoted(const std::string& s);  // 'shortened text'

// ---------------------------------------------------------------- sections

// Adds the changes to sections, introductions and front matter to a set of clause
// changes, and fills ChangeSet::section_match.
void add_section_changes(ChangeSet& set, const model::Protocol& old, const model::Protocol& new_,
                         const Options& options);

// A section of the redline: one of NEW (`deleted` false) or one of OLD that NEW does not
// have there: deleted, or the old place of a moved section (`moved_from`).
struct RedlineSection {
    bool deleted = false;
    int index = -1;
    bool moved_from = false;
};
// The redline's sections: NEW's in order, each deleted section of OLD (and the old place
// of each moved one) after the section that continues the last kept section before it.
// A deleted section also follows every section of NEW that holds clauses (kept in order)
// of the sections before it.
std::vector<RedlineSection> redline_sections(const ChangeSet& set, std::size_t old_sections);

// Two versions' blocks (a section introduction) paired in order: blocks of the same shape
// at least Options::match_threshold alike are one block amended; others are a deleted or
// an inserted block. Reading order, deleted blocks before inserted ones at one place.
// True when two versions' blocks have the same text (the common case, checked before
// the block-by-block diff).
bool same_text(const std::vector<model::Block>& old, const std::vector<model::Block>& new_);

struct BlockPair {
    int old_block = -1;  // -1: an inserted block
    int new_block = -1;  // -1: a deleted block
};
std::vector<BlockPair> align_blocks(const std::vector<model::Block>& old, const std::vector<model::Block>& new_,
                                    const Options& options);

}  // namespace protopub::redline::detail
