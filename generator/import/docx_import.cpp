// Word .docx -> paragraphs. Word keeps what the reader sees in several parts: the words
// in word/document.xml, heading levels in word/styles.xml, and the numbers Word draws in
// front of numbered paragraphs nowhere at all: they are computed here from
// word/numbering.xml, as Word does, so "1.1" and "(a)" come out as displayed.
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "import/import.hpp"
#include "import/paragraphs.hpp"
#include "model/text.hpp"
#include "package/zip_reader.hpp"

namespace protopub::import {

using namespace protopub::model;
using detail::clean_line;
using detail::drop_prefix;
using detail::link_addresses;
using detail::lower;
using detail::Paragraph;

namespace {

// The bytes of a list letter typed at the start of `text` ("a) ", "(iv) ", or "a)" glued to
// its words, as read_marker reads a label), or 0.
std::size_t typed_label_length(std::string_view text) {
    const std::size_t close = text.find(')');
    const std::string_view label = close < 6 ? text.substr(0, close + 1) : text.substr(0, text.find(' '));
    const detail::Marker m = detail::read_marker(std::string(label) + " x");
    return m.kind == detail::MarkerKind::label && m.length == label.size() + 1 ? label.size() : 0;
}

// A run holding only a space (<w:t xml:space="preserve"> </w:t>, as Word and pandoc write
// the space between differently formatted words) is text Word shows: pugixml drops
// whitespace-only text unless told to keep it.
constexpr unsigned word_parse_options = pugi::parse_default | pugi::parse_ws_pcdata_single;

bool on(const pugi::xml_node& toggle) {
    if (!toggle) return false;
    std::string v = toggle.attribute("w:val").value();
    return v.empty() || (v != "0" && v != "false" && v != "off");
}

// ------------------------------------------------------------------ numbering

struct Level {
    std::string format = "decimal";  // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
    std::string text = "%1.";        // "%1.%2", "(%3)"
    int start = 1;
    bool legal = false;  // w:isLgl: every level shown as a decimal
};

struct NumberingInstance {
    std::string abstract_id;
    std::map<int, int> start_override;
    std::map<int, Level> level_override;  // w:lvlOverride/w:lvl: a level drawn differently in this instance
};

// A list counts on from its w:start as written (even two billion), but a hostile
// 2147483647 must not overflow: the counter stops at the largest int.
constexpr int kMaxCounter = std::numeric_limits<int>::max();
int list_start(const pugi::xml_node& n) { return n.attribute("w:val").as_int(1); }

// A list number ("24.5.3(a)(iv)") is short; "%2%2%2..." in w:lvlText is not, and 800 such
// paragraphs took 798 MB. Each label is cut at this length, and all labels together count
// against the limit on the inflated package (package::ZipLimits).
constexpr std::size_t kMaxLabelBytes = 256;

Level read_level(const pugi::xml_node& l) {
    Level level;
    if (auto f = l.child("w:numFmt")) level.format = f.attribute("w:val").value();
    if (auto t = l.child("w:lvlText")) level.text = t.attribute("w:val").value();
    if (auto s = l.child("w:start")) level.start = list_start(s);
    level.legal = on(l.child("w:isLgl"));
    return level;
}

// The numbers Word displays: one counter per level of every list (w:abstractNum), so
// list instances (w:num) of the same list number on from each other, unless an instance
// restarts a level (w:startOverride); using a level restarts the levels below it.
class Numbering {
public:
    explicit Numbering(const pugi::xml_document& doc) {
        pugi::xml_node root = doc.child("w:numbering");
        std::map<std::string, std::string> styled;  // list style name -> the list that defines it
        for (auto a : root.children("w:abstractNum")) {
            const std::string id = a.attribute("w:abstractNumId").value();
            if (auto link = a.child("w:styleLink")) styled[link.attribute("w:val").value()] = id;
            if (auto link = a.child("w:numStyleLink")) uses_style_[id] = link.attribute("w:val").value();
            std::map<int, Level>& levels = abstracts_[id];
            for (auto l : a.children("w:lvl")) levels[l.attribute("w:ilvl").as_int()] = read_level(l);
        }
        // a list that only points at a list style ("Protocol List") is the list defining it
        for (auto& [id, style] : uses_style_)
            if (auto it = styled.find(style); it != styled.end())
                style = it->second;
            else
                style = id;
        for (auto n : root.children("w:num")) {
            NumberingInstance inst;
            inst.abstract_id = n.child("w:abstractNumId").attribute("w:val").value();
            if (auto it = uses_style_.find(inst.abstract_id); it != uses_style_.end()) inst.abstract_id = it->second;
            for (auto o : n.children("w:lvlOverride")) {
                const int ilvl = o.attribute("w:ilvl").as_int();
                if (auto s = o.child("w:startOverride")) inst.start_override[ilvl] = list_start(s);
                if (auto l = o.child("w:lvl")) inst.level_override[ilvl] = read_level(l);
            }
            instances_[n.attribute("w:numId").value()] = inst;
        }
    }

