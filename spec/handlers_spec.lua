-- Handlers change what the guest sees: suppression, rewritten arguments,
-- injected syscalls, and injections that block while other threads go on.
local H = require("helpers.run")

after_each(H.cleanup)

describe("syscall handlers", function()
  it("suppress getppid: the guest sees the tool's number", function()
    local t = H.tool([[
      local tool = {}
      tool.on = { getppid = function(g, sc) return 4242 end }
      return tool
    ]])
    local r = H.revel({ t }, { H.guest("getppid_print") })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("4242\n", r.out)
  end)

  it("cut a write's count to 1: the guest sees a short write", function()
    local t = H.tool([[
      return { on = { write = function(g, sc)
        if sc.fd > 2 then sc.count = 1 end
      end } }
    ]])
    local n = H.native({ H.guest("short_write") })
    assert.are.equal("wrote 12 of 12\n", n.out)
    local r = H.revel({ t }, { H.guest("short_write") })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("wrote 1 of 12\n", r.out)
  end)

  it("inject a syscall before the original: the guest's registers are unchanged", function()
    local t = H.tool([[
      local tool = { subscriptions = { "getppid" } }
      function tool.syscall(g, sc)
        local pid = g:inject(revel.sys.getpid())
        assert(pid == g.pid, "injected getpid returned " .. pid)
      end
      return tool
    ]])
    local r = H.revel({ t }, { H.guest("regs_check") })
    assert.are.equal(0, r.code, r.err .. r.out)
    assert.are.equal("registers preserved\nresult ok\n", r.out)
  end)

  it("a handler blocked in an injected read does not stall other threads", function()
    -- Thread A's getppid(fd, buf, 5) becomes read(fd, buf, 5); thread B keeps
    -- making getppid calls (each one a handler) until A is blocked, then fills
    -- the pipe.
    local t = H.tool([[
      local tool = {}
      tool.on = { getppid = function(g, sc)
        if sc.args[3] == 5 then
          return g:inject(revel.sys.read(sc.args[1], sc.args[2], 5))
        end
      end }
      return tool
    ]])
    local r = H.revel({ t }, { H.guest("pipe_threads") })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("A got 5: hello\nB wrote\n", r.out)
  end)

  it("tail_inject runs another call in place of the original", function()
    local t = H.tool([[
      return { on = { getppid = function(g, sc) g:tail_inject(revel.sys.getpid()) end } }
    ]])
    local r = H.sh(H.words({ H.bin, t, "--", "sh", "-c", H.guest("getppid_print") .. "; echo $$" }))
    assert.are.equal(0, r.code, r.err)
    local a, b = r.out:match("^(%d+)\n(%d+)\n$")
    assert.truthy(a, r.out)
    assert.are_not.equal(a, b) -- the child's own pid, not its parent's (the shell)
  end)

  it("named arguments read and write the registers", function()
    local t = H.tool([[
      return { on = { openat = function(g, sc)
        local path = g:string(sc.pathname)
        if path == "/etc/hostname" then
          sc.pathname = sc.pathname -- assignment through the name
          return -revel.errno.EACCES
        end
      end } }
    ]])
    local r = H.revel({ t }, { "cat", "/etc/hostname" })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:match("Permission denied"), r.err)
  end)
end)

