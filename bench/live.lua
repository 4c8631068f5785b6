-- wrk script: GET /health/live (the trivial endpoint of the same process); prints one RESULT line.
local threads = {}
ok, other = 0, 0

function setup(thread) table.insert(threads, thread) end

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
  io.write(string.format("RESULT ok=%d other=%d seconds=%.3f rate=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    ok_total, other_total, seconds, ok_total / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
