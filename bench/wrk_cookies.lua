-- Used by bench/scaleout.py as `wrk -s bench/wrk_cookies.lua URL -- COOKIES`:
-- every request carries a cookie picked at random from the file COOKIES
-- (one "confsched=TOKEN" a line: as many delegates, each with a session of
-- their own), so nginx's per-cookie login check cache rarely hits and most
-- requests cost the app one login check, as when every delegate views a
-- page less often than every 5 s. The summary line comes from
-- wrk_report.lua beside this file.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "wrk_report.lua")

local cookies = {}
local path = "/"
local next_id = 1

setup = function(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

init = function(args)
  for line in io.lines(args[1]) do
    cookies[#cookies + 1] = line
  end
  path = wrk.path
  math.randomseed(id * 7919)
end

request = function()
  return wrk.format("GET", path, {
    ["Cookie"] = cookies[math.random(#cookies)],
    ["Accept-Encoding"] = "gzip",
  })
end