    // The label for the next paragraph of list `num_id` at level `ilvl`; `bullet` is
    // set for bullet levels. "" when the list is unknown or switched off (numId 0).
    std::string next(const std::string& num_id, int ilvl, bool& bullet) {
        bullet = false;
        auto inst = instances_.find(num_id);
        if (inst == instances_.end()) return "";
        auto abs = abstracts_.find(inst->second.abstract_id);
        if (abs == abstracts_.end()) return "";
        // the instance's own drawing of a level, else the list's
        auto level_at = [&](int l) -> const Level* {
            if (auto o = inst->second.level_override.find(l); o != inst->second.level_override.end()) return &o->second;
            auto lv = abs->second.find(l);
            return lv == abs->second.end() ? nullptr : &lv->second;
        };
        const Level* level = level_at(ilvl);
        if (!level) return "";
        if (level->format == "bullet") {
            bullet = true;
            return "";
        }
        std::map<int, int>& counters = counters_[inst->second.abstract_id];
        auto start_of = [&](int l) {
            auto o = inst->second.start_override.find(l);
            if (o != inst->second.start_override.end()) return o->second;
            const Level* lv = level_at(l);
            return lv ? lv->start : 1;
        };
        auto c = counters.find(ilvl);
        const bool restart = inst->second.start_override.count(ilvl) && restarted_.insert({num_id, ilvl}).second;
        if (c == counters.end() || restart)
            counters[ilvl] = start_of(ilvl);
        else if (c->second < kMaxCounter)
            ++c->second;
        for (auto it = counters.begin(); it != counters.end();)
            it = it->first > ilvl ? counters.erase(it) : std::next(it);

        std::string out;
        const std::string& pattern = level->text;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            if (out.size() > kMaxLabelBytes) {
                cut_ = true;
                out.resize(kMaxLabelBytes);
                break;
            }
            if (pattern[i] == '%' && i + 1 < pattern.size() &&
                std::isdigit(static_cast<unsigned char>(pattern[i + 1]))) {
                const int l = pattern[i + 1] - '1';
                const Level* lv = level_at(l);
                const int value = counters.count(l) ? counters[l] : start_of(l);
                const std::string format = level->legal || !lv ? "decimal" : lv->format;
                out += detail::format_counter(value, format);
                ++i;
            } else {
                out += pattern[i];
            }
        }
        if (out.size() > kMaxLabelBytes) cut_ = true, out.resize(kMaxLabelBytes);
        label_bytes_ += out.size();
        return out;
    }
    // Bytes of every label made so far; whether one was cut at kMaxLabelBytes.
    std::uint64_t label_bytes() const { return label_bytes_; }
    bool cut() const { return cut_; }

private:
    std::uint64_t label_bytes_ = 0;
    bool cut_ = false;
    std::map<std::string, std::map<int, Level>> abstracts_;
    std::map<std::string, NumberingInstance> instances_;
    std::map<std::string, std::string> uses_style_;       // w:numStyleLink: list -> the list it stands for
    std::map<std::string, std::map<int, int>> counters_;  // per list (abstractNum id)
    std::set<std::pair<std::string, int>> restarted_;     // instance levels whose w:startOverride was applied
};

// ------------------------------------------------------------------ styles

struct Style {
    int heading_level = 0;  // 1 for "heading 1" / outline level 0
    bool title = false;     // Word's Title style
    bool contents = false;  // "toc 1", "TOC Heading" (Word), "Contents 1" (LibreOffice): a table of contents
    bool subtitle = false;
    std::string num_id;  // numbering carried by the style
    int ilvl = 0;
    std::string based_on;
};

std::map<std::string, Style> read_styles(const pugi::xml_document& doc) {
    std::map<std::string, Style> styles;
    for (auto s : doc.child("w:styles").children("w:style")) {
        Style st;
        const std::string name = lower(s.child("w:name").attribute("w:val").value());
        if (name.rfind("heading ", 0) == 0) st.heading_level = std::atoi(name.c_str() + 8);
        if (name == "title") st.heading_level = 1, st.title = true;
        st.contents = name.rfind("toc", 0) == 0 || name.rfind("contents ", 0) == 0;
        st.subtitle = name == "subtitle";
        if (auto o = s.child("w:pPr").child("w:outlineLvl")) {
            const int lvl = o.attribute("w:val").as_int(9);
            if (lvl < 9) st.heading_level = lvl + 1;
        }
        if (auto np = s.child("w:pPr").child("w:numPr")) {
            st.num_id = np.child("w:numId").attribute("w:val").value();
            st.ilvl = np.child("w:ilvl").attribute("w:val").as_int();
        }
        st.based_on = s.child("w:basedOn").attribute("w:val").value();
        styles[s.attribute("w:styleId").value()] = st;
    }
    // inherit what a style leaves unsaid from the style it is based on
    for (auto& [id, st] : styles) {
        std::string base = st.based_on;
        for (int depth = 0; depth < 10 && !base.empty() && styles.count(base); ++depth) {
            const Style& b = styles[base];
            if (st.heading_level == 0) st.heading_level = b.heading_level;
            if (st.num_id.empty()) st.num_id = b.num_id, st.ilvl = b.ilvl;
            base = b.based_on;
        }
    }
    return styles;
}

// ------------------------------------------------------------------ the document

// "¹²": a note's number as Word draws it, raised.
std::string superscript(int n) { return detail::superscript_digits(std::to_string(n)); }

class DocxReader {
public:
    DocxReader(const pugi::xml_document& styles, const pugi::xml_document& numbering, const pugi::xml_document& rels,
               const pugi::xml_document& footnotes, const pugi::xml_document& endnotes)
        : styles_(read_styles(styles)), numbering_(numbering) {
        for (auto r : rels.child("Relationships").children("Relationship"))
            links_[r.attribute("Id").value()] = r.attribute("Target").value();
        for (auto n : footnotes.child("w:footnotes").children("w:footnote"))
            footnotes_[n.attribute("w:id").value()] = n;
        for (auto n : endnotes.child("w:endnotes").children("w:endnote")) endnotes_[n.attribute("w:id").value()] = n;
    }

