#!/usr/bin/env bash
# Builds the Kubernetes components of the single-node cluster (kube-apiserver,
# kube-controller-manager, kube-scheduler, kubelet, kube-proxy, kubectl, and kubeadm for the
# certificates and kubeconfigs) from tools/kubernetes with the go command, stamped with their version as a
# release is, and caches them under .tools/kubernetes/<version>-<module hash>/. Idempotent.
# Prints the directory that holds them.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
module_dir="$root/tools/kubernetes"
version=$(sed -n "s#^\s*k8s.io/kubernetes \(v[0-9.]*\).*#\1#p" "$module_dir/go.mod")
[[ -n "$version" ]] || { echo "no k8s.io/kubernetes version in $module_dir/go.mod" >&2; exit 1; }
components=(kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl kubeadm)
hash=$(cat "$module_dir/go.mod" "$module_dir/go.sum" | sha256sum | cut -c1-12)
target="$root/.tools/kubernetes/$version-$hash"
source "$root/scripts/provision/cache.sh"
# kubeadm is built last, so it marks a complete build.
reuse_or_lock "$target" "$target/kubeadm"

export GOWORK=off GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=readonly
IFS=. read -r major minor _ <<<"${version#v}"
stamp=""
for package in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  stamp+=" -X $package.gitVersion=$version -X $package.gitMajor=$major -X $package.gitMinor=$minor"
  stamp+=" -X $package.gitTreeState=clean -X $package.buildDate=1970-01-01T00:00:00Z"
done
started=$(date +%s)
for i in "${!components[@]}"; do
  component=${components[$i]}
  echo "[$((i + 1))/${#components[@]}] building $component $version (the first takes longest:" \
    "about 15 minutes cold on 2 cores for all seven)" >&2
  go build -C "$module_dir" -trimpath -ldflags "-s -w$stamp" \
    -o "$target/$component.partial" "k8s.io/kubernetes/cmd/$component"
  mv "$target/$component.partial" "$target/$component"
done
echo "built the Kubernetes components $version in $(($(date +%s) - started)) s" >&2
echo "$target"
