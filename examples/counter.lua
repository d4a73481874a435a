-- counter.lua: counts every syscall of the guest in one global count, sent
-- through rpc from each call's handler. Prints the total on stderr.
--   revel examples/counter.lua -- ls /
local tool = {}

function tool.init_global()
  return { count = 0 }
end

function tool.rpc(global, _, n)
  global.count = global.count + n
end

function tool.syscall(g, _)
  g:rpc(1)
end

function tool.finish(global)
  io.stderr:write(global.count, " syscalls\n")
end

return tool
