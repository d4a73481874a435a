-- chunky_print.lua: holds what a process writes to stdout and stderr and lets
-- it out in chunks of --chunk bytes (and the rest when the process exits), as
-- a pipe or a slow terminal might. Shows output-ordering assumptions.
--   revel examples/chunky_print.lua --chunk 64 -- sh -c 'echo a; echo b >&2; echo c'
local tool = { options = { chunk = 4096 }, subscriptions = { "write", "exit_group" } }

function tool.init_process()
  return { [1] = {}, [2] = {}, size = { [1] = 0, [2] = 0 } }
end

local function flush(g, fd)
  local held = g.process[fd]
  if #held == 0 then
    return
  end
  local data = table.concat(held)
  g.process[fd], g.process.size[fd] = {}, 0
  local off = 0
  while off < #data do
    local part = data:sub(off + 1, off + 65536)
    local n = g:inject(revel.sys.write(fd, part, #part))
    if n <= 0 then
      return
    end
    off = off + n
  end
end

function tool.syscall(g, sc)
  if sc.name == "exit_group" then
    flush(g, 1)
    flush(g, 2)
    return
  end
  local fd = bit.tobit(sc.fd)
  if fd ~= 1 and fd ~= 2 then
    return
  end
  local data, err = g:read(sc.buf, sc.count)
  if not data then
    return -revel.errno[err]
  end
  local p = g.process
  p[fd][#p[fd] + 1] = data
  p.size[fd] = p.size[fd] + #data
  if p.size[fd] >= g.config.chunk then
    flush(g, fd)
  end
  return #data -- the process believes it was written
end

return tool
