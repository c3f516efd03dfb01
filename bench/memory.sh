#!/usr/bin/env bash
# Issue 18, item 9: peak memory (maximum resident set, /usr/bin/time -v) of `check` and of
# `build` per format, on generated sources of 1, 4 and 16 MiB (the source limit), made by
# bench/make_dense.py (every clause cites three clauses and a range: the references, links
# and bookmarks are what costs memory). Uses the release build in $BUILD_DIR (default
# build/), or the binary $PROTOPUB. Prints one row per command: MB at each size, and MB per MiB
# of source at the largest size.
# Usage: [SIZES="1 4 16"] [COMMANDS="check html docx pdf akn html,docx,pdf,akn"] bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bindir="${BUILD_DIR:-build}"
protopub="${PROTOPUB:-$bindir/protopub}"
sizes=(${SIZES:-1 4 16})
commands=(${COMMANDS:-check html docx pdf akn html,docx,pdf,akn})
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -x /usr/bin/time ]] || { echo "memory.sh: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
for s in "${sizes[@]}"; do
    # just under s MiB: 16 MiB is the limit itself
    python3 bench/make_dense.py --size $((s * 1048576 - 65536)) "$work/src$s.md"
done
peak() {  # peak resident set of one run, in MB (10^6 bytes)
    local log="$work/time.log"
    if ! /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$work/stderr"; then
        { echo "failed: $*"; tail -3 "$work/stderr"; } >>"$work/failures"
        echo "fail"
        return
    fi
    awk -F': ' '/Maximum resident set size/ { printf "%d", $2 * 1024 / 1e6 }' "$log"
}
printf '%-34s' "source (MiB)"
for s in "${sizes[@]}"; do printf '%10s' "$(awk -v b="$(stat -c %s "$work/src$s.md")" 'BEGIN { printf "%.1f", b / 1048576 }')"; done
printf '%14s\n' "MB per MiB"
for c in "${commands[@]}"; do
    if [[ $c == check ]]; then label="check"; else label="build --format $c"; fi
    printf '%-34s' "$label"
    last=""
    for s in "${sizes[@]}"; do
        rm -rf "$work/out"
        if [[ $c == check ]]; then
            mb=$(peak "$protopub" check "$work/src$s.md" --quiet)
        else
            mb=$(peak "$protopub" build "$work/src$s.md" -o "$work/out" --format "$c" --templates templates --quiet)
        fi
        printf '%10s' "$mb"
        last="$mb"
    done
    mib=$(awk -v b="$(stat -c %s "$work/src${sizes[-1]}.md")" 'BEGIN { print b / 1048576 }')
    if [[ $last == fail ]]; then printf '%14s\n' "-"; else awk -v m="$last" -v s="$mib" 'BEGIN { printf "%14.0f\n", m / s }'; fi
done
if [[ -s $work/failures ]]; then
    cat "$work/failures" >&2
    exit 1
fi
