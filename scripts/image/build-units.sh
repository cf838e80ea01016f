#!/usr/bin/env bash
# Builds every image's contents (build-unit.sh) into <out>/<unit>/, with progress.
# `npm run test:dapr` runs the platform from them (SERVICE_BUNDLES), so the journeys exercise
# exactly the code and packages the images ship.
set -euo pipefail
out="${1:?usage: build-units.sh <out-dir>}"
# One unit per service (each folder of services/), per app (apps/: the storefront) and the
# migrations job.
units=()
for workspace in "$(dirname "$0")"/../../{services,apps}/*/; do units+=("$(basename "$workspace")"); done
units+=(migrate)
for index in "${!units[@]}"; do
  echo "[$((index + 1))/${#units[@]}] ${units[$index]}" >&2
  bash "$(dirname "$0")/build-unit.sh" "${units[$index]}" "$out/${units[$index]}" >/dev/null
done
echo "$out"
