// The appendices protopub builds for a report: schedules, redlines, clean versions,
// comparisons, and files published as they are.
#include <algorithm>
#include <filesystem>

#include "check/check.hpp"
#include "compare/compare.hpp"
#include "compare/report.hpp"
#include "io/files.hpp"
#include "io/git.hpp"
#include "model/make.hpp"
#include "model/text.hpp"
#include "redline/redline.hpp"
#include "refs/refs.hpp"
#include "report/report.hpp"
#include "source/reader.hpp"

namespace fs = std::filesystem;

namespace protopub::report {
namespace {

using model::make::bullets;
using model::make::paragraph;
using model::make::text;

// A version named FILE or FILE@REV, read, resolved and checked. A source that cannot be
// read at all is an error at its place in the report; problems inside it are at theirs.
std::optional<model::Protocol> load_version(const ReportSource& report, const std::string& spec, model::SourcePos at,
                                            const std::string& what, model::Diagnostics& diags) {
    std::string error;
    std::optional<std::string> text;
    if (auto git = io::parse_git_spec(spec))
        text = io::read_git_file(*git, error);
    else
        text = io::read_file(spec, error, source::kMaxSourceBytes);
    if (!text) {
        diags.error(report.path, at, what + ": " + error);
        return std::nullopt;
    }
    model::Protocol p = source::read_protocol(*text, spec, diags);
    // A covering report kept in a source is not part of the code the committee reads.
    std::erase_if(p.sections, [](const model::Section& s) { return s.kind == model::SectionKind::preamble; });
    refs::resolve_references(p, diags);
    check::check_structure(p, diags);
    return p;
}

std::string version_label(const model::Protocol& p) {
    return p.meta.title + (p.meta.version.empty() ? "" : ", version " + p.meta.version);
}

// What the model covers that the protocol does not, what it may say in other words, and
// what only the protocol says: the comparison a committee reads, from compare's views.
model::Protocol comparison_document(const model::Protocol& protocol, const model::Protocol& base) {
    const std::vector<model::Protocol> both = {base, protocol};
    compare::Options options;
    options.base = 0;
    options.threads = 1;
    const compare::Comparison cmp = compare::compare_protocols(both, options);
    const auto views = compare::document_views(cmp);
    const compare::DocumentView& view = views.at(1);
    auto labels = [&](const std::vector<std::size_t>& topics, bool numbered_in_base) {
        std::vector<std::string> out;
        for (auto t : topics) {
            const auto& topic = cmp.topics[t];
            const auto& unit = cmp.documents[static_cast<std::size_t>(topic.reference.doc)]
                                   .units[static_cast<std::size_t>(topic.reference.unit)];
            std::string line = (numbered_in_base ? unit.number + " " : "") + topic.label;
            if (const std::string near = compare::nearest_note(cmp, view, t); !near.empty()) line += ". " + near;
            out.push_back(line);
        }
        return out;
    };
    model::Protocol doc;
    doc.meta = protocol.meta;
    model::Section s;
    s.id = "comparison";
    s.heading = {text("Compared with " + version_label(base) + " (" + base.meta.council + ")")};
    const std::size_t base_topics = static_cast<std::size_t>(
        std::count_if(cmp.topics.begin(), cmp.topics.end(), [](const compare::Topic& t) { return t.from_base; }));
    s.intro.push_back(paragraph({text("Of the model's " + std::to_string(base_topics) +
                                      " topics, this protocol covers " + std::to_string(view.covered) + ".")}));
    auto list = [&](const std::string& lead, const std::vector<std::size_t>& topics, bool in_base) {
        model::Inline strong;
        strong.kind = model::InlineKind::strong;
        strong.children = {text(lead)};
        s.intro.push_back(paragraph({strong}));
        s.intro.push_back(topics.empty() ? paragraph({text("Nothing.")}) : bullets(labels(topics, in_base)));
    };
    list("What the model says that was found nowhere in this protocol", view.gaps, true);
    list("Perhaps said here in other words or in part (to check)", view.gaps_near, true);
    list("What only this protocol says", view.unique, false);
    doc.sections.push_back(std::move(s));
    return doc;
}

std::string default_title(const Appendix& a, const model::Protocol* newer) {
    switch (a.kind) {
        case AppendixKind::schedule: return "Schedule of changes";
        case AppendixKind::redline:
            return (newer ? newer->meta.title : std::string("The revised text")) + ": tracked changes";
        case AppendixKind::version: return newer ? newer->meta.title : "The revised text";
        case AppendixKind::comparison: return "Comparison with the model protocol";
        case AppendixKind::file: return "";
    }
    return "";
}

}  // namespace

std::vector<Appendix> build_appendices(const ReportSource& source, model::Diagnostics& diags) {
    std::vector<Appendix> out;
    for (std::size_t i = 0; i < source.appendices.size(); ++i) {
        const AppendixSpec& spec = source.appendices[i];
        Appendix a;
        a.number = static_cast<int>(i) + 1;
        a.kind = spec.kind;
        const std::string what = "appendix " + std::to_string(a.number);
        std::optional<model::Protocol> older, newer;
        switch (spec.kind) {
            case AppendixKind::schedule:
            case AppendixKind::redline:
                if (spec.old_spec.empty() || spec.new_spec.empty()) break;
                older = load_version(source, spec.old_spec, spec.old_pos, what, diags);
                newer = load_version(source, spec.new_spec, spec.new_pos, what, diags);
                if (!older || !newer) break;
                {
                    const redline::ChangeSet changes = redline::compare_versions(*older, *newer);
                    a.document = spec.kind == AppendixKind::schedule
                                     ? redline::build_schedule(redline::schedule_of_changes(changes), *older, *newer)
                                     : redline::build_redline(changes, *older, *newer);
                    a.drawn = true;
                }
                break;
            case AppendixKind::version:
                if (spec.new_spec.empty()) break;
                newer = load_version(source, spec.new_spec, spec.new_pos, what, diags);
                if (newer) a.document = *newer, a.drawn = true;
                break;
            case AppendixKind::comparison: {
                if (spec.protocol.empty() || spec.base.empty()) break;
                newer = load_version(source, spec.protocol, spec.new_pos, what, diags);
                auto base = load_version(source, spec.base, spec.old_pos, what, diags);
                if (newer && base) a.document = comparison_document(*newer, *base), a.drawn = true;
                break;
            }
            case AppendixKind::file: {
                if (spec.file.empty()) break;
                std::string error;
                const fs::path path(spec.file);
                if (path.extension() == ".md") {
                    newer = load_version(source, spec.file, spec.file_pos, what, diags);
                    if (newer) a.document = *newer, a.drawn = true;
                } else if (auto bytes = io::read_file(spec.file, error)) {
                    a.file_bytes = std::move(*bytes);
                } else {
                    diags.error(source.path, spec.file_pos, what + ": " + error);
                }
                if (spec.title.empty()) a.title = newer ? newer->meta.title : path.stem().string();
                break;
            }
        }
        if (a.title.empty()) a.title = spec.title.empty() ? default_title(a, newer ? &*newer : nullptr) : spec.title;
        a.stem = "appendix-" + std::to_string(a.number);
        if (const std::string slug = model::slugify(a.title, 6); !slug.empty()) a.stem += "-" + slug;
        if (!a.drawn) a.file_name = a.stem + fs::path(spec.file).extension().string();
        // A section with neither heading nor number (a code set out under its title alone)
        // is named by the document's own title, not by the appendix's or the report's.
        const std::string own_title = newer ? newer->meta.title : a.document.meta.title;
        for (auto& section : a.document.sections)
            if (section.heading.empty() && section.number.empty() && !own_title.empty())
                section.heading = {text(own_title)};
        a.document.source_path = a.stem + ".md";  // its pages and files are named after it
        a.document.meta.title = "Appendix " + std::to_string(a.number) + ": " + a.title;
        if (a.document.meta.council.empty())
            a.document.meta.council = newer ? newer->meta.council : source.cover.council;
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace protopub::report
