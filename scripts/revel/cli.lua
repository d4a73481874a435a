-- revel.cli: the command line. main(args) returns the exit status:
-- the guest's own, 128+N for a signal, 125 when revel fails, 126/127 when the
-- command cannot be run.
local revel = require("revel")
local tool_mod = require("revel._tool")
local errors = require("revel._errors")
local live = require("revel._live")
local strace = require("revel.tools.strace")
local tflags = require("revel._cli_time")
local filters = require("revel._filters")
local rffi = require("revel.ffi")
local startup = require("revel._startup")
local stdout = require("revel._stdout")
local style = require("revel._cli_style")
local tips = require("revel._tips")
local gdb = require("revel._gdb")
local sched = require("revel._cli_sched")
local explore = require("revel._explore")
local backend = require("revel._backend")

local M = {}

local USAGE = require("revel._cli_help")

local function fail(msg)
  io.stderr:write("revel: ", msg, "\n")
  return 125
end

local function list_syscalls()
  local out = {}
  for nr = 0, rffi.NR_MAX - 1 do
    local name = rffi.names[nr]
    if name then
      out[#out + 1] = ("%3d %s(%s)"):format(nr, name, table.concat(rffi.argnames[nr], ", "))
    end
  end
  io.stdout:write(table.concat(out, "\n"), "\n")
  return 0
end

-- -e inject=SPEC / --inject=SPEC, checked now; -e fault=SPEC is strace's
-- inject with error=ENOSYS unless the spec says otherwise.
local function add_inject(o, spec, is_fault)
  if is_fault and not spec:find(":error=", 1, true) and not spec:find(":retval=", 1, true) then
    spec = spec .. ":error=ENOSYS"
  end
  local rule, err = rffi.inject_rule(spec)
  if not rule then
    return nil, err
  end
  o.injects = o.injects or {}
  o.injects[#o.injects + 1] = spec
  return true
end

-- Short letters strace takes with a value (getopt: -sN or -s N).
local SHORT_ARG = { o = true, e = true, s = true, l = true, E = true, a = true, b = true,
  I = true, O = true, S = true, P = true, p = true, U = true, u = true, X = true }

local function set_trace(o, v)
  o.trace = v
end

-- -e quiet=SET / --quiet=SET: of strace's messages revel prints the exit,
-- superseded and -P's path resolution lines; the others (personality...) it
-- never prints.
local QUIET = { attach = true, exit = true, ["path-resolution"] = true, personality = true,
  ["thread-execve"] = true, superseded = true, all = true, none = true }
local function set_quiet(o, v)
  local neg, set = v:match("^(!?)(.*)$")
  local exit, attach, superseded, paths = false, false, false, false
  for w in set:gmatch("[^,]+") do
    if not QUIET[w] then
      return nil, ("-e quiet=%s: invalid quiet '%s'"):format(v, w)
    end
    exit = exit or w == "exit" or w == "all"
    attach = attach or w == "attach" or w == "all"
    superseded = superseded or w == "superseded" or w == "all"
    paths = paths or w == "path-resolution" or w == "all"
  end
  if neg == "!" then
    exit, attach, superseded, paths = not exit, not attach, not superseded, not paths
  end
  o.quiet_exit = exit
  o.quiet_attach = attach
  o.quiet_superseded = superseded
  o.quiet_paths = paths -- -P's "Requested path ... resolved into ..." line
  return true
end

-- -e status=SET, -z, -Z: the last one says (as in strace); checked now.
local function set_status(o, v)
  local ok, err = filters.status_hide(v)
  if not ok then
    return nil, err
  end
  o.status = v
  return true
end

local function set_signal(o, v)
  local ok, err = filters.signals_hidden(v)
  if not ok then
    return nil, err
  end
  o.signal = v
  return true
end

-- -P PATH, --trace-path=PATH: several add up.
local function add_path(o, v)
  o.paths = o.paths or {}
  o.paths[#o.paths + 1] = v
  return true
end

-- -e EXPR: trace=, inject=, fault=, quiet=, status=, signal=; a bare SET
-- is trace=SET as in strace.
local function set_expr(o, v)
  local set = v:match("^trace=(.*)$") or v:match("^t=(.*)$")
  local inj = v:match("^inject=(.*)$")
  local flt = v:match("^fault=(.*)$")
  local quiet = v:match("^quiet=(.*)$")
  local kvm = v:match("^kvm=(.*)$")
  local status = v:match("^status=(.*)$")
  local signal = v:match("^signals?=(.*)$") or v:match("^s=(.*)$")
  if kvm then
    return startup.kvm(o, kvm)
  elseif quiet then
    return set_quiet(o, quiet)
  elseif status then
    return set_status(o, status)
  elseif signal then
    return set_signal(o, signal)
  elseif inj or flt then
    return add_inject(o, inj or flt, flt ~= nil)
  elseif not set then
    local key, val = v:match("^([%w_-]+)=(.*)$")
    local ok, err = style.expr(o, key, val)
    if ok ~= nil or err then
      return ok, err
    end
    if key then
      return nil, ("-e %s= is not supported yet"):format(key)
    end
    set = v
  end
  o.trace = set
  return true
end

local function set_strsize(o, v, name)
  local n = tonumber(v)
  -- (The printer holds it in a C int: past that it would be garbage.)
  if not n or n < 0 or n ~= math.floor(n) or n > 0x7fffffff then
    return nil, ("%s takes a number of bytes, not %q"):format(name, tostring(v))
  end
  o.strsize = n
  return true
end

local function set_seed(o, v)
  o.seed = tonumber(v)
  if not o.seed or o.seed % 1 ~= 0 then
    return nil, ("--seed takes an integer, not %q"):format(tostring(v))
  end
  return true
end

local function set_memory(o, v)
  local n, unit = v:match("^(%d+%.?%d*)([KMGT]?)i?B?$")
  o.lua_memory = n and tonumber(n) * 1024 ^ (("KMGT"):find(unit ~= "" and unit or "-", 1, true) or 0)
  if not o.lua_memory then
    return nil, ("--lua-memory takes a size (512M, 2G; 0 for no limit), not %q"):format(v)
  end
  return true
end

local function set_on_error(o, v)
  o.on_error = v
  if v ~= "abort" and v ~= "continue" then
    return nil, ("--on-error takes abort or continue, not %q"):format(v)
  end
  return true
end

-- -E VAR=VAL / -E VAR: the guest's environment, in order.
local function set_env(o, v)
  if v == "" or v:sub(1, 1) == "=" then
    return nil, ("-E takes VAR=VAL or VAR, not %q"):format(v)
  end
  o.env = o.env or {}
  o.env[#o.env + 1] = v
  return true
end

-- -p PID[,PID...] / --attach=PID: several -p, and lists split by commas or
-- spaces, as strace takes them.
local function set_attach(o, v)
  o.attach = o.attach or {}
  for w in v:gmatch("[^,%s]+") do
    local pid = w:match("^%d+$") and tonumber(w)
    if not pid or pid <= 0 or pid > 0x7fffffff then
      return nil, ("Invalid process id: '%s'"):format(w)
    end
    if pid == rffi.ffi.C.getpid() then
      return nil, "I'm sorry, I can't let you do that, Dave."
    end
    o.attach[#o.attach + 1] = pid
  end
  if not v:find("[^,%s]") then
    return nil, ("Invalid process id: '%s'"):format(v)
  end
  return true
end

-- -b execve / --detach-on=execve: the only call strace detaches on.
local function set_detach_on(o, v)
  if v ~= "execve" then
    return nil, ("Syscall '%s' for -b isn't supported"):format(v)
  end
  o.detach_on_exec = true
  return true
end

local function set_code(o, v)
  o.code = v
  return true
end

local function add_rule(o, v)
  o.rules = o.rules or {}
  o.rules[#o.rules + 1] = v
  return true
end

local function flag(field)
  return function(o)
    o[field] = (o[field] or 0) + 1
    return true
  end
end

-- Options with a value: the function that takes it. Long names take
-- --name=V and --name V, short letters -xV and -x V, as getopt_long does.
local function set_spin(o, v)
  o.spin = v == "auto" and v or tonumber(v)
  if not o.spin or v ~= "auto" and (o.spin % 1 ~= 0 or o.spin < 0 or o.spin > 10000) then
    return nil, ("--spin takes auto, 0 or a number of microseconds up to 10000, not %q"):format(v)
  end
  return true
end

local function set_placement(o, v)
  if v ~= "auto" and v ~= "none" and v ~= "follow" and v ~= "together" then
    return nil, ("--placement takes auto, none, follow or together, not %q"):format(v)
  end
  o.placement = v
  return true
end

local function set_backend(o, v)
  if not backend.NAMES[v] then
    return nil, ("--backend takes ptrace, guest or auto, not %q"):format(v)
  end
  o.backend = v
  return true
end

local WITH_VALUE = {
  o = function(o, v) o.output = v return true end,
  output = function(o, v) o.output = v return true end,
  e = set_expr,
  trace = function(o, v) set_trace(o, v) return true end,
  inject = function(o, v) return add_inject(o, v, false) end,
  fault = function(o, v) return add_inject(o, v, true) end,
  s = function(o, v) return set_strsize(o, v, "-s") end,
  ["string-limit"] = function(o, v) return set_strsize(o, v, "--string-limit") end,
  rule = add_rule,
  seed = set_seed,
  ["fault-log"] = function(o, v) o.fault_log = v return true end,
  replay = function(o, v) o.replay = v return true end,
  ["chrome-trace"] = function(o, v) o.chrome_trace = v return true end,
  timeline = function(o, v) o.timeline = v return true end,
  ["lua-memory"] = set_memory,
  ["on-error"] = set_on_error,
  spin = set_spin,
  placement = set_placement,
  backend = set_backend,
  l = set_code,
  lua = set_code,
  p = set_attach,
  attach = set_attach,
  b = set_detach_on,
  ["detach-on"] = set_detach_on,
  status = set_status,
  signal = set_signal,
  P = add_path,
  ["trace-path"] = add_path,
  E = set_env,
  env = set_env,
  u = startup.set_user,
  user = startup.set_user,
  I = function(o, v) return startup.set_interruptible(o, v, "-I") end,
  interruptible = function(o, v) return startup.set_interruptible(o, v, "--interruptible") end,
  kvm = startup.kvm,
  gdbserver = startup.set_gdbserver,
  ["gdb-disconnect"] = startup.set_gdb_disconnect,
}
for _, more in ipairs({ style.WITH_VALUE, sched.WITH_VALUE }) do
  for k, f in pairs(more) do
    WITH_VALUE[k] = f
  end
end
-- Options without one: counted (-ff, -qq).
local FLAGS = {
  c = flag("count"), ["summary-only"] = flag("count"),
  y = flag("fd_paths"),
  f = flag("follow"), ["follow-forks"] = flag("follow"),
  ["output-separately"] = function(o) o.separately = true return true end,
  q = flag("quiet"),
  n = flag("syscall_number"), ["syscall-number"] = flag("syscall_number"),
  i = flag("instruction_pointer"), ["instruction-pointer"] = flag("instruction_pointer"),
  k = flag("stack_trace"), ["stack-traces"] = flag("stack_trace"),
  ["seccomp-bpf"] = function() return true end, -- revel always filters with seccomp
  d = flag("debug"), debug = flag("debug"),
  D = startup.daemonize_flag,
  json = flag("json"),
  repl = flag("repl"),
  watch = flag("watch"),
  ["exit-with-root"] = flag("exit_with_root"),
  z = function(o) o.status = "successful" return true end,
  ["successful-only"] = function(o) o.status = "successful" return true end,
  Z = function(o) o.status = "failed" return true end,
  ["failed-only"] = function(o) o.status = "failed" return true end,
}
-- -t, -r, -T and -c's companions (revel._cli_time).
for k, f in pairs(tflags.WITH_VALUE) do
  WITH_VALUE[k] = f
end
for k, f in pairs(tflags.FLAGS) do
  FLAGS[k] = f
end
for k, f in pairs(style.FLAGS) do
  FLAGS[k] = f
end

-- One long option at args[i]: returns the next index, or nil and why not.
local function parse_long(o, args, i)
  local a = args[i]
  local name, v = a:match("^%-%-([^=]+)=(.*)$")
  name = name or a:sub(3)
  if name == "decode-fds" then
    local ok, err = style.decode_fds(o, v)
    return ok and i + 1, err
  elseif name == "strings-in-hex" then
    local ok, err = style.strings_in_hex(o, v)
    return ok and i + 1, err
  elseif name == "daemonize" then -- optional value: --daemonize alone is -D
    local ok, err = startup.set_daemonize(o, v)
    return ok and i + 1, err
  elseif tflags.OPTIONAL[name] then -- optional values too: -t, -r, -T's long forms
    local ok, err = tflags.OPTIONAL[name](o, v)
    return ok and i + 1, err
  elseif name == "stack-traces" and v then -- strace 6.7's =source: file:line too
    if v ~= "source" then
      return nil, ("invalid --stack-traces argument: '%s'"):format(v)
    end
    o.stack_trace, o.stack_source = (o.stack_trace or 0) + 1, true
    return i + 1
  elseif name == "tips" then -- optional value too
    local plan, err = tips.parse(v)
    o.tips = plan
    return plan and i + 1, err
  elseif name == "quiet" then -- its value is optional too: --quiet alone is -q
    local ok, err = true, nil
    if v then
      ok, err = set_quiet(o, v)
    else
      flag("quiet")(o)
    end
    return ok and i + 1, err
  end
  local take = WITH_VALUE[name]
  if take then
    if not v then
      v = args[i + 1]
      if v == nil then
        return nil, ("option --%s needs a value"):format(name)
      end
      i = i + 1
    end
    local ok, err = take(o, v)
    return ok and i + 1, err
  elseif FLAGS[name] then
    if v then
      return nil, ("option --%s takes no value"):format(name)
    end
    FLAGS[name](o)
    return i + 1
  end
  return nil, ("unknown option %s (see revel --help)"):format(a)
end

-- A word of short letters at args[i] (-fqq, -s64, -o FILE): as getopt.
local function parse_short(o, args, i)
  local a = args[i]
  local j = 2
  while j <= #a do
    local c = a:sub(j, j)
    if SHORT_ARG[c] then
      local v = a:sub(j + 1)
      if v == "" then
        v = args[i + 1]
        if v == nil then
          return nil, ("option -%s needs a value"):format(c)
        end
        i = i + 1
      end
      local ok, err = WITH_VALUE[c](o, v)
      return ok and i + 1, err
    elseif FLAGS[c] then
      FLAGS[c](o)
    elseif c == "h" then
      o.help = true
    elseif c == "V" then
      o.version = true
    else
      return nil, ("unknown option -%s (see revel --help)"):format(c)
    end
    j = j + 1
  end
  return i + 1
end

-- Split the words: revel options, the tool and its options, the command.
local function parse(args)
  local o = { on_error = "abort" }
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "--" then
      i = i + 1
      break
    elseif a == "--help" then
      o.help = true
      return o
    elseif a == "--version" then
      o.version = true
      return o
    elseif a == "--list-syscalls" then
      o.list = true
      return o
    elseif a:sub(1, 2) == "--" then
      local nexti, err = parse_long(o, args, i)
      if not nexti then
        return nil, err
      end
      i = nexti
    elseif a:sub(1, 1) == "-" and a ~= "-" then
      local nexti, err = parse_short(o, args, i)
      if not nexti then
        return nil, err
      end
      if o.help or o.version then
        return o
      end
      i = nexti
    elseif a:match("%.lua$") then
      o.tool = a
      o.tool_words = {}
      i = i + 1
      while i <= #args and args[i] ~= "--" do
        o.tool_words[#o.tool_words + 1] = args[i]
        i = i + 1
      end
      if args[i] ~= "--" and not (o.attach and i > #args) then -- -p: no command needed
        return nil, ("missing -- between the tool's options and the command")
      end
      i = i + 1
      break
    else
      break -- the command, strace style: revel ls /
    end
  end
  o.command = {}
  for j = i, #args do
    o.command[#o.command + 1] = args[j]
  end
  return o
end

pcall(rffi.ffi.cdef, "int getpid(void);")

local function report(err)
  if errors.is(err) then
    io.stderr:write("revel: ", err.message, "\n")
    if err.traceback and err.traceback ~= "" then
      io.stderr:write(err.traceback, "\n")
    end
  else
    io.stderr:write("revel: ", tostring(err), "\n")
  end
  return 125
end

function M.main(args)
  if args[1] == "explore" then
    return explore.main({ unpack(args, 2) })
  end
  local o, err = parse(args)
  if not o then
    return fail(err)
  end
  if o.lua_memory then
    rffi.cli.lua_memory(o.lua_memory)
  end
  if o.help then
    io.stdout:write(USAGE)
    return 0
  elseif o.version then
    io.stdout:write("revel ", revel.version, "\n")
    return 0
  elseif o.list then
    return list_syscalls()
  end
  local serr2 = style.check(o)
  if serr2 then
    return fail(serr2)
  end
  local terr = tflags.check(o) -- before -ff's: strace refuses -ff with -c outright
  if terr then
    return fail(terr)
  elseif ((o.follow or 0) > 1 or o.separately) and o.output and o.json then
    return fail("-ff -o FILE with --json is not supported yet")
  end
  if #o.command == 0 and not o.attach then
    return fail("must have PROG [ARGS] or -p PID (see revel --help)")
  end
  if o.repl and (o.daemonize or 0) > 1 then
    return fail("--repl and -DD/-DDD do not go together: the REPL reads the terminal")
  end
  local started, serr = startup.check(o)
  if not started then
    return fail(serr)
  end
  local sched_opts, sched_err = sched.check(o)
  if sched_err then
    return fail(sched_err)
  end
  if o.stack_trace then
    if rffi.api.unwind_available() == 0 then
      return fail("-k: built without libdw")
    elseif o.json then
      return fail("-k with --json is not supported yet")
    elseif o.count then -- strace's warning; the run goes on
      io.stderr:write("revel: -k/--stack-traces has no effect with -c/--summary-only\n")
    end
  end
  if o.code and o.tool then
    return fail("-l and a tool file do not go together: -l is the tool")
  elseif o.watch and not o.tool then
    return fail("--watch needs a tool file to watch")
  end
  if o.trace then
    local words, terr = strace.trace_words(o.trace)
    if not words then
      return fail(terr)
    end
  end
  if o.tool or o.code or o.repl then
    -- These shape the default tool's output; a tool writes its own.
    -- (-o FILE and -A are revel.out, the tool's output stream, below.)
    for _, opt in ipairs({ { "trace", "-e trace=" }, { "strsize", "-s" },
      { "count", "-c" }, { "json", "--json" }, { "fd_paths", "-y" }, { "quiet", "-q" },
      { "quiet_exit", "-e quiet=" }, { "status", "-e status= (-z, -Z)" }, { "signal", "-e signal=" },
      { "paths", "-P" },
      { "syscall_number", "-n" }, { "instruction_pointer", "-i" }, { "stack_trace", "-k" }, unpack(style.tool_only(tflags.TOOL_ONLY)) }) do
      if o[opt[1]] ~= nil and opt[1] ~= "append" then
        return fail(("%s is an option of the default tool; %s writes its own output"):format(opt[2],
          o.tool or (o.code and "-l" or "the REPL")))
      end
    end
  end
  if (o.tool or o.code or o.repl) and o.output then
    local f, oerr = stdout.open(revel, o.output, o.append)
    if not f then
      return fail(("cannot open %s: %s"):format(o.output, oerr))
    end
  end
  local env = o.env and startup.environment(o.env) -- -E: revel's own, changed
  _G.revel = revel -- tools may use `revel` without requiring it
  stdout.check_writes(revel)
  local views = {} -- --timeline, --chrome-trace: told when revel fails
  local ok, code, _, spawn_err = xpcall(function()
    local t, config, name, default
    if o.code then
      name = "-l"
      t = live.from_code(o.code, name)
    elseif o.repl and not o.tool then
      name, t = "the REPL", {}
    elseif o.tool then
      name = o.tool
      t = tool_mod.load_file(o.tool)
      config = tool_mod.parse_options(t, o.tool_words, o.tool)
    else
      name = "the default tool"
      local cerr
      t, cerr = strace.new(tflags.tool_opts(o, { output = o.output, trace = o.trace, strsize = o.strsize,
        count = o.count, json = o.json, fd_paths = o.fd_paths, follow = o.follow ~= nil,
        quiet = o.quiet_exit and 2 or (o.quiet_exit == false and 0) or o.quiet, syscall_number = o.syscall_number ~= nil,
        instruction_pointer = o.instruction_pointer ~= nil, attach = o.attach,
        -- strace -qqq (or quiet=superseded) drops "+++ superseded by execve +++" too
        quiet_superseded = o.quiet_superseded or (o.quiet_superseded == nil and (o.quiet or 0) >= 3),
        stack_trace = o.stack_trace ~= nil and not o.count and (o.stack_source and "source" or true),
        status = o.status, signal = o.signal,
        paths = o.paths and filters.trace_paths(o.paths, not o.quiet_paths and function(msg)
          io.stderr:write("revel: ", msg, "\n")
        end),
        separate = (o.follow or 0) > 1 or o.separately,
        fd_details = (o.fd_paths or 0) > 1 and { socket = true, dev = true, pidfd = true } or o.fd_details,
        strsize_exact = o.strsize ~= nil,
        style = style.tool_opts(o, {}) }))
      if not t then
        error(errors.run_error(("cannot open %s: %s"):format(o.output, cerr)), 0)
      end
      default = t
    end
    local layers = {}
    local injects = o.injects
    if o.rules or o.replay or o.fault_log then
      -- The engine runs the rules a C check decides, as it runs -e inject=
      -- ones (the default tool keeps its C path); the rest run in Lua, a
      -- layer over the tool.
      local rules = {}
      for i, spec in ipairs(o.rules or {}) do
        rules[i] = revel.fault.parse(spec)
      end
      local inject_set = {}
      for _, spec in ipairs(o.injects or {}) do
        local rule = rffi.inject_rule(spec)
        for nr = 0, rffi.NR_MAX - 1 do
          if rule.set[nr] ~= 0 then
            inject_set[nr] = true
          end
        end
      end
      local lua_rules, specs = revel.fault.split(rules, { log = o.fault_log, replay = o.replay,
        inject_set = inject_set, ninjects = #(o.injects or {}) })
      if #specs > 0 then
        injects = { unpack(o.injects or {}) }
        for _, spec in ipairs(specs) do
          injects[#injects + 1] = { rule = spec } -- a --rule spec, not strace's
        end
      end
      if #lua_rules > 0 or o.replay or o.fault_log then
        layers[1] = revel.fault.layer(lua_rules, { seed = o.seed, log = o.fault_log, replay = o.replay })
        o.fault_layer = true -- not under --backend=guest (revel._backend) but path=:
        o.guest_injects = backend.guest_rules(o, rules, inject_set)
      end
    end
    if o.chrome_trace then
      views[#views + 1] = require("revel.tools.chrome_trace").layer(o.chrome_trace)
      layers[#layers + 1] = views[#views]
    end
    if o.timeline then
      views[#views + 1] = require("revel.tools.timeline").layer(o.timeline, default, { command = o.command })
      layers[#layers + 1] = views[#views]
    end
    local ropts = { on_error = o.on_error, name = name, exit_with_root = o.exit_with_root, injects = injects,
      env = env, startup = started, attach = o.attach, detach_on_exec = o.detach_on_exec,
      debug = o.debug ~= nil }
    -- strace's "Process N detached" (-b, -p), unless -q or quiet=attach.
    ropts.detach_say = not o.quiet_attach and not o.quiet
    if o.attach and not o.quiet_attach and not o.quiet then
      -- strace's "Process N attached"/"detached" lines: with -f for every
      -- thread, without for the pids given.
      ropts.attach_say = { all = o.follow ~= nil }
      for _, pid in ipairs(o.attach) do
        ropts.attach_say[pid] = true
      end
    end
    ropts.spin = o.spin
    ropts.gdb_monitor = o.gdbserver and gdb.monitor -- `monitor lua CODE` (revel._gdb)
    ropts.sched = sched_opts
    ropts.placement = o.placement
    ropts.guest_injects = o.guest_injects
    local which, why, refuse = backend.choose(o, t, not layers[1] or (#layers == 1 and o.guest_injects ~= nil))
    if why and refuse and o.backend == "guest" then
      error(errors.run_error("--backend=guest: " .. why), 0)
    elseif why and o.backend == "guest" then -- auto falls back quietly
      io.stderr:write("revel: --backend=guest: ", why, ": the whole run is under ptrace\n")
    elseif which == "guest" then
      tool_mod.plan(t, config, ropts) -- the tool's errors, as under ptrace
      return backend.run_guest(t, o, config, ropts)
    end
    if o.repl or o.watch then -- a tool that may change while the guest runs
      return live.run(t, o.command, config, ropts,
        { repl = o.repl, watch = o.watch, path = o.tool, words = o.tool_words, layers = layers })
    end
    if layers[1] then
      tool_mod.plan(t, config, ropts) -- its errors name the tool, as without layers
      layers[#layers + 1] = t
      t = revel.compose(unpack(layers))
    end
    return revel.run(t, o.command, config, ropts)
  end, function(e)
    if errors.is(e) then
      return e
    end
    return errors.run_error(tostring(e), debug.traceback("", 2))
  end)
  if not ok then
    for _, v in ipairs(views) do
      if v.abandon then
        v.abandon(errors.is(code) and code.message or tostring(code))
      end
    end
    stdout.flush(revel) -- what the tool wrote up to its error
    return report(code)
  end
  if spawn_err then
    io.stderr:write("revel: ", spawn_err, "\n")
  end
  stdout.flush(revel)
  if o.tips then
    tips.show(o.tips)
  end
  io.stderr:flush()
  return code
end

return M
