-- flaky_net.lua: a network that refuses connections now and then. connect()
-- fails with ECONNREFUSED with probability --p; the draws come from --seed, the
-- thread's place in the process tree and its own count of connects, so the
-- same seed fails the same connects on every run, however threads interleave.
--   revel examples/flaky_net.lua --p 0.3 --seed 42 -- python3 client.py
local fault = revel.fault

local tool = { options = { p = 0.5, seed = 1, log = "" } }

-- revel calls init_global first: build the fault tool from the options then.
local inner
function tool.init_global(config)
  inner = fault.tool({ fault.rule({ syscall = "connect", error = "ECONNREFUSED", p = config.p }) },
    { seed = config.seed, log = config.log ~= "" and config.log or nil })
  return {}
end

tool.subscriptions = { "connect" }
function tool.syscall(g, sc)
  return inner.syscall(g, sc)
end

function tool.finish(global, code)
  inner.finish(global, code)
end

return tool
