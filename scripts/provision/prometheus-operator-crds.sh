#!/usr/bin/env bash
# The Prometheus Operator's CRDs (PodMonitor, PrometheusRule, ...), from its Go module download, so
# the chart's monitoring objects validate offline like the Dapr ones. Prints the folder.
set -euo pipefail
prometheus_operator_version="${PROMETHEUS_OPERATOR_VERSION:-0.85.0}"
export GOWORK=off GOTOOLCHAIN=local GOFLAGS=-mod=readonly
module_dir=$(cd /tmp && go mod download -json \
  "github.com/prometheus-operator/prometheus-operator@v$prometheus_operator_version" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
echo "$module_dir/example/prometheus-operator-crd"
