-- Suspends accounts for wrk: POST /api/v1/accounts/{id}/actions/account.suspend {"reason":"bench"} on distinct
-- active accounts, each once (the file must hold more ids than the run can suspend: a second pass answers 409).
--   wrk -t2 -c16 -d10s --timeout 30s -s bench/wrk/suspend.lua http://127.0.0.1:PORT -- IDS_FILE THREADS API_KEY
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")
dofile(dir .. "ids.lua")

function init(args)
  slice(args[1], tonumber(args[2]))
  headers = {
    ["Authorization"] = "Bearer " .. args[3],
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }
  non2xx = 0
end

function request()
  return wrk.format("POST", "/api/v1/accounts/" .. next_id() .. "/actions/account.suspend", headers,
    '{"reason":"bench"}')
end

response = function(status) count_non2xx(status) end
