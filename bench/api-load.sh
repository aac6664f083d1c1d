#!/usr/bin/env bash
# Partner API under load (issue 28): CLIENTS partner systems, each with its own API key, each in a loop for SECONDS
# (an LSR as JSON with a new PON, the answers after its cursor, the orders with that PON, that order) against the
# portal's Kestrel as `run` starts it, over a new SQLite store. Prints count, req/s, p50/p90/p99/max per call and
# errors. The load client runs in the same process, on the same cores. Run it under the test lock on a shared machine:
#   flock /work/test.lock bash bench/api-load.sh [CLIENTS [SECONDS]]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Integra.Gateway.Bench -v q -nologo >/dev/null
dotnet bench/Integra.Gateway.Bench/bin/Release/net10.0/Integra.Gateway.Bench.dll api-load "${1:-50}" "${2:-30}"
