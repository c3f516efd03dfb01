#!/usr/bin/env bash
# Issues 2 and 6: a constitution-sized source (1.5 MB, bench/make_corpus.py) through
# `protopub build` to HTML or Word, parse and check included, against pandoc on the same
# Markdown, side by side in one run.
# Usage: bench/vs_pandoc.sh html|docx|docx-protocols [RUNS]   (release build in $BUILD_DIR, default build/)
#   docx-protocols: 65 protocols (1.3 MB, `make_corpus.py --files`) built into 65 .docx files
#   in one run, against pandoc on the same text; what reading the reference once per run buys.
# BASELINE_BIN=path/to/an/older/protopub times that binary too, in the same run.
# INSTRUCTIONS=1 also counts protopub's (and the baseline's) instructions under callgrind:
# a figure other jobs on the machine do not move, for comparing two builds on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
format="${1:-}"
case "$format" in html|docx|docx-protocols) ;; *) echo "usage: bench/vs_pandoc.sh html|docx|docx-protocols [RUNS]"; exit 2 ;; esac
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$format" = docx-protocols ]; then
  python3 bench/make_corpus.py --files --size 1300000 "$work/corpus"
  bytes=$(cat "$work"/corpus/*.md | wc -c)
  input="$work/corpus"
  format=docx
else
  python3 bench/make_corpus.py "$work/corpus"
  input="$work/corpus.md"
fi
[ -n "${bytes:-}" ] || bytes=$(wc -c < "$work/corpus.md")
command -v pandoc >/dev/null || { echo "pandoc is not installed (apt-get install pandoc)"; exit 2; }
python3 - "$format" "$runs" "$work" "$bytes" "${BUILD_DIR:-build}" "$input" "${BASELINE_BIN:-}" "${INSTRUCTIONS:-}" <<'PY'
import re, subprocess, sys
sys.path.insert(0, "bench")
from timing import timed
fmt, runs, work, size, bindir, source, baseline = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
count_instructions = sys.argv[8] == "1"

def instructions(binary, out):
    """Instructions protopub executes (callgrind's Ir total), threads included."""
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={work}/callgrind.out",
                           binary, "build", source, "-o", out, "--format", fmt, "--quiet"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not found:
        sys.exit(f"{binary} failed under callgrind")
    return int(found.group(1))
ours = timed([f"{bindir}/protopub", "build", source, "-o", f"{work}/out", "--format", fmt, "--quiet"], runs)
before = timed([baseline, "build", source, "-o", f"{work}/before", "--format", fmt, "--quiet"], runs) if baseline else None
standalone = ["-s", "--metadata", "title=Bench"] if fmt == "html" else []
pandoc = timed(["pandoc", "-f", "gfm", "-t", fmt, *standalone, f"{work}/corpus.body.md",
                "-o", f"{work}/pandoc.{fmt}"], runs)
print(f"input: {size/1e6:.2f} MB of protocol Markdown, median of {runs} runs")
print(f"{'':44} {'wall':>9} {'cpu':>9}")
print(f"{'protopub build --format ' + fmt + ' (parse+refs+check)':44} {ours[0]*1000:7.1f}ms {ours[1]*1000:7.1f}ms")
print(f"{'pandoc -f gfm -t ' + fmt:44} {pandoc[0]*1000:7.1f}ms {pandoc[1]*1000:7.1f}ms")
if before:
    print(f"{'baseline ' + baseline[-34:]:44} {before[0]*1000:7.1f}ms {before[1]*1000:7.1f}ms")
    print(f"baseline: {before[0]/ours[0]:.2f}x the time of this build (wall), {before[1]/ours[1]:.2f}x (cpu); "
          f"the baseline is {pandoc[0]/before[0]:.1f}x faster than pandoc (wall)")
print(f"ratio: protopub is {pandoc[0]/ours[0]:.1f}x faster than pandoc (wall), {pandoc[1]/ours[1]:.1f}x (cpu)")
if count_instructions:
    mine = instructions(f"{bindir}/protopub", f"{work}/count")
    print(f"instructions (callgrind): {mine:,} this build", end="")
    if baseline:
        theirs = instructions(baseline, f"{work}/count-before")
        print(f", {theirs:,} the baseline ({theirs/mine:.2f}x)", end="")
    print()
PY
