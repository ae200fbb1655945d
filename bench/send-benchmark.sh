#!/usr/bin/env bash
# Send benchmark: a 20 KB newsletter to 10,000 subscribers through action-send as its own process
# (ledger included) on a real broker and PostgreSQL, against a local SMTP sink whose own ceiling is
# measured first with a trivial client; then the original's way (one new connection per message,
# sequential, default sockets) and the ratio; then one vs two instances on one list. About 3 minutes;
# prints a table for docs/benchmarks.md.
#   bench/send-benchmark.sh
#   BENCH_OPTS="-Dbench.subscribers=3000" bench/send-benchmark.sh   # quicker
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package -pl benchmarks,action-send -am
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCH_OPTS:-} -jar benchmarks/target/benchmarks-exec.jar \
  send action-send/target/action-send-exec.jar
