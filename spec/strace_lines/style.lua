-- Output style (issue 11): -a, -A, -x, -xx, --strings-in-hex, -X, -e raw=,
-- -e read= / -e write= dumps, -s 0, -n with -i, -yy and --decode-fds=, -Y,
-- -v and -e abbrev= / -e verbose=.
local L, H = ...
local f = L.dir .. "/f.txt"
local bin = L.dir .. "/bin.dat"
local mix = L.dir .. "/mix.dat"
os.execute("head -c 300 /bin/true > " .. H.q(bin) .. " && printf 'ab\\001c\\200d\\n\"q\\\\' > " .. H.q(mix))
-- Sockets' inodes, ephemeral ports and the guest's pid move between runs.
local function net(l)
  l = l:gsub("%[%d%d%d%d+", "[INODE"):gsub("%->%d%d%d%d+", "->INODE"):gsub(":%d%d%d%d+", ":PORT")
  l = l:gsub("^kill%(%d+", "kill(PID"):gsub("^getpid%(%) += %d+", "getpid() = PID")
  l = l:gsub("pidfd_open%(%d+", "pidfd_open(PID"):gsub("<pid:%d+>", "<pid:PID>")
  return l
end
local io = { H.guest("style_io"), L.dir .. "/io" }
-- style_names: constants decoders name themselves (UTIME_NOW, SS_DISABLE,
-- FUTEX_BITSET_MATCH_ANY, d_type, F_GETLK's lock type), which -X prints as
-- numbers too; in a directory of its own, so that getdents64 reads the same.
local names_dir = L.dir .. "/names.d"
os.execute("mkdir -p " .. H.q(names_dir) .. " && touch " .. H.q(names_dir .. "/names"))
local names = { H.guest("style_names"), names_dir }
local names_calls = "trace=utimensat,futex,sigaltstack,prlimit64,rt_sigaction,fcntl,mknodat,getdents64"
-- term_io: the termios of a pty of its own (TCGETS, TCSETS*), winsize, and
-- uname and getrusage, whole under -v; the rusage counters move.
local term = { H.guest("term_io") }
local term_calls = "trace=ioctl,uname,getrusage"
local function rusage(l)
  return (l:gsub("(ru_%a+)=%d+", "%1=N"))
end
-- -Y: the tracer's own name (a child's before its exec, a getppid's) is not
-- the guest's; the name of a pid a fork returns or a SIGCHLD carries is read
-- while the child execs or is reaped, and a -f prefix's while the thread
-- execs: races in strace too, so those names are left out (output_style_spec
-- checks the prefix's form).
local function comm_prefix(text)
  return (("\n" .. text):gsub("\n(%d+)<[^>\n]*> ", "\n%1 "):sub(2))
end
local function comm(l)
  l = net(l):gsub("<strace>", "<TRACER>"):gsub("<revel>", "<TRACER>")
  l = l:gsub("^(v?fork%(%) += PID)<[^>]*>", "%1"):gsub("(resumed>%) += PID)<[^>]*>", "%1")
  l = l:gsub("(si_pid=PID)<[^>]*>", "%1"):gsub("^getppid%(%) = %d+<TRACER>", "getppid() = PPID")
  return l
end
-- -v: the environment's "_" is the tracer's own path.
local function env(l)
  return (l:gsub('"_=[^"]*"', '"_=TRACER"'))
end
-- Without -f no pid is in a prefix for the normaliser to know: the child's
-- and the shell's pids move; rt_sigreturn returns what the SIGCHLD cut into
-- (wait4's pid or 0), which races.
local function racy(l)
  l = l:gsub("%d%d%d+", "N")
  return (l:gsub("^(rt_sigreturn%b()) = %w+$", "%1 = R"))
end
return {
  { "-a 20", opts = { "-a", "20" }, argv = { "cat", f }, pad = true },
  { "-a 60 --columns", opts = { "--columns=60" }, argv = { "cat", f }, pad = true },
  { "-a 0", opts = { "-a0" }, argv = { "cat", f }, pad = true },
  { "default column", opts = {}, argv = { "cat", f }, pad = true },
  { "-A -o twice", opts = { "-A" }, argv = { "cat", f }, pre = "echo 'a line before' > \"$OUT\"" },
  { "-s 0", opts = { "-s", "0" }, argv = { "cat", f } },
  { "-n -i", opts = { "-n", "-i" }, argv = { "cat", f } },
  { "-x binary", opts = { "-x" }, argv = { "cat", bin, mix } },
  { "-xx", opts = { "-xx" }, argv = { "cat", f, mix } },
  { "--strings-in-hex=non-ascii-chars", opts = { "--strings-in-hex=non-ascii-chars" }, argv = { "cat", mix, bin } },
  { "--strings-in-hex", opts = { "--strings-in-hex" }, argv = { "cat", mix } },
  { "-X raw", opts = { "-X", "raw" }, argv = { "cat", f } },
  { "-X verbose", opts = { "-Xverbose" }, argv = { "cat", f } },
  { "-X raw sh (signals, masks)", opts = { "-X", "raw" }, argv = { "sh", "-c", "ls " .. L.dir .. " > /dev/null" },
    norm = racy },
  { "-X verbose sh (signals, masks)", opts = { "-X", "verbose" }, argv = { "sh", "-c", "ls " .. L.dir .. " > /dev/null" },
    norm = racy },
  { "-X abbrev", opts = { "--const-print-style=abbrev" }, argv = { "cat", f } },
  { "decoders' own names", opts = { "-e", names_calls }, argv = names },
  { "-X raw decoders' own names", opts = { "-X", "raw", "-e", names_calls }, argv = names },
  { "-X verbose decoders' own names", opts = { "-X", "verbose", "-e", names_calls }, argv = names },
  { "termios", opts = { "-e", term_calls }, argv = term, stdout = true, norm = rusage },
  { "-v termios, uname, getrusage", opts = { "-v", "-e", term_calls }, argv = term, norm = rusage },
  { "-X raw termios", opts = { "-X", "raw", "-e", term_calls }, argv = term, norm = rusage },
  { "-v -X verbose termios", opts = { "-v", "-X", "verbose", "-e", term_calls }, argv = term, norm = rusage },
  { "-v -X verbose decoders' own names", opts = { "-v", "-X", "verbose", "-e", names_calls }, argv = names },
  { "-e raw=openat,read", opts = { "-e", "raw=openat,read" }, argv = { "cat", f, "/nonexistent" } },
  { "-e raw=all", opts = { "--raw=all" }, argv = { "cat", f } },
  { "-e read=3", opts = { "-e", "read=3" }, argv = { "cat", bin } },
  { "-e write=1", opts = { "-e", "write=1" }, argv = { "cat", bin, mix } },
  { "-e read=all write=!2", opts = { "--read=all", "-e", "w=!2" }, argv = { "cat", mix } },
  { "-e write=1 writev", opts = { "-e", "write=1" }, argv = { H.guest("style_io"), L.dir .. "/io" }, stdout = true },
  { "-e read=3 write=3 readv", opts = { "-e", "read=3", "-e", "write=3", "-e", "trace=%desc" },
    argv = { H.guest("style_io"), L.dir .. "/io" } },
  { "-yy", opts = { "-yy" }, argv = io, norm = net },
  { "--decode-fds=all", opts = { "--decode-fds=all" }, argv = io, norm = net },
  { "--decode-fds=socket", opts = { "--decode-fds=socket" }, argv = io, norm = net },
  { "--decode-fds=dev,pidfd", opts = { "--decode-fds=dev,pidfd" }, argv = io, norm = net },
  { "--decode-fds=path,socket", opts = { "--decode-fds=path,socket" }, argv = io, norm = net },
  { "-yy -f sh /dev/null", opts = { "-yy", "-f" }, argv = { "sh", "-c", "echo x > /dev/null; cat " .. f .. " > /dev/null" } },
  { "-yy", opts = { "-yy" }, argv = io, norm = net },
  { "--decode-fds=all", opts = { "--decode-fds=all" }, argv = io, norm = net },
  { "--decode-fds=socket", opts = { "--decode-fds=socket" }, argv = io, norm = net },
  { "--decode-fds=dev,pidfd", opts = { "--decode-fds=dev,pidfd" }, argv = io, norm = net },
  { "--decode-fds=path,socket", opts = { "--decode-fds=path,socket" }, argv = io, norm = net },
  { "-yy -f sh /dev/null", opts = { "-yy", "-f" }, argv = { "sh", "-c", "echo x > /dev/null; cat " .. f .. " > /dev/null" } },
  { "-Y", opts = { "-Y" }, argv = io, norm = comm },
  { "--decode-pids=comm -f sh", opts = { "--decode-pids=comm", "-f" }, raw = comm_prefix, norm = comm,
    argv = { "sh", "-c", "cat " .. f .. " > /dev/null; kill -0 $$; " .. H.guest("style_io") .. " " .. L.dir .. "/io2" } },
  { "-v", opts = { "-v" }, argv = { "cat", f }, norm = env },
  { "-v stat", opts = { "--no-abbrev" }, argv = { "stat", f }, norm = env },
  { "-v ls -l", opts = { "-v" }, argv = { "ls", "-l", "/dev/null" }, norm = env },
  { "-e abbrev=none -s 0", opts = { "-e", "abbrev=none", "-s", "0" }, argv = { "cat", f }, norm = env },
  { "-e abbrev=execve", opts = { "-e", "a=execve" }, argv = { "cat", f }, norm = env },
  { "-e abbrev=!execve", opts = { "--abbrev=!execve" }, argv = { "stat", f } },
  { "-e verbose=none", opts = { "-e", "verbose=none" }, argv = { "ls", "-l", "/dev/null", f } },
  { "-e verbose=!newfstatat", opts = { "-e", "v=!newfstatat" }, argv = { "cat", f } },
  { "-e verbose=none timespec", opts = { "-e", "verbose=none" }, argv = { "sleep", "0.01" } },
  { "-e verbose=!clock_nanosleep", opts = { "-e", "verbose=!clock_nanosleep", "-e", "trace=clock_nanosleep" },
    argv = { "sleep", "0.01" } },
  { "-e read=all write=all sockets", opts = { "-e", "read=all", "-e", "write=all", "-e", "trace=%network,read,write" },
    argv = { H.guest("style_io"), L.dir .. "/io" } },
}
