#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests on 127.0.0.1 (port LEARNINGHUB_TEST_PG_PORT,
# default 55432) with its data in a temp folder, and a PgBouncer in front of it in transaction pooling
# mode (port LEARNINGHUB_TEST_PGBOUNCER_PORT, default the server's port + 1000; docs/pgbouncer.md).
# Prints the server's connection string, for LEARNINGHUB_TEST_POSTGRES; with --pgbouncer, a second line
# with PgBouncer's, for LEARNINGHUB_TEST_PGBOUNCER. Stop both with stop-test-postgres.sh.
set -euo pipefail
source "$(dirname "$0")/test-postgres-env.sh"

stop_pgbouncer
"${as_owner[@]}" "$bin/pg_ctl" -D "$data" stop -m immediate >/dev/null 2>&1 || true
rm -rf "$data"
mkdir -p "$data"
if [ "$(id -u)" = "0" ]; then
  chown postgres "$data"
fi

"${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres -A trust --no-sync >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
  -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null

# PgBouncer as a deployment would run it for several app nodes: transaction pooling, so a server
# connection is lent for one transaction at a time, and a pool smaller than the tests' client
# connections (10 against up to 120), so the tests show the app working while connections are shared.
# "*" passes any database name through to the server, as the tests make a database each.
"${as_owner[@]}" mkdir -p "$pgbouncer_dir"
"${as_owner[@]}" tee "$pgbouncer_dir/users.txt" >/dev/null <<USERS
"postgres" "$pgbouncer_password"
USERS
"${as_owner[@]}" tee "$pgbouncer_dir/pgbouncer.ini" >/dev/null <<INI
[databases]
* = host=127.0.0.1 port=$port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $pgbouncer_port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $pgbouncer_dir/users.txt
pool_mode = transaction
default_pool_size = 10
max_client_conn = 500
; A transaction waiting longer than this for a server connection fails instead of hanging a test.
query_wait_timeout = 60
logfile = $pgbouncer_dir/pgbouncer.log
pidfile = $pgbouncer_dir/pgbouncer.pid
INI
"${as_owner[@]}" /usr/sbin/pgbouncer -d -q "$pgbouncer_dir/pgbouncer.ini"
# Started in the background: ready once it accepts connections (a refused login still counts).
for _ in $(seq 50); do
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$pgbouncer_port" -U postgres -d postgres && break
  sleep 0.1
done
"$bin/pg_isready" -q -h 127.0.0.1 -p "$pgbouncer_port" -U postgres -d postgres || { echo "PgBouncer did not start: see $pgbouncer_dir/pgbouncer.log" >&2; exit 1; }

echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=unused;Include Error Detail=true"
if [ "${1:-}" = "--pgbouncer" ]; then
  # The settings docs/pgbouncer.md recommends behind a transaction-mode pooler: PgBouncer 1.18 cannot carry prepared
  # statements, so the app's automatic preparation is turned off (Max Auto Prepare=0).
  echo "Host=127.0.0.1;Port=$pgbouncer_port;Username=postgres;Password=$pgbouncer_password;No Reset On Close=true;Max Auto Prepare=0;Include Error Detail=true"
fi
