#!/usr/bin/env bash
# Copies images from podman's store into the cluster's containerd (its k8s.io namespace), where
# the kubelet finds them: nothing in the cluster is ever pulled from a registry.
# Usage: import-images.sh <image>...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/cluster-env.sh"
source "$here/podman.sh"
for image in "$@"; do
  echo "importing $image into the cluster" >&2
  podman save --format docker-archive "$image" |
    ctr --address "$CLUSTER_DIR/run/containerd.sock" --namespace k8s.io images import --no-unpack - >/dev/null
done
