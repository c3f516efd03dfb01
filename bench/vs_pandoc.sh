#!/usr/bin/env bash
# Issues 2 and 6: a constitution-sized source (1.5 MB, bench/make_corpus.py) through
# `protopub build` to HTML or Word, parse and check included, against pandoc on the same
# Markdown, side by side in one run.
# Usage: bench/vs_pandoc.sh html|docx [RUNS]   (release build in $BUILD_DIR, default build/)
set -euo pipefail
cd "$(dirname "$0")/.."
format="${1:-}"
case "$format" in html|docx) ;; *) echo "usage: bench/vs_pandoc.sh html|docx [RUNS]"; exit 2 ;; esac
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/make_corpus.py "$work/corpus"
bytes=$(wc -c < "$work/corpus.md")
command -v pandoc >/dev/null || { echo "pandoc is not installed (apt-get install pandoc)"; exit 2; }
python3 - "$format" "$runs" "$work" "$bytes" "${BUILD_DIR:-build}" <<'PY'
import sys
sys.path.insert(0, "bench")
from timing import timed
fmt, runs, work, size, bindir = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
ours = timed([f"{bindir}/protopub", "build", f"{work}/corpus.md", "-o", f"{work}/out", "--format", fmt, "--quiet"], runs)
standalone = ["-s", "--metadata", "title=Bench"] if fmt == "html" else []
pandoc = timed(["pandoc", "-f", "gfm", "-t", fmt, *standalone, f"{work}/corpus.body.md",
                "-o", f"{work}/pandoc.{fmt}"], runs)
print(f"input: {size/1e6:.2f} MB of protocol Markdown, median of {runs} runs")
print(f"{'':44} {'wall':>9} {'cpu':>9}")
print(f"{'protopub build --format ' + fmt + ' (parse+refs+check)':44} {ours[0]*1000:7.1f}ms {ours[1]*1000:7.1f}ms")
print(f"{'pandoc -f gfm -t ' + fmt:44} {pandoc[0]*1000:7.1f}ms {pandoc[1]*1000:7.1f}ms")
print(f"ratio: protopub is {pandoc[0]/ours[0]:.1f}x faster than pandoc (wall), {pandoc[1]/ours[1]:.1f}x (cpu)")
PY
