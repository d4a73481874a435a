-- revel._syscall (private): typed syscalls. A syscall object has .nr, .name and .args[1..6],
-- and each argument by its name from the table (sc.fd, sc.count ...), readable
-- and assignable. revel.sys.NAME(...) builds one for injection.
local rffi = require("revel.ffi")

local names, numbers, argnames, argindex = rffi.names, rffi.numbers, rffi.argnames, rffi.argindex

local M = {}
local SC = {}

-- The engine takes 64-bit integers: a NaN, an infinity, a fraction or a
-- number out of range set in a syscall is the tool's error, raised where it
-- was set (level: the caller's, as error()'s).
local function check_integer(v, what, level)
  if type(v) == "number" and not (v % 1 == 0 and v >= -9223372036854775808 and v < 18446744073709551616) then
    error(("%s is %s, not an integer"):format(what, tostring(v)), level + 1)
  end
  return v
end
M.SC = SC

local methods = {}

function SC.__index(sc, k)
  local m = methods[k]
  if m then
    return m
  end
  local ai = argindex[rawget(sc, "nr")]
  local i = ai and ai[k]
  if i then
    return rawget(sc, "args")[i]
  end
  return nil
end

function SC.__newindex(sc, k, v)
  local ai = argindex[rawget(sc, "nr")]
  local i = ai and ai[k]
  if i then
    rawget(sc, "args")[i] = check_integer(v, ("argument %s of %s"):format(k, tostring(rawget(sc, "name"))), 2)
  else
    rawset(sc, k, v)
  end
end

local function fmt_arg(v)
  if type(v) == "string" then
    return string.format("%q", v)
  elseif type(v) ~= "number" then
    return tostring(v)
  elseif v >= 0 and v < 4096 or v < 0 and v > -4096 then
    return string.format("%d", v)
  end
  return string.format("%#x", v)
end

