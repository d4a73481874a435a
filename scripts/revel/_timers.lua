-- revel._timers (private): g:set_timer{ ns = N }, g:cancel_timer() and the
-- tool.timer(g) hook: a call of the tool after N ns of a thread's own CPU
-- time, also in a loop that makes no syscall.
--
-- The route (docs/design.md, "Timers"): each thread that sets a timer gets a
-- POSIX timer of its own, made in the guest by injected calls:
-- timer_create(CLOCK_THREAD_CPUTIME_ID) with SIGEV_THREAD_ID (the signal
-- goes to that thread), then timer_settime for each g:set_timer. The kernel
-- sends the signal once the thread's CPU time (user and system) reaches N:
-- its signal-delivery stop is where revel calls tool.timer, in the thread's
-- coroutine (it may inject, and set the next timer), and the guest never
-- sees the signal. The signal is 32, the kernel's first real-time one:
-- glibc keeps it (SIGCANCEL) and never lets a program block it; the
-- guest's own 32s (pthread_cancel's tgkill) are told from revel's by their
-- siginfo (si_code SI_TIMER, our timer's id and value) and go on as before.
-- The kernel deletes a process's POSIX timers at execve; fork does not
-- copy them.
local rffi = require("revel.ffi")
local guest = require("revel._guest")
local perf = require("revel._perftimer")

local ffi, api = rffi.ffi, rffi.api
local numbers = rffi.numbers
local INJECT = guest.INJECT
local yield = coroutine.yield

local M = {}

local SIG = 32
M.SIG = SIG
local SI_TIMER = -2
local CLOCK_THREAD_CPUTIME_ID, SIGEV_THREAD_ID = 3, 4
local COOKIE = 0x7265766c -- "revl", the sigev_value of revel's timers
local NS_MAX = 2 ^ 62 -- seconds that fit a time_t many times over

local buf = ffi.new("uint8_t[96]") -- struct sigevent (64) + timer_t, or two itimerspecs
local i32 = ffi.cast("int32_t *", buf)
local i64 = ffi.cast("int64_t *", buf)
local info = ffi.new("uint8_t[128]") -- a siginfo_t
local regs = ffi.new("struct user_regs_struct")

local function call(name, ...)
  return { nr = numbers[name], name = name, args = { ... } }
end

-- Where the structures go: below the red zone of the stopped thread's
-- stack, as the kernel puts a signal frame (nothing of the guest's lives
-- there while it is stopped).
local function scratch(g)
  local sp = rawget(g, "_ev").rsp - 128 - 128
  return sp - sp % 16
end

local function put(g, p, n)
  return api.mem_write(rawget(g, "run").E, g.tid, p, buf, n) == n
end

local function fail(rc)
  return nil, rffi.errno_name(-rc) or tostring(-rc)
end

-- The timers of a process: its threads' g -> { id = kernel timer id,
-- armed = bool }. Keyed by g, not tid: a later thread with a reused tid is
-- another g, and gets a timer of its own.
local function timers_of(g)
  local proc = rawget(g, "run").procs[g.pid]
  if not proc then
    return nil
  end
  proc.timers = proc.timers or {}
  return proc.timers
end

-- Timers of threads that are gone stay in the process until it ends or
-- execs (a thread CPU clock that no longer runs never fires, but each holds
-- a queued-signal slot): deleted here, from a thread of the same process.
local function reap(g, timers)
  local threads = rawget(g, "run").threads
  for other, t in pairs(timers) do
    if threads[other.tid] ~= other then
      timers[other] = nil
      yield(INJECT, call("timer_delete", t.id))
    end
  end
end

local function create(g, timers)
  reap(g, timers)
  ffi.fill(buf, 96)
  i64[0] = COOKIE -- sigev_value
  i32[2], i32[3], i32[4] = SIG, SIGEV_THREAD_ID, g.tid -- sigev_signo, sigev_notify, _tid
  local p = scratch(g)
  if not put(g, p, 68) then
    return fail(-14)
  end
  local rc = yield(INJECT, call("timer_create", CLOCK_THREAD_CPUTIME_ID, p, p + 64))
  if rc < 0 then
    return fail(rc)
  end
  if api.mem_read(rawget(g, "run").E, g.tid, p + 64, buf, 4) ~= 4 then
    return fail(-14)
  end
  local t = { id = i32[0], armed = false }
  timers[g] = t
  return t
end

-- timer_settime(id, 0, {0, ns}, &old): the nanoseconds the timer had left.
local function settime(g, t, ns)
  ffi.fill(buf, 64)
  i64[2], i64[3] = math.floor(ns / 1e9), ns % 1e9
  local p = scratch(g)
  if not put(g, p, 64) then
    return fail(-14)
  end
  local rc = yield(INJECT, call("timer_settime", t.id, 0, p, p + 32))
  if rc < 0 then
    return fail(rc)
  end
  if api.mem_read(rawget(g, "run").E, g.tid, p + 32, buf, 32) ~= 32 then
    return fail(-14)
  end
  return tonumber(i64[2]) * 1e9 + tonumber(i64[3])
