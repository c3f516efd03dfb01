// In-process timing of each stage on a source made by bench/make_corpus.py:
//   python3 bench/make_corpus.py /tmp/big && build/bench/protopub_bench /tmp/big.md
// (a folder of sources works too: make_corpus.py --files).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "html/writer.hpp"
#include "io/files.hpp"
#include "source/reader.hpp"

namespace {

std::vector<std::pair<std::string, std::string>> g_sources;  // path, text

void load_corpus(const std::string& path) {
    std::vector<std::string> paths;
    if (std::filesystem::is_directory(path)) {
        for (const auto& e : std::filesystem::directory_iterator(path))
            if (e.path().extension() == ".md") paths.push_back(e.path().string());
    } else {
        paths.push_back(path);
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
        std::string err;
        if (auto text = protopub::io::read_file(p, err)) g_sources.emplace_back(p, std::move(*text));
    }
}

std::vector<protopub::model::Protocol> parse_all() {
    std::vector<protopub::model::Protocol> out;
    protopub::model::Diagnostics diags;
    for (const auto& [path, text] : g_sources) out.push_back(protopub::source::read_protocol(text, path, diags));
    return out;
}

std::size_t corpus_bytes() {
    std::size_t n = 0;
    for (const auto& s : g_sources) n += s.second.size();
    return n;
}

void BM_parse(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(parse_all());
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus_bytes()));
}

void BM_check(benchmark::State& state) {
    auto protocols = parse_all();
    for (auto _ : state) {
        protopub::model::Diagnostics diags;
        for (const auto& p : protocols) protopub::check::check_structure(p, diags);
        benchmark::DoNotOptimize(diags);
    }
}

void BM_html(benchmark::State& state) {
    auto protocols = parse_all();
    protopub::html::SiteOptions options;
    options.templates_dir = std::string(PROTOPUB_SOURCE_DIR) + "/templates";
    for (auto _ : state) {
        protopub::io::OutputSet out;
        protopub::model::Diagnostics diags;
        protopub::html::render_site(protocols, options, out, diags);
        benchmark::DoNotOptimize(out);
    }
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: protopub_bench SOURCE.md|DIR [benchmark options]\n");
        return 2;
    }
    load_corpus(argv[1]);
    if (g_sources.empty()) {
        std::fprintf(stderr, "no sources in %s\n", argv[1]);
        return 2;
    }
    benchmark::RegisterBenchmark("parse", BM_parse)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("check", BM_check)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("html", BM_html)->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
