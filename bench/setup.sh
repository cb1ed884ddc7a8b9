#!/usr/bin/env bash
# The bench's own setup, run by `npm run bench` (not by the project's `npm run setup`):
# its npm peers (md-to-pdf, the Typst Node compiler; bench/package.json) and pandoc +
# WeasyPrint from Debian's packages. A peer that cannot be installed is not an error: the
# results table says it is missing.
set -u
cd "$(dirname "$0")"
if [ ! -d node_modules/md-to-pdf ] || [ ! -d node_modules/@myriaddreamin/typst-ts-node-compiler ]; then
  echo "bench setup: npm ci --prefix bench" >&2
  # md-to-pdf's puppeteer would download a browser of its own; the bench points it at the system's.
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund >&2 || echo "bench setup: npm ci failed; the npm peers will be reported missing" >&2
fi
if ! command -v pandoc >/dev/null || ! command -v weasyprint >/dev/null; then
  if command -v apt-get >/dev/null; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
    install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pandoc weasyprint)
    echo "bench setup: apt-get install pandoc weasyprint" >&2
    "${install[@]}" >&2 || { "${sudo[@]}" apt-get update -qq >&2 && "${install[@]}" >&2; } ||
      echo "bench setup: could not install pandoc and weasyprint; that peer will be reported missing" >&2
  else
    echo "bench setup: no apt-get here; pandoc + WeasyPrint will be reported missing unless installed" >&2
  fi
fi
exit 0
