-- The startup family (issue 11): -E, -u, -D/-DD/-DDD, -I, --seccomp-bpf.
local L, H = ...
local f = L.dir .. "/f.txt"
return {
  { "-E VAR=VAL", opts = { "-E", "REVEL_E=set" }, argv = { "sh", "-c", "echo $REVEL_E" }, stdout = true },
  { "--env=VAR (unset)", opts = { "--env=HOME" }, argv = { "sh", "-c", "echo ${HOME-unset}" }, stdout = true },
  { "--seccomp-bpf", opts = { "--seccomp-bpf" }, argv = { "cat", f } },
  { "-u nobody", opts = { "-u", "nobody" }, argv = { "id" }, stdout = true },
  { "--user=nobody -f", opts = { "--user=nobody", "-f" }, argv = { "sh", "-c", "id -u; id -G" }, stdout = true },
  { "-D", opts = { "-D" }, argv = { "cat", f }, detached = true, stdout = true },
  { "-DD", opts = { "-DD" }, argv = { "cat", f }, detached = true },
  { "--daemonize=session", opts = { "--daemonize=session" }, argv = { "cat", f }, detached = true },
  { "-D -u nobody", opts = { "-D", "-u", "nobody" }, argv = { "id" }, detached = true, stdout = true },
  { "-I 1", opts = { "-I", "1" }, argv = { "cat", f } },
  { "-I never", opts = { "-I", "never" }, argv = { "cat", f } },
  { "--interruptible=4", opts = { "--interruptible=4" }, argv = { "cat", f } },
}
