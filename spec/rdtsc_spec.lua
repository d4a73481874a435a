-- Instructions a tool intercepts: rdtsc and rdtscp (tool.rdtsc), cpuid
-- (tool.cpuid). The guest (spec/guests/rdtsc_loop.c) reads them in loops in
-- its main thread, a new thread and after a fork and an exec; natively and
-- under revel.
local H = require("helpers.run")

after_each(H.cleanup)

local G = function()
  return H.guest("rdtsc_loop")
end

local COUNTER = [[
  local tool = { n = 0 }
  function tool.rdtsc(g, kind)
    tool.n = tool.n + 1000
    if kind == "rdtscp" then return tool.n, 7 end
    return tool.n
  end
  return tool
]]

-- The lines of one place ("main", "thread", "exec") of the guest's output.
local function places(out)
  local t = {}
  for place, rest in out:gmatch("(%a+) ([^\n]*)\n") do
    t[place] = (t[place] or "") .. rest .. "\n"
  end
  return t
end

describe("rdtsc", function()
  it("natively: monotonic counters, no trap", function()
    local n = H.native({ G(), "50" })
    assert.are.equal(0, n.code, n.err)
    local p = places(n.out)
    for _, place in ipairs({ "main", "thread", "exec" }) do
      assert.is_truthy(p[place], n.out)
      assert.is_truthy(p[place]:find("tsc trap: off", 1, true), n.out)
      assert.is_truthy(p[place]:find("rdtsc: 50 reads, monotonic yes", 1, true), n.out)
      assert.is_truthy(p[place]:find("rdtscp: 50 reads, monotonic yes", 1, true), n.out)
    end
  end)

  it("a tool's counter: main thread, new thread, and after an exec that turned the trap off", function()
    local r = H.revel({ H.tool(COUNTER) }, { G(), "50" })
    assert.are.equal(0, r.code, r.err)
    local want = "tsc trap: on\nrdtsc: 50 reads, monotonic yes, step 1000\n"
      .. "rdtscp: 50 reads, monotonic yes, step 1000, aux 7\n"
    assert.are.same({ main = want, thread = want, exec = want }, places(r.out))
    assert.are.equal("", r.err)
  end)

  it("subscribed without a hook, or a hook that returns nothing: the machine's counter", function()
    for _, src in ipairs({ 'return { subscriptions = { "rdtsc" } }',
      "return { rdtsc = function(g, kind) end }" }) do
      local r = H.revel({ H.tool(src) }, { G(), "50" })
      assert.are.equal(0, r.code, r.err)
      local p = places(r.out)
      for _, place in ipairs({ "main", "thread", "exec" }) do
        assert.is_truthy(p[place], r.out)
        assert.is_truthy(p[place]:find("tsc trap: on", 1, true), r.out)
        assert.is_truthy(p[place]:find("rdtsc: 50 reads, monotonic yes", 1, true), r.out)
        assert.is_truthy(p[place]:find("rdtscp: 50 reads, monotonic yes", 1, true), r.out)
        assert.is_falsy(p[place]:find("step 1000", 1, true), r.out)
      end
    end
  end)

  it("layered tools: the outer's answer first, nil lets the inner's decide", function()
    local r = H.revel({ H.tool([[
      local outer = { rdtsc = function(g, kind) if kind == "rdtscp" then return 5, 9 end end }
      local inner = { n = 0 }
      function inner.rdtsc(g, kind) inner.n = inner.n + 1000 return inner.n end
      return revel.compose(outer, inner)
    ]]) }, { G(), "exec", "5" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("exec tsc trap: on\nexec rdtsc: 5 reads, monotonic yes, step 1000\n"
      .. "exec rdtscp: 5 reads, monotonic no, step 0, aux 9\n", r.out)
  end)

  it("\"!rdtsc\" takes it out again: no trap", function()
    local r = H.revel({ H.tool('return { subscriptions = { "rdtsc", "!rdtsc" } }') }, { G(), "5" })
    assert.are.equal(0, r.code, r.err)
    assert.is_truthy(r.out:find("main tsc trap: off", 1, true), r.out)
  end)

  it("a SIGSEGV that is no rdtsc reaches the guest as natively", function()
    local n = H.native({ G(), "segv" })
    assert.are.equal("raised SIGSEGV caught\nrdtsc nonzero\nfault SIGSEGV caught\n", n.out)
    local r = H.revel({ H.tool(COUNTER) }, { G(), "segv" })
    assert.are.equal(n.code, r.code, r.err)
    assert.are.equal(n.out, r.out)
    -- And one the guest does not catch kills it, as natively.
    local k = H.revel({ H.tool(COUNTER) }, { "sh", "-c", "kill -SEGV $$" })
    assert.are.equal(139, k.code, k.err)
  end)

  it("with -p or -b execve: refused (a thread let go of would keep faulting), one line, exit 125", function()
    local tool = H.tool('return { subscriptions = { "rdtsc" } }')
    local b = H.revel({ "-b", "execve", tool }, { "sh", "-c", "exec true" })
    assert.are.equal(125, b.code, b.err)
    assert.are.equal("revel: cannot intercept rdtsc with -b execve: a thread revel lets go of would keep "
      .. "faulting\n", b.err)
    local s = H.sleep_arg(4402)
    local r = H.sh(("sleep %s & p=$!; %s -p $p %s; st=$?; kill $p; exit $st"):format(s, H.q(H.bin), H.q(tool)))
    assert.are.equal(125, r.code, r.err)
    assert.are.equal("revel: cannot intercept rdtsc with -p: a thread revel lets go of would keep faulting\n",
      r.err)
  end)

  for _, case in ipairs({
    { body = 'return "x"', says = "returned a string" },
    { body = "return -1", says = "returned %-1" },
    { body = "return 1.5", says = "returned 1%.5" },
    { body = "return 1, 2^32", says = "returned 4294967296 for TSC_AUX" },
  }) do
    it("a hook that returns a bad value (" .. case.body .. "): one line with its file:line, exit 125", function()
      local tool = H.tool("local tool = {}\nfunction tool.rdtsc(g, kind)\n  " .. case.body .. "\nend\n"
        .. "return tool\n")
      local marker = H.sleep_arg(4401)
      local r = H.revel({ tool }, { "sh", "-c", 'sleep ' .. marker .. ' & "$@"', "sh", G(), "5" })
      assert.are.equal(125, r.code, r.err)
      local first = r.err:match("^[^\n]*")
      assert.is_truthy(first:find("^revel: error in tool: " .. tool:gsub("%p", "%%%0") .. ":2: tool%.rdtsc "),
        r.err)
      assert.is_truthy(first:find(case.says), r.err)
      assert.is_true(H.eventually(function()
        return #H.procs_matching("sleep " .. marker) == 0
      end, 5), "a process left behind")
    end)
  end
end)

-- CPUID faulting depends on the CPU: where it is missing revel refuses a
-- tool that subscribes to cpuid, and the specs that need it are pending.
local function cpuid_refusal()
  local r = H.revel({ H.tool('return { subscriptions = { "cpuid" } }') }, { "true" })
  if r.code == 125 and r.err:find("cannot intercept cpuid", 1, true) then
    return r
  end
  return nil, r
end

describe("cpuid", function()
  local CPUID = [[
    local tool = {}
    function tool.cpuid(g, leaf, subleaf)
      if leaf == 0x4fff0000 then return 1, 2, subleaf, 4 end
    end
    return tool
  ]]

  it("where the CPU has no CPUID faulting: one line that says why, exit 125", function()
    local refused = cpuid_refusal()
    if not refused then
      pending("this CPU has CPUID faulting: the refusal cannot happen here")
      return
    end
    assert.are.equal(1, select(2, refused.err:gsub("\n", "")), refused.err)
    assert.is_truthy(refused.err:find("^revel: cannot intercept cpuid: "), refused.err)
  end)

  it("a tool's answer: main process, forked child, and after an exec (which resets faulting)", function()
    local refused, r0 = cpuid_refusal()
    if refused then
      pending("no CPUID faulting here: " .. refused.err:gsub("\n$", ""))
      return
    end
    assert.are.equal(0, r0.code, r0.err)
    local n = H.native({ G(), "cpuid" })
    assert.are.equal(0, n.code, n.err)
    local r = H.revel({ H.tool(CPUID) }, { G(), "cpuid" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("main cpuid 0x4fff0000.3: 1 2 3 4\nfork cpuid 0x4fff0000.3: 1 2 3 4\n"
      .. "exec cpuid 0x4fff0000.3: 1 2 3 4\n", r.out)
    assert.are_not.equal(n.out, r.out)
    -- Everything else is the machine's: a real program runs as natively.
    local ls = H.revel({ H.tool(CPUID) }, { "ls", "/" })
    assert.are.equal(H.native({ "ls", "/" }).out, ls.out)
  end)

  it("a hook that returns a bad register: one line with its file:line, exit 125", function()
    if cpuid_refusal() then
      pending("no CPUID faulting here")
      return
    end
    local tool = H.tool("local tool = {}\nfunction tool.cpuid(g, leaf, sub)\n  return 1, 2, 'x', 4\nend\n"
      .. "return tool\n")
    local r = H.revel({ tool }, { G(), "cpuid" })
    assert.are.equal(125, r.code, r.err)
    assert.is_truthy(r.err:match("^[^\n]*"):find("tool.cpuid returned a string for ecx", 1, true), r.err)
  end)
end)
