-- revel._sched_hook: tool.schedule(threads, global) under --sched. At each
-- decision with more than one thread to pick from (REVEL_EV_SCHEDULE) the
-- tool gets the threads that can run, in start order: each one's g, or for
-- a thread that has not started yet (its thread_start comes when it first
-- runs) a table { tid = TID, starting = true }. It returns the one to run
-- (a tid or one of those tables); nil leaves the choice to --sched's
-- strategy.
local rffi = require("revel.ffi")
local state = require("revel._state")
local errors = require("revel._errors")

local ffi, api = rffi.ffi, rffi.api

local M = {}

local MAX = 4096
local tids = ffi.new("pid_t[?]", MAX)

function M.dispatch(run, lev)
  local n = api.sched_runnable(run.E, tids, MAX)
  local threads, known = {}, {}
  for i = 0, math.min(n, MAX) - 1 do
    local tid = tids[i]
    threads[#threads + 1] = run.threads[tid] or { tid = tid, starting = true }
    known[tid] = true
  end
  local pick = state.call_hook(run.tool.schedule, "schedule", threads, run.global)
  local tid = type(pick) == "table" and pick.tid or pick
  if tid ~= nil and not known[tid] then
    api.sched_choose(run.E, 0) -- the run goes on to report the error
    error(errors.run_error(("error in tool: schedule returned %s, not one of the threads that can run"):format(
      tostring(pick))), 0)
  end
  api.sched_choose(run.E, tid or 0)
end

return M
