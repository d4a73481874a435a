-- revel._tool (private): loading a tool and turning it into a plan for the runtime: which
-- syscalls stop the guest (subscriptions), which of them enter Lua (handlers),
-- and the tool's options parsed from the command line.
require("revel._cloexec") -- before any tool code opens a file
local rffi = require("revel.ffi")
local syscall = require("revel._syscall")
local vdso = require("revel._vdso")

local ffi, api = rffi.ffi, rffi.api
local numbers, names, classes = rffi.numbers, rffi.names, rffi.classes

local M = {}

local bad = require("revel._errors").bad

-- Instructions a tool can subscribe to (revel._traps), and their hooks;
-- "branches" (the counter of branch timers, revel._timers) has none.
local TRAP_WORDS = { rdtsc = "rdtsc", cpuid = "cpuid" }

-- Load a tool file: it must return a table. `chunkname` names it in errors.
function M.load_file(path, env)
  local f, err = loadfile(path)
  if not f then
    if err:find("cannot open", 1, true) then
      bad(("cannot open tool %s: %s"):format(path, (err:gsub("^cannot open [^:]*: ?", ""))))
    end
    bad("cannot load tool: " .. err)
  end
  return M.from_chunk(f, path)
end

function M.from_chunk(f, path)
  local ok, tool = xpcall(f, debug.traceback)
  if not ok then
    bad("error loading tool " .. path .. ": " .. tostring(tool))
  end
  if tool == nil then
    tool = {}
  end
  if type(tool) ~= "table" then
    bad(("tool %s must return a table, not a %s"):format(path, type(tool)))
  end
  return tool
end

