// The PDF report: the comparison expressed as a model::Protocol (sections of paragraphs,
// lists and tables; diffs as inserted/deleted marks) and drawn by the PDF renderer, so
// the report looks like every other protopub PDF.
#include <cmath>

#include "compare/report_formats.hpp"
#include "compare/writers.hpp"
#include "model/make.hpp"
#include "redline/redline.hpp"

namespace protopub::compare::detail {

namespace {

// Wide tables do not fit an A4 page: beyond this many documents the similarity and
// coverage tables are left to the HTML report and the CSV files.
constexpr std::size_t max_table_documents = 8;

using model::make::bullets;
using model::make::marked;
using model::make::paragraph;
using model::make::section;
using model::make::table;
using model::make::text;

// Marks that every PDF viewer can copy as text (the standard PDF encoding has no "≈"),
// and the tint of a matrix cell: darker is closer, as in the HTML report.
const char* band_mark(Band b) {
    switch (b) {
        case Band::identical: return "=";
        case Band::close: return "~";
        case Band::related: return "\u00b7";
        case Band::absent: return "\u2014";
    }
    return "";
}

float band_shade(Band b) {
    switch (b) {
        case Band::identical: return 0.9f;
        case Band::close: return 0.5f;
        case Band::related: return 0.2f;
        case Band::absent: return -1;
    }
    return -1;
}

std::vector<model::Block> overview(const Comparison& cmp, const std::vector<DocumentView>& views) {
    std::vector<std::vector<std::string>> rows = {{"No.", "Council", "Clauses", "Base clauses covered", "Only here"}};
    for (std::size_t d = 0; d < cmp.documents.size(); ++d)
        rows.push_back({std::to_string(d + 1), cmp.documents[d].name, std::to_string(cmp.documents[d].units.size()),
                        static_cast<int>(d) == cmp.base ? "(the base)" : std::to_string(views[d].covered),
                        std::to_string(views[d].unique.size())});
    std::vector<model::Block> blocks = {table(rows)};
    if (cmp.documents.size() > max_table_documents) {
        blocks.push_back(
            paragraph({text("Similarity and coverage of this many councils: see heatmap.svg, "
                            "similarity.csv and coverage.csv.")}));
        return blocks;
    }
    blocks.push_back(
        paragraph({text("How alike the protocols are: each square is the share of topics two "
                        "councils both cover, in per cent (darker is more alike).")}));
    // The heatmap: rows "3. guildford", columns by number, cells tinted by similarity.
    std::vector<std::vector<std::string>> sim = {{""}};
    for (std::size_t d = 0; d < cmp.documents.size(); ++d) sim[0].push_back(std::to_string(d + 1));
    for (std::size_t a = 0; a < cmp.documents.size(); ++a) {
        sim.push_back({std::to_string(a + 1) + ". " + cmp.documents[a].name});
        for (double s : cmp.similarity[a]) sim.back().push_back(std::to_string(std::lround(s * 100)));
    }
    model::Block heatmap = table(sim);
    for (std::size_t a = 0; a < cmp.documents.size(); ++a)
        for (std::size_t b = 0; b < cmp.documents.size(); ++b)
            heatmap.rows[a + 1].cells[b + 1].shade = static_cast<float>(cmp.similarity[a][b]);
    heatmap.align.assign(sim[0].size(), model::Align::center);
    heatmap.align[0] = model::Align::left;
    blocks.push_back(std::move(heatmap));
    return blocks;
}

std::vector<model::Block> coverage(const Comparison& cmp) {
    // Columns numbered as in the Councils table, so that the topics keep the width.
    const auto columns = column_order(cmp);
    std::vector<std::vector<std::string>> rows = {{"Topic"}};
    for (auto d : columns) rows[0].push_back(std::to_string(d + 1));
    std::vector<std::size_t> column_of(cmp.documents.size());
    for (std::size_t k = 0; k < columns.size(); ++k) column_of[columns[k]] = k + 1;
    std::vector<std::vector<Band>> bands;  // per row, per column: the closest band there
    for (const auto& topic : cmp.topics) {
        std::vector<std::string> row = {topic.label};
        row.resize(1 + cmp.documents.size());
        std::vector<Band> best(row.size(), Band::absent);
        for (const auto& m : topic.members) {
            const std::size_t c = column_of[static_cast<std::size_t>(m.ref.doc)];
            row[c] += (row[c].empty() ? "" : " ") + unit_of(cmp, m.ref).number + " " + band_mark(m.band);
            best[c] = std::min(best[c], m.band);
        }
        for (std::size_t k = 1; k < row.size(); ++k)
            if (row[k].empty()) row[k] = band_mark(Band::absent);
        rows.push_back(std::move(row));
        bands.push_back(std::move(best));
    }
    model::Block matrix = table(rows);
    for (std::size_t r = 0; r < bands.size(); ++r)
        for (std::size_t c = 1; c < bands[r].size(); ++c) matrix.rows[r + 1].cells[c].shade = band_shade(bands[r][c]);
    return {
        paragraph({text("One row per topic; one column per council, numbered as in the Councils table" +
                        std::string(cmp.base >= 0 ? ", the base first" : "") +
                        ". Each cell: the council's clause number and how close its words are to the topic's "
                        "reference clause (= identical, ~ close, \u00b7 related, \u2014 absent; darker is closer).")}),
        std::move(matrix)};
}

std::vector<model::Block> council_blocks(const Comparison& cmp, const std::vector<model::Protocol>& protocols,
                                         const AlignmentsFrom& aligned, const DocumentView& view, int doc) {
    std::vector<model::Block> blocks;
    // "3.3.2 Label (also: Council 5.1)" for gaps; "Label (Council 4.1, Other 2.3)" otherwise.
    auto topic_items = [&](const std::vector<std::size_t>& topics, bool from_base) {
        std::vector<std::string> items;
        for (auto t : topics) {
            const auto& topic = cmp.topics[t];
            const std::string who =
                topic_councils(cmp, topic, from_base ? std::vector<int>{doc, cmp.base} : std::vector<int>{doc});
            const std::string lead = from_base ? unit_of(cmp, topic.reference).number + " " : "";
            const std::string near = nearest_note(cmp, view, t);
            items.push_back(lead + topic.label +
                            (who.empty() ? ""
                             : from_base ? " (also: " + who + ")"
                                         : " (" + who + ")") +
                            (near.empty() ? "" : ". " + near));
        }
        return items;
    };
    if (cmp.base >= 0 && doc != cmp.base) {
        blocks.push_back(paragraph(
            {marked(model::InlineKind::strong, "What the base says that was found nowhere in this protocol")}));
        blocks.push_back(view.gaps.empty() ? paragraph({text("Nothing.")}) : bullets(topic_items(view.gaps, true)));
        if (!view.gaps_near.empty()) {
            blocks.push_back(paragraph({text("Perhaps said here in other words or in part (check):")}));
            blocks.push_back(bullets(topic_items(view.gaps_near, true)));
        }
    }
    blocks.push_back(paragraph(
        {marked(model::InlineKind::strong, "What other councils cover that was found nowhere in this protocol")}));
    blocks.push_back(view.missing.empty() ? paragraph({text("Nothing.")}) : bullets(topic_items(view.missing, false)));
    if (!view.missing_near.empty()) {
        blocks.push_back(paragraph({text("Perhaps said here in other words or in part (check):")}));
        blocks.push_back(bullets(topic_items(view.missing_near, false)));
    }
    blocks.push_back(paragraph({marked(model::InlineKind::strong, "Where it says the same thing differently")}));
    // Each clause in document order beside its closest counterpart, as the HTML page sets it.
    for (std::size_t u = 0; u < cmp.documents[static_cast<std::size_t>(doc)].units.size(); ++u) {
        const auto found = aligned.find(UnitRef{doc, static_cast<int>(u)});
        if (found == aligned.end() || found->second.front()->band == Band::identical) continue;
        const Alignment& best = *found->second.front();
        const std::string title = unit_of(cmp, best.a).number + " against " +
                                  cmp.documents[static_cast<std::size_t>(best.b.doc)].name + " " +
                                  unit_of(cmp, best.b).number + " (" + to_string(best.band) + "):";
        model::Inlines diff;
        std::string last;
        for (const auto& edit : redline::diff_text(clause_text(cmp, protocols, best.b),
                                                   clause_text(cmp, protocols, best.a), diff_options())) {
            if (space_between(last, edit.text)) diff.push_back(text(" "));
            last = edit.text;
            diff.push_back(edit.op == redline::Op::equal     ? text(edit.text)
                           : edit.op == redline::Op::deleted ? marked(model::InlineKind::deleted, edit.text)
                                                             : marked(model::InlineKind::inserted, edit.text));
        }
        blocks.push_back(paragraph({marked(model::InlineKind::emphasis, title)}));
        blocks.push_back(paragraph(std::move(diff)));
    }
    return blocks;
}

}  // namespace

model::Protocol report_document(const Comparison& cmp, const std::vector<model::Protocol>& protocols,
                                const std::vector<DocumentView>& views) {
    model::Protocol report;
    report.source_path = "comparison";
    report.meta.title = "Comparison of " + std::to_string(cmp.documents.size()) + " protocols";
    report.meta.council = cmp.base >= 0 ? "Against " + cmp.documents[static_cast<std::size_t>(cmp.base)].name
                                        : "Every protocol against every other";
    report.sections.push_back(section("councils", "Councils", overview(cmp, views)));
    const auto aligned = alignments_from(cmp);
    if (cmp.documents.size() <= max_table_documents)
        report.sections.push_back(section("coverage", "Coverage", coverage(cmp)));
    for (std::size_t d = 0; d < cmp.documents.size(); ++d)
        report.sections.push_back(section("council-" + cmp.documents[d].id, cmp.documents[d].name,
                                          council_blocks(cmp, protocols, aligned, views[d], static_cast<int>(d))));
    return report;
}

}  // namespace protopub::compare::detail
