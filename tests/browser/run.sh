#!/usr/bin/env bash
# Browser test of the dashboard: installs what it needs when missing (Debian's chromium,
# playwright-core from npm), builds the axis binary and runs dashboard.mjs.
# Screenshots land in target/screenshots/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y chromium; else sudo apt-get install -y chromium; fi
fi
cd "$here"
if [ ! -d node_modules/playwright-core ]; then
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm i --no-audit --no-fund; fi
fi
cargo build --quiet -p axis-cli --manifest-path "$root/Cargo.toml"
node dashboard.mjs
