// The committee pack: a covering report (REPORT.md: front matter for the cover, numbered
// paragraphs the officer writes) and the appendices protopub builds for it (schedule of
// changes, tracked changes, the clean new version, a comparison with the model, any file),
// assembled into one model::Protocol every renderer draws, each appendix starting a part
// of its own (Section::running_head). The appendices are also documents on their own, as
// committees upload them one by one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::report {

// The cover block and the summary, as the council's report template lays them out.
struct Cover {
    std::string committee;  // "To: Standards Committee"
    std::string date;       // meeting date, YYYY-MM-DD
    std::string item;       // item number on the agenda
    std::string report_of;  // "Head of Law and Governance"
    std::string title;
    std::string council;  // "" = the new version's council
    std::string wards;
    std::string key_decision;
    std::string purpose;
    std::vector<std::string> recommendations;
    std::string approved_by;
    std::string finance, legal, equalities, policy;  // implications
    std::string author, contact;
    std::vector<std::string> background_papers;
    std::string version;
};

enum class AppendixKind {
    schedule,    // schedule: {old: FILE@REV, new: FILE}
    redline,     // redline: {old: FILE@REV, new: FILE}: the tracked-changes version
    version,     // version: FILE (or FILE@REV): the clean text
    comparison,  // comparison: {protocol: FILE, base: MODEL.md}
    file,        // file: PATH: any file, published beside the report
};
const char* to_string(AppendixKind kind);

// One appendix as the front matter names it; paths are relative to the report's folder.
struct AppendixSpec {
    AppendixKind kind = AppendixKind::file;
    std::string title;                            // "" = the kind's own title
    std::string old_spec, new_spec;               // schedule, redline; new_spec alone: version
    std::string protocol, base;                   // comparison
    std::string file;                             // file
    model::SourcePos pos;                         // the entry in REPORT.md
    model::SourcePos old_pos, new_pos, file_pos;  // each path, for diagnostics
};

struct ReportSource {
    std::string path;
    Cover cover;
    std::vector<AppendixSpec> appendices;
    model::Protocol body;  // the numbered paragraphs, read by the source reader
};

// Reads REPORT.md: front matter (every problem at its line and column) and the body,
// whose paragraphs are numbered 1, 2, 3 ... across its headings.
ReportSource read_report(std::string_view text, const std::string& path, model::Diagnostics& diags);

struct Appendix {
    int number = 0;
    AppendixKind kind = AppendixKind::file;
    std::string title;   // "Schedule of changes"
    std::string stem;    // "appendix-1-schedule-of-changes": its files' names
    bool drawn = false;  // `document` holds it (else `file_bytes` are published as they are)
    model::Protocol document;
    std::string file_name;  // for a file published as it is: "appendix-4-budget.xlsx"
    std::string file_bytes;
};

// Builds every appendix: reads the versions (files or FILE@REV through git), checks them,
// and draws schedules, redlines and comparisons. A missing source or a bad revision is an
// error at the appendix's place in REPORT.md.
std::vector<Appendix> build_appendices(const ReportSource& source, model::Diagnostics& diags);

// The whole pack as one document: cover table, summary and recommendations, the body,
// contact details and background papers, then each appendix on a part of its own.
// References in the body to "Appendix N" and to "paragraph X of Appendix N" are checked
// (an appendix or a clause that does not exist is an error at its place) and linked.
model::Protocol assemble(const ReportSource& source, const std::vector<Appendix>& appendices,
                         model::Diagnostics& diags);

}  // namespace protopub::report
