#!/usr/bin/env bash
# Rank over HTTP on loopback: decisions/s, p50/p99, the ratio to a trivial endpoint of the same process, and a
# durability check (server SIGKILLed, then every 201 must be a row in Decisions).
#
# usage: bench/rank-load.sh [--connections "16 32"] [--threads 2] [--duration 20] [--warmup 15] [--rounds 3]
#                          [--port 5391] [--data-dir DIR] [--no-build]
# Each round runs wrk on Rank for --duration seconds, then (once the server is idle again: the trainer has learned
# from what was just logged) wrk on GET /health/live for --duration seconds, on the same server; the script prints
# every round, the CPU shares of server, wrk and other processes, the decision log writer's commits (decisions per
# commit, wall time per commit, share of the round spent committing: from /health/ready), and the medians. wrk and the
# server share the cores. --data-dir puts the database elsewhere (a folder is made in it): /dev/shm shows what the
# disk's flush costs (tmpfs acknowledges fsync at once; never run Portal on it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS="16" THREADS=2 DURATION=20 WARMUP=15 ROUNDS=3 PORT=5391 BUILD=1 DATA_ROOT=/tmp
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --data-dir) DATA_ROOT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

ensure_apt wrk wrk
ensure_apt sqlite3 sqlite3
[ "$BUILD" = 1 ] && build_release
DATA="$(mktemp -d "$DATA_ROOT/portal-rank-load.XXXXXX")"
trap 'stop_server KILL' EXIT
start_server "$PORT" "$DATA"
URL="http://127.0.0.1:$PORT"
TAG="load$$"
export PORTAL_KEY="$BENCH_KEY"

# run_rank <connections> <seconds> <label>: one bounded wrk run on Rank; echoes its RESULT line.
run_rank() {
  RUN_TAG="$TAG-$3" timeout $(($2 + 30)) wrk -t"$THREADS" -c"$1" -d"$2"s --timeout 10s -s "$REPO/bench/rank.lua" "$URL/" | grep '^RESULT'
}
# writer_mark: "<batches> <writes> <ms committing>" of the decision log writer so far (its /health/ready detail).
writer_mark() {
  local ready; ready=$(curl -s -m 5 "$URL/health/ready")
  for name in committedBatches committedWrites committingMs; do
    printf '%s ' "$(printf '%s' "$ready" | grep -o "\"$name\":[0-9]*" | head -1 | cut -d: -f2)"
  done
}
# writer_share <mark before> <mark after> <seconds>: decisions per commit, ms per commit, share of the time committing.
writer_share() {
  awk -v a="$1" -v b="$2" -v s="$3" 'BEGIN { split(a, x, " "); split(b, y, " "); n = y[1] - x[1]; if (n <= 0) { print "no commits"; exit }
    printf "%.1f decisions/commit, %.3f ms/commit, committing %.0f%% of the time", (y[2] - x[2]) / n, (y[3] - x[3]) / n, (y[3] - x[3]) / (10 * s) }'
}
run_live() {
  timeout $(($2 + 30)) wrk -t"$THREADS" -c"$1" -d"$2"s --timeout 10s -s "$REPO/bench/live.lua" "$URL/health/live" | grep '^RESULT'
}

echo "Portal Rank load: $(nproc) cores shared by wrk ($THREADS threads) and the server; 10 actions x 20 features; ${DURATION}s per run, $ROUNDS rounds"
acknowledged=0 failures=0
for c in $CONNECTIONS; do
  line=$(run_rank "$c" "$WARMUP" "w$c")
  acknowledged=$((acknowledged + $(field created "$line"))); failures=$((failures + $(field other "$line")))
  rates="" p50s="" p99s="" lives="" ratios="" rank_uss=""
  for r in $(seq "$ROUNDS"); do
    wait_idle 60 || log "server still busy after 60 s"
    w0=$(writer_mark); m0=$(cpu_mark); rank=$(run_rank "$c" "$DURATION" "c$c-r$r"); m1=$(cpu_mark); w1=$(writer_mark)
    # The trainer learns from the decisions just logged: let it catch up so /health/live runs on an idle server.
    wait_idle 60 || log "server still busy after 60 s"
    m2=$(cpu_mark); live=$(run_live "$c" "$DURATION"); m3=$(cpu_mark)
    acknowledged=$((acknowledged + $(field created "$rank"))); failures=$((failures + $(field other "$rank")))
    ratio=$(awk -v a="$(field rate "$rank")" -v b="$(field rate "$live")" 'BEGIN { printf "%.3f", a / b }')
    printf 'connections=%-3s round %s: rank %s/s p50 %s ms p99 %s ms (201: %s, other: %s, socket errors: %s) | /health/live %s/s | ratio %s\n' \
      "$c" "$r" "$(field rate "$rank")" "$(field p50_ms "$rank")" "$(field p99_ms "$rank")" "$(field created "$rank")" \
      "$(field other "$rank")" "$(field socket_errors "$rank")" "$(field rate "$live")" "$ratio"
    rank_us=$(server_us_per "$m0" "$m1" "$(field created "$rank")"); live_us=$(server_us_per "$m2" "$m3" "$(field ok "$live")")
    printf '    CPU during rank: %s | during /health/live: %s\n' "$(cpu_share "$m0" "$m1")" "$(cpu_share "$m2" "$m3")"
    printf '    server CPU per request: Rank %s µs, /health/live %s µs\n' "$rank_us" "$live_us"
    printf '    decision log writer: %s\n' "$(writer_share "$w0" "$w1" "$DURATION")"
    rates+="$(field rate "$rank")"$'\n'; p50s+="$(field p50_ms "$rank")"$'\n'; p99s+="$(field p99_ms "$rank")"$'\n'
    lives+="$(field rate "$live")"$'\n'; ratios+="$ratio"$'\n'; rank_uss+="$rank_us"$'\n'
  done
  printf 'connections=%-3s MEDIAN of %s: %s decisions/s, p50 %s ms, p99 %s ms; /health/live %s req/s; ratio %s; server CPU %s µs per decision\n' \
    "$c" "$ROUNDS" "$(printf '%s' "$rates" | median)" "$(printf '%s' "$p50s" | median)" "$(printf '%s' "$p99s" | median)" \
    "$(printf '%s' "$lives" | median)" "$(printf '%s' "$ratios" | median)" "$(printf '%s' "$rank_uss" | median)"
done

stop_server KILL
stored=$(sqlite3 -readonly "$DATA/portal.db" "SELECT COUNT(*) FROM Decisions WHERE EventId LIKE '$TAG-%';")
integrity=$(sqlite3 -readonly "$DATA/portal.db" "PRAGMA integrity_check;")
echo "durability: acknowledged (201) $acknowledged, non-201 $failures, rows after SIGKILL $stored, integrity_check $integrity"
if [ "$stored" -ge "$acknowledged" ] && [ "$integrity" = ok ] && [ "$failures" = 0 ]; then
  echo "PASS: every acknowledged decision is in the database"
  rm -rf "$DATA"
else
  echo "FAIL: see $DATA"; exit 1
fi
