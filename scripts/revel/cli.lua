-- revel.cli: the command line. main(args) returns the exit status:
-- the guest's own, 128+N for a signal, 125 when revel fails, 126/127 when the
-- command cannot be run.
local revel = require("revel")
local tool_mod = require("revel._tool")
local errors = require("revel._errors")
local live = require("revel._live")
local strace = require("revel.tools.strace")
local rffi = require("revel.ffi")

local M = {}

local USAGE = [=[
usage: revel [OPTIONS] [TOOL.lua [TOOL-OPTIONS]] -- COMMAND [ARGS...]
       revel [OPTIONS] COMMAND [ARGS...]

Runs COMMAND under a syscall interception tool written in Lua. With no tool,
the built-in strace-like tool prints one line per syscall on stderr.

Options:
  -o FILE              write the default tool's output to FILE (each line
                       then starts with its pid, as strace -f -o does)
  -e trace=SET, --trace=SET
                       trace only SET: syscall names, classes (%file,
                       %process, %network, %signal, %ipc, %desc, %memory,
                       %creds, %clock, %stat ...), "!" before SET to trace
                       all but SET, "/PATTERN" for names matching a pattern
  -s N                 show at most N bytes of each string (default 32)
  -c                   count time, calls and errors per syscall; print a
                       summary table at the end instead of lines
  --json               one JSON object per line and syscall (pid, tid, name,
                       args, result, errno), signal and exit
  -y                   print the paths of file descriptors: 3</etc/passwd>
  --on-error=MODE      a Lua error in a handler: "abort" (default) kills the guest
                       and exits 125; "continue" reports it and lets the call run
  -e inject=SPEC, --inject=SPEC
                       strace's fault injection, run by the engine without Lua:
                       SET:error=ERRNO|retval=N[:signal=SIG][:syscall=NAME]
                       [:delay_enter=D][:delay_exit=D][:when=FIRST[..LAST][+[STEP]]]
                       (several allowed; counted per syscall and per thread)
  -e fault=SPEC, --fault=SPEC
                       the same with error=ENOSYS unless the spec names one
  --rule=SPEC          a fault rule that matches decoded arguments (path=,
                       place= and p= are decided in Lua, the rest in the engine):
                       SET[:path=GLOB][:fd=N][:size=N][:flags=N][:place=GLOB]
                       [:nth=WHEN][:p=P]:ACTION with ACTION one of error=ERRNO,
                       retval=N, short=N (at most N bytes), delay=D, signal=SIG,
                       eintr (the kernel's restart semantics); several allowed
  --seed=N             the seed of p= draws: the same seed, the same faults
  --fault-log=FILE     record every fault --rule injects as a JSON line
  --replay=FILE        inject exactly the faults of a recorded log again
  -i                   a Lua prompt on the live guest: it stops at its first
                       syscall (with a tool, at the tool's subscriptions);
                       step(), cont(), brk("openat"), ret(-EACCES), help() ...
  -E CODE              CODE is the body of a tool, with `tool` ({ on = {} })
                       and `revel` in scope: -E 'tool.on.openat = function(g,
                       sc) print(g:string(sc.pathname)) end'
  --watch              reload TOOL.lua when the file changes while the guest
                       runs, keeping its global, process and thread state
  --exit-with-root     end the run when the root process exits, killing what it
                       left running (by default revel waits for every process)
  --spin=auto|0|US     poll for the next stop up to US µs before sleeping, while
                       stops come that fast and a CPU is spare (auto: 200); 0
                       always sleeps; US polls whatever the load
  --list-syscalls      print the syscall table (number, name, arguments) and exit
  -h, --help           show this help and exit
  -V, --version        show the version and exit

A tool is a Lua file returning a table; see revel(1) and docs/api.md.
TOOL-OPTIONS fill the tool's `options` table: --name VALUE, --name=VALUE, --flag.

Exit status: the command's own; 128+N if signal N killed it; 125 if revel
itself failed (bad option, bad tool, error in a tool); 126 if COMMAND is not
executable; 127 if it was not found.
]=]

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

