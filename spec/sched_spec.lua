-- --sched: one guest thread at a time, the order chosen from a seed
-- (random, pct), logged and replayed; revel explore; deadlocks found. The
-- guests (spec/guests/sched_*.c) each hold a bug that natively shows
-- rarely: a lost update, an order violation, a lock-order deadlock.
local H = require("helpers.run")

after_each(H.cleanup)

local function G(name)
  return H.guest(name)
end

-- Runs compared decision by decision are made without address space
-- randomisation: where malloc's arena of a new thread falls decides how
-- many munmap calls it makes (one or two), which is nondeterminism of the
-- program's own, not the schedule's.
local function fixed(name, ...)
  return { "setarch", "-R", G(name), ... }
end

-- revel with --sched words and -o /dev/null (the default tool's lines are
-- not the guest's output), then the command.
local function sched(words, argv, opts)
  local pre = { "-o", "/dev/null" }
  for _, w in ipairs(words) do
    pre[#pre + 1] = w
  end
  return H.revel(pre, argv, opts)
end

local lines = H.lines

describe("--sched: bad input", function()
  local rows = {
    { { "--sched=fifo" }, "--sched takes random or pct[:DEPTH[:STEPS]], not \"fifo\"" },
    { { "--sched=pct:0" }, "--sched=pct:0: DEPTH takes a whole number from 1, not \"0\"" },
    { { "--sched=pct:3:x" }, "--sched=pct:3:x: STEPS takes a whole number from 1, not \"x\"" },
    { { "--sched-log", "LOG" }, "--sched-log needs --sched (or --sched-replay)" },
    { { "--sched=random", "--on-deadlock=later" }, "--on-deadlock takes kill or wait, not \"later\"" },
    { { "--sched-replay", "FOREIGN" }, "not a revel schedule log" },
    { { "--sched-replay", "MALFORMED" }, ":3: not a decision" },
    { { "--sched-replay", "MISSING" }, ": No such file or directory" },
    { { "--sched-replay", "OLDLOG" }, ": a schedule log of format 1; this revel reads format 2" },
    { { "--sched=random", "-b", "execve" }, "cannot run one thread at a time (--sched) with -b execve" },
  }
  for _, row in ipairs(rows) do
    it(table.concat(row[1], " ") .. ": one line, 125, no guest run", function()
      local words = {}
      for i, w in ipairs(row[1]) do
        words[i] = w == "FOREIGN" and H.file("#!/bin/sh\necho hi\n")
          or w == "MALFORMED" and H.file("# revel schedule log 2\n1 0 0\n2 x\n")
          or w == "OLDLOG" and H.file("# revel schedule log 1\n# strategy=random seed=7\n# decision thread runnable\n1 0 0\n")
          or w == "MISSING" and H.tmppath("none") or w == "LOG" and H.tmppath("log") or w
      end
      local mark = H.tmppath("ran")
      local r = H.revel(words, { "touch", mark })
      assert.are.equal(125, r.code, r.err)
      local l = lines(r.err)
      assert.are.equal(1, #l, r.err)
      assert.is_truthy(l[1]:find("^revel: "), r.err)
      assert.is_truthy(l[1]:find(row[2], 1, true), r.err)
      assert.is_nil(io.open(mark))
    end)
  end

  it("explore without a command, with a bad -n or a bad --fail-on: one line, 125", function()
    for _, words in ipairs({ { "explore" }, { "explore", "-n", "5" }, { "explore", "-n", "0", "--", "true" },
      { "explore", "--fail-on", "(", "--", "true" }, { "explore", "--seed", "4", "--", "true" },
      { "explore", "--sched=lifo", "--", "true" } }) do
      local r = H.sh(H.words({ H.bin, unpack(words) }))
      assert.are.equal(125, r.code, r.err)
      assert.are.equal(1, #lines(r.err), r.err)
      assert.is_truthy(r.err:find("^revel: explore: "), r.err)
    end
  end)
end)

describe("--sched: one thread at a time", function()
  it("the same seed makes the same decisions and output; the log replays them", function()
    local logs, outs = {}, {}
    for i = 1, 2 do
      logs[i] = H.track(H.tmppath("log"))
      local r = sched({ "--sched=random", "--seed", "7", "--sched-log", logs[i] }, fixed("sched_lost_update"))
      assert.is_truthy(r.code == 0 or r.code == 1, r.err)
      outs[i] = r.code .. r.out
    end
    local a, b = H.slurp(logs[1]), H.slurp(logs[2])
    assert.is_truthy(a:find("^# revel schedule log 2\n# strategy=random seed=7\n"), a)
    assert.is_truthy(select(2, a:gsub("\n%d+ %d+ %d+,", "")) > 2, a) -- contested decisions
    assert.are.equal(a, b)
    assert.are.equal(outs[1], outs[2])
    local again = H.track(H.tmppath("log"))
    local r = sched({ "--sched-replay", logs[1], "--sched-log", again }, fixed("sched_lost_update"))
    assert.are.equal(outs[1], r.code .. r.out)
    assert.are.equal("", r.err)
    assert.are.equal(a:gsub("^[^\n]*\n[^\n]*\n", ""), (H.slurp(again):gsub("^[^\n]*\n[^\n]*\n", "")))
    -- another seed, other decisions
    local other = H.track(H.tmppath("log"))
    sched({ "--sched=random", "--seed", "8", "--sched-log", other }, fixed("sched_lost_update"))
    assert.are_not.equal(a:gsub("^[^\n]*\n[^\n]*\n", ""), (H.slurp(other):gsub("^[^\n]*\n[^\n]*\n", "")))
  end)

  -- Sleeps end when the clock says: the replay waits for a thread the log
  -- saw woken, and a timed call parks its thread at its exit whether it
  -- slept or not, so the decisions do not depend on how fast a run goes.
  it("a program that sleeps (nanosleep, a futex wait's timeout) replays to the same output and choices", function()
    for _, s in ipairs({ { "random", "11" }, { "random", "12" }, { "pct:3", "4" } }) do
      local log = H.track(H.tmppath("log"))
      local first = sched({ "--sched=" .. s[1], "--seed", s[2], "--sched-log", log }, fixed("sched_sleep", "10"))
      assert.are.equal(0, first.code, first.err)
      assert.are.equal(10, select(2, first.out:gsub("t", "")), first.out) -- every wait timed out
      local chosen = H.slurp(log):gsub("\n(%d+ %d+) [%d,]+", "\n%1"):gsub("^[^\n]*\n[^\n]*\n", "")
      for _ = 1, 5 do
        local again = H.track(H.tmppath("log"))
        local r = sched({ "--sched-replay", log, "--sched-log", again }, fixed("sched_sleep", "10"))
        assert.are.equal("", r.err)
        assert.are.equal(first.out, r.out)
        assert.are.equal(chosen, (H.slurp(again):gsub("\n(%d+ %d+) [%d,]+", "\n%1"):gsub("^[^\n]*\n[^\n]*\n", "")))
      end
    end
  end)

  it("a replay that no longer matches the program says where it diverged", function()
    local log = H.track(H.tmppath("log"))
    sched({ "--sched=random", "--seed", "3", "--sched-log", log }, { G("sched_order") })
    local r = sched({ "--sched-replay", log }, { G("threads4") })
    assert.is_truthy(r.err:find("revel: %-%-sched%-replay: diverged at decision %d+: "), r.err)
  end)

  it("one thread runs at a time: no round of sched_overlap sees the other thread run", function()
    -- the guest can tell: without --sched its two threads do overlap
    -- (on a loaded host the two threads can run one after the other many
    -- times in a row: up to 30 rounds, most runs stop at the first)
    local seen = 0
    for _ = 1, 30 do
      local r = H.revel({ "-f", "-o", "/dev/null" }, { G("sched_overlap") })
      assert.are.equal(0, r.code, r.err)
      seen = math.max(seen, tonumber(r.out:match("^overlaps (%d+)\n$")) or 0)
      if seen > 0 then
        break
      end
    end
    assert.is_truthy(seen > 0, "the threads never overlapped without --sched")
    for _, s in ipairs({ { "random", "1" }, { "random", "2" }, { "pct:3", "3" } }) do
      local r = sched({ "--sched=" .. s[1], "--seed", s[2] }, { G("sched_overlap") })
      assert.are.equal(0, r.code, r.err)
      assert.are.equal("overlaps 0\n", r.out)
    end
  end)

  it("a thread that spins without a syscall is made to give up its turn", function()
    for _, s in ipairs({ "random", "pct:1", "pct:3" }) do
      for seed = 1, 4 do
        local r = sched({ "--sched=" .. s, "--seed", tostring(seed) }, { G("sched_spin") }, { timeout = 30 })
        assert.are.equal(0, r.code, s .. " " .. seed .. r.err)
        assert.are.equal("spun\n", r.out)
      end
    end
  end)

  it("real programs give their native output: make -j2, python threads, xz -T2", function()
    local dir = H.tmpdir() .. "/mk"
    os.execute("mkdir -p " .. H.q(dir))
    local mk = assert(io.open(dir .. "/Makefile", "w"))
    mk:write("all: a b c\n\t@echo all\na b c:\n\t@echo $@ > $@.out; cat $@.out\n")
    mk:close()
    local py = "import threading\nr=[]\ndef f(i):\n  s=0\n  for k in range(3000): s+=k*i\n  r.append((i,s))\n" ..
      "ts=[threading.Thread(target=f,args=(i,)) for i in range(4)]\n[t.start() for t in ts]\n[t.join() for t in ts]\n" ..
      "print(sorted(r))\n"
    local input = H.track(H.tmppath("xin"))
    os.execute("head -c 200000 /dev/urandom > " .. H.q(input))
    for _, argv in ipairs({ { "sh", "-c", "make -s -j2 -C " .. H.q(dir) .. " | sort; rm -f " .. H.q(dir) .. "/*.out" },
      { "python3", "-c", py }, { "sh", "-c", "xz -T2 -c " .. H.q(input) .. " | md5sum" } }) do
      local n = H.native(argv)
      assert.are.equal(0, n.code, n.err)
      for seed = 1, 2 do
        local r = sched({ "--sched=random", "--seed", tostring(seed) }, argv, { timeout = 120 })
        assert.are.equal(0, r.code, argv[1] .. r.err)
        assert.are.equal(n.out, r.out)
      end
    end
  end)
end)

describe("tool.schedule", function()
  it("picks each contested decision: round robin alternates, lowest-first starves; the log shows it", function()
    local rr = H.tool([[
      local tool, last = {}, -1
      function tool.schedule(threads, global)
        for _, g in ipairs(threads) do
          if g.tid > last then last = g.tid return g end
        end
        last = threads[1].tid
        return threads[1]
      end
      return tool
    ]])
    local low = H.tool([[
      local tool, n = {}, 0
      function tool.schedule(threads, global)
        n = n + 1
        assert(threads[1].tid < threads[2].tid or threads[1].starting or threads[2].starting)
        return threads[1].tid
      end
      function tool.finish() io.stderr:write("decisions ", n, "\n") end
      return tool
    ]])
    for _, t in ipairs({ { rr, "0 1 0 1" }, { low, nil } }) do
      local log = H.track(H.tmppath("log"))
      local r = H.revel({ "--sched=random", "--sched-log", log, t[1] }, { G("sched_lost_update") })
      assert.is_truthy(r.code == 0 or r.code == 1, r.err)
      local chosen, contested = {}, 0
      for ord, runnable in H.slurp(log):gmatch("\n%d+ (%d+) ([%d,]+)") do
        if runnable:find(",", 1, true) then
          contested = contested + 1
          chosen[#chosen + 1] = ord
          if not t[2] then -- lowest first: always the first that can run
            assert.are.equal(runnable:match("^%d+"), ord)
          end
        end
      end
      assert.is_truthy(contested > 3, H.slurp(log))
      if t[2] then
        assert.is_truthy(table.concat(chosen, " "):find(t[2], 1, true), table.concat(chosen, " "))
      else
        assert.are.equal("decisions " .. contested .. "\n", r.err)
      end
    end
  end)

  -- The built-in strategies are Lua tools (revel.sched.random, .pct) asked
  -- through this same hook: a tool that is one of them makes the decisions
  -- --sched makes with the same seed. info tells each decision as the log.
  it("revel.sched.random and .pct as a tool make --sched's own decisions; info is the log's", function()
    for _, s in ipairs({ { "random", "random", "{ seed = 5 }" }, { "pct:3:40", "pct", "{ seed = 5, depth = 3, steps = 40 }" } }) do
      local mine = H.tool(([[
        local strategy = require("revel.sched.%s").new(%s)
        local tool, seen = {}, {}
        function tool.schedule(threads, global, info)
          local ords = {}
          for i, g in ipairs(threads) do
            assert(g.tid and (g.starting or g.place), "an entry is a g or a starting thread")
            assert(type(info.preempted[i]) == "boolean")
            ords[i] = info.ord[i]
          end
          local pick = strategy.schedule(threads, global, info)
          for i, g in ipairs(threads) do
            if g == pick then
              seen[#seen + 1] = ("%%d %%d %%s %%s %%d"):format(info.decision, info.ord[i], table.concat(ords, ","),
                tostring(info.previous), info.contested)
            end
          end
          return pick
        end
        function tool.finish() io.stderr:write(table.concat(seen, "\n"), "\n") end
        return tool
      ]]):format(s[2], s[3]))
      for _, guest in ipairs({ "sched_lost_update", "sched_order" }) do
        local logs = {}
        for i, words in ipairs({ { "--sched=" .. s[1], "--seed", "5" }, { "--sched=" .. s[1], "--seed", "99", mine } }) do
          logs[i] = H.track(H.tmppath("log"))
          table.insert(words, 1, logs[i])
          table.insert(words, 1, "--sched-log")
          local r = H.revel(words, fixed(guest))
          assert.is_truthy(r.code == 0 or r.code == 1, r.err)
          if i == 2 then
            -- each contested decision as the log has it: number, chosen,
            -- runnable, the previous decision's chosen (nil once it has
            -- exited: it runs no more) and the count of contested ones
            local want, contested, previous, text = {}, 0, "nil", H.slurp(logs[i])
            for step, ord, runnable in text:gmatch("\n(%d+) (%d+) ([%d,]+)") do
              if runnable:find(",", 1, true) then
                contested = contested + 1
                want[#want + 1] = { step, ord, runnable, previous, tostring(contested) }
              end
              previous = ord
            end
            assert.is_truthy(#want > 2, text)
            local got = lines(r.err)
            assert.are.equal(#want, #got, r.err)
            for k, w in ipairs(want) do
              local g = {}
              for f in got[k]:gmatch("%S+") do
                g[#g + 1] = f
              end
              if g[4] == "nil" and w[4] ~= "nil" then
                local later = text:match("\n" .. w[1] .. " .*")
                assert.is_falsy(("\n" .. later):find("[ ,]" .. w[4] .. "[,\n]"), w[4] .. " ran again:\n" .. r.err)
                w[4] = "nil"
              end
              assert.are.equal(table.concat(w, " "), got[k])
            end
          end
        end
        local a, b = H.slurp(logs[1]), H.slurp(logs[2])
        assert.are.equal(a:gsub("^[^\n]*\n[^\n]*\n", ""), (b:gsub("^[^\n]*\n[^\n]*\n", "")))
      end
    end
  end)

  it("a hook that returns nil leaves each decision to --sched's strategy: the decisions are --sched's own", function()
    local none = H.tool([[
      local tool, n = {}, 0
      function tool.schedule(threads, global, info) n = n + 1 return nil end
      function tool.finish() io.stderr:write("asked ", n, "\n") end
      return tool
    ]])
    for _, s in ipairs({ "random", "pct:3:40" }) do
      local logs = {}
      for i, extra in ipairs({ {}, { none } }) do
        logs[i] = H.track(H.tmppath("log"))
        local words = { "--sched=" .. s, "--seed", "6", "--sched-log", logs[i], unpack(extra) }
        local r = H.revel(words, fixed("sched_order"))
        assert.is_truthy(r.code == 0 or r.code == 1, r.err)
        if i == 2 then
          local contested = select(2, H.slurp(logs[i]):gsub("\n%d+ %d+ %d+,[%d,]+", ""))
          assert.is_truthy(contested > 2)
          assert.are.equal("asked " .. contested .. "\n", r.err)
        end
      end
      assert.are.equal(H.slurp(logs[1]), H.slurp(logs[2]))
    end
  end)

  it("a thread that cannot run is an error in the tool: 125", function()
    local r = H.revel({ "--sched=random", H.tool("return { schedule = function() return 999999 end }") },
      { G("sched_order") })
    assert.are.equal(125, r.code, r.err)
    assert.is_truthy(r.err:find("revel: error in tool: schedule returned 999999, not one of the threads that can run",
      1, true), r.err)
  end)
end)

-- The bug a guest shows: its output when it does.
local BUGS = {
  { "sched_lost_update", "lost" },
  { "sched_order", "use after free" },
  { "sched_deadlock", "revel: deadlock:" },
}

describe("the guests' bugs", function()
  -- "Few": under a loaded machine (CI runs two suites at once, specs two at
  -- a time each; a sanitizer build's suite beside it) the threads overlap
  -- more often: 43 of 200 was seen. Fewer than half is still far from the
  -- every time that explore's command gives, and a guest whose bug shows
  -- most of the time would fail here.
  it("natively show in few of 200 runs", function()
    for _, b in ipairs(BUGS) do
      local r = H.sh(("n=0; for i in $(seq 200); do timeout 5 %s > /dev/null 2>&1 || n=$((n+1)); done; echo $n")
        :format(H.q(G(b[1]))), { timeout = 600 })
      local fails = tonumber(r.out)
      assert.is_truthy(fails and fails < 100, b[1] .. ": " .. r.out)
    end
  end)

  for _, b in ipairs(BUGS) do
    it(b[1] .. ": revel explore -n 100 --sched=pct:3 finds it, and its command gives it 10 times of 10", function()
      local r = H.sh(H.words({ H.bin, "explore", "-n", "100", "--sched=pct:3", "--", G(b[1]), H.sleep_arg(0) }),
        { timeout = 600 })
      assert.are.equal(1, r.code, r.out .. r.err)
      assert.is_truthy(r.out:find(b[2], 1, true), r.out)
      local cmd = r.out:match("reproduce it with:\n([^\n]+)\n")
      assert.is_truthy(cmd and cmd:find("--sched=pct:3:%d+ %-%-seed %d+ "), r.out)
      for _ = 1, 10 do
        local again = H.sh(cmd)
        assert.is_truthy((again.out .. again.err):find(b[2], 1, true), again.out .. again.err)
        assert.are_not.equal(0, again.code)
      end
      assert.are.same({}, H.procs_matching(H.sleep_arg(0)))
    end)
  end

  it("explore shows its progress, stops at --fail-on's match, or says no run differed", function()
    -- --fail-on: the first run whose output matches, not the first that differs
    local r = H.sh(H.words({ H.bin, "explore", "-n", "100", "--sched=pct:3", "--fail-on", "lost [0-9]+", "--",
      G("sched_lost_update") }), { timeout = 600 })
    assert.are.equal(1, r.code, r.out .. r.err)
    assert.is_truthy(r.out:find("^revel explore: run %d+ %(seed %d+%): its output matches lost %[0%-9%]%+; exit status 1"),
      r.out)
    assert.is_truthy(r.err:find("^revel explore: runs 1%.%.10 of 100\n"), r.err) -- progress (not a tty: a line per 10)
    local cmd = assert(r.out:match("reproduce it with:\n([^\n]+)\n"), r.out)
    assert.is_truthy(H.sh(cmd).out:find("lost", 1, true))
    -- the same program, no match: every run, 0
    local none = H.sh(H.words({ H.bin, "explore", "-n", "12", "--fail-on", "^never$", "--", G("sched_order") }),
      { timeout = 600 })
    assert.are.equal(0, none.code, none.out .. none.err)
    assert.are.equal("revel explore: 12 runs under --sched=random, none matched ^never$\n", none.out)
    assert.are.equal("revel explore: runs 1..10 of 12\nrevel explore: runs 11..12 of 12\n", none.err)
    -- without --fail-on: a program the schedule cannot change
    local same = H.sh(H.words({ H.bin, "explore", "-n", "3", "--", "sh", "-c", "echo hi" }), { timeout = 600 })
    assert.are.equal(0, same.code, same.out .. same.err)
    assert.are.equal("revel explore: 3 runs under --sched=random, none differed from run 1\n", same.out)
  end)

  it("a deadlock is reported as one: each thread's call (and stack under -k), exit 125, the guest killed", function()
    local r = H.sh(H.words({ H.bin, "explore", "-n", "100", "--sched=pct:3", "--", G("sched_deadlock"),
      H.sleep_arg(1) }), { timeout = 600 })
    local cmd = assert(r.out:match("reproduce it with:\n([^\n]+)\n"), r.out)
    local d = H.sh(cmd)
    assert.are.equal(125, d.code, d.err)
    assert.are.equal("", d.out)
    local l = lines(d.err)
    assert.are.equal("revel: deadlock: every thread waits for another one; the guest is killed "
      .. "(--on-deadlock=wait waits on). Their calls:", l[1])
    assert.are.equal(4, #l, d.err)
    assert.is_truthy(l[2]:find("^revel:   thread 0 %[pid %d+%] futex%(0x%x+, FUTEX_WAIT"), d.err)
    assert.is_truthy(l[3]:find("^revel:   thread 1 %[pid %d+%] futex%(0x%x+, FUTEX_WAIT_PRIVATE, 2, NULL%)"), d.err)
    assert.is_truthy(l[4]:find("^revel:   thread 2 %[pid %d+%] futex%(0x%x+, FUTEX_WAIT_PRIVATE, 2, NULL%)"), d.err)
    assert.are.same({}, H.procs_matching(H.sleep_arg(1)))
    -- -k: each thread's stack under its call, walked at a stop the report
    -- makes (PTRACE_INTERRUPT): the guest's own functions are named
    local k = H.sh((cmd:gsub(" %-%- ", " -k -- ", 1)))
    assert.are.equal(125, k.code, k.err)
    local kl, at, funcs = lines(k.err), nil, {}
    assert.are.equal(l[1], kl[1])
    for _, line in ipairs(kl) do
      at = line:match("^revel:   thread (%d+) ") or at
      local f = line:match("^revel:    > [^(]+%(([%w_]+)%+0x%x+%) %[0x%x+%]$")
      if f and at then
        funcs[at] = (funcs[at] or "") .. " " .. f
      end
    end
    assert.is_truthy((funcs["0"] or ""):find(" pthread_join main ", 1, true), k.err)
    local users = (funcs["1"] or "") .. " " .. (funcs["2"] or "") .. " "
    assert.is_truthy(users:find(" pthread_mutex_lock ab ", 1, true), k.err)
    assert.is_truthy(users:find(" pthread_mutex_lock ba ", 1, true), k.err)
    assert.are.same({}, H.procs_matching(H.sleep_arg(1)))
    -- --on-deadlock=wait: no report; the run waits until it is ended
    local w = H.sh(cmd:gsub(" %-%- ", " --on-deadlock=wait -- ", 1), { timeout = 3 })
    assert.are.equal(124, w.code, w.err)
    assert.is_falsy(w.err:find("deadlock", 1, true), w.err)
    assert.is_truthy(H.eventually(function()
      return #H.procs_matching(H.sleep_arg(1)) == 0
    end))
  end)
end)
