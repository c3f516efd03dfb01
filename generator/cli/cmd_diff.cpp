#include <cstdio>
#include <future>

#include "check/check.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/pipeline.hpp"
#include "io/files.hpp"
#include "io/git.hpp"
#include "redline/pages.hpp"
#include "redline/redline.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"

namespace protopub::cli {

namespace {

// A version named as a file, or as FILE@REV read from git. nullopt when it cannot be
// read at all (the reason is in `diags`). `memo` is shared by the two versions.
std::optional<model::Protocol> load_version(const std::string& spec, refs::ScanMemo& memo, model::Diagnostics& diags) {
    std::optional<model::Protocol> p;
    if (auto git = io::parse_git_spec(spec)) {
        std::string error;
        auto text = io::read_git_file(*git, error, source::kMaxSourceBytes);
        if (!text) {
            diags.error(spec, {}, error);
            return std::nullopt;
        }
        p = source::read_protocol(*text, spec, diags);
    } else {
        p = source::load_protocol(spec, diags);
    }
    if (p) {
        refs::resolve_references(*p, diags, &memo);
        check::check_structure(*p, diags);
    }
    return p;
}

}  // namespace

int run_diff(const std::vector<std::string>& argv) {
    const Command& self = command("diff");
    Args args(argv, self);
    PublishOptions options;
    std::string error;
    if (!args.ok()) return usage_error("diff", args.error());
    if (!read_publish_options(self, args, options, error)) return usage_error("diff", error);
    if (args.positional().size() != 2 || !args.has("-o"))
        return usage_error("diff", "usage: protopub " + synopsis(self) + " (OLD and NEW are files or FILE@GITREV)");
    if (args.has("--date") && !io::parse_iso_date(args.value("--date")))
        return usage_error("diff", "--date must be a date written YYYY-MM-DD, not '" + args.value("--date") + "'");
    const std::string outdir = args.value("-o");

    model::Diagnostics diags;
    CommandScope scope;
    // NEW's words that OLD has too are not scanned for references again (kept by the
    // scope, like the versions: never freed one string at a time)
    refs::ScanMemo& memo = scope.keep(refs::ScanMemo{});
    auto& old = scope.keep(load_version(args.positional()[0], memo, diags));
    auto& new_ = scope.keep(load_version(args.positional()[1], memo, diags));
    if (!old || !new_) {
        print_diagnostics(diags);
        return exit_usage;
    }
    if (diags.has_errors()) {
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub diff: nothing written to %s\n", outdir.c_str());
        return exit_input_errors;
    }

    const redline::ChangeSet& changes = scope.keep(redline::compare_versions(*old, *new_));
    const std::vector<redline::ScheduleRow> rows = redline::schedule_of_changes(changes);
    // The redline and schedule documents are drawn only for the formats that show them:
    // the change model alone (JSON, CSV) is written straight from the change set.
    const bool drawn = options.wants("html") || options.wants("pdf") || options.wants("docx");
    const model::Protocol& marked =
        scope.keep(drawn ? redline::build_redline(changes, *old, *new_) : model::Protocol{});
    const model::Protocol& schedule =
        scope.keep(drawn ? redline::build_schedule(rows, *old, *new_) : model::Protocol{});
    // The date of the changes stamps Word's revisions and both documents: --date, else
    // SOURCE_DATE_EPOCH or NEW's adoption date, so the same inputs give the same bytes.
    options.epoch =
        args.has("--date") ? *io::parse_iso_date(args.value("--date")) : io::build_epoch(new_->meta.adopted);
    options.revision_author = args.value("--author", options.revision_author);

    // The PDF takes longest, so it is laid out on a second thread while the other formats
    // are written (each document is only ever rendered by one thread).
    struct PdfFiles {
        std::string redline, schedule;
        model::Diagnostics diags;
    };
    std::future<PdfFiles> pdf_job;
    if (options.wants("pdf"))
        pdf_job = std::async(std::launch::async, [&] {
            PdfFiles files;
            files.redline = render_document("pdf", marked, options, files.diags);
            files.schedule = render_document("pdf", schedule, options, files.diags);
            return files;
        });

    io::OutputSet out;
    if (options.wants("json")) out.add("changes.json", redline::to_json(changes, *old, *new_));
    if (options.wants("csv")) {
        out.add("changes.csv", redline::to_csv(changes));
        out.add("schedule.csv", redline::schedule_csv(rows));
    }
    bool rendered = true;
    if (options.wants("html")) {
        const redline::HtmlPages pages{&changes, &marked, &schedule, &rows, &*old, &*new_};
        rendered = redline::render_html(pages, options.templates_dir, out, diags);
    }
    auto add_rendered = [&](const std::string& name, std::string bytes) {
        rendered = rendered && !bytes.empty();
        out.add(name, std::move(bytes));
    };
    if (options.wants("docx")) {
        add_rendered("redline.docx", render_document("docx", marked, options, diags));
        add_rendered("schedule.docx", render_document("docx", schedule, options, diags));
    }
    if (pdf_job.valid()) {
        PdfFiles files = pdf_job.get();
        diags.append(files.diags);
        add_rendered("redline.pdf", std::move(files.redline));
        add_rendered("schedule.pdf", std::move(files.schedule));
    }
    if (!rendered || diags.has_errors()) {
        // The sources were clean: what failed is a template, a style or a font.
        print_diagnostics(diags);
        std::fprintf(stderr, "protopub diff: nothing written to %s\n", outdir.c_str());
        return exit_usage;
    }
    print_diagnostics(diags);
    if (const int written = write_outputs("diff", out, outdir); written != exit_ok) return written;
    if (!options.quiet)
        std::printf("%d change%s (%zu in the schedule) written to %s (%zu files)\n", changes.changed(),
                    changes.changed() == 1 ? "" : "s", rows.size(), outdir.c_str(), out.files().size());
    return exit_ok;
}

}  // namespace protopub::cli
