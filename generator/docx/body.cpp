#include "docx/body.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "model/facts.hpp"
#include "model/text.hpp"
#include "model/walk.hpp"

namespace protopub::docx::detail {
namespace {

using model::Block;
using model::BlockKind;
using model::Clause;
using model::Inline;
using model::InlineKind;
using model::Inlines;
using model::ListStyle;
using model::Section;

constexpr int list_step = 567;  // one nesting level of a list: 1 cm
constexpr int max_clause_depth = 4;

// How a run of text took part in a change: Accept All keeps inserted and moved-to text,
// Reject All keeps deleted and moved-from text.
enum class Mark { none, inserted, deleted, moved_from, moved_to };

const char* mark_element(Mark m) {
    switch (m) {
        case Mark::inserted: return "w:ins";
        case Mark::deleted: return "w:del";
        case Mark::moved_from: return "w:moveFrom";
        case Mark::moved_to: return "w:moveTo";
        case Mark::none: break;
    }
    return "";
}

bool removes_text(Mark m) { return m == Mark::deleted || m == Mark::moved_from; }

// A mark inside a marked clause: a clause that is wholly new or wholly gone stays so;
// inside moved-to text, amendments made during the move show as such.
Mark nest_mark(Mark outer, Mark inner) {
    if (outer == Mark::none || outer == Mark::moved_to) return inner;
    return outer;
}

Mark change_mark(const model::ClauseChange& change) {
    const bool paired = !change.move_id.empty();
    if (change.moved_from) return paired ? Mark::moved_from : Mark::deleted;
    switch (change.kind) {
        case model::ChangeKind::inserted: return Mark::inserted;
        case model::ChangeKind::deleted: return Mark::deleted;
        case model::ChangeKind::moved: return paired ? Mark::moved_to : Mark::inserted;
        default: return Mark::none;
    }
}

// A paragraph whose every word is inserted did not exist before (one whose every word is
// deleted does not exist after), so its paragraph mark carries the change too and
// Accept All / Reject All leave no empty paragraph behind.
Mark whole_mark(const Inlines& inlines, Mark outer) {
    if (outer != Mark::none) return outer;
    Mark found = Mark::none;
    for (const auto& in : inlines) {
        if (in.kind == InlineKind::soft_break) continue;
        const Mark m = in.kind == InlineKind::inserted  ? Mark::inserted
                       : in.kind == InlineKind::deleted ? Mark::deleted
                                                        : Mark::none;
        if (m == Mark::none || (found != Mark::none && found != m)) return Mark::none;
        found = m;
    }
    return found;
}

// A paragraph, list item or row that only one version has (the redline's `change`),
// inside a clause that is not itself wholly marked.
Mark unit_mark(model::ChangeKind change, Mark outer) {
    if (outer != Mark::none) return outer;
    if (change == model::ChangeKind::inserted) return Mark::inserted;
    if (change == model::ChangeKind::deleted) return Mark::deleted;
    return Mark::none;
}

// Text Word accepts: XML 1.0 forbids most C0 controls, and line ends inside a run
// would be read as spaces anyway.
std::string xml_text(const std::string& s) {
    const auto control = [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t'; };
    if (std::none_of(s.begin(), s.end(), control)) return s;  // nearly always: one copy
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (!control(c))
            out += c;
        else if (c == '\n' || c == '\r')
            out += ' ';
    }
    return out;
}

struct Run {
    enum class Kind { text, tab, line_break } kind = Kind::text;
    std::string text;
    bool bold = false;
    bool italic = false;
    bool strike = false;
    bool code = false;
    Mark mark = Mark::none;
    std::string anchor;  // internal hyperlink: a bookmark name
    std::string rel_id;  // external hyperlink: a relationship id

    bool same_look(const Run& o) const {
        return bold == o.bold && italic == o.italic && strike == o.strike && code == o.code && mark == o.mark &&
               anchor == o.anchor && rel_id == o.rel_id;
    }
};
using Runs = std::vector<Run>;

// A label's value, so a list that starts at (c) or iv. starts there in Word.
int label_value(const Block& list, const std::string& text) {
    std::string label;
    for (char c : text)
        if (std::isalnum(static_cast<unsigned char>(c)))
            label += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (label.empty()) return 1;
    switch (list.list_style) {
        case ListStyle::ordered:
        case ListStyle::decimal_paren: return std::max(1, std::atoi(label.c_str()));
        case ListStyle::alpha_paren:
        case ListStyle::alpha_close:
        case ListStyle::alpha_dot: return label.size() == 1 ? label[0] - 'a' + 1 : 1;
        case ListStyle::roman_paren:
        case ListStyle::roman_close:
        case ListStyle::roman_dot: {
            static const std::vector<std::string> romans = {"i",  "ii",  "iii",  "iv", "v",
                                                            "vi", "vii", "viii", "ix", "x"};
            auto it = std::find(romans.begin(), romans.end(), label);
            return it == romans.end() ? 1 : static_cast<int>(it - romans.begin()) + 1;
        }
        case ListStyle::bullet: break;
    }
    return 1;
}

// Paragraph properties, written in the order the schema wants them.
struct ParaProps {
    std::string style;
    Mark mark = Mark::none;
    int num_id = 0;  // 0: not a list item
    int level = 0;
    int indent = -1;  // left indent in twips; -1: the style's
    const char* align = nullptr;
    bool keep_next = false;
};

struct BlockContext {
    std::string text_style;  // style of the block's paragraphs
    int indent = 0;          // left edge of that text, for lists and tables
    Mark mark = Mark::none;
};

// A line of the contents, marked as its heading is, so Accept All and Reject All each
// leave the contents of their version.
struct TocEntry {
    int level;
    const model::ClauseNumber* number;
    const model::ClauseChange* change;
    const Inlines* heading;
    std::string anchor;
    int old_level = level;  // in OLD, when a sub-heading only one version has is above it
};

// The heading level the clauses of a section stand under in each version (the scale of
// Heading 1..4). A sub-heading only NEW has is not over its clauses in OLD, where they
// stood under the heading before it; likewise a sub-heading only OLD has.
struct Levels {
    int old_level;
    int new_level;
};

class BodyWriter {
public:
    BodyWriter(const model::Protocol& protocol, XmlOut& xml, const BodyOptions& options, const Bookmarks& bookmarks,
               Hyperlinks& hyperlinks, ListNumbering& lists)
        : protocol_(protocol),
          xml_(xml),
          options_(options),
          hyperlinks_(hyperlinks),
          lists_(lists),
          bookmarks_(bookmarks) {
        base_level_ = 2;
        for (const auto& s : protocol.sections) base_level_ = std::min(base_level_, s.level);
        int old_level = 0, new_level = 0;
        for (const auto& s : protocol.sections) {
            const Mark mark = change_mark(s.change);
            if (mark != Mark::inserted || old_level == 0) old_level = heading_level(s);
            if (mark != Mark::deleted || new_level == 0) new_level = heading_level(s);
            levels_.push_back({old_level, new_level});
        }
    }

    void write() {
        write_title();
        if (options_.contents) write_contents();
        for (std::size_t i = 0; i < protocol_.sections.size(); ++i) {
            const Section& s = protocol_.sections[i];
            // A covering report is labelled where it starts, so nobody takes it for the document.
            if (s.kind == model::SectionKind::preamble &&
                (i == 0 || protocol_.sections[i - 1].kind != model::SectionKind::preamble))
                text_paragraph({"Subtitle"}, model::covering_report_label(protocol_));
            write_section(s, model::begins_after_covering_report(protocol_, i));
        }
        if (const auto glossary = model::glossary_section(protocol_)) write_section(*glossary, false);
    }

private:
    int heading_level(const Section& s) const { return std::clamp(s.level - base_level_ + 1, 1, 4); }

    Levels levels(const Section& s) const {
        const auto i = static_cast<std::size_t>(&s - protocol_.sections.data());
        if (&s < protocol_.sections.data() || i >= levels_.size()) return {heading_level(s), heading_level(s)};
        return levels_[i];
    }

    // A paragraph's style is NEW's, but OLD's where only OLD has the paragraph; where
    // both have it under different styles, OLD's is recorded as a tracked change, so
    // Reject All gives it back (LibreOffice does, as Word).
    static std::pair<std::string, std::string> styles(const std::string& prefix, Levels l, Mark mark, int cap) {
        const std::string was = prefix + std::to_string(std::min(l.old_level, cap)),
                          now = prefix + std::to_string(std::min(l.new_level, cap));
        if (removes_text(mark)) return {was, ""};
        return {now, mark == Mark::none && was != now ? was : ""};
    }

