#!/usr/bin/env bash
# ctest's a11y_pages: publishes every kind of HTML page protopub writes (the site, the
# constitution, the comparison, a redline and its schedule) from the committed sources into
# a temporary folder, then checks each with axe-core in chromium and at phone width
# (check_pages.js). Needs `scripts/setup.sh --test-tools` (chromium, npm ci here).
#   tests/a11y/run.sh PROTOPUB [KEEP_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
protopub="${1:?usage: run.sh PROTOPUB [KEEP_DIR]}"
out="${2:-$(mktemp -d)}"
[ -n "${2:-}" ] || trap 'rm -rf "$out"' EXIT
src="$repo/protocol-source"
"$protopub" build "$src" -o "$out/site" --format html,pdf,docx \
  --link "The assembled constitution=constitution/index.html" --link "Comparison=comparison/index.html" >/dev/null
"$protopub" constitution "$src/constitution.yaml" -o "$out/site/constitution" --format html >/dev/null 2>&1
"$protopub" compare "$src" --base "$src/somerset-model-protocol.md" -o "$out/site/comparison" --format html >/dev/null
# Two councils' versions of the LGA model: a redline with every kind of change.
"$protopub" diff "$src/somerset-model-protocol.md" "$src/district-council-cabinet-model.md" -o "$out/site/redline" \
  --format html >/dev/null
if [ ! -d "$here/node_modules/axe-core" ] || [ ! -d "$here/node_modules/puppeteer-core" ]; then
  echo "a11y: axe-core and puppeteer-core are not installed: run scripts/setup.sh --test-tools" >&2
  exit 2
fi
exec timeout 300 node "$here/check_pages.js" "$out/site"
