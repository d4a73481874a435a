-- revel._timeline_data (private): what the --timeline page needs besides the
-- trace text: each syscall's class (file, network, process, memory, signal,
-- wait, other), the threads the layer saw (pid, parent thread, name) and how
-- the run ended. The page itself (revel._timeline_parse) reads the trace.
local rffi = require("revel.ffi")

local M = {}

M.CLASSES = { "file", "network", "process", "memory", "signal", "wait", "other" }
local FILE, NETWORK, PROCESS, MEMORY, SIGNAL, WAIT, OTHER = 0, 1, 2, 3, 4, 5, 6

-- Calls that wait: on a child, a futex, a descriptor, a timer or a signal.
local WAITS = {}
for w in ([[wait4 waitid futex futex_waitv poll ppoll select pselect6 epoll_wait epoll_pwait
  epoll_pwait2 nanosleep clock_nanosleep pause rt_sigsuspend rt_sigtimedwait sched_yield
  io_getevents io_pgetevents msgrcv semop semtimedop mq_timedreceive]]):gmatch("%S+") do
  WAITS[w] = true
end

-- name -> class index (into CLASSES, from 0).
function M.class_map()
  local api = rffi.api
  local bits = {}
  for _, c in ipairs({ "%network", "%process", "%memory", "%signal", "%file", "%desc" }) do
    bits[c] = api.class_by_name(c)
  end
  local function has(c, name)
    return bit.band(c, bits[name]) ~= 0
  end
  local map = {}
  for nr, name in pairs(rffi.names) do
    local c = rffi.classes[nr] or 0
    map[name] = WAITS[name] and WAIT or has(c, "%network") and NETWORK or has(c, "%process") and PROCESS
      or has(c, "%memory") and MEMORY or has(c, "%signal") and SIGNAL
      or (has(c, "%file") or has(c, "%desc")) and FILE or OTHER
  end
  return map
end

-- How the run ended, in words, from the exit status revel returns.
function M.ending(code)
  if code > 128 and code < 128 + 65 then
    local sig = rffi.signal_name(code - 128)
    return ("the command was killed by %s (exit status %d)"):format(sig or ("signal " .. (code - 128)), code)
  end
  return ("the command exited with %d"):format(code)
end

return M
