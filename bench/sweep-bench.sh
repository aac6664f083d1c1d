#!/usr/bin/env bash
# Sweep benchmark: 1,000,000 generated orders (about 1 % due) swept on SQLite and on a PostgreSQL 15 started
# by the test-server script for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'scripts/test-servers.sh pg-stop "$dir"; rm -rf "$dir"' EXIT
scripts/test-servers.sh pg-start "$dir"
pg=$(sed -n 's/^PG_CONNECTION=//p' "$dir/postgres.env")
dotnet run -c Release --project bench/Integra.Gateway.Bench -- sweep "${1:-1000000}" "$pg"
