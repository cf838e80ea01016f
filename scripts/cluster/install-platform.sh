#!/usr/bin/env bash
# Installs the platform on the cluster cluster-up.sh runs, as the README's k3d section does it:
# the chart with the dev values in the namespace `courses` (Pod Security `restricted` enforced),
# on the images build-images.sh and dev-images.sh make, imported into the cluster. Waits for the
# migrations hook and every Deployment. Prints the shop's address.
# Usage: install-platform.sh [image tag] [helm flags...]   (a new tag rolls the release to images
# of that tag; the flags, a --values file say, come last and win; publicUrl is the shop's address
# unless they set it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/cluster-env.sh"
bin=$(bash "$here/kubernetes.sh")
kubectl() { "$bin/kubectl" "$@"; }
helm=$(bash "$root/scripts/provision/kube-tools.sh" helm)
tag="${1:-$(sed -n "s/^appVersion: '\(.*\)'/\1/p" "$root/charts/course-checkout/Chart.yaml")}"
shift $(($# > 0 ? 1 : 0))
mapfile -t images < <(bash "$here/build-images.sh" "$tag")
mapfile -t dev_settings < <(bash "$here/dev-images.sh")
bash "$here/import-images.sh" "${images[@]}" "${dev_settings[@]#*=}"
url="http://$NODE_IP:8080"
kubectl get namespace courses >/dev/null 2>&1 || kubectl create namespace courses >/dev/null
kubectl label --overwrite namespace courses pod-security.kubernetes.io/enforce=restricted >/dev/null
# The shop's address as a values file of its own, so that a --values given after it may name another.
address_values=$(mktemp)
trap 'rm -f "$address_values"' EXIT
printf 'publicUrl: %s\n' "$url" >"$address_values"
settings=(--values "$address_values" --set "image.tag=$tag" --set dev.traceViewer=false)
for setting in "${dev_settings[@]}"; do settings+=(--set "$setting"); done
echo "installing the chart (dev values, images $tag)" >&2
"$helm" upgrade --install checkout "$root/charts/course-checkout" --namespace courses \
  --values "$root/charts/course-checkout/values-dev.yaml" "${settings[@]}" "$@" \
  --wait --timeout 10m >/dev/null
echo "$url"
