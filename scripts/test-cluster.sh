#!/usr/bin/env bash
# `npm run test:cluster`: the chart on a real single-node Kubernetes 1.33 made on this machine
# (scripts/cluster, docs/cluster.md): the cluster and its addons (CoreDNS, kube-router's
# NetworkPolicy firewall, Traefik, the Dapr control plane), the images, the chart with the dev
# values and scripts/cluster/test-values.yaml; then the end-to-end journeys through the Ingress
# and the cluster's own proofs (jest.cluster.config.js). Everything it builds is cached; the
# cluster is torn down at the end, passed or not, unless CLUSTER_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
cluster=scripts/cluster
source "$cluster/cluster-env.sh"
started=$(date +%s)
step() { echo "[$1/5] $2 (at $(($(date +%s) - started)) s)" >&2; }
[[ "${CLUSTER_KEEP:-}" == 1 ]] || trap 'echo "tearing the cluster down" >&2; bash "$cluster/cluster-down.sh"' EXIT

step 1 "the cluster: etcd, containerd and Kubernetes' own processes"
bash "$cluster/cluster-up.sh" >/dev/null
step 2 "the addons: CoreDNS, NetworkPolicies, Traefik, Dapr"
bash "$cluster/addons.sh"
tag=$(sed -n "s/^appVersion: '\(.*\)'/\1/p" charts/course-checkout/Chart.yaml)
step 3 "the images, and the same tagged $tag-next for the helm upgrade test"
mapfile -t next_images < <(bash "$cluster/build-images.sh" "$tag-next")
bash "$cluster/import-images.sh" "${next_images[@]}"
step 4 "the chart, with the dev and test values"
url=$(bash "$cluster/install-platform.sh" "$tag" --values "$cluster/test-values.yaml")
step 5 "the suites, through $url"
KUBECTL="$(bash "$cluster/kubernetes.sh")/kubectl" HELM=$(bash scripts/provision/kube-tools.sh helm) \
  PLATFORM_MODE=cluster CLUSTER_URL="$url" CLUSTER_UPGRADE_TAG="$tag-next" \
  npx jest -c jest.cluster.config.js "$@"
echo "test:cluster passed in $(($(date +%s) - started)) s" >&2
