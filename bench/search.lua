-- wrk script: GET /api/search with the queries of bench/queries.txt in turn.
-- Usage: wrk -s bench/search.lua http://127.0.0.1:7070  (run from the repository root)

local queries = {}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

for line in io.lines("bench/queries.txt") do
  if line ~= "" then queries[#queries + 1] = "/api/search?q=" .. encode(line) end
end

local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", queries[(counter % #queries) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format(
      "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.errors.status))
end
