#!/usr/bin/env bash
# The Dapr control plane's and sidecar's images at the version the platform runs
# (scripts/provision/dapr-version.sh), each binary built from the dapr module as daprd.sh builds
# daprd (less its SQLite name resolver: a cluster's sidecars resolve through Kubernetes), named
# as Dapr's Helm chart names them (ghcr.io/dapr/<binary>:<version>). Idempotent.
# Prints the images' names.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../provision/dapr-version.sh"
module_dir=$(bash "$here/module-dir.sh" "github.com/dapr/dapr@v$dapr_version")
binaries=(daprd sentry operator placement injector scheduler)
for i in "${!binaries[@]}"; do
  image="ghcr.io/dapr/${binaries[$i]}:$dapr_version"
  echo "[$((i + 1))/${#binaries[@]}] $image" >&2
  bash "$here/go-image.sh" "$image" "$module_dir" "./cmd/${binaries[$i]}" -tags stablecomponents \
    -ldflags "-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=$dapr_version"
  echo "$image"
done
