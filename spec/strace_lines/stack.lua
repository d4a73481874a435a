-- -k, --stack-traces (issue 11): the frames under each call, signal and exit,
-- on a guest built with -g -O0 (its own functions by name) and on a system
-- tool (stripped: libc's exported names).
local L, H = ...
local f = L.dir .. "/f.txt"
local g = H.guest("stack_guest")
return {
  { "-k guest", opts = { "-k" }, argv = { g }, stdout = true },
  { "--stack-traces guest", opts = { "--stack-traces" }, argv = { g } },
  { "-k -f fork exec", opts = { "-f", "-k" }, argv = { g, "exec" } },
  { "-k -e trace=write", opts = { "-k", "-e", "trace=write" }, argv = { g } },
  { "-k cat", opts = { "-k" }, argv = { "cat", f } },
}
