// What finding and resolving references adds to `build`, measured in one run on a
// constitution-sized source (bench/refs.sh makes one and prints the overhead):
//   python3 bench/make_corpus.py /tmp/big && build/bench/protopub_bench_refs /tmp/big.md
// Also times the scanner on hostile text (one huge paragraph built to defeat it) to
// show it stays linear.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "html/writer.hpp"
#include "io/files.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"

namespace {

using namespace protopub;

std::string g_path;
std::string g_text;

// The pipeline of `protopub build` for HTML, in memory, with or without references.
void build(bool with_references) {
    model::Diagnostics diags;
    std::vector<model::Protocol> protocols;
    protocols.push_back(source::read_protocol(g_text, g_path, diags));
    if (with_references) refs::resolve_references(protocols.back(), diags);
    check::check_structure(protocols.back(), diags);
    html::SiteOptions options;
    options.templates_dir = std::string(PROTOPUB_SOURCE_DIR) + "/templates";
    io::OutputSet out;
    html::render_site(protocols, options, out, diags);
    benchmark::DoNotOptimize(out);
}

void BM_build_without_refs(benchmark::State& state) {
    for (auto _ : state) build(false);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_text.size()));
}

void BM_build_with_refs(benchmark::State& state) {
    for (auto _ : state) build(true);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * g_text.size()));
}

// resolve_references alone, on fresh copies of the parsed protocol.
void resolve_only(benchmark::State& state, const std::string& text) {
    model::Diagnostics diags;
    const model::Protocol parsed = source::read_protocol(text, "bench.md", diags);
    model::Protocol p;
    for (auto _ : state) {
        state.PauseTiming();
        p = parsed;  // copying (and freeing the last copy) is not timed
        model::Diagnostics d;
        state.ResumeTiming();
        refs::resolve_references(p, d);
        benchmark::DoNotOptimize(p);
    }
    state.counters["references"] = static_cast<double>(p.references.size());
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_refs_only(benchmark::State& state) { resolve_only(state, g_text); }

// One clause whose words repeat `unit` to about 1.5 MB.
std::string hostile(const std::string& unit) {
    std::string body = "---\ntitle: T\ncouncil: C\nversion: \"1\"\nstatus: draft\n---\n\n## 1. Hostile\n\n1.1 ";
    while (body.size() < 1'500'000) body += unit;
    return body + "\n";
}

void BM_hostile(benchmark::State& state, const std::string& unit) { resolve_only(state, hostile(unit)); }

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: protopub_bench_refs SOURCE.md [benchmark options]\n");
        return 2;
    }
    g_path = argv[1];
    std::string error;
    auto text = io::read_file(g_path, error);
    if (!text) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }
    g_text = std::move(*text);
    benchmark::RegisterBenchmark("build_without_refs", BM_build_without_refs)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("build_with_refs", BM_build_with_refs)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("refs_only", BM_refs_only)->Unit(benchmark::kMillisecond);
    // text made to defeat a naive scanner: long capitalised runs, tokens with no spaces,
    // endless number lists, a definition in every few words of one sentence
    for (const auto& [name, unit] : std::initializer_list<std::pair<const char*, std::string>>{
             {"hostile_title_words", "Council of Local Government and "},
             {"hostile_slashes", "A/"},
             {"hostile_number_list", "paragraphs 1.1, 1.1 and "},
             {"hostile_definitions", "\"X\" means (\"the Act\") "},
         })
        benchmark::RegisterBenchmark(name, BM_hostile, unit)->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
