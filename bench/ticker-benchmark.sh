#!/usr/bin/env bash
# Ticker benchmark, side by side with db-scheduler (same run, same machine, same PostgreSQL):
# 100k jobs due in one second, 10k spread over a minute, 1M jobs held (resident memory), firing again
# after kill -9. Takes about 10 minutes; prints a table for docs/benchmarks.md.
#   bench/ticker-benchmark.sh
#   BENCH_OPTS="-Dbench.held=200000" bench/ticker-benchmark.sh   # a smaller, quicker run
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl benchmarks -am
exec java -Xmx2g -XX:+UseZGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCH_OPTS:-} -jar benchmarks/target/benchmarks-exec.jar ticker ticker/target/ticker-exec.jar
