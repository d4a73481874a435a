-- --backend=guest's prelude: each new program (the command, and every dynamic
-- program a guest process execs) runs under the ptrace runtime with the same
-- tool from its exec until the in-guest library starts in it, then revel lets
-- go of it and the library goes on with the same g.process and g.thread. So
-- the loader's calls (brk, mmap, openat of the libraries, mprotect,
-- arch_prctl, set_tid_address, rseq, prlimit64 ...) are the tool's under
-- both backends, no call is seen twice or missed, and the loading of the
-- library itself is revel's, not the guest's. Every row runs a real program
-- natively and under both backends and compares output, exit status and what
-- the tool counted.
local H = require("helpers.run")

after_each(H.cleanup)

local counter = H.example("counter.lua")

local lib, have_lib = H.guest_lib, H.have_guest_lib

-- Counts every call of the whole tree by name through g:rpc; finish prints
-- "name=n ..." sorted.
local names = [[
local tool = {}
function tool.init_global() return { n = {} } end
function tool.rpc(global, _, name) global.n[name] = (global.n[name] or 0) + 1 end
function tool.syscall(g, sc) g:rpc(sc.name) end
function tool.finish(global)
  local t = {}
  for k, v in pairs(global.n) do t[#t + 1] = k .. "=" .. v end
  table.sort(t)
  io.stderr:write(table.concat(t, " "), "\n")
end
return tool
]]

-- Runs argv natively and under both backends with tool; the three outputs
-- and exit statuses agree; returns the ptrace and guest runs.
local function both(tool, argv)
  local native = H.native(argv)
  local p = H.revel({ "--backend=ptrace", tool }, argv)
  local g = H.revel({ "--backend=guest", tool }, argv)
  assert.are.equal(native.code, p.code, p.err)
  assert.are.equal(native.code, g.code, g.err)
  assert.are.equal(native.out, p.out)
  assert.are.equal(native.out, g.out)
  return p, g
end

describe("--backend=guest's prelude under ptrace", function()
  if not have_lib then
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
    return
  end

  it("counts the same calls as ptrace for /bin/true, ls, a shell that execs, a program that forks and execs", function()
    local t = H.tool(names)
    for _, argv in ipairs({
      { "/bin/true" },
      { "ls", "/" },
      { "sh", "-c", "exec /bin/echo hi" },
      { "sh", "-c", "/bin/true; /bin/echo two; exit 3" }, -- forks, its children exec
    }) do
      local p, g = both(t, argv)
      assert.truthy(p.err:match("execve=%d+ .*mmap=%d+ .*mprotect=%d+ .*openat=%d+ .*set_tid_address="), p.err)
      assert.are.equal(p.err, g.err, table.concat(argv, " "))
    end
  end)

  it("gives examples/counter.lua's total of ptrace", function()
    local p, g = both(counter, { "sh", "-c", "/bin/true; ls / > /dev/null" })
    assert.truthy(p.err:match("^%d+ syscalls\n$"), p.err)
    assert.are.equal(p.err, g.err)
    local p1, g1 = both(counter, { "/bin/true" })
    assert.are.equal(p1.err, g1.err)
  end)

  it("runs a fault rule on a loader call as ptrace does", function()
    -- the loader's openat of libc fails: the program cannot start
    local t = H.tool([[
local tool = { on = {} }
function tool.on.openat(g, sc)
  local path = g:string(sc.args[2])
  if path and path:find("libc.so.6", 1, true) then
    return -revel.errno.ENOENT
  end
end
return tool
]])
    local p = H.revel({ "--backend=ptrace", t }, { "sh", "-c", "/bin/echo hi; echo $?" })
    local g = H.revel({ "--backend=guest", t }, { "sh", "-c", "/bin/echo hi; echo $?" })
    assert.are.equal(127, p.code, p.err)
    assert.are.equal(p.code, g.code, g.err)
    assert.are.equal(p.out, g.out)
    assert.truthy(g.err:match("libc%.so%.6: cannot open shared object file"), g.err)
    -- a fault on the 3rd mmap of the command: the loader gives up the same way
    local t2 = H.tool([[
local tool = { on = {} }
function tool.init_process() return { n = 0 } end
function tool.on.mmap(g)
  g.process.n = g.process.n + 1
  if g.process.n == 3 then return -revel.errno.ENOMEM end
end
return tool
]])
    local p2 = H.revel({ "--backend=ptrace", t2 }, { "/bin/echo", "hi" })
    local g2 = H.revel({ "--backend=guest", t2 }, { "/bin/echo", "hi" })
    assert.are_not.equal(0, p2.code)
    assert.are.equal(p2.code, g2.code, g2.err)
    assert.are.equal(p2.out, g2.out)
    assert.are.equal(p2.err, g2.err)
  end)

  it("hands g.process and g.thread over: init hooks once, post_exec once per exec, the counts go on", function()
    local t = H.tool([[
local tool = {}
function tool.init_global() return { log = {} } end
function tool.rpc(global, _, m) global.log[#global.log + 1] = m end
function tool.init_process() return { n = 0, inits = 1 } end
function tool.init_thread() return { n = 0 } end
function tool.post_exec(g) g:rpc("post_exec n=" .. g.process.n .. " t=" .. g.thread.n .. " inits=" .. g.process.inits) end
function tool.syscall(g) g.process.n = g.process.n + 1; g.thread.n = g.thread.n + 1 end
function tool.exit_process(g, ps) g:rpc("exit_process n=" .. ps.n .. " inits=" .. ps.inits) end
function tool.finish(global) io.stderr:write(table.concat(global.log, "\n"), "\n") end
return tool
]])
    local p, g = both(t, { "sh", "-c", "exec /bin/echo hi" })
    assert.truthy(p.err:match("^post_exec n=1 t=1 inits=1\npost_exec n=%d+ t=%d+ inits=1\nexit_process n=%d+ inits=1\n$"),
      p.err)
    assert.are.equal(p.err, g.err)
  end)

  it("leaves no tracer and no seccomp filter in the program once the library runs", function()
    local argv = { "sh", "-c", "grep -E '^(TracerPid|Seccomp):' /proc/self/status" }
    local native = H.native(argv)
    local g = H.revel({ "--backend=guest", counter }, argv)
    assert.are.equal(0, g.code, g.err)
    assert.are.equal(native.out, g.out)
    assert.truthy(g.out:match("TracerPid:%s+0\n"), g.out)
  end)

  it("REVEL_GUEST_PRELUDE=0 turns it off: the loader's calls are not seen", function()
    local r = H.sh(("REVEL_GUEST_PRELUDE=0 %s --backend=guest %s -- /bin/true"):format(H.q(H.bin), H.q(counter)))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("1 syscalls\n", r.err)
  end)
end)
