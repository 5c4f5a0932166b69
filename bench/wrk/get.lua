-- wrk script for a GET baseline (/healthz): prints the same RESULT line as submit.lua.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; other = 0 end
function response(status) if status == 200 then ok = ok + 1 else other = other + 1 end end
function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do c = c + t:get("ok"); o = o + t:get("other") end
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"created":%d,"other":%d,"socketErrors":%d,"p50":%.3f,"p99":%.3f}\n',
    summary.requests, summary.duration / 1e6, c, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
