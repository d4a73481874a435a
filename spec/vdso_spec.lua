-- The calls glibc makes through the vDSO (clock_gettime, gettimeofday, time,
-- clock_getres, getcpu) reach a tool that subscribes to them: revel rewrites
-- the vDSO's entry points after each exec (scripts/revel/_vdso.lua). The
-- guest (spec/guests/vdso_clock.c) reads the clocks in its main thread, a new
-- thread and after a fork and an exec; natively and under revel. Then
-- examples/timewarp.lua with date, Python and the guest.
local H = require("helpers.run")

after_each(H.cleanup)

local G = function()
  return H.guest("vdso_clock")
end

-- Fixed answers, the clock_gettime ones counting per thread.
local FIXED = [[
  local ffi = require("ffi")
  local tool = { on = {} }
  function tool.init_thread() return { n = 0 } end
  local function put(g, addr, ctype, ...)
    local v = ffi.new(ctype, ...)
    g:write(addr, ffi.string(v, ffi.sizeof(v)))
  end
  function tool.on.clock_gettime(g, sc)
    g.thread.n = g.thread.n + 1
    put(g, sc.tp, "int64_t[2]", 1000000 + g.thread.n, 7)
    return 0
  end
  function tool.on.gettimeofday(g, sc) put(g, sc.tv, "int64_t[2]", 2000000, 5) return 0 end
  function tool.on.time(g, sc)
    if sc.tloc ~= 0 then put(g, sc.tloc, "int64_t[1]", 3000000) end
    return 3000000
  end
  function tool.on.clock_getres(g, sc) put(g, sc.res, "int64_t[2]", 0, 42) return 0 end
  function tool.on.getcpu(g, sc)
    put(g, sc.cpu, "uint32_t[1]", 5)
    put(g, sc.node, "uint32_t[1]", 6)
    return 0
  end
  return tool
]]

local function fixed_lines(place)
  return ([[
P clock_gettime: 5 calls, first 1000001.000000007, last 1000005.000000007, monotonic yes
P gettimeofday: 2000000.000005
P time: 3000000 (stored same)
P clock_getres: 0.000000042
P getcpu: 0 cpu 5 node 6
]]):gsub("P", place)
end

local USER = "vdso yes\n__vdso_clock_gettime in user space\n__vdso_getcpu in user space\n"

