#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the site itself needs to run, only those missing. Needs root or sudo.
# - libvips: image uploads and renditions (media module); without it the site runs but refuses uploads.
#   Debian 12 names the package libvips42; Ubuntu 24.04 renamed it libvips42t64.
# - chromium and fonts-liberation: certificate PDFs (cases module) are the certificate page printed by
#   headless Chromium; without it the certificate page offers the browser's own printing instead.
set -euo pipefail

missing=()
dpkg -s libvips42 >/dev/null 2>&1 || dpkg -s libvips42t64 >/dev/null 2>&1 || missing+=(libvips)
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
packages=()
for package in "${missing[@]}"; do
  if [ "$package" = libvips ]; then
    package=libvips42
    if ! apt-cache show "$package" >/dev/null 2>&1 && apt-cache show libvips42t64 >/dev/null 2>&1; then
      package=libvips42t64
    fi
  fi
  packages+=("$package")
done
echo "Installing: ${packages[*]}"
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
