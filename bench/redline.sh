#!/usr/bin/env bash
# Issue 7's benchmark: a redline of two constitution-sized versions (1.5 MB, ~10% of the
# clauses reworded, inserted, deleted or moved, and the runs after them renumbered) in
# every format, against `git diff --no-index --word-diff` and Python's difflib on the same
# pair, side by side in one run. Wall time and CPU time (user+sys) are both reported:
# on a shared machine the CPU time is the fairer figure. Then the change model of two
# versions without ids whose clauses were shuffled and amended, at 8,000 and 16,000
# clauses: twice the clauses should cost about twice the time.
# Usage: bench/redline.sh [RUNS]   (uses the release build in $BUILD_DIR, default build-release/)
# BASELINE=/path/to/an/older/protopub also times that binary on the same pair, in the
# same run, and prints the ratio (new time / baseline time).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/make_redline_pair.py "$work"
python3 bench/make_redline_pair.py "$work" --shuffled 8000
python3 bench/make_redline_pair.py "$work" --shuffled 16000
python3 - "$runs" "$work" "${BUILD_DIR:-build-release}" "${BASELINE:-}" <<'PY'
import os, statistics, subprocess, sys
sys.path.insert(0, "bench")
import timing
runs, work, bindir, baseline = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

def timed(cmd, ok=(0,)):
    return timing.timed(cmd, runs, ok)

DIFFLIB = """
import difflib, sys
old = open(sys.argv[1], encoding='utf-8').read().splitlines(keepends=True)
new = open(sys.argv[2], encoding='utf-8').read().splitlines(keepends=True)
if sys.argv[3] == 'unified':
    sys.stdout.writelines(difflib.unified_diff(old, new))
else:
    sys.stdout.write(difflib.HtmlDiff().make_file(old, new, context=True))
"""
old_md, new_md = f"{work}/old.md", f"{work}/new.md"
old_txt, new_txt = f"{work}/old.txt", f"{work}/new.txt"
def diff(binary, out, *formats):
    return timed([binary, "diff", old_md, new_md, "-o", f"{work}/{out}", "--quiet", *formats])

# The baseline first and again last, so a machine growing busier mid-run shows.
before = [diff(baseline, "base-out"), diff(baseline, "base-json", "--format", "json,csv")] if baseline else []
rows = [
    ("protopub diff: html, pdf, docx, json, csv", diff(f"{bindir}/protopub", "out")),
    ("protopub diff --format json,csv", diff(f"{bindir}/protopub", "out-json", "--format", "json,csv")),
    ("git diff --no-index --word-diff", timed(["git", "diff", "--no-index", "--word-diff", old_txt, new_txt], ok=(0, 1))),
    ("python difflib.unified_diff (lines)", timed([sys.executable, "-c", DIFFLIB, old_txt, new_txt, "unified"])),
    ("python difflib.HtmlDiff (side by side)", timed([sys.executable, "-c", DIFFLIB, old_txt, new_txt, "html"])),
]
size = os.path.getsize(old_md) / 1e6
print(f"input: {size:.2f} MB old + {os.path.getsize(new_md)/1e6:.2f} MB new, median of {runs} runs")
print(f"{'':42} {'wall ms':>9} {'cpu ms':>9}")
for name, (wall, c) in rows:
    print(f"{name:42} {wall*1000:9.0f} {c*1000:9.0f}")
if baseline:
    after = [diff(baseline, "base-out"), diff(baseline, "base-json", "--format", "json,csv")]
    print(f"baseline {baseline} (before and after the runs above):")
    for k, name in enumerate(["every format", "json,csv"]):
        (w0, c0), (w1, c1), (w, c) = before[k], after[k], rows[k][1]
        bw, bc = statistics.median([w0, w1]), statistics.median([c0, c1])
        gw, gc = rows[2][1]
        print(f"  {name:40} {bw*1000:9.0f} {bc*1000:9.0f}   this build / baseline: {w/bw:5.2f} wall, {c/bc:5.2f} cpu;"
              f" baseline / git word-diff: {bw/gw:5.1f} wall, {bc/gc:5.1f} cpu")
git_wall, git_cpu = rows[2][1]
print("ratios (protopub time / git word-diff time):")
for name, (wall, c) in rows[:2]:
    print(f"  {name:40} {wall/git_wall:5.1f} wall, {c/git_cpu:5.1f} cpu")
ours_wall, ours_cpu = rows[0][1]
print("ratios (tool time / protopub every-format time):")
for name, (wall, c) in rows[2:]:
    print(f"  {name:40} {wall/ours_wall:5.2f} wall, {c/ours_cpu:5.2f} cpu")
# Shuffled and amended, no ids: nearly every clause is a move found by its words.
for label, binary in [("", f"{bindir}/protopub")] + ([("baseline ", baseline)] if baseline else []):
    shuffled = {}
    for n in (8000, 16000):
        shuffled[n] = timed([binary, "diff", f"{work}/shuffled-{n}-old.md", f"{work}/shuffled-{n}-new.md",
                             "-o", f"{work}/shuffled-{n}", "--quiet", "--format", "json,csv"])
        wall, c = shuffled[n]
        print(f"{label + 'shuffled, no ids: ' + format(n, ',') + ' clauses (json,csv)':42} {wall*1000:9.0f} {c*1000:9.0f}")
    (w8, c8), (w16, c16) = shuffled[8000], shuffled[16000]
    print(f"  16,000 / 8,000 clauses: {w16/w8:5.2f} wall, {c16/c8:5.2f} cpu (2.00 is linear)")
# What a reader gets: git marks every renumbered paragraph and reference as a change.
words = subprocess.run(["git", "diff", "--no-index", "--word-diff=porcelain", old_txt, new_txt],
                       capture_output=True, text=True).stdout
git_changes = sum(1 for line in words.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---")))
schedule = open(f"{work}/out/schedule.csv", encoding="utf-8").read().splitlines()[1:]
real = [r for r in schedule if ",renumbered," not in r]
print(f"git word-diff marks {git_changes} changed words or runs; protopub's schedule has {len(schedule)} rows: "
      f"{len(real)} real changes and {len(schedule) - len(real)} runs of consequential renumbering")
PY
