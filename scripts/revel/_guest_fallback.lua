-- revel._guest_fallback (private): --backend=guest's fallback to ptrace for a
-- process the in-guest library cannot follow (it execs a statically linked or
-- set-ID program). The library names it to revel before the exec; revel seizes
-- it (the engine's revel_adopt: EXITKILL, its calls unseen until the exec) and
-- runs it, and its children, under the ptrace runtime with the same tool in
-- the same loop as the guest host (revel._guest_host): that loop waits for
-- every child itself and hands the tracees' wait statuses to the engine
-- (revel_feed), then runs the events queued (revel_next_queued) as
-- revel._runtime's loop does. init_global is not run again: g:rpc and tool.rpc
-- reach the global state the guests' rpcs reach; finish runs once, in the host.
-- g.process and g.thread go on from the state the guest's execve carried over
-- (guest/inguest_hooks.lua's "X"), as they live on across an exec under ptrace.
local rffi = require("revel.ffi")
local runtime = require("revel._runtime")
local state = require("revel._state")
local errors = require("revel._errors")
local timers = require("revel._timers")
local wire = require("revel._wire")
local prelude = require("revel._guest_prelude")

local ffi, api = rffi.ffi, rffi.api

local M = {}

local F = {}
F.__index = F

-- plan: the tool's (revel._tool.plan); global: the host's init_global result.
-- The engine is made at the first process that falls back.
function M.new(plan, global)
  return setmetatable({
    plan = plan,
    global = global,
    lev = ffi.new("struct revel_lua_event"),
    preludes = {}, -- pid -> true while its prelude runs
    handed = {}, -- pid -> the state its prelude handed over
  }, F)
end

-- The engine's TASK_NEW for a thread of a process just seized: its state
-- goes on (c: what the guest carried over, or nil), with no hook (it did not
-- start now), and it runs on towards its exec.
local function take_on(run, lev, c)
  local ev = lev.ev
  local g = state.carry(run, ev.tid, ev.pid, c and c.process, c and c.threads and c.threads[ev.tid])
  ffi.copy(g._ev, lev, run.lev_size)
  g._time = lev.time
  local act = run.act
  act.kind, act.sig = rffi.ACT_CONTINUE, 0
  api.resume(run.E, ev.tid, act, nil)
end

-- Seize process pid; carried: the state its execve sent (wire-encoded), or
-- nil. The count of its threads, or nil and why it cannot be seized.
-- prelude: nil (a fallback: traced to its end), or { lib = the library's
-- path, root = true for the command (its execve is shown and its start
-- runs the init hooks) }: traced only until the library starts in the new
-- program (revel._guest_prelude).
-- The engine, made once: at the first process seized, or at the start for a
-- tool that asks for it (tool.engine_ready(run): the default tool's printer).
function F:open()
  if not self.run then
    self.run = runtime.open(self.plan)
    self.run.global = self.global
    local ready = self.plan.tool.engine_ready
    if ready then
      ready(self.run)
    end
  end
  return self.run
end

function F:adopt(pid, carried, prelude)
  local run = self:open()
  local n
  if prelude then
    n = api.adopt_prelude(run.E, pid, prelude.root and 1 or 0, prelude.lib)
  else
    n = api.adopt(run.E, pid)
  end
  if n < 0 then
    return nil, ("cannot seize it: %s"):format(rffi.strerror(-n))
  end
  if prelude then
    self.preludes[pid] = { defer = true, root = prelude.root }
  end
  local c
  if carried and carried ~= "-" then
    local ok, v = pcall(wire.decode, carried, 1)
    c = ok and type(v) == "table" and v or nil
  end
  -- Its threads' TASK_NEW events are all the queue holds (it is drained
  -- after every wait status).
  local lev = self.lev
  while api.next_queued(run.E, lev) == 0 do
    if lev.kind == rffi.EV_TASK_NEW and lev.ev.pid == pid and not (prelude and prelude.root) then
      take_on(run, lev, c)
    else
      self:dispatch(lev)
    end
  end
  return n
end

-- revel's seccomp filter for the plan, as BPF bytes (the process loads it
-- before its exec), or nil.
function F:filter()
  if self.bpf == nil then
    local buf = ffi.new("char[?]", 65536)
    local n = tonumber(api.filter_bpf(self.run.E, buf, 65536))
    self.bpf = n > 0 and ffi.string(buf, n) or false
  end
  return self.bpf or nil
end

-- Thread tid loaded the filter: its calls stop by it, not at every entry.
function F:filtered(tid)
  return self.run ~= nil and api.filtered(self.run.E, tid) == 0
end

-- One queued event to the runtime; a prelude's end (the engine let go of
-- it at the library's start) hands its state over instead.
function F:dispatch(lev)
  local run = self.run
  local p = self.preludes[lev.ev.pid]
  if p and lev.kind == rffi.EV_DETACHED then
    self.preludes[lev.ev.pid] = nil
    self.handed[lev.ev.pid] = prelude.hand_over(run, lev.ev, p)
    return
  end
  if p and p.defer and run.tool.timer then
    -- a tool with timers: the new program's thread_start and post_exec run
    -- in the library (a timer they set must be the guest's, not revel's)
    local tool = run.tool
    run.tool = setmetatable({ thread_start = false, post_exec = false }, { __index = tool })
    local ok, err = pcall(runtime.dispatch, run, lev)
    run.tool = tool
    if not ok then
      error(err, 0)
    end
    return
  end
  runtime.dispatch(run, lev)
end

-- The state a prelude handed over for process pid (wire-encoded, for the
-- library's "Y"), once; nil if none.
function F:handed_over(pid)
  local s = self.handed[pid]
  self.handed[pid] = nil
  return s
end

-- A wait status revel's loop took: true if it was a tracee's (the engine has it).
function F:feed(pid, status)
  return self.run ~= nil and api.feed(self.run.E, pid, status) == 1
end

-- Run the events the engine has queued. An error of the tool's is raised, as
-- the runtime raises it (a RunError).
function F:drain()
  local run = self.run
  if not run then
    return
  end
  local lev = self.lev
  while api.next_queued(run.E, lev) == 0 do
    self:dispatch(lev)
  end
end

-- The end of the run: every tracee is killed (they are never left running).
function F:close()
  local run = self.run
  if not run then
    return
  end
  self.run = nil
  run.active = false
  api.kill_all(run.E)
  timers.close_all(run)
  api.engine_free(ffi.gc(run.E, nil))
end

-- The text of an error drain raised, for the host's one line.
function M.text(e)
  if errors.is(e) then
    return tostring(e)
  end
  return "error in tool: " .. errors.text(e)
end

M.exit_code = state.exit_code

return M
