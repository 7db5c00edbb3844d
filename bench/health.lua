-- wrk script: GET /health, the server's floor (no search), reported like search.lua.
dofile("bench/report.lua")
