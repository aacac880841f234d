-- Shared by the wrk scripts that cycle through ids from a file (loaded with dofile after common.lua): each wrk
-- thread takes a disjoint slice of the file's first column. Sets the globals ids and nxt.
function slice(file, threads)
  local all = {}
  for line in io.lines(file) do
    local id = line:match("^(%S+)")
    if id then
      all[#all + 1] = id
    end
  end
  local from = math.floor(#all * index / threads) + 1
  local to = math.floor(#all * (index + 1) / threads)
  ids = {}
  for i = from, to do
    ids[#ids + 1] = all[i]
  end
  if #ids == 0 then
    error("no ids for wrk thread " .. index .. " in " .. file)
  end
  nxt = 1
end

function next_id()
  local id = ids[nxt]
  nxt = nxt % #ids + 1
  return id
end

function count_non2xx(status)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end
