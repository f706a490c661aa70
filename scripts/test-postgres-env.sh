# Shared by start-test-postgres.sh and stop-test-postgres.sh (sourced, not run): where the throwaway
# test server lives and how to run its commands.
port="${LEARNINGHUB_TEST_PG_PORT:-55432}"
data="${TMPDIR:-/tmp}/learninghub-test-pg-$port"
bin="$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)")"

# PostgreSQL refuses to run as root; as root, run it as the postgres user the package created.
as_owner=()
if [ "$(id -u)" = "0" ]; then
  as_owner=(runuser -u postgres --)
fi
