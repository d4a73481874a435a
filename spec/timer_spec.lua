-- g:set_timer{ ns = N }: tool.timer(g) after N ns of the thread's own CPU
-- time, also in a loop that makes no syscall (spec/guests/cpu_spin.c);
-- g:cancel_timer(); threads, execve, the guest's own signal 32 and timers.
local H = require("helpers.run")

after_each(H.cleanup)

local G = function(...)
  return { H.guest("cpu_spin"), ... }
end

-- A tool that sets a timer of NS in every thread (thread_start, post_exec)
-- and again in tool.timer; it counts syscalls between fires, and checks
-- the thread's CPU time (/proc/TID/schedstat) between setting and firing.
-- finish writes one line to stderr: "fires F zero Z short S threads T".
local REPEAT = [[
local NS = %d
local tool = {}
local fires, zero, short, since, at, tids = 0, 0, 0, 0, {}, {}
local function cpu(tid)
  local f = io.open("/proc/" .. tid .. "/schedstat")
  local v = f and tonumber(f:read("*l"):match("^%%d+"))
  if f then f:close() end
  return v
end
local function set(g)
  at[g.tid] = cpu(g.tid)
  assert(g:set_timer{ ns = NS })
end
tool.thread_start, tool.post_exec = set, set
function tool.timer(g)
  fires = fires + 1
  if since == 0 then zero = zero + 1 end
  since = 0
  local now = cpu(g.tid)
  if now and at[g.tid] and now - at[g.tid] < NS then short = short + 1 end
  if not tids[g.tid] then tids[g.tid] = true; tids[#tids + 1] = g.tid end
  set(g)
end
function tool.syscall(g, sc) since = since + 1 end
function tool.finish()
  io.stderr:write(("fires %%d zero %%d short %%d threads %%d\n"):format(fires, zero, short, #tids))
end
return tool
]]

local function report(err)
  local f, z, s, t = err:match("fires (%d+) zero (%d+) short (%d+) threads (%d+)\n")
  assert.is_truthy(f, err)
  return { fires = tonumber(f), zero = tonumber(z), short = tonumber(s), threads = tonumber(t) }
end

describe("timers", function()
  it("interrupt a loop that makes no syscall, after at least N ns of the thread's CPU time", function()
    local argv = G("spin", "200000000")
    local n = H.native(argv)
    assert.are.equal(0, n.code)
    local r = H.revel({ H.tool(REPEAT:format(2000000)) }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(n.out, r.out)
    local t = report(r.err)
    -- About 0.2 s of CPU in 2 ms timers (the kernel checks them at its
    -- ticks): dozens of fires, most with no syscall since the one before.
    assert.is_true(t.fires >= 10, r.err)
    assert.is_true(t.zero >= 5, r.err)
    assert.are.equal(0, t.short, r.err)
    assert.are.equal(1, t.threads, r.err)
  end)

  it("each thread has its own, fired in that thread", function()
    local argv = G("threads", "100000000")
    local r = H.revel({ H.tool(REPEAT:format(1000000)) }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("threads done\n", r.out)
    local t = report(r.err)
    -- The two spinning threads (the main one waits in pthread_join).
    assert.are.equal(2, t.threads, r.err)
    assert.are.equal(0, t.short, r.err)
  end)

  it("a thread that exits leaves its kernel timer to the next one its process makes, which deletes it", function()
    -- 20 threads one after the other, each with a timer: the process ends
    -- with the main thread's and the last thread's, not 21; and the one
    -- before when its exit had not reached revel yet as the last was made
    -- (the thread is joined before it is reaped).
    local argv = G("serial", "1000000")
    local n = H.native(argv)
    assert.are.equal("timers 0\n", n.out)
    local r = H.revel({ H.tool(REPEAT:format(1000000)) }, argv)
    assert.are.equal(0, r.code, r.err)
    local k = tonumber(r.out:match("^timers (%d+)\n$"))
    assert.is_true(k == 2 or k == 3, r.out)
  end)

  it("execve deletes the timer; one set in post_exec fires in the new image", function()
    local log = H.track(H.tmpname())
    local tool = H.tool(([[
      local log = assert(io.open(%q, "w"))
      local tool = {}
      function tool.post_exec(g)
        log:write("exec: cancel_timer ", tostring(g:cancel_timer()), "\n")
        g:set_timer{ ns = 1000000 }
      end
      function tool.timer(g) g.process.fires = (g.process.fires or 0) + 1; g:set_timer{ ns = 1000000 } end
      function tool.exit_process(g, st) log:write("fires ", tostring(g.process.fires or 0), "\n") end
      return tool
    ]]):format(log))
    local argv = G("exec", "100000000")
    local n = H.native(argv)
    local r = H.revel({ tool }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(n.out, r.out)
    local lines = H.slurp(log)
    -- The first image's timer was set at its exec stop, the second's is
    -- gone with the first image: nothing to cancel in either.
    local first, second, fires = lines:match("^exec: cancel_timer (%S+)\nexec: cancel_timer (%S+)\nfires (%d+)\n$")
    assert.are.equal("nil", first, lines)
    assert.are.equal("nil", second, lines)
    assert.is_true(tonumber(fires) >= 4, lines)
  end)

  it("g:cancel_timer returns the ns left, and the timer never fires", function()
    local log = H.track(H.tmpname())
    local tool = H.tool(([[
      local log = assert(io.open(%q, "w"))
      local tool = { on = {} }
      local first = true
      function tool.post_exec(g) assert(g:set_timer{ ns = 10e9 }) end
      function tool.on.write(g, sc)
        if first then
          first = false
          local left = g:cancel_timer()
          log:write(("left %%s again %%s\n"):format(tostring(left), tostring(g:cancel_timer())))
        end
      end
      function tool.timer(g) log:write("fired\n") end
      return tool
    ]]):format(log))
    local r = H.revel({ tool }, G("spin", "100000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("start\nspun 100000000\n", r.out)
    local left, again = H.slurp(log):match("^left (%d+) again (%S+)\n$")
    assert.is_truthy(left, H.slurp(log))
    assert.is_true(tonumber(left) > 9e9 and tonumber(left) <= 10e9, left)
    assert.are.equal("nil", again)
  end)

  it("setting it again moves it", function()
    local tool = H.tool([[
      local tool, fired = {}, 0
      function tool.post_exec(g)
        g:set_timer{ ns = 60e9 }
        g:set_timer{ ns = 1000000 }
      end
      function tool.timer(g) fired = fired + 1 end
      function tool.finish() io.stderr:write("fired ", fired, "\n") end
      return tool
    ]])
    local r = H.revel({ tool }, G("spin", "100000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("fired 1\n", r.err)
  end)

  it("one that runs out while revel injects into its thread still reaches only revel", function()
    -- tool.timer sets the next one (1 ns) and then burns the thread's CPU
    -- time in the kernel with injected getrandom calls, past a tick: the
    -- signal comes in the middle of the injections. The guest (with no
    -- handler for signal 32) would die of it, were it let through.
    local tool = H.tool([[
      local revel = require("revel")
      local tool, fires, buf = {}, 0, nil
      function tool.post_exec(g) g:set_timer{ ns = 1000000 } end
      function tool.timer(g)
        fires = fires + 1
        if fires > 3 then return end
        buf = buf or assert(g:alloc(4194304))
        g:set_timer{ ns = 1 }
        for _ = 1, 2 do g:inject(revel.sys.getrandom(buf, 4194304, 0)) end
        g:inject(revel.sys.getpid())
      end
      function tool.finish() io.stderr:write("fires ", fires, "\n") end
      return tool
    ]])
    local r = H.revel({ tool }, G("spin", "100000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("start\nspun 100000000\n", r.out)
    assert.are.equal("fires 4\n", r.err)
  end)

  it("a guest that blocks signal 32 itself (a raw rt_sigprocmask) gets the call when it unblocks it", function()
    local tool = H.tool([[
      local tool, fires, armed = { on = {} }, 0, false
      function tool.on.write(g, sc)
        if not armed then
          armed = true
          g:set_timer{ ns = 1000000 }
        end
        io.stderr:write(("%s fires %d\n"):format(g:read(sc.buf, sc.count):gsub("\n", ""), fires))
      end
      function tool.timer(g) fires = fires + 1 end
      return tool
    ]])
    local r = H.revel({ tool }, G("masked", "100000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("blocked\nunblock\ndone\n", r.out)
    -- 0.1 s of CPU with the signal blocked: the call comes at the unblock.
    assert.are.equal("blocked fires 0\nunblock fires 0\ndone fires 1\n", r.err)
  end)

  it("the guest's own signal 32 (pthread_cancel) and its own CPU timers work as natively", function()
    for _, argv in ipairs({ G("cancel", "50000000"), G("owntimer", "5") }) do
      local n = H.native(argv)
      assert.are.equal(0, n.code, n.err)
      local r = H.revel({ H.tool(REPEAT:format(1000000)) }, argv)
      assert.are.equal(0, r.code, r.err)
      assert.are.equal(n.out, r.out)
      assert.is_true(report(r.err).fires >= 1, r.err)
    end
  end)

  it("layered: the outer's timer hook, then the inner's", function()
    local tool = H.tool([[
      local said = {}
      local function layer(name)
        return { timer = function(g) said[#said + 1] = name end }
      end
      local t = revel.compose(layer("outer"), layer("inner"))
      t.post_exec = function(g) g:set_timer{ ns = 1000000 } end
      t.finish = function() io.stderr:write(table.concat(said, " "), "\n") end
      return t
    ]])
    local r = H.revel({ tool }, G("spin", "100000000"))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("outer inner\n", r.err)
  end)

  it("outside the thread's own handler (tool.signal): an error with the tool's line", function()
    local tool = H.tool("return { timer = function() end,\n  signal = function(g) g:set_timer{ ns = 1 } end }\n")
    local r = H.revel({ tool }, { "sh", "-c", "kill -USR1 $$" })
    assert.are.equal(125, r.code, r.err)
    assert.is_truthy(r.err:find(tool .. ":2: g:set_timer may only be called from thread", 1, true), r.err)
  end)

  it("with -b execve or -p: refused, one line, exit 125", function()
    local tool = H.tool("return { timer = function() end }")
    local b = H.revel({ "-b", "execve", tool }, { "true" })
    assert.are.equal(125, b.code, b.err)
    assert.are.equal("revel: cannot use timers (tool.timer) with -b execve: a thread revel lets go of would "
      .. "keep its timer, whose signal would kill it\n", b.err)
  end)

  it("branches = N: refused at the start where the CPU's branch counter cannot be had", function()
    local tool = H.tool('return { subscriptions = { "branches" }, timer = function(g) end }')
    local r = H.revel({ tool }, { "true" })
    if r.code == 0 then
      pending("this machine counts branches: branch timers run (spec/perftimer_spec.lua)")
      return
    end
    assert.are.equal(125, r.code, r.err)
    assert.are.equal(1, select(2, r.err:gsub("\n", "")), r.err)
    assert.is_truthy(r.err:find("^revel: cannot count branches for timers: perf_event_open of the branch counter: "),
      r.err)
  end)
end)
