#!/usr/bin/env bash
# Starts the server live sessions run on: one process of scripts/sync-server.mjs (Hocuspocus
# from the npm registry) on loopback, keeping its rooms in one SQLite file that survives a
# restart; nothing else to install. Settings: HOST (127.0.0.1), PORT (1234), SYNC_DATA
# (./sync-data/rooms.sqlite), ROOM_DAYS (30), MAX_UPDATE_BYTES, ROOMS_PER_HOUR; with REDIS_PORT
# it shares its rooms with the other processes on that Redis (scripts/sync-cluster.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/@hocuspocus/server ] || scripts/setup.sh
exec node scripts/sync-server.mjs
