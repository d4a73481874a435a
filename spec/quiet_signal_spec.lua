-- A signal the tool suppresses (tool.signal returns false) while the guest
-- is blocked in a call: under ptrace the kernel restarts the call (no
-- handler ran); under --backend=guest the wrapper of the guest's handler
-- took the signal, and the library runs the call again (guest/guest_signals.c
-- run_restarting(), guest/rewrite.c rewrite_restart() for a rewritten site).
-- Natively the guest's handler runs and the call fails with EINTR.
local H = require("helpers.run")

after_each(H.cleanup)

local SUPPRESS = [[
local revel = require("revel")
local tool = {}
function tool.signal(g, sig)
  if revel.signal_name(sig) == "SIGUSR1" then return false end
end
return tool
]]

describe("a signal the tool suppresses during a blocking call", function()
  -- (a REVEL_SANITIZE build has no in-guest library: ptrace's half runs)
  local backends = H.have_guest_lib and { "ptrace", "guest" } or { "ptrace" }
  if not H.have_guest_lib then
    pending("--backend=guest's half: the in-guest library is not built with REVEL_SANITIZE: " .. H.guest_lib)
  end
  for _, mode in ipairs({ "read", "poll" }) do
    it("restarts the guest's " .. mode .. " under both backends, as the kernel does for ptrace", function()
      local t = H.tool(SUPPRESS)
      local argv = { H.guest("quiet_signal"), mode }
      local native = H.native(argv)
      assert.are.equal(0, native.code, native.err)
      assert.are.equal(mode .. ": EINTR handler 1\n", native.out)
      for _, b in ipairs(backends) do
        local r = H.revel({ "--backend=" .. b, t }, argv)
        assert.are.equal(0, r.code, b .. ": " .. r.err)
        assert.are.equal(mode .. ": 1 handler 0\n", r.out, b)
      end
    end)
  end
end)
