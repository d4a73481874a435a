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

return M