-- The strace line of a call seen by a thread (g._sc and its copies), decoded
-- from the guest's memory by the C formatter; a plain name(args) otherwise.
local fmt_ev, fmt_buf
local function strace_line(sc)
  local g = rawget(sc, "_g")
  local run = g and rawget(g, "run")
  if not run or not run.active or run.threads[g.tid] ~= g then
    return nil
  end
  local ffi, api = rffi.ffi, rffi.api
  if not fmt_ev then
    fmt_ev = ffi.new("struct revel_lua_event")
    fmt_buf = ffi.new("char[8192]")
  end
  fmt_ev.ev.tid, fmt_ev.ev.pid, fmt_ev.ev.nr, fmt_ev.rsp = g.tid, g.pid, sc.nr, g._ev.rsp
  -- A call g:inject ran: decoded with its result, its strings where they
  -- were placed (valid until the thread's next injection or event).
  local result, placed = rawget(sc, "_result"), rawget(sc, "_placed")
  fmt_ev.ev.kind, fmt_ev.ev.result = result and rffi.EV_INJECTED or 0, result or 0
  for i = 1, 6 do
    local v = sc.args[i]
    if type(v) == "string" and result and placed and placed[i + 6] == v then
      v = placed[i]
    end
    if type(v) ~= "number" then
      return nil -- a string to be placed in guest memory: not there yet
    end
    fmt_ev.ev.args[i - 1] = v >= 9223372036854775808 and v - 18446744073709551616 or v
  end
  local n = api.format_call(run.E, fmt_ev, 32, fmt_buf, 8192)
  if n < 0 then
    return nil
  end
  return ffi.string(fmt_buf, math.min(n, 8191))
end

function SC.__tostring(sc)
  local line = strace_line(sc)
  if line then
    return line
  end
  return M.plain(sc)
end

-- A plain rendering: name(args).
function M.plain(sc)
  local an = argnames[sc.nr]
  local n = an and #an or 6
  local parts = {}
  for i = 1, n do
    parts[i] = fmt_arg(sc.args[i])
  end
  return (sc.name or ("syscall_" .. sc.nr)) .. "(" .. table.concat(parts, ", ") .. ")"
end

function M.new(nr, args)
  local a = { 0, 0, 0, 0, 0, 0 }
  if args then
    for i = 1, 6 do
      if args[i] ~= nil then
        a[i] = args[i]
      end
    end
  end
  return setmetatable({ nr = nr, name = names[nr], args = a }, SC)
end

-- A copy, with some arguments changed by name or position: sc:with{count = 1}.
function methods.with(sc, changes)
  local c = M.new(sc.nr, sc.args)
  rawset(c, "_g", rawget(sc, "_g"))
  if changes then
    -- The syscall first: argument names are those of the new one.
    local to = changes.nr or changes.name
    if to ~= nil then
      local nr = type(to) == "number" and to or numbers[to]
      if not nr then
        error("unknown syscall " .. tostring(to), 2)
      end
      check_integer(nr, "the syscall number", 2)
      rawset(c, "nr", nr)
      rawset(c, "name", names[nr])
    end
    for k, v in pairs(changes) do
      if type(k) == "number" then
        c.args[k] = check_integer(v, ("argument %d of %s"):format(k, tostring(c.name)), 2)
      elseif k == "nr" or k == "name" then -- done above
      else
        local i = argindex[c.nr] and argindex[c.nr][k]
        if not i then
          error(("%s has no argument %q"):format(c.name, k), 2)
        end
        c.args[i] = check_integer(v, ("argument %s of %s"):format(k, c.name), 2)
      end
    end
  end
  return c
end

function methods.copy(sc)
  local c = M.new(sc.nr, sc.args)
  rawset(c, "_g", rawget(sc, "_g"))
  return c
end

-- Close matches for a name that is not a syscall, for error messages.
local function distance(a, b)
  local la, lb = #a, #b
  local prev, cur = {}, {}
  for j = 0, lb do
    prev[j] = j
  end
  for i = 1, la do
    cur[0] = i
    for j = 1, lb do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev, cur = cur, prev
  end
  return prev[lb]
end

function M.close_matches(name)
  local found = {}
  for n in pairs(numbers) do
    local d = distance(name, n)
    if d <= math.max(1, math.floor(#name / 4)) or (#name >= 3 and n:find(name, 1, true)) then
      found[#found + 1] = { n, d }
    end
  end
  table.sort(found, function(x, y)
    if x[2] ~= y[2] then
      return x[2] < y[2]
    end
    return x[1] < y[1]
  end)
  local out = {}
  for i = 1, math.min(4, #found) do
    out[i] = found[i][1]
  end
  return out
end

-- sets: where a class may stand too (subscriptions, a rule's set), a bare
-- class name ("file") is pointed at its class ("%file").
function M.unknown_message(name, where, sets)
  local m = M.close_matches(name)
  if sets and name:match("^[%w_]+$") and rffi.api.class_by_name("%" .. name) ~= 0 then
    table.insert(m, 1, '"%' .. name .. '" (the class)')
  end
  local hint = #m > 0 and (" (did you mean " .. table.concat(m, ", ") .. "?)") or ""
  return ("unknown syscall %q%s%s"):format(name, where and (" in " .. where) or "", hint)
end

-- revel.sys.NAME(a1, a2 ...) or revel.sys.NAME{ argname = v ... }
M.sys = setmetatable({}, {
  __index = function(t, name)
    local nr = numbers[name]
    if not nr then
      error(M.unknown_message(name), 2)
    end
    local an = argindex[nr]
    local f = function(first, ...)
      if type(first) == "table" and getmetatable(first) == nil then
        local sc = M.new(nr)
        for k, v in pairs(first) do
          local i = type(k) == "number" and k or an[k]
          if not i then
            error(("%s has no argument %q"):format(name, tostring(k)), 2)
          end
          sc.args[i] = check_integer(v, ("argument %s of %s"):format(k, name), 2)
        end
        return sc
      end
      local args = { first, ... }
      for i = 1, 6 do
        check_integer(args[i], ("argument %d of %s"):format(i, name), 2)
      end
      return M.new(nr, args)
    end
    rawset(t, name, f)
    return f
  end,
})

return M
