#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the site itself needs to run, only those missing. Needs root or sudo.
# - chromium and fonts-liberation: certificate PDFs (cases module) are the certificate page printed by
#   headless Chromium; without it the certificate page offers the browser's own printing instead.
# Image renditions need no package: libvips comes with the site in the NuGet package
# NetVips.Native.linux-x64 (one library with its dependencies built in; it needs only glibc and libstdc++).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" != "0" ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
echo "Installing: ${missing[*]}"
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
