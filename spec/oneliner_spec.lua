-- One-line tools (revel -l CODE) and hot reload (revel --watch TOOL.lua).
local H = require("helpers.run")

local file = H.file

local slurp = H.slurp

-- Replace a file in one step, as an editor saving it would.
local function rewrite(path, content)
  local tmp = path .. ".new"
  local f = assert(io.open(tmp, "w"))
  f:write(content)
  f:close()
  assert(os.rename(tmp, path))
end

local function now()
  local p = io.popen("date +%s.%N")
  local t = tonumber(p:read("*l"))
  p:close()
  return t
end

-- Poll until pred() is true; bounded.
local function wait_until(what, pred, timeout)
  local deadline = now() + (timeout or 20)
  repeat
    local v = pred()
    if v then
      return v
    end
    os.execute("sleep 0.05")
  until now() > deadline
  error("timed out waiting for " .. what, 2)
end

local function esc(s)
  return (s:gsub("%p", "%%%0"))
end

-- Files holding the pid of a revel started in the background: a test that
-- fails before it ends stops it.
local background = {}

after_each(function()
  for _, b in ipairs(background) do
    local pid = tonumber(slurp(b.pid))
    if pid and not io.open(b.code) then -- still running
      os.execute("kill " .. pid .. " 2>/dev/null")
    end
  end
  background = {}
  H.cleanup()
end)

