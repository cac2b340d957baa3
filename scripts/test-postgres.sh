#!/usr/bin/env bash
# Starts (or finds running) a throwaway PostgreSQL server on loopback for Rasd's tests, with a role `rasd`
# (password `rasd`, may create databases) and a database `rasd_test`, then prints the URL the tests read
# from RASD_TEST_POSTGRES_URL. Idempotent: a second run finds the server up and changes nothing.
#   export RASD_TEST_POSTGRES_URL=$(scripts/test-postgres.sh)
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` user (Debian's package
# creates it). Settings: RASD_PG_DIR (data folder), RASD_PG_PORT, RASD_PG_OPTIONS (server options; default
# "-c fsync=off": a test server need not survive a power cut; give "" for a durable one).
set -euo pipefail
dir=${RASD_PG_DIR:-/tmp/rasd-test-postgres}
port=${RASD_PG_PORT:-55432}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq postgresql; } >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
fi

if [ ! -s "$dir/PG_VERSION" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  # Local socket: trust (the admin below); TCP: passwords (what Rasd uses).
  as_server_user "$bin/initdb" -D "$dir" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir.initdb.log" 2>&1 \
    || { cat "$dir.initdb.log" >&2; exit 1; }
fi
if ! as_server_user "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  as_server_user "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 ${RASD_PG_OPTIONS--c fsync=off}" start >/dev/null \
    || { tail -20 "$dir/server.log" >&2; exit 1; }
fi

psql() { as_server_user "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
[ "$(psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'rasd'")" = 1 ] \
  || psql -c "CREATE ROLE rasd LOGIN PASSWORD 'rasd' CREATEDB" >/dev/null
[ "$(psql -c "SELECT 1 FROM pg_database WHERE datname = 'rasd_test'")" = 1 ] \
  || psql -c "CREATE DATABASE rasd_test OWNER rasd" >/dev/null
echo "postgres://rasd:rasd@127.0.0.1:$port/rasd_test"