    int new_id() { return next_id_++; }

public:
    // Every w:id written is a new_id().
    int largest_id() const { return next_id_ - 1; }

private:

    // The attributes of a tracked change, on the element just opened.
    void revision() {
        xml_.attr("w:id", new_id());
        xml_.attr("w:author", options_.author);
        xml_.attr("w:date", options_.date);
    }

    void element(const char* name, const char* attribute, std::string_view value) {
        xml_.open(name);
        xml_.attr(attribute, value);
        xml_.close();
    }
    void element(const char* name, const char* attribute, int value) {
        xml_.open(name);
        xml_.attr(attribute, value);
        xml_.close();
    }

    // Opens <w:p> with its properties; the caller writes its runs and ends it.
    // `old_style`: the style OLD gives the paragraph, when it differs (w:pPrChange).
    void paragraph(const ParaProps& props, const std::string& old_style = {}) {
        xml_.open("w:p");
        xml_.open("w:pPr");
        if (!props.style.empty()) element("w:pStyle", "w:val", props.style);
        if (props.keep_next) xml_.leaf("w:keepNext");
        if (props.num_id) {
            xml_.open("w:numPr");
            element("w:ilvl", "w:val", props.level);
            element("w:numId", "w:val", props.num_id);
            xml_.close();
        }
        if (props.indent >= 0) element("w:ind", "w:left", props.indent);
        if (props.align) element("w:jc", "w:val", props.align);
        if (props.mark != Mark::none) {
            xml_.open("w:rPr");
            xml_.open(mark_element(props.mark));
            revision();
            xml_.close();
            xml_.close();
        }
        if (!old_style.empty()) {
            xml_.open("w:pPrChange");
            revision();
            xml_.open("w:pPr");
            element("w:pStyle", "w:val", old_style);
            xml_.close();
            xml_.close();
        }
        xml_.close();
        paragraph_content_ = xml_.buffer().size();
    }
    void end_paragraph() { xml_.close(); }

    // The bookmark of the paragraph being written, placed right after its properties. Its
    // id is taken after the paragraph's changes', as they are numbered in reading order.
    void bookmark(const std::string& id) {
        const std::string name = bookmarks_.find(id);
        if (name.empty()) return;
        const std::string bid = std::to_string(new_id());
        // A paragraph that opens with tracked text (a renumbered clause's old number) is
        // spanned: LibreOffice drops a point bookmark that stands on text Accept All or
        // Reject All removes, and every link and contents line to it would then break.
        const std::string_view content = std::string_view(xml_.buffer()).substr(paragraph_content_);
        bool opens_tracked = false;
        for (const char* tracked : {"<w:del ", "<w:ins ", "<w:moveFrom ", "<w:moveTo "})
            opens_tracked |= content.rfind(tracked, 0) == 0;
        std::string start, end;
        XmlOut xml(start);
        xml.open("w:bookmarkStart");
        xml.attr("w:id", bid);
        xml.attr("w:name", name);
        xml.close();
        XmlOut end_xml(end);
        end_xml.open("w:bookmarkEnd");
        end_xml.attr("w:id", bid);
        end_xml.close();
        if (opens_tracked) {
            xml_.raw(end);
            xml_.buffer().insert(paragraph_content_, start);
        } else {
            xml_.buffer().insert(paragraph_content_, start + end);
        }
    }

    // ------------------------------------------------------------ inline content

    void push_text(Runs& runs, const Run& look, std::string text) {
        if (text.empty()) return;
        if (!runs.empty() && runs.back().kind == Run::Kind::text && runs.back().same_look(look)) {
            runs.back().text += text;
            return;
        }
        Run& r = runs.emplace_back(look);
        r.kind = Run::Kind::text;
        r.text = std::move(text);
    }

    void push_special(Runs& runs, const Run& look, Run::Kind kind) {
        Run r = look;
        r.kind = kind;
        r.text.clear();
        runs.push_back(std::move(r));
    }

    // Where a reference points: a bookmark in this document, else its web address.
    void link_reference(const Inline& in, Run& look) {
        if (in.reference < 0 || in.reference >= static_cast<int>(protocol_.references.size())) return;
        const model::LinkTarget to = model::link_target(protocol_.references[static_cast<std::size_t>(in.reference)]);
        if (to.kind == model::LinkTarget::Kind::clause)
            look.anchor = bookmarks_.find(to.target);
        else if (to.kind == model::LinkTarget::Kind::web)
            look.rel_id = hyperlinks_.id_for(to.target);
    }

    void flatten(const Inlines& inlines, const Run& look, Runs& runs) {
        for (const auto& in : inlines) {
            // Words, nearly every inline, take their look as it is; the rest change a copy of it.
            if (in.kind == InlineKind::text) {
                push_text(runs, look, xml_text(in.text));
                continue;
            }
            Run inner = look;
            switch (in.kind) {
                case InlineKind::text: break;
                case InlineKind::code:
                    inner.code = true;
                    push_text(runs, inner, xml_text(in.text));
                    break;
                case InlineKind::soft_break: push_text(runs, look, " "); break;
                case InlineKind::line_break: push_special(runs, look, Run::Kind::line_break); break;
                case InlineKind::emphasis:
                    inner.italic = true;
                    flatten(in.children, inner, runs);
                    break;
                case InlineKind::strong:
                    inner.bold = true;
                    flatten(in.children, inner, runs);
                    break;
                case InlineKind::strike:
                    inner.strike = true;
                    flatten(in.children, inner, runs);
                    break;
                case InlineKind::inserted:
                    inner.mark = nest_mark(look.mark, Mark::inserted);
                    flatten(in.children, inner, runs);
                    break;
                case InlineKind::deleted:
                    inner.mark = nest_mark(look.mark, Mark::deleted);
                    flatten(in.children, inner, runs);
                    break;
                case InlineKind::link:
                    if (look.anchor.empty() && look.rel_id.empty() && !in.target.empty())
                        inner.rel_id = hyperlinks_.id_for(in.target);
                    if (in.children.empty())
                        push_text(runs, inner, xml_text(in.target));
                    else
                        flatten(in.children, inner, runs);
                    break;
                case InlineKind::reference:
                    if (look.anchor.empty() && look.rel_id.empty()) link_reference(in, inner);
                    flatten(in.children, inner, runs);
                    break;
            }
        }
    }

    void write_run(const Run& run) {
        xml_.open("w:r");
        const bool linked = !run.anchor.empty() || !run.rel_id.empty();
        if (linked || run.code || run.bold || run.italic || run.strike) {
            xml_.open("w:rPr");
            if (linked || run.code) element("w:rStyle", "w:val", linked ? "Hyperlink" : "VerbatimChar");
            if (run.bold) xml_.leaf("w:b");
            if (run.italic) xml_.leaf("w:i");
            if (run.strike) xml_.leaf("w:strike");
            xml_.close();
        }
        switch (run.kind) {
            case Run::Kind::tab: xml_.leaf("w:tab"); break;
            case Run::Kind::line_break: xml_.leaf("w:br"); break;
            case Run::Kind::text: {
                // Deleted text is w:delText; moved-from text stays w:t, as Word writes it.
                xml_.open(run.mark == Mark::deleted ? "w:delText" : "w:t");
                if (run.text.front() == ' ' || run.text.back() == ' ' || run.text.find("  ") != std::string::npos)
                    xml_.attr("xml:space", "preserve");
                xml_.text(run.text);
                xml_.close();
                break;
            }
        }
        xml_.close();
    }

    // Runs grouped into hyperlinks (outside) and change marks (inside), as the schema
    // allows <w:hyperlink><w:ins> but not the other way round.
    void write_runs(const Runs& runs) {
        bool in_link = false, in_mark = false;
        const Run* previous = nullptr;
        for (const auto& run : runs) {
            const bool new_link = !previous || run.anchor != previous->anchor || run.rel_id != previous->rel_id;
            const bool new_mark = new_link || run.mark != previous->mark;
            if (new_mark && in_mark) {
                xml_.close();
                in_mark = false;
            }
            if (new_link) {
                if (in_link) xml_.close();
                in_link = !run.anchor.empty() || !run.rel_id.empty();
                if (in_link) {
                    xml_.open("w:hyperlink");
                    if (!run.anchor.empty())
                        xml_.attr("w:anchor", run.anchor);
                    else
                        xml_.attr("r:id", run.rel_id);
                    xml_.attr("w:history", "1");
                }
            }
            if (new_mark && run.mark != Mark::none) {
                xml_.open(mark_element(run.mark));
                revision();
                in_mark = true;
            }
            write_run(run);
            previous = &run;
        }
        if (in_mark) xml_.close();
        if (in_link) xml_.close();
    }

