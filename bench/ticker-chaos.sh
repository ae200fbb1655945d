#!/usr/bin/env bash
# Ticker chaos run: tickers killed with SIGKILL and restarted, up to three instances joining and leaving,
# the broker restarted,
# while 60 jobs fire every second; then every (job, instant) is counted. Prints a table; fails if any
# instant ran twice or was neither run nor reported missed.
#   bench/ticker-chaos.sh            # 4 minutes of chaos
#   CHAOS_MINUTES=10 bench/ticker-chaos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install -pl ticker -am
./mvnw -B -pl ticker -Pchaos -Dchaos.minutes="${CHAOS_MINUTES:-4}" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false verify \
  | grep -E '^\[chaos\]|^\||Tests run|BUILD|ERROR'
