// The comparison report: what each council's protocol lacks, what only it has, and every
// requested format rendered into one output set.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "compare/compare.hpp"
#include "io/files.hpp"
#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::compare {

// What the report says about one document (indices into Comparison::topics).
// A topic counts as missing from a document only when none of its clauses scores the
// threshold with the topic's clauses; when one does (it was matched elsewhere, or scored
// too low beside a better candidate), the topic is "said in other words" there: a reader
// should look before calling it a gap.
struct DocumentView {
    std::vector<std::size_t> gaps;          // base topics it has no clause in, nor one near
    std::vector<std::size_t> gaps_near;     // base topics it has no clause in, but one near
    std::vector<std::size_t> missing;       // other councils' topics it has no clause in, nor one near
    std::vector<std::size_t> missing_near;  // ... but one near
    std::vector<std::size_t> unique;        // topics only it has a clause in
    // Gaps or missing topics a reviewer marked covered elsewhere (--decisions): no gaps.
    std::vector<const CoveredElsewhere*> covered_elsewhere;
    std::size_t covered = 0;  // base topics it has a clause in
    // Its clauses by their closest counterpart's band; `unmatched` have none.
    std::size_t identical = 0, close = 0, related = 0, unmatched = 0;
    std::map<std::size_t, NearMiss> nearest;  // gap or missing topic -> its clause that came nearest
    // Per clause with no counterpart: the topic (elsewhere) it came nearest to, if any.
    std::map<int, NearMiss> nearest_elsewhere;
};

// For a clause of `view`'s document with no counterpart: "(no counterpart matched;
// closest: Council 3.1, score 0.120)", or "" when nothing came near.
std::string closest_elsewhere_note(const Comparison& cmp, const DocumentView& view, int unit);

// "nearest here: 3.1 (0.12), worth checking" for a gap or missing topic, or "".
std::string nearest_note(const Comparison& cmp, const DocumentView& view, std::size_t topic);
std::vector<DocumentView> document_views(const Comparison& cmp);

// The documents with a clause in `topic`, except those in `leave_out`, as
// "Council 3.2, Other 4.1 4.2".
std::string topic_councils(const Comparison& cmp, const Topic& topic, const std::vector<int>& leave_out);

// Each clause's alignments (the clause is their `a`), best first: its closest counterpart
// is the front one. The HTML and PDF reports set a clause beside that one.
using AlignmentsFrom = std::map<UnitRef, std::vector<const Alignment*>>;
AlignmentsFrom alignments_from(const Comparison& cmp);

// The order of the councils' columns in a coverage matrix: the base first (its clause is
// each row's reference), then the others as given.
std::vector<std::size_t> column_order(const Comparison& cmp);

struct ReportOptions {
    std::vector<std::string> formats{"html", "pdf", "csv", "json"};
    std::string templates_dir;  // the HTML templates (compare.xhtml, compare-council.xhtml)
    // Draws the report's document (a Protocol) as "pdf" or "docx": the caller's renderers
    // and house style. "" on failure, with diagnostics.
    std::function<std::string(std::string_view format, const model::Protocol&, model::Diagnostics&)> render_document;
};

// Adds the files of the requested formats to `out`: comparison.json; alignments.csv,
// coverage.csv, similarity.csv; index.html, one council-ID.html per document,
// heatmap.svg and the stylesheets; comparison.pdf and comparison.docx. Returns false (with diagnostics) when
// a template or the PDF style cannot be used.
bool write_report(const Comparison& cmp, const std::vector<model::Protocol>& protocols, const ReportOptions& options,
                  io::OutputSet& out, model::Diagnostics& diags);

// The file name of a document's page in the HTML report: "council-guildford.html".
std::string council_page(const Document& doc);

}  // namespace protopub::compare
