#!/usr/bin/env bash
# Starts the single-node Kubernetes cluster as processes of this machine: etcd (Debian), containerd
# (Debian, its own socket), kube-apiserver, kube-controller-manager, kube-scheduler, kubelet and
# kube-proxy (kubernetes.sh), everything under $CLUSTER_DIR. Certificates and kubeconfigs come from
# kubeadm's phases on the first start and are kept. Idempotent: a running part is left alone.
# Prints the admin kubeconfig's path. cluster-down.sh stops it all.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/cluster-env.sh"
if ! command -v etcd >/dev/null || ! command -v containerd >/dev/null || ! [[ -x /usr/lib/cni/bridge ]]; then
  echo "installing etcd, containerd, runc and the CNI plugins from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends etcd-server \
    containerd runc containernetworking-plugins iptables ipset conntrack >/dev/null
fi
bin=$(bash "$here/kubernetes.sh")
version=$("$bin/kube-apiserver" --version | awk '{print $2}')
mkdir -p "$CLUSTER_DIR"/{run,logs,cni,kubelet}
pki="$CLUSTER_DIR/pki" kubeconfigs="$CLUSTER_DIR/kubeconfig"

# A node template from node/, its @NAME@ placeholders filled in from the environment above.
render() {
  sed -e "s#@CLUSTER_DIR@#$CLUSTER_DIR#g" -e "s#@NODE_IP@#$NODE_IP#g" -e "s#@NODE_NAME@#$NODE_NAME#g" \
    -e "s#@POD_CIDR@#$POD_CIDR#g" -e "s#@NODE_POD_CIDR@#$NODE_POD_CIDR#g" \
    -e "s#@SERVICE_CIDR@#$SERVICE_CIDR#g" -e "s#@DNS_IP@#$DNS_IP#g" \
    -e "s#@KUBERNETES_VERSION@#$version#g" -e "s#@PAUSE_IMAGE@#$PAUSE_IMAGE#g" "$here/node/$1"
}
PAUSE_IMAGE=$(bash "$here/pause-image.sh" --name)
render containerd.toml >"$CLUSTER_DIR/containerd.toml"
render cni.conflist >"$CLUSTER_DIR/cni/10-checkout.conflist"
render kubelet.yaml >"$CLUSTER_DIR/kubelet.yaml"
if [[ ! -e "$kubeconfigs/admin.conf" ]]; then
  echo "making the cluster's certificates and kubeconfigs (kubeadm)" >&2
  render kubeadm.yaml >"$CLUSTER_DIR/kubeadm.yaml"
  "$bin/kubeadm" init phase certs all --config "$CLUSTER_DIR/kubeadm.yaml" >/dev/null
  "$bin/kubeadm" init phase kubeconfig all --config "$CLUSTER_DIR/kubeadm.yaml" \
    --kubeconfig-dir "$kubeconfigs" >/dev/null
fi
# Pods' traffic crosses the bridge and leaves through the node.
sysctl -q -w net.ipv4.ip_forward=1 net.bridge.bridge-nf-call-iptables=1

# `start <name> <command...>`: runs it in the background, logging to logs/<name>.log, unless the
# process its pid file names still runs.
start() {
  local name="$1" pidfile="$CLUSTER_DIR/run/$1.pid"
  shift
  if [[ -e "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then return; fi
  echo "starting $name" >&2
  setsid "$@" >>"$CLUSTER_DIR/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
}
# `await <what> <command...>`: until the command succeeds, for two minutes at most.
await() {
  local what="$1"
  shift
  for _ in $(seq 120); do
    "$@" >/dev/null 2>&1 && return
    sleep 1
  done
  echo "$what: not within 120 s (logs in $CLUSTER_DIR/logs)" >&2
  exit 1
}

start etcd etcd --name checkout --data-dir "$CLUSTER_DIR/etcd" \
  --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
  --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
  --initial-cluster checkout=http://127.0.0.1:2380
start containerd containerd --config "$CLUSTER_DIR/containerd.toml"
start kube-apiserver "$bin/kube-apiserver" --advertise-address="$NODE_IP" --secure-port=6443 \
  --etcd-servers=http://127.0.0.1:2379 --service-cluster-ip-range="$SERVICE_CIDR" \
  --client-ca-file="$pki/ca.crt" --tls-cert-file="$pki/apiserver.crt" \
  --tls-private-key-file="$pki/apiserver.key" \
  --kubelet-client-certificate="$pki/apiserver-kubelet-client.crt" \
  --kubelet-client-key="$pki/apiserver-kubelet-client.key" \
  --kubelet-preferred-address-types=InternalIP \
  --proxy-client-cert-file="$pki/front-proxy-client.crt" \
  --proxy-client-key-file="$pki/front-proxy-client.key" \
  --requestheader-client-ca-file="$pki/front-proxy-ca.crt" \
  --requestheader-allowed-names=front-proxy-client --requestheader-extra-headers-prefix=X-Remote-Extra- \
  --requestheader-group-headers=X-Remote-Group --requestheader-username-headers=X-Remote-User \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$pki/sa.pub" --service-account-signing-key-file="$pki/sa.key" \
  --authorization-mode=Node,RBAC --enable-admission-plugins=NodeRestriction --allow-privileged=true
kubectl() { "$bin/kubectl" "$@"; }
await "the API server" kubectl get --raw /readyz
kubectl --kubeconfig "$kubeconfigs/super-admin.conf" apply -f "$here/node/rbac.yaml" >/dev/null
start kube-controller-manager "$bin/kube-controller-manager" \
  --kubeconfig="$kubeconfigs/controller-manager.conf" \
  --authentication-kubeconfig="$kubeconfigs/controller-manager.conf" \
  --authorization-kubeconfig="$kubeconfigs/controller-manager.conf" \
  --bind-address=127.0.0.1 --leader-elect=false --use-service-account-credentials=true \
  --allocate-node-cidrs=true --cluster-cidr="$POD_CIDR" --node-cidr-mask-size=24 \
  --service-cluster-ip-range="$SERVICE_CIDR" \
  --cluster-signing-cert-file="$pki/ca.crt" --cluster-signing-key-file="$pki/ca.key" \
  --root-ca-file="$pki/ca.crt" --service-account-private-key-file="$pki/sa.key" \
  --controllers='*,bootstrapsigner,tokencleaner'
start kube-scheduler "$bin/kube-scheduler" --kubeconfig="$kubeconfigs/scheduler.conf" \
  --authentication-kubeconfig="$kubeconfigs/scheduler.conf" \
  --authorization-kubeconfig="$kubeconfigs/scheduler.conf" \
  --bind-address=127.0.0.1 --leader-elect=false
await "containerd" test -S "$CLUSTER_DIR/run/containerd.sock"
bash "$here/import-images.sh" "$(bash "$here/pause-image.sh")"
start kubelet "$bin/kubelet" --config="$CLUSTER_DIR/kubelet.yaml" \
  --kubeconfig="$kubeconfigs/kubelet.conf" --root-dir="$CLUSTER_DIR/kubelet" \
  --node-ip="$NODE_IP" --hostname-override="$NODE_NAME"
# Services' virtual addresses in iptables; no conntrack tuning (this machine's, not the cluster's).
start kube-proxy "$bin/kube-proxy" --kubeconfig="$kubeconfigs/admin.conf" \
  --hostname-override="$NODE_NAME" --cluster-cidr="$POD_CIDR" --proxy-mode=iptables \
  --conntrack-max-per-core=0
await "the node to be ready" kubectl wait --for=condition=Ready "node/$NODE_NAME" --timeout=5s
echo "$KUBECONFIG"
