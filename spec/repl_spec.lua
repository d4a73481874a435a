-- revel -i: a Lua prompt on a live guest. Sessions are driven through piped
-- stdin (scripted, line by line) and through a pseudo-terminal (tmux) for
-- what only a terminal has: readline editing, completion, history, Ctrl-C
-- and Ctrl-D. Each guest also runs natively, to compare.
local H = require("helpers.run")
local T = require("helpers.tmux")

local file = H.file

after_each(H.cleanup)

-- revel --repl [pre...] -- argv, with the lines of script on stdin.
local function session(pre, argv, script)
  local words = { "--repl" }
  for _, w in ipairs(pre) do
    words[#words + 1] = w
  end
  return H.revel(words, argv, { stdin = file(script), timeout = 60 })
end

local function count(s, pattern)
  local n = 0
  for _ in s:gmatch(pattern) do
    n = n + 1
  end
  return n
end

local function esc(s)
  return (s:gsub("%p", "%%%0"))
end

describe("revel --repl through a pipe", function()
  it("stops at the first syscall and names the thread and the call in the prompt", function()
    local f1 = file("one\n")
    local n = H.native({ "cat", f1 })
    local r = session({}, { "cat", f1 }, "=sc\ncont()\n")
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    local pid = r.err:match("revel: pid (%d+) stopped at its first event")
    assert.truthy(pid, r.err)
    -- The prompt, the line as typed, then =sc: the strace line of the call.
    assert.truthy(r.err:find("revel [" .. pid .. " execve]> =sc\nexecve(", 1, true), r.err)
    assert.truthy(r.err:find("revel [" .. pid .. " execve]> cont()\n", 1, true), r.err)
    assert.truthy(r.err:match("revel: the guest exited with status 0\n$"), r.err)
  end)

  it("stops at a chosen openat, reads its path, fails it with EACCES: only that changes", function()
    local f1, f2 = file("first file\n"), file("second file\n")
    local script = ([[
brk(function(g, sc) return sc.name == "openat" and str(sc.pathname) == %q end)
cont()
=str(sc.pathname)
ret(-EACCES)
]]):format(f1)
    local r = session({}, { "cat", f1, f2 }, script)
    -- Natively: both files; and cat's behaviour when the first cannot be opened.
    local both = H.native({ "cat", f1, f2 })
    assert.are.equal(0, both.code)
    assert.are.equal("first file\nsecond file\n", both.out)
    local missing = H.native({ "cat", f1 .. ".missing", f2 })
    assert.are.equal(1, missing.code)
    -- Under revel: the guest's output is the second file alone, its exit
    -- status that of a cat that could not open a file, and its one complaint
    -- is the EACCES the session chose.
    assert.are.equal(missing.code, r.code, r.err)
    assert.are.equal(missing.out, r.out)
    assert.are.equal(H.native({ "cat", f2 }).out, r.out)
    local pid = r.err:match("pid (%d+) stopped")
    assert.truthy(r.err:find(("breakpoint 1: openat("), 1, true), r.err)
    assert.truthy(r.err:find(("revel [%s openat]> =str(sc.pathname)\n%s\n"):format(pid, f1), 1, true), r.err)
    assert.are.equal(1, count(r.err, esc("cat: " .. f1 .. ": Permission denied")), r.err)
    assert.are.equal(0, count(r.err, "\ncat: [^\n]*" .. esc(f2)), r.err)
  end)

  it("keeps the session after a Lua error at the prompt", function()
    local f1 = file("kept\n")
    local n = H.native({ "cat", f1 })
    local r = session({}, { "cat", f1 }, "nosuch.field\n=6*7\nfunction f(x)\nreturn x + 1\nend\n=f(41)\ncont()\n")
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    assert.truthy(r.err:find("error: stdin:1: attempt to index global 'nosuch' (a nil value)\n", 1, true), r.err)
    assert.truthy(r.err:find("> =6*7\n42\n", 1, true), r.err)
    -- A statement over several lines: the prompt asks for more.
    assert.truthy(r.err:find("]>> return x + 1\n", 1, true), r.err)
    assert.truthy(r.err:find("> =f(41)\n42\n", 1, true), r.err)
  end)

  it("lets the guest run to its end at the end of input, and says so", function()
    local n = H.native({ "sh", "-c", "echo out; exit 3" })
    local r = session({}, { "sh", "-c", "echo out; exit 3" }, "")
    assert.are.equal(3, n.code)
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    assert.truthy(r.err:find("revel: end of input: the guest runs on to its end\n", 1, true), r.err)
    assert.truthy(r.err:find("revel: the guest exited with status 3\n", 1, true), r.err)
  end)

  it("with a tool, stops at its subscriptions; inject() runs a call, ret(n) suppresses one", function()
    local t = H.tool('return { subscriptions = { "getppid" } }')
    local r = session({ t }, { H.guest("getppid_print") }, "=sc.name\n=inject(sys.getpid()) == g.pid\nret(4242)\n")
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("4242\n", r.out)
    local pid = r.err:match("pid (%d+) stopped")
    assert.truthy(r.err:find(("revel [%s getppid]> =sc.name\ngetppid\n"):format(pid), 1, true), r.err)
    assert.truthy(r.err:find("> =inject(sys.getpid()) == g.pid\ntrue\n", 1, true), r.err)
    -- Natively the guest prints its parent's pid and exits 0.
    local n = H.native({ H.guest("getppid_print") })
    assert.are.equal(0, n.code)
    assert.truthy(n.out:match("^%d+\n$"))
  end)

  it("runs the tool's handlers for the events it does not stop at, and after step/cont", function()
    local t = H.tool([[
      local tool = { on = {} }
      function tool.init_global() return { n = 0 } end
      function tool.rpc(global) global.n = global.n + 1 end
      function tool.on.getppid(g, sc) g:rpc() end
      function tool.finish(global) io.stderr:write("tool saw ", global.n, " getppid\n") end
      return tool
    ]])
    local n = H.native({ H.guest("getppid_loop"), "5" })
    assert.are.equal(0, n.code)
    -- Stop at the first getppid, step to the second, then go on: the tool
    -- sees all five.
    local r = session({ t }, { H.guest("getppid_loop"), "5" }, "step()\ncont()\n")
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    assert.are.equal(2, count(r.err, "getppid%]> "), r.err)
    assert.truthy(r.err:find("tool saw 5 getppid\n", 1, true), r.err)
    -- ret(n) decides that call itself: the tool's handler does not run for
    -- it; with cont() on the same line the guest goes on to its end.
    r = session({ t }, { H.guest("getppid_loop"), "5" }, "ret(0) cont()\n")
    assert.are.equal(n.code, r.code, r.err)
    assert.truthy(r.err:find("tool saw 4 getppid\n", 1, true), r.err)
    assert.are.equal(1, count(r.err, "getppid%]> "), r.err)
    assert.falsy(r.err:find("end of input", 1, true), r.err)
  end)

  it("shows registers, memory, strings, threads, processes and help", function()
    local f1 = file("x\n")
    local script = ([[
brk(function(g, sc) return sc.name == "openat" and str(sc.pathname) == %q end)
cont()
regs()
=regs().orig_rax == sc.nr
mem(sc.pathname, 16)
=str(sc.pathname)
threads()
ps()
help()
cont()
]]):format(f1)
    local n = H.native({ "cat", f1 })
    local r = session({}, { "cat", f1 }, script)
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    local pid = r.err:match("pid (%d+) stopped")
    assert.truthy(r.err:match("\norig_rax +0x0000000000000101  257\n"), r.err) -- openat is 257
    assert.truthy(r.err:find("> =regs().orig_rax == sc.nr\ntrue\n", 1, true), r.err)
    -- The hexdump of the path: its bytes and its text.
    local hex = {}
    for i = 1, 8 do
      hex[i] = ("%02x"):format(f1:byte(i))
    end
    assert.truthy(r.err:match("\n%x+  " .. table.concat(hex, " ") .. "  [^\n]*|" .. esc(f1:sub(1, 16))), r.err)
    assert.truthy(r.err:find(("> =str(sc.pathname)\n%s\n"):format(f1), 1, true), r.err)
    assert.truthy(r.err:match(("\n%%*%%s+%s%%s+%s%%s+stopped here: openat%%("):format(pid, pid)), r.err)
    assert.truthy(r.err:match(("\n%%s+%s%%s+%%d+%%s+1%%s+cat %s\n"):format(pid, esc(f1))), r.err)
    assert.truthy(r.err:find("step()", 1, true) and r.err:find("Ctrl-D lets the guest run", 1, true), r.err)
  end)

  it("stops at breakpoints by name until they are removed", function()
    local n = H.native({ "echo", "hi" })
    local r = session({}, { "echo", "hi" }, 'brk("openat")\nunbrk()\nbrk("write")\ncont()\n=sc.fd\ncont()\n')
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    assert.truthy(r.err:find("> brk(\"openat\")\nbreakpoint 1: openat\n", 1, true), r.err)
    assert.truthy(r.err:find("> unbrk()\n1 breakpoint removed\n", 1, true), r.err)
    assert.truthy(r.err:find("> brk(\"write\")\nbreakpoint 2: write\n", 1, true), r.err)
    assert.are.equal(0, count(r.err, "openat%]>"), r.err)
    assert.truthy(r.err:find("breakpoint 2: write(", 1, true), r.err)
    assert.truthy(r.err:find("write]> =sc.fd\n1\n", 1, true), r.err)
  end)

  it("reload() loads the tool file again and keeps its state", function()
    local v1 = [[
      local tool = { on = {} }
      function tool.init_global() return { n = 0 } end
      function tool.rpc(global) global.n = global.n + 1; return global.n end
      function tool.on.getppid(g, sc)
        g.thread.n = (g.thread.n or 0) + 1
        io.stderr:write(("%s thread=%d global=%d\n"):format(VERSION, g.thread.n, g:rpc()))
      end
      return tool
    ]]
    local path = H.tool((v1:gsub("VERSION", '"v1"')))
    local new = H.tool((v1:gsub("VERSION", '"v2"')))
    local script = ("step()\nstep()\nos.rename(%q, %q)\nreload()\ncont()\n"):format(new, path)
    local n = H.native({ H.guest("getppid_loop"), "4" })
    local r = session({ path }, { H.guest("getppid_loop"), "4" }, script)
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    assert.truthy(r.err:find("> reload()\nreloaded " .. path .. "\n", 1, true), r.err)
    for i, v in ipairs({ "v1", "v1", "v2", "v2" }) do
      assert.truthy(r.err:find(("%s thread=%d global=%d\n"):format(v, i, i), 1, true), r.err)
    end
  end)

  it("reports a guest that dies while the prompt is open", function()
    local n = H.native({ "sleep", "0" })
    assert.are.equal(0, n.code)
    -- The session kills its own guest, waits until it is a zombie, and
    -- hears about it at the prompt.
    local script = [[
os.execute("kill -9 " .. g.pid)
repeat local f = io.open("/proc/" .. g.pid .. "/stat"); local s = f and f:read("*a") or ""; if f then f:close() end until not s:match("^%d+ %b() [^Z]")
=1
]]
    local r = session({}, { "sleep", "0" }, script)
    assert.are.equal(137, r.code, r.err)
    local pid = r.err:match("pid (%d+) stopped")
    assert.truthy(r.err:find(("revel: process %s was killed by SIGKILL while the prompt was open"):format(pid), 1, true), r.err)
    assert.truthy(r.err:find("revel: the guest exited with status 137 (SIGKILL)\n", 1, true), r.err)
  end)
end)

describe("revel --repl on a terminal", function()
  local term
  after_each(function()
    if term then
      term:kill()
      term = nil
    end
  end)

  -- Run argv under revel --repl in a pane, with HOME set for the history; the
  -- pane shows "revel-exit=N" when revel is done.
  local function start(argv, home)
    local cmd = ("HOME=%s %s --repl -- %s; echo revel-exit=$?"):format(H.q(home or "/nonexistent"), H.q(H.bin),
      H.words(argv))
    term = T.start(cmd)
    return term
  end

  local function tmpdir()
    local p = H.tmpname()
    os.remove(p)
    assert(os.execute("mkdir -m 700 " .. H.q(p)) == 0)
    H.track(p)
    H.track(p .. "/.revel_history")
    return p
  end

  it("names the thread and the call, and completes helpers, syscall names and fields", function()
    local f1 = file("completed\n")
    local n = H.native({ "cat", f1 })
    local t = start({ "cat", f1 })
    local pid = t:wait_for("^revel %[(%d+) execve%]>$")
    t:type("ste")
    t:keys("Tab")
    t:wait_for("^revel %[%d+ execve%]> (step)$")
    t:keys("C-u")
    t:type('brk("opena')
    t:keys("Tab")
    t:wait_for('^revel %[%d+ execve%]> (brk%("openat)$')
    t:type('")')
    t:keys("Enter")
    t:wait_for("^(breakpoint 1: openat)$")
    t:type("cont()")
    t:keys("Enter")
    t:wait_for("^revel %[" .. pid .. " (openat)%]>$")
    t:type("sc.path")
    t:keys("Tab")
    t:wait_for("openat%]> (sc%.pathname)$")
    t:keys("C-u")
    t:type("g:inj")
    t:keys("Tab")
    t:wait_for("openat%]> (g:inject)$")
    t:keys("C-u")
    t:type("g.pp")
    t:keys("Tab")
    t:wait_for("openat%]> (g%.ppid)$")
    t:keys("C-u", "C-d")
    local code = t:wait_for("^revel%-exit=(%d+)$")
    assert.are.equal(tostring(n.code), code)
    local _, screen = t:wait_for("^(completed)$")
    assert.truthy(screen:find("revel: the guest exited with status 0", 1, true), screen)
  end)

  it("keeps the history across runs in ~/.revel_history", function()
    local home = tmpdir()
    local t = start({ "true" }, home)
    t:wait_for("^revel %[%d+ execve%]>$")
    t:type("=1234+1")
    t:keys("Enter")
    t:wait_for("^(1235)$")
    t:keys("C-d")
    assert.are.equal("0", t:wait_for("^revel%-exit=(%d+)$"))
    t:kill()
    local f = assert(io.open(home .. "/.revel_history"))
    local saved = f:read("*a")
    f:close()
    assert.truthy(saved:find("=1234+1\n", 1, true), saved)
    -- A second run finds the line with Up, and runs it again.
    t = start({ "true" }, home)
    t:wait_for("^revel %[%d+ execve%]>$")
    t:keys("Up")
    t:wait_for("^revel %[%d+ execve%]> (=1234%+1)$")
    t:keys("Enter")
    t:wait_for("^(1235)$")
    t:keys("C-d")
    assert.are.equal("0", t:wait_for("^revel%-exit=(%d+)$"))
  end)

  it("Ctrl-C clears the line, and the guest never sees it", function()
    local f1 = file("still here\n")
    local n = H.native({ "cat", f1 })
    local t = start({ "cat", f1 })
    t:wait_for("^revel %[%d+ execve%]>$")
    t:type("this is not lua")
    t:keys("C-c")
    t:wait_for("^revel %[%d+ execve%]> (this is not lua%^C)$")
    t:type("=40+2")
    t:keys("Enter")
    local _, screen = t:wait_for("^(42)$")
    assert.falsy(screen:find("error:", 1, true), screen)
    t:keys("C-d")
    assert.are.equal(tostring(n.code), t:wait_for("^revel%-exit=(%d+)$"))
    t:wait_for("^(still here)$")
  end)

  it("Ctrl-D lets the guest run to its end and says so", function()
    local n = H.native({ "sh", "-c", "echo ran to the end; exit 7" })
    local t = start({ "sh", "-c", "echo ran to the end; exit 7" })
    t:wait_for("^revel %[%d+ execve%]>$")
    t:keys("C-d")
    t:wait_for("^(revel: end of input: the guest runs on to its end)$")
    assert.are.equal(tostring(n.code), t:wait_for("^revel%-exit=(%d+)$"))
    t:wait_for("^(ran to the end)$")
    t:wait_for("^(revel: the guest exited with status 7)$")
  end)

  it("reports at the prompt a guest that is killed while it is open", function()
    local t = start({ "sleep", "3607" })
    local pid = t:wait_for("^revel %[(%d+) execve%]>$")
    t:type("=1+")
    assert.are.equal(0, os.execute("kill -9 " .. pid))
    t:wait_for(("^(revel: process %s was killed by SIGKILL while the prompt was open)$"):format(pid))
    assert.are.equal("137", t:wait_for("^revel%-exit=(%d+)$"))
    assert.is_nil(io.open("/proc/" .. pid .. "/stat"), "the guest is still there")
  end)
end)