    void write_inlines(const Inlines& inlines, Mark mark, Runs runs = {}) {
        Run look;
        look.mark = mark;
        flatten(inlines, look, runs);
        write_runs(runs);
    }

    void text_paragraph(const ParaProps& props, const std::string& text) {
        paragraph(props);
        Runs runs;
        push_text(runs, Run{}, xml_text(text));
        write_runs(runs);
        end_paragraph();
    }

    // ------------------------------------------------------------ title and contents

    // The title, the council, then the facts every format's title page states.
    // A redline's title page tracks the front matter's changes, so Reject All gives back
    // OLD's title page and Accept All NEW's.
    void write_title() {
        const model::Metadata& m = protocol_.meta;
        if (m.marked_title.empty()) {
            text_paragraph({"Title"}, m.title);
        } else {
            paragraph({"Title"});
            write_inlines(m.marked_title, Mark::none);
            end_paragraph();
        }
        if (!m.marked_council.empty()) {
            paragraph({"Subtitle", whole_mark(m.marked_council, Mark::none)});
            write_inlines(m.marked_council, Mark::none);
            end_paragraph();
        } else if (!m.council.empty()) {
            text_paragraph({"Subtitle"}, m.council);
        }
        for (const model::TitleLine& line : model::title_lines(m)) {
            const Mark mark = unit_mark(line.change, Mark::none);
            Runs runs;
            Run bold;
            bold.bold = true;
            bold.mark = mark;
            push_text(runs, bold, xml_text(line.label + ": "));
            paragraph({"", mark});
            write_inlines(line.words, mark, std::move(runs));
            end_paragraph();
        }
    }

    std::vector<TocEntry> contents_entries() const {
        std::vector<TocEntry> entries;
        for (std::size_t i = 0; i < protocol_.sections.size(); ++i) {
            const Section& s = protocol_.sections[i];
            if (s.id == "_glossary") continue;  // the defined terms, drawn after the contents lists
            if (model::begins_after_covering_report(protocol_, i))
                entries.push_back({heading_level(s), &s.number, &s.change, &title_inlines_, bookmarks_.find(s.id)});
            else if (!s.heading.empty() || !s.number.empty())  // an untitled section has no entry
                entries.push_back({heading_level(s), &s.number, &s.change, &s.heading, bookmarks_.find(s.id)});
            const Levels l = levels(s);
            for (const auto& c : s.clauses)
                if (!c.heading.empty() && heading_level(s) < 3)
                    entries.push_back(
                        {l.new_level + 1, &c.number, &c.change, &c.heading, bookmarks_.find(c.id), l.old_level + 1});
        }
        return entries;
    }

    void field_char(const char* type) {
        xml_.open("w:r");
        element("w:fldChar", "w:fldCharType", type);
        xml_.close();
    }

    // The page a contents line leads to: a tab to the dotted right tab stop of the TOC
    // styles, then a PAGEREF field to the heading's bookmark, left without a stale result.
    // LibreOffice computes it as it lays the document out; Word when it updates fields on
    // opening (settings.xml: updateFields).
    // The field carries the line's mark, so the line that only one version has takes its
    // page number with it (an unmarked field left behind reads "Error: Reference source
    // not found" at the start of the next line once LibreOffice drops the line around it).
    void page_number(const std::string& anchor, Mark mark) {
        if (mark != Mark::none) {
            xml_.open(mark_element(mark));
            revision();
        }
        field_char("begin");
        xml_.open("w:r");
        xml_.open(removes_text(mark) ? "w:delInstrText" : "w:instrText");
        xml_.attr("xml:space", "preserve");
        xml_.text(" PAGEREF " + anchor + " \\h ");
        xml_.close();
        xml_.close();
        field_char("separate");
        field_char("end");
        if (mark != Mark::none) xml_.close();
    }

    // The contents: one linked line per heading in the TOC styles, each with its page
    // number field. Not wrapped in a TOC field: LibreOffice shows a TOC field's stored
    // result as it stands, so the page numbers would never appear there.
    void write_contents() {
        auto entries = contents_entries();
        if (entries.empty()) return;
        text_paragraph({"TOCHeading"}, "Contents");
        for (const auto& e : entries) {
            // Moves have no meaning in a contents line: the old end is deleted, the new inserted.
            const Mark moved = change_mark(*e.change);
            const Mark mark = removes_text(moved) ? Mark::deleted : moved == Mark::none ? Mark::none : Mark::inserted;
            const auto [style, old_style] = styles("TOC", {e.old_level, e.level}, mark, 3);
            paragraph({style, mark}, old_style);
            Run look;
            look.anchor = e.anchor;
            look.mark = mark;
            Runs runs = number_runs(*e.number, e.change->old_number, look, false);
            flatten(*e.heading, look, runs);
            // The tab carries the line's mark, so Accept All and Reject All keep or drop it
            // with the line; the field holds no text of its own until it is updated.
            Run tab = look;
            tab.anchor.clear();
            push_special(runs, tab, Run::Kind::tab);
            write_runs(runs);
            if (!e.anchor.empty()) page_number(e.anchor, mark);
            end_paragraph();
        }
    }

    // ------------------------------------------------------------ blocks

    void write_blocks(const std::vector<Block>& blocks, const BlockContext& ctx, std::size_t from = 0) {
        for (std::size_t i = from; i < blocks.size(); ++i) write_block(blocks[i], ctx);
    }

    void write_block(const Block& b, const BlockContext& ctx) {
        switch (b.kind) {
            case BlockKind::paragraph: {
                const Mark mark = whole_mark(b.inlines, unit_mark(b.change, ctx.mark));
                paragraph({ctx.text_style, mark});
                write_inlines(b.inlines, mark);
                end_paragraph();
                break;
            }
            case BlockKind::list: write_list(b, ctx, 0); break;
            case BlockKind::table: write_table(b, ctx); break;
            case BlockKind::quote: {
                BlockContext quoted = ctx;
                quoted.text_style = "Quote";
                write_blocks(b.children, quoted);
                break;
            }
        }
    }

    void write_list(const Block& list, const BlockContext& ctx, int level) {
        // A list starts at its first label in each version: NEW's first item not deleted,
        // OLD's first not inserted (its OLD label). Where they differ ((a) deleted, (b) and
        // (c) kept), the items before the first both versions have are numbered as a list of
        // their own and the rest from that item's label, so each version starts where it does.
        const auto& items = list.items;
        const auto first_label = [&](model::ChangeKind other, bool old) {
            for (const auto& item : items)
                if (item.change != other)
                    return label_value(list, old && !item.old_label.empty() ? item.old_label : item.label);
            return 1;
        };
        std::size_t lead = 0;
        while (lead < items.size() && items[lead].change != model::ChangeKind::none) ++lead;
        const bool split =
            lead > 0 && lead < items.size() &&
            first_label(model::ChangeKind::deleted, false) != first_label(model::ChangeKind::inserted, true);
        const int num_id = lists_.start_list(list.list_style, ctx.indent, level,
                                             items.empty() ? 1 : label_value(list, items.front().label));
        const int rest_id =
            split ? lists_.start_list(list.list_style, ctx.indent, level, label_value(list, items[lead].label))
                  : num_id;
        const int item_indent = ctx.indent + list_step * (level + 1);
        for (const auto& item : list.items) {
            const int item_num = &item - list.items.data() < static_cast<std::ptrdiff_t>(lead) ? num_id : rest_id;
            const bool starts_with_text = !item.blocks.empty() && item.blocks.front().kind == BlockKind::paragraph;
            const Mark item_mark = unit_mark(item.change, ctx.mark);
            const Mark mark = starts_with_text ? whole_mark(item.blocks.front().inlines, item_mark) : item_mark;
            paragraph({"ListParagraph", mark, item_num, level});
            bookmark(item.id);
            if (starts_with_text) write_inlines(item.blocks.front().inlines, mark);
            end_paragraph();
            for (std::size_t i = starts_with_text ? 1 : 0; i < item.blocks.size(); ++i) {
                const auto& b = item.blocks[i];
                if (b.kind == BlockKind::list) {
                    write_list(b, {ctx.text_style, ctx.indent, item_mark}, level + 1);
                } else {
                    BlockContext inner{"ListParagraph", item_indent, item_mark};
                    if (b.kind == BlockKind::paragraph) {
                        const Mark inner_mark = whole_mark(b.inlines, unit_mark(b.change, item_mark));
                        paragraph({"ListParagraph", inner_mark, 0, 0, item_indent});
                        write_inlines(b.inlines, inner_mark);
                        end_paragraph();
                    } else {
                        write_block(b, inner);
                    }
                }
            }
        }
    }

