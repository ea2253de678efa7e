#!/usr/bin/env bash
# Starts the live sessions' server as several processes sharing their rooms through Redis
# (Debian's redis-server, started here on a port of its own) and one SQLite file: a room's
# participants may be on any of them, and when one stops, theirs go on with another. Give the
# app all their addresses, separated by spaces (the script prints them).
# Settings: COUNT (2) processes on ports PORT (1234), PORT+1, …; REDIS_PORT (6380); SYNC_DATA
# (./sync-data/rooms.sqlite); HOST and the other settings of scripts/sync-server.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/@hocuspocus/server ] || scripts/setup.sh
command -v redis-server > /dev/null || scripts/setup.sh --browser
COUNT="${COUNT:-2}" PORT="${PORT:-1234}"
export REDIS_PORT="${REDIS_PORT:-6380}" HOST="${HOST:-127.0.0.1}" SYNC_DATA="${SYNC_DATA:-$PWD/sync-data/rooms.sqlite}"
servers=()
# On the way out the servers go first (each stores its rooms, which takes Redis), then Redis.
trap 'kill "${servers[@]}" 2> /dev/null; wait "${servers[@]}" 2> /dev/null; kill "$redis" 2> /dev/null' EXIT
# Redis only carries what passes between the processes: nothing of it needs keeping.
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > /dev/null &
redis=$!
until redis-cli -p "$REDIS_PORT" ping > /dev/null 2>&1; do sleep 0.1; done
addresses=()
for ((i = 0; i < COUNT; i++)); do
  PORT=$((PORT + i)) node scripts/sync-server.mjs &
  servers+=($!)
  echo "sync-cluster: process $! on port $((PORT + i))"
  addresses+=("ws://$HOST:$((PORT + i))")
done
echo "sync-cluster: give the app these addresses: ${addresses[*]}"
# One process lost is not the end: the others carry its rooms. The cluster runs until stopped.
wait "$redis"
