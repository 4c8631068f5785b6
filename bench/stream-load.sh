#!/usr/bin/env bash
# Rank at 1,000 decisions/s for 60 s, first with no page open, then with 5 live-stream pages open in Debian's chromium:
# builds Release, installs chromium if missing, then runs the `stream-load` verb of Portal.Benchmarks. Passes when the
# throughput with pages is ≥ 90% of the one without and the server's memory stays flat.
# usage: bench/stream-load.sh [--rate 1000] [--seconds 60] [--pages 5]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_apt chromium chromium
log "building Portal and Portal.Benchmarks (Release)…"
dotnet build -c Release "$REPO/Portal.Benchmarks/Portal.Benchmarks.csproj" -nologo -v q -clp:ErrorsOnly\;NoSummary >&2
exec dotnet run -c Release --no-build --project "$REPO/Portal.Benchmarks" -- stream-load "$@"
