#!/usr/bin/env bash
# Throughput benchmark (issue 18): (a) parse, (b) durable-write floor, (c) process, (d) daemon path on a generated
# 50,000-row LSR file, on SQLite and then on a PostgreSQL 15 started by the test-server script for the run.
# Usage: bash bench/throughput-bench.sh [ROWS [ROUNDS]]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'scripts/test-servers.sh pg-stop "$dir"; rm -rf "$dir"' EXIT
dotnet build -c Release bench/Integra.Gateway.Bench >/dev/null
bench=bench/Integra.Gateway.Bench/bin/Release/net10.0/Integra.Gateway.Bench.dll
dotnet "$bench" throughput "${1:-50000}" "${2:-5}"
scripts/test-servers.sh pg-start "$dir"
pg=$(sed -n 's/^PG_CONNECTION=//p' "$dir/postgres.env")
dotnet "$bench" throughput "${1:-50000}" "${2:-5}" "$pg"
