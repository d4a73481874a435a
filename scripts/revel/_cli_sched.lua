-- revel._cli_sched: --sched, --sched-log, --sched-replay and --on-deadlock
-- on the command line, checked before the guest starts; check() makes
-- revel.run's sched table (revel._engine_opts) of them.
local M = {}

-- "random", "pct", "pct:DEPTH" or "pct:DEPTH:STEPS" -> strategy, depth, steps.
function M.strategy(v)
  if v == "random" then
    return { strategy = "random" }
  end
  local depth, steps = v:match("^pct:?([^:]*):?([^:]*)$")
  if (v ~= "pct" and v:sub(1, 4) ~= "pct:") or not depth then
    return nil, ("--sched takes random or pct[:DEPTH[:STEPS]], not %q"):format(v)
  end
  local s = { strategy = "pct" }
  for _, part in ipairs({ { "depth", depth, "DEPTH" }, { "steps", steps, "STEPS" } }) do
    if part[2] ~= "" then
      local n = tonumber(part[2])
      if not n or n % 1 ~= 0 or n < 1 or n > 1e6 then
        return nil, ("--sched=%s: %s takes a whole number from 1, not %q"):format(v, part[3], part[2])
      end
      s[part[1]] = n
    end
  end
  if v == "pct:" or v:match(":$") then
    return nil, ("--sched=%s: a number is missing after the colon"):format(v)
  end
  return s
end

-- Format 2: the strategies are Lua's (revel.sched.*); format 1's were C's and
-- drew otherwise, so its strategy line no longer names its decisions.
local HEADER = "# revel schedule log 2"

-- A schedule log (--sched-log's) -> the chosen thread of each decision, its
-- strategy line's words and the runnable threads of each decision (lists),
-- or nil and why not.
function M.read_log(path)
  local f, err = io.open(path, "r")
  if not f then
    return nil, ("--sched-replay %s: %s"):format(path, (err:gsub("^[^:]*: ", "")))
  end
  local first = f:read("*l")
  local version = first and first:match("^# revel schedule log (%d+)$")
  if version and first ~= HEADER then
    f:close()
    return nil, ("--sched-replay %s: a schedule log of format %s; this revel reads format 2 (its strategies are "
      .. "Lua's and draw otherwise): record it again"):format(path, version)
  end
  if first ~= HEADER then
    f:close()
    return nil, ("--sched-replay %s: not a revel schedule log (it begins %q, not %q)"):format(path,
      tostring(first and first:sub(1, 40) or ""), HEADER)
  end
  local chosen, how, n, runnables = {}, nil, 1, {}
  for line in f:lines() do
    n = n + 1
    if line:sub(1, 1) == "#" then
      how = how or line:match("^# strategy=(%S+) seed=(%d+)$") and line
    else
      local step, ord, runnable = line:match("^(%d+) (%d+) ([%d,]+)$")
      if not step or tonumber(step) ~= #chosen + 1 then
        f:close()
        return nil, ("--sched-replay %s:%d: not a decision (\"N THREAD RUNNABLE\", N from 1 up): %q"):format(path, n,
          line:sub(1, 60))
      end
      chosen[#chosen + 1] = tonumber(ord)
      local list = {}
      for r in runnable:gmatch("%d+") do
        list[#list + 1] = tonumber(r)
      end
      runnables[#runnables + 1] = list
    end
  end
  f:close()
  return chosen, how, runnables
end

M.WITH_VALUE = {
  sched = function(o, v)
    local s, err = M.strategy(v)
    o.sched = s
    return s ~= nil, err
  end,
  ["sched-log"] = function(o, v) o.sched_log = v return true end,
  ["sched-replay"] = function(o, v) o.sched_replay = v return true end,
  ["on-deadlock"] = function(o, v)
    if v ~= "kill" and v ~= "wait" then
      return nil, ("--on-deadlock takes kill or wait, not %q"):format(v)
    end
    o.on_deadlock = v
    return true
  end,
}

-- The sched table for revel.run, nil without --sched, or nil and why not.
function M.check(o)
  local s = o.sched
  if o.sched_replay then
    local chosen, how, runnables = M.read_log(o.sched_replay)
    if not chosen then
      return nil, how
    end
    if not s then -- the log's own strategy
      local words, seed = how and how:match("^# strategy=(%S+) seed=(%d+)$")
      s = words and M.strategy(words) or { strategy = "random" }
      s.seed = tonumber(seed)
    end
    s.replay, s.replay_runnable = chosen, runnables
  end
  if not s then
    for _, k in ipairs({ { "sched_log", "--sched-log" }, { "on_deadlock", "--on-deadlock" } }) do
      if o[k[1]] then
        return nil, ("%s needs --sched (or --sched-replay)"):format(k[2])
      end
    end
    return nil
  end
  if o.attach then
    return nil, "--sched cannot be used with -p: revel runs one thread at a time only of what it starts"
  end
  if o.sched_log then
    local f, err = io.open(o.sched_log, "w")
    if not f then
      return nil, ("--sched-log %s: %s"):format(o.sched_log, (err:gsub("^[^:]*: ", "")))
    end
    f:close()
    s.log = o.sched_log
  end
  s.seed = o.seed or s.seed or 0
  s.on_deadlock = o.on_deadlock
  s.stacks = o.stack_trace ~= nil -- -k
  return s
end

return M
