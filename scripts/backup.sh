#!/usr/bin/env bash
# A consistent copy of the site's SQLite database, safe while the site runs (SQLite online backup API).
#   bash scripts/backup.sh backups/learninghub-$(date -u +%Y%m%dT%H%M%SZ).db
# Uses the same settings as the site (appsettings, environment variables such as LearningHub__DataPath).
# Set LEARNINGHUB_DLL to a published LearningHub.Web.dll to use it instead of the source tree.
# On PostgreSQL it refuses and points at pg_dump (docs/operations.md, "Backup and restore").
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "Usage: bash scripts/backup.sh <file>" >&2
  exit 2
fi
target="$(realpath -m "$1")"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${LEARNINGHUB_DLL:-}" ]; then
  exec dotnet "$LEARNINGHUB_DLL" backup "$target"
fi
exec dotnet run --project "$repo/src/LearningHub.Web" -- backup "$target"