describe("revel -l CODE", function()
  it("runs CODE as the body of a tool: tool.syscall sees every call", function()
    local f1 = file("content\n")
    local n = H.native({ "cat", f1 })
    local r = H.revel({ "-l",
      'function tool.syscall(g, sc) if sc.name == "openat" then print((g:string(sc.pathname))) end end' },
      { "cat", f1 })
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    -- A line per openat from the tool on revel.out (stderr), cat's f1 last.
    assert.are.equal("\n" .. f1 .. "\n", r.err:sub(-#f1 - 2), r.err)
  end)

  it("tool.on.NAME subscribes to that syscall alone, as a tool file would", function()
    local f1 = file("only openat\n")
    local code = 'tool.on.openat = function(g, sc) print((g:string(sc.pathname))) end'
    local n = H.native({ "cat", f1 })
    local r = H.revel({ "-l", code }, { "cat", f1 })
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    assert.truthy(r.err:find("\n" .. f1 .. "\n", 1, true), r.err)
    -- The plan: the same as the file's.
    require("revel")
    local live, tool_mod = require("revel._live"), require("revel._tool")
    local p = tool_mod.plan(live.from_code(code))
    local fp = tool_mod.plan(dofile(H.tool("local tool = { on = {} }\n" .. code .. "\nreturn tool")))
    local subs, fsubs = {}, {}
    for nr in pairs(p.subscribed) do
      subs[#subs + 1] = require("revel").syscall_names[nr]
    end
    for nr in pairs(fp.subscribed) do
      fsubs[#fsubs + 1] = require("revel").syscall_names[nr]
    end
    assert.are.same({ "openat" }, subs)
    assert.are.same(fsubs, subs)
    -- And the engine enters Lua for openat only.
    r = H.revel({ "-l", code .. [[
      function tool.init_global(config, run)
        local n = 0
        for _ in pairs(run.handlers) do n = n + 1 end
        io.stderr:write("handlers: ", n, "\n")
      end]], "-o", "/dev/null" }, { "cat", f1 })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("handlers: 1\n", r.err)
  end)

  it("has revel in scope: a one-line fault", function()
    local f1, f2 = file("gone\n"), file("kept\n")
    local code = ('tool.on.openat = function(g, sc) if g:string(sc.pathname) == %q then return -revel.errno.ENOENT end end')
      :format(f1)
    local r = H.revel({ "-l", code }, { "cat", f1, f2 })
    local n = H.native({ "cat", f1 .. ".missing", f2 })
    assert.are.equal(1, n.code)
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    assert.are.equal(("cat: %s: No such file or directory\n"):format(f1), r.err)
  end)

  it("takes the command without --, and goes with --repl", function()
    local r = H.sh(H.words({ H.bin, "-l", "tool.on.getppid = function() return 4242 end", H.guest("getppid_print") }))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("4242\n", r.out)
    local script = file("=sc.name\ncont()\n")
    r = H.revel({ "--repl", "-l", "tool.on.getppid = function() return 4242 end" }, { H.guest("getppid_print") },
      { stdin = script })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("4242\n", r.out)
    assert.truthy(r.err:find("getppid]> =sc.name\ngetppid\n", 1, true), r.err)
  end)

  describe("errors in CODE", function()
    local function lingering(n)
      return { "sh", "-c", ("sleep %s & %s"):format(H.sleep_arg(n), H.guest("getppid_print")) }
    end

    it("a syntax error: exit 125, one line", function()
      local r = H.revel({ "-l", "tool.on.openat = function(g, sc" }, lingering(3611))
      assert.are.equal(125, r.code)
      assert.are.equal("revel: -l:1: ')' expected near '<eof>'\n", r.err)
      assert.are.equal("", r.out)
      assert.are.same({}, H.procs_matching("sleep " .. H.sleep_arg(3611)))
    end)

    it("an error while it runs: exit 125, one line", function()
      local r = H.revel({ "-l", 'error("no good")' }, lingering(3612))
      assert.are.equal(125, r.code)
      assert.are.equal("revel: -l:1: no good\n", r.err)
      r = H.revel({ "-l", "tool.on = 1" }, lingering(3612))
      assert.are.equal(125, r.code)
      assert.are.equal(1, select(2, r.err:gsub("\n", "")), r.err)
      r = H.revel({ "-l", "return 42" }, lingering(3612))
      assert.are.equal(125, r.code)
      assert.truthy(r.err:match("^revel: %-l: [^\n]*number\n$"), r.err)
      assert.are.same({}, H.procs_matching("sleep " .. H.sleep_arg(3612)))
    end)

    it("an error in a handler: exit 125, the message names -l and the line", function()
      local r = H.revel({ "-l", "tool.on.getppid = function(g, sc)\n  return g.nothing.here\nend" }, lingering(3613))
      assert.are.equal(125, r.code)
      assert.truthy(r.err:match("^revel: error in tool: %-l:2: attempt to index field 'nothing'"), r.err)
      assert.are.same({}, H.procs_matching("sleep " .. H.sleep_arg(3613)))
    end)

    it("-l with a tool file, --watch without one", function()
      local t = H.tool("return {}")
      local r = H.sh(H.words({ H.bin, "-l", "x = 1", t, "--", "true" }))
      assert.are.equal(125, r.code)
      assert.truthy(r.err:match("^revel: %-l and a tool file"), r.err)
      r = H.revel({ "--watch" }, { "true" })
      assert.are.equal(125, r.code)
      assert.are.equal("revel: --watch needs a tool file to watch\n", r.err)
    end)
  end)
end)

describe("revel --watch", function()
  -- v1 counts getppid in the thread, process and global state; v2 goes on
  -- counting and handles getpid too, which v1 did not.
  local V1 = [[
    local tool = { on = {} }
    function tool.init_global() return { n = 0 } end
    function tool.rpc(global, _, m) global.n = global.n + m; return global.n end
    function tool.on.getppid(g, sc)
      g.thread.n = (g.thread.n or 0) + 1
      g.process.n = (g.process.n or 0) + 1
      local n = g:rpc(1)
      io.stderr:write(("v1 thread=%d process=%d global=%d\n"):format(g.thread.n, g.process.n, n))
    end
    return tool
  ]]
  local V2 = V1:gsub("v1", "v2"):gsub("return tool", [[
    function tool.on.getpid(g, sc) io.stderr:write("v2 getpid\n") end
    return tool]])

  -- Start fifo_wait under revel --watch in the background; returns paths.
  local function start(tool_path, pre)
    local fifo = H.tmpname()
    os.remove(fifo)
    assert.are.equal(0, os.execute("mkfifo " .. H.q(fifo)))
    local out, err, code, pid = file(""), file(""), file(""), file("")
    os.remove(code)
    H.track(fifo)
    os.execute(("(timeout -k 5 60 %s %s --watch %s -- %s %s > %s 2> %s < /dev/null & echo $! > %s; wait $!; echo $? > %s) &")
      :format(H.q(H.bin), pre and H.words(pre) or "", H.q(tool_path), H.q(H.guest("fifo_wait")), H.q(fifo), H.q(out),
        H.q(err), H.q(pid), H.q(code)))
    background[#background + 1] = { pid = pid, code = code }
    return { fifo = fifo, out = out, err = err, code = code }
  end

  local function release(run)
    -- Opening the fifo for writing waits for the guest to open it to read.
    assert.are.equal(0, os.execute(("timeout 20 sh -c 'printf x > %s'"):format(H.q(run.fifo))))
  end

  local function finish(run)
    wait_until("revel to end", function()
      return slurp(run.code):match("%d")
    end, 30)
    return tonumber(slurp(run.code)), slurp(run.out), slurp(run.err)
  end

  local function native()
    local fifo = H.tmpname()
    os.remove(fifo)
    assert.are.equal(0, os.execute("mkfifo " .. H.q(fifo)))
    H.track(fifo)
    local r = H.sh(("%s %s & timeout 20 sh -c 'printf x > %s'; wait $!"):format(H.q(H.guest("fifo_wait")),
      H.q(fifo), H.q(fifo)))
    return r
  end

  it("reloads a changed tool between events, keeping the global, process and thread state", function()
    local n = native()
    assert.are.equal(0, n.code)
    assert.are.equal("before\nafter\n", n.out)
    local path = H.tool(V1)
    local run = start(path)
    -- The guest waits on the fifo once v1 has seen three getppid.
    wait_until("v1's third getppid", function()
      return slurp(run.err):find("v1 thread=3 process=3 global=3\n", 1, true)
    end)
    rewrite(path, V2)
    -- The guest makes no syscall while it waits: the reload comes anyway.
    wait_until("the reload", function()
      return slurp(run.err):find("revel: reloaded " .. path .. "\n", 1, true)
    end)
    release(run)
    local code, out, err = finish(run)
    assert.are.equal(n.code, code, err)
    assert.are.equal(n.out, out)
    assert.are.equal(table.concat({
      "v1 thread=1 process=1 global=1",
      "v1 thread=2 process=2 global=2",
      "v1 thread=3 process=3 global=3",
      "revel: reloaded " .. path,
      "v2 thread=4 process=4 global=4",
      "v2 thread=5 process=5 global=5",
      "v2 thread=6 process=6 global=6",
      "v2 getpid",
    }, "\n") .. "\n", err)
  end)

  it("keeps fault rules, and their counts, across a reload", function()
    local log = file("")
    local path = H.tool(V1)
    local run = start(path, { "--rule=getppid:nth=5:error=EPERM", "--fault-log=" .. log })
    wait_until("v1's third getppid", function()
      return slurp(run.err):find("v1 thread=3", 1, true)
    end)
    rewrite(path, V2)
    wait_until("the reload", function()
      return slurp(run.err):find("revel: reloaded", 1, true)
    end)
    release(run)
    local code, _, err = finish(run)
    assert.are.equal(0, code, err)
    -- the fifth getppid, after the reload, was the rule's (and v2 saw it)
    local rec = slurp(log)
    assert.truthy(rec:find('"index":5', 1, true), rec)
    assert.truthy(err:find("v2 thread=5 process=5 global=5\n", 1, true), err)
  end)

  it("keeps the old tool when the new file does not load", function()
    local path = H.tool(V1)
    local run = start(path)
    wait_until("v1's third getppid", function()
      return slurp(run.err):find("v1 thread=3", 1, true)
    end)
    rewrite(path, "return { on = { getppid = function( }")
    wait_until("the failed reload", function()
      return slurp(run.err):find("revel: cannot reload " .. esc(path) .. ": [^\n]*; the old tool goes on\n")
    end)
    release(run)
    local code, out, err = finish(run)
    assert.are.equal(0, code, err)
    assert.are.equal("before\nafter\n", out)
    assert.truthy(err:find("v1 thread=6 process=6 global=6\n", 1, true), err)
    assert.falsy(err:find("v2", 1, true), err)
  end)

  it("looks at the file on a clock, not at every event", function()
    local path = H.tool([[return { on = { getppid = function() end } }]])
    local trace = file("")
    local events = 20000
    local r = H.sh(("strace -o %s -e trace=stat,newfstatat,statx,lstat %s --watch %s -- %s %d"):format(H.q(trace),
      H.q(H.bin), H.q(path), H.q(H.guest("getppid_loop")), events))
    assert.are.equal(0, r.code, r.err)
    local stats = 0
    for line in slurp(trace):gmatch("[^\n]+") do
      if line:find(path, 1, true) then
        stats = stats + 1
      end
    end
    assert.is_true(stats >= 2, "the tool file was looked at only at the start")
    assert.is_true(stats * 50 < events, ("%d looks at the tool file for %d events"):format(stats, events))
  end)
end)
