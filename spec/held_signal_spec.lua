-- g:hold_signal() in tool.signal keeps a signal; g:deliver(sig) in a later
-- handler of that thread sends it: the guest's handler runs late.
local H = require("helpers.run")

after_each(H.cleanup)

-- The first SIGUSR1 is held and delivered (as SIGUSR1, SIGUSR2) at the 3rd
-- write after it.
local held = require("helpers.held_signal")

local GUEST = { "sh", "-c", 'trap "echo handler" USR1; kill -USR1 $$; echo w1; echo w2; echo w3; echo w4; exit 5' }

describe("held signals", function()
  it("a held SIGUSR1 reaches the guest's handler at the 3rd later write", function()
    local n = H.native(GUEST)
    assert.are.equal("handler\nw1\nw2\nw3\nw4\n", n.out)
    local r = H.revel({ held("SIGUSR1") }, GUEST)
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(5, r.code)
    assert.are.equal("w1\nw2\nw3\nhandler\nw4\n", r.out)
    assert.are.equal("", r.err)
  end)

  it("delivering a signal the thread does not hold: the tool's line, exit 125", function()
    local t = held("SIGUSR2")
    local r = H.revel({ t }, GUEST)
    assert.are.equal(125, r.code)
    local first = r.err:match("^[^\n]*")
    assert.truthy(first:find(t .. ":14: g:deliver: signal 12 is not held", 1, true), r.err)
    assert.are.equal("w1\nw2\n", r.out)
  end)

  it("a signal that comes while revel injects reaches the guest with its own sender (si_pid, si_code)", function()
    -- The guest's tgkill of itself, then a second call in the same chain:
    -- the signal stops mid-chain, is held and sent again after it; glibc's
    -- pthread_cancel acts only on a SIGCANCEL whose si_pid is its own.
    local t = H.tool([[
return { on = { getppid = function(g, sc)
  g:inject(revel.sys.tgkill(g.pid, g.tid, revel.signal.SIGUSR1))
  g:inject(revel.sys.getpid())
end } }
]])
    local guest = { H.guest("siginfo_self") }
    assert.are.equal("no signal\n", H.native(guest).out)
    local r = H.revel({ t }, guest)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("signal from self SI_TKILL\n", r.out)
  end)

  it("g:hold_signal outside tool.signal is an error", function()
    local t = H.tool([[
return { on = { write = function(g) g:hold_signal() end } }
]])
    local r = H.revel({ t }, { "echo", "hi" })
    assert.are_not.equal(0, r.code)
    assert.truthy(r.err:find(t .. ":1: g:hold_signal may only be called from tool.signal", 1, true), r.err)
  end)
end)
