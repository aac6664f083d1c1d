#!/usr/bin/env bash
# Portal under load (issues 17 and 25): USERS signed-in partner users, each in a loop for SECONDS (LSR form, its
# submit with a new PON, the inbox, the answer page, the orders with that PON, the order's page) against the portal
# as `run` starts it, first over a new SQLite store, then over a new database on a PostgreSQL started for the run by
# the test-server script (`--sqlite` or `--postgres` as the first argument runs only that one).
# Prints count, req/s, p50/p90/p99/max per request, errors and the peak working set. The load client runs in the
# same process, on the same cores. Run it under the test lock on a shared machine:
#   flock /work/test.lock bash bench/portal-load.sh [--sqlite|--postgres] [USERS [SECONDS]]
set -euo pipefail
exec bash "$(dirname "$0")/on-both-databases.sh" portal-load "$@"
