-- The time family (issue 11): -t, -tt, -ttt, --absolute-timestamps, -r, -T
-- with their precisions, alone and together, on calls, resumed and
-- unfinished lines, signal and exit lines; -c and -C with -w, -S, -U, -O.
-- Times are compared by format (their digits masked), -c's time columns not
-- at all (helpers/strace_lines.lua).
local L, H = ...
local f = L.dir .. "/f.txt"
local cat = { "cat", f }
local sh = { "sh", "-c", "cat " .. f .. " > /dev/null; /bin/true" }
-- The shell's SIGCHLD comes during one call or another: what rt_sigreturn
-- gives back (that call's result) moves between runs.
local function sigreturn(l)
  return (l:gsub("(rt_sigreturn%(.-%)) = %S+", "%1 = R"))
end
return {
  { "-t", opts = { "-t" }, argv = cat },
  { "-tt", opts = { "-tt" }, argv = cat },
  { "-ttt", opts = { "-ttt" }, argv = cat },
  { "-r", opts = { "-r" }, argv = cat },
  { "-T", opts = { "-T" }, argv = cat },
  { "-tt -T -f sh -c", opts = { "-tt", "-T", "-f" }, argv = sh, norm = sigreturn },
  { "-t -f sh -c", opts = { "-t", "-f" }, argv = sh, norm = sigreturn },
  { "-ttt -r -T", opts = { "-ttt", "-r", "-T" }, argv = cat },
  { "-t -r", opts = { "-t", "-r" }, argv = cat },
  { "--absolute-timestamps=format:unix,precision:ms", opts = { "--absolute-timestamps=format:unix,precision:ms" },
    argv = cat },
  { "--timestamps=ns", opts = { "--timestamps=ns" }, argv = cat },
  { "--absolute-timestamps", opts = { "--absolute-timestamps" }, argv = cat },
  { "--relative-timestamps=ms", opts = { "--relative-timestamps=ms" }, argv = cat },
  { "--relative-timestamps=s", opts = { "--relative-timestamps=s" }, argv = cat },
  { "--syscall-times=ns", opts = { "--syscall-times=ns" }, argv = cat },
  { "--syscall-times=s -tt", opts = { "--syscall-times=s", "-tt" }, argv = cat },
  -- a child's lines cut its parent's wait4: "<unfinished ...>", then "<... wait4 resumed>"
  { "-tt -T -f sh -c 'cat &; wait'", opts = { "-tt", "-T", "-f" }, argv = { "sh", "-c", "cat " .. f .. " >/dev/null & wait" } },
  { "-r -f sh -c kill", opts = { "-r", "-f" }, argv = { "sh", "-c", "kill -USR1 $$" } },
  { "-c", opts = { "-c" }, argv = cat },
  { "-c -f sh -c", opts = { "-c", "-f" }, argv = sh, norm = sigreturn },
  { "-c -S calls", opts = { "-c", "-S", "calls" }, argv = cat },
  { "-c -U name,calls", opts = { "-c", "-U", "name,calls" }, argv = cat },
  { "-c -w -S errors -U min-time,max-time,avg-time,name,calls,errors",
    opts = { "-c", "-w", "-S", "errors", "-U", "min-time,max-time,avg-time,name,calls,errors" }, argv = cat },
  { "-c -O 1ms -S nothing", opts = { "-c", "-O", "1ms", "-S", "nothing" }, argv = cat },
  { "-C", opts = { "-C" }, argv = cat },
  { "-C -tt -T -f sh -c", opts = { "-C", "-tt", "-T", "-f" }, argv = sh, norm = sigreturn },
  { "-w -c", opts = { "-w", "-c" }, argv = cat },
}
