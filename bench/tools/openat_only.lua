-- Benchmark tool: subscribes to openat only, with a handler that does
-- nothing, so every openat stop enters Lua and returns. Measures the cost
-- of a narrow seccomp filter plus one Lua call per matching syscall.
local tool = { subscriptions = { "openat" } }

function tool.syscall(g, sc) end

return tool
