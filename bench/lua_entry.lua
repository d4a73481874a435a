-- The cost of entering Lua for one syscall event, the engine left out: the
-- runtime (revel.run, its event loop, the thread's g and sc, its coroutine,
-- the answer) driven by a stand-in engine that hands out getppid events of
-- one thread and takes the answers, N times, in this process. Printed: ns per
-- event with an empty handler, less the stand-in's own loop. What a ptrace
-- stop costs on top is in the bench's main section (empty handler against
-- noop-all). Run by bench.py's main section:
--   LUA_CPATH='BUILD/lua/?.so' luajit bench/lua_entry.lua [N]
require("revel") -- loads revel.so, which holds the modules
local rffi = require("revel.ffi")
local ffi = rffi.ffi
local N = tonumber(arg and arg[1]) or 2000000
local PID, GETPPID = 4242, rffi.numbers.getppid

local left = 0
local function next_event(_, lev)
  if left == 0 then
    lev.kind, lev.ev.kind, lev.ev.status = rffi.EV_DONE, rffi.EV_DONE, 0
    return 0
  end
  left = left - 1
  lev.kind, lev.tid, lev.pid, lev.nr, lev.flags = rffi.EV_SYSCALL, PID, PID, GETPPID, 0
  lev.a0, lev.a1, lev.a2, lev.a3, lev.a4, lev.a5 = 0, 0, 0, 0, 0, 0
  return 0
end
local answered = 0
local function resume_thread(_, tid, act)
  if tid == PID and act.kind == rffi.ACT_CONTINUE then
    answered = answered + 1
  end
  return 0
end

-- The stand-in: the real table for everything but starting the engine,
-- waiting and answering. The runtime keeps api as it loads: it and the
-- modules above it are loaded again, with the stand-in in place.
local real = rffi.api
rffi.api = setmetatable({
  engine_new = function() return ffi.new("char[1]") end,
  engine_free = function() end,
  spawn = function() return PID end,
  kill_all = function() end,
  next = next_event,
  resume = resume_thread,
}, { __index = function(_, k) return real[k] end })
for _, name in ipairs({ "revel", "revel._runtime", "revel._answer" }) do
  package.loaded[name] = nil
end
local revel = require("revel")

local function clock()
  return os.clock()
end

-- The stand-in alone: its next and resume, N times.
local lev = ffi.new("struct revel_lua_event")
local act = ffi.new("struct revel_lua_action")
left = N
local t0 = clock()
for _ = 1, N do
  next_event(nil, lev)
  resume_thread(nil, PID, act, lev)
end
local base = clock() - t0

local tool = { subscriptions = { "getppid" } }
function tool.syscall(g, sc) end
left, answered = N, 0
t0 = clock()
revel.run(tool, { "stand-in" })
local total = clock() - t0
assert(answered == N, ("%d of %d events answered"):format(answered, N))
print(("%.0f ns per event (empty handler, g and sc made ready), N = %d"):format((total - base) / N * 1e9, N))
