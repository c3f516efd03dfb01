// A covering report found before the protocol (the preamble sections the importer keeps,
// as in Oxford's "To: Standards Committee / Date / Item No ..." paper), written as the
// REPORT.md `protopub report` reads, so the last report is a starting point for the next.
#pragma once

#include <optional>
#include <string>

#include "model/protocol.hpp"

namespace protopub::import {

// The REPORT.md text: "Label: value" lines become the cover fields (committee, date, item,
// report of, purpose, recommendations, implications, author, background papers, version),
// the numbered paragraphs the body, the preamble's headings its headings, and the protocol
// (`protocol_file`, relative to the report) its Appendix 1. nullopt when the protocol has
// no preamble section that reads as a report (no "To:" and no "Report of:" line).
std::optional<std::string> covering_report(const model::Protocol& imported, const std::string& protocol_file);

// "To: Standards Committee", "Report of: ...", "Purpose of report: ...": a line that opens
// with one of a covering report's fields.
bool starts_report_field(const std::string& line);

}  // namespace protopub::import
