#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests on 127.0.0.1 (port LEARNINGHUB_TEST_PG_PORT,
# default 55432) with its data in a temp folder, and prints the connection string for
# LEARNINGHUB_TEST_POSTGRES. Stop it with stop-test-postgres.sh.
set -euo pipefail
source "$(dirname "$0")/test-postgres-env.sh"

"${as_owner[@]}" "$bin/pg_ctl" -D "$data" stop -m immediate >/dev/null 2>&1 || true
rm -rf "$data"
mkdir -p "$data"
if [ "$(id -u)" = "0" ]; then
  chown postgres "$data"
fi

"${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres -A trust --no-sync >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
  -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null

echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=unused;Include Error Detail=true"
