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

dofile("bench/report.lua")
