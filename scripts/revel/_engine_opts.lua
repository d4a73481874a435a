-- revel._engine_opts: a run's options that become fields of the engine's
-- struct revel_options as they are (spin, placement, sched), checked here;
-- revel._runtime fills the rest.
local rffi = require("revel.ffi")
local errors = require("revel._errors")
local pct = require("revel.sched.pct")

local ffi = rffi.ffi
local run_error = errors.run_error

local M = {}

-- --placement's words: the engine's modes. auto is follow, which the guest
-- cannot see and which was the faster in 22 of 30 rows of five runs of the
-- bench's placement section (revel(1), bench/README.md); together changes what the guest could see
-- (emulated) and costs guests that compute in parallel: asked for only.
local PLACEMENTS = { auto = "REVEL_PLACE_FOLLOW", none = "REVEL_PLACE_NONE",
  follow = "REVEL_PLACE_FOLLOW", together = "REVEL_PLACE_TOGETHER" }

local STRATEGIES = { random = "REVEL_SCHED_RANDOM", pct = "REVEL_SCHED_PCT" }

local function whole(v, lo)
  return type(v) == "number" and v % 1 == 0 and v >= lo
end

-- opts.sched (see revel.run): { strategy = "random"|"pct", depth, steps, seed,
-- log = PATH, replay = { thread numbers }, replay_runnable = { { thread numbers }, ... },
-- on_deadlock = "kill"|"wait", slice_us,
-- stacks = true (a deadlock's report shows each thread's stack, as -k) }.
local function sched_options(opt, s, keep)
  if s == nil then
    return
  end
  if type(s) ~= "table" or not STRATEGIES[s.strategy] then
    error(run_error(("sched takes a table with strategy random or pct, not %s"):format(
      type(s) == "table" and tostring(s.strategy) or tostring(s))), 0)
  end
  for _, k in ipairs({ "depth", "steps", "slice_us" }) do
    if s[k] ~= nil and not whole(s[k], 1) then
      error(run_error(("sched.%s takes a whole number from 1, not %s"):format(k, tostring(s[k]))), 0)
    end
  end
  opt.sched = ffi.C[STRATEGIES[s.strategy]]
  if s.strategy == "pct" then -- for the log's header: the strategy is Lua's (revel._sched_hook)
    opt.sched_depth, opt.sched_steps = s.depth or pct.DEPTH, s.steps or pct.STEPS
  end
  opt.sched_slice_us = s.slice_us or 0
  opt.sched_seed = s.seed or 0
  if s.log then
    keep.sched_log = ffi.new("char[?]", #s.log + 1, s.log)
    opt.sched_log = keep.sched_log
  end
  if s.replay then
    keep.sched_replay = ffi.new("int[?]", #s.replay + 1)
    for i, ord in ipairs(s.replay) do
      keep.sched_replay[i - 1] = ord
    end
    opt.sched_replay, opt.sched_replay_n = keep.sched_replay, #s.replay
  end
  if s.replay_runnable then
    -- each decision's runnable threads, then -1 (the engine waits for them)
    local flat = {}
    for _, list in ipairs(s.replay_runnable) do
      for _, ord in ipairs(list) do
        flat[#flat + 1] = ord
      end
      flat[#flat + 1] = -1
    end
    keep.sched_replay_runnable = ffi.new("int[?]", #flat + 1, flat)
    opt.sched_replay_runnable, opt.sched_replay_runnable_n = keep.sched_replay_runnable, #flat
  end
  if s.on_deadlock ~= nil and s.on_deadlock ~= "kill" and s.on_deadlock ~= "wait" then
    error(run_error(("sched.on_deadlock takes kill or wait, not %s"):format(tostring(s.on_deadlock))), 0)
  end
  opt.sched_on_deadlock = s.on_deadlock == "wait" and ffi.C.REVEL_DEADLOCK_WAIT or ffi.C.REVEL_DEADLOCK_KILL
  opt.sched_stacks = s.stacks and 1 or 0 -- -k: each thread's stack in a deadlock's report
end

-- keep: a table that holds what opt points to until the run is over.
function M.apply(opt, plan, keep)
  -- opts.spin: "auto" (or nil), 0 (never poll) or µs (see revel.run)
  local spin = plan.spin
  if spin ~= nil and spin ~= "auto" then
    if type(spin) ~= "number" or spin % 1 ~= 0 or spin < 0 or spin > ffi.C.REVEL_SPIN_MAX then
      local msg = ("spin takes \"auto\", 0 or microseconds up to %d, not %s"):format(ffi.C.REVEL_SPIN_MAX,
        tostring(spin))
      error(run_error(msg), 0)
    end
    opt.spin_us = spin == 0 and ffi.C.REVEL_SPIN_OFF or spin
  end
  -- opts.placement: "auto" (or nil), "none", "follow" or "together" (see revel.run)
  -- REVEL_TRACER_CPU (the bench's tracer section) is taken only under auto.
  local placement = plan.placement or "auto"
  local mode = PLACEMENTS[placement]
  if not mode then
    error(run_error(("placement takes auto, none, follow or together, not %s"):format(tostring(placement))), 0)
  end
  if placement ~= "auto" or opt.placement ~= ffi.C.REVEL_PLACE_CPU then
    opt.placement = ffi.C[mode]
  end
  sched_options(opt, plan.sched, keep)
  -- Every contested decision is Lua's: the tool's schedule hook, then the
  -- built-in strategy's (revel._sched_hook).
  opt.sched_ask = plan.sched and 1 or 0
  if plan.sched and (plan.attach or plan.detach_on_exec) then
    error(run_error(("cannot run one thread at a time (--sched) with %s: revel does not hold every thread"):format(
      plan.attach and "-p" or "-b execve")), 0)
  end
end

return M
