#!/usr/bin/env bash
# 8 concurrent writers (4 Rank, 2 Reward, 2 settings edits through EF Core) for a bounded time: builds Release, then
# runs the `contention` verb of Portal.Benchmarks; passes with zero 5xx and zero "database is locked".
# usage: bench/contention.sh [--seconds 30] [--rank 4] [--reward 2] [--settings 2]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
log "building Portal and Portal.Benchmarks (Release)…"
dotnet build -c Release "$REPO/Portal.Benchmarks/Portal.Benchmarks.csproj" -nologo -v q -clp:ErrorsOnly\;NoSummary >&2
exec dotnet run -c Release --no-build --project "$REPO/Portal.Benchmarks" -- contention "$@"
