-- revel.ffi: the engine's C API as LuaJIT's FFI sees it, and the syscall table
-- turned into Lua lookups once, at load. The declarations are generated at
-- build time from the C headers (cmake/ffi_gen.lua) and embedded as
-- revel._cdef; the enum values below come from it.
local ffi = require("ffi")
local core = require("revel.core")

-- Declared once per Lua state: LuaJIT refuses a second declaration of a type.
if not pcall(ffi.typeof, "struct revel_lua_api") then
  ffi.cdef(require("revel._cdef"))
end
pcall(ffi.cdef, "char *strerror(int errnum);")

local C = ffi.C

-- A table of another ABI would be misread: refuse it before reading more
-- than its first member, abi, which every version keeps first.
local function checked(ptr, ctype)
  local abi = ffi.cast("const int *", ptr)[0]
  if abi ~= C.REVEL_LUA_ABI then
    error(("revel: library ABI %d, scripts expect %d"):format(abi, C.REVEL_LUA_ABI), 0)
  end
  return ffi.cast(ctype, ptr)
end

local api = checked(core.api, "const struct revel_lua_api *")

-- What only the revel command has (its signals, the REPL's line input, the
-- --watch tick): the table of revel._cli, which the command registers. A
-- plain luajit loading revel.so has none: no signal of revel's own to report,
-- and no REPL or --watch to run.
local cli
if package.preload["revel._cli"] or package.loaded["revel._cli"] then
  cli = checked(require("revel._cli").api, "const struct revel_cli_api *")
else
  local function absent(name)
    return function()
      error(("revel: %s needs the revel command (not in the revel module)"):format(name), 2)
    end
  end
  cli = setmetatable({
    stop_requested = function() return 0 end,
    signals_root = function() end,
    signals_attach = function() end,
    stop_flag = function() return nil end,
    signals_changed = function() return 0 end,
    interruptible = function() end,
  }, { __index = function(_, name) return absent(name) end })
end

local M = {
  ffi = ffi,
  -- field names of the flat argument slots (lev.a0 .. lev.a5, act.a0 ..)
  A = { "a0", "a1", "a2", "a3", "a4", "a5" },
  api = api,
  cli = cli,
  NR_MAX = C.REVEL_LUA_NR_MAX,
  -- enum revel_event_kind
  EV_SYSCALL = C.REVEL_EV_SYSCALL, EV_INJECTED = C.REVEL_EV_INJECTED,
  EV_TASK_NEW = C.REVEL_EV_TASK_NEW, EV_EXEC = C.REVEL_EV_EXEC, EV_SIGNAL = C.REVEL_EV_SIGNAL,
  EV_TASK_EXIT = C.REVEL_EV_TASK_EXIT, EV_PROCESS_EXIT = C.REVEL_EV_PROCESS_EXIT,
  EV_DONE = C.REVEL_EV_DONE,
  EV_DETACHED = C.REVEL_EV_DETACHED,
  EV_GDB_MONITOR = C.REVEL_EV_GDB_MONITOR,
  EV_SCHEDULE = C.REVEL_EV_SCHEDULE,
  NEW_PROCESS = C.REVEL_NEW_PROCESS, NEW_VFORK = C.REVEL_NEW_VFORK, EVF_FAULT = C.REVEL_EVF_FAULT,
  -- enum revel_action_kind
  ACT_CONTINUE = C.REVEL_ACT_CONTINUE, ACT_RETURN = C.REVEL_ACT_RETURN,
  ACT_INJECT = C.REVEL_ACT_INJECT, ACT_TAIL = C.REVEL_ACT_TAIL,
}

-- The syscall table as Lua tables: names[nr], numbers[name], argnames[nr] = { ... },
-- argindex[nr][argname] = 1..6, classes[nr] = bits. A call's argnames and
-- argindex are made at their first use: two tables for each of some 370
-- calls were a tenth of revel's start, and a tool names a few calls.
local names, numbers, argnames, argindex, classes = {}, {}, {}, {}, {}
for nr = 0, api.syscall_count() - 1 do
  local info = api.syscall_by_nr(nr)
  if info ~= nil then
    local name = ffi.string(info.name)
    names[nr], numbers[name], classes[nr] = name, nr, info.classes
  end
end
local function args_of(nr)
  local info = type(nr) == "number" and nr >= 0 and nr < api.syscall_count() and api.syscall_by_nr(nr) or nil
  if info == nil then
    return nil
  end
  local an, ai = {}, {}
  for i = 0, info.nargs - 1 do
    local a = ffi.string(info.arg_names[i])
    an[i + 1], ai[a] = a, i + 1
  end
  rawset(argnames, nr, an)
  rawset(argindex, nr, ai)
  return true
end
setmetatable(argnames, { __index = function(t, nr)
  return args_of(nr) and rawget(t, nr) or nil
end })
setmetatable(argindex, { __index = function(t, nr)
  return args_of(nr) and rawget(t, nr) or nil
end })
M.names, M.numbers, M.argnames, M.argindex, M.classes = names, numbers, argnames, argindex, classes

function M.errno_name(n)
  local s = api.errno_name(n)
  return s ~= nil and ffi.string(s) or nil
end

function M.strerror(n)
  return ffi.string(ffi.C.strerror(n))
end

function M.signal_name(n)
  local s = api.signal_name(n)
  return s ~= nil and ffi.string(s) or nil
end

pcall(ffi.cdef, [[
int fileno(void *stream);
int fcntl(int fd, int cmd, ...);
]])

-- Files revel opens for itself (-o, logs) must not leak into the guest.
function M.cloexec(file)
  local fd = ffi.C.fileno(file)
  if fd >= 0 then
    ffi.C.fcntl(fd, 2 --[[F_SETFD]], ffi.new("int", 1) --[[FD_CLOEXEC]])
  end
  return file
end

-- Parse a strace -e inject= spec into a rule (cdata), or nil and the error.
function M.inject_rule(spec)
  local rule = ffi.new("struct revel_inject_rule")
  local err = ffi.new("char[512]")
  if api.inject_parse(spec, rule, err, 512) ~= 0 then
    return nil, ffi.string(err)
  end
  return rule
end

return M
