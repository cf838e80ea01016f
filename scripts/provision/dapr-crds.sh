#!/usr/bin/env bash
# The Dapr CRDs (Component, Configuration, Resiliency, ...) of the runtime version daprd.sh builds,
# from the same Go module download. Prints the folder; packages/deployment turns them into
# kubeconform schemas at test time.
set -euo pipefail
source "$(dirname "$0")/dapr-version.sh"
export GOWORK=off GOTOOLCHAIN=local GOFLAGS=-mod=readonly
module_dir=$(cd /tmp && go mod download -json "github.com/dapr/dapr@v$dapr_version" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
echo "$module_dir/charts/dapr/crds"
