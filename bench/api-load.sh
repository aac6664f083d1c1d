#!/usr/bin/env bash
# Partner API under load (issue 28): CLIENTS partner systems, each with its own API key, each in a loop for SECONDS
# (an LSR as JSON with a new PON porting an account of its own, the answers after its cursor, the orders with that
# PON, that order) against the portal's Kestrel as `run` starts it, first over a new SQLite store, then over a new
# database on a PostgreSQL started for the run (`--sqlite` or `--postgres` first runs only that one). Prints count,
# req/s, p50/p90/p99/max per call and errors. The load client runs in the same process, on the same cores. Run it
# under the test lock on a shared machine:
#   flock /work/test.lock bash bench/api-load.sh [--sqlite|--postgres] [CLIENTS [SECONDS]]
set -euo pipefail
exec bash "$(dirname "$0")/on-both-databases.sh" api-load "$@"
