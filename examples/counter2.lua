-- counter2.lua: counts syscalls reduce-style, as Reverie's counter2: each thread
-- counts in its own state, a thread's count goes to its process when it exits,
-- and a process sends its total to the global state (one rpc per process).
--   revel examples/counter2.lua -- sh -c 'ls / | wc -l'
local tool = {}

function tool.init_global()
  return { count = 0, processes = 0 }
end

function tool.init_process()
  return { count = 0 }
end

function tool.init_thread()
  return { count = 0 }
end

function tool.rpc(global, _, n)
  global.count = global.count + n
  global.processes = global.processes + 1
end

function tool.syscall(g, _)
  g.thread.count = g.thread.count + 1
end

function tool.exit_thread(g, thread)
  g.process.count = g.process.count + thread.count
end

function tool.exit_process(g, process)
  g:rpc(process.count)
end

function tool.finish(global)
  io.stderr:write(global.count, " syscalls in ", global.processes, " processes\n")
end

return tool
