// The Protocol model: the one in-memory form every stage reads and writes.
//
// A closed set of types (pandoc-style): Protocol -> Section -> Clause -> Block -> Inline.
// Nesting of clauses comes from their numbers (3.9 < 3.10), not from the tree, so
// clauses are kept flat in document order inside their section, each with its parsed
// number. No renderer ever sees Markdown: everything it needs is here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace protopub::model {

// 1-based line and column (column counts bytes, as compilers do); 0 = unknown.
struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool known() const { return line != 0; }
};

// ---------------------------------------------------------------- inlines

enum class InlineKind {
    text,        // literal text (UTF-8, never markup)
    emphasis,    // children
    strong,      // children
    strike,      // children (GFM strikethrough)
    code,        // literal text in `text`
    link,        // children; `target` is the URL (only http, https, mailto survive)
    soft_break,  // a line break in the source that is a space in the output
    line_break,  // a hard break
    reference,   // children = the words as written; `reference` indexes Protocol::references
    // Redline marks (a redline is a Protocol whose clauses carry these; every renderer
    // draws them: <ins>/<del> in HTML, colour and strike in PDF, w:ins/w:del in Word).
    inserted,  // children: words added in the new version
    deleted,   // children: words removed from the old version
};

struct Inline {
    InlineKind kind = InlineKind::text;
    std::string text;              // text / code
    std::string target;            // link URL
    std::vector<Inline> children;  // emphasis / strong / strike / link / reference
    int reference = -1;            // index into Protocol::references (kind == reference)
    SourcePos pos;                 // where the inline starts, when known
};

using Inlines = std::vector<Inline>;

// ---------------------------------------------------------------- blocks

enum class BlockKind {
    paragraph,  // inlines
    list,       // items
    table,      // rows
    quote,      // children (a quoted passage)
};

// How the items of a list are labelled. Labelled sub-items ((a), i.) keep the label
// exactly as written in ListItem::label; bullet lists have empty labels.
enum class ListStyle {
    bullet,         // •, -, *
    ordered,        // 1. 2. 3. (a numbered list inside a clause, not clauses)
    alpha_paren,    // (a) (b)
    alpha_close,    // a) b)
    alpha_dot,      // a. b.
    roman_paren,    // (i) (ii)
    roman_close,    // i) ii)
    roman_dot,      // i. ii.
    decimal_paren,  // (1) (2): numbered sub-items written with brackets, not clauses
};

// What happened to a clause between two versions (set only in a redline Protocol). List
// items, table rows and cells, and blocks of a redline carry `inserted` or `deleted` when
// they exist in only one version, so Word tracks them as whole paragraphs, rows, cells.
enum class ChangeKind { none, unchanged, renumbered, amended, moved, inserted, deleted, split, merged };

struct Block;

struct ListItem {
    std::string label;  // "(a)", "i.", "" for bullets
    std::string id;     // stable id of a labelled sub-item ("" if none)
    std::vector<Block> blocks;
    SourcePos pos;
    ChangeKind change = ChangeKind::none;  // redlines only
    std::string old_label;                 // redlines only: OLD's label of an item both have, where it differs
};

enum class Align { none, left, center, right };

struct TableCell {
    Inlines inlines;
    // 0..1: how strongly the cell is tinted (a heatmap, as in compare's similarity table);
    // below 0, not tinted. Drawn by the PDF renderer.
    float shade = -1;
};

struct TableRow {
    bool header = false;
    std::vector<TableCell> cells;
    ChangeKind change = ChangeKind::none;  // redlines only
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    Inlines inlines;  // paragraph
    ListStyle list_style = ListStyle::bullet;
    std::vector<ListItem> items;  // list
    std::vector<Align> align;     // table column alignment
    std::vector<TableRow> rows;   // table
    std::vector<Block> children;  // quote
    SourcePos pos;
    ChangeKind change = ChangeKind::none;  // redlines only: a block in one version only
};

// ---------------------------------------------------------------- clauses

// A clause number as written ("4.21", "24.5", "3.") and its parsed parts {4, 21}.
struct ClauseNumber {
    std::string text;        // exactly as in the source, without trailing space
    std::vector<int> parts;  // empty when the clause is un-numbered
    bool empty() const { return parts.empty(); }
};

struct ClauseChange {
    ChangeKind kind = ChangeKind::none;
    std::string old_number;  // the number in the old version ("" if inserted)
    std::string old_id;      // the clause id in the old version
    // A moved clause appears twice in a redline: at its old place (moved_from = true,
    // all words deleted) and at its new place. `move_id` pairs the two ends.
    bool moved_from = false;
    std::string move_id;
    std::string counterpart_id;  // the id of the other end of a move / split / merge
};

