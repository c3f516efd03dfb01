// In-process timing of each step of a redline on two versions made by
// bench/make_redline_pair.py:
//   python3 bench/make_redline_pair.py /tmp/pair && build-release/bench/protopub_bench_redline /tmp/pair
// (bench/redline.sh runs the whole comparison with git diff and difflib beside it).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "docx/docx.hpp"
#include "pdf/pdf.hpp"
#include "redline/pages.hpp"
#include "redline/redline.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"

namespace {

using namespace protopub;

model::Protocol g_old, g_new;

model::Protocol load(const std::string& path) {
    model::Diagnostics diags;
    auto p = source::load_protocol(path, diags);
    if (!p) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        std::exit(2);
    }
    refs::resolve_references(*p, diags);
    return *p;
}

void BM_compare(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(redline::compare_versions(g_old, g_new));
}

void BM_json_csv(benchmark::State& state) {
    const auto set = redline::compare_versions(g_old, g_new);
    for (auto _ : state) {
        benchmark::DoNotOptimize(redline::to_json(set, g_old, g_new));
        benchmark::DoNotOptimize(redline::to_csv(set));
        benchmark::DoNotOptimize(redline::schedule_csv(redline::schedule_of_changes(set)));
    }
}

void BM_build_redline(benchmark::State& state) {
    const auto set = redline::compare_versions(g_old, g_new);
    for (auto _ : state) benchmark::DoNotOptimize(redline::build_redline(set, g_old, g_new));
}

struct Drawn {
    redline::ChangeSet set;
    std::vector<redline::ScheduleRow> rows;
    model::Protocol marked, schedule;
    Drawn()
        : set(redline::compare_versions(g_old, g_new)),
          rows(redline::schedule_of_changes(set)),
          marked(redline::build_redline(set, g_old, g_new)),
          schedule(redline::build_schedule(rows, g_old, g_new)) {}
};

void BM_html(benchmark::State& state) {
    const Drawn d;
    for (auto _ : state) {
        io::OutputSet out;
        model::Diagnostics diags;
        redline::render_html({&d.set, &d.marked, &d.schedule, &d.rows, &g_old, &g_new},
                             std::string(PROTOPUB_SOURCE_DIR) + "/templates", out, diags);
        benchmark::DoNotOptimize(out);
    }
}

void BM_pdf(benchmark::State& state) {
    const Drawn d;
    for (auto _ : state) {
        model::Diagnostics diags;
        benchmark::DoNotOptimize(pdf::render_pdf(d.marked, {}, diags));
        benchmark::DoNotOptimize(pdf::render_pdf(d.schedule, {}, diags));
    }
}

void BM_docx(benchmark::State& state) {
    const Drawn d;
    for (auto _ : state) {
        model::Diagnostics diags;
        benchmark::DoNotOptimize(docx::render_docx(d.marked, {}, diags));
        benchmark::DoNotOptimize(docx::render_docx(d.schedule, {}, diags));
    }
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: protopub_bench_redline PAIR_DIR (holding old.md and new.md) [benchmark options]\n");
        return 2;
    }
    g_old = load(std::string(argv[1]) + "/old.md");
    g_new = load(std::string(argv[1]) + "/new.md");
    using Step = std::pair<const char*, void (*)(benchmark::State&)>;
    for (const Step& step :
         {Step{"compare", BM_compare}, Step{"json+csv", BM_json_csv}, Step{"build_redline", BM_build_redline},
          Step{"html", BM_html}, Step{"pdf", BM_pdf}, Step{"docx", BM_docx}})
        benchmark::RegisterBenchmark(step.first, step.second)->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
