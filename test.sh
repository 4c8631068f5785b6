#!/usr/bin/env bash
# Runs every test of Portal. Installs Debian's chromium for the browser tests, axe-core (npm ci) for the
# accessibility tests, Debian's postgresql for the PostgreSQL tests and redis-server for the two-node tests when they are
# missing (the tests start a private cluster and server of their own on loopback ports; when either cannot be installed
# its tests are left out, saying so), runs `dotnet test` with a hang timeout, and ends with "N passed, N failed" on a line of its own.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (once)..."
  sudo=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  if ! ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium) >/tmp/portal-chromium.log 2>&1; then
    echo "warning: chromium could not be installed (see /tmp/portal-chromium.log); browser tests will fail"
  fi
fi

# axe-core for the accessibility browser tests, from npm at the version the lock file pins (no network at test time).
axe_dir="Portal.Tests/tools/axe"
if [ ! -f "$axe_dir/node_modules/axe-core/axe.min.js" ]; then
  echo "Installing axe-core for the accessibility tests (npm ci in $axe_dir)..."
  if ! (cd "$axe_dir" && npm ci --no-audit --no-fund) >/tmp/portal-axe.log 2>&1; then
    echo "warning: axe-core could not be installed (see /tmp/portal-axe.log); the accessibility tests will fail"
  fi
fi

# PostgreSQL's binaries for the tests in Category=Postgres (bench/postgres.sh installs them when missing), and Redis's for
# the two-node tests in Category=Redis (bench/redis.sh; they need PostgreSQL too).
left_out=()
if ! bash bench/postgres.sh bindir >/dev/null; then
  echo "warning: PostgreSQL could not be installed (see /tmp/portal-postgresql.log); the PostgreSQL tests are left out"
  left_out+=("Category!=Postgres")
fi
if ! bash bench/redis.sh bin >/dev/null; then
  echo "warning: Redis could not be installed (see /tmp/portal-redis.log); the Redis (two-node) tests are left out"
  left_out+=("Category!=Redis")
fi
filter=()
if [ ${#left_out[@]} -gt 0 ] && [[ " $* " != *" --filter "* ]]; then
  filter=(--filter "$(IFS='&'; echo "${left_out[*]}")")
fi

results="$(mktemp -d)"
dotnet test Portal.sln --nologo "${filter[@]}" \
  --blame-hang-timeout 5m \
  --logger "trx;LogFileName=portal.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" "$@"
status=$?
# The tests' PostgreSQL clusters and Redis servers stop by themselves once the test host is gone (BenchScripts.StartPrivateServer).

trx="$results/portal.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  passed=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  failed=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  errors=$(echo "$counters" | sed -n 's/.* error="\([0-9]*\)".*/\1/p')
  timeouts=$(echo "$counters" | sed -n 's/.* timeout="\([0-9]*\)".*/\1/p')
  failed=$(( ${failed:-0} + ${errors:-0} + ${timeouts:-0} ))
  [ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
  echo "${passed:-0} passed, ${failed} failed"
else
  echo "0 passed, 1 failed"
  [ "$status" -eq 0 ] && status=1
fi
exit $status
