#!/usr/bin/env bash
# What each image contains, built the same way in the Dockerfile and in the tests: the unit's code
# bundled into <out>/main.js, the OpenAPI spec beside it, and only the runtime packages it requires
# under <out>/node_modules; an app's image (the storefront's) carries its pages instead of the spec,
# built by Vite into <out>/dist (no source maps: the image serves that folder as it is).
# Usage: build-unit.sh <marketing|...|notification|migrate|storefront> <out-dir>
set -euo pipefail
cd "$(dirname "$0")/../.."
unit="${1:?usage: build-unit.sh <unit> <out-dir>}"
out="${2:?usage: build-unit.sh <unit> <out-dir>}"
rm -rf "$out"
node scripts/image/bundle.mjs "$unit" "$out"
node scripts/image/copy-runtime-dependencies.mjs "$out/externals.json" "$out"
rm "$out/externals.json"
if [[ -d "apps/$unit" ]]; then
  npm run build --silent -w "apps/$unit" -- \
    --outDir "$(realpath "$out")/dist" --emptyOutDir --sourcemap false --logLevel warn
fi
