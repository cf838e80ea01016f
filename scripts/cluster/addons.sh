#!/usr/bin/env bash
# What makes the bare cluster a platform's cluster: CoreDNS (kubeadm's own addon manifests, on the
# image coredns-image.sh makes), NetworkPolicy enforcement (kube-router's firewall alone, beside
# the kubelet), the Ingress controller (addons/traefik.yaml) and the Dapr control plane from Dapr's
# own Helm chart, in the dapr module, with the images dapr-images.sh makes. Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/cluster-env.sh"
source "$root/scripts/provision/dapr-version.sh"
bin=$(bash "$here/kubernetes.sh")
kubectl() { "$bin/kubectl" "$@"; }
helm=$(bash "$root/scripts/provision/kube-tools.sh" helm)

echo "[1/4] CoreDNS" >&2
bash "$here/import-images.sh" "$(bash "$here/coredns-image.sh")"
"$bin/kubeadm" init phase addon coredns --config "$CLUSTER_DIR/kubeadm.yaml" \
  --kubeconfig "$KUBECONFIG" >/dev/null

echo "[2/4] NetworkPolicy enforcement (kube-router's firewall)" >&2
kube_router=$(bash "$here/kube-router.sh")
if ! { [[ -e "$CLUSTER_DIR/run/kube-router.pid" ]] && kill -0 "$(cat "$CLUSTER_DIR/run/kube-router.pid")" 2>/dev/null; }; then
  setsid "$kube_router" --kubeconfig="$KUBECONFIG" --hostname-override="$NODE_NAME" \
    --run-firewall=true --run-router=false --run-service-proxy=false --enable-cni=false \
    --metrics-port=0 >>"$CLUSTER_DIR/logs/kube-router.log" 2>&1 </dev/null &
  echo $! >"$CLUSTER_DIR/run/kube-router.pid"
fi

echo "[3/4] Traefik, the Ingress controller" >&2
traefik=$(bash "$here/traefik-image.sh")
bash "$here/import-images.sh" "$traefik"
sed "s#@TRAEFIK_IMAGE@#$traefik#" "$here/addons/traefik.yaml" | kubectl apply -f - >/dev/null

echo "[4/4] the Dapr $dapr_version control plane" >&2
mapfile -t dapr_images < <(bash "$here/dapr-images.sh")
bash "$here/import-images.sh" "${dapr_images[@]}"
"$helm" upgrade --install dapr "$(bash "$here/module-dir.sh" "github.com/dapr/dapr@v$dapr_version")/charts/dapr" \
  --namespace dapr-system --create-namespace --wait --timeout 5m \
  --set global.registry=ghcr.io/dapr --set "global.tag=$dapr_version" \
  --set global.actors.enabled=false --set global.scheduler.enabled=false \
  --set dapr_sidecar_injector.sidecarDropALLCapabilities=true >/dev/null
kubectl -n kube-system rollout status deployment/coredns deployment/traefik --timeout=180s >/dev/null
