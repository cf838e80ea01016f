#!/usr/bin/env bash
# CoreDNS at the version kubeadm 1.33 deploys, as the image its addon manifest names, built from
# the coredns module. Idempotent. Prints the image's name.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=v1.12.0
image="registry.k8s.io/coredns/coredns:$version"
bash "$here/go-image.sh" "$image" "$(bash "$here/module-dir.sh" "github.com/coredns/coredns@$version")" \
  . -ldflags "-s -w"
echo "$image"
