#!/usr/bin/env bash
# Runs one of the bench's load modes first over SQLite, then over a PostgreSQL started for the run by the test-server
# script; `--sqlite` or `--postgres` before the mode's arguments runs only that one. For portal-load.sh and api-load.sh:
#   bash bench/on-both-databases.sh MODE [--sqlite|--postgres] [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=$1; shift
only=""
case "${1:-}" in --sqlite|--postgres) only=$1; shift ;; esac
dotnet build -c Release bench/Integra.Gateway.Bench -v q -nologo >/dev/null
bench=bench/Integra.Gateway.Bench/bin/Release/net10.0/Integra.Gateway.Bench.dll
if [ "$only" != "--postgres" ]; then
  dotnet "$bench" "$mode" "${1:-50}" "${2:-30}"
fi
if [ "$only" != "--sqlite" ]; then
  dir=$(mktemp -d)
  trap 'scripts/test-servers.sh pg-stop "$dir"; rm -rf "$dir"' EXIT
  scripts/test-servers.sh pg-start "$dir"
  pg=$(sed -n 's/^PG_CONNECTION=//p' "$dir/postgres.env")
  dotnet "$bench" "$mode" "${1:-50}" "${2:-30}" "$pg"
fi
