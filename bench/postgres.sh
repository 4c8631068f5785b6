#!/usr/bin/env bash
# A private PostgreSQL cluster on a loopback port, without systemd or containers: initdb + pg_ctl in a folder of its
# own, as an unprivileged user (the `postgres` account when run as root: PostgreSQL refuses to run as root). Installs
# Debian's postgresql package when its binaries are missing. Used by the benchmarks and by the test suite's fixture.
#
#   bench/postgres.sh start <folder> <port>   creates (first time) and starts the cluster; prints its connection string
#                                             (database postgres, user postgres, trust on loopback only)
#   bench/postgres.sh stop <folder>           stops it (fast shutdown)
#   bench/postgres.sh bindir                  prints the folder of the binaries (installing them when missing)
set -euo pipefail

log() { printf '%s\n' "$*" >&2; }

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    log "Installing Debian's postgresql (once)…"
    local sudo=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
    ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql) >/tmp/portal-postgresql.log 2>&1 \
      || { log "postgresql could not be installed (see /tmp/portal-postgresql.log)"; return 1; }
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  fi
  echo "$dir"
}

# as_owner <command...>: runs as the cluster's owner (the postgres account when we are root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  bindir) bindir ;;
  start)
    folder="$2" port="$3" bin=$(bindir)
    mkdir -p "$folder"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$folder"
    if [ ! -f "$folder/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$folder/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
        || { cat "$folder/initdb.log" >&2; exit 1; }
    fi
    # Loopback only, its own socket folder; fsync and synchronous_commit stay on (the durability checks rely on them).
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c max_connections=300 -c shared_buffers=128MB" start >/dev/null \
      || { tail -20 "$folder/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
    ;;
  stop)
    folder="$2" bin=$(bindir)
    [ -f "$folder/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null
    ;;
  *) sed -n '2,10p' "$0"; exit 2 ;;
esac
