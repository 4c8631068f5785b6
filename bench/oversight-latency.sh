#!/usr/bin/env bash
# Freeze, kill switch and go-live withdrawal → first Rank that obeys, over 100 trials each, while Rank runs at full speed: builds Release,
# then runs the `oversight-latency` verb of Portal.Benchmarks. Passes with p99 ≤ 1 s and no Rank sent after a change
# was acknowledged that still disobeyed it.
# usage: bench/oversight-latency.sh [--trials 100] [--clients 4] [--only freeze|kill|golive]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
log "building Portal and Portal.Benchmarks (Release)…"
dotnet build -c Release "$REPO/Portal.Benchmarks/Portal.Benchmarks.csproj" -nologo -v q -clp:ErrorsOnly\;NoSummary >&2
exec dotnet run -c Release --no-build --project "$REPO/Portal.Benchmarks" -- oversight-latency "$@"
