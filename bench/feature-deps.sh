#!/usr/bin/env bash
# Prints which area of Portal uses which (read from the compiled assembly, see
# Portal.Tests/Architecture/FeatureDependencies.cs), then whether any features reach each other in a cycle.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(dotnet test Portal.Tests --nologo --filter "FullyQualifiedName~Portal.Tests.Architecture" \
  --logger "console;verbosity=detailed" 2>&1) || status=$?
echo "$out" | grep -E '^ +[A-Z][A-Za-z]+ -> ' | sed 's/^ *//'
echo
echo "$out" | grep -E 'Features that|Shared layers that' || echo "no cycle between features; Infrastructure, Data and Contracts use no feature"
exit "${status:-0}"
