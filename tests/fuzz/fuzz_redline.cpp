// The diff engine on two fuzzed versions: change set, every writer of it, and the
// redline Protocol drawn by the HTML renderer and as Word tracked changes.
#include "docx/docx.hpp"
#include "fuzz_support.hpp"
#include "html/writer.hpp"
#include "redline/redline.hpp"
#include "source/reader.hpp"

#include <sstream>

using namespace protopub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto [old_text, new_text] = fuzzing::split_two(fuzzing::as_text(data, size));
    model::Diagnostics diags;
    model::Protocol old_version = source::read_protocol(old_text, "old.md", diags);
    model::Protocol new_version = source::read_protocol(new_text, "new.md", diags);

    redline::ChangeSet changes = redline::compare_versions(old_version, new_version);
    fuzzing::require_valid_output("changes.json", redline::to_json(changes, old_version, new_version));
    fuzzing::require_valid_output("changes.csv", redline::to_csv(changes));
    auto rows = redline::schedule_of_changes(changes);
    fuzzing::require_valid_output("schedule.csv", redline::schedule_csv(rows));
    (void)redline::build_schedule(rows, old_version, new_version);
    model::Protocol marked = redline::build_redline(changes, old_version, new_version);

    pugi::xml_document page;
    pugi::xml_node body = page.append_child("body");  // one root: the blocks are a fragment
    html::append_contents(body, marked);
    for (const auto& section : marked.sections) html::append_section(body, section, marked);
    std::ostringstream xhtml;
    page.save(xhtml);
    fuzzing::require_well_formed_xml(xhtml.str(), "the redline's HTML");
    fuzzing::require_well_formed_docx(docx::render_docx(marked, docx::DocxOptions{}, diags));
    (void)redline::diff_text(old_text, new_text);
    return 0;
}
