#!/usr/bin/env bash
# The pod sandbox's image (registry.k8s.io/pause), made here: Kubernetes' own pause.c from the
# k8s.io/kubernetes module tools/kubernetes pins, compiled statically as its Makefile does, alone
# in an image. Idempotent. Prints the image's name; with --name, only that, building nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# The pause version Kubernetes' build/pause/Makefile tags.
image=registry.k8s.io/pause:3.10.1
[[ "${1:-}" == --name ]] && echo "$image" && exit 0
source "$here/podman.sh"
podman image exists "$image" && echo "$image" && exit 0
version=$(sed -n "s#^\s*k8s.io/kubernetes \(v[0-9.]*\).*#\1#p" "$root/tools/kubernetes/go.mod")
source="$(bash "$here/module-dir.sh" "k8s.io/kubernetes@$version")/build/pause/linux/pause.c"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "building $image from $source" >&2
gcc -Os -Wall -Werror -static -DVERSION="v${image##*:}-checkout" -o "$work/pause" "$source"
printf 'FROM scratch\nCOPY pause /pause\nUSER 65535:65535\nENTRYPOINT ["/pause"]\n' >"$work/Containerfile"
podman build --quiet -t "$image" "$work" >/dev/null
echo "$image"
