-- wrk script: GET the "Why this suggestion?" pages of real decisions, cycling through the paths listed one per line in
-- the file named by WHY_PATHS (each thread starts at a different line); prints one RESULT line.
local threads = {}
ok, other = 0, 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local paths = {}
local next_path = 1

function init(args)
  for line in io.lines(os.getenv("WHY_PATHS")) do paths[#paths + 1] = line end
  next_path = (id * 37) % #paths + 1
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local ok_total, other_total = 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    other_total = other_total + t:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT ok=%d other=%d seconds=%.3f rate=%.1f p50_ms=%.2f p99_ms=%.2f socket_errors=%d\n",
    ok_total, other_total, seconds, ok_total / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