    void read_body(const pugi::xml_node& body, std::vector<Paragraph>& out, std::vector<Dropped>& dropped);
    bool saw_tracked_changes() const { return tracked_; }
    int numbers_typed_twice() const { return typed_twice_; }
    int notes_read() const { return notes_read_; }
    int boxes_read() const { return boxes_read_; }
    // List labels count against the package's inflated-size limit, from `budget` bytes on.
    void set_label_budget(std::uint64_t budget) { label_budget_ = budget; }
    bool over_label_budget() const { return numbering_.label_bytes() > label_budget_; }
    bool labels_cut() const { return numbering_.cut(); }
    // Hyperlink addresses left out (not http, https or mailto), in document order.
    const std::vector<std::string>& refused_links() const { return refused_links_; }

private:
    Paragraph read_paragraph(const pugi::xml_node& p, const Style*& style);
    Block read_table(const pugi::xml_node& tbl);
    void read_cell(const pugi::xml_node& container, TableCell& cell, int depth);
    void read_runs(const pugi::xml_node& parent, Inlines& out, std::string& text);
    void read_note(const pugi::xml_node& note, Inlines& out, std::string& text);
    void add_text(const std::string& t, bool bold, bool italic, Inlines& out, std::string& text);
    bool in_contents_field(const pugi::xml_node& p);
    void read_layout_table(const pugi::xml_node& tbl, std::vector<Paragraph>& out, std::vector<Dropped>& dropped);

