-- An exit_group an inject rule fails returns, as any call does: the default
-- tool prints its result, as strace does, and the thread goes on (issue 10).
local H = require("helpers.run")

after_each(H.cleanup)

local guest = H.guest("exit_group_refused")

-- The line of the trace that starts with name( (pid prefix dropped).
local function line_of(path, name)
  for l in io.lines(path) do
    local call = l:match("^%d+%s+(.*)$") or l
    if call:sub(1, #name + 1) == name .. "(" then
      return call
    end
  end
end

describe("an exit_group failed by a rule", function()
  it("natively, under the default tool and under noop.lua, exits as it does natively", function()
    local n = H.native({ guest })
    assert.are.equal(3, n.code, n.err)
    assert.are.equal("", n.out)
    local a = H.sh(H.words({ H.bin, "-o", "/dev/null", "--", guest }))
    local b = H.revel({ H.example("noop.lua") }, { guest })
    assert.are.equal(n.code, a.code, a.err)
    assert.are.equal(n.out, a.out)
    assert.are.equal(n.code, b.code, b.err)
    assert.are.equal(n.out, b.out)
  end)

  for _, spec in ipairs({ "exit_group:error=ENOSYS", "exit_group:retval=0" }) do
    it("prints its result as strace does: " .. spec, function()
      local so, ro = H.tmppath("strace"), H.tmppath("revel")
      local s = H.native({ "strace", "-f", "-o", so, "-e", "inject=" .. spec, guest })
      local r = H.sh(H.words({ H.bin, "-f", "-o", ro, "-e", "inject=" .. spec, "--", guest }))
      local b = H.sh(H.words({ H.bin, "-e", "inject=" .. spec, H.example("noop.lua"), "--", guest }))
      assert.are.equal(4, s.code, s.err)
      assert.are.equal(s.code, r.code, r.err)
      assert.are.equal(s.out, r.out)
      assert.are.equal(s.code, b.code, b.err)
      assert.are.equal(s.out, b.out)
      local want = line_of(so, "exit_group")
      assert.truthy(want:match("%(INJECTED%)$"), want)
      assert.are.equal(want, line_of(ro, "exit_group"))
      assert.are.equal(line_of(so, "exit"), line_of(ro, "exit"))
    end)
  end

  it("on stderr too, and through a --rule layer", function()
    local r = H.sh(H.words({ H.bin, "-e", "trace=exit_group,exit", "-e", "inject=exit_group:error=ENOSYS",
      "--", guest }))
    assert.are.equal(4, r.code, r.err)
    assert.truthy(r.err:find("exit_group(3)                           = -1 ENOSYS (Function not implemented)"
      .. " (INJECTED)\nexit(4)", 1, true), r.err)
    local l = H.sh(H.words({ H.bin, "-e", "trace=exit_group", "--rule=exit_group:error=ENOSYS", "--", guest }))
    assert.are.equal(4, l.code, l.err)
    assert.truthy(l.err:find("exit_group(3)                           = -1 ENOSYS (Function not implemented)",
      1, true), l.err)
  end)
end)
