-- revel._state (private): the tool's state tiers and the life of guest threads and
-- processes: init_global, init_process, init_thread (at clone time, seeing the
-- parent's thread state), exit_thread, exit_process and finish.
local rffi = require("revel.ffi")
local syscall = require("revel._syscall")
local guest = require("revel._guest")

local ffi = rffi.ffi
local G = guest.G
local NEW_PROCESS = rffi.NEW_PROCESS

local M = {}

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
  local p = { pid = pid, state = init and init(pid, run.config) or {} }
  run.procs[pid] = p
  return p
end

local function new_thread(run, tid, proc, parent)
  local init = run.tool.init_thread
  local ts
  if init then
    ts = init(tid, parent and parent.tid or nil, parent and parent.thread or nil)
  end
  -- The thread's place in the tree: "1" for the root, "1.2" for the second
  -- task the root created, and so on. Unlike tids it is the same on every run.
  local place = "1"
  if parent then
    parent._children = parent._children + 1
    place = parent.place .. "." .. parent._children
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
  run.global = init and init(run.config, run) or nil
end

function M.root(run, pid)
  new_thread(run, pid, new_process(run, pid), nil)
end

-- A thread we did not see created (should not happen): give it state anyway.
function M.adopt(run, tid, pid)
  local proc = run.procs[pid] or new_process(run, pid)
  return new_thread(run, tid, proc, nil)
end

function M.task_new(run, ev)
  local parent = run.threads[ev.parent_tid]
  local proc
  if bit.band(ev.flags, NEW_PROCESS) ~= 0 or not parent then
    proc = new_process(run, ev.pid)
  else
    proc = run.procs[parent.pid]
  end
  new_thread(run, ev.tid, proc, parent)
end

function M.exec(run, ev)
  local tid, former = ev.tid, ev.former_tid
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
  local proc = run.procs[g.pid]
  if proc then
    proc.last = g
  end
  local f = run.tool.exit_thread
  if f then
    f(g, g.thread, M.exit_code(ev.status), ev.status)
  end
end

function M.process_exit(run, ev)
  local proc = run.procs[ev.pid]
  if not proc then
    return
  end
  run.procs[ev.pid] = nil
  local f = run.tool.exit_process
  if f and proc.last then
    f(proc.last, proc.state, M.exit_code(ev.status), ev.status)
  end
end

function M.finish(run, code)
  local f = run.tool.finish
  if f then
    f(run.global, code)
  end
end

return M
