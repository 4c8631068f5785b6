#!/usr/bin/env bash
# A private Redis server on a loopback port, without systemd or containers: `redis-server --daemonize yes` in a folder
# of its own (no persistence: Portal keeps nothing in Redis that the database does not hold). Installs Debian's
# redis-server package when the binary is missing. Used by the benchmarks and by the test suite's fixture.
#
#   bench/redis.sh start <folder> <port>   starts the server; prints its configuration string (host:port)
#   bench/redis.sh stop <folder>           stops it (SHUTDOWN NOSAVE)
#   bench/redis.sh bin                     prints the server binary's path (installing it when missing)
set -euo pipefail

log() { printf '%s\n' "$*" >&2; }

bin() {
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    log "Installing Debian's redis-server (once)…"
    local sudo=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
    ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server redis-tools) \
      >/tmp/portal-redis.log 2>&1 || { log "redis-server could not be installed (see /tmp/portal-redis.log)"; return 1; }
  fi
  command -v redis-server
}

case "${1:-}" in
  bin) bin ;;
  start)
    folder="$2" port="$3" server=$(bin)
    mkdir -p "$folder"
    folder=$(cd "$folder" && pwd)
    "$server" --daemonize yes --bind 127.0.0.1 --port "$port" --dir "$folder" --pidfile "$folder/redis.pid" \
      --logfile "$folder/redis.log" --save '' --appendonly no --protected-mode yes >/dev/null
    for _ in $(seq 100); do
      [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ] && { echo "127.0.0.1:$port"; exit 0; }
      sleep 0.1
    done
    log "redis-server did not answer on 127.0.0.1:$port"; tail -20 "$folder/redis.log" >&2; exit 1
    ;;
  stop)
    folder="$2"
    [ -f "$folder/redis.pid" ] || exit 0
    pid=$(cat "$folder/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || { rm -f "$folder/redis.pid"; exit 0; }; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true; rm -f "$folder/redis.pid"
    ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
