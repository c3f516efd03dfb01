// The middle of every importer: a flat list of paragraphs, as a reader of the input saw
// them, is turned into sections, clauses, sub-items, bullets and quotes by one set of
// rules (numbers, labels, headings, bullets), whatever the input format.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "import/import.hpp"

namespace protopub::import::detail {

// The same letters, whatever their case (ASCII).
bool equals_ignore_case(std::string_view a, std::string_view b);
// `c` written as UTF-8.
void append_utf8(std::string& out, char32_t c);
// A list's counter `n` as Word's w:numFmt `format` shows it ("decimal", "lowerLetter",
// "upperLetter", "lowerRoman", "upperRoman", "none"): 3 -> "3", "c", "C", "iii", "III", "".
std::string format_counter(int n, std::string_view format);

struct Paragraph {
    std::string text;                   // the words, single-spaced; numbers and labels included
    model::Inlines inlines;             // formatted words (.docx); empty: made from `text`
    int heading_level = 0;              // a Word heading style (1 = Heading 1); 0 = none
    bool bullet = false;                // a bullet glyph or Word bullet, already taken off `text`
    std::string glyph;                  // that glyph ("-", "•"; plain text), "" for Word's
    bool after_gap = false;             // blank line(s) before it (plain text)
    bool leading_space = false;         // its first line started with a space (plain text)
    bool indented = false;              // its first line started with two spaces or more, or a tab
    bool item_line = false;             // a line of its own under a lead-in, in text of a paragraph a line
    bool single_line = true;            // it was one line of the input
    bool ended = false;                 // a greedy wrap left room on its last line for the next one's first word
    bool title_style = false;           // Word's Title style
    bool subtitle = false;              // Word's Subtitle style: read for the council's name, not text
    std::optional<model::Block> table;  // a table (.docx): `text` is empty
    std::vector<model::Inlines> notes;  // its footnotes (.docx), each starting with its mark: they end the clause
    model::SourcePos pos;
};

// What a paragraph (or a line of plain text) starts with.
enum class MarkerKind {
    none,
    bullet,  // "• ", "- ", "* ", "o ", a private-use bullet glyph
    clause,  // "2.1 ", "10.1.2. ", "- 1.1 " (list-marker style), "(3.2.9 " (stray bracket)
    single,  // "3. ", "3 ", "3) ", "(3) ": a section number or a one-level clause number
    label,   // "(a) ", "a) ", "(iv) ", "i. "
};

struct Marker {
    MarkerKind kind = MarkerKind::none;
    std::size_t length = 0;      // bytes taken by the marker and the spaces after it
    std::string text;            // the number or label as written ("2.1", "3.", "(a)")
    std::vector<int> parts;      // clause / single numbers
    bool stray_bracket = false;  // "(3.2.9 ": the bracket is dropped
    bool enclosed = false;       // "3)" or "(3)": clause numbers only where a text has no others
};

Marker read_marker(std::string_view text);

// True when the text ends a sentence or a lead-in: . ; : ? ! (before closing quotes).
bool ends_sentence(std::string_view text);
// The bytes of the superscript digit (¹ ² ³ U+00B9..., ⁰ ⁴-⁹ U+2070...) at `at` in `s`, or 0.
std::size_t superscript_digit_at(std::string_view s, std::size_t at);
// "12" -> "¹²": digits as a footnote's mark is written.
std::string superscript_digits(std::string_view digits);

// "iv" -> 4; 0 when the lower-case letters are not a roman numeral.
int roman_value(std::string_view letters);
// The letters or roman numeral of a label, in lower case: "(b)" -> "b", "IV." -> "iv".
std::string label_core(std::string_view label);

// "... as set out in paragraph": the word a reference's number follows.
bool ends_with_reference_word(std::string_view text);

// "[ .. ]", "[...]", "[…]": where an extract left text out.
bool gap_marker(std::string_view text);

// 3.2 may follow 3.1.4 (next of an ancestor), 3.1 (next sibling) or 3 (first child).
bool plausible_next(const std::vector<int>& prev, const std::vector<int>& cur);

// A title: one short line, starting with a capital, that does not end a sentence or a
// phrase, and is not a "Field: value" line (unless in capitals).
bool title_like(const Paragraph& p, std::string_view text, std::size_t max_words);
bool in_capitals(std::string_view text);
// In capitals, or every word of four letters or more starting with a capital.
bool capitalised(std::string_view text);
// How a line is cased: 2 in capitals, 1 in Title Case (capitalised), 0 otherwise.
int case_style(std::string_view text);

// What a line of a title page says: "Anytown Borough Council", "CONSTITUTION – PART 5" /
// "Section 5.4", or the protocol's title ("Member/Officer Protocol").
enum class HeaderLine { other, council, constitution, title };
HeaderLine header_line_kind(std::string_view text);
// A line that makes a title page of the lines around it: the council's name, or one that
// says "Constitution" or starts "Part N" ("Section 1" alone may be a section's heading).
bool names_title_page(std::string_view text);
// "PART 5(C) – PROTOCOL FOR MEMBER/OFFICER RELATIONS" -> the title after the place; "" if none.
std::string title_after_place(std::string_view line);

// "minutes of", "present:", "matters arising": what opens a line of a meeting's minutes
// (`lower_text` in small letters), or "".
std::string_view minutes_mark(std::string_view lower_text);
// The text in lower case (ASCII letters: the words the rules look for).
std::string lower(std::string_view text);
// A word in small letters, what follows its last letter left off ("Policy," -> "policy").
std::string word_core(std::string_view word);
// Whether one of `words` is one of `wanted` (given in small letters), its punctuation off.
bool contains_word(const std::vector<std::string>& words, std::initializer_list<std::string_view> wanted);
// "Report of: Head of Law": a short field name, a colon, a value.
bool starts_field(std::string_view line);
// "... is governed by:" or "by:-": words that introduce a list.
bool ends_lead_in(std::string_view text);
// "...; and", "..., or": an item of a list that goes on to the next.
bool ends_list_item(std::string_view text);
bool ends_with_small_word(std::string_view text);  // "of", "the", "and", ...
// "This protocol covers", "Members should": a clause's words that introduce the list after
// them, as a colon would (no title ends so).
bool ends_with_lead_in_verb(std::string_view text);
// "Member / Officer Protocol" and "MEMBER/OFFICER PROTOCOL" are the same words: the letters
// and digits in lower case, spacing and punctuation aside. same_letters compares two texts
// so without making either.
std::string letters_and_digits(std::string_view text);
bool same_letters(std::string_view a, std::string_view b);
bool is_lower_start(std::string_view s);
// "Councillor-" + "officer": a compound split at a line end keeps its hyphen, no space.
bool hyphen_joins(std::string_view before, std::string_view after);
// Appends a line's words: one space between, none after a split compound's hyphen.
void append_words(std::string& text, std::string_view line);

// A paragraph broken across a blank line (a page end mid-sentence) is joined again:
// the first part has not ended its sentence and the second goes on with a lower-case
// word, a compound's second half, or after a line that ran to `full_width` (0: never).
// `last_line_length[i]`: the length of paragraph i's last line (may be empty).
// `spaced_width`: a blank line follows (almost) every line, none longer than this, so a line
// the next word would not have fitted on goes on, even after a full stop (0: not spaced).
std::vector<Paragraph> rejoin_broken(std::vector<Paragraph> paras, const std::vector<std::size_t>& last_line_length,
                                     std::size_t full_width, std::size_t spaced_width = 0);

// A contents list typed as paragraphs (a Word file's "1. Introduction" ... with no field
// behind it; plain text's are found a line at a time): dropped, with a warning.
void drop_typed_contents(std::vector<Paragraph>& paragraphs, const std::string& path, std::vector<Dropped>& dropped,
                         model::Diagnostics& diags);

// Builds the protocol: title, preamble, sections, clauses (with ids) and metadata.
// `page_furniture`: what is printed on every page (Word's headers and footers), read
// only for the council's name when the text itself does not give it.
ImportResult build_protocol(std::vector<Paragraph> paragraphs, const std::string& path, const ImportOptions& options,
                            std::vector<Dropped> dropped, model::Diagnostics& diags,
                            const std::vector<std::string>& page_furniture = {});

// import_text, with what a page prints around the text (a web page's title and banner)
// for build_protocol's `page_furniture`.
ImportResult import_text_with(std::string_view text, const std::string& path, const ImportOptions& options,
                              model::Diagnostics& diags, const std::vector<std::string>& page_furniture);

// Plain words -> inlines: web and e-mail addresses become links (as the source reader
// would read them back), *words* become emphasis (plain text only: in Word, an
// asterisk is an asterisk).
model::Inlines inlines_from_text(const std::string& text, bool asterisk_emphasis = true);
// The web and e-mail addresses inside formatted text become links.
void link_addresses(model::Inlines& inlines);

// Removes `bytes` bytes of the single-spaced plain text from the front of formatted inlines
// (a number or label already read from it; a run of spaces, tabs or no-break spaces in the
// inlines is one space there), inside bold or italics too, and the white space after them.
void drop_prefix(model::Inlines& inlines, std::size_t bytes);
// "A1. This Protocol ...", "B2 Members ...", "C.1.2 ...": paragraphs numbered by lettered
// Parts. The model numbers clauses with digits, so A1 is read as 1.1, B2.1 as 2.2.1 (A is
// 1, B is 2 ...) where such numbers open three texts or more under two letters or more
// (five under one), and run in order. References to them ("paragraph B2") stay words.
struct LetteredNumber {
    std::size_t index;   // of the text
    std::size_t length;  // of the number as written, its dot included
    std::vector<int> parts;
};
std::vector<LetteredNumber> lettered_numbers(const std::vector<std::string_view>& texts);
// The warning for one of them, at `pos`.
void warn_lettered(const LetteredNumber& n, std::string_view text, const std::string& path, model::SourcePos pos,
                   model::Diagnostics& diags);

// One line as the importer reads it: no-break spaces (and en, em, thin ... spaces) and tabs become spaces, runs of
// spaces become one (layout, not wording), ends are trimmed.
std::string clean_line(std::string_view raw);

}  // namespace protopub::import::detail
