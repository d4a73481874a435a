-- Every getppid answered by Lua with a number, the call skipped: a trapped
-- syscall to set the cost of a trapped rdtsc against (bench section rdtsc).
local tool = { on = {} }
function tool.on.getppid(g, sc)
  return 1
end
return tool
