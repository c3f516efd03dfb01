#!/usr/bin/env bash
# Issue 17's benchmark, in one run:
#  1. 65 protocols (the five seeds over and over, 1.46 MB of Markdown) to 65 tagged
#     PDFs with `protopub build`, against WeasyPrint printing pandoc's HTML of the same
#     text (one run over all of it, so WeasyPrint pays its start-up once), and
#     wkhtmltopdf when installed. Target: protopub at least 25x faster than WeasyPrint.
#  2. The size of each seed protocol's PDF (target: a 9-page protocol under 80 KB).
#  3. One unbreakable token of 400 KB (target: under a second, parse to PDF).
# Usage: bench/pdf.sh [RUNS]   (uses the release build in $BUILD_DIR, default build/)
# WeasyPrint and pandoc come from Debian: apt-get install weasyprint pandoc.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
# On a RAM disk when there is one: protopub syncs its output set (syncfs), which on a
# shared disk waits for everyone else's writes too; WeasyPrint writes to the same place.
work="$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)"
trap 'rm -rf "$work"' EXIT
for tool in pandoc weasyprint pdfinfo; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install weasyprint pandoc poppler-utils)"; exit 2; }
done
python3 bench/make_corpus.py "$work/set" --files --count 65
# The HTML a user would print: pandoc's standalone page of the same Markdown.
pandoc -f gfm -t html -s --metadata title="Benchmark protocols" "$work/set.body.md" -o "$work/pandoc.html"
python3 - <<'PY' > "$work/long.md"
import random
random.seed(17)
token = "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(400_000))
print('---\ntitle: Long token\ncouncil: Benchmark Council\nversion: "1"\nstatus: draft\n---\n\n## 1. Token\n')
print(f"1.1 A pasted blob: {token} and the words after it.")
PY
python3 - "$runs" "$work" "${BUILD_DIR:-build}" <<'PY'
import glob, os, shutil, subprocess, sys
sys.path.insert(0, "bench")
import timing
runs, work, bindir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
sources = sorted(glob.glob(f"{work}/set/*.md"))
size = sum(os.path.getsize(s) for s in sources)
cpu_times = {}

def timed(name, cmd, n):
    wall, cpu_times[name] = timing.timed(cmd, n)
    return wall

def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return next(int(l.split()[1]) for l in info.splitlines() if l.startswith("Pages:"))

protopub = f"{bindir}/protopub"
ours = timed("protopub", [protopub, "build", *sources, "--format", "pdf", "-o", f"{work}/out", "--quiet"], runs)
ours_pages = sum(pages(p) for p in glob.glob(f"{work}/out/*.pdf"))
weasy = timed("weasyprint", ["weasyprint", f"{work}/pandoc.html", f"{work}/weasy.pdf"], 1)
rows = [("protopub build --format pdf (65 tagged PDFs)", ours, cpu_times["protopub"], ours_pages),
        ("pandoc HTML -> WeasyPrint (one PDF)", weasy, cpu_times["weasyprint"], pages(f"{work}/weasy.pdf"))]
if shutil.which("wkhtmltopdf"):
    wk = timed("wkhtmltopdf", ["wkhtmltopdf", "--quiet", f"{work}/pandoc.html", f"{work}/wk.pdf"], 1)
    rows.append(("pandoc HTML -> wkhtmltopdf (one PDF)", wk, cpu_times["wkhtmltopdf"], pages(f"{work}/wk.pdf")))
print(f"1. {len(sources)} protocols, {size/1e6:.2f} MB of Markdown; protopub median of {runs} runs; "
      f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
print(f"   {'':46s} {'wall':>8s} {'cpu':>8s} {'pages':>6s}")
for name, wall, cpu, n in rows:
    print(f"   {name:46s} {wall:7.3f}s {cpu:7.3f}s {n:6d}")
print(f"   protopub is {weasy/ours:.1f}x (wall) and {cpu_times['weasyprint']/cpu_times['protopub']:.1f}x (cpu) "
      f"faster than WeasyPrint (target: >= 25x)")

seeds = [s for s in sorted(glob.glob("protocol-source/*.md")) if not s.endswith("README.md")]
subprocess.run([protopub, "build", *seeds, "--format", "pdf", "-o", f"{work}/seeds", "--quiet"], check=True)
print("2. the seed protocols' PDFs (target: a 9-page protocol under 80 KB)")
for pdf in sorted(glob.glob(f"{work}/seeds/*.pdf")):
    print(f"   {os.path.basename(pdf):45s} {pages(pdf):3d} pages {os.path.getsize(pdf)/1024:7.1f} KB")

wall, cpu = timing.timed([protopub, "build", f"{work}/long.md", "--format", "pdf", "-o", f"{work}/long", "--quiet"], runs)
print(f"3. one 400 KB unbreakable token, parse to PDF: {wall:.3f}s wall, {cpu:.3f}s cpu "
      f"({pages(f'{work}/long/long.pdf')} pages; target: under 1 s)")
PY