end

local function check_spec(spec, run)
  if type(spec) ~= "table" then
    error(("g:set_timer expects a table ({ ns = N } or { branches = N }), got %s"):format(type(spec)), 3)
  end
  for k in pairs(spec) do
    if k ~= "ns" and k ~= "branches" then
      error(("g:set_timer: unknown field %s (it takes ns = N or branches = N)"):format(tostring(k)), 3)
    end
  end
  local kind = spec.branches ~= nil and "branches" or "ns"
  if spec.branches ~= nil and spec.ns ~= nil then
    error("g:set_timer: ns and branches together; a timer counts one of them", 3)
  end
  if kind == "branches" and not (run.traps and run.traps.branches) then
    error("g:set_timer: branches = N needs \"branches\" in the tool's subscriptions", 3)
  end
  local n = spec[kind]
  if type(n) ~= "number" or not (n % 1 == 0 and n >= 1 and n <= NS_MAX) then
    local what = type(n) == "number" and tostring(n) or "a " .. type(n)
    local unit = kind == "ns" and "nanoseconds" or "branches"
    error(("g:set_timer: %s is %s; a whole number of %s from 1 to 2^62 was expected"):format(kind, what, unit), 3)
  end
  if not (run.traps and run.traps.timer) then
    error("g:set_timer: the tool defines no timer hook (tool.timer)", 3)
  end
  return kind, n
end

local methods, in_own_handler = guest.methods, guest.in_own_handler

-- g:set_timer{ ns = N }: tool.timer(g) after N more ns of this thread's CPU
-- time; { branches = N }: after N more retired conditional branches
-- (revel._perftimer). One timer per thread: setting it again (of either
-- kind) moves it. true, or nil and an errno name when the kernel refuses
-- (EAGAIN: too many timers).
function methods.set_timer(g, spec)
  in_own_handler(g, "set_timer")
  local kind, ns = check_spec(spec, rawget(g, "run"))
  local timers = timers_of(g)
  if not timers then
    return nil, "ESRCH"
  end
  local t, err = timers[g], nil
  if kind == "branches" then
    if t and t.armed then
      t.armed = false
      settime(g, t, 0)
    end
    return perf.set(g, ns)
  end
  perf.cancel(g)
  if not t then
    t, err = create(g, timers)
    if not t then
      return nil, err
    end
  end
  local left
  left, err = settime(g, t, ns)
  if not left then
    return nil, err
  end
  t.armed = true
  return true
end

-- g:cancel_timer(): the ns (or branches) the thread's timer had left (0:
-- it had run out, its call not yet made, and now never made), or nil when
-- none was set.
function methods.cancel_timer(g)
  in_own_handler(g, "cancel_timer")
  if perf.armed(g) then
    return perf.cancel(g)
  end
  local timers = timers_of(g)
  local t = timers and timers[g]
  if not t or not t.armed then
    return nil
  end
  t.armed = false
  local left, err = settime(g, t, 0)
  if not left then
    return nil, err
  end
  return left
end

-- Why branch timers (subscription "branches", g:set_timer{ branches = N })
-- cannot run here, or nil when they can (revel._perftimer).
M.branches_refused = perf.refused
M.close_all = perf.close_all -- the branch counters' fds, at the end of a run

-- A signal-delivery stop of SIG in thread g: nil when it is not one of
-- revel's timers (the guest's own signal); false when it is but its call is
-- not to be made (cancelled meanwhile, or the signal of a timer an execve
-- deleted, which older kernels still deliver); true when tool.timer
-- is due, g's event then set up for the hook (its stack pointer, for
-- injections). Revel's are those from a POSIX timer (SI_TIMER) with its
-- value, COOKIE.
function M.take(run, g, tid, lev)
  if not g or api.get_siginfo(run.E, tid, info) ~= 0 then
    return nil
  end
  local si = ffi.cast("int32_t *", info)
  local due = perf.take(run, g, si) -- a branch counter's (si_code POLL_IN, si_fd)
  if due == nil then
    if si[2] ~= SI_TIMER or ffi.cast("int64_t *", info)[3] ~= COOKIE then
      return nil
    end
    local proc = run.procs[g.pid]
    local t = proc and proc.timers and proc.timers[g]
    due = t and t.id == si[4] and t.armed
    if due then
      t.armed = false
    end
  end
  if not due or api.get_regs(run.E, tid, regs) ~= 0 then
    return false
  end
  ffi.copy(rawget(g, "_ev"), lev, run.lev_size)
  rawget(g, "_ev").rsp = tonumber(regs.rsp)
  g._time = lev.time
  return true
end

return M
