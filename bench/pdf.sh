#!/usr/bin/env bash
# Issue 5's benchmark: a constitution-sized source (1.5 MB) to PDF with protopub, and the
# same Markdown through pandoc -> HTML -> WeasyPrint and -> wkhtmltopdf, in one run.
# Usage: bench/pdf.sh [RUNS]   (uses the release build in $BUILD_DIR, default build/)
# Prints each tool's median time and page count, and protopub's speed-up over each.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/make_corpus.py "$work/corpus"
for tool in pandoc weasyprint wkhtmltopdf pdfinfo; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed"; exit 2; }
done
# The HTML a user would print: pandoc's standalone page of the same Markdown.
pandoc -f gfm -t html -s --metadata title="Benchmark Constitution" "$work/corpus.body.md" -o "$work/pandoc.html"
python3 - "$runs" "$work" "${BUILD_DIR:-build}" <<'PY'
import os, subprocess, sys
sys.path.insert(0, "bench")
import timing
runs, work, bindir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
size = os.path.getsize(f"{work}/corpus.md")

cpu_times = {}

def timed(cmd, n):
    # Median wall time; the median CPU time is kept in cpu_times (bench/timing.py).
    wall, cpu_times[cmd[0]] = timing.timed(cmd, n)
    return wall

def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return next(int(l.split()[1]) for l in info.splitlines() if l.startswith("Pages:"))

ours = timed([f"{bindir}/protopub", "build", f"{work}/corpus.md", "--format", "pdf", "-o", f"{work}/out", "--quiet"], runs)
# The other two take tens of seconds each: one run is enough to compare.
weasy = timed(["weasyprint", f"{work}/pandoc.html", f"{work}/weasy.pdf"], 1)
wkhtml = timed(["wkhtmltopdf", "--quiet", f"{work}/pandoc.html", f"{work}/wkhtml.pdf"], 1)
cpu = lambda tool: cpu_times[tool]
ours_cpu = cpu(f"{bindir}/protopub")
print(f"input: {size/1e6:.2f} MB of protocol Markdown; protopub median of {runs} runs; load average "
      f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
print(f"{'':52s} {'wall':>8s} {'cpu':>8s} {'pages':>6s}")
print(f"protopub build --format pdf (parse+check+layout+PDF) {ours:7.3f}s {ours_cpu:7.3f}s {pages(f'{work}/out/corpus.pdf'):6d}")
print(f"pandoc HTML -> WeasyPrint                            {weasy:7.3f}s {cpu('weasyprint'):7.3f}s {pages(f'{work}/weasy.pdf'):6d}")
print(f"pandoc HTML -> wkhtmltopdf                           {wkhtml:7.3f}s {cpu('wkhtmltopdf'):7.3f}s {pages(f'{work}/wkhtml.pdf'):6d}")
print(f"wall: protopub is {weasy/ours:.1f}x faster than WeasyPrint and {wkhtml/ours:.1f}x faster than wkhtmltopdf "
      f"(target: >= 20x the faster: {min(weasy, wkhtml)/ours:.1f}x)")
print(f"cpu:  {cpu('weasyprint')/ours_cpu:.1f}x and {cpu('wkhtmltopdf')/ours_cpu:.1f}x")
PY
