#include "html/writer.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "model/facts.hpp"
#include "model/glossary.hpp"
#include "model/ids.hpp"
#include "model/text.hpp"

namespace protopub::html {

using namespace protopub::model;

namespace {

// Ids the site itself uses start with "_": source ids must start with a letter, so
// they can never collide.
constexpr const char* kMainId = "_main";
constexpr const char* kContentsId = "_contents";
constexpr const char* kGlossaryId = "_glossary";

pugi::xml_node element(pugi::xml_node parent, const char* name, const std::string& cls = {}) {
    pugi::xml_node n = parent.append_child(name);
    if (!cls.empty()) n.append_attribute("class").set_value(cls.c_str());
    return n;
}

void text(pugi::xml_node parent, const std::string& s) {
    if (!s.empty()) parent.append_child(pugi::node_pcdata).set_value(s.c_str());
}

// Screen readers announce insertions and deletions through visually hidden text.
void announce(pugi::xml_node parent, const std::string& s) { text(element(parent, "span", "sr-only"), s); }

const char* list_class(ListStyle s) { return to_string(s); }

// Where each number of a list or range ("paragraphs 2.1 to 2.3") is written among the
// reference's words: {child index, byte offset}, in order. Empty when one cannot be found.
std::vector<std::pair<std::size_t, std::size_t>> find_numbers(const Inlines& children, const Reference& r) {
    std::vector<std::pair<std::size_t, std::size_t>> spots;
    for (const auto& t : r.targets) {
        bool found = false;
        for (std::size_t k = 0; k < children.size() && !found; ++k) {
            const Inline& c = children[k];
            if (c.kind != InlineKind::text || c.pos.line != t.pos.line || t.pos.column < c.pos.column) continue;
            const std::size_t offset = t.pos.column - c.pos.column;
            if (c.text.compare(offset, t.number.size(), t.number) != 0) continue;
            if (!spots.empty() && std::make_pair(k, offset) <= spots.back()) continue;
            spots.emplace_back(k, offset);
            found = true;
        }
        if (!found) return {};
    }
    return spots;
}

// A list or range: the words as written, each number a link to its own clause.
bool append_numbers_linked(pugi::xml_node parent, const Inline& in, const Reference& r, const Protocol& p) {
    const auto spots = find_numbers(in.children, r);
    if (spots.empty()) return false;
    pugi::xml_node span = element(parent, "span", "ref internal");
    std::size_t next = 0;
    for (std::size_t k = 0; k < in.children.size(); ++k) {
        const Inline& c = in.children[k];
        if (c.kind != InlineKind::text) {
            append_inlines(span, {c}, p);
            continue;
        }
        std::size_t done = 0;
        for (; next < spots.size() && spots[next].first == k; ++next) {
            const ReferenceTarget& t = r.targets[next];
            text(span, c.text.substr(done, spots[next].second - done));
            pugi::xml_node a = element(span, "a", "ref internal");
            a.append_attribute("href").set_value(("#" + t.clause_id).c_str());
            text(a, t.number);
            done = spots[next].second + t.number.size();
        }
        text(span, c.text.substr(done));
    }
    return true;
}

void append_reference(pugi::xml_node parent, const Inline& in, const Protocol& p) {
    if (in.reference < 0 || static_cast<std::size_t>(in.reference) >= p.references.size()) {
        append_inlines(parent, in.children, p);
        return;
    }
    const Reference& r = p.references[static_cast<std::size_t>(in.reference)];
    pugi::xml_node node;
    if (r.kind == ReferenceKind::internal && r.resolved && r.targets.size() > 1 &&
        append_numbers_linked(parent, in, r, p))
        return;
    // Where it links is the model's rule (facts.hpp), as in every other format. A clause
    // or, in an assembled constitution, the Part or Section referred to is on this page.
    const LinkTarget to = link_target(r);
    if (to.kind == LinkTarget::Kind::clause) {
        node = element(parent, "a", std::string("ref ") + to_string(r.kind));
        node.append_attribute("href").set_value(("#" + to.target).c_str());
    } else if (to.kind == LinkTarget::Kind::web) {
        node = element(parent, "a", std::string("ref ") + to_string(r.kind));
        node.append_attribute("href").set_value(to.target.c_str());
        node.append_attribute("rel").set_value("external");
    } else {
        node = element(parent, "span", std::string("ref ") + to_string(r.kind) + (r.resolved ? "" : " unresolved"));
        if (!r.document.empty()) node.append_attribute("data-document").set_value(r.document.c_str());
        if (!r.part.empty()) node.append_attribute("data-part").set_value(r.part.c_str());
    }
    append_inlines(node, in.children, p);
}

void append_change_marks(pugi::xml_node clause_node, pugi::xml_node number_slot, const Clause& c) {
    const ClauseChange& ch = c.change;
    if (ch.kind == ChangeKind::none) return;
    add_class(clause_node, std::string("change-") + to_string(ch.kind));
    if (ch.moved_from) add_class(clause_node, "moved-from");
    clause_node.append_attribute("data-change").set_value(to_string(ch.kind));
    if (!ch.old_number.empty() && ch.old_number != c.number.text) {
        pugi::xml_node old = element(number_slot, "del", "old-number");
        announce(old, "old number ");
        text(old, ch.old_number);
    }
}

}  // namespace

namespace {
// Elements only, in document order: text nodes (half a page's nodes) are passed over
// without a call.
void collect_elements(pugi::xml_node parent, const char* name, const std::function<bool(pugi::xml_node)>& keep,
                      std::vector<pugi::xml_node>& found) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
        if (n.type() != pugi::node_element) continue;
        if ((!name || std::strcmp(n.name(), name) == 0) && (!keep || keep(n))) found.push_back(n);
        if (n.first_child()) collect_elements(n, name, keep, found);
    }
}
}  // namespace

