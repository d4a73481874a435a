-- The Lua side of librevel_guest.so (--backend=guest), run in each guest
-- process. It loads the tool file, gives its syscall handlers `g` and `sc` as
-- the ptrace runtime does (scripts/revel/_guest.lua, _syscall.lua), and keeps
-- per-process and per-thread state here; global state stays in revel, reached
-- by g:rpc over the process's socket. Called with the C functions (c.*);
-- returns runner (the body of each thread's coroutine), forked(pid), the
-- handled numbers, the vDSO calls to route and the life hooks
-- (guest/inguest_hooks.lua).
local c = ...
-- The start runs once: compiling its loops would cost more than it saves
-- (traces, and an mprotect pair for each). jit.on() again at the end.
local jit = jit
jit.off()
local wire = c.wire

-- c.rpc yields out of the thread's coroutine (the C side waits for revel
-- with the Lua lock free) and comes back with the reply, or nil and why.
local function rpc(msg)
  local r, e = c.rpc(msg)
  if not r then
    error(e, 0)
  end
  return r
end

-- names[nr], numbers[name] and classes[nr] in one call; a call's argument
-- names (argindex[nr]: name -> position, nargs[nr]) at its first use: most
-- tools name a few calls, and a table per call at every start cost more
-- than the rest of the start.
local names, numbers, classes = c.systable()
local argindex, nargs = {}, {}
local function arginfo(nr)
  local name, args = nil, nil
  if type(nr) == "number" then
    name, args = c.sysinfo(nr)
  end
  if not name then
    return nil
  end
  local ai = {}
  for i, a in ipairs(args) do
    if a ~= "" then
      ai[a] = i
    end
  end
  argindex[nr], nargs[nr] = ai, #args
  return ai
end
setmetatable(argindex, { __index = function(_, nr)
  return arginfo(nr)
end })
setmetatable(nargs, { __index = function(_, nr)
  return arginfo(nr) and rawget(nargs, nr)
end })

-- ---- sc ----
local SC = {}
local sc_methods = {}
function SC.__index(sc, k)
  local m = sc_methods[k]
  if m then
    return m
  end
  local ai = argindex[rawget(sc, "nr")]
  local i = ai and ai[k]
  return i and rawget(sc, "args")[i] or nil
end
function SC.__newindex(sc, k, v)
  local ai = argindex[rawget(sc, "nr")]
  local i = ai and ai[k]
  if i then
    rawget(sc, "args")[i] = v
  else
    rawset(sc, k, v)
  end
end
function SC.__tostring(sc)
  local parts = {}
  for i = 1, nargs[sc.nr] or 6 do
    parts[i] = tostring(sc.args[i])
  end
  return ("%s(%s)"):format(sc.name, table.concat(parts, ", "))
end

local function new_call(name, ...)
  local nr = numbers[name]
  if not nr then
    error(("revel.sys.%s: no such syscall"):format(tostring(name)), 3)
  end
  local args = { 0, 0, 0, 0, 0, 0 }
  local first = ...
  if type(first) == "table" and select("#", ...) == 1 then
    for k, v in pairs(first) do
      local i = type(k) == "number" and k or argindex[nr][k]
      if not i then
        error(("revel.sys.%s: no argument %s"):format(name, tostring(k)), 3)
      end
      args[i] = v
    end
  else
    for i = 1, select("#", ...) do
      args[i] = (select(i, ...))
    end
  end
  return setmetatable({ nr = nr, name = name, args = args }, SC)
end

-- ---- the revel module a tool sees in the guest ----
local revel = {
  backend = "guest",
  errno = c.errnos(),
  sys = setmetatable({}, { __index = function(_, name)
    return function(...)
      return new_call(name, ...)
    end
  end }),
}
-- revel.signal.NAME and revel.signal_name(n), as the revel module has them
revel.signal_name = c.signal_name
revel.rdtsc, revel.cpuid = c.rdtsc, c.cpuid -- the machine's answers
revel.signal = setmetatable({}, { __index = function(t, name)
  local n = c.signal_by_name(tostring(name))
  if n < 0 then
    error(("unknown signal name %q"):format(tostring(name)), 2)
  end
  rawset(t, name, n)
  return n
end })
-- revel.errno_name(n), as the revel module has it
local errno_names = {}
for name, n in pairs(revel.errno) do
  if not errno_names[n] or #name < #errno_names[n] then
    errno_names[n] = name
  end
