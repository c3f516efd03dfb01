#!/usr/bin/env bash
# Bounded fuzz runs: builds the libFuzzer targets with clang (ASan+UBSan) and runs each
# for SECONDS (default 60) on the seed corpus. Fails on any crash, leak, timeout or
# out-of-memory; the input that failed is left in build-fuzz/findings/ and its name printed.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 600 fuzz_reader
# Environment: FUZZ_NICE (default 0), FUZZ_TIMEOUT seconds for one input (default 60:
# the clock is wall time, and a shared CI machine can be slow).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
build=build-fuzz
nice_level="${FUZZ_NICE:-0}"
seeds="${PROTOPUB_SEEDS:-}"
for candidate in ../shared/seeds ../../shared/seeds; do
  if [ -z "$seeds" ] && [ -d "$candidate" ]; then seeds="$candidate"; fi
done

if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DPROTOPUB_FUZZ=ON -DPROTOPUB_TESTS=OFF \
    -DCMAKE_DISABLE_FIND_PACKAGE_benchmark=ON >/dev/null
fi
# Quiet unless the build fails; then its errors are what CI shows.
if ! nice -n "$nice_level" cmake --build "$build" -j"$(nproc)" >"$build/build.log" 2>&1; then
  grep -E -A8 'error|FAILED' "$build/build.log" | head -60
  echo "fuzz: the clang build failed (full log: $build/build.log)"
  exit 1
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for t in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$t" .cpp)"); done
fi

# Seeds: every Markdown source in the tests, the legacy text seeds, every .docx in the
# tests, and the inputs of past findings (tests/fuzz/regressions/<target>/).
seed_corpus() {
  local target="$1" dir="$build/corpus/$target"
  mkdir -p "$dir"
  find tests -name '*.md' -not -path 'tests/bad-input/*' -size -64k -exec cp -n {} "$dir/" \;
  case "$target" in
    fuzz_text_import|fuzz_refs) [ -n "$seeds" ] && cp -n "$seeds"/*.txt "$dir/" ;;
    fuzz_html_import)  # the templates' pages and a page of every test source, written by protopub
      find tests templates -name '*.html' -size -256k -exec cp -n {} "$dir/" \;
      local pages="$build/seed-html"
      find tests -name '*.md' -not -path 'tests/bad-input/*' -size -16k -print0 |
        xargs -0 -n1 -I{} "$build/protopub" build {} -o "$pages" --format html --quiet >/dev/null 2>&1 || true
      [ -d "$pages" ] && cp -n "$pages"/*.html "$dir/" ;;
    fuzz_docx_import)
      find tests templates -name '*.docx' -size -256k -exec cp -n {} "$dir/" \;
      # a .docx of every test source, written by protopub itself
      local docs="$build/seed-docx"
      find tests -name '*.md' -not -path 'tests/bad-input/*' -size -64k -print0 |
        xargs -0 -n1 -I{} "$build/protopub" build {} -o "$docs" --format docx --quiet >/dev/null 2>&1 || true
      [ -d "$docs" ] && cp -n "$docs"/*.docx "$dir/" ;;
  esac
  if [ -d "tests/fuzz/regressions/$target" ]; then cp -n "tests/fuzz/regressions/$target"/* "$dir/" 2>/dev/null || true; fi
  echo "$dir"
}

# fontconfig keeps its configuration for the life of the process (not a leak of ours).
export LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
failed=0
for target in "${targets[@]}"; do
  corpus="$(seed_corpus "$target")"
  findings="$build/findings/$target"
  mkdir -p "$findings"
  log="$build/$target.log"
  echo "== $target: ${seconds}s"
  if nice -n "$nice_level" "$build/tests/fuzz/$target" "$corpus" \
      -dict=tests/fuzz/protopub.dict -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-60}" -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$log" | tail -2
  else
    failed=1
    echo "!! $target failed; see $log"
    grep -E 'ERROR|SUMMARY|Test unit written|property broken|runtime error|terminate called|Assertion' "$log" | head -8
    # the input itself, so a CI log is enough to reproduce the finding
    grep -E '^Base64: ' "$log" | head -1
  fi
done
exit $failed
