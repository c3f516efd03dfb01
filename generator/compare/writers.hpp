// Writers of a Comparison for analysts: JSON, CSV tables, and the similarity heatmap (SVG).
// Every writer is deterministic: the same Comparison gives the same bytes.
#pragma once

#include <string>

#include "compare/compare.hpp"

namespace protopub::compare {

// {"documents":[{"id","council","file"}], "base", "alignments":[{"a":{"doc","number","id"},
//  "b":{...},"score","band","topic"}], "topics":[{"id","label","reference","members":[...]}],
//  "similarity":[[...]]}
std::string to_json(const Comparison& cmp);

// One row per alignment: topic, label, both clauses, score, band.
std::string alignments_csv(const Comparison& cmp);
// Topics x documents: each cell the document's clause numbers in that topic ("" if absent).
std::string coverage_csv(const Comparison& cmp);
// Documents x documents similarity.
std::string similarity_csv(const Comparison& cmp);

// The council-by-council similarity as an SVG heatmap (standalone, with a title and
// labels), embeddable in HTML as is.
std::string heatmap_svg(const Comparison& cmp);

// "0.873": the fixed three-decimal form every writer prints scores in.
std::string format_score(double score);

}  // namespace protopub::compare
