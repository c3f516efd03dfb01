#!/usr/bin/env bash
# Issue 4's benchmark: what finding and resolving references adds to `build` on a
# constitution-sized source (1.5 MB), with the same build without them as the baseline,
# side by side in one run. Uses the release build in $BUILD_DIR (default build-release/).
# Usage: bench/refs.sh [extra Google Benchmark options]
set -euo pipefail
cd "$(dirname "$0")/.."
bindir="${BUILD_DIR:-build-release}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The protocols, plus the reference-dense test sources, repeated to 1.5 MB.
python3 bench/make_corpus.py "$work/corpus" protocol-source/*.md tests/data/sample.md \
    tests/data/refs/statutes.md tests/data/refs/renumber-expected.md 2>/dev/null ||
    python3 bench/make_corpus.py "$work/corpus" tests/data/sample.md tests/data/refs/statutes.md \
        tests/data/refs/renumber-expected.md
"$bindir/bench/protopub_bench_refs" "$work/corpus.md" --benchmark_repetitions=5 \
    --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true --benchmark_out="$work/out.json" --benchmark_out_format=json "$@"
python3 - "$work/out.json" "$work/corpus.md" <<'PY'
import json, os, sys
runs = {(b["run_name"], k): b[k] for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("aggregate_name") == "median" for k in ("real_time", "cpu_time")}
size = os.path.getsize(sys.argv[2])
print(f"\ninput: {size/1e6:.2f} MB of protocol Markdown (medians of 5; CPU time is the steadier on a busy machine)")
for k, label in (("cpu_time", "CPU"), ("real_time", "wall")):
    base, with_refs = runs[("build_without_refs", k)], runs[("build_with_refs", k)]
    print(f"{label:>4}: build without references {base:6.1f} ms, with {with_refs:6.1f} ms: "
          f"references add {100*(with_refs-base)/base:4.1f}% (resolve alone {runs[('refs_only', k)]:.1f} ms)")
PY
