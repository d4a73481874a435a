-- --backend=guest's fallback to ptrace: a process that execs a program the
-- in-guest library cannot enter (statically linked, set-ID) is traced by revel
-- under the ptrace runtime with the same tool, from its exec on, and so are its
-- children. --backend=guest names each such program once on stderr; auto
-- falls back quietly. Every row runs a real program natively and under revel
-- and compares output and exit status; the calls the tool counts in the
-- program that fell back are the ones it counts under --backend=ptrace.
local H = require("helpers.run")

after_each(H.cleanup)

local counter = H.example("counter.lua")

local lib, have_lib = H.guest_lib, H.have_guest_lib

-- Counts each process's calls from its last execve on, by name, through g:rpc
-- (so both runtimes reach the one global state); finish prints, for each
-- program whose path has WANT in it, its calls as "name=n ..." sorted, one
-- line per process, the lines sorted.
local function exec_counts(want)
  return H.tool(([[
local tool = {}
function tool.init_global() return { by = {} } end
function tool.rpc(global, _, m)
  if m.exec then
    global.by[m.pid] = { prog = m.exec, calls = {} }
    return
  end
  local t = global.by[m.pid]
  if t then t.calls[m.name] = (t.calls[m.name] or 0) + 1 end
end
function tool.syscall(g, sc)
  if sc.name == "execve" then
    g:rpc({ pid = g.pid, exec = g:string(sc.args[1]) })
  else
    g:rpc({ pid = g.pid, name = sc.name })
  end
end
function tool.finish(global)
  local lines = {}
  for _, t in pairs(global.by) do
    if t.prog:find(%q, 1, true) then
      local words = {}
      for name, n in pairs(t.calls) do words[#words + 1] = name .. "=" .. n end
      table.sort(words)
      lines[#lines + 1] = table.concat(words, " ")
    end
  end
  table.sort(lines)
  io.stderr:write(table.concat(lines, "\n"), "\n")
end
return tool
]]):format(want))
end

-- stderr's lines: the notices revel's --backend=guest gave, and the rest.
local function split(err)
  local said, rest = {}, {}
  for l in err:gmatch("[^\n]*\n") do
    if l:match("^revel: %-%-backend=guest: ") then
      said[#said + 1] = l
    else
      rest[#rest + 1] = l
    end
  end
  return said, table.concat(rest)
end

describe("--backend=guest's fallback to ptrace", function()
  if not have_lib then
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
    return
  end

  it("traces a statically linked program a guest execs under ptrace: the same counts as under ptrace, named once", function()
    local hello = H.guest("static_hello")
    local cmd = hello .. "; echo $?; " .. hello .. "; echo $?"
    local native = H.native({ "sh", "-c", cmd })
    assert.are.equal("static hello 1\n3\nstatic hello 1\n3\n", native.out)
    local t = exec_counts("static_hello")
    local p = H.revel({ "--backend=ptrace", t }, { "sh", "-c", cmd })
    local g = H.revel({ "--backend=guest", t }, { "sh", "-c", cmd })
    local a = H.revel({ "--backend=auto", t }, { "sh", "-c", cmd })
    for _, r in ipairs({ p, g, a }) do
      assert.are.equal(native.code, r.code, r.err)
      assert.are.equal(native.out, r.out)
    end
    local said, rest = split(g.err)
    assert.are.equal(1, #said, g.err) -- two processes ran it: one line
    assert.truthy(said[1]:match("^revel: %-%-backend=guest: pid %d+ runs [^ ]*/static_hello, statically linked: "
      .. "it runs under ptrace\n$"), said[1])
    assert.truthy(p.err:match("getppid=1 "), p.err)
    local lines = select(2, p.err:gsub("\n", ""))
    assert.are.equal(2, lines, p.err) -- one line of counts per process
    assert.are.equal(p.err, rest)
    assert.are.equal(p.err, a.err) -- auto: the same, and not a word
  end)

  it("keeps the children of a process that fell back under ptrace, whatever they exec", function()
    -- static_spawn runs /bin/echo (dynamic) in a child: under ptrace still,
    -- without the library (its calls would be counted otherwise)
    local argv = { "sh", "-c", H.guest("static_spawn") .. " /bin/echo hi; echo $?" }
    local native = H.native(argv)
    assert.are.equal("static spawn\nhi\nchild exit 0\n4\n", native.out)
    for _, want in ipairs({ "static_spawn", "/bin/echo" }) do
      local t = exec_counts(want)
      local p = H.revel({ "--backend=ptrace", t }, argv)
      local g = H.revel({ "--backend=guest", t }, argv)
      assert.are.equal(native.code, g.code, g.err)
      assert.are.equal(native.out, g.out)
      assert.are.equal(native.out, p.out)
      local said, rest = split(g.err)
      assert.are.equal(1, #said, g.err)
      assert.truthy(p.err:match("write="), p.err)
      assert.are.equal(p.err, rest, want)
    end
    -- and the counting example: every call of the whole tree, as under ptrace
    local p = H.revel({ "--backend=ptrace", counter }, { H.guest("exec_static"), H.guest("static_spawn"), "/bin/true" })
    local g = H.revel({ "--backend=auto", counter }, { H.guest("exec_static"), H.guest("static_spawn"), "/bin/true" })
    assert.are.equal(4, g.code, g.err)
    assert.are.equal(p.out, g.out)
    assert.truthy(g.err:match("^%d+ syscalls\n$"), g.err)
  end)

  it("carries g.process and g.thread over into the traced program, and runs its life hooks as ptrace does", function()
    local t = H.tool([[
local tool = { on = {} }
function tool.init_global() return { log = {} } end
function tool.rpc(global, _, m) global.log[#global.log + 1] = m end
function tool.init_process() return { n = 0 } end
function tool.init_thread() return { n = 0 } end
function tool.thread_start(g) g:rpc("thread_start") end
function tool.post_exec(g) g:rpc("post_exec n=" .. g.process.n .. " t=" .. g.thread.n) end
function tool.exit_thread(g, ts, code) g:rpc("exit_thread " .. code .. " t=" .. ts.n) end
function tool.exit_process(g, ps, code) g:rpc("exit_process " .. code .. " n=" .. ps.n) end
function tool.on.write(g) g.process.n = g.process.n + 1; g.thread.n = g.thread.n + 1 end
function tool.finish(global, code) io.stderr:write(table.concat(global.log, "\n"), "\nexit ", code, "\n") end
return tool
]])
    for _, argv in ipairs({ { H.guest("exec_static"), H.guest("static_hello") },
      { "sh", "-c", H.guest("static_spawn") .. " /bin/echo hi" } }) do
      local native = H.native(argv)
      local p = H.revel({ "--backend=ptrace", t }, argv)
      local g = H.revel({ "--backend=guest", t }, argv)
      assert.are.equal(native.code, g.code, g.err)
      assert.are.equal(native.out, g.out)
      local said, rest = split(g.err)
      assert.are.equal(1, #said, g.err)
      assert.truthy(p.err:match("post_exec n=1 t=1\n") or p.err:match("exit_process 4 n=2\n"), p.err)
      assert.are.equal(p.err, rest)
    end
  end)

  it("sees a child's calls once after an exec that fell back failed (E2BIG)", function()
    local argv = { "python3", H.root .. "/spec/guests/exec_fails.py", H.guest("static_hello") }
    local native = H.native(argv)
    assert.are.equal("exec failed: 7\nhi\n", native.out)
    local t = exec_counts("/bin/echo")
    local p = H.revel({ "--backend=ptrace", t }, argv)
    local g = H.revel({ "--backend=guest", t }, argv)
    assert.are.equal(native.out, g.out)
    assert.are.equal(native.code, g.code, g.err)
    local _, rest = split(g.err)
    assert.truthy(p.err:match("write=1"), p.err)
    assert.are.equal(p.err, rest)
  end)

  it("runs a statically linked command under ptrace, saying so in one line", function()
    local native = H.native({ H.guest("static_spawn"), "/bin/echo", "hi" })
    local g = H.revel({ "--backend=guest", counter }, { H.guest("static_spawn"), "/bin/echo", "hi" })
    local p = H.revel({ "--backend=ptrace", counter }, { H.guest("static_spawn"), "/bin/echo", "hi" })
    assert.are.equal(native.code, g.code, g.err)
    assert.are.equal(native.out, g.out)
    local said, rest = split(g.err)
    assert.are.equal(1, #said, g.err)
    assert.truthy(said[1]:match("static_spawn is statically linked: it runs under ptrace\n$"), said[1])
    assert.are.equal(p.err, rest)
  end)

  it("traces a set-user-ID program a guest execs under ptrace, with its owner's rights (as root)", function()
    if H.sh("id -u").out ~= "0\n" then
      pending("needs root: the copy must belong to another user")
      return
    end
    local dir = H.tmpdir()
    local ids = dir .. "/ids_suid"
    local r = H.sh(("chmod 755 %s && cp %s %s && chown 65534 %s && chmod 4755 %s"):format(
      H.q(dir), H.q(H.guest("ids")), H.q(ids), H.q(ids), H.q(ids)))
    assert.are.equal(0, r.code, r.err)
    local argv = { "sh", "-c", H.q(ids) .. "; echo $?" }
    local native = H.native(argv)
    assert.are.equal("uid=0 euid=65534\n5\n", native.out)
    local t = exec_counts("ids_suid")
    local p = H.revel({ "--backend=ptrace", t }, argv)
    local g = H.revel({ "--backend=guest", t }, argv)
    assert.are.equal(native.out, p.out)
    assert.are.equal(native.out, g.out)
    assert.are.equal(0, g.code, g.err)
    local said, rest = split(g.err)
    assert.are.equal(1, #said, g.err)
    assert.truthy(said[1]:match("ids_suid, set%-user%-ID or set%-group%-ID: it runs under ptrace\n$"), said[1])
    assert.truthy(p.err:match("geteuid=1"), p.err)
    assert.are.equal(p.err, rest)
  end)

  it("kills every guest when revel is killed: in-guest ones (their pipe to revel) and fallen back ones (EXITKILL)", function()
    local a, b = H.sleep_arg(3301), H.sleep_arg(3302)
    local inner = ("sleep %s & exec %s /bin/sleep %s"):format(a, H.guest("static_spawn"), b)
    local r = H.sh(("%s --backend=guest %s -- sh -c %s > /dev/null 2>&1 & echo $!"):format(
      H.q(H.bin), H.q(counter), H.q(inner)))
    local revel_pid = r.out:match("%d+")
    assert.truthy(revel_pid)
    assert.is_true(H.eventually(function()
      return #H.procs_matching("sleep " .. a) > 0 and #H.procs_matching("sleep " .. b) > 0
    end))
    H.sh("kill -9 " .. revel_pid)
    assert.is_true(H.eventually(function() return #H.procs_matching("sleep " .. b) == 0 end, 2),
      "the traced guest outlived revel")
    assert.is_true(H.eventually(function() return #H.procs_matching("sleep " .. a) == 0 end, 2),
      "the in-guest guest outlived revel")
  end)
end)
