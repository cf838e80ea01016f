#!/usr/bin/env bash
# CoreDNS at the version kubeadm 1.33 deploys, as the image its addon manifest names, built from
# the coredns module. It runs as root (in kube-system, every capability dropped but
# NET_BIND_SERVICE, as kubeadm's manifest says): the official image's non-root user binds port 53
# through a file capability, which an image made here without a shell cannot set. Idempotent.
# Prints the image's name.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=v1.12.0
image="registry.k8s.io/coredns/coredns:$version"
IMAGE_USER=0 bash "$here/go-image.sh" "$image" "$(bash "$here/module-dir.sh" "github.com/coredns/coredns@$version")" \
  . -ldflags "-s -w"
echo "$image"
