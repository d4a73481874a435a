-- chrome_trace.lua: writes the run as a Chrome trace (ui.perfetto.dev and
-- chrome://tracing open it): process and thread names, one complete event per
-- syscall from its entry to its exit (g:time()) with its strace line and result,
-- instant events for signals and injected faults. As Reverie's chrome_trace.
--   revel examples/chrome_trace.lua --out trace.json -- sh -c 'ls / | sort'
-- Over another tool: revel.compose(dofile("examples/chrome_trace.lua"), tool).
-- Runs under both backends: the file is written in revel's own process
-- (init_global, tool.rpc, finish); the handlers, which under --backend=guest
-- run inside each guest process, where the file's variables set by
-- init_global are nil, hand their events over with g:rpc.
local revel = require("revel")
local tool = { options = { out = "trace.json" } }
local NORETURN = { exit = true, exit_group = true, rt_sigreturn = true }
if revel.backend == "guest" then -- g:inject cannot run these in the guest yet: they run as the guest made them
  for _, n in ipairs({ "execve", "execveat", "fork", "vfork", "clone", "clone3" }) do NORETURN[n] = true end
end
-- revel's side, set by init_global: the layer's own state, so it may sit
-- over any tool (but one with a tool.rpc of its own under --backend=guest).
local out, sep, base, named = nil, "\n", nil, {}

local function enc(v) -- JSON of strings, numbers and tables with string keys
  if type(v) == "string" then
    return '"' .. v:gsub('[%c"\\\128-\255]', function(c) return ("\\u%04x"):format(c:byte()) end) .. '"'
  elseif type(v) == "table" then
    local parts = {}
    for k, x in pairs(v) do parts[#parts + 1] = enc(k) .. ":" .. enc(x) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  return (type(v) == "number" and v % 1 ~= 0) and ("%.3f"):format(v) or tostring(v)
end

local function write(e) out:write(sep, enc(e)); sep = ",\n" end

local function us(t) -- microseconds since the first event
  base = base or t
  return math.floor((t - base) * 1e9 + 0.5) / 1e3
end

local function comm(tid)
  local f = io.open("/proc/" .. tid .. "/comm")
  local name = f and f:read("*l") or "?"
  return name, f and f:close()
end

local function name(pid, tid) -- metadata once per thread, and again after an execve
  if named[tid] then return end
  named[tid] = true
  local label = comm(tid)
  write({ ph = "M", name = "process_name", pid = pid, tid = pid, args = { name = label .. " " .. pid } })
  write({ ph = "M", name = "thread_name", pid = pid, tid = tid, args = { name = label .. " " .. tid } })
end

-- In revel's process: an event from a thread (its thread named first), a
-- time in seconds as ts and dur.
function tool.rpc(_, _, m)
  if m.renamed then named[m.tid] = nil end
  name(m.pid, m.tid)
  local e = m.event
  if e then
    local t0 = e.ts
    e.ts = us(t0)
    if e.dur then e.dur = us(t0 + e.dur) - e.ts end
    write(e)
  end
end

-- In the thread's process (revel's under ptrace, the guest's under guest).
local function emit(g, e, renamed) g:rpc({ pid = g.pid, tid = g.tid, event = e, renamed = renamed }) end

function tool.init_global(config)
  out = assert(io.open(config.out, "we")) -- "e": close-on-exec, not the guest's
  out:setvbuf("full")
  out:write('{"displayTimeUnit":"ns","traceEvents":[')
end

function tool.post_exec(g) emit(g, nil, true) end
function tool.thread_start(g) emit(g) end

function tool.syscall(g, sc, inner) -- inner: the tool underneath, when composed
  local t0, text, fault = g:time(), tostring(sc), g:fault()
  local r = inner and inner(g, sc) -- it may run the call itself (then g:time() is its exit)
  if r == nil and not NORETURN[sc.name] then r = g:inject(sc) end
  local args = { call = text, result = r or "?" }
  if r and r < 0 and r > -4096 then args.error = revel.errno_name(-r) end
  emit(g, { ph = "X", name = sc.name, pid = g.pid, tid = g.tid, ts = t0, dur = g:time() - t0, args = args })
  if fault then
    emit(g, { ph = "i", s = "t", name = "fault " .. (revel.errno_name(-fault) or fault), pid = g.pid, tid = g.tid, ts = t0, args = { call = text } })
  end
  return r
end

function tool.signal(g, sig)
  emit(g, { ph = "i", s = "t", name = revel.signal_name(sig) or tostring(sig), pid = g.pid, tid = g.tid, ts = g:time() })
end

function tool.finish()
  out:write("\n]}\n")
  out:close()
end

return tool
