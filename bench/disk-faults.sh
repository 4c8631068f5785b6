#!/usr/bin/env bash
# Storage faults on a real file system: Portal's data folder on a small tmpfs (root: mount -t tmpfs -o size=…).
#  1. disk full: a filler file leaves ~1 MB, Rank runs in rounds until the disk refuses; 201s and 503s are counted,
#     a feedback post is tried; the filler goes (space returns) and the time to the next 201 is measured;
#  2. SIGKILL, restart on the same folder: every acknowledged (201) eventId must be stored, no refused (503) one;
#  3. read-only: SIGKILL, `mount -o remount,ro` (the kernel refuses it while a process holds files open for writing,
#     so the process is stopped first), start Portal on the read-only folder, Rank/feedback/readiness; then
#     `remount,rw` and wait for a 201 without a restart.
# Loopback only. usage: sudo bench/disk-faults.sh [--size-mb 64] [--round 500] [--max-rounds 40] [--port 5391]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SIZE_MB=64 ROUND=500 MAX_ROUNDS=40 PORT=5391
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) SIZE_MB="$2"; shift 2 ;; --round) ROUND="$2"; shift 2 ;;
    --max-rounds) MAX_ROUNDS="$2"; shift 2 ;; --port) PORT="$2"; shift 2 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { log "needs root (mount)"; exit 2; }
URL="http://127.0.0.1:$PORT"
export HTTPS_PORT=$((PORT + 1)); FORMS="https://127.0.0.1:$HTTPS_PORT"   # the feedback form's cookies are Secure

ensure_apt sqlite3 sqlite3
build_release
WORK="$(mktemp -d /tmp/portal-disk-faults.XXXXXX)"
MNT="$WORK/mnt" DATA="$WORK/mnt/data"
export SERVER_LOG="$WORK/server.log"   # outside the small disk: the log must not fill it
mkdir -p "$MNT"
loopback_certificate "$WORK"
mount -t tmpfs -o size="${SIZE_MB}m",mode=0755 portal-disk-faults "$MNT"
cleanup() { stop_server KILL; mountpoint -q "$MNT" && umount "$MNT"; log "work folder (log, eventId lists): $WORK"; }
trap cleanup EXIT

# rank_round <count> <tag>: <count> Rank calls, 16 at a time (curl --parallel); prints "<status> <eventId>" per call.
rank_round() {
  local n="$1" tag="$2" cfg="$WORK/round.cfg" i
  for ((i = 0; i < n; i++)); do
    [ "$i" -gt 0 ] && echo next
    printf 'url = "%s/personalizer/v1.0/rank?e=%s-%d"\noutput = "/dev/null"\nheader = "Ocp-Apim-Subscription-Key: %s"\nheader = "Content-Type: application/json"\nwrite-out = "%%{http_code} %%{url}\\n"\ndata = "{\\"eventId\\":\\"%s-%d\\",\\"contextFeatures\\":[{\\"user\\":{\\"tier\\":\\"gold\\",\\"visits\\":%d}}],\\"actions\\":[{\\"id\\":\\"a1\\",\\"features\\":[{\\"item\\":{\\"c\\":\\"x\\"}}]},{\\"id\\":\\"a2\\",\\"features\\":[{\\"item\\":{\\"c\\":\\"y\\"}}]}]}"\n' \
      "$URL" "$tag" "$i" "$BENCH_KEY" "$tag" "$i" "$i"
  done >"$cfg"
  curl --no-progress-meter -Z --parallel-max 16 -m 60 -K "$cfg" | sed 's/ .*?e=/ /'
}
tally() { awk '{ n[$1]++ } END { for (c in n) printf "%s×%d ", c, n[c] }' "$1"; }
status() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$URL$1"; }
one_rank_body() {
  curl -s -m 10 -H "Ocp-Apim-Subscription-Key: $BENCH_KEY" -H 'Content-Type: application/json' \
    -d '{"contextFeatures":[{"user":{"tier":"gold"}}],"actions":[{"id":"a1","features":[{"item":{"c":"x"}}]}]}' "$URL/personalizer/v1.0/rank"
}
# feedback_post: the public form as a browser sends it (antiforgery cookie and token); prints "<status> <page title>".
feedback_post() {
  local jar="$WORK/cookies" page token
  page=$(curl -sk -m 10 -c "$jar" "$FORMS/feedback")
  token=$(printf '%s' "$page" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -1)
  curl -sk -m 10 -b "$jar" -o "$WORK/feedback.html" -w '%{http_code}' -F _handler=feedback -F Input.Category=Irrelevant \
    -F "Input.Message=disk fault check $RANDOM" -F Input.ContactEmail= -F Input.Website= -F "__RequestVerificationToken=$token" "$FORMS/feedback"
  printf ' "%s"\n' "$(sed -n 's:.*<h1[^>]*>\([^<]*\)</h1>.*:\1:p' "$WORK/feedback.html" | head -1)"
}
stored_of() { # stored_of <eventId list>: how many of these eventIds the database holds
  { echo "CREATE TEMP TABLE ids(id TEXT PRIMARY KEY);"
    awk '{ printf "INSERT OR IGNORE INTO temp.ids VALUES (\x27%s\x27);\n", $1 }' "$1"
    echo "SELECT count(*) FROM Decisions d JOIN temp.ids ON d.EventId = ids.id WHERE d.LoopId = 'demo';"
  } | sqlite3 "file:$DATA/portal.db?mode=ro"
}

echo "Portal storage faults: data folder on a ${SIZE_MB} MB tmpfs, Rank in rounds of $ROUND (16 at a time), loopback"
start_server "$PORT" "$DATA"
rank_round 200 warm > "$WORK/warm.txt"

