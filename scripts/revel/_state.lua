-- revel._state (private): the tool's state tiers and the life of guest threads and
-- processes: init_global, init_process, init_thread (at clone time, seeing the
-- parent's thread state), exit_thread, exit_process and finish.
local rffi = require("revel.ffi")
local syscall = require("revel._syscall")
local guest = require("revel._guest")
local errors = require("revel._errors")
local perftimer = require("revel._perftimer")

local ffi = rffi.ffi
local G = guest.G
local DONE = {} -- what a hook's coroutine yields when the hook returned
local NEW_PROCESS = rffi.NEW_PROCESS

local M = {}

-- Where a tool's function is defined: "tool.lua:12".
function M.defined(f)
  local info = type(f) == "function" and debug.getinfo(f, "S")
  if not info or info.what == "C" then
    return "?"
  end
  return info.short_src .. ":" .. info.linedefined
end

-- An error's text with a position: the tool's file and line when the error
-- has none of its own (error(nil), an error raised through a tail call).
function M.located(f, e)
  local text = errors.text(e)
  if type(e) == "string" and text:match("^[^\n]-:%d+: ") then
    if not text:match("^revel/[%w_]+%.lua:%d+: ") then
      return text
    end
    text = text:gsub("^[^:]*:%d+: ", "") -- revel's own frame: a tail call left no tool frame
  end
  return M.defined(f) .. ": " .. text
end

-- The traceback of a coroutine that died of an error, less its first frame
-- (revel's own). Taken after the fact: a message handler may have no stack
-- left to run on after a stack overflow.
function M.dead_traceback(co)
  return (debug.traceback(co, "", 0):gsub("^\n", ""):gsub("\n[^\n]*$", ""))
end

-- Run a hook that is not a handler: an error in it ends the run, said with
-- the hook and whom it ran for, and a traceback.
function M.call_hook(f, at, ...)
  local co = coroutine.create(function(...)
    return coroutine.yield(DONE, f(...))
  end)
  local ok, tag, r, r2, r3, r4 = coroutine.resume(co, ...)
  if ok and tag == DONE then
    return r, r2, r3, r4 -- up to four: tool.cpuid's registers
  end
  if ok then
    r = "a hook may not yield"
  elseif errors.is(tag) then
    error(tag, 0)
  else
    r = tag
  end
  local e = errors.run_error(("error in tool: %s (at %s)"):format(M.located(f, r), at), M.dead_traceback(co))
  -- The dead coroutine may hold a stack that overflowed: collected now, as
  -- with it left to a later step raising e gave "error in error handling".
  co = nil
  collectgarbage()
  error(e, 0)
end
local call_hook = M.call_hook

-- The exit code a shell would show for a wait status.
function M.exit_code(status)
  local sig = bit.band(status, 0x7f)
  if sig == 0 then
    return bit.band(bit.rshift(status, 8), 0xff)
  end
  return 128 + sig
end

local function new_process(run, pid)
  local init = run.tool.init_process
  local st = init and call_hook(init, "init_process of process " .. pid, pid, run.config)
  local p = { pid = pid, state = st or {} }
  run.procs[pid] = p
  return p
end

local function new_thread(run, tid, proc, parent, child_no, carried)
  local init = run.tool.init_thread
  local ts = carried
  if init and carried == nil then
    ts = call_hook(init, "init_thread of thread " .. tid, tid, parent and parent.tid or nil,
      parent and parent.thread or nil)
  end
  -- The thread's place in the tree: "1" for the root, "1.2" for the second
  -- task the root created, and so on. Unlike tids it is the same on every run:
  -- the engine numbers a parent's children at its clone events (child_no),
  -- not in the order their first stops come in.
  local place = "1"
  if parent then
    local n = (child_no and child_no > 0) and child_no or parent._children + 1
    parent._children = math.max(parent._children, n)
    place = parent.place .. "." .. n
  end
  local g = setmetatable({
    tid = tid,
    pid = proc.pid,
    place = place,
    _children = 0,
    thread = ts or {},
    process = proc.state,
    config = run.config,
    run = run,
    _sc = syscall.new(0),
    _ev = ffi.new("struct revel_lua_event"),
    _co = nil,
  }, G)
  rawset(g._sc, "_g", g) -- tostring(sc) reads the guest through its thread
  run.threads[tid] = g
  return g
end

function M.start(run)
  local init = run.tool.init_global
  run.global = init and call_hook(init, "init_global", run.config, run) or nil
end

function M.root(run, pid)
  new_thread(run, pid, new_process(run, pid), nil)
end

-- A thread we did not see created (should not happen): give it state anyway.
function M.adopt(run, tid, pid)
  local proc = run.procs[pid] or new_process(run, pid)
  return new_thread(run, tid, proc, nil)
end

-- A thread revel takes on as it is (--backend=guest's fallback to ptrace,
-- revel._guest_fallback): its process's and its own state as the guest
-- carried them over (no init hook runs for those), else new ones.
function M.carry(run, tid, pid, pstate, tstate)
  local proc = run.procs[pid]
  if not proc and pstate ~= nil then
    proc = { pid = pid, state = pstate }
    run.procs[pid] = proc
  end
  return new_thread(run, tid, proc or new_process(run, pid), nil, nil, tstate)
end

function M.task_new(run, ev)
  local parent = run.threads[ev.parent_tid]
  local proc
  if bit.band(ev.flags, NEW_PROCESS) ~= 0 or not parent then
    proc = new_process(run, ev.pid)
  else
    proc = run.procs[parent.pid]
  end
  new_thread(run, ev.tid, proc, parent, ev.child_no)
end

function M.exec(run, ev)
  local tid, former = ev.tid, ev.former_tid
  -- A new address space: g:alloc's blocks are gone with the old one, and
  -- the kernel deletes the process's POSIX timers (g:set_timer's).
  local proc = run.procs[tid]
  if proc then
    proc.allocs, proc.timers = nil, nil
  end
  perftimer.exec(run, tid) -- and revel closes its branch counters
  if former ~= tid then
    -- A non-leader thread called execve and took the leader's tid.
    local g = run.threads[former]
    run.threads[former] = nil
    if g then
      g.tid = tid
      run.threads[tid] = g
    end
  end
end

function M.task_exit(run, ev)
  local g = run.threads[ev.tid]
  if not g then
    return
  end
  run.threads[ev.tid] = nil
  perftimer.thread_gone(run, g)
  local proc = run.procs[g.pid]
  if proc then
    proc.last = g
  end
  g._time = tonumber(ev.time_ns) / 1e9
  local f = run.tool.exit_thread
  if f then
    -- A leader another thread's execve superseded: that thread's tid, fifth.
    local by = ev.former_tid ~= 0 and ev.former_tid or nil
    call_hook(f, "exit_thread of thread " .. ev.tid, g, g.thread, M.exit_code(ev.status), ev.status, by)
  end
end

-- A thread revel let go of (-b execve): its state goes, with no exit hook;
-- its process's too when it was the last one known.
-- A thread revel let go of; said: the tool's detach hook and strace's
-- "Process N detached" (-b execve, REVEL_EV_DETACHED).
function M.task_detached(run, ev, said)
  local g = run.threads[ev.tid]
  if said and g and run.tool.detach then
    call_hook(run.tool.detach, "detach of thread " .. ev.tid, g)
  end
  if said and run.plan.detach_say then
    io.stderr:write(("revel: Process %d detached\n"):format(ev.tid))
  end
  if not g then
    return
  end
  run.threads[ev.tid] = nil
  perftimer.thread_gone(run, g)
  for _, other in pairs(run.threads) do
    if other.pid == g.pid then
      return
    end
  end
  run.procs[g.pid] = nil
end

function M.process_exit(run, ev)
  local proc = run.procs[ev.pid]
  if not proc then
    return
  end
  run.procs[ev.pid] = nil
  local f = run.tool.exit_process
  if f and proc.last then
    call_hook(f, "exit_process of process " .. ev.pid, proc.last, proc.state, M.exit_code(ev.status),
      ev.status)
  end
end

function M.finish(run, code)
  local f = run.tool.finish
  if f then
    call_hook(f, "finish", run.global, code)
  end
end

return M
