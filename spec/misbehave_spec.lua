-- A tool that misbehaves (issue 10): a handler that never returns and a
-- SIGTERM, results that are not integers, a coroutine.yield of its own,
-- memory without bound, bad lengths and addresses for guest memory. Each is
-- the tool's fault: revel says where, ends the guest, and never hangs,
-- spins or hands the guest garbage.
local H = require("helpers.run")

local victim = H.guest("tool_victim")
local NATIVE_OUT = "getppid: parent\ndone\n"

-- A tool whose getppid handler is `body`.
local function on_getppid(body, extra)
  return H.tool(("local tool = { on = {} }\n%s\nfunction tool.on.getppid(g, sc)\n%s\nend\nreturn tool\n"):format(
    extra or "", body))
end

describe("the guest of these specs", function()
  it("runs the same natively, under the default tool and under noop.lua", function()
    local n = H.native({ victim })
    assert.are.equal(3, n.code)
    assert.are.equal(NATIVE_OUT, n.out)
    local d = H.revel({}, { victim })
    assert.are.equal(3, d.code)
    assert.are.equal(NATIVE_OUT, d.out)
    assert.matches("getppid%(%)", d.err)
    local o = H.revel({ H.example("noop.lua") }, { victim })
    assert.are.equal(3, o.code)
    assert.are.equal(NATIVE_OUT, o.out)
  end)
end)

