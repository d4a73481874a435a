-- Benchmark tool: every getppid sends one g:rpc message to the global state
-- and waits for its reply; against noop_handler.lua it gives the cost of an
-- rpc round trip (bench section guest, under both backends).
local tool = { on = {} }
function tool.init_global()
  return { n = 0 }
end
function tool.rpc(global, _, msg)
  global.n = global.n + msg
  return global.n
end
function tool.on.getppid(g, sc)
  g:rpc(1)
end
return tool
