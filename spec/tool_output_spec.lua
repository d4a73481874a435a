-- -o FILE with a tool (a file, -l, --repl): the tool's output stream
-- revel.out, where its print writes; stderr without -o. The guest's stdout
-- and status stay its own (issue 16).
local H = require("helpers.run")

after_each(H.cleanup)

local TOOL = [[
local n = 0
return {
  on = { openat = function(g, sc) n = n + 1; print("open", (g:string(sc.pathname))) end },
  finish = function() revel.out:write("opens ", n, "\n") end,
}
]]

local function opens(text)
  local n = 0
  for _ in text:gmatch("open\t[^\n]*\n") do
    n = n + 1
  end
  return n
end

describe("-o FILE with a tool", function()
  it("print and revel.out:write go to FILE; stdout and stderr are the guest's", function()
    local argv = { "cat", "/etc/hostname" }
    local native = H.native(argv)
    local out = H.tmppath("tool.txt")
    local r = H.revel({ "-o", out, H.tool(TOOL) }, argv)
    assert.are.equal(native.code, r.code, r.err)
    assert.are.equal(native.out, r.out)
    assert.are.equal("", r.err)
    local text = H.slurp(out)
    assert.truthy(text:find("open\t/etc/hostname\n", 1, true), text)
    local n = opens(text)
    assert.truthy(n >= 2, text)
    assert.are.equal(("opens %d\n"):format(n), text:match("opens %d+\n$"), text)
  end)

  it("without -o the same lines on stderr", function()
    local r = H.revel({ H.tool(TOOL) }, { "cat", "/etc/hostname" })
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.err:find("open\t/etc/hostname\n", 1, true), r.err)
    assert.are.equal(("opens %d\n"):format(opens(r.err)), r.err:match("opens %d+\n$"), r.err)
  end)

  it("-A appends; -l writes there too; the file is not the guest's", function()
    local out = H.tmppath("append.txt")
    local f = assert(io.open(out, "w"))
    f:write("before\n")
    f:close()
    local r = H.revel({ "-A", "-o", out, "-l", 'tool.on.getppid = function() print("ppid") end' },
      { "sh", "-c", "ls /proc/self/fd" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(H.native({ "sh", "-c", "ls /proc/self/fd" }).out, r.out) -- no fd of revel's
    assert.are.equal("", r.err)
    assert.are.equal("before\n", H.slurp(out):sub(1, 7))
  end)

  it("a file the tool opens with io.open is not the guest's either", function()
    local log = H.tmppath("tool.log")
    local tool = H.tool(([[
local f = assert(io.open(%q, "w"))
return { on = { getppid = function() end }, finish = function() f:write("done\n") f:close() end }
]]):format(log))
    local argv = { "sh", "-c", "ls /proc/self/fd" }
    local r = H.revel({ tool }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(H.native(argv).out, r.out)
    assert.are.equal("done\n", H.slurp(log))
  end)

  it("a file that cannot be created: one line, 125, the guest never starts", function()
    local dir = H.tmpdir()
    local r = H.revel({ "-o", dir .. "/no/such/f.txt", H.tool(TOOL) }, { "sh", "-c", "echo ran > " .. dir .. "/ran" })
    assert.are.equal(125, r.code)
    assert.are.equal(("revel: cannot open %s/no/such/f.txt: No such file or directory\n"):format(dir), r.err)
    assert.falsy(io.open(dir .. "/ran"))
  end)

  it("a tool's error: what it printed before is in FILE, the error on stderr", function()
    local out = H.tmppath("err.txt")
    local t = H.tool('return { on = { openat = function() print("first"); error("boom") end } }')
    local r = H.revel({ "-o", out, t }, { "cat", "/etc/hostname" })
    assert.are.equal(125, r.code)
    assert.are.equal("first\n", H.slurp(out))
    assert.truthy(r.err:find("boom", 1, true), r.err)
  end)

  it("--repl: the REPL answers on stderr, the tool's print goes to FILE", function()
    local out = H.tmppath("repl.txt")
    local script = H.tmppath("script")
    local f = assert(io.open(script, "w"))
    f:write('=1+1\nprint("from the repl")\ncont()\n')
    f:close()
    local r = H.revel({ "--repl", "-o", out, "-l", 'tool.on.getppid = function() print("ppid seen") end' },
      { H.guest("getppid_print") }, { stdin = script, timeout = 60 })
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.err:find("2\n", 1, true), r.err)
    assert.truthy(r.err:find("from the repl", 1, true), r.err)
    assert.are.equal("ppid seen\n", H.slurp(out))
  end)
end)
