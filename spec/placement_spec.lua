-- --placement: where the tracer and the guest run (engine/src/place.c).
-- follow moves only the tracer; together pins tracer and guest to one CPU
-- and answers the guest's sched_getaffinity, sched_setaffinity and the
-- Cpus_allowed lines of its status files as they would be without revel.
-- Every row runs a real program natively and under revel and compares.
local H = require("helpers.run")
local ffi = require("ffi")
local revel = require("revel")

pcall(ffi.cdef, [[
struct revel_spec_rusage { long utime_s, utime_us, stime_s, stime_us; long rest[14]; };
int getrusage(int who, struct revel_spec_rusage *usage);
]])

-- CPU seconds (user + system) of the children reaped so far, descendants
-- included (as in wait_spec.lua).
local function children_cpu()
  local ru = ffi.new("struct revel_spec_rusage")
  assert(ffi.C.getrusage(-1, ru) == 0) -- RUSAGE_CHILDREN
  return tonumber(ru.utime_s + ru.stime_s) + tonumber(ru.utime_us + ru.stime_us) / 1e6
end

after_each(H.cleanup)

local function ncpu()
  local r = H.native({ "getconf", "_NPROCESSORS_ONLN" })
  return tonumber(r.out)
end

-- "pid 1234's current affinity mask: 3": the pid differs from run to run
local function nopid(s)
  return (s:gsub("pid %d+'s", "pid N's"))
end

describe("--placement", function()
  it("refuses anything but auto, none, follow and together in one line, exit 125", function()
    for _, v in ipairs({ "bogus", "", "Together", "follow,none", "1" }) do
      local r = H.revel({ "--placement=" .. v }, { "true" })
      assert.are.equal(125, r.code, v)
      assert.truthy(r.err:match("^revel: %-%-placement takes auto, none, follow or together, not [^\n]*\n$"), r.err)
    end
    local r = H.revel({ "--placement", "nowhere" }, { "true" })
    assert.are.equal(125, r.code)
    for _, v in ipairs({ "sideways", 2 }) do
      local ok, err = pcall(revel.run, {}, { "true" }, nil, { placement = v })
      assert.is_false(ok, tostring(v))
      assert.truthy(tostring(err):match("placement takes"), tostring(err))
    end
  end)

  for _, mode in ipairs({ "auto", "none", "follow", "together" }) do
    it("shows the guest the affinity it has without revel (" .. mode .. ")", function()
      -- sched_getaffinity (nproc, taskset -p), the status files, a thread
      -- that sets its own affinity and the child it forks, a bad size
      local cmds = {
        { "nproc" },
        { "sh", "-c", "taskset -p $$; grep -e State -e Cpus_allowed /proc/self/status; taskset -c 0 nproc" },
        { H.guest("affinity") },
      }
      for _, argv in ipairs(cmds) do
        local n = H.native(argv)
        local r = H.revel({ "--placement=" .. mode, "-o", "/dev/null" }, argv)
        assert.are.equal(0, n.code, n.err)
        assert.are.equal(0, r.code, r.err)
        assert.are.equal(nopid(n.out), nopid(r.out), table.concat(argv, " "))
      end
    end)
  end

  it("shows it so under an outer taskset too", function()
    -- revel started on CPU 0 only: the guest sees CPU 0 only, as natively
    local n = H.sh("taskset -c 0 nproc; taskset -c 0 grep Cpus_allowed_list /proc/self/status")
    local r = H.sh(("taskset -c 0 %s --placement=together -o /dev/null -- nproc; " ..
      "taskset -c 0 %s --placement=together -o /dev/null -- grep Cpus_allowed_list /proc/self/status")
      :format(H.q(H.bin), H.q(H.bin)))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(n.out, r.out)
    assert.truthy(n.out:match("^1\n"), n.out)
  end)

  it("really pins the guest to one CPU under together, and not otherwise", function()
    -- the tracer reads the guest's real status (its own opens are not
    -- answered); the guest's own view is checked above
    local function real_list(mode)
      local seen
      local tool = { on = {} }
      function tool.on.getppid(g)
        local f = assert(io.open("/proc/" .. g.tid .. "/status"))
        seen = f:read("*a"):match("Cpus_allowed_list:%s*(%S+)")
        f:close()
      end
      local code = revel.run(tool, { H.guest("getppid_loop"), "1" }, nil, { placement = mode })
      assert.are.equal(0, code)
      return seen
    end
    local native = H.native({ "grep", "Cpus_allowed_list", "/proc/self/status" }).out:match(":%s*(%S+)")
    assert.are.equal(native, real_list("none"))
    assert.are.equal(native, real_list("follow"))
    assert.are.equal(native, real_list(nil)) -- auto, the default: follow
    if ncpu() > 1 then
      assert.truthy(real_list("together"):match("^%d+$"), "together leaves the guest unpinned")
    end
  end)

  it("prints the guest's calls as strace does, with the emulated answers", function()
    -- the default tool sees the call and its emulated result; the path of
    -- an answered open is the guest's
    local argv = { "sh", "-c", "nproc; exec grep -c Cpus_allowed /proc/self/status" }
    local s = H.sh("strace -f -qq -e trace=sched_getaffinity,openat " .. H.words(argv))
    local r = H.revel({ "--placement=together", "-f", "-qq", "-e", "trace=sched_getaffinity,openat" }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(s.out, r.out)
    local function lines(err)
      local out = {}
      for l in err:gmatch("[^\n]+") do
        if l:match("sched_getaffinity") or l:match("/proc/self/status") then
          out[#out + 1] = (l:gsub("^%[pid%s+%d+%] ", ""))
        end
      end
      return out
    end
    assert.are.same(lines(s.err), lines(r.err))
    assert.are.equal(2, #lines(r.err), r.err)
  end)

  it("costs next to no CPU while the guest sleeps (follow, together)", function()
    for _, mode in ipairs({ "follow", "together" }) do
      local before = children_cpu()
      local r = H.revel({ "--placement=" .. mode, "-o", "/dev/null" }, { "sleep", "2" })
      local used = children_cpu() - before
      assert.are.equal(0, r.code, r.err)
      -- a CPU figure, not a timing: startup and sleep's calls take a few
      -- hundredths; a tracer that polled or followed all along, far more
      assert.is_true(used < 0.3, ("revel --placement=%s -- sleep 2 used %.3f s of CPU"):format(mode, used))
    end
  end)

  it("runs threads, forks and tools as without it (follow, together)", function()
    for _, mode in ipairs({ "follow", "together" }) do
      local r = H.revel({ "--placement=" .. mode, "-f", "-c", "-e", "trace=getppid" },
        { H.guest("getppid_threads"), "4", "2000" })
      assert.are.equal(0, r.code, r.err)
      assert.truthy(r.err:match("%s8000%s+getppid\n"), r.err)
      local n = H.native({ "find", H.root .. "/spec/guests", "-name", "*.c" })
      local f = H.revel({ "--placement=" .. mode, "-o", "/dev/null" }, { "find", H.root .. "/spec/guests", "-name", "*.c" })
      assert.are.equal(0, f.code, f.err)
      assert.are.equal(n.out, f.out)
    end
  end)
end)
