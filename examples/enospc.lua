-- enospc.lua: a disk that fills up. Writes to files under --dir succeed until
-- --bytes have been written in all; the write that crosses the limit is short,
-- and every later one fails with ENOSPC. Test that a program reports a full
-- disk and does not lose or corrupt data.
--   revel examples/enospc.lua --dir /tmp/out --bytes 4096 -- python3 save.py
local tool = { options = { dir = "/tmp", bytes = 1048576 } }
tool.subscriptions = { "write", "pwrite64" }

function tool.init_global(config)
  local dir = config.dir:gsub("/+$", "")
  return { written = 0, limit = config.bytes, prefix = dir .. "/" }
end

-- The global budget is reached through rpc: ask for n bytes, get what is left.
function tool.rpc(global, _, n)
  local left = global.limit - global.written
  local granted = math.max(0, math.min(n, left))
  global.written = global.written + granted
  return granted
end

function tool.syscall(g, sc)
  local path = g:fd_path(bit.tobit(sc.fd))
  local prefix = g.config.dir:gsub("/+$", "") .. "/"
  if not path or path:sub(1, #prefix) ~= prefix then
    return
  end
  local want = sc.count
  local granted = g:rpc(want)
  if granted == 0 then
    return -revel.errno.ENOSPC
  end
  if granted < want then
    sc.count = granted
  end
end

return tool
