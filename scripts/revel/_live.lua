-- revel._live (private): a tool that may change while its guest runs, for the REPL
-- (revel --repl) and hot reload (revel --watch); and -l one-liners.
--
-- The host runs revel.compose(REPL layer, fault layers, the user's tool),
-- composed again when a part changes. The seccomp filter subscribes to every
-- syscall (it cannot grow once the guest runs) and the engine's handled set
-- follows the composition: the user's handlers, the layers', and the REPL's
-- stops and breakpoints. reload() composes the same layers over the new tool;
-- the global, process and thread state stay.
local rffi = require("revel.ffi")
local revel = require("revel")
local tool_mod = require("revel._tool")
local runtime = require("revel._runtime")
local errors = require("revel._errors")
local repl_mod = require("revel._repl")
local vdso = require("revel._vdso")

local ffi, api = rffi.ffi, rffi.api
local compose = revel.compose

local M = {}

local run_error = errors.run_error

-- ---- -l CODE: the body of a tool ----

-- CODE runs with `tool` (starting as { on = {} }) and `revel` in scope; the
-- tool is what it built, or a table it returned. Errors are one line.
function M.from_code(code, name)
  name = name or "-l"
  local function fail(msg)
    msg = tostring(msg)
    if msg:sub(1, #name + 1) ~= name .. ":" then
      msg = name .. ": " .. msg
    end
    error(run_error(msg), 0)
  end
  local f, err = loadstring(code, "=" .. name)
  if not f then
    fail(err)
  end
  local tool = { on = {} }
  local env = setmetatable({ tool = tool, revel = revel }, { __index = _G })
  setfenv(f, env)
  local ok, r = pcall(f)
  if not ok then
    fail(r)
  end
  if r ~= nil then
    if type(r) ~= "table" then
      fail(("the code must build `tool` or return a table, not a %s"):format(type(r)))
    end
    tool = r
  end
  return tool
end

-- ---- the host ----

local Host = {}
Host.__index = Host

local function stamp(path)
  local out = ffi.new("double[4]")
  if rffi.cli.file_stamp(path, out) ~= 0 then
    return "missing"
  end
  return ("%.0f.%.0f.%.0f.%.0f"):format(out[0], out[1], out[2], out[3])
end

-- user: the user's tool (a table); config: its options; opts: revel.run's
-- opts (on_error, name, exit_with_root); live: { path = tool file, words =
-- its option words, watch = bool, repl = bool, layers = tools composed over
-- the user's (fault rules), outermost first }.
--
-- The tool that runs is revel.compose(REPL layer, layers..., user's tool),
-- composed again whenever a part changes: a reload, a breakpoint, a step.
function M.host(user, config, opts, live)
  local h = setmetatable({
    user = user,
    config = config,
    layers = live.layers or {},
    opts = opts or {},
    path = live.path,
    words = live.words or {},
    watch = live.watch,
    out = io.stderr,
  }, Host)
  h.stamp = h.path and stamp(h.path)
  h:set_user(user, config)
  if live.repl then
    h.repl = repl_mod.new(h)
  end
  h.tool = h:compose()
  h.first_signal = h.tool.signal ~= nil
  return h
end

-- The user's tool under the layers, and its plan (the REPL stops at what it subscribes to).
function Host:set_user(user, config)
  local t = user
  if #self.layers > 0 then
    tool_mod.plan(user, config, self.opts) -- its errors name the tool, as without layers
    local list = {}
    for i, l in ipairs(self.layers) do
      list[i] = l
    end
    list[#list + 1] = user
    t = compose(unpack(list))
  end
  self.user, self.config = user, config
  self.inner, self.uplan = t, tool_mod.plan(t, config, self.opts)
end

-- The REPL's layer: a handler where it may stop; the run, kept for its helpers.
function Host:repl_layer()
  local repl = self.repl
  local function stop(g, sc)
    return repl:maybe_stop(g, sc)
  end
  local layer = { on = {}, vdso = false } -- stepping does not change which calls the guest makes
  for nr in pairs(repl:stop_nrs()) do
    layer.on[rffi.names[nr]] = stop
  end
  function layer.init_global(_, run)
    self.run = run
  end
  return layer
end

local HOOKS = { "options", "init_global", "init_process", "init_thread", "thread_start", "post_exec",
  "signal", "rpc", "exit_thread", "exit_process", "detach", "finish", "schedule" }

-- The inner tool as the REPL's layer sees it: its handlers are looked up at
-- each call, so that the call at a prompt that reloads gets the new one.
function Host:current_inner()
  local p = setmetatable({ on = {}, subscriptions = {} }, tool_mod.Composed)
  for _, k in ipairs(HOOKS) do
    p[k] = self.inner[k]
  end
  for nr in pairs(self.uplan.subscribed) do
    p.subscriptions[#p.subscriptions + 1] = rffi.names[nr]
  end
  p.vdso = self.uplan.vdso and vdso.list(self.uplan.vdso) or false
  local function current(g, sc)
    local h = self.uplan.handlers[sc.nr]
    if h then
      return h(g, sc)
    end
  end
  for nr in pairs(self.uplan.handlers) do
    p.on[rffi.names[nr]] = current
  end
  return p
end

-- The tool of the moment.
function Host:compose()
  local t = self.inner
  if self.repl then
    t = compose(self:repl_layer(), self:current_inner())
  end
  if self.first_signal and not t.signal then
    -- Signal stops were set at the start: with no hook, signals pass on.
    t.signal = function() end
  end
  return t
end

-- The syscalls the user's tool stops at (every one if it names none).
function Host:stop_set()
  if next(self.uplan.subscribed) then
    return self.uplan.subscribed
  end
  return rffi.names
end

function Host:plan()
  local all = {}
  for nr in pairs(rffi.names) do
    all[nr] = true
  end
  local up = self.uplan
  local p = tool_mod.plan(self.tool, up.config, self.opts)
  return {
    tool = self.tool,
    config = up.config,
    subscribed = all,
    handlers = p.handlers,
    vdso = p.vdso,
    on_error = up.on_error,
    exit_with_root = up.exit_with_root,
    injects = up.injects,
    env = up.env,
    spin = up.spin,
    placement = up.placement,
    startup = up.startup,
    between_events = self.watch and function(run)
      self:between(run)
    end or nil,
  }
end

-- Compose the tool again and make the engine's handled set follow it.
function Host:sync(run)
  run = run or self.run
  self.tool = self:compose()
  if run then
    local p = tool_mod.plan(self.tool, self.uplan.config, self.opts)
    return runtime.replace_tool(run, p)
  end
  return {}
end

-- Load the tool file again and put it in place. Returns true, or nil and a
-- one-line reason (the old tool goes on).
function Host:reload(run)
  if not self.path then
    return nil, "there is no tool file to reload"
  end
  local ok, t = pcall(function()
    local t = tool_mod.load_file(self.path)
    local cfg = tool_mod.parse_options(t, self.words, self.path)
    -- The layers (fault rules) keep their state and take the new tool in.
    local before = { self.user, self.config, self.inner, self.uplan }
    local pok, perr = pcall(self.set_user, self, t, cfg)
    if not pok then
      self.user, self.config, self.inner, self.uplan = unpack(before)
      error(perr, 0)
    end
    return t
  end)
  if not ok then
    local err = t
    if errors.is(err) then
      err = err.message
    end
    return nil, tostring(err)
  end
  self.stamp = stamp(self.path)
  local missing = self:sync(run)
  local notes = {}
  if #missing > 0 then
    notes[#notes + 1] = "not handled (not subscribed): " .. table.concat(missing, ", ")
  end
  if t.signal and not self.first_signal then
    notes[#notes + 1] = "its signal hook is not used (signal stops were off at the start)"
  end
  return true, #notes > 0 and table.concat(notes, "; ") or nil
end

-- Between events of a --watch run: on a tick (every 100 ms at most), compare
-- the file's stamp and reload when it changed.
function Host:between(run)
  if not self.ticking then
    self.ticking = true
    rffi.cli.tick_start(100)
  end
  if rffi.cli.tick_take() == 0 then
    return
  end
  local s = stamp(self.path)
  if s == self.stamp or s == "missing" then
    return
  end
  self.stamp = s
  local ok, note = self:reload(run)
  if ok then
    self.out:write("revel: reloaded ", self.path, note and (" (" .. note .. ")") or "", "\n")
  else
    self.out:write("revel: cannot reload ", self.path, ": ", note, "; the old tool goes on\n")
  end
  self.out:flush()
end

-- Run argv under the host: the exit code, the global state and a spawn
-- error, as revel.run returns them.
function M.run(user, argv, config, opts, live)
  local h = M.host(user, config, opts, live)
  local ok, code, global, spawn_err = pcall(runtime.run, h:plan(), argv)
  rffi.cli.tick_stop()
  if h.repl then
    h.repl:close()
    if ok and not spawn_err then
      h.repl:finished(code) -- after the tool's finish, as the guest's last word
    end
  end
  if not ok then
    error(code, 0)
  end
  return code, global, spawn_err
end

return M
