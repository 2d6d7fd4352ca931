#!/usr/bin/env bash
# Makes sure a Chromium or Chrome is installed: Debian's package through apt
# where that is possible, otherwise a clear instruction. Used by the README's
# first command and by .ci/run.
set -euo pipefail

for candidate in "${EMPREINTE_CHROMIUM:-}" chromium chromium-browser google-chrome google-chrome-stable; do
  if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1; then
    echo "Chromium: $(command -v "$candidate")"
    exit 0
  fi
done

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "No Chromium found. Install it as root: apt-get install -y chromium" >&2
      exit 1
    fi
  fi
  echo "No Chromium found: installing Debian's chromium package…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && { echo "Chromium: $(command -v chromium)"; exit 0; }
fi

cat >&2 <<'MSG'
No Chromium or Chrome found, and it cannot be installed automatically here.
Install Chromium or Google Chrome with your system's package manager, then run
this again, or point Empreinte at it: EMPREINTE_CHROMIUM=/path/to/chrome
MSG
exit 1
