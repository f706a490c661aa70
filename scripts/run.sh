#!/usr/bin/env bash
# The run command: installs what the site needs (Chromium for certificate PDFs) if missing, then
# starts the site in Development on http://localhost:5080 with both boards set up from recipes/.
# Extra arguments go to the site, e.g. --LearningHub:DataPath=/tmp/learninghub.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-run-deps.sh
exec dotnet run --project src/LearningHub.Web -- "$@"