struct Clause {
    std::string id;  // stable id: written {#id}, or derived (id_given=false)
    bool id_given = false;
    ClauseNumber number;
    Inlines heading;            // optional title ("24.1 Status of this code")
    std::vector<Block> blocks;  // the words of the clause
    SourcePos pos;              // the clause's first character (its number)
    SourcePos number_pos;       // where the number is written
    ClauseChange change;        // redlines only
    int depth() const { return static_cast<int>(number.parts.size()); }
};

// ---------------------------------------------------------------- sections

enum class SectionKind {
    normal,
    preamble,  // a covering report (e.g. to a committee) printed before the document: not part of it
    division,  // a heading of an assembled document (a constitution's Part or Section): part of it
};

struct Section {
    std::string id;
    bool id_given = false;
    SectionKind kind = SectionKind::normal;
    int level = 2;        // 2 = section (##), 3 = sub-heading (###) inside one
    ClauseNumber number;  // "1." in "## 1. Introduction"; may be empty
    Inlines heading;
    std::vector<Block> intro;     // blocks before the first clause
    std::vector<Clause> clauses;  // in document order
    SourcePos pos;
    // Redlines only: a section inserted, deleted, renumbered (old_number) or whose heading
    // was amended; every renderer draws its heading and introduction accordingly.
    ClauseChange change;
    // Starts a part of its own (an appendix of a committee report): a new page, and in
    // Word a new section whose header reads these words. "" for an ordinary section.
    std::string running_head;
};

// ---------------------------------------------------------------- references

enum class ReferenceKind {
    internal,      // paragraph / clause / section of this protocol
    constitution,  // "Part 3 of this Constitution", "the Officer Employment Procedure Rules"
    statute,       // "section 5 of the Local Government and Housing Act 1989"
};

struct ReferenceTarget {
    std::string number;      // as written ("4.21"); for statutes the pin-point
    std::string clause_id;   // resolved clause/section id ("" if unresolved)
    SourcePos pos;           // where the number is written (renumber rewrites it there)
    bool range_end = false;  // closes a range that the target before opens ("4.3 to 4.5": 4.5)
};

struct Reference {
    ReferenceKind kind = ReferenceKind::internal;
    std::string text;  // the words as written
    SourcePos pos;
    std::vector<ReferenceTarget> targets;  // a list or range expands to several
    bool is_range = false;                 // holds a range ("4.2 to 4.5", "4.1, 4.3 to 4.5"): see range_end
    std::string document;                  // constitution document / statute short title
    std::string part;                      // constitution Part / Section number
    std::string url;                       // statute web address
    bool resolved = false;
    bool ambiguous = false;
};

// A defined term ("referred to as "officers" throughout", "X means ...").
struct DefinedTerm {
    std::string term;
    std::string clause_id;   // where it is defined
    std::string definition;  // the defining sentence
    SourcePos pos;
};

// ---------------------------------------------------------------- the protocol

enum class Status { draft, adopted, superseded };

struct ConstitutionPlace {
    std::string part;     // "5"
    std::string section;  // "24"
};
// "Part 5(C)", "Section 24", "Part 5, Section 24": where the document sits in the
// constitution, in words, naming only what the front matter gives (model/facts.cpp).
std::string constitution_place(const ConstitutionPlace& place);

// A line of a redline's title page ("Version: <del>1</del><ins>2</ins>"): a value that
// changed is OLD's deleted and NEW's inserted; a line only one version has is `inserted`
// or `deleted` whole.
struct TitleLine {
    std::string label;  // as title_facts() labels it
    Inlines words;
    ChangeKind change = ChangeKind::unchanged;
};

struct Metadata {
    std::string title;
    std::string council;
    std::string version;
    Status status = Status::draft;
    std::string adopted;     // ISO date, YYYY-MM-DD ("" if not adopted)
    std::string adopted_by;  // the body that adopted it
    std::string minute;      // minute reference of the adoption
    std::string supersedes;  // version it replaces
    std::string lang = "en-GB";
    std::optional<ConstitutionPlace> constitution;
    // A document about another (a redline, "<title>: changes from version 1 to 2"): that
    // document's own title, which its covering report and its first heading name.
    std::string document_title;
    // A redline's title page with the front matter's changes marked: its title (the label
    // above), council and facts (title_facts()). Empty for any other document, whose title
    // page is drawn from the fields above.
    Inlines marked_title;
    Inlines marked_council;
    std::vector<TitleLine> marked_facts;
};

struct Protocol {
    std::string source_path;  // as given on the command line
    Metadata meta;
    std::vector<Section> sections;  // in document order
    std::vector<Reference> references;
    std::vector<DefinedTerm> terms;
    // Other pages about this protocol, as (label, address relative to its page): its
    // "Changes over time" page. Listed with the other formats on its page.
    std::vector<std::pair<std::string, std::string>> related;
};

const char* to_string(Status s);
const char* to_string(ListStyle s);
const char* to_string(ReferenceKind k);
const char* to_string(ChangeKind k);

}  // namespace protopub::model
