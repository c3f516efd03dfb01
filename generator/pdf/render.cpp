// Protocol -> boxes (title block, contents, sections, clauses, sub-items, tables) ->
// pages -> running heads, page numbers, change bars -> the writer.
#include <algorithm>
#include <array>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_set>

#include "io/files.hpp"
#include "layout/flow.hpp"
#include "layout/line_breaker.hpp"
#include "layout/table.hpp"
#include "model/facts.hpp"
#include "model/text.hpp"
#include "model/walk.hpp"
#include "pdf/pdf.hpp"
#include "pdf/style.hpp"
#include "pdf/writer.hpp"

namespace protopub::pdf {

namespace {

using layout::Box;
using layout::Face;
using layout::LinkTarget;
using layout::Role;
using layout::Run;
using layout::TextStyle;
using model::ChangeKind;

// How a redline marks text: words added, removed, or moved here from elsewhere.
enum class Mark { none, inserted, deleted, moved };

Face italic_of(Face f) {
    return f == Face::body ? Face::body_italic : f == Face::body_bold ? Face::body_bold_italic : f;
}
Face bold_of(Face f) {
    switch (f) {
        case Face::body: return Face::body_bold;
        case Face::body_italic: return Face::body_bold_italic;
        case Face::sans: return Face::sans_bold;
        default: return f;
    }
}

Mark mark_of(const model::ClauseChange& c) {
    if (c.moved_from || c.kind == ChangeKind::deleted) return Mark::deleted;
    if (c.kind == ChangeKind::inserted) return Mark::inserted;
    if (c.kind == ChangeKind::moved) return Mark::moved;
    return Mark::none;
}

bool wholly_changed(const model::ClauseChange& c) {
    switch (c.kind) {
        case ChangeKind::inserted:
        case ChangeKind::deleted:
        case ChangeKind::moved:
        case ChangeKind::split:
        case ChangeKind::merged: return true;
        default: return c.moved_from;
    }
}

// Where a block's lines go and what its first line carries.
struct Context {
    double indent = 0;                 // where lines start
    double right = 0;                  // where lines end
    double label_x = 0;                // where the pending label hangs
    std::vector<Run> label;            // the clause number or item label, for the first line
    std::vector<std::string> anchors;  // ids that point at the first line
    double space_before = 0;
    Mark mark = Mark::none;
    bool change_bar = false;
    bool italic = false;                   // quoted passages
    bool quote_continues = false;          // a quoted paragraph after the first of its quote
    int parent = 0;                        // the structure element new blocks go in
    int label_element = layout::artifact;  // the label's own element (a list item's Lbl)
    Role paragraph_role = Role::p;         // what the next plain paragraph is
};

// A heading's role one level below `level` (1 = the title), as deep as PDF goes.
Role heading_role(int level) {
    static const Role roles[] = {Role::h1, Role::h2, Role::h3, Role::h4, Role::h5, Role::h6};
    return roles[std::clamp(level, 1, 6) - 1];
}

class Composer {
public:
    Composer(const model::Protocol& protocol, const PdfStyle& style, const layout::FontSet& fonts,
             const layout::Hyphenator* hyphenator, model::Diagnostics& diags)
        : protocol_(protocol),
          style_(style),
          fonts_(fonts),
          breaker_(fonts, hyphenator),
          diags_(diags),
          width_(style.page.body_width()),
          number_width_(number_column()) {
        collect_anchors();
        tree_.add(Role::document, -1);
        // An assembled document (a constitution: Part, Section, then each protocol's own
        // headings beneath) starts each of its Parts and Sections on a new page.
        for (const auto& s : protocol_.sections) nests_documents_ = nests_documents_ || s.level >= 4;
    }

    const layout::StructureTree& structure() const { return tree_; }

    std::vector<layout::Page> compose() {
        title_block();
        if (style_.contents) contents();
        bool first = true;
        for (std::size_t i = 0; i < protocol_.sections.size(); ++i) {
            const model::Section& s = protocol_.sections[i];
            if (s.kind == model::SectionKind::preamble &&
                (i == 0 || protocol_.sections[i - 1].kind != model::SectionKind::preamble))
                covering_report_label(first);
            if (model::begins_after_covering_report(protocol_, i)) {
                // The document starts here without a heading of its own: its title is one.
                model::Section& titled = kept_.emplace_back(s);
                titled.heading = {
                    model::Inline{model::InlineKind::text, model::document_title(protocol_), {}, {}, -1, {}}};
                section(titled, false);
            } else {
                section(s, first && s.kind != model::SectionKind::preamble);
            }
            first = false;
        }
        if (auto glossary = model::glossary_section(protocol_))
            section(kept_.emplace_back(std::move(*glossary)), false);
        auto pages = std::move(flow_).paginate(style_.page);
        layout::resolve_page_refs(pages, fonts_);
        running_heads(pages);
        layout::add_change_bars(pages, 9, 1.6, style_.change_bar_colour);
        return pages;
    }

