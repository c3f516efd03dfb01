#!/usr/bin/env bash
# Issue 3's benchmark: `protopub import` on 1 MB of plain text (the five seeds repeated),
# next to pandoc reading the same text as Markdown and writing CommonMark (the nearest
# thing a user would run instead), in one run. Target: under 0.1 s for the import.
# Usage: bench/import.sh [RUNS]   (release build in $BUILD_DIR, default build-release/)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
bindir="${BUILD_DIR:-build-release}"
seeds="${SEEDS_DIR:-../shared/seeds}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/input.txt"
while [ "$(wc -c < "$work/input.txt")" -lt 1000000 ]; do
    cat "$seeds"/0*.txt >> "$work/input.txt"
done
command -v pandoc >/dev/null || { echo "pandoc is not installed (apt-get install pandoc)"; exit 2; }
python3 - "$runs" "$work" "$bindir" <<'PY'
import os, sys
sys.path.insert(0, "bench")
import timing
runs, work, bindir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
size = os.path.getsize(f"{work}/input.txt")
def timed(cmd, ok=(0,)):
    return timing.timed(cmd, runs, ok)[0]  # wall time
# the seeds repeated number their clauses again and again: `check` on OUT.md says so (exit 1)
ours = timed([f"{bindir}/protopub", "import", f"{work}/input.txt", "-o", f"{work}/out.md", "--council", "Bench"], (0, 1))
pandoc = timed(["pandoc", "-f", "markdown", "-t", "commonmark", f"{work}/input.txt", "-o", f"{work}/pandoc.md"])
print(f"input: {size/1e6:.2f} MB of plain text (the seeds repeated), median of {runs} runs")
print(f"protopub import (text -> source Markdown): {ours*1000:8.1f} ms wall, including the fsync of OUT.md (target < 100 ms)")
print(f"pandoc -f markdown -t commonmark:          {pandoc*1000:8.1f} ms")
PY
if [ -x "$bindir/bench/protopub_bench_import" ]; then
    "$bindir/bench/protopub_bench_import" "$work/input.txt" --benchmark_min_time=0.5
fi
