-- revel._copy (private): copies of plain data (nil, booleans, numbers, strings and tables of
-- these), as RPC messages are: a tool that works here works unchanged where
-- handlers run in another address space.
local M = {}

local function plain(v, what, seen)
  local t = type(v)
  if t == "nil" or t == "boolean" or t == "number" or t == "string" then
    return v
  end
  if t ~= "table" then
    error(("%s must be plain data, but holds a %s"):format(what, t), 0)
  end
  if seen[v] then
    error(("%s must be plain data, but holds a cycle"):format(what), 0)
  end
  seen[v] = true
  local c = {}
  for k, x in pairs(v) do
    c[plain(k, what, seen)] = plain(x, what, seen)
  end
  seen[v] = nil
  return c
end

function M.plain(v, what)
  local t = type(v)
  if t ~= "table" and (t == "nil" or t == "boolean" or t == "number" or t == "string") then
    return v
  end
  return plain(v, what or "value", {})
end

return M
