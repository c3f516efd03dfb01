#!/usr/bin/env bash
# Issue 8's benchmark: `protopub compare` of N synthetic councils (150 clauses each, made
# from the seed sources by bench/synth_councils.py: clauses reordered, reworded, dropped,
# added) against the model protocol and all against all, for N = 50, 100, 200, 400: wall time, CPU time and
# peak memory, so the growth can be seen. In the same run, Python difflib comparing every
# clause pair of N = 5 councils, the all-pairs approach protopub avoids, and what that
# would cost at N = 400 (all pairs grow with the square of the clauses).
# Usage: bench/compare.sh [N...]   (release binary in $BUILD_DIR, default build-release/)
set -euo pipefail
cd "$(dirname "$0")/.."
bindir="${BUILD_DIR:-build-release}"
[ -x "$bindir/protopub" ] || { echo "build the release binary first: cmake -S . -B $bindir -DCMAKE_BUILD_TYPE=Release && cmake --build $bindir"; exit 2; }
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(50 100 200 400); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
model=protocol-source/somerset-model-protocol.md
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-9s %-10s %-10s %-10s %-9s %s\n' N clauses "wall s" "CPU s" "peak MB" formats mode
for n in "${sizes[@]}"; do
  python3 bench/synth_councils.py protocol-source "$work/c$n" "$n" --model "$(basename "$model")"
  for run in "json,csv --base" "html --base" "json,csv all"; do
    read -r formats mode <<< "$run"
    base=(); [ "$mode" = --base ] && base=(--base "$model")
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
      "$bindir/protopub" compare "$work/c$n" "${base[@]}" -o "$work/out$n-$formats-$mode" --format "$formats" >/dev/null 2>&1
    read -r wall user sys kb < "$work/time"
    printf '%-6s %-9s %-10s %-10s %-10s %-9s %s\n' "$n" $((n * 150)) "$wall" "$(awk "BEGIN { print $user + $sys }")" \
      $((kb / 1024)) "$formats" "$([ "$mode" = --base ] && echo "against the model" || echo "all against all")"
    rm -rf "$work/out$n-$formats-$mode"
  done
done
python3 bench/synth_councils.py protocol-source "$work/d5" 5 --model "$(basename "$model")"
read -r docs clauses pairs seconds < <(python3 bench/difflib_allpairs.py "$model" "$work"/d5/*.md)
/usr/bin/time -f '%e' -o "$work/time" "$bindir/protopub" compare "$work/d5" --base "$model" -o "$work/out5" --format json,csv >/dev/null
echo
echo "N = 5: protopub compare $(cat "$work/time") s; Python difflib, every clause pair across $docs documents ($clauses clauses, $pairs pairs): $seconds s"
python3 - "$pairs" "$seconds" <<'PY'
import sys
pairs, seconds = int(sys.argv[1]), float(sys.argv[2])
clauses_400 = 401 * 150
pairs_400 = clauses_400 * clauses_400 / 2 * 400 / 401   # pairs across different documents
print(f"  at N = 400 ({clauses_400} clauses, {pairs_400:.2e} pairs) that is about {pairs_400 / pairs * seconds / 3600:.0f} hours")
PY
