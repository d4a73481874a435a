-- execve from a thread that is not the leader (spec/guests/exec_thread.c):
-- the leader is gone and the exec'ing thread goes on with the leader's tid.
-- A tool's exit_thread runs once per thread, the leader's with the tid of
-- the thread that superseded it; the default tool prints strace's
-- "+++ superseded by execve in pid N +++" (and --json a "superseded_by").
local H = require("helpers.run")

after_each(H.cleanup)

local guest = H.guest("exec_thread")
local native_out = "before exec\nafter exec: tid == pid: yes\n"

describe("exec from a non-leader thread", function()
  it("calls exit_thread once per thread, the leader's as superseded", function()
    local tool = H.tool([[
local tool = {}
function tool.init_thread(tid) return { born = tid } end
function tool.post_exec(g) io.stderr:write("post_exec ", g.tid, " born ", g.thread.born, "\n") end
function tool.exit_thread(g, t, code, status, by)
  io.stderr:write("exit ", g.tid, " born ", t.born, " code ", code, " by ", tostring(by), "\n")
end
return tool
]])
    for _ = 1, 3 do
      local r = H.revel({ tool }, { guest })
      assert.are.equal(5, r.code, r.err)
      assert.are.equal(native_out, r.out)
      local exits, born = {}, {}
      for tid, b, code, by in r.err:gmatch("exit (%d+) born (%d+) code (%d+) by (%w+)\n") do
        exits[#exits + 1] = { tid = tid, born = b, code = tonumber(code), by = by }
        born[b] = (born[b] or 0) + 1
      end
      assert.are.equal(2, #exits, r.err)
      local leader, former = exits[1], exits[2]
      -- The leader first, superseded by the other thread, which then
      -- ends with the leader's tid and the process's status.
      assert.are.equal(leader.tid, leader.born, r.err)
      assert.are.equal(former.born, leader.by, r.err)
      assert.are_not.equal(former.born, former.tid, r.err)
      assert.are.equal(leader.tid, former.tid, r.err)
      assert.are.equal(5, former.code, r.err)
      assert.are.equal("nil", former.by, r.err)
      for b, n in pairs(born) do
        assert.are.equal(1, n, "thread " .. b .. " ended " .. n .. " times\n" .. r.err)
      end
    end
  end)

  it("prints the superseded leader once, and the execve resumed as its pid", function()
    local out = H.track(H.tmpname())
    local r = H.revel({ "-f", "-o", out }, { guest })
    assert.are.equal(5, r.code, r.err)
    local t = H.slurp(out) or ""
    local pid = t:match("^(%d+) ")
    assert.truthy(pid, t)
    local by = t:match("\n" .. pid .. " +%+%+%+ superseded by execve in pid (%d+) %+%+%+\n")
    assert.truthy(by, t)
    assert.truthy(t:match("\n" .. by .. " +execve%(\"/proc/self/exe\", %[\"exec_thread\", \"after\"%]"), t)
    assert.truthy(t:match("\n" .. pid .. " +<%.%.%. execve resumed>%) += 0\n"), t)
    local _, exits = t:gsub("%+%+%+ exited with", "")
    assert.are.equal(1, exits, t)
    assert.truthy(t:match("\n" .. pid .. " +%+%+%+ exited with 5 %+%+%+\n$"), t)
  end)

  -- strace -ff: the leader's file ends its call, says it was superseded and
  -- goes on with the execve; the exec'ing thread's file ends with
  -- "<pid changed to PID ...>".
  it("splits the files as strace -ff", function()
    local function files(tracer)
      local dir = H.tmpdir() .. "/ff-" .. tracer
      os.execute("rm -rf " .. H.q(dir) .. " && mkdir -p " .. H.q(dir))
      local r
      if tracer == "strace" then
        r = H.native({ "strace", "-ff", "-o", dir .. "/t", guest })
      else
        r = H.revel({ "-ff", "-o", dir .. "/t" }, { guest })
      end
      assert.are.equal(5, r.code, r.err)
      local found = {}
      local p = io.popen("ls " .. H.q(dir))
      for name in p:lines() do
        found[#found + 1] = { tid = name:match("^t%.(%d+)$"), text = H.slurp(dir .. "/" .. name) }
      end
      p:close()
      os.execute("rm -rf " .. H.q(dir))
      assert.are.equal(2, #found, tracer)
      table.sort(found, function(a, b)
        return #a.text > #b.text
      end)
      return found[1], found[2], r
    end
    for _, tracer in ipairs({ "strace", "revel" }) do
      local leader, former, r = files(tracer)
      local what = tracer .. "\n" .. leader.text .. "\n----\n" .. former.text .. "\n" .. (r.err or "")
      -- (the leader's own last call, where it died, races the exec)
      assert.truthy(leader.text:find("\n%+%+%+ superseded by execve in pid " .. former.tid
        .. " %+%+%+\n<%.%.%. execve resumed>%) += 0\n"), what)
      assert.truthy(leader.text:find("\n%+%+%+ exited with 5 %+%+%+\n$"), what)
      assert.truthy(former.text:find(" <pid changed to " .. leader.tid .. " %.%.%.>\n$"), what)
      if tracer == "revel" then
        assert.are.equal("", r.err)
      end
    end
  end)

  it("says superseded_by in --json", function()
    local r = H.revel({ "-f", "--json" }, { guest })
    assert.are.equal(5, r.code, r.err)
    local pid, by = r.err:match('{"pid":(%d+),"tid":%d+,"superseded_by":(%d+)}')
    assert.truthy(pid, r.err)
    assert.are_not.equal(pid, by)
    local _, exits = r.err:gsub('"exited":', "")
    assert.are.equal(1, exits, r.err)
    assert.truthy(r.err:match('{"pid":' .. pid .. ',"tid":' .. pid .. ',"exited":5}'), r.err)
  end)
end)