std::vector<pugi::xml_node> elements(pugi::xml_node root, const char* name,
                                     const std::function<bool(pugi::xml_node)>& keep) {
    std::vector<pugi::xml_node> found;
    collect_elements(root, name, keep, found);
    return found;
}

void add_class(pugi::xml_node node, const std::string& cls) {
    pugi::xml_attribute a = node.attribute("class");
    if (!a) {
        node.append_attribute("class").set_value(cls.c_str());
    } else {
        std::string v = a.value();
        a.set_value((v.empty() ? cls : v + " " + cls).c_str());
    }
}

std::string page_name(const Protocol& p) {
    std::string stem = std::filesystem::path(p.source_path).stem().string();
    std::string slug = slugify(stem, 12);
    if (slug.empty()) slug = slugify(p.meta.council + " " + p.meta.title, 8);
    if (slug.empty()) slug = "protocol";
    return slug + ".html";
}

void append_inlines(pugi::xml_node parent, const Inlines& inlines, const Protocol& p) {
    for (const Inline& in : inlines) {
        switch (in.kind) {
            case InlineKind::text: text(parent, in.text); break;
            case InlineKind::code: text(element(parent, "code"), in.text); break;
            case InlineKind::soft_break: text(parent, " "); break;
            case InlineKind::line_break: element(parent, "br"); break;
            case InlineKind::emphasis: append_inlines(element(parent, "em"), in.children, p); break;
            case InlineKind::strong: append_inlines(element(parent, "strong"), in.children, p); break;
            case InlineKind::strike: append_inlines(element(parent, "s"), in.children, p); break;
            case InlineKind::link: {
                pugi::xml_node a = element(parent, "a");
                a.append_attribute("href").set_value(in.target.c_str());
                append_inlines(a, in.children, p);
                break;
            }
            case InlineKind::reference: append_reference(parent, in, p); break;
            case InlineKind::inserted: {
                pugi::xml_node ins = element(parent, "ins");
                announce(ins, "[inserted: ");
                append_inlines(ins, in.children, p);
                announce(ins, "]");
                break;
            }
            case InlineKind::deleted: {
                pugi::xml_node del = element(parent, "del");
                announce(del, "[deleted: ");
                append_inlines(del, in.children, p);
                announce(del, "]");
                break;
            }
        }
    }
}

