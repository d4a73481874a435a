-- Fault rules and the fault-injection example tools under --backend=guest:
-- every fault option either gives the same results as under ptrace or runs
-- the whole run under ptrace, saying so in one line, never ignored. Every row runs a real
-- program under both backends. (spec/backend_faults_spec.lua: the fault
-- matrix made by a tool, and chaos.lua.)
local H = require("helpers.run")

after_each(H.cleanup)

local noop = H.example("noop.lua")

-- { "--backend=B", opts..., more... }
local function words(b, opts, ...)
  local w = { "--backend=" .. b }
  for _, x in ipairs(opts) do
    w[#w + 1] = x
  end
  for _, x in ipairs({ ... }) do
    w[#w + 1] = x
  end
  return w
end

local lib, have_lib = H.guest_lib, H.have_guest_lib

local probe = H.guest("inject_probe")

-- The same program, the same rules: the same output and exit under both.
local function same(opts, argv, what, ropts)
  local p = H.revel(words("ptrace", opts, noop), argv, ropts)
  local g = H.revel(words("guest", opts, noop), argv, ropts)
  assert.are.equal(p.code, g.code, what .. ": " .. g.err)
  assert.are.equal(p.out, g.out, what)
  assert.are.equal(p.err, g.err, what)
  return p, g
end

describe("--backend=guest runs the engine's fault rules in the guest", function()
  if not have_lib then
    return
  end
  -- spec/helpers/inject_cases.lua: the matrix of spec/inject_spec.lua
  for _, case in ipairs(require("helpers.inject_cases")) do
    local spec = case.spec
    if case.loader then
      pending("the fault matrix: " .. spec .. ": " .. case.loader)
    else
      it("the fault matrix: " .. spec .. " as -e inject= and --inject=", function()
      same({ "-e", "inject=" .. spec }, { probe }, spec)
      same({ "--inject=" .. spec }, { probe }, spec)
    end)
    end
  end
end)

describe("--backend=guest runs --rule's path= in the guest", function()
  if not have_lib then
    return
  end
  it("a path argument's string or an fd's file, globbed, with nth= and other rules on the same calls: as under ptrace", function()
    local dir = H.tmpdir()
    local f = io.open(dir .. "/in.txt", "w")
    f:write("hello, world\n")
    f:close()
    local sh = { "sh", "-c", "head -c 5 " .. dir .. "/in.txt; echo; head -c 3 /etc/hostname; echo; cat " .. dir .. "/in.txt; "
      .. "ls " .. dir .. "/nope 2>&1; echo $?" }
    for _, rule in ipairs({
      { "--rule=openat:path=" .. dir .. "/*:error=EACCES" },
      { "--rule=openat:path=*.txt:error=ENOENT" },
      { "--rule=read:path=" .. dir .. "/in.t?t:error=EIO" },
      { "--rule=read,write:path=/etc/host*:short=1" },
      { "--rule=openat:path=*.txt:nth=2:error=EPERM", "--rule=openat:fd=-100:error=EROFS" },
      { "--rule=newfstatat,statx:path=*nope:retval=0" },
      { "--rule=openat:path=*in.txt:eintr" },
      { "--rule=read:fd=0:error=EIO", "--rule=read:path=*in.txt:signal=USR1" },
    }) do
      same(rule, sh, table.concat(rule, " "))
    end
    -- counted per thread: the second file of one cat
    same({ "--rule=openat:path=*.txt:nth=2:error=EACCES" }, { "cat", dir .. "/in.txt", dir .. "/in.txt", dir .. "/in.txt" }, "nth")
    -- the loader's calls, in the prelude (under ptrace until the library starts), are matched too
    same({ "--rule=openat:path=*/libc.so*:error=ENOENT" }, { "true" }, "the loader's")
  end)

  it("says nothing: the guest runs it (no fallback line)", function()
    local g = H.revel(words("guest", { "--rule", "openat:path=/etc/host*:error=ENOENT" }, noop), { "cat", "/etc/hostname" })
    assert.are.equal(1, g.code)
    assert.are.equal("cat: /etc/hostname: No such file or directory\n", g.err)
  end)
end)

describe("--backend=guest runs the --rule rules a C check decides in the guest", function()
  if not have_lib then
    return
  end
  it("nth=, fd=, size=, eintr, signal=, delay= and short= on the probe and a shell: as under ptrace", function()
    for _, rule in ipairs({
      { "--rule=getppid:nth=2..3:error=EPERM" },
      { "--rule=getppid,chdir:nth=1+2:eintr" },
      { "--rule=getppid,chdir:eintr" },
      { "--rule=getppid:nth=2:signal=USR1", "--rule=chdir:delay=10ms" },
      { "--rule=write:fd=1:nth=2+:error=ENOSPC" },
      { "--rule=write:size=3:error=EIO", "-e", "inject=getppid:retval=7:when=2" },
    }) do
      same(rule, { probe }, table.concat(rule, " "))
    end
    local dir = H.tmpdir()
    local f = io.open(dir .. "/in.txt", "w")
    f:write("hello, world\nand more\n")
    f:close()
    local sh = { "sh", "-c", "tr a-z A-Z < " .. dir .. "/in.txt; echo a; echo b; echo c" }
    same({ "--rule=read:fd=0:short=2" }, sh, "short")
    same({ "--rule=read:fd=0:nth=1+2:eintr" }, sh, "eintr")
    same({ "--rule=write:fd=1:nth=3:error=EIO" }, sh, "nth")
    -- counts per thread: a forked child counts from 1, an exec'd program goes on with the thread's
    same({ "-e", "inject=write:error=EIO:when=2" }, { "sh", "-c", "echo a; (echo b; echo c); echo d; exec sh -c 'echo e; echo f'" }, "fork and exec")
    same({ "--rule=write:fd=1:nth=2+2:error=EIO" }, { "sh", "-c", "echo a; echo b; exec sh -c 'echo c; echo d; echo e'" }, "exec")
    -- a statically linked program falls back to ptrace: the rules go with it
    local p, g = H.revel(words("ptrace", { "-e", "inject=write:error=EIO:when=1" }, noop), { "sh", "-c", H.guest("static_hello") .. "; echo $? >&2" }),
      H.revel(words("guest", { "-e", "inject=write:error=EIO:when=1" }, noop), { "sh", "-c", H.guest("static_hello") .. "; echo $? >&2" })
    assert.are.equal(p.code, g.code)
    assert.are.equal(p.out, g.out)
    assert.are.equal(p.err, g.err:gsub("^revel: %-%-backend=guest: pid %d+ runs [^\n]*\n", ""))
    same({ "-e", "fault=unlinkat:when=1" }, { "sh", "-c", "touch " .. dir .. "/x; rm " .. dir .. "/x; test -e " .. dir .. "/x && echo kept" }, "fault=")
  end)

  it("a handler sees the call a rule fails with g:fault(), and g:inject gives the rule's result without running it, as under ptrace", function()
    local t = H.tool([[
local tool = { on = {} }
function tool.on.getppid(g, sc)
  local f = g:fault()
  local r = g:inject(sc)
  print(("getppid fault=%s inject=%s"):format(tostring(f), tostring(r == f and "fault" or "ran")))
  g.thread.n = (g.thread.n or 0) + 1
  if f and g.thread.n == 3 then return 99 end -- the handler wins over the rule (the 2nd call: the rule applies)
end
function tool.on.chdir(g, sc)
  print("chdir fault=" .. tostring(g:fault()))
  sc.path = "/" -- changed: the handler wins
end
return tool
]])
    local opts = { "-e", "inject=getppid:error=EPERM:when=2..3", "-e", "inject=chdir:error=EACCES:when=1" }
    local p = H.revel(words("ptrace", opts, t), { probe })
    local g = H.revel(words("guest", opts, t), { probe })
    assert.are.equal(p.code, g.code, g.err)
    assert.are.equal(p.out, g.out)
    assert.are.equal(p.err, g.err)
    assert.truthy(p.err:match("getppid fault=%-1 inject=fault"), p.err)
  end)
end)

describe("the fault-injection example tools under both backends", function()
  if not have_lib then
    return
  end
  it("chaos.lua (handler restart codes: the restarted call is seen again) leaves a careful reader's output alone, as under ptrace", function()
    local argv = { "sh", "-c", "cat /etc/passwd | wc -c; head -c 100 /etc/passwd" }
    local n = H.native(argv)
    local p = H.revel({ "--backend=ptrace", H.example("chaos.lua") }, argv)
    local g = H.revel({ "--backend=guest", H.example("chaos.lua") }, argv)
    assert.are.equal(n.out, p.out)
    assert.are.equal(n.out, g.out, g.err)
    assert.are.equal(p.code, g.code)
  end)

  it("enospc.lua, slow_disk.lua, chunky_print.lua and timewarp.lua: the same output and exit as under ptrace", function()
    local dir = H.tmpdir()
    local disk = dir .. "/disk" -- not where the helpers keep the guest's output
    os.execute("mkdir " .. H.q(disk))
    local prog = dir .. "/full.py"
    local f = assert(io.open(prog, "w"))
    f:write("import sys\nw = 0\ntry:\n    with open(sys.argv[1] + '/data', 'wb', buffering=0) as f:\n",
      "        for i in range(100): w += f.write(b'x' * 1000)\nexcept OSError as e:\n",
      "    print('full', e.errno, w); sys.exit(0)\nprint('wrote', w)\n")
    f:close()
    for _, row in ipairs({
      { { H.example("enospc.lua"), "--dir", disk, "--bytes", "4500" }, { "python3", prog, disk }, "full 28 4500\n" },
      { { H.example("slow_disk.lua"), "--delay", "2ms" }, { "sha256sum", "/etc/passwd" } },
      { { H.example("chunky_print.lua"), "--chunk", "40" }, { H.guest("many_writes"), "50" } },
      { { H.example("timewarp.lua"), "--shift", "86400" }, { "date", "+%Y" } },
    }) do
      local p = H.revel({ "--backend=ptrace", unpack(row[1]) }, row[2])
      os.remove(disk .. "/data")
      local g = H.revel({ "--backend=guest", unpack(row[1]) }, row[2])
      os.remove(disk .. "/data")
      assert.are.equal(0, p.code, row[1][1] .. ": " .. p.err .. p.out)
      assert.are.equal(p.code, g.code, row[1][1] .. ": " .. g.err)
      assert.are.equal(p.out, g.out, row[1][1])
      if row[3] then
        assert.are.equal(row[3], g.out)
      end
    end
  end)

  it("flaky_net.lua (revel.fault) and repeatable.lua (g.place) run wholly under ptrace, saying so in one line; auto quietly", function()
    for _, row in ipairs({ { "flaky_net.lua", "revel%.fault" }, { "repeatable.lua", "g%.place" } }) do
      local g = H.revel({ "--backend=guest", H.example(row[1]) }, { "echo", "hi" })
      assert.are.equal(0, g.code, row[1] .. ": " .. g.err)
      assert.are.equal("hi\n", g.out)
      assert.truthy(g.err:match("^revel: %-%-backend=guest: the tool uses " .. row[2] .. "[^\n]*: the whole run is under ptrace\n"), g.err)
      local a = H.revel({ "--backend=auto", H.example(row[1]) }, { "echo", "hi" })
      assert.are.equal(0, a.code, a.err)
      assert.are.equal("hi\n", a.out)
    end
  end)

  it("chrome_trace.lua writes the same kinds of events for the same programs (its events reach revel by g:rpc)", function()
    local dir = H.tmpdir()
    local argv = { "sh", "-c", "ls / | sort | head -2; echo x > /dev/null" }
    local out = {}
    for _, b in ipairs({ "ptrace", "guest" }) do
      local r = H.revel({ "--backend=" .. b, H.example("chrome_trace.lua"), "--out", dir .. "/" .. b .. ".json" }, argv)
      assert.are.equal(0, r.code, b .. ": " .. r.err)
      out[b] = r.out
      local py = H.sh(H.words({ "python3", "-c", [[
import json, sys
ev = json.load(open(sys.argv[1]))["traceEvents"]
names = sorted(set(e["args"]["name"].split()[0] for e in ev if e["ph"] == "M") - {"revel"})
calls = sorted(set(e["name"] for e in ev if e["ph"] == "X") & {"write", "pipe2", "wait4", "getdents64", "dup2"})
print(" ".join(names), "|", " ".join(calls))
]], dir .. "/" .. b .. ".json" }))
      out[b .. ".trace"] = py.out
    end
    assert.are.equal(out.ptrace, out.guest)
    assert.are.equal("head ls sh sort | dup2 getdents64 pipe2 wait4 write\n", out["ptrace.trace"])
    assert.are.equal(out["ptrace.trace"], out["guest.trace"])
  end)
end)

describe("--backend=guest and fault options", function()
  it("runs wholly under ptrace, saying so in one line, with each fault option the guest does not run (the Lua layer's rules, the log, the replay); auto quietly", function()
    local dir = H.tmpdir()
    local log = dir .. "/f.jsonl"
    local f = io.open(log, "w")
    f:write("")
    f:close()
    for _, opts in ipairs({
      { "--rule", "openat:place=1:error=ENOENT" },
      { "--rule", "openat:p=1:error=ENOENT", "--seed", "3" },
      { "--rule", "getppid:error=EPERM", "--rule", "openat:p=0.5:error=ENOENT" },
      { "-e", "inject=openat:error=ENOENT", "--fault-log", dir .. "/new.jsonl" },
      { "--fault-log", dir .. "/new.jsonl" },
      { "--replay", log },
    }) do
      local what = table.concat(opts, " ")
      local g = H.revel(words("guest", opts, noop), { "cat", "/etc/hostname" })
      local p = H.revel(words("ptrace", opts, noop), { "cat", "/etc/hostname" })
      local a = H.revel(words("auto", opts, noop), { "cat", "/etc/hostname" })
      local line = "revel: --backend=guest: --rule with place= or p=, --fault-log and --replay run in revel's "
        .. "fault layer: the whole run is under ptrace\n"
      assert.are.equal(p.code, g.code, what .. ": " .. g.err)
      assert.are.equal(p.out, g.out, what)
      assert.are.equal(line .. p.err, g.err, what)
      assert.are.equal(p.code, a.code, what)
      assert.are.equal(p.out, a.out, what)
      assert.are.equal(p.err, a.err, what)
    end
    -- under auto, as under ptrace: the rule applies
    local a = H.revel({ "--backend=auto", "--rule", "openat:path=/etc/host*:error=ENOENT", noop }, { "cat", "/etc/hostname" })
    assert.are.equal(1, a.code)
    assert.truthy(a.err:match("No such file or directory"), a.err)
  end)
end)

if not have_lib then
  pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
end
