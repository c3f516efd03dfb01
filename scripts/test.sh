#!/usr/bin/env bash
# Set up, build, and run the whole test suite under ctest; then the same suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer, and a bounded fuzz run of every target.
#   FUZZ_SECONDS   seconds per fuzz target (default 60; 0 skips the fuzz step)
#   SANITIZE=0     skips the sanitizer build
set -euo pipefail
cd "$(dirname "$0")/.."
# CI treats every compiler warning as an error (-Wall -Wextra on every target).
CMAKE_ARGS="-DPROTOPUB_WERROR=ON ${CMAKE_ARGS:-}" ./scripts/setup.sh --test-tools
ctest --test-dir build --output-on-failure --parallel "$(nproc)"

if [ "${SANITIZE:-1}" != 0 ]; then
  echo "== test suite under ASan + UBSan (build-asan/)"
  BUILD_TYPE=RelWithDebInfo BUILD_DIR=build-asan CMAKE_ARGS="-DPROTOPUB_SANITIZE=ON" ./scripts/setup.sh
  # fontconfig keeps its configuration for the life of the process: not our leak.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$PWD/tests/fuzz/lsan.supp" \
    ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)" --timeout 1200
fi

if [ "${FUZZ_SECONDS:-60}" != 0 ]; then
  echo "== bounded fuzzing: ${FUZZ_SECONDS:-60}s per target (build-fuzz/)"
  ./scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
fi