void append_block(pugi::xml_node parent, const Block& b, const Protocol& p) {
    switch (b.kind) {
        case BlockKind::paragraph: append_inlines(element(parent, "p"), b.inlines, p); break;
        case BlockKind::quote: {
            pugi::xml_node q = element(parent, "blockquote");
            for (const auto& child : b.children) append_block(q, child, p);
            break;
        }
        case BlockKind::list: {
            const bool bullets = b.list_style == ListStyle::bullet;
            pugi::xml_node list =
                element(parent, bullets ? "ul" : "ol", std::string("items ") + list_class(b.list_style));
            for (const ListItem& item : b.items) {
                pugi::xml_node li = element(list, "li");
                if (!item.id.empty()) li.append_attribute("id").set_value(item.id.c_str());
                if (!item.label.empty()) text(element(li, "span", "label"), item.label);
                // A single paragraph is written inline so the label sits on its line.
                if (item.blocks.size() == 1 && item.blocks.front().kind == BlockKind::paragraph) {
                    append_inlines(element(li, "span", "item-text"), item.blocks.front().inlines, p);
                } else {
                    pugi::xml_node body = element(li, "div", "item-text");
                    for (const auto& child : item.blocks) append_block(body, child, p);
                }
            }
            break;
        }
        case BlockKind::table: {
            pugi::xml_node wrap = element(parent, "div", "table-wrap");
            wrap.append_attribute("role").set_value("region");
            wrap.append_attribute("tabindex").set_value("0");
            wrap.append_attribute("aria-label").set_value("Table");
            pugi::xml_node table = element(wrap, "table");
            pugi::xml_node head, body;
            for (const TableRow& row : b.rows) {
                pugi::xml_node group;
                if (row.header)
                    group = head ? head : (head = element(table, "thead"));
                else
                    group = body ? body : (body = element(table, "tbody"));
                pugi::xml_node tr = element(group, "tr");
                for (std::size_t i = 0; i < row.cells.size(); ++i) {
                    pugi::xml_node cell = element(tr, row.header ? "th" : "td");
                    if (row.header) cell.append_attribute("scope").set_value("col");
                    if (i < b.align.size() && b.align[i] != Align::none)
                        add_class(cell, b.align[i] == Align::right    ? "align-right"
                                        : b.align[i] == Align::center ? "align-center"
                                                                      : "align-left");
                    append_inlines(cell, row.cells[i].inlines, p);
                }
            }
            break;
        }
    }
}

void append_clause(pugi::xml_node parent, const Clause& c, const Protocol& p) {
    pugi::xml_node div = element(parent, "div", "clause depth-" + std::to_string(std::max(1, c.depth())));
    div.append_attribute("id").set_value(c.id.c_str());
    pugi::xml_node number_slot = element(div, "span", "clause-number");
    if (!c.number.empty()) {
        // The number is a permalink: #p-4.21 stays the address of "paragraph 4.21".
        pugi::xml_node a = element(number_slot, "a");
        const std::string anchor = number_anchor(c.number.text);
        a.append_attribute("id").set_value(anchor.c_str());
        a.append_attribute("href").set_value(("#" + anchor).c_str());
        a.append_attribute("title").set_value(("Link to paragraph " + join_number(c.number.parts)).c_str());
        text(a, c.number.text);
    }
    append_change_marks(div, number_slot, c);
    pugi::xml_node body = element(div, "div", "clause-body");
    if (!c.heading.empty()) append_inlines(element(body, "h3", "clause-title"), c.heading, p);
    for (const Block& b : c.blocks) append_block(body, b, p);
}

namespace {

void append_section_titled(pugi::xml_node parent, const Section& s, const Protocol& p, const std::string& title) {
    std::string cls = s.level <= 2 ? "section" : "subsection";
    if (s.kind == SectionKind::preamble) cls += " preamble";
    if (s.kind == SectionKind::division) cls += " division";
    pugi::xml_node sec = element(parent, "section", cls);
    sec.append_attribute("id").set_value(s.id.c_str());
    if (!title.empty() && s.heading.empty() && s.number.empty()) {
        text(element(sec, ("h" + std::to_string(std::clamp(s.level, 2, 6))).c_str(), "document-start"), title);
        for (const Block& b : s.intro) append_block(sec, b, p);
        for (const Clause& c : s.clauses) append_clause(sec, c, p);
        return;
    }
    // An untitled section gets no heading at all: an empty <h2> is noise to a screen
    // reader, and inventing words would put text in the protocol it does not have.
    if (!s.heading.empty() || !s.number.empty()) {
        const std::string h = "h" + std::to_string(std::clamp(s.level, 2, 6));
        pugi::xml_node heading = element(sec, h.c_str());
        if (!s.number.empty()) {
            text(element(heading, "span", "section-number"), s.number.text);
            if (!s.heading.empty()) text(heading, " ");
        }
        append_inlines(heading, s.heading, p);
    } else {
        add_class(sec, "untitled");
    }
    for (const Block& b : s.intro) append_block(sec, b, p);
    for (const Clause& c : s.clauses) append_clause(sec, c, p);
}

// The label of a section in the contents: its heading, the document's title where the
// document begins untitled after a covering report, "" where it has no name at all.
std::string contents_label(const Protocol& p, std::size_t i) {
    const Section& s = p.sections[i];
    if (begins_after_covering_report(p, i)) return document_title(p);
    if (s.heading.empty() && s.number.empty() && s.kind != SectionKind::preamble) return {};
    return model::section_name(s);
}

}  // namespace

