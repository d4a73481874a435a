-- revel.cli: the command line. main(args) returns the exit status:
-- the guest's own, 128+N for a signal, 125 when revel fails, 126/127 when the
-- command cannot be run.
local revel = require("revel")
local tool_mod = require("revel.tool")
local runtime = require("revel.runtime")
local rffi = require("revel.ffi")

local M = {}

local USAGE = [=[
usage: revel [OPTIONS] [TOOL.lua [TOOL-OPTIONS]] -- COMMAND [ARGS...]
       revel [OPTIONS] COMMAND [ARGS...]

Runs COMMAND under a syscall interception tool written in Lua. With no tool,
the built-in strace-like tool prints one line per syscall on stderr.

Options:
  -o FILE              write the default tool's output to FILE
  --on-error=MODE      a Lua error in a handler: "abort" (default) kills the guest
                       and exits 125; "continue" reports it and lets the call run
  --exit-with-root     end the run when the root process exits, killing what it
                       left running (by default revel waits for every process)
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
    elseif a == "--exit-with-root" then
      o.exit_with_root = true
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

local function report(err)
  if getmetatable(err) == runtime.RunError then
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
  _G.revel = revel -- tools may use `revel` without requiring it
  local ok, code, _, spawn_err = xpcall(function()
    local t, config, name
    if o.tool then
      name = o.tool
      t = tool_mod.load_file(o.tool)
      config = tool_mod.parse_options(t, o.tool_words, o.tool)
    else
      name = "the default tool"
      t = require("revel.tools.strace")
      local okc, cerr = t.configure({ output = o.output })
      if not okc then
        error(runtime.run_error(("cannot open %s: %s"):format(o.output, cerr)), 0)
      end
    end
    return revel.run(t, o.command, config, { on_error = o.on_error, name = name, exit_with_root = o.exit_with_root })
  end, function(e)
    if getmetatable(e) == runtime.RunError then
      return e
    end
    return runtime.run_error(tostring(e), debug.traceback("", 2))
  end)
  if not ok then
    return report(code)
  end
  if spawn_err then
    io.stderr:write("revel: ", spawn_err, "\n")
  end
  io.stdout:flush()
  io.stderr:flush()
  return code
end

return M
