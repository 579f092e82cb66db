#!/usr/bin/env bash
# Benchmarks the portal at customer scale and writes bench/results/latest.md and latest.png.
# Seeds a separate SQLite database (bench/.data), starts the portal on loopback and drives it with wrk.
# BENCH_SECONDS (default 10) sets the length of each measurement; BENCH_REPEATS (default 3) how often each page is
# measured at 32 connections, where the targets are set.
set -euo pipefail
cd "$(dirname "$0")"

# Debian's own Python, where apt installs matplotlib.
py=/usr/bin/python3
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[[ -x $py ]] || missing+=(python3)
[[ -x $py ]] && "$py" -c "import matplotlib" 2>/dev/null || missing+=(python3-matplotlib)
if ((${#missing[@]})); then
  echo "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

dotnet build src/MxAzurePortal.Web -c Release -nologo -v quiet
dotnet build bench/MxAzurePortal.Bench -c Release -nologo -v quiet
"$py" bench/bench.py