void append_section(pugi::xml_node parent, const Section& s, const Protocol& p) {
    append_section_titled(parent, s, p, {});
}

void append_contents(pugi::xml_node parent, const Protocol& p) {
    // One nested list per heading level: a constitution's Parts hold its Sections, which
    // hold each protocol's own sections. An untitled, unnumbered section has no entry.
    pugi::xml_node list = element(parent, "ol", "contents");
    std::vector<std::pair<int, pugi::xml_node>> open = {{0, list}};  // (level above its items, list)
    int top = 99;
    for (const Section& s : p.sections) top = std::min(top, s.level);
    for (std::size_t i = 0; i < p.sections.size(); ++i) {
        const Section& s = p.sections[i];
        const std::string label = contents_label(p, i);
        if (label.empty() && s.number.empty()) continue;
        const int level = s.level - top + 1;
        while (open.size() > 1 && open.back().first >= level) open.pop_back();
        if (open.back().first < level - 1 && open.back().second.last_child())
            open.push_back({level - 1, element(open.back().second.last_child(), "ol")});
        pugi::xml_node a = element(element(open.back().second, "li"), "a");
        a.append_attribute("href").set_value(("#" + s.id).c_str());
        if (!s.number.empty()) {
            text(element(a, "span", "section-number"), s.number.text);
            if (!s.heading.empty()) text(a, " ");
        }
        if (!s.heading.empty() || s.number.empty()) text(a, label);
    }
    if (!p.terms.empty()) {
        pugi::xml_node a = element(element(list, "li"), "a");
        a.append_attribute("href").set_value((std::string("#") + kGlossaryId).c_str());
        text(a, std::string(model::glossary_heading));
    }
}

