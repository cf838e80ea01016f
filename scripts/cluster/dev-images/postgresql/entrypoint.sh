#!/bin/sh
# As the official image's entrypoint: a first start makes the cluster in $PGDATA with
# $POSTGRES_USER (password $POSTGRES_PASSWORD) and database $POSTGRES_DB (the user's name by
# default), then PostgreSQL runs in
# the foreground, reachable from the pod network with a password.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  password_file=$(mktemp)
  printf '%s' "$POSTGRES_PASSWORD" >"$password_file"
  initdb --username="$POSTGRES_USER" --pwfile="$password_file" --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 >/dev/null
  rm "$password_file"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  database="${POSTGRES_DB:-$POSTGRES_USER}"
  if [ "$database" != postgres ]; then
    pg_ctl --silent --wait --options="-c listen_addresses=''" start
    createdb --username="$POSTGRES_USER" "$database"
    pg_ctl --silent --wait stop
  fi
fi
exec postgres -c listen_addresses='*'