    const std::vector<detail::OutlineEntry>& outline() const { return outline_; }

private:
    // ------------------------------------------------------------ styles and runs

    TextStyle style(Face face, double size, const layout::Colour& colour) const {
        TextStyle s;
        s.face = face;
        s.size = static_cast<float>(size);
        s.colour = colour;
        return s;
    }
    TextStyle body() const { return style(Face::body, style_.body_size, style_.text_colour); }
    double leading(double size) const { return size * style_.line_height; }

    void apply(Mark mark, TextStyle& s) const {
        switch (mark) {
            case Mark::none: return;
            case Mark::inserted:
                s.colour = style_.inserted_colour;
                s.underline = true;
                return;
            case Mark::moved:
                s.colour = style_.moved_colour;
                s.underline = true;
                return;
            case Mark::deleted:
                s.colour = style_.deleted_colour;
                s.strike = true;
                return;
        }
    }

    Run run(std::string text, TextStyle s, Mark mark, LinkTarget link = {}) {
        apply(mark, s);
        check_glyphs(text, s.face);
        return Run{std::move(text), s, std::move(link), mark != Mark::none};
    }

    LinkTarget reference_target(int index) const {
        if (index < 0 || index >= static_cast<int>(protocol_.references.size())) return {};
        const model::LinkTarget to = model::link_target(protocol_.references[static_cast<std::size_t>(index)]);
        if (to.kind == model::LinkTarget::Kind::web) return {LinkTarget::Kind::uri, to.target};
        if (to.kind == model::LinkTarget::Kind::clause && anchors_.count(to.target))
            return {LinkTarget::Kind::anchor, to.target};
        return {};
    }

    void runs(const model::Inlines& inlines, TextStyle s, Mark mark, const LinkTarget& link, std::vector<Run>& out) {
        using K = model::InlineKind;
        for (const auto& in : inlines) {
            TextStyle inner = s;
            switch (in.kind) {
                case K::text: out.push_back(run(in.text, s, mark, link)); break;
                case K::code:  // a monospaced face looks large beside a serif: set it smaller
                    inner.face = Face::mono;
                    inner.size = s.size * 0.88f;
                    out.push_back(run(in.text, inner, mark, link));
                    break;
                case K::soft_break: out.push_back(run(" ", s, mark, link)); break;
                case K::line_break: out.push_back(run("\n", s, mark, link)); break;
                case K::emphasis:
                    inner.face = italic_of(s.face);
                    runs(in.children, inner, mark, link, out);
                    break;
                case K::strong:
                    inner.face = bold_of(s.face);
                    runs(in.children, inner, mark, link, out);
                    break;
                case K::strike:
                    inner.strike = true;
                    runs(in.children, inner, mark, link, out);
                    break;
                case K::inserted: runs(in.children, s, Mark::inserted, link, out); break;
                case K::deleted: runs(in.children, s, Mark::deleted, link, out); break;
                case K::link:
                case K::reference: {
                    const LinkTarget target = in.kind == K::link ? LinkTarget{LinkTarget::Kind::uri, in.target}
                                                                 : reference_target(in.reference);
                    if (!target.empty()) inner.colour = style_.link_colour;
                    const std::size_t first = out.size();
                    runs(in.children, inner, mark, target.empty() ? link : target, out);
                    // A Link element, placed in its paragraph when that is made (see adopt).
                    if (!target.empty() && link.empty() && !in_contents_) {
                        const int element = tree_.add(Role::link, pending_parent);
                        for (std::size_t r = first; r < out.size(); ++r) out[r].element = element;
                    }
                    break;
                }
            }
        }
    }

    std::vector<Run> runs(const model::Inlines& inlines, TextStyle s, Mark mark) {
        std::vector<Run> out;
        runs(inlines, s, mark, {}, out);
        return out;
    }

