-- revel.live: a tool that may change while its guest runs, for the REPL
-- (revel -i) and hot reload (revel --watch); and -E one-liners.
--
-- The host tool wraps the user's tool. Its hooks forward to the user's tool of
-- the moment; every syscall that enters Lua goes through one dispatcher, where
-- the REPL may stop, and then to the user's handler. The seccomp filter
-- subscribes to every syscall (it cannot grow once the guest runs) and the
-- engine's handled set follows what is wanted now: the user's handlers, and
-- the REPL's stops and breakpoints. reload() swaps the user's tool in place;
-- the global, process and thread state stay.
local rffi = require("revel.ffi")
local tool_mod = require("revel.tool")
local runtime = require("revel.runtime")

local ffi, api = rffi.ffi, rffi.api

local M = {}

-- Hooks the host forwards, looked up on the user's tool at each call.
local HOOKS = {
  init_global = true, init_process = true, init_thread = true, thread_start = true,
  post_exec = true, rpc = true, exit_thread = true, exit_process = true,
}

local function run_error(msg)
  return runtime.run_error(msg)
end

-- ---- -E CODE: the body of a tool ----

-- CODE runs with `tool` (starting as { on = {} }) and `revel` in scope; the
-- tool is what it built, or a table it returned. Errors are one line.
function M.from_code(code, name)
  name = name or "-E"
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
  local env = setmetatable({ tool = tool, revel = require("revel") }, { __index = _G })
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
-- its option words, watch = bool, repl = bool }.
function M.host(user, config, opts, live)
  local h = setmetatable({
    user = user,
    uplan = tool_mod.plan(user, config, opts),
    opts = opts or {},
    path = live.path,
    words = live.words or {},
    watch = live.watch,
    out = io.stderr,
  }, Host)
  h.stamp = h.path and stamp(h.path)
  local host_tool = setmetatable({ options = user.options }, {
    __index = function(_, k)
      if HOOKS[k] then
        return h.user[k]
      end
    end,
  })
  -- Signal stops are set when the run starts: on if the first tool wants them.
  if user.signal then
    function host_tool.signal(g, sig)
      local f = h.user.signal
      if f then
        return f(g, sig)
      end
    end
  end
  function host_tool.finish(global, code)
    local f = h.user.finish
    if f then
      f(global, code)
    end
    if h.repl then
      h.repl:finished(code)
    end
  end
  h.tool = host_tool
  h.dispatch = function(g, sc)
    local nr = sc.nr
    local repl = h.repl
    if repl then
      local r = repl:maybe_stop(g, sc)
      if r ~= nil then
        return r
      end
    end
    local f = h.uplan.handlers[nr]
    if f then
      return f(g, sc)
    end
  end
  if live.repl then
    h.repl = require("revel.repl").new(h)
  end
  return h
end

-- What enters Lua now: nr -> the dispatcher.
function Host:wanted()
  local set = {}
  for nr in pairs(self.uplan.handlers) do
    set[nr] = self.dispatch
  end
  if self.repl then
    for nr in pairs(self.repl:stop_nrs()) do
      set[nr] = self.dispatch
    end
  end
  return set
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
  return {
    tool = self.tool,
    config = up.config,
    subscribed = all,
    handlers = self:wanted(),
    on_error = up.on_error,
    exit_with_root = up.exit_with_root,
    injects = up.injects,
    between_events = self.watch and function(run)
      self:between(run)
    end or nil,
  }
end

-- Make the engine's handled set follow what is wanted now.
function Host:sync(run)
  run = run or runtime.current
  if run then
    return runtime.replace_tool(run, { tool = self.tool, handlers = self:wanted() })
  end
  return {}
end

-- Load the tool file again and put it in place. Returns true, or nil and a
-- one-line reason (the old tool goes on).
function Host:reload(run)
  if not self.path then
    return nil, "there is no tool file to reload"
  end
  local ok, t, up = pcall(function()
    local t = tool_mod.load_file(self.path)
    local cfg = tool_mod.parse_options(t, self.words, self.path)
    if self.user.set_inner then
      -- A wrapper (fault rules) around the file's tool: it keeps its state
      -- and takes the new tool in.
      self.user.set_inner(t)
      t = self.user
    end
    return t, tool_mod.plan(t, cfg, self.opts)
  end)
  if not ok then
    local err = t
    if getmetatable(err) == runtime.RunError then
      err = err.message
    end
    return nil, tostring(err)
  end
  self.stamp = stamp(self.path)
  self.user, self.uplan = t, up
  local missing = self:sync(run)
  local notes = {}
  if #missing > 0 then
    notes[#notes + 1] = "not handled (not subscribed): " .. table.concat(missing, ", ")
  end
  if t.signal and not self.tool.signal then
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
  end
  if not ok then
    error(code, 0)
  end
  return code, global, spawn_err
end

return M
