#!/usr/bin/env bash
# Start-up time: `dotnet run --project Portal --no-build` on a built tree, from launch to the first 200 of
# GET /Account/Login. Fresh data folder per run (first start: migrations, admin and demo loop created), launch profile
# and simulator as by default; only the address is pinned to loopback. 3 runs by default; prints each and the median.
#
# usage: bench/startup.sh [--runs 3] [--port 5394] [--no-build]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=3 PORT=5394 BUILD=1 LIMIT=60
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

if [ "$BUILD" = 1 ]; then
  log "building (Debug, as dotnet run uses; not timed)…"
  dotnet build "$REPO/Portal/Portal.csproj" -nologo -v q -clp:ErrorsOnly\;NoSummary >&2
fi

GROUP=""
# The app runs as a child of `dotnet run`: it is started in its own process group (setsid) and the group is killed.
stop_group() { [ -n "$GROUP" ] && { kill -KILL -- "-$GROUP" 2>/dev/null || true; wait "$GROUP" 2>/dev/null || true; GROUP=""; }; }
trap stop_group EXIT

times=""
for r in $(seq "$RUNS"); do
  DATA="$(mktemp -d /tmp/portal-startup.XXXXXX)"
  start=$(date +%s%N)
  ( cd "$REPO" && Portal__DataDirectory="$DATA" exec setsid dotnet run --project Portal --no-build -- --urls "http://127.0.0.1:$PORT" ) >"$DATA/run.log" 2>&1 &
  GROUP=$!
  status=000
  while [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt "$LIMIT" ]; do
    status=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$PORT/Account/Login" || true)
    [ "$status" = 200 ] && break
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  stop_group
  if [ "$status" != 200 ]; then echo "run $r: no 200 from /Account/Login within ${LIMIT}s (last status $status); see $DATA/run.log"; exit 1; fi
  printf 'run %s: first 200 from /Account/Login after %s ms\n' "$r" "$ms"
  times+="$ms"$'\n'
  rm -rf "$DATA"
done
median_ms=$(printf '%s' "$times" | median)
echo "startup median of $RUNS: $median_ms ms (target: within 10000 ms)"
[ "${median_ms%.*}" -le 10000 ]
