#!/usr/bin/env bash
# Set up briefing on a fresh machine: npm dependencies, a Chromium to print with
# (Debian/Ubuntu packages through apt when none is installed), poppler-utils for the
# visual tests, the compiled CLI, and `briefing` on PATH (npm link). Safe to run again: it
# skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

# briefing uses puppeteer-core and an installed Chromium; the bench-only md-to-pdf depends on
# puppeteer, whose browser download must be skipped (it cannot reach its host).
export PUPPETEER_SKIP_DOWNLOAD=1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

apt_packages=()
browser_found() {
  for candidate in "${BRIEFING_CHROME:-}" "${PUPPETEER_EXECUTABLE_PATH:-}" \
    /usr/lib/chromium/chromium-headless-shell /usr/bin/chromium-headless-shell /usr/bin/chromium \
    /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome /opt/google/chrome/chrome \
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" "/Applications/Chromium.app/Contents/MacOS/Chromium"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && return 0
  done
  return 1
}
if ! browser_found; then
  # Full Chromium as the fallback, and the headless shell that prints the same PDFs and
  # starts about three times faster (briefing prefers it when both are there).
  apt_packages+=(chromium chromium-headless-shell)
elif [ -z "${BRIEFING_CHROME:-}${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ ! -x /usr/lib/chromium/chromium-headless-shell ] \
  && command -v apt-cache >/dev/null && apt-cache show chromium-headless-shell >/dev/null 2>&1; then
  apt_packages+=(chromium-headless-shell)
fi
# pdftoppm renders PDF pages to PNG for the visual regression tests.
command -v pdftoppm >/dev/null || apt_packages+=(poppler-utils)
# qpdf checks the structure of the PDFs briefing writes, in the tests.
command -v qpdf >/dev/null || apt_packages+=(qpdf)

if [ ${#apt_packages[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null; then sudo=(sudo); else
        say "need root to install ${apt_packages[*]}; run: sudo apt-get install -y ${apt_packages[*]}"
        exit 1
      fi
    fi
    say "installing ${apt_packages[*]} with apt-get"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
  elif ! browser_found; then
    say "no Chrome or Chromium found and no apt-get to install one."
    say "install Google Chrome or Chromium, or set BRIEFING_CHROME=/path/to/chrome, then run this again."
    exit 1
  else
    say "note: ${apt_packages[*]} not installed (no apt-get); the visual tests need pdftoppm from poppler"
  fi
fi

say "compiling (tsc) and bundling the command (esbuild)"
npm run --silent build

# `briefing` as a command in every folder: npm link puts a link to this folder's
# dist/cli.js on PATH (in npm's global bin folder), so it always runs this build.
linked="$(command -v briefing || true)"
if [ -n "$linked" ] && [ "$(readlink -f "$linked")" = "$(readlink -f dist/cli.js)" ]; then
  say "briefing is on PATH ($linked)"
elif npm link --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null 2>&1 && command -v briefing >/dev/null; then
  say "linked: briefing is on PATH ($(command -v briefing))"
else
  say "note: could not put briefing on PATH (npm link needs write access to $(npm prefix -g));"
  say "      run it as: node $(pwd)/dist/cli.js, or npx briefing inside this folder"
fi
say "ready"
