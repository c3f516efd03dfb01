#!/usr/bin/env bash
# The main job: set up, build, check every source in protocol-source/ and publish it to
# output/: the site with PDF, Word and Akoma Ntoso beside each page, the constitution the
# example manifest assembles, and every protocol compared with the model protocol.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_TARGETS=protopub ./scripts/setup.sh   # the binary alone: the tests are test.sh's
protopub=./build/protopub
# The outputs' date (PDF and Word properties, Akoma Ntoso's generation date) is the date the
# sources were last committed, never the day of the run; a document's adoption date, where
# its source gives one, is its own.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH="$(git log -1 --format=%ct -- protocol-source 2>/dev/null || true)"
  [ -n "$SOURCE_DATE_EPOCH" ] && export SOURCE_DATE_EPOCH || unset SOURCE_DATE_EPOCH
fi
$protopub check protocol-source
# Committee reports (protocol-source/reports/NAME/REPORT.md): each pack, with its
# appendices, to output/reports/NAME/, linked from the front page.
reports=()
for report in protocol-source/reports/*/REPORT.md; do
  [ -e "$report" ] || continue
  name=$(basename "$(dirname "$report")")
  $protopub report "$report" -o "output/reports/$name" --quiet
  reports+=(--link "Committee report: $name=reports/$name/report.html")
done
$protopub build protocol-source -o output --format html,pdf,docx,akn --history "${reports[@]}" \
  --link "The assembled constitution=constitution/index.html" \
  --link "Every protocol compared with the model protocol=comparison/index.html"
$protopub constitution protocol-source/constitution.yaml -o output/constitution --format html,pdf,docx,akn
$protopub compare protocol-source --base protocol-source/somerset-model-protocol.md -o output/comparison \
  --format html,pdf,csv,json
echo "publish: open output/index.html (constitution: output/constitution/, comparison: output/comparison/, reports: output/reports/)"
