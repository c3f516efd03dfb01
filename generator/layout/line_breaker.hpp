// Measured line breaking: styled runs -> lines of a given measure, ragged or justified,
// by total fit (Knuth-Plass) with optional hyphenation and the fonts' kerning, a hanging
// label (clause number, "(a)", bullet), the structure element of every piece of text,
// and the widow/orphan rule expressed as keep-with-next between the lines it produces.
#pragma once

#include <vector>

#include "layout/box.hpp"
#include "layout/fonts.hpp"
#include "layout/hyphenator.hpp"

namespace protopub::layout {

enum class Align { left, justify, centre, right };

struct ParagraphSpec {
    std::vector<Run> runs;
    std::vector<Run> label;  // set on the first line at label_x, hanging left of text_x
    double label_x = 0;      // from the box's left edge
    double text_x = 0;       // where every line starts (the hanging indent)
    double right = 0;        // where lines must end, from the box's left edge
    double line_height = 12;
    Align align = Align::left;
    bool hyphenate = false;
    bool change_bar = false;  // every line gets a change bar (a wholly changed clause)
};

class LineBreaker {
public:
    // `hyphenator` may be null (no hyphenation).
    LineBreaker(const FontSet& fonts, const Hyphenator* hyphenator) : fonts_(fonts), hyphenator_(hyphenator) {}

    // One box per line. No line is wider than right - text_x (a word longer than the
    // whole measure is broken between characters, in time linear in its length; a word
    // broken across lines carries the text copying it should give). A paragraph never leaves a single
    // line at the foot or the head of a page: its first two and last two lines are kept
    // together.
    std::vector<Box> break_lines(const ParagraphSpec& p) const;

    // Width of the runs set on one line, and of their longest unbreakable word
    // (what a table column needs at most and at least).
    double natural_width(const std::vector<Run>& runs) const;
    double longest_word(const std::vector<Run>& runs) const;

private:
    const FontSet& fonts_;
    const Hyphenator* hyphenator_;
};

}  // namespace protopub::layout