    static const char* alignment(model::Align a) {
        switch (a) {
            case model::Align::center: return "center";
            case model::Align::right: return "right";
            default: return nullptr;
        }
    }

    // A row whose cells are all wholly inserted (or deleted) is an inserted (deleted) row.
    static Mark row_mark(const model::TableRow& row, Mark outer) {
        if (unit_mark(row.change, outer) != Mark::none || row.cells.empty()) return unit_mark(row.change, outer);
        const Mark first = whole_mark(row.cells.front().inlines, Mark::none);
        for (const auto& cell : row.cells)
            if (whole_mark(cell.inlines, Mark::none) != first) return Mark::none;
        return first;
    }

    void write_table(const Block& table, const BlockContext& ctx) {
        std::size_t columns = table.align.size();
        for (const auto& row : table.rows) columns = std::max(columns, row.cells.size());
        if (columns == 0) return;
        const int width = options_.geometry.text_width - ctx.indent;
        const int column_width = width / static_cast<int>(columns);
        xml_.open("w:tbl");
        xml_.open("w:tblPr");
        element("w:tblStyle", "w:val", "TableGrid");
        xml_.open("w:tblW");
        xml_.attr("w:w", width);
        xml_.attr("w:type", "dxa");
        xml_.close();
        xml_.open("w:tblInd");
        xml_.attr("w:w", ctx.indent);
        xml_.attr("w:type", "dxa");
        xml_.close();
        xml_.close();
        xml_.open("w:tblGrid");
        for (std::size_t c = 0; c < columns; ++c) element("w:gridCol", "w:w", column_width);
        xml_.close();
        // A row only one version has is as wide as that version's table (a redline of a
        // table whose columns changed holds OLD's rows deleted and NEW's inserted).
        std::size_t old_columns = 0, new_columns = table.align.size();
        for (const auto& row : table.rows) {
            const Mark mark = row_mark(row, ctx.mark);
            if (!(mark == Mark::inserted || mark == Mark::moved_to))
                old_columns = std::max(old_columns, row.cells.size());
            if (!removes_text(mark)) new_columns = std::max(new_columns, row.cells.size());
        }
        for (const auto& row : table.rows) {
            const Mark mark = row_mark(row, ctx.mark);
            // Rows have no move marks: a moved row is deleted at one end, inserted at the other.
            const Mark tracked_row = removes_text(mark)   ? Mark::deleted
                                     : mark == Mark::none ? Mark::none
                                                          : Mark::inserted;
            const std::size_t row_columns = tracked_row == Mark::deleted    ? std::max<std::size_t>(old_columns, 1)
                                            : tracked_row == Mark::inserted ? std::max<std::size_t>(new_columns, 1)
                                                                            : columns;
            const int row_width = width / static_cast<int>(row_columns);
            xml_.open("w:tr");
            if (row.header || tracked_row != Mark::none) {
                xml_.open("w:trPr");
                if (row.header) xml_.leaf("w:tblHeader");
                if (tracked_row != Mark::none) {
                    xml_.open(mark_element(tracked_row));
                    revision();
                    xml_.close();
                }
                xml_.close();
            }
            for (std::size_t c = 0; c < row_columns; ++c) {
                xml_.open("w:tc");
                xml_.open("w:tcPr");
                xml_.open("w:tcW");
                xml_.attr("w:w", row_width);
                xml_.attr("w:type", "dxa");
                xml_.close();
                xml_.close();
                ParaProps props_p{"TableText", mark};
                if (c < table.align.size()) props_p.align = alignment(table.align[c]);
                paragraph(props_p);
                if (c < row.cells.size()) {
                    Run look;
                    look.mark = mark;
                    look.bold = row.header;
                    Runs runs;
                    flatten(row.cells[c].inlines, look, runs);
                    write_runs(runs);
                }
                end_paragraph();
                xml_.close();
            }
            xml_.close();
        }
        xml_.close();
    }

    // ------------------------------------------------------------ clauses and sections

    // A number and its separator (a tab, as a heading or a clause has; a space in the
    // contents); a renumbered one shows its old number deleted and its new one inserted.
    Runs number_runs(const model::ClauseNumber& number, const std::string& old, const Run& look, bool tab = true) {
        Runs runs;
        if (number.text.empty()) return runs;
        if (look.mark == Mark::none && !old.empty() && old != number.text) {
            // Each number with its own tab (a space in the contents), so the old one never
            // runs into the new one ("4.104.9") and each version keeps one separator.
            Run was = look, now = look;
            was.mark = Mark::deleted;
            now.mark = Mark::inserted;
            push_text(runs, was, old);
            tab ? push_special(runs, was, Run::Kind::tab) : push_text(runs, was, " ");
            push_text(runs, now, number.text);
            tab ? push_special(runs, now, Run::Kind::tab) : push_text(runs, now, " ");
            return runs;
        }
        push_text(runs, look, number.text);
        tab ? push_special(runs, look, Run::Kind::tab) : push_text(runs, look, " ");
        return runs;
    }

    Runs number_runs(const model::ClauseNumber& number, const model::ClauseChange& change, Mark mark) {
        Run look;
        look.mark = mark;
        return number_runs(number, change.old_number, look);
    }

    void move_range(bool start, Mark mark, const Clause& c) {
        if (mark != Mark::moved_from && mark != Mark::moved_to) return;
        const bool from = mark == Mark::moved_from;
        xml_.open(from ? (start ? "w:moveFromRangeStart" : "w:moveFromRangeEnd")
                       : (start ? "w:moveToRangeStart" : "w:moveToRangeEnd"));
        if (start) {
            move_range_id_ = new_id();
            xml_.attr("w:id", move_range_id_);
            xml_.attr("w:author", options_.author);
            xml_.attr("w:date", options_.date);
            xml_.attr("w:name", c.change.move_id);
        } else {
            xml_.attr("w:id", move_range_id_);
        }
        xml_.close();
    }

    void write_clause(const Clause& c, Levels section) {
        const Mark mark = change_mark(c.change);
        const int depth = std::clamp(c.depth(), 1, max_clause_depth);
        const BlockContext text{"ClauseText" + std::to_string(depth),
                                options_.geometry.clause_text_indent[static_cast<std::size_t>(depth - 1)], mark};
        move_range(true, mark, c);
        std::size_t first_block = 0;
        if (!c.heading.empty()) {
            const auto [style, old_style] = styles("Heading", {section.old_level + 1, section.new_level + 1}, mark, 4);
            paragraph({style, mark}, old_style);
            write_inlines(c.heading, mark, number_runs(c.number, c.change, mark));
        } else if (c.number.text.empty()) {
            paragraph({text.text_style, mark});
            if (!c.blocks.empty() && c.blocks.front().kind == BlockKind::paragraph) {
                write_inlines(c.blocks.front().inlines, mark);
                first_block = 1;
            }
        } else {
            paragraph({"ClauseLevel" + std::to_string(depth), mark});
            const bool opens_with_text = !c.blocks.empty() && c.blocks.front().kind == BlockKind::paragraph;
            static const Inlines no_words;  // (a temporary here would copy the clause's words)
            write_inlines(opens_with_text ? c.blocks.front().inlines : no_words, mark,
                          number_runs(c.number, c.change, mark));
            first_block = opens_with_text ? 1 : 0;
        }
        bookmark(c.id);
        end_paragraph();
        write_blocks(c.blocks, text, first_block);
        move_range(false, mark, c);
    }

    // `titled`: the document begins here, untitled, after its covering report, so its
    // heading is the document's title. An untitled section otherwise has no heading
    // paragraph (an empty Heading 1 is noise in the navigation pane); its bookmark stays.
    void write_section(const Section& s, bool titled) {
        if (!s.running_head.empty() && options_.section_break) xml_.raw(options_.section_break(s));
        const int level = heading_level(s);
        const Mark mark = change_mark(s.change);  // a section inserted or deleted whole
        const bool untitled = s.heading.empty() && s.number.empty() && !titled;
        paragraph({untitled ? std::string("Normal") : "Heading" + std::to_string(level), mark});
        write_inlines(titled ? title_inlines_ : s.heading, mark, number_runs(s.number, s.change, mark));
        bookmark(s.id);
        end_paragraph();
        write_blocks(s.intro, {"Normal", 0, mark});
        for (const auto& c : s.clauses) write_clause(c, levels(s));
    }

