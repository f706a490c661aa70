#!/usr/bin/env bash
# Stops the server and the PgBouncer start-test-postgres.sh started and removes their data.
set -uo pipefail
source "$(dirname "$0")/test-postgres-env.sh"

stop_pgbouncer
"${as_owner[@]}" "$bin/pg_ctl" -D "$data" stop -m fast >/dev/null 2>&1
rm -rf "$data"
