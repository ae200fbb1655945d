#!/usr/bin/env bash
# Run-now latency on a running ./pulse up: each round makes a workspace like the demo one (the local
# demo feed of 20 items, 100 subscribers, a job of it), then times POST run-now until the execution
# shows completed. A new workspace per round, because a workspace's later newsletters leave out what
# its earlier ones showed. Prints each round and the median.
#   ./pulse up -d && bench/demo-run-now.sh        # 5 rounds
#   ROUNDS=10 bench/demo-run-now.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source .pulse/local.env
ROUNDS=${ROUNDS:-5}
FEED=${FEED:-http://localhost:8026/feed.xml}
auth=(-H "Authorization: Bearer $PULSE_TOKEN")
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
post() { curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST "$PULSE_API_URL$1" -d "$2"; }
times=()
for round in $(seq 1 "$ROUNDS"); do
  ws=$(post /api/v1/workspaces "{\"name\": \"run-now $round\"}" | json '["data"]["id"]')
  csv="email,name"; for i in $(seq 1 100); do csv+=$'\n'"round$round-reader$i@pulse.local,Reader $i"; done
  curl -sf "${auth[@]}" -H 'Content-Type: text/csv' -X POST "$PULSE_API_URL/api/v1/workspaces/$ws/subscribers/import" --data-binary "$csv" > /dev/null
  post "/api/v1/workspaces/$ws/sources" "{\"type\": \"rss\", \"name\": \"demo\", \"url\": \"$FEED\"}" > /dev/null
  job=$(post /api/v1/scheduler "{\"workspace_id\": \"$ws\", \"name\": \"digest\", \"schedule_type\": \"daily\", \"schedule_time\": \"08:00\", \"config\": {\"sources\": [\"rss\"], \"max_items\": 20}}" | json '["data"]["id"]')
  start=$(date +%s%N)
  execution=$(post "/api/v1/scheduler/$job/run-now" '{}' | json '["data"]["execution_id"]')
  while true; do
    status=$(curl -sf "${auth[@]}" "$PULSE_API_URL/api/v1/scheduler/executions/$execution" | json '["data"]["status"]')
    case $status in completed|partial|failed) break;; esac
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sent=$(curl -sf "${auth[@]}" "$PULSE_API_URL/api/v1/scheduler/executions/$execution" | json '["data"]["send_result"]["sent_count"]')
  echo "round $round: $status in $ms ms, $sent mailed"
  times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median " a[int((NR+1)/2)] " ms over " NR " rounds"}'
