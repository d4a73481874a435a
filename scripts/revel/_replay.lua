-- revel._replay (private): a fault log read for --replay, every record
-- checked before the guest starts. A log is data from outside (edited by
-- hand, cut short, from another version): a bad record is one line naming
-- the file, the line and the field, never a fault the guest would meet in an
-- odd way later (an "error" of -1 made openat return 1).
local rffi = require("revel.ffi")
local json = require("revel._json")
local errors = require("revel._errors")

local api = rffi.api

local M = {}

local MAX_INDEX = 2 ^ 53      -- a call count: exact in a double
local MAX_DELAY_US = 2 ^ 31 * 1e6 -- 68 years: a timespec, not an overflow
local MAX_RETVAL = 2 ^ 63

local actions = { "error", "retval", "short", "delay", "signal", "eintr" }
local is_action = {}
for _, a in ipairs(actions) do
  is_action[a] = true
end

-- A value as the message shows it: short, on one line.
local function shown(v)
  if type(v) == "table" then
    return next(v) == nil and "{}" or "an object"
  end
  local s = type(v) == "string" and ('"' .. v .. '"') or tostring(v)
  s = s:gsub("[%c\127-\255]", function(c)
    return ("\\x%02x"):format(c:byte())
  end)
  if #s > 40 then
    s = s:sub(1, 37) .. "..."
  end
  return s
end

local function integer(v, lo, hi)
  return type(v) == "number" and v == v and v % 1 == 0 and v >= lo and v < hi
end

-- An errno or a signal: a number in range or a name the engine knows (what
-- fault.lua's act() accepts).
local function named(v, by_name, max)
  if integer(v, 1, max + 1) then
    return true
  end
  return type(v) == "string" and (by_name(v) or 0) > 0
end

-- Why an action is bad, as field and message; nil when it is good.
local function action_error(a, parse_delay)
  if type(a) ~= "table" then
    return "action", shown(a) .. " is not an object"
  end
  local which
  for k in pairs(a) do
    if not is_action[k] then
      return "action", ("unknown action %s (one of %s)"):format(shown(k), table.concat(actions, ", "))
    elseif which then
      return "action", ("two actions, %s and %s: one only"):format(which, k)
    end
    which = k
  end
  if not which then
    return "action", "no action (one of " .. table.concat(actions, ", ") .. ")"
  end
  local v = a[which]
  if which == "error" or which == "signal" then
    local by_name, max = api.errno_by_name, 4095
    if which == "signal" then
      by_name, max = api.signal_by_name, 64
    end
    if not named(v, by_name, max) then
      return which, ("unknown %s %s"):format(which == "error" and "errno" or "signal", shown(v))
    end
    return nil
  end
  local ok, what
  if which == "retval" then
    ok, what = integer(v, -MAX_RETVAL, MAX_RETVAL), "an integer result"
  elseif which == "short" then
    ok, what = integer(v, 0, MAX_INDEX), "a byte count"
  elseif which == "eintr" then
    ok, what = v == true, "true"
  else -- delay
    local us = (type(v) == "string" or type(v) == "number") and parse_delay(v)
    ok, what = us and us >= 0 and us <= MAX_DELAY_US, "a time (10ms, 250us, 1.5s)"
  end
  if not ok then
    return which, shown(v) .. " is not " .. what
  end
end

-- Why a record is bad, as field and message; nil when it is good.
local function record_error(rec, parse_delay)
  if type(rec) ~= "table" then
    return nil, "not a revel fault record (a JSON object)"
  end
  for _, k in ipairs({ "place", "index", "call", "action" }) do
    if rec[k] == nil then
      return k, "missing"
    end
  end
  if type(rec.place) ~= "string" or rec.place == "" then
    return "place", shown(rec.place) .. " is not a thread's place (\"1\", \"1.2\")"
  elseif not integer(rec.index, 1, MAX_INDEX) then
    return "index", shown(rec.index) .. " is not a call count (an integer from 1)"
  elseif type(rec.call) ~= "table" then
    return "call", shown(rec.call) .. " is not an object"
  elseif type(rec.call.name) ~= "string" then
    return "call.name", rec.call.name == nil and "missing" or (shown(rec.call.name) .. " is not a syscall name")
  elseif not rffi.numbers[rec.call.name] then
    return "call.name", "unknown syscall " .. shown(rec.call.name)
  end
  for _, k in ipairs({ "pid", "tid" }) do -- not used, but a wrong one says the log is not sound
    if rec[k] ~= nil and not integer(rec[k], 1, 2 ^ 31) then
      return k, shown(rec[k]) .. " is not a process id"
    end
  end
  return action_error(rec.action, parse_delay)
end

-- Read the log at path. parse_delay(v) gives a delay's microseconds, as the
-- fault layer will apply it. Returns the faults by "place|name|index" and the
-- names of the calls they fail; raises one line (no traceback) for a log that
-- cannot be read or a bad record.
function M.load(path, parse_delay)
  local f, err = io.open(path)
  if not f then
    -- io.open's message starts with the path already
    errors.bad(("cannot open the fault log %s"):format(err))
  end
  local text
  text, err = f:read("*a")
  f:close()
  if not text then
    errors.bad(("cannot read the fault log %s: %s"):format(path, err))
  end
  local replay, names = {}, {}
  local lineno = 0
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    lineno = lineno + 1
    if line:find("[^ \t\r]") then
      local ok, rec = pcall(json.decode, line)
      if not ok then
        errors.bad(("%s:%d: not a revel fault record (%s)"):format(path, lineno, tostring(rec)))
      end
      local field, msg = record_error(rec, parse_delay)
      if msg then
        errors.bad(field and ("%s:%d: %q: %s"):format(path, lineno, field, msg)
          or ("%s:%d: %s"):format(path, lineno, msg))
      end
      replay[rec.place .. "|" .. rec.call.name .. "|" .. rec.index] = rec.action
      names[rec.call.name] = true
    end
  end
  return replay, names
end

return M
