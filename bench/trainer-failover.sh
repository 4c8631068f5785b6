#!/usr/bin/env bash
# Trainer failover on PostgreSQL: two Portal nodes on one database (a private cluster on a loopback port, bench/postgres.sh),
# Rank+Reward load on both (wrk, bench/rank-reward.lua), then the node holding the trainer lease is SIGKILLed. Prints:
#   - time from the SIGKILL to the lease taken over by the surviving node (target <= 10 s) and to its first model save;
#   - acknowledged vs stored decisions and rewards of both nodes (target: 0 lost);
#   - the killed node restarted as a follower: per model saved by the new trainer, the time from the save until that
#     node's Rank answers with the saved model's version (target <= 2 s), and the same on the follower before the kill.
# Installs postgresql and wrk (Debian) when missing. The nodes run with the shipped lease settings (6 s, renewed every 2 s),
# models saved every second (Portal:Training:SaveInterval=00:00:01, as recommended for several nodes) and polled every 0.5 s.
#
# usage: bench/trainer-failover.sh [--before 15] [--after 20] [--connections 4] [--saves 5] [--port 5401] [--pg-port 55435] [--no-build]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BEFORE=15 AFTER=20 CONNECTIONS=4 SAVES=5 PORT=5401 PG_PORT=55435 BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --before) BEFORE="$2"; shift 2 ;;
    --after) AFTER="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --saves) SAVES="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --pg-port) PG_PORT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

