-- revel: the Lua module. require("revel") in a tool, a spec or a REPL.
--   revel.run(tool, argv [, config [, opts]]) -> exit code, global state
--   revel.sys.NAME(...)       a syscall to inject
--   revel.errno.ENOENT        errno numbers by name; revel.signal.SIGINT likewise
--   revel.compose(outer, inner)  one tool layered over another
--   revel.rdtsc(), revel.cpuid(leaf, subleaf)  the machine's own answers
local core = require("revel.core")
local rffi = require("revel.ffi")
local syscall = require("revel._syscall")
local tool = require("revel._tool")
local runtime = require("revel._runtime")
local compose = require("revel._compose")

local api = rffi.api
local M = { version = core.version }

M.sys = syscall.sys
M.fault = require("revel.fault")
M.compose = compose.compose
M.rdtsc = require("revel._traps").machine_rdtsc
M.cpuid = require("revel._traps").machine_cpuid
M.syscall_names = rffi.names
M.syscall_numbers = rffi.numbers

M.errno = setmetatable({}, {
  __index = function(t, name)
    local n = api.errno_by_name(name)
    if n < 0 then
      error(("unknown errno name %q"):format(tostring(name)), 2)
    end
    rawset(t, name, n)
    return n
  end,
})

M.signal = setmetatable({}, {
  __index = function(t, name)
    local n = api.signal_by_name(name)
    if n < 0 then
      error(("unknown signal name %q"):format(tostring(name)), 2)
    end
    rawset(t, name, n)
    return n
  end,
})

-- The tool's output stream: stderr, or -o FILE under the revel command.
M.out = io.stderr

M.errno_name = rffi.errno_name
M.signal_name = rffi.signal_name
M.strerror = rffi.strerror

-- Run argv under tool; config overrides tool.options. opts.on_error is "abort"
-- (kill the guest, raise) or "continue" (report, let the call run).
-- Returns the exit code (128+N for a signal) and the global state. A command
-- that cannot be started gives 127 or 126, with its error message third.
-- opts.attach: a list of pids to attach to (strace -p); argv may then be {}.
function M.run(t, argv, config, opts)
  local attaching = type(opts) == "table" and type(opts.attach) == "table" and #opts.attach > 0
  if type(argv) ~= "table" or (type(argv[1]) ~= "string" and not (attaching and #argv == 0)) then
    error("revel.run: argv must be a list of strings", 2)
  end
  return runtime.run(tool.plan(t, config, opts), argv)
end

return M