    const model::Protocol& protocol_;
    XmlOut& xml_;
    std::size_t paragraph_content_ = 0;  // where the open paragraph's content starts
    const BodyOptions& options_;
    Hyperlinks& hyperlinks_;
    ListNumbering& lists_;
    const Bookmarks& bookmarks_;
    const Inlines title_inlines_ = {
        model::Inline{model::InlineKind::text, model::document_title(protocol_), {}, {}, -1, {}}};
    int base_level_ = 2;
    int next_id_ = 1;
    int move_range_id_ = 0;
    std::vector<Levels> levels_;  // of each section of protocol_
};

struct LevelFormat {
    const char* format;  // w:numFmt
    const char* before;  // text around the number
    const char* after;
};

LevelFormat level_format(ListStyle style) {
    switch (style) {
        case ListStyle::bullet: return {"bullet", "", ""};
        case ListStyle::ordered: return {"decimal", "", "."};
        case ListStyle::alpha_paren: return {"lowerLetter", "(", ")"};
        case ListStyle::alpha_close: return {"lowerLetter", "", ")"};
        case ListStyle::alpha_dot: return {"lowerLetter", "", "."};
        case ListStyle::roman_paren: return {"lowerRoman", "(", ")"};
        case ListStyle::roman_close: return {"lowerRoman", "", ")"};
        case ListStyle::roman_dot: return {"lowerRoman", "", "."};
        case ListStyle::decimal_paren: return {"decimal", "(", ")"};
    }
    return {"bullet", "", ""};
}

}  // namespace

const std::string& Hyperlinks::id_for(const std::string& url) {
    auto it = by_url_.find(url);
    if (it != by_url_.end()) return it->second;
    std::string id;
    for (std::size_t n = links_.size() + 1; id.empty() || taken_.count(id); ++n) id = "rIdLink" + std::to_string(n);
    taken_.insert(id);
    links_.emplace_back(id, url);
    return by_url_.emplace(url, id).first->second;
}

int ListNumbering::start_list(ListStyle style, int indent, int level, int start) {
    const auto key = std::make_pair(style, indent);
    auto it = abstract_ids_.find(key);
    if (it == abstract_ids_.end()) {
        it = abstract_ids_.emplace(key, next_abstract_++).first;
        abstracts_.emplace_back(key, it->second);
    }
    nums_.push_back({next_num_++, it->second, level, start});
    return nums_.back().id;
}

void ListNumbering::append_to(pugi::xml_node numbering) const {
    pugi::xml_node after;
    for (auto a : numbering.children("w:abstractNum")) after = a;
    for (const auto& [key, id] : abstracts_) {
        auto abs =
            after ? numbering.insert_child_after("w:abstractNum", after) : numbering.prepend_child("w:abstractNum");
        after = abs;
        abs.append_attribute("w:abstractNumId") = id;
        abs.append_child("w:multiLevelType").append_attribute("w:val") = "multilevel";
        const LevelFormat f = level_format(key.first);
        for (int level = 0; level < 9; ++level) {
            auto lvl = abs.append_child("w:lvl");
            lvl.append_attribute("w:ilvl") = level;
            lvl.append_child("w:start").append_attribute("w:val") = 1;
            lvl.append_child("w:numFmt").append_attribute("w:val") = f.format;
            const std::string text = key.first == ListStyle::bullet
                                         ? std::string(level % 2 ? "\xE2\x80\x93" : "\xE2\x80\xA2")
                                         : f.before + ("%" + std::to_string(level + 1)) + f.after;
            lvl.append_child("w:lvlText").append_attribute("w:val") = text.c_str();
            lvl.append_child("w:lvlJc").append_attribute("w:val") = "left";
            auto ind = lvl.append_child("w:pPr").append_child("w:ind");
            ind.append_attribute("w:left") = key.second + list_step * (level + 1);
            ind.append_attribute("w:hanging") = list_step;
        }
    }
    for (const auto& n : nums_) {
        auto num = numbering.append_child("w:num");
        num.append_attribute("w:numId") = n.id;
        num.append_child("w:abstractNumId").append_attribute("w:val") = n.abstract_id;
        // Without an override every list sharing a definition would continue its count.
        auto over = num.append_child("w:lvlOverride");
        over.append_attribute("w:ilvl") = n.level;
        over.append_child("w:startOverride").append_attribute("w:val") = n.start;
    }
}

PageGeometry page_geometry(pugi::xml_node styles, pugi::xml_node section_properties) {
    PageGeometry g;
    for (std::size_t depth = 1; depth <= g.clause_text_indent.size(); ++depth) {
        const std::string id = "ClauseText" + std::to_string(depth);
        auto style = styles.find_child_by_attribute("w:style", "w:styleId", id.c_str());
        if (auto left = style.child("w:pPr").child("w:ind").attribute("w:left"))
            g.clause_text_indent[depth - 1] = left.as_int();
    }
    const int page = section_properties.child("w:pgSz").attribute("w:w").as_int();
    auto margins = section_properties.child("w:pgMar");
    const int width = page - margins.attribute("w:left").as_int() - margins.attribute("w:right").as_int();
    if (page > 0 && width > 0) g.text_width = width;
    return g;
}

void XmlOut::end_start_tag() {
    if (!in_start_tag_) return;
    out_ += '>';
    in_start_tag_ = false;
}

void XmlOut::open(std::string_view name) {
    end_start_tag();
    note_child();
    out_ += '<';
    out_ += name;
    open_.emplace_back(name);
    in_start_tag_ = true;
}

void XmlOut::attr(std::string_view name, std::string_view value) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    model::append_xml_escaped(out_, value, true);
    out_ += '"';
}

void XmlOut::attr(std::string_view name, int value) { attr(name, std::to_string(value)); }

void XmlOut::text(std::string_view text) {
    end_start_tag();
    model::append_xml_escaped(out_, text, false);
}

void XmlOut::raw(std::string_view xml) {
    end_start_tag();
    note_child();
    out_ += xml;
}

void XmlOut::close() {
    if (in_start_tag_) {
        out_ += "/>";
        in_start_tag_ = false;
    } else {
        out_ += "</";
        out_ += open_.back();
        out_ += '>';
    }
    open_.pop_back();
}

Bookmarks::Bookmarks(const model::Protocol& p) {
    model::for_each_anchor_id(p, [&](const std::string& id) { add(id); });
}

void Bookmarks::add(const std::string& id) {
    if (by_id_.count(id)) return;
    std::string name = id;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    if (!std::isalpha(static_cast<unsigned char>(name[0]))) name = "b_" + name;
    if (name.size() > 40) name.resize(40);
    const std::string base = name.substr(0, 34);
    if (used_.count(name)) {
        // names are never released: the search resumes where it stopped for this
        // base (10,000 clauses with the same first words took minutes)
        int& n = next_suffix_.try_emplace(base, 2).first->second;
        for (name = base + "_" + std::to_string(n); used_.count(name); name = base + "_" + std::to_string(++n)) {}
    }
    used_.insert(name);
    by_id_.emplace(id, name);
}

std::string Bookmarks::find(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? std::string() : it->second;
}

