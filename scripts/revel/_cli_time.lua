-- revel._cli_time (private): strace's time options for the command line, as
-- strace 6.1 takes them: -t/-tt/-ttt and --absolute-timestamps (--timestamps),
-- -r/--relative-timestamps, -T/--syscall-times, and -c's companions -C, -w,
-- -S, -U, -O. cli.lua merges these tables into its own; check() says what
-- strace refuses or warns about; printer() fills the printer's options.
local M = {}

local DIGITS = { s = 0, ms = 3, us = 6, ns = 9 }
local FORMATS = { none = 0, time = 1, unix = 2 } -- enum revel_time_format

-- strace's column names (-U) and sort keys (-S), to enum revel_summary_column.
local COLUMNS = {}
for names, c in pairs({
  ["time time_percent time-percent"] = 1, ["time_total time-total total_time total-time"] = 2,
  ["min_time min-time shortest time_min time-min"] = 3,
  ["longest max_time max-time time_max time-max"] = 4,
  ["avg_time avg-time time_avg time-avg"] = 5,
  ["calls count"] = 6, ["error errors"] = 7, ["name syscall syscall_name syscall-name"] = 8,
}) do
  for n in names:gmatch("%S+") do
    COLUMNS[n] = c
  end
end
local SORT_NOTHING = 9

local function precision(name, v)
  local d = DIGITS[v:lower()]
  if not d then
    return nil, ("invalid %s argument: '%s'"):format(name, v)
  end
  return d
end

-- --absolute-timestamps[=[[format:]F][,[precision:]P]]: each item changes
-- one field; the option alone is format:time,precision:s; a format left at
-- none by an earlier one is time again.
local function absolute(o, v, name)
  o.abs_long = true
  local t = o.abs or { format = 0, digits = 0 }
  o.abs = t
  if not v then
    t.format, t.digits = 1, 0
    return true
  end
  if t.format == 0 then
    t.format = 1
  end
  for item in v:gmatch("[^,]+") do
    local key, val = item:match("^(%a+):(.*)$")
    key = key and key:lower()
    local f, d
    if key == "format" then
      f = FORMATS[val:lower()]
    elseif key == "precision" then
      d = DIGITS[val:lower()]
    elseif not key then
      f, d = FORMATS[item:lower()], DIGITS[item:lower()]
    end
    if f then
      t.format = f
    elseif d then
      t.digits = d
    else
      return nil, ("invalid --%s argument: '%s'"):format(name, v)
    end
  end
  return true
end

local function flag(field, digits_field)
  return function(o)
    o[field] = (o[field] or 0) + 1
    if digits_field then
      o[digits_field] = 6 -- -r and -T put the precision back to µs
    end
    return true
  end
end

-- Long options whose value is optional: only --name=VALUE gives one.
M.OPTIONAL = {
  ["absolute-timestamps"] = function(o, v)
    return absolute(o, v, "absolute-timestamps")
  end,
  timestamps = function(o, v)
    return absolute(o, v, "timestamps")
  end,
  ["relative-timestamps"] = function(o, v)
    local d, err = 6, nil
    if v then
      d, err = precision("--relative-timestamps", v)
    end
    o.rel, o.rel_digits = (o.rel or 0) + 1, d
    return d ~= nil, err
  end,
  ["syscall-times"] = function(o, v)
    local d, err = 6, nil
    if v then
      d, err = precision("--syscall-times", v)
    end
    o.syscall_times, o.syscall_digits = (o.syscall_times or 0) + 1, d
    return d ~= nil, err
  end,
}

local function sort_by(o, v)
  local c = COLUMNS[v]
  if v == "none" or v == "nothing" then
    c = SORT_NOTHING
  end
  if not c then
    return nil, ("invalid sortby: '%s'"):format(v)
  end
  o.summary_sort = c
  return true
end

