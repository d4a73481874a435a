-- examples/repeatable.lua --seed N: what varies from run to run (clocks,
-- rdtsc, randomness, AT_RANDOM, addresses, the CPU, cpuid, uname, affinity)
-- repeats under one seed and changes with another. Native runs of the same
-- commands show each line would vary without the tool.
local H = require("helpers.run")

after_each(H.cleanup)

local RP = H.example("repeatable.lua")
local PROBE = H.guest("repeat_probe")
local PY = "import time, random, uuid, os; print(time.time(), random.random(), uuid.uuid4(), os.urandom(8).hex())"

local function rep(seed, argv, more)
  local pre = { RP, "--seed", tostring(seed) }
  for _, w in ipairs(more or {}) do
    pre[#pre + 1] = w
  end
  return H.revel(pre, argv)
end

-- name -> value of the probe's "name: value" lines.
local function fields(out)
  local t = {}
  for k, v in out:gmatch("([%w_ ]+): ([^\n]*)\n") do
    t[k] = v
  end
  return t
end

describe("examples/repeatable.lua", function()
  it("Python's time, random, uuid4 and urandom: one line per seed, another with another seed", function()
    local n1, n2 = H.native({ "python3", "-c", PY }), H.native({ "python3", "-c", PY })
    assert.are_not.equal(n1.out, n2.out) -- natively every run differs
    local a, b, c = rep(1, { "python3", "-c", PY }), rep(1, { "python3", "-c", PY }), rep(2, { "python3", "-c", PY })
    for _, r in ipairs({ a, b, c }) do
      assert.are.equal(0, r.code, r.err)
      assert.is_truthy(r.out:find("^946684800%.%d+ 0%.%d+ %x+%-%x+%-4%x+%-%x+%-%x+ %x+\n$"), r.out)
    end
    assert.are.equal(a.out, b.out)
    assert.are_not.equal(a.out, c.out)
    -- Every field but the clock (it counts calls, not the seed) moves with it.
    local ta, tc = a.out:match("^(%S+) "), c.out:match("^(%S+) ")
    assert.are.equal(ta, tc)
    for i = 2, 4 do
      local function word(s)
        local w = {}
        for x in s:gmatch("%S+") do
          w[#w + 1] = x
        end
        return w[i]
      end
      assert.are_not.equal(word(a.out), word(c.out), i)
    end
  end)

  it("the probe: AT_RANDOM, addresses, CPU, rdtsc, cpuid, getrandom and clocks repeat", function()
    local n1, n2 = fields(H.native({ PROBE }).out), fields(H.native({ PROBE }).out)
    assert.are_not.equal(n1.at_random, n2.at_random)
    assert.are_not.equal(n1.rdtsc, n2.rdtsc)
    assert.are_not.equal(n1.getrandom, n2.getrandom)
    local a, b, c = rep(5, { PROBE }), rep(5, { PROBE }), rep(6, { PROBE })
    for _, r in ipairs({ a, b, c }) do
      assert.are.equal(0, r.code, r.err)
      assert.are.equal("", r.err) -- one process, cpuid faulting here: nothing to say
    end
    assert.are.equal(a.out, b.out)
    local fa, fc = fields(a.out), fields(c.out)
    assert.are_not.equal(fa.at_random, fc.at_random)
    assert.are_not.equal(fa.getrandom, fc.getrandom)
    -- What does not depend on the seed: fixed answers and the logical clock.
    for _, k in ipairs({ "stack", "heap", "cpu", "rdtsc", "cpuid 1", "cpuid 7", "realtime", "monotonic" }) do
      assert.are.equal(fa[k], fc[k], k)
    end
    assert.are.equal("0", fa.cpu)
    assert.are.equal("apic id 0, rdrand 0", fa["cpuid 1"])
    assert.are.equal("rdseed 0", fa["cpuid 7"])
    local t0, t1 = fa.rdtsc:match("^(%d+) (%d+)$")
    assert.are.equal(1000, tonumber(t1) - tonumber(t0)) -- --step ns per read
    assert.is_truthy(fa.realtime:find("^946684800%.0000%d+$"), fa.realtime)
    assert.is_truthy(fa.stack:find("^0x7fff"), fa.stack)
  end)

  it("--epoch and --step: date prints the epoch; the guest's clock advances a step per read", function()
    local r = rep(1, { "date", "-u", "+%F %T" }, { "--epoch", "1700000000" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("2023-11-14 22:13:20\n", r.out)
    local g = rep(1, { H.guest("vdso_clock"), "3" }, { "--step", "5000" })
    assert.are.equal(0, g.code, g.err)
    local first, last = g.out:match("main clock_gettime: 3 calls, first ([%d.]+), last ([%d.]+), monotonic yes")
    -- (the loader's rdtsc reads before main advance the clock too)
    local f, l = tonumber(first:match("^946684800%.(%d+)$")), tonumber(last:match("^946684800%.(%d+)$"))
    assert.is_truthy(f and l, g.out)
    assert.are.equal(0, f % 5000, first)
    assert.are.equal(10000, l - f, g.out)
    assert.are.equal(g.out, rep(1, { H.guest("vdso_clock"), "3" }, { "--step", "5000" }).out)
  end)

  it("sleeps take no real time; timed waits wait for real and end on the logical clock", function()
    local py = H.file([[
import time, threading
t = time.time(); m = time.monotonic(); time.sleep(100)
print(round(time.time() - t, 3), round(time.monotonic() - m, 3))
e = threading.Event(); m = time.monotonic()
print(e.wait(0.3), round(time.monotonic() - m, 3))
def later(): time.sleep(0.1); e.set()
threading.Thread(target=later).start()
print(e.wait(60))
]], "waits.py")
    -- 100 s of sleep in a 30 s limit: only a logical sleep gets through.
    local a = H.revel({ RP }, { "python3", py }, { timeout = 30 })
    local b = H.revel({ RP }, { "python3", py }, { timeout = 30 })
    assert.are.equal(0, a.code, a.err)
    assert.are.equal("100.0 100.0\nFalse 0.3\nTrue\n", a.out)
    assert.are.equal(a.out, b.out)
  end)

  it("/dev/urandom and /dev/random come from the seed", function()
    local cmd = { "sh", "-c", "head -c 16 /dev/urandom | od -An -tx1; head -c 8 /dev/random | od -An -tx1" }
    local a, b, c = rep(3, cmd), rep(3, cmd), rep(4, cmd)
    assert.are.equal(0, a.code, a.err)
    assert.are.equal(a.out, b.out)
    assert.are_not.equal(a.out, c.out)
    assert.are.equal(2, select(2, a.out:gsub("\n", "")), a.out)
    assert.are_not.equal(H.sh(cmd[3]).out, H.sh(cmd[3]).out)
  end)

  it("g.place, which the streams are keyed on, is the same on every run of a pipeline", function()
    -- The children of sh are numbered at sh's fork events, not in the order
    -- their first stops reach revel.
    local tool = H.tool([[
      return { post_exec = function(g)
        local f = io.open("/proc/" .. g.pid .. "/comm")
        io.stderr:write(g.place, " ", f:read("*l"), "\n")
        f:close()
      end }
    ]])
    local cmd = { "sh", "-c", "true | true | true; echo x | cat | cat" }
    local first
    for _ = 1, 6 do
      local r = H.revel({ tool }, cmd)
      assert.are.equal(0, r.code, r.err)
      local lines = {}
      for l in r.err:gmatch("[^\n]+") do
        lines[#lines + 1] = l
      end
      table.sort(lines)
      local got = table.concat(lines, "\n")
      first = first or got
      assert.are.equal(first, got)
    end
    assert.is_truthy(first:find("1.6 cat", 1, true), first)
  end)

  it("uname and sched_getaffinity: fixed answers (--cpus)", function()
    local r = rep(1, { "sh", "-c", "uname -snrvm; nproc" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("Linux repeatable 6.1.0 #1 SMP PREEMPT_DYNAMIC x86_64\n1\n", r.out)
    assert.are.equal("3\n", rep(1, { "nproc" }, { "--cpus", "3" }).out)
  end)

  it("what it cannot control it says once: the order threads and processes run in", function()
    local r = rep(1, { "sh", "-c", "true & true & wait; echo done" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("done\n", r.out)
    assert.are.equal("repeatable: the order in which threads and processes run is the kernel's: what depends "
      .. "on it is not controlled\n", r.err)
  end)
end)
