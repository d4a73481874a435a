-- The life hooks of a tool in the guest (--backend=guest): thread_start,
-- post_exec, exit_thread, exit_process and signal, run in the guest process
-- as the ptrace runtime runs them (scripts/revel/_runtime.lua, _state.lua).
-- guest/guest_hooks.c calls these functions, with the Lua lock held;
-- guest/inguest.lua hands over its state through S:
--   S.c, S.tool, S.g_methods, S.G, S.config; S.state() -> process, threads, pid;
--   S.new_thread(tid, parent_g) -> g (runs init_thread); S.carried, S.kept:
--   what an exec'd program took over (guest/inguest.lua).
local S = ...
local c, tool = S.c, S.tool
local band = bit.band

local NR_EXIT = 60

local H = {}
-- What guest_hooks.c must call: threads are followed from their start when
-- a hook needs each one (init_thread at the clone, as ptrace); exit and
-- signal hooks when the tool has them.
H.track = (tool.init_thread or tool.thread_start or tool.post_exec or tool.exit_thread or tool.exit_process
  or tool.signal) and true or false
H.exits = (tool.exit_thread or tool.exit_process) and true or false
H.signals = tool.signal and true or false
H.timers = tool.timer ~= nil
-- rdtsc and cpuid trap when the tool subscribes to them or has their hook
-- (as revel._tool's handlers()).
do
  local subs = type(tool.subscriptions) == "table" and tool.subscriptions or { tool.subscriptions }
  for _, w in ipairs(subs) do
    if w == "rdtsc" or w == "cpuid" then
      H[w] = true
    elseif w == "!rdtsc" or w == "!cpuid" then
      H[w:sub(2)] = nil
    end
  end
  H.rdtsc = (H.rdtsc or tool.rdtsc ~= nil) and true or false
  H.cpuid = (H.cpuid or tool.cpuid ~= nil) and true or false
end

local traceback = debug.traceback

-- Where a tool's function is defined: "tool.lua:12" (as revel._state).
local function defined(f)
  local info = debug.getinfo(f, "S")
  return info and (info.short_src .. ":" .. info.linedefined) or "?"
end

-- A hook that is not a handler: its error ends the run, said with the hook
-- and whom it ran for (as revel._state.call_hook).
local function call(f, at, g, hook, ...)
  local before = rawget(g, "_hook")
  rawset(g, "_hook", hook)
  local ok, r, r2, r3, r4 = xpcall(f, function(e)
    local text = tostring(e)
    if not text:match("^[^\n]-:%d+: ") then
      text = defined(f) .. ": " .. text
    end
    return traceback(("error in tool: %s (at %s)"):format(text, at), 2)
  end, g, ...)
  rawset(g, "_hook", before)
  if not ok then
    error(r, 0)
  end
  return r, r2, r3, r4
end

-- g:inject runs in handlers, thread_start and post_exec; not in the exit
-- hooks nor in signal (as under ptrace: they run outside the thread's
-- handler). g:tail_inject only in a handler: the hooks have no call to replace.
local NO_INJECT = { exit_thread = true, exit_process = true, signal = true, rdtsc = true, cpuid = true }
local m = S.g_methods
local inject, tail_inject = m.inject, m.tail_inject
function m.inject(g, sc)
  if NO_INJECT[rawget(g, "_hook")] then
    error(("g:inject may only be called from thread %d's own handler"):format(g.tid), 2)
  end
  return inject(g, sc)
end
function m.tail_inject(g, sc)
  local hook = rawget(g, "_hook")
  if NO_INJECT[hook] then
    error(("g:tail_inject may only be called from thread %d's own handler"):format(g.tid), 2)
  elseif hook then
    error(("g:tail_inject replaces a syscall; %s has none (use g:inject)"):format(hook), 2)
  end
  return tail_inject(g, sc)
end

-- g:fd_path(fd): what the thread's fd refers to, as /proc/TID/fd/FD links
-- it, or nil, "EBADF" when it is not open (as revel._guest's).
local errno_names = {}
for name, n in pairs(revel.errno) do
  errno_names[n] = name
end
function m.fd_path(g, fd)
  if type(fd) ~= "number" then
    error(("g:fd_path: the fd must be a number, got %s"):format(type(fd)), 2)
  end
  if not (fd % 1 == 0 and fd >= 0 and fd < 2147483648) then
    return nil, "EBADF"
  end
  local s, e = c.readlink(("/proc/%d/fd/%d"):format(g.tid, fd))
  if not s then
    if e == 2 then -- no such entry: the fd is not open in this thread's table
      return nil, "EBADF"
    end
    return nil, errno_names[e] or tostring(e)
  end
  return s
end

local function thread_of(tid)
  local _, threads = S.state()
  return threads[tid] or S.new_thread(tid)
end

-- A thread the guest made is about to run its first instruction (the clone
-- child, or a forked process's thread, after init_process): init_thread
-- with its creator's state, then thread_start.
function H.started(tid, parent_tid)
  local _, threads = S.state()
  local g = S.new_thread(tid, threads[parent_tid])
  if tool.thread_start then
    call(tool.thread_start, "thread_start of thread " .. tid, g, "thread_start")
  end
end

local exit_thread

-- The library's start in a program: a new process's first program (the
-- command's, or one a process sharing its creator's memory exec'd:
-- init_thread, thread_start, then post_exec, as ptrace runs them around that
-- execve) or one a guest process exec'd (post_exec, after the exit_thread of
-- the threads the execve ended, as ptrace reports them).
function H.start(tid)
  local kept = S.kept
  if kept and kept.prelude then
    -- revel ran the program's start under ptrace (its prelude): the exits
    -- of the threads its execve ended ran there, and thread_start and
    -- post_exec, but for a tool with timers (kept.start: they run here)
    local g = thread_of(tid)
    if kept.start == "root" and tool.thread_start then
      call(tool.thread_start, "thread_start of thread " .. tid, g, "thread_start")
    end
    if kept.start and tool.post_exec then
      call(tool.post_exec, "post_exec of thread " .. tid, g, "post_exec")
    end
    return
  end
  if kept and kept.threads then
    local tids = {}
    for t in pairs(kept.threads) do
      if t ~= kept.tid then
        tids[#tids + 1] = t
      end
    end
    table.sort(tids)
    for _, t in ipairs(tids) do
      local gone = setmetatable({ tid = t, pid = tid, config = S.config, thread = kept.threads[t] }, S.G)
      -- the leader a thread's execve superseded: that thread's tid, fifth
      exit_thread(gone, 0, t == tid and kept.tid or nil)
    end
  end
  local g = thread_of(tid)
  if S.carried == "" and tool.thread_start then
    call(tool.thread_start, "thread_start of thread " .. tid, g, "thread_start")
  end
  if tool.post_exec then
    call(tool.post_exec, "post_exec of thread " .. tid, g, "post_exec")
  end
end

local leader_gone -- the leader's exit while other threads run: { g, status }

function exit_thread(g, status, by)
  local code = band(status, 0x7f) == 0 and band(status, 0xff00) / 256 or 128 + band(status, 0x7f)
  if tool.exit_thread then
    call(tool.exit_thread, "exit_thread of thread " .. g.tid, g, "exit_thread", g.thread, code, status, by)
  end
  return code
end

-- Thread tid is about to execve: the process's state and its threads' go to
-- revel, for the new program to take over (g.process and g.thread live on
-- across an exec under ptrace). State that is not plain data is lost: "-".
function H.exec(tid)
  local process, threads, pid = S.state()
  local ts = {}
  for t, g in pairs(threads) do
    ts[t] = g.thread
  end
  if leader_gone then
    ts[pid] = leader_gone.g.thread
  end
  local ok, s = pcall(c.wire.encode, { process = process, tid = tid, threads = ts })
  c.rpc("X" .. pid .. "\n" .. (ok and s or "-"))
end

local function exit_process(g, status)
  local process, _, pid = S.state()
  if tool.exit_process then
    local code = band(status, 0x7f) == 0 and band(status, 0xff00) / 256 or 128 + band(status, 0x7f)
    call(tool.exit_process, "exit_process of process " .. pid, g, "exit_process", process, code, status)
  end
end

-- The whole process ends with status (exit_group, a fatal signal): each
-- thread's exit_thread, the leader last (the kernel reports a leader's end
-- after its other threads'), then exit_process with the leader.
local function all_gone(status)
  local _, threads, pid = S.state()
  local tids = {}
  for t in pairs(threads) do
    if t ~= pid then
      tids[#tids + 1] = t
    end
  end
  table.sort(tids)
  local leader = threads[pid] or (leader_gone and leader_gone.g)
  for _, t in ipairs(tids) do
    local g = threads[t]
    threads[t] = nil
    exit_thread(g, status)
  end
  threads[pid] = nil
  leader = leader or thread_of(pid)
  leader_gone = nil
  exit_thread(leader, status)
  exit_process(leader, status)
end

-- Thread tid calls exit (nr 60) or exit_group with arg.
function H.exit(tid, nr, arg)
  local _, threads, pid = S.state()
  local status = band(arg, 0xff) * 256
  if nr ~= NR_EXIT then
    return all_gone(status)
  end
  local g = thread_of(tid)
  threads[tid] = nil
  if next(threads) ~= nil then
    if tid == pid then
      leader_gone = { g = g, status = status } -- said when the last thread ends
    else
      exit_thread(g, status)
    end
    return
  end
  exit_thread(g, status)
  local last, st = g, status
  if leader_gone then
    last, st = leader_gone.g, leader_gone.status
    leader_gone = nil
    exit_thread(last, st)
  end
  exit_process(last, st)
end

-- ---- rdtsc and cpuid (guest/guest_sigwrap.c traps them) ----
local U32 = 4294967296
local KINDS = { "rdtsc", "rdtscp", "cpuid" }

local function bad_return(f, hook, what, at)
  error(("error in tool: %s: tool.%s returned %s (at %s)"):format(defined(f), hook, what, at), 0)
end

local function u32(f, hook, v, at, which)
  -- bit.band and friends give signed 32-bit numbers: taken as the same bits.
  if type(v) == "number" and v >= -2 ^ 31 and v < U32 and v % 1 == 0 then
    return v % U32
  end
  local what = type(v) == "number" and tostring(v) or "a " .. type(v)
  bad_return(f, hook, ("%s for %s; a 32-bit integer was expected"):format(what, which), at)
end

local ffi = require("ffi")
-- The counter's low and high halves.
local function u64(f, v, at)
  if type(v) == "number" and v >= 0 and v < 2 ^ 64 and v % 1 == 0 then
    return v % U32, math.floor(v / U32)
  elseif type(v) == "cdata" and (ffi.istype("uint64_t", v) or ffi.istype("int64_t", v)) then
    local u = ffi.cast("uint64_t", v)
    return tonumber(u % 4294967296ULL), tonumber(u / 4294967296ULL)
  end
  local what = type(v) == "number" and tostring(v) or "a " .. type(v)
  bad_return(f, "rdtsc", what .. "; a counter (an integer from 0 to 2^64-1) was expected", at)
end

-- An rdtsc, rdtscp (kind 1, 2) or cpuid (3) of thread tid: the registers the
-- tool's hook gives (rdtsc: low, high, TSC_AUX; cpuid: eax..edx), or nil
-- for the machine's (left in place by the C side).
function H.trap(tid, kind, leaf, sub)
  local g = thread_of(tid)
  local name = KINDS[kind]
  if name == "cpuid" then
    local f = tool.cpuid
    if not f then
      return nil
    end
    local at = ("cpuid (leaf %#x, subleaf %#x) of thread %d"):format(leaf, sub, tid)
    local a, b, cc, d = call(f, at, g, "cpuid", leaf, sub)
    if a == nil then
      return nil
    end
    return u32(f, "cpuid", a, at, "eax"), u32(f, "cpuid", b, at, "ebx"), u32(f, "cpuid", cc, at, "ecx"),
      u32(f, "cpuid", d, at, "edx")
  end
  local f = tool.rdtsc
  if not f then
    return nil
  end
  local at = ("%s of thread %d"):format(name, tid)
  local r, ra = call(f, at, g, "rdtsc", name)
  if r == nil then
    return nil
  end
  local lo, hi = u64(f, r, at)
  local aux = nil
  if name == "rdtscp" and ra ~= nil then
    aux = u32(f, "rdtsc", ra, at, "TSC_AUX")
  end
  return lo, hi, aux, nil
end

-- ---- timers (guest/guest_timer.c) ----
local NS_MAX = 2 ^ 62

-- Only the thread's own hooks that may inject (handlers, thread_start,
-- post_exec, timer) set or cancel its timer: it is made in the thread.
local function own(g, what)
  if NO_INJECT[rawget(g, "_hook")] or c.syscall(186, 0, 0, 0, 0, 0, 0) ~= g.tid then -- gettid
    error(("g:%s may only be called from thread %d's own handler"):format(what, g.tid), 3)
  end
end

-- g:set_timer{ ns = N }: tool.timer(g) after N more ns of this thread's CPU
-- time (as revel._timers; { branches = N } is refused at the start).
function m.set_timer(g, spec)
  own(g, "set_timer")
  if type(spec) ~= "table" then
    error(("g:set_timer expects a table ({ ns = N } or { branches = N }), got %s"):format(type(spec)), 2)
  end
  for k in pairs(spec) do
    if k ~= "ns" and k ~= "branches" then
      error(("g:set_timer: unknown field %s (it takes ns = N or branches = N)"):format(tostring(k)), 2)
    end
  end
  if spec.branches ~= nil and spec.ns ~= nil then
    error("g:set_timer: ns and branches together; a timer counts one of them", 2)
  elseif spec.branches ~= nil then
    error("g:set_timer: branches = N needs \"branches\" in the tool's subscriptions", 2)
  end
  local n = spec.ns
  if type(n) ~= "number" or not (n % 1 == 0 and n >= 1 and n <= NS_MAX) then
    local what = type(n) == "number" and tostring(n) or "a " .. type(n)
    error(("g:set_timer: ns is %s; a whole number of nanoseconds from 1 to 2^62 was expected"):format(what), 2)
  end
  if not tool.timer then
    error("g:set_timer: the tool defines no timer hook (tool.timer)", 2)
  end
  local rc = c.timer_set(n)
  if rc < 0 then
    return nil, errno_names[-rc] or tostring(-rc)
  end
  return true
end

-- g:cancel_timer(): the ns the thread's timer had left, or nil when none was set.
function m.cancel_timer(g)
  own(g, "cancel_timer")
  local left = c.timer_cancel()
  if left < 0 then
    return nil
  end
  return left
end

-- Thread tid's timer ran out.
function H.timer(tid)
  local g = thread_of(tid)
  call(tool.timer, "timer of thread " .. tid, g, "timer")
end

-- The process dies of a signal (status: as wait gives it).
function H.killed(tid, status)
  all_gone(status)
end

-- tool.signal(g, sig) for a signal about to be delivered to thread tid (as
-- revel._runtime's on_signal): the signal to deliver, 0 for none.
function H.signal(tid, sig)
  local g = thread_of(tid)
  local passing = rawget(g, "_passing")
  if passing and passing[sig] then -- a held signal g:deliver sends: not asked again
    passing[sig] = passing[sig] > 1 and passing[sig] - 1 or nil
    return sig
  end
  local f = tool.signal
  local at = ("signal %s of thread %d"):format(c.signal_name(sig) or sig, tid)
  rawset(g, "_in_signal", true)
  local r = call(f, at, g, "signal", sig)
  rawset(g, "_in_signal", nil)
  if rawget(g, "_hold") then -- g:hold_signal: kept for g:deliver
    local held = rawget(g, "_held") or {}
    rawset(g, "_held", held)
    rawset(g, "_hold", nil)
    held[sig] = (held[sig] or 0) + 1
    r = false
  end
  if r == nil then
    return sig
  elseif r == false then
    return 0
  elseif type(r) == "number" and r % 1 == 0 and r >= 0 and r <= 64 then
    return r
  end
  local what = type(r) == "number" and tostring(r) or "a " .. type(r)
  error(("error in tool: %s: tool.signal returned %s; a signal number, false or nothing was expected (at %s)")
    :format(defined(f), what, at), 0)
end

-- In tool.signal: the signal is not delivered now but kept for the thread,
-- until a later handler of it calls g:deliver(sig).
function m.hold_signal(g)
  if not rawget(g, "_in_signal") then
    error("g:hold_signal may only be called from tool.signal", 2)
  end
  rawset(g, "_hold", true)
end

-- Deliver a signal this thread held: a tgkill injected now, whose signal
-- tool.signal is not asked about again.
function m.deliver(g, sig)
  if type(sig) ~= "number" or not (sig % 1 == 0 and sig >= 1 and sig <= 64) then
    local what = type(sig) == "number" and tostring(sig) or "a " .. type(sig)
    error(("g:deliver: %s is not a signal (a number from 1 to 64 was expected)"):format(what), 2)
  end
  local held = rawget(g, "_held")
  if not held or not held[sig] then
    error(("g:deliver: signal %s is not held by thread %d"):format(tostring(sig), g.tid), 2)
  end
  if NO_INJECT[rawget(g, "_hook")] then
    error(("g:deliver may only be called from thread %d's own handler"):format(g.tid), 2)
  end
  held[sig] = held[sig] > 1 and held[sig] - 1 or nil
  local passing = rawget(g, "_passing") or {}
  rawset(g, "_passing", passing)
  passing[sig] = (passing[sig] or 0) + 1
  return inject(g, revel.sys.tgkill(g.pid, g.tid, sig))
end

return H