    // A character the font lacks would print as an empty box: say so once per character.
    void check_glyphs(const std::string& text, Face face) {
        // Every font has ASCII, and most text is nothing else: a byte of 0x80 or more is looked
        // for over the whole text at once (a loop the compiler widens) before any is decoded.
        unsigned char bytes = 0;
        for (const char c : text) bytes |= static_cast<unsigned char>(c);
        if (bytes < 0x80) return;
        const auto& metrics = fonts_.metrics(face);
        for (std::size_t i = 0; i < text.size();) {
            const char32_t c = layout::next_code_point(text, i);
            if (c < 0x80 || c == '\n' || metrics.has_glyph(c) || !missing_.insert(c).second) continue;
            char message[160];
            std::snprintf(message, sizeof message, "U+%04X is not in the font '%s'; it will print as a box",
                          static_cast<unsigned>(c), fonts_.path(face).c_str());
            diags_.warning(protocol_.source_path, {}, message);
        }
    }

    // ------------------------------------------------------------ paragraphs

    // Runs without an element join `element`; their links become its children.
    static constexpr int pending_parent = -2;
    void adopt(std::vector<Run>& runs, int element) {
        for (auto& r : runs) {
            if (r.element == layout::artifact)
                r.element = element;
            else if (tree_.elements[r.element].parent == pending_parent)
                tree_.elements[r.element].parent = element;
        }
    }

    // Sets `runs` with the context's pending label and anchors, then clears them. The
    // words become one structure element of `role` inside the context's parent.
    std::vector<Box> paragraph(std::vector<Run> runs, Context& ctx, double line_height, layout::Align align,
                               bool hyphenate, Role role = Role::p) {
        // A label on a line of its own (an item that starts with a list) is its Lbl alone.
        const bool label_alone = runs.empty() && ctx.label_element != layout::artifact;
        const int element =
            label_alone ? layout::artifact : tree_.add(role == Role::p ? ctx.paragraph_role : role, ctx.parent);
        if (!label_alone) ctx.paragraph_role = Role::p;
        adopt(runs, element);
        adopt(ctx.label, ctx.label_element != layout::artifact ? ctx.label_element : element);
        ctx.label_element = layout::artifact;
        layout::ParagraphSpec p;
        p.runs = std::move(runs);
        p.label = std::move(ctx.label);
        p.label_x = ctx.label_x;
        p.text_x = ctx.indent;
        p.right = ctx.right;
        p.line_height = line_height;
        p.align = align;
        p.hyphenate = hyphenate;
        p.change_bar = ctx.change_bar;
        auto boxes = breaker_.break_lines(p);
        if (!boxes.empty()) {
            boxes.front().space_before = ctx.space_before;
            boxes.front().anchors = std::move(ctx.anchors);
        }
        if (ctx.italic) {  // a quoted passage: one rule down its left side, across its paragraphs
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                const double top = i == 0 && ctx.quote_continues ? -boxes[0].space_before : 0;
                boxes[i].rules.push_back(
                    {ctx.indent - 8, top, ctx.indent - 8, boxes[i].height, 1.2, style_.rule_colour});
            }
            ctx.quote_continues = !boxes.empty();
        }
        ctx.label.clear();
        ctx.anchors.clear();
        ctx.space_before = style_.paragraph_space;
        return boxes;
    }

    void text_paragraph(const model::Inlines& inlines, Context& ctx) {
        TextStyle s = body();
        if (ctx.italic) s.face = Face::body_italic;
        flow_.add(paragraph(runs(inlines, s, ctx.mark), ctx, leading(style_.body_size),
                            style_.justify ? layout::Align::justify : layout::Align::left, style_.hyphenate));
    }

    // A clause or item that starts with a list or table gets its label on a line of its own.
    void label_line_before(const model::Block* first, Context& ctx) {
        if (!ctx.label.empty() && (!first || first->kind != model::BlockKind::paragraph)) {
            flow_.add(paragraph({}, ctx, leading(style_.body_size), layout::Align::left, false));
            flow_.last().keep_with_next = true;  // a label never ends a page without its item
        }
    }

