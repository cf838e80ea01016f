#!/usr/bin/env bash
# An image of one Go program, made here: the program built with the go command inside its source
# tree (a module's, so that its own replaces hold), static, cached under .tools/images/, alone in
# an image at /<name>, run as a non-root user (65532, the distroless images' own; IMAGE_USER
# names another). Idempotent.
# Usage: go-image.sh <image> <source dir> <package> [go build flags...]
#        (module-dir.sh gives a module's source dir)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
image="$1" source_dir="$2" package="$3"
shift 3
source "$here/podman.sh"
podman image exists "$image" && exit 0
name=$(basename "${image%:*}")
binary="$root/.tools/images/${image//[\/:]/_}/$name"
if [[ ! -e "$binary" ]]; then
  echo "building $name for $image with the go command (minutes when cold)" >&2
  mkdir -p "$(dirname "$binary")"
  GOWORK=off GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=readonly \
    go build -C "$source_dir" -trimpath "$@" -o "$binary.partial" "$package"
  mv "$binary.partial" "$binary"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$binary" "$work/$name"
user="${IMAGE_USER:-65532}"
printf 'FROM scratch\nCOPY %s /%s\nUSER %s:%s\nENTRYPOINT ["/%s"]\n' \
  "$name" "$name" "$user" "$user" "$name" >"$work/Containerfile"
podman build --quiet -t "$image" "$work" >/dev/null
