#!/usr/bin/env bash
# The API fuzzer of `npm run fuzz`: Schemathesis from PyPI, pinned, in a virtualenv of its own
# cached under .tools/schemathesis/<version>/. Idempotent. Prints the `st` binary.
set -euo pipefail
version=4.32.5
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.tools/schemathesis/$version"
target="$venv/bin/st"
source "$(dirname "$0")/cache.sh"
# The marker is written last, so an install cut short is redone rather than reused.
reuse_or_lock "$target" "$venv/.installed"
echo "installing Schemathesis $version (PyPI) into $venv" >&2
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version" >&2
touch "$venv/.installed"
echo "$target"
