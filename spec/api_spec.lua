-- The same run as a Lua call: require("revel").run(tool, argv, config).
local revel = require("revel")
local H = require("helpers.run")

describe("revel.run", function()
  it("returns the exit status and the global state", function()
    local tool = { subscriptions = { "getpid" }, options = { step = 1 } }
    function tool.init_global(config)
      return { n = 0, step = config.step }
    end
    function tool.rpc(global, _, msg)
      global.n = global.n + msg * global.step
      return { total = global.n }
    end
    local replies = {}
    function tool.syscall(g, sc)
      local reply = g:rpc(1)
      replies[#replies + 1] = reply.total
    end
    local status, global = revel.run(tool, { "sh", "-c", H.guest("det") .. " > /dev/null; exit 3" }, { step = 2 })
    assert.are.equal(3, status)
    assert.truthy(global.n >= 2000, global.n) -- det makes 1000 getpid calls, sh a few
    assert.are.equal(global.n, replies[#replies])
  end)

  it("copies rpc messages: the global state never shares a table with a thread", function()
    local tool = { subscriptions = { "getpid" } }
    function tool.init_global()
      return { got = nil }
    end
    function tool.rpc(global, _, msg)
      global.got = msg
      msg.changed = true
      return msg
    end
    local sent, back
    function tool.syscall(g, sc)
      if not sent then
        sent = { a = { 1, 2 } }
        back = g:rpc(sent)
      end
    end
    local _, global = revel.run(tool, { "sh", "-c", H.guest("det") .. " > /dev/null" })
    assert.is_nil(sent.changed)
    assert.is_true(back.changed)
    assert.are_not.equal(sent, global.got)
    assert.are.same({ 1, 2 }, global.got.a)
  end)

  it("rejects a message that is not plain data", function()
    local tool = { subscriptions = { "getpid" }, rpc = function() end }
    function tool.syscall(g, sc)
      g:rpc({ f = print })
    end
    local ok, err = pcall(revel.run, tool, { "sh", "-c", H.guest("det") .. " > /dev/null" })
    assert.is_false(ok)
    assert.truthy(tostring(err):match("plain data"), tostring(err))
  end)

  it("a handler that returns a string is an error", function()
    local tool = { on = { getppid = function() return "x" end } }
    local ok, err = pcall(revel.run, tool, { "sh", "-c", H.guest("getppid_print") .. " > /dev/null" })
    assert.is_false(ok)
    assert.truthy(tostring(err):match("returned a string"), tostring(err))
  end)

  it("a command that cannot be found gives 127", function()
    local status, _, err = revel.run({}, { "revel-no-such-command-either" })
    assert.are.equal(127, status)
    assert.truthy(err:match("No such file"))
  end)
end)
