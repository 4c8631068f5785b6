#!/usr/bin/env bash
# How far the insights aggregator falls behind Rank at full speed, and how fast it catches up afterwards.
#
# usage: bench/insights-lag.sh [--duration 60] [--connections 16] [--port 5393] [--no-build]
# Runs wrk on Rank (bench/rank.lua) for --duration seconds, then leaves the server idle; every 5 s it prints the newest
# decision's Seq, the aggregator's cursor (InsightCursors, read with sqlite3 beside the server) and the gap between
# them, and at the end the aggregator's rate during Rank and after it (decisions aggregated per second). The demo loop's
# reward wait (5 s) comes first: a decision is aggregated once it is settled.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=60 CONNECTIONS=16 PORT=5393 BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

ensure_apt wrk wrk
ensure_apt sqlite3 sqlite3
[ "$BUILD" = 1 ] && build_release
DATA="$(mktemp -d /tmp/portal-insights-lag.XXXXXX)"
trap 'stop_server KILL; rm -rf "$DATA"' EXIT
start_server "$PORT" "$DATA"
export PORTAL_KEY="$BENCH_KEY"

# sample: "<newest Seq> <aggregator's cursor>" (0 before the first row or batch).
sample() {
  sqlite3 -readonly "$DATA/portal.db" \
    "SELECT COALESCE((SELECT MAX(Seq) FROM Decisions), 0), COALESCE((SELECT LastSeq FROM InsightCursors WHERE Source = 'features'), 0);" | tr '|' ' '
}
report() { read -r newest cursor <<<"$(sample)"; printf '%4d s  logged %9d  aggregated %9d  behind %9d\n' $((SECONDS - start)) "$newest" "$cursor" $((newest - cursor)); }

echo "Insights aggregator behind Rank: wrk -c$CONNECTIONS on Rank for ${DURATION}s, then idle; $(nproc) cores"
start=$SECONDS
RUN_TAG="lag$$" timeout $((DURATION + 30)) wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$REPO/bench/rank.lua" "http://127.0.0.1:$PORT/" > "$DATA/wrk.txt" &
wrk_pid=$!
while kill -0 "$wrk_pid" 2>/dev/null; do sleep 5; report; done
wait "$wrk_pid"
grep '^RESULT' "$DATA/wrk.txt"
read -r logged at_end <<<"$(sample)"; ended=$SECONDS
deadline=$((SECONDS + 600))
while [ "$(sample | awk '{ print $2 }')" -lt "$logged" ] && [ $SECONDS -lt "$deadline" ]; do sleep 5; report; done
read -r _ caught <<<"$(sample)"
awk -v a="$at_end" -v d="$DURATION" -v c="$caught" -v e="$at_end" -v s=$((SECONDS - ended)) -v l="$logged" 'BEGIN {
  printf "during Rank: %.0f decisions/s aggregated (%d of %d logged)\n", a / d, a, l
  printf "after Rank:  %.0f decisions/s aggregated (%d in %d s)%s\n", (c - e) / (s > 0 ? s : 1), c - e, s, (c < l ? " - not caught up in 10 minutes" : "") }'
