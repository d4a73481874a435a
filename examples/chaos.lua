-- chaos.lua: Reverie's chaos tool. Every read and recvfrom returns at most one
-- byte, and each first fails once with ERESTARTSYS: the kernel restarts it (or
-- turns it into EINTR for a signal handler without SA_RESTART), as a real
-- signal would. A careful reader's output is unchanged; a careless one breaks.
--   revel examples/chaos.lua --skip 10 -- cat /etc/passwd
local tool = { options = { skip = 0 }, subscriptions = { "read", "recvfrom" } }

local ERESTARTSYS = revel.errno.ERESTARTSYS

function tool.init_thread()
  return { seen = 0, interrupted = false }
end

function tool.syscall(g, sc)
  local t = g.thread
  t.seen = t.seen + 1
  if t.seen <= g.config.skip then
    return
  end
  if not t.interrupted then
    t.interrupted = true -- the restarted call comes back here, and goes on
    return -ERESTARTSYS
  end
  t.interrupted = false
  if sc.count > 1 then
    sc.count = 1
  end
end

return tool
