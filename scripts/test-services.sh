#!/usr/bin/env bash
# What the test suite needs beyond npm and Chromium: a CUPS scheduler with the cups-pdf
# virtual printer `briefing-test`, for the tests of `briefing print`. Installs CUPS with
# apt when it is missing (as root), starts cupsd when it is not running, adds the printer
# when it is not there. Safe to run again.
set -euo pipefail

say() { printf 'test-services: %s\n' "$*" >&2; }
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

if ! command -v cupsd >/dev/null || ! command -v lp >/dev/null || ! command -v ipptool >/dev/null || [ ! -e /usr/lib/cups/backend/cups-pdf ]; then
  say "installing cups, cups-pdf and ipptool with apt-get"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends cups cups-client cups-bsd cups-pdf cups-ipp-utils >/dev/null
fi

if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
  say "starting cupsd"
  "${sudo[@]}" cupsd
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q 'is running' && break; sleep 0.1; done
fi

if ! lpstat -p briefing-test >/dev/null 2>&1; then
  say "adding the cups-pdf printer briefing-test"
  ppd=$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null || true)
  "${sudo[@]}" lpadmin -p briefing-test -E -v cups-pdf:/ ${ppd:+-P "$ppd"} 2>/dev/null
fi
lpstat -p briefing-test >/dev/null
