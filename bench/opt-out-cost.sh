#!/usr/bin/env bash
# What an opted-out Rank costs next to a personalized one, over HTTP on loopback, on the same server and in the same run:
# one user opted out through the API, then wrk alternates Rank for a user who is not (model, features, explanation)
# and for the one who is (registry hit: no model, nothing of the context kept). Both pay the registry lookup (the loop
# has opt-outs, so every call hashes its user id). Prints each round, the medians and the ratio opted-out / personalized.
#
# usage: bench/opt-out-cost.sh [--connections 16] [--threads 2] [--duration 15] [--rounds 3] [--port 5393] [--no-build]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=16 THREADS=2 DURATION=15 ROUNDS=3 PORT=5393 BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

ensure_apt wrk wrk
[ "$BUILD" = 1 ] && build_release
DATA="$(mktemp -d /tmp/portal-opt-out-cost.XXXXXX)"
trap 'stop_server KILL' EXIT
start_server "$PORT" "$DATA"
URL="http://127.0.0.1:$PORT"
export PORTAL_KEY="$BENCH_KEY"

status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Ocp-Apim-Subscription-Key: $BENCH_KEY" "$URL/api/v1/loops/demo/opt-outs/bench-opted-out")
[ "$status" = 200 ] || { log "opting out the benchmark user answered $status"; exit 1; }

run() { # run <user> <label>
  USER_ID="$1" RUN_TAG="optout$$-$2" timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION"s --timeout 10s \
    -s "$REPO/bench/rank.lua" "$URL/" | grep '^RESULT'
}

echo "Opted-out vs personalized Rank: $(nproc) cores shared by wrk and the server; 10 actions x 20 features; ${DURATION}s per run, $ROUNDS rounds"
run bench-reader warm >/dev/null
personalized="" optedout=""
for r in $(seq "$ROUNDS"); do
  wait_idle 60 || log "server still busy after 60 s"
  p=$(run bench-reader "p$r")
  wait_idle 60 || log "server still busy after 60 s"
  o=$(run bench-opted-out "o$r")
  printf 'round %s: personalized %s/s p99 %s ms | opted out %s/s p99 %s ms\n' "$r" "$(field rate "$p")" "$(field p99_ms "$p")" "$(field rate "$o")" "$(field p99_ms "$o")"
  personalized="$personalized $(field rate "$p")"; optedout="$optedout $(field rate "$o")"
done
mp=$(printf '%s\n' $personalized | median); mo=$(printf '%s\n' $optedout | median)
printf 'median: personalized %s/s, opted out %s/s, ratio opted-out/personalized %s (>= 1: an opt-out costs no more)\n' \
  "$mp" "$mo" "$(awk -v a="$mo" -v b="$mp" 'BEGIN { printf "%.2f", a / b }')"
