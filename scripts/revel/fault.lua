-- revel.fault: fault-injection rules with more reach than strace's: match on
-- decoded arguments (path globs, fds, sizes, flags, the thread's place, the nth
-- matching call), fire with a probability that replays exactly from a seed,
-- act (errno, result, short read/write, delay, signal, EINTR with the kernel's
-- restart semantics), log every fault as JSON lines and replay a log.
--
--   local fault = require("revel.fault")
--   local rule = fault.parse("openat:path=/etc/*.conf:error=EACCES:p=0.5")
--   local tool = fault.tool({ rule }, { seed = 7, log = "faults.jsonl" })
local rffi = require("revel.ffi")
local syscall = require("revel._syscall")
local json = require("revel._json")
local replay_log = require("revel._replay")
local errors = require("revel._errors")
local compose = require("revel._compose").compose

local ffi, api = rffi.ffi, rffi.api
local numbers, names, argindex, classes = rffi.numbers, rffi.names, rffi.argindex, rffi.classes
local band, bxor, rshift, tobit = bit.band, bit.bxor, bit.rshift, bit.tobit

local M = {}

local ERESTARTSYS = 512

local bad = errors.bad

-- ---- matching helpers ----

-- A shell glob as a Lua pattern: * any run, ? one character; anchored.
local function glob_pattern(glob)
  local p = glob:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".")
  return "^" .. p .. "$"
end
M.glob_pattern = glob_pattern

local path_args = { "pathname", "filename", "path", "oldpath", "newpath", "oldname", "newname" }

-- The path a call is about: a path argument, or the file behind its fd.
local function call_path(g, sc)
  local ai = argindex[sc.nr] or {}
  for _, a in ipairs(path_args) do
    local i = ai[a]
    if i then
      return g:string(sc.args[i], 4096)
    end
  end
  local fi = ai.fd or ai.dirfd
  if fi then
    local fd = bit.tobit(sc.args[fi])
    if fd >= 0 then
      return (g:fd_path(fd))
    end
  end
  return nil
end
M.call_path = call_path


local size_args = { "count", "len", "length", "size", "nbytes" }

local function call_size(sc)
  local ai = argindex[sc.nr] or {}
  for _, a in ipairs(size_args) do
    if ai[a] then
      return sc.args[ai[a]], ai[a]
    end
  end
  return nil
end

-- when=FIRST[..LAST][+[STEP]] as strace writes it.
local function parse_when(s)
  local first, rest = s:match("^(%d+)(.*)$")
  first = tonumber(first)
  if not first or first < 1 then
    return nil
  end
  local last, step = first, 0
  local l, r2 = rest:match("^%.%.(%d+)(.*)$")
  if l then
    last, rest, step = tonumber(l), r2, 1
    if last < first then
      return nil
    end
  end
  if rest == "+" then
    step = 1
    if not l then
      last = math.huge
    end
  elseif rest:match("^%+%d+$") then
    step = tonumber(rest:sub(2))
    if not l then
      last = math.huge
    end
    if step < 1 then
      return nil
    end
  elseif rest ~= "" then
    return nil
  end
  return { first = first, last = last, step = step }
end
M.parse_when = parse_when

local function when_matches(w, n)
  if n < w.first or n > w.last then
    return false
  end
  if w.step == 0 then
    return n == w.first
  end
  return (n - w.first) % w.step == 0
end

-- A delay: a number with s, ms, us or ns (microseconds bare), as strace's.
local function parse_delay(s)
  local v, unit = tostring(s):match("^([%d%.]+)(%a*)$")
  v = tonumber(v)
  local scale = ({ s = 1e6, ms = 1e3, us = 1, [""] = 1, ns = 1e-3 })[unit or "?"]
  if not v or not scale then
    return nil
  end
  return v * scale
end

-- ---- rules ----

local actions = { "error", "retval", "short", "delay", "signal", "eintr" }

