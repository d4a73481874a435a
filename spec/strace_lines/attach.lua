-- The attach family (issue 11): -b execve / --detach-on=execve. (-p needs a
-- running process and a signal to end: spec/attach_spec.lua.)
local L, H = ...
local f = L.dir .. "/f.txt"
return {
  { "-b execve", opts = { "-b", "execve" }, argv = { "sh", "-c", "exec cat " .. f }, stdout = true },
  { "--detach-on=execve -e trace=execve", opts = { "--detach-on=execve", "-e", "trace=execve" },
    argv = { "sh", "-c", "exec cat " .. f } },
  -- The parent's vfork returns when the child's exec lets go of its memory,
  -- before the child's exec stop: which of the two the tracer hears first
  -- races, and the execve line is cut (<unfinished ...>, then "<... execve
  -- resumed> <detached ...>") or not. Both say the same: one form is kept.
  { "-f -b execve", opts = { "-f", "-b", "execve" }, argv = { "sh", "-c", "cat " .. f .. "; echo done" },
    stdout = true, norm = function(l)
      if l:find("<... execve resumed> <detached ...>", 1, true) then
        return nil
      end
      -- The shell's SIGCHLD comes during one call or another: what
      -- rt_sigreturn returns races too.
      l = l:gsub("(rt_sigreturn%(.-%)) = %S+", "%1 = R")
      return (l:gsub("^(%d* *execve%(.*) <unfinished %.%.%.>$", "%1 <detached ...>"))
    end },
}