describe("vDSO calls", function()
  it("natively: the guest reads a real clock, and the vDSO answers in user space", function()
    local n = H.native({ G(), "5" })
    assert.are.equal(0, n.code, n.err)
    for _, place in ipairs({ "main", "thread", "exec" }) do
      assert.is_truthy(n.out:find(place .. " clock_gettime: 5 calls, first 1%d+%.%d+, last 1%d+%.%d+, monotonic yes"),
        n.out)
      assert.is_truthy(n.out:find(place .. " time: 1%d+ %(stored same%)"), n.out)
    end
    assert.are.equal(USER, H.native({ G(), "where" }).out)
  end)

  it("a tool's answers reach the guest: main thread, new thread, and after fork and exec", function()
    local r = H.revel({ H.tool(FIXED) }, { G(), "5" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(fixed_lines("main") .. fixed_lines("thread") .. fixed_lines("exec"), r.out)
    assert.are.equal("", r.err)
  end)

  it("the entry points enter the kernel only for the calls a tool subscribes to", function()
    local function where(src)
      local r = H.revel({ H.tool(src) }, { G(), "where" })
      assert.are.equal(0, r.code, r.err)
      return r.out
    end
    local both = "vdso yes\n__vdso_clock_gettime enters the kernel\n__vdso_getcpu enters the kernel\n"
    assert.are.equal(both, where(FIXED))
    assert.are.equal("vdso yes\n__vdso_clock_gettime enters the kernel\n__vdso_getcpu in user space\n",
      where('return { subscriptions = { "clock_gettime" } }'))
    assert.are.equal(both, where('return { subscriptions = { "%clock", "getcpu" } }'))
    assert.are.equal(USER, where('return { subscriptions = { "getppid" } }'))
    -- tool.vdso: false routes none, a list routes those.
    assert.are.equal(USER, where('return { subscriptions = { "all" }, vdso = false }'))
    assert.are.equal("vdso yes\n__vdso_clock_gettime in user space\n__vdso_getcpu enters the kernel\n",
      where('return { vdso = { "getcpu" } }'))
    -- Layers: the union of what each routes.
    assert.are.equal(both, where([[
      return revel.compose({ vdso = false, on = { getppid = function() end } },
        { subscriptions = { "clock_gettime", "getcpu" } })
    ]]))
  end)

  it("the default tool leaves the vDSO alone and shows what strace shows", function()
    local r = H.revel({ "-o", "/dev/null" }, { G(), "where" })
    assert.are.equal(USER, r.out)
    local words = { "-f", "-e", "trace=clock_gettime,gettimeofday,time,getcpu,clock_getres", G(), "3" }
    local s = H.sh("strace " .. H.words(words) .. " 2>&1 >/dev/null")
    local v = H.sh(H.q(H.bin) .. " " .. H.words(words) .. " 2>&1 >/dev/null")
    assert.are.equal(0, v.code, v.out)
    -- Only the exits are printed: no call (the pids differ between the runs;
    -- revel does not say "Process N attached" for the threads -f follows).
    local function norm(out)
      return (out:gsub("strace: Process %d+ attached\n", ""):gsub("%d+", "N"))
    end
    assert.are.equal(norm(s.out), norm(v.out))
    assert.is_falsy(v.out:find("clock_gettime", 1, true), v.out)
  end)

  it("date and Python: each clock read reaches the tool", function()
    local counter = H.tool([[
      local n = 0
      return { subscriptions = { "clock_gettime" }, syscall = function() n = n + 1 end,
        finish = function() io.stderr:write(n > 0 and "seen\n" or "none\n") end }
    ]])
    for _, argv in ipairs({ { "date" }, { "python3", "-c", "import time; time.time()" } }) do
      local r = H.revel({ counter }, argv)
      assert.are.equal(0, r.code, r.err)
      assert.are.equal("seen\n", r.err)
    end
  end)

  for _, case in ipairs({
    { src = 'return { vdso = { "openat" } }', says = "tool.vdso names openat, which is no call of the vDSO" },
    { src = "return { vdso = 3 }", says = "tool.vdso must be false or a list of the vDSO's calls, not a number" },
  }) do
    it("a bad tool.vdso (" .. case.src .. "): one line, exit 125, nothing run", function()
      local r = H.revel({ H.tool(case.src) }, { "sh", "-c", "echo ran" })
      assert.are.equal(125, r.code, r.err)
      assert.are.equal("", r.out)
      assert.is_truthy(r.err:find("^revel: " .. case.says:gsub("%p", "%%%0")), r.err)
      assert.are.equal(1, select(2, r.err:gsub("\n", "")), r.err)
    end)
  end
end)

-- The expected date of a shifted run: asked of date(1) before and after it,
-- so a run across midnight takes either.
local function dates(shift)
  local function d()
    return H.sh(("date -d '@'$(( $(date +%%s) + %d )) +%%F"):format(shift)).out
  end
  return d, function(got, before, after)
    return got == before or got == after
  end
end

describe("examples/timewarp.lua", function()
  local TW = H.example("timewarp.lua")

  it("--shift 86400: date prints tomorrow, as `date -d tomorrow +%F` does", function()
    local before = H.sh("date -d tomorrow +%F").out
    local r = H.revel({ TW, "--shift", "86400" }, { "date", "+%F" })
    local after = H.sh("date -d tomorrow +%F").out
    assert.are.equal(0, r.code, r.err)
    assert.is_truthy(r.out == before or r.out == after, r.out .. " not " .. before)
    assert.are.equal("", r.err)
  end)

  it("--shift -86400 and a year: date moves back and forth", function()
    for _, shift in ipairs({ -86400, 366 * 86400 }) do
      local d, either = dates(shift)
      local before = d()
      local r = H.revel({ TW, "--shift", tostring(shift) }, { "date", "+%F" })
      assert.are.equal(0, r.code, r.err)
      assert.is_truthy(either(r.out, before, d()), r.out .. " not " .. before)
    end
  end)

  it("Python's time.time() and datetime are shifted, its monotonic clock is not", function()
    local py = "import time, datetime; print(int(time.time()), datetime.date.today(), int(time.monotonic()))"
    local n0 = H.native({ "python3", "-c", py })
    local r = H.revel({ TW, "--shift", "86400" }, { "python3", "-c", py })
    local n1 = H.native({ "python3", "-c", py })
    assert.are.equal(0, r.code, r.err)
    local t0, _, m0 = n0.out:match("^(%d+) (%S+) (%d+)\n$")
    local t, day, m = r.out:match("^(%d+) (%S+) (%d+)\n$")
    local t1, _, m1 = n1.out:match("^(%d+) (%S+) (%d+)\n$")
    assert.is_truthy(t and t0 and t1, r.out)
    assert.is_true(tonumber(t) >= tonumber(t0) + 86400 and tonumber(t) <= tonumber(t1) + 86400, r.out)
    assert.is_true(tonumber(m) >= tonumber(m0) and tonumber(m) <= tonumber(m1), r.out)
    local d, either = dates(86400)
    assert.is_truthy(either(day .. "\n", d(), d()) or day == os.date("!%F", tonumber(t)), r.out)
  end)

  it("every route of the guest: clock_gettime, gettimeofday and time, in threads and after exec", function()
    local n0 = tonumber(H.sh("date +%s").out)
    local r = H.revel({ TW, "--shift", "-1000000.5" }, { G(), "3" })
    local n1 = tonumber(H.sh("date +%s").out)
    assert.are.equal(0, r.code, r.err)
    for _, place in ipairs({ "main", "thread", "exec" }) do
      for _, pat in ipairs({ " clock_gettime: 3 calls, first (%d+)", " gettimeofday: (%d+)", " time: (%d+)" }) do
        local s = tonumber(r.out:match(place .. pat))
        assert.is_truthy(s, place .. pat .. " in " .. r.out)
        assert.is_true(s >= n0 - 1000001 and s <= n1 - 999999, place .. pat .. ": " .. r.out)
      end
    end
  end)

  it("a wait until a wall-clock time lasts as long as the guest meant (clock_nanosleep, a futex deadline)", function()
    local want = "clock_nanosleep: 0, as asked\npthread_cond_timedwait: ETIMEDOUT, as asked\n"
    local n = H.native({ G(), "wait" })
    assert.are.equal(want, n.out)
    -- A day back would end both waits at once, a day ahead would hang them
    -- (the spec's timeout) without the deadline moved back.
    for _, shift in ipairs({ "-86400", "86400", "0.5" }) do
      local r = H.revel({ TW, "--shift", shift }, { G(), "wait" }, { timeout = 60 })
      assert.are.equal(0, r.code, r.err)
      assert.are.equal(want, r.out, shift)
    end
  end)

  it("--shift takes a number: anything else is one line, exit 125", function()
    local r = H.revel({ TW, "--shift", "tomorrow" }, { "date" })
    assert.are.equal(125, r.code, r.err)
    assert.are.equal("", r.out)
    assert.is_truthy(r.err:find("takes a number", 1, true), r.err)
  end)
end)
