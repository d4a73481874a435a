-- --decode-pids=pidns (issue 11): the pids a tracee inside a child pid
-- namespace passes and gets (getpid, the group and session calls, kill,
-- tgkill, sched_*, prlimit64, the siginfo it gets, fork's, clone3's and
-- wait4's) carry revel's pid in a comment, "1 /* 1234 in strace's PID NS */",
-- as strace prints them; -Y names them by revel's pid. The guest
-- spec/guests/pidns.c makes the namespace (it needs root: without, the rows
-- are skipped).
local L, H = ...
local guest = H.guest("pidns")

local skip
if H.sh(H.words({ guest })).code == 77 then
  skip = "no pid namespace can be made here (not root)"
end

-- -Y's "1234<name> " prefixes: strace keeps a thread's name from before its
-- exec, so they are compared as pids (style.lua checks them).
local function comm_prefix(text)
  return (("\n" .. text):gsub("\n(%d+)<[^>\n]*> ", "\n%1 "):sub(2))
end

-- A shell in a namespace of its own: the SIGCHLD of its child carries
-- revel's pid only while the zombie is there, and the shell reaps it when
-- the signal comes or before: the comment in that line races, in strace too.
local function sigchld(l)
  return (l:gsub("^(%-%-%- SIGCHLD .-si_pid=%d+) /%* PID in strace's PID NS %*/", "%1"))
end

-- pthread_join's futex wait finds the thread gone or not: a race.
local function join(l)
  if not l:match("^futex%(") then
    return l
  end
end

-- Without a namespace, the child's group before its setsid is the runner's.
local function flat(l)
  l = join(l)
  return l and (l:gsub("^getpgrp%(%) = %d+$", "getpgrp() = PGRP"))
end

local sh = { "unshare", "-p", "-f", "--mount-proc", "sh", "-c",
  "echo $$; kill -0 $$; sleep 0 & wait; exec /bin/true" }

return {
  { "--decode-pids=pidns -f in a pid namespace", opts = { "--decode-pids=pidns", "-f" }, argv = { guest },
    stdout = true, norm = join, skip = skip },
  { "--decode-pids=pidns in a pid namespace", opts = { "--decode-pids=pidns" }, argv = { guest },
    stdout = true, skip = skip },
  { "--decode-pids=pidns,comm -f", opts = { "--decode-pids=pidns,comm", "-f" }, argv = { guest },
    raw = comm_prefix, norm = join, skip = skip },
  { "-Y -f in a pid namespace", opts = { "-Y", "-f" }, argv = { guest }, raw = comm_prefix, norm = join,
    skip = skip },
  { "--decode-pids=pidns -f, no namespace", opts = { "--decode-pids=pidns", "-f" }, argv = { guest, "flat" },
    stdout = true, norm = flat },
  { "--decode-pids=pidns -f unshare sh", opts = { "--decode-pids=pidns", "-f" }, argv = sh, norm = sigchld,
    skip = skip },
  -- two namespaces deep: the shell's pids translated through both
  { "--decode-pids=pidns -f nested namespaces", opts = { "--decode-pids=pidns", "-f" },
    argv = { "unshare", "-p", "-f", "unshare", "-p", "-f", "sh", "-c", "kill -0 $$; exec /bin/true" }, skip = skip },
}
