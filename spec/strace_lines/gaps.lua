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
  return l
end

-- -y: pipes' and sockets' inode numbers are new each run.
local function inodes(l)
  return (moving(l):gsub("(%a+):%[%d+%]", "%1:[INODE]"))
end

return {
  { "decode gaps", opts = {}, argv = { gaps }, stdout = true, norm = moving },
  { "decode gaps, calls only", opts = { "-e", "trace=sendmsg,rt_sigtimedwait,pselect6,select,utimensat,chmod,faccessat2,times" },
    argv = { gaps }, norm = moving },
  -- AT_FDCWD<cwd>, the fds pipe2 and socketpair return, fds in fd sets and
  -- in SCM_RIGHTS, all with their paths.
  { "-y decode gaps", opts = { "-y" }, argv = { gaps }, norm = inodes },
  -- -n numbers signal and exit lines with the thread's last call.
  { "-n signal and exit", opts = { "-n" }, argv = { "sh", "-c", "trap : USR1; kill -USR1 $$; exit 3" },
    norm = moving },
  { "-n -f exits", opts = { "-n", "-f" }, argv = { "sh", "-c", "/bin/true; exit 2" },
    norm = function(l)
      return (l:gsub("^(%[%s*%d+%] getppid%(%) = )%d+", "%1PPID"))
    end },
}
