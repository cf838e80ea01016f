#!/usr/bin/env bash
# `npm run test:dapr`: the suites that need the real daprd, RabbitMQ and PostgreSQL, with every
# service run as its image runs it: its bundle (npm run build) on the image's Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/provision/dapr-runtime.sh
npm run build
SERVICE_NODE="$(bash scripts/provision/node-runtime.sh)"
export SERVICE_NODE SERVICE_BUNDLES=dist/images PLATFORM_MODE=dapr
exec npx jest -c jest.dapr.config.js "$@"
