#!/usr/bin/env bash
# Everything Dapr mode (start:dapr, test:dapr) needs besides npm: daprd, RabbitMQ and PostgreSQL.
# Idempotent.
set -euo pipefail
here="$(dirname "$0")"
echo "[1/3] daprd: $(bash "$here/daprd.sh")"
echo "[2/3] RabbitMQ: $(bash "$here/rabbitmq.sh")"
echo "[3/3] PostgreSQL: $(bash "$here/postgresql.sh")"
