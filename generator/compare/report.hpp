// The comparison report: what each council's protocol lacks, what only it has, and every
// requested format rendered into one output set.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compare/compare.hpp"
#include "io/files.hpp"
#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::compare {

// What the report says about one document (indices into Comparison::topics).
struct DocumentView {
    std::vector<std::size_t> gaps;       // base topics it has no clause in
    std::vector<std::size_t> missing;    // other topics that other councils cover and it does not
    std::vector<std::size_t> unique;     // topics only it has a clause in
    std::size_t covered = 0;             // base topics it has a clause in
    std::size_t identical = 0, close = 0, related = 0;  // its clauses by band (vs a reference elsewhere)
    std::map<std::size_t, NearMiss> nearest;  // gap or missing topic -> its clause that came nearest
};

// "nearest here: 3.1 (0.12), worth checking" for a gap or missing topic, or "".
std::string nearest_note(const Comparison& cmp, const DocumentView& view, std::size_t topic);
std::vector<DocumentView> document_views(const Comparison& cmp);

// The documents with a clause in `topic`, except those in `leave_out`, as
// "Council 3.2, Other 4.1 4.2".
std::string topic_councils(const Comparison& cmp, const Topic& topic, const std::vector<int>& leave_out);

// The order of the councils' columns in a coverage matrix: the base first (its clause is
// each row's reference), then the others as given.
std::vector<std::size_t> column_order(const Comparison& cmp);

struct ReportOptions {
    std::vector<std::string> formats{"html", "pdf", "csv", "json"};
    std::string templates_dir;   // the HTML templates (compare.xhtml, compare-council.xhtml)
};

// Adds the files of the requested formats to `out`: comparison.json; alignments.csv,
// coverage.csv, similarity.csv; index.html, one council-ID.html per document,
// heatmap.svg and the stylesheets; comparison.pdf. Returns false (with diagnostics) when
// a template or the PDF style cannot be used.
bool write_report(const Comparison& cmp, const std::vector<model::Protocol>& protocols,
                  const ReportOptions& options, io::OutputSet& out, model::Diagnostics& diags);

// The file name of a document's page in the HTML report: "council-guildford.html".
std::string council_page(const Document& doc);

}  // namespace protopub::compare