    // A lead-in stays with what it introduces: a paragraph ending in ":" (or ":-"), one
    // followed by a list or a table (its caption, or the item whose sub-items follow),
    // and one that is a title rather than a sentence (no closing stop) with more after it.
    static bool leads_in(const model::Block& b, const model::Block* next) {
        if (b.kind != model::BlockKind::paragraph) return false;
        if (next && (next->kind == model::BlockKind::list || next->kind == model::BlockKind::table)) return true;
        std::string text = model::plain_text(b.inlines);
        while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == '-'))
            text.pop_back();
        if (text.ends_with("\u2014") || text.ends_with("\u2013")) text.resize(text.size() - 3);
        if (text.empty()) return false;
        const bool sentence = std::string_view(".;!?)\"").find(text.back()) != std::string_view::npos ||
                              text.ends_with("\u201D") || text.ends_with("\u2019");
        return text.back() == ':' || (next && !sentence);
    }

    void blocks(const std::vector<model::Block>& blocks, Context& ctx, int list_depth = 0) {
        label_line_before(blocks.empty() ? nullptr : &blocks.front(), ctx);
        for (std::size_t k = 0; k < blocks.size(); ++k) {
            block(blocks[k], ctx, list_depth);
            if (leads_in(blocks[k], k + 1 < blocks.size() ? &blocks[k + 1] : nullptr))
                flow_.last().keep_with_next = true;
        }
    }

    void block(const model::Block& b, Context& ctx, int list_depth) {
        switch (b.kind) {
            case model::BlockKind::paragraph: text_paragraph(b.inlines, ctx); break;
            case model::BlockKind::list: list(b, ctx, list_depth); break;
            case model::BlockKind::table: table(b, ctx); break;
            case model::BlockKind::quote: {
                Context quoted = ctx;
                quoted.parent = tree_.add(Role::blockquote, ctx.parent);
                quoted.indent += style_.list_indent;
                quoted.right -= style_.list_indent;
                quoted.italic = true;
                quoted.quote_continues = false;
                quoted.label.clear();
                blocks(b.children, quoted);
                ctx.anchors.clear();
                ctx.space_before = style_.paragraph_space;
                break;
            }
        }
    }

    void list(const model::Block& b, Context& ctx, int depth) {
        static const char* const bullets[] = {"\u2022", "\u2013", "\u25E6"};
        const int list_element = tree_.add(Role::l, ctx.parent);
        auto label_of = [&](const model::ListItem& item) -> std::string {
            return item.label.empty() ? bullets[depth % 3] : item.label;
        };
        // Every label is set flush right, half an em before its text, in a column as wide
        // as the list's widest label needs (at least list_indent), so all its items' text
        // aligns. A label further than about an em from its text is a column of its own
        // to text extraction (poppler's pdftotext), which then reads a narrow column of
        // labels, and the clause number under it, ahead of the text beside them.
        const TextStyle label_style = body();
        const double gap = label_style.size * 0.5;
        double widest = 0;
        for (const auto& item : b.items) widest = std::max(widest, fonts_.width(label_of(item), label_style));
        const double column = std::max(style_.list_indent, widest + gap);
        for (const auto& item : b.items) {
            const int li = tree_.add(Role::li, list_element);
            Context inner = ctx;
            inner.label_element = tree_.add(Role::lbl, li);
            // An item of one paragraph is its LBody; anything more goes inside one.
            const bool one_paragraph = item.blocks.size() == 1 && item.blocks[0].kind == model::BlockKind::paragraph;
            inner.parent = one_paragraph ? li : tree_.add(Role::lbody, li);
            inner.paragraph_role = one_paragraph ? Role::lbody : Role::p;
            const std::string label = label_of(item);
            inner.indent = ctx.indent + column;
            inner.label_x = inner.indent - gap - fonts_.width(label, label_style);
            inner.space_before = style_.paragraph_space * 0.6;
            inner.label = {run(label, label_style, ctx.mark)};
            inner.anchors = std::move(ctx.anchors);
            if (!item.id.empty()) inner.anchors.push_back(item.id);
            ctx.anchors.clear();
            blocks(item.blocks, inner, depth + 1);
        }
        ctx.space_before = style_.paragraph_space;
    }

    void table(const model::Block& b, Context& ctx) {
        layout::TableSpec spec;
        spec.x = ctx.indent;
        spec.width = ctx.right - ctx.indent;
        spec.line_height = leading(style_.table_size) * 0.95;
        spec.rule = style_.rule_colour;
        spec.header_fill = style_.table_header_fill;
        spec.hyphenate = style_.hyphenate;
        for (auto a : b.align)
            spec.align.push_back(a == model::Align::right    ? layout::Align::right
                                 : a == model::Align::center ? layout::Align::centre
                                                             : layout::Align::left);
        const TextStyle cell = style(Face::body, style_.table_size, style_.text_colour);
        const TextStyle head = style(Face::sans_bold, style_.table_size * 0.95, style_.heading_colour);
        const int table_element = tree_.add(Role::table, ctx.parent);
        for (const auto& row : b.rows) {
            const int tr = tree_.add(Role::tr, table_element);
            layout::TableSpec::Row r;
            r.header = row.header;
            r.change_bar = ctx.change_bar;
            for (const auto& c : row.cells) {
                const int element = tree_.add(row.header ? Role::th : Role::td, tr);
                if (c.shade < 0) {
                    r.cells.push_back({runs(c.inlines, row.header ? head : cell, ctx.mark), {}});
                    adopt(r.cells.back().runs, element);
                    continue;
                }
                // White (0) to dark blue (1), as compare's SVG heatmap; light text on the dark end.
                const float shade = std::min(1.0f, c.shade);
                const layout::Colour fill{1 - shade * 0.784f, 1 - shade * 0.784f,
                                          std::min(1.0f, 1 - shade * 0.784f + 0.235f)};
                TextStyle on_fill = cell;
                if (shade > 0.55f) on_fill.colour = layout::rgb(0xffffff);
                r.cells.push_back({runs(c.inlines, on_fill, ctx.mark), fill});
                adopt(r.cells.back().runs, element);
            }
            spec.rows.push_back(std::move(r));
        }
        auto boxes = layout::layout_table(spec, breaker_);
        auto& first = boxes.header.empty() ? boxes.body : boxes.header;
        if (!first.empty()) {
            first.front().space_before = ctx.space_before + 2;
            first.front().anchors = std::move(ctx.anchors);
            ctx.anchors.clear();
        }
        flow_.add_table(std::move(boxes.header), std::move(boxes.body));
        ctx.space_before = style_.paragraph_space + 2;
    }

    // ------------------------------------------------------------ structure

    std::vector<Run> number_label(const model::ClauseNumber& number, const model::ClauseChange& change, Mark mark,
                                  const TextStyle& s) {
        const auto& old = change.old_number;
        if (old.empty() || old == number.text || mark != Mark::none)
            return number.text.empty() ? std::vector<Run>{} : std::vector<Run>{run(number.text, s, mark)};
        // Renumbered: the old number struck through, then the new one.
        return {run(old, s, Mark::deleted), run(" ", s, Mark::none), run(number.text, s, Mark::inserted)};
    }

    void clause(const model::Clause& c, int section_level) {
        const Mark mark = mark_of(c.change);
        Context ctx;
        ctx.indent = number_width_;
        ctx.right = width_;
        ctx.label = number_label(c.number, c.change, mark, body());
        ctx.anchors = {c.id};
        ctx.space_before = style_.paragraph_space;
        ctx.mark = mark;
        ctx.change_bar = wholly_changed(c.change);
        if (!c.heading.empty()) {
            TextStyle s = body();
            s.face = Face::body_bold;
            auto boxes = paragraph(runs(c.heading, s, mark), ctx, leading(style_.body_size), layout::Align::left, false,
                                   heading_role(section_level));
            for (auto& b : boxes) b.keep_with_next = true;
            flow_.add(std::move(boxes));
            ctx.space_before = style_.paragraph_space * 0.5;
        }
        blocks(c.blocks, ctx);
    }

    // Whether the contents and the bookmarks list a section. In an assembled document an
    // untitled protocol section sits right under its constitution Section heading, and
    // the document's own title would be a wrong name for it.
    bool listed(const model::Section& s) const { return !s.heading.empty() || !nests_documents_; }

    // What the contents and the bookmarks call a section; one written without a heading
    // or a number ("## {#section-24}") is called by the document's title.
    std::string section_name(const model::Section& s) const {
        std::string name = model::section_name(s);
        return name.empty() ? protocol_.meta.title : name;
    }

    void section(const model::Section& s, bool first) {
        const bool major = s.level <= 2;
        const double size = major ? style_.section_size : style_.subsection_size;
        const TextStyle ts = style(Face::sans_bold, size, style_.heading_colour);
        const Mark mark = mark_of(s.change);  // a section inserted or deleted whole
        Context ctx;
        ctx.change_bar = s.change.kind != ChangeKind::none && s.change.kind != ChangeKind::unchanged;
        ctx.indent = s.number.text.empty() && s.kind == model::SectionKind::preamble ? 0 : number_width_;
        ctx.right = width_;
        ctx.anchors = {s.id};
        ctx.space_before = major ? style_.section_space : style_.section_space * 0.7;
        std::vector<Box> boxes;
        if (!s.heading.empty()) {
            ctx.label = number_label(s.number, s.change, mark, ts);
            boxes = paragraph(runs(s.heading, ts, mark), ctx, size * 1.25, layout::Align::left, false,
                              heading_role(s.level));
        }
        if (boxes.empty()) {  // nothing to print (no heading, or one of no words), but bookmarks and contents lead here
            boxes.emplace_back();
            boxes.back().anchors = std::move(ctx.anchors);
        }
        for (auto& b : boxes) b.keep_with_next = true;
        // In an assembled document each Part and Section starts a page (a Section right
        // after its Part's heading stays on the Part's page); so does a report's appendix.
        boxes.front().page_break_before =
            first || !s.running_head.empty() || (nests_documents_ && s.level <= 3 && !heading_alone_);
        heading_alone_ = s.intro.empty() && s.clauses.empty();
        flow_.add(std::move(boxes));

        // Bookmarks nest as the headings do (a constitution's protocol headings beneath
        // their Section).
        if (listed(s)) {
            const std::string name = section_name(s);
            outline_.push_back({s.heading.empty() || s.number.text.empty() ? name : s.number.text + " " + name, s.id,
                                std::max(0, s.level - 2)});
        }

        Context intro;
        intro.indent = ctx.indent;
        intro.right = width_;
        intro.mark = mark;
        intro.change_bar = wholly_changed(s.change);
        intro.space_before = style_.paragraph_space + 1;
        blocks(s.intro, intro);
        for (const auto& c : s.clauses) clause(c, s.level);
    }

    // Over a covering report, so nobody takes it for the document.
    void covering_report_label(bool new_page) {
        Context ctx;
        ctx.right = width_;
        ctx.space_before = style_.section_space;
        const TextStyle ts = style(Face::sans_bold, style_.body_size, style_.muted_colour);
        auto boxes = paragraph({run(model::covering_report_label(protocol_), ts, Mark::none)}, ctx, leading(ts.size),
                               layout::Align::left, false);
        if (boxes.empty()) return;
        for (auto& b : boxes) b.keep_with_next = true;
        boxes.front().page_break_before = new_page;
        flow_.add(std::move(boxes));
    }

    // ------------------------------------------------------------ front matter

    void title_block() {
        const auto& m = protocol_.meta;
        Context ctx;
        ctx.right = width_;
        // A redline's title page marks the front matter's changes.
        const TextStyle council = style(Face::sans, 11, style_.muted_colour);
        flow_.add(paragraph(m.marked_council.empty() ? std::vector<Run>{run(m.council, council, Mark::none)}
                                                     : runs(m.marked_council, council, Mark::none),
                            ctx, 15, layout::Align::left, false));
        ctx.space_before = 6;
        const TextStyle title = style(Face::sans_bold, style_.title_size, style_.heading_colour);
        flow_.add(paragraph(m.marked_title.empty() ? std::vector<Run>{run(m.title, title, Mark::none)}
                                                   : runs(m.marked_title, title, Mark::none),
                            ctx, style_.title_size * 1.18, layout::Align::left, false, Role::h1));
        Box rule;
        rule.height = 16;
        rule.rules.push_back({0, 10, width_, 10, 1.4, style_.heading_colour});
        flow_.add(std::move(rule));

        const TextStyle label = style(Face::sans_bold, style_.body_size * 0.85, style_.muted_colour);
        // The details are a table of two columns to a reader: each label heads its row.
        const int table = tree_.add(Role::table, 0);
        for (const model::TitleLine& line : model::title_lines(m)) {
            const Mark mark = line.change == ChangeKind::inserted  ? Mark::inserted
                              : line.change == ChangeKind::deleted ? Mark::deleted
                                                                   : Mark::none;
            Context row;
            row.parent = tree_.add(Role::tr, table);
            row.label_element = tree_.add(Role::th, row.parent);
            tree_.elements[row.label_element].column_header = false;
            row.indent = 92;
            row.right = width_;
            row.label = {run(line.label, label, mark)};
            row.space_before = 1;
            row.change_bar =
                mark != Mark::none || std::any_of(line.words.begin(), line.words.end(), [](const auto& in) {
                    return in.kind == model::InlineKind::inserted || in.kind == model::InlineKind::deleted;
                });
            flow_.add(paragraph(runs(line.words, body(), mark), row, leading(style_.body_size), layout::Align::left,
                                false, Role::td));
        }
    }

    void contents() {
        Context heading;
        heading.right = width_;
        heading.space_before = style_.section_space * 1.6;
        auto boxes =
            paragraph({run("Contents", style(Face::sans_bold, style_.section_size, style_.heading_colour), Mark::none)},
                      heading, style_.section_size * 1.25, layout::Align::left, false, Role::h2);
        const int toc = tree_.add(Role::toc, 0);
        boxes.back().keep_with_next = true;
        flow_.add(std::move(boxes));

        constexpr double number_room = 30;  // the page numbers' column
        for (const auto& s : protocol_.sections) {
            if (!listed(s)) continue;
            const bool major = s.level <= 2;
            const TextStyle ts = style(Face::body, style_.body_size * (major ? 1.0 : 0.95), style_.text_colour);
            Context ctx;
            // Sub-headings sit under their section: numbered ones in a second number
            // column, unnumbered ones one list step in.
            ctx.label_x = major ? 0 : number_width_;
            ctx.indent = major                   ? number_width_
                         : s.number.text.empty() ? number_width_ + style_.list_indent
                                                 : 2 * number_width_;
            ctx.right = width_ - number_room;
            // In a redline, a changed section's line shows the change as its heading does.
            const Mark mark = mark_of(s.change);
            if (!s.heading.empty()) ctx.label = number_label(s.number, s.change, mark, ts);
            ctx.space_before = major ? 5 : 1;
            // Each entry: a TOCI holding one Link (its words, its page number, its annotations).
            ctx.parent = tree_.add(Role::toci, toc);
            in_contents_ = true;  // a reference inside a heading is no link of its own here: the entry is one
            auto entry =
                s.heading.empty() ? std::vector<Run>{run(section_name(s), ts, Mark::none)} : runs(s.heading, ts, mark);
            in_contents_ = false;
            auto lines = paragraph(std::move(entry), ctx, leading(ts.size), layout::Align::left, false, Role::link);
            if (lines.empty()) continue;
            const int link = static_cast<int>(tree_.elements.size()) - 1;
            for (auto& line : lines) {
                for (auto& t : line.texts) t.element = link;
                line.links = {{0, 0, width_, line.height, {LinkTarget::Kind::anchor, s.id}, link}};
            }
            Box& last = lines.back();
            if (!last.texts.empty()) {  // (a heading of no words has no entry to end with its page)
                const auto& end = last.texts.back();
                last.page_refs.push_back({s.id, end.x + end.width, width_, end.baseline, ts, link});
            }
            flow_.add(std::move(lines));
        }
    }

    // ------------------------------------------------------------ after pagination

    void running_heads(std::vector<layout::Page>& pages) const {
        const TextStyle small = style(Face::sans, style_.running_size, style_.muted_colour);
        const auto& m = protocol_.meta;
        const auto& g = style_.page;
        const std::string total = std::to_string(pages.size());
        auto right_aligned = [&](Box& box, const std::string& text, double baseline) {
            const double w = fonts_.width(text, small);
            box.texts.push_back({width_ - w, baseline, w, text, small});
            return w;
        };
        // A part with a running head of its own (a report's appendix) heads its pages with it.
        std::map<std::string, std::string> heads;
        for (const auto& s : protocol_.sections)
            if (!s.running_head.empty()) heads.emplace(s.id, s.running_head);
        std::string head = m.title;
        for (std::size_t p = 0; p < pages.size(); ++p) {
            for (const auto& placed : pages[p].boxes)
                for (const auto& anchor : placed.box.anchors)
                    if (auto it = heads.find(anchor); it != heads.end()) head = it->second;
            Box footer;
            footer.height = style_.running_size * 2;
            const double page_width =
                right_aligned(footer, "Page " + std::to_string(p + 1) + " of " + total, style_.running_size);
            const std::string left = m.council + (m.version.empty() ? "" : ", version " + m.version);
            const double left_width = fonts_.width(left, small);
            if (left_width + page_width + 12 < width_)
                footer.texts.push_back({0, style_.running_size, left_width, left, small});
            pages[p].boxes.push_back({g.left, g.height - g.bottom + 16, std::move(footer)});

            if (p == 0 || !style_.running_header) continue;
            Box header;
            header.height = style_.running_size * 2;
            const double title_width = fonts_.width(head, small);
            header.texts.push_back({0, style_.running_size, title_width, head, small});
            header.rules.push_back(
                {0, style_.running_size + 5, width_, style_.running_size + 5, 0.4, style_.rule_colour});
            // First in the page's reading order, as it is on paper.
            pages[p].boxes.insert(pages[p].boxes.begin(),
                                  {g.left, g.top - style_.running_size - 18, std::move(header)});
        }
    }

    // The style's number column, widened (up to twice) when this document's numbers
    // ("24.17.3", "## 12.") need more, so that all text still aligns on one indent.
    double number_column() const {
        const double gap = style_.body_size * 0.8;
        double widest = 0;
        for (const auto& s : protocol_.sections) {
            const double size = s.level <= 2 ? style_.section_size : style_.subsection_size;
            widest = std::max(widest, fonts_.width(s.number.text, Face::sans_bold, size) + gap);
            for (const auto& c : s.clauses)
                widest = std::max(widest, fonts_.width(c.number.text, Face::body, style_.body_size) + gap);
        }
        return std::clamp(widest, style_.number_width, 2 * style_.number_width);
    }

    void collect_anchors() {
        model::for_each_anchor_id(protocol_, [&](const std::string& id) { anchors_.insert(id); });
    }

    const model::Protocol& protocol_;
    std::deque<model::Section> kept_;  // sections drawn that the protocol does not hold (titled, glossary)
    const PdfStyle& style_;
    const layout::FontSet& fonts_;
    layout::LineBreaker breaker_;
    model::Diagnostics& diags_;
    const double width_;
    const double number_width_;
    layout::Flow flow_;
    std::vector<detail::OutlineEntry> outline_;
    std::unordered_set<std::string> anchors_;
    std::set<char32_t> missing_;
    layout::StructureTree tree_;
    bool nests_documents_ = false;
    bool heading_alone_ = false;
    bool in_contents_ = false;  // the last section drawn is a heading with nothing under it yet
};

