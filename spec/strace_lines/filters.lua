-- The filters family (issue 11): -z, -Z, -e status=, -e signal=, -P PATH,
-- -e trace=/REGEX; each alone and with the options it is used with.
local L, H = ...
local f = L.dir .. "/f.txt"
local g = L.dir .. "/g.txt"
local link = L.dir .. "/link"
local none = L.dir .. "/none"
local dir = L.dir .. "/d"
-- A second file, a symlink to the first (-P resolves it, as strace) and a
-- directory the traces are not written to.
os.execute("printf 'x\\n' > " .. H.q(g) .. " && ln -sfn f.txt " .. H.q(link) .. " && mkdir -p "
  .. H.q(dir) .. " && touch " .. H.q(dir .. "/a") .. " " .. H.q(dir .. "/b"))
-- A shell killed by its own signal: "--- SIGUSR1 ---", "+++ killed by SIGUSR1 +++".
local killsh = { "sh", "-c", "kill -USR1 $$" }
-- Signals in a fixed order: SIGUSR1, SIGUSR2, a child killed by SIGTERM and
-- its SIGCHLD. (Its rt_sigpending line is left out: revel decodes the set
-- at entry, before the kernel fills it, a difference of the decoder's.)
local sigs = { H.guest("signals") }
-- With -f: a child, its SIGCHLD, then the kill. Where SIGCHLD finds the
-- shell is a race of the run: rt_sigreturn gives back what it interrupted.
-- (signals' own child races its parent's SIGTERM, so it is not run with -f.)
local catkill = { "sh", "-c", "cat " .. f .. " > /dev/null; kill -USR1 $$" }
local function sigreturn(l)
  return (l:gsub("^(rt_sigreturn%(.-%)) = .*$", "%1 = R"))
end
local nopending = { "-e", "trace=!rt_sigpending" }
-- strace -z's cut line and the rest of it (no pid before it) as one line.
local function zcut(text)
  local out = {}
  for l in text:gmatch("[^\n]+") do
    local prev = out[#out]
    if prev and prev:match(" <unfinished %.%.%.>$") and not l:match("^%d+%s") then
      out[#out] = prev:sub(1, -#" <unfinished ...>" - 1) .. l
    else
      out[#out + 1] = l
    end
  end
  return table.concat(out, "\n")
end
-- pthread_join waits in futex only when the thread has not exited yet.
local function nofutex(l)
  if not l:match("^futex%(") then
    return l
  end
end
-- Calls that fail and succeed, in two processes.
local failsh = { "sh", "-c", "cat " .. f .. " " .. none .. "; ls " .. dir .. " > /dev/null; true" }
return {
  { "-z", opts = { "-z" }, argv = { "cat", f, none } },
  { "-Z", opts = { "-Z" }, argv = { "cat", f, none } },
  { "--successful-only", opts = { "--successful-only" }, argv = { "cat", f, none } },
  { "--failed-only", opts = { "--failed-only" }, argv = { "cat", f, none } },
  { "-e status=unfinished", opts = { "-e", "status=unfinished" }, argv = { "cat", f } },
  { "-e status=!successful", opts = { "-e", "status=!successful" }, argv = { "cat", f, none } },
  { "--status=failed,unfinished", opts = { "--status=failed,unfinished" }, argv = { "cat", f, none } },
  { "-e status=all", opts = { "-e", "status=all" }, argv = { "cat", f, none } },
  { "-e status=none", opts = { "-e", "status=none" }, argv = { "cat", f, none } },
  { "-z -Z: the last says", opts = { "-z", "-Z" }, argv = { "cat", f, none } },
  { "-z -f sh -c", opts = { "-z", "-f" }, argv = failsh },
  { "-Z -f -e trace=%file", opts = { "-Z", "-f", "-e", "trace=%file" }, argv = failsh },
  { "-f -e status=unfinished threads", opts = { "-f", "-e", "status=unfinished", "-e", "trace=read,exit_group" },
    argv = { H.guest("exit_group_blocked") }, racy_fds = true },
  -- Threads in no traced call: their "+++ exited" lines come after
  -- exit_group's whole line, however revel hears of the exits (the first
  -- one used to cut it: 'exit_group(3 <unfinished ...>', then ')  = ?').
  { "-f -e status=unfinished threads in no call", opts = { "-f", "-e", "status=unfinished", "-e", "trace=exit_group" },
    argv = { H.guest("exit_group_paused") } },
  { "-f -z threads in no call", opts = { "-f", "-z", "-e", "trace=exit_group,write" },
    argv = { H.guest("exit_group_paused") } },
  -- strace 6.1 reports a thread's end in two events (its exit call, then
  -- '+++ exited'), and a call another thread enters between them has its
  -- staged line cut: 'close(4 <unfinished ...>', then ')  = 0' on a line
  -- of its own, with no pid. revel reports the end as one event and prints
  -- that call whole (a difference that stays): the halves are joined here,
  -- so that the calls themselves are compared.
  { "-z -f threads8", opts = { "-z", "-f" }, argv = { H.guest("threads8") }, racy_fds = true,
    raw = zcut, norm = nofutex },
  { "-P file cat", opts = { "-P", f }, argv = { "cat", f, g } },
  { "-P dir ls", opts = { "-P", dir }, argv = { "ls", dir } },
  { "-P twice", opts = { "-P", f, "--trace-path", g }, argv = { "cat", f, g } },
  { "-P symlink", opts = { "--trace-path=" .. link }, argv = { "cat", link } },
  { "-P missing", opts = { "-P", none }, argv = { "cat", f } },
  { "-P -f sh -c", opts = { "-f", "-P", f }, argv = failsh },
  { "-P -z", opts = { "-P", f, "-z" }, argv = { "cat", f, none } },
  { "-e signal=!SIGCHLD", opts = { "-e", "signal=!SIGCHLD", unpack(nopending) }, argv = sigs, stdout = true },
  { "-f -e signal=!SIGCHLD sh -c", opts = { "-f", "-e", "signal=!SIGCHLD" }, argv = catkill, norm = sigreturn },
  { "-f --signal=usr1,17 sh -c", opts = { "-f", "--signal=usr1,17" }, argv = catkill, norm = sigreturn },
  { "-e signal=SIGUSR2 -z", opts = { "-e", "signal=SIGUSR2", "-z", unpack(nopending) }, argv = sigs },
  { "-e signal=none: no killed line", opts = { "-e", "signal=none" }, argv = killsh },
  { "-e s=!usr1: no killed line", opts = { "-e", "s=!usr1" }, argv = killsh },
  { "-e signal=SIGUSR1", opts = { "-e", "signal=SIGUSR1" }, argv = killsh },
  { "-e trace=/^open", opts = { "-e", "trace=/^open" }, argv = { "cat", f } },
  { "-f -e trace=/^open", opts = { "-f", "-e", "trace=/^open" }, argv = failsh },
  { "-e trace=/REGEX ERE", opts = { "-e", "trace=/^(read|close)$,/stat" }, argv = { "cat", f } },
  { "-e trace=!/REGEX", opts = { "-e", "trace=!/^(mmap|mprotect|m?unmap)$" }, argv = { "cat", f } },
  { "-e trace=?/REGEX unmatched", opts = { "-e", "trace=?/^nothing$,close" }, argv = { "cat", f } },
  { "-e trace=/REGEX i386 only", opts = { "-e", "trace=/^waitpid$" }, argv = { "cat", f } },
}
