-- revel --gdbserver's Lua side: gdb's `monitor lua CODE` (the engine's
-- REVEL_EV_GDB_MONITOR, engine/src/gdb_monitor.c) runs CODE as a --repl line
-- against the thread gdb is looking at: the same g, sc and helpers (regs(),
-- str(addr), threads() ...), one session a run so its variables stay. What it
-- prints goes to gdb's console. The gdbserver itself is the engine's.
local rffi = require("revel.ffi")
local repl = require("revel._repl")
local syscall = require("revel._syscall")

local ffi, api = rffi.ffi, rffi.api
local M = {}

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
  local sc
  if g and lev.nr >= 0 then
    sc = syscall.new(lev.nr, { lev.a0, lev.a1, lev.a2, lev.a3, lev.a4, lev.a5 })
    rawset(sc, "_g", g)
  end
  s.g, s.sc, s.at = g, sc, g
  s.vars.g, s.vars.sc = g, sc
  if s:eval(code) == "more" then
    out[#out + 1] = "monitor lua: the line is not complete\n"
  end
  s.g, s.sc, s.at = nil, nil, nil
  api.gdb_monitor_reply(run.E, table.concat(out))
end

return M