bool load_style(const PdfOptions& options, PdfStyle& style, model::Diagnostics& diags) {
    const int errors_before = diags.error_count();
    if (!options.style_file.empty()) {
        std::string error;
        if (const auto text = io::read_file(options.style_file, error))
            apply_style_text(*text, options.style_file, style, diags);
        else
            diags.error(options.style_file, {}, error);
    }
    for (const auto& [key, value] : options.style_values) {
        std::string error;
        if (!apply_style_value(key, value, style, error)) diags.error("pdf style", {}, error);
    }
    return diags.error_count() == errors_before;
}

// Fonts and hyphenation patterns are read once per process: a build of twenty
// protocols (or a redline after a build) reuses them.
std::shared_ptr<const layout::FontSet> cached_fonts(const layout::FontFamilies& families, const std::string& origin,
                                                    model::Diagnostics& diags) {
    static std::mutex lock;
    static std::map<std::array<std::string, 3>, std::shared_ptr<const layout::FontSet>> cache;
    const std::array<std::string, 3> key = {families.body, families.sans, families.mono};
    std::lock_guard guard(lock);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    auto fonts = layout::FontSet::load(families, origin, diags);
    if (fonts) cache.emplace(key, fonts);
    return fonts;
}

std::shared_ptr<const layout::Hyphenator> cached_hyphenator(const std::string& dictionary, const std::string& origin,
                                                            model::Diagnostics& diags) {
    static std::mutex lock;
    static std::map<std::string, std::shared_ptr<const layout::Hyphenator>> cache;
    std::lock_guard guard(lock);
    if (auto it = cache.find(dictionary); it != cache.end()) return it->second;
    std::string error;
    auto hyphenator = std::make_shared<const layout::Hyphenator>(dictionary, error);
    if (!hyphenator->valid()) {
        diags.warning(origin, {}, error + "; words will not be hyphenated");
        return nullptr;
    }
    cache.emplace(dictionary, hyphenator);
    return hyphenator;
}

}  // namespace

