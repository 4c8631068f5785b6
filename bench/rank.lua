-- wrk script: POST /personalizer/v1.0/rank with 10 actions x 20 features and a unique eventId per request.
-- Features per (context, action) pair: 10 context features (namespaces user, device) + 10 action features
-- (namespaces item, promo): 4 strings, 4 numbers, 2 indicators on each side — the learner benchmark's workload.
-- Env: PORTAL_KEY (subscription key), RUN_TAG (eventId prefix so the database check counts only this run),
-- USER_ID (optional: sent as the reserved _userId context feature, for the opt-out benchmark).

local counter = 0
local threads = {}
ok, other, locked = 0, 0, 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local function action(a)
  return string.format(
    '{"id":"a%d","features":[{"item":{"id":"item%d","category":"cat%d","price":%d,"rating":%d,"new%d":true}},' ..
    '{"promo":{"kind":"k%d","discount":%.2f,"banner":true,"age_days":%d,"channel":"c%d"}}]}',
    a, a, a % 3, 5 + a, 3 + a % 2, a % 2, a % 4, a * 0.05, a + 1, a % 2)
end

local prefix, suffix

function init(args)
  local actions = {}
  for a = 0, 9 do actions[#actions + 1] = action(a) end
  local user = os.getenv("USER_ID")
  prefix = '{"contextFeatures":[' .. (user and ('{"_userId":"' .. user .. '"},') or '') ..
           '{"user":{"tier":"gold","country":"DE","age":41,"returning":true,"visits":'
  suffix = '}},{"device":{"os":"ios","width":390,"mobile":true,"browser":"safari","battery":0.7}}],' ..
           '"actions":[' .. table.concat(actions, ",") .. '],"eventId":"'
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Ocp-Apim-Subscription-Key"] = os.getenv("PORTAL_KEY")
  tag = (os.getenv("RUN_TAG") or "run") .. "-" .. id .. "-"
end

function request()
  counter = counter + 1
  local body = prefix .. (counter % 50) .. suffix .. tag .. counter .. '"}'
  return wrk.format(nil, "/personalizer/v1.0/rank", nil, body)
end

function response(status, headers, body)
  if status == 201 then
    ok = ok + 1
  else
    other = other + 1
    if body and string.find(body, "locked", 1, true) then locked = locked + 1 end
  end
end

function done(summary, latency, requests)
  local ok_total, other_total, locked_total = 0, 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    other_total = other_total + t:get("other")
    locked_total = locked_total + t:get("locked")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT created=%d other=%d locked=%d seconds=%.3f rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d\n",
    ok_total, other_total, locked_total, seconds, ok_total / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
