-- revel.tools.chrome_trace: --chrome-trace FILE, a layer that writes the run in
-- the Chrome trace event format (ui.perfetto.dev, chrome://tracing) over any
-- tool. examples/chrome_trace.lua is the same as a plain tool; this one also
-- marks exits and says how the run ended, and opens its file before the run.
local revel = require("revel")

local M = {}

local NORETURN = { exit = true, exit_group = true, rt_sigreturn = true }

local function str(s)
  return '"' .. s:gsub('[%c"\\\128-\255]', function(c)
    return ("\\u%04x"):format(c:byte())
  end) .. '"'
end

local function us(t) -- seconds to microseconds, to the nanosecond
  return ("%.3f"):format(t * 1e6)
end

local function comm(tid)
  local f = io.open("/proc/" .. tid .. "/comm")
  if not f then
    return tostring(tid)
  end
  local name = f:read("*l") or ""
  f:close()
  return name .. " " .. tid
end

-- A new layer writing to opts.output (a path), or nil and why it cannot be created.
function M.new(opts)
  local out, err = io.open(opts.output, "we") -- close-on-exec: not the guest's
  if not out then
    return nil, (err:gsub("^[^:]*: ", ""))
  end
  out:setvbuf("full")
  out:write('{"displayTimeUnit":"ns","traceEvents":[')
  local sep, base, named = "\n", nil, {}
  local function emit(fmt, ...)
    out:write(sep, fmt:format(...))
    sep = ",\n"
  end
  local function ts(t)
    base = base or t
    return us(t - base)
  end
  local function head(ph, g, name)
    return ('"ph":"%s","pid":%d,"tid":%d,"name":%s'):format(ph, g.pid, g.tid, str(name))
  end
  -- Names from /proc when a thread is first seen and again after an execve.
  local function name(g)
    if named[g.tid] then
      return
    end
    named[g.tid] = true
    emit('{"ph":"M","pid":%d,"tid":%d,"name":"process_name","args":{"name":%s}}', g.pid, g.pid, str(comm(g.pid)))
    emit('{"ph":"M","pid":%d,"tid":%d,"name":"thread_name","args":{"name":%s}}', g.pid, g.tid, str(comm(g.tid)))
  end
  local function instant(g, label, t, scope, args)
    emit('{%s,"s":"%s","ts":%s%s}', head("i", g, label), scope, ts(t), args and (',"args":{"call":%s}'):format(str(args)) or "")
  end

  local layer = { vdso = false } -- it traces the calls the tool under it sees, no more
  function layer.post_exec(g)
    named[g.tid] = nil
    name(g)
  end
  layer.thread_start = name

  -- The tool underneath runs the call (inner), or this layer does; the bar is
  -- from the entry to the exit that the handler waited on.
  function layer.syscall(g, sc, inner)
    name(g)
    local t0, text, fault = g:time(), tostring(sc), g:fault()
    local r = inner(g, sc)
    if r == nil and not NORETURN[sc.name] then
      r = g:inject(sc)
    end
    local extra = ""
    if r and r < 0 and r > -4096 then
      extra = (',"error":"%s"'):format(revel.errno_name(-r) or -r)
    end
    emit('{%s,"ts":%s,"dur":%s,"args":{"call":%s,"result":%s%s}}', head("X", g, sc.name), ts(t0),
      us(g:time() - t0), str(text), r and ("%d"):format(r) or '"?"', extra)
    if fault then
      instant(g, "fault " .. (fault < 0 and revel.errno_name(-fault) or tostring(fault)), t0, "t", text)
    end
    return r
  end

  function layer.signal(g, sig)
    name(g)
    instant(g, revel.signal_name(sig) or tostring(sig), g:time(), "t")
  end

  function layer.exit_process(g, _, code, status)
    local sig = status and bit.band(status, 0x7f) or 0
    local what = (sig ~= 0 and sig ~= 0x7f) and "killed by " .. (revel.signal_name(sig) or sig)
      or "exited with " .. code
    instant(g, what, g:time(), "p")
  end

  local closed = false
  local function close(other)
    if not closed then
      closed = true
      out:write('\n],"otherData":{', other, '}}\n')
      out:close()
    end
  end
  function layer.finish(_, code)
    close(('"exit_status":%d'):format(code))
  end
  -- revel failed (an error in the tool): the events so far, and why it ended.
  function layer.abandon(message)
    close('"error":' .. str("revel failed: " .. tostring(message)))
  end
  return layer
end

-- The layer of --chrome-trace: a file that cannot be created ends revel (125)
-- before the guest starts, as -o does.
function M.layer(path)
  local layer, err = M.new({ output = path })
  if not layer then
    error(require("revel._errors").run_error(("cannot open %s: %s"):format(path, err)), 0)
  end
  return layer
end

return M
