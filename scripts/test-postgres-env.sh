# Shared by start-test-postgres.sh and stop-test-postgres.sh (sourced, not run): where the throwaway
# test server and the PgBouncer in front of it live and how to run their commands.
port="${LEARNINGHUB_TEST_PG_PORT:-55432}"
data="${TMPDIR:-/tmp}/learninghub-test-pg-$port"
bin="$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)")"

# PgBouncer: 1000 above the server's port unless set, so choosing another server port (to run beside
# another test server) moves the pooler too. Its config, user list, log and pid file are in the data folder.
pgbouncer_port="${LEARNINGHUB_TEST_PGBOUNCER_PORT:-$((port + 1000))}"
pgbouncer_dir="$data/pgbouncer"
# Checked by PgBouncer (SCRAM), not by the server behind it (which trusts local connections).
pgbouncer_password="learninghub-test"

# PostgreSQL and PgBouncer refuse to run as root; as root, run them as the postgres user the package created.
as_owner=()
if [ "$(id -u)" = "0" ]; then
  as_owner=(runuser -u postgres --)
fi

# Stops the PgBouncer whose pid file is in the data folder, if it is running, and waits for it to go.
stop_pgbouncer() {
  local pid
  pid="$(cat "$pgbouncer_dir/pgbouncer.pid" 2>/dev/null)" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
}
