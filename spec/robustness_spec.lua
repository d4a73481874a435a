-- revel leaves nothing behind and stays small: many runs back to back, many
-- live threads, threads that die while their handler waits.
local revel = require("revel")
local H = require("helpers.run")
local ffi = require("ffi")

after_each(H.cleanup)

-- Temporary files revel might have left: named after it, but not the specs'
-- own (other spec files run alongside this one).
local function tmp_entries()
  local r = H.sh("ls -a /tmp | grep -i revel | grep -Ev '^revel-(spec|corpus|default-tool|sigterm)' || true")
  return r.out
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
    for _ = 1, 200 do
      local code, global = revel.run(tool, { "/bin/true" })
      assert.are.equal(0, code)
      total = total + global.count
    end
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
