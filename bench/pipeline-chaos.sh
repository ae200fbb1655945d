#!/usr/bin/env bash
# Whole-pipeline chaos run on the local stack's parts (PostgreSQL, the KRaft broker, a counting SMTP sink):
# two instances of every service (the API with its execution tracker, the ticker, each stage), 200 jobs
# with 200 subscribers each due in waves, 10 minutes of faults: a random instance killed with SIGKILL and
# restarted every 20-40 s, the broker restarted once, PostgreSQL once, SMTP down for 30 s. Then the jobs
# are paused, the pipeline drains, and every run, mail, instant and counter is checked. The last line is
#   chaos: runs N, terminal N, stuck 0, mails expected M, received M, duplicates D (bound B), missing 0
#   bench/pipeline-chaos.sh
#   CHAOS_JOBS=50 CHAOS_SECONDS=300 bench/pipeline-chaos.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# the Maven log goes to local-stack/target/pipeline-chaos-maven.log; each service's log to local-stack/target/pipeline-chaos/logs
./mvnw -q -B -DskipTests install
./mvnw -B -pl local-stack -Dtest=PipelineChaosTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchaos.jobs="${CHAOS_JOBS:-200}" -Dchaos.subscribers="${CHAOS_SUBSCRIBERS:-200}" \
  -Dchaos.seconds="${CHAOS_SECONDS:-600}" -Dchaos.intervalMinutes="${CHAOS_INTERVAL_MINUTES:-5}" \
  -Dchaos.instances="${CHAOS_INSTANCES:-2}" -Dchaos.smtpOutageSeconds=30 -Dchaos.drainSeconds="${CHAOS_DRAIN_SECONDS:-900}" \
  -Dchaos.seed="${CHAOS_SEED:-$RANDOM}" test > local-stack/target/pipeline-chaos-maven.log 2>&1 && status=0 || status=$?
grep -E 'Tests run|BUILD|ERROR\]|Expect|but was' local-stack/target/pipeline-chaos-maven.log | head -20 || true
grep -E '^\[chaos\]|^chaos:' local-stack/target/surefire-reports/dev.pulse.local.PipelineChaosTest-output.txt
exit $status
