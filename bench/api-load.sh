#!/usr/bin/env bash
# API load benchmark (issue: GET /{job_id} p99 < 20 ms, POST >= 500 jobs/s sustained).
# Measures with wrk over real HTTP against the local stack (started here unless one is running):
#   bench/api-load.sh            # 30 s per phase; DURATION=60s bench/api-load.sh for longer
# Prints one table; copy it to docs/benchmarks.md with the machine it ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
GET_CONNECTIONS=${GET_CONNECTIONS:-8}
POST_CONNECTIONS=${POST_CONNECTIONS:-16}

if ! command -v wrk > /dev/null; then
  echo "wrk is needed: apt-get install -y wrk (Debian/Ubuntu)" >&2; exit 2
fi
started=0
if ! ./pulse status > /dev/null 2>&1; then
  ./pulse up -d > /dev/null
  started=1
fi
trap '[ "$started" = 1 ] && ./pulse down > /dev/null' EXIT
set -a; . .pulse/local.env; set +a
auth="Authorization: Bearer $PULSE_TOKEN"

job=$(curl -s -X POST "$PULSE_API_URL/api/v1/scheduler" -H "$auth" -H 'Content-Type: application/json' -d "{
  \"workspace_id\": \"$PULSE_WORKSPACE_ID\", \"name\": \"bench read $(date +%s%N)\", \"schedule_type\": \"daily\",
  \"schedule_time\": \"08:00\", \"timezone\": \"America/New_York\", \"actions\": [\"scrape\", \"generate\", \"send\"]}" \
  | grep -o '"id":"[0-9a-f-]*"' | head -n 1 | cut -d'"' -f4)
[ -n "$job" ] || { echo "could not create the job to read" >&2; exit 1; }

echo "warming up (10 s each)"
wrk -t2 -c"$GET_CONNECTIONS" -d10s -H "$auth" "$PULSE_API_URL/api/v1/scheduler/$job" > /dev/null
wrk -t2 -c"$POST_CONNECTIONS" -d10s -s bench/create-job.lua "$PULSE_API_URL/api/v1/scheduler" > /dev/null

get=$(wrk -t2 -c"$GET_CONNECTIONS" -d"$DURATION" --latency -H "$auth" "$PULSE_API_URL/api/v1/scheduler/$job")
post=$(wrk -t2 -c"$POST_CONNECTIONS" -d"$DURATION" --latency -s bench/create-job.lua "$PULSE_API_URL/api/v1/scheduler")

field() { printf '%s\n' "$1" | awk -v k="$2" '$1 == k {print $2}'; }
errors() { printf '%s\n' "$1" | awk '/Non-2xx/ {print $5; found=1} END {if (!found) print 0}'; }
rps() { printf '%s\n' "$1" | awk '/Requests\/sec/ {print $2}'; }

echo
echo "| phase | connections | requests/s | p50 | p90 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|---|"
echo "| GET /api/v1/scheduler/{job_id} | $GET_CONNECTIONS | $(rps "$get") | $(field "$get" 50%) | $(field "$get" 90%) | $(field "$get" 99%) | $(errors "$get") |"
echo "| POST /api/v1/scheduler | $POST_CONNECTIONS | $(rps "$post") | $(field "$post" 50%) | $(field "$post" 90%) | $(field "$post" 99%) | $(errors "$post") |"
if command -v psql > /dev/null; then
  sleep 5
  port=$(printf '%s' "$DB_URL" | sed -E 's#.*://[^:/]+:([0-9]+)/.*#\1#')
  backlog=$(PGPASSWORD="$DB_PASSWORD" psql -h localhost -p "$port" -U "$DB_USER" -d postgres -tAc \
    "select count(*) from outbox where published_at is null")
  echo "outbox rows not yet published 5 s after the run: $backlog"
fi
echo
echo "targets: GET p99 < 20 ms; POST >= 500 requests/s with no errors ($DURATION per phase, $(nproc) cores)"
