// The HTML report: index.html (councils, heatmap, coverage matrix, unique clauses) and one
// page per council (gaps, what others cover, each clause beside its counterpart), drawn
// through the XHTML templates compare.xhtml and compare-council.xhtml.
#include <algorithm>
#include <map>

#include "compare/report_formats.hpp"
#include "compare/writers.hpp"
#include "html/template.hpp"
#include "io/files.hpp"
#include "redline/redline.hpp"

namespace protopub::compare::detail {

namespace {

using html::Context;
using html::Value;

std::string band_class(Band b) { return std::string("band band-") + to_string(b); }

// The topics each unit of each document is a member of, with its membership.
using Memberships = std::map<UnitRef, std::vector<std::pair<std::size_t, const Member*>>>;
Memberships memberships(const Comparison& cmp) {
    Memberships out;
    for (std::size_t t = 0; t < cmp.topics.size(); ++t)
        for (const auto& m : cmp.topics[t].members) out[m.ref].push_back({t, &m});
    return out;
}

void append_heatmap(pugi::xml_node parent, const Comparison& cmp) {
    pugi::xml_document svg;
    if (svg.load_string(heatmap_svg(cmp).c_str())) parent.append_copy(svg.document_element());
}

// Closeness told by a symbol and a word as well as by colour (WCAG 1.4.1): the symbol
// shows, the word is read out.
const char* band_symbol(Band b) {
    switch (b) {
        case Band::identical: return "\u25cf";  // ●
        case Band::close: return "\u25d1";      // ◑
        case Band::related: return "\u25cb";    // ○
        case Band::absent: return "\u2014";     // —
    }
    return "";
}

void append_band_mark(pugi::xml_node parent, Band b) {
    auto mark = parent.append_child("span");
    mark.append_attribute("class") = "band-mark";
    mark.append_attribute("aria-hidden") = "true";
    mark.text() = band_symbol(b);
    auto word = parent.append_child("span");
    word.append_attribute("class") = "sr-only";
    word.text() = (std::string(" ") + to_string(b) + " ").c_str();
}

void append_matrix(pugi::xml_node parent, const Comparison& cmp) {
    auto table = parent.append_child("table");
    table.append_attribute("class") = "matrix";
    auto head = table.append_child("thead").append_child("tr");
    auto corner = head.append_child("th");
    corner.append_attribute("scope") = "col";
    corner.text() = "Topic";
    const auto columns = column_order(cmp);
    for (auto d : columns) {
        const auto& doc = cmp.documents[d];
        auto th = head.append_child("th");
        th.append_attribute("scope") = "col";
        auto abbr = th.append_child("abbr");
        abbr.append_attribute("title") = doc.name.c_str();
        // "3. Guildford Borough Council": numbered as in the heatmap, and free to wrap.
        abbr.text() = (std::to_string(d + 1) + ". " + doc.name).c_str();
    }
    auto body = table.append_child("tbody");
    for (const auto& topic : cmp.topics) {
        auto row = body.append_child("tr");
        row.append_attribute("id") = ("_" + topic.id).c_str();
        auto th = row.append_child("th");
        th.append_attribute("scope") = "row";
        th.text() = topic.label.c_str();
        std::vector<std::vector<const Member*>> cells(cmp.documents.size());
        for (const auto& m : topic.members) cells[static_cast<std::size_t>(m.ref.doc)].push_back(&m);
        for (auto d : columns) {
            auto td = row.append_child("td");
            if (cells[d].empty()) {
                td.append_attribute("class") = "band-absent";
                append_band_mark(td, Band::absent);
                continue;
            }
            Band best = Band::absent;
            for (const auto* m : cells[d]) best = std::min(best, m->band);
            td.append_attribute("class") = ("band-" + std::string(to_string(best))).c_str();
            append_band_mark(td, best);
            for (const auto* m : cells[d]) {
                if (m != cells[d].front()) td.append_child(pugi::node_pcdata).set_value(" ");
                auto a = td.append_child("a");
                a.append_attribute("href") = (council_page(cmp.documents[d]) + "#" + unit_of(cmp, m->ref).id).c_str();
                a.text() = unit_of(cmp, m->ref).number.c_str();
            }
        }
    }
}

// Sets out structured_text (or pieces of a diff of two) as paragraphs and lists: each
// paragraph_mark starts a new paragraph, each item_mark a new list item.
class Blocks {
public:
    explicit Blocks(pugi::xml_node parent) : parent_(parent) {}
    // Adds `text` (inside `element`, "del"/"ins", when not null).
    void add(const char* element, const std::string& text) {
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t p = text.find(paragraph_mark, start), i = text.find(item_mark, start);
            const std::size_t next = std::min(p, i);
            piece(element, trim(text.substr(start, next == std::string::npos ? std::string::npos : next - start)));
            if (next == std::string::npos) break;
            if (next == p)
                current_ = parent_.append_child("p"), list_ = {};
            else {
                if (!list_) list_ = parent_.append_child("ul");
                current_ = list_.append_child("li");
            }
            last_.clear();
            start = next + std::string_view(next == p ? paragraph_mark : item_mark).size();
        }
    }

private:
    static std::string trim(std::string s) {
        while (!s.empty() && s.front() == ' ') s.erase(0, 1);
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s;
    }
    void piece(const char* element, const std::string& text) {
        if (text.empty()) return;
        if (!current_) current_ = parent_.append_child("p");
        if (space_between(last_, text)) current_.append_child(pugi::node_pcdata).set_value(" ");
        auto target = element ? current_.append_child(element) : current_;
        target.append_child(pugi::node_pcdata).set_value(text.c_str());
        last_ = text;
    }
    pugi::xml_node parent_, current_, list_;
    std::string last_;
};

// Reference text with <del> for words only it has; ours with <ins> for words only we have.
void append_side_by_side(pugi::xml_node parent, const std::string& reference_title, const std::string& reference,
                         const std::string& ours) {
    auto grid = parent.append_child("div");
    grid.append_attribute("class") = "side-by-side";
    auto left = grid.append_child("div");
    left.append_child("h3").text() = reference_title.c_str();
    auto right = grid.append_child("div");
    right.append_child("h3").text() = "This protocol";
    Blocks left_text(left), right_text(right);
    for (const auto& edit : redline::diff_text(reference, ours, diff_options())) {
        if (edit.op != redline::Op::inserted)
            left_text.add(edit.op == redline::Op::deleted ? "del" : nullptr, edit.text);
        if (edit.op != redline::Op::deleted)
            right_text.add(edit.op == redline::Op::inserted ? "ins" : nullptr, edit.text);
    }
}

void append_text(pugi::xml_node parent, const std::string& structured) { Blocks(parent).add(nullptr, structured); }

// Each clause of `doc`, beside the clause it is aligned to (its base clause, or its closest
// counterpart in another council), with its other counterparts named.
void append_clauses(pugi::xml_node parent, const Comparison& cmp, const std::vector<model::Protocol>& protocols,
                    const Memberships& members, const AlignmentsFrom& aligned, const DocumentView& view, int doc) {
    const auto& document = cmp.documents[static_cast<std::size_t>(doc)];
    for (std::size_t u = 0; u < document.units.size(); ++u) {
        const UnitRef ref{doc, static_cast<int>(u)};
        const Unit& unit = document.units[u];
        auto pair = parent.append_child("div");
        pair.append_attribute("class") = "pair";
        pair.append_attribute("id") = unit.id.c_str();
        auto head = pair.append_child("p");
        head.append_attribute("class") = "pair-head";
        auto number = head.append_child("span");
        number.append_attribute("class") = "number";
        number.text() = unit.number.c_str();
        const std::string ours = structured_text(cmp, protocols, ref);
        const Topic& topic = cmp.topics[members.at(ref).front().first];
        head.append_child(pugi::node_pcdata).set_value(topic.label.c_str());
        auto note = [&](const std::string& words) {
            head.append_child(pugi::node_pcdata).set_value(" ");
            auto span = head.append_child("span");
            span.append_attribute("class") = "others";
            span.text() = words.c_str();
        };
        const auto found = aligned.find(ref);
        if (found == aligned.end()) {  // nothing it chose: it is a reference, or alone
            const std::string others = topic_councils(cmp, topic, {doc});
            const std::string closest = closest_elsewhere_note(cmp, view, static_cast<int>(u));
            note(!others.empty() ? "(also: " + others + ")" : !closest.empty() ? closest : "(only this protocol)");
            append_text(pair, ours);
            continue;
        }
        const Alignment& best = *found->second.front();
        auto title = [&](const Alignment& al) {
            return cmp.documents[static_cast<std::size_t>(al.b.doc)].name + " " + unit_of(cmp, al.b).number;
        };
        head.append_child(pugi::node_pcdata).set_value(" ");
        auto band = head.append_child("span");
        band.append_attribute("class") = band_class(best.band).c_str();
        append_band_mark(band, best.band);
        band.append_child(pugi::node_pcdata).set_value(std::string(" ").append(format_score(best.score)).c_str());
        head.append_child(pugi::node_pcdata).set_value(" ");
        auto who = head.append_child("span");
        who.append_attribute("class") = best.confirmed ? "decided" : "guess";
        who.text() = best.confirmed ? "confirmed by a reviewer" : "the matcher's guess";
        std::string more;
        for (std::size_t k = 1; k < found->second.size(); ++k)
            more += (more.empty() ? "" : ", ") + title(*found->second[k]);
        if (!more.empty()) note("(also: " + more + ")");
        if (best.band == Band::identical) {
            note("(same words as " + title(best) + ")");
            append_text(pair, ours);
            continue;
        }
        append_side_by_side(pair, title(best), structured_text(cmp, protocols, best.b), ours);
    }
}

std::string count_text(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

Context index_context(const Comparison& cmp, const std::vector<DocumentView>& views) {
    Context ctx;
    const bool has_base = cmp.base >= 0;
    const std::string base_council = has_base ? cmp.documents[static_cast<std::size_t>(cmp.base)].name : "";
    std::size_t base_topics = 0;
    for (const auto& t : cmp.topics) base_topics += t.from_base;
    ctx["page_title"] = "Comparison of " + count_text(cmp.documents.size(), "protocol", "protocols");
    ctx["lang"] = "en-GB";
    ctx["heading"] = ctx["page_title"].text;
    ctx["has_base"] = has_base ? "yes" : "";
    ctx["summary"] =
        has_base
            ? "Clauses aligned against " + base_council + ": one topic per clause of it (" +
                  std::to_string(base_topics) + "), then " +
                  count_text(cmp.topics.size() - base_topics, "topic", "topics") +
                  " it does not have, grouped from the councils' own clauses."
            : "Every protocol aligned against every other: " + count_text(cmp.topics.size(), "topic", "topics") + ".";
    std::vector<Context> docs;
    for (std::size_t d = 0; d < cmp.documents.size(); ++d) {
        const auto& doc = cmp.documents[d];
        Context row;
        row["number"] = std::to_string(d + 1);
        row["council"] = doc.name;
        row["file"] = doc.file;
        row["clauses"] = std::to_string(doc.units.size());
        row["covered"] = static_cast<int>(d) == cmp.base
                             ? "(the base)"
                             : std::to_string(views[d].covered) + " of " + std::to_string(base_topics);
        row["unique"] = std::to_string(views[d].unique.size());
        row["page"] = council_page(doc);
        row["link_text"] = static_cast<int>(d) == cmp.base ? "Its clauses" : "What differs";
        docs.push_back(std::move(row));
    }
    ctx["documents"] = Value::list(std::move(docs));
    std::vector<Context> unique;
    for (std::size_t d = 0; d < cmp.documents.size(); ++d)
        for (auto t : views[d].unique)
            for (const auto& m : cmp.topics[t].members) {
                Context row;
                row["council"] = cmp.documents[d].name;
                row["number"] = unit_of(cmp, m.ref).number;
                row["label"] = cmp.topics[t].label;
                row["closest"] = closest_elsewhere_note(cmp, views[d], m.ref.unit);
                row["href"] = council_page(cmp.documents[d]) + "#" + unit_of(cmp, m.ref).id;
                unique.push_back(std::move(row));
            }
    ctx["unique"] = Value::list(std::move(unique));
    std::vector<Context> stale;
    for (const auto& st : cmp.stale_decisions) {
        Context row;
        row["where"] = st.decision->file + ":" + std::to_string(st.decision->line);
        row["reason"] = st.reason;
        stale.push_back(std::move(row));
    }
    ctx["stale"] = Value::list(std::move(stale));
    return ctx;
}

Context council_context(const Comparison& cmp, const std::vector<model::Protocol>& protocols, const DocumentView& view,
                        int doc) {
    const auto& document = cmp.documents[static_cast<std::size_t>(doc)];
    Context ctx;
    ctx["page_title"] = document.name + " compared";
    ctx["lang"] = "en-GB";
    ctx["council"] = document.name;
    const bool has_base = cmp.base >= 0 && doc != cmp.base;
    ctx["has_base"] = has_base ? "yes" : "";
    const std::string base_council = cmp.base >= 0 ? cmp.documents[static_cast<std::size_t>(cmp.base)].name : "";
    ctx["gaps_heading"] = "What " + base_council + " says that was found nowhere in this protocol";
    const std::string against = has_base ? " to " + base_council : " to another council's";
    ctx["summary"] =
        count_text(document.units.size(), "clause", "clauses") + ": " + std::to_string(view.identical) + " identical" +
        against + ", " + std::to_string(view.close) + " close, " + std::to_string(view.related) + " related, " +
        std::to_string(view.unmatched) + " with no counterpart found." +
        (has_base ? " Of the base's clauses, " + std::to_string(view.covered) + " have a counterpart here, " +
                        std::to_string(view.gaps_near.size()) + " may be said in other words, " +
                        std::to_string(view.gaps.size()) + " have nothing near."
                  : "");
    auto topic_rows = [&](const std::vector<std::size_t>& topics) {
        std::vector<Context> rows;
        for (auto t : topics) {
            const Topic& topic = cmp.topics[t];
            Context row;
            row["number"] = unit_of(cmp, topic.reference).number;
            row["label"] = topic.label;
            const std::string others = topic_councils(cmp, topic, {cmp.base, doc});
            row["others"] = others.empty() ? "" : "(also in " + others + ")";
            row["councils"] = std::string("(").append(topic_councils(cmp, topic, {doc})).append(")");
            const std::string text = structured_text(cmp, protocols, topic.reference);
            row["text"] = Value::markup([text](pugi::xml_node parent) { append_text(parent, text); });
            row["nearest"] = nearest_note(cmp, view, t);
            if (const auto near = view.nearest.find(t); near != view.nearest.end())
                row["nearest_href"] = "#" + unit_of(cmp, near->second.unit).id;
            rows.push_back(std::move(row));
        }
        return Value::list(std::move(rows));
    };
    std::vector<Context> covered;
    for (const auto* c : view.covered_elsewhere) {
        const Topic& topic = cmp.topics[static_cast<std::size_t>(c->topic)];
        Context row;
        row["number"] = cmp.documents[static_cast<std::size_t>(topic.reference.doc)].name + " " +
                        unit_of(cmp, topic.reference).number;
        row["label"] = topic.label;
        row["note"] = c->decision->note.empty() ? "covered elsewhere" : "covered elsewhere: " + c->decision->note;
        row["by"] = c->decision->by.empty() ? "" : "(" + c->decision->by + ")";
        covered.push_back(std::move(row));
    }
    ctx["covered_elsewhere"] = Value::list(std::move(covered));
    std::vector<Context> rejected;
    for (const auto& r : cmp.rejected) {
        if (r.a.doc != doc) continue;
        Context row;
        row["number"] = unit_of(cmp, r.a).number;
        row["counterpart"] = cmp.documents[static_cast<std::size_t>(r.b.doc)].name + " " + unit_of(cmp, r.b).number;
        row["score"] = format_score(r.score);
        rejected.push_back(std::move(row));
    }
    ctx["rejected"] = Value::list(std::move(rejected));
    // How to record a decision, with this page's own ids: its first clause that has a counterpart.
    std::string example = "decisions:\n";
    for (const auto& al : cmp.alignments)
        if (al.a.doc == doc) {
            const std::string a = document.id + "#" + unit_of(cmp, al.a).id;
            const std::string b = cmp.documents[static_cast<std::size_t>(al.b.doc)].id + "#" + unit_of(cmp, al.b).id;
            example += "  # this protocol's " + unit_of(cmp, al.a).number + " says what " +
                       cmp.documents[static_cast<std::size_t>(al.b.doc)].name + " " + unit_of(cmp, al.b).number +
                       " says:\n  - confirm: " + a + "\n    counterpart: " + b + "\n    by: your name\n" +
                       "  # or it does not (write one of the two):\n  # - reject: " + a + "\n  #   counterpart: " + b +
                       "\n  #   note: why it is not the same rule\n";
            break;
        }
    if (!view.gaps.empty() || !view.gaps_near.empty()) {
        const Topic& topic = cmp.topics[!view.gaps.empty() ? view.gaps.front() : view.gaps_near.front()];
        example += "  # " + cmp.documents[static_cast<std::size_t>(topic.reference.doc)].name + " " +
                   unit_of(cmp, topic.reference).number + " is said in another of the council's documents:\n" +
                   "  - covered-elsewhere: " + cmp.documents[static_cast<std::size_t>(topic.reference.doc)].id + "#" +
                   unit_of(cmp, topic.reference).id + "\n    council: " + document.id +
                   "\n    note: where the council says it (its Code of Conduct, 4.2)\n";
    }
    ctx["decision_example"] = example;
    ctx["gaps"] = topic_rows(view.gaps);
    ctx["gaps_near"] = topic_rows(view.gaps_near);
    ctx["missing"] = topic_rows(view.missing);
    ctx["missing_near"] = topic_rows(view.missing_near);
    return ctx;
}

}  // namespace

bool render_html(const Comparison& cmp, const std::vector<model::Protocol>& protocols,
                 const std::vector<DocumentView>& views, const std::string& templates_dir, io::OutputSet& out,
                 model::Diagnostics& diags) {
    auto templates = html::TemplateSet::load(templates_dir, diags);
    if (!templates) return false;
    for (const char* name : {"compare", "compare-council"})
        if (!templates->has(name)) {
            diags.error(templates_dir, {}, std::string("no template ") + name + ".xhtml in this folder");
            return false;
        }
    Context index = index_context(cmp, views);
    index["heatmap"] = Value::markup([&](pugi::xml_node parent) { append_heatmap(parent, cmp); });
    index["matrix"] = Value::markup([&](pugi::xml_node parent) { append_matrix(parent, cmp); });
    std::string page = templates->render_page("compare", index, diags);
    if (page.empty()) return false;
    out.add("index.html", std::move(page));
    const auto members = memberships(cmp);
    const auto aligned = alignments_from(cmp);
    for (std::size_t d = 0; d < cmp.documents.size(); ++d) {
        Context ctx = council_context(cmp, protocols, views[d], static_cast<int>(d));
        ctx["clauses"] = Value::markup([&, d](pugi::xml_node parent) {
            append_clauses(parent, cmp, protocols, members, aligned, views[d], static_cast<int>(d));
        });
        page = templates->render_page("compare-council", ctx, diags);
        if (page.empty()) return false;
        out.add(council_page(cmp.documents[d]), std::move(page));
    }
    templates->add_linked_assets(out);
    return true;
}

}  // namespace protopub::compare::detail
