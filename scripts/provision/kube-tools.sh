#!/usr/bin/env bash
# Builds one of the Kubernetes tools the packaging is checked with from its Go module with the go
# command (every module checked against the Go checksum database and the tool's go.sum: one way
# for every tool and platform, no release binaries to trust), and caches it by version under
# .tools/<tool>/<version>/. Idempotent.
# Usage: kube-tools.sh helm|kubeconform|k3d|skaffold|tilt|pod-security-check   Prints its path.
set -euo pipefail
tool="${1:?usage: kube-tools.sh helm|kubeconform|k3d|skaffold|tilt|pod-security-check}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
# module@version and the package to build inside it. Built inside the module (not go install)
# because skaffold and tilt have replace lines. Versions are pinned so every run checks with the
# same tools; a bump must build with the Go toolchain at hand (GOTOOLCHAIN=local).
case "$tool" in
  helm) module=helm.sh/helm/v3 version=v3.22.0 package=./cmd/helm ;;
  kubeconform) module=github.com/yannh/kubeconform version=v0.7.0 package=./cmd/kubeconform ;;
  k3d) module=github.com/k3d-io/k3d/v5 version=v5.9.0 package=. ;;
  skaffold) module=github.com/GoogleContainerTools/skaffold/v2 version=v2.16.1 package=./cmd/skaffold ;;
  # Tilt's Tiltfile parser links tree-sitter, which needs cgo (a C compiler).
  tilt) module=github.com/tilt-dev/tilt version=v0.33.21 package=./cmd/tilt cgo=1 ;;
  # Ours (tools/pod-security-check), versioned by the hash of its sources.
  pod-security-check)
    module_dir="$root/tools/pod-security-check" package=.
    version=$(cat "$module_dir"/go.mod "$module_dir"/go.sum "$module_dir"/*.go | sha256sum | cut -c1-12)
    ;;
  *) echo "unknown tool: $tool" >&2 && exit 2 ;;
esac
target="$root/.tools/$tool/$version/$tool"
source "$(dirname "$0")/cache.sh"
reuse_or_lock "$target" "$target"

export GOWORK=off GOTOOLCHAIN=local CGO_ENABLED="${cgo:-0}" GOFLAGS=-mod=readonly
started=$(date +%s)
if [[ -z "${module_dir:-}" ]]; then
  echo "downloading $module@$version" >&2
  module_dir=$(cd /tmp && go mod download -json "$module@$version" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
fi
echo "building $tool $version (the first build takes minutes)" >&2
ldflags="-s -w"
if [[ "$tool" == helm ]]; then
  # As helm's own Makefile does: its version, and the Kubernetes version it assumes without a
  # cluster (that of its client-go), which `skaffold render --offline` relies on.
  minor=$(sed -n 's#^\s*k8s.io/client-go v0\.\([0-9]*\)\..*#\1#p' "$module_dir/go.mod")
  for package_var in pkg/chartutil pkg/lint/rules; do
    ldflags+=" -X helm.sh/helm/v3/$package_var.k8sVersionMajor=1"
    ldflags+=" -X helm.sh/helm/v3/$package_var.k8sVersionMinor=$minor"
  done
  ldflags+=" -X helm.sh/helm/v3/internal/version.version=$version"
fi
go build -C "$module_dir" -trimpath -ldflags "$ldflags" -o "$target.partial" "$package"
mv "$target.partial" "$target"
echo "built $tool $version in $(($(date +%s) - started)) s" >&2
echo "$target"
