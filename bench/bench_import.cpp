// In-process timing of plain-text import (text -> Protocol -> source Markdown) on a file
// made by bench/import.sh (the five seeds repeated to 1 MB):
//   bench/import.sh   or   build-release/bench/protopub_bench_import /tmp/seeds-1mb.txt
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "import/import.hpp"
#include "io/files.hpp"
#include "source/writer.hpp"

namespace {

std::string g_text;

void BM_import_text(benchmark::State& state) {
    for (auto _ : state) {
        protopub::model::Diagnostics diags;
        auto result = protopub::import::import_text(g_text, "bench.txt", {}, diags);
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_text.size()));
}

void BM_import_and_write(benchmark::State& state) {
    for (auto _ : state) {
        protopub::model::Diagnostics diags;
        auto result = protopub::import::import_text(g_text, "bench.txt", {}, diags);
        benchmark::DoNotOptimize(protopub::source::write_protocol(result.protocol));
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_text.size()));
}

BENCHMARK(BM_import_text)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_import_and_write)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: protopub_bench_import TEXT-FILE [benchmark options]\n");
        return 2;
    }
    std::string error;
    auto text = protopub::io::read_file(argv[1], error);
    if (!text) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }
    g_text = std::move(*text);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
