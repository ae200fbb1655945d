-- wrk script: POST /api/v1/scheduler with a new job name every request (names are unique per workspace).
local workspace = os.getenv("PULSE_WORKSPACE_ID")
local run = tostring(os.time()) .. "-" .. tostring(math.random(1000000))
local threads = {}
local counter = 0


function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("PULSE_TOKEN")
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"workspace_id":"%s","name":"bench %s %d %d","schedule_type":"daily","schedule_time":"08:00",' ..
    '"timezone":"America/New_York","actions":["scrape","generate","send"],' ..
    '"config":{"max_items":10,"days_back":1,"sources":["https://example.org/feed.xml"]}}',
    workspace, run, id or 0, counter)
  return wrk.format(nil, nil, nil, body)
end
