#!/usr/bin/env bash
# Installs PostgreSQL 15 from Debian if missing, starts its cluster without systemd and makes
# sure the checkout role and database exist. Idempotent. Prints the connection URL.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null || [[ ! -d /usr/lib/postgresql/15 ]]; then
  echo "installing postgresql from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
[[ -d /etc/postgresql/15/main ]] || pg_createcluster 15 main >/dev/null
if ! pg_ctlcluster 15 main status >/dev/null 2>&1; then
  echo "starting PostgreSQL 15" >&2
  pg_ctlcluster 15 main start
fi
psql_admin() { su postgres -c "psql -qAt -v ON_ERROR_STOP=1 -c \"$1\""; }
[[ "$(psql_admin "select 1 from pg_roles where rolname = 'checkout'")" == 1 ]] ||
  psql_admin "create role checkout login createdb password 'checkout'"
[[ "$(psql_admin "select 1 from pg_database where datname = 'checkout'")" == 1 ]] ||
  psql_admin "create database checkout owner checkout"
echo "postgres://checkout:checkout@127.0.0.1:5432/checkout"