namespace {

// The tracked mark of a paragraph's own mark ("w:ins", "w:del"), or "".
std::string paragraph_mark(pugi::xml_node p) {
    for (auto m : p.child("w:pPr").child("w:rPr").children()) {
        const std::string name = m.name();
        if (name == "w:ins" || name == "w:del" || name == "w:moveFrom" || name == "w:moveTo") return name;
    }
    return "";
}

// The version a tracked mark takes a paragraph out of, as Accept All and Reject All treat
// it: a move's ends are a deletion ("w:del") and an insertion ("w:ins") like any other.
std::string kind_of(const std::string& mark) {
    if (mark == "w:moveTo") return "w:ins";
    if (mark == "w:moveFrom") return "w:del";
    return mark;
}

// True if every word of `parent` is inside a mark of `kind` (bookmarks aside; a link's words too).
bool words_wholly(pugi::xml_node parent, const std::string& kind) {
    for (auto c : parent.children()) {
        const std::string name = c.name();
        if (name == "w:hyperlink" ? !words_wholly(c, kind)
                                  : name != "w:pPr" && kind_of(name) != kind && name.rfind("w:bookmark", 0) != 0)
            return false;
    }
    return true;
}

// True if the paragraph, mark and words, is wholly inside marks of `kind`.
bool wholly(pugi::xml_node p, const std::string& kind) {
    return kind_of(paragraph_mark(p)) == kind && words_wholly(p, kind);
}

// A body-level neighbour that is a paragraph or a table: the ranges of a move (and
// bookmarks) between paragraphs are not text.
bool ignorable(pugi::xml_node n) {
    const std::string_view name = n.name();
    return name.ends_with("RangeStart") || name.ends_with("RangeEnd") || name.starts_with("w:bookmark");
}
pugi::xml_node previous_block(pugi::xml_node n) {
    n = n.previous_sibling();
    while (n && ignorable(n)) n = n.previous_sibling();
    return n;
}
pugi::xml_node next_block(pugi::xml_node n) {
    n = n.next_sibling();
    while (n && ignorable(n)) n = n.next_sibling();
    return n;
}

// Moves paragraph `from`'s mark onto `to`'s (a move's end becomes a plain insertion or
// deletion there, outside the move's range); the mark copied to `to`.
pugi::xml_node shift_mark(pugi::xml_node from, pugi::xml_node to) {
    auto rpr = to.child("w:pPr").child("w:rPr");
    if (!rpr) rpr = to.child("w:pPr").append_child("w:rPr");
    auto cut = from.child("w:pPr").child("w:rPr");
    const std::string mark = paragraph_mark(from);
    pugi::xml_node moved = rpr.append_copy(cut.child(mark.c_str()));
    moved.set_name(kind_of(mark).c_str());
    cut.remove_child(mark.c_str());
    if (!cut.first_child()) from.child("w:pPr").remove_child(cut);
    return moved;
}

// Paragraph properties less the mark's run properties and any recorded change, to compare two.
std::string properties_of(pugi::xml_node ppr) {
    std::ostringstream out;
    for (auto c : ppr.children())
        if (std::string(c.name()) != "w:rPr" && std::string(c.name()) != "w:pPrChange")
            c.print(out, "", pugi::format_raw);
    return out.str();
}

// A paragraph's properties, to compare two.
std::string properties(pugi::xml_node p) {
    if (std::string(p.name()) != "w:p") return "(not a paragraph)";
    return properties_of(p.child("w:pPr"));
}

// The w:id of each revision recorded here: the body's largest, found once (a scan of the
// whole document, which once per run of paragraphs made a long redline quadratic), then
// counted on. `at_least`: the largest of the body's parts not in the tree.
class RevisionIds {
public:
    RevisionIds(pugi::xml_node body, int at_least) : body_(body), at_least_(at_least) {}
    int next() {
        if (last_ < 0) {
            // (a walk of the tree: an XPath query gathered every id of a long body first)
            struct Largest : pugi::xml_tree_walker {
                int id = 0;
                bool for_each(pugi::xml_node& n) override {
                    if (const pugi::xml_attribute a = n.attribute("w:id")) id = std::max(id, a.as_int());
                    return true;
                }
            } walk;
            body_.traverse(walk);
            last_ = std::max(walk.id, at_least_);
        }
        return ++last_;
    }

private:
    pugi::xml_node body_;
    int at_least_;
    int last_ = -1;
};

// `last` keeps the mark of a run tracked from `previous`'s mark: under it stands the text of
// `previous` in the version without the run. Its properties become those of the version
// the redline shows it in (its own; P's when `deleted`, as Accept All leaves it), and the
// other version's are recorded as a change (w:pPrChange) of the same author and date.
void record_properties(RevisionIds& ids, pugi::xml_node previous, pugi::xml_node last, pugi::xml_node mark,
                       bool deleted) {
    auto copy_properties = [](pugi::xml_node from, pugi::xml_node to) {
        for (auto c : from.children())
            if (std::string(c.name()) != "w:rPr" && std::string(c.name()) != "w:pPrChange") to.append_copy(c);
    };
    pugi::xml_node ppr = last.child("w:pPr");
    pugi::xml_document was;
    pugi::xml_node recorded = was.append_child("w:pPr");
    copy_properties(deleted ? ppr : previous.child("w:pPr"), recorded);
    if (deleted) {
        for (pugi::xml_node c = ppr.first_child(); c;) {
            const pugi::xml_node next = c.next_sibling();
            if (std::string(c.name()) != "w:rPr") ppr.remove_child(c);
            c = next;
        }
        pugi::xml_node first = ppr.first_child();
        for (auto c : previous.child("w:pPr").children())
            if (std::string(c.name()) != "w:rPr" && std::string(c.name()) != "w:pPrChange")
                first ? ppr.insert_copy_before(c, first) : ppr.append_copy(c);
    }
    pugi::xml_node change = ppr.append_child("w:pPrChange");
    change.append_attribute("w:id") = ids.next();
    change.append_attribute("w:author") = mark.attribute("w:author").value();
    change.append_attribute("w:date") = mark.attribute("w:date").value();
    change.append_copy(recorded);
}

// A run at the very end, after a table: the version without it still ends in a paragraph
// (Word and LibreOffice keep an empty one after a closing table), and the last mark cannot
// go anyway. So the last paragraph's mark stays, untracked (its words are tracked), with
// the properties of the version the redline shows and an empty paragraph's (Normal) in
// the other, recorded as a change: Reject All (Accept All) leaves that empty paragraph.
// LibreOffice gives the paragraph left by Reject All the properties of the run's first
// (see below), so an inserted run's first paragraph records the change too.
void keep_last_mark(RevisionIds& ids, pugi::xml_node first, pugi::xml_node last) {
    const std::string mark = paragraph_mark(last);
    pugi::xml_node rpr = last.child("w:pPr").child("w:rPr");
    pugi::xml_document kept;
    const pugi::xml_node tracked = kept.append_copy(rpr.child(mark.c_str()));
    rpr.remove_child(mark.c_str());
    if (!rpr.first_child()) last.child("w:pPr").remove_child(rpr);
    pugi::xml_document empty;
    const pugi::xml_node normal = empty.append_child("w:p");
    record_properties(ids, normal, last, tracked, kind_of(mark) == "w:del");
    if (first != last && kind_of(mark) == "w:ins") record_properties(ids, normal, first, tracked, false);
}

// Where a run of whole paragraphs at the very end starts that both versions have some of
// (deleted and inserted ones), each right after the one before; ps.size(): none.
std::size_t mixed_ending(const std::vector<pugi::xml_node>& ps) {
    std::size_t first = ps.size();
    bool inserted = false, deleted = false;
    while (first > 1) {
        const std::string kind = paragraph_mark(ps[first - 1]);  // (a move's ends are left alone; see below)
        if ((kind != "w:ins" && kind != "w:del") || !wholly(ps[first - 1], kind)) break;
        (kind == "w:ins" ? inserted : deleted) = true;
        --first;
    }
    if (!inserted || !deleted) return ps.size();
    for (std::size_t i = first + 1; i < ps.size(); ++i)
        if (ps[i].previous_sibling() != ps[i - 1]) return ps.size();
    if (const pugi::xml_node after = next_block(ps.back()); after && std::string(after.name()) != "w:sectPr")
        return ps.size();
    return first;
}

// A run of whole paragraphs D1..Dk at the very end, after an untracked paragraph P, that
// both versions have some of (deleted and inserted ones): the last mark cannot go, and
// no one mark moved onto P would do. So every mark is tracked one paragraph earlier (P's
// takes D1's, Di's D(i+1)'s) and the last stays, untracked: in each version the marks
// left end exactly its paragraphs. Word takes a joined paragraph's properties from the
// mark that ends it, LibreOffice from its first paragraph: each paragraph gets those of
// the version its words and mark are in; the one whose words are in one version and mark
// in the other, and the last, get NEW's, OLD's recorded as a change. LibreOffice gives
// back such a change only where the mark is NEW's (its words' own properties then), so
// the inserted paragraphs go first and the deleted after them (each version keeps its
// order). `ps` is updated to the new order; returns where the run starts (ps.size(): none).
std::size_t shift_mixed_ending(pugi::xml_node body, std::vector<pugi::xml_node>& ps, RevisionIds& ids) {
    const std::size_t first = mixed_ending(ps);
    if (first == ps.size() || !paragraph_mark(ps[first - 1]).empty() || ps[first].previous_sibling() != ps[first - 1])
        return ps.size();
    const auto in_new = [](pugi::xml_node p) { return kind_of(paragraph_mark(p)) == "w:ins"; };
    std::stable_partition(ps.begin() + static_cast<std::ptrdiff_t>(first), ps.end(), in_new);
    for (std::size_t i = first; i < ps.size(); ++i) body.insert_move_after(ps[i], ps[i - 1]);
    // Each version's properties up to each paragraph: those of the last text it keeps there.
    pugi::xml_document store;
    std::vector<pugi::xml_node> now(ps.size()), was(ps.size());
    std::vector<bool> words_new(ps.size());
    pugi::xml_node last_new = store.append_copy(ps[first - 1].child("w:pPr")), last_old = last_new;
    for (std::size_t i = first; i < ps.size(); ++i) {
        words_new[i] = in_new(ps[i]);
        (words_new[i] ? last_new : last_old) = store.append_copy(ps[i].child("w:pPr"));
        now[i] = last_new;
        was[i] = last_old;
    }
    const pugi::xml_node revision = ps[first].child("w:pPr").child("w:rPr").first_child();
    const std::string author = revision.attribute("w:author").value(), date = revision.attribute("w:date").value();
    for (std::size_t i = first; i < ps.size(); ++i) shift_mark(ps[i], ps[i - 1]);
    for (std::size_t i = first; i < ps.size(); ++i) {
        // words and mark in one version: that version's properties, which are the words' own
        const bool one_version = i + 1 < ps.size() && words_new[i] == words_new[i + 1];
        if (one_version) continue;
        pugi::xml_node ppr = ps[i].child("w:pPr");
        for (pugi::xml_node c = ppr.first_child(); c;) {
            const pugi::xml_node next = c.next_sibling();
            if (std::string(c.name()) != "w:rPr") ppr.remove_child(c);
            c = next;
        }
        const pugi::xml_node mark_properties = ppr.first_child();
        for (auto c : now[i].children())
            if (std::string(c.name()) != "w:rPr" && std::string(c.name()) != "w:pPrChange")
                mark_properties ? ppr.insert_copy_before(c, mark_properties) : ppr.append_copy(c);
        if (properties_of(now[i]) == properties_of(was[i])) continue;
        pugi::xml_node change = ppr.append_child("w:pPrChange");
        change.append_attribute("w:id") = ids.next();
        change.append_attribute("w:author") = author.c_str();
        change.append_attribute("w:date") = date.c_str();
        pugi::xml_node recorded = change.append_child("w:pPr");
        for (auto c : was[i].children())
            if (std::string(c.name()) != "w:rPr" && std::string(c.name()) != "w:pPrChange") recorded.append_copy(c);
    }
    return first;
}

// A move with an end among the whole paragraphs that end the document, when both versions
// have some of them (a clause moved out of the last section, a section added after it):
// shift_mixed_ending reorders those paragraphs and shifts their marks, which the move's
// range would not survive (Reject All left an empty paragraph at the end). Such a move is
// tracked as what it is to Accept / Reject All, a deletion and an insertion: both ends'
// words and marks, the range markers dropped (the moved text's bookmarks stay). The names
// of such moves; see unmove().
std::set<std::string> moves_in_mixed_ending(const std::vector<pugi::xml_node>& ps) {
    std::size_t first = ps.size();
    bool inserted = false, deleted = false;
    std::set<std::string> moves;
    while (first > 1) {
        const pugi::xml_node p = ps[first - 1];
        const std::string mark = paragraph_mark(p), kind = kind_of(mark);
        if ((kind != "w:ins" && kind != "w:del") || !wholly(p, kind)) break;
        if (first < ps.size() && next_block(p) != ps[first]) break;
        (kind == "w:ins" ? inserted : deleted) = true;
        if (mark != kind)
            for (pugi::xml_node n = p.previous_sibling(); n && ignorable(n); n = n.previous_sibling())
                if (std::string_view(n.name()).ends_with("RangeStart")) moves.insert(n.attribute("w:name").value());
        --first;
    }
    if (!inserted || !deleted || moves.empty()) return {};
    if (const pugi::xml_node after = next_block(ps.back()); after && std::string(after.name()) != "w:sectPr") return {};
    return moves;
}

// Tracks the moves named as deletions and insertions, both ends, wherever in the body.
void unmove(pugi::xml_node body, const std::set<std::string>& moves) {
    for (const std::string& name : moves) {
        std::vector<pugi::xml_node> starts;
        for (auto n : body.children())
            if ((std::string(n.name()) == "w:moveFromRangeStart" || std::string(n.name()) == "w:moveToRangeStart") &&
                name == n.attribute("w:name").value())
                starts.push_back(n);
        for (const pugi::xml_node start : starts) {
            std::string end_name = start.name();  // w:moveFromRangeStart -> w:moveFromRangeEnd
            end_name.replace(end_name.size() - 5, 5, "End");
            const int id = start.attribute("w:id").as_int();
            pugi::xml_node n = start.next_sibling();
            body.remove_child(start);
            while (n && !(end_name == n.name() && n.attribute("w:id").as_int() == id)) {
                for (const pugi::xpath_node& m : n.select_nodes(".//w:moveFrom | .//w:moveTo")) {
                    pugi::xml_node mark = m.node();
                    const bool from = std::string(mark.name()) == "w:moveFrom";
                    mark.set_name(from ? "w:del" : "w:ins");
                    if (from)
                        for (const pugi::xpath_node& t : mark.select_nodes(".//w:t | .//w:instrText"))
                            t.node().set_name(std::string(t.node().name()) == "w:t" ? "w:delText" : "w:delInstrText");
                }
                n = n.next_sibling();
            }
            if (n) body.remove_child(n);
        }
    }
}

// The same run right after a table: no paragraph before it can take a mark. So OLD's and
// NEW's paragraphs are paired from the end, and each pair is one paragraph with an
// untracked mark, OLD's words deleted and NEW's inserted, NEW's properties and OLD's
// recorded as a change (w:pPrChange): in each version the marks left end exactly its
// paragraphs. The longer side's first paragraphs stay whole paragraphs, before the pairs;
// in the version without them they join the first pair, and LibreOffice gives a joined
// paragraph its first paragraph's properties: so they have their own version's properties
// and the first pair's in the other, one of them recorded as a change. Returns where the
// run starts (ps.size(): none); `ps` loses the paragraphs merged away.
std::size_t pair_mixed_ending(pugi::xml_node body, std::vector<pugi::xml_node>& ps, RevisionIds& ids) {
    const std::size_t first = mixed_ending(ps);
    if (first == ps.size()) return ps.size();
    pugi::xml_node after = previous_block(ps[first]);  // the table
    if (std::string(after.name()) != "w:tbl") return ps.size();
    std::vector<pugi::xml_node> was, now;  // the run's paragraphs of OLD and of NEW
    for (std::size_t i = first; i < ps.size(); ++i) (paragraph_mark(ps[i]) == "w:ins" ? now : was).push_back(ps[i]);
    const pugi::xml_node revision = ps[first].child("w:pPr").child("w:rPr").first_child();
    const std::string author = revision.attribute("w:author").value(), date = revision.attribute("w:date").value();
    // `p` takes the properties `to` (less the mark's) and records `from`'s as a change, if they differ.
    const auto set_properties = [&](pugi::xml_node p, pugi::xml_node to, pugi::xml_node from) {
        pugi::xml_document store;
        const pugi::xml_node to_copy = store.append_copy(to), from_copy = store.append_copy(from);
        pugi::xml_node ppr = p.child("w:pPr");
        for (pugi::xml_node c = ppr.first_child(); c;) {
            const pugi::xml_node next = c.next_sibling();
            if (std::string(c.name()) != "w:rPr") ppr.remove_child(c);
            c = next;
        }
        const pugi::xml_node mark_properties = ppr.first_child();
        for (auto c : to_copy.children())
            if (std::string(c.name()) != "w:rPr" && std::string(c.name()) != "w:pPrChange")
                mark_properties ? ppr.insert_copy_before(c, mark_properties) : ppr.append_copy(c);
        if (properties_of(to_copy) == properties_of(from_copy)) return;
        pugi::xml_node change = ppr.append_child("w:pPrChange");
        change.append_attribute("w:id") = ids.next();
        change.append_attribute("w:author") = author.c_str();
        change.append_attribute("w:date") = date.c_str();
        pugi::xml_node recorded = change.append_child("w:pPr");
        for (auto c : from_copy.children())
            if (std::string(c.name()) != "w:rPr" && std::string(c.name()) != "w:pPrChange") recorded.append_copy(c);
    };
    const std::size_t pairs = std::min(was.size(), now.size());
    const std::size_t old_extra = was.size() - pairs, new_extra = now.size() - pairs;
    // The first pair's properties in each version, before any is changed.
    pugi::xml_document store;
    const pugi::xml_node first_old = store.append_copy(was[old_extra].child("w:pPr")),
                         first_new = store.append_copy(now[new_extra].child("w:pPr"));
    std::vector<pugi::xml_node> order;
    for (std::size_t k = 0; k < old_extra; ++k) {
        set_properties(was[k], first_new, was[k].child("w:pPr"));  // OLD's own back on Reject All
        order.push_back(was[k]);
    }
    for (std::size_t k = 0; k < new_extra; ++k) {
        set_properties(now[k], now[k].child("w:pPr"), first_old);  // the first pair's OLD on Reject All
        order.push_back(now[k]);
    }
    for (std::size_t k = 0; k < pairs; ++k) {
        pugi::xml_node d = was[old_extra + k], p = now[new_extra + k];
        const pugi::xml_node words = p.child("w:pPr").next_sibling();
        for (pugi::xml_node c = d.child("w:pPr").next_sibling(); c;) {
            const pugi::xml_node next = c.next_sibling();
            words ? p.insert_move_before(c, words) : p.append_move(c);
            c = next;
        }
        pugi::xml_node rpr = p.child("w:pPr").child("w:rPr");
        rpr.remove_child("w:ins");
        if (!rpr.first_child()) p.child("w:pPr").remove_child(rpr);
        set_properties(p, p.child("w:pPr"), d.child("w:pPr"));
        body.remove_child(d);
        order.push_back(p);
    }
    for (const pugi::xml_node p : order) after = body.insert_move_after(p, after);
    ps.resize(first);
    ps.insert(ps.end(), order.begin(), order.end());
    return first;
}

}  // namespace

