#!/usr/bin/env bash
# Issue 8's benchmark: `protopub compare` of N synthetic councils (150 clauses each, made
# from the seed sources by bench/synth_councils.py: clauses reordered, reworded, dropped,
# added) against the model protocol and all against all, for N = 50, 100, 200, 400: wall time, CPU time and
# peak memory, so the growth can be seen. In the same run, Python difflib comparing every
# clause pair of N = 5 councils, the all-pairs approach protopub avoids, and what that
# would cost at N = 400 (all pairs grow with the square of the clauses).
# Then the two pathological cases of issue 19, with /usr/bin/time -v (wall, CPU, peak memory):
# two schemes of 400 near-identical delegation clauses all against all (bench/synth_delegations.py;
# 100 and 200 for the growth), and two sources of 12,500 sentence-sized clauses each.
# Usage: bench/compare.sh [N...]   (release binary in $BUILD_DIR, default build-release/)
#        bench/compare.sh --pathological   (only the two pathological cases)
set -euo pipefail
cd "$(dirname "$0")/.."
bindir="${BUILD_DIR:-build-release}"
[ -x "$bindir/protopub" ] || { echo "build the release binary first: cmake -S . -B $bindir -DCMAKE_BUILD_TYPE=Release && cmake --build $bindir"; exit 2; }
only_pathological=
if [ "${1:-}" = --pathological ]; then only_pathological=1; shift; fi
if [ $# -gt 0 ]; then sizes=("$@"); elif [ -n "$only_pathological" ]; then sizes=(); else sizes=(50 100 200 400); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
model=protocol-source/somerset-model-protocol.md
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# One run under /usr/bin/time -v: "wall s, CPU s, peak MB" from its report.
timed_v() {
  /usr/bin/time -v -o "$work/timev" "$@" >/dev/null 2>&1 || { echo "failed: $*"; return 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
              /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { kb = $2 }
              END { printf "%-10.2f %-10.2f %-10d", wall, user + sys, kb / 1024 }' "$work/timev"
}

echo
echo "Pathological pairs (all against all):"
printf '%-44s %-10s %-10s %-10s\n' case "wall s" "CPU s" "peak MB"
for n in 100 200 400; do
  python3 bench/synth_delegations.py "$work/del$n" "$n"
  printf '%-44s ' "2 schemes x $n near-identical delegations"
  timed_v "$bindir/protopub" compare "$work/del$n" -o "$work/out-del$n" --format json; echo
  rm -rf "$work/out-del$n"
done
python3 bench/synth_councils.py protocol-source "$work/big" 2 --clauses 12500 --sentences --model "$(basename "$model")"
printf '%-44s ' "2 sources x 12,500 clauses ($(du -sh "$work/big" | cut -f1))"
timed_v "$bindir/protopub" compare "$work/big" -o "$work/out-big" --format json; echo
rm -rf "$work/out-big" "$work/big"
[ ${#sizes[@]} -eq 0 ] && exit 0
echo
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
