#!/usr/bin/env bash
# Execution tracker benchmark: scheduler-api as its own process on a real broker and PostgreSQL, fed
# 5,000 runs × 4 events (the shapes the stages write) per round, each round in one Kafka transaction;
# events per second from the first record written, and from the transaction's commit (a backlog of
# recorded events), until the tracker's group has committed them all. Three warm-up rounds, three
# timed; about 3 minutes; prints a table for docs/benchmarks.md.
#   bench/tracker-benchmark.sh
#   BENCH_OPTS="-Dbench.rounds=5" bench/tracker-benchmark.sh
#   BENCH_OPTS="-Dbench.backlog=false" bench/tracker-benchmark.sh   # written while the tracker folds
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl benchmarks,scheduler-api -am
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCH_OPTS:-} -jar benchmarks/target/benchmarks-exec.jar \
  tracker scheduler-api/target/scheduler-api-exec.jar
