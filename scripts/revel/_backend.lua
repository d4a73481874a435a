-- revel._backend (private): --backend=ptrace|guest|auto. ptrace is the tracer
-- of the engine; guest runs the tool's syscall handlers inside each guest
-- process (librevel_guest.so, revel._guest_host). choose() says which runs and,
-- when guest cannot, why: --backend=guest runs the whole run under ptrace and
-- says so (auto quietly), or refuses with that reason (exit 125) where the
-- machine cannot run it. A command the library cannot enter (statically
-- linked, set-ID) runs under ptrace: guest says so in one line. A process that
-- execs such a program later falls back to ptrace alone (revel._guest_fallback).
local ffi = require("ffi")
local host = require("revel._guest_host")
local errors = require("revel._errors")

pcall(ffi.cdef, "int prctl(int op, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5);")
pcall(ffi.cdef, "char *getcwd(char *buf, size_t size);")
pcall(ffi.cdef, "long syscall(long number, ...);")

-- The tool file as a path any guest process finds, whatever its directory.
local function absolute(path)
  if path:sub(1, 1) == "/" then
    return path
  end
  local buf = ffi.new("char[4096]")
  local cwd = ffi.C.getcwd(buf, 4096)
  return cwd ~= nil and (ffi.string(cwd) .. "/" .. path) or path
end

local M = {}

M.NAMES = { ptrace = true, guest = true, auto = true }

-- The hooks the in-guest runtime (guest/inguest.lua) runs.
local SUPPORTED = {
  syscall = true, on = true, subscriptions = true, options = true, init_global = true, rpc = true,
  init_process = true, init_thread = true, finish = true, vdso = true,
  thread_start = true, post_exec = true, exit_thread = true, exit_process = true, signal = true, rdtsc = true, cpuid = true, timer = true, -- guest/inguest_hooks.lua
}

-- The hooks a tool may define (docs/api.md); any other field is the tool's
-- own (a helper, a constant), ignored by both backends.
local HOOKS = {
  thread_start = true, post_exec = true, signal = true, rdtsc = true, cpuid = true, timer = true,
  schedule = true, exit_thread = true, exit_process = true, detach = true,
}

-- Syscall User Dispatch (Linux 5.11): turning it off is accepted where the
-- kernel has it, EINVAL where it does not.
local function sud_works()
  return ffi.C.prctl(59, 0, 0, 0, 0) == 0
end

-- The file a command runs (as execvp finds it), or nil.
local function resolve(cmd)
  if cmd:find("/", 1, true) then
    return cmd
  end
  for dir in (os.getenv("PATH") or "/usr/local/bin:/usr/bin:/bin"):gmatch("[^:]+") do
    local p = dir .. "/" .. cmd
    local f = io.open(p, "rb")
    if f then
      f:close()
      return p
    end
  end
  return nil
end

