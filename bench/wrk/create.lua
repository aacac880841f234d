-- Creations for wrk: POST /api/v1/operations, a withdrawal of 125.50 EUR with three attributes (the Java
-- creation client's body); references BENCH-<run>-<thread>-<n> are unique per thread and run.
--   wrk -t2 -c16 -d10s --timeout 30s -s bench/wrk/create.lua http://127.0.0.1:PORT -- RUN_ID API_KEY
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")

function init(args)
  run = args[1]
  headers = {
    ["Authorization"] = "Bearer " .. args[2],
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }
  n, non2xx = 0, 0
end

function request()
  n = n + 1
  local body = '{"type":"withdrawal","reference":"BENCH-' .. run .. "-" .. index .. "-" .. n
    .. '","subject":"client-' .. ((index * 7919 + n) % 200000)
    .. '","amount":{"value":"125.50","currency":"EUR"},'
    .. '"attributes":{"channel":"api","country":"DE","riskScore":7}}'
  return wrk.format("POST", "/api/v1/operations", headers, body)
end

function response(status)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end
