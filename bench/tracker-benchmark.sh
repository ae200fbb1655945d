#!/usr/bin/env bash
# Execution tracker benchmark: scheduler-api as its own process on a real broker and PostgreSQL, fed
# 5,000 runs × 4 events (the shapes the stages write) per round; events per second from the first
# record written to the last execution completed in the database. One warm-up round, three timed;
# about 2 minutes; prints a table for docs/benchmarks.md.
#   bench/tracker-benchmark.sh
#   BENCH_OPTS="-Dbench.executions=20000" bench/tracker-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl benchmarks,scheduler-api -am
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCH_OPTS:-} -jar benchmarks/target/benchmarks-exec.jar \
  tracker scheduler-api/target/scheduler-api-exec.jar