// Paragraphs that one version has and the other has not (D1..Dk, between P and N) are
// tracked with their own paragraph marks, so the version that drops them joins Dk's mark
// to N, and N keeps its properties as Word keeps them. LibreOffice instead gives N the
// properties of D1: a deleted last bullet turns the clause after it into a bullet. So the
// run is cut after the Dj (0 <= j <= k) where P is like Dj and D(j+1) like N: D1..Dj are
// tracked one mark earlier (P's mark and their words; Dj's mark stays, so P's text ends
// under a mark like its own), D(j+1)..Dk as before; both applications then give the same
// paragraphs the same properties. j = 0 (as before) when no such cut exists.
// Also cut (at j = k) when P's words end in a change of the run's kind; see below.
// A move's two ends are such runs too (a deletion and an insertion to Accept / Reject All).
bool cut_removed_runs(pugi::xml_node body, const std::string& later_date, bool whole, int largest_id_outside) {
    std::vector<pugi::xml_node> ps;
    for (auto n : body.children("w:p")) {
        // Moved words that hold a link are split by it into several marks; LibreOffice (7.4)
        // then leaves such a paragraph's move mark behind on Accept All / Reject All (an
        // empty paragraph where the clause was, or was moved to). Its mark is a plain
        // deletion or insertion, tracked as such below.
        const std::string mark = paragraph_mark(n);
        if (mark != kind_of(mark))
            for (auto link : n.children("w:hyperlink"))
                if (link.child(mark.c_str())) {
                    n.child("w:pPr").child("w:rPr").child(mark.c_str()).set_name(kind_of(mark).c_str());
                    break;
                }
        ps.push_back(n);
    }
    if (ps.empty()) return true;
    if (const std::set<std::string> moves = moves_in_mixed_ending(ps); !moves.empty()) {
        if (!whole) return false;
        unmove(body, moves);
    }
    RevisionIds ids(body, largest_id_outside);
    std::size_t end = shift_mixed_ending(body, ps, ids);
    if (end == ps.size()) end = pair_mixed_ending(body, ps, ids);
    for (std::size_t i = 1; i < end; ++i) {
        const std::string mark = kind_of(paragraph_mark(ps[i]));
        if ((mark != "w:ins" && mark != "w:del") || !wholly(ps[i], mark)) continue;
        std::size_t k = i;
        while (k + 1 < end && previous_block(ps[k + 1]) == ps[k] && wholly(ps[k + 1], mark)) ++k;
        const pugi::xml_node before = previous_block(ps[i]), after = next_block(ps[k]);
        const std::size_t first = i;
        i = k;
        bool at_end = true;  // no paragraph or table follows (the body's sectPr may)
        for (pugi::xml_node n = after; n && at_end; n = n.next_sibling())
            at_end = std::string(n.name()) != "w:p" && std::string(n.name()) != "w:tbl";
        if (at_end && std::string(before.name()) == "w:tbl") {
            keep_last_mark(ids, ps[first], ps[k]);
            continue;
        }
        // Nor can a mark right before a table go: there is no paragraph to join (LibreOffice
        // left an empty one where a clause with its table had been deleted). Such a run is
        // tracked one mark earlier too, like one at the very end.
        const bool last_mark_stays = at_end || (after && std::string(after.name()) == "w:tbl");
        // A move's end inside the document stays as it is: LibreOffice keeps N's properties
        // where a moved-from mark goes (unlike a deleted one). Where the last mark cannot go,
        // such a run is tracked one mark earlier too.
        if (!last_mark_stays && paragraph_mark(ps[first]) == "w:moveFrom") continue;

        if (before != ps[first - 1] || !paragraph_mark(before).empty()) continue;
        // P's words ending in a change of the same kind: LibreOffice takes that change and
        // the run's for one (same author and date) and, dropping both, would drop P's mark
        // too, joining P to N. Tracked one mark earlier, the run and that change are one
        // change indeed, which leaves P's text under Dk's mark.
        pugi::xml_node ending = before.last_child();
        while (ending && std::string(ending.name()).rfind("w:bookmark", 0) == 0) ending = ending.previous_sibling();
        const bool joins_previous = kind_of(ending.name()) == mark;
        // (LibreOffice gives N the properties of the run's first paragraph when Accept All
        // drops deleted ones, of its last when Reject All drops inserted or moved-in ones)
        const pugi::xml_node gives = mark == "w:ins" ? ps[k] : ps[first];
        if (!joins_previous && !last_mark_stays && properties(gives) == properties(after)) continue;
        // A run at the end of the document: the last paragraph mark cannot go, so the run
        // is always tracked one mark earlier; where P and Dk differ, the paragraph that
        // keeps Dk's mark takes the properties of its version, the other's recorded as a
        // change (w:pPrChange), so Word gives P's text P's properties too.
        // Dj, the last paragraph tracked one mark earlier: the first where P is like Dj and
        // D(j+1) like N, so both keep their look. Else Dk (always where the last mark cannot go
        // or P's words end in the run's kind): with no such cut LibreOffice would give N D1's
        // properties (a sub-heading moved away with its clauses, from just before a section's
        // heading, made that heading a sub-heading on Accept All), so Dk's properties are P's
        // and its own are recorded as a change.
        std::size_t cut_after = k;
        if (!joins_previous && !last_mark_stays)
            for (std::size_t j = first; j < k; ++j)
                if (properties(before) == properties(ps[j]) && properties(ps[j + 1]) == properties(after)) {
                    cut_after = j;
                    break;
                }
        const pugi::xml_node moved = shift_mark(ps[cut_after], before);
        if (properties(before) != properties(ps[cut_after]))
            record_properties(ids, before, ps[cut_after], moved, mark == "w:del");
        // What follows a tracked ending it could not share a mark with (P's own change, or
        // D1..Dj's words) is dated later, so no application takes the two changes for one
        // and joins their paragraphs.
        if (!later_date.empty())
            for (std::size_t j = cut_after + 1; j <= k; ++j)
                for (const pugi::xpath_node& n : ps[j].select_nodes(".//@w:date"))
                    n.attribute().set_value(later_date.c_str());
    }
    return true;
}

int write_body(const model::Protocol& protocol, XmlOut& out, const BodyOptions& options, const Bookmarks& bookmarks,
               Hyperlinks& hyperlinks, ListNumbering& lists) {
    BodyWriter writer(protocol, out, options, bookmarks, hyperlinks, lists);
    writer.write();
    return writer.largest_id();
}

}  // namespace protopub::docx::detail
