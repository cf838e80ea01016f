#!/usr/bin/env bash
# Stops the single-node cluster cluster-up.sh started and removes everything it made: its pods'
# containers, mounts, network bridge and iptables rules, then $CLUSTER_DIR. Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/cluster-env.sh"
[[ -d "$CLUSTER_DIR" ]] || exit 0
stop() {
  local pidfile="$CLUSTER_DIR/run/$1.pid"
  [[ -e "$pidfile" ]] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
echo "stopping the cluster" >&2
for part in kube-router kube-proxy kubelet kube-scheduler kube-controller-manager kube-apiserver; do
  stop "$part"
done
# The pods' processes outlive the kubelet: every process in the kubelet's cgroups, then the shims.
find /sys/fs/cgroup/pids/kubepods -name cgroup.procs -exec cat {} + 2>/dev/null | xargs -r kill -9 || true
pkill -9 -f "containerd-shim-runc-v2 -namespace k8s.io -id .* -address $CLUSTER_DIR/" || true
stop containerd
stop etcd
# The kubelet's cgroups, emptied above, deepest first.
find /sys/fs/cgroup/*/kubepods -depth -type d -exec rmdir {} + 2>/dev/null || true
# The cluster's iptables chains and ipsets: kube-proxy's, kube-router's firewall, the kubelet's
# canaries and the CNI plugins' rules of the pods killed above (kube-router's own --cleanup-config
# panics in v2.1.0 after its firewall part). Other chains (podman's NETAVARK-*) are left alone.
iptables-save | grep -vE -- '(KUBE-|CNI-)' | iptables-restore
ipset list -n | { grep -E '^KUBE-' || true; } | xargs -r -n1 ipset destroy
ip link delete checkout0 2>/dev/null || true
# The pods' network namespaces, which containerd names cni-* (podman's netavark names its own netns-*).
ip netns list | awk '/^cni-/ { print $1 }' | xargs -r -n1 ip netns delete
# The host-local IPAM plugin's record of the addresses it handed out (named after the network).
rm -rf /var/lib/cni/networks/checkout-cluster
# Mounts of the kubelet's volumes and containerd's snapshots, deepest first.
{ grep -o " $CLUSTER_DIR/[^ ]*" /proc/mounts || true; } | sort -r | xargs -r -n1 umount -l
rm -rf "$CLUSTER_DIR"
echo "cluster removed" >&2
