-- revel --gdbserver's Lua side: gdb's `monitor lua CODE` (the engine's
-- REVEL_EV_GDB_MONITOR, engine/src/gdb_monitor.c) runs CODE as a --repl line
-- against the thread gdb is looking at: the same g, sc and helpers (regs(),
-- str(addr), threads() ...), one session a run so its variables stay. What it
-- prints goes to gdb's console. The gdbserver itself is the engine's.
--
-- g:inject and inject(call) work here too, though no handler's coroutine
-- waits: the call runs at once in the held thread (revel_gdb_inject, the
-- engine's task_call.c), which is then at the same stop as before.
local rffi = require("revel.ffi")
local repl = require("revel._repl")
local syscall = require("revel._syscall")
local integer = require("revel._answer").integer
local state = require("revel._state")

local ffi, api = rffi.ffi, rffi.api
local M = {}

local regs = ffi.new("struct user_regs_struct")
local args = ffi.new("int64_t[6]")
local result = ffi.new("int64_t[1]")
local ERRLEN = 160
local errbuf = ffi.new("char[?]", ERRLEN)

-- The call's arguments into args; strings below the red zone of the stack
-- at the thread's stop (top), as the runtime's set_call places them.
-- Returns the lowest address used and what was placed where.
local function set_args(call, top)
  local sp, placed = top, nil
  for i = 1, 6 do
    local v = call.args[i]
    local tv = type(v)
    if tv == "number" then
      if not integer(v) then
        error(("inject: argument %d of %s is %s, not an integer"):format(i, tostring(call.name), tostring(v)), 3)
      end
      args[i - 1] = v
    elseif v == nil or v == false then
      args[i - 1] = 0
    elseif v == true then
      args[i - 1] = 1
    elseif tv == "string" then
      sp = sp - #v - 1
      sp = sp - sp % 16
      args[i - 1] = sp
      placed = placed or {}
      placed[i], placed[i + 6] = sp, v
    else
      error(("inject: argument %d of %s is a %s"):format(i, tostring(call.name), tv), 3)
    end
  end
  return sp, placed
end

-- g:inject under gdb: run the call now and return its result (-errno when
-- it fails). The stack bytes its strings took are put back after it.
local function inject(run, g, call)
  if type(call) ~= "table" or type(call.nr) ~= "number" or type(call.args) ~= "table" then
    error(("inject: a syscall was expected (sc, or sys.NAME(...)), got %s"):format(type(call)), 2)
  end
  if not integer(call.nr) then
    error(("inject: the syscall number %s is not an integer"):format(tostring(call.nr)), 2)
  end
  local E, tid = run.E, g.tid
  local rc = api.get_regs(E, tid, regs)
  if rc < 0 then
    error("inject: the thread's registers: " .. rffi.strerror(-rc), 2)
  end
  local top = tonumber(regs.rsp) - 128
  local sp, placed = set_args(call, top)
  local saved
  if placed then
    local err
    saved, err = g:read(sp, top - sp)
    if not saved then
      error("inject: no stack below the red zone for its strings: " .. tostring(err), 2)
    end
    for i = 1, 6 do
      if placed[i] and api.mem_write(E, tid, placed[i], placed[i + 6], #placed[i + 6] + 1) < 0 then
        api.mem_write(E, tid, sp, saved, #saved)
        error("inject: cannot place a string argument in guest memory", 2)
      end
    end
  end
  rc = api.gdb_inject(E, tid, call.nr, args, result, errbuf, ERRLEN)
  if saved then
    api.mem_write(E, tid, sp, saved, #saved)
  end
  if rc < 0 then
    error("inject: " .. ffi.string(errbuf), 2)
  end
  local r = tonumber(result[0])
  rawset(call, "_g", g) -- tostring(call) decodes it as run (revel._syscall)
  rawset(call, "_result", r)
  rawset(call, "_placed", placed)
  return r
end

-- The REPL's host, for what a line under gdb can do: no reload, no stepping.
local function host_of(run)
  return {
    run = run,
    path = "(gdb)",
    sync = function() end,
    reload = function()
      return false, "not under gdb"
    end,
    stop_set = function()
      return {}
    end,
  }
end

function M.monitor(run, lev)
  local code = ffi.string(api.gdb_monitor_cmd(run.E))
  local out = {}
  local s = run._gdb_repl
  if not s then
    s = repl.new(host_of(run))
    run._gdb_repl = s
  end
  s.say = function(_, ...)
    out[#out + 1] = table.concat({ ... }) .. "\n"
  end
  local g = run.threads[lev.tid]
  if not g and lev.tid > 0 then -- no event of its own yet (gdb's first stop)
    g = state.adopt(run, lev.tid, lev.pid)
  end
  local sc
  if g and lev.nr >= 0 then
    sc = syscall.new(lev.nr, { lev.a0, lev.a1, lev.a2, lev.a3, lev.a4, lev.a5 })
    rawset(sc, "_g", g)
  end
  s.g, s.sc, s.at = g, sc, g
  s.vars.g, s.vars.sc = g, sc
  if g then -- a method of this g while the line runs (G.__index yields to it)
    rawset(g, "inject", function(self, call)
      return inject(run, self, call)
    end)
  end
  if s:eval(code) == "more" then
    out[#out + 1] = "monitor lua: the line is not complete\n"
  end
  if g then
    rawset(g, "inject", nil)
  end
  s.g, s.sc, s.at = nil, nil, nil
  api.gdb_monitor_reply(run.E, table.concat(out))
end

return M
