-- wrk script: each request posts a complete response to the small questionnaire under a new
-- id. Ids are unique by construction (run, thread, counter), not by chance, so every request
-- is validated and stored (201); anything else is counted as a failure by status.
-- Set by the bench: SUBMIT_PATH (the responses URL path), RUN (hex, 8 digits), DELAY_MS (per
-- connection, between requests; 0: flat out).
local path = os.getenv("SUBMIT_PATH")
local run = tonumber(os.getenv("RUN") or "1", 16)
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local threads = {}
local levels = { "市", "区(县)", "街道(乡镇)", "社区(村)" }
local problems = { "管理体制不顺畅", "创新动力不足", "有效覆盖不高", "顶层设计不到位", "经费不足" }

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  created = 0
  other = 0
end

function request()
  counter = counter + 1
  local id = string.format("%08x-%04x-4%03x-a%03x-%012x", run, tid, 0, 0, counter)
  local a = counter % 5 + 1
  local b = (counter + 2) % 5 + 1
  local body = string.format(
    '{"id":"%s","data":{"level":"%s","main_problems":["%s","%s"],"suggestions":"建议 %d"}}',
    id, levels[counter % 4 + 1], problems[a], problems[b], counter)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"created":%d,"other":%d,"socketErrors":%d,"p50":%.3f,"p99":%.3f}\n',
    summary.requests, summary.duration / 1e6, c, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
