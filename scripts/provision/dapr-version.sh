# The Dapr runtime version, shared by daprd.sh and dapr-crds.sh (override with DAPR_VERSION).
# 1.18.3 is newer, but the Go module proxy here refuses three of its dependencies
# (dapr/durabletask-go v0.12.4 among them); 1.18.2 builds from what it serves.
dapr_version="${DAPR_VERSION:-1.18.2}"
