#!/usr/bin/env bash
# SFTP benchmark: starts the test sshd, runs the gateway against OpenSSH sftp -b on 1,000 files, stops it.
#
#   bash bench/sftp-bench.sh [FILES] [--pinned]
#
# --pinned runs both clients (sftp -b and the gateway) on CPU 0 with taskset, leaving the other CPUs to sshd:
# client and server then stop competing for the same core, as when the server is a partner's machine.
set -euo pipefail
cd "$(dirname "$0")/.."
files=1000
pin=()
for arg in "$@"; do
  case "$arg" in
    --pinned) pin=(taskset -c 0) ;;
    *) files=$arg ;;
  esac
done
dir=$(mktemp -d)
trap 'scripts/test-servers.sh stop "$dir"; rm -rf "$dir"' EXIT
scripts/test-servers.sh start "$dir"
dotnet build -c Release bench/Integra.Gateway.Bench -v q -nologo > /dev/null
"${pin[@]}" dotnet bench/Integra.Gateway.Bench/bin/Release/net10.0/Integra.Gateway.Bench.dll sftp "$dir/servers.env" "$files"
