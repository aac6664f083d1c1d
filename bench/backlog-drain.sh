#!/usr/bin/env bash
# Backlog drain through the running daemon (issue 18): FILES mixed request files (bench/…/BacklogFiles.cs: two-TN
# LSR files, every 20th a CSR_ROWS-row CSR file repeating one of five PONs, every 50th LSR file a resend) dropped
# into one local drop before `integra-gateway run` starts on a new SQLite store. Every INTERVAL seconds it prints
# the files answered (archive + error), the rate over the interval, the daemon's gateway_files_waiting and
# gateway_channel_last_good_poll_age gauges from /metrics (the drop's progress as operations sees it), and its
# resident and peak working set (VmRSS, VmHWM); at the end the drain time, files/min over the first and last minute,
# the oldest last good poll seen, and the peak working set. The gateway is the one built here, or GATEWAY_DLL (an earlier
# build, to compare). The daemon runs in the temp folder with the embedded defaults and only the settings below.
# Usage: bash bench/backlog-drain.sh [FILES [CSR_ROWS [MAX_SECONDS]]]   (GATEWAY_DLL=..., INTERVAL=15)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
files=${1:-10000}
csr_rows=${2:-20000}
max_seconds=${3:-3600}
interval=${INTERVAL:-15}
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"' EXIT

dotnet build -c Release bench/Integra.Gateway.Bench >/dev/null
bench=bench/Integra.Gateway.Bench/bin/Release/net10.0/Integra.Gateway.Bench.dll
gateway=${GATEWAY_DLL:-$repo/src/Integra.Gateway/bin/Release/net10.0/integra-gateway.dll}
dotnet "$bench" backlog-files "$dir/drop/ACME/in" "$files" "$csr_rows"
mkdir -p "$dir/drop/ACME/out" "$dir/drop/ACME/archive" "$dir/drop/ACME/error"
echo "backlog: $files files ($(du -sh "$dir/drop/ACME/in" | cut -f1)), every 20th a $csr_rows-row CSR file; gateway $gateway"

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cd "$dir"
INTEGRA_Gateway__DataDirectory="$repo/samples/reference" \
INTEGRA_Gateway__Database="$dir/gateway.db" \
INTEGRA_LocalDrop__Root="$dir/drop" \
INTEGRA_Portal__Enabled=false \
INTEGRA_Lifecycle__SweepOnStart=false \
INTEGRA_Telemetry__PrometheusListen="http://127.0.0.1:$port/" \
INTEGRA_Logging__LogLevel__Default=Warning \
  dotnet "$gateway" run >"$dir/gateway.log" 2>&1 &
pid=$!

answered() { echo $(( $(ls "$dir/drop/ACME/archive" | wc -l) + $(ls "$dir/drop/ACME/error" | wc -l) )); }
kb() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$pid/status"; }
waiting() { curl -s -m 5 "http://127.0.0.1:$port/metrics" | tee "$dir/metrics.txt" | sed -n 's/^gateway_files_waiting{.*partner="ACME".*} \([0-9.e+]*\).*/\1/p' | head -1; }

start=$(date +%s)
last=0
rates=()
hwm=0
max_age=0
printf '%6s %8s %9s %8s %9s %8s %8s\n' seconds answered files/min waiting poll_age rss_MB peak_MB
while kill -0 "$pid" 2>/dev/null; do
  sleep "$interval"
  now=$(date +%s)
  done_=$(answered)
  rate=$(( (done_ - last) * 60 / interval ))
  rates+=("$rate")
  hwm=$(kb VmHWM || echo 0)
  w=$(waiting || true)
  age=$(sed -n 's/^gateway_channel_last_good_poll_age[^{]*{.*partner="ACME".*} \([0-9]*\).*/\1/p' "$dir/metrics.txt" | head -1)
  age=${age:-0}
  [ "$age" -gt "$max_age" ] && max_age=$age
  printf '%6d %8d %9d %8s %9s %8d %8d\n' $((now - start)) "$done_" "$rate" "${w:-0}" "$age" $(( $(kb VmRSS) / 1024 )) $(( hwm / 1024 ))
  last=$done_
  if [ "$done_" -ge "$files" ] || [ $((now - start)) -ge "$max_seconds" ]; then break; fi
done

elapsed=$(( $(date +%s) - start ))
per_minute=$(( 60 / interval ))
first=0; for r in "${rates[@]:0:$per_minute}"; do first=$((first + r)); done
from=$(( ${#rates[@]} > per_minute ? ${#rates[@]} - per_minute : 0 ))
tail_rates=("${rates[@]:$from}")
lastmin=0; for r in "${tail_rates[@]}"; do lastmin=$((lastmin + r)); done
n_first=$(( ${#rates[@]} < per_minute ? ${#rates[@]} : per_minute ))
echo "answered $(answered) of $files in ${elapsed} s; files/min first minute $((first / n_first)), last minute $((lastmin / ${#tail_rates[@]})); oldest last good poll ${max_age} s; peak working set $((hwm / 1024)) MB"
grep -E "fail|rror" "$dir/gateway.log" | head -5 || true
