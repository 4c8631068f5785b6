#!/usr/bin/env bash
# Durability under SIGKILL: builds Release, then runs the `durability` verb of Portal.Benchmarks (default 20 rounds of
# Rank at full speed → SIGKILL at a random moment → restart → acknowledged eventIds missing? integrity_check?).
# usage: bench/durability.sh [--rounds 20] [--clients 32] [--min-ms 500] [--max-ms 4000] [--seed 1] [--max-minutes 20]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
log "building Portal and Portal.Benchmarks (Release)…"
dotnet build -c Release "$REPO/Portal.Benchmarks/Portal.Benchmarks.csproj" -nologo -v q -clp:ErrorsOnly\;NoSummary >&2
exec dotnet run -c Release --no-build --project "$REPO/Portal.Benchmarks" -- durability "$@"
