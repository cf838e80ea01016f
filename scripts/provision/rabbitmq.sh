#!/usr/bin/env bash
# Installs RabbitMQ from Debian if missing and starts it as root without systemd, on
# 127.0.0.1:5672 (guest/guest), with its management UI on http://localhost:15672 (the same
# account). Idempotent: a running broker is left alone.
set -euo pipefail
url="amqp://guest:guest@127.0.0.1:5672"
# A broker that is up says so through its management API in milliseconds, where each rabbitmqctl
# below starts an Erlang VM (about 6 s in all, paid by every start:dapr and test platform).
if curl -sf -o /dev/null --max-time 2 -u guest:guest \
  http://127.0.0.1:15672/api/health/checks/port-listener/5672 2>/dev/null; then
  echo "$url"
  exit 0
fi
if ! command -v rabbitmq-server >/dev/null; then
  echo "installing rabbitmq-server from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null
fi
# The node name and address go where rabbitmqctl reads them too, and only when the file sets
# neither (absent, or the package's commented defaults): a file someone configured stays as is.
env_conf=/etc/rabbitmq/rabbitmq-env.conf
if ! grep -qsE '^\s*(export\s+)?(RABBITMQ_)?(NODENAME|NODE_IP_ADDRESS)=' "$env_conf"; then
  printf '# added by scripts/provision/rabbitmq.sh (the checkout platform)\n%s\n%s\n' \
    NODENAME=rabbit@localhost NODE_IP_ADDRESS=127.0.0.1 >>"$env_conf"
fi
if ! rabbitmqctl -q status >/dev/null 2>&1; then
  echo "starting RabbitMQ" >&2
  rabbitmq-server -detached
fi
# await_startup fails at once while the node is not yet reachable, so ask until it answers.
for _ in $(seq 90); do
  rabbitmqctl -q await_startup >/dev/null 2>&1 && break
  sleep 1
done
rabbitmqctl -q await_startup
# The management plugin ships with the broker; enabling it again is a no-op.
rabbitmq-plugins -q enable rabbitmq_management >/dev/null
echo "$url"
