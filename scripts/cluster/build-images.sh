#!/usr/bin/env bash
# Builds the eight images (six services, the migrations, the storefront) with podman from the
# repo's one Dockerfile, unchanged, on the base base-image.sh makes. Tagged as the chart names
# them: <registry>/checkout-<unit>:<tag>, the chart's registry and appVersion unless given.
# The dependency layer is shared, so only the first image runs `npm ci`.
# Usage: build-images.sh [tag] [registry]   Prints the images' names, one per line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chart="$root/charts/course-checkout"
tag="${1:-$(sed -n "s/^appVersion: '\(.*\)'/\1/p" "$chart/Chart.yaml")}"
registry="${2:-$(sed -n 's/^  registry: //p' "$chart/values.yaml")}"
source "$here/podman.sh"
echo "base image: $(bash "$here/base-image.sh")" >&2
units=(marketing financial payment card-vault academic notification migrate storefront)
for i in "${!units[@]}"; do
  image="$registry/checkout-${units[$i]}:$tag"
  echo "[$((i + 1))/${#units[@]}] building $image" >&2
  started=$(date +%s)
  podman build --quiet --layers --build-arg "UNIT=${units[$i]}" -t "$image" "$root" >/dev/null
  echo "      built in $(($(date +%s) - started)) s" >&2
  echo "$image"
done
