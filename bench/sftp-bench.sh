#!/usr/bin/env bash
# SFTP benchmark: starts the test sshd, runs the gateway against OpenSSH sftp -b on 1,000 files, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'scripts/test-servers.sh stop "$dir"; rm -rf "$dir"' EXIT
scripts/test-servers.sh start "$dir"
dotnet run -c Release --project bench/Integra.Gateway.Bench -- sftp "$dir/servers.env" "${1:-1000}"
