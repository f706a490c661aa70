#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the site itself needs to run, only those missing: libvips (image
# uploads and renditions, media module; without it the site runs but refuses uploads). Needs root or sudo.
# Debian 12 names the package libvips42; Ubuntu 24.04 renamed it libvips42t64.
set -euo pipefail

if dpkg -s libvips42 >/dev/null 2>&1 || dpkg -s libvips42t64 >/dev/null 2>&1; then
  exit 0
fi

sudo=""
if [ "$(id -u)" != "0" ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
package=libvips42
if ! apt-cache show "$package" >/dev/null 2>&1 && apt-cache show libvips42t64 >/dev/null 2>&1; then
  package=libvips42t64
fi
echo "Installing: $package"
$sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null
