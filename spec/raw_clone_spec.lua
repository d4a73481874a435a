-- Threads made with raw clone (spec/guests/raw_clone.c: CLONE_VM|CLONE_THREAD
-- without CLONE_SETTLS, on their creator's TLS, and with a TLS of the guest's
-- own making) under --backend=guest: each runs the library on a block of its
-- own (guest/guest_tblock.c), so no call of theirs bypasses the tool, each
-- gets init_thread and thread_start, and its state is its own. Every row runs
-- the guest natively and under both backends: output and status are
-- native's, and the tool's lines are ptrace's.
local H = require("helpers.run")

after_each(H.cleanup)

local lib, have_lib = H.guest_lib, H.have_guest_lib

-- Counts getppid per thread (g.thread, sent at exit_thread) and through
-- g:rpc at each call (a handler that waits for revel with the Lua lock
-- free), writes, and thread_start.
local COUNT = [[
local tool = { on = {} }
function tool.init_global() return { per = {}, rpcs = 0, write = 0, starts = 0 } end
function tool.init_thread() return { n = 0 } end
function tool.thread_start(g) g:rpc("start") end
tool.on.getppid = function(g) g.thread.n = g.thread.n + 1; g:rpc("p") end
tool.on.write = function(g) g:rpc("write") end
function tool.exit_thread(g, ts) g:rpc(ts.n) end
function tool.rpc(gl, _, m)
  if m == "start" then gl.starts = gl.starts + 1
  elseif m == "write" then gl.write = gl.write + 1
  elseif m == "p" then gl.rpcs = gl.rpcs + 1
  else gl.per[#gl.per + 1] = m end
end
function tool.finish(gl)
  table.sort(gl.per)
  io.stderr:write("thread_start ", gl.starts, " write ", gl.write, " getppid ", gl.rpcs,
    " per thread ", table.concat(gl.per, " "), "\n")
end
return tool
]]

describe("--backend=guest with threads of raw clone", function()
  if not have_lib then
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
    return
  end

  for _, case in ipairs({
    { "shared", "on their creator's TLS (no CLONE_SETTLS)", "thread_start 3 write 3 getppid 260 per thread 50 100 110\n" },
    { "own", "with a TLS of the guest's own (CLONE_SETTLS)", "thread_start 3 write 3 getppid 300 per thread 50 120 130\n" },
    { "all", "of both kinds at once", "thread_start 5 write 5 getppid 510 per thread 50 100 110 120 130\n" },
  }) do
    it("sees every call of threads " .. case[2] .. ", with ptrace's counts and a thread_start each", function()
      local t = H.tool(COUNT)
      local argv = { H.guest("raw_clone"), case[1] }
      local native = H.native(argv)
      assert.are.equal(0, native.code, native.err)
      local p = H.revel({ "--backend=ptrace", t }, argv)
      local g = H.revel({ "--backend=guest", t }, argv)
      assert.are.equal(0, p.code, p.err)
      assert.are.equal(0, g.code, g.err)
      assert.are.equal(native.out, p.out)
      assert.are.equal(native.out, g.out)
      assert.are.equal(case[3], p.err)
      assert.are.equal(p.err, g.err)
    end)
  end

  it("runs a guest's signal handler and a fork in threads of raw clone as natively, with ptrace's counts", function()
    local t = H.tool(COUNT)
    local argv = { H.guest("raw_clone_sig") }
    local native = H.native(argv)
    assert.are.equal(0, native.code, native.err)
    assert.are.equal("child\nthread 0 signal fork 7\nchild\nthread 1 signal fork 7\nmain done\n", native.out)
    local p = H.revel({ "--backend=ptrace", t }, argv)
    local g = H.revel({ "--backend=guest", t }, argv)
    assert.are.equal(0, p.code, p.err)
    assert.are.equal(0, g.code, g.err)
    assert.are.equal(native.out, p.out)
    assert.are.equal(native.out, g.out)
    assert.are.equal("thread_start 5 write 5 getppid 4 per thread 0 1 1 1 1\n", p.err)
    assert.are.equal(p.err, g.err)
  end)
end)
