#!/usr/bin/env bash
# Stops the server start-test-postgres.sh started and removes its data.
set -uo pipefail

port="${LEARNINGHUB_TEST_PG_PORT:-55432}"
data="${TMPDIR:-/tmp}/learninghub-test-pg-$port"
bin="$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)")"
as_owner=()
if [ "$(id -u)" = "0" ]; then
  as_owner=(runuser -u postgres --)
fi
"${as_owner[@]}" "$bin/pg_ctl" -D "$data" stop -m fast >/dev/null 2>&1
rm -rf "$data"
