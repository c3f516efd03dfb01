// protopub compare FILE... [--base FILE] -o OUTDIR [--format html,pdf,csv,json] [--threshold X] [--templates DIR]
//                  [--decisions FILE.yaml]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/pipeline.hpp"
#include "compare/compare.hpp"
#include "compare/report.hpp"
#include "compare/writers.hpp"
#include "io/files.hpp"

namespace protopub::cli {

namespace {

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return a == b || std::filesystem::equivalent(a, b, ec);
}

// A one-line progress display on stderr, redrawn at each new stage and at most ten times a
// second within one, shown only when stderr is a terminal (never in logs or pipes).
class ProgressLine {
public:
    ProgressLine() : enabled_(::isatty(STDERR_FILENO) == 1) {}
    ~ProgressLine() {
        if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
    }
    compare::Progress callback() {
        if (!enabled_) return {};
        return [this](std::string_view stage, std::size_t done, std::size_t total) {
            const auto now = std::chrono::steady_clock::now();
            const bool new_stage = stage != stage_;
            if (drawn_ && !new_stage && done < total && now - last_ < std::chrono::milliseconds(100)) return;
            last_ = now;
            stage_ = stage;
            drawn_ = true;
            std::fprintf(stderr, "\r\033[Kcompare: %.*s %zu/%zu", static_cast<int>(stage.size()), stage.data(), done,
                         total);
            std::fflush(stderr);
        };
    }

private:
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
    std::string stage_;
};

}  // namespace

int run_compare(const std::vector<std::string>& argv) {
    const Command& self = command("compare");
    Args args(argv, self);
    PublishOptions publish;
    std::string error;
    if (!args.ok()) return usage_error("compare", args.error());
    if (!read_publish_options(self, args, publish, error)) return usage_error("compare", error);
    if (!args.has("-o")) return usage_error("compare", "no output folder (usage: protopub " + synopsis(self) + ")");
    compare::Options options;
    if (args.has("--threshold")) {
        const std::string t = args.value("--threshold");
        char* end = nullptr;
        const double threshold = std::strtod(t.c_str(), &end);
        if (t.empty() || *end != '\0' || !(threshold > 0 && threshold < options.close))
            return usage_error("compare",
                               "--threshold must be a number between 0 and " + compare::format_score(options.close));
        options.set_threshold(threshold);
    }
    model::Diagnostics diags;
    auto paths = expand_sources(args.positional(), diags);
    const std::string base_path = args.value("--base");
    int base = -1;
    if (!base_path.empty()) {
        for (std::size_t k = 0; k < paths.size() && base < 0; ++k)
            if (same_file(paths[k], base_path)) base = static_cast<int>(k);
        if (base < 0) {
            auto more = expand_sources({base_path}, diags);
            base = static_cast<int>(paths.size());
            paths.insert(paths.end(), more.begin(), more.end());
        }
    }
    if (diags.has_errors()) {
        print_diagnostics(diags);
        return exit_usage;
    }
    if (paths.size() < 2) return usage_error("compare", "give at least two protocols to compare");
    auto protocols = load_sources(paths, diags);
    const bool unreadable = protocols.size() != paths.size();
    print_diagnostics(diags);
    if (unreadable) return exit_usage;
    if (diags.has_errors()) return exit_input_errors;

    std::vector<compare::Decision> decisions;
    if (args.has("--decisions")) {  // a reviewer's file: unreadable or malformed is a configuration error
        const auto text = io::read_file(args.value("--decisions"), error);
        if (!text) return usage_error("compare", error);
        model::Diagnostics decision_diags;
        decisions = compare::read_decisions(*text, args.value("--decisions"), decision_diags);
        print_diagnostics(decision_diags);
        if (decision_diags.has_errors()) return exit_usage;
        options.decisions = &decisions;
    }
    ProgressLine progress;
    options.base = base;
    options.progress = progress.callback();
    const auto comparison = compare::compare_protocols(protocols, options);
    if (base < 0 && !comparison.pairwise)
        std::fprintf(stderr,
                     "protopub compare: note: more than %zu protocols, so each clause is aligned to its topic's "
                     "reference, not to its counterparts in every other protocol (use --base to "
                     "align every protocol with one of them)\n",
                     options.max_pairwise_documents);
    model::Diagnostics stale;
    for (const auto& st : comparison.stale_decisions)
        stale.warning(st.decision->file, {st.decision->line, st.decision->column}, "stale decision: " + st.reason);
    print_diagnostics(stale);
    if (options.progress) options.progress("writing the report", 0, 1);
    compare::ReportOptions report;
    report.formats = publish.formats;
    report.templates_dir = publish.templates_dir;
    // The report's document is drawn by the same renderers, in the same house style, as
    // every other command's (--pdf-style, --reference-docx).
    publish.epoch = io::known_epoch("");  // SOURCE_DATE_EPOCH or no date at all
    report.render_document = [&](std::string_view format, const model::Protocol& document, model::Diagnostics& d) {
        return render_document(format, document, publish, d);
    };
    io::OutputSet out;
    model::Diagnostics report_diags;
    if (!compare::write_report(comparison, protocols, report, out, report_diags)) {
        print_diagnostics(report_diags);
        return exit_usage;
    }
    if (const int written = write_outputs("compare", out, args.value("-o")); written != exit_ok) return written;
    const std::size_t files = out.files().size();
    if (!publish.quiet)
        std::printf("%zu protocols compared%s: %zu topics, %zu alignments, written to %s (%zu file%s)\n",
                    protocols.size(),
                    base >= 0 ? (" with " + comparison.documents[static_cast<std::size_t>(base)].id).c_str()
                              : " all against all",
                    comparison.topics.size(), comparison.alignments.size(), args.value("-o").c_str(), files,
                    files == 1 ? "" : "s");
    return exit_ok;
}

}  // namespace protopub::cli
