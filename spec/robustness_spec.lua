-- revel leaves nothing behind and stays small: many runs back to back, many
-- live threads, threads that die while their handler waits.
local revel = require("revel")
local H = require("helpers.run")
local ffi = require("ffi")

after_each(H.cleanup)

-- Temporary files revel might have left: while the guests run, TMPDIR is an
-- empty directory of this spec's own, so what shows in it is theirs or
-- revel's alone (all of /tmp would show what other suites, running at the
-- same time, write there).
pcall(ffi.cdef, "int setenv(const char *name, const char *value, int overwrite);")
local runs_tmp = H.tmppath("runs")
assert(os.execute("mkdir " .. H.q(runs_tmp)) == 0)
local function tmp_entries()
  local p = io.popen("ls -A " .. H.q(runs_tmp))
  local s = p:read("*a")
  p:close()
  return s
end

describe("robustness", function()
  it("200 guests back to back leave no process, no fd and no temporary file", function()
    pcall(ffi.cdef, "int getpid(void);")
    local me = ffi.C.getpid()
    local function fds()
      return tonumber(H.sh(("ls /proc/%d/fd | wc -l"):format(me)).out)
    end
    local fd0, tmp0 = fds(), tmp_entries()
    local tool = dofile(H.example("counter.lua"))
    tool.finish = nil
    local total = 0
    ffi.C.setenv("TMPDIR", runs_tmp, 1)
    for _ = 1, 200 do
      local code, global = revel.run(tool, { "/bin/true" })
      assert.are.equal(0, code)
      total = total + global.count
    end
    ffi.C.setenv("TMPDIR", H.tmpdir(), 1)
    assert.truthy(total > 200 * 10)
    assert.are.equal(fd0, fds())
    assert.are.equal(tmp0, tmp_entries())
    -- no child of this process is left, traced or not
    local f = assert(io.open(("/proc/%d/task/%d/children"):format(me, me)))
    local children = f:read("*a")
    f:close()
    assert.are.equal("", children)
  end)

  it("revel's memory with 1,000 guest threads alive stays under 64 MiB", function()
    local t = H.tool([[
local tool = dofile(]] .. ("%q"):format(H.example("counter2.lua")) .. [[)
local fin = tool.finish
function tool.finish(global, code)
  fin(global, code)
  for l in io.lines("/proc/self/status") do
    if l:match("^VmHWM") then io.stderr:write(l, "\n") end
  end
end
return tool
]])
    local r = H.revel({ t }, { H.guest("threads_alive"), "1000" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("1000 threads alive\nreleased\n", r.out)
    local kb = tonumber(r.err:match("VmHWM:%s*(%d+) kB"))
    print(("\nrevel's peak memory with 1000 guest threads: %.1f MiB"):format(kb / 1024))
    assert.truthy(kb < 64 * 1024, r.err)
  end)

  it("threads that exit while their handler waits in an injected read", function()
    -- Four threads block in reads the tool injected; main calls exit_group.
    local t = H.tool([[
return { on = { read = function(g, sc) return g:inject(sc) end } }
]])
    local n = H.native({ H.guest("exit_group_blocked") })
    for _ = 1, 5 do
      local r = H.revel({ t }, { H.guest("exit_group_blocked") })
      assert.are.equal(n.code, r.code, r.err)
      assert.are.equal(n.out, r.out)
    end
  end)
end)
