#!/usr/bin/env bash
# Ticker chaos run: tickers killed with SIGKILL and restarted, up to three instances joining and leaving,
# the broker restarted, while jobs of every schedule type fire: 60 custom jobs every minute, staggered so
# one fires every second, and daily, weekly and cron jobs at the wall times of the run's minutes (in UTC,
# America/New_York and Asia/Kolkata). Then every (job, instant) the schedule engine expects is counted.
# Prints a table, and one per schedule type; fails if any instant ran twice or was neither run nor
# reported missed, or if a schedule type had no instant in the run.
#   bench/ticker-chaos.sh            # 4 minutes of chaos
#   CHAOS_MINUTES=10 bench/ticker-chaos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install -pl ticker -am
./mvnw -B -pl ticker -Pchaos -Dchaos.minutes="${CHAOS_MINUTES:-4}" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false verify \
  | grep -E '^\[chaos\]|^\||Tests run|BUILD|ERROR'
