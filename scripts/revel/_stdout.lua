-- revel._stdout: a tool's print and io.write under the revel command. They
-- go to revel's stdout, flushed at once: the guest writes to the same stdout,
-- straight to the fd, so a tool's line must be out before the guest's call
-- runs on, not held in a buffer behind all the guest wrote (a flush, unlike a
-- line-buffered write, says why it failed). A write there that fails (a
-- full disk, /dev/full) loses the tool's output: said once, at the first
-- failed write, as the default tool says it for -o FILE; the exit status
-- stays the guest's, as strace's does.
local ffi = require("ffi")

pcall(ffi.cdef, "int ferror(void *stream); extern void *stdout;")

local M = {}

local said = false
local function failed(err)
  if not said then
    said = true
    io.stderr:write("revel: stdout: ", tostring(err), "\n")
  end
end

function M.check_writes()
  local write = io.write
  io.write = function(...)
    local f, err = write(...)
    if f and io.output() == io.stdout then
      f, err = io.stdout:flush()
    end
    if not f and io.output() == io.stdout then
      failed(err)
    end
    return f, err
  end
  _G.print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do
      parts[i] = tostring((select(i, ...)))
    end
    local ok, err = io.stdout:write(table.concat(parts, "\t"), "\n")
    if ok then
      ok, err = io.stdout:flush()
    end
    if not ok then
      failed(err)
    end
  end
end

-- The last of stdout: a final write that fails, or one a tool made with
-- io.stdout:write and did not check.
function M.flush()
  local ok, err = io.stdout:flush()
  if not ok then
    failed(err)
  elseif ffi.C.ferror(ffi.C.stdout) ~= 0 then
    failed("a write failed, output was lost")
  end
end

return M
