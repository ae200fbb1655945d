#!/usr/bin/env bash
# Scrape benchmark, side by side with the original's way (Python feedparser, one feed after another),
# same run, same feeds, same machine: 200 feeds × 50 items, 1,000 jobs due together over those feeds
# (requests counted at the server), peak resident memory while a 10 MiB feed is parsed.
# Takes about 3 minutes; prints a table for docs/benchmarks.md.
#   bench/scrape-benchmark.sh
#   BENCH_OPTS="-Dbench.runs=3 -Dbench.jobs=500" bench/scrape-benchmark.sh   # quicker
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=bench/.venv-feedparser
if ! "$VENV/bin/python" -c 'import feedparser' 2>/dev/null; then
  python3 -m venv "$VENV"
  if ! "$VENV/bin/pip" install -q feedparser; then
    # Some package indexes carry feedparser but not its feedparser-sgmllib; that package is Python 2.7's
    # sgmllib put through 2to3, so build it the same way from a local Python 2.7 when there is one.
    "$VENV/bin/pip" install -q --no-deps feedparser
    SGML=$(ls /usr/lib/python2.7/sgmllib.py "$HOME"/.pyenv/versions/2.7*/lib/python2.7/sgmllib.py 2>/dev/null | head -1 || true)
    if [ -z "$SGML" ]; then
      echo "feedparser's dependency feedparser-sgmllib cannot be installed here, and no Python 2.7 sgmllib.py was found" >&2
      exit 1
    fi
    SITE=$("$VENV/bin/python" -c 'import site; print(site.getsitepackages()[0])')
    python3 bench/port-sgmllib.py "$SGML" "$SITE/feedparser_sgmllib.py"
  fi
fi
"$VENV/bin/python" -c 'import feedparser; print("[bench] feedparser", feedparser.__version__)'
./mvnw -q -B -DskipTests package -pl benchmarks -am
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCH_OPTS:-} -jar benchmarks/target/benchmarks-exec.jar \
  scrape action-scrape/target/action-scrape-exec.jar "$VENV/bin/python"
