// The redline and the schedule of changes as HTML pages, drawn by the html stage's
// building blocks through the site templates (templates/redline.xhtml).
#pragma once

#include <string>
#include <vector>

#include "io/files.hpp"
#include "model/diagnostics.hpp"
#include "model/protocol.hpp"
#include "redline/redline.hpp"

namespace protopub::redline {

struct HtmlPages {
    const ChangeSet* changes = nullptr;
    const model::Protocol* redline = nullptr;   // from build_redline()
    const model::Protocol* schedule = nullptr;  // from build_schedule()
    const std::vector<ScheduleRow>* rows = nullptr;
    const model::Protocol* old = nullptr;
    const model::Protocol* new_ = nullptr;
};

// Adds redline.html, schedule.html and the stylesheets to `out`. Returns false (with
// diagnostics) when a template is missing or broken.
bool render_html(const HtmlPages& pages, const std::string& templates_dir, io::OutputSet& out,
                 model::Diagnostics& diags);

}  // namespace protopub::redline
