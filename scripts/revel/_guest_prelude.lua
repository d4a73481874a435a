-- revel._guest_prelude (private): --backend=guest's prelude. A new program
-- (the command, and every dynamic program a guest process execs) runs under
-- the ptrace runtime with the same tool from its exec until the in-guest
-- library starts in it: the loader's calls (mmap, openat of the libraries,
-- mprotect, arch_prctl, set_tid_address ...) are the tool's, as under
-- --backend=ptrace. The engine (revel_adopt_prelude) runs the loader's
-- loading of the library itself unreported (revel's, not the guest's) and
-- lets go of the process at the library's first call, a marker
-- (REVEL_PRELUDE_MARK); the library takes over from there with the state
-- handed over here, so no call is seen twice or missed.
local rffi = require("revel.ffi")
local state = require("revel._state")
local wire = require("revel._wire")

local ffi = rffi.ffi
pcall(ffi.cdef, "int access(const char *path, int mode);")

local M = {}

-- The end of a prelude (REVEL_EV_DETACHED of its thread): g.process and
-- g.thread go to the library as plain data ("Y"'s answer: no init hook, no
-- thread_start or post_exec there, they ran here), and the runtime forgets
-- the thread without exit hooks. "-" when the state is not plain data (the
-- library then starts it anew).
-- p: the prelude's (revel._guest_fallback): with a tool.timer its
-- thread_start (the command's) and post_exec were left to the library
-- (start = "root" or "exec").
function M.hand_over(run, ev, p)
  local g = run.threads[ev.tid]
  local s = "-"
  if g then
    local start = run.tool.timer and (p.root and "root" or "exec") or nil
    local ok, enc = pcall(wire.encode, { process = g.process, tid = ev.tid, threads = { [ev.tid] = g.thread },
      prelude = true, start = start })
    s = ok and enc or "-"
  end
  state.task_detached(run, ev, false)
  return s
end

-- The command's path as execvp would find it (the root execs it once, so
-- the tool sees one execve, as under ptrace); nil when none is found (the
-- exec then fails and says why).
function M.resolve(cmd, path_env)
  if cmd:find("/", 1, true) then
    return cmd
  end
  for dir in ((path_env or "/usr/local/bin:/usr/bin:/bin") .. ":"):gmatch("([^:]*):") do
    local p = (dir == "" and "." or dir) .. "/" .. cmd
    local d = io.open(p .. "/") -- opens only for a directory
    if d then
      d:close()
    elseif ffi.C.access(p, 1) == 0 then -- X_OK
      return p
    end
  end
  return nil
end

return M