namespace {

// Each scrolling table frame is a landmark region, so each needs a name of its own:
// "Table 1", "Table 2", ... in page order (axe: landmark-unique).
void name_tables(pugi::xml_node root) {
    const std::vector<pugi::xml_node> frames = elements(root, "div", [](pugi::xml_node n) {
        return std::strcmp(n.attribute("role").value(), "region") == 0 &&
               std::strcmp(n.attribute("aria-label").value(), "Table") == 0;
    });
    if (frames.size() < 2) return;
    for (std::size_t i = 0; i < frames.size(); ++i)
        frames[i].attribute("aria-label").set_value(("Table " + std::to_string(i + 1)).c_str());
}

void append_glossary(pugi::xml_node parent, const Protocol& p) {
    if (p.terms.empty()) return;
    pugi::xml_node sec = element(parent, "section", "glossary");
    sec.append_attribute("id").set_value(kGlossaryId);
    text(element(sec, "h2"), std::string(model::glossary_heading));
    pugi::xml_node dl = element(sec, "dl");
    for (const GlossaryEntry& e : glossary(p)) {
        const DefinedTerm* t = e.term;
        pugi::xml_node dt = element(dl, "dt");
        text(dt, t->term);
        pugi::xml_node dd = element(dl, "dd");
        text(dd, t->definition);
        if (!t->clause_id.empty()) {
            text(dd, " (");
            pugi::xml_node a = element(dd, "a");
            a.append_attribute("href").set_value(("#" + t->clause_id).c_str());
            text(a, !e.clause_number.empty() ? "paragraph " + e.clause_number : "where defined");
            text(dd, ")");
        }
    }
}

// Where each id of a site is best read: the page of the site that holds it, the page most
// about it (the fewest sections) where several do -- a constitution's section on its own
// page rather than in the whole constitution.
using SitePages = std::map<std::string, std::string>;  // id -> page name

void collect_item_ids(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    for (const Block& b : blocks) {
        for (const ListItem& item : b.items) {
            if (!item.id.empty()) out.push_back(item.id);
            collect_item_ids(item.blocks, out);
        }
        collect_item_ids(b.children, out);
    }
}

SitePages site_pages(const std::vector<Protocol>& protocols) {
    std::vector<const Protocol*> order;
    for (const auto& p : protocols) order.push_back(&p);
    std::stable_sort(order.begin(), order.end(),
                     [](const Protocol* a, const Protocol* b) { return a->sections.size() < b->sections.size(); });
    SitePages pages;
    for (const Protocol* p : order) {
        std::vector<std::string> ids;
        for (const Section& s : p->sections) {
            ids.push_back(s.id);
            collect_item_ids(s.intro, ids);
            for (const Clause& c : s.clauses) {
                ids.push_back(c.id);
                collect_item_ids(c.blocks, ids);
            }
        }
        const std::string page = page_name(*p);
        for (const auto& id : ids)
            if (!id.empty()) pages.emplace(id, page);
    }
    return pages;
}

// A reference on a page whose target is not on it (a constitution's section referring to
// another section) links to the page of the site that holds the target, or is its words
// alone where no page does: never a link to an anchor that is not there.
void link_across_pages(pugi::xml_node body, const SitePages& site) {
    std::set<std::string> here;
    for (const pugi::xpath_node& x : body.select_nodes(".//*[@id]")) here.insert(x.node().attribute("id").value());
    for (const pugi::xpath_node& x : body.select_nodes(".//a[contains(concat(' ', @class, ' '), ' ref ')]")) {
        pugi::xml_node a = x.node();
        const std::string href = a.attribute("href").value();
        if (href.size() < 2 || href[0] != '#' || here.count(href.substr(1))) continue;
        auto it = site.find(href.substr(1));
        if (it != site.end()) {
            a.attribute("href").set_value((it->second + href).c_str());
        } else {
            a.set_name("span");
            a.remove_attribute("href");
        }
    }
}

Context index_context(const std::vector<Protocol>& protocols, const SiteOptions& options) {
    std::vector<const Protocol*> sorted;
    for (const auto& p : protocols) sorted.push_back(&p);
    // Documents in their place in a constitution (its sections) come after the others (the
    // constitution itself), in the constitution's order; the others by council and title.
    auto place = [](const Protocol* p) {
        std::vector<int> key;
        if (!p->meta.constitution) return key;
        for (const std::string* n : {&p->meta.constitution->part, &p->meta.constitution->section}) {
            std::vector<int> parts;
            parse_clause_number(*n, parts);
            key.push_back(parts.empty() ? 0 : parts.front());
        }
        return key;
    };
    std::stable_sort(sorted.begin(), sorted.end(), [&](const Protocol* a, const Protocol* b) {
        const auto pa = place(a), pb = place(b);
        if (pa != pb) return pa < pb;
        return std::tie(a->meta.council, a->meta.title, a->meta.version) <
               std::tie(b->meta.council, b->meta.title, b->meta.version);
    });
    std::vector<Context> rows;
    for (const Protocol* p : sorted) rows.push_back(protocol_context(*p, options));
    Context ctx;
    ctx["protocols"] = Value::list(std::move(rows));
    ctx["page_title"] = "Protocols";
    ctx["lang"] = protocols.empty() ? "en-GB" : protocols.front().meta.lang;
    ctx["heading"] = "Council protocols";
    ctx["count"] = std::to_string(protocols.size());
    std::vector<Context> links;
    for (const auto& [label, href] : options.links) {
        Context link;
        link["label"] = label;
        link["href"] = href;
        links.push_back(std::move(link));
    }
    ctx["links"] = Value::list(std::move(links));
    return ctx;
}

}  // namespace

