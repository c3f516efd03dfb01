#include "docx/body.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "model/facts.hpp"
#include "model/text.hpp"

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

constexpr int list_step = 567;           // one nesting level of a list: 1 cm
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
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 || c == '\t') out += c;
        else if (c == '\n' || c == '\r') out += ' ';
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
        return bold == o.bold && italic == o.italic && strike == o.strike && code == o.code &&
               mark == o.mark && anchor == o.anchor && rel_id == o.rel_id;
    }
};
using Runs = std::vector<Run>;

// Word bookmark names: a letter first, then letters, digits and '_', at most 40 long.
class BookmarkNames {
public:
    void add(const std::string& id) {
        if (id.empty() || by_id_.count(id)) return;
        std::string name;
        for (char c : id) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
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
    std::string find(const std::string& id) const {
        auto it = by_id_.find(id);
        return it == by_id_.end() ? std::string() : it->second;
    }

private:
    std::map<std::string, std::string> by_id_;
    std::set<std::string> used_;
    std::map<std::string, int> next_suffix_;
};

void collect_item_ids(const std::vector<Block>& blocks, BookmarkNames& names) {
    for (const auto& b : blocks) {
        for (const auto& item : b.items) {
            names.add(item.id);
            collect_item_ids(item.blocks, names);
        }
        collect_item_ids(b.children, names);
    }
}

BookmarkNames collect_bookmarks(const model::Protocol& p) {
    BookmarkNames names;
    for (const auto& s : p.sections) {
        names.add(s.id);
        collect_item_ids(s.intro, names);
        for (const auto& c : s.clauses) {
            names.add(c.id);
            collect_item_ids(c.blocks, names);
        }
    }
    return names;
}

// The first label's value, so a list that starts at (c) or iv. starts there in Word.
int first_label_value(const Block& list) {
    if (list.items.empty()) return 1;
    std::string label;
    for (char c : list.items.front().label)
        if (std::isalnum(static_cast<unsigned char>(c))) label += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (label.empty()) return 1;
    switch (list.list_style) {
        case ListStyle::ordered: return std::max(1, std::atoi(label.c_str()));
        case ListStyle::alpha_paren:
        case ListStyle::alpha_close:
        case ListStyle::alpha_dot: return label.size() == 1 ? label[0] - 'a' + 1 : 1;
        case ListStyle::roman_paren:
        case ListStyle::roman_close:
        case ListStyle::roman_dot: {
            static const std::vector<std::string> romans = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"};
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
    int num_id = 0;          // 0: not a list item
    int level = 0;
    int indent = -1;         // left indent in twips; -1: the style's
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
    int old_level = level;   // in OLD, when a sub-heading only one version has is above it
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
    BodyWriter(const model::Protocol& protocol, pugi::xml_node body, const BodyOptions& options,
               Hyperlinks& hyperlinks, ListNumbering& lists)
        : protocol_(protocol), body_(body), options_(options), hyperlinks_(hyperlinks), lists_(lists),
          bookmarks_(collect_bookmarks(protocol)) {
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
            if (s.kind == model::SectionKind::preamble && (i == 0 || protocol_.sections[i - 1].kind != model::SectionKind::preamble))
                write_text(paragraph(body_, {"Subtitle"}), model::covering_report_label(protocol_));
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

    void set_revision(pugi::xml_node n) {
        n.append_attribute("w:id") = new_id();
        n.append_attribute("w:author") = options_.author.c_str();
        n.append_attribute("w:date") = options_.date.c_str();
    }

    // `old_style`: the style OLD gives the paragraph, when it differs (w:pPrChange).
    pugi::xml_node paragraph(pugi::xml_node parent, const ParaProps& props, const std::string& old_style = {}) {
        auto p = parent.append_child("w:p");
        auto ppr = p.append_child("w:pPr");
        if (!props.style.empty()) ppr.append_child("w:pStyle").append_attribute("w:val") = props.style.c_str();
        if (props.keep_next) ppr.append_child("w:keepNext");
        if (props.num_id) {
            auto num = ppr.append_child("w:numPr");
            num.append_child("w:ilvl").append_attribute("w:val") = props.level;
            num.append_child("w:numId").append_attribute("w:val") = props.num_id;
        }
        if (props.indent >= 0) ppr.append_child("w:ind").append_attribute("w:left") = props.indent;
        if (props.align) ppr.append_child("w:jc").append_attribute("w:val") = props.align;
        if (props.mark != Mark::none) set_revision(ppr.append_child("w:rPr").append_child(mark_element(props.mark)));
        if (!old_style.empty()) {
            auto change = ppr.append_child("w:pPrChange");
            set_revision(change);
            change.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = old_style.c_str();
        }
        return p;
    }

    void bookmark(pugi::xml_node p, const std::string& id) {
        const std::string name = bookmarks_.find(id);
        if (name.empty()) return;
        const int bid = new_id();
        auto start = p.insert_child_after("w:bookmarkStart", p.child("w:pPr"));
        start.append_attribute("w:id") = bid;
        start.append_attribute("w:name") = name.c_str();
        // A paragraph that opens with tracked text (a renumbered clause's old number) is
        // spanned: LibreOffice drops a point bookmark that stands on text Accept All or
        // Reject All removes, and every link and contents line to it would then break.
        const std::string first = start.next_sibling().name();
        const bool opens_tracked = first == "w:del" || first == "w:ins" || first == "w:moveFrom" || first == "w:moveTo";
        (opens_tracked ? p.append_child("w:bookmarkEnd") : p.insert_child_after("w:bookmarkEnd", start)).append_attribute("w:id") = bid;
    }

    // ------------------------------------------------------------ inline content

    void push_text(Runs& runs, const Run& look, std::string text) {
        if (text.empty()) return;
        if (!runs.empty() && runs.back().kind == Run::Kind::text && runs.back().same_look(look)) {
            runs.back().text += text;
            return;
        }
        Run r = look;
        r.kind = Run::Kind::text;
        r.text = std::move(text);
        runs.push_back(std::move(r));
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
        if (to.kind == model::LinkTarget::Kind::clause) look.anchor = bookmarks_.find(to.target);
        else if (to.kind == model::LinkTarget::Kind::web) look.rel_id = hyperlinks_.id_for(to.target);
    }

    void flatten(const Inlines& inlines, const Run& look, Runs& runs) {
        for (const auto& in : inlines) {
            Run inner = look;
            switch (in.kind) {
                case InlineKind::text: push_text(runs, look, xml_text(in.text)); break;
                case InlineKind::code:
                    inner.code = true;
                    push_text(runs, inner, xml_text(in.text));
                    break;
                case InlineKind::soft_break: push_text(runs, look, " "); break;
                case InlineKind::line_break: push_special(runs, look, Run::Kind::line_break); break;
                case InlineKind::emphasis: inner.italic = true; flatten(in.children, inner, runs); break;
                case InlineKind::strong: inner.bold = true; flatten(in.children, inner, runs); break;
                case InlineKind::strike: inner.strike = true; flatten(in.children, inner, runs); break;
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
                    if (in.children.empty()) push_text(runs, inner, xml_text(in.target));
                    else flatten(in.children, inner, runs);
                    break;
                case InlineKind::reference:
                    if (look.anchor.empty() && look.rel_id.empty()) link_reference(in, inner);
                    flatten(in.children, inner, runs);
                    break;
            }
        }
    }

    void write_run(pugi::xml_node parent, const Run& run) {
        auto r = parent.append_child("w:r");
        const bool linked = !run.anchor.empty() || !run.rel_id.empty();
        if (linked || run.code || run.bold || run.italic || run.strike) {
            auto rpr = r.append_child("w:rPr");
            if (linked || run.code) rpr.append_child("w:rStyle").append_attribute("w:val") = linked ? "Hyperlink" : "VerbatimChar";
            if (run.bold) rpr.append_child("w:b");
            if (run.italic) rpr.append_child("w:i");
            if (run.strike) rpr.append_child("w:strike");
        }
        switch (run.kind) {
            case Run::Kind::tab: r.append_child("w:tab"); break;
            case Run::Kind::line_break: r.append_child("w:br"); break;
            case Run::Kind::text: {
                // Deleted text is w:delText; moved-from text stays w:t, as Word writes it.
                auto t = r.append_child(run.mark == Mark::deleted ? "w:delText" : "w:t");
                if (run.text.front() == ' ' || run.text.back() == ' ' || run.text.find("  ") != std::string::npos)
                    t.append_attribute("xml:space") = "preserve";
                t.text().set(run.text.c_str());
                break;
            }
        }
    }

    // Runs grouped into hyperlinks (outside) and change marks (inside), as the schema
    // allows <w:hyperlink><w:ins> but not the other way round.
    void write_runs(pugi::xml_node p, const Runs& runs) {
        pugi::xml_node link_parent = p, mark_parent = p;
        const Run* previous = nullptr;
        for (const auto& run : runs) {
            const bool new_link = !previous || run.anchor != previous->anchor || run.rel_id != previous->rel_id;
            if (new_link) {
                link_parent = p;
                if (!run.anchor.empty() || !run.rel_id.empty()) {
                    link_parent = p.append_child("w:hyperlink");
                    if (!run.anchor.empty()) link_parent.append_attribute("w:anchor") = run.anchor.c_str();
                    else link_parent.append_attribute("r:id") = run.rel_id.c_str();
                    link_parent.append_attribute("w:history") = "1";
                }
            }
            if (new_link || run.mark != previous->mark) {
                mark_parent = link_parent;
                if (run.mark != Mark::none) {
                    mark_parent = link_parent.append_child(mark_element(run.mark));
                    set_revision(mark_parent);
                }
            }
            write_run(mark_parent, run);
            previous = &run;
        }
    }

    void write_inlines(pugi::xml_node p, const Inlines& inlines, Mark mark, Runs runs = {}) {
        Run look;
        look.mark = mark;
        flatten(inlines, look, runs);
        write_runs(p, runs);
    }

    void write_text(pugi::xml_node p, const std::string& text) {
        Runs runs;
        push_text(runs, Run{}, xml_text(text));
        write_runs(p, runs);
    }

    // ------------------------------------------------------------ title and contents

    // The title, the council, then the facts every format's title page states.
    void write_title() {
        write_text(paragraph(body_, {"Title"}), protocol_.meta.title);
        if (!protocol_.meta.council.empty()) write_text(paragraph(body_, {"Subtitle"}), protocol_.meta.council);
        for (const auto& [label, value] : model::title_facts(protocol_.meta)) {
            Runs runs;
            Run bold;
            bold.bold = true;
            push_text(runs, bold, xml_text(label + ": "));
            push_text(runs, Run{}, xml_text(value));
            write_runs(paragraph(body_, {}), runs);
        }
    }

    std::vector<TocEntry> contents_entries() const {
        std::vector<TocEntry> entries;
        for (std::size_t i = 0; i < protocol_.sections.size(); ++i) {
            const Section& s = protocol_.sections[i];
            if (s.id == "_glossary") continue;   // the defined terms, drawn after the contents lists
            if (model::begins_after_covering_report(protocol_, i))
                entries.push_back({heading_level(s), &s.number, &s.change, &title_inlines_, bookmarks_.find(s.id)});
            else if (!s.heading.empty() || !s.number.empty())   // an untitled section has no entry
                entries.push_back({heading_level(s), &s.number, &s.change, &s.heading, bookmarks_.find(s.id)});
            const Levels l = levels(s);
            for (const auto& c : s.clauses)
                if (!c.heading.empty() && heading_level(s) < 3)
                    entries.push_back({l.new_level + 1, &c.number, &c.change, &c.heading, bookmarks_.find(c.id), l.old_level + 1});
        }
        return entries;
    }

    void field_char(pugi::xml_node p, const char* type) {
        p.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = type;
    }

    // The page a contents line leads to: a tab to the dotted right tab stop of the TOC
    // styles, then a PAGEREF field to the heading's bookmark, left without a stale result.
    // LibreOffice computes it as it lays the document out; Word when it updates fields on
    // opening (settings.xml: updateFields).
    // The field carries the line's mark, so the line that only one version has takes its
    // page number with it (an unmarked field left behind reads "Error: Reference source
    // not found" at the start of the next line once LibreOffice drops the line around it).
    void page_number(pugi::xml_node p, const std::string& anchor, Mark mark) {
        pugi::xml_node parent = p;
        if (mark != Mark::none) {
            parent = p.append_child(mark_element(mark));
            set_revision(parent);
        }
        field_char(parent, "begin");
        auto instr = parent.append_child("w:r").append_child(removes_text(mark) ? "w:delInstrText" : "w:instrText");
        instr.append_attribute("xml:space") = "preserve";
        instr.text().set((" PAGEREF " + anchor + " \\h ").c_str());
        field_char(parent, "separate");
        field_char(parent, "end");
    }

    // The contents: one linked line per heading in the TOC styles, each with its page
    // number field. Not wrapped in a TOC field: LibreOffice shows a TOC field's stored
    // result as it stands, so the page numbers would never appear there.
    void write_contents() {
        auto entries = contents_entries();
        if (entries.empty()) return;
        write_text(paragraph(body_, {"TOCHeading"}), "Contents");
        for (const auto& e : entries) {
            // Moves have no meaning in a contents line: the old end is deleted, the new inserted.
            const Mark moved = change_mark(*e.change);
            const Mark mark = removes_text(moved) ? Mark::deleted : moved == Mark::none ? Mark::none : Mark::inserted;
            const auto [style, old_style] = styles("TOC", {e.old_level, e.level}, mark, 3);
            auto p = paragraph(body_, {style, mark}, old_style);
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
            write_runs(p, runs);
            if (!e.anchor.empty()) page_number(p, e.anchor, mark);
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
                write_inlines(paragraph(body_, {ctx.text_style, mark}), b.inlines, mark);
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
        const int num_id = lists_.start_list(list.list_style, ctx.indent, level, first_label_value(list));
        const int item_indent = ctx.indent + list_step * (level + 1);
        for (const auto& item : list.items) {
            const bool starts_with_text = !item.blocks.empty() && item.blocks.front().kind == BlockKind::paragraph;
            const Mark item_mark = unit_mark(item.change, ctx.mark);
            const Mark mark = starts_with_text ? whole_mark(item.blocks.front().inlines, item_mark) : item_mark;
            auto p = paragraph(body_, {"ListParagraph", mark, num_id, level});
            bookmark(p, item.id);
            if (starts_with_text) write_inlines(p, item.blocks.front().inlines, mark);
            for (std::size_t i = starts_with_text ? 1 : 0; i < item.blocks.size(); ++i) {
                const auto& b = item.blocks[i];
                if (b.kind == BlockKind::list) {
                    write_list(b, {ctx.text_style, ctx.indent, item_mark}, level + 1);
                } else {
                    BlockContext inner{"ListParagraph", item_indent, item_mark};
                    if (b.kind == BlockKind::paragraph) {
                        const Mark inner_mark = whole_mark(b.inlines, unit_mark(b.change, item_mark));
                        write_inlines(paragraph(body_, {"ListParagraph", inner_mark, 0, 0, item_indent}), b.inlines, inner_mark);
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
        auto tbl = body_.append_child("w:tbl");
        auto props = tbl.append_child("w:tblPr");
        props.append_child("w:tblStyle").append_attribute("w:val") = "TableGrid";
        auto tw = props.append_child("w:tblW");
        tw.append_attribute("w:w") = width;
        tw.append_attribute("w:type") = "dxa";
        auto ind = props.append_child("w:tblInd");
        ind.append_attribute("w:w") = ctx.indent;
        ind.append_attribute("w:type") = "dxa";
        auto grid = tbl.append_child("w:tblGrid");
        for (std::size_t c = 0; c < columns; ++c) grid.append_child("w:gridCol").append_attribute("w:w") = column_width;
        // A row only one version has is as wide as that version's table (a redline of a
        // table whose columns changed holds OLD's rows deleted and NEW's inserted).
        std::size_t old_columns = 0, new_columns = table.align.size();
        for (const auto& row : table.rows) {
            const Mark mark = row_mark(row, ctx.mark);
            if (!(mark == Mark::inserted || mark == Mark::moved_to)) old_columns = std::max(old_columns, row.cells.size());
            if (!removes_text(mark)) new_columns = std::max(new_columns, row.cells.size());
        }
        for (const auto& row : table.rows) {
            const Mark mark = row_mark(row, ctx.mark);
            // Rows have no move marks: a moved row is deleted at one end, inserted at the other.
            const Mark tracked_row = removes_text(mark) ? Mark::deleted : mark == Mark::none ? Mark::none : Mark::inserted;
            const std::size_t row_columns = tracked_row == Mark::deleted    ? std::max<std::size_t>(old_columns, 1)
                                            : tracked_row == Mark::inserted ? std::max<std::size_t>(new_columns, 1)
                                                                            : columns;
            const int row_width = width / static_cast<int>(row_columns);
            auto tr = tbl.append_child("w:tr");
            if (row.header || tracked_row != Mark::none) {
                auto trpr = tr.append_child("w:trPr");
                if (row.header) trpr.append_child("w:tblHeader");
                if (tracked_row != Mark::none) set_revision(trpr.append_child(mark_element(tracked_row)));
            }
            for (std::size_t c = 0; c < row_columns; ++c) {
                auto tc = tr.append_child("w:tc");
                auto tcw = tc.append_child("w:tcPr").append_child("w:tcW");
                tcw.append_attribute("w:w") = row_width;
                tcw.append_attribute("w:type") = "dxa";
                ParaProps props_p{"TableText", mark};
                if (c < table.align.size()) props_p.align = alignment(table.align[c]);
                auto p = paragraph(tc, props_p);
                if (c >= row.cells.size()) continue;
                Run look;
                look.mark = mark;
                look.bold = row.header;
                Runs runs;
                flatten(row.cells[c].inlines, look, runs);
                write_runs(p, runs);
            }
        }
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

    void move_range(const char* element, Mark mark, const Clause& c) {
        if (mark != Mark::moved_from && mark != Mark::moved_to) return;
        const bool from = mark == Mark::moved_from;
        auto n = body_.append_child((std::string(from ? "w:moveFrom" : "w:moveTo") + element).c_str());
        if (std::string(element) == "RangeStart") {
            move_range_id_ = new_id();
            n.append_attribute("w:id") = move_range_id_;
            n.append_attribute("w:author") = options_.author.c_str();
            n.append_attribute("w:date") = options_.date.c_str();
            n.append_attribute("w:name") = c.change.move_id.c_str();
        } else {
            n.append_attribute("w:id") = move_range_id_;
        }
    }

    void write_clause(const Clause& c, Levels section) {
        const Mark mark = change_mark(c.change);
        const int depth = std::clamp(c.depth(), 1, max_clause_depth);
        const BlockContext text{"ClauseText" + std::to_string(depth), options_.geometry.clause_text_indent[static_cast<std::size_t>(depth - 1)], mark};
        move_range("RangeStart", mark, c);
        std::size_t first_block = 0;
        pugi::xml_node p;
        if (!c.heading.empty()) {
            const auto [style, old_style] = styles("Heading", {section.old_level + 1, section.new_level + 1}, mark, 4);
            p = paragraph(body_, {style, mark}, old_style);
            write_inlines(p, c.heading, mark, number_runs(c.number, c.change, mark));
        } else if (c.number.text.empty()) {
            p = paragraph(body_, {text.text_style, mark});
            if (!c.blocks.empty() && c.blocks.front().kind == BlockKind::paragraph) {
                write_inlines(p, c.blocks.front().inlines, mark);
                first_block = 1;
            }
        } else {
            p = paragraph(body_, {"ClauseLevel" + std::to_string(depth), mark});
            const bool opens_with_text = !c.blocks.empty() && c.blocks.front().kind == BlockKind::paragraph;
            write_inlines(p, opens_with_text ? c.blocks.front().inlines : Inlines{}, mark, number_runs(c.number, c.change, mark));
            first_block = opens_with_text ? 1 : 0;
        }
        bookmark(p, c.id);
        write_blocks(c.blocks, text, first_block);
        move_range("RangeEnd", mark, c);
    }

    // `titled`: the document begins here, untitled, after its covering report, so its
    // heading is the document's title. An untitled section otherwise has no heading
    // paragraph (an empty Heading 1 is noise in the navigation pane); its bookmark stays.
    void write_section(const Section& s, bool titled) {
        const int level = heading_level(s);
        const Mark mark = change_mark(s.change);   // a section inserted or deleted whole
        const bool untitled = s.heading.empty() && s.number.empty() && !titled;
        auto h = paragraph(body_, {untitled ? std::string("Normal") : "Heading" + std::to_string(level), mark});
        write_inlines(h, titled ? title_inlines_ : s.heading, mark, number_runs(s.number, s.change, mark));
        bookmark(h, s.id);
        write_blocks(s.intro, {"Normal", 0, mark});
        for (const auto& c : s.clauses) write_clause(c, levels(s));
    }

    const model::Protocol& protocol_;
    pugi::xml_node body_;
    const BodyOptions& options_;
    Hyperlinks& hyperlinks_;
    ListNumbering& lists_;
    BookmarkNames bookmarks_;
    const Inlines title_inlines_ = {model::Inline{model::InlineKind::text, protocol_.meta.title, {}, {}, -1, {}}};
    int base_level_ = 2;
    int next_id_ = 1;
    int move_range_id_ = 0;
    std::vector<Levels> levels_;   // of each section of protocol_
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
        auto abs = after ? numbering.insert_child_after("w:abstractNum", after) : numbering.prepend_child("w:abstractNum");
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
        if (auto left = style.child("w:pPr").child("w:ind").attribute("w:left")) g.clause_text_indent[depth - 1] = left.as_int();
    }
    const int page = section_properties.child("w:pgSz").attribute("w:w").as_int();
    auto margins = section_properties.child("w:pgMar");
    const int width = page - margins.attribute("w:left").as_int() - margins.attribute("w:right").as_int();
    if (page > 0 && width > 0) g.text_width = width;
    return g;
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

// True if the paragraph, mark and words, is wholly inside `mark` (bookmarks aside).
bool wholly(pugi::xml_node p, const std::string& mark) {
    if (paragraph_mark(p) != mark) return false;
    for (auto c : p.children()) {
        const std::string name = c.name();
        if (name != "w:pPr" && name != mark && name.rfind("w:bookmark", 0) != 0) return false;
    }
    return true;
}

// A paragraph's properties (its pPr less the mark's run properties), to compare two.
std::string properties(pugi::xml_node p) {
    if (std::string(p.name()) != "w:p") return "(not a paragraph)";
    std::ostringstream out;
    for (auto c : p.child("w:pPr").children())
        if (std::string(c.name()) != "w:rPr" && std::string(c.name()) != "w:pPrChange") c.print(out, "", pugi::format_raw);
    return out.str();
}

}  // namespace

// `last` keeps the mark of a run tracked from `previous`'s mark: under it stands the text of
// `previous` in the version without the run. Its properties become those of the version
// the redline shows it in (its own; P's when `deleted`, as Accept All leaves it), and the
// other version's are recorded as a change (w:pPrChange) of the same author and date.
void record_properties(pugi::xml_node body, pugi::xml_node previous, pugi::xml_node last, pugi::xml_node mark, bool deleted) {
    int id = 0;
    for (const pugi::xpath_node& n : body.select_nodes(".//@w:id")) id = std::max(id, n.attribute().as_int());
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
    change.append_attribute("w:id") = id + 1;
    change.append_attribute("w:author") = mark.attribute("w:author").value();
    change.append_attribute("w:date") = mark.attribute("w:date").value();
    change.append_copy(recorded);
}

// Paragraphs that one version has and the other has not (D1..Dk, between P and N) are
// tracked with their own paragraph marks, so the version that drops them joins Dk's mark
// to N, and N keeps its properties as Word keeps them. LibreOffice instead gives N the
// properties of D1: a deleted last bullet turns the clause after it into a bullet. So the
// run is cut after the Dj (0 <= j <= k) where P is like Dj and D(j+1) like N: D1..Dj are
// tracked one mark earlier (P's mark and their words; Dj's mark stays, so P's text ends
// under a mark like its own), D(j+1)..Dk as before; both applications then give the same
// paragraphs the same properties. j = 0 (as before) when no such cut exists.
// Also cut (at j = k) when P's words end in a change of the run's kind; see below.
void cut_removed_runs(pugi::xml_node body) {
    std::vector<pugi::xml_node> ps;
    for (auto n : body.children("w:p")) ps.push_back(n);
    for (std::size_t i = 1; i < ps.size(); ++i) {
        const std::string mark = paragraph_mark(ps[i]);
        if ((mark != "w:ins" && mark != "w:del") || !wholly(ps[i], mark)) continue;
        std::size_t k = i;
        while (k + 1 < ps.size() && ps[k + 1].previous_sibling() == ps[k] && wholly(ps[k + 1], mark)) ++k;
        const pugi::xml_node before = ps[i].previous_sibling(), after = ps[k].next_sibling();
        const std::size_t first = i;
        i = k;
        if (before != ps[first - 1] || !paragraph_mark(before).empty()) continue;
        // P's words ending in a change of the same kind: LibreOffice takes that change and
        // the run's for one (same author and date) and, dropping both, would drop P's mark
        // too, joining P to N. Tracked one mark earlier, the run and that change are one
        // change indeed, which leaves P's text under Dk's mark.
        pugi::xml_node ending = before.last_child();
        while (ending && std::string(ending.name()).rfind("w:bookmark", 0) == 0) ending = ending.previous_sibling();
        const bool joins_previous = std::string(ending.name()) == mark;
        if (!joins_previous && properties(ps[first]) == properties(after)) continue;
        // A run at the end of the document: the last paragraph mark cannot go, so the run
        // is always tracked one mark earlier; where P and Dk differ, the paragraph that
        // keeps Dk's mark takes the properties of its version, the other's recorded as a
        // change (w:pPrChange), so Word gives P's text P's properties too.
        const bool at_end = !after;
        for (std::size_t j = joins_previous || at_end ? k : first; j <= k; ++j) {
            const bool alike = properties(before) == properties(ps[j]);
            if ((!alike && !at_end) || (j < k && properties(ps[j + 1]) != properties(after))) continue;
            auto rpr = before.child("w:pPr").child("w:rPr");
            if (!rpr) rpr = before.child("w:pPr").append_child("w:rPr");
            auto cut = ps[j].child("w:pPr").child("w:rPr");
            const pugi::xml_node moved = rpr.append_copy(cut.child(mark.c_str()));
            cut.remove_child(mark.c_str());
            if (!cut.first_child()) ps[j].child("w:pPr").remove_child(cut);
            if (!alike) record_properties(body, before, ps[j], moved, mark == "w:del");
            break;
        }
    }
}

void write_body(const model::Protocol& protocol, pugi::xml_node body, const BodyOptions& options,
                Hyperlinks& hyperlinks, ListNumbering& lists) {
    BodyWriter(protocol, body, options, hyperlinks, lists).write();
    cut_removed_runs(body);
}

}  // namespace protopub::docx::detail
