-- revel.sched.random: --sched=random as a tool whose schedule hook picks
-- uniformly among the threads that can run, drawing from a seeded stream
-- (revel.sched.rng) at each decision with more than one thread, and only
-- there: the same seed makes the same decisions for the same program.
--
--   local tool = require("revel.sched.random").new{ seed = 7 }
--   tool.schedule(threads, global, info)   -- revel calls it (docs/api.md)
local rng = require("revel.sched.rng")

local M = {}

function M.new(opts)
  local r = rng.new(opts and opts.seed or 0)
  local tool = {}
  function tool.schedule(threads)
    return threads[r:below(#threads) + 1]
  end
  return tool
end

return M
