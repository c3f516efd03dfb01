#!/usr/bin/env bash
# Issue 6's benchmark: a constitution-sized source (1.5 MB) to Word (.docx), parse and
# check included, against pandoc's markdown-to-docx on the same Markdown, in one run.
# Usage: bench/docx.sh [RUNS]   (uses the release build in $BUILD_DIR, default build/)
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
ours = timed([f"{bindir}/protopub", "build", f"{work}/corpus.md", "-o", f"{work}/out", "--format", "docx", "--quiet"], runs)
pandoc = timed(["pandoc", "-f", "gfm", "-t", "docx", f"{work}/corpus.body.md", "-o", f"{work}/pandoc.docx"], runs)
print(f"input: {size/1e6:.2f} MB of protocol Markdown, median of {runs} runs (wall / CPU)")
print(f"protopub build --format docx (parse + check + Word): {ours[0]*1000:8.1f} ms / {ours[1]*1000:8.1f} ms")
print(f"pandoc -f gfm -t docx:                                {pandoc[0]*1000:8.1f} ms / {pandoc[1]*1000:8.1f} ms")
print(f"ratio: protopub is {pandoc[0]/ours[0]:.1f}x (wall) / {pandoc[1]/ours[1]:.1f}x (CPU) faster than pandoc")
PY
