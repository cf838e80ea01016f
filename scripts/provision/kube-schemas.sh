#!/usr/bin/env bash
# The Kubernetes 1.33 JSON schemas kubeconform validates against, taken offline from PyPI's
# kubernetes-validate wheel (references adapted to plain files), cached under
# .tools/kube-schemas/. Idempotent. Prints the folder that holds v1.33.0-local-strict/ (the Dapr
# CRD schemas are converted at test time from the dapr module, see packages/deployment).
set -euo pipefail
release=1.37.0 # kubernetes-validate, which bundles the 1.33 schemas
kube=v1.33.0-local-strict
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/.tools/kube-schemas/$release"
source "$(dirname "$0")/cache.sh"
reuse_or_lock "$target" "$target/$kube/deployment-apps-v1.json"

echo "downloading kubernetes-validate $release from PyPI for the $kube schemas" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$work" "kubernetes-validate==$release" >&2
python3 - "$work"/kubernetes_validate-*.whl "$work/out" "$kube" <<'PY'
import sys, zipfile
wheel, out, kube = sys.argv[1:]
prefix = f"kubernetes_validate/kubernetes-json-schema/{kube}/"
with zipfile.ZipFile(wheel) as archive:
    members = [name for name in archive.namelist() if name.startswith(prefix)]
    for name in members:
        archive.extract(name, out)
# The wheel's schemas carry https://kubernetes.io/api/... ids and point at
# "/api/_definitions.json" (resolved by kubernetes-validate's own registry); kubeconform loads
# files, so drop the ids and point at the definitions file beside each schema.
import json, pathlib
for path in pathlib.Path(out, prefix).glob("*.json"):
    schema = json.loads(path.read_text())
    schema.pop("$id", None)
    text = json.dumps(schema).replace('"/api/_definitions.json#', '"_definitions.json#')
    path.write_text(text)
PY
rm -rf "$target"
mv "$work/out/kubernetes_validate/kubernetes-json-schema" "$target"
echo "$target"
