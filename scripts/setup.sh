#!/usr/bin/env bash
# Installs what protopub needs from Debian's packages (only what is missing) and builds
# the release binary into build/. Safe to re-run: it does nothing that is already done.
#   scripts/setup.sh               build dependencies only (the main job)
#   scripts/setup.sh --test-tools  also the tools the tests use to look at outputs as a
#                                  user would (LibreOffice, poppler, qpdf, xmllint, pandoc)
#   BUILD_TARGETS=protopub         build only the named targets (scripts/publish.sh)
#   CMAKE_ARGS=...                 more cmake options (scripts/test.sh: -DPROTOPUB_WERROR=ON)
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3
  libcmark-gfm-dev libcmark-gfm-extensions-dev libpugixml-dev libhpdf-dev libyaml-cpp-dev
  libhyphen-dev hyphen-en-us libfontconfig-dev fontconfig fonts-dejavu-core fonts-liberation2
  catch2 libbenchmark-dev libxml2-dev libdeflate-dev zlib1g-dev libjemalloc-dev
)
if [ "${1:-}" = "--test-tools" ]; then
  # clang + its runtimes (libFuzzer, sanitizers: only "recommended" by clang, so named);
  # python3-uno drives LibreOffice's Accept All / Reject All in the redline and report tests
  PACKAGES+=(poppler-utils qpdf libxml2-utils unzip libreoffice-writer-nogui python3-uno clang libclang-rt-14-dev)
  # pandoc: its plain text of our .docx is one of the import round trip's layouts
  PACKAGES+=(pandoc)
  # the accessibility test (tests/a11y): Debian's chromium, driven by npm's puppeteer-core
  PACKAGES+=(chromium)
  # Node.js and npm from Debian only where the machine has none: a machine with another
  # Node.js package (one that ships its own npm) would refuse Debian's npm.
  command -v node >/dev/null || PACKAGES+=(nodejs)
  command -v npm >/dev/null || PACKAGES+=(npm)
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core and puppeteer-core, exactly as tests/a11y/package-lock.json pins them; never a
# downloaded browser (the test drives Debian's chromium).
if [ "${1:-}" = "--test-tools" ] && [ ! -d tests/a11y/node_modules/puppeteer-core ]; then
  (cd tests/a11y && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi

BUILD_TYPE="${BUILD_TYPE:-Release}"
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" ${CMAKE_ARGS:-} >/dev/null
# BUILD_TARGETS: only these (the main job needs only the protopub binary), else everything.
cmake --build "$BUILD_DIR" --parallel "$(nproc)" ${BUILD_TARGETS:+--target $BUILD_TARGETS}
