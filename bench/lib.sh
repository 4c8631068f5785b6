# Shared by the service benchmarks: build, start and stop one Portal server on loopback, install tools.
# Source it; it uses REPO (the repository root) and sets SERVER_PID.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORTAL_DLL="${PORTAL_DLL:-$REPO/Portal/bin/Release/net10.0/Portal.dll}"
BENCH_KEY="${BENCH_KEY:-bench-subscription-key-0001}"
BENCH_ADMIN_PASSWORD="${BENCH_ADMIN_PASSWORD:-Bench-Admin-Passw0rd}"
SERVER_PID=""

log() { printf '%s\n' "$*" >&2; }

# ensure_apt <command> <package>: installs a Debian package when its command is missing.
ensure_apt() {
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 (apt)…"
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null && APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

build_release() {
  log "building Release (not timed)…"
  dotnet build -c Release "$REPO/Portal/Portal.csproj" -nologo -v q -clp:ErrorsOnly\;NoSummary >&2
}

# start_server <port> <data dir>: starts Portal in the background and waits (at most 90 s) for /health/ready = 200.
# The log goes to $SERVER_LOG when set (e.g. outside a data folder that is meant to fill up), else to <data>/server.log.
# $HTTPS_PORT, when set, adds an HTTPS listener with the certificate from loopback_certificate (forms need HTTPS outside Development).
start_server() {
  local port="$1" data="$2" server_log="${SERVER_LOG:-$2/server.log}"
  mkdir -p "$data"
  ASPNETCORE_ENVIRONMENT=Production \
  Portal__DataDirectory="$data" \
  Portal__DemoLoop__ApiKey="$BENCH_KEY" \
  Portal__Simulator__Enabled=false \
  Portal__Admin__Password="$BENCH_ADMIN_PASSWORD" \
  Logging__LogLevel__Default=Warning \
    dotnet "$PORTAL_DLL" --urls "http://127.0.0.1:$port${HTTPS_PORT:+;https://127.0.0.1:$HTTPS_PORT}" >>"$server_log" 2>&1 &
  SERVER_PID=$!
  wait_http "http://127.0.0.1:$port/health/ready" 90 || { log "server did not become ready; see $server_log"; tail -20 "$server_log" >&2; return 1; }
}

# postgres_work <name> <pg port>: a temporary folder WORK with a private PostgreSQL cluster in WORK/pg on that port
# (bench/postgres.sh); sets WORK, PG_BIN, PG_PORT and CLUSTER (its connection string, database postgres). Set the
# caller's EXIT trap first: it runs with WORK set if anything here fails. Stop with: bash bench/postgres.sh stop "$WORK/pg".
postgres_work() {
  PG_BIN=$(bash "$REPO/bench/postgres.sh" bindir)
  PG_PORT="$2"
  WORK="$(mktemp -d "/tmp/portal-$1.XXXXXX")"
  chmod 755 "$WORK"   # the cluster runs as the postgres account when we are root: it must reach its folder
  CLUSTER=$(bash "$REPO/bench/postgres.sh" start "$WORK/pg" "$PG_PORT")
}

# postgres_database <name>: creates an empty database in the cluster of postgres_work; echoes its connection string.
postgres_database() {
  "$PG_BIN/psql" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qc "CREATE DATABASE $1"
  echo "${CLUSTER/Database=postgres/Database=$1}"
}

# loopback_certificate <folder>: a self-signed certificate for 127.0.0.1, given to Kestrel through its settings.
loopback_certificate() {
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$1/loopback.key" -out "$1/loopback.crt" 2>/dev/null
  export Kestrel__Certificates__Default__Path="$1/loopback.crt" Kestrel__Certificates__Default__KeyPath="$1/loopback.key"
}

# wait_http <url> <seconds>: polls until the URL answers 200.
wait_http() {
  local url="$1" deadline=$((SECONDS + $2))
  while [ $SECONDS -lt "$deadline" ]; do
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url")" = 200 ] && return 0
    sleep 0.2
  done
  return 1
}

# stop_server [signal]: stops the server started by start_server (default SIGKILL: nothing gets a graceful drain).
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill "-${1:-KILL}" "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# median of the numbers on stdin, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# field <name> <RESULT line>: the value of name=value.
field() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# cpu_mark: "<machine busy> <server> <waited-for children of this shell> <uptime>" in clock ticks (USER_HZ).
# The children term covers wrk once it has been waited for.
cpu_mark() {
  local busy server children
  busy=$(awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)
  server=$(sed 's/^.*) //' "/proc/$SERVER_PID/stat" | awk '{ print $12 + $13 }')
  children=$(sed 's/^.*) //' "/proc/$$/stat" | awk '{ print $14 + $15 }')
  echo "$busy $server $children $(awk '{ printf "%d", $1 * 100 }' /proc/uptime)"
}

# cpu_share <mark before> <mark after>: "server S% wrk W% other O%" of all cores over the interval.
cpu_share() {
  awk -v a="$1" -v b="$2" -v n="$(nproc)" 'BEGIN {
    split(a, x, " "); split(b, y, " "); cap = (y[4] - x[4]) * n
    s = y[2] - x[2]; w = y[3] - x[3]; o = (y[1] - x[1]) - s - w; if (o < 0) o = 0
    printf "server %.0f%%, wrk %.0f%%, other processes %.0f%%", 100 * s / cap, 100 * w / cap, 100 * o / cap }'
}

# server_us_per <mark before> <mark after> <requests>: the server's CPU time (all threads) per request, in µs. Steadier
# than a rate on a shared machine: it does not count the time the server waited for a core.
server_us_per() {
  awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(a, x, " "); split(b, y, " "); if (n <= 0) { print "nan"; exit }
    printf "%.0f", (y[2] - x[2]) * 1e6 / hz / n }'
}

# wait_idle <seconds>: waits until the server uses < 10% of one core for a second (e.g. the trainer has caught up).
wait_idle() {
  local deadline=$((SECONDS + $1)) before after
  while [ $SECONDS -lt "$deadline" ]; do
    before=$(sed 's/^.*) //' "/proc/$SERVER_PID/stat" | awk '{ print $12 + $13 }'); sleep 1
    after=$(sed 's/^.*) //' "/proc/$SERVER_PID/stat" | awk '{ print $12 + $13 }')
    [ $((after - before)) -lt 10 ] && return 0
  done
  return 1
}
