#!/usr/bin/env bash
# Starts the server live sessions run on: y-websocket from the npm registry (the Yjs sync
# protocol), with its LevelDB persistence, on loopback. Rooms survive a restart in the folder
# it names. Settings: HOST (127.0.0.1), PORT (1234), YPERSISTENCE (./sync-data).
set -euo pipefail
cd "$(dirname "$0")/.."
export HOST="${HOST:-127.0.0.1}" PORT="${PORT:-1234}" YPERSISTENCE="${YPERSISTENCE:-$PWD/sync-data}"
[ -x node_modules/.bin/y-websocket ] || scripts/setup.sh
echo "sync-server: ws://$HOST:$PORT, rooms kept in $YPERSISTENCE"
exec node_modules/.bin/y-websocket
