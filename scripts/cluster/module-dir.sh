#!/usr/bin/env bash
# Downloads a Go module (checked against the checksum database) and prints its source directory.
# Usage: module-dir.sh <module>@<version>
set -euo pipefail
cd /tmp && go mod download -json "${1:?usage: module-dir.sh <module>@<version>}" |
  python3 -c 'import json,sys; m=json.load(sys.stdin); print(m.get("Dir") or sys.exit(m.get("Error")))'
