-- A tool that reads a few arguments makes no Lua garbage per event: with the
-- collector stopped, the heap stays flat over a million events.
local H = require("helpers.run")

after_each(H.cleanup)

describe("Lua garbage per event", function()
  it("is none for a handler reading arguments by name and number", function()
    local t = H.tool([[
local tool = { subscriptions = { "getppid", "write" } }
local n, base, sum = 0, nil, 0
function tool.syscall(g, sc)
  n = n + 1
  if sc.name == "write" then sum = sum + sc.fd + sc.count end
  sum = sum + sc.nr + sc.args[1]
  if n == 1000 then
    collectgarbage("collect")
    collectgarbage("stop")
    base = collectgarbage("count")
  end
end
function tool.finish()
  io.stderr:write(("events %d heap growth %.1f KiB\n"):format(n, collectgarbage("count") - base))
end
return tool
]])
    local r = H.revel({ t }, { H.guest("getppid_loop"), "1000000" }, { timeout = 600 })
    assert.are.equal(0, r.code, r.err)
    local events, kib = r.err:match("events (%d+) heap growth ([%d%.%-]+) KiB")
    print("\n" .. r.err:match("[^\n]*heap growth[^\n]*"))
    assert.truthy(tonumber(events) >= 1000000, r.err)
    -- one 16-byte allocation per event would be 15 MiB
    assert.truthy(tonumber(kib) < 64, r.err)
  end)
end)
