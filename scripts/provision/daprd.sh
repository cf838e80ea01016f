#!/usr/bin/env bash
# Builds the real Dapr runtime (daprd) and its certificate authority (sentry, for mTLS) with the
# go command and caches them under .tools/daprd/<version>-<hash of our file>/. Idempotent: a
# cached build is reused. Prints the path of daprd; sentry sits beside it.
# daprd takes one file of ours: the SQLite name resolver, which Dapr builds only with all its
# components, registered with the stable ones too (see the file). The go command replaces no file
# of the module cache, so the build runs in a copy of the module.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/dapr-version.sh"
version="$dapr_version"
root="$(cd "$here/../.." && pwd)"
resolver="$here/daprd-nameresolution-sqlite.go"
target="$root/.tools/daprd/$version-$(sha256sum "$resolver" | cut -c1-8)/daprd"
source "$here/cache.sh"
# sentry is built after daprd, so it marks a complete build.
reuse_or_lock "$target" "$(dirname "$target")/sentry"

export GOWORK=off GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=readonly
started=$(date +%s)
echo "downloading github.com/dapr/dapr@v$version (module cache: $(go env GOMODCACHE))" >&2
module_dir=$(cd /tmp && go mod download -json "github.com/dapr/dapr@v$version" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
source_dir="$(dirname "$target")/source"
rm -rf "$source_dir"
cp -r "$module_dir" "$source_dir"
chmod -R u+w "$source_dir"
cp "$resolver" "$source_dir/cmd/daprd/components/nameresolution_sqlite.go"
echo "building daprd and sentry $version (stablecomponents); a cold build takes a while" >&2
for binary in daprd sentry; do
  go build -C "$source_dir" -trimpath -tags stablecomponents \
    -ldflags "-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=$version" \
    -o "$(dirname "$target")/$binary.partial" "./cmd/$binary"
  mv "$(dirname "$target")/$binary.partial" "$(dirname "$target")/$binary"
done
rm -rf "$source_dir"
echo "built daprd and sentry $version in $(($(date +%s) - started)) s" >&2
echo "$target"
