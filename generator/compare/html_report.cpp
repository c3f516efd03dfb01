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
        abbr.append_attribute("title") = doc.council.c_str();
        // "3. guildford borough council": numbered as in the heatmap, and free to wrap.
        std::string words = std::to_string(d + 1) + ". " + doc.id;
        std::replace(words.begin(), words.end(), '-', ' ');
        abbr.text() = words.c_str();
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
                td.append_child("span").append_attribute("aria-label") = "absent";
                td.child("span").text() = "\u2014";
                continue;
            }
            Band best = Band::absent;
            for (const auto* m : cells[d]) best = std::min(best, m->band);
            td.append_attribute("class") = ("band-" + std::string(to_string(best))).c_str();
            td.append_attribute("title") = to_string(best);
            for (const auto* m : cells[d]) {
                if (m != cells[d].front()) td.append_child(pugi::node_pcdata).set_value(" ");
                auto a = td.append_child("a");
                a.append_attribute("href") = (council_page(cmp.documents[d]) + "#" + unit_of(cmp, m->ref).id).c_str();
                a.text() = unit_of(cmp, m->ref).number.c_str();
            }
        }
    }
}

// Reference text with <del> for words only it has; ours with <ins> for words only we have.
void append_side_by_side(pugi::xml_node parent, const std::string& reference_title, const std::string& reference,
                         const std::string& ours) {
    auto grid = parent.append_child("div");
    grid.append_attribute("class") = "side-by-side";
    auto left = grid.append_child("div");
    left.append_child("h3").text() = reference_title.c_str();
    auto left_text = left.append_child("p");
    auto right = grid.append_child("div");
    right.append_child("h3").text() = "This protocol";
    auto right_text = right.append_child("p");
    std::string left_last, right_last;  // the text of the previous piece on each side
    auto add = [](pugi::xml_node p, std::string& last, const char* element, const std::string& text) {
        if (space_between(last, text)) p.append_child(pugi::node_pcdata).set_value(" ");
        auto target = element ? p.append_child(element) : p;
        target.append_child(pugi::node_pcdata).set_value(text.c_str());
        last = text;
    };
    for (const auto& edit : redline::diff_text(reference, ours, diff_options())) {
        if (edit.op != redline::Op::inserted)
            add(left_text, left_last, edit.op == redline::Op::deleted ? "del" : nullptr, edit.text);
        if (edit.op != redline::Op::deleted)
            add(right_text, right_last, edit.op == redline::Op::inserted ? "ins" : nullptr, edit.text);
    }
}

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
        const std::string ours = clause_text(cmp, protocols, ref);
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
            pair.append_child("p").text() = ours.c_str();
            continue;
        }
        const Alignment& best = *found->second.front();
        auto title = [&](const Alignment& al) {
            return cmp.documents[static_cast<std::size_t>(al.b.doc)].council + " " + unit_of(cmp, al.b).number;
        };
        head.append_child(pugi::node_pcdata).set_value(" ");
        auto band = head.append_child("span");
        band.append_attribute("class") = band_class(best.band).c_str();
        band.text() = (std::string(to_string(best.band)) + " " + format_score(best.score)).c_str();
        std::string more;
        for (std::size_t k = 1; k < found->second.size(); ++k)
            more += (more.empty() ? "" : ", ") + title(*found->second[k]);
        if (!more.empty()) note("(also: " + more + ")");
        if (best.band == Band::identical) {
            note("(same words as " + title(best) + ")");
            pair.append_child("p").text() = ours.c_str();
            continue;
        }
        append_side_by_side(pair, title(best), clause_text(cmp, protocols, best.b), ours);
    }
}

std::string count_text(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

Context index_context(const Comparison& cmp, const std::vector<DocumentView>& views) {
    Context ctx;
    const bool has_base = cmp.base >= 0;
    const std::string base_council = has_base ? cmp.documents[static_cast<std::size_t>(cmp.base)].council : "";
    std::size_t base_topics = 0;
    for (const auto& t : cmp.topics) base_topics += t.from_base;
    ctx["page_title"] = "Comparison of " + count_text(cmp.documents.size(), "protocol", "protocols");
    ctx["lang"] = "en-GB";
    ctx["heading"] = ctx["page_title"].text;
    ctx["has_base"] = has_base ? "yes" : "";
    ctx["summary"] = has_base ? "Clauses aligned against " + base_council + ": one topic per clause of it (" +
                                    std::to_string(base_topics) + "), then " +
                                    count_text(cmp.topics.size() - base_topics, "topic", "topics") +
                                    " it does not have, grouped from the councils' own clauses."
                              : "Every protocol aligned against every other: " +
                                    count_text(cmp.topics.size(), "topic", "topics") + ".";
    std::vector<Context> docs;
    for (std::size_t d = 0; d < cmp.documents.size(); ++d) {
        const auto& doc = cmp.documents[d];
        Context row;
        row["number"] = std::to_string(d + 1);
        row["council"] = doc.council;
        row["file"] = doc.file;
        row["clauses"] = std::to_string(doc.units.size());
        row["covered"] = static_cast<int>(d) == cmp.base ? "(the base)"
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
                row["council"] = cmp.documents[d].council;
                row["number"] = unit_of(cmp, m.ref).number;
                row["label"] = cmp.topics[t].label;
                row["closest"] = closest_elsewhere_note(cmp, views[d], m.ref.unit);
                row["href"] = council_page(cmp.documents[d]) + "#" + unit_of(cmp, m.ref).id;
                unique.push_back(std::move(row));
            }
    ctx["unique"] = Value::list(std::move(unique));
    return ctx;
}

Context council_context(const Comparison& cmp, const std::vector<model::Protocol>& protocols, const DocumentView& view,
                        int doc) {
    const auto& document = cmp.documents[static_cast<std::size_t>(doc)];
    Context ctx;
    ctx["page_title"] = document.council + " compared";
    ctx["lang"] = "en-GB";
    ctx["council"] = document.council;
    const bool has_base = cmp.base >= 0 && doc != cmp.base;
    ctx["has_base"] = has_base ? "yes" : "";
    const std::string base_council = cmp.base >= 0 ? cmp.documents[static_cast<std::size_t>(cmp.base)].council : "";
    ctx["gaps_heading"] = "What " + base_council + " says that was found nowhere in this protocol";
    const std::string against = has_base ? " to " + base_council : " to another council's";
    ctx["summary"] = count_text(document.units.size(), "clause", "clauses") + ": " + std::to_string(view.identical) +
                     " identical" + against + ", " + std::to_string(view.close) + " close, " +
                     std::to_string(view.related) + " related, " + std::to_string(view.unmatched) +
                     " with no counterpart found." +
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
            row["text"] = clause_text(cmp, protocols, topic.reference);
            row["nearest"] = nearest_note(cmp, view, t);
            if (const auto near = view.nearest.find(t); near != view.nearest.end())
                row["nearest_href"] = "#" + unit_of(cmp, near->second.unit).id;
            rows.push_back(std::move(row));
        }
        return Value::list(std::move(rows));
    };
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
        ctx["clauses"] = Value::markup(
            [&, d](pugi::xml_node parent) { append_clauses(parent, cmp, protocols, members, aligned, views[d], static_cast<int>(d)); });
        page = templates->render_page("compare-council", ctx, diags);
        if (page.empty()) return false;
        out.add(council_page(cmp.documents[d]), std::move(page));
    }
    templates->add_linked_assets(out);
    return true;
}

}  // namespace protopub::compare::detail
