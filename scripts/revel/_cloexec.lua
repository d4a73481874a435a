-- revel._cloexec (private): files a tool opens with io.open are revel's, not
-- the guest's. LuaJIT's io.open is fopen without O_CLOEXEC, so a log a tool
-- opens at load time would otherwise be an open fd in every guest process
-- (a guest listing /proc/self/fd would see it). glibc's "e" mode flag asks
-- for O_CLOEXEC at the open itself; io.open is wrapped once, for the whole
-- revel process, before any tool code runs.
local open = io.open
io.open = function(path, mode)
  mode = mode or "r"
  if type(mode) == "string" and not mode:find("e", 1, true) then
    mode = mode .. "e"
  end
  return open(path, mode)
end
return true
