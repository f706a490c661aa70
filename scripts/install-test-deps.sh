#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the tests need, only those missing: what the site needs to run
# (through install-run-deps.sh), Chromium (end-to-end tests), fonts for it, PostgreSQL (provider tests),
# PgBouncer (two app nodes through a transaction-mode pooler, docs/pgbouncer.md) and aiosmtpd (a real SMTP server for the mail tests). Needs root or sudo. libvips is not among them:
# the media tests use the copy bundled in the NuGet package NetVips.Native.linux-x64.
# Then the test OpenID provider (tests/oidc-provider: the npm package oidc-provider from its lock file), when
# its installed copy is missing or older than the lock file.
set -euo pipefail

bash "$(dirname "$0")/install-run-deps.sh"

provider="$(dirname "$0")/../tests/oidc-provider"
if [ ! -f "$provider/node_modules/.package-lock.json" ] || [ "$provider/package-lock.json" -nt "$provider/node_modules/.package-lock.json" ]; then
  (cd "$provider" && npm ci --no-audit --no-fund --loglevel=error)
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
# In /usr/sbin, which is not on every user's PATH, so looked for by its path.
[ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing+=(python3-aiosmtpd)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" != "0" ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
