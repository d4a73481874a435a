-- revel._guest (private): the guest thread object `g` a handler receives: its ids and state
-- tiers as fields, and methods to inject syscalls, reach global state and read
-- or write guest memory.
local rffi = require("revel.ffi")
local copy = require("revel._copy")

local ffi, api = rffi.ffi, rffi.api
local A = rffi.A
local yield, running = coroutine.yield, coroutine.running

-- What a handler's coroutine yields to the runtime: tables, which no value a
-- tool yields itself can be.
local M = { DONE = {}, INJECT = {}, TAIL = {} }
local G = {}
M.G = G
local methods = {}
M.methods = methods -- revel._timers adds its own

function G.__index(g, k)
  local m = methods[k]
  if m then
    return m
  end
  if k == "ppid" then
    local run = rawget(g, "run")
    local p = run and api.ppid(run.E, rawget(g, "tid")) or -1
    return p >= 0 and p or nil
  end
  return nil
end

G.__tostring = function(g)
  return ("guest thread %d of process %d"):format(g.tid, g.pid)
end

local function in_own_handler(g, what)
  if running() ~= rawget(g, "_co") or rawget(g, "_co") == nil then
    error(("g:%s may only be called from thread %d's own handler"):format(what, g.tid), 3)
  end
end
M.in_own_handler = in_own_handler

local function as_call(call, what)
  if type(call) ~= "table" or type(call.nr) ~= "number" or type(call.args) ~= "table" then
    error(("g:%s expects a syscall (sc, or revel.sys.NAME(...)), got %s"):format(what, type(call)), 3)
  end
  -- Said here, in the tool's frame, rather than when the call is set up.
  for i = 1, 6 do
    local t = type(call.args[i])
    if t ~= "number" and t ~= "string" and t ~= "boolean" and t ~= "nil" then
      error(("g:%s: argument %d of %s is a %s; a number, a string, a boolean or nil was expected"):format(
        what, i, call.name or ("syscall " .. call.nr), t), 3)
    end
  end
  return call
end

local function unchanged(g, call)
  local ev, args = rawget(g, "_ev"), call.args
  if call.nr ~= ev.nr then
    return false
  end
  for i = 1, 6 do
    if args[i] ~= ev[A[i]] then
      return false
    end
  end
  return true
end

-- Run a syscall in this thread now and return its result (negative errno on
-- failure). Other threads run on while it waits.
function methods.inject(g, call)
  in_own_handler(g, "inject")
  -- The call at hand, unchanged, under an inject rule that fails it: the
  -- rule's result, without running it.
  local fault = rawget(g, "_fault")
  if fault and call == rawget(g, "_sc") and unchanged(g, call) then
    return fault
  end
  local r = yield(M.INJECT, as_call(call, "inject"))
  -- tostring(call) now decodes it as run, in this thread (revel._syscall).
  rawset(call, "_g", g)
  rawset(call, "_result", r)
  return r
end

-- In tool.signal: the signal is not delivered now but kept for the thread,
-- until a later handler of it calls g:deliver(sig).
function methods.hold_signal(g)
  if not rawget(g, "_in_signal") then
    error("g:hold_signal may only be called from tool.signal", 2)
  end
  rawset(g, "_hold", true)
end

-- Deliver a signal this thread held (g:hold_signal): a tgkill injected now,
-- whose signal the tool.signal hook does not see again.
function methods.deliver(g, sig)
  in_own_handler(g, "deliver")
  if type(sig) ~= "number" or not (sig % 1 == 0 and sig >= 1 and sig <= 64) then
    local what = type(sig) == "number" and tostring(sig) or "a " .. type(sig)
    error(("g:deliver: %s is not a signal (a number from 1 to 64 was expected)"):format(what), 2)
  end
  local held = rawget(g, "_held")
  if not held or not held[sig] then
    error(("g:deliver: signal %s is not held by thread %d"):format(tostring(sig), g.tid), 2)
  end
  held[sig] = held[sig] > 1 and held[sig] - 1 or nil
  local passing = rawget(g, "_passing") or {}
  rawset(g, "_passing", passing)
  passing[sig] = (passing[sig] or 0) + 1
  return yield(M.INJECT, require("revel._syscall").sys.tgkill(g.pid, g.tid, sig))
end

-- The result an inject rule (or a fault layer, see revel.compose) gives the
-- call at hand, or nil: the call is to fail with it unless the handler
-- decides otherwise.
function methods.fault(g)
  return rawget(g, "_fault")
end

