-- Branch timers (subscription "branches", g:set_timer{ branches = N }): the
-- perf route of revel._perftimer. Where the CPU counts branches the first
-- rows run on the real counter; elsewhere (this VM: no hardware counters)
-- they are pending, with the refusal as the reason, and the whole route is
-- checked with the test-only knob REVEL_TIMER_EVENT=sw-task-clock: the
-- kernel's software task clock (N in ns of the thread's CPU time) through the
-- same perf_event_open, overflow signal, re-arming and closing.
local H = require("helpers.run")

after_each(H.cleanup)

local G = function(...)
  return { H.guest("cpu_spin"), ... }
end

local function revel_with(env, pre, argv)
  local words = { H.bin }
  for _, w in ipairs(pre) do
    words[#words + 1] = w
  end
  words[#words + 1] = "--"
  for _, w in ipairs(argv) do
    words[#words + 1] = w
  end
  return H.sh(env .. H.words(words))
end
local function sw(pre, argv)
  return revel_with("REVEL_TIMER_EVENT=sw-task-clock ", pre, argv)
end

-- A tool that sets a branch timer of N in every thread and again in
-- tool.timer; it counts syscalls between fires, checks the thread's CPU time
-- (/proc/TID/schedstat) between setting and firing when the unit is ns: on
-- the whole run at least CHECK_NS * N per fire, "short" 1 otherwise (the task
-- clock runs on sched_clock, which on a VM includes time the host took the CPU
-- away, which schedstat leaves out: under load one fire can look early by
-- that much, so the check is on the sum of the gaps, not on each); and it counts revel's perf fds (one
-- per live thread at most; none left at the end). finish writes one line to stderr:
-- "fires F zero Z short S threads T fds_before B fds_max M fds_after A".
local REPEAT = [[
local ffi = require("ffi")
pcall(ffi.cdef, "long readlink(const char *path, char *buf, unsigned long size);")
local N, CHECK_NS = %d, %s
local link = ffi.new("char[64]")
local function fds() -- revel's perf counter fds
  local k = 0
  for fd = 0, 1023 do
    local n = ffi.C.readlink("/proc/self/fd/" .. fd, link, 64)
    if n > 0 and ffi.string(link, n) == "anon_inode:[perf_event]" then k = k + 1 end
  end
  return k
end
local before, most = fds(), 0
local tool = { subscriptions = { "branches" } }
local fires, zero, since, at, tids = 0, 0, 0, {}, {}
local spent, measured = 0, 0
local function cpu(tid)
  local f = io.open("/proc/" .. tid .. "/schedstat")
  local v = f and tonumber(f:read("*l"):match("^%%d+"))
  if f then f:close() end
  return v
end
local function set(g)
  at[g.tid] = cpu(g.tid)
  assert(g:set_timer{ branches = N })
  most = math.max(most, fds())
end
tool.thread_start, tool.post_exec = set, set
function tool.timer(g)
  fires = fires + 1
  if since == 0 then zero = zero + 1 end
  since = 0
  local now = cpu(g.tid)
  if now and at[g.tid] then spent, measured = spent + (now - at[g.tid]), measured + 1 end
  if not tids[g.tid] then tids[g.tid] = true; tids[#tids + 1] = g.tid end
  set(g)
end
function tool.syscall(g, sc) since = since + 1 end
function tool.finish()
  local short = (CHECK_NS and measured > 0 and spent < measured * N * CHECK_NS) and 1 or 0
  io.stderr:write(("fires %%d zero %%d short %%d threads %%d fds_before %%d fds_max %%d fds_after %%d\n"):format(
    fires, zero, short, #tids, before, most, fds()))
end
return tool
]]

local function report(err)
  local f, z, s, t, b, m, a =
    err:match("fires (%d+) zero (%d+) short (%d+) threads (%d+) fds_before (%d+) fds_max (%d+) fds_after (%d+)\n")
  assert.is_truthy(f, err)
  return { fires = tonumber(f), zero = tonumber(z), short = tonumber(s), threads = tonumber(t), before = tonumber(b),
    max = tonumber(m), after = tonumber(a) }
end

-- Why the CPU's branch counter cannot be had here, or nil.
local hw_why
do
  local r = H.revel({ H.tool('return { subscriptions = { "branches" }, timer = function(g) end }') }, { "true" })
  if r.code ~= 0 then
    hw_why = r.err:gsub("\n$", "")
  end
  H.cleanup()
end

describe("branch timers on the CPU's counter", function()
  it("fire in a loop that makes no syscall, one per N retired conditional branches or fewer", function()
    if hw_why then
      pending("no branch counter here (" .. hw_why .. ")")
      return
    end
    -- cpu_spin's loop makes a conditional branch per round: 200M rounds
    -- in timers of 1M branches make about 200 fires, never more.
    local argv = G("spin", "200000000")
    local r = H.revel({ H.tool(REPEAT:format(1000000, "nil")) }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("start\nspun 200000000\n", r.out)
    local t = report(r.err)
    assert.is_true(t.fires >= 100 and t.fires <= 260, r.err)
    assert.is_true(t.zero >= 50, r.err)
    assert.are.equal(0, t.after, r.err)
  end)

  it("g:cancel_timer returns the branches left", function()
    if hw_why then
      pending("no branch counter here (" .. hw_why .. ")")
      return
    end
    local log = H.track(H.tmpname())
    local tool = H.tool(([[
      local log = assert(io.open(%q, "w"))
      local tool = { on = {}, subscriptions = { "branches" } }
      local first = true
      function tool.post_exec(g) assert(g:set_timer{ branches = 1e12 }) end
      function tool.on.write(g, sc)
        if first then first = false; log:write("left ", tostring(g:cancel_timer()), "\n") end
      end
      function tool.timer(g) log:write("fired\n") end
      return tool
    ]]):format(log))
    local r = H.revel({ tool }, G("spin", "100000000"))
    assert.are.equal(0, r.code, r.err)
    local left = tonumber(H.slurp(log):match("^left (%d+)\n$"))
    assert.is_truthy(left, H.slurp(log))
    assert.is_true(left < 1e12 and left > 1e12 - 1e8, tostring(left))
  end)
end)

describe("branch timers, the perf route on the software task clock (REVEL_TIMER_EVENT=sw-task-clock)", function()
  it("fire in a loop that makes no syscall, never before N, and are never shown to the guest", function()
    local argv = G("spin", "200000000")
    local n = H.native(argv)
    assert.are.equal(0, n.code)
    local r = sw({ H.tool(REPEAT:format(2000000, "0.5")) }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(n.out, r.out)
    local t = report(r.err)
    assert.is_true(t.fires >= 10, r.err)
    assert.is_true(t.zero >= 5, r.err)
    assert.are.equal(0, t.short, r.err)
    assert.are.equal(1, t.threads, r.err)
    -- One counter open while the one thread lives, closed at its exit.
    assert.are.equal(0, t.before, r.err)
    assert.are.equal(1, t.max, r.err)
    assert.are.equal(0, t.after, r.err)
  end)

  it("each thread has its own, fired in that thread", function()
    local r = sw({ H.tool(REPEAT:format(1000000, "nil")) }, G("threads", "100000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("threads done\n", r.out)
    local t = report(r.err)
    -- The two spinning threads, and the main one when its start-up (the
    -- loader, thread creation) took a ms of CPU: it then waits in pthread_join.
    assert.is_true(t.threads == 2 or t.threads == 3, r.err)
    assert.are.equal(0, t.before, r.err)
    assert.are.equal(0, t.after, r.err)
  end)

  it("a thread that exits takes its counter's fd with it: no fd left in revel", function()
    -- 20 threads one after the other, each with a counter: the main
    -- thread's, the live one's and those whose exit revel has not handled
    -- yet (a few on a loaded machine), never the 21.
    local r = sw({ H.tool(REPEAT:format(1000000, "nil")) }, G("serial", "1000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("timers 0\n", r.out) -- no POSIX timer in the guest
    local t = report(r.err)
    assert.are.equal(21, t.threads, r.err)
    assert.is_true(t.max >= 2 and t.max <= 10, r.err)
    assert.are.equal(0, t.after, r.err)
  end)

  it("execve closes the counter; one set in post_exec fires in the new image", function()
    local log = H.track(H.tmpname())
    local tool = H.tool(([[
      local log = assert(io.open(%q, "w"))
      local tool = { subscriptions = { "branches" } }
      function tool.post_exec(g)
        log:write("exec: cancel_timer ", tostring(g:cancel_timer()), "\n")
        assert(g:set_timer{ branches = 1000000 })
      end
      function tool.timer(g) g.process.fires = (g.process.fires or 0) + 1; g:set_timer{ branches = 1000000 } end
      function tool.exit_process(g, st) log:write("fires ", tostring(g.process.fires or 0), "\n") end
      return tool
    ]]):format(log))
    local argv = G("exec", "100000000")
    local n = H.native(argv)
    local r = sw({ tool }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(n.out, r.out)
    local lines = H.slurp(log)
    local first, second, fires = lines:match("^exec: cancel_timer (%S+)\nexec: cancel_timer (%S+)\nfires (%d+)\n$")
    assert.are.equal("nil", first, lines)
    assert.are.equal("nil", second, lines)
    assert.is_true(tonumber(fires) >= 4, lines)
  end)

  it("g:cancel_timer returns what was left and the timer never fires; setting again moves it", function()
    local log = H.track(H.tmpname())
    local tool = H.tool(([[
      local log = assert(io.open(%q, "w"))
      local tool = { on = {}, subscriptions = { "branches" } }
      local first, fired = true, 0
      function tool.post_exec(g)
        assert(g:set_timer{ branches = 60e9 })
        assert(g:set_timer{ branches = 10e9 })
      end
      function tool.on.write(g, sc)
        if first then
          first = false
          local left = g:cancel_timer()
          log:write(("left %%s again %%s\n"):format(tostring(left), tostring(g:cancel_timer())))
          assert(g:set_timer{ ns = 60e9 }) -- the other kind moves it too
          assert(g:set_timer{ branches = 1000000 })
        end
      end
      function tool.timer(g) fired = fired + 1 end
      function tool.finish() log:write("fired ", fired, "\n") end
      return tool
    ]]):format(log))
    local r = sw({ tool }, G("spin", "100000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("start\nspun 100000000\n", r.out)
    local left, again, fired = H.slurp(log):match("^left (%d+) again (%S+)\nfired (%d+)\n$")
    assert.is_truthy(left, H.slurp(log))
    assert.is_true(tonumber(left) > 9e9 and tonumber(left) <= 10e9, left)
    assert.are.equal("nil", again)
    assert.are.equal("1", fired)
  end)

  it("one that runs out while revel injects into its thread still reaches only revel", function()
    -- The task clock counts kernel time: injected getrandom calls run the
    -- 1 ns timer out mid-chain; the engine holds the signal and queues it
    -- again after the chain (as SI_QUEUE from revel, si_fd kept).
    local tool = H.tool([[
      local revel = require("revel")
      local tool, fires, buf = { subscriptions = { "branches" } }, 0, nil
      function tool.post_exec(g) g:set_timer{ branches = 1000000 } end
      function tool.timer(g)
        fires = fires + 1
        if fires > 3 then return end
        buf = buf or assert(g:alloc(4194304))
        g:set_timer{ branches = 1 }
        for _ = 1, 2 do g:inject(revel.sys.getrandom(buf, 4194304, 0)) end
        g:inject(revel.sys.getpid())
      end
      function tool.finish() io.stderr:write("fires ", fires, "\n") end
      return tool
    ]])
    local r = sw({ tool }, G("spin", "100000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("start\nspun 100000000\n", r.out)
    assert.are.equal("fires 4\n", r.err)
  end)

  it("a guest that blocks signal 32 itself gets the call when it unblocks it", function()
    local tool = H.tool([[
      local tool, fires, armed = { on = {}, subscriptions = { "branches" } }, 0, false
      function tool.on.write(g, sc)
        if not armed then
          armed = true
          g:set_timer{ branches = 1000000 }
        end
        io.stderr:write(("%s fires %d\n"):format(g:read(sc.buf, sc.count):gsub("\n", ""), fires))
      end
      function tool.timer(g) fires = fires + 1 end
      return tool
    ]])
    local r = sw({ tool }, G("masked", "100000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("blocked\nunblock\ndone\n", r.out)
    assert.are.equal("blocked fires 0\nunblock fires 0\ndone fires 1\n", r.err)
  end)

  it("the guest's own signal 32 (pthread_cancel) and its own CPU timers work as natively", function()
    for _, argv in ipairs({ G("cancel", "50000000"), G("owntimer", "5") }) do
      local n = H.native(argv)
      assert.are.equal(0, n.code, n.err)
      local r = sw({ H.tool(REPEAT:format(1000000, "nil")) }, argv)
      assert.are.equal(0, r.code, r.err)
      assert.are.equal(n.out, r.out)
      assert.is_true(report(r.err).fires >= 1, r.err)
    end
  end)
end)

describe("branch timers, bad input", function()
  it("branches of zero, negative or with ns: an error with the tool's line, exit 125", function()
    for _, spec in ipairs({ "branches = 0", "branches = -5", "branches = 1.5", "branches = 1, ns = 1" }) do
      local tool = H.tool('return { subscriptions = { "branches" }, timer = function() end,\n  post_exec = '
        .. "function(g) g:set_timer{ " .. spec .. " } end }\n")
      local r = sw({ tool }, { "true" })
      assert.are.equal(125, r.code, r.err)
      assert.is_truthy(r.err:find(tool .. ":2: g:set_timer: ", 1, true), r.err)
    end
  end)

  it("without the subscription: an error with the tool's line, exit 125", function()
    local tool = H.tool("return { timer = function() end,\n  post_exec = function(g) g:set_timer{ branches = 5 } end }\n")
    local r = sw({ tool }, { "true" })
    assert.are.equal(125, r.code, r.err)
    assert.is_truthy(r.err:find(tool .. ':2: g:set_timer: branches = N needs "branches" in the tool\'s subscriptions',
      1, true), r.err)
  end)

  it("an unknown REVEL_TIMER_EVENT: refused at the start, one line", function()
    local tool = H.tool('return { subscriptions = { "branches" }, timer = function() end }')
    local r = revel_with("REVEL_TIMER_EVENT=cycles ", { tool }, { "true" })
    assert.are.equal(125, r.code, r.err)
    assert.are.equal("revel: cannot count branches for timers: REVEL_TIMER_EVENT=cycles: the only test event is "
      .. "sw-task-clock\n", r.err)
  end)
end)