-- Add one subscription word (a name, "all", "%class", "!name") to the set.
local function add_word(set, word, where, traps)
  local neg = word:sub(1, 1) == "!"
  local w = neg and word:sub(2) or word
  local nrs = {}
  if w == "all" or w == "%all" then
    for nr in pairs(names) do
      nrs[#nrs + 1] = nr
    end
  elseif w:sub(1, 1) == "%" then
    local bits = api.class_by_name(w)
    if bits == 0 then
      bad(("unknown syscall class %q in %s"):format(w, where))
    end
    for nr, c in pairs(classes) do
      if bit.band(c, bits) ~= 0 then
        nrs[#nrs + 1] = nr
      end
    end
  elseif TRAP_WORDS[w] or w == "branches" then
    if traps then
      traps[w] = (not neg) or nil
    end
  elseif numbers[w] then
    nrs[1] = numbers[w]
  else
    bad(syscall.unknown_message(w, where, true))
  end
  for _, nr in ipairs(nrs) do
    set[nr] = (not neg) or nil
  end
end

-- The set of syscall numbers; the instruction words ("rdtsc", "cpuid") go
-- to traps[word] = true.
function M.subscription_set(words, where, traps)
  local set = {}
  if type(words) == "string" then
    words = { words }
  end
  for _, w in ipairs(words) do
    if type(w) ~= "string" then
      bad(("%s must list syscall names as strings"):format(where))
    end
    add_word(set, w, where, traps)
  end
  return set
end

-- tool.options = { skip = 0, verbose = false } and the words after the script:
-- --skip 3, --skip=3, --verbose, --no-verbose.
function M.parse_options(tool, words, toolname)
  local defaults = tool.options or {}
  local config = {}
  for k, v in pairs(defaults) do
    config[k] = v
  end
  local known = {}
  for k in pairs(defaults) do
    known[#known + 1] = "--" .. k
  end
  table.sort(known)
  local function unknown(w)
    bad(("unknown option %s for tool %s (%s)"):format(w, toolname,
      #known > 0 and ("it takes " .. table.concat(known, ", ")) or "it takes no options"))
  end
  local i = 1
  while i <= #words do
    local w = words[i]
    local key, val = w:match("^%-%-([%w_%-]+)=(.*)$")
    if not key then
      key = w:match("^%-%-([%w_%-]+)$")
    end
    if not key then
      unknown(w)
    end
    local k = key:gsub("%-", "_")
    local d = defaults[k]
    if d == nil and k:sub(1, 3) == "no_" and type(defaults[k:sub(4)]) == "boolean" and not val then
      config[k:sub(4)] = false
    elseif d == nil then
      unknown("--" .. key)
    elseif type(d) == "boolean" then
      if val == nil or val == "true" or val == "1" or val == "yes" then
        config[k] = true
      elseif val == "false" or val == "0" or val == "no" then
        config[k] = false
      else
        bad(("option --%s of tool %s is a flag, not %q"):format(key, toolname, val))
      end
    else
      if val == nil then
        i = i + 1
        val = words[i]
        if val == nil then
          bad(("option --%s of tool %s needs a value"):format(key, toolname))
        end
      end
      if type(d) == "number" then
        local n = tonumber(val)
        if not n then
          bad(("option --%s of tool %s takes a number, not %q"):format(key, toolname, val))
        end
        config[k] = n
      else
        config[k] = val
      end
    end
    i = i + 1
  end
  return config
end

-- The metatable of a tool made by revel.compose: its `syscall` is for calling
-- from another tool's handler, not a catch-all; its `on` is exact.
M.Composed = { __name = "composed tool" }

-- The syscalls a tool stops at (subscribed[nr] = true) and its handlers
-- (handlers[nr] = function), as a run takes them.
function M.handlers(tool, where)
  local subscribed
  local on = tool.on or {}
  if type(on) ~= "table" then
    bad("tool.on must be a table of handlers by syscall name")
  end
  local catch_all = getmetatable(tool) ~= M.Composed and tool.syscall or nil
  local traps = {}
  if tool.subscriptions ~= nil then
    subscribed = M.subscription_set(tool.subscriptions, where, traps)
  elseif catch_all then
    subscribed = M.subscription_set({ "all" }, where)
  else
    subscribed = {}
  end
  local handlers = {}
  for name, f in pairs(on) do
    local nr = numbers[name]
    if not nr then
      bad(syscall.unknown_message(name, "tool.on"))
    end
    if type(f) ~= "function" then
      bad(("tool.on.%s must be a function"):format(name))
    end
    subscribed[nr] = true
    handlers[nr] = f
  end
  if catch_all then
    for nr in pairs(subscribed) do
      handlers[nr] = handlers[nr] or catch_all
    end
  end
  -- A hook of an instruction subscribes to it, as on.NAME does; so does
  -- tool.timer to its signal (revel._timers).
  for word, hook in pairs(TRAP_WORDS) do
    if tool[hook] ~= nil then
      if type(tool[hook]) ~= "function" then
        bad(("tool.%s must be a function"):format(hook))
      end
      traps[word] = true
    end
  end
  if tool.timer ~= nil then
    if type(tool.timer) ~= "function" then
      bad("tool.timer must be a function")
    end
    traps.timer = true
  end
  return subscribed, handlers, traps
end

-- The plan for a run: subscribed[nr], handlers[nr] = function, config.
function M.plan(tool, config, opts)
  opts = opts or {}
  if type(tool) ~= "table" then
    bad("a tool is a table, not a " .. type(tool))
  end
  local where = opts.name and ("the subscriptions of " .. opts.name) or "subscriptions"
  local subscribed, handlers, traps = M.handlers(tool, where)
  local cfg = {}
  for k, v in pairs(tool.options or {}) do
    cfg[k] = v
  end
  for k, v in pairs(config or {}) do
    cfg[k] = v
  end
  return {
    tool = tool,
    config = cfg,
    subscribed = subscribed,
    handlers = handlers,
    traps = traps,
    vdso = vdso.calls(tool, subscribed, bad), -- the vDSO calls routed to the kernel (revel._vdso)
    on_error = opts.on_error,
    exit_with_root = opts.exit_with_root,
    injects = opts.injects,
    env = opts.env,
    spin = opts.spin,
    placement = opts.placement,
    sched = opts.sched,
    startup = opts.startup,
    attach = opts.attach,
    attach_say = opts.attach_say,
    detach_say = opts.detach_say,
    detach_on_exec = opts.detach_on_exec,
    debug = opts.debug,
    gdb_monitor = opts.gdb_monitor,
  }
end

return M
