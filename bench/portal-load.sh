#!/usr/bin/env bash
# Portal under load (issue 17): USERS signed-in partner users, each in a loop for SECONDS (LSR form, its submit
# with a new PON, the inbox, the answer page) against the portal as `run` starts it, over a new SQLite store.
# Prints count, req/s, p50/p90/p99/max per request, errors and the peak working set. The load client runs in the
# same process, on the same cores. Run it under the test lock on a shared machine:
#   flock /work/.test.lock bash bench/portal-load.sh [USERS [SECONDS]]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Integra.Gateway.Bench -v q -nologo >/dev/null
dotnet bench/Integra.Gateway.Bench/bin/Release/net10.0/Integra.Gateway.Bench.dll portal-load "${1:-50}" "${2:-30}"
