-- Threads under -f (issue 11): the order a tracer takes its threads'
-- stops in shows in what it prints. strace takes them in rounds (every
-- stop the kernel has at hand, then those handled before it waits again),
-- and so does revel: a new thread's calls do not run on while its
-- parent's clone3 exit waits, which would print that clone3's
-- parent_tid=[0] (glibc points parent_tid and child_tid at one word, which
-- the kernel clears when the thread ends).
local L, H = ...

-- pthread_join's futex wait finds the thread gone or not, a barrier's
-- finds it open or not: races, in strace too.
local function join(l)
  if not l:match("^futex%(") then
    return l
  end
end

return {
  { "-f thread_quick: clone3 exits before the threads' ends", opts = { "-f" },
    argv = { H.guest("thread_quick") }, stdout = true, norm = join },
  { "-f -e trace=clone3,gettid,exit thread_quick", opts = { "-f", "-e", "trace=clone3,gettid,exit" },
    argv = { H.guest("thread_quick") }, stdout = true },
  -- four threads at once, waiting on one another (a barrier, a ring of
  -- pipes): their calls and their clone3 exits interleave
  { "-f threads4", opts = { "-f" }, argv = { H.guest("threads4") }, racy_fds = true, stdout = true,
    norm = join },
  { "-f -e trace=clone3,read,write threads4", opts = { "-f", "-e", "trace=clone3,read,write" },
    argv = { H.guest("threads4") }, racy_fds = true, stdout = true },
}
