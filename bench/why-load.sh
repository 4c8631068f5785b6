#!/usr/bin/env bash
# The public "Why this suggestion?" page over HTTP on loopback: pages/s and latency for valid links, with wrk.
#
# usage: bench/why-load.sh [--connections 16] [--threads 2] [--duration 20] [--warmup 10] [--rounds 3] [--links 200]
#                          [--port 5393] [--no-build]
# The demo loop first learns from --train ranked and rewarded visits (so explanations have factors), then --links
# decisions are ranked and their whyUrl paths collected; wrk GETs those pages, --rounds runs of --duration seconds,
# after a warm-up. The per-address view limit is raised for the run (every request comes from 127.0.0.1).
# Also checks that a tampered link answers 404.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=16 THREADS=2 DURATION=20 WARMUP=10 ROUNDS=3 LINKS=200 TRAIN=400 PORT=5393 BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --links) LINKS="$2"; shift 2 ;;
    --train) TRAIN="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

ensure_apt wrk wrk
[ "$BUILD" = 1 ] && build_release
DATA="$(mktemp -d /tmp/portal-why-load.XXXXXX)"
trap 'stop_server KILL' EXIT
export Portal__PublicPages__ViewsPerMinutePerAddress=10000000
start_server "$PORT" "$DATA"
URL="http://127.0.0.1:$PORT"

BANDS=(18-24 25-34 35-49 50-64 65+) COUNTRIES=(US DE FR JP BR) DEVICES=(mobile desktop tablet) TIMES=(morning afternoon evening night)
TOPICS=(politics sports tech health finance travel food culture)
ARTICLES='[{"id":"election-explainer","features":[{"article":{"topic":"politics","format":"text","lengthMinutes":8}}]},
{"id":"cup-final-highlights","features":[{"article":{"topic":"sports","format":"video","lengthMinutes":3}}]},
{"id":"new-phone-review","features":[{"article":{"topic":"tech","format":"video","lengthMinutes":6}}]},
{"id":"sleep-better-guide","features":[{"article":{"topic":"health","format":"text","lengthMinutes":5}}]},
{"id":"markets-weekly","features":[{"article":{"topic":"finance","format":"text","lengthMinutes":7}}]},
{"id":"hidden-beaches","features":[{"article":{"topic":"travel","format":"gallery","lengthMinutes":2}}]},
{"id":"15-minute-dinners","features":[{"article":{"topic":"food","format":"video","lengthMinutes":4}}]},
{"id":"museum-night","features":[{"article":{"topic":"culture","format":"gallery","lengthMinutes":3}}]}]'

# rank <eventId>: one demo-like visit; prints the response body.
rank() {
  local i=$RANDOM topic=${TOPICS[$((RANDOM % 8))]}
  curl -s -X POST "$URL/personalizer/v1.0/rank" -H "Ocp-Apim-Subscription-Key: $BENCH_KEY" -H 'Content-Type: application/json' -d "{
    \"contextFeatures\":[{\"user\":{\"ageBand\":\"${BANDS[$((i % 5))]}\",\"country\":\"${COUNTRIES[$((i % 5))]}\",\"device\":\"${DEVICES[$((i % 3))]}\"},
      \"interests\":{\"$topic\":true},\"time\":{\"timeOfDay\":\"${TIMES[$((i % 4))]}\"}}],
    \"actions\":$ARTICLES,\"eventId\":\"$1\"}"
}

log "training the demo loop on $TRAIN visits…"
for n in $(seq "$TRAIN"); do
  body=$(rank "train-$n")
  # Reward the article matching the stated interest, as the demo's click model mostly does.
  if printf '%s' "$body" | grep -q '"rewardActionId":"'; then
    curl -s -o /dev/null -X POST "$URL/personalizer/v1.0/events/train-$n/reward" -H "Ocp-Apim-Subscription-Key: $BENCH_KEY" \
      -H 'Content-Type: application/json' -d "{\"value\":$(( n % 3 == 0 ? 1 : 0 ))}"
  fi
done
sleep 8  # the demo loop's reward wait (5 s) and a training pass
wait_idle 60 || log "server still busy after 60 s"

PATHS="$DATA/why-paths.txt"
: > "$PATHS"
for n in $(seq "$LINKS"); do
  { rank "why-$n"; echo; } | sed -n 's/.*"whyUrl":"[a-z]*:\/\/[^/]*\(\/why\/[^"]*\)".*/\1/p' >> "$PATHS"
done
[ "$(wc -l < "$PATHS")" -eq "$LINKS" ] || { log "expected $LINKS whyUrl paths, got $(wc -l < "$PATHS"); a Rank answer: $(rank why-check)"; exit 1; }
first=$(head -n1 "$PATHS")
valid=$(curl -s -o /dev/null -w '%{http_code}' "$URL$first")
tampered=$(curl -s -o /dev/null -w '%{http_code}' "$URL${first%?}$( [ "${first: -1}" = A ] && echo B || echo A )")
echo "Portal why page: $(nproc) cores shared by wrk ($THREADS threads, $CONNECTIONS connections) and the server; $LINKS links; ${DURATION}s per run, $ROUNDS rounds"
echo "check: a valid link answers $valid, a tampered one $tampered"

run_why() { WHY_PATHS="$PATHS" timeout $(($1 + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --timeout 10s -s "$REPO/bench/why.lua" "$URL/" | grep '^RESULT'; }
run_why "$WARMUP" > /dev/null
rates="" p50s="" p99s="" failures=0
for r in $(seq "$ROUNDS"); do
  wait_idle 30 || true
  m0=$(cpu_mark); line=$(run_why "$DURATION"); m1=$(cpu_mark)
  printf 'round %s: %s pages/s, p50 %s ms, p99 %s ms (200: %s, other: %s, socket errors: %s) | CPU %s\n' "$r" "$(field rate "$line")" \
    "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$(field ok "$line")" "$(field other "$line")" "$(field socket_errors "$line")" "$(cpu_share "$m0" "$m1")"
  rates+="$(field rate "$line")"$'\n'; p50s+="$(field p50_ms "$line")"$'\n'; p99s+="$(field p99_ms "$line")"$'\n'
  failures=$((failures + $(field other "$line")))
done
echo "MEDIAN of $ROUNDS: $(printf '%s' "$rates" | median) pages/s, p50 $(printf '%s' "$p50s" | median) ms, p99 $(printf '%s' "$p99s" | median) ms; non-200: $failures"
if [ "$valid" = 200 ] && [ "$tampered" = 404 ] && [ "$failures" = 0 ]; then rm -rf "$DATA"; else echo "FAIL: see $DATA"; exit 1; fi
