-- revel._timeline_data (private): what --timeline shows, from the text its
-- printer wrote (strace -f -ttt -T lines, each after its thread id) and the
-- threads the layer saw (pid, parent thread, name): lanes in process-tree
-- order, the calls of each lane by start time, and the marks (signals,
-- injected faults, execs, exits). Times are microseconds from the first line.
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

local class_of = {}
do
  local api = rffi.api
  local bits = {}
  for _, c in ipairs({ "%network", "%process", "%memory", "%signal", "%file", "%desc" }) do
    bits[c] = api.class_by_name(c)
  end
  local function has(c, name)
    return bit.band(c, bits[name]) ~= 0
  end
  for nr, name in pairs(rffi.names) do
    local c = rffi.classes[nr] or 0
    class_of[name] = WAITS[name] and WAIT or has(c, "%network") and NETWORK or has(c, "%process") and PROCESS
      or has(c, "%memory") and MEMORY or has(c, "%signal") and SIGNAL
      or (has(c, "%file") or has(c, "%desc")) and FILE or OTHER
  end
end

-- How the run ended, in words, from the exit status revel returns.
function M.ending(code)
  if code > 128 and code < 128 + 65 then
    local sig = rffi.signal_name(code - 128)
    return ("the command was killed by %s (exit status %d)"):format(sig or ("signal " .. (code - 128)), code)
  end
  return ("the command exited with %d"):format(code)
end

-- Lanes: threads grouped by process, processes in tree order (a parent
-- before its children, siblings by pid), a process's leader first, then its
-- threads by tid.
local function lanes(seen, threads)
  local procs, list = {}, {}
  for tid in pairs(seen) do
    local pid = (threads[tid] or {}).pid or tid
    local p = procs[pid]
    if not p then
      p = { pid = pid, threads = {}, kids = {} }
      procs[pid] = p
      list[#list + 1] = p
    end
    p.threads[#p.threads + 1] = tid
  end
  local roots = {}
  for _, p in ipairs(list) do
    -- The parent process: that of the thread that made the leader (or,
    -- for a process whose leader revel never saw, its first thread).
    local lead = threads[p.pid] or threads[p.threads[1]] or {}
    local parent = lead.parent and (threads[lead.parent] or {}).pid or lead.parent
    local pp = parent and procs[parent]
    if pp and pp ~= p then
      pp.kids[#pp.kids + 1] = p
    else
      roots[#roots + 1] = p
    end
    table.sort(p.threads, function(a, b)
      if (a == p.pid) ~= (b == p.pid) then
        return a == p.pid
      end
      return a < b
    end)
  end
  local function by_pid(a, b)
    return a.pid < b.pid
  end
  local out = {}
  local function walk(p, depth)
    local pname = (threads[p.pid] or {}).name or (threads[p.threads[1]] or {}).name or "?"
    for i, tid in ipairs(p.threads) do
      out[#out + 1] = { tid = tid, pid = p.pid, depth = depth, first = i == 1,
        name = ((threads[tid] or {}).name or pname) .. " " .. tid, proc = pname .. " " .. p.pid }
    end
    table.sort(p.kids, by_pid)
    for _, k in ipairs(p.kids) do
      walk(k, depth + 1)
    end
  end
  table.sort(roots, by_pid)
  for _, p in ipairs(roots) do
    walk(p, 0)
  end
  return out
end

-- The page's data from the printer's text. meta: command (argv), ended.
function M.build(text, threads, meta)
  local calls, marks, pending, seen = {}, {}, {}, {}
  local base, base_ns, last = nil, 0, 0
  local function stamp(sec, frac)
    sec = tonumber(sec)
    local ns = tonumber(frac) * 10 ^ (9 - #frac)
    if not base then
      base, base_ns = sec, ns
    end
    local t = (sec - base) * 1e6 + (ns - base_ns) / 1e3
    if t > last then
      last = t
    end
    return t
  end
  local function finish_call(c, rest)
    local d = rest:match(" <(%d+%.%d+)>$")
    c.text = d and rest:sub(1, -(#d + 4)) or rest
    if d then
      c.dur = tonumber(d) * 1e6
      local t1 = c.start + c.dur
      if t1 > last then
        last = t1
      end
    end
    local flags = 0
    if c.text:find(" = %-1 E%u") or c.text:find(" = %-1 ERESTART") then
      flags = flags + 1
    end
    if c.text:find("(INJECTED)", 1, true) then
      flags = flags + 2
      marks[#marks + 1] = { c.tid, c.start, "fault", c.text }
    end
    c.flags = flags
    if (c.name == "execve" or c.name == "execveat") and c.text:find(" = 0$") then
      marks[#marks + 1] = { c.tid, c.start + (c.dur or 0), "exec", c.text }
    end
  end
  local thread_end = {}
  for line in text:gmatch("[^\n]+") do
    local tid, sec, frac, rest = line:match("^(%d+) +(%d+)%.(%d+) (.*)$")
    if tid then
      tid = tonumber(tid)
      seen[tid] = true
      local t = stamp(sec, frac)
      local name, args = rest:match("^([%w_]+)%((.*)$")
      if name then
        local c = { tid = tid, start = t, name = name }
        calls[#calls + 1] = c
        local head = args:match("^(.*) <unfinished %.%.%.>$")
        if head then
          c.text, c.flags = name .. "(" .. head, 0
          pending[tid] = c
        else
          finish_call(c, rest)
        end
      else
        local rname, tail = rest:match("^<%.%.%. ([%w_]+) resumed>(.*)$")
        local c = pending[tid]
        if rname and c then
          pending[tid] = nil
          finish_call(c, c.text .. tail)
        elseif rest:match("^%-%-%- ") then
          marks[#marks + 1] = { tid, t, "signal", rest }
        elseif rest:match("^%+%+%+ ") then
          marks[#marks + 1] = { tid, t, "exit", rest }
          thread_end[tid] = t
        end
      end
    end
  end
  -- Calls with no time: exit and exit_group end with their thread; a call
  -- still in flight when the run ended, at the last time seen.
  for _, c in ipairs(calls) do
    if not c.dur then
      local t1 = thread_end[c.tid] or last
      c.dur = math.max(0, t1 - c.start)
      if pending[c.tid] == c then
        c.flags = c.flags + 4
        c.text = c.text .. " <unfinished ...>"
      end
    end
  end
  local lane_list = lanes(seen, threads)
  local lane_of = {}
  for i, l in ipairs(lane_list) do
    lane_of[l.tid] = i - 1
  end
  table.sort(calls, function(a, b)
    local la, lb = lane_of[a.tid], lane_of[b.tid]
    if la ~= lb then
      return la < lb
    end
    return a.start < b.start
  end)
  for _, c in ipairs(calls) do
    c.lane, c.class = lane_of[c.tid], class_of[c.name] or OTHER
  end
  for _, m in ipairs(marks) do
    m[1] = lane_of[m[1]]
  end
  return { calls = calls, marks = marks, lanes = lane_list, span = last, command = meta.command,
    ended = meta.ended, classes = M.CLASSES }
end

return M
