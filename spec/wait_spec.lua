-- How the tracer waits for a stop (engine/src/wait.c): it polls for a short
-- time before it blocks, and only while the stops come fast. A guest that
-- sleeps must cost revel next to no CPU. The figure checked is CPU time, not
-- a timing: a tracer that polled all along a 2 s sleep would use far more.
local H = require("helpers.run")
local ffi = require("ffi")
local revel = require("revel")

pcall(ffi.cdef, [[
struct revel_spec_rusage { long utime_s, utime_us, stime_s, stime_us; long rest[14]; };
int getrusage(int who, struct revel_spec_rusage *usage);
]])

after_each(H.cleanup)

-- CPU seconds (user + system) of the children reaped so far, descendants
-- included (each shell and timeout waits for what it ran).
local function children_cpu()
  local ru = ffi.new("struct revel_spec_rusage")
  assert(ffi.C.getrusage(-1, ru) == 0) -- RUSAGE_CHILDREN
  return tonumber(ru.utime_s + ru.stime_s) + tonumber(ru.utime_us + ru.stime_us) / 1e6
end

describe("the tracer's wait", function()
  for _, spin in ipairs({ "auto", "10000" }) do
    it("costs next to no CPU while the guest sleeps (--spin=" .. spin .. ")", function()
      local before = children_cpu()
      local r = H.revel({ "--spin=" .. spin, "-o", "/dev/null" }, { "sleep", "2" })
      local used = children_cpu() - before
      assert.are.equal(0, r.code, r.err)
      -- startup (LuaJIT, the default tool) and sleep's own calls: a few
      -- hundredths; a polling tracer: up to its share of 2 s
      assert.is_true(used < 0.3, ("revel -- sleep 2 used %.3f s of CPU"):format(used))
    end)
  end

  it("sees every stop with polling on, off and at 1 µs", function()
    for _, spin in ipairs({ "auto", "0", "1" }) do
      local r = H.revel({ "--spin=" .. spin, "-f", "-c", "-e", "trace=getppid" },
        { H.guest("getppid_threads"), "4", "2000" })
      assert.are.equal(0, r.code, r.err)
      assert.truthy(r.err:match("%s8000%s+getppid\n"), r.err)
    end
  end)

  it("refuses a bad spin budget in one line, exit 125", function()
    for _, v in ipairs({ "-1", "10001", "1e9", "1.5", "abc", "", "inf" }) do
      local r = H.revel({ "--spin=" .. v }, { "true" })
      assert.are.equal(125, r.code, v)
      assert.truthy(r.err:match("^revel: %-%-spin takes [^\n]*\n$"), r.err)
    end
    local r = H.revel({ "--placement=nowhere" }, { "true" })
    assert.are.equal(125, r.code)
    assert.truthy(r.err:match("^revel: [^\n]*\n$"), r.err)
  end)

  it("is set by revel.run's opts.spin, checked", function()
    assert.are.equal(0, (revel.run({}, { "true" }, nil, { spin = 0 })))
    assert.are.equal(0, (revel.run({}, { "true" }, nil, { spin = 50 })))
    for _, v in ipairs({ -1, 10001, 2.5, "fast" }) do
      local ok, err = pcall(revel.run, {}, { "true" }, nil, { spin = v })
      assert.is_false(ok, tostring(v))
      assert.truthy(tostring(err):match("spin takes"), tostring(err))
    end
  end)
end)
