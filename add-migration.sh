#!/usr/bin/env bash
# Adds an EF Core migration for both database providers, so that they stay in step (Portal.Tests/Data/MigrationTests
# fails when either lags the model):
#   ./add-migration.sh <Name>                 SQLite (Portal/Data/Migrations) and PostgreSQL (Portal/Data/Postgres/Migrations)
#   ./add-migration.sh --regenerate-postgres  deletes PostgreSQL's migrations and makes one "Initial" from the current model
#                                              (only while no PostgreSQL deployment exists: e.g. after merging branches
#                                              that each added SQLite migrations)
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null

postgres() { dotnet ef migrations add "$1" --project Portal --context PostgresPortalDbContext --output-dir Data/Postgres/Migrations; }

case "${1:-}" in
  ""|-h|--help) sed -n '2,8p' "$0"; exit 2 ;;
  --regenerate-postgres)
    rm -rf Portal/Data/Postgres/Migrations
    postgres Initial ;;
  *)
    dotnet ef migrations add "$1" --project Portal --context PortalDbContext --output-dir Data/Migrations
    postgres "$1" ;;
esac