    std::map<std::string, Style> styles_;
    Numbering numbering_;
    std::map<std::string, std::string> links_;
    std::map<std::string, pugi::xml_node> footnotes_, endnotes_;
    bool tracked_ = false;
    int typed_twice_ = 0;                // list numbers typed in the words too, read once
    std::vector<Inlines> notes_;         // notes referred to by the paragraph being read
    std::vector<pugi::xml_node> boxes_;  // text boxes anchored in it
    bool in_note_ = false;
    int box_depth_ = 0;  // text boxes inside text boxes
    int notes_read_ = 0;
    int boxes_read_ = 0;
    std::uint32_t index_ = 0;
    std::uint64_t label_budget_ = UINT64_MAX;
    std::vector<std::string> refused_links_;
    std::vector<bool> fields_;  // the complex fields open at this point: whether each is a TOC
    int contents_sdt_ = 0;      // inside a content control Word keeps a table of contents in
    int layout_depth_ = 0;      // layout tables inside layout tables (a hostile file nests them deep)

public:
    std::vector<SourcePos> layout_tables;  // tables read as paragraphs: where each starts
};

std::vector<pugi::xml_node> row_cells(const pugi::xml_node& tr) {
    std::vector<pugi::xml_node> cells;
    for (auto tc : tr.children("w:tc")) cells.push_back(tc);
    return cells;
}

// The words of a table cell, as Word shows them (trimmed).
std::string cell_words(const pugi::xml_node& tc) {
    std::string words;
    for (const auto& t : tc.select_nodes(".//w:t")) words += t.node().text().get();
    const std::size_t from = words.find_first_not_of(" \t"), to = words.find_last_not_of(" \t");
    return from == std::string::npos ? std::string() : words.substr(from, to - from + 1);
}

// A table used to lay the text out, not a table of the text's: a number in the first
// column ("1.1", "2.", "(a)"), the words beside it in the next (hanging indents made with a
// borderless table, as many councils' Word constitutions are). Rows of two or
// three cells each, at least two thirds of the rows numbered so, and some words beside
// them that run on as sentences do; or a numbered heading laid out alone in a row or
// three of two cells each ("18. | SUMMARY").
bool layout_table(const pugi::xml_node& tbl) {
    int rows = 0, numbered = 0, sentences = 0;
    bool two_cells = true;
    for (auto tr : tbl.children("w:tr")) {
        ++rows;
        const std::vector<pugi::xml_node> cells = row_cells(tr);
        if (cells.size() < 2 || cells.size() > 3) return false;
        two_cells = two_cells && cells.size() == 2;
        const std::string number = cell_words(cells[0]);
        if (!number.empty()) {
            const detail::Marker m = detail::read_marker(number + " X");
            if (m.kind == detail::MarkerKind::none || m.kind == detail::MarkerKind::bullet ||
                m.length != number.size() + 1)
                return false;
            ++numbered;
        }
        const std::string words = cell_words(cells.back());
        sentences += detail::ends_sentence(words) && model::word_count(words, 9) > 8;
    }
    return numbered >= 1 && numbered * 3 >= rows * 2 && (sentences > 0 || (numbered == rows && rows <= 3 && two_cells));
}

// Each row of a layout table is a paragraph: its number, then the words beside it (a
// cell's later paragraphs follow as paragraphs of their own).
void DocxReader::read_layout_table(const pugi::xml_node& tbl, std::vector<Paragraph>& out,
                                   std::vector<Dropped>& dropped) {
    layout_tables.push_back({index_ + 1, 1});
    for (auto tr : tbl.children("w:tr")) {
        const std::vector<pugi::xml_node> cells = row_cells(tr);
        const std::string number = cell_words(cells[0]);
        const std::size_t first = out.size();
        for (std::size_t k = 1; k < cells.size(); ++k) read_body(cells[k], out, dropped);
        if (number.empty()) continue;
        if (first == out.size() || out[first].table) {
            Paragraph alone;
            alone.pos = {++index_, 1};
            alone.after_gap = true;
            alone.text = number;
            out.insert(out.begin() + static_cast<long>(first), std::move(alone));
            continue;
        }
        Paragraph& p = out[first];
        p.text = number + " " + p.text;
        if (!p.inlines.empty()) {
            Inline mark;
            mark.text = number + " ";
            p.inlines.insert(p.inlines.begin(), std::move(mark));
        }
    }
}

// Whether the paragraph holds entries of a table of contents Word made with a TOC field
// (begun in an earlier paragraph or in this one; the entries' own PAGEREF fields nest in it),
// whatever the entries' style.
bool DocxReader::in_contents_field(const pugi::xml_node& p) {
    auto open_toc = [&] { return std::find(fields_.begin(), fields_.end(), true) != fields_.end(); };
    bool inside = open_toc();
    static const pugi::xpath_query field_parts(".//w:fldChar | .//w:instrText");
    for (const auto& x : field_parts.evaluate_node_set(p)) {
        const pugi::xml_node n = x.node();
        if (std::string_view(n.name()) == "w:instrText") {
            std::string_view instr = n.text().get();
            while (!instr.empty() && instr.front() == ' ') instr.remove_prefix(1);
            if (!fields_.empty() && instr.rfind("TOC", 0) == 0) fields_.back() = true;
        } else {
            const std::string_view type = n.attribute("w:fldCharType").value();
            if (type == "begin" && fields_.size() < 64) fields_.push_back(false);
            if (type == "end" && !fields_.empty()) fields_.pop_back();
        }
        inside = inside || open_toc();
    }
    return inside;
}

// A footnote or endnote: its mark where it is referred to, and its words (all its
// paragraphs as one) kept for the end of the clause.
void DocxReader::read_note(const pugi::xml_node& note, Inlines& out, std::string& text) {
    const std::string mark = superscript(++notes_read_);
    add_text(mark, false, false, out, text);
    Inlines words;
    std::string plain;
    in_note_ = true;
    for (auto p : note.children("w:p")) {
        if (!plain.empty()) add_text(" ", false, false, words, plain);
        read_runs(p, words, plain);
    }
    in_note_ = false;
    drop_prefix(words, 0);
    if (words.empty()) return;
    link_addresses(words);
    Inline lead;
    lead.text = mark + " ";
    words.insert(words.begin(), lead);
    notes_.push_back(std::move(words));
}

// Runs of the same formatting are merged; bold and italic become strong and emphasis.
void DocxReader::add_text(const std::string& t, bool bold, bool italic, Inlines& out, std::string& text) {
    if (t.empty()) return;
    text += t;
    InlineKind kind = bold ? InlineKind::strong : italic ? InlineKind::emphasis : InlineKind::text;
    Inline* last = out.empty() ? nullptr : &out.back();
    if (kind == InlineKind::text) {
        if (last && last->kind == InlineKind::text)
            last->text += t;
        else {
            Inline in;
            in.text = t;
            out.push_back(std::move(in));
        }
        return;
    }
    if (!(last && last->kind == kind)) {
        Inline in;
        in.kind = kind;
        out.push_back(std::move(in));
        last = &out.back();
    }
    if (bold && italic) {
        if (last->children.empty() || last->children.back().kind != InlineKind::emphasis) {
            Inline em;
            em.kind = InlineKind::emphasis;
            last->children.push_back(std::move(em));
        }
        Inline& em = last->children.back();
        if (em.children.empty()) em.children.push_back(Inline{});
        em.children.back().text += t;
        return;
    }
    if (last->children.empty() || last->children.back().kind != InlineKind::text) last->children.push_back(Inline{});
    last->children.back().text += t;
}

void DocxReader::read_runs(const pugi::xml_node& parent, Inlines& out, std::string& text) {
    for (auto n : parent.children()) {
        const std::string name = n.name();
        if (name == "w:r") {
            const pugi::xml_node rpr = n.child("w:rPr");
            const bool bold = on(rpr.child("w:b"));
            const bool italic = on(rpr.child("w:i"));
            for (auto c : n.children()) {
                const std::string cn = c.name();
                if (cn == "w:t")
                    add_text(c.text().get(), bold, italic, out, text);
                else if (cn == "w:tab" || cn == "w:br" || cn == "w:cr")
                    add_text(" ", false, false, out, text);
                else if (cn == "w:noBreakHyphen")
                    add_text("-", bold, italic, out, text);
                else if ((cn == "w:footnoteReference" || cn == "w:endnoteReference") && !in_note_) {
                    const auto& notes = cn == "w:footnoteReference" ? footnotes_ : endnotes_;
                    if (auto note = notes.find(c.attribute("w:id").value()); note != notes.end())
                        read_note(note->second, out, text);
                } else if (cn == "w:drawing" || cn == "w:pict" || cn == "mc:AlternateContent") {
                    // the first text box only: Word draws one box twice, as DrawingML
                    // and as a VML fallback
                    if (auto box =
                            c.find_node([](pugi::xml_node x) { return std::string_view(x.name()) == "w:txbxContent"; }))
                        boxes_.push_back(box);
                }
            }
        } else if (name == "w:hyperlink") {
            const std::string target = links_[n.attribute("r:id").value()];
            Inlines kids;
            std::string words;
            read_runs(n, kids, words);
            text += words;
            const bool web =
                target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0 || target.rfind("mailto:", 0) == 0;
            if (web && !kids.empty()) {
                Inline link;
                link.kind = InlineKind::link;
                link.target = target;
                link.children = std::move(kids);
                out.push_back(std::move(link));
            } else {
                // an address that is not the web's (javascript:, file:) is never published
                if (!target.empty() && !web && !kids.empty()) refused_links_.push_back(target);
                for (auto& k : kids) out.push_back(std::move(k));
            }
        } else if (name == "w:ins" || name == "w:moveTo") {
            // tracked insertions are taken as accepted
            tracked_ = true;
            read_runs(n, out, text);
        } else if (name == "w:del" || name == "w:moveFrom") {
            tracked_ = true;  // tracked deletions are taken as accepted: the words go
        } else if (name == "w:smartTag" || name == "w:fldSimple" || name == "w:sdt" || name == "w:sdtContent" ||
                   name == "w:customXml") {
            read_runs(name == "w:sdt" ? n.child("w:sdtContent") : n, out, text);
        }
    }
}

Paragraph DocxReader::read_paragraph(const pugi::xml_node& p, const Style*& found) {
    Paragraph para;
    para.pos = {++index_, 1};
    para.after_gap = true;
    const pugi::xml_node ppr = p.child("w:pPr");
    const std::string style_id = ppr.child("w:pStyle").attribute("w:val").value();
    Style style;
    found = nullptr;
    if (auto it = styles_.find(style_id); it != styles_.end()) style = it->second, found = &it->second;
    para.heading_level = style.heading_level;
    para.title_style = style.title;
    if (auto o = ppr.child("w:outlineLvl"); o && o.attribute("w:val").as_int(9) < 9)
        para.heading_level = o.attribute("w:val").as_int() + 1;

    std::string num_id = style.num_id;
    int ilvl = style.ilvl;
    if (auto np = ppr.child("w:numPr")) {
        if (auto id = np.child("w:numId")) num_id = id.attribute("w:val").value();
        if (auto l = np.child("w:ilvl")) ilvl = l.attribute("w:val").as_int();
    }
    if (ppr.child("w:rPr").child("w:del") || ppr.child("w:rPr").child("w:ins")) tracked_ = true;

    Inlines inlines;
    std::string text;
    read_runs(p, inlines, text);
    // spaces, tabs and no-break spaces at the ends of a paragraph, or in runs ("1.1" and
    // four no-break spaces before the words, as typed numbers are spaced), are layout
    text = clean_line(text);
    if (text.empty()) return para;  // no words: an empty paragraph
    drop_prefix(inlines, 0);

    bool bullet = false;
    std::string label =
        num_id.empty() || num_id == "0" || over_label_budget() ? "" : numbering_.next(num_id, ilvl, bullet);
    para.bullet = bullet;
    // "1. 1. Introduction", "1. a)Chief Finance Officer": a number or letter typed into a
    // list that numbers it too (a web page's <ol> opened in Word) is read once, as typed
    if (!label.empty() && !bullet) {
        const std::size_t typed = typed_label_length(text);
        if (text.starts_with(label + " ") || typed > 0) {
            ++typed_twice_;
            label.clear();
            // "a)Chief": the letter and the words a space apart, in the words and their runs alike
            const bool glued = typed > 0 && typed < text.size() && text[typed] != ' ';
            if (glued && !inlines.empty() && inlines[0].kind == InlineKind::text && inlines[0].text.size() > typed &&
                inlines[0].text.compare(0, typed, text, 0, typed) == 0) {
                text.insert(typed, " ");
                inlines[0].text.insert(typed, " ");
            }
        }
    }
    // the displayed number goes in front of the words, as the reader of the page sees it
    if (!label.empty()) {
        Inline number;
        number.text = label + " ";
        inlines.insert(inlines.begin(), number);
        text = label + " " + text;
    }
    link_addresses(inlines);
    para.text = text;
    para.inlines = std::move(inlines);
    return para;
}

// A cell's words, its paragraphs one after another; a table inside the cell gives its
// words too (the model's cells hold words only).
void DocxReader::read_cell(const pugi::xml_node& container, TableCell& cell, int depth) {
    for (auto n : container.children()) {
        const std::string_view name = n.name();
        if (name == "w:p") {
            Inlines in;
            std::string t;
            read_runs(n, in, t);
            if (t.find_first_not_of(' ') == std::string::npos) continue;
            if (!cell.inlines.empty()) {
                Inline space;
                space.text = " ";
                cell.inlines.push_back(space);
            }
            for (auto& i : in) cell.inlines.push_back(std::move(i));
        } else if (depth < 16 && name == "w:tbl") {
            for (auto tr : n.children("w:tr"))
                for (auto tc : tr.children("w:tc")) read_cell(tc, cell, depth + 1);
        } else if (depth < 16 && (name == "w:sdt" || name == "w:customXml")) {
            read_cell(name == "w:sdt" ? n.child("w:sdtContent") : n, cell, depth + 1);
        }
    }
}

Block DocxReader::read_table(const pugi::xml_node& tbl) {
    Block table;
    table.kind = BlockKind::table;
    table.pos = {++index_, 1};
    bool first = true;
    for (auto tr : tbl.children("w:tr")) {
        TableRow row;
        row.header = first;
        first = false;
        for (auto tc : tr.children("w:tc")) {
            TableCell cell;
            read_cell(tc, cell, 0);
            row.cells.push_back(std::move(cell));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

void DocxReader::read_body(const pugi::xml_node& body, std::vector<Paragraph>& out, std::vector<Dropped>& dropped) {
    for (auto n : body.children()) {
        const std::string name = n.name();
        if (name == "w:p") {
            const Style* style = nullptr;
            Paragraph p = read_paragraph(n, style);
            p.notes = std::exchange(notes_, {});
            std::vector<pugi::xml_node> boxes = std::exchange(boxes_, {});
            // a table of contents is made from the document, not part of it; a subtitle
            // goes on, marked, for the council's name it may state
            p.subtitle = style && style->subtitle;
            const bool contents = in_contents_field(n) || contents_sdt_ > 0;
            if (!p.text.empty() && ((style && style->contents) || contents)) {
                dropped.push_back({p.pos, p.text, "table of contents"});
            } else if (!p.text.empty()) {
                out.push_back(std::move(p));
            }
            // a text box's paragraphs follow the paragraph it is anchored in
            if (box_depth_ < 4) {
                ++box_depth_;
                for (auto box : boxes) ++boxes_read_, read_body(box, out, dropped);
                --box_depth_;
            }
        } else if (name == "w:tbl" && layout_depth_ < 4 && layout_table(n)) {
            ++layout_depth_;
            read_layout_table(n, out, dropped);
            --layout_depth_;
        } else if (name == "w:tbl") {
            Paragraph p;
            p.table = read_table(n);
            p.pos = p.table->pos;
            p.after_gap = true;
            p.notes = std::exchange(notes_, {});
            boxes_.clear();
            out.push_back(std::move(p));
        } else if (name == "w:sdt") {
            // "Table of Contents" in the control's gallery: Word made what it holds
            const bool contents =
                std::string_view(
                    n.child("w:sdtPr").child("w:docPartObj").child("w:docPartGallery").attribute("w:val").value()) ==
                "Table of Contents";
            contents_sdt_ += contents;
            read_body(n.child("w:sdtContent"), out, dropped);
            contents_sdt_ -= contents;
        } else if (name == "w:ins" || name == "w:customXml") {
            read_body(n, out, dropped);
        }
    }
}

// The words of Word's headers and footers (word/header1.xml, word/footer2.xml, ...), a
// paragraph each: they often name the council when the body only says "the Council".
std::vector<std::string> header_texts(const std::map<std::string, std::string>& parts) {
    std::vector<std::string> texts;
    for (const auto& [name, xml] : parts) {
        if (name.rfind("word/header", 0) != 0 && name.rfind("word/footer", 0) != 0) continue;
        pugi::xml_document doc;
        if (!doc.load_buffer(xml.data(), xml.size(), word_parse_options)) continue;
        for (auto p : doc.select_nodes("//w:p")) {
            std::string text;
            for (auto t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
            if (!text.empty()) texts.push_back(std::move(text));
        }
    }
    return texts;
}

bool parse_part(const std::map<std::string, std::string>& parts, const std::string& name, pugi::xml_document& doc,
                bool required, const std::string& path, Diagnostics& diags) {
    auto it = parts.find(name);
    if (it == parts.end()) {
        if (required)
            diags.error(
                path, {},
                "not a Word document: the package has no " + name + " (is it a .docx, and not another zip file?)");
        return !required;
    }
    pugi::xml_parse_result r = doc.load_buffer(it->second.data(), it->second.size(), word_parse_options);
    if (!r) {
        diags.error(path, {},
                    "damaged Word document: " + name + " is not well-formed XML (" + r.description() + " at byte " +
                        std::to_string(r.offset) + ")");
        return false;
    }
    return true;
}

}  // namespace

ImportResult import_docx(std::string_view bytes, const std::string& path, const ImportOptions& options,
                         Diagnostics& diags) {
    std::string error;
    auto parts = package::read_zip(bytes, error);
    if (!parts) {
        diags.error(path, {}, "cannot read the Word document: " + error);
        return {};
    }
    pugi::xml_document document, styles, numbering, rels, footnotes, endnotes;
    if (!parse_part(*parts, "word/document.xml", document, true, path, diags) ||
        !parse_part(*parts, "word/styles.xml", styles, false, path, diags) ||
        !parse_part(*parts, "word/numbering.xml", numbering, false, path, diags) ||
        !parse_part(*parts, "word/_rels/document.xml.rels", rels, false, path, diags) ||
        !parse_part(*parts, "word/footnotes.xml", footnotes, false, path, diags) ||
        !parse_part(*parts, "word/endnotes.xml", endnotes, false, path, diags))
        return {};

    DocxReader reader(styles, numbering, rels, footnotes, endnotes);
    const std::uint64_t limit = package::ZipLimits{}.max_total_bytes;
    std::uint64_t inflated = 0;
    for (const auto& [name, part] : *parts) inflated += part.size();
    reader.set_label_budget(limit - std::min(inflated, limit));
    std::vector<Paragraph> paras;
    std::vector<Dropped> dropped;
    reader.read_body(document.child("w:document").child("w:body"), paras, dropped);
    if (reader.over_label_budget()) {
        diags.error(path, {},
                    "cannot read the Word document: its list numbers (w:lvlText) expand, with the package, to "
                    "more than " +
                        std::to_string(limit >> 20) + " MB; refused (a numbering bomb?)");
        return {};
    }
    for (const auto& target : reader.refused_links())
        diags.warning(path, {},
                      "a hyperlink to '" + shorten(target) + "'" +
                          " is not an http(s) or mailto address; its words are kept as text, without the link");
    if (reader.labels_cut())
        diags.warning(path, {},
                      "a list number (w:lvlText) longer than " + std::to_string(kMaxLabelBytes) +
                          " characters was cut there; check the numbers of the imported lists");
    if (paras.empty()) {
        diags.error(path, {}, "the Word document has no text to import");
        return {};
    }
    if (reader.saw_tracked_changes())
        diags.warning(path, {},
                      "the document has tracked changes: they were taken as accepted (insertions kept, "
                      "deletions left out)");
    if (reader.numbers_typed_twice() > 0)
        diags.warning(path, {},
                      std::to_string(reader.numbers_typed_twice()) +
                          " list paragraph(s) had their number or letter typed in the words as well ('1. 1. "
                          "Introduction', '1. a) Chief ...'): each is read once, as typed");
    // a document saved from plain text keeps its page-broken paragraphs: join them
    paras = detail::rejoin_broken(std::move(paras), {}, 0);
    if (reader.notes_read() > 0)
        diags.note(path, {},
                   std::to_string(reader.notes_read()) + " footnote(s) or endnote(s): marked " + superscript(1) + " " +
                       superscript(2) +
                       "... where they are referred to, their words a paragraph at the end of the clause");
    if (reader.boxes_read() > 0)
        diags.note(path, {},
                   std::to_string(reader.boxes_read()) +
                       " text box(es): their words are paragraphs after the paragraph each is anchored in");
    if (!dropped.empty())
        diags.note(path, {},
                   "left out " + std::to_string(dropped.size()) +
                       " paragraphs of a table of contents (Word makes them from the document)");
    for (const SourcePos& at : reader.layout_tables)
        diags.warning(path, at,
                      "a table with a number in its first column and words beside it is read as the text's "
                      "paragraphs (a table used for layout), not as a table");
    detail::drop_typed_contents(paras, path, dropped, diags);
    return detail::build_protocol(std::move(paras), path, options, std::move(dropped), diags, header_texts(*parts));
}

}  // namespace protopub::import
