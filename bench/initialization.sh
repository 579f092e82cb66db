#!/usr/bin/env bash
# Measures a cluster initialization against its critical path, with the ARM simulator's default latencies:
# starts the portal on its embedded default (a fresh SQLite file), lets it initialize the two demo clusters,
# then reads every step's start and end from the database.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
work="$(mktemp -d)"
trap 'kill "${portal:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/MxAzurePortal.Web -c Release -nologo -v quiet
ASPNETCORE_ENVIRONMENT=Development Database__SqlitePath="$work/bench.db" \
  dotnet run --project src/MxAzurePortal.Web -c Release --no-build --no-launch-profile --urls http://127.0.0.1:5091 \
  >"$work/portal.log" 2>&1 &
portal=$!

python3 bench/initialization.py "$work/bench.db"
