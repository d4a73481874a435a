-- timewarp.lua: the guest's wall clock runs --shift seconds ahead (or behind,
-- when negative; fractions allowed). clock_gettime of the wall clocks
-- (CLOCK_REALTIME, _COARSE, _ALARM and CLOCK_TAI), gettimeofday and time are
-- run and their answers moved (time's by the shift rounded to a second); the
-- monotonic and CPU clocks are left alone. Waits until a wall-clock time
-- (clock_nanosleep with TIMER_ABSTIME; futex deadlines on CLOCK_REALTIME, as
-- pthread_cond_timedwait makes) get the deadline moved back, so they last as
-- long as the guest meant. Not moved: timerfd and POSIX timers set to an
-- absolute time, file times.
-- revel routes the calls glibc makes through the vDSO into the kernel for a
-- tool that subscribes to them, so date, Python's time.time() and every
-- other libc caller see the moved clock.
--   revel examples/timewarp.lua --shift 86400 -- date +%F     (tomorrow)
local ffi = require("ffi")

local tool = { options = { shift = 0 } }
tool.subscriptions = { "clock_gettime", "gettimeofday", "time", "clock_nanosleep", "futex" }

local WALL = { [0] = true, [5] = true, [8] = true, [11] = true } -- REALTIME, _COARSE, _ALARM, TAI
local NS = 1000000000LL
local two = ffi.new("int64_t[2]")

-- The shift lives in the process state: init_process gets the options in
-- every process, under both backends (under --backend=guest a variable set
-- by init_global would stay nil in the guest: init_global runs in revel).
function tool.init_process(_, config)
  local ns = ffi.cast("int64_t", math.floor(config.shift * 1e9 + 0.5))
  local s, frac = ns / NS, ns % NS -- whole seconds, and nanoseconds in [0, 1e9)
  if frac < 0 then -- C division truncates: keep the nanoseconds positive
    s, frac = s - 1, frac + NS
  end
  return { s = s, ns = frac }
end

-- Add the shift to the pair at addr: seconds and a fraction in `unit` ns.
local function move(g, addr, unit)
  local shift = g.process
  local data = g:read(addr, 16)
  if not data or #data < 16 then
    return
  end
  ffi.copy(two, data, 16)
  local frac = two[1] * unit + shift.ns
  two[0] = two[0] + shift.s + frac / NS
  two[1] = (frac % NS) / unit
  g:write(addr, ffi.string(two, 16))
end

tool.on = {}
function tool.on.clock_gettime(g, sc)
  local r = g:inject(sc)
  if r == 0 and WALL[sc.clockid] and sc.tp ~= 0 then
    move(g, sc.tp, 1)
  end
  return r
end

function tool.on.gettimeofday(g, sc)
  local r = g:inject(sc)
  if r == 0 and sc.tv ~= 0 then
    move(g, sc.tv, 1000)
  end
  return r
end

function tool.on.time(g, sc)
  local r = g:inject(sc)
  if r < 0 then
    return r
  end
  local shift = g.process
  r = r + tonumber(shift.s) + (shift.ns >= NS / 2 and 1 or 0) -- the shift in whole seconds
  if sc.tloc ~= 0 then
    g:write(sc.tloc, ffi.string(ffi.new("int64_t[1]", r), 8))
  end
  return r
end

-- A wait until a time on the wall clock: the guest computed it on the
-- moved clock, the kernel counts on the real one. The call gets a copy of
-- the deadline moved back (the guest's own is left as it is).
local function moved_back(g, addr)
  local shift = g.process
  local data = g:read(addr, 16)
  if not data or #data < 16 then
    return nil
  end
  ffi.copy(two, data, 16)
  local frac = two[1] - shift.ns
  two[0] = two[0] - shift.s + (frac < 0 and -1 or 0)
  two[1] = frac < 0 and frac + NS or frac
  return ffi.string(two, 16)
end

local TIMER_ABSTIME = 1
function tool.on.clock_nanosleep(g, sc)
  if bit.band(sc.flags, TIMER_ABSTIME) ~= 0 and WALL[sc.clockid] and sc.request ~= 0 then
    sc.request = moved_back(g, sc.request) or sc.request
  end
end

-- FUTEX_WAIT_BITSET with FUTEX_CLOCK_REALTIME (pthread_cond_timedwait,
-- sem_timedwait), FUTEX_LOCK_PI and FUTEX_WAIT_REQUEUE_PI with it: an
-- absolute deadline on the wall clock.
local FUTEX_CLOCK_REALTIME, ABS_WALL = 256, { [9] = true, [6] = true, [11] = true }
function tool.on.futex(g, sc)
  local op = sc.futex_op % 512
  local cmd = op % 128
  if sc.timeout ~= 0 and (cmd == 6 or (op >= FUTEX_CLOCK_REALTIME and ABS_WALL[cmd])) then
    sc.timeout = moved_back(g, sc.timeout) or sc.timeout
  end
end

return tool
