-- --backend=ptrace|guest|auto: the same tool files under the ptrace tracer and
-- inside each guest process (librevel_guest.so, guest/). Every row runs a
-- real program natively and under revel and compares output and exit status;
-- the counts a tool makes through g:rpc must be the same under both backends.
local H = require("helpers.run")

after_each(H.cleanup)

local counter = H.example("counter.lua")

-- A sanitizer build (REVEL_SANITIZE) has no in-guest library: its rows say
-- so as pending, and the refusal is checked instead.
local lib, have_lib = H.guest_lib, H.have_guest_lib


-- A tool counting one call through g:rpc, with per-process and per-thread
-- state (init_process / init_thread run in the guest under --backend=guest).
local function count_tool(name)
  return H.tool(([[
local tool = { on = {} }
function tool.init_global() return { n = 0, procs = 0, threads = 0 } end
function tool.init_process() return { seen = false } end
function tool.init_thread() return { seen = false } end
function tool.rpc(global, _, msg)
  if msg.kind == "call" then global.n = global.n + 1 end
  if msg.kind == "proc" then global.procs = global.procs + 1 end
  if msg.kind == "thread" then global.threads = global.threads + 1 end
  return { copied = true }
end
tool.on[%q] = function(g, sc)
  if not g.process.seen then g.process.seen = true; g:rpc({ kind = "proc" }) end
  if not g.thread.seen then g.thread.seen = true; g:rpc({ kind = "thread" }) end
  local r = g:rpc({ kind = "call" })
  assert(r.copied == true)
end
function tool.finish(global, code)
  io.stderr:write(("calls=%%d procs=%%d threads=%%d exit=%%d\n"):format(global.n, global.procs, global.threads, code))
end
return tool
]]):format(name))
end

local function both(tool_words, argv, opts)
  local p = H.revel({ "--backend=ptrace", unpack(tool_words) }, argv, opts)
  local g = H.revel({ "--backend=guest", unpack(tool_words) }, argv, opts)
  return p, g
end

