-- revel._perftimer (private): the counter route of g:set_timer, branch
-- timers (subscription "branches", g:set_timer{ branches = N }): tool.timer
-- after N retired conditional branches of the thread in user mode, as
-- Reverie's precise timers count (docs/design.md, "Timers").
--
-- revel (the tracer) opens, per thread that sets one, a perf counter of
-- that thread (perf_event_open with pid = its tid, cpu = -1), disabled, and
-- routes its overflow to the thread itself: fcntl F_SETOWN_EX (F_OWNER_TID),
-- F_SETSIG 32 (revel._timers.SIG) and O_ASYNC. Arming is PERF_EVENT_IOC_PERIOD
-- N (which also drops what an earlier arming had left), RESET and REFRESH 1:
-- one overflow, after which the kernel disables the counter and signals the
-- thread (si_code POLL_IN or POLL_HUP, si_fd our fd). That signal's delivery
-- stop is where tool.timer runs; it never reaches the guest. The fd is
-- revel's: closed when the thread exits, at its process's execve, and at the
-- end of the run.
--
-- The counter: the CPU's "retired conditional branches" as a raw event, the
-- values Reverie takes from rr (reverie-ptrace/src/timer.rs, "based on rr's
-- PerfCounters_x86.h and PerfCounters.cc"; rr's pmu_configs): Intel
-- BR_INST_RETIRED.CONDITIONAL 0x5101c4 (0x5111c4 from Ice Lake on), AMD Zen
-- RETIRED_CONDITIONAL_BRANCH_INSTRUCTIONS 0x5100d1; elsewhere, or when the
-- raw event is refused, the kernel's generic PERF_COUNT_HW_BRANCH_INSTRUCTIONS.
--
-- Test-only knob: REVEL_TIMER_EVENT=sw-task-clock counts the software
-- task clock instead (N in ns of the thread's CPU time, user and kernel),
-- which every kernel has: the same perf route (open, overflow, signal,
-- re-arm, close) runs where the CPU has no counters (spec/perftimer_spec.lua).
local rffi = require("revel.ffi")

local bit = require("bit")

local ffi = rffi.ffi
local C = ffi.C

pcall(ffi.cdef, "long syscall(long number, ...);")
pcall(ffi.cdef, "int close(int fd);")
pcall(ffi.cdef, "int ioctl(int fd, unsigned long request, ...);")
pcall(ffi.cdef, "int fcntl(int fd, int cmd, ...);")
pcall(ffi.cdef, "long read(int fd, void *buf, unsigned long count);")
pcall(ffi.cdef, "int getpid(void);")

local M = {}

M.SIG = 32 -- revel._timers.SIG
local SYS_perf_event_open, PERF_FLAG_FD_CLOEXEC = 298, 8
local PERF_TYPE_HARDWARE, PERF_TYPE_SOFTWARE, PERF_TYPE_RAW = 0, 1, 4
local PERF_COUNT_HW_BRANCH_INSTRUCTIONS, PERF_COUNT_SW_TASK_CLOCK = 4, 1
local DISABLED, EXCLUDE_KERNEL, EXCLUDE_HV = 1, 32, 64
local IOC_DISABLE, IOC_REFRESH, IOC_RESET, IOC_PERIOD = 0x2401, 0x2402, 0x2403, 0x40082404
local F_SETFL, F_GETFL, F_SETSIG, F_SETOWN_EX, F_OWNER_TID, O_ASYNC = 4, 3, 10, 15, 0, 0x2000
local POLL_IN, POLL_HUP, SI_QUEUE = 1, 6, -1
local ENOENT = 2

-- Intel family 6 models that count conditional branches as 0x5111c4 (rr:
-- Ice Lake, Tiger Lake, Rocket Lake, Alder/Raptor/Meteor/Arrow Lake,
-- Sapphire/Emerald/Granite Rapids).
local INTEL_NEW = {}
for _, m in ipairs({ 0x6a, 0x6c, 0x7d, 0x7e, 0x8c, 0x8d, 0xa7, 0x97, 0x9a, 0xb7, 0xba, 0xbf, 0xaa, 0xac,
  0xc5, 0xc6, 0x8f, 0xcf, 0xad }) do
  INTEL_NEW[m] = true
end

local function cpu()
  local f = io.open("/proc/cpuinfo")
  local s = f and f:read(4096) or ""
  if f then
    f:close()
  end
  return s:match("vendor_id%s*:%s*(%S+)"), tonumber(s:match("cpu family%s*:%s*(%d+)")),
    tonumber(s:match("\nmodel%s*:%s*(%d+)"))
end

-- The events to try, best first: { type, config, name, exclude_kernel }.
-- nil and a reason for an unknown knob.
function M.events()
  local knob = os.getenv("REVEL_TIMER_EVENT")
  if knob and knob ~= "" then
    if knob ~= "sw-task-clock" then
      return nil, ("REVEL_TIMER_EVENT=%s: the only test event is sw-task-clock"):format(knob)
    end
    -- Kernel time too, as the thread CPU clock of ns timers counts it.
    return { { PERF_TYPE_SOFTWARE, PERF_COUNT_SW_TASK_CLOCK, "task-clock", false } }
  end
  local list = {}
  local vendor, family, model = cpu()
  if vendor == "GenuineIntel" and family == 6 then
    list[1] = { PERF_TYPE_RAW, INTEL_NEW[model] and 0x5111c4 or 0x5101c4, "retired conditional branches", true }
  elseif vendor == "AuthenticAMD" and family and family >= 0x17 then
    list[1] = { PERF_TYPE_RAW, 0x5100d1, "retired conditional branches", true }
  end
  list[#list + 1] = { PERF_TYPE_HARDWARE, PERF_COUNT_HW_BRANCH_INSTRUCTIONS, "branch instructions", true }
  return list
end

local attr = ffi.new("uint64_t[8]") -- struct perf_event_attr, PERF_ATTR_SIZE_VER0 (64 bytes)
local function long(v)
  return ffi.cast("long", v)
end

-- perf_event_open of event ev for tid (0: revel itself); the fd, or nil
-- and the errno.
local function open(ev, tid)
  ffi.fill(attr, 64)
  local u32 = ffi.cast("uint32_t *", attr)
  u32[0], u32[1] = ev[1], 64 -- type, size
  attr[1] = ev[2] -- config
  attr[2] = 1 -- sample_period; set at each arming
  attr[5] = DISABLED + EXCLUDE_HV + (ev[4] and EXCLUDE_KERNEL or 0)
  u32[12] = 1 -- wakeup_events: the signal at the first overflow
  local fd = tonumber(C.syscall(SYS_perf_event_open, attr, long(tid), long(-1), long(-1),
    long(PERF_FLAG_FD_CLOEXEC)))
  if fd < 0 then
    return nil, ffi.errno()
  end
  return fd
end

local chosen -- the event of this run, once probed

-- Why branch timers cannot run here (a line for the refusal at the start),
-- or nil: then the event that works is kept for the run's threads.
function M.refused()
  local list, why = M.events()
  if not list then
    return why
  end
  local err
  for _, ev in ipairs(list) do
    local fd
    fd, err = open(ev, 0)
    if fd then
      C.close(fd)
      chosen = ev
      return nil
    end
  end
  local more = err == ENOENT and " (this machine has no hardware performance counters)" or ""
  return ("perf_event_open of the branch counter: %s%s"):format(rffi.errno_name(err) or tostring(err), more)
end

local u64 = ffi.new("uint64_t[1]")
local owner = ffi.new("int32_t[2]") -- struct f_owner_ex

local function counters(run)
  run.perf = run.perf or { by_g = {}, by_fd = {} }
  return run.perf
end

local function errname(e)
  return rffi.errno_name(e) or tostring(e)
end

local function forget(p, t)
  p.by_g[t.g], p.by_fd[t.fd] = nil, nil
  C.close(t.fd)
end

-- The counter of thread g, opened and routed to it on first use.
local function counter(g)
  local p = counters(rawget(g, "run"))
  local t = p.by_g[g]
  if t then
    return t
  end
  if not chosen and M.refused() then
    return nil, "ENOENT"
  end
  local fd, e = open(chosen, g.tid)
  if not fd then
    return nil, errname(e)
  end
  owner[0], owner[1] = F_OWNER_TID, g.tid
  if C.fcntl(fd, F_SETOWN_EX, owner) ~= 0 or C.fcntl(fd, F_SETSIG, ffi.new("int", M.SIG)) ~= 0
    or C.fcntl(fd, F_SETFL, ffi.new("int", bit.bor(C.fcntl(fd, F_GETFL), O_ASYNC))) ~= 0 then
    e = ffi.errno()
    C.close(fd)
    return nil, errname(e)
  end
  t = { g = g, fd = fd, armed = false, n = 0 }
  p.by_g[g], p.by_fd[fd] = t, t
  return t
end

-- Arm g's counter for n more events: true, or nil and an errno name.
function M.set(g, n)
  local t, err = counter(g)
  if not t then
    return nil, err
  end
  u64[0] = n
  if C.ioctl(t.fd, IOC_PERIOD, u64) ~= 0 or C.ioctl(t.fd, IOC_RESET, long(0)) ~= 0
    or C.ioctl(t.fd, IOC_REFRESH, long(1)) ~= 0 then
    return nil, errname(ffi.errno())
  end
  t.armed, t.n = true, n
  return true
end

-- Disarm g's counter: what it had left (0: it ran out, its call not made
-- and now never made), or nil when none was armed.
function M.cancel(g)
  local p = rawget(g, "run").perf
  local t = p and p.by_g[g]
  if not t or not t.armed then
    return nil
  end
  t.armed = false
  local got = C.read(t.fd, u64, 8) == 8 and tonumber(u64[0]) or t.n
  C.ioctl(t.fd, IOC_DISABLE, long(0))
  return math.max(0, t.n - got)
end

function M.armed(g)
  local p = rawget(g, "run").perf
  local t = p and p.by_g[g]
  return t ~= nil and t.armed
end

-- A signal SIG with siginfo si (int32_t view) at g's delivery stop: nil
-- when not a counter's; false when it is one but no call is due (disarmed
-- meanwhile, or of a counter since closed); true when tool.timer is due.
-- The kernel's own has si_code POLL_IN (POLL_HUP when REFRESH's count ran
-- out) and si_fd (int 6) our fd; one the engine held mid-chain comes back
-- as SI_QUEUE from revel's pid (a tracer may not queue a positive si_code
-- to another process), si_fd kept.
local self_pid = C.getpid()
function M.take(run, g, si)
  local code = si[2]
  if not (code == POLL_IN or code == POLL_HUP or (code == SI_QUEUE and si[4] == self_pid)) then
    return nil
  end
  local p = run.perf
  local t = p and p.by_fd[si[6]]
  if not t then
    return false -- a counter closed while its signal was pending
  end
  if t.g ~= g or not t.armed then
    return false
  end
  t.armed = false
  return true
end

-- Thread g is gone (exit): its counter closed.
function M.thread_gone(run, g)
  local p = run.perf
  local t = p and g and p.by_g[g]
  if t then
    forget(p, t)
  end
end

-- Process pid called execve: its counters go, as its POSIX timers do.
function M.exec(run, pid)
  local p = run.perf
  if not p then
    return
  end
  for g, t in pairs(p.by_g) do
    if g.pid == pid then
      forget(p, t)
    end
  end
end

function M.close_all(run)
  local p = run.perf
  if p then
    for _, t in pairs(p.by_g) do
      forget(p, t)
    end
  end
end

return M
