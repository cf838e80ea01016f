# The Dapr runtime version: the one place that names it (daprd.sh and dapr-crds.sh read it; the
# README's control-plane install is held to it by a test). Override with DAPR_VERSION.
# The newest release whose dependencies all resolve from the Go module proxy: 1.18.3 needs
# dapr/durabletask-go v0.12.4 among others, which the proxy does not serve (docs/dapr-mode.md).
dapr_version="${DAPR_VERSION:-1.18.2}"