-- Split the words: revel options, the tool and its options, the command.
local function parse(args)
  local o = { on_error = "abort" }
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "--" then
      i = i + 1
      break
    elseif a == "-h" or a == "--help" then
      o.help = true
      return o
    elseif a == "-V" or a == "--version" then
      o.version = true
      return o
    elseif a == "--list-syscalls" then
      o.list = true
      return o
    elseif a == "-o" then
      o.output = args[i + 1]
      if not o.output then
        return nil, "option -o needs a file name"
      end
      i = i + 1
    elseif a:match("^%-o.") then
      o.output = a:sub(3)
    elseif a == "-e" or a:match("^%-e.") then
      local v = a == "-e" and args[i + 1] or a:sub(3)
      if not v then
        return nil, "option -e needs an expression (trace=SET)"
      end
      if a == "-e" then
        i = i + 1
      end
      local set = v:match("^trace=(.*)$") or v:match("^t=(.*)$")
      local inj = v:match("^inject=(.*)$")
      local flt = v:match("^fault=(.*)$")
      if inj or flt then
        local ok, err = add_inject(o, inj or flt, flt ~= nil)
        if not ok then
          return nil, err
        end
        set = false
      elseif not set then
        if v:find("=", 1, true) then
          return nil, ("-e %s is not supported (see revel --help)"):format(v)
        end
        set = v -- strace: a bare -e SET means trace=SET
      end
      if set then
        o.trace = set
      end
    elseif a:match("^%-%-inject=") or a:match("^%-%-fault=") then
      local ok, err = add_inject(o, a:match("=(.*)$"), a:match("^%-%-fault=") ~= nil)
      if not ok then
        return nil, err
      end
    elseif a:match("^%-%-rule=") then
      o.rules = o.rules or {}
      o.rules[#o.rules + 1] = a:match("=(.*)$")
    elseif a:match("^%-%-seed=") or a == "--seed" then
      local v = a == "--seed" and args[i + 1] or a:match("=(.*)$")
      if a == "--seed" then
        i = i + 1
      end
      o.seed = tonumber(v)
      if not o.seed or o.seed % 1 ~= 0 then
        return nil, ("--seed takes an integer, not %q"):format(tostring(v))
      end
    elseif a:match("^%-%-fault%-log=") then
      o.fault_log = a:match("=(.*)$")
    elseif a:match("^%-%-replay=") or a == "--replay" then
      o.replay = a == "--replay" and args[i + 1] or a:match("=(.*)$")
      if a == "--replay" then
        i = i + 1
      end
      if not o.replay then
        return nil, "--replay needs a fault log"
      end
    elseif a:match("^%-%-trace=") then
      o.trace = a:match("=(.*)$")
    elseif a == "-s" or a:match("^%-s%d") then
      local v = a == "-s" and args[i + 1] or a:sub(3)
      if a == "-s" then
        i = i + 1
      end
      local n = tonumber(v)
      if not n or n < 0 or n ~= math.floor(n) then
        return nil, ("-s takes a number of bytes, not %q"):format(tostring(v))
      end
      o.strsize = n
    elseif a == "-c" then
      o.count = true
    elseif a == "--json" then
      o.json = true
    elseif a == "-y" then
      o.fd_paths = true
    elseif a == "-i" then
      o.repl = true
    elseif a == "-E" or a:match("^%-E.") then
      o.code = a == "-E" and args[i + 1] or a:sub(3)
      if not o.code then
        return nil, "option -E needs the code of a tool"
      end
      if a == "-E" then
        i = i + 1
      end
    elseif a == "--watch" then
      o.watch = true
    elseif a == "--exit-with-root" then
      o.exit_with_root = true
    elseif a:match("^%-%-spin=") then
      local v = a:match("=(.*)$")
      o.spin = v == "auto" and v or tonumber(v)
      if not o.spin or v ~= "auto" and (o.spin % 1 ~= 0 or o.spin < 0 or o.spin > 10000) then
        return nil, ("--spin takes auto, 0 or a number of microseconds up to 10000, not %q"):format(v)
      end
    elseif a:match("^%-%-on%-error=") then
      o.on_error = a:match("=(.*)$")
      if o.on_error ~= "abort" and o.on_error ~= "continue" then
        return nil, ("--on-error takes abort or continue, not %q"):format(o.on_error)
      end
    elseif a:sub(1, 1) == "-" and a ~= "-" then
      return nil, ("unknown option %s (see revel --help)"):format(a)
    elseif a:match("%.lua$") then
      o.tool = a
      o.tool_words = {}
      i = i + 1
      while i <= #args and args[i] ~= "--" do
        o.tool_words[#o.tool_words + 1] = args[i]
        i = i + 1
      end
      if args[i] ~= "--" then
        return nil, ("missing -- between the tool's options and the command")
      end
      i = i + 1
      break
    else
      break -- the command, strace style: revel ls /
    end
    i = i + 1
  end
  o.command = {}
  for j = i, #args do
    o.command[#o.command + 1] = args[j]
  end
  return o
end

-- A tool's print and io.write go to revel's stdout. A write there that fails
-- (a full disk, /dev/full) loses the tool's output: said once, at the first
-- failed write, as the default tool says it for -o FILE; the exit status
-- stays the guest's, as strace's does.
local ffi = rffi.ffi
pcall(ffi.cdef, "int ferror(void *stream); extern void *stdout;")

local stdout_said = false
local function stdout_failed(err)
  if not stdout_said then
    stdout_said = true
    io.stderr:write("revel: stdout: ", tostring(err), "\n")
  end
end

local function check_stdout_writes()
  local write = io.write
  io.write = function(...)
    local f, err = write(...)
    if not f and io.output() == io.stdout then
      stdout_failed(err)
    end
    return f, err
  end
  _G.print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do
      parts[i] = tostring((select(i, ...)))
    end
    local ok, err = io.stdout:write(table.concat(parts, "\t"), "\n")
    if not ok then
      stdout_failed(err)
    end
  end
end

-- The last of stdout: a final write that fails, or one a tool made with
-- io.stdout:write and did not check.
local function flush_stdout()
  local ok, err = io.stdout:flush()
  if not ok then
    stdout_failed(err)
  elseif ffi.C.ferror(ffi.C.stdout) ~= 0 then
    stdout_failed("a write failed, output was lost")
  end
end

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
  local o, err = parse(args)
  if not o then
    return fail(err)
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
  if #o.command == 0 then
    return fail("no command to run (see revel --help)")
  end
  if o.code and o.tool then
    return fail("-E and a tool file do not go together: -E is the tool")
  elseif o.watch and not o.tool then
    return fail("--watch needs a tool file to watch")
  end
  if o.trace then
    local words, terr = strace.trace_words(o.trace)
    if not words then
      return fail("-e " .. terr)
    end
  end
  if o.tool or o.code or o.repl then
    -- These shape the default tool's output; a tool writes its own.
    for _, opt in ipairs({ { "output", "-o" }, { "trace", "-e trace=" }, { "strsize", "-s" },
      { "count", "-c" }, { "json", "--json" }, { "fd_paths", "-y" } }) do
      if o[opt[1]] ~= nil then
        return fail(("%s is an option of the default tool; %s writes its own output"):format(opt[2],
          o.tool or (o.code and "-E" or "the REPL")))
      end
    end
  end
  _G.revel = revel -- tools may use `revel` without requiring it
  check_stdout_writes()
  local ok, code, _, spawn_err = xpcall(function()
    local t, config, name
    if o.code then
      name = "-E"
      t = live.from_code(o.code)
    elseif o.repl and not o.tool then
      name, t = "the REPL", {}
    elseif o.tool then
      name = o.tool
      t = tool_mod.load_file(o.tool)
      config = tool_mod.parse_options(t, o.tool_words, o.tool)
    else
      name = "the default tool"
      local cerr
      t, cerr = strace.new({ output = o.output, trace = o.trace, strsize = o.strsize,
        count = o.count, json = o.json, fd_paths = o.fd_paths })
      if not t then
        error(errors.run_error(("cannot open %s: %s"):format(o.output, cerr)), 0)
      end
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
      end
    end
    local ropts = { on_error = o.on_error, name = name, exit_with_root = o.exit_with_root, injects = injects }
    ropts.spin = o.spin
    if o.repl or o.watch then -- a tool that may change while the guest runs
      return live.run(t, o.command, config, ropts,
        { repl = o.repl, watch = o.watch, path = o.tool, words = o.tool_words, layers = layers })
    end
    if layers[1] then
      tool_mod.plan(t, config, ropts) -- its errors name the tool, as without layers
      t = revel.compose(layers[1], t)
    end
    return revel.run(t, o.command, config, ropts)
  end, function(e)
    if errors.is(e) then
      return e
    end
    return errors.run_error(tostring(e), debug.traceback("", 2))
  end)
  if not ok then
    return report(code)
  end
  if spawn_err then
    io.stderr:write("revel: ", spawn_err, "\n")
  end
  flush_stdout()
  io.stderr:flush()
  return code
end

return M