# 1. Disk full.
avail=$(df --output=avail -B1 "$MNT" | tail -1)
fallocate -l $((avail - 1024 * 1024)) "$MNT/filler"
echo "disk full: filler leaves $(df --output=avail -h "$MNT" | tail -1 | tr -d ' ') free"
: > "$WORK/full.txt"
for ((r = 1; r <= MAX_ROUNDS; r++)); do
  rank_round "$ROUND" "full$r" > "$WORK/round.txt"
  cat "$WORK/round.txt" >> "$WORK/full.txt"
  refused=$(grep -c '^503 ' "$WORK/round.txt" || true)
  echo "  round $r: $(tally "$WORK/round.txt")"
  [ "$refused" -ge $((ROUND * 9 / 10)) ] && break
done
grep '^201 ' "$WORK/full.txt" | cut -d' ' -f2 > "$WORK/acknowledged.txt" || true
grep '^503 ' "$WORK/full.txt" | cut -d' ' -f2 > "$WORK/refused.txt" || true
others=$(grep -vc '^\(201\|503\) ' "$WORK/full.txt" || true)
echo "while full: $(wc -l < "$WORK/acknowledged.txt") acknowledged (201), $(wc -l < "$WORK/refused.txt") refused (503), $others other answers"
echo "  a refused Rank: $(one_rank_body)"
echo "  feedback post: $(feedback_post)"
echo "  /health/live $(status /health/live), /health/ready $(status /health/ready), server process $(kill -0 "$SERVER_PID" 2>/dev/null && echo up || echo DOWN)"

rm "$MNT/filler"
start=$(date +%s%N); recovered=""
while [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 30 ]; do
  line=$(rank_round 1 "recovery-$(date +%s%N)")
  if [ "${line%% *}" = 201 ]; then recovered=$(( ($(date +%s%N) - start) / 1000000 )); echo "${line#* }" >> "$WORK/acknowledged.txt"; break; fi
  echo "${line#* }" >> "$WORK/refused.txt"
done
[ -n "$recovered" ] || { log "no 201 within 30 s of freeing space"; exit 1; }
rank_round "$ROUND" after > "$WORK/after.txt"
grep '^201 ' "$WORK/after.txt" | cut -d' ' -f2 >> "$WORK/acknowledged.txt" || true
grep '^503 ' "$WORK/after.txt" | cut -d' ' -f2 >> "$WORK/refused.txt" || true
echo "space freed: first 201 after ${recovered} ms; next round: $(tally "$WORK/after.txt"); /health/ready $(status /health/ready); feedback post: $(feedback_post)"

# 2. Nothing acknowledged lost.
stop_server KILL
start_server "$PORT" "$DATA"
acknowledged=$(wc -l < "$WORK/acknowledged.txt"); stored=$(stored_of "$WORK/acknowledged.txt")
refused=$(wc -l < "$WORK/refused.txt"); refused_stored=$(stored_of "$WORK/refused.txt")
echo "after SIGKILL and restart: acknowledged $acknowledged, stored $stored; refused $refused, stored $refused_stored; recovery ${recovered} ms"
integrity=$(sqlite3 "file:$DATA/portal.db?mode=ro" "PRAGMA integrity_check;")
echo "integrity_check: $integrity"

# 3. Read-only.
stop_server KILL
mount -o remount,ro "$MNT"
echo "read-only: data folder remounted read-only, Portal started on it"
start_server "$PORT" "$DATA" || { log "Portal did not start on the read-only folder"; exit 1; }
rank_round 50 readonly > "$WORK/readonly.txt"
echo "  50 Rank: $(tally "$WORK/readonly.txt")"
echo "  reads: GET configurations/service $(curl -s -o /dev/null -m 10 -w '%{http_code}' -H "Ocp-Apim-Subscription-Key: $BENCH_KEY" "$URL/personalizer/v1.0/configurations/service"), GET /feedback $(curl -sk -o /dev/null -m 10 -w '%{http_code}' "$FORMS/feedback")"
echo "  a refused Rank: $(one_rank_body)"
echo "  feedback post: $(feedback_post)"
echo "  /health/live $(status /health/live), /health/ready $(status /health/ready), server process $(kill -0 "$SERVER_PID" 2>/dev/null && echo up || echo DOWN)"
grep '^201 ' "$WORK/readonly.txt" | cut -d' ' -f2 >> "$WORK/acknowledged.txt" || true
mount -o remount,rw "$MNT"
start=$(date +%s%N); recovered=""
while [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 20 ]; do
  line=$(rank_round 1 "rw-$(date +%s%N)")
  if [ "${line%% *}" = 201 ]; then recovered=$(( ($(date +%s%N) - start) / 1000000 )); echo "${line#* }" >> "$WORK/acknowledged.txt"; break; fi
  sleep 0.2
done
if [ -n "$recovered" ]; then
  echo "writable again: first 201 after ${recovered} ms without a restart"
else
  echo "writable again: FAIL, still 503 after 20 s without a restart; restarting"
  stop_server KILL
  start_server "$PORT" "$DATA"
  line=$(rank_round 1 "restarted-$(date +%s%N)"); echo "  after restart: Rank ${line%% *}"
  [ "${line%% *}" = 201 ] && echo "${line#* }" >> "$WORK/acknowledged.txt"
fi
acknowledged=$(wc -l < "$WORK/acknowledged.txt"); stored=$(stored_of "$WORK/acknowledged.txt")
echo "acknowledged $acknowledged, stored $stored"
[ "$acknowledged" = "$stored" ] && [ "$refused_stored" = 0 ] && [ -n "$recovered" ]
