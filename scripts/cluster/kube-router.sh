#!/usr/bin/env bash
# kube-router, for its NetworkPolicy firewall only (iptables and ipsets, which this kernel has),
# built from its module with the go command and cached under .tools/kube-router/. Idempotent.
# v2.1.0 is the one release the Go module proxy serves here, and security advisories are reported
# against it: it runs on this local test cluster only, with its BGP router and service proxy off.
# Prints the binary's path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version=v2.1.0
target="$root/.tools/kube-router/$version/kube-router"
source "$root/scripts/provision/cache.sh"
reuse_or_lock "$target" "$target"
echo "building kube-router $version with the go command (a few minutes cold)" >&2
GOWORK=off GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=readonly go build \
  -C "$(bash "$here/module-dir.sh" "github.com/cloudnativelabs/kube-router/v2@$version")" -trimpath \
  -ldflags "-s -w -X github.com/cloudnativelabs/kube-router/v2/pkg/version.Version=$version" \
  -o "$target.partial" ./cmd/kube-router
mv "$target.partial" "$target"
echo "$target"
