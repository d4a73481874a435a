-- repeatable.lua: a process tree's sources of nondeterminism made repeatable
-- from --seed, as Hermit does with Reverie:
--   clocks     every clock read (clock_gettime, gettimeofday, time, through the
--              vDSO too) and rdtsc/rdtscp advance --step ns per read on a
--              logical clock of the thread; the wall clock starts at --epoch.
--              A new thread or process starts at its parent's clock at the
--              clone, fork or vfork that made it. Sleeps (nanosleep,
--              clock_nanosleep) take no real time: the clock jumps to their
--              end; futex waits with a timeout wait in real time for what is
--              left of it, and one that times out moves the clock to its end
--   randomness getrandom, reads of /dev/urandom and /dev/random, and the 16
--              AT_RANDOM bytes each execve hands libc come from --seed and the
--              thread's place in the tree (g.place), never from the kernel
--   machine    uname, sched_getaffinity (--cpus CPUs), getcpu (CPU 0;
--              rseq fails with ENOSYS, so glibc's sched_getcpu asks getcpu),
--              sysinfo, times and getrusage (from the logical clock) give
--              fixed answers; cpuid answers the machine's values with the
--              APIC ids zeroed and RDRAND, RDSEED and TSX hidden
--   addresses  ASLR is off (personality ADDR_NO_RANDOMIZE before the first
--              execve), so pointers repeat too
-- What it cannot control it says once on stderr: cpuid where the CPU has no
-- CPUID faulting, and the order in which threads and processes run (when a
-- second one starts). Not controlled either: file timestamps, /proc and
-- /sys, and the network.
--   revel examples/repeatable.lua --seed 7 -- python3 -c 'import random; print(random.random())'
local ffi = require("ffi")

local tool = { options = { seed = 1, epoch = 946684800, step = 1000, cpus = 1 } }
tool.subscriptions = { "clock_gettime", "gettimeofday", "time", "clock_getres", "getcpu", "rseq",
  "getrandom", "read", "uname", "sched_getaffinity", "execve", "clone", "clone3", "fork", "vfork",
  "sysinfo", "times", "getrusage", "nanosleep", "clock_nanosleep", "futex", "rdtsc" }

local NS = 1e9
local BOOT = 1000 * NS -- the monotonic clocks start here
local said = {}
local function say(what)
  if not said[what] then
    said[what] = true
    io.stderr:write("repeatable: ", what, "\n")
  end
end

-- The logical clock of each thread, by place; and, for each thread, its
-- clock at each clone it made (its k-th child, place .. "." .. k, starts
-- there).
local clock, at_clone = {}, {}
local function now(g)
  local t = clock[g.place]
  if not t then
    local parent, k = g.place:match("^(.*)%.(%d+)$")
    t = parent and at_clone[parent] and at_clone[parent][tonumber(k)] or 0
  end
  return t
end
local function tick(g)
  local t = now(g) + g.config.step
  clock[g.place] = t
  return t
end

local function put(g, addr, ctype, ...)
  local v = ffi.new(ctype, ...)
  return g:write(addr, ffi.string(v, ffi.sizeof(v)))
end

-- ---- clocks ----
local CPU_CLOCKS = { [2] = true, [3] = true } -- PROCESS_ and THREAD_CPUTIME
local MONO_CLOCKS = { [1] = true, [4] = true, [6] = true, [7] = true, [9] = true }
local WALL_CLOCKS = { [0] = true, [5] = true, [8] = true, [11] = true }

-- The clock's reading at logical time t: seconds and nanoseconds, or nil
-- for an id the kernel refuses. (Seconds apart: the wall clock in ns is
-- past the 2^53 a Lua number holds exactly.)
local function reading(g, id, t)
  id = bit.tobit(id)
  if WALL_CLOCKS[id] then
    return g.config.epoch + math.floor(t / NS), t % NS
  elseif MONO_CLOCKS[id] then
    t = BOOT + t
  elseif not (CPU_CLOCKS[id] or id < 0) then -- < 0: another process's or thread's CPU clock
    return nil
  end
  return math.floor(t / NS), t % NS
end

tool.on = {}
function tool.on.clock_gettime(g, sc)
  local s, ns = reading(g, sc.clockid, tick(g))
  if not s or sc.tp == 0 then
    return -- the kernel's EINVAL or EFAULT
  end
  put(g, sc.tp, "int64_t[2]", s, ns)
  return 0
end

function tool.on.gettimeofday(g, sc)
  local s, ns = reading(g, 0, tick(g))
  if sc.tv ~= 0 then
    put(g, sc.tv, "int64_t[2]", s, math.floor(ns / 1000))
  end
  if sc.tz ~= 0 then
    put(g, sc.tz, "int32_t[2]", 0, 0) -- UTC, no DST
  end
  return 0
end

function tool.on.time(g, sc)
  local s = reading(g, 0, tick(g))
  if sc.tloc ~= 0 then
    put(g, sc.tloc, "int64_t[1]", s)
  end
  return s
end

function tool.on.clock_getres(g, sc)
  local id = bit.tobit(sc.clockid)
  if not reading(g, id, 0) then
    return
  end
  if sc.res ~= 0 then
    put(g, sc.res, "int64_t[2]", 0, (id == 5 or id == 6) and 4000000 or 1)
  end
  return 0
end

function tool.rdtsc(g, kind)
  local t = BOOT + tick(g) -- a 1 GHz counter
  if kind == "rdtscp" then
    return t, 0 -- TSC_AUX: CPU 0
  end
  return t
end

-- ---- clones: where the child's clock starts ----
local function cloning(g)
  local list = at_clone[g.place] or {}
  at_clone[g.place] = list
  list[#list + 1] = now(g)
end
tool.on.clone, tool.on.clone3, tool.on.fork, tool.on.vfork = cloning, cloning, cloning, cloning

-- ---- waits, in logical time ----
local two = ffi.new("int64_t[2]")
local function timespec(g, addr)
  local d = g:read(addr, 16)
  if not d or #d < 16 then
    return nil
  end
  ffi.copy(two, d, 16)
  return tonumber(two[0]), tonumber(two[1])
end

-- ns of the relative time at addr; nil for a bad one (the kernel says why).
local function relative(g, addr)
  local s, ns = timespec(g, addr)
  if not s or s < 0 or ns < 0 or ns >= NS then
    return nil
  end
  return s * NS + ns
end

-- ns from the thread's logical now to the time at addr on clock id.
local function until_(g, id, addr)
  local s, ns = timespec(g, addr)
  local s0, ns0 = reading(g, id, now(g))
  if not (s and s0) or ns < 0 or ns >= NS then
    return nil
  end
  return (s - s0) * NS + (ns - ns0)
end

-- A sleep takes no real time: the thread's clock jumps to its end.
local function slept(g, ns)
  if ns > 0 then
    clock[g.place] = now(g) + ns
  end
  return 0
end

function tool.on.nanosleep(g, sc)
  local ns = relative(g, sc.req)
  if ns then
    return slept(g, ns)
  end
end

function tool.on.clock_nanosleep(g, sc)
  local ns
  if bit.band(sc.flags, 1) ~= 0 then -- TIMER_ABSTIME
    ns = until_(g, sc.clockid, sc.request)
  elseif reading(g, sc.clockid, 0) then
    ns = relative(g, sc.request)
  end
  if ns then
    return slept(g, ns)
  end
end

-- A futex wait with a timeout can be woken by another thread: it waits in
-- real time, for what is left of its timeout on the logical clock (an
-- absolute deadline is moved onto the kernel's clock), and a wait that times
-- out moves the thread's clock to its end.
pcall(ffi.cdef, "int clock_gettime(int clockid, int64_t *ts);")
local ETIMEDOUT, FUTEX_CLOCK_REALTIME = 110, 256
local ABSOLUTE = { [6] = true, [9] = true, [11] = true, [13] = true } -- LOCK_PI, WAIT_BITSET, WAIT_REQUEUE_PI, LOCK_PI2
function tool.on.futex(g, sc)
  if sc.timeout == 0 then
    return
  end
  local op = sc.futex_op % 512
  local cmd = op % 128
  local left, id
  if ABSOLUTE[cmd] then
    id = (cmd == 6 or op >= FUTEX_CLOCK_REALTIME) and 0 or 1 -- CLOCK_REALTIME, CLOCK_MONOTONIC
    left = until_(g, id, sc.timeout)
  elseif cmd == 0 then -- FUTEX_WAIT: relative
    left = relative(g, sc.timeout)
  end
  if not left then
    return
  end
  local start = now(g)
  if id then
    ffi.C.clock_gettime(id, two)
    local ns = tonumber(two[1]) + math.max(left, 0)
    two[0], two[1] = two[0] + math.floor(ns / NS), ns % NS
    sc.timeout = ffi.string(two, 16)
  end
  local r = g:inject(sc)
  if r == -ETIMEDOUT and left > 0 then
    clock[g.place] = math.max(now(g), start + left)
  end
  return r
end

-- ---- randomness: a splitmix64 stream per thread ----
local streams = {}
local GOLDEN = 0x9e3779b97f4a7c15ULL
local function stream(g, what)
  local key = what .. " " .. g.place
  local s = streams[key]
  if not s then
    local h = 0xcbf29ce484222325ULL -- FNV-1a of seed, what and place
    for c in (tostring(g.config.seed) .. " " .. key):gmatch(".") do
      h = bit.bxor(h, c:byte()) * 0x100000001b3ULL
    end
    s = ffi.new("uint64_t[1]", h)
    streams[key] = s
  end
  return s
end

local function random_bytes(g, n, what)
  local s = stream(g, what)
  local words = ffi.new("uint64_t[?]", math.ceil(n / 8))
  for i = 0, math.ceil(n / 8) - 1 do
    s[0] = s[0] + GOLDEN
    local z = s[0]
    z = bit.bxor(z, bit.rshift(z, 30)) * 0xbf58476d1ce4e5b9ULL
    z = bit.bxor(z, bit.rshift(z, 27)) * 0x94d049bb133111ebULL
    words[i] = bit.bxor(z, bit.rshift(z, 31))
  end
  return ffi.string(words, n)
end

local MAX = 1024 * 1024 -- per call, as the kernel gives large reads in parts

function tool.on.getrandom(g, sc)
  local n = math.min(sc.buflen, MAX)
  if n > 0 and not g:write(sc.buf, random_bytes(g, n, "random")) then
    return -revel.errno.EFAULT
  end
  return n
end

function tool.on.read(g, sc)
  local path = g:fd_path(sc.fd)
  if path ~= "/dev/urandom" and path ~= "/dev/random" then
    return
  end
  local n = math.min(sc.count, MAX)
  if n > 0 and not g:write(sc.buf, random_bytes(g, n, "random")) then
    return -revel.errno.EFAULT
  end
  return n
end

-- AT_RANDOM: the 16 bytes of each new image that seed libc's stack
-- protector and pointer guard.
local AT_RANDOM = 25
function tool.post_exec(g)
  local f = io.open(("/proc/%d/auxv"):format(g.pid), "rb")
  local auxv = f and f:read("*a") or ""
  if f then
    f:close()
  end
  local v = ffi.new("uint64_t[?]", #auxv / 8 + 1)
  ffi.copy(v, auxv, #auxv)
  for i = 0, #auxv / 8 - 2, 2 do
    if v[i] == AT_RANDOM then
      g:write(tonumber(v[i + 1]), random_bytes(g, 16, "auxv"))
    end
  end
end

-- ---- the machine ----
function tool.on.uname(g, sc)
  local fields = { "Linux", "repeatable", "6.1.0", "#1 SMP PREEMPT_DYNAMIC", "x86_64", "(none)" }
  local buf = {}
  for i, s in ipairs(fields) do
    buf[i] = s .. ("\0"):rep(65 - #s)
  end
  if not g:write(sc.buf, table.concat(buf)) then
    return -revel.errno.EFAULT
  end
  return 0
end

function tool.on.sched_getaffinity(g, sc)
  if sc.cpusetsize < 8 then
    return -revel.errno.EINVAL
  end
  local mask = ffi.new("uint64_t[1]", bit.lshift(1ULL, math.min(g.config.cpus, 63)) - 1)
  if not g:write(sc.mask, ffi.string(mask, 8)) then
    return -revel.errno.EFAULT
  end
  return 8 -- the bytes the kernel fills; glibc zeroes the rest
end

function tool.on.getcpu(g, sc)
  for _, addr in ipairs({ sc.cpu, sc.node }) do
    if addr ~= 0 then
      put(g, addr, "uint32_t[1]", 0)
    end
  end
  return 0
end

function tool.on.rseq(g, sc)
  return -revel.errno.ENOSYS -- glibc then reads the CPU with getcpu
end

-- ASLR off for the whole tree: personality is inherited and applies at
-- execve, so the first execve (of the command revel starts) sets it.
local ADDR_NO_RANDOMIZE = 0x0040000
local aslr_off = false
function tool.on.execve(g, sc)
  if not aslr_off then
    aslr_off = true
    local p = g:inject(revel.sys.personality(0xffffffff))
    if p < 0 or g:inject(revel.sys.personality(bit.bor(p, ADDR_NO_RANDOMIZE))) < 0 then
      say("addresses are not controlled: personality(ADDR_NO_RANDOMIZE) failed")
    end
  end
end

-- Uptime, load, memory and CPU usage: from the logical clock, or fixed.
local TICK = 1e7 -- ns per clock tick (USER_HZ 100)
function tool.on.sysinfo(g, sc)
  local t = tick(g)
  local info = ffi.new("uint64_t[14]") -- struct sysinfo, 112 bytes
  info[0] = math.floor((BOOT + t) / NS) -- uptime; loads 0
  info[4], info[5] = 4 * 2 ^ 30, 2 * 2 ^ 30 -- totalram, freeram; no swap
  info[10] = 1 -- procs (the low 16 bits)
  info[13] = 1 -- mem_unit (the low 32 bits)
  return g:write(sc.info, ffi.string(info, 112)) and 0 or -revel.errno.EFAULT
end

function tool.on.times(g, sc)
  local t = tick(g)
  if sc.buf ~= 0 then
    put(g, sc.buf, "int64_t[4]", math.floor(t / TICK), 0, 0, 0) -- user time; system, children 0
  end
  return math.floor((BOOT + t) / TICK)
end

function tool.on.getrusage(g, sc)
  local t = tick(g)
  local ru = ffi.new("int64_t[18]") -- struct rusage: user time, the rest 0
  ru[0], ru[1] = math.floor(t / NS), math.floor(t % NS / 1000)
  return g:write(sc.usage, ffi.string(ru, 144)) and 0 or -revel.errno.EFAULT
end

function tool.thread_start(g)
  if g.place ~= "1" then
    say("the order in which threads and processes run is the kernel's: what depends on it is not controlled")
  end
end

-- cpuid: the machine's answers, the same on every CPU of it, without the
-- instructions that read hardware randomness (RDRAND, RDSEED) or make
-- transactions abort at random (HLE, RTM). Only where CPUID faulting works.
pcall(ffi.cdef, "long syscall(long number, ...);")
local ARCH_SET_CPUID = 0x1012
if ffi.C.syscall(158, ffi.cast("long", ARCH_SET_CPUID), ffi.cast("long", 1)) == 0 then
  local function clear(v, ...)
    for _, b in ipairs({ ... }) do
      v = bit.band(v, bit.bnot(bit.lshift(1, b)))
    end
    return v
  end
  function tool.cpuid(g, leaf, subleaf)
    local a, b, c, d = revel.cpuid(leaf, subleaf)
    if leaf == 1 then
      b, c = bit.band(b, 0x00ffffff), clear(c, 30) -- initial APIC id; RDRAND
    elseif leaf == 7 and subleaf == 0 then
      b = clear(b, 4, 11, 18) -- HLE, RTM, RDSEED
    elseif leaf == 0xb or leaf == 0x1f then
      d = 0 -- x2APIC id
    elseif leaf == 0x8000001e then
      a = 0 -- extended APIC id (AMD)
    end
    return a, b, c, d
  end
else
  say("cpuid is not controlled: this CPU has no CPUID faulting")
end

return tool