-- Set the pending fault of the call at hand (revel._compose's inner(g, sc, r)).
function M.set_fault(g, r)
  rawset(g, "_fault", r)
end

-- The engine's event of the call at hand (a struct revel_lua_event cdata),
-- for tools that hand it to the C printer. Valid until the thread's next event.
function methods.event(g)
  return rawget(g, "_ev")
end

-- When the thread's current event happened, in seconds on the monotonic
-- clock (CLOCK_MONOTONIC, read at the stop): in a handler the call's entry,
-- after g:inject the injected call's exit. Differences are durations.
function methods.time(g)
  return rawget(g, "_time")
end

-- Run a syscall in place of the current one; its result is what the guest sees.
-- Never returns to the handler.
function methods.tail_inject(g, call)
  in_own_handler(g, "tail_inject")
  if rawget(g, "_hook") then
    error(("g:tail_inject replaces a syscall; %s has none (use g:inject)"):format(rawget(g, "_hook")), 2)
  end
  yield(M.TAIL, as_call(call, "tail_inject"))
  error("unreachable: a tail injection does not come back", 2)
end

-- Send a message to the global state; returns the tool's rpc reply. Both are
-- copied, as they would be between address spaces.
function methods.rpc(g, msg)
  local run = rawget(g, "run")
  local rpc = run.tool.rpc
  if not rpc then
    error("g:rpc: the tool defines no rpc(global, from_tid, msg)", 2)
  end
  return copy.plain(rpc(run.global, g.tid, copy.plain(msg, "rpc message")), "rpc reply")
end

-- ---- guest memory ----

local bufsize = 65536
local buf = ffi.new("uint8_t[?]", bufsize)
local trunc = ffi.new("int[1]")

local function engine(g)
  return rawget(g, "run").E
end

local function fail(rc)
  local name = rffi.errno_name(-rc) or tostring(-rc)
  return nil, name
end

-- The most bytes one g:read or g:string takes (its buffer is Lua memory).
local MAX_LEN = 64 * 1024 * 1024
M.MAX_LEN = MAX_LEN

-- A wrong type is the tool's error; a bad value is returned as an errno name,
-- as the kernel would answer it: an address that is not one (negative, NaN,
-- a fraction, past 2^64) is EFAULT, a length that is not one EINVAL, one
-- past MAX_LEN E2BIG.
local function addr(p, what)
  if type(p) ~= "number" then
    error(("g:%s: the address must be a number, got %s"):format(what, type(p)), 3)
  end
  if not (p % 1 == 0 and p >= 0 and p < 18446744073709551616) then
    return nil, "EFAULT"
  end
  return p
end

local function length(n, what)
  if type(n) ~= "number" then
    error(("g:%s: the length must be a number, got %s"):format(what, type(n)), 3)
  end
  if not (n % 1 == 0 and n >= 0) then
    return nil, "EINVAL"
  elseif n > MAX_LEN then
    return nil, "E2BIG"
  end
  return n
end

-- g:read(ptr, n): n bytes as a string, or nil, "EFAULT".
function methods.read(g, ptr, n)
  local ok, err = length(n, "read")
  if ok then
    ok, err = addr(ptr, "read")
  end
  if not ok then
    return nil, err
  end
  if n > bufsize then
    bufsize = n
    buf = ffi.new("uint8_t[?]", bufsize)
  end
  local rc = api.mem_read(engine(g), g.tid, ptr, buf, n)
  if rc < 0 then
    return fail(rc)
  end
  return ffi.string(buf, rc)
end

-- g:string(ptr [, max]): a NUL-terminated string of at most max bytes (4096).
function methods.string(g, ptr, max)
  local ok, err = length(max or 4096, "string")
  if ok then
    ok, err = addr(ptr, "string")
  end
  if not ok then
    return nil, err
  end
  if ptr == 0 then
    return nil, "EFAULT"
  end
  max = (max or 4096) + 1
  if max > bufsize then
    bufsize = max
    buf = ffi.new("uint8_t[?]", bufsize)
  end
  local rc = api.mem_string(engine(g), g.tid, ptr, ffi.cast("char *", buf), max, trunc)
  if rc < 0 then
    return fail(rc)
  end
  return ffi.string(buf, rc), trunc[0] ~= 0
end

-- g:write(ptr, data): bytes written, or nil, "EFAULT".
function methods.write(g, ptr, data)
  if type(data) ~= "string" then
    error(("g:write: the data must be a string, got %s"):format(type(data)), 2)
  end
  local ok, err = addr(ptr, "write")
  if not ok then
    return nil, err
  end
  local rc = api.mem_write(engine(g), g.tid, ptr, data, #data)
  if rc < 0 then
    return fail(rc)
  end
  return tonumber(rc)
end

-- g:fd_path(fd): what the thread's fd refers to, as /proc/TID/fd/FD links
-- it ("/etc/hosts", "socket:[1234]", "pipe:[5678]", "anon_inode:[eventfd]"),
-- or nil, "EBADF" when the fd is not open (nil, errname on other failures).
ffi.cdef("ssize_t readlink(const char *path, char *buf, size_t size);")
local PATH_MAX = 4096
local linkbuf = ffi.new("char[?]", PATH_MAX + 1)
function methods.fd_path(g, fd)
  if type(fd) ~= "number" then
    error(("g:fd_path: the fd must be a number, got %s"):format(type(fd)), 2)
  end
  -- Not an fd the kernel could have open (negative, AT_FDCWD, a fraction).
  if not (fd % 1 == 0 and fd >= 0 and fd < 2147483648) then
    return nil, "EBADF"
  end
  local n = ffi.C.readlink(("/proc/%d/fd/%d"):format(g.tid, fd), linkbuf, PATH_MAX + 1)
  if n < 0 then
    local e = ffi.errno()
    -- No such entry: the fd is not open in this thread's table.
    if e == 2 then
      return nil, "EBADF"
    end
    return nil, rffi.errno_name(e) or tostring(e)
  end
  return ffi.string(linkbuf, n)
end

-- g:alloc(n): n bytes of guest memory (read-write, zeroed, page-rounded by
-- the kernel) from an mmap injected into the thread; they live until
-- g:free(addr) or the process's execve or exit. Returns the address, or nil,
-- errname. Only where g:inject may run.
local PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS = 3, 0x22

local function allocs(g)
  local proc = rawget(g, "run").procs[g.pid]
  if not proc then
    return nil
  end
  proc.allocs = proc.allocs or {}
  return proc.allocs
end

function methods.alloc(g, n)
  in_own_handler(g, "alloc")
  if type(n) ~= "number" then
    error(("g:alloc: the length must be a number, got %s"):format(type(n)), 2)
  end
  if not (n % 1 == 0 and n > 0 and n < 2 ^ 47) then
    return nil, "EINVAL"
  end
  local p = yield(M.INJECT, { nr = rffi.numbers.mmap, name = "mmap",
    args = { 0, n, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0 } })
  if p < 0 then
    return fail(p)
  end
  local t = allocs(g)
  if t then
    t[p] = n
  end
  return p
end

-- g:free(addr): unmap what g:alloc returned; true, or nil, "EINVAL" for an
-- address this process's g:alloc did not return (or already freed).
function methods.free(g, p)
  in_own_handler(g, "free")
  local t = allocs(g)
  local n = t and type(p) == "number" and t[p]
  if not n then
    return nil, "EINVAL"
  end
  local rc = yield(M.INJECT, { nr = rffi.numbers.munmap, name = "munmap", args = { p, n } })
  if rc < 0 then
    return fail(rc)
  end
  t[p] = nil
  return true
end

local regs_fields = {
  "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx", "rsi",
  "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base", "ds", "es", "fs", "gs",
}
M.regs_fields = regs_fields

-- g:regs(): the stopped thread's registers as a table of numbers.
function methods.regs(g)
  local r = ffi.new("struct user_regs_struct")
  local rc = api.get_regs(engine(g), g.tid, r)
  if rc < 0 then
    return fail(rc)
  end
  local t = {}
  for _, f in ipairs(regs_fields) do
    t[f] = tonumber(r[f])
  end
  return t
end

-- g:set_regs(t): change registers (fields absent from t keep their values).
function methods.set_regs(g, t)
  local r = ffi.new("struct user_regs_struct")
  local E = engine(g)
  local rc = api.get_regs(E, g.tid, r)
  if rc == 0 then
    for _, f in ipairs(regs_fields) do
      if t[f] ~= nil then
        r[f] = t[f]
      end
    end
    rc = api.set_regs(E, g.tid, r)
  end
  if rc < 0 then
    return fail(rc)
  end
  return true
end

-- g:backtrace(): the stopped thread's call stack, innermost first: a list of
-- { ip, rel, lib, func, offset, file, line } (see docs/api-objects.md), or nil and
-- an errno name ("ENOSYS": revel was built without libdw).
local frames = ffi.new("struct revel_frame[?]", ffi.C.REVEL_LUA_FRAMES_MAX)
function methods.backtrace(g)
  local n = api.backtrace(engine(g), g.tid, frames, ffi.C.REVEL_LUA_FRAMES_MAX, ffi.C.REVEL_BT_SOURCE)
  if n < 0 then
    return fail(n)
  end
  local t = {}
  for i = 0, n - 1 do
    local f = frames[i]
    t[i + 1] = {
      ip = tonumber(f.ip),
      rel = tonumber(f.rel),
      lib = f.lib ~= nil and ffi.string(f.lib) or nil,
      func = f.func ~= nil and ffi.string(f.func) or nil,
      offset = f.func ~= nil and tonumber(f.offset) or nil,
      file = f.file ~= nil and ffi.string(f.file) or nil,
      line = f.line > 0 and f.line or nil,
    }
  end
  return t
end

return M
