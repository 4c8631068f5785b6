#!/usr/bin/env bash
# Portal on PostgreSQL against Portal on SQLite, on this machine: Rank throughput (wrk on loopback, same workload as
# bench/rank-load.sh) and durability (the server SIGKILLed at the end of each run: every 201 must be a stored row).
# Installs postgresql (Debian) and wrk when missing; PostgreSQL runs as a private cluster on a loopback port in a
# temporary folder (bench/postgres.sh: initdb + pg_ctl, no systemd, no containers), with fsync and synchronous_commit on.
#
# usage: bench/scale-out.sh [--connections 16] [--duration 20] [--warmup 10] [--rounds 3] [--port 5393] [--pg-port 55433] [--no-build]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=16 DURATION=20 WARMUP=10 ROUNDS=3 PORT=5393 PG_PORT=55433 BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --pg-port) PG_PORT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

ensure_apt wrk wrk
ensure_apt sqlite3 sqlite3
PG_BIN=$(bash "$REPO/bench/postgres.sh" bindir)
[ "$BUILD" = 1 ] && build_release
WORK="$(mktemp -d /tmp/portal-scale-out.XXXXXX)"
chmod 755 "$WORK"   # the cluster runs as the postgres account when we are root: it must reach its folder
cleanup() { stop_server KILL; bash "$REPO/bench/postgres.sh" stop "$WORK/pg" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
CLUSTER=$(bash "$REPO/bench/postgres.sh" start "$WORK/pg" "$PG_PORT")
"$PG_BIN/psql" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -qc "CREATE DATABASE portal_bench"
PG_CONNECTION="${CLUSTER/Database=postgres/Database=portal_bench}"
URL="http://127.0.0.1:$PORT"
export PORTAL_KEY="$BENCH_KEY"

# run_rank <connections> <seconds> <tag>: one bounded wrk run (eventIds <tag>-<n>: a tag per run, never reused).
run_rank() {
  RUN_TAG="$3" timeout $(($2 + 30)) wrk -t2 -c"$1" -d"$2"s --timeout 10s -s "$REPO/bench/rank.lua" "$URL/" | grep '^RESULT'
}

# stored <engine> <tag>: rows whose eventId starts with the tag.
stored() {
  if [ "$1" = sqlite ]; then sqlite3 -readonly "$WORK/sqlite/portal.db" "SELECT COUNT(*) FROM Decisions WHERE EventId LIKE '$2-%';"
  else "$PG_BIN/psql" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=portal_bench" -tAc "SELECT COUNT(*) FROM decisions WHERE eventid LIKE '$2-%'"; fi
}

echo "Rank on SQLite vs PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'): $(nproc) cores shared by wrk (2 threads), Portal and (for PostgreSQL) its server;"
echo "10 actions x 20 features, $CONNECTIONS connections, ${DURATION}s x $ROUNDS rounds after a ${WARMUP}s warm-up; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A MEDIAN
verdict=PASS
for engine in sqlite postgres; do
  if [ "$engine" = postgres ]; then
    export Portal__Database__Provider=Postgres Portal__Database__ConnectionString="$PG_CONNECTION"
  else
    unset Portal__Database__Provider Portal__Database__ConnectionString
  fi
  start_server "$PORT" "$WORK/$engine"
  tag="so$$-$engine" acknowledged=0 other=0 rates="" p50s="" p99s=""
  line=$(run_rank "$CONNECTIONS" "$WARMUP" "$tag-w")
  acknowledged=$((acknowledged + $(field created "$line"))); other=$((other + $(field other "$line")))
  for r in $(seq "$ROUNDS"); do
    wait_idle 60 || log "server still busy after 60 s"
    line=$(run_rank "$CONNECTIONS" "$DURATION" "$tag-r$r")
    acknowledged=$((acknowledged + $(field created "$line"))); other=$((other + $(field other "$line")))
    printf '%-8s round %s: %s decisions/s, p50 %s ms, p99 %s ms (201: %s, other: %s) load %s\n' "$engine" "$r" "$(field rate "$line")" \
      "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$(field created "$line")" "$(field other "$line")" "$(cut -d' ' -f1 /proc/loadavg)"
    rates+="$(field rate "$line")"$'\n'; p50s+="$(field p50_ms "$line")"$'\n'; p99s+="$(field p99_ms "$line")"$'\n'
  done
  # SIGKILL while idle-or-not: nothing graceful; every acknowledged decision must be stored.
  stop_server KILL
  rows=$(stored "$engine" "$tag")
  MEDIAN[$engine]=$(printf '%s' "$rates" | median)
  printf '%-8s MEDIAN: %s decisions/s, p50 %s ms, p99 %s ms | after SIGKILL: acknowledged %s, stored %s, lost %s, non-201 %s\n' "$engine" \
    "${MEDIAN[$engine]}" "$(printf '%s' "$p50s" | median)" "$(printf '%s' "$p99s" | median)" "$acknowledged" "$rows" \
    "$((acknowledged > rows ? acknowledged - rows : 0))" "$other"
  { [ "$rows" -ge "$acknowledged" ] && [ "$other" = 0 ]; } || verdict=FAIL
done
awk -v p="${MEDIAN[postgres]}" -v s="${MEDIAN[sqlite]}" 'BEGIN { printf "ratio PostgreSQL / SQLite: %.2f\n", p / s }'
echo "$verdict: every acknowledged decision is stored on both engines"
[ "$verdict" = PASS ]
