#!/usr/bin/env bash
# The README's first command: everything a fresh machine needs, then the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npm ci --no-audit --no-fund
npm run --silent demo
