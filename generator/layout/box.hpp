// The layout engine's vocabulary: styled runs of text go in, boxes placed on pages come
// out. Everything is in PDF points; y grows downwards inside a box and a page, and the
// writer flips it. Nothing here knows about libharu or about protocols, so the redline
// renderer and any other document kind can reuse it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace protopub::layout {

// The faces a document uses: a serif family for the words, a sans family for headings
// and running heads, a monospaced face for code.
enum class Face : std::uint8_t { body, body_bold, body_italic, body_bold_italic, sans, sans_bold, mono };
inline constexpr int face_count = 7;

struct Colour {
    float r = 0, g = 0, b = 0;
    friend bool operator==(const Colour&, const Colour&) = default;
};

// 0x1f3b61 -> the colour "#1f3b61".
constexpr Colour rgb(unsigned hex) {
    return {((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f};
}

constexpr double mm(double millimetres) { return millimetres * 72.0 / 25.4; }

struct TextStyle {
    Face face = Face::body;
    float size = 10;
    Colour colour;
    bool underline = false;  // redline insertions
    bool strike = false;     // redline deletions, GFM strikethrough
    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

// Where a piece of text leads when clicked: an anchor in this document or a web address.
struct LinkTarget {
    enum class Kind : std::uint8_t { none, anchor, uri };
    Kind kind = Kind::none;
    std::string target;
    bool empty() const { return kind == Kind::none; }
    friend bool operator==(const LinkTarget&, const LinkTarget&) = default;
};

// ---------------------------------------------------------------- logical structure

// What a piece of text is, for a reader that does not see the page (a screen reader,
// copy and paste, reflow): the standard roles of tagged PDF, which HTML shares.
enum class Role : std::uint8_t {
    document,
    h1,
    h2,
    h3,
    h4,
    h5,
    h6,
    p,
    l,
    li,
    lbl,
    lbody,
    table,
    tr,
    th,
    td,
    link,
    toc,
    toci,
    blockquote,
    caption
};

struct StructElement {
    Role role = Role::p;
    int parent = -1;            // index in StructureTree::elements; -1 for the root
    bool column_header = true;  // TH: heads its column (false: its row)
};

// The elements of a document in logical order; text items and links point into it.
// Text that belongs to no element (running heads, page numbers, repeated table
// headers) is page furniture: an artifact.
struct StructureTree {
    std::vector<StructElement> elements;
    int add(Role role, int parent) {
        elements.push_back({role, parent, true});
        return static_cast<int>(elements.size()) - 1;
    }
};
inline constexpr int artifact = -1;

// A run of text in one style: the input of the line breaker.
// "\n" inside `text` is a forced line break.
struct Run {
    std::string text;
    TextStyle style;
    LinkTarget link;
    bool changed = false;    // redlines: a line holding a changed run gets a change bar
    int element = artifact;  // the structure element it belongs to
};

// ---------------------------------------------------------------- what a box holds

struct TextItem {
    double x = 0, baseline = 0;  // relative to the box's top-left corner
    double width = 0;            // as set, including word_spacing
    std::string text;
    TextStyle style;
    double word_spacing = 0;  // added to every space: how a justified line is stretched
    int element = artifact;   // structure element, or page furniture
    // A piece of a word broken across lines: what copying it gives. The first piece
    // carries the whole word, later pieces nothing, so "Sub-Committees" split after its
    // hyphen is copied whole and an added hyphen is never copied.
    bool has_actual_text = false;
    std::string actual_text = {};
};

struct RuleItem {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double thickness = 0.5;
    Colour colour;
};

struct FillItem {
    double x = 0, y = 0, width = 0, height = 0;
    Colour colour;
};

struct LinkItem {
    double x = 0, y = 0, width = 0, height = 0;
    LinkTarget target;
    int element = artifact;  // its Link structure element
};

// A filled-in page number: the page of `anchor`, right-aligned at `right` with dotted
// leaders from `leader_from` (how a contents entry finds its page after pagination).
struct PageRef {
    std::string anchor;
    double leader_from = 0;
    double right = 0;
    double baseline = 0;
    TextStyle style;
    int element = artifact;  // the number's structure element (the dotted leaders are furniture)
};

// One unit the page breaker moves as a whole: a line of text, a table row, a rule.
struct Box {
    double height = 0;
    double space_before = 0;           // dropped at the top of a page
    bool keep_with_next = false;       // never break between this box and the next
    bool page_break_before = false;    // always start a new page here
    bool change_bar = false;           // redlines: a bar in the margin beside this box
    int repeat_header = -1;            // table rows: index of the header rows to repeat
    std::vector<std::string> anchors;  // ids whose destination is the top of this box
    std::vector<TextItem> texts;
    std::vector<RuleItem> rules;
    std::vector<FillItem> fills;
    std::vector<LinkItem> links;
    std::vector<PageRef> page_refs;
};

struct PlacedBox {
    double x = 0, y = 0;  // top-left corner on the page
    Box box;
};

struct Page {
    std::vector<PlacedBox> boxes;
};

struct PageGeometry {
    double width = 595.276, height = 841.89;  // A4
    double top = 72, bottom = 72, left = 72, right = 72;
    double body_width() const { return width - left - right; }
    double body_height() const { return height - top - bottom; }
};

}  // namespace protopub::layout
