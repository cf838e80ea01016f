#!/usr/bin/env bash
# The PostgreSQL of Dapr mode: the major version the Debian release offers (its `postgresql`
# metapackage: 15 on Debian 12, 17 on Debian 13), cluster `<major>/main`, run without systemd.
# Usage: postgresql.sh          installs and starts it if needed and makes sure the checkout role
#                               and database exist (idempotent); prints the connection URL
#        postgresql.sh status   succeeds when the cluster is running
#        postgresql.sh stop     stops the cluster
set -euo pipefail

# The major version the installed metapackage depends on (empty when it is not installed), so a
# newer Debian release needs no edit here.
major() {
  dpkg-query -W -f='${db:Status-Status} ${Depends}' postgresql 2>/dev/null |
    sed -n 's/^installed .*postgresql-\([0-9]\+\).*/\1/p' || true
}

version="$(major)"
case "${1:-provision}" in
  status | stop)
    [[ -n "$version" ]] || { echo "PostgreSQL is not installed" >&2 && exit 1; }
    exec pg_ctlcluster "$version" main "$1" >/dev/null
    ;;
  provision) ;;
  *) echo "usage: postgresql.sh [status|stop]" >&2 && exit 2 ;;
esac

if [[ -z "$version" ]]; then
  echo "installing postgresql from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  version="$(major)"
fi
[[ -d "/etc/postgresql/$version/main" ]] || pg_createcluster "$version" main >/dev/null
if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  echo "starting PostgreSQL $version" >&2
  pg_ctlcluster "$version" main start
fi
# pg_createcluster gives a new cluster the next free port when another one holds 5432.
port="$(pg_conftool -s "$version" main show port)"
psql_admin() { su postgres -c "psql -p $port -qAt -v ON_ERROR_STOP=1 -c \"$1\""; }
[[ "$(psql_admin "select 1 from pg_roles where rolname = 'checkout'")" == 1 ]] ||
  psql_admin "create role checkout login createdb password 'checkout'"
[[ "$(psql_admin "select 1 from pg_database where datname = 'checkout'")" == 1 ]] ||
  psql_admin "create database checkout owner checkout"
echo "postgres://checkout:checkout@127.0.0.1:$port/checkout"
