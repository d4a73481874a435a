-- revel._compose (private; public as revel.compose): layering tools. One
-- tool wraps another: fault rules over the tool they perturb, the REPL over
-- the tool it debugs, --watch swapping the inner tool under both.
--
--   revel.compose(outer, inner)  or  revel.compose(a, b, c) = compose(a, compose(b, c))
--
-- The semantics, hook by hook (docs/faults-and-layers.md, "Layering tools"):
--   syscall/on   the outer's handler sees the call first, as outer(g, sc, inner);
--                a number it returns is the result (the inner does not run);
--                nil lets the inner's handler run next, unless the outer
--                already called inner(g, sc [, result]) itself.
--   subscriptions  the union of both; a call either handles enters Lua, and
--                the engine's observer (a tool that prints in C) gives up the
--                calls the outer handles.
--   init_*       the inner's first, then the outer's; the state is the inner's.
--   thread_start, post_exec, exit_thread, exit_process, detach, timer
--                the outer's, then the inner's.
--   signal, rdtsc, cpuid, schedule   the outer's first: nil lets the inner's decide;
--                "rdtsc" and "cpuid" subscribed by either are subscribed.
--   vdso         the vDSO calls either routes to the kernel (revel._vdso).
--   rpc          the inner's (the global state is the inner's), else the outer's.
--   finish       the outer's, then the inner's.
--   options      the outer's, with the inner's over them.
local rffi = require("revel.ffi")
local tool_mod = require("revel._tool")
local guest = require("revel._guest")
local vdso = require("revel._vdso")
local bad = require("revel._errors").bad

local names = rffi.names
local set_fault = guest.set_fault

local M = {}

-- A handler for one syscall of the composite. `inner` is handed to the outer;
-- `called` records, per thread, that the outer has run the inner itself.
local function layered(oh, ih)
  if not oh then
    return ih
  end
  local called = setmetatable({}, { __mode = "k" })
  -- inner(g, sc [, result]): run the inner's handler now. With result, the
  -- call is taken as failed with it, as an -e inject= rule fails a call: the
  -- inner sees g:fault() == result, and its returning nothing keeps result.
  local function inner(g, sc, result)
    called[g] = true
    if result == nil then
      if ih then
        return ih(g, sc)
      end
      return nil
    end
    if not ih then
      return result
    end
    set_fault(g, result)
    local r = ih(g, sc)
    if r == nil then
      return result
    end
    return r
  end
  return function(g, sc)
    called[g] = nil
    local r = oh(g, sc, inner)
    if r ~= nil then
      called[g] = nil
      return r
    end
    if called[g] then
      called[g] = nil
      return nil
    end
    if ih then
      return ih(g, sc)
    end
  end
end

-- Hooks called on both layers: f(outer's, inner's) -> the composite's.
local function both(first, second)
  if not first then
    return second
  end
  if not second then
    return first
  end
  return function(...)
    first(...)
    return second(...)
  end
end

local function compose2(outer, inner)
  if type(outer) ~= "table" or type(inner) ~= "table" then
    error("revel.compose: tools are tables", 3)
  end
  local osub, ohandlers, otraps = tool_mod.handlers(outer, "subscriptions")
  local isub, ihandlers, itraps = tool_mod.handlers(inner, "subscriptions")
  local t = setmetatable({ on = {}, subscriptions = {} }, tool_mod.Composed)
  local subs = {}
  for nr in pairs(osub) do
    subs[nr] = true
  end
  for nr in pairs(isub) do
    subs[nr] = true
  end
  for nr in pairs(subs) do
    t.subscriptions[#t.subscriptions + 1] = names[nr]
  end
  table.sort(t.subscriptions)
  -- (traps.timer is tool.timer's own, which the composite has if either has)
  for word in pairs(otraps) do
    if word ~= "timer" then
      t.subscriptions[#t.subscriptions + 1] = word
    end
  end
  for word in pairs(itraps) do
    if not otraps[word] and word ~= "timer" then
      t.subscriptions[#t.subscriptions + 1] = word
    end
  end
  local routed = vdso.calls(outer, osub, bad) or {}
  for name in pairs(vdso.calls(inner, isub, bad) or {}) do
    routed[name] = true
  end
  t.vdso = next(routed) and vdso.list(routed) or false
  local outer_nrs = {}
  for nr in pairs(ohandlers) do
    outer_nrs[#outer_nrs + 1] = nr
  end
  for nr in pairs(subs) do
    local h = layered(ohandlers[nr], ihandlers[nr])
    if h then
      t.on[names[nr]] = h
    end
  end
  local on = t.on
  -- For a tool that calls the composite from its own handler.
  function t.syscall(g, sc)
    local h = on[sc.name]
    if h then
      return h(g, sc)
    end
  end

  if outer.options or inner.options then
    t.options = {}
    for k, v in pairs(outer.options or {}) do
      t.options[k] = v
    end
    for k, v in pairs(inner.options or {}) do
      t.options[k] = v
    end
  end

  local oinit, iinit = outer.init_global, inner.init_global
  function t.init_global(config, run)
    local global
    if iinit then
      global = iinit(config, run)
    end
    if oinit then
      oinit(config, run)
    end
    -- The outer must see its calls even when the inner prints in C.
    if run then
      for _, nr in ipairs(outer_nrs) do
        run:observe(nr, false)
      end
    end
    return global
  end
  for _, k in ipairs({ "init_process", "init_thread" }) do
    local o, i = outer[k], inner[k]
    if o and i then
      t[k] = function(...)
        local state = i(...)
        o(...)
        return state
      end
    else
      t[k] = i or (o and function(...)
        o(...)
      end)
    end
  end
  for _, k in ipairs({ "thread_start", "post_exec", "exit_thread", "exit_process", "detach", "finish", "timer" }) do
    t[k] = both(outer[k], inner[k])
  end
  for _, k in ipairs({ "signal", "rdtsc", "cpuid", "schedule" }) do
    local o, i = outer[k], inner[k]
    if o and i then
      t[k] = function(g, ...)
        local r = { o(g, ...) }
        if r[1] ~= nil then
          return unpack(r, 1, 4)
        end
        return i(g, ...)
      end
    else
      t[k] = o or i
    end
  end
  t.rpc = inner.rpc or outer.rpc
  return t
end

-- compose(outer, inner) or compose(a, b, c, ...): the first is outermost.
function M.compose(...)
  local n = select("#", ...)
  if n == 0 then
    error("revel.compose: no tools", 2)
  end
  local tools = { ... }
  local t = tools[n]
  if type(t) ~= "table" then
    error("revel.compose: tools are tables", 2)
  end
  for i = n - 1, 1, -1 do
    t = compose2(tools[i], t)
  end
  return t
end

return M
