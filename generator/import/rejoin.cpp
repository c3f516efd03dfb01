// Joining what a page end or a blank line split: shared by the text and .docx readers.
#include <algorithm>
#include <cctype>

#include "import/paragraphs.hpp"
#include "model/text.hpp"

namespace protopub::import::detail {

using namespace protopub::model;

bool ends_with_small_word(std::string_view text) {
    static const std::vector<std::string> words = {"a",     "an",  "the", "of",  "to",    "and",  "or",  "for",
                                                   "in",    "on",  "at",  "by",  "with",  "from", "as",  "that",
                                                   "which", "be",  "is",  "are", "their", "its",  "any", "this",
                                                   "under", "not", "his", "her", "our",   "your"};
    std::size_t sp = text.find_last_of(' ');
    std::string last(text.substr(sp == std::string_view::npos ? 0 : sp + 1));
    for (auto& c : last) c = ascii::to_lower(c);
    return std::find(words.begin(), words.end(), last) != words.end();
}

bool ends_with_lead_in_verb(std::string_view text) {
    static const std::vector<std::string> words = {"covers",   "cover",     "include", "includes",  "including",
                                                   "comprise", "comprises", "follows", "following", "namely",
                                                   "should",   "must",      "will",    "may",       "shall"};
    std::size_t sp = text.find_last_of(' ');
    std::string last(text.substr(sp == std::string_view::npos ? 0 : sp + 1));
    for (auto& c : last) c = ascii::to_lower(c);
    return std::find(words.begin(), words.end(), last) != words.end();
}

namespace {
// How many bytes at `i` are no letter or digit: ASCII punctuation and spaces, and the
// General Punctuation block (U+2000-U+206F: curly quotation marks, dashes, spaces), so
// "Councillors’" reads as "Councillors'" does; 0 at a letter or digit (other characters
// past ASCII count as letters).
std::size_t not_letter_at(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    if (byte(i) < 0x80) return ascii::is_alnum(s[i]) ? 0 : 1;
    if (byte(i) == 0xE2 && i + 2 < s.size() && (byte(i + 1) == 0x80 || byte(i + 1) == 0x81)) return 3;
    return 0;
}
}  // namespace

std::string letters_and_digits(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();)
        if (const std::size_t skip = not_letter_at(text, i))
            i += skip;
        else
            out += ascii::to_lower(text[i++]);
    return out;
}

bool same_letters(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (true) {
        while (i < a.size() && not_letter_at(a, i)) i += not_letter_at(a, i);
        while (j < b.size() && not_letter_at(b, j)) j += not_letter_at(b, j);
        if (i >= a.size() || j >= b.size()) return i >= a.size() && j >= b.size();
        if (ascii::to_lower(a[i++]) != ascii::to_lower(b[j++])) return false;
    }
}

// ("Name and contact details of author: ...", a cover sheet's field of six words)
bool starts_field(std::string_view line) {
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos || colon == 0 || colon > 40 || !ascii::is_upper(line[0])) return false;
    return split_words(line.substr(0, colon)).size() <= 6;
}

bool ends_lead_in(std::string_view text) {
    if (!text.empty() && (text.back() == '-' || text.back() == ' ')) text.remove_suffix(1);
    return !text.empty() && text.back() == ':';
}

// "... as set out in paragraph": the word a reference's number follows.
bool ends_with_reference_word(std::string_view text) {
    static const std::vector<std::string> words = {"paragraph", "paragraphs", "para",    "paras", "section",
                                                   "sections",  "clause",     "clauses", "rule",  "rules"};
    std::size_t sp = text.find_last_of(' ');
    std::string last(text.substr(sp == std::string_view::npos ? 0 : sp + 1));
    for (auto& c : last) c = ascii::to_lower(c);
    return std::find(words.begin(), words.end(), last) != words.end();
}

