#!/usr/bin/env bash
# Builds the real Dapr runtime (daprd) and its certificate authority (sentry, for mTLS) with the
# go command and caches them by version under .tools/daprd/<version>/. Idempotent: a cached
# build is reused. Prints the path of daprd; sentry sits beside it.
set -euo pipefail
source "$(dirname "$0")/dapr-version.sh"
version="$dapr_version"
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/.tools/daprd/$version/daprd"
source "$(dirname "$0")/cache.sh"
# sentry is built after daprd, so it marks a complete build.
reuse_or_lock "$target" "$(dirname "$target")/sentry"

export GOWORK=off GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=readonly
started=$(date +%s)
echo "downloading github.com/dapr/dapr@v$version (module cache: $(go env GOMODCACHE))" >&2
module_dir=$(cd /tmp && go mod download -json "github.com/dapr/dapr@v$version" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
echo "building daprd and sentry $version (stablecomponents); a cold build takes a while" >&2
for binary in daprd sentry; do
  go build -C "$module_dir" -trimpath -tags stablecomponents \
    -ldflags "-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=$version" \
    -o "$(dirname "$target")/$binary.partial" "./cmd/$binary"
  mv "$(dirname "$target")/$binary.partial" "$(dirname "$target")/$binary"
done
echo "built daprd and sentry $version in $(($(date +%s) - started)) s" >&2
echo "$target"
