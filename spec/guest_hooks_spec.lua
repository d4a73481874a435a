-- The life hooks under --backend=guest (guest/inguest_hooks.lua,
-- guest/guest_hooks.c, guest/guest_sigwrap.c): thread_start, post_exec,
-- exit_thread, exit_process, signal, rdtsc, cpuid, timer and g:fd_path (and the
-- state tiers across fork, clone and exec) run in the guest at the points
-- ptrace runs them. Each row runs one tool on a real program under
-- both backends and natively: the guest's output and status are native's,
-- and the hooks' lines are ptrace's, in ptrace's order where it has one.
local H = require("helpers.run")

after_each(H.cleanup)

local lib, have_lib = H.guest_lib, H.have_guest_lib

-- Every life hook, with what each sees of its state; lines name threads by
-- role (tids differ between runs). Handlers count writes in both tiers.
local LIFE = [[
local tool = { on = {} }
local function who(g) return g.tid == g.pid and "leader" or "thread" end
function tool.init_process(pid) return { n = 0, pid = pid } end
function tool.init_thread(tid, ptid, pt)
  print("init_thread", ptid and "child" or "first", pt and pt.k or "-")
  return { k = 0 }
end
function tool.thread_start(g) print("thread_start", who(g), g.process.pid == g.pid) end
function tool.post_exec(g) print("post_exec", who(g), g.process.n, g.thread.k) end
tool.on.write = function(g, sc) g.process.n = g.process.n + 1; g.thread.k = g.thread.k + 1 end
function tool.exit_thread(g, ts, code, status, by)
  print("exit_thread", who(g), ts == g.thread, ts.k, code, status, by and "by" or "-")
end
function tool.exit_process(g, ps, code, status)
  print("exit_process", who(g), ps == g.process, ps.n, code, status)
end
return tool
]]

local lines = H.lines

local function sorted(s)
  local t = lines(s)
  table.sort(t)
  return table.concat(t, "\n")
end

local function run3(tool, argv)
  local native = H.native(argv)
  local p = H.revel({ "--backend=ptrace", tool }, argv)
  local g = H.revel({ "--backend=guest", tool }, argv)
  assert.are.equal(native.code, p.code, "ptrace: " .. p.err)
  assert.are.equal(native.code, g.code, "guest: " .. g.err)
  assert.are.equal(native.out, g.out)
  return p, g
end

