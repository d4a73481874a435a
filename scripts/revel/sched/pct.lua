-- revel.sched.pct: --sched=pct[:DEPTH[:STEPS]] as a tool's schedule hook:
-- probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi,
-- Nagarakatte, ASPLOS 2010). Each thread gets a random priority above
-- DEPTH-1 when first seen; the highest-priority thread that can run runs;
-- at DEPTH-1 change points, drawn uniformly from the first STEPS contested
-- decisions, the thread that held the turn last drops to priority i (the
-- i-th point). A bug that needs DEPTH ordering constraints is then hit
-- with a probability of at least 1/(n STEPS^(DEPTH-1)) for n threads.
-- A thread preempted at the end of a CPU slice (it spun without a
-- syscall, most likely waiting for another one) drops to 0: PCT alone
-- would let it keep the turn for ever.
--
-- Draws come from revel.sched.rng seeded with opts.seed: the change points
-- first, then a priority per thread when it is first among the choices (in
-- start order), so the decisions depend on the seed and the program only.
--
--   local tool = require("revel.sched.pct").new{ seed = 7, depth = 3, steps = 100 }
local rng = require("revel.sched.rng")
local ffi = require("ffi")

local U64 = ffi.typeof("uint64_t")

local M = { DEPTH = 3, STEPS = 100 }

function M.new(opts)
  opts = opts or {}
  local r = rng.new(opts.seed or 0)
  local depth, steps = opts.depth or M.DEPTH, opts.steps or M.STEPS
  local change = {} -- contested decision number -> the priority it gives
  for j = 1, depth - 1 do
    change[r:below(steps) + 1] = j -- two at one decision: the higher
  end
  local prio = {} -- thread number (start order) -> uint64_t priority
  local tool = {}
  function tool.schedule(threads, _, info)
    local drop = change[info.contested]
    if drop and info.previous then
      prio[info.previous] = U64(drop)
    end
    local best, bestp
    for i = 1, #threads do
      local ord = info.ord[i]
      local p = prio[ord]
      if info.preempted[i] then
        p = U64(0)
        prio[ord] = p
      elseif not p then
        p = depth + bit.rshift(r:next(), 1)
        prio[ord] = p
      end
      if not bestp or p > bestp then
        best, bestp = i, p
      end
    end
    return threads[best]
  end
  return tool
end

return M
