#include "compare/report.hpp"

#include <algorithm>

#include "compare/writers.hpp"

namespace protopub::compare {

namespace {
bool wants(const std::vector<std::string>& formats, const char* f) {
    return std::find(formats.begin(), formats.end(), f) != formats.end();
}
}  // namespace

void write_report(const Comparison& cmp, const std::vector<model::Protocol>& /*protocols*/,
                  const std::vector<std::string>& formats, io::OutputSet& out) {
    if (wants(formats, "json")) out.add("comparison.json", to_json(cmp));
    if (wants(formats, "csv")) {
        out.add("alignments.csv", alignments_csv(cmp));
        out.add("coverage.csv", coverage_csv(cmp));
        out.add("similarity.csv", similarity_csv(cmp));
    }
    if (wants(formats, "html")) out.add("heatmap.svg", heatmap_svg(cmp));
}

}  // namespace protopub::compare
