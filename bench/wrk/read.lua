-- Record reads for wrk: GET PREFIX{id} cycling through the ids of a file (e.g. PREFIX = /api/v1/accounts/).
--   wrk -t2 -c16 -d10s --timeout 30s -s bench/wrk/read.lua http://127.0.0.1:PORT -- IDS_FILE THREADS API_KEY PREFIX
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")
dofile(dir .. "ids.lua")

function init(args)
  slice(args[1], tonumber(args[2]))
  headers = { ["Authorization"] = "Bearer " .. args[3], ["Accept"] = "application/json" }
  prefix = args[4]
  non2xx = 0
end

function request()
  return wrk.format("GET", prefix .. next_id(), headers)
end

response = function(status) count_non2xx(status) end
