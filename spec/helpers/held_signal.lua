-- The held-signal tool of spec/held_signal_spec.lua and
-- spec/guest_hooks_spec.lua: the first SIGUSR1 is held (g:hold_signal() in
-- tool.signal) and signal DELIVER ("SIGUSR1", "SIGUSR2") is delivered
-- (g:deliver) at the 3rd write after it, so the guest's handler runs late.
-- Returns the tool file's path.
local H = require("helpers.run")

local TOOL = [[
local revel = require("revel")
local tool = { subscriptions = { "write" } }
local writes
function tool.signal(g, sig)
  if sig == revel.signal.SIGUSR1 and not writes then
    g:hold_signal()
    writes = 0
  end
end
function tool.syscall(g, sc)
  if writes then
    writes = writes + 1
    if writes == 3 then
      g:deliver(revel.signal.DELIVER)
    end
  end
end
return tool
]]

return function(deliver)
  return H.tool((TOOL:gsub("DELIVER", deliver)))
end
