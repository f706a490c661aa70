#!/usr/bin/env bash
# The test command. On a fresh Debian/Ubuntu machine with the .NET 10 SDK and Node.js it installs what
# the tests need (Chromium, fonts, PostgreSQL, PgBouncer), starts a throwaway PostgreSQL with a
# PgBouncer in front of it, builds (the build runs npm ci for the theme) and runs every test: unit,
# integration (SQLite, PostgreSQL, two nodes through PgBouncer) and end to end (Chromium + axe).
# It ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh

# Stopped however the run ends, also when starting fails halfway (the server up, PgBouncer not).
trap 'bash scripts/stop-test-postgres.sh' EXIT
# Line 1: the server; line 2: PgBouncer in front of it (the two-node tests run through both).
servers="$(bash scripts/start-test-postgres.sh --pgbouncer)"
LEARNINGHUB_TEST_POSTGRES="$(sed -n 1p <<<"$servers")"
LEARNINGHUB_TEST_PGBOUNCER="$(sed -n 2p <<<"$servers")"
export LEARNINGHUB_TEST_POSTGRES LEARNINGHUB_TEST_PGBOUNCER

results="$(pwd)/TestResults"
rm -rf "$results"

status=0
# A hung test (a browser waiting forever) is killed and reported rather than eating the CI budget.
dotnet test LearningHub.sln --logger "trx" --results-directory "$results" --blame-hang-timeout 10m || status=$?

# Totals across every test project, from the TRX reports.
awk '
  match($0, /<Counters [^>]*>/) {
    counters = substr($0, RSTART, RLENGTH)
    if (match(counters, /passed="[0-9]+"/)) passed += substr(counters, RSTART + 8, RLENGTH - 9)
    if (match(counters, /failed="[0-9]+"/)) failed += substr(counters, RSTART + 8, RLENGTH - 9)
    if (match(counters, /notExecuted="[0-9]+"/)) skipped += substr(counters, RSTART + 13, RLENGTH - 14)
  }
  END {
    line = sprintf("%d passed, %d failed", passed, failed)
    if (skipped > 0) line = line sprintf(", %d skipped", skipped)
    print line
  }
' "$results"/*.trx

if [ "$status" -eq 0 ] && ! compgen -G "$results/*.trx" >/dev/null; then
  echo "No test results were written" >&2
  status=1
fi
exit "$status"