-- Check a rule table and fill in what matching needs. Returns the rule.
function M.rule(r, where)
  where = where or "fault rule"
  if type(r) ~= "table" then
    bad(where .. " must be a table")
  end
  local set = {}
  local sys = r.syscall or r.syscalls
  if type(sys) == "string" then
    sys = { sys }
  end
  if type(sys) ~= "table" or #sys == 0 then
    bad(where .. ": which syscalls? (syscall = \"read\" or a list)")
  end
  for _, w in ipairs(sys) do
    if w:sub(1, 1) == "%" then
      local bits = api.class_by_name(w)
      if bits == 0 then
        bad(("%s: unknown syscall class %q"):format(where, w))
      end
      for nr, c in pairs(classes) do
        if band(c, bits) ~= 0 then
          set[nr] = true
        end
      end
    elseif numbers[w] then
      set[numbers[w]] = true
    else
      bad(where .. ": " .. syscall.unknown_message(w, nil, true))
    end
  end
  local c = { set = set, syscalls = sys }
  for k, v in pairs(r) do
    c[k] = v
  end
  c.set = set
  if r.path then
    c.path_pattern = glob_pattern(r.path)
  end
  if r.place then
    c.place_pattern = glob_pattern(r.place)
  end
  if r.nth then
    c.when = type(r.nth) == "number" and { first = r.nth, last = r.nth, step = 0 } or parse_when(r.nth)
    if not c.when then
      bad(("%s: nth=%s is not FIRST[..LAST][+[STEP]] with numbers from 1"):format(where, tostring(r.nth)))
    end
  end
  if r.p ~= nil then
    local p = tonumber(r.p)
    if not p or p < 0 or p > 1 then
      bad(("%s: p=%s is not a probability in [0, 1]"):format(where, tostring(r.p)))
    end
    c.p = p
  end
  local n = 0
  for _, a in ipairs(actions) do
    if r[a] ~= nil and r[a] ~= false then
      n = n + 1
    end
  end
  if n ~= 1 then
    bad(("%s needs exactly one action of %s"):format(where, table.concat(actions, ", ")))
  end
  -- errno and signal: a number in range, or a name
  local function number(v, by_name, max, what)
    local n = type(v) == "number" and v or by_name(tostring(v))
    if not n or n <= 0 or n > max then
      bad(("%s: unknown %s %q"):format(where, what, tostring(v)))
    end
    return n
  end
  if r.error ~= nil then
    c.errno = number(r.error, api.errno_by_name, 4095, "errno")
  end
  if r.signal ~= nil then
    c.signo = number(r.signal, api.signal_by_name, 64, "signal")
  end
  if r.delay ~= nil then
    c.delay_us = parse_delay(r.delay)
    if not c.delay_us then
      bad(("%s: delay=%s is not a time (10ms, 250us, 1.5s)"):format(where, tostring(r.delay)))
    end
  end
  if r.short ~= nil and (type(r.short) ~= "number" or r.short < 0) then
    bad(("%s: short=%s is not a byte count"):format(where, tostring(r.short)))
  end
  if r.retval ~= nil and type(r.retval) ~= "number" then
    bad(("%s: retval=%s is not a number"):format(where, tostring(r.retval)))
  end
  return c
end

-- The rule model is the engine's: a --rule spec is parsed by the same C
-- parser as -e inject= (engine/src/inject.c, revel_rule_parse) into a struct
-- revel_inject_rule. The engine's fields hold the set, nth and the action;
-- these hold the rest.
local C = ffi.C
local UINT32_MAX = 4294967295

