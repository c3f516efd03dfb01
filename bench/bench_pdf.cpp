// In-process timing of the PDF stage (layout + libharu) on a source made by
// bench/make_corpus.py, apart from parsing:
//   python3 bench/make_corpus.py /tmp/big && build/bench/protopub_bench_pdf /tmp/big.md
// bench/pdf.sh times the whole command against WeasyPrint and wkhtmltopdf.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "io/files.hpp"
#include "pdf/pdf.hpp"
#include "source/reader.hpp"

namespace {

protopub::model::Protocol g_protocol;

void BM_pdf(benchmark::State& state) {
    std::size_t pdf_bytes = 0;
    for (auto _ : state) {
        protopub::model::Diagnostics diags;
        const std::string bytes = protopub::pdf::render_pdf(g_protocol, {}, diags);
        pdf_bytes = bytes.size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["pdf_MB"] = static_cast<double>(pdf_bytes) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: protopub_bench_pdf SOURCE.md [benchmark options]\n");
        return 2;
    }
    protopub::model::Diagnostics diags;
    auto protocol = protopub::source::load_protocol(argv[1], diags);
    if (!protocol) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    g_protocol = std::move(*protocol);
    benchmark::RegisterBenchmark("pdf", BM_pdf)->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
