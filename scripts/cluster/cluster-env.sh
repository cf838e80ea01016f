# shellcheck shell=bash
# Sourced by the cluster scripts: where the single-node cluster lives and its address plan.
CLUSTER_DIR="${CLUSTER_DIR:-/var/lib/checkout-cluster}"
NODE_NAME=checkout-node
POD_CIDR=10.42.0.0/16
# The node's share, which the controller manager gives the first node and the bridge plugin hands out.
NODE_POD_CIDR=10.42.0.0/24
SERVICE_CIDR=10.43.0.0/16
DNS_IP=10.43.0.10
# The node's address: the one this machine reaches the outside from (the API server advertises it,
# pods reach it through their bridge's gateway).
NODE_IP=$(ip -4 route get 1.1.1.1 | sed -n 's/.* src \([0-9.]*\).*/\1/p')
KUBECONFIG="$CLUSTER_DIR/kubeconfig/admin.conf"
export CLUSTER_DIR KUBECONFIG