-- Run revel with `tool` over the victim (with a sleeper) in the background,
-- wait for `ready` to exist, send `signals` (one kill each, a pause between);
-- returns { code, err, elapsed } and the sleeper's pattern.
local function interrupted(tool, ready, signals)
  local sleeper = H.sleep_arg(60)
  local errf = H.tmppath("err")
  local script = ([[
%s %s -- %s %s > /dev/null 2> %s & p=$!
i=0; while [ ! -e %s ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done
start=$(date +%%s%%N)
for s in %s; do kill -$s $p; sleep 0.5; done
wait $p; code=$?
echo $code $(( ($(date +%%s%%N) - start) / 1000000 ))
]]):format(H.q(H.bin), H.q(tool), H.q(victim), sleeper, H.q(errf), H.q(ready), table.concat(signals, " "))
  local r = H.sh(script, { timeout = 30 })
  local code, ms = r.out:match("(%d+) (%d+)")
  return { code = tonumber(code), ms = tonumber(ms), err = H.slurp(errf) }, sleeper
end

local function looping(body)
  local ready = H.tmppath("ready")
  local tool = on_getppid(("io.open(%q, 'w'):close()\n%s"):format(ready, body),
    "function tool.finish() io.stderr:write('finish ran\\n') end")
  return tool, ready
end

describe("a handler that never returns", function()
  for _, case in ipairs({
    { "an empty loop", "while true do end" },
    { "a loop calling functions", "local function f(x) return x + 1 end\nlocal y = 0\nwhile true do y = f(y) end" },
    { "a loop through pcall", "local y = 0\nwhile true do pcall(function() y = y + 1 end) end" },
    { "a loop that allocates", "local t = {}\nwhile true do t[#t % 64 + 1] = { #t } end" },
  }) do
    it(("is interrupted by SIGTERM (%s): finish runs, exit 143, the guest gone"):format(case[1]), function()
      local tool, ready = looping(case[2])
      local r, sleeper = interrupted(tool, ready, { "TERM" })
      assert.are.equal(143, r.code)
      assert.matches("finish ran\n", r.err, 1, true)
      assert.matches("interrupted by SIGTERM", r.err, 1, true)
      assert.matches("tool.lua:%d+: interrupted by SIGTERM %(at getppid%(%) in thread %d+%)", r.err)
      assert.is_true(H.eventually(function() return #H.procs_matching("sleep " .. sleeper) == 0 end, 5))
    end)
  end

  it("a SIGHUP ends it as well: exit 129", function()
    local tool, ready = looping("while true do end")
    local r = interrupted(tool, ready, { "HUP" })
    assert.are.equal(129, r.code)
    assert.matches("finish ran\n", r.err, 1, true)
  end)

  it("a second signal ends revel at once when finish loops too", function()
    local ready = H.tmppath("ready")
    local tool = on_getppid(("io.open(%q, 'w'):close()\nwhile true do end"):format(ready),
      "function tool.finish() io.stderr:write('finish ran\\n') while true do end end")
    local r, sleeper = interrupted(tool, ready, { "TERM", "TERM" })
    assert.are.equal(143, r.code)
    assert.matches("finish ran\n", r.err, 1, true)
    assert.is_true(r.ms < 5000)
    assert.is_true(H.eventually(function() return #H.procs_matching("sleep " .. sleeper) == 0 end, 5))
  end)
end)

describe("a result or argument that is not an integer", function()
  for _, v in ipairs({ "0/0", "1/0", "-1/0", "1e300", "2^64", "1.5", "-2^63 - 4096" }) do
    it(("returned by a handler (%s) is the tool's error: its line, exit 125"):format(v), function()
      local r = H.revel({ on_getppid("  return " .. v) }, { victim })
      assert.are.equal(125, r.code)
      assert.are.equal("", r.out)
      assert.matches("^revel: error in tool: [^\n]*tool%.lua:3: the handler returned [^\n]*, not an integer", r.err)
    end)
  end

  it("returned under --on-error=continue: reported, and the call runs as it came", function()
    local r = H.revel({ "--on-error=continue", on_getppid("  return 0/0") }, { victim })
    assert.are.equal(3, r.code)
    assert.are.equal(NATIVE_OUT, r.out)
    assert.matches("not an integer", r.err, 1, true)
  end)

  it("an integer result still goes through", function()
    local r = H.revel({ on_getppid("  return -2^63") }, { victim })
    assert.are.equal(3, r.code)
    assert.are.equal("getppid: -9223372036854775808\ndone\n", r.out)
    r = H.revel({ on_getppid("  return 2^64 - 8192") }, { victim })
    assert.are.equal("getppid: -8192\ndone\n", r.out)
  end)

  for _, case in ipairs({
    { "sc:with{ nr = 0/0 }", "  return g:inject(sc:with{ nr = 0/0 })", "tool.lua:4: the syscall number is nan" },
    { "sc:with{ [1] = 1/0 }", "  return g:inject(sc:with{ [1] = 1/0 })", "tool.lua:4: argument 1 of getppid is inf" },
    { "revel.sys.getpid(1.5)", "  return g:inject(revel.sys.getpid(1.5))", "tool.lua:4: argument 1 of getpid is 1.5" },
    { "sc.args[2] = 2^70", "  sc.args[2] = 2^70", "tool.lua:3: argument 2 of getppid is 1.1805916207174e+21" },
    { "an injected call's args[1] = 0/0", "  local c = revel.sys.getpid()\n  c.args[1] = 0/0\n  return g:inject(c)",
      "tool.lua:3: argument 1 of getpid is" },
  }) do
    it(("set in a syscall (%s) is the tool's error: its line, exit 125"):format(case[1]), function()
      local r = H.revel({ on_getppid(case[2]) }, { victim })
      assert.are.equal(125, r.code)
      assert.are.equal("", r.out)
      assert.matches(case[3], r.err, 1, true)
    end)
  end

  it("an argument assigned by name (sc.fd = 0/0) fails where it is assigned", function()
    local tool = H.tool([[
local tool = { on = {} }
function tool.on.getppid(g, sc)
  local c = revel.sys.close(1)
  c.fd = 0/0
  return g:inject(c)
end
return tool
]])
    local r = H.revel({ tool }, { victim })
    assert.are.equal(125, r.code)
    assert.matches("tool.lua:4: argument fd of close is", r.err, 1, true)
  end)
end)

describe("coroutine.yield inside a handler", function()
  for _, case in ipairs({ { "coroutine.yield()", "" }, { "coroutine.yield(1, 5)", "1, 5" },
    { "coroutine.yield(2, sc)", "2, sc" } }) do
    it(("(%s) is a clear error with its line, exit 125"):format(case[1]), function()
      local r = H.revel({ on_getppid("  coroutine.yield(" .. case[2] .. ")\n  return 7") }, { victim })
      assert.are.equal(125, r.code)
      assert.are.equal("", r.out)
      assert.matches("revel: error in tool: [^\n]*tool%.lua:4: coroutine%.yield inside a handler is not allowed", r.err)
      assert.not_matches("internal", r.err)
    end)
  end

  it("under --on-error=continue: reported, the call runs, the next one gets a fresh handler", function()
    local r = H.revel({ "--on-error=continue", on_getppid("  coroutine.yield(1, 5)") }, { victim })
    assert.are.equal(3, r.code)
    assert.are.equal(NATIVE_OUT, r.out)
    assert.matches("coroutine.yield inside a handler is not allowed", r.err, 1, true)
  end)

  it("a coroutine of the tool's own inside a handler still works", function()
    local r = H.revel({ on_getppid([[
  local co = coroutine.wrap(function() coroutine.yield(40) return 2 end)
  return co() + co()]]) }, { victim })
    assert.are.equal(3, r.code)
    assert.are.equal("getppid: 42\ndone\n", r.out)
  end)
end)

describe("a tool that allocates without bound", function()
  it("is stopped at --lua-memory: one line, exit 125, the guest killed", function()
    local sleeper = H.sleep_arg(61)
    local tool = on_getppid("  local t, i = {}, 0\n  while true do i = i + 1; t[i] = ('x'):rep(1000) .. i end")
    local r = H.sh(H.words({ H.bin, "--lua-memory=48M", tool, "--", victim, sleeper }), { timeout = 60 })
    assert.are.equal(125, r.code)
    assert.are.equal("", r.out)
    assert.are.equal("revel: the tool's Lua memory passed its limit of 48 MiB (--lua-memory=SIZE); "
      .. "the guest is killed\n", r.err)
    assert.is_true(H.eventually(function() return #H.procs_matching("sleep " .. sleeper) == 0 end, 5))
  end)

  it("a tool within the limit runs as before", function()
    local r = H.revel({ "--lua-memory=64M", on_getppid("  local t = {}\n  for i = 1, 1e5 do t[i] = i end\n  return #t") },
      { victim })
    assert.are.equal(3, r.code)
    assert.are.equal("getppid: 100000\ndone\n", r.out)
  end)

  it("--lua-memory is in --help and takes sizes only", function()
    local h = H.sh(H.words({ H.bin, "--help" }))
    assert.matches("--lua-memory=SIZE", h.out, 1, true)
    local r = H.revel({ "--lua-memory=lots" }, { "true" })
    assert.are.equal(125, r.code)
    assert.matches("--lua-memory takes a size", r.err, 1, true)
    r = H.revel({ "--lua-memory=0", H.example("noop.lua") }, { victim })
    assert.are.equal(3, r.code)
    assert.are.equal(NATIVE_OUT, r.out)
  end)
end)

describe("guest memory with a bad length or address", function()
  it("returns an error value, as documented, never raises", function()
    local tool = on_getppid([[
  local sp = g:regs().rsp
  local function show(label, ...)
    io.stderr:write(label, ": ", tostring(select(1, ...)), " ", tostring(select(2, ...)), "\n")
  end
  show("read 2^31", g:read(sp, 2^31))
  show("read -1", g:read(sp, -1))
  show("read nan", g:read(sp, 0/0))
  show("read 1.5", g:read(sp, 1.5))
  show("read inf", g:read(sp, 1/0))
  show("read addr nan", g:read(0/0, 4))
  show("read addr -8", g:read(-8, 4))
  show("read addr 2^64", g:read(2^64, 4))
  show("read addr 1e300", g:read(1e300, 4))
  show("string max 2^40", g:string(sp, 2^40))
  show("string max -1", g:string(sp, -1))
  show("string addr 0.5", g:string(0.5))
  show("write addr nan", g:write(0/0, "x"))
  show("write addr -1", g:write(-1, "x"))
  show("read ok", #g:read(sp, 8), nil)]])
    local r = H.revel({ tool }, { victim })
    assert.are.equal(3, r.code)
    assert.are.equal(NATIVE_OUT, r.out)
    assert.are.equal(table.concat({
      "read 2^31: nil E2BIG", "read -1: nil EINVAL", "read nan: nil EINVAL", "read 1.5: nil EINVAL",
      "read inf: nil EINVAL", "read addr nan: nil EFAULT", "read addr -8: nil EFAULT",
      "read addr 2^64: nil EFAULT", "read addr 1e300: nil EFAULT", "string max 2^40: nil E2BIG",
      "string max -1: nil EINVAL", "string addr 0.5: nil EFAULT", "write addr nan: nil EFAULT",
      "write addr -1: nil EFAULT", "read ok: 8 nil", "" }, "\n"), r.err)
  end)

  it("a length or data of the wrong type is the tool's error", function()
    local r = H.revel({ on_getppid('  g:write(g:regs().rsp, 5)') }, { victim })
    assert.are.equal(125, r.code)
    assert.matches("tool.lua:4: g:write: the data must be a string, got number", r.err, 1, true)
    r = H.revel({ on_getppid('  g:read(g:regs().rsp, "8")') }, { victim })
    assert.are.equal(125, r.code)
    assert.matches("tool.lua:4: g:read: the length must be a number, got string", r.err, 1, true)
  end)
end)
