#!/usr/bin/env bash
# Runs every test of the portal: unit, integration (real SQLite files, real HTTP) and browser (headless
# Chromium against the portal on loopback). Installs Chromium from Debian when it is missing.
# Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests (apt-get)..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
export RELIABILITY_REPORT="$results/reliability.txt"

dotnet build MxAzurePortal.sln -c Release -nologo -v quiet

status=0
for project in tests/MxAzurePortal.UnitTests tests/MxAzurePortal.IntegrationTests tests/MxAzurePortal.BrowserTests; do
  name="$(basename "$project")"
  echo "== $name"
  if ! dotnet test "$project" -c Release --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results"; then
    status=1
  fi
  [ -f "$results/$name.trx" ] || { echo "$name produced no results"; status=1; }
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1

if [ -s "$RELIABILITY_REPORT" ]; then
  echo "== reliability suite"
  cat "$RELIABILITY_REPORT"
fi
echo "$passed passed, $failed failed"
exit "$status"