local function columns(o, v)
  local list, seen = {}, {}
  for name in (v .. ","):gmatch("([^,]*),") do
    local c = COLUMNS[name]
    if not c then
      return nil, ("unknown column name: '%s'"):format(name)
    end
    if seen[c] then
      local residual = v:sub(#table.concat(list, ",", 1, #list) + (#list > 0 and 2 or 1))
      return nil, ("call summary column has been provided more than once: '%s' (-U option residual: '%s')")
        :format(name, residual)
    end
    seen[c] = true
    list[#list + 1] = name
    o.summary_columns = o.summary_columns or {}
    o.summary_columns[#list] = c
  end
  o.summary_columns_given = true
  return true
end

-- -O TIME: a number (strtod's), then s, ms, us or ns; µs without one.
local function overhead(name)
  return function(o, v)
    local num, unit = v:match("^%s*([%d%.]+[eE][+-]?%d+)(%a*)$")
    if not num then
      num, unit = v:match("^%s*([%d%.]+)(%a*)$")
    end
    local scale = ({ [""] = 1e3, s = 1e9, ms = 1e6, us = 1e3, ns = 1 })[unit or ""]
    local n = num and tonumber(num)
    if not n or not scale or n < 0 or n ~= n or n == math.huge then
      return nil, ("invalid %s argument: '%s'"):format(name, v)
    end
    o.overhead_ns = math.floor(n * scale + 0.5)
    return true
  end
end

M.WITH_VALUE = {
  S = sort_by, ["summary-sort-by"] = sort_by,
  U = columns, ["summary-columns"] = columns,
  O = overhead("-O"), ["summary-syscall-overhead"] = overhead("--summary-syscall-overhead"),
}

M.FLAGS = {
  t = flag("t"),
  r = flag("rel", "rel_digits"),
  T = flag("syscall_times", "syscall_digits"),
  C = flag("summary"), summary = flag("summary"),
  w = flag("wall"), ["summary-wall-clock"] = flag("wall"),
}

-- Combinations strace refuses (the message, for exit 125) or warns about
-- (said on stderr, the run goes on).
function M.check(o)
  if o.t and o.abs_long then
    return "-t and --absolute-timestamps cannot be provided simultaneously"
  elseif o.count and o.summary then
    return "-c/--summary-only and -C/--summary are mutually exclusive"
  elseif (o.count or o.summary) and ((o.follow or 0) > 1 or o.separately) then
    return "(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive"
  elseif o.wall and not (o.count or o.summary) then
    return "-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)"
  elseif o.summary_columns_given and not (o.count or o.summary) then
    return "-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)"
  end
  local warn = {}
  if o.summary_sort and not (o.count or o.summary) then
    warn[#warn + 1] = "-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)"
  end
  if o.count then
    if o.t or o.abs then
      warn[#warn + 1] = "-t/--absolute-timestamps has no effect with -c/--summary-only"
    end
    if o.syscall_times then
      warn[#warn + 1] = "-T/--syscall-times has no effect with -c/--summary-only"
    end
    if o.rel then
      warn[#warn + 1] = "-r/--relative-timestamps has no effect with -c/--summary-only"
    end
  end
  for _, w in ipairs(warn) do
    io.stderr:write("revel: ", w, "\n")
  end
  return nil
end

-- The default tool's options (revel.tools.strace's time fields).
function M.tool_opts(o, t)
  if o.t then
    t.abs_time = o.t >= 3 and 2 or 1
    t.abs_digits = o.t >= 2 and 6 or 0
  elseif o.abs then
    t.abs_time, t.abs_digits = o.abs.format, o.abs.digits
  end
  if o.rel then
    t.rel_digits = o.rel_digits
  end
  if o.syscall_times then
    t.syscall_digits = o.syscall_digits
  end
  t.summary = o.summary ~= nil
  t.summary_wall = o.wall ~= nil
  t.summary_overhead_ns = o.overhead_ns
  t.summary_sort = o.summary_sort
  t.summary_columns = o.summary_columns
  return t
end

-- The options above, for the check that they go with the default tool.
M.TOOL_ONLY = { { "t", "-t" }, { "abs", "--absolute-timestamps" }, { "rel", "-r" },
  { "syscall_times", "-T" }, { "summary", "-C" }, { "wall", "-w" }, { "summary_sort", "-S" },
  { "summary_columns", "-U" }, { "overhead_ns", "-O" } }

return M
