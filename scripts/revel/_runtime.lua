-- revel._runtime (private): runs a guest under a tool. The loop takes events from the engine
-- and runs each guest thread's handler in a coroutine of its own: a handler
-- that injects a syscall yields back here until its result comes, so other
-- threads' events are served meanwhile.
local rffi = require("revel.ffi")
local syscall = require("revel._syscall")
local state = require("revel._state")
local guest = require("revel._guest")
local errors = require("revel._errors")
local startup = require("revel._startup")
local traps = require("revel._traps")
local answers = require("revel._answer")
local vdso = require("revel._vdso")
local timers = require("revel._timers")
local engine_opts = require("revel._engine_opts")
local sched_hook = require("revel._sched_hook")

local ffi, api = rffi.ffi, rffi.api
local names = rffi.names
local EV_SYSCALL, EV_INJECTED, EV_TASK_NEW, EV_EXEC = rffi.EV_SYSCALL, rffi.EV_INJECTED,
  rffi.EV_TASK_NEW, rffi.EV_EXEC
local EV_SIGNAL, EV_TASK_EXIT, EV_PROCESS_EXIT, EV_DONE = rffi.EV_SIGNAL, rffi.EV_TASK_EXIT,
  rffi.EV_PROCESS_EXIT, rffi.EV_DONE
local ACT_CONTINUE, ACT_RETURN, ACT_INJECT, ACT_TAIL = rffi.ACT_CONTINUE, rffi.ACT_RETURN,
  rffi.ACT_INJECT, rffi.ACT_TAIL
local DONE, INJECT, TAIL = guest.DONE, guest.INJECT, guest.TAIL
local FAILED = {} -- tags are tables: a value the tool yields itself is none of them
local resume, create = coroutine.resume, coroutine.create
local band, rshift = bit.band, bit.rshift
local EVF_FAULT = rffi.EVF_FAULT
local A = rffi.A

local integer, set_call, answer = answers.integer, answers.set_call, answers.answer
local continue_call = answers.continue_call

local M = {}

M.exit_code = state.exit_code
local RunError, run_error = errors.RunError, errors.run_error

-- The run: what one revel.run holds (the engine, the tool, the threads). Each
-- g carries it as g.run; init_global gets it as its second argument. Its
-- public face is these methods; its fields are the runtime's own.
local Run = {}
Run.__index = Run

-- The engine (a revel_engine * cdata), for tools that drive the C API.
function Run:engine()
  return self.E
end

-- Whether the engine's observer (a tool that prints in C) takes syscall
-- `nr` (a number or a name); a call it does not take reaches Lua.
function Run:observe(nr, on)
  if type(nr) == "string" then
    nr = rffi.numbers[nr]
  end
  return api.set_observed(self.E, nr, on and 1 or 0) == 0
end

local active = false -- one run at a time in a Lua state

-- The traceback is taken where the error happened, before the stack unwinds.

-- Each thread's handlers run in this loop; it yields DONE with the result
-- and lives on for the thread's next call. An error ends it: its traceback is
-- taken from the dead coroutine, as a message handler may have no stack left
-- to run on (a stack overflow).
local function thread_main(g, sc, handler)
  while true do
    local r = handler(g, sc)
    g, sc, handler = coroutine.yield(DONE, r)
  end
end

-- "file:line: " of the tool's code a coroutine waits in (a g:inject), or of
-- the handler f's definition when it has returned.
local function tool_where(co, f)
  for level = 0, co and 30 or -1 do
    local info = debug.getinfo(co, level, "Sl")
    if not info then
      break
    end
    if info.what ~= "C" and info.source:sub(1, 7) ~= "@revel/" then
      return ("%s:%d: "):format(info.short_src, info.currentline)
    end
  end
  local info = f and debug.getinfo(f, "S")
  if info and info.what ~= "C" then
    return ("%s:%d: "):format(info.short_src, info.linedefined)
  end
  return ""
