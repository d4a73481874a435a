-- revel._errors (private): the error a run raises, a table with `message` and
-- `traceback` whose tostring gives both. A leaf module, so that every other
-- one can raise it without requiring the runtime.
local M = {}

local RunError = {}
RunError.__index = RunError
RunError.__tostring = function(e)
  return e.traceback and (e.message .. "\n" .. e.traceback) or e.message
end
M.RunError = RunError

function M.run_error(message, traceback)
  return setmetatable({ message = message, traceback = traceback }, RunError)
end

-- The text of a value a tool raised: error(nil), error({}) or a __tostring
-- that itself fails must not break the report (nor give "error in error
-- handling").
function M.text(v)
  local t = type(v)
  if t == "string" or t == "number" then
    return tostring(v)
  end
  local mt = (t == "table" or t == "userdata") and getmetatable(v)
  if type(mt) == "table" and mt.__tostring then
    local ok, s = pcall(tostring, v)
    if ok and type(s) == "string" then
      return s
    end
    return ("an error value (a %s) whose __tostring failed"):format(t)
  end
  return ("an error value that is %s"):format(t == "nil" and "nil" or ("a " .. t))
end

function M.is(e)
  return getmetatable(e) == RunError
end

-- Raise a one-line error with no traceback (a bad tool, rule or option).
function M.bad(message)
  error(M.run_error(message), 0)
end

-- The guest could not be traced (PTRACE_SEIZE said EPERM): say why.
function M.seize_refused()
  local why = "not permitted here (no CAP_SYS_PTRACE, or a security policy)"
  local f = io.open("/proc/self/status", "r")
  local status = f and f:read("*a") or ""
  if f then
    f:close()
  end
  local tracer = tonumber(status:match("\nTracerPid:%s*(%d+)") or "0")
  local y = io.open("/proc/sys/kernel/yama/ptrace_scope", "r")
  local scope = y and tonumber(y:read("*l") or "") or 0
  if y then
    y:close()
  end
  if tracer and tracer > 0 then
    why = ("revel is itself being traced (TracerPid %d)"):format(tracer)
  elseif scope >= 3 then
    why = "ptrace is disabled (kernel.yama.ptrace_scope = 3)"
  end
  return "cannot trace the command: ptrace refused (EPERM): " .. why
end

return M
