#!/usr/bin/env bash
# Stops the server start-test-postgres.sh started and removes its data.
set -uo pipefail
source "$(dirname "$0")/test-postgres-env.sh"

"${as_owner[@]}" "$bin/pg_ctl" -D "$data" stop -m fast >/dev/null 2>&1
rm -rf "$data"
