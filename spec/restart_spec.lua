-- Signals that interrupt a syscall a handler injected keep the kernel's
-- semantics: with SA_RESTART the call is restarted (the handler runs again for
-- it), without it the guest sees EINTR.
local H = require("helpers.run")

after_each(H.cleanup)

-- Thread A's getppid(fd, buf, 5) becomes a blocking read; thread B sends A a
-- SIGALRM while it blocks, then (with SA_RESTART) fills the pipe.
local function tool(kind)
  return H.tool(([[
local tool = {}
local calls = 0
tool.on = { getppid = function(g, sc)
  if sc.args[3] ~= 5 then return end
  calls = calls + 1
  local call = revel.sys.read(sc.args[1], sc.args[2], 5)
  %s
end }
function tool.finish() io.stderr:write("handler calls ", calls, "\n") end
return tool
]]):format(kind == "tail" and "g:tail_inject(call)" or "return g:inject(call)"))
end

describe("a signal interrupting an injected read", function()
  for _, kind in ipairs({ "inject", "tail" }) do
    it("with SA_RESTART, is restarted (" .. kind .. ")", function()
      local r = H.revel({ tool(kind) }, { H.guest("restart_read") })
      assert.are.equal(0, r.code, r.err)
      assert.are.equal("A got 5: hello\nalarms 1\n", r.out)
      if kind == "inject" then
        assert.truthy(r.err:match("handler calls 2"), r.err) -- once more for the restart
      end
    end)

    it("without SA_RESTART, fails with EINTR (" .. kind .. ")", function()
      local r = H.revel({ tool(kind) }, { H.guest("restart_read"), "norestart" })
      assert.are.equal(0, r.code, r.err)
      assert.are.equal("A got EINTR\nalarms 1\n", r.out)
    end)
  end

  it("natively the guest makes no read at all", function()
    local n = H.native({ H.guest("restart_read") })
    assert.are.equal("A got no read\nalarms 1\n", n.out)
  end)
end)

describe("a guest that traces", function()
  it("strace inside revel gets the kernel's error and neither hangs", function()
    local r = H.revel({ H.example("noop.lua") }, { "strace", "-o", "/dev/null", "true" }, { timeout = 60 })
    assert.are_not.equal(0, r.code)
    assert.are_not.equal(124, r.code) -- not the timeout
    assert.truthy(r.err:match("ptrace") or r.err:match("Operation not permitted"), r.err)
  end)

  it("gdb inside revel gets the kernel's error and neither hangs", function()
    local r = H.revel({ H.example("noop.lua") }, { "gdb", "-batch", "-ex", "run", "--args", "/bin/true" }, { timeout = 60 })
    assert.are_not.equal(124, r.code)
    assert.truthy(r.err:match("ptrace") or r.out:match("ptrace") or r.err:match("not permitted"), r.out .. r.err)
  end)
end)