namespace {

// A protocol's page; with `site`, its references to other pages of the site link there.
Context page_context(const Protocol& p, const SiteOptions& options, const SitePages* site) {
    const Metadata& m = p.meta;
    Context ctx;
    const std::string page = page_name(p);
    const std::string stem = page.substr(0, page.size() - 5);  // without ".html"
    std::vector<Context> downloads;
    for (const auto& [suffix, label] : options.downloads) {
        Context d;
        d["href"] = stem + suffix;
        d["label"] = label;
        downloads.push_back(std::move(d));
    }
    for (const auto& [label, href] : p.related) {
        Context d;
        d["href"] = href;
        d["label"] = label;
        downloads.push_back(std::move(d));
    }
    ctx["downloads"] = Value::list(std::move(downloads));
    // A reader must never mistake a draft or an old version for the protocol in force.
    ctx["notice"] = std::string(model::status_notice(m.status));
    ctx["title"] = m.title;
    ctx["council"] = m.council;
    ctx["version"] = m.version;
    ctx["status"] = model::status_in_words(m.status);
    ctx["status_class"] = std::string("status status-") + to_string(m.status);
    ctx["adopted"] = model::date_in_words(m.adopted);
    ctx["adopted_iso"] = m.adopted;
    ctx["adopted_by"] = m.adopted_by;
    ctx["minute"] = m.minute;
    ctx["supersedes"] = m.supersedes;
    ctx["lang"] = m.lang;
    ctx["constitution"] = m.constitution ? model::constitution_place(*m.constitution) : std::string();
    ctx["page"] = page;
    ctx["page_title"] = m.title + " \xE2\x80\x94 " + m.council;  // em dash
    std::size_t clauses = 0;
    for (const auto& s : p.sections) clauses += s.clauses.size();
    ctx["clause_count"] = std::to_string(clauses);

    // The protocol outlives the page rendering that calls these.
    ctx["contents"] = Value::markup([&p](pugi::xml_node parent) { append_contents(parent, p); });
    ctx["body"] = Value::markup([&p, site](pugi::xml_node parent) {
        pugi::xml_node current;   // the open level-2 section, where sub-headings nest
        pugi::xml_node preamble;  // the open box of the covering report
        for (std::size_t i = 0; i < p.sections.size(); ++i) {
            const Section& s = p.sections[i];
            const std::string title = begins_after_covering_report(p, i) ? document_title(p) : std::string();
            if (s.level > 2 && current) {
                append_section_titled(current, s, p, title);
                continue;
            }
            pugi::xml_node into = parent;
            if (s.kind == SectionKind::preamble) {
                // A covering report is set apart: a reader must see where the document begins.
                if (!preamble) {
                    preamble = element(parent, "div", "preamble-group");
                    text(element(preamble, "p", "preamble-label"), covering_report_label(p));
                }
                into = preamble;
            } else {
                preamble = pugi::xml_node();
            }
            append_section_titled(into, s, p, title);
            current = into.last_child();
        }
        name_tables(parent);
        if (site) link_across_pages(parent, *site);
    });
    ctx["glossary"] = Value::markup([&p](pugi::xml_node parent) { append_glossary(parent, p); }, p.terms.empty());
    return ctx;
}

}  // namespace

Context protocol_context(const Protocol& p, const SiteOptions& options) { return page_context(p, options, nullptr); }

bool render_site(const std::vector<Protocol>& protocols, const SiteOptions& options, io::OutputSet& out,
                 Diagnostics& diags) {
    auto templates = TemplateSet::load(options.templates_dir, diags);
    if (!templates) return false;
    std::map<std::string, std::string> owner;  // page name -> source, to catch collisions
    const SitePages site = site_pages(protocols);
    for (const Protocol& p : protocols) {
        const std::string name = page_name(p);
        if (auto [it, fresh] = owner.emplace(name, p.source_path); !fresh) {
            diags.error(
                p.source_path, {},
                "its page name '" + name + "' is the same as that of " + it->second + "; rename one of the files");
            return false;
        }
        std::string page = templates->render_page("protocol", page_context(p, options, &site), diags);
        if (page.empty()) return false;
        out.add(name, std::move(page));
    }
    std::string index = templates->render_page("index", index_context(protocols, options), diags);
    if (index.empty()) return false;
    out.add("index.html", std::move(index));
    templates->add_linked_assets(out);
    return true;
}

}  // namespace protopub::html
