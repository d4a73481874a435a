-- The default tool: one strace-like line per syscall, on stderr or -o FILE.
local revel = require("revel")
local rffi = require("revel.ffi")

local tool = { subscriptions = { "all" } }

local out = io.stderr
local multi = false -- prefix lines with [pid N] once there is more than one task
local live = 0

function tool.configure(opts)
  if opts.output then
    local f, err = io.open(opts.output, "w")
    if not f then
      return nil, err
    end
    out = f
  end
  return true
end

local never_return = { exit = true, exit_group = true, rt_sigreturn = true }

local function line(g, text)
  if multi then
    out:write("[pid ", g.tid, "] ", text, "\n")
  else
    out:write(text, "\n")
  end
end

local function render(g, sc)
  local an = rffi.argnames[sc.nr] or {}
  local parts = {}
  for i = 1, #an do
    local v = sc.args[i]
    local n = an[i]
    if (n == "pathname" or n == "filename" or n == "path" or n == "oldpath" or n == "newpath")
      and v ~= 0 then
      local s = g:string(v, 4096)
      parts[i] = s and string.format("%q", s) or string.format("%#x", v)
    elseif v >= 0 and v < 65536 or v < 0 and v > -65536 then
      parts[i] = string.format("%d", v)
    else
      parts[i] = string.format("%#x", v)
    end
  end
  return sc.name .. "(" .. table.concat(parts, ", ") .. ")"
end

local function result(r)
  if r < 0 and r > -4096 then
    local name = rffi.errno_name(-r) or tostring(-r)
    return ("-1 %s (%s)"):format(name, rffi.strerror(-r))
  elseif r >= 0 and r < 65536 then
    return string.format("%d", r)
  end
  return string.format("%#x", r)
end

function tool.init_thread()
  live = live + 1
  if live > 1 then
    multi = true
  end
  return {}
end

function tool.exit_thread()
  live = live - 1
end

function tool.syscall(g, sc)
  local text = render(g, sc)
  if never_return[sc.name] then
    line(g, text .. " = ?")
    return
  end
  local r = g:inject(sc)
  line(g, text .. " = " .. result(r))
  return r
end

function tool.exit_process(g, _, code)
  if code >= 128 then
    line(g, ("+++ killed by %s +++"):format(rffi.signal_name(code - 128) or tostring(code - 128)))
  else
    line(g, ("+++ exited with %d +++"):format(code))
  end
end

function tool.finish()
  out:flush()
end

return tool
