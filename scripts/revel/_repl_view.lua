-- revel._repl_view (private): what the REPL (revel._repl) shows: values, hexdumps,
-- registers, the guest as /proc sees it, and the words Tab completes.
local rffi = require("revel.ffi")

local ffi = rffi.ffi
local names = rffi.names

local M = {}

local KEYWORDS = { "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
  "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while" }
local HELPERS = { "g", "sc", "step", "cont", "ret", "brk", "unbrk", "inject", "regs", "mem", "str",
  "threads", "ps", "reload", "help", "sys", "revel", "print" }
local G_FIELDS = { "tid", "pid", "ppid", "thread", "process", "config" }
local G_METHODS = { "inject", "tail_inject", "rpc", "read", "string", "write", "regs", "set_regs" }
local SC_FIELDS = { "name", "nr", "args" }
local SC_METHODS = { "with", "copy" }
local REVEL_FIELDS = { "sys", "errno", "signal", "run", "errno_name", "signal_name", "strerror",
  "syscall_names", "syscall_numbers", "version" }
M.SC_FIELDS = SC_FIELDS

-- ---- printing values ----

local function fmt_num(n)
  if n ~= n or n == math.huge or n == -math.huge or n ~= math.floor(n) then
    return tostring(n)
  end
  if n >= 0x100000000 and n < 2 ^ 53 then
    return ("0x%x"):format(n)
  end
  if n > -2 ^ 53 and n < 2 ^ 53 then
    return ("%d"):format(n)
  end
  return tostring(n)
end

local function show(v, depth, seen)
  local tv = type(v)
  if tv == "number" then
    return fmt_num(v)
  elseif tv == "string" then
    return depth == 0 and v or ("%q"):format(v)
  elseif tv ~= "table" then
    return tostring(v)
  end
  local mt = getmetatable(v)
  if mt and mt.__tostring then
    return tostring(v)
  end
  seen = seen or {}
  if seen[v] or depth >= 3 then
    return "{...}"
  end
  seen[v] = true
  local parts, n = {}, 0
  local len = #v
  for i = 1, len do
    n = n + 1
    if n > 40 then
      parts[#parts + 1] = "..."
      return "{ " .. table.concat(parts, ", ") .. " }"
    end
    parts[#parts + 1] = show(v[i], depth + 1, seen)
  end
  local keys = {}
  for k in pairs(v) do
    if not (type(k) == "number" and k >= 1 and k <= len and k == math.floor(k)) then
      keys[#keys + 1] = k
    end
  end
  table.sort(keys, function(a, b)
    return tostring(a) < tostring(b)
  end)
  for _, k in ipairs(keys) do
    n = n + 1
    if n > 40 then
      parts[#parts + 1] = "..."
      break
    end
    local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or ("[" .. show(k, depth + 1, seen) .. "]")
    parts[#parts + 1] = ks .. " = " .. show(v[k], depth + 1, seen)
  end
  if #parts == 0 then
    return "{}"
  end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

local function printable(t, text)
  return setmetatable(t, { __tostring = function()
    return text
  end })
end

-- ---- the guest as /proc sees it ----

-- State letter and exit code (a wait status) of a task; nil if it is gone.
local function proc_state(tid)
  local f = io.open("/proc/" .. tid .. "/stat", "r")
  if not f then
    return nil
  end
  local s = f:read("*a")
  f:close()
  local rest = s and s:match("^.*%)%s+(.*)$")
  if not rest then
    return nil
  end
  local fields = {}
  for w in rest:gmatch("%S+") do
    fields[#fields + 1] = w
  end
  return fields[1], tonumber(fields[50]) -- stat fields 3 and 52
end

local STATES = { R = "running", S = "sleeping", D = "in uninterruptible sleep", T = "stopped",
  t = "stopped at an event", Z = "exited", X = "dead", I = "idle" }

local function describe_status(status)
  if not status then
    return "exited"
  end
  local sig = bit.band(status, 0x7f)
  if sig == 0 then
    return ("exited with status %d"):format(bit.band(bit.rshift(status, 8), 0xff))
  end
  return ("was killed by %s"):format(rffi.signal_name(sig) or ("signal " .. sig))
end

local function cmdline(pid)
  local f = io.open("/proc/" .. pid .. "/cmdline", "rb")
  if not f then
    return "?"
  end
  local s = f:read("*a") or ""
  f:close()
  s = s:gsub("%z$", ""):gsub("%z", " ")
  if #s > 70 then
    s = s:sub(1, 67) .. "..."
  end
  return s
end

local function hexdump(addr, data)
  local rows = {}
  for off = 0, #data - 1, 16 do
    local chunk = data:sub(off + 1, off + 16)
    local hex, asc = {}, {}
    for i = 1, 16 do
      local b = chunk:byte(i)
      hex[i] = b and ("%02x"):format(b) or "  "
      asc[i] = b and ((b >= 32 and b < 127) and string.char(b) or ".") or ""
    end
    rows[#rows + 1] = ("%012x  %s  %s  |%s|"):format(addr + off, table.concat(hex, " ", 1, 8),
      table.concat(hex, " ", 9, 16), table.concat(asc))
  end
  return table.concat(rows, "\n")
end

local REG_ORDER = { "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10",
  "r11", "r12", "r13", "r14", "r15", "rip", "eflags", "orig_rax", "cs", "ss", "ds", "es", "fs", "gs",
  "fs_base", "gs_base" }

local function regs_text(raw)
  local rows = {}
  for _, f in ipairs(REG_ORDER) do
    local v = raw[f]
    local signed = tonumber(ffi.cast("int64_t", v))
    local extra = ""
    if signed > -0x100000000 and signed < 0x100000000 then
      extra = ("  %d"):format(signed)
    end
    rows[#rows + 1] = ("%-9s0x%s%s"):format(f, bit.tohex(v, 16), extra)
  end
  return table.concat(rows, "\n")
end

-- ---- completion ----

local static_words
local function base_words()
  if static_words then
    return static_words
  end
  local w = {}
  for _, x in ipairs(HELPERS) do
    w[#w + 1] = x
  end
  for _, x in ipairs(KEYWORDS) do
    w[#w + 1] = x
  end
  for _, x in ipairs(G_FIELDS) do
    w[#w + 1] = "g." .. x
  end
  for _, x in ipairs(G_METHODS) do
    w[#w + 1] = "g:" .. x
  end
  for _, x in ipairs(SC_METHODS) do
    w[#w + 1] = "sc:" .. x
  end
  for _, x in ipairs(REVEL_FIELDS) do
    w[#w + 1] = "revel." .. x
  end
  local sysnames = {}
  for _, name in pairs(names) do
    sysnames[#sysnames + 1] = name
  end
  table.sort(sysnames)
  for _, name in ipairs(sysnames) do
    w[#w + 1] = name
    w[#w + 1] = "sys." .. name
    w[#w + 1] = "revel.sys." .. name
  end
  for e = 1, 4095 do
    local n = rffi.errno_name(e)
    if n then
      w[#w + 1] = n
      w[#w + 1] = "revel.errno." .. n
    end
  end
  for _, lib in ipairs({ "string", "table", "math", "io", "os", "bit" }) do
    for k in pairs(_G[lib] or {}) do
      w[#w + 1] = lib .. "." .. k
    end
  end
  static_words = w
  return w
end

M.show, M.printable, M.proc_state, M.STATES = show, printable, proc_state, STATES
M.describe_status, M.cmdline, M.hexdump, M.regs_text = describe_status, cmdline, hexdump, regs_text
M.base_words = base_words

return M
