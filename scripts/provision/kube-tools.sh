#!/usr/bin/env bash
# The Kubernetes tools the packaging is checked with. A tool on PATH that reports exactly the
# pinned version is used as it is. Otherwise it is built from its Go module with the go command
# (every module checked against the Go checksum database and the tool's go.sum: one way for
# every tool and platform, no release binaries to trust), stamped with its version as its own
# release is, and cached under .tools/<tool>/<version>-<recipe>/. Idempotent.
# Usage: kube-tools.sh helm|kubeconform|k3d|skaffold|tilt|pod-security-check   Prints its path.
#        kube-tools.sh <tool> --on-path   Only the PATH decision: prints the path, or says why not
#                                         and exits 1; never builds.
set -euo pipefail
tool="${1:?usage: kube-tools.sh helm|kubeconform|k3d|skaffold|tilt|pod-security-check [--on-path]}"
mode="${2:-}"
[[ -z "$mode" || "$mode" == --on-path ]] || { echo "unknown option: $mode" >&2 && exit 2; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
# module@version, the package to build inside it, the arguments that make a release print its
# version, and the seconds a build takes on 2 cores with empty Go caches. Built inside the module (not
# go install) because skaffold and tilt have replace lines. Versions are pinned so every run
# checks with the same tools; a bump must build with the Go toolchain at hand (GOTOOLCHAIN=local).
case "$tool" in
  # --short would add +g<commit> on a release.
  helm) module=helm.sh/helm/v3 version=v3.22.0 package=./cmd/helm cold=170
    reports=(version --template '{{.Version}}') ;;
  kubeconform) module=github.com/yannh/kubeconform version=v0.7.0 package=./cmd/kubeconform cold=5
    reports=(-v) ;;
  # Prints "k3d version v5.9.0", then the default k3s version.
  k3d) module=github.com/k3d-io/k3d/v5 version=v5.9.0 package=. cold=41 reports=(version) ;;
  skaffold) module=github.com/GoogleContainerTools/skaffold/v2 version=v2.16.1
    package=./cmd/skaffold cold=324 reports=(version) ;;
  # Prints "v0.33.21, built 2024-11-08" ("v0.33.20-dev, …" when built without the stamp). Its
  # Tiltfile parser links tree-sitter, which needs cgo (a C compiler).
  tilt) module=github.com/tilt-dev/tilt version=v0.33.21 package=./cmd/tilt cgo=1 cold=256
    reports=(version) ;;
  # Ours (tools/pod-security-check), versioned by the hash of its sources: always built.
  pod-security-check)
    module_dir="$root/tools/pod-security-check" package=. cold=67
    version=$(cat "$module_dir"/go.mod "$module_dir"/go.sum "$module_dir"/*.go | sha256sum | cut -c1-12)
    ;;
  *) echo "unknown tool: $tool" >&2 && exit 2 ;;
esac

# Sets `found` to the tool on PATH when the version it reports is the pinned one, exactly;
# otherwise sets `why_not` and fails. The version is the first word of its first line that
# starts with v and a digit, without a trailing comma.
find_on_path() {
  local reported
  if [[ -z "${reports:-}" ]]; then
    why_not="ours (tools/pod-security-check), always built" && return 1
  elif ! found=$(command -v "$tool"); then
    why_not="$tool is not on PATH" && return 1
  fi
  reported=$(SKAFFOLD_UPDATE_CHECK=false TILT_DISABLE_ANALYTICS=1 timeout 20 "$found" "${reports[@]}" \
    2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^v[0-9]/) { sub(/,$/, "", $i); print $i; exit } }') || true
  [[ "$reported" == "$version" ]] && return 0
  why_not="PATH has $tool ${reported:-of no known version} ($found)" && return 1
}
if find_on_path; then
  echo "$found" && exit 0
elif [[ "$mode" == --on-path ]]; then
  echo "$tool $version: $why_not" >&2 && exit 1
fi

# The build recipe's revision, part of the cache key: bump it when the build changes (flags,
# version stamps) so that no build of an older recipe is reused.
recipe=r2
target="$root/.tools/$tool/$version-$recipe/$tool"
source "$(dirname "$0")/cache.sh"
reuse_or_lock "$target" "$target"

echo "$tool $version: $why_not, so building it with the go command (about $cold s cold on 2" \
  "cores, less with Go's caches; cached in .tools/ after)" >&2
export GOWORK=off GOTOOLCHAIN=local CGO_ENABLED="${cgo:-0}" GOFLAGS=-mod=readonly
started=$(date +%s)
if [[ -z "${module_dir:-}" ]]; then
  echo "downloading $module@$version" >&2
  # The module's directory and its release time (tilt's build date).
  downloaded=$(cd /tmp && go mod download -json "$module@$version" |
    python3 -c 'import json,sys; m=json.load(sys.stdin); print(m["Dir"], json.load(open(m["Info"]))["Time"])')
  read -r module_dir released <<<"$downloaded"
fi
# Stamped as each project's release is (Makefile or .goreleaser.yml), so that the build reports
# the same version as a release and is recognised when copied onto PATH.
ldflags="-s -w"
case "$tool" in
  helm)
    # Also, as helm's Makefile does, the Kubernetes version it assumes without a cluster (that of
    # its client-go), which `skaffold render --offline` relies on.
    minor=$(sed -n 's#^\s*k8s.io/client-go v0\.\([0-9]*\)\..*#\1#p' "$module_dir/go.mod")
    for package_var in pkg/chartutil pkg/lint/rules; do
      ldflags+=" -X helm.sh/helm/v3/$package_var.k8sVersionMajor=1"
      ldflags+=" -X helm.sh/helm/v3/$package_var.k8sVersionMinor=$minor"
    done
    ldflags+=" -X helm.sh/helm/v3/internal/version.version=$version" ;;
  kubeconform) ldflags+=" -X main.version=$version" ;;
  # Its release also sets the default k3s version, fetched at release time; ours keeps the
  # source's default.
  k3d) ldflags+=" -X github.com/k3d-io/k3d/v5/version.Version=$version" ;;
  skaffold) ldflags+=" -X $module/pkg/skaffold/version.version=$version" ;;
  tilt) ldflags+=" -X main.version=${version#v} -X main.date=$released" ;;
esac
go build -C "$module_dir" -trimpath -ldflags "$ldflags" -o "$target.partial" "$package"
mv "$target.partial" "$target"
echo "built $tool $version in $(($(date +%s) - started)) s" >&2
echo "$target"