describe("--backend=guest's life hooks", function()
  if not have_lib then
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
    return
  end

  it("runs init_thread, thread_start, post_exec, exit_thread and exit_process in ptrace's order (threads, exec, vfork)", function()
    local t = H.tool(LIFE)
    for _, argv in ipairs({
      { H.guest("threads4") },
      { H.guest("vfork_variants") },
      { "sh", "-c", "echo one; /bin/true; exec /bin/echo two" },
    }) do
      local p, g = run3(t, argv)
      assert.truthy(p.err:match("^init_thread\tfirst\t%-\nthread_start\tleader\ttrue\npost_exec\tleader"), p.err)
      assert.are.equal(p.err, g.err, argv[1])
    end
  end)

  it("gives a fork tree's processes their exit hooks, exit_thread then exit_process in each", function()
    local t = H.tool(LIFE)
    local p, g = run3(t, { H.guest("forktree") })
    assert.are.equal(sorted(p.err), sorted(g.err))
    -- Lines of different processes interleave (they run at once); each
    -- process's own come in order.
    local pt = H.tool(LIFE:gsub('print%("exit_', 'print(g.pid, "exit_'))
    p, g = run3(pt, { H.guest("forktree") })
    for _, r in ipairs({ p, g }) do
      local last, n = {}, 0
      for _, s in ipairs(lines(r.err)) do
        local pid, what = s:match("^(%d+)\texit_(%a+)")
        if what == "process" then
          n = n + 1
          assert.are.equal("thread", last[pid], s)
        end
        if pid then
          last[pid] = what
        end
      end
      assert.are.equal(15, n)
    end
  end)

  it("keeps g.process and g.thread across an execve from a thread, whose leader's exit_thread says it was superseded", function()
    local t = H.tool(LIFE)
    local p, g = run3(t, { H.guest("exec_thread") })
    assert.truthy(p.err:match("exit_thread\tleader\ttrue\t1\t0\t0\tby\npost_exec\tleader\t1\t0\n"), p.err)
    assert.are.equal(p.err, g.err)
  end)

  it("sends counter2's per-process totals from exit_process for every process", function()
    local t = H.example("counter2.lua")
    local p, g = run3(t, { "sh", "-c", "ls / | wc -l; /bin/true" })
    assert.are.equal(p.err:match(" in (%d+) processes\n$"), g.err:match(" in (%d+) processes\n$"), g.err)
  end)

  it("lets thread_start and post_exec inject, and refuses g:inject in exit hooks as ptrace does", function()
    local t = H.tool([[
local tool = {}
function tool.thread_start(g) print("start", g:inject(revel.sys.getpid()) == g.pid) end
function tool.post_exec(g) print("exec", g:inject(revel.sys.gettid()) == g.tid) end
function tool.exit_process(g) g:inject(revel.sys.getpid()) end
return tool
]])
    local argv = { "sh", "-c", "exec /bin/true" }
    local p = H.revel({ "--backend=ptrace", t }, argv)
    local g = H.revel({ "--backend=guest", t }, argv)
    assert.are.equal(125, p.code)
    assert.are.equal(125, g.code)
    assert.truthy(p.err:match("^start\ttrue\nexec\ttrue\nexec\ttrue\n"), p.err)
    assert.truthy(g.err:match("^start\ttrue\nexec\ttrue\nexec\ttrue\n"), g.err)
    for _, r in ipairs({ p, g }) do
      assert.truthy(r.err:match("revel: error in tool: [^\n]*tool%.lua:4: g:inject may only be called from thread %d+'s own handler %(at exit_process of process %d+%)"), r.err)
    end
  end)

  -- tool.signal names each signal; the exit hooks say how the process ended.
  local SIG = [[
local tool = {}
function tool.signal(g, sig) print("signal", revel.signal_name(sig), g.tid == g.pid and "leader" or "thread") end
function tool.exit_thread(g, ts, code, status) print("exit_thread", g.tid == g.pid and "leader" or "thread", code, status) end
function tool.exit_process(g, ps, code, status) print("exit_process", code, status) end
return tool
]]

  it("asks tool.signal before a guest's handler and before a default that kills; a death by signal gets its exit hooks", function()
    local t = H.tool(SIG)
    for _, argv in ipairs({
      { H.guest("die"), "segv" },
      { H.guest("rtsig") },
      { "sh", "-c", "trap 'echo handler' USR1; kill -USR1 $$; echo after" },
      { "sh", "-c", "echo before; kill -TERM $$; echo not reached" },
    }) do
      local p, g = run3(t, argv)
      assert.are.equal(p.err, g.err, argv[#argv])
    end
    local p = run3(t, { H.guest("die"), "segv" })
    assert.are.equal("signal\tSIGSEGV\tleader\nexit_thread\tleader\t139\t11\nexit_process\t139\t11\n", p.err)
  end)

  it("ends every thread of a process a signal kills, the leader last, then the process", function()
    local t = H.tool(SIG)
    local argv = { "python3", "-c", "import threading, os, signal\n"
      .. "e = threading.Event()\nts = [threading.Thread(target=e.wait) for _ in range(3)]\n"
      .. "[t.start() for t in ts]\nos.kill(os.getpid(), signal.SIGTERM)" }
    local p, g = run3(t, argv)
    assert.are.equal(143, g.code)
    -- which thread takes a signal sent to the process is the kernel's choice
    local function any(e)
      return (e:gsub("(signal\tSIGTERM\t)%a+", "%1any"))
    end
    assert.are.equal(sorted(any(p.err)), sorted(any(g.err)))
    local l = lines(g.err)
    assert.are.equal(6, #l, g.err)
    assert.are.equal("exit_thread\tleader\t143\t15", l[5])
    assert.are.equal("exit_process\t143\t15", l[6])
  end)

  it("does not see what never reaches a handler or a default that kills: SIGCHLD (ptrace does), SIGKILL", function()
    local t = H.tool(SIG)
    local p, g = run3(t, { H.guest("signals") })
    local want = {}
    for _, l in ipairs(lines(p.err)) do
      if not l:match("SIGCHLD") then
        want[#want + 1] = l
      end
    end
    table.sort(want)
    assert.truthy(p.err:match("SIGCHLD"), p.err)
    assert.are.equal(table.concat(want, "\n"), sorted(g.err))
    p, g = run3(t, { H.guest("die"), "kill" })
    assert.are.equal("exit_thread\tleader\t137\t9\nexit_process\t137\t9\n", p.err)
    assert.are.equal("", g.err) -- SIGKILL: no exit hooks in the guest
  end)

  it("suppresses, changes, holds and delivers signals as tool.signal says (docs/api.md's late.lua)", function()
    local change = H.tool([[
local tool = {}
function tool.signal(g, sig)
  if sig == revel.signal.SIGUSR1 then return revel.signal.SIGUSR2 end
  if sig == revel.signal.SIGTERM then return false end
end
return tool
]])
    local late = require("helpers.held_signal")("SIGUSR1")
    local rows = {
      { change, "trap 'echo usr1' USR1; trap 'echo usr2' USR2; kill -USR1 $$; kill -TERM $$; echo alive", 0, "usr2\nalive\n" },
      { change, "kill -USR1 $$; echo not reached", 140, "" },
      { late, "trap 'echo handler' USR1; kill -USR1 $$; echo w1; echo w2; echo w3; echo w4", 0, "w1\nw2\nw3\nhandler\nw4\n" },
    }
    for _, row in ipairs(rows) do
      local argv = { "sh", "-c", row[2] }
      local p = H.revel({ "--backend=ptrace", row[1] }, argv)
      local g = H.revel({ "--backend=guest", row[1] }, argv)
      assert.are.equal(row[3], p.code, p.err)
      assert.are.equal(row[3], g.code, g.err)
      assert.are.equal(row[4], p.out)
      assert.are.equal(row[4], g.out)
    end
  end)

  it("ends the run with 125 and ptrace's message when tool.signal returns what is no signal", function()
    local t = H.tool("return { signal = function() return 'x' end }")
    local argv = { "sh", "-c", "kill -USR1 $$" }
    local p = H.revel({ "--backend=ptrace", t }, argv)
    local g = H.revel({ "--backend=guest", t }, argv)
    assert.are.equal(125, p.code)
    assert.are.equal(125, g.code)
    local pat = "revel: error in tool: [^\n]*tool%.lua:1: tool%.signal returned a string; a signal number, false or nothing was expected %(at signal SIGUSR1 of thread %d+%)"
    assert.truthy(p.err:match(pat), p.err)
    assert.truthy(g.err:match(pat), g.err)
  end)

  it("answers rdtsc, rdtscp and cpuid with the tool's hooks in threads, forks and after exec, as ptrace", function()
    local tsc = H.tool([[
local tool = { subscriptions = { "rdtsc" } }
function tool.init_thread() return { now = 0 } end
function tool.rdtsc(g, kind)
  g.thread.now = g.thread.now + 1000
  if kind == "rdtscp" then return g.thread.now, 7 end
  return g.thread.now
end
return tool
]])
    local argv = { H.guest("rdtsc_loop"), "20" }
    local p = H.revel({ "--backend=ptrace", tsc }, argv)
    local g = H.revel({ "--backend=guest", tsc }, argv)
    assert.are.equal(0, g.code, g.err)
    assert.truthy(g.out:match("exec rdtscp: 20 reads, monotonic yes, step 1000, aux 7\n"), g.out)
    assert.are.equal(p.out, g.out)
    assert.truthy(H.native(argv).out:match("main tsc trap: off\n"))
    local cpu = H.tool([[
local tool = {}
function tool.cpuid(g, leaf, sub)
  if leaf == 0x4fff0000 then return 1, -2, sub, 4 end
  return revel.cpuid(leaf, sub)
end
return tool
]])
    p = H.revel({ "--backend=ptrace", cpu }, { H.guest("rdtsc_loop"), "cpuid" })
    g = H.revel({ "--backend=guest", cpu }, { H.guest("rdtsc_loop"), "cpuid" })
    assert.are.equal(0, g.code, g.err)
    assert.truthy(g.out:match("exec cpuid 0x4fff0000%.3: 1 4294967294 3 4\n"), g.out)
    assert.are.equal(p.out, g.out)
    -- an exec'd program's loader reads the counter before the library starts
    p, g = run3(tsc, { "sh", "-c", "sleep 0 & exec true" })
    -- a SIGSEGV that is not a trap of the tool still reaches the guest's handler
    p, g = run3(tsc, { H.guest("rdtsc_loop"), "segv" })
    assert.are.equal(p.out, g.out)
  end)

  it("ends the run with 125 and ptrace's message when tool.rdtsc returns what is no counter", function()
    local t = H.tool("return { rdtsc = function() return -1 end }")
    local p = H.revel({ "--backend=ptrace", t }, { H.guest("rdtsc_loop"), "2" })
    local g = H.revel({ "--backend=guest", t }, { H.guest("rdtsc_loop"), "2" })
    assert.are.equal(125, p.code)
    assert.are.equal(125, g.code)
    local pat = "revel: error in tool: [^\n]*tool%.lua:1: tool%.rdtsc returned %-1; a counter %(an integer from 0 to 2%^64%-1%) was expected %(at rdtsc of thread %d+%)"
    assert.truthy(p.err:match(pat), p.err)
    assert.truthy(g.err:match(pat), g.err)
  end)

  it("gives g:fd_path what the thread's fd refers to, and EBADF for one not open", function()
    local t = H.tool([[
local tool = { on = {} }
function tool.on.read(g, sc) local p, e = g:fd_path(sc.fd); print("read", p and p:gsub("%d+", "N") or e) end
function tool.on.close(g, sc) print("close", select(2, g:fd_path(9999)), select(2, g:fd_path(-1))) end
return tool
]])
    local argv = { "sh", "-c", "exec head -n 1 /etc/hostname - </dev/null" } -- head reads (cat may copy_file_range)
    local p, g = run3(t, argv)
    local function without_loader(e) -- the loader's reads come before the library starts
      return (e:gsub("read\t/usr/lib/[^\n]*\n", ""))
    end
    assert.truthy(g.err:match("read\t/etc/hostname\n"), g.err)
    assert.truthy(g.err:match("read\t/dev/null\n"), g.err)
    assert.truthy(g.err:match("close\tEBADF\tEBADF\n"), g.err)
    local function set(e)
      local t2 = {}
      for l in without_loader(e):gmatch("[^\n]+") do
        t2[l] = true
      end
      return t2
    end
    assert.are.same(set(p.err), set(g.err))
  end)

  it("runs tool.timer after N ns of each thread's CPU time, in loops without syscalls, through exec and pthread_cancel", function()
    local t = H.tool([[
local tool = {}
local function arm(g) assert(g:set_timer{ ns = 5e6 }) end
tool.thread_start, tool.post_exec = arm, arm
function tool.init_thread() return { n = 0 } end
function tool.timer(g)
  g.thread.n = g.thread.n + 1
  if g.thread.n == 1 then
    print("cancel", g:cancel_timer(), g:cancel_timer()) -- disarmed in the hook: nil, nil
  end
  arm(g)
end
function tool.exit_thread(g, ts) if ts.n > 0 then print("ticked", g.tid == g.pid and "leader" or "thread") end end
return tool
]])
    for _, m in ipairs({ "spin", "threads", "cancel", "exec", "masked" }) do
      local argv = { H.guest("cpu_spin"), m, "30000000" }
      local p, g = run3(t, argv)
      local function set(e) -- how many ticks each thread gets is the scheduler's
        local t2 = {}
        for l in e:gmatch("[^\n]+") do
          t2[l] = true
        end
        return t2
      end
      assert.are.same(set(p.err), set(g.err), m)
      assert.truthy(g.err:match("ticked\t"), m .. ": " .. g.err)
    end
    local bad = H.tool("return { timer = function() end, thread_start = function(g) g:set_timer{ ns = 0 } end }")
    local p = H.revel({ "--backend=ptrace", bad }, { "true" })
    local g = H.revel({ "--backend=guest", bad }, { "true" })
    assert.are.equal(125, p.code)
    assert.are.equal(125, g.code)
    local pat = "tool%.lua:1: g:set_timer: ns is 0; a whole number of nanoseconds from 1 to 2%^62 was expected"
    assert.truthy(p.err:match(pat), p.err)
    assert.truthy(g.err:match(pat), g.err)
  end)
end)