describe("state tiers", function()
  it("counter.lua and counter2.lua agree on a deterministic guest", function()
    local a = H.revel({ H.example("counter.lua") }, { H.guest("det") })
    local b = H.revel({ H.example("counter2.lua") }, { H.guest("det") })
    assert.are.equal(0, a.code, a.err)
    assert.are.equal(0, b.code, b.err)
    local na = tonumber(a.err:match("(%d+) syscalls"))
    local nb = tonumber(b.err:match("(%d+) syscalls"))
    assert.truthy(na and na > 1400, a.err)
    assert.are.equal(na, nb)
    assert.truthy(b.err:match("in 4 processes"), b.err)
  end)

  it("init_thread sees its parent's thread state, at clone time", function()
    local t = H.tool([[
      local tool = { subscriptions = { "getpid" } }
      function tool.init_global() return { lines = {} } end
      function tool.rpc(global, from, msg) global.lines[#global.lines + 1] = msg end
      function tool.init_thread(tid, parent_tid, parent)
        return { depth = parent and parent.depth + 1 or 0, parent_known = parent_tid ~= nil }
      end
      function tool.syscall(g, sc) end
      function tool.exit_thread(g, thread)
        g:rpc(("depth %d parent %s"):format(thread.depth, tostring(thread.parent_known)))
      end
      function tool.finish(global)
        table.sort(global.lines)
        io.stderr:write(table.concat(global.lines, ";"), "\n")
      end
      return tool
    ]])
    local r = H.revel({ t }, { H.guest("threads8") })
    assert.are.equal(0, r.code, r.err)
    local want = { "depth 0 parent false" }
    for _ = 1, 8 do
      want[#want + 1] = "depth 1 parent true"
    end
    table.sort(want)
    assert.truthy(r.err:find(table.concat(want, ";"), 1, true), r.err)
  end)

  it("tool options reach init_global, init_process and g.config", function()
    local t = H.tool([[
      local tool = { options = { skip = 0, label = "x", verbose = false } }
      tool.subscriptions = { "getppid" }
      function tool.init_global(config) return { seen = config.skip .. config.label } end
      function tool.init_process(pid, config) return { v = config.verbose } end
      function tool.syscall(g, sc)
        return g.config.skip + (g.process.v and 1 or 0)
      end
      function tool.finish(global) io.stderr:write(global.seen, "\n") end
      return tool
    ]])
    local r = H.sh(H.words({ H.bin, t, "--skip", "40", "--label=abc", "--verbose", "--", H.guest("getppid_print") }))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("41\n", r.out)
    assert.truthy(r.err:match("40abc"), r.err)
  end)
end)

describe("the README's first tool", function()
  it("examples/noconf.lua refuses .conf files and counts them", function()
    local r = H.revel({ H.example("noconf.lua") }, { "cat", "/etc/host.conf" })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:match("/etc/host.conf: No such file or directory"), r.err)
    assert.truthy(r.err:match("1 refused"), r.err)
  end)
end)

describe("typed syscalls", function()
  it("tostring(sc) is the strace line; sc:with{} is a changed copy", function()
    local t = H.tool([[
return { on = { openat = function(g, sc)
  if g:string(sc.pathname) == "/etc/hostname" then
    local c = sc:with{ flags = 0 }
    io.stderr:write("LINE ", tostring(sc), "\nCOPY ", tostring(c), "\nSAME ", tostring(sc.flags ~= c.flags), "\n")
  end
end } }
]])
    local r = H.revel({ t }, { "cat", "/etc/hostname" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(H.native({ "cat", "/etc/hostname" }).out, r.out)
    assert.truthy(r.err:find('LINE openat(AT_FDCWD, "/etc/hostname", O_RDONLY)', 1, true), r.err)
    assert.truthy(r.err:find('COPY openat(AT_FDCWD, "/etc/hostname", O_RDONLY)', 1, true), r.err)
    assert.truthy(r.err:find("SAME false", 1, true) or r.err:find("SAME true", 1, true), r.err)
  end)

  it("revel.sys builds calls by name, positionally or by argument name", function()
    local revel = require("revel")
    local a = revel.sys.openat{ dirfd = -100, pathname = "/x", flags = 0 }
    assert.are.equal("openat", a.name)
    assert.are.equal(-100, a.dirfd)
    assert.are.equal("/x", a.pathname)
    local b = revel.sys.read(3, 0, 10)
    assert.are.equal(10, b.count)
    assert.has_error(function() return revel.sys.opnat end)
  end)

  it("a bad guest pointer is an error value, not a crash", function()
    local t = H.tool([[
return { on = { getppid = function(g, sc)
  local s, err = g:string(8)
  local d, err2 = g:read(16, 4)
  local n, err3 = g:write(24, "x")
  io.stderr:write(("%s %s %s %s %s %s\n"):format(tostring(s), err, tostring(d), err2, tostring(n), err3))
end } }
]])
    local r = H.revel({ t }, { H.guest("getppid_print") })
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.err:find("nil EFAULT nil EFAULT nil EFAULT", 1, true), r.err)
  end)
end)