describe("--backend", function()
  it("refuses anything but ptrace, guest and auto in one line, exit 125", function()
    for _, v in ipairs({ "bogus", "", "Guest", "ptrace,guest" }) do
      local r = H.revel({ "--backend=" .. v, counter }, { "true" })
      assert.are.equal(125, r.code, v)
      assert.truthy(r.err:match("^revel: %-%-backend takes ptrace, guest or auto, not [^\n]*\n$"), r.err)
    end
    local r = H.revel({ "--backend" }, {})
    assert.are.equal(125, r.code)
    r = H.sh("REVEL_BACKEND=sideways " .. H.words({ H.bin, counter, "--", "true" }))
    assert.are.equal(125, r.code)
    assert.are.equal('revel: REVEL_BACKEND takes ptrace, guest or auto, not "sideways"\n', r.err)
    r = H.sh("REVEL_BACKEND=guest " .. H.words({ H.bin, "-k", "--", "true" }))
    assert.are.equal(125, r.code) -- an option of the default tool it does not apply: guest says why
    assert.truthy(r.err:match("^revel: %-%-backend=guest: %-k runs only under ptrace"), r.err)
    r = H.sh("REVEL_BACKEND=guest " .. H.words({ H.bin, "--backend=ptrace", "--", "true" }))
    assert.are.equal(0, r.code, r.err) -- the option wins
  end)

  it("guest says in one line why it cannot run the default tool with an option, and runs a statically linked command under ptrace saying so; auto runs them under ptrace", function()
    local r = H.revel({ "--backend=guest", "-k" }, { "true" })
    assert.are.equal(125, r.code)
    assert.truthy(r.err:match("^revel: %-%-backend=guest: %-k runs only under ptrace for now\n$"), r.err)
    if have_lib then
      r = H.revel({ "--backend=guest" }, { "true" }) -- the default tool itself runs in the guest
      assert.are.equal(0, r.code, r.err)
      assert.truthy(r.err:match("\nexit_group%(0%)%s+= %?\n%+%+%+ exited with 0 %+%+%+\n$"), r.err)
    end
    local native = H.native({ H.guest("static_hello") })
    assert.are.equal(3, native.code)
    r = H.revel({ "--backend=guest", counter }, { H.guest("static_hello") })
    if have_lib then
      assert.are.equal(native.code, r.code)
      assert.are.equal(native.out, r.out)
      assert.truthy(r.err:match("^revel: %-%-backend=guest: [^\n]*static_hello is statically linked: it runs under "
        .. "ptrace\n%d+ syscalls\n$"), r.err)
    else
      assert.are.equal(125, r.code)
      assert.truthy(r.err:match("^revel: %-%-backend=guest: librevel_guest%.so is not beside revel[^\n]*\n$"), r.err)
    end
    r = H.revel({ "--backend=auto", counter }, { H.guest("static_hello") })
    assert.are.equal(native.code, r.code)
    assert.are.equal(native.out, r.out)
    assert.truthy(r.err:match("^%d+ syscalls\n$"), r.err) -- quietly, and the tool ran
    r = H.revel({ "--backend=auto", "-k" }, { "true" })
    assert.are.equal(0, r.code)
    assert.truthy(r.err:match("exit_group%(0%)"), r.err) -- strace's output, under ptrace
  end)

  it("guest runs wholly under ptrace with an option it does not apply, saying so in one line; auto quietly", function()
    for _, c in ipairs({ { "--rule=getppid:p=1:error=EPERM", "--rule with place= or p=" }, { "--exit-with-root", "--exit-with-root" },
      { "--on-error=continue", "--on-error=continue" }, { "--sched=random", "--sched" }, { "--lua-memory=64M", "--lua-memory" } }) do
      local words = { "--backend=ptrace" }
      for i = 1, #c - 1 do
        words[#words + 1] = c[i]
      end
      words[#words + 1] = counter
      local p = H.revel(words, { H.guest("getppid_loop"), "2" })
      words[1] = "--backend=guest"
      local r = H.revel(words, { H.guest("getppid_loop"), "2" })
      assert.are.equal(p.code, r.code, c[#c] .. ": " .. r.err)
      assert.are.equal(p.out, r.out, c[#c])
      local line, rest = r.err:match("^(revel: %-%-backend=guest: [^\n]*\n)(.*)$")
      assert.truthy(line and line:find(c[#c], 1, true) and line:match(": the whole run is under ptrace\n$"), r.err)
      assert.are.equal(p.err, rest, c[#c])
      words[1] = "--backend=auto"
      r = H.revel(words, { H.guest("getppid_loop"), "2" })
      assert.are.equal(p.code, r.code, c[#c] .. ": " .. r.err)
      assert.are.equal(p.err, r.err, c[#c])
    end
    -- a field of the tool's own (a helper) is no hook: ignored, as under
    -- ptrace (the run needs the library: a sanitizer build has none)
    if have_lib then
      local t = H.tool("return { helper = function() end, n = 3, on = { getppid = function() end } }")
      local r = H.revel({ "--backend=guest", t }, { H.guest("getppid_loop"), "2" })
      assert.are.equal(0, r.code, r.err)
    end
  end)

  it("guest runs -p and --repl wholly under ptrace with the same tool, saying so in one line; auto quietly", function()
    for _, b in ipairs({ "guest", "auto" }) do
      local r = H.sh("sleep 0.5 & pid=$!; " .. H.words({ H.bin, "--backend=" .. b, "-p" }) .. " $pid "
        .. H.words({ counter }) .. "; echo rc=$?")
      assert.truthy(r.out:match("rc=0\n$"), r.out .. r.err)
      local line = "revel: --backend=guest: -p attaches with ptrace: the whole run is under ptrace\n"
      local rest = b == "guest" and r.err:sub(1, #line) == line and r.err:sub(#line + 1) or r.err
      assert.truthy(rest:match("^revel: Process %d+ attached\n%d+ syscalls\n$"), b .. ": " .. r.err)
      r = H.sh(H.words({ H.bin, "--backend=" .. b, "--repl", counter, "--", "true" }) .. " < /dev/null")
      assert.are.equal(0, r.code, r.err)
      line = "revel: --backend=guest: --repl and --watch change the tool in revel while it runs: the whole run is under ptrace\n"
      rest = b == "guest" and r.err:sub(1, #line) == line and r.err:sub(#line + 1) or r.err
      assert.truthy(rest:match("^revel: pid %d+ stopped at its first event"), b .. ": " .. r.err)
      assert.truthy(rest:match("\n%d+ syscalls\n"), b .. ": " .. r.err)
    end
  end)

  it("guest runs wholly under ptrace a tool with a hook it does not run (detach, branch timers), saying so in one line", function()
    for _, c in ipairs({
      { "return { detach = function() end, on = { getppid = function() end } }", "the tool defines tool%.detach[^\n]*" },
      { "return { subscriptions = { 'branches' }, timer = function() end }", "the tool subscribes to branches[^\n]*only ptrace counts" },
    }) do
      -- (branch timers need hardware counters: where there are none, the
      -- ptrace run's own one line and exit 125)
      local t = H.tool(c[1])
      local p = H.revel({ "--backend=ptrace", t }, { "sh", "-c", "exit 3" })
      local r = H.revel({ "--backend=guest", t }, { "sh", "-c", "exit 3" })
      assert.are.equal(p.code, r.code, r.err)
      local line, rest = r.err:match("^(revel: %-%-backend=guest: " .. c[2] .. ": the whole run is under ptrace\n)(.*)$")
      assert.truthy(line, r.err)
      assert.are.equal(p.err, rest)
      r = H.revel({ "--backend=auto", t }, { "sh", "-c", "exit 3" })
      assert.are.equal(p.code, r.code, r.err)
      assert.are.equal(p.err, r.err)
    end
  end)
end)

describe("--backend=guest", function()
  if not have_lib then
    it("says the library is missing", function()
      local r = H.revel({ "--backend=guest", counter }, { "true" })
      assert.are.equal(125, r.code)
      assert.truthy(r.err:match("librevel_guest%.so is not beside revel"), r.err)
    end)
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
    return
  end
  it("runs the guests of the foundation specs with the counting tool: same output and exit as natively and under ptrace", function()
    for _, name in ipairs({ "threads4", "forktree", "signals", "vfork_exec", "vfork_variants", "exec_thread",
      "own_seccomp", "rtsig", "restart_read", "pipe_threads" }) do
      local native = H.native({ H.guest(name) })
      local p, g = both({ counter }, { H.guest(name) })
      assert.are.equal(native.code, p.code, name .. " under ptrace")
      assert.are.equal(native.code, g.code, name .. " under guest: " .. g.err)
      assert.are.equal(native.out, g.out, name)
      assert.are.equal(p.out, g.out, name)
      assert.truthy(g.err:match("^%d+ syscalls\n$"), name .. ": " .. g.err)
    end
  end)

  it("waits for an orphaned grandchild, as ptrace does (natively the shell may return before it writes)", function()
    local p, g = both({ counter }, { H.guest("orphan") })
    assert.are.equal(0, g.code, g.err)
    assert.are.equal("parent done\ngrandchild outlived its parent\n", p.out)
    assert.are.equal(p.out, g.out)
  end)

  it("runs real programs (a shell pipeline with SIGCHLD, python threads and subprocesses, tar, xz -T2, git) as natively", function()
    local dir = H.tmpdir()
    for _, cmd in ipairs({
      "ls / | wc -l; echo $?",
      "python3 -c 'import threading,subprocess\nt=[threading.Thread(target=lambda: subprocess.run([\"true\"])) for i in range(4)]\n"
        .. "[x.start() for x in t]\n[x.join() for x in t]\nprint(\"ok\")'",
      "tar cf - -C " .. H.root .. " docs | wc -c",
      "xz -T2 -c " .. H.root .. "/docs/revel.1 | xz -d | wc -c",
      "git -C " .. H.root .. " log --oneline -1 | wc -l",
      "cd " .. dir .. " && printf 'all: a b\\na:\\n\\t@echo a\\nb:\\n\\t@echo b\\n' > Makefile && make -s -j2 | sort",
    }) do
      local native = H.native({ "sh", "-c", cmd })
      assert.are.equal(0, native.code, cmd .. ": " .. native.err)
      assert.truthy(#native.out > 0, cmd)
      local g = H.revel({ "--backend=guest", counter }, { "sh", "-c", cmd })
      assert.are.equal(native.code, g.code, cmd .. ": " .. g.err)
      assert.are.equal(native.out, g.out, cmd)
      assert.truthy(g.err:match("^%d+ syscalls\n$"), cmd .. ": " .. g.err)
    end
  end)

  it("enters Lua only for subscribed calls, in every thread: the same counts as under ptrace", function()
    local t = count_tool("getppid")
    local p, g = both({ t }, { H.guest("getppid_loop"), "1000" })
    assert.are.equal(0, g.code)
    assert.are.equal("calls=1000 procs=1 threads=1 exit=0\n", p.err)
    assert.are.equal(p.err, g.err)
    local bench = (H.guests:gsub("/guests$", "")) .. "/guests/getppid_threads"
    p, g = both({ t }, { bench, "4", "500" })
    assert.are.equal(0, g.code, g.err)
    assert.are.equal("calls=2000 procs=1 threads=4 exit=0\n", p.err)
    assert.are.equal(p.err, g.err)
  end)

  it("answers every call of a rewritten call site, with rewriting on and off (REVEL_GUEST_REWRITE=0)", function()
    -- the first getppid() traps; its site is rewritten to enter the handler
    -- without a signal, and must keep answering (and counting) every call
    local forge = H.tool("return { on = { getppid = function() return 4242 end } }")
    local t = count_tool("getppid")
    for _, env in ipairs({ "", "REVEL_GUEST_REWRITE=0 " }) do
      local r = H.sh(env .. H.words({ H.bin, "--backend=guest", forge, "--", H.guest("getppid_wrap"), "5000" }))
      assert.are.equal(0, r.code, env .. r.err)
      assert.are.equal("forged=5000 real=0\n", r.out, env)
      r = H.sh(env .. H.words({ H.bin, "--backend=guest", t, "--", H.guest("getppid_wrap"), "5000" }))
      assert.are.equal("forged=0 real=5000\n", r.out, env)
      assert.are.equal("calls=5001 procs=1 threads=1 exit=0\n", r.err, env)
      -- and a call the tool does not handle runs natively from its rewritten site
      local o = H.tool("return { on = { openat = function() end } }")
      r = H.sh(env .. H.words({ H.bin, "--backend=guest", o, "--", H.guest("getppid_wrap"), "5000" }))
      assert.are.equal("forged=0 real=5000\n", r.out, env)
    end
  end)

  it("keeps per-process state across fork: init_process once per process of a fork tree", function()
    -- exit_group: once per process (wait4 would count ptrace's restarts of
    -- a wait interrupted by its own signal-delivery stops)
    local t = count_tool("exit_group")
    local p, g = both({ t }, { H.guest("forktree") })
    assert.are.equal(20, g.code)
    assert.are.equal(p.out, g.out)
    assert.are.equal("calls=15 procs=15 threads=15 exit=20\n", p.err)
    assert.are.equal(p.err, g.err)
  end)

  it("follows an exec with an empty environment, and traces a statically linked program it cannot enter under ptrace", function()
    local t = count_tool("write")
    local p, g = both({ t }, { H.guest("exec_static"), "/bin/echo", "hi" })
    assert.are.equal(0, g.code)
    assert.are.equal("before\nhi\n", g.out)
    -- g.process and g.thread live on across the exec, as under ptrace
    assert.are.equal("calls=2 procs=1 threads=1 exit=0\n", g.err)
    assert.are.equal(p.err, g.err)
    g = H.revel({ "--backend=guest", t }, { H.guest("exec_static"), H.guest("static_hello") })
    assert.are.equal(3, g.code)
    assert.are.equal("before\nstatic hello 1\n", g.out)
    local lines = {}
    for l in g.err:gmatch("[^\n]+") do
      lines[#lines + 1] = l
    end
    assert.are.equal(2, #lines, g.err)
    assert.truthy(lines[1]:match("^revel: %-%-backend=guest: pid %d+ runs [^ ]*static_hello, statically linked: it runs under ptrace$"), g.err)
    -- its write is seen, and its state went on (spec/backend_fallback_spec.lua)
    assert.are.equal("calls=2 procs=1 threads=1 exit=3", lines[2])
  end)

  it("routes the vDSO's calls to a tool that subscribes to them, in threads and after exec, as ptrace", function()
    local t = count_tool("clock_gettime")
    local p, g = both({ t }, { H.guest("vdso_clock"), "7" })
    assert.are.equal(0, g.code, g.err)
    assert.are.equal("calls=21 procs=2 threads=3 exit=0\n", g.err) -- main, a thread, an exec'd child
    assert.truthy(p.err:match("^calls=21 "), p.err)
  end)

  it("returns a handler's result without running the call, and runs g:inject's", function()
    local t = H.tool([[
local tool = { on = {} }
function tool.on.openat(g, sc)
  local path = g:string(sc.pathname)
  if path == "/etc/hostname" then return -revel.errno.ENOENT end
  if path == "/etc/passwd" then
    sc.pathname = "/etc/group"
    return g:inject(sc)
  end
end
return tool
]])
    for _, argv in ipairs({ { "cat", "/etc/hostname" }, { "head", "-c", "6", "/etc/passwd" } }) do
      local p, g = both({ t }, argv)
      assert.are.equal(p.code, g.code, argv[2])
      assert.are.equal(p.out, g.out)
      assert.are.equal(p.err, g.err)
    end
    local g = H.revel({ "--backend=guest", t }, { "head", "-c", "6", "/etc/passwd" })
    assert.are.equal(H.native({ "head", "-c", "6", "/etc/group" }).out, g.out)
    assert.are.equal(1, H.revel({ "--backend=guest", t }, { "cat", "/etc/hostname" }).code)
  end)

  it("a handler blocked in an injected read (g:inject, g:tail_inject) or in g:rpc does not stall the process's other threads", function()
    -- pipe_threads: thread A's getppid(fd, buf, 5) becomes read(fd, buf, 5);
    -- thread B writes the pipe only after its own getppid calls (each one a
    -- handler) have seen A blocked. With the process's Lua lock held across
    -- A's read, B's next handler would wait forever: the timeout ends it.
    local inject = [[
local tool = { on = {} }
function tool.init_global() return { n = 0 } end
function tool.rpc(global) global.n = global.n + 1; return global.n end
function tool.on.getppid(g, sc)
  if sc.args[3] ~= 5 then return g:rpc(1) and nil end
  %s
end
function tool.finish(global) io.stderr:write(global.n > 0 and "rpc ok\n" or "no rpc\n") end
return tool
]]
    for _, body in ipairs({ "return g:inject(revel.sys.read(sc.args[1], sc.args[2], 5))",
      "g:tail_inject(revel.sys.read(sc.args[1], sc.args[2], 5))" }) do
      local t = H.tool(inject:format(body))
      local p, g = both({ t }, { H.guest("pipe_threads") }, { timeout = 60 })
      assert.are.equal(0, p.code, p.err)
      assert.are.equal(0, g.code, body .. ": " .. g.err)
      assert.are.equal("A got 5: hello\nB wrote\n", g.out, body)
      assert.are.equal(p.out, g.out)
      assert.are.equal("rpc ok\n", g.err)
    end
  end)

  it("holds a signal that comes while a handler runs (signals open at a rewritten site) and delivers it whole, in order, its handler's calls seen", function()
    -- The getppid handler spins, so most SIGUSR1s arrive while it runs; the
    -- guest's handler checks each siginfo and makes a gettid the tool counts.
    local t = H.tool([[
local tool = { on = {} }
function tool.init_global() return { n = 0 } end
function tool.rpc(global) global.n = global.n + 1; return global.n end
function tool.on.getppid(g, sc) local x = 0; for i = 1, 3000 do x = x + i end end
function tool.on.gettid(g, sc) g:rpc(1) end
function tool.finish(global) io.stderr:write(("gettid %d\n"):format(global.n)) end
return tool
]])
    local native = H.native({ H.guest("sig_during_calls"), "200" })
    assert.are.equal("handled 200, in order, siginfo intact\n", native.out)
    for _, rw in ipairs({ "1", "0" }) do
      local g = H.sh("REVEL_GUEST_REWRITE=" .. rw .. " "
        .. H.words({ H.bin, "--backend=guest", t, "--", H.guest("sig_during_calls"), "200" }), { timeout = 120 })
      assert.are.equal(0, g.code, g.out .. g.err)
      assert.are.equal(native.out, g.out)
      assert.are.equal("gettid 200\n", g.err)
    end
    local p = H.revel({ "--backend=ptrace", t }, { H.guest("sig_during_calls"), "200" }, { timeout = 120 })
    assert.are.equal(native.out, p.out)
    assert.are.equal("gettid 200\n", p.err)
  end)

  it("gives the guest the signal dispositions it would have natively (a shell traps SIGINT; yes dies of SIGPIPE)", function()
    -- revel ignores SIGINT, SIGQUIT and SIGPIPE for itself; a guest that
    -- inherited them ignored could not trap SIGINT, and yes would print EPIPE.
    for _, script in ipairs({ 'trap "echo got INT" INT; kill -INT $$; echo after', "yes | head -n 2" }) do
      local argv = { "sh", "-c", script }
      local native = H.native(argv)
      local r = H.revel({ "--backend=guest", H.example("noop.lua") }, argv)
      assert.are.equal(native.code, r.code, r.err)
      assert.are.equal(native.out, r.out, script)
      assert.are.equal(native.err, r.err, script)
    end
  end)

  it("runs a handler on the thread's own stack, not on a guest's small sigaltstack that made the call", function()
    -- The handler compiles a deeply nested expression (LuaJIT's parser
    -- recurses on the C stack): on the guest's 16 KiB sigaltstack it would
    -- reach the guard page below it.
    local t = H.tool([[
local tool = { on = {} }
local deep = "return " .. ("("):rep(150) .. "1" .. (")"):rep(150)
function tool.on.getppid(g, sc) assert(load(deep))() end
return tool
]])
    local native = H.native({ H.guest("altstack_calls") })
    assert.are.equal("handler ran 10 times on its sigaltstack\n", native.out)
    for _, rw in ipairs({ "1", "0" }) do
      local g = H.sh("REVEL_GUEST_REWRITE=" .. rw .. " "
        .. H.words({ H.bin, "--backend=guest", t, "--", H.guest("altstack_calls") }), { timeout = 60 })
      assert.are.equal(0, g.code, g.out .. g.err)
      assert.are.equal(native.out, g.out)
    end
    local p = H.revel({ "--backend=ptrace", t }, { H.guest("altstack_calls") })
    assert.are.equal(native.out, p.out)
  end)

  it("ends the run with 125 and the tool's error when a handler fails", function()
    local t = H.tool("return { on = { getppid = function() error('boom') end } }")
    local r = H.revel({ "--backend=guest", t }, { H.guest("getppid_loop"), "3" })
    assert.are.equal(125, r.code)
    assert.truthy(r.err:match("^revel: error in tool: [^\n]*boom"), r.err)
  end)
end)
