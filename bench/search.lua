-- wrk script: GET /api/search with the queries of bench/queries.txt in turn.
-- Usage: wrk -s bench/search.lua http://127.0.0.1:7070  (run from the repository root)
-- Each request is formatted once, when a thread starts, and sent as it is after that: wrk shares
-- the machine with the server, and formatting one for every request (wrk.format, in Lua) was
-- client CPU that /health's fixed request (health.lua) does not spend.

local paths = {}
local requests = {}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

for line in io.lines("bench/queries.txt") do
  if line ~= "" then paths[#paths + 1] = "/api/search?q=" .. encode(line) end
end

-- wrk.headers holds what -H gave (Accept-Encoding, in the compressed runs) by now.
init = function(args)
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path)
  end
end

local counter = 0

request = function()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

dofile("bench/report.lua")
