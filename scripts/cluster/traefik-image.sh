#!/usr/bin/env bash
# Traefik, the Ingress controller k3d bundles (values-dev.yaml's ingress class), built from the
# traefik module. The module leaves out the dashboard's built pages (webui/static, made by its npm
# build), which the binary embeds, so it is built from a copy with an empty page there: no
# dashboard, which this cluster does not serve anyway. Idempotent. Prints the image's name.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=${TRAEFIK_VERSION:-v3.4.1}
image="docker.io/library/traefik:${version#v}"
source "$here/podman.sh"
if ! podman image exists "$image"; then
  copy=$(mktemp -d)
  trap 'rm -rf "$copy"' EXIT
  cp -r "$(bash "$here/module-dir.sh" "github.com/traefik/traefik/v3@$version")/." "$copy"
  chmod -R u+w "$copy"
  mkdir -p "$copy/webui/static"
  echo '<!doctype html><title>Traefik</title>' >"$copy/webui/static/index.html"
  bash "$here/go-image.sh" "$image" "$copy" ./cmd/traefik \
    -ldflags "-s -w -X github.com/traefik/traefik/v3/pkg/version.Version=$version"
fi
echo "$image"
