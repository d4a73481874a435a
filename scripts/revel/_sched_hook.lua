-- revel._sched_hook: --sched's decisions, made in Lua. At each decision
-- with more than one thread to pick from (REVEL_EV_SCHEDULE) the tool's
-- schedule(threads, global, info) is asked first; nil from it (or no hook)
-- leaves the decision to the built-in strategy, itself a tool's schedule
-- hook (revel.sched.random, revel.sched.pct) drawing from --seed. threads:
-- the threads that can run, in start order: each one's g, or for a thread
-- that has not started yet (its thread_start comes when it first runs) a
-- table { tid = TID, starting = true }. info (docs/api.md): the decision's
-- number, the contested decisions so far, the thread that held the turn
-- last, and per thread its number in start order and whether it was
-- preempted at the end of a CPU slice.
local rffi = require("revel.ffi")
local state = require("revel._state")
local errors = require("revel._errors")

local ffi, api = rffi.ffi, rffi.api

local M = {}

M.STRATEGIES = { random = require("revel.sched.random"), pct = require("revel.sched.pct") }

local MAX = 4096
local list = ffi.new("struct revel_sched_thread[?]", MAX)
local dec = ffi.new("struct revel_sched_decision")

-- The built-in strategy of a run's sched table (revel.run's opts.sched).
local function builtin(s)
  return M.STRATEGIES[s.strategy].new({ seed = s.seed, depth = s.depth, steps = s.steps }).schedule
end

-- Made again at each decision would cost a third of a decision's time in
-- Lua: the tables are kept, valid during the call (docs/api.md says so).
local threads, ord, preempted = {}, {}, {}
local info = { ord = ord, preempted = preempted }

local function is_runnable(pick, n)
  for i = 1, n do
    if threads[i] == pick or threads[i].tid == pick then
      return true
    end
  end
  return false
end

function M.dispatch(run)
  local n = math.min(api.sched_runnable(run.E, list, MAX, dec), MAX)
  for i = n + 1, #threads do
    threads[i], ord[i], preempted[i] = nil, nil, nil
  end
  local known = run.threads
  for i = 0, n - 1 do
    local e = list[i]
    local tid = e.tid
    threads[i + 1] = e.starting == 0 and known[tid] or { tid = tid, starting = true }
    ord[i + 1] = e.ord
    preempted[i + 1] = e.preempted ~= 0
  end
  info.decision, info.contested = tonumber(dec.number), tonumber(dec.contested)
  info.previous = dec.previous >= 0 and dec.previous or nil
  local pick
  if run.tool.schedule then
    pick = state.call_hook(run.tool.schedule, "schedule", threads, run.global, info)
    if pick ~= nil and not is_runnable(pick, n) then
      api.sched_choose(run.E, 0) -- the run goes on to report the error
      error(errors.run_error(("error in tool: schedule returned %s, not one of the threads that can run"):format(
        tostring(pick))), 0)
    end
  end
  if pick == nil then
    run.sched_builtin = run.sched_builtin or builtin(run.plan.sched)
    pick = run.sched_builtin(threads, run.global, info)
  end
  api.sched_choose(run.E, type(pick) == "table" and pick.tid or pick)
end

return M