std::string render_pdf(const model::Protocol& protocol, const PdfOptions& options, model::Diagnostics& diags) {
    PdfStyle style;
    if (!load_style(options, style, diags)) return {};
    const std::string origin = options.style_file.empty() ? protocol.source_path : options.style_file;
    const auto fonts = cached_fonts(style.fonts, origin, diags);
    if (!fonts) return {};
    const auto hyphenator = style.hyphenate ? cached_hyphenator(style.hyphenation_dictionary, origin, diags) : nullptr;
    Composer composer(protocol, style, *fonts, hyphenator.get(), diags);
    auto pages = composer.compose();

    const auto& m = protocol.meta;
    detail::DocumentInfo info;
    info.title = m.title;
    info.author = m.council;
    info.subject = m.constitution ? model::constitution_place(*m.constitution) + " of the Constitution of " + m.council
                                  : m.title + ", " + m.council;
    info.keywords =
        "protocol, constitution, " + m.council + ", version " + m.version + ", " + model::to_string(m.status);
    info.epoch = options.epoch ? options.epoch : io::known_epoch(m.adopted);
    info.lang = m.lang.empty() ? "en-GB" : m.lang;
    return detail::write_pdf(std::move(pages), style.page, *fonts, composer.structure(), composer.outline(), info,
                             origin, diags);
}

}  // namespace protopub::pdf
