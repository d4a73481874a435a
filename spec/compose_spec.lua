-- Layering tools (revel.compose) and tools as values (strace.new): the
-- examples of docs/faults-and-layers.md run as written, and the semantics they promise.
local revel = require("revel")
local H = require("helpers.run")

local D = require("helpers.doc_examples")

local function doc_example(name)
  return D.lua_example(H.root, name)
end

describe("docs/faults-and-layers.md examples", function()
  it("layered.lua: the layer sees each call first and fails every third", function()
    local r = H.revel({ H.tool(doc_example("layered.lua")) }, { H.guest("getppid_loop"), "6" })
    assert.are.equal(0, r.code, r.err)
    local faults, plain = 0, 0
    for line in r.err:gmatch("getppid %-> [^\n]*") do
      if line:find("(fault)", 1, true) then
        assert.truthy(line:find("-1 (fault)", 1, true), line) -- -EPERM
        faults = faults + 1
      else
        plain = plain + 1
      end
    end
    assert.are.equal(2, faults, r.err)
    assert.are.equal(4, plain, r.err)
    assert.truthy(r.err:find("layer: 6 calls\n", 1, true), r.err)
  end)

  it("strace_faults.lua: a layer over the strace tool is traced and marked", function()
    local r = H.revel({ H.tool(doc_example("strace_faults.lua")) }, { "cat", "/etc/hostname" })
    assert.are.equal(1, r.code, r.err)
    assert.truthy(r.err:find('openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = -1 EACCES (Permission denied) (INJECTED)',
      1, true), r.err)
  end)
end)

describe("revel.compose", function()
  it("chains init inner first, finish outer first; the state is the inner's", function()
    local order = {}
    local outer = {
      init_global = function() order[#order + 1] = "outer init" return "outer" end,
      finish = function(global) order[#order + 1] = "outer finish " .. tostring(global) end,
    }
    local inner = {
      init_global = function() order[#order + 1] = "inner init" return "inner" end,
      finish = function(global) order[#order + 1] = "inner finish " .. tostring(global) end,
    }
    local code, global = revel.run(revel.compose(outer, inner), { "true" })
    assert.are.equal(0, code)
    assert.are.equal("inner", global)
    assert.are.same({ "inner init", "outer init", "outer finish inner", "inner finish inner" }, order)
  end)

  it("a number from the outer short-circuits; nil falls through; subscriptions join", function()
    local seen = {}
    local outer = { on = {} }
    function outer.on.getppid() return 4242 end
    function outer.on.getpid() seen[#seen + 1] = "outer getpid" end
    local inner = { on = {} }
    function inner.on.getppid() seen[#seen + 1] = "inner getppid" end
    function inner.on.getpid() seen[#seen + 1] = "inner getpid" end
    local t = revel.compose(outer, inner)
    assert.are.same({ "getpid", "getppid" }, t.subscriptions)
    local out = os.tmpname()
    local code = revel.run(t, { "sh", "-c", H.guest("getppid_print") .. " > " .. out })
    assert.are.equal(0, code)
    assert.are.equal("4242\n", H.slurp(out))
    os.remove(out)
    for _, s in ipairs(seen) do
      assert.are_not.equal("inner getppid", s)
    end
  end)

  it("two strace tools are two values", function()
    local strace = require("revel.tools.strace")
    local a, b = os.tmpname(), os.tmpname()
    local ta, tb = assert(strace.new({ output = a, trace = "getppid" })), assert(strace.new({ output = b, trace = "exit_group" }))
    assert.are_not.equal(ta, tb)
    assert.are.equal(0, (revel.run(ta, { H.guest("getppid_loop"), "2" })))
    assert.are.equal(0, (revel.run(tb, { H.guest("getppid_loop"), "2" })))
    local sa, sb = H.slurp(a), H.slurp(b)
    assert.truthy(sa:find("getppid()", 1, true), sa)
    assert.falsy(sa:find("exit_group", 1, true), sa)
    assert.truthy(sb:find("exit_group(0)", 1, true), sb)
    os.remove(a)
    os.remove(b)
  end)
end)
