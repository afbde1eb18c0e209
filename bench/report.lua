-- wrk script: optional rotating paths (BENCH_PATHS_FILE, one path per line; a counter is appended so
-- every request misses the page cache) and a JSON summary line with p50/p95/p99.
local paths = {}
local counter = 0
local file = os.getenv("BENCH_PATHS_FILE")
if file then
  for line in io.lines(file) do if #line > 0 then paths[#paths + 1] = line end end
end

request = function()
  if #paths == 0 then return wrk.format("GET") end
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  local sep = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format("GET", path .. sep .. "n=" .. counter)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, errors, summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
