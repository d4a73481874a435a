-- chrome_trace.lua: writes the run as a Chrome trace (ui.perfetto.dev and
-- chrome://tracing open it): process and thread names, one complete event per
-- syscall from its entry to its exit (g:time()) with its strace line and result,
-- instant events for signals and injected faults. As Reverie's chrome_trace.
--   revel examples/chrome_trace.lua --out trace.json -- sh -c 'ls / | sort'
-- Over another tool: revel.compose(dofile("examples/chrome_trace.lua"), tool).
local revel = require("revel")
local tool = { options = { out = "trace.json" } }
local NORETURN = { exit = true, exit_group = true, rt_sigreturn = true }
local out, sep, base, named = nil, "\n", nil, {} -- the layer's own state: it may sit over any tool

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

local function emit(e) out:write(sep, enc(e)); sep = ",\n" end

local function us(t) -- microseconds since the first event
  base = base or t
  return math.floor((t - base) * 1e9 + 0.5) / 1e3
end

local function comm(tid)
  local f = io.open("/proc/" .. tid .. "/comm")
  local name = f and f:read("*l") or "?"
  return name, f and f:close()
end

local function name(g) -- metadata once per thread, and again after an execve
  if named[g.tid] then return end
  named[g.tid] = true
  local label = comm(g.tid)
  emit({ ph = "M", name = "process_name", pid = g.pid, tid = g.pid, args = { name = label .. " " .. g.pid } })
  emit({ ph = "M", name = "thread_name", pid = g.pid, tid = g.tid, args = { name = label .. " " .. g.tid } })
end

function tool.init_global(config)
  out = assert(io.open(config.out, "we")) -- "e": close-on-exec, not the guest's
  out:setvbuf("full")
  out:write('{"displayTimeUnit":"ns","traceEvents":[')
end

function tool.post_exec(g) named[g.tid] = nil; name(g) end
function tool.thread_start(g) name(g) end

function tool.syscall(g, sc, inner) -- inner: the tool underneath, when composed
  name(g)
  local t0, text, fault = g:time(), tostring(sc), g:fault()
  local r = inner and inner(g, sc) -- it may run the call itself (then g:time() is its exit)
  if r == nil and not NORETURN[sc.name] then r = g:inject(sc) end
  local args = { call = text, result = r or "?" }
  if r and r < 0 and r > -4096 then args.error = revel.errno_name(-r) end
  emit({ ph = "X", name = sc.name, pid = g.pid, tid = g.tid, ts = us(t0), dur = us(g:time()) - us(t0), args = args })
  if fault then
    emit({ ph = "i", s = "t", name = "fault " .. (revel.errno_name(-fault) or fault), pid = g.pid, tid = g.tid, ts = us(t0), args = { call = text } })
  end
  return r
end

function tool.signal(g, sig)
  name(g)
  emit({ ph = "i", s = "t", name = revel.signal_name(sig) or tostring(sig), pid = g.pid, tid = g.tid, ts = us(g:time()) })
end

function tool.finish()
  out:write("\n]}\n")
  out:close()
end

return tool
