-- Options revel had before issue 11's families: follow, quiet, fds, numbers.
local L, H = ...
local f = L.dir .. "/f.txt"
return {
  { "plain cat", opts = {}, argv = { "cat", f }, stdout = true },
  { "-f sh -c", opts = { "-f" }, argv = { "sh", "-c", "cat " .. f .. " > /dev/null" } },
  { "-qq", opts = { "-qq" }, argv = { "cat", f } },
  { "-y", opts = { "-y" }, argv = { "cat", f } },
  { "-n", opts = { "-n" }, argv = { "cat", f } },
  { "-s 4", opts = { "-s", "4" }, argv = { "cat", f } },
  { "-e trace=%file", opts = { "-e", "trace=%file" }, argv = { "cat", f } },
  -- pthread_join waits in futex only when the thread has not exited yet:
  -- those lines come and go in strace's own runs, and are left out.
  { "-f threads8", opts = { "-f" }, argv = { H.guest("threads8") }, racy_fds = true,
    norm = function(l)
      if not l:match("^futex%(") then
        return l
      end
    end },
}
