#!/usr/bin/env bash
# The browser of the browser suite: Debian's chromium (Playwright's own download cannot reach
# its site from these machines; playwright-core drives this one through its executablePath).
# Installs it when missing (as root, idempotent); prints its path.
set -euo pipefail

if ! command -v chromium >/dev/null; then
  echo "installing chromium from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
command -v chromium
