#!/usr/bin/env bash
# The main job: set up, build, check every source in protocol-source/ and publish it to output/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./build/protopub check protocol-source
./build/protopub build protocol-source -o output --format html,pdf,docx
echo "publish: output/index.html"
