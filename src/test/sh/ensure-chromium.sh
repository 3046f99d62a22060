#!/usr/bin/env bash
# Run by `mvn verify` before the tests (exec-maven-plugin, phase process-test-classes): the page
# tests drive Debian's Chromium through Debian's chromedriver, headless. When either is missing it
# installs both from Debian's packages (as root, or through passwordless sudo); otherwise it says
# what to install and fails the build before any test runs.
set -euo pipefail

chromium=/usr/bin/chromium
driver=/usr/bin/chromedriver
if [[ -x "$chromium" && -x "$driver" ]]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "opsflow tests: $chromium and $driver are needed and this machine has no apt-get;" \
    "install Chromium and its chromedriver at those paths" >&2
  exit 1
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "opsflow tests: $chromium and $driver are missing; run as root:" \
    "apt-get install chromium chromium-driver" >&2
  exit 1
fi

echo "opsflow tests: installing Debian's chromium and chromium-driver for the page tests" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=300 update </dev/null >&2
"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y \
  chromium chromium-driver </dev/null >&2

if [[ ! -x "$chromium" || ! -x "$driver" ]]; then
  echo "opsflow tests: apt-get finished but $chromium or $driver is still missing" >&2
  exit 1
fi
