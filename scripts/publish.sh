#!/usr/bin/env bash
# The main job: set up, build, check every source in protocol-source/ and publish it to
# output/: the site with PDF, Word and Akoma Ntoso beside each page, the constitution the
# example manifest assembles, and every protocol compared with the model protocol.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
protopub=./build/protopub
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