end

local function describe(g, sc)
  if g._hook then
    return ("%s of thread %d"):format(g._hook, g.tid)
  end
  return ("%s in thread %d"):format(tostring(sc), g.tid)
end

-- SIGTERM or SIGHUP to revel: whatever the tool was doing (a handler that
-- never returns is interrupted by bindings/cli/signals.c) ends, the loop
-- lets go of the guest, and finish still runs.
local Stop = {}

local function stopping(msg)
  return setmetatable({ message = msg }, Stop)
end

local function handler_failed(run, g, co, err)
  if rffi.cli.stop_requested() ~= 0 then
    local msg = type(err) == "table" and err.message or err
    error(stopping(("%s (at %s)"):format(tostring(msg), describe(g, g._sc))), 0)
  end
  local msg, tb
  if type(err) == "table" and err.traceback then
    msg, tb = state.located(g._fn, err.message), err.traceback
  else -- the coroutine itself died: drop it
    g._co = nil
    msg, tb = state.located(g._fn, err), state.dead_traceback(co)
  end
  local where = describe(g, g._sc)
  g._busy, g._hook = false, nil
  local after = g._then
  g._then = nil
  if run.on_error == "continue" then
    io.stderr:write("revel: error in tool: ", msg, " (at ", where, ")\n", tb, tb ~= "" and "\n" or "")
    if after then -- the root's thread_start failed: its event goes on
      return after()
    end
    local act = run.act
    if g._ran then
      -- The handler had run the call itself: that result stands, the call
      -- does not run twice.
      act.kind, act.value = ACT_RETURN, g._ran
    else
      act.kind, act.nr = ACT_CONTINUE, g._ev.nr
      for i = 1, 6 do
        act[A[i]] = g._ev[A[i]]
      end
    end
    answer(run, g, act)
    return
  end
  error(run_error("error in tool: " .. msg .. " (at " .. where .. ")", tb), 0)
end

-- Act on what a thread's coroutine yielded or returned.
local function after_resume(run, g, co, ok, tag, value)
  if not ok then
    if g._co == co then
      g._co = nil -- dead: the thread's next handler gets a new one
    end
    return handler_failed(run, g, co, tag)
  end
  local act = run.act
  if tag == FAILED then
    return handler_failed(run, g, co, value)
  elseif tag == DONE then
    g._busy = false
    if g._hook then -- thread_start, post_exec: the thread goes on
      g._hook = nil
      local after = g._then
      if after then -- the root's thread_start: now the event it came before
        g._then = nil
        return after()
      end
      act.kind, act.sig = ACT_CONTINUE, 0
    elseif value == nil then
      local err = continue_call(run, g, act, g._sc)
      if err then
        return handler_failed(run, g, co, { message = tool_where(co, g._fn) .. err, traceback = "" })
      end
      return
    elseif type(value) == "number" and integer(value) then
      act.kind, act.value = ACT_RETURN, value
    else
      local what = type(value) == "number" and tostring(value) .. ", not an integer" or "a " .. type(value)
      -- No frame of the tool is left to show: name the handler.
      return handler_failed(run, g, co, { message = tool_where(co, g._fn)
        .. ("the handler returned %s; a number (the result) or nothing was expected"):format(what),
        traceback = ("stack traceback:\n\t%s: in the handler that returned"):format(state.defined(g._fn)) })
    end
  elseif tag == INJECT then
    g._running_original = value == g._sc and not g._hook
    act.kind = ACT_INJECT
    local err = set_call(run, g, act, value)
    if err then
      return handler_failed(run, g, co, tool_where(co, g._fn) .. err)
    end
  elseif tag == TAIL then
    act.kind = ACT_TAIL
    local where = tool_where(co, g._fn)
    local err = set_call(run, g, act, value)
    g._co, g._busy = nil, false -- the handler never comes back from a tail injection
    if err then
      return handler_failed(run, g, co, where .. err)
    end
  else
    -- The tool's own coroutine.yield: the handler cannot be resumed by it.
    return handler_failed(run, g, co, tool_where(co, g._fn)
      .. "coroutine.yield inside a handler is not allowed (g:inject runs a syscall and waits for it)")
  end
  answer(run, g, act)
