-- Comparing strace-style traces: normalise run-to-run noise (pids, addresses,
-- times, random bytes, the padding before "="), join "<unfinished ...>" with
-- its "<... NAME resumed>" line, and score two traces by the lines they share
-- (as multisets: another thread's line may come first in one run).
local C = {}

local function lines_of(text)
  local t = {}
  for l in text:gmatch("[^\n]+") do
    t[#t + 1] = l
  end
  return t
end

-- Splits "1234  rest" / "[pid  1234] rest" into pid, rest.
local function split_pid(l)
  local pid, rest = l:match("^(%d+)%s+(.*)$")
  if pid then
    return pid, rest
  end
  pid, rest = l:match("^%[pid%s+(%d+)%] (.*)$")
  if pid then
    return pid, rest
  end
  return "", l
end

-- The lines of a trace, joined and normalised; pids become PID. With
-- racy_fds, the fd numbers threads race for (pipe2, read, write, close) too.
-- Calls whose result is a guest's pid or tid: without -f no line has a
-- pid prefix, and these tell the pids that kill, wait4 and si_pid show.
local PID_RESULTS = { "^getpid%(%)%s+= (%d+)$", "^gettid%(%)%s+= (%d+)$",
  "^set_tid_address%(.-%)%s+= (%d+)$", "^clone3?%(.-%)%s+= (%d+)$", "^v?fork%(%)%s+= (%d+)$" }

function C.normalise(text, racy_fds)
  local raw = lines_of(text)
  local pids, joined, pending = {}, {}, {}
  for _, l in ipairs(raw) do
    local _, rest = split_pid(l)
    for _, pat in ipairs(PID_RESULTS) do
      local n = rest:match(pat)
      if n then
        pids[n] = true
      end
    end
  end
  for _, l in ipairs(raw) do
    local pid, rest = split_pid(l)
    if pid ~= "" then
      pids[pid] = true
    end
    local head = rest:match("^(.-) <unfinished %.%.%.>$")
    if head then
      pending[pid] = head
    else
      local name, tail = rest:match("^<%.%.%. ([%w_]+) resumed>(.*)$")
      if name then
        local h = pending[pid]
        pending[pid] = nil
        rest = (h or (name .. "(")) .. tail
      end
      joined[#joined + 1] = rest
    end
  end
  for _, h in pairs(pending) do
    joined[#joined + 1] = h .. " <unfinished ...>"
  end
  local out = {}
  for i, l in ipairs(joined) do
    l = l:gsub("%)%s+= ", ") = ")
    l = l:gsub("0x%x%x%x%x%x%x+", "0xADDR")
    l = l:gsub("%d+", function(n)
      return pids[n] and #n >= 3 and "PID" or n
    end)
    -- Clocks and counters that move between runs.
    l = l:gsub("(tv_[nu]?sec=)%d+", "%1N")
    l = l:gsub("(si_[us]time=)%d+", "%1N")
    l = l:gsub("%d%d:%d%d:%d%d", "HH:MM:SS")
    if l:match("^sysinfo%(") or l:match("^statfs%(") or l:match("^fstatfs%(") then
      l = l:gsub("%d+", "N")
    end
    l = l:gsub('^getrandom%(".-"', 'getrandom("RANDOM"')
    -- Not a guest's pid: the tracer's own, or its parent's.
    l = l:gsub("^getppid%(%) = %d+", "getppid() = PPID")
    -- Ephemeral ports and addresses quoted in data (/proc/self/maps...).
    l = l:gsub("htons%((%d+)%)", function(p)
      return tonumber(p) >= 1024 and "htons(PORT)" or nil
    end)
    l = l:gsub("%x%x%x%x%x%x%x%x+%-%x+", "ADDR-ADDR")
    if racy_fds then
      l = l:gsub("^pipe2%(%[%d+, %d+%]", "pipe2([FD, FD]")
      l = l:gsub("^(%a+)%(%d+,", "%1(FD,")
      l = l:gsub("^close%(%d+%)", "close(FD)")
    end
    out[i] = l
  end
  return out
end

-- Lines shared by a and b (as multisets), and the score: shared lines over
-- the longer trace.
function C.score(a, b)
  local count = {}
  for _, l in ipairs(a) do
    count[l] = (count[l] or 0) + 1
  end
  local shared = 0
  for _, l in ipairs(b) do
    local n = count[l]
    if n and n > 0 then
      count[l] = n - 1
      shared = shared + 1
    end
  end
  local longest = math.max(#a, #b)
  return longest == 0 and 1 or shared / longest, shared, longest
end

-- Lines of a missing from b and of b missing from a.
function C.diff(a, b)
  local count = {}
  for _, l in ipairs(b) do
    count[l] = (count[l] or 0) + 1
  end
  local only_a = {}
  for _, l in ipairs(a) do
    local n = count[l]
    if n and n > 0 then
      count[l] = n - 1
    else
      only_a[#only_a + 1] = l
    end
  end
  local only_b = {}
  count = {}
  for _, l in ipairs(a) do
    count[l] = (count[l] or 0) + 1
  end
  for _, l in ipairs(b) do
    local n = count[l]
    if n and n > 0 then
      count[l] = n - 1
    else
      only_b[#only_b + 1] = l
    end
  end
  return only_a, only_b
end

return C
