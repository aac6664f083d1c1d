#!/usr/bin/env bash
# Partner API under load (issue 28): CLIENTS partner systems, each with its own API key, each in a loop for SECONDS
# (an LSR as JSON with a new PON porting an account of its own, the answers after its cursor, the orders with that
# PON, that order) against the portal's Kestrel as `run` starts it, first over a new SQLite store, then over a new
# database on a PostgreSQL started for the run (`--sqlite` or `--postgres` first runs only that one). Prints count,
# req/s, p50/p90/p99/max per call and errors. The load client runs in the same process, on the same cores. Run it
# under the test lock on a shared machine:
#   flock /work/test.lock bash bench/api-load.sh [--sqlite|--postgres] [CLIENTS [SECONDS]]
set -euo pipefail
cd "$(dirname "$0")/.."
only=""
case "${1:-}" in --sqlite|--postgres) only=$1; shift ;; esac
dotnet build -c Release bench/Integra.Gateway.Bench -v q -nologo >/dev/null
bench=bench/Integra.Gateway.Bench/bin/Release/net10.0/Integra.Gateway.Bench.dll
if [ "$only" != "--postgres" ]; then
  dotnet "$bench" api-load "${1:-50}" "${2:-30}"
fi
if [ "$only" != "--sqlite" ]; then
  dir=$(mktemp -d)
  trap 'scripts/test-servers.sh pg-stop "$dir"; rm -rf "$dir"' EXIT
  scripts/test-servers.sh pg-start "$dir"
  pg=$(sed -n 's/^PG_CONNECTION=//p' "$dir/postgres.env")
  dotnet "$bench" api-load "${1:-50}" "${2:-30}" "$pg"
fi
