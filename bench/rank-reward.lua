-- wrk script: Rank with 3 actions and a unique eventId per call, and for every decision it acknowledged a Reward of 1
-- on the same node (sent as that thread's next request). Env: PORTAL_KEY, RUN_TAG (eventId prefix of this run).
-- Prints: RESULT ranked=<Rank 201s> rewarded=<Reward 204s> other=<any other answer> seconds=<s> rate=<Rank 201/s>.

local threads = {}
ranked, rewarded, other = 0, 0, 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local counter, pending, tag = 0, {}, ""
local body = '{"contextFeatures":[{"user":{"tier":"gold","country":"DE","visits":%d}}],' ..
  '"actions":[{"id":"a","features":[{"item":{"k":"x"}}]},{"id":"b","features":[{"item":{"k":"y"}}]},' ..
  '{"id":"c","features":[{"item":{"k":"z"}}]}],"eventId":"%s%d"}'

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Ocp-Apim-Subscription-Key"] = os.getenv("PORTAL_KEY")
  tag = (os.getenv("RUN_TAG") or "run") .. "-" .. id .. "-"
end

function request()
  local event = table.remove(pending)
  if event then
    return wrk.format(nil, "/personalizer/v1.0/events/" .. event .. "/reward", nil, '{"value":1}')
  end
  counter = counter + 1
  return wrk.format(nil, "/personalizer/v1.0/rank", nil, string.format(body, counter % 20, tag, counter))
end

function response(status, headers, body)
  if status == 201 then
    ranked = ranked + 1
    local event = body and string.match(body, '"eventId":"([^"]+)"')
    if event then table.insert(pending, event) end
  elseif status == 204 then
    rewarded = rewarded + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local r, w, o = 0, 0, 0
  for _, t in ipairs(threads) do
    r = r + t:get("ranked"); w = w + t:get("rewarded"); o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT ranked=%d rewarded=%d other=%d seconds=%.3f rate=%.1f\n", r, w, o, seconds, r / seconds))
end
