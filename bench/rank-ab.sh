#!/usr/bin/env bash
# Two builds of Portal compared on bench/rank-load.sh, run after run in alternation (A B A B …): on a shared machine
# the same build's ratio moves by ±15% between runs minutes apart, so only pairs taken side by side say which is faster.
#
# usage: bench/rank-ab.sh <folder of build A's Portal.dll> [--pairs 3] [--duration 10] [--no-build]
# Build B is this checkout's Release build (built first unless --no-build). Keep a build to compare against with e.g.
#   dotnet build -c Release Portal/Portal.csproj && cp -r Portal/bin/Release/net10.0 /tmp/portal-before
# Each run is rank-load's 3 rounds of --duration seconds; one line per run: its medians and the log writer's commits.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

[ $# -ge 1 ] || { log "usage: bench/rank-ab.sh <folder of build A's Portal.dll> [--pairs 3] [--duration 10] [--no-build]"; exit 2; }
BUILD_A="$(cd "$1" && pwd)"; shift
[ -f "$BUILD_A/Portal.dll" ] || { log "no Portal.dll in $BUILD_A"; exit 2; }
PAIRS=3 DURATION=10 BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) PAIRS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done
[ "$BUILD" = 1 ] && build_release

# run <label> <Portal.dll>: one rank-load run; prints its medians on one line.
run() {
  local out
  out=$(PORTAL_DLL="$2" "$REPO/bench/rank-load.sh" --connections 16 --duration "$DURATION" --warmup 15 --rounds 3 --no-build 2>&1) || true
  printf '%s  %s | %s | %s\n' "$1" \
    "$(printf '%s' "$out" | grep MEDIAN | grep -o '[0-9.]* decisions/s\|ratio [0-9.]*\|p99 [0-9.]* ms\|CPU [0-9]* µs' | tr '\n' ' ')" \
    "$(printf '%s' "$out" | grep -o '[0-9.]* decisions/commit, [0-9.]* ms/commit' | sed -n 2p)" \
    "$(printf '%s' "$out" | grep -o 'PASS\|FAIL' | head -1)"
}

echo "A: $BUILD_A/Portal.dll"
echo "B: $PORTAL_DLL"
for ((i = 1; i <= PAIRS; i++)); do
  run "pair $i A" "$BUILD_A/Portal.dll"
  run "pair $i B" "$PORTAL_DLL"
done
