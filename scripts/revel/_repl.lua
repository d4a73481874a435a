-- revel._repl (private): revel --repl, a Lua prompt on a live guest.
--
-- The REPL is a layer over the tool (revel._live composes it): when a syscall
-- event should stop (stepping, or a breakpoint), the read-eval-print loop runs
-- right there, inside the thread's handler coroutine, so g:inject works at the
-- prompt. The line typed decides what the handler returns: ret(n) is the
-- result the guest sees; step() and cont() let the call go on (through the
-- user's tool handler, if it has one). While the prompt is open the other
-- guest threads stop at their next event (all-stop), and events of other
-- threads that come while an inject() from the prompt runs go on unstopped.
--
-- Everything the REPL prints goes to stderr; the guest's stdout stays its own.
local rffi = require("revel.ffi")
local revel = require("revel")
local tool_mod = require("revel._tool")
local errors = require("revel._errors")
local guest = require("revel._guest")
local view = require("revel._repl_view")

local ffi, api = rffi.ffi, rffi.api
local argnames = rffi.argnames

local M = {}
local S = {}
S.__index = S

local POLL_MS = 200 -- how often an open prompt looks at the guest

local HELP = [[
At the prompt, Lua with these in scope:
  g, sc            the stopped guest thread and its syscall (=sc: its strace line)
  step()           run this call and stop at the next event
  cont()           run on to the next breakpoint, or to the end
  ret(n)           skip this call; the guest sees n (ret(-EACCES), ret("EACCES"))
  brk("openat")    stop at a syscall (a name or a class: brk("%file")); brk(fn):
                   stop where fn(g, sc) returns true; brk() lists breakpoints
  unbrk([id])      remove a breakpoint, or all of them
  inject(call)     run a syscall in the stopped thread now: inject(sys.getpid())
  regs()           the thread's registers
  mem(addr [, n])  hexdump n bytes (64) of guest memory
  str(addr)        a NUL-terminated string from guest memory
  threads(), ps()  the guest's threads and processes
  reload()         load the tool file again, keeping its state
  sys, revel       revel.sys (calls to inject) and the revel module
  EACCES, ...      errno numbers by name
  =EXPR            print EXPR (expressions print without = too)
Tab completes; Ctrl-C clears the line; Ctrl-D lets the guest run to its end.]]

local show, printable, proc_state, STATES = view.show, view.printable, view.proc_state, view.STATES
local describe_status, cmdline, hexdump, regs_text = view.describe_status, view.cmdline, view.hexdump,
  view.regs_text

local function pack(...)
  return { n = select("#", ...), ... }
end


-- ---- the session ----

function M.new(host)
  local s = setmetatable({
    host = host,
    mode = "step", -- step | cont | detached
    brks = {},
    next_id = 1,
    active = false, -- a prompt is open (or waits on an inject it ran)
    reported = {},
    tty = rffi.cli.repl_tty() ~= 0,
    lp = ffi.new("char *[1]"),
    started = false,
  }, S)
  local home = os.getenv("HOME")
  s.history = s.tty and home and home ~= "" and (home .. "/.revel_history") or nil
  s.env = s:make_env()
  return s
end

function S:say(...)
  io.stderr:write(table.concat({ ... }), "\n")
  io.stderr:flush()
end

function S:notice(msg)
  rffi.cli.repl_notice(msg)
end

-- The thread helpers act on: the stopped one, or the one a breakpoint
-- function is looking at.
function S:here(what)
  local g = self.at
  if not g then
    error(what .. ": no guest thread is stopped here", 3)
  end
  return g
end

function S:need_prompt(what)
  if not self.g then
    error(what .. "() works at the prompt only", 3)
  end
end

function S:make_env()
  local s = self
  local h = {}

  -- step() and cont() choose how to go on; with ret(n) on the same line,
  -- the call is still skipped.
  function h.step()
    s:need_prompt("step")
    s.mode, s.decision = "step", s.decision or "go"
  end

  function h.cont()
    s:need_prompt("cont")
    s.mode, s.decision = "cont", s.decision or "go"
  end

  function h.ret(n)
    s:need_prompt("ret")
    if type(n) == "string" then
      local e = api.errno_by_name((n:gsub("^%-", "")))
      if e < 0 then
        error(("ret: unknown errno name %q"):format(n), 2)
      end
      n = -e
    end
    if type(n) ~= "number" then
      error("ret(n): n is the result the guest sees, a number (ret(-EACCES)) or an errno name", 2)
    end
    s.decision, s.ret_value = "ret", n
  end

  function h.brk(what)
    if what == nil then
      local rows = {}
      for _, b in ipairs(s.brks) do
        rows[#rows + 1] = tostring(b)
      end
      return printable(s.brks, #rows > 0 and table.concat(rows, "\n") or "no breakpoints")
    end
    local b = { id = s.next_id }
    if type(what) == "function" then
      b.fn, b.what = what, "a function"
    elseif type(what) == "string" then
      local ok, set = pcall(tool_mod.subscription_set, { what }, "brk")
      if not ok then
        error(errors.is(set) and set.message or tostring(set), 2)
      end
      b.nrs, b.what = set, what
    else
      error("brk(what): a syscall name, a class (\"%file\") or a function(g, sc)", 2)
    end
    s.next_id = s.next_id + 1
    setmetatable(b, { __tostring = function(x)
      return ("breakpoint %d: %s"):format(x.id, x.what)
    end })
    s.brks[#s.brks + 1] = b
    s.host:sync()
    return b
  end

  function h.unbrk(which)
    local keep, gone = {}, 0
    for _, b in ipairs(s.brks) do
      local drop = which == nil or which == b or which == b.id or which == b.what
      if drop then
        gone = gone + 1
      else
        keep[#keep + 1] = b
      end
    end
    if which ~= nil and gone == 0 then
      error(("unbrk: no breakpoint %s"):format(tostring(which)), 2)
    end
    s.brks = keep
    s.host:sync()
    return printable({ removed = gone }, ("%d breakpoint%s removed"):format(gone, gone == 1 and "" or "s"))
  end

  function h.inject(call)
    s:need_prompt("inject")
    if type(call) == "string" then
      if not rffi.numbers[call] then
        error("inject: " .. require("revel._syscall").unknown_message(call), 2)
      end
      call = revel.sys[call]()
    end
    local st = proc_state(s.g.tid)
    if not st or st == "Z" or st == "X" then
      error("inject: the thread is gone", 2)
    end
    return s.g:inject(call)
  end

  function h.regs()
    local g = s:here("regs")
    local raw = ffi.new("struct user_regs_struct")
    local rc = api.get_regs(g.run:engine(), g.tid, raw)
    if rc < 0 then
      error("regs: " .. (rffi.errno_name(-rc) or tostring(rc)), 2)
    end
    local t = {}
    for _, f in ipairs(guest.regs_fields) do
      t[f] = tonumber(raw[f])
    end
    local text = regs_text(raw)
    return printable(t, text)
  end

  function h.mem(addr, n)
    local g = s:here("mem")
    n = n or 64
    if type(addr) ~= "number" then
      error("mem(addr [, n]): addr is an address, a number", 2)
    end
    local data, err = g:read(addr, n)
    if not data then
      error(("mem: cannot read %d bytes at 0x%x: %s"):format(n, addr, tostring(err)), 2)
    end
    return hexdump(addr, data)
  end

  function h.str(addr, max)
    local g = s:here("str")
    if type(addr) ~= "number" then
      error("str(addr): addr is an address, a number", 2)
    end
    local v, err = g:string(addr, max)
    if not v then
      error(("str: cannot read a string at 0x%x: %s"):format(addr, tostring(err)), 2)
    end
    return v
  end

  function h.threads()
    local run = s.host.run
    local list = {}
    for _, t in pairs(run.threads) do
      list[#list + 1] = t
    end
    table.sort(list, function(a, b)
      return a.tid < b.tid
    end)
    local rows = { ("  %7s %7s  %s"):format("TID", "PID", "STATE") }
    for _, t in ipairs(list) do
      local where
      if t == s.g then
        where = "stopped here: " .. tostring(s.sc)
      elseif t._busy and t._sc and t._sc.name then
        where = "in its handler at " .. t._sc.name
      else
        local st = proc_state(t.tid)
        where = st and (STATES[st] or st) or "gone"
      end
      rows[#rows + 1] = ("%s %7d %7d  %s"):format(t == s.g and "*" or " ", t.tid, t.pid, where)
    end
    return printable(list, table.concat(rows, "\n"))
  end

  function h.ps()
    local run = s.host.run
    local pids, count = {}, {}
    for pid in pairs(run.procs) do
      pids[#pids + 1] = pid
    end
    table.sort(pids)
    for _, t in pairs(run.threads) do
      count[t.pid] = (count[t.pid] or 0) + 1
    end
    local rows = { ("%7s %7s %7s  %s"):format("PID", "PPID", "THREADS", "COMMAND") }
    local list = {}
    for _, pid in ipairs(pids) do
      local ppid = api.ppid(run.E, pid)
      list[#list + 1] = { pid = pid, ppid = ppid >= 0 and ppid or nil, threads = count[pid] or 0 }
      rows[#rows + 1] = ("%7d %7s %7d  %s"):format(pid, ppid >= 0 and tostring(ppid) or "?", count[pid] or 0,
        cmdline(pid))
    end
    return printable(list, table.concat(rows, "\n"))
  end

  function h.reload()
    local ok, note = s.host:reload()
    if not ok then
      error("reload: " .. note, 2)
    end
    return printable({}, "reloaded " .. s.host.path .. (note and (" (" .. note .. ")") or ""))
  end

  function h.help()
    return printable({}, HELP)
  end

  function h.print(...)
    local t = {}
    for i = 1, select("#", ...) do
      t[i] = tostring((select(i, ...)))
    end
    s:say(table.concat(t, "\t"))
  end

  h.sys = revel.sys
  h.revel = revel
  s.helpers = h
  s.vars = {}
  return setmetatable({}, {
    __index = function(_, k)
      local v = s.vars[k]
      if v ~= nil then
        return v
      end
      v = h[k]
      if v ~= nil then
        return v
      end
      v = _G[k]
      if v ~= nil then
        return v
      end
      if type(k) == "string" and k:match("^E[A-Z0-9]+$") then
        local n = api.errno_by_name(k)
        if n >= 0 then
          return n
        end
      end
      return nil
    end,
    __newindex = function(t, k, v)
      if k == "g" or k == "sc" then
        error(k .. " is the stopped " .. (k == "g" and "thread" or "syscall") .. "; pick another name", 2)
      end
      rawset(t, k, v)
    end,
  })
end


function S:set_words(sc)
  local w = {}
  for i, x in ipairs(view.base_words()) do
    w[i] = x
  end
  for _, x in ipairs(view.SC_FIELDS) do
    w[#w + 1] = "sc." .. x
  end
  for _, a in ipairs(argnames[sc.nr] or {}) do
    w[#w + 1] = "sc." .. a
  end
  for k in pairs(self.env) do
    if type(k) == "string" then
      w[#w + 1] = k
    end
  end
  local arr = ffi.new("const char *[?]", #w)
  for i, x in ipairs(w) do
    arr[i - 1] = x -- the strings live in w until the call returns; C copies them
  end
  rffi.cli.repl_set_words(arr, #w)
end

-- ---- stopping ----

-- The syscalls that must enter Lua for the REPL now.
function S:stop_nrs()
  local set = {}
  if self.mode == "detached" then
    return set
  end
  local any_fn = false
  for _, b in ipairs(self.brks) do
    if b.nrs then
      for nr in pairs(b.nrs) do
        set[nr] = true
      end
    else
      any_fn = true
    end
  end
  if self.mode == "step" or any_fn then
    for nr in pairs(self.host:stop_set()) do
      set[nr] = true
    end
  end
  return set
end

function S:match_brk(g, sc)
  for _, b in ipairs(self.brks) do
    if b.nrs then
      if b.nrs[sc.nr] then
        return b
      end
    else
      self.at = g
      local ok, r = pcall(b.fn, g, sc)
      self.at = nil
      if not ok then
        self:say(("breakpoint %d: error: %s"):format(b.id, tostring(r)))
        return b
      elseif r then
        return b
      end
    end
  end
  return nil
end

-- Called by the dispatcher for every event that enters Lua: nil to go on,
-- or the result the guest sees.
function S:maybe_stop(g, sc)
  if self.mode == "detached" or self.active then
    return nil
  end
  local hit
  if self.mode == "cont" then
    hit = self:match_brk(g, sc)
    if not hit then
      return nil
    end
  end
  return self:prompt(g, sc, hit)
end

-- Look at the guest while the prompt is open: report the processes that
-- ended; true when the stopped thread itself is gone.
function S:look_around(g)
  local run = g.run
  local alive, seen, gone = {}, {}, {}
  for tid, t in pairs(run.threads) do
    seen[t.pid] = true
    local st, status = proc_state(tid)
    if st and st ~= "Z" and st ~= "X" then
      alive[t.pid] = true
    else
      gone[tid] = status or true
    end
  end
  for pid in pairs(seen) do
    if not alive[pid] and not self.reported[pid] then
      self.reported[pid] = true
      local _, status = proc_state(pid)
      self:notice(("revel: process %d %s while the prompt was open"):format(pid, describe_status(status)))
    end
  end
  local status = gone[g.tid]
  if status then
    if alive[g.pid] then
      self:notice(("revel: thread %d %s while the prompt was open"):format(g.tid,
        describe_status(status ~= true and status or nil)))
    end
    return true
  end
  return false
end

function S:wait()
  local rc = rffi.cli.repl_wait(POLL_MS, self.lp)
  local line
  if rc == 1 then
    line = ffi.string(self.lp[0])
    rffi.cli.repl_free(self.lp[0])
  end
  return rc, line
end

function S:eval(src)
  local f, err
  if src:sub(1, 1) == "=" then
    f, err = loadstring("return " .. src:sub(2), "=stdin")
  else
    f = loadstring("return " .. src, "=stdin")
    if not f then
      f, err = loadstring(src, "=stdin")
    end
  end
  if not f then
    if err:sub(-7) == "'<eof>'" then
      return "more"
    end
    self:say(err)
    return "done"
  end
  setfenv(f, self.env)
  local r = pack(xpcall(f, function(e)
    return e
  end))
  if not r[1] then
    local e = r[2]
    if errors.is(e) then
      e = e.message
    end
    self:say("error: ", tostring(e))
  elseif r.n > 1 then
    local parts = {}
    for i = 2, r.n do
      parts[#parts + 1] = show(r[i], 0)
    end
    self:say(table.concat(parts, "\t"))
  end
  return "done"
end

function S:detach(why)
  self.mode = "detached"
  self:say("revel: ", why, ": the guest runs on to its end")
end

function S:prompt(g, sc, hit)
  self.active = true
  self.g, self.sc, self.at = g, sc, g
  self.vars.g, self.vars.sc = g, sc
  self.decision, self.ret_value = nil, nil
  if not self.started then
    self.started = true
    if self.history then
      rffi.cli.repl_history_load(self.history)
    end
    self:say(("revel: pid %d stopped at its first event; help() lists what you can do"):format(g.pid))
  end
  if hit then
    self:say(("breakpoint %d: %s"):format(hit.id, tostring(sc)))
  end
  local name = sc.name or ("syscall_" .. sc.nr)
  local main = ("revel [%d %s]> "):format(g.tid, name)
  local more = ("revel [%d %s]>> "):format(g.tid, name)
  local buf
  while not self.decision do
    if self:look_around(g) then
      self.decision = "gone"
      break
    end
    self:set_words(sc)
    rffi.cli.repl_begin(buf and more or main)
    local rc, line
    repeat
      rc, line = self:wait()
    until rc ~= 0 or self:look_around(g)
    if rc == 0 then
      rffi.cli.repl_end(1)
      self.decision = "gone"
    elseif rc == -1 then
      self:detach("end of input")
      self.decision = "go"
    elseif rc == 2 then
      buf = nil
    else
      if self.history and line:find("%S") then
        rffi.cli.repl_history_add(self.history, line)
      end
      buf = buf and (buf .. "\n" .. line) or line
      if self:eval(buf) ~= "more" then
        buf = nil
      end
    end
  end
  self.active = false
  self.g, self.sc, self.at = nil, nil, nil
  self.vars.g, self.vars.sc = nil, nil
  self.host:sync()
  if self.decision == "ret" then
    return self.ret_value
  end
  return nil
end

function S:finished(code)
  local how
  if code > 128 and code < 128 + 65 and rffi.signal_name(code - 128) then
    how = ("exited with status %d (%s)"):format(code, rffi.signal_name(code - 128))
  else
    how = ("exited with status %d"):format(code)
  end
  self:say("revel: the guest ", how)
end

function S:close()
  rffi.cli.repl_set_words(nil, 0)
end

return M