-- Why the program at path cannot load the library, or nil.
local function program_why(path)
  local f = io.open(path, "rb")
  if not f then
    return nil -- the spawn says why
  end
  local head = f:read(64) or ""
  if head:sub(1, 4) ~= "\127ELF" then
    f:close()
    return nil -- a script: its interpreter runs
  end
  local u = function(s, i, n)
    local v = 0
    for k = n, 1, -1 do
      v = v * 256 + s:byte(i + k - 1)
    end
    return v
  end
  local phoff, phentsize, phnum = u(head, 33, 8), u(head, 55, 2), u(head, 57, 2)
  local interp = false
  for i = 0, phnum - 1 do
    f:seek("set", phoff + i * phentsize)
    local ph = f:read(4)
    if ph and u(ph, 1, 4) == 3 then -- PT_INTERP
      interp = true
    end
  end
  f:close()
  if not interp then
    return "statically linked"
  end
  -- stat(2) itself (st_mode at byte 24 of x86-64's struct stat): a
  -- popen of stat(1) cost the start of every guest run two execs
  local st = ffi.new("uint8_t[256]")
  local mode = 0
  if ffi.C.syscall(4, ffi.cast("const char *", path), st) == 0 then
    mode = st[24] + st[25] * 256
  end
  if bit.band(mode, 0xc00) ~= 0 then
    return "set-user-ID or set-group-ID"
  end
  return nil
end

-- Options the in-guest backend does not apply: a run with one runs wholly
-- under ptrace, and guest says so, rather than without them.
local PTRACE_ONLY = {
  { "sched", "--sched" },
  { "sched_replay", "--sched-replay" },
  { "exit_with_root", "--exit-with-root" },
  { "lua_memory", "--lua-memory" },
  { "placement", "--placement" },
  { "spin", "--spin" },
  { "user", "-u" },
  { "daemonize", "-D" },
  { "interruptible", "-I" },
  { "detach_on_exec", "-b" },
  { "gdbserver", "--gdbserver" },
}

local function ptrace_only(o)
  for _, p in ipairs(PTRACE_ONLY) do
    local v = o[p[1]]
    if v ~= nil and v ~= false and not (type(v) == "table" and next(v) == nil) then
      return p[2]
    end
  end
  if o.on_error and o.on_error ~= "abort" then
    return "--on-error=" .. tostring(o.on_error)
  end
  return nil
end

-- What a tool file uses that the in-guest runtime does not have, from its
-- source (a tool may reach it from any hook, so it is looked for before the
-- run, not found half-way through it): nil when none.
local NOT_IN_GUEST = {
  { "revel%.fault", "revel.fault (fault rules run in Lua)" },
  { "%f[%w_]g%.place%f[^%w_]", "g.place" },
}
function M.source_why(path)
  local f = path and io.open(path, "rb")
  if not f then
    return nil
  end
  local src = f:read("*a")
  f:close()
  for _, w in ipairs(NOT_IN_GUEST) do
    if src:find(w[1]) then
      return ("the tool uses %s, which runs only under ptrace"):format(w[2])
    end
  end
  return nil
end

-- "ptrace" or "guest"; when guest cannot run, why, and whether the run must
-- be refused (the machine cannot do it: no Syscall User Dispatch, no
-- library, no cpuid faulting) rather than run wholly under ptrace with the
-- same tool (an option, hook or API the in-guest runtime does not have:
-- --backend=guest says so in one line, auto quietly). o: the command line's
-- options; t: the tool; plain: no layers over it.
function M.choose(o, t, plain)
  local env = os.getenv("REVEL_BACKEND")
  if not o.backend and env and env ~= "" then
    if not M.NAMES[env] then
      error(errors.run_error(("REVEL_BACKEND takes ptrace, guest or auto, not %q"):format(env)), 0)
    end
    o.backend = env
  end
  local mode = o.backend or "ptrace"
  if mode == "ptrace" then
    return "ptrace"
  end
  local why, refuse
  if o.code then -- -l and -o with a tool: refused until the guest runs them
    why, refuse = "a -l tool runs only under ptrace for now", true
  elseif not o.tool and not o.repl and require("revel._guest_strace").why(o) then
    -- the default tool runs in the guest (revel._guest_strace), these options not yet
    why, refuse = require("revel._guest_strace").why(o), true
  elseif o.output and o.tool then
    why, refuse = "-o with a tool runs only under ptrace for now", true
  elseif o.repl or o.watch then
    why = "--repl and --watch change the tool in revel while it runs"
  elseif o.attach then
    why = "-p attaches with ptrace"
  elseif o.fault_layer and not o.guest_injects then
    -- Never silently: a fault the user asked for happens. The rules a C
    -- check decides run in the guest (guest/guest_faults.c); the Lua layer
    -- (revel.fault) runs in revel.
    why = "--rule with place= or p=, --fault-log and --replay run in revel's fault layer"
  elseif not plain then
    why = "--chrome-trace and --timeline are layers run in revel"
  elseif ptrace_only(o) then
    why = ptrace_only(o) .. " is applied by the ptrace tracer only"
  end
  if not why and o.tool then -- the default tool's guest half is its own (revel._guest_strace)
    for k in pairs(t) do
      if HOOKS[k] and not SUPPORTED[k] then
        why = ("the tool defines tool.%s, which the in-guest backend does not run"):format(tostring(k))
        break
      end
    end
  end
  if not why and o.tool then
    why = M.source_why(o.tool)
  end
  if not why then
    local subs = type(t.subscriptions) == "table" and t.subscriptions or { t.subscriptions }
    for _, w in ipairs(subs) do
      if w == "branches" then
        why = "the tool subscribes to branches (timers on the branch counter), which only ptrace counts"
      end
    end
  end
  if not why then -- cpuid traps in the guest as under ptrace: where the CPU can make it fault
    local subs = type(t.subscriptions) == "table" and t.subscriptions or { t.subscriptions }
    local cpuid = t.cpuid ~= nil
    for _, w in ipairs(subs) do
      cpuid = cpuid or w == "cpuid"
    end
    local no = cpuid and require("revel._traps").cpuid_unavailable()
    if no then
      why, refuse = "cannot intercept cpuid: " .. no, true
    end
  end
  if not why and not sud_works() then
    why, refuse = "this kernel has no Syscall User Dispatch (Linux 5.11 or later, CONFIG_GENERIC_ENTRY)", true
  end
  if not why and not host.lib_path() then
    why, refuse = "librevel_guest.so is not beside revel (set REVEL_GUEST_LIB; a sanitizer build has none)", true
  end
  if not why and o.command and o.command[1] then
    local path = resolve(o.command[1])
    local pw = path and program_why(path)
    if pw then
      if mode == "guest" then
        io.stderr:write(("revel: --backend=guest: %s is %s: it runs under ptrace\n"):format(o.command[1], pw))
      end
      return "ptrace"
    end
  end
  if why then
    return "ptrace", why, refuse
  end
  return "guest"
end

-- The engine's fault rules for the guest library (REVEL_GUEST_RULES): one
-- line each, "i SPEC" for strace's -e inject= (--fault= already made one),
-- "r SPEC" for a --rule the engine runs; nil for none.
function M.rules_env(injects)
  if not injects or not injects[1] then
    return nil
  end
  local lines = {}
  for i, spec in ipairs(injects) do
    lines[i] = type(spec) == "table" and ("r " .. spec.rule) or ("i " .. spec)
  end
  return table.concat(lines, "\n")
end

-- The engine's rules for the guest library when it can run every --rule
-- of the command line (path= too: guest/guest_faults.c reads the paths),
-- for M.rules_env; nil when some need revel's Lua fault layer (place=, p=,
-- --fault-log, --replay). rules: the parsed --rule rules; inject_set: the
-- syscalls of -e inject= rules.
function M.guest_rules(o, rules, inject_set)
  if o.replay or o.fault_log then
    return nil
  end
  local fault = require("revel.fault")
  local lua_rules, specs = fault.split(rules, { inject_set = inject_set, ninjects = #(o.injects or {}), path_in_c = true })
  if #lua_rules > 0 then
    return nil
  end
  local injects = { unpack(o.injects or {}) }
  for _, spec in ipairs(specs) do
    injects[#injects + 1] = { rule = spec }
  end
  return injects
end

-- Runs the guest backend; returns the exit code.
function M.run_guest(t, o, config, ropts)
  local mode = o.backend
  local say = function(msg)
    io.stderr:write("revel: --backend=", mode, ": ", msg, "\n")
  end
  -- the prelude's engine runs the guest's rules too (path= rules never
  -- match there: the tracer reads no paths, revel's Lua layer does)
  local plan = require("revel._tool").plan(t, config, ropts.guest_injects
    and setmetatable({ injects = ropts.guest_injects }, { __index = ropts }) or ropts)
  local hopts = {
    lib = host.lib_path(),
    tool_path = o.tool and absolute(o.tool),
    env = ropts.env,
    say = say,
    plan = plan,
    say_fallback = mode == "guest" and say or nil, -- auto falls back quietly
    rules = M.rules_env(ropts.guest_injects or ropts.injects),
  }
  if not o.tool then -- the default tool: its printer in each guest (revel._guest_strace)
    local prep = require("revel._guest_strace").prepare(t, plan)
    hopts.tool_path, config = prep.tool_path, prep.config
    hopts.fds, hopts.root, hopts.keep = prep.fds, prep.root, prep.keep
  end
  return host.run(t, o.command, config, hopts)
end

return M
