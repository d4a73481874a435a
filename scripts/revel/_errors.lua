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

function M.is(e)
  return getmetatable(e) == RunError
end

-- Raise a one-line error with no traceback (a bad tool, rule or option).
function M.bad(message)
  error(M.run_error(message), 0)
end

return M
