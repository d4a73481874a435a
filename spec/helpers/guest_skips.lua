-- The guest set's skips (ctest's guest/spec/NAME: each spec file run again
-- with REVEL_BACKEND=guest). spec/guest_backend_skips.lua says what cannot
-- run under the in-guest backend and why; this file applies it, so nothing
-- is skipped silently:
--   luajit spec/helpers/guest_skips.lua whole NAME
--     prints "guest: spec/NAME_spec.lua does not run under --backend=guest:
--     REASON" and exits 77 (ctest's SKIP_RETURN_CODE: the test shows as
--     Skipped) when the whole file is listed; exits 0 otherwise.
--   busted --helper=spec/helpers/guest_skips.lua (REVEL_SPEC set to NAME)
--     turns each listed row (an `it`) into a pending one whose name carries
--     the reason, so busted prints it among the pending rows.
--   luajit spec/helpers/guest_skips.lua list
--     prints every entry, one line each.
local function load_list()
  local here = (debug.getinfo(1, "S").source:match("^@(.*)/helpers/[^/]*$")) or "spec"
  return dofile(here .. "/guest_backend_skips.lua")
end

-- The reason a row is listed for, or nil: a key is the row's name, or a Lua
-- pattern when it starts with "~".
local function row_reason(rows, name)
  if rows[name] then
    return rows[name]
  end
  for key, why in pairs(rows) do
    if key:sub(1, 1) == "~" and name:match(key:sub(2)) then
      return why
    end
  end
  return nil
end

-- REVEL_GUEST_SKIPS=off runs every row: to find those that pass now.
local off = os.getenv("REVEL_GUEST_SKIPS") == "off"
local args = arg or {}
if args[1] == "whole" then
  local entry = load_list()[args[2]]
  if type(entry) == "string" and not off then
    io.write(("guest: spec/%s_spec.lua does not run under --backend=guest: %s\n"):format(args[2], entry))
    os.exit(77)
  end
  os.exit(0)
elseif args[1] == "list" then
  local list = load_list()
  local names = {}
  for k in pairs(list) do
    names[#names + 1] = k
  end
  table.sort(names)
  for _, k in ipairs(names) do
    local e = list[k]
    if type(e) == "string" then
      io.write(("%s: %s\n"):format(k, e))
    else
      local rows = {}
      for r in pairs(e) do
        rows[#rows + 1] = r
      end
      table.sort(rows)
      for _, r in ipairs(rows) do
        io.write(("%s: %s: %s\n"):format(k, r, e[r]))
      end
    end
  end
  os.exit(0)
end

-- As busted's helper: a listed row is registered as pending instead of run.
local rows = load_list()[os.getenv("REVEL_SPEC") or ""]
if type(rows) ~= "table" or off then
  return
end
local busted = require("busted")
busted.subscribe({ "register", "it" }, function(name, _, trace, attributes)
  local why = type(name) == "string" and row_reason(rows, name)
  if not why then
    return nil, true -- on to busted's own registration
  end
  busted.publish({ "register", "pending" }, name .. " [not under --backend=guest: " .. why .. "]",
    function() end, trace, attributes)
  return nil, false
end, { priority = 1 })
