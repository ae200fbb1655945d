#!/usr/bin/env bash
# Generate benchmark: the deterministic newsletter from 200 items (compose + render, latency per
# newsletter), and newsletters per second through action-generate as its own process on a real broker
# and PostgreSQL. About 2 minutes; prints a table for docs/benchmarks.md.
#   bench/generate-benchmark.sh
#   BENCH_OPTS="-Dbench.newsletters=500" bench/generate-benchmark.sh   # quicker
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl benchmarks -am
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCH_OPTS:-} -jar benchmarks/target/benchmarks-exec.jar \
  generate action-generate/target/action-generate-exec.jar
