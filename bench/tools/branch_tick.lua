-- A branch timer in every thread, set again each time it fires, of 4e6:
-- run with REVEL_TIMER_EVENT=sw-task-clock (4 ms of the task clock, as
-- often as timer_tick's ticks at HZ=250), the perf route's cost per firing
-- (a signal stop, the hook, three ioctls; no injected call) where the CPU
-- has no branch counter (bench section timer).
local tool = { subscriptions = { "branches" } }
local function arm(g)
  g:set_timer{ branches = 4000000 }
end
tool.thread_start, tool.post_exec, tool.timer = arm, arm, arm
return tool
