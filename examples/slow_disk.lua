-- slow_disk.lua: a slow disk. Each read and write of a regular file waits
-- --delay first (the guest thread sleeps in an injected nanosleep; other
-- threads and processes run on). Shows how a program copes with latency.
--   revel examples/slow_disk.lua --delay 5ms -- sha256sum /usr/bin/ls
local ffi = require("ffi")

local tool = { options = { delay = "1ms" }, subscriptions = { "read", "write", "pread64", "pwrite64" } }

local sleep

local function is_file(g, fd)
  local p = g:fd_path(fd)
  if not p then
    return false
  end
  return p:sub(1, 1) == "/" and p:sub(1, 5) ~= "/dev/" and p:sub(1, 6) ~= "/proc/"
end

function tool.init_global(config)
  local v, unit = config.delay:match("^([%d%.]+)(%a*)$")
  local us = tonumber(v) and tonumber(v) * (({ s = 1e6, ms = 1e3, us = 1, [""] = 1 })[unit] or 0)
  if not us or us <= 0 then
    error("--delay takes a time such as 5ms or 250us, not " .. config.delay)
  end
  -- struct timespec, as the bytes nanosleep reads from guest memory
  sleep = ffi.string(ffi.new("int64_t[2]", math.floor(us / 1e6), math.floor(us % 1e6) * 1000), 16)
  return {}
end

function tool.syscall(g, sc)
  if is_file(g, bit.tobit(sc.fd)) then
    g:inject(revel.sys.nanosleep(sleep, 0))
  end
end

return tool
