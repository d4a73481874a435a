-- strace_minimal.lua: a strace in a dozen lines: the name, the raw arguments
-- and the result of every syscall. It injects each call to learn its result.
--   revel examples/strace_minimal.lua -- echo hi
local tool = {}
local never_return = { exit = true, exit_group = true, rt_sigreturn = true, execve = true }

function tool.syscall(g, sc)
  if never_return[sc.name] then
    io.stderr:write(("[%d] %s\n"):format(g.tid, tostring(sc)))
    return nil
  end
  local r = g:inject(sc)
  io.stderr:write(("[%d] %s = %d\n"):format(g.tid, tostring(sc), r))
  return r
end

return tool