end
function revel.errno_name(n)
  return errno_names[n]
end
package.loaded.revel = revel
_G.revel = revel

local function out(...)
  local t = {}
  for i = 1, select("#", ...) do
    t[i] = tostring((select(i, ...)))
  end
  rpc("O" .. table.concat(t, "\t") .. "\n")
end
_G.print = out

-- The tool's own coroutine.yield from a handler would yield the thread's
-- coroutine (the library's, see runner below): an error, as under ptrace.
local yield = coroutine.yield
local runners = setmetatable({}, { __mode = "k" })
function coroutine.yield(...)
  if runners[coroutine.running()] then
    error("coroutine.yield inside a handler is not allowed (g:inject runs a syscall and waits for it)", 2)
  end
  return yield(...)
end

-- ---- the tool ----
local config = wire.decode(c.config ~= "" and c.config or "z") or {}
-- The default tool's C printer (guest/guest_strace.c), for its in-guest
-- half (scripts/revel/tools/strace_guest.lua): private.
revel._strace = { start = c.strace_start, signal = c.strace_signal, exited = c.strace_exited,
  superseded = c.strace_superseded, config = config }
-- "=strace": the default tool's guest half, built into the library
local f = c.tool == "=strace" and c.strace_tool() or assert(loadfile(c.tool))
local tool = f() or {}
revel.out = { write = function(_, ...)
  rpc("O" .. table.concat({ ... }))
end }

local handlers = {}
local function add(set, word)
  local neg = word:sub(1, 1) == "!"
  local w = neg and word:sub(2) or word
  local nrs = {}
  if w == "all" or w == "%all" then
    for nr in pairs(names) do
      nrs[#nrs + 1] = nr
    end
  elseif w:sub(1, 1) == "%" then
    local bits = c.class_by_name(w)
    for nr, cl in pairs(classes) do
      if bit.band(cl, bits) ~= 0 then
        nrs[#nrs + 1] = nr
      end
    end
  elseif numbers[w] then
    nrs[1] = numbers[w]
  end
  for _, nr in ipairs(nrs) do
    set[nr] = (not neg) or nil
  end
end
local subscribed = {}
if tool.subscriptions ~= nil then
  local words = type(tool.subscriptions) == "string" and { tool.subscriptions } or tool.subscriptions
  for _, w in ipairs(words) do
    add(subscribed, w)
  end
elseif tool.syscall then
  add(subscribed, "all")
end
for name, h in pairs(tool.on or {}) do
  subscribed[numbers[name]] = true
  handlers[numbers[name]] = h
end
if tool.syscall then
  for nr in pairs(subscribed) do
    handlers[nr] = handlers[nr] or tool.syscall
  end
end

-- ---- state tiers ----
local process, threads, parent_of = nil, {}, {}
local my_pid = c.pid

local function init_process(pid)
  process = tool.init_process and tool.init_process(pid, config) or {}
end
-- An exec'd program takes over the state its process had before the execve
-- (guest/inguest_hooks.lua's H.exec left it with revel), as ptrace keeps it:
-- "" when there is none (the command's first program, or one a process that
-- shared its creator's memory exec'd: a new process), "-" when it was not
-- plain data (then it starts again).
local carried = rpc("Y" .. my_pid):sub(2)
local kept = carried ~= "" and carried ~= "-" and wire.decode(carried) or nil
if kept then
  process = kept.process or {}
else
  init_process(my_pid)
end

local G = {}
local g_methods = {}
function G.__index(g, k)
  local m = g_methods[k]
  if m then
    return m
  end
  if k == "process" then
    return process
  end
  return nil
end
function G.__tostring(g)
  return ("guest thread %d (pid %d)"):format(g.tid, my_pid)
end

local TAIL = {}

local function args_of(sc)
  local a = sc.args
  return a[1] or 0, a[2] or 0, a[3] or 0, a[4] or 0, a[5] or 0, a[6] or 0
end

-- The call a fault rule failed (guest/guest_faults.c), unchanged: g:inject
-- gives the rule's result without running it, as under ptrace.
local function faulted(g, sc)
  local f, o = g._fault, g._orig
  if f == nil or sc ~= g._keep or sc.nr ~= o[7] then
    return nil
  end
  for i = 1, 6 do
    if sc.args[i] ~= o[i] then
      return nil
    end
  end
  return f
end
function g_methods.inject(g, sc)
  local f = faulted(g, sc)
  if f then
    return f
  end
  return c.syscall(sc.nr, args_of(sc))
end
-- g:time(): the monotonic clock now, in seconds (under ptrace it is read at
-- the stop: in a handler the call's entry, after g:inject its exit; here the
-- same moments, as the handler runs).
local ffi = require("ffi")
pcall(ffi.cdef, "struct revel_ts { long sec, nsec; }; int clock_gettime(int, struct revel_ts *);")
local ts = ffi.new("struct revel_ts")
function g_methods.time(g)
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.sec) + tonumber(ts.nsec) * 1e-9
end
-- The result a fault rule (-e inject=, --rule) gives the call, or nil.
function g_methods.fault(g)
  return g._fault
end
function g_methods.tail_inject(g, sc)
  g._tail = faulted(g, sc) or c.syscall(sc.nr, args_of(sc))
  error(TAIL, 0)
end
function g_methods.rpc(g, msg)
  local reply = rpc("R" .. g.tid .. "\n" .. wire.encode(msg))
  return wire.decode(reply)
end
-- As under ptrace (scripts/revel/_guest.lua): a wrong type is the tool's
-- error; an address that is none (negative, NaN, a fraction, past 2^64) is
-- EFAULT, a length that is none EINVAL, one past 64 MiB E2BIG.
local MAX_LEN = 64 * 1024 * 1024
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
function g_methods.read(g, p, n)
  local ok, e = length(n, "read")
  if ok then
    ok, e = addr(p, "read")
  end
  if not ok then
    return nil, e
  end
  if n == 0 then
    return ""
  end
  local s = c.read(p, n)
  if not s then
    return nil, "EFAULT"
  end
  return s
end
function g_methods.string(g, p, max)
  local ok, e = length(max or 4096, "string")
  if ok then
    ok, e = addr(p, "string")
  end
  if not ok then
    return nil, e
  end
  if p == 0 then
    return nil, "EFAULT"
  end
  max = max or 4096
  local parts, got = {}, 0
  while got < max do
    local n = math.min(256, max - got)
    local s = c.read(p + got, n)
    if not s then
      s = c.read(p + got, 1) -- the string may end before a page that is not mapped
      if not s then
        if got == 0 then
          return nil, "EFAULT"
        end
        return table.concat(parts), false
      end
    end
    local z = s:find("\0", 1, true)
    if z then
      parts[#parts + 1] = s:sub(1, z - 1)
      return table.concat(parts), false
    end
    parts[#parts + 1] = s
    got = got + #s
  end
  return table.concat(parts), true -- no NUL within max bytes
end
function g_methods.write(g, p, data)
  if type(data) ~= "string" then
    error(("g:write: the data must be a string, got %s"):format(type(data)), 2)
  end
  local ok, e = addr(p, "write")
  if not ok then
    return nil, e
  end
  local r = c.write(p, data)
  if r < 0 then
    return nil, "EFAULT"
  end
  return r -- the bytes written, as under ptrace
end
-- g:alloc(n) / g:free(addr): memory of the process's own, an mmap (munmap)
-- run in the guest, as ptrace injects one. Blocks live until g:free, the
-- exec or the exit; a forked child's copies are not its own to free.
local allocs = {}
local MMAP, MUNMAP = numbers.mmap, numbers.munmap
-- Where g:inject may be called: the thread's own handler, or a hook of its
-- own but the exit and trap hooks (guest/inguest_hooks.lua's NO_INJECT).
local NO_ALLOC = { exit_thread = true, exit_process = true, signal = true, rdtsc = true, cpuid = true }
local function in_own_handler(g, what)
  local hook = rawget(g, "_hook")
  if not (rawget(g, "_busy") or (hook and not NO_ALLOC[hook])) or c.syscall(186, 0, 0, 0, 0, 0, 0) ~= g.tid then
    error(("g:%s may only be called from thread %d's own handler"):format(what, g.tid), 3)
  end
end
function g_methods.alloc(g, n)
  in_own_handler(g, "alloc")
  if type(n) ~= "number" then
    error(("g:alloc: the length must be a number, got %s"):format(type(n)), 2)
  end
  if not (n % 1 == 0 and n > 0 and n < 2 ^ 47) then
    return nil, "EINVAL"
  end
  local p = c.syscall(MMAP, 0, n, 3, 0x22, -1, 0) -- PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS
  if p < 0 then
    return nil, revel.errno_name(-p) or tostring(-p)
  end
  allocs[p] = n
  return p
end
function g_methods.free(g, p)
  in_own_handler(g, "free")
  local n = type(p) == "number" and allocs[p]
  if not n then
    return nil, "EINVAL"
  end
  local rc = c.syscall(MUNMAP, p, n)
  if rc < 0 then
    return nil, revel.errno_name(-rc) or tostring(-rc)
  end
  allocs[p] = nil
  return true
end
-- g:regs() / g:set_regs(t): the registers of the call the thread's own
-- handler runs for (guest/guest_regs.c); nil, "EBUSY" elsewhere.
function g_methods.regs(g)
  local nr = rawget(g, "_busy")
  if not nr then
    return nil, "EBUSY"
  end
  return c.regs(g.tid, nr)
end
function g_methods.set_regs(g, t)
  local nr = rawget(g, "_busy")
  if not nr then
    return nil, "EBUSY"
  end
  if type(t) ~= "table" then
    error(("g:set_regs expects a table, got %s"):format(type(t)), 2)
  end
  return c.set_regs(g.tid, nr, t)
end
-- The ptrace runtime's other methods: a clear error, not "attempt to call nil".
for _, k in ipairs({ "hold_signal", "deliver", "event", "fd_path", "backtrace", "set_timer" }) do
  g_methods[k] = function()
    error(("g:%s is not available under --backend=guest yet"):format(k), 2)
  end
end

local function new_thread(tid)
  local g = setmetatable({ tid = tid, pid = my_pid, config = config }, G)
  local parent = parent_of[tid]
  local pt = parent and parent.thread
  g.thread = tool.init_thread and tool.init_thread(tid, parent and parent.tid, pt) or {}
  threads[tid] = g
  return g
end
if kept and kept.threads and kept.threads[kept.tid] ~= nil then -- the thread that exec'd, now the leader
  threads[my_pid] = setmetatable({ tid = my_pid, pid = my_pid, config = config, thread = kept.threads[kept.tid] }, G)
end

-- An error in a handler, said as under ptrace (revel._state.located and
-- revel._runtime): the tool's file:line (the handler's definition when the
-- message has none), where (the call and the thread), a traceback.
local traceback = debug.traceback
local cur_fn, cur_sc, cur_tid
local function defined(f)
  local info = type(f) == "function" and debug.getinfo(f, "S")
  if not info or info.what == "C" then
    return "?"
  end
  return info.short_src .. ":" .. info.linedefined
end
local function at()
  local ok, s = pcall(tostring, cur_sc)
  return ("%s in thread %d"):format(ok and s or names[cur_sc.nr] or "?", cur_tid)
end
local function fail(e)
  if e == TAIL then
    return e
  end
  local ok, text = pcall(tostring, e)
  if not ok then
    text = "(an error object whose __tostring fails)"
  end
  if not text:match("^[^\n]-:%d+: ") then
    text = defined(cur_fn) .. ": " .. text
  end
  return traceback(("error in tool: %s (at %s)"):format(text, at()), 2)
end

-- One intercepted call: 0 runs the call as it was, (2, nr, a1..a6) runs it
-- as the handler changed it, (1, result) returns result without running it.
local function dispatch(tid, nr, a1, a2, a3, a4, a5, a6, fault)
  local g = threads[tid] or new_thread(tid)
  local a = { a1, a2, a3, a4, a5, a6 }
  local sc = setmetatable({ nr = nr, name = names[nr], args = a }, SC)
  g._keep, g._fault = sc, fault
  if fault then
    g._orig = { a1, a2, a3, a4, a5, a6, nr }
  end
  g._busy = nr -- g:regs, g:alloc: in its own handler
  cur_fn, cur_sc, cur_tid = handlers[nr], sc, tid
  local ok, r = xpcall(handlers[nr], fail, g, sc)
  g._busy = nil
  if not ok then
    if r == TAIL then
      return 1, g._tail
    end
    error(r, 0)
  end
  if r == nil then
    a = sc.args
    if sc.nr == nr and a[1] == a1 and a[2] == a2 and a[3] == a3 and a[4] == a4 and a[5] == a5 and a[6] == a6 then
      return 0
    end
    for i = 1, 6 do
      if type(a[i]) == "string" then
        a[i] = c.addr(a[i]) -- the string stays referenced from g._keep until the call ran
      end
    end
    return 2, sc.nr, a[1] or 0, a[2] or 0, a[3] or 0, a[4] or 0, a[5] or 0, a[6] or 0
  elseif type(r) == "number" then
    -- -ERESTARTSYS and its kin: guest_restart() (guest/guest_faults.c)
    -- restarts the call as the kernel would, its fault rules decided again
    return 1, r
  end
  cur_fn, cur_sc, cur_tid = handlers[nr], sc, tid
  local def = defined(handlers[nr])
  error(("error in tool: %s: the handler returned a %s; a number (the result) or nothing was expected (at %s)\n"
    .. "stack traceback:\n\t%s: in the handler that returned"):format(def, type(r), at(), def), 0)
end

-- The body of each guest thread's coroutine (guest/revel_guest.c resumes it
-- with a call, it yields the answer); a handler's blocking call yields from
-- inside it.
local function runner()
  runners[coroutine.running()] = true
  local tid, nr, a1, a2, a3, a4, a5, a6, f = yield()
  while true do
    tid, nr, a1, a2, a3, a4, a5, a6, f = yield(dispatch(tid, nr, a1, a2, a3, a4, a5, a6, f))
  end
end

-- The life hooks (thread_start, post_exec, exit_*, signal): guest/inguest_hooks.lua.
local H = c.hooks({
  c = c, tool = tool, g_methods = g_methods, G = G, config = config, carried = carried, kept = kept,
  state = function()
    return process, threads, my_pid
  end,
  new_thread = function(tid, parent)
    if parent then
      parent_of[tid] = parent
    end
    return new_thread(tid)
  end,
})

-- In a forked child: a new process, its one thread new too.
local function forked(pid, parent_tid)
  local parent = threads[parent_tid]
  my_pid = pid
  threads, parent_of = {}, { [pid] = parent }
  allocs = {} -- the parent's blocks are copies here, not this process's
  init_process(pid)
  if H.track then
    H.started(pid, parent_tid)
  end
end

local list = {}
for nr in pairs(handlers) do
  list[#list + 1] = nr
end
-- The vDSO's calls to route to the kernel, as revel._vdso.calls decides
-- under ptrace: tool.vdso's list, none for false, else those subscribed.
local VDSO = { "clock_gettime", "clock_getres", "gettimeofday", "time", "getcpu", "getrandom" }
local vdso = {}
if type(tool.vdso) == "table" then
  vdso = tool.vdso
elseif tool.vdso ~= false then
  for _, name in ipairs(VDSO) do
    if subscribed[numbers[name]] then
      vdso[#vdso + 1] = name
    end
  end
end
jit.on()
return runner, forked, list, vdso, H
