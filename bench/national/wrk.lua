-- wrk script: each thread signs its requests with its own session cookie (COOKIES: space-separated "roviec=…"
-- values, one per thread, reused in turn), and the run ends with one line of figures in milliseconds.
local cookies = {}
for c in string.gmatch(os.getenv("COOKIES") or "", "%S+") do cookies[#cookies + 1] = c end
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("cookie", cookies[((counter - 1) % #cookies) + 1])
end
function init(args)
  wrk.headers["Cookie"] = cookie
end
function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
