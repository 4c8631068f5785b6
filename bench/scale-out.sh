#!/usr/bin/env bash
# Scale-out on this machine, in two parts (no containers: PostgreSQL and Redis run as private servers on loopback ports,
# bench/postgres.sh and bench/redis.sh, installed from Debian's packages when missing).
#
# engines: Portal on PostgreSQL against Portal on SQLite: Rank throughput (wrk on loopback, same workload as
#   bench/rank-load.sh) and durability (the server SIGKILLed at the end of each run: every 201 must be a stored row).
# cluster: two Portal nodes on one PostgreSQL database and one Redis: Rank throughput of one node, then of two nodes
#   (wrk against each, half the connections each); then --trials times: freeze an action through node A's oversight API
#   and poll node B's Rank until it no longer serves it (the time from sending the freeze to B's first obeying answer),
#   with light Rank traffic on both nodes; p50/p99/max. Passes with p99 <= 1 s. Then bench/trainer-failover.sh: the
#   trainer's node SIGKILLed under Rank+Reward load, the lease taken over (<= 10 s), 0 lost, followers load models <= 2 s.
#
# usage: bench/scale-out.sh [--only engines|cluster] [--connections 16] [--duration 20] [--warmup 10] [--rounds 3]
#                           [--trials 100] [--port 5393] [--pg-port 55433] [--redis-port 56393] [--no-build]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=16 DURATION=20 WARMUP=10 ROUNDS=3 PORT=5393 PG_PORT=55433 REDIS_PORT=56393 TRIALS=100 BUILD=1 ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --trials) TRIALS="$2"; shift 2 ;;
    --redis-port) REDIS_PORT="$2"; shift 2 ;;
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
[ "$BUILD" = 1 ] && build_release
OTHER_PIDS=()
WORK=""
cleanup() {
  stop_server KILL
  for pid in "${OTHER_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -n "$WORK" ] || return 0
  bash "$REPO/bench/redis.sh" stop "$WORK/redis" 2>/dev/null || true
  bash "$REPO/bench/postgres.sh" stop "$WORK/pg" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
postgres_work scale-out "$PG_PORT"
PG_CONNECTION=$(postgres_database portal_bench)
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

verdict=PASS

engines() {
  echo "Rank on SQLite vs PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'): $(nproc) cores shared by wrk (2 threads), Portal and (for PostgreSQL) its server;"
  echo "10 actions x 20 features, $CONNECTIONS connections, ${DURATION}s x $ROUNDS rounds after a ${WARMUP}s warm-up; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  declare -A MEDIAN
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
}

# percentile <p> of the numbers on stdin (nearest rank).
percentile() { sort -g | awk -v p="$1" '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } i = int(p * NR + 0.999999); if (i < 1) i = 1; print v[i] }'; }

# rank_at <url> <connections> <seconds> <tag>: one bounded wrk run against one node.
rank_at() {
  RUN_TAG="$4" timeout $(($3 + 30)) wrk -t1 -c"$2" -d"$3"s --timeout 10s -s "$REPO/bench/rank.lua" "$1/" | grep '^RESULT'
}

# probe_rank <url>: one Rank of the demo loop with actions a0 and a1; prints a1's probability.
PROBE_BODY='{"contextFeatures":[{"user":{"tier":"gold","country":"DE"}}],"actions":[{"id":"a0","features":[{"item":{"id":"item0"}}]},{"id":"a1","features":[{"item":{"id":"item1"}}]}]}'
probe_rank() {
  curl -s -m 5 -X POST "$1/personalizer/v1.0/rank" -H "Ocp-Apim-Subscription-Key: $BENCH_KEY" -H 'Content-Type: application/json' \
    -d "$PROBE_BODY" | grep -o '"id":"a1","probability":[0-9.eE+-]*' | sed 's/.*://'
}

# oversight <url> <freeze|unfreeze>: a1 frozen or unfrozen through the node's oversight API; fails unless 200.
oversight() {
  [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' -X POST "$1/api/v1/loops/demo/actions/a1/$2" -H "Authorization: Bearer $CLUSTER_TOKEN" \
    -H 'Content-Type: application/json' -d '{"reason":"scale-out benchmark"}')" = 200 ]
}

# wait_probe <url> <zero|positive> <seconds>: polls the node's Rank until a1's probability is 0 (or > 0); prints the ms it took.
wait_probe() {
  local start=$(date +%s%N) deadline=$((SECONDS + $3)) p
  while [ $SECONDS -lt "$deadline" ]; do
    p=$(probe_rank "$1")
    if [ -n "$p" ]; then
      if [ "$2" = zero ] && awk -v p="$p" 'BEGIN { exit !(p == 0) }'; then echo $(( ($(date +%s%N) - start) / 1000000 )); return 0; fi
      if [ "$2" = positive ] && awk -v p="$p" 'BEGIN { exit !(p > 0) }'; then echo $(( ($(date +%s%N) - start) / 1000000 )); return 0; fi
    fi
  done
  return 1
}

cluster() {
  local redis db connection a b rates1="" rates2="" line la lb half=$((CONNECTIONS / 2)) latencies="" acks="" missed=0
  redis=$(bash "$REPO/bench/redis.sh" start "$WORK/redis" "$REDIS_PORT")
  connection=$(postgres_database portal_cluster)
  CLUSTER_TOKEN="bench-admin-api-token-0123456789abcdef"
  export Portal__Database__Provider=Postgres Portal__Database__ConnectionString="$connection" Portal__Redis__Configuration="$redis" \
    Portal__Admin__ApiToken="$CLUSTER_TOKEN"
  a="http://127.0.0.1:$PORT" b="http://127.0.0.1:$((PORT + 1))"
  echo
  echo "Two Portal nodes on one PostgreSQL database and one Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) (loopback), $(nproc) cores shared by"
  echo "both nodes, PostgreSQL, Redis and wrk; Rank 10 actions x 20 features, $CONNECTIONS connections in all; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

  start_server "$PORT" "$WORK/node-a"; local a_pid=$SERVER_PID
  rank_at "$a" "$CONNECTIONS" "$WARMUP" "cl$$-w1" >/dev/null
  for r in $(seq "$ROUNDS"); do
    wait_idle 60 || log "node A still busy after 60 s"
    line=$(rank_at "$a" "$CONNECTIONS" "$DURATION" "cl$$-one-$r")
    printf '1 node  round %s: %s decisions/s, p50 %s ms, p99 %s ms (non-201: %s) load %s\n' "$r" "$(field rate "$line")" \
      "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$(field other "$line")" "$(cut -d' ' -f1 /proc/loadavg)"
    rates1+="$(field rate "$line")"$'\n'
  done

  start_server "$((PORT + 1))" "$WORK/node-b"; local b_pid=$SERVER_PID
  OTHER_PIDS+=("$a_pid")
  rank_at "$b" "$half" "$WARMUP" "cl$$-w2" >/dev/null
  for r in $(seq "$ROUNDS"); do
    SERVER_PID=$a_pid; wait_idle 60 || log "node A still busy after 60 s"
    SERVER_PID=$b_pid; wait_idle 60 || log "node B still busy after 60 s"
    rank_at "$a" "$half" "$DURATION" "cl$$-two-a$r" >"$WORK/two-a" & local wa=$!
    rank_at "$b" "$((CONNECTIONS - half))" "$DURATION" "cl$$-two-b$r" >"$WORK/two-b" & local wb=$!
    wait "$wa" "$wb"
    la=$(cat "$WORK/two-a") lb=$(cat "$WORK/two-b")
    printf '2 nodes round %s: %s decisions/s (A %s + B %s), p99 A %s ms, B %s ms (non-201: %s) load %s\n' "$r" \
      "$(awk -v x="$(field rate "$la")" -v y="$(field rate "$lb")" 'BEGIN { printf "%.0f", x + y }')" "$(field rate "$la")" "$(field rate "$lb")" \
      "$(field p99_ms "$la")" "$(field p99_ms "$lb")" "$(( $(field other "$la") + $(field other "$lb") ))" "$(cut -d' ' -f1 /proc/loadavg)"
    rates2+="$(awk -v x="$(field rate "$la")" -v y="$(field rate "$lb")" 'BEGIN { print x + y }')"$'\n'
  done
  local one two
  one=$(printf '%s' "$rates1" | median) two=$(printf '%s' "$rates2" | median)
  printf 'Rank throughput MEDIAN: 1 node %s/s, 2 nodes %s/s, ratio %s (target >= 1.5 when the database is not the limit); load average %s\n' \
    "$one" "$two" "$(awk -v x="$two" -v y="$one" 'BEGIN { printf "%.2f", x / y }')" "$(cut -d' ' -f1-3 /proc/loadavg)"

  # Freeze on A -> B obeys, with light Rank traffic (2 connections per node) the whole time.
  RUN_TAG="cl$$-bg-a" wrk -t1 -c2 -d3600s --timeout 10s -s "$REPO/bench/rank.lua" "$a/" >/dev/null 2>&1 & local bg_a=$!
  RUN_TAG="cl$$-bg-b" wrk -t1 -c2 -d3600s --timeout 10s -s "$REPO/bench/rank.lua" "$b/" >/dev/null 2>&1 & local bg_b=$!
  OTHER_PIDS+=("$bg_a" "$bg_b")
  wait_probe "$b" positive 30 >/dev/null || { log "node B does not serve a1"; verdict=FAIL; return; }
  local t ms
  for t in $(seq "$TRIALS"); do
    local begin=$(date +%s%N)
    oversight "$a" freeze || { log "trial $t: the freeze on node A was refused"; verdict=FAIL; break; }
    acks+="$(( ($(date +%s%N) - begin) / 1000000 ))"$'\n'
    if ms=$(wait_probe "$b" zero 10); then
      latencies+="$(( ($(date +%s%N) - begin) / 1000000 ))"$'\n'
    else
      missed=$((missed + 1))
    fi
    oversight "$a" unfreeze || { log "trial $t: the unfreeze on node A was refused"; verdict=FAIL; break; }
    wait_probe "$b" positive 10 >/dev/null || missed=$((missed + 1))
  done
  kill "$bg_a" "$bg_b" 2>/dev/null || true; wait "$bg_a" "$bg_b" 2>/dev/null || true
  local p50 p99 max n
  n=$(printf '%s' "$latencies" | grep -c . || true)
  p50=$(printf '%s' "$latencies" | percentile 0.5) p99=$(printf '%s' "$latencies" | percentile 0.99) max=$(printf '%s' "$latencies" | percentile 1)
  printf 'Freeze on node A -> node B Rank obeys: p50 %s ms, p99 %s ms, max %s ms over %s trials (not obeyed within 10 s: %s); load average %s\n' \
    "$p50" "$p99" "$max" "$n" "$missed" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '  of which the freeze call on node A until acknowledged (committed, applied on A, announced): p50 %s ms, p99 %s ms\n' \
    "$(printf '%s' "$acks" | percentile 0.5)" "$(printf '%s' "$acks" | percentile 0.99)"
  { [ "$missed" = 0 ] && [ "$n" = "$TRIALS" ] && [ "$p99" -le 1000 ]; } || verdict=FAIL
  kill -KILL "$a_pid" "$b_pid" 2>/dev/null || true; wait "$a_pid" "$b_pid" 2>/dev/null || true; SERVER_PID=""
  unset Portal__Redis__Configuration Portal__Admin__ApiToken
}

[ "$ONLY" != cluster ] && engines
[ "$ONLY" != engines ] && cluster

# ---- trainer failover: two nodes, the trainer's node SIGKILLed, the lease taken over (its own database and ports) ----
if [ "$ONLY" != engines ]; then
  echo
  bash "$REPO/bench/trainer-failover.sh" --no-build || verdict=FAIL
fi

[ "$verdict" = PASS ]
