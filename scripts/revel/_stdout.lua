-- revel._stdout: a tool's output under the revel command. `revel.out` is the
-- tool's output stream: -o FILE (line-buffered, close-on-exec) or stderr, and
-- `print` in a tool writes there, not into the guest's stdout. io.write goes
-- to revel's stdout, flushed at once: the guest writes to the same stdout,
-- straight to the fd, so a tool's line must be out before the guest's call
-- runs on, not held in a buffer behind all the guest wrote (a flush, unlike a
-- line-buffered write, says why it failed). A write that fails (a full disk,
-- /dev/full) loses the tool's output: said once per stream, at the first
-- failed write, as the default tool says it for -o FILE; the exit status
-- stays the guest's, as strace's does.
local ffi = require("ffi")

pcall(ffi.cdef, "int ferror(void *stream); extern void *stdout;")

local M = {}

local said = {}
local function failed(name, err)
  if not said[name] then
    said[name] = true
    io.stderr:write("revel: ", name, ": ", tostring(err), "\n")
  end
end

-- revel.out for -o PATH (append: -A), or nil and why it cannot be opened.
function M.open(revel, path, append)
  local f, err = io.open(path, append and "ae" or "we")
  if not f then
    return nil, (err:gsub("^[^:]*: ", ""))
  end
  f:setvbuf("line")
  revel.out, M.name = f, path
  return f
end

function M.check_writes(revel)
  local write = io.write
  io.write = function(...)
    local f, err = write(...)
    if f and io.output() == io.stdout then
      f, err = io.stdout:flush()
    end
    if not f and io.output() == io.stdout then
      failed("stdout", err)
    end
    return f, err
  end
  _G.print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do
      parts[i] = tostring((select(i, ...)))
    end
    local out = revel.out or io.stderr
    -- One write: a whole line, also on unbuffered stderr.
    local ok, err = out:write(table.concat(parts, "\t") .. "\n")
    if not ok then
      failed(out == io.stderr and "stderr" or M.name or "revel.out", err)
    end
  end
end

-- The last of stdout and of revel.out: a final write that fails, or one a
-- tool made with io.stdout:write and did not check.
function M.flush(revel)
  local ok, err = io.stdout:flush()
  if not ok then
    failed("stdout", err)
  elseif ffi.C.ferror(ffi.C.stdout) ~= 0 then
    failed("stdout", "a write failed, output was lost")
  end
  local out = revel.out
  if out and out ~= io.stderr and io.type(out) == "file" then
    ok, err = out:flush()
    if ok and ffi.C.ferror(ffi.cast("void *", out)) ~= 0 then
      ok, err = nil, "a write failed, output was lost" -- one the tool did not check
    end
    if not ok then
      failed(M.name or "revel.out", err)
    end
    out:close()
  end
end

return M
