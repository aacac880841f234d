-- Transitions for wrk: POST /api/v1/operations/{id}/transitions {"to":"ping"|"pong","reason":"bench"}.
--   wrk -t2 -c16 -d10s --timeout 30s -s bench/wrk/transitions.lua http://127.0.0.1:PORT -- IDS_FILE THREADS API_KEY
-- IDS_FILE: one "<operation id> <its stage: ping|pong>" per line (the harness writes it before each run from the
-- database). Each wrk thread takes a disjoint slice of the ids and cycles through it, moving each id to the other
-- stage; with far more ids per thread than connections, one id is never in flight twice. A 2xx answer confirms the
-- stage the id is now in; after an error the id's stage is read again (GET) before it is moved once more.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")

function init(args)
  local file, threads = args[1], tonumber(args[2])
  headers = {
    ["Authorization"] = "Bearer " .. args[3],
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }
  local all = {}
  for line in io.lines(file) do
    local id, stage = line:match("^(%S+)%s+(%S+)$")
    if id then
      all[#all + 1] = { id, stage }
    end
  end
  local from = math.floor(#all * index / threads) + 1
  local to = math.floor(#all * (index + 1) / threads)
  ids, stages = {}, {}
  for i = from, to do
    ids[#ids + 1] = all[i][1]
    stages[all[i][1]] = all[i][2]
  end
  if #ids == 0 then
    error("no operation ids for wrk thread " .. index .. " in " .. file)
  end
  nxt, non2xx, resync = 1, 0, {}
end

function request()
  local id = table.remove(resync)
  if id then
    return wrk.format("GET", "/api/v1/operations/" .. id, headers)
  end
  id = ids[nxt]
  nxt = nxt % #ids + 1
  local to = stages[id] == "pong" and "ping" or "pong"
  stages[id] = to
  return wrk.format("POST", "/api/v1/operations/" .. id .. "/transitions", headers,
    '{"to":"' .. to .. '","reason":"bench"}')
end

local uuid = "(%x+%-%x+%-%x+%-%x+%-%x+)"

function response(status, _, body)
  local id = body and body:match('"id"%s*:%s*"' .. uuid .. '"')
  if status >= 200 and status < 300 then
    local stage = body and body:match('"stage"%s*:%s*"(p%a+)"')
    if id and stages[id] and stage then
      stages[id] = stage
    end
  else
    non2xx = non2xx + 1
    id = id or (body and body:match("/operations/" .. uuid))
    if id and stages[id] then
      resync[#resync + 1] = id
    end
  end
end
