#!/usr/bin/env bash
# Issue 3's benchmark: `protopub import` on 1 MB of plain text (the five seeds repeated),
# next to pandoc reading the same text as Markdown and writing CommonMark (the nearest
# thing a user would run instead), in one run. Target: under 0.1 s for the import.
# Usage: bench/import.sh [RUNS]   (release build in $BUILD_DIR, default build-release/)
# BASELINE=/path/to/an/older/protopub also times that binary in the same run (before and
# after this build) and prints the ratios. Wall time and CPU time (user+sys) are both shown:
# on a shared machine the CPU time is the fairer figure.
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
python3 - "$runs" "$work" "$bindir" "${BASELINE:-}" <<'PY'
import os, statistics, sys
sys.path.insert(0, "bench")
import timing
runs, work, bindir, baseline = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
size = os.path.getsize(f"{work}/input.txt")
def timed(cmd, ok=(0,)):
    return timing.timed(cmd, runs, ok)  # (wall, cpu)
# the seeds repeated number their clauses again and again: `check` on OUT.md says so (exit 1)
def run_import(binary):
    return timed([binary, "import", f"{work}/input.txt", "-o", f"{work}/out.md", "--council", "Bench"], (0, 1))
before = run_import(baseline) if baseline else None
ours = run_import(f"{bindir}/protopub")
pandoc = timed(["pandoc", "-f", "markdown", "-t", "commonmark", f"{work}/input.txt", "-o", f"{work}/pandoc.md"])
after = run_import(baseline) if baseline else None
print(f"input: {size/1e6:.2f} MB of plain text (the seeds repeated), median of {runs} runs")
print(f"{'':43} {'wall ms':>9} {'cpu ms':>9}")
print(f"{'protopub import (text -> source Markdown)':43} {ours[0]*1000:9.1f} {ours[1]*1000:9.1f}"
      "   (wall includes the fsync of OUT.md; target < 100 ms)")
print(f"{'pandoc -f markdown -t commonmark':43} {pandoc[0]*1000:9.1f} {pandoc[1]*1000:9.1f}")
print(f"  protopub / pandoc: {ours[0]/pandoc[0]:5.3f} wall, {ours[1]/pandoc[1]:5.3f} cpu")
if baseline:
    bw = statistics.median([before[0], after[0]])
    bc = statistics.median([before[1], after[1]])
    print(f"{'baseline ' + os.path.basename(baseline) + ' import (before and after)':43} {bw*1000:9.1f} {bc*1000:9.1f}")
    print(f"  this build / baseline: {ours[0]/bw:5.2f} wall, {ours[1]/bc:5.2f} cpu")
PY
if [ -x "$bindir/bench/protopub_bench_import" ]; then
    "$bindir/bench/protopub_bench_import" "$work/input.txt" --benchmark_min_time=0.5
fi
