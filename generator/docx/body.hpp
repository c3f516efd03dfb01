// Internals of the Word writer: the body of word/document.xml, with the list
// definitions and external hyperlinks it needs. Not a public header.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "model/protocol.hpp"

namespace protopub::docx::detail {

// Writes XML straight into a string, element by element: the body of a long document is
// never built as a tree. Attributes follow the open() of their element; text and
// attribute values are escaped.
class XmlOut {
public:
    explicit XmlOut(std::string& out) : out_(out) {}
    // `name` is kept until the element is closed (a literal, as every element name is).
    void open(std::string_view name);
    void attr(std::string_view name, std::string_view value);
    void attr(std::string_view name, int value);
    void text(std::string_view text);
    void raw(std::string_view xml);  // well-formed XML written as it is
    void close();                    // the element opened last
    void leaf(std::string_view name) {
        open(name);
        close();
    }
    // What is written so far, any start tag finished: to measure, or to insert into
    // behind the elements still open.
    std::string& buffer() {
        end_start_tag();
        return out_;
    }
    // From now on, notes where each child of the element open now starts (an element or
    // a raw() piece). Insertions into buffer() must then stay inside the child open.
    void note_children() { noted_depth_ = open_.size(); }
    const std::vector<std::size_t>& child_starts() const { return child_starts_; }

private:
    void end_start_tag();
    void note_child() {
        if (open_.size() == noted_depth_) child_starts_.push_back(out_.size());
    }
    std::string& out_;
    std::vector<std::string_view> open_;  // (a copy of every name was a tenth of writing the body)
    bool in_start_tag_ = false;
    std::size_t noted_depth_ = std::size_t(-1);  // none
    std::vector<std::size_t> child_starts_;
};

// The Word bookmark of every anchor id (model::for_each_anchor_id): a letter first, then
// letters, digits and '_', at most 40 long, unique in the document. Contents lines, links,
// page references and the sections split off for running heads all find bookmarks here.
class Bookmarks {
public:
    explicit Bookmarks(const model::Protocol& protocol);
    // "" for an id the document does not have.
    std::string find(const std::string& id) const;

private:
    void add(const std::string& id);
    std::unordered_map<std::string, std::string> by_id_;
    std::unordered_set<std::string> used_;
    std::unordered_map<std::string, int> next_suffix_;
};

// External hyperlinks become relationships of word/document.xml; ids avoid the ones the
// reference document already uses.
class Hyperlinks {
public:
    explicit Hyperlinks(std::set<std::string> taken) : taken_(std::move(taken)) {}
    const std::string& id_for(const std::string& url);
    // (id, url) in the order first used.
    const std::vector<std::pair<std::string, std::string>>& all() const { return links_; }

private:
    std::set<std::string> taken_;
    std::map<std::string, std::string> by_url_;
    std::vector<std::pair<std::string, std::string>> links_;
};

// Word list definitions: one abstract definition per (label style, indent), one list
// instance per list so that each list restarts at its own first label.
class ListNumbering {
public:
    ListNumbering(int first_abstract_id, int first_num_id)
        : next_abstract_(first_abstract_id), next_num_(first_num_id) {}
    // numId of a new list whose items sit at `level` (0-based nesting) and start at `start`.
    int start_list(model::ListStyle style, int indent, int level, int start);
    bool empty() const { return nums_.empty(); }
    // Appends <w:abstractNum> after `after_abstract` (or first) and <w:num> at the end.
    void append_to(pugi::xml_node numbering) const;

private:
    struct Num {
        int id;
        int abstract_id;
        int level;
        int start;
    };
    std::map<std::pair<model::ListStyle, int>, int> abstract_ids_;
    std::vector<std::pair<std::pair<model::ListStyle, int>, int>> abstracts_;
    std::vector<Num> nums_;
    int next_abstract_;
    int next_num_;
};

// What the body needs to know of the reference document's layout, so lists and tables
// line up with its clause styles and fit its page.
struct PageGeometry {
    std::array<int, 4> clause_text_indent = {720, 720, 1588, 2552};  // "Clause Text n" left indents (twips)
    int text_width = 9412;                                           // page width less margins (twips)
};

// Reads the geometry from the reference's styles.xml and section properties; anything
// missing keeps the default's value.
PageGeometry page_geometry(pugi::xml_node styles, pugi::xml_node section_properties);

struct BodyOptions {
    std::string author;  // of every tracked change
    std::string date;    // ISO 8601 date-time of every tracked change
    bool contents = true;
    PageGeometry geometry;
    // The paragraph that ends the Word section before a section with a running head (an
    // appendix), so that it starts a Word section of its own.
    std::function<std::string(const model::Section&)> section_break;
};

// Writes the document's paragraphs and tables, the content of <w:body> up to its sectPr
// (which the caller adds after). Returns the largest w:id written (0: none).
int write_body(const model::Protocol& protocol, XmlOut& out, const BodyOptions& options, const Bookmarks& bookmarks,
                Hyperlinks& hyperlinks, ListNumbering& lists);

// A redline's runs of paragraphs that one version has and the other has not, tracked so
// that Word and LibreOffice give the paragraphs around them the same properties (see
// body.cpp). Works on the written <w:body>: only redlines need it. `later_date`: the date
// (two minutes after the changes') of what must not be taken for the change before it.
// `whole`: false if `body` holds only windows of it (see docx.cpp), whose parts left out
// have no w:id above `largest_id_outside`. Returns false, having done nothing worth
// keeping, where windows will not do: a move to undo at the end, whose other end may lie
// outside them.
bool cut_removed_runs(pugi::xml_node body, const std::string& later_date, bool whole = true,
                      int largest_id_outside = 0);

}  // namespace protopub::docx::detail