end

-- Run f(g, sc) in the thread's own coroutine (made anew if it died: a dead
-- one is dropped where its resume fails, so no coroutine.status here, which
-- would cut the JIT's trace at every call) and act on what it yields or returns.
local function run_in_thread(run, g, sc, f)
  local co = g._co
  if co == nil then
    co = create(thread_main)
    g._co = co
  end
  g._fn = f -- named in its errors
  local ok, tag, value = resume(co, g, sc, f)
  after_resume(run, g, co, ok, tag, value)
end

-- The spawned command's first thread has no task-new event: its
-- thread_start runs at its first event (its execve's handler, or post_exec),
-- and then(), that event's own work, when it returns. False if there is no
-- thread_start to run.
local function start_root(run, g, after)
  run.root_pending = nil
  local hook = run.tool.thread_start
  if not hook then
    return false
  end
  g._hook, g._busy, g._then = "thread_start", true, after
  run_in_thread(run, g, nil, hook)
  return true
end

-- A function of its own: a closure in on_syscall would keep it from the JIT.
local function start_root_at_call(run, g, sc, nr, t)
  return start_root(run, g, function()
    g._busy, g._ran, g._time = true, nil, t
    run_in_thread(run, g, sc, run.handlers[nr])
  end)
end

local function on_syscall(run, lev)
  local tid = lev.tid
  local g = run.threads[tid]
  if not g then
    g = state.adopt(run, tid, lev.pid)
  end
  local nr = lev.nr
  ffi.copy(g._ev, lev, run.lev_size)
  g._time = lev.time
  local sc = g._sc
  rawset(sc, "nr", nr)
  rawset(sc, "name", names[nr])
  rawset(sc, "_result", nil) -- a new call: not run yet
  local args = sc.args
  args[1], args[2], args[3], args[4], args[5], args[6] = lev.a0, lev.a1, lev.a2, lev.a3, lev.a4, lev.a5
  -- An inject rule fails this call unless the handler decides otherwise.
  if band(lev.flags, EVF_FAULT) ~= 0 then
    g._fault = lev.result
  else
    g._fault = nil
  end
  g._busy, g._ran = true, nil
  if run.root_pending == g and start_root_at_call(run, g, sc, nr, lev.time) then
    return
  end
  run_in_thread(run, g, sc, run.handlers[nr])
end

-- thread_start(g) and post_exec(g) run like handlers: in the thread's
-- coroutine, free to inject, the thread held until they return.
local function run_hook(run, ev, name, hook)
  local g = run.threads[ev.tid]
  if not g or not hook then
    return false
  end
  if g._busy then
    -- An injected execve, its handler still waiting for the result: the
    -- hook runs here, and may not inject.
    state.call_hook(hook, ("%s of thread %d"):format(name, g.tid), g)
    return false
  end
  g._hook, g._busy = name, true
  run_in_thread(run, g, nil, hook)
  return true
end

local function on_injected(run, lev)
  local g = run.threads[lev.tid]
  local co = g and g._co
  if not co then
    -- A handler that is no more (its error was reported): run the call.
    local act = run.act
    act.kind, act.nr = ACT_CONTINUE, g._ev.nr
    for i = 1, 6 do
      act[A[i]] = g._ev[A[i]]
    end
    return answer(run, g, act)
  end
  if g._running_original then
    g._ran = lev.result
  end
  g._time = lev.time
  local ok, tag, value = resume(co, lev.result)
  after_resume(run, g, co, ok, tag, value)
end

-- Resume a task stopped at an event that is not a syscall.
local function let_go(run, tid, sig)
  local act = run.act
  act.kind, act.sig = ACT_CONTINUE, sig or 0
  api.resume(run.E, tid, act, nil)
  act.sig = 0
end

-- tool.signal(g, sig) returns the signal to deliver: nil keeps it, false
-- suppresses it, a number delivers that signal instead.
local function on_signal(run, lev)
  local tid, sig = lev.tid, lev.sig
  local g = run.threads[tid]
  if sig == traps.SIGSEGV and run.traps and traps.on_sigsegv(run, g, tid, run.traps) then
    return let_go(run, tid, 0) -- an rdtsc or cpuid of the tool's: answered
  end
  if sig == timers.SIG and run.timed then -- one of g:set_timer's, never the guest's
    local due = timers.take(run, g, tid, lev)
    if due ~= nil then
      return due and run_hook(run, lev, "timer", run.tool.timer) or let_go(run, tid, 0)
    end
  end
  local passing = g and rawget(g, "_passing")
  if passing and passing[sig] then -- a held signal g:deliver sends: not held again
    passing[sig] = passing[sig] > 1 and passing[sig] - 1 or nil
    return let_go(run, tid, sig)
  end
  local deliver = sig
  if g and run.tool.signal then
    g._time = lev.time
    local f = run.tool.signal
    local at = ("signal %s of thread %d"):format(rffi.signal_name(sig) or sig, tid)
    g._in_signal = true
    local r = state.call_hook(f, at, g, sig)
    g._in_signal = nil
    if g._hold then -- g:hold_signal: kept for g:deliver
      local held = g._held or {}
      g._hold, g._held, held[sig] = nil, held, (held[sig] or 0) + 1
      r = false
    end
    if r == false then
      deliver = 0
    elseif type(r) == "number" and integer(r) and r >= 0 and r <= 64 then
      deliver = r
    elseif r ~= nil then
      local what = type(r) == "number" and tostring(r) or "a " .. type(r)
      local def = state.defined(f)
      local msg = ("error in tool: %s: tool.signal returned %s; a signal number, false or nothing was "
        .. "expected (at %s)"):format(def, what, at)
      error(run_error(msg, ("stack traceback:\n\t%s: in function 'signal'"):format(def)), 0)
    end
  end
  let_go(run, tid, deliver)
end

-- Its own function: a closure in dispatch would keep dispatch from the JIT.
local function on_exec(run, lev)
  vdso.at_exec(run, lev.ev.tid) -- before any hook: one may inject through the vDSO
  state.exec(run, lev.ev)
  local g = run.threads[lev.ev.tid]
  if g and not g._busy then
    ffi.copy(g._ev, lev, run.lev_size)
    g._time = lev.time
  end
  local ev, t = { tid = lev.ev.tid }, lev.time -- lev is reused by the next event
  local function post_exec()
    if g and not g._busy then
      g._time = t
    end
    if not run_hook(run, ev, "post_exec", run.tool.post_exec) then
      let_go(run, ev.tid)
    end
  end
  if not (g and run.root_pending == g and not g._busy and start_root(run, g, post_exec)) then
    post_exec()
  end
end

local function dispatch(run, lev)
  local kind = lev.kind
  if kind == EV_SYSCALL then
    on_syscall(run, lev)
  elseif kind == EV_INJECTED then
    on_injected(run, lev)
  elseif kind == EV_TASK_NEW then
    state.task_new(run, lev.ev)
    local g = run.threads[lev.ev.tid]
    if g then
      ffi.copy(g._ev, lev, run.lev_size)
      g._time = lev.time
    end
    if not run_hook(run, lev.ev, "thread_start", run.tool.thread_start) then
      let_go(run, lev.ev.tid)
    end
  elseif kind == EV_EXEC then
    on_exec(run, lev)
  elseif kind == EV_SIGNAL then
    on_signal(run, lev)
  elseif kind == EV_TASK_EXIT then
    state.task_exit(run, lev.ev)
  elseif kind == EV_PROCESS_EXIT then
    state.process_exit(run, lev.ev)
  elseif kind == rffi.EV_DETACHED then
    state.task_detached(run, lev.ev, true) -- -b execve: the thread runs on untraced
  elseif kind == rffi.EV_SCHEDULE then
    sched_hook.dispatch(run, lev) -- tool.schedule (revel._sched_hook)
  elseif kind == rffi.EV_GDB_MONITOR and run.plan.gdb_monitor then
    run.plan.gdb_monitor(run, lev) -- --gdbserver's `monitor lua CODE` (revel._gdb)
  end
end

-- A rule for the engine: an -e inject= spec, or { rule = SPEC } for a --rule
-- the engine runs (revel.fault.split). The rule, or nil and a message.
local function engine_rule(spec)
  if type(spec) ~= "table" then
    return rffi.inject_rule(spec)
  end
  local rule = ffi.new("struct revel_inject_rule")
  local err = ffi.new("char[1024]")
  if api.rule_parse(spec.rule, rule, err, 1024) ~= 0 then
    return nil, ffi.string(err)
  end
  return rule
end

-- The end of a run with processes attached (-p): they are detached and run
-- on (the tool's detach(g) hook sees each thread let go of, and strace's
-- "Process N detached" is said), the rest is killed. Without, kill_all.
local function let_go_all(run)
  local plan = run.plan
  if not plan.attach then
    api.kill_all(run.E)
    return
  end
  local max = 4096
  local tids = ffi.new("pid_t[?]", max)
  local n = math.min(api.detach_all(run.E, tids, max), max)
  local hook = run.tool.detach
  for i = 0, n - 1 do
    local tid = tids[i]
    local g = run.threads[tid]
    if g and hook then
      state.call_hook(hook, "detach of thread " .. tid, g)
    end
  end
  if plan.attach_say and plan.detach_say then
    for i = 0, n - 1 do
      if plan.attach_say.all or plan.attach_say[tids[i]] then
        io.stderr:write(("revel: Process %d detached\n"):format(tids[i]))
      end
    end
  end
end

-- strace -p PID...: each process attached before the command (if any) is
-- spawned. Nil, or the error table the run returns.
local function attach_all(run, plan)
  for _, pid in ipairs(plan.attach) do
    local n = api.attach(run.E, pid)
    if n < 0 then
      return { spawn_error = ("attach: ptrace(PTRACE_SEIZE, %d): %s"):format(pid, rffi.strerror(-n)),
        code = 125 }
    end
    rffi.cli.signals_attach(pid)
    local say = plan.attach_say
    if say then
      if say.all and n > 1 then
        io.stderr:write(("revel: Process %d attached with %d threads\n"):format(pid, n))
      else
        io.stderr:write(("revel: Process %d attached\n"):format(pid))
      end
    end
  end
end

-- Start the command: its pid, or nil and the error table the run returns.
local function spawn(run, argv)
  local cargv = ffi.new("char *[?]", #argv + 1)
  local keep = {}
  for i, a in ipairs(argv) do
    keep[i] = ffi.new("char[?]", #a + 1, a)
    cargv[i - 1] = keep[i]
  end
  local pid = api.spawn(run.E, cargv)
  rffi.cli.signals_root(pid)
  if pid < 0 then
    local err = -pid
    local code = err == 2 and 127 or err == 13 and 126 or 125
    if err == 1 then -- only the ptrace seize says EPERM
      return nil, { spawn_error = errors.seize_refused(), code = 125 }
    end
    return nil, { spawn_error = ("%s: %s"):format(argv[1], rffi.strerror(err)), code = code }
  end
  state.root(run, pid)
  run.root_pending = run.threads[pid] -- see start_root
  return pid
end

-- The engine and the run for plan, no guest yet (M.run; the in-guest
-- backend's ptrace fallback, revel._guest_fallback, drives its own loop).
function M.open(plan)
  local opt = ffi.new("struct revel_options")
  for nr in pairs(plan.subscribed) do
    opt.subscribed[nr] = 1
  end
  for nr in pairs(plan.handlers) do
    opt.handled[nr] = 1
  end
  opt.want_tasks = 1
  opt.want_signals = plan.tool.signal and 1 or 0
  local run_traps = traps.for_run(plan) -- nil, or refused with a run error
  if run_traps then
    opt.want_signals = 1 -- their faults are SIGSEGV stops
  end
  opt.own_signal = run_traps and run_traps.timer and timers.SIG or 0
  opt.detach_on_exec = plan.detach_on_exec and 1 or 0
  opt.debug = plan.debug and 1 or 0 -- strace -d: the wait statuses on stderr
  opt.sig_default = rffi.cli.signals_changed()
  opt.interrupt = rffi.cli.stop_flag() -- a stop signal reaches the loop
  local place = os.getenv("REVEL_TRACER_CPU")
  if place and tonumber(place) then
    opt.placement, opt.tracer_cpu = ffi.C.REVEL_PLACE_CPU, tonumber(place)
  end
  local envp_keep -- the strings and the array live as long as the run
  if plan.env then
    local n = #plan.env
    envp_keep = { ffi.new("char *[?]", n + 1) }
    for i, kv in ipairs(plan.env) do
      envp_keep[i + 1] = ffi.new("char[?]", #kv + 1, kv)
      envp_keep[1][i - 1] = envp_keep[i + 1]
    end
    opt.envp = envp_keep[1]
  end
  local startup_keep = {} -- -u's user name, the sched log's: alive until the run is over
  startup.engine_options(opt, plan.startup, startup_keep)
  engine_opts.apply(opt, plan, startup_keep) -- spin, placement, sched
  local errp = ffi.new("const char *[1]")
  local E = api.engine_new(opt, errp)
  if E == nil then
    error(run_error("cannot start the engine: " .. ffi.string(errp[0])), 0)
  end
  E = ffi.gc(E, api.engine_free)
  for _, spec in ipairs(plan.injects or {}) do
    local rule, perr = engine_rule(spec)
    local rc = rule and api.add_inject(E, rule) or -22
    if rc ~= 0 then
      api.engine_free(ffi.gc(E, nil))
      local text = type(spec) == "table" and spec.rule or spec
      error(run_error(perr or ("cannot add inject rule %q: %s"):format(text, rffi.strerror(-rc))), 0)
    end
  end
  local run = setmetatable({
    E = E,
    tool = run_traps and traps.wrap(plan.tool, run_traps) or plan.tool,
    traps = run_traps,
    vdso = plan.vdso,
    timed = run_traps and run_traps.timer,
    config = plan.config,
    handlers = plan.handlers,
    on_error = plan.on_error or "abort",
    exit_with_root = plan.exit_with_root,
    threads = {},
    procs = {},
    act = ffi.new("struct revel_lua_action"),
    lev_size = ffi.sizeof("struct revel_lua_event"),
    active = true, -- until the loop is over (tostring(sc) decodes while it is)
    envp = envp_keep, -- the guest's environment, alive until it is spawned
    startup = startup_keep,
    plan = plan,
  }, Run)
  return run
end

M.dispatch = dispatch

-- plan: from revel._tool.plan(); argv: list of strings. Returns the exit code.
function M.run(plan, argv)
  if active then
    error("revel.run: a run is already going on in this Lua state", 2)
  end
  local run = M.open(plan)
  local E = run.E
  active = true
  rffi.cli.interruptible(1)
  local ok, code = xpcall(function()
    state.start(run)
    if plan.attach then
      local aerr = attach_all(run, plan)
      if aerr then
        return aerr
      end
    end
    local pid
    if #argv > 0 then
      local serr
      pid, serr = spawn(run, argv)
      if not pid then
        return serr
      end
    end
    local lev = ffi.new("struct revel_lua_event")
    while true do
      local rc = api.next(E, lev)
      if rc == 0 then
        local kind = lev.kind
        if kind == EV_DONE then
          break
        end
        dispatch(run, lev)
        if kind == EV_PROCESS_EXIT and lev.ev.pid == pid and plan.exit_with_root then
          -- The root is done: what it left behind goes with it.
          local status = lev.ev.status
          let_go_all(run)
          return M.exit_code(status)
        end
      elseif rc ~= -4 then -- EINTR: look again
        error(run_error("waiting for the guest failed: " .. rffi.strerror(-rc)), 0)
      end
      local between = plan.between_events -- hot reload looks for a changed tool here
      if between then
        between(run)
      end
      local sig = rffi.cli.stop_requested()
      if sig ~= 0 then
        -- SIGTERM or SIGHUP to revel (with -p also SIGINT, SIGQUIT): end
        -- the guest (detach what was attached), still run finish.
        let_go_all(run)
        return 128 + sig
      end
    end
    return M.exit_code(lev.ev.status)
  end, function(e)
    if getmetatable(e) == RunError or getmetatable(e) == Stop then
      return e
    end
    if rffi.cli.stop_requested() ~= 0 then
      return stopping(errors.text(e))
    end
    return run_error("error in tool: " .. errors.text(e), debug.traceback("", 2):gsub("^\n", ""))
  end)
  rffi.cli.interruptible(0)
  active, run.active = false, false
  if not ok and getmetatable(code) == Stop then
    io.stderr:write("revel: ", code.message, "\n")
    let_go_all(run)
    ok, code = true, 128 + rffi.cli.stop_requested()
  end
  if not ok then
    api.kill_all(E)
    api.engine_free(ffi.gc(E, nil))
    if getmetatable(code) ~= RunError then
      code = run_error(tostring(code))
    end
    error(code, 0)
  end
  if type(code) == "table" then
    api.engine_free(ffi.gc(E, nil))
    return code.code, run.global, code.spawn_error
  end
  -- finish runs while the engine still exists (a tool may hold parts of it),
  -- and the engine goes whatever finish does.
  local fok, ferr = xpcall(state.finish, function(e)
    if getmetatable(e) == RunError then
      return e
    end
    return run_error("error in tool: " .. errors.text(e), (debug.traceback("", 2):gsub("^\n", "")))
  end, run, code)
  timers.close_all(run)
  api.engine_free(ffi.gc(E, nil))
  if not fok then
    error(ferr, 0)
  end
  return code, run.global
end

local function pass() end

-- Put another plan's tool and handlers in place in a running guest (hot
-- reload, the REPL): they take effect at the next event, and the global,
-- process and thread state stay as they are. The seccomp filter cannot grow
-- once the guest runs: a handler for a syscall that is not subscribed is left
-- out, and the names of those are returned. Signal stops cannot be turned on
-- or off either: a tool without a signal hook passes signals on.
function M.replace_tool(run, plan)
  local new, missing = {}, {}
  for nr, h in pairs(plan.handlers) do
    if api.set_handled(run.E, nr, 1) == 0 then
      new[nr] = h
    else
      missing[#missing + 1] = names[nr] or tostring(nr)
    end
  end
  for nr in pairs(run.handlers) do
    if not new[nr] then
      api.set_handled(run.E, nr, 0)
      new[nr] = pass -- an event already on its way runs unchanged
    end
  end
  local tool = plan.tool
  if run.tool.signal and not tool.signal then
    tool = setmetatable({ signal = pass }, { __index = tool })
  end
  if run.traps then -- the faulting is set at each exec, whatever the tool
    tool = traps.wrap(tool, run.traps)
  end
  run.tool, run.handlers, run.vdso = tool, new, plan.vdso
  table.sort(missing)
  return missing
end

return M
