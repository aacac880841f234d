-- Shared by the wrk scripts of bench/ (loaded with dofile from each): numbers the threads, and prints one
-- machine-readable line at the end that the harness (org.opsdesk.bench.load.Wrk) parses:
--   wrk-result requests=N duration_us=N non2xx=N connect=N read=N write=N status=N timeout=N
--              p50_us=N p95_us=N p99_us=N max_us=N mean_us=N.N
-- non2xx: answers outside 200..299, counted by each thread's response(); connect/read/write/timeout: wrk's socket
-- errors; status: wrk's own count of answers >= 400. Latencies over every answered request, in microseconds.
local threads = {}
local count = 0

function setup(thread)
  thread:set("index", count)
  count = count + 1
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + (thread:get("non2xx") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "wrk-result requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d status=%d timeout=%d"
      .. " p50_us=%d p95_us=%d p99_us=%d max_us=%d mean_us=%.1f\n",
    summary.requests, summary.duration, non2xx, e.connect, e.read, e.write, e.status, e.timeout,
    math.floor(latency:percentile(50)), math.floor(latency:percentile(95)), math.floor(latency:percentile(99)),
    math.floor(latency.max), latency.mean))
end
