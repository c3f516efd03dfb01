#!/usr/bin/env bash
# Issue 2's benchmark: parse + HTML for a constitution-sized corpus (1.5 MB), against
# pandoc's markdown-to-HTML on the same Markdown, side by side in one run.
# Usage: bench/html.sh [RUNS]   (uses the release build in $BUILD_DIR, default build/)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/make_corpus.py "$work/corpus"
bytes=$(wc -c < "$work/corpus.md")
command -v pandoc >/dev/null || { echo "pandoc is not installed (apt-get install pandoc)"; exit 2; }
python3 - "$runs" "$work" "$bytes" "${BUILD_DIR:-build}" <<'PY'
import sys
sys.path.insert(0, "bench")
from timing import timed
runs, work, size, bindir = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
ours = timed([f"{bindir}/protopub", "build", f"{work}/corpus.md", "-o", f"{work}/site", "--quiet"], runs)
pandoc = timed(["pandoc", "-f", "gfm", "-t", "html", "-s", "--metadata", "title=Bench",
                f"{work}/corpus.body.md", "-o", f"{work}/pandoc.html"], runs)
print(f"input: {size/1e6:.2f} MB of protocol Markdown, median of {runs} runs")
print(f"{'':40} {'wall':>9} {'cpu':>9}")
print(f"{'protopub build (parse+refs+check+HTML)':40} {ours[0]*1000:7.1f}ms {ours[1]*1000:7.1f}ms")
print(f"{'pandoc -f gfm -t html':40} {pandoc[0]*1000:7.1f}ms {pandoc[1]*1000:7.1f}ms")
print(f"ratio: protopub is {pandoc[0]/ours[0]:.1f}x faster than pandoc (wall), {pandoc[1]/ours[1]:.1f}x (cpu)")
PY