-- The parsed C rule as the table fault.rule checks. A rule the engine runs
-- (M.split) is evaluated there; one kept here (it needs Lua: a path or place
-- glob, p; or it shares a syscall with such a rule) is evaluated below, its
-- fd, size and flags conditions too.
local function from_c(cr)
  local r = { syscall = {} }
  for nr = 0, rffi.NR_MAX - 1 do
    if cr.set[nr] ~= 0 and names[nr] then
      r.syscall[#r.syscall + 1] = names[nr]
    end
  end
  local m = cr.match
  if band(m, C.REVEL_MATCH_FD) ~= 0 then
    r.fd = tonumber(cr.fd)
  end
  if band(m, C.REVEL_MATCH_SIZE) ~= 0 then
    r.size = tonumber(cr.size)
  end
  if band(m, C.REVEL_MATCH_FLAGS) ~= 0 then
    r.flags = tonumber(cr.flags)
  end
  if band(m, C.REVEL_MATCH_PATH) ~= 0 then
    r.path = ffi.string(cr.path)
  end
  if band(m, C.REVEL_MATCH_PLACE) ~= 0 then
    r.place = ffi.string(cr.place)
  end
  if band(m, C.REVEL_MATCH_P) ~= 0 then
    r.p = cr.p
  end
  local a = cr.action
  if a == C.REVEL_RULE_ERROR then
    r.error = ffi.string(cr.arg)
  elseif a == C.REVEL_RULE_RETVAL then
    r.retval = tonumber(cr.value)
  elseif a == C.REVEL_RULE_SHORT then
    r.short = tonumber(cr.short_max)
  elseif a == C.REVEL_RULE_DELAY then
    r.delay = ffi.string(cr.arg)
  elseif a == C.REVEL_RULE_SIGNAL then
    r.signal = ffi.string(cr.arg)
  elseif a == C.REVEL_RULE_EINTR then
    r.eintr = true
  end
  local when
  if band(m, C.REVEL_MATCH_NTH) ~= 0 then
    when = { first = cr.first, last = cr.last == UINT32_MAX and math.huge or cr.last, step = cr.step }
  end
  return r, when
end

-- SET:key=value:... from the command line, e.g.
-- "read,recvfrom:fd=0:short=1:p=0.5" or "openat:path=/etc/*:error=EACCES".
function M.parse(spec)
  local cr = ffi.new("struct revel_inject_rule")
  local err = ffi.new("char[1024]")
  if api.rule_parse(spec, cr, err, 1024) ~= 0 then
    local msg = ffi.string(err)
    local name = msg:match('unknown syscall "(.-)"$')
    if name then -- with close names, as everywhere else
      msg = msg:sub(1, #msg - #name - #'unknown syscall ""') .. syscall.unknown_message(name, nil, true)
    end
    bad(msg)
  end
  local r, when = from_c(cr)
  local c = M.rule(r, ("fault rule %q"):format(spec))
  c.when = when
  c.spec = spec -- what the engine parses again when it runs the rule
  return c
end

-- Which rules the engine runs (engine/src/faults.c): those parsed from a spec
-- with no path=, place= or p=. The rest stay here, and so does every rule
-- that shares a syscall with one of them or with an -e inject= rule
-- (inject_set: { [nr] = true }), so that the first rule that fires still wins
-- and -e inject= and --rule combine as before; all stay here with a fault log
-- or a replay, whose lines are written here. opts.path_in_c: the engine
-- reads paths (the in-guest library: guest/guest_faults.c), so path= rules
-- go there too. Returns the rules for the Lua layer and the specs for the
-- engine, both in order.
function M.split(rules, opts)
  opts = opts or {}
  local room = 64 - (opts.ninjects or 0) -- the engine's REVEL_MAX_RULES
  if opts.log or opts.replay or #rules > room then
    return rules, {}
  end
  local here, lua_nrs = {}, {}
  for nr in pairs(opts.inject_set or {}) do
    lua_nrs[nr] = true
  end
  for i, r in ipairs(rules) do
    here[i] = not r.spec or (r.path ~= nil and not opts.path_in_c) or r.place ~= nil or r.p ~= nil
  end
  local changed = true
  while changed do -- until the rules kept here and their syscalls settle
    changed = false
    for i, r in ipairs(rules) do
      for nr in pairs(r.set) do
        if here[i] and not lua_nrs[nr] then
          lua_nrs[nr], changed = true, true
        elseif not here[i] and lua_nrs[nr] then
          here[i], changed = true, true
        end
      end
    end
  end
  local lua_rules, specs = {}, {}
  for i, r in ipairs(rules) do
    if here[i] then
      lua_rules[#lua_rules + 1] = r
    else
      specs[#specs + 1] = r.spec
    end
  end
  return lua_rules, specs
end

-- ---- deterministic chance ----

-- A 32-bit hash of the decision's inputs (FNV-1a, then a final mix): the
-- same seed, place, count and call give the same draw on every run.
local function draw(seed, place, index, nr, ruleno)
  local s = ("%s|%s|%d|%d|%d"):format(tostring(seed), place, index, nr, ruleno)
  local h = tobit(0x811c9dc5)
  for i = 1, #s do
    h = tobit(bxor(h, s:byte(i)) * 16777619)
  end
  h = bxor(h, rshift(h, 16))
  h = tobit(h * 0x45d9f3b)
  h = bxor(h, rshift(h, 16))
  return (h % 4294967296) / 4294967296
end
M.draw = draw

-- ---- the tool ----

local function decode_args(g, sc)
  local out = {}
  local an = rffi.argnames[sc.nr] or {}
  for i = 1, #an do
    out[an[i]] = sc.args[i]
  end
  local p = call_path(g, sc)
  if p then
    out.file = p -- the path behind a path or fd argument
  end
  return out
end

local function describe(rule)
  local a = {}
  for _, k in ipairs(actions) do
    if rule[k] ~= nil and rule[k] ~= false then
      a[k] = rule[k]
    end
  end
  return a
end

-- Does the rule match this call (all but nth and p)?
local function matches(rule, g, sc)
  if not rule.set[sc.nr] then
    return false
  end
  if rule.place_pattern and not g.place:match(rule.place_pattern) then
    return false
  end
  local ai = argindex[sc.nr] or {}
  if rule.fd ~= nil then
    local fi = ai.fd or ai.sockfd or ai.dirfd
    if not fi or bit.tobit(sc.args[fi]) ~= rule.fd then
      return false
    end
  end
  if rule.size ~= nil then
    local n = call_size(sc)
    if not n or n < rule.size then
      return false
    end
  end
  if rule.flags ~= nil then
    local fi = ai.flags
    if not fi or band(sc.args[fi], rule.flags) ~= rule.flags then
      return false
    end
  end
  if rule.path_pattern then
    local p = call_path(g, sc)
    if not p or not p:match(rule.path_pattern) then
      return false
    end
  end
  return true
end

-- Apply an action; returns what the handler returns.
local function act(g, sc, a)
  if a.error then
    local e = type(a.error) == "number" and a.error or api.errno_by_name(a.error)
    return -e
  elseif a.retval then
    return a.retval
  elseif a.eintr then
    -- The kernel restarts the call, or fails it with EINTR for a handler
    -- without SA_RESTART, as for a real signal.
    return -ERESTARTSYS
  elseif a.short then
    local n, i = call_size(sc)
    if n and n > a.short then
      sc.args[i] = a.short
    end
    return nil
  elseif a.delay then
    local us = parse_delay(a.delay)
    local ts = ffi.new("int64_t[2]", math.floor(us / 1e6), math.floor((us % 1e6) * 1000))
    g:inject(syscall.sys.nanosleep(ffi.string(ts, 16), 0))
    return nil
  elseif a.signal then
    local s = type(a.signal) == "number" and a.signal or api.signal_by_name(a.signal)
    g:inject(syscall.sys.tgkill(g.pid, g.tid, s))
    return nil
  end
end

-- fault.layer(rules, opts): the rules as a tool to compose over another
-- (revel.compose(layer, tool)): its handlers take the rules' syscalls, and a
-- call no rule takes goes on to the inner tool. opts: seed, log (path), replay
-- (path of a log). The layer keeps its counts and its log for its life: --watch
-- composes the same layer over each reload of the tool.
function M.layer(rules, opts)
  opts = opts or {}
  local seed = opts.seed or 0
  local logf
  if opts.log then
    local err
    logf, err = io.open(opts.log, "w")
    if not logf then
      bad(("cannot open the fault log %s"):format(err)) -- (io.open's message names the file)
    end
    rffi.cloexec(logf)
  end
  local replay
  local subs = {}
  for _, r in ipairs(rules) do
    for nr in pairs(r.set) do
      subs[names[nr]] = true
    end
  end
  if opts.replay then
    local calls
    replay, calls = replay_log.load(opts.replay, parse_delay) -- every record checked
    for name in pairs(calls) do
      subs[name] = true
    end
  end

  local counts = setmetatable({}, { __mode = "k" }) -- g -> { [name] = n, [rule] = n }
  local log_failed = false
  local function log(g, sc, index, action)
    if not logf then
      return
    end
    local ok, err = logf:write(json.encode({
      pid = g.pid, tid = g.tid, place = g.place, index = index,
      call = { name = sc.name, args = decode_args(g, sc), text = tostring(sc) },
      action = action,
    }), "\n")
    if ok then
      ok, err = logf:flush()
    end
    if not ok and not log_failed then -- said once, as lost trace output is
      log_failed = true
      io.stderr:write(("revel: %s: %s\n"):format(opts.log, tostring(err):gsub("^[^:]*: ", "")))
    end
  end

  -- Apply an action, then give the inner tool its say as for any call: a
  -- faulted call reaches its handler as an inject rule's does (g:inject of it
  -- returns the fault, and returning nothing lets the fault stand).
  local function fire(g, sc, name, index, a, inner)
    log(g, sc, index, a)
    if a.eintr then
      counts[g].restarting = name
      return act(g, sc, a)
    end
    local r = act(g, sc, a)
    if r == nil then
      return nil -- the call runs (short, delay, signal), through the inner tool
    end
    return inner(g, sc, r)
  end

  local function handle(g, sc, inner)
    local c = counts[g]
    if not c then
      c = {}
      counts[g] = c
    end
    local name = sc.name
    local index = (c[name] or 0) + 1
    c[name] = index
    if c.restarting == name then
      -- The call an eintr action interrupted, restarted by the kernel: it
      -- runs this time (or the guest would restart it for ever).
      c.restarting = nil
    elseif replay then
      local a = replay[g.place .. "|" .. name .. "|" .. index]
      if a then
        return fire(g, sc, name, index, a, inner)
      end
    else
      for ruleno, rule in ipairs(rules) do
        if matches(rule, g, sc) then
          local n = (c[rule] or 0) + 1
          c[rule] = n
          if (not rule.when or when_matches(rule.when, n))
            and (not rule.p or draw(seed, g.place, index, sc.nr, ruleno) < rule.p) then
            return fire(g, sc, name, index, describe(rule), inner)
          end
        end
      end
    end
    return nil -- no rule takes it: on to the inner tool
  end

  local layer = { on = {} }
  for name in pairs(subs) do
    layer.on[name] = handle
  end
  function layer.finish()
    if logf then
      logf:close()
      logf = nil
    end
  end
  return layer
end

-- fault.tool(rules, opts): a tool applying rules (in order; the first that
-- fires wins) over opts.inner: revel.compose(fault.layer(rules, opts), opts.inner).
function M.tool(rules, opts)
  opts = opts or {}
  return compose(M.layer(rules, opts), opts.inner or {})
end

return M
