#!/usr/bin/env bash
# Installs what is missing, then builds the app and serves it on http://127.0.0.1:8080,
# rebuilding when the code changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --release --offline "$@"
