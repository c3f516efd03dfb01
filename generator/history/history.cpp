#include "history/history.hpp"

#include "html/template.hpp"
#include "html/writer.hpp"
#include "io/git.hpp"
#include "model/make.hpp"
#include "model/text.hpp"
#include "pdf/pdf.hpp"
#include "redline/pages.hpp"
#include "redline/redline.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"

namespace protopub::history {
namespace {

bool was_adopted(const model::Metadata& m) { return m.status != model::Status::draft && !m.adopted.empty(); }

std::string front_matter_key(const model::Metadata& m) {
    return m.version + "\n" + model::to_string(m.status) + "\n" + m.adopted;
}

using model::make::link;
using model::make::paragraph;
using model::make::text;

// "2019" -> "2019", "v2.1 draft" -> "v2-1-draft": a version as a folder name.
std::string folder_name(const AdoptedVersion& v) {
    std::string slug = model::slugify(v.protocol.meta.version.empty() ? v.revision : v.protocol.meta.version, 4);
    return slug.empty() ? v.revision.substr(0, 12) : slug;
}

std::string pair_folder(const std::string& stem, const AdoptedVersion& from, const AdoptedVersion& to) {
    return stem + "-changes/" + folder_name(from) + "-to-" + folder_name(to);
}

}  // namespace

std::string changes_page(const std::string& stem) { return stem + "-changes.html"; }

std::vector<AdoptedVersion> adopted_versions(const std::string& path, model::Diagnostics& diags) {
    std::string error;
    auto commits = io::file_commits(path, error);
    if (!commits) {
        diags.error(path, {}, error);
        return {};
    }
    bool tagged = false;
    for (const auto& c : *commits) tagged |= !c.tags.empty();

    std::vector<AdoptedVersion> out;
    std::string last_key;
    for (const auto& c : *commits) {
        if (tagged && c.tags.empty()) continue;
        auto bytes = io::read_git_file({path, c.hash}, error);
        if (!bytes) {
            diags.error(path, {}, error);
            continue;
        }
        const std::string revision = tagged ? c.tags.front() : c.hash.substr(0, 10);
        // Each version is read as the source it was then; its own problems are notes, as
        // an old version is history, not something to fix.
        model::Diagnostics version_diags;
        model::Protocol p = source::read_protocol(*bytes, path + "@" + revision, version_diags);
        const std::string key = front_matter_key(p.meta);
        const bool changed = key != last_key;
        last_key = key;
        if (!was_adopted(p.meta) || (!tagged && !changed)) continue;
        refs::resolve_references(p, version_diags);
        AdoptedVersion v{revision, c.hash, c.date, std::move(p)};
        if (!out.empty() && out.back().protocol.meta.version == v.protocol.meta.version &&
            out.back().protocol.meta.adopted == v.protocol.meta.adopted)
            out.back() = std::move(v);
        else
            out.push_back(std::move(v));
    }
    if (out.empty() && commits)
        diags.error(path, {},
                    commits->empty() ? "no commits of this file in git: its history is empty"
                                     : "no adopted version in its git history (a version is adopted when its "
                                       "front matter says status: adopted and gives the date)");
    return out;
}

bool render(const std::vector<AdoptedVersion>& versions, const std::string& stem, const Options& options,
            io::OutputSet& out, model::Diagnostics& diags) {
    if (versions.empty()) return true;
    auto templates = html::TemplateSet::load(options.templates_dir, diags);
    if (!templates) return false;
    const model::Metadata& latest = versions.back().protocol.meta;

    // The page: one row per adopted version, each linking to what changed since the one before.
    model::Protocol page;
    page.source_path = changes_page(stem);
    page.meta = latest;
    page.meta.title = latest.title + ": changes over time";
    model::Section s;
    s.id = "versions";
    s.id_given = true;
    s.kind = model::SectionKind::preamble;
    s.heading = {text("Adopted versions")};
    s.intro.push_back(paragraph({text("Every version adopted, oldest first, from the source's history. "),
                                 link("The protocol as it stands", stem + ".html"), text(".")}));
    model::Block table;
    table.kind = model::BlockKind::table;
    auto row = [](std::vector<model::Inlines> cells, bool header) {
        model::TableRow r;
        r.header = header;
        for (auto& c : cells) r.cells.push_back({std::move(c)});
        return r;
    };
    table.rows.push_back(row({{text("Version")},
                              {text("Adopted")},
                              {text("Adopted by")},
                              {text("Minute")},
                              {text("Revision")},
                              {text("What changed")}},
                             true));

    for (std::size_t i = 0; i < versions.size(); ++i) {
        const auto& v = versions[i];
        model::Inlines changed = {text("First adopted version")};
        if (i > 0) {
            const auto& before = versions[i - 1];
            const redline::ChangeSet changes = redline::compare_versions(before.protocol, v.protocol);
            const auto rows = redline::schedule_of_changes(changes);
            const model::Protocol marked = redline::build_redline(changes, before.protocol, v.protocol);
            const model::Protocol schedule = redline::build_schedule(rows, before.protocol, v.protocol);
            const std::string folder = pair_folder(stem, before, v);
            io::OutputSet pair;
            const redline::HtmlPages pages{&changes, &marked, &schedule, &rows, &before.protocol, &v.protocol};
            if (!redline::render_html(pages, options.templates_dir, pair, diags)) return false;
            pair.add("schedule.csv", redline::schedule_csv(rows));
            if (options.pdf) {
                pdf::PdfOptions pdf_options;
                pdf_options.epoch = io::build_epoch(v.protocol.meta.adopted);
                for (const auto& [name, doc] :
                     {std::pair{"redline.pdf", &marked}, std::pair{"schedule.pdf", &schedule}}) {
                    std::string bytes = pdf::render_pdf(*doc, pdf_options, diags);
                    if (bytes.empty()) return false;
                    pair.add(name, std::move(bytes));
                }
            }
            for (const auto& [name, bytes] : pair.files()) out.add(folder + "/" + name, bytes);
            changed = {link(std::to_string(changes.changed()) + " change" + (changes.changed() == 1 ? "" : "s") +
                                " since " + before.protocol.meta.version,
                            folder + "/redline.html"),
                       text(" ("), link("schedule", folder + "/schedule.html"), text(")")};
        }
        const auto& m = v.protocol.meta;
        table.rows.push_back(row(
            {{text(m.version)}, {text(m.adopted)}, {text(m.adopted_by)}, {text(m.minute)}, {text(v.revision)}, changed},
            false));
    }
    s.intro.push_back(std::move(table));
    page.sections.push_back(std::move(s));

    html::Context ctx = html::protocol_context(page);
    const std::string html_page = templates->render_page("protocol", ctx, diags);
    if (html_page.empty()) return false;
    out.add(changes_page(stem), html_page);
    templates->add_linked_assets(out);
    return true;
}

bool add_history_pages(std::vector<model::Protocol>& protocols, const Options& options, io::OutputSet& out,
                       model::Diagnostics& diags) {
    for (auto& p : protocols) {
        model::Diagnostics found;
        const auto versions = adopted_versions(p.source_path, found);
        if (versions.empty()) {
            const std::string why = found.items().empty() ? "" : ": " + found.items().front().message;
            diags.note(p.source_path, {}, "no Changes over time page" + why);
            continue;
        }
        const std::string page = html::page_name(p);
        const std::string stem = page.substr(0, page.size() - 5);
        if (!render(versions, stem, options, out, diags)) return false;
        p.related.emplace_back("Changes over time", changes_page(stem));
    }
    return true;
}

std::vector<constitution::VersionRecord> version_records(const std::vector<AdoptedVersion>& versions,
                                                         const model::Metadata& current) {
    std::vector<constitution::VersionRecord> out;
    for (const auto& v : versions) {
        const auto& m = v.protocol.meta;
        if (m.version == current.version && m.adopted == current.adopted) continue;  // the current version's own row
        out.push_back(
            {m.version, "superseded", m.adopted, m.adopted_by, m.minute, m.supersedes, "revision " + v.revision});
    }
    return out;
}

}  // namespace protopub::history
