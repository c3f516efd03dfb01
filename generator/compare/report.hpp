// The comparison report: every requested format rendered into one output set.
#pragma once

#include <string>
#include <vector>

#include "compare/compare.hpp"
#include "io/files.hpp"
#include "model/protocol.hpp"

namespace protopub::compare {

// Adds the files of `formats` ("html", "pdf", "csv", "json") to `out`:
// comparison.json; alignments.csv, coverage.csv, similarity.csv; index.html with
// heatmap.svg; comparison.pdf.
void write_report(const Comparison& cmp, const std::vector<model::Protocol>& protocols,
                  const std::vector<std::string>& formats, io::OutputSet& out);

}  // namespace protopub::compare
