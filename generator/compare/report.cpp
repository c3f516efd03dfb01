#include "compare/report.hpp"

#include <algorithm>
#include <set>

#include "compare/report_formats.hpp"
#include "compare/writers.hpp"
#include "model/text.hpp"

namespace protopub::compare {

namespace detail {

const Unit& unit_of(const Comparison& cmp, UnitRef ref) {
    return cmp.documents[static_cast<std::size_t>(ref.doc)].units[static_cast<std::size_t>(ref.unit)];
}

const model::Clause& clause_of(const Comparison& cmp, const std::vector<model::Protocol>& protocols, UnitRef ref) {
    const Unit& u = unit_of(cmp, ref);
    return protocols[static_cast<std::size_t>(ref.doc)]
        .sections[static_cast<std::size_t>(u.section)]
        .clauses[static_cast<std::size_t>(u.clause)];
}

redline::Options diff_options() {
    redline::Options o;
    o.replace_whole_above = 1.0;
    return o;
}

bool space_between(const std::string& before, const std::string& after) {
    if (before.empty() || after.empty()) return false;
    static const std::string closing[] = {".", ",", ";", ":", ")", "\u201d", "\u2019", "?", "!"};
    static const std::string opening[] = {"(", "\u201c", "\u2018"};
    for (const auto& c : closing)
        if (after.compare(0, c.size(), c) == 0) return false;
    for (const auto& o : opening)
        if (before.size() >= o.size() && before.compare(before.size() - o.size(), o.size(), o) == 0) return false;
    return true;
}

std::string clause_text(const Comparison& cmp, const std::vector<model::Protocol>& protocols, UnitRef ref) {
    return model::plain_text(clause_of(cmp, protocols, ref));
}

namespace {
void append_structured(const model::Block& b, std::string& out) {
    if (b.kind == model::BlockKind::list) {
        for (const auto& item : b.items) {
            out += out.empty() ? "" : " ";
            out += std::string(item_mark) + " " + (item.label.empty() ? "" : item.label + " ");
            for (const auto& child : item.blocks) out += model::plain_text(child) + " ";
        }
        return;
    }
    if (!out.empty()) out += std::string(" ") + paragraph_mark + " ";
    out += model::plain_text(b);
}
}  // namespace

std::string structured_text(const Comparison& cmp, const std::vector<model::Protocol>& protocols, UnitRef ref) {
    const auto& clause = clause_of(cmp, protocols, ref);
    std::string out = model::plain_text(clause.heading);
    for (const auto& b : clause.blocks) append_structured(b, out);
    return out;
}

}  // namespace detail

std::string council_page(const Document& doc) { return "council-" + doc.id + ".html"; }

std::string topic_councils(const Comparison& cmp, const Topic& topic, const std::vector<int>& leave_out) {
    std::string out;
    int last = -1;
    for (const auto& m : topic.members) {
        if (std::find(leave_out.begin(), leave_out.end(), m.ref.doc) != leave_out.end()) continue;
        const auto& d = cmp.documents[static_cast<std::size_t>(m.ref.doc)];
        out += m.ref.doc == last ? " " : (out.empty() ? "" : ", ") + d.name + " ";
        out += detail::unit_of(cmp, m.ref).number;
        last = m.ref.doc;
    }
    return out;
}

std::string closest_elsewhere_note(const Comparison& cmp, const DocumentView& view, int unit) {
    const auto near = view.nearest_elsewhere.find(unit);
    if (near == view.nearest_elsewhere.end()) return "";
    const Topic& topic = cmp.topics[static_cast<std::size_t>(near->second.topic)];
    return "(no counterpart matched; closest: " + cmp.documents[static_cast<std::size_t>(topic.reference.doc)].name +
           " " + detail::unit_of(cmp, topic.reference).number + ", score " + format_score(near->second.score) + ")";
}

std::string nearest_note(const Comparison& cmp, const DocumentView& view, std::size_t topic) {
    const auto found = view.nearest.find(topic);
    if (found == view.nearest.end()) return "";
    const std::string where =
        detail::unit_of(cmp, found->second.unit).number + " (score " + format_score(found->second.score) + ")";
    return found->second.score >= cmp.related ? "Said in other words, or in part, in " + where + ": check."
                                              : "Nearest here: " + where + ", too far to count.";
}

AlignmentsFrom alignments_from(const Comparison& cmp) {
    AlignmentsFrom out;
    for (const auto& al : cmp.alignments) out[al.a].push_back(&al);
    for (auto& [ref, list] : out)
        std::stable_sort(list.begin(), list.end(),
                         [](const Alignment* x, const Alignment* y) { return x->score > y->score; });
    return out;
}

std::vector<std::size_t> column_order(const Comparison& cmp) {
    std::vector<std::size_t> order;
    if (cmp.base >= 0) order.push_back(static_cast<std::size_t>(cmp.base));
    for (std::size_t d = 0; d < cmp.documents.size(); ++d)
        if (static_cast<int>(d) != cmp.base) order.push_back(d);
    return order;
}

std::vector<DocumentView> document_views(const Comparison& cmp) {
    std::vector<DocumentView> views(cmp.documents.size());
    for (const auto& near : cmp.near_misses)
        views[static_cast<std::size_t>(near.unit.doc)].nearest.emplace(near.topic, near);
    auto near_enough = [&](const DocumentView& v, std::size_t t) {
        const auto found = v.nearest.find(t);
        return found != v.nearest.end() && found->second.score >= cmp.related;
    };
    std::set<std::pair<std::size_t, int>> decided;  // (topic, document) a reviewer says is covered elsewhere
    for (const auto& c : cmp.covered_elsewhere) {
        decided.insert({static_cast<std::size_t>(c.topic), c.doc});
        views[static_cast<std::size_t>(c.doc)].covered_elsewhere.push_back(&c);
    }
    std::vector<std::vector<int>> docs_of(cmp.topics.size());  // per topic: its documents, sorted
    for (std::size_t t = 0; t < cmp.topics.size(); ++t) {
        const auto& topic = cmp.topics[t];
        auto& docs = docs_of[t];
        for (const auto& m : topic.members) docs.push_back(m.ref.doc);
        std::sort(docs.begin(), docs.end());
        docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
        const bool only_base = docs.size() == 1 && docs.front() == cmp.base;
        for (std::size_t d = 0; d < views.size(); ++d) {
            const bool has = std::binary_search(docs.begin(), docs.end(), static_cast<int>(d));
            auto& v = views[d];
            if (!has && decided.count({t, static_cast<int>(d)})) continue;
            if (topic.from_base) {
                if (static_cast<int>(d) == cmp.base) continue;
                if (has)
                    ++v.covered;
                else
                    (near_enough(v, t) ? v.gaps_near : v.gaps).push_back(t);
            } else if (!has && !docs.empty() && !only_base) {
                (near_enough(v, t) ? v.missing_near : v.missing).push_back(t);
            } else if (has && docs.size() == 1) {
                v.unique.push_back(t);
            }
        }
    }
    // Each clause by its closest counterpart: one it chose, or one that chose it.
    std::map<UnitRef, Band> best;
    auto note = [&](UnitRef r, Band b) {
        auto [it, fresh] = best.try_emplace(r, b);
        if (!fresh) it->second = std::min(it->second, b);
    };
    for (const auto& al : cmp.alignments) note(al.a, al.band), note(al.b, al.band);
    for (std::size_t d = 0; d < views.size(); ++d)
        for (std::size_t u = 0; u < cmp.documents[d].units.size(); ++u) {
            auto& v = views[d];
            const auto found = best.find(UnitRef{static_cast<int>(d), static_cast<int>(u)});
            if (found == best.end())
                ++v.unmatched;
            else if (found->second == Band::identical)
                ++v.identical;
            else if (found->second == Band::close)
                ++v.close;
            else
                ++v.related;
        }
    for (const auto& near : cmp.near_misses) {
        auto& elsewhere = views[static_cast<std::size_t>(near.unit.doc)].nearest_elsewhere;
        auto [it, fresh] = elsewhere.try_emplace(near.unit.unit, near);
        if (!fresh && near.score > it->second.score) it->second = near;
    }
    // What most other councils cover comes first: the likeliest thing to have missed.
    for (auto& v : views)
        for (auto* list : {&v.missing, &v.missing_near})
            std::stable_sort(list->begin(), list->end(),
                             [&](std::size_t x, std::size_t y) { return docs_of[x].size() > docs_of[y].size(); });
    return views;
}

namespace {
bool wants(const std::vector<std::string>& formats, const char* f) {
    return std::find(formats.begin(), formats.end(), f) != formats.end();
}
}  // namespace

bool write_report(const Comparison& cmp, const std::vector<model::Protocol>& protocols, const ReportOptions& options,
                  io::OutputSet& out, model::Diagnostics& diags) {
    const auto views = document_views(cmp);
    if (wants(options.formats, "json")) out.add("comparison.json", to_json(cmp));
    if (wants(options.formats, "csv")) {
        out.add("alignments.csv", alignments_csv(cmp));
        out.add("coverage.csv", coverage_csv(cmp));
        out.add("similarity.csv", similarity_csv(cmp));
    }
    if (wants(options.formats, "html")) {
        out.add("heatmap.svg", heatmap_svg(cmp));
        if (!detail::render_html(cmp, protocols, views, options.templates_dir, out, diags)) return false;
    }
    if (!wants(options.formats, "pdf") && !wants(options.formats, "docx")) return true;
    const model::Protocol document = detail::report_document(cmp, protocols, views);
    for (const char* format : {"pdf", "docx"}) {
        if (!wants(options.formats, format)) continue;
        if (!options.render_document) {
            diags.error("comparison", {}, std::string("no renderer was given for the report's ") + format);
            return false;
        }
        std::string bytes = options.render_document(format, document, diags);
        if (bytes.empty()) return false;
        out.add(std::string("comparison.") + format, std::move(bytes));
    }
    return true;
}

}  // namespace protopub::compare
