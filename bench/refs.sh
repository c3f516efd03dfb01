#!/usr/bin/env bash
# Issue 4's benchmark: what finding and resolving references adds to `build` on a
# constitution-sized source (1.5 MB), with the same build without them as the baseline,
# side by side in one run. Uses the release build in $BUILD_DIR (default build-release/).
# With BEFORE=path/to/an/older/protopub_bench_refs, that binary is timed too, in turns
# with this one (before, after, before, ...), so that a change is compared in one run.
# Usage: [BEFORE=...] [ROUNDS=3] bench/refs.sh [extra Google Benchmark options]
set -euo pipefail
cd "$(dirname "$0")/.."
bindir="${BUILD_DIR:-build-release}"
rounds="${ROUNDS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The protocols, plus the reference-dense test sources, repeated to 1.5 MB.
python3 bench/make_corpus.py "$work/corpus" protocol-source/*.md tests/data/sample.md \
    tests/data/refs/statutes.md tests/data/refs/renumber-expected.md 2>/dev/null ||
    python3 bench/make_corpus.py "$work/corpus" tests/data/sample.md tests/data/refs/statutes.md \
        tests/data/refs/renumber-expected.md
binaries=("$bindir/bench/protopub_bench_refs")
labels=("this build")
if [[ -n "${BEFORE:-}" ]]; then
    binaries=("$BEFORE" "${binaries[@]}")
    labels=("before" "${labels[@]}")
fi
for ((r = 0; r < rounds; ++r)); do
    for k in "${!binaries[@]}"; do
        "${binaries[$k]}" "$work/corpus.md" --benchmark_filter='build|refs_only' --benchmark_repetitions=5 \
            --benchmark_enable_random_interleaving=true --benchmark_out="$work/out-$k-$r.json" \
            --benchmark_out_format=json "$@" >/dev/null
    done
done
python3 - "$work" "$rounds" "${labels[@]}" <<'PY'
import json, os, statistics, sys
work, rounds, labels = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
size = os.path.getsize(os.path.join(work, "corpus.md"))
print(f"input: {size/1e6:.2f} MB of protocol Markdown; {rounds} rounds of 5 repetitions each, "
      "binaries in turns; medians over all repetitions (CPU time is the steadier on a busy machine)")
for k, label in enumerate(labels):
    times = {}
    for r in range(rounds):
        for b in json.load(open(os.path.join(work, f"out-{k}-{r}.json")))["benchmarks"]:
            if b.get("run_type") == "iteration":
                for unit in ("real_time", "cpu_time"):
                    times.setdefault((b["run_name"], unit), []).append(b[unit])
    for unit, name in (("cpu_time", "CPU"), ("real_time", "wall")):
        base = statistics.median(times[("build_without_refs", unit)])
        with_refs = statistics.median(times[("build_with_refs", unit)])
        alone = statistics.median(times[("refs_only", unit)])
        print(f"{label:>10} {name:>4}: build without references {base:6.1f} ms, with {with_refs:6.1f} ms: "
              f"references add {100*(with_refs-base)/base:4.1f}% (resolve alone {alone:.1f} ms, {100*alone/base:.1f}%)")
PY
