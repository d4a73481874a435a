-- Issue 11's decoding gaps, each against the real strace: control messages,
-- signal and select results, time comments, modes, faccessat2's flags (the
-- guest spec/guests/decode_gaps.c makes one call of each).
local L, H = ...
local gaps = H.guest("decode_gaps")

-- What moves between runs of the guest: its pid (in getpid, kill, the
-- credentials it sends, the siginfo it gets), the time select leaves, the
-- clock times() returns.
local function moving(l)
  l = l:gsub("^getpid%(%) = %d+", "getpid() = PID")
  l = l:gsub("^kill%(%d+,", "kill(PID,")
  l = l:gsub("([{ ]pid=)%d+", "%1PID")
  l = l:gsub("si_pid=%d+", "si_pid=PID")
  l = l:gsub("left {tv_sec=%d+, tv_([nu])sec=%d+}", "left {tv_sec=N, tv_%1sec=N}")
  l = l:gsub("^(times%(.*%) = )%d+$", "%1TICKS")
  l = l:gsub("^time%(%[%d+ /%* [^*]+ %*/%]%) = %d+ %([^)]+%)$", "time([NOW /* DATE */]) = NOW (DATE)")
  return l
end

-- -y: pipes' and sockets' inode numbers are new each run.
local function inodes(l)
  return (moving(l):gsub("(%a+):%[%d+%]", "%1:[INODE]"))
end

-- exec_thread's leader races the thread that execs: it dies in
-- rt_sigprocmask or in read, or (strace without -f, the thread untraced)
-- still in clone3; those lines are left out, and the new thread's tid.
local function leader_race(l)
  if l:match("^rt_sigprocmask%(SIG_SETMASK, %[%],") or l:match("<unfinished %.%.%.>%) = %?$")
    or l:match("^clone3%(") then
    return nil
  end
  return l
end

local function no_restart(l)
  if not l:match("= %? ERESTARTSYS %(To be restarted if SA_RESTART is set%)$") then
    return l
  end
end

-- clock_t counts (a child's CPU in SIGCHLD, times()): strace comments each
-- nonzero one in seconds; the counts and seconds move between runs.
local function ticks(l)
  l = moving(l):gsub("%d+ /%* %d+%.%d+ s %*/", "T /* S s */"):gsub("/%* %d+%.%d+ s %*/", "/* S s */")
  -- System time is near zero here: its comment comes and goes with load.
  l = l:gsub("(stime=%w+) /%* S s %*/", "%1")
  return (l:gsub("_([us])time=%d+", "_%1time=T"):gsub("tms_(c?[us])time=%d+", "tms_%1time=T"))
end

return {
  { "clock_t comments", opts = { "-f", "-e", "trace=times", "-e", "signal=SIGCHLD" },
    argv = { "sh", "-c", "/usr/bin/python3 -c 'sum(range(4000000))'; times > /dev/null" }, norm = ticks },
  { "decode gaps", opts = {}, argv = { gaps }, stdout = true, norm = moving },
  { "decode gaps, calls only", opts = { "-e",
    "trace=sendmsg,rt_sigtimedwait,pselect6,select,utimensat,utimes,futimesat,utime,time,chmod,faccessat2,times" },
    argv = { gaps }, norm = moving },
  -- AT_FDCWD<cwd>, the fds pipe2 and socketpair return, fds in fd sets and
  -- in SCM_RIGHTS, all with their paths.
  { "-y decode gaps", opts = { "-y" }, argv = { gaps }, norm = inodes },
  -- -n numbers signal and exit lines with the thread's last call.
  { "-n signal and exit", opts = { "-n" }, argv = { "sh", "-c", "trap : USR1; kill -USR1 $$; exit 3" },
    norm = moving },
  -- Without -f the root is the process revel spawned, though its child's
  -- write is the first traced call.
  { "root, narrow trace set", opts = { "-e", "trace=write" }, argv = { "sh", "-c", "cat " .. L.dir .. "/f.txt; echo done" },
    norm = moving },
  -- execve from a thread: the leader is superseded, the execve resumes as
  -- the leader's pid; without -f strace sees the leader's call end, then
  -- only the process's exit.
  { "-f exec from a thread", opts = { "-f" }, argv = { H.guest("exec_thread") }, stdout = true,
    norm = leader_race },
  { "exec from a thread", opts = {}, argv = { H.guest("exec_thread") }, stdout = true,
    norm = leader_race },
  -- -qq keeps the superseded line, -qqq drops it.
  { "-f -qq exec from a thread", opts = { "-f", "-qq" }, argv = { H.guest("exec_thread") }, norm = leader_race },
  { "-f -qqq exec from a thread", opts = { "-f", "-qqq" }, argv = { H.guest("exec_thread") }, norm = leader_race },
  -- A thread killed in a call with arguments left prints "<unfinished ...>)
  -- = ?"; exit_group's line ends at once.
  { "-f exit_group with blocked threads", opts = { "-f" }, argv = { H.guest("exit_group_blocked") },
    racy_fds = true,
    -- main gathers the threads' ready bytes in reads that race them, and a
    -- thread may not be in its read yet when exit_group comes: those reads
    -- are left out (in strace's form alone: revel's old "read(FD, ) = ?"
    -- stays, and fails the row).
    norm = function(l)
      if not (l:match('^read%(FD, "%d+", %d%) = %d$') or l == "read(FD,  <unfinished ...>) = ?") then
        return l
      end
    end },
  -- The command cannot be executed: its execve fails, and nothing of
  -- revel's own (the message it writes, its exit) shows as the guest's.
  -- revel exits 126 as the shell, strace 1; its message names the command.
  { "exec failure", opts = {}, argv = { "/etc/hostname" }, stderr = true, code = 126,
    norm = function(l)
      l = l:gsub("^strace: exec: ", "TRACER: exec: ")
      l = l:gsub("^revel: exec /etc/hostname: ", "TRACER: exec: ")
      return (l:gsub("^%+%+%+ exited with %d+ %+%+%+$", "+++ exited +++"))
    end },
  { "-f exec failure", opts = { "-f" }, argv = { "/etc/hostname" }, code = 126,
    norm = function(l)
      return (l:gsub("^%+%+%+ exited with %d+ %+%+%+$", "+++ exited +++"))
    end },
  -- A group-stop: "--- stopped by SIGSTOP ---" (and by SIGTSTP).
  -- The parent's wait4 may or may not meet its SIGCHLD (ERESTARTSYS).
  { "-f group-stop", opts = { "-f" }, argv = { H.guest("stopcont") }, stdout = true, norm = no_restart },
  { "-f group-stop by SIGTSTP", opts = { "-f" }, argv = { H.guest("tstp") }, stdout = true,
    norm = no_restart },
  { "-n -f exits", opts = { "-n", "-f" }, argv = { "sh", "-c", "/bin/true; exit 2" },
    norm = function(l)
      return (l:gsub("^(%[%s*%d+%] getppid%(%) = )%d+", "%1PPID"))
    end },
}