ensure_apt wrk wrk
ensure_apt curl curl
[ "$BUILD" = 1 ] && build_release
declare -A PID URL WRK
WORK=""
cleanup() {
  for node in a b; do if [ -n "${PID[$node]:-}" ]; then kill -KILL "${PID[$node]}" 2>/dev/null || true; fi; done
  [ -n "$WORK" ] || return 0
  bash "$REPO/bench/postgres.sh" stop "$WORK/pg" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
postgres_work failover "$PG_PORT"
CONNECTION=$(postgres_database portal_failover)
sql() { "$PG_BIN/psql" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=portal_failover" -tAF' ' -c "$1"; }
now_ms() { date +%s%3N; }
export Portal__Database__Provider=Postgres Portal__Database__ConnectionString="$CONNECTION"
export Portal__Training__SaveInterval=00:00:01 Portal__DemoLoop__RewardWaitTime=00:00:01 PORTAL_KEY="$BENCH_KEY"
URL[a]="http://127.0.0.1:$PORT" URL[b]="http://127.0.0.1:$((PORT + 1))"

# start_node <a|b>: node-<name> on its port, its own data folder (logs only: everything else is in the database).
start_node() {
  export Portal__Cluster__NodeId="node-$1"
  start_server "${URL[$1]##*:}" "$WORK/$1"
  PID[$1]=$SERVER_PID
}

# wait_for <seconds> <command…>: polls every 50 ms until the command succeeds; fails after the time.
wait_for() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do [ $SECONDS -lt "$deadline" ] || return 1; sleep 0.05; done
}
lease_holder_is() { [ "$(sql "SELECT holder FROM leaderleases WHERE name = 'trainer'")" = "$1" ]; }
model_saved_by() { [ "$(sql "SELECT savedby FROM storedmodels WHERE loopid = 'demo'")" = "$1" ]; }

# rank_version <node>: the modelVersion of one Rank answered by the node (empty when it does not answer).
rank_version() {
  curl -s -m 2 -X POST "${URL[$1]}/personalizer/v1.0/rank" -H "Ocp-Apim-Subscription-Key: $BENCH_KEY" -H 'Content-Type: application/json' \
    -d '{"actions":[{"id":"a","features":[{"k":"x"}]},{"id":"b","features":[{"k":"y"}]}]}' | sed -n 's/.*"modelVersion":"\([0-9]*\)".*/\1/p'
}

# follow <node> <saves>: for each of the next saves of the demo model, ms from the save until the node serves its version.
follow() {
  local node=$1 count=$2 last version model saved seen
  last=$(sql "SELECT version FROM storedmodels WHERE loopid = 'demo'")
  for _ in $(seq "$count"); do
    local deadline=$((SECONDS + 30))
    while :; do
      read -r version model saved < <(sql "SELECT version, modelversion, savedat FROM storedmodels WHERE loopid = 'demo'")
      [ "$version" != "$last" ] && break
      [ $SECONDS -ge "$deadline" ] && { echo "no save in 30 s"; return; }
      sleep 0.05
    done
    last=$version
    while :; do
      seen=$(rank_version "$node")
      [ -n "$seen" ] && [ "$seen" -ge "$model" ] && break
      [ $SECONDS -ge "$deadline" ] && { echo "not served in 30 s"; return; }
      sleep 0.05
    done
    echo $(($(now_ms) - saved))
  done
}

echo "Trainer failover: 2 Portal nodes + PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') + wrk on $(nproc) shared cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
start_node a
start_node b
for _ in $(seq 100); do holder=$(sql "SELECT holder FROM leaderleases WHERE name = 'trainer'"); [ -n "$holder" ] && break; sleep 0.1; done
killed=${holder#node-}; survivor=$([ "$killed" = a ] && echo b || echo a)
echo "trainer lease held by node-$killed; Rank+Reward on both nodes, $CONNECTIONS connections each, ${BEFORE}s before the SIGKILL and ${AFTER}s after"
tag="fo$$" load_started=$SECONDS
for node in a b; do
  RUN_TAG="$tag-$node" timeout $((BEFORE + AFTER + 30)) wrk -t1 -c"$CONNECTIONS" -d$((BEFORE + AFTER))s --timeout 5s -s "$REPO/bench/rank-reward.lua" "${URL[$node]}/" \
    >"$WORK/wrk-$node.txt" 2>&1 &
  WRK[$node]=$!
done
before_ms=$(follow "$survivor" "$SAVES" | tr '\n' ' ')
while [ $SECONDS -lt $((load_started + BEFORE)) ]; do sleep 0.2; done

kill -KILL "${PID[$killed]}"; killed_at=$(now_ms); wait "${PID[$killed]}" 2>/dev/null || true; PID[$killed]=""
wait_for 60 lease_holder_is "node-$survivor" || { log "no takeover within 60 s"; exit 1; }
takeover_ms=$(($(now_ms) - killed_at))
wait_for 60 model_saved_by "node-$survivor" || { log "the new trainer saved no model within 60 s"; exit 1; }
first_save_ms=$(($(now_ms) - killed_at))
start_node "$killed"
after_ms=$(follow "$killed" "$SAVES" | tr '\n' ' ')
for node in a b; do wait "${WRK[$node]}" || true; done
load=$(cut -d' ' -f1-3 /proc/loadavg)
for node in a b; do if [ -n "${PID[$node]:-}" ]; then kill -KILL "${PID[$node]}" 2>/dev/null || true; wait "${PID[$node]}" 2>/dev/null || true; fi; PID[$node]=""; done

line_a=$(grep '^RESULT' "$WORK/wrk-a.txt" || echo "RESULT ranked=0 rewarded=0 other=0")
line_b=$(grep '^RESULT' "$WORK/wrk-b.txt" || echo "RESULT ranked=0 rewarded=0 other=0")
acknowledged=$(( $(field ranked "$line_a") + $(field ranked "$line_b") ))
rewards=$(( $(field rewarded "$line_a") + $(field rewarded "$line_b") ))
read -r stored stored_rewards < <(sql "SELECT COUNT(*), COUNT(reward) FROM decisions WHERE eventid LIKE '$tag-%'")
max() { tr ' ' '\n' | grep -E '^[0-9]+$' | sort -n | tail -1; }
lost=$((acknowledged > stored ? acknowledged - stored : 0)); lost_rewards=$((rewards > stored_rewards ? rewards - stored_rewards : 0))
echo "takeover after SIGKILL: ${takeover_ms} ms (target <= 10000); first model saved by the new trainer: ${first_save_ms} ms after the SIGKILL"
echo "decisions: acknowledged $acknowledged, stored $stored, lost $lost; rewards: acknowledged $rewards, stored $stored_rewards, lost $lost_rewards"
echo "  node a: $line_a"
echo "  node b: $line_b"
echo "model saved -> served by the follower (ms, $SAVES saves): before the kill (node-$survivor following node-$killed): $before_ms"
echo "model saved -> served by the follower (ms, $SAVES saves): restarted node-$killed following the new trainer node-$survivor: $after_ms"
worst=$(echo "$before_ms $after_ms" | max)
echo "load average at end: $load"
verdict=PASS
[ "$takeover_ms" -le 10000 ] || verdict=FAIL
[ "$lost" = 0 ] && [ "$lost_rewards" = 0 ] || verdict=FAIL
[ -n "$worst" ] && [ "$worst" -le 2000 ] || verdict=FAIL
echo "VERDICT $verdict (takeover <= 10 s, 0 acknowledged decisions or rewards lost, every follower load <= 2 s)"
[ "$verdict" = PASS ]
