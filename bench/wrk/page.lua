-- Console pages for wrk, as a signed-in operator's browser asks for them: GET PREFIX{id}SUFFIX with the session's
-- cookie, cycling through the ids of a file (e.g. PREFIX = /accounts/, SUFFIX empty: the account record page;
-- PREFIX = /records/account/, SUFFIX = /timeline: its timeline panel, which htmx loads into the page). A panel
-- (non-empty SUFFIX) is asked for as htmx does, with HX-Request. A signed-out session answers 302 to /login: a
-- non-2xx answer, counted.
--   wrk -t2 -c16 -d10s --timeout 30s -s bench/wrk/page.lua http://127.0.0.1:PORT -- IDS_FILE THREADS COOKIE PREFIX [SUFFIX]
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")
dofile(dir .. "ids.lua")

function init(args)
  slice(args[1], tonumber(args[2]))
  headers = { ["Cookie"] = args[3], ["Accept"] = "text/html" }
  prefix = args[4]
  suffix = args[5] or ""
  if suffix ~= "" then
    headers["HX-Request"] = "true"
  end
  non2xx = 0
end

function request()
  return wrk.format("GET", prefix .. next_id() .. suffix, headers)
end

response = function(status) count_non2xx(status) end
