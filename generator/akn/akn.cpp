#include "akn/akn.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include <pugixml.hpp>

#include "io/files.hpp"
#include "model/facts.hpp"
#include "model/text.hpp"

namespace protopub::akn {
namespace {

using model::Block;
using model::BlockKind;
using model::Clause;
using model::Inline;
using model::InlineKind;
using model::Inlines;
using model::Section;

constexpr const char* akn_namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// The eId step for a displayed number: "4.21" -> "4-21", "(a)" -> "a", "3." -> "3".
std::string number_step(const std::string& number) {
    std::string out;
    for (char c : number) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if ((c == '.' || c == '-') && !out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// ISO 639-2 code for the FRBR language (AKN uses three letters).
std::string language_code(const std::string& bcp47) {
    const std::string primary = bcp47.substr(0, bcp47.find('-'));
    static const std::map<std::string, std::string> codes = {
        {"en", "eng"}, {"cy", "cym"}, {"fr", "fra"}, {"de", "deu"}};
    auto it = codes.find(primary);
    return it == codes.end() ? "eng" : it->second;
}

// Only when neither the source nor SOURCE_DATE_EPOCH gives a date: the schema needs one,
// and its name says it is not known.
constexpr const char* kUnknownDate = "1970-01-01";

std::string date_of(std::int64_t epoch) { return io::format_iso_datetime(epoch).substr(0, 10); }

// An element with children and its own eId: children's eIds are "<parent>__<name>_<n>".
struct Scope {
    pugi::xml_node node;
    std::string eid;
    std::map<std::string, int> counts;  // ordinals of unnumbered children, by name
};

class AknWriter {
public:
    AknWriter(const model::Protocol& p, const AknOptions& o) : protocol_(p), options_(o) {}

    std::string write() {
        auto root = doc_.append_child("akomaNtoso");
        root.append_attribute("xmlns") = akn_namespace;
        auto document = root.append_child("doc");
        document.append_attribute("name") = "protocol";
        write_meta(document.append_child("meta"));
        write_covering_report(document);
        write_body(document.append_child("mainBody"));
        resolve_refs();
        mark_terms();
        std::ostringstream out;
        // Raw: indenting would add white space inside mixed content (<p>text <i>x</i></p>).
        doc_.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str() + "\n";
    }

private:
    // ------------------------------------------------------------ identification

    static void value(pugi::xml_node parent, const char* name, const std::string& v, const char* attribute = "value") {
        parent.append_child(name).append_attribute(attribute) = v.c_str();
    }

    void core_properties(pugi::xml_node frbr, const std::string& this_uri, const std::string& uri,
                         const std::string& date, const char* date_name) {
        value(frbr, "FRBRthis", this_uri);
        value(frbr, "FRBRuri", uri);
        auto d = frbr.append_child("FRBRdate");
        d.append_attribute("date") = date.c_str();
        d.append_attribute("name") = date_name;
        auto author = frbr.append_child("FRBRauthor");
        author.append_attribute("href") = "#council";
    }

    void write_meta(pugi::xml_node meta) {
        const auto& m = protocol_.meta;
        const std::string council = model::slugify(m.council, 12).empty() ? "council" : model::slugify(m.council, 12);
        const std::string title = model::slugify(m.title, 8).empty() ? "protocol" : model::slugify(m.title, 8);
        // The schema needs a date at every FRBR level: the adoption where the source gives
        // one, else the generation date (SOURCE_DATE_EPOCH), named as what it is.
        const bool is_adopted = io::parse_iso_date(m.adopted).has_value();
        const std::string manifested = options_.epoch ? date_of(*options_.epoch)
                                       : is_adopted   ? m.adopted
                                                      : kUnknownDate;
        const std::string adopted = is_adopted ? m.adopted : manifested;
        const char* adopted_name = is_adopted ? "adoption" : options_.epoch ? "generation" : "unknown";
        const char* manifested_name = options_.epoch ? "generation" : is_adopted ? "adoption" : "unknown";
        const std::string version = number_step(m.version).empty() ? adopted : number_step(m.version);

        const std::string work = "/akn/" + options_.country + "/doc/protocol/" + council + "/" + adopted + "/" + title;
        const std::string expression = work + "/" + language_code(m.lang) + "@" + version;
        auto id = meta.append_child("identification");
        id.append_attribute("source") = "#protopub";

        auto w = id.append_child("FRBRWork");
        core_properties(w, work + "/!main", work, adopted, adopted_name);
        value(w, "FRBRcountry", options_.country);
        value(w, "FRBRsubtype", "protocol");
        value(w, "FRBRname", m.title);

        auto e = id.append_child("FRBRExpression");
        core_properties(e, expression + "/!main", expression, adopted, adopted_name);
        if (!m.version.empty()) value(e, "FRBRversionNumber", m.version);
        value(e, "FRBRlanguage", language_code(m.lang), "language");

        auto f = id.append_child("FRBRManifestation");
        core_properties(f, expression + "/!main.xml", expression + ".akn", manifested, manifested_name);
        value(f, "FRBRformat", "application/akn+xml");

        auto refs = meta.append_child("references");
        refs.append_attribute("source") = "#protopub";
        auto organization = [&](const char* eid, const std::string& href, const std::string& show) {
            auto o = refs.append_child("TLCOrganization");
            o.append_attribute("eId") = eid;
            o.append_attribute("href") = href.c_str();
            o.append_attribute("showAs") = show.c_str();
        };
        organization("council", "/ontology/organization/" + options_.country + "/" + council,
                     m.council.empty() ? "council" : m.council);
        organization("protopub", "/ontology/organization/protopub", "protopub");
        // Defined terms: each a TLCTerm, and its use where it is defined a <def> (see mark_terms).
        std::set<std::string> seen;
        for (const auto& t : protocol_.terms) {
            const std::string slug = model::slugify(t.term, 8);
            if (slug.empty() || !seen.insert(slug).second) continue;
            auto term = refs.append_child("TLCTerm");
            term.append_attribute("eId") = ("term_" + slug).c_str();
            term.append_attribute("href") = ("/ontology/term/" + slug).c_str();
            term.append_attribute("showAs") = t.term.c_str();
        }
    }

    // A covering report (a committee report printed before the document) is not part of it:
    // the preface holds it, labelled, outside the mainBody.
    void write_covering_report(pugi::xml_node document) {
        pugi::xml_node container;
        for (const auto& s : protocol_.sections) {
            if (s.kind != model::SectionKind::preamble) continue;
            if (!container) {
                container = document.append_child("preface").append_child("container");
                container.append_attribute("name") = "coveringReport";
                container.append_attribute("eId") = "container_coveringReport";
                auto label = container.append_child("p");
                label.append_attribute("class") = "label";
                text(label, model::covering_report_label(protocol_));
            }
            Scope scope{container, "container_coveringReport", {}};
            if (!s.heading.empty()) {
                auto heading = container.append_child("p");
                heading.append_attribute("class") = "heading";
                inlines(heading.append_child("b"), s.heading);
            }
            blocks(scope, s.intro);
        }
    }

    // The first use of each defined term in the clause that defines it becomes <def>.
    void mark_terms() {
        for (const auto& t : protocol_.terms) {
            auto where = eid_of_.find(t.clause_id);
            const std::string slug = model::slugify(t.term, 8);
            if (where == eid_of_.end() || slug.empty() || t.term.empty()) continue;
            auto clause = doc_.find_node([&](pugi::xml_node n) { return where->second == n.attribute("eId").value(); });
            if (clause) wrap_first(clause, t.term, "#term_" + slug);
        }
    }

    static bool wrap_first(pugi::xml_node n, const std::string& term, const std::string& refers_to) {
        for (auto child = n.first_child(); child; child = child.next_sibling()) {
            if (child.type() == pugi::node_pcdata) {
                const std::string words = child.value();
                const std::size_t at = words.find(term);
                if (at == std::string::npos) continue;
                auto def = n.insert_child_after("def", child);
                def.append_attribute("refersTo") = refers_to.c_str();
                def.append_child(pugi::node_pcdata).set_value(term.c_str());
                n.insert_child_after(pugi::node_pcdata, def).set_value(words.substr(at + term.size()).c_str());
                child.set_value(words.substr(0, at).c_str());
                return true;
            }
            const std::string name = child.name();
            if (name == "num" || name == "ref" || name == "def" || name == "a") continue;
            if (wrap_first(child, term, refers_to)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------ identifiers

    // The eId of a new child of `scope`: numbered children use their number, others
    // their ordinal; a clash (a number written twice) gets a suffix so eIds stay unique.
    std::string child_eid(Scope& scope, const std::string& name, const std::string& number) {
        std::string step = number_step(number);
        if (step.empty()) step = std::to_string(++scope.counts[name]);
        std::string eid = (scope.eid.empty() ? "" : scope.eid + "__") + name + "_" + step;
        const std::string base = eid;
        for (int n = 2; used_eids_.count(eid); ++n) eid = base + "_" + std::to_string(n);
        used_eids_.insert(eid);
        return eid;
    }

    pugi::xml_node open(Scope& parent, const char* element, const char* eid_name, const std::string& number,
                        const std::string& stable_id, Scope& child) {
        auto n = parent.node.append_child(element);
        child.node = n;
        child.eid = child_eid(parent, eid_name, number);
        n.append_attribute("eId") = child.eid.c_str();
        if (!stable_id.empty()) {
            n.append_attribute("wId") = stable_id.c_str();
            eid_of_.emplace(stable_id, child.eid);
        }
        return n;
    }

    // ------------------------------------------------------------ inline content

    void inlines(pugi::xml_node parent, const Inlines& content) {
        for (const auto& in : content) inline_node(parent, in);
    }

    void text(pugi::xml_node parent, const std::string& words) {
        // Adjacent text joins one node, so the output reads naturally.
        auto last = parent.last_child();
        if (last.type() == pugi::node_pcdata)
            last.set_value((std::string(last.value()) + words).c_str());
        else
            parent.append_child(pugi::node_pcdata).set_value(words.c_str());
    }

    void named_inline(pugi::xml_node parent, const char* name, const Inlines& children) {
        auto n = parent.append_child("inline");
        n.append_attribute("name") = name;
        inlines(n, children);
    }

    void inline_node(pugi::xml_node parent, const Inline& in) {
        switch (in.kind) {
            case InlineKind::text: text(parent, in.text); break;
            case InlineKind::soft_break: text(parent, " "); break;
            case InlineKind::line_break: parent.append_child("eol"); break;
            case InlineKind::emphasis: inlines(parent.append_child("i"), in.children); break;
            case InlineKind::strong: inlines(parent.append_child("b"), in.children); break;
            case InlineKind::inserted: inlines(parent.append_child("ins"), in.children); break;
            case InlineKind::deleted: inlines(parent.append_child("del"), in.children); break;
            case InlineKind::strike: named_inline(parent, "strike", in.children); break;
            case InlineKind::code: {
                auto n = parent.append_child("inline");
                n.append_attribute("name") = "code";
                text(n, in.text);
                break;
            }
            case InlineKind::link: {
                auto a = parent.append_child("a");
                a.append_attribute("href") = in.target.c_str();
                if (in.children.empty())
                    text(a, in.target);
                else
                    inlines(a, in.children);
                break;
            }
            case InlineKind::reference: reference(parent, in); break;
        }
    }

    // Internal references point at eIds, which are only all known at the end.
    void reference(pugi::xml_node parent, const Inline& in) {
        const model::LinkTarget to = model::link_target(protocol_, in);
        if (to.kind != model::LinkTarget::Kind::none) {
            auto r = parent.append_child("ref");
            r.append_attribute("href") = to.kind == model::LinkTarget::Kind::web ? to.target.c_str() : "";
            if (to.kind == model::LinkTarget::Kind::clause) pending_refs_.emplace_back(r, to.target);
            inlines(r, in.children);
        } else {
            inlines(parent, in.children);
        }
    }

    void resolve_refs() {
        for (auto& [node, clause_id] : pending_refs_) {
            auto it = eid_of_.find(clause_id);
            if (it != eid_of_.end()) {
                node.attribute("href") = ("#" + it->second).c_str();
            } else {
                // Target outside this document: keep the words, drop the link.
                for (auto child = node.first_child(); child; child = node.first_child())
                    node.parent().insert_move_before(child, node);
                node.parent().remove_child(node);
            }
        }
    }

    // ------------------------------------------------------------ blocks

    void blocks(Scope& scope, const std::vector<Block>& content, std::size_t from = 0) {
        for (std::size_t i = from; i < content.size(); ++i) block(scope, content[i]);
    }

    void block(Scope& scope, const Block& b) {
        switch (b.kind) {
            case BlockKind::paragraph: inlines(scope.node.append_child("p"), b.inlines); break;
            case BlockKind::list: {
                Scope list;
                open(scope, "blockList", "list", "", "", list);
                for (const auto& item : b.items) {
                    Scope entry;
                    open(list, "item", "item", item.label, item.id, entry);
                    if (!item.label.empty()) text(entry.node.append_child("num"), item.label);
                    blocks(entry, item.blocks);
                    if (item.blocks.empty()) entry.node.append_child("p");
                }
                break;
            }
            case BlockKind::table: {
                if (b.rows.empty()) break;
                Scope table;
                open(scope, "table", "table", "", "", table);
                for (const auto& row : b.rows) {
                    auto tr = table.node.append_child("tr");
                    for (const auto& cell : row.cells)
                        inlines(tr.append_child(row.header ? "th" : "td").append_child("p"), cell.inlines);
                    if (row.cells.empty()) tr.append_child("td").append_child("p");
                }
                break;
            }
            case BlockKind::quote: {
                Scope quote;
                open(scope, "blockContainer", "blockcontainer", "", "", quote);
                quote.node.append_attribute("class") = "quote";
                blocks(quote, b.children);
                if (b.children.empty()) quote.node.append_child("p");
                break;
            }
        }
    }

    // ------------------------------------------------------------ structure

    // Hierarchy elements hold either <content> or <intro> + children: when the first child
    // arrives, the words already written become the intro.
    static void make_room_for_children(pugi::xml_node n) {
        if (auto content = n.child("content")) content.set_name("intro");
    }

    struct OpenClause {
        int depth;
        Scope scope;
    };

    static const char* clause_element(std::size_t nesting) {
        static const char* names[] = {"paragraph", "subparagraph", "point"};
        return names[std::min<std::size_t>(nesting, 2)];
    }
    static const char* clause_eid_name(std::size_t nesting) {
        static const char* names[] = {"para", "subpara", "point"};
        return names[std::min<std::size_t>(nesting, 2)];
    }

    // Nesting comes from the numbers: 3.1.1 goes inside 3.1. An unnumbered clause belongs
    // to the clause before it and never holds others.
    void clause(Scope& container, std::vector<OpenClause>& open_clauses, const Clause& c) {
        const bool numbered = c.depth() > 0;
        while (numbered && !open_clauses.empty() && open_clauses.back().depth >= c.depth()) open_clauses.pop_back();
        Scope& parent = open_clauses.empty() ? container : open_clauses.back().scope;
        make_room_for_children(parent.node);
        OpenClause oc{c.depth(), {}};
        auto n = open(parent, clause_element(open_clauses.size()), clause_eid_name(open_clauses.size()), c.number.text,
                      c.id, oc.scope);
        if (!c.number.text.empty()) text(n.append_child("num"), c.number.text);
        if (!c.heading.empty()) inlines(n.append_child("heading"), c.heading);
        Scope content{n.append_child("content"), oc.scope.eid, {}};
        blocks(content, c.blocks);
        if (c.blocks.empty()) content.node.append_child("p");
        // Keep ordinals of the clause's own children (lists, tables) with the clause.
        oc.scope.counts = content.counts;
        if (numbered) open_clauses.push_back(std::move(oc));
    }

    void section_body(Scope& scope, const Section& s) {
        if (!s.number.text.empty()) text(scope.node.append_child("num"), s.number.text);
        if (!s.heading.empty()) inlines(scope.node.append_child("heading"), s.heading);
        if (!s.intro.empty() || s.clauses.empty()) {
            Scope content{scope.node.append_child("content"), scope.eid, {}};
            blocks(content, s.intro);
            if (s.intro.empty()) content.node.append_child("p");
        }
        std::vector<OpenClause> open_clauses;
        for (const auto& c : s.clauses) clause(scope, open_clauses, c);
    }

    // Level-2 sections are <section>s; level-3 sub-headings are <subsection>s inside the
    // section before them (numbering runs on across them, so nothing else moves).
    void write_body(pugi::xml_node body) {
        Scope main{body, "", {}};
        Scope* current_section = nullptr;
        Scope section;
        bool any = false;
        for (const auto& s : protocol_.sections) {
            if (s.kind == model::SectionKind::preamble) continue;  // in the preface
            any = true;
            const bool sub = s.level > 2 && current_section;
            if (!sub) {
                section = Scope{};
                open(main, "section", "sec", s.number.text, s.id, section);
                current_section = &section;
                section_body(section, s);
            } else {
                make_room_for_children(section.node);
                Scope subsection;
                open(section, "subsection", "subsec", s.number.text, s.id, subsection);
                section_body(subsection, s);
            }
        }
        if (!any) {
            Scope empty;
            open(main, "section", "sec", "", "", empty);
            empty.node.append_child("content").append_child("p");
        }
    }

    const model::Protocol& protocol_;
    const AknOptions& options_;
    pugi::xml_document doc_;
    std::set<std::string> used_eids_;
    std::map<std::string, std::string> eid_of_;  // stable id -> eId
    std::vector<std::pair<pugi::xml_node, std::string>> pending_refs_;
};

}  // namespace

std::string render_akn(const model::Protocol& protocol, const AknOptions& options, model::Diagnostics&) {
    return AknWriter(protocol, options).write();
}

}  // namespace protopub::akn