bool ends_list_item(std::string_view text) {
    for (std::string_view end : {"; and", "; or", ", and", ", or"})
        if (text.ends_with(end)) return true;
    return false;
}

namespace {
// "... in good faith. The Chief": a full stop and a capital inside, so not a title.
bool sentence_inside(std::string_view text) {
    for (std::size_t at = text.find(". "); at != std::string_view::npos; at = text.find(". ", at + 2))
        if (at + 2 < text.size() && ascii::is_upper(text[at + 2])) return true;
    return false;
}
}  // namespace

bool is_lower_start(std::string_view s) { return !s.empty() && ascii::is_lower(s[0]); }

bool hyphen_joins(std::string_view before, std::string_view after) {
    // "Sub-" / "Committee" is a compound too
    return before.size() >= 2 && before.back() == '-' && ascii::is_alpha(before[before.size() - 2]) && !after.empty() &&
           ascii::is_alpha(after[0]);
}

void append_words(std::string& text, std::string_view line) {
    if (!text.empty() && !hyphen_joins(text, line)) text += ' ';
    text += line;
}

std::vector<Paragraph> rejoin_broken(std::vector<Paragraph> paras, const std::vector<std::size_t>& last_line_length,
                                     std::size_t full_width, std::size_t spaced_width) {
    std::vector<Paragraph> out;
    std::vector<std::size_t> out_last;
    bool indented_items = false;  // in a run of indented lines after a lead-in
    for (std::size_t i = 0; i < paras.size(); ++i) {
        Paragraph& b = paras[i];
        // the line before ran to the width: in a spaced text, when the next word would not have
        // fitted on it; else when it is about as long as the wrapped lines are
        const bool full_line =
            !out.empty() && !out.back().ended &&
            (spaced_width > 0 ? out_last.back() + 1 + std::min(b.text.find(' '), b.text.size()) > spaced_width
                              : full_width > 0 && out_last.back() >= full_width);
        // "... as set out in paragraph" / "4.2 of this Protocol": a number that goes on with a
        // small word is a reference the page broke before, not a clause
        const Marker b_marker = b.table ? Marker{} : read_marker(b.text);
        const bool reference_on = b_marker.kind == MarkerKind::clause && !out.empty() &&
                                  ends_with_reference_word(out.back().text) &&
                                  is_lower_start(std::string_view(b.text).substr(b_marker.length));
        // "... they should:" and then indented lines ("avoid personal attacks" / "ensure ..."),
        // or "...; or" / "Where officers ...": the items of a list whose bullets were lost
        if (!out.empty() && b.indented && ends_lead_in(out.back().text)) indented_items = true;
        indented_items = indented_items && b.indented;
        const bool next_item = !out.empty() && b.indented && (indented_items || ends_list_item(out.back().text));
        // ("Report of: Monitoring Officer" / "Title of Report: ...": the fields of a cover sheet;
        // "Constitution of Anytown Council Part 5" / "MEMBER / OFFICER PROTOCOL": a header above the title)
        // (asked last: it reads the words of both)
        // (or any line of its own over a title on a line of its own: "Reviewed by the Standards
        // Committee, spring session" / "Protocol on Member/Officer Relations" is no sentence
        // a page broke)
        auto title_under_header = [&] {
            if (header_line_kind(b.text) != HeaderLine::title) return false;
            const Paragraph& a = out.back();
            return names_title_page(a.text) || (a.single_line && b.single_line && title_like(b, b.text, 16) &&
                                                !ends_with_small_word(a.text) && !is_lower_start(b.text));
        };
        if (!out.empty() && b.after_gap && !b.bullet && !b.leading_space && !next_item && !out.back().table &&
            !b.table && !(starts_field(out.back().text) && starts_field(b.text)) && !b.subtitle &&
            !out.back().subtitle && b.heading_level == 0 && out.back().heading_level == 0 &&
            (b_marker.kind == MarkerKind::none || reference_on) &&
            (!ends_sentence(out.back().text) || (spaced_width > 0 && full_line)) && !ends_lead_in(out.back().text) &&
            !title_under_header()) {
            Paragraph& a = out.back();
            // "24.1 Status of this code" + "This code gives...": a title and its words
            const std::string_view a_words = std::string_view(a.text).substr(read_marker(a.text).length);
            // (an unnumbered line that ran to the wrapped width is a sentence going on, unless
            // in capitals or naming a protocol or code; in a spaced text, any line the next word
            // would not have fitted on, unless in capitals)
            // (a numbered line that ran to the width is a clause's title only when short or
            // capitalised: "6.8 Officers work to the instructions of their Senior Officers, not
            // individual" / "Councillors. It follows ..." is a sentence a page broke)
            const bool numbered = a_words.size() < a.text.size();
            const bool numbered_title = numbered && (word_count(a_words, 9) <= 8 || capitalised(a_words));
            const bool title_then_words =
                title_like(a, a_words, 12) && !is_lower_start(b.text) && !sentence_inside(a_words) &&
                (!full_line || in_capitals(a_words) ||
                 (spaced_width == 0 && (numbered_title || header_line_kind(a_words) == HeaderLine::title)));
            // "Councillors" alone between blank lines, a numbered clause under it: a heading
            // (not the end of a phrase cut after a small word: "(Part 3 of the" / "Constitution)")
            const bool heading_over_clause =
                !reference_on && !ends_with_small_word(a.text) && b.single_line && title_like(b, b.text, 8) &&
                !is_lower_start(b.text) && i + 1 < paras.size() && paras[i + 1].after_gap && [&] {
                    // ("2. Councillors have ..." where the paragraphs are numbered 1. 2.; not in
                    // a spaced text, where every line stands alone)
                    const Marker next = read_marker(paras[i + 1].text);
                    return next.kind == MarkerKind::clause ||
                           (next.kind == MarkerKind::single && !next.enclosed && spaced_width == 0);
                }();
            // "Confidential information is information:" / "furnished to the Council ..., or" /
            // "which may not be disclosed ...": the items a lead-in introduces, not a sentence
            // a page broke
            // (or "... as follows:" / "Both ... are distinct from one another" / "Councillors are
            // democratically elected ...": items without stops, each starting with a capital)
            const bool list_item = out.size() >= 2 && ends_lead_in(out[out.size() - 2].text) &&
                                   (ends_list_item(a.text) || (!b.single_line && ascii::is_upper(b.text[0]) &&
                                                               !ends_with_small_word(a.text) && !a.single_line));
            if (heading_over_clause || list_item) {
                out.push_back(std::move(b));
                out_last.push_back(i < last_line_length.size() ? last_line_length[i] : 0);
                continue;
            }
            if (reference_on || (!title_then_words && (is_lower_start(b.text) || hyphen_joins(a.text, b.text) ||
                                                       full_line || ends_with_small_word(a.text)))) {
                if (!a.inlines.empty() || !b.inlines.empty()) {
                    if (a.inlines.empty()) a.inlines = inlines_from_text(a.text);
                    if (b.inlines.empty()) b.inlines = inlines_from_text(b.text);
                    if (!hyphen_joins(a.text, b.text))
                        a.inlines.push_back(Inline{InlineKind::text, " ", "", {}, -1, {}});
                    for (auto& in : b.inlines) a.inlines.push_back(std::move(in));
                }
                append_words(a.text, b.text);
                for (auto& note : b.notes) a.notes.push_back(std::move(note));
                a.single_line = false;
                a.ended = b.ended;
                out_last.back() = i < last_line_length.size() ? last_line_length[i] : 0;
                continue;
            }
        }
        out.push_back(std::move(b));
        out_last.push_back(i < last_line_length.size() ? last_line_length[i] : 0);
    }
    return out;
}

}  // namespace protopub::import::detail
