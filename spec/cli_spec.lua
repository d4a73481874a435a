-- The command line: exit statuses, help, and bad input. Each bad input gets a
-- one-line error and exit 125, and leaves no guest process behind.
local H = require("helpers.run")

after_each(H.cleanup)

local function first_line(s)
  return s:match("^[^\n]*")
end

describe("revel exit status", function()
  it("is the guest's own", function()
    assert.are.equal(0, H.revel({}, { "true" }).code)
    assert.are.equal(1, H.revel({}, { "false" }).code)
    assert.are.equal(42, H.revel({ H.example("noop.lua") }, { "sh", "-c", "exit 42" }).code)
  end)

  it("is 128+N when signal N killed the guest", function()
    assert.are.equal(137, H.revel({ H.example("noop.lua") }, { H.guest("die"), "kill" }).code)
    assert.are.equal(139, H.revel({ H.example("noop.lua") }, { H.guest("die"), "segv" }).code)
  end)

  it("is 127 for a command not found, 126 for one not executable", function()
    local r = H.revel({}, { "revel-no-such-command" })
    assert.are.equal(127, r.code)
    assert.truthy(r.err:match("revel%-no%-such%-command"), r.err)
    r = H.revel({ H.example("noop.lua") }, { "/etc/passwd" })
    assert.are.equal(126, r.code, r.err)
  end)

  it("prints help and version", function()
    local r = H.sh(H.q(H.bin) .. " --help")
    assert.are.equal(0, r.code)
    assert.truthy(r.out:match("usage: revel"))
    assert.truthy(r.out:match("Exit status"))
    r = H.sh(H.q(H.bin) .. " --version")
    assert.truthy(r.out:match("^revel %d+%.%d+"))
  end)

  it("runs the default tool without a tool file", function()
    local r = H.revel({}, { "echo", "hi" })
    assert.are.equal(0, r.code)
    assert.are.equal("hi\n", r.out)
    assert.truthy(r.err:match('execve%("/usr/bin/echo"') or r.err:match("execve"), r.err)
    assert.truthy(r.err:match("write%(1, .* = 3"), r.err)
    assert.truthy(r.err:match("%+%+%+ exited with 0 %+%+%+"), r.err)
  end)
end)

describe("bad input", function()
  -- A guest tree that would linger: a background sleep with a unique
  -- argument, looked for after revel has exited.
  local function lingering(n)
    return { "sh", "-c", ("sleep %s & %s"):format(H.sleep_arg(n), H.guest("getppid_print")) }
  end

  local function no_leftover(n)
    assert.are.same({}, H.procs_matching("sleep " .. H.sleep_arg(n)))
  end

  it("a missing script", function()
    local r = H.revel({ "/nonexistent/tool.lua" }, lingering(3101))
    assert.are.equal(125, r.code)
    assert.truthy(first_line(r.err):match("^revel: cannot open tool /nonexistent/tool.lua"), r.err)
    no_leftover(3101)
  end)

  it("a Lua syntax error", function()
    local t = H.tool("return {\n  on = { getppid = function(g, sc) return 1 end\n")
    local r = H.revel({ t }, lingering(3102))
    assert.are.equal(125, r.code)
    assert.truthy(first_line(r.err):match("^revel: cannot load tool: .*tool%.lua:%d+:"), r.err)
    no_leftover(3102)
  end)

  it("an unknown syscall in subscriptions names the close matches", function()
    local t = H.tool('return { subscriptions = { "opnat" } }')
    local r = H.revel({ t }, lingering(3103))
    assert.are.equal(125, r.code)
    local l = first_line(r.err)
    assert.truthy(l:match('unknown syscall "opnat"'), l)
    assert.truthy(l:match("openat"), l)
    no_leftover(3103)
  end)

  it("an unknown tool option", function()
    local t = H.tool('return { options = { skip = 0 } }')
    local r = H.sh(H.words({ H.bin, t, "--skpi", "3", "--", "true" }))
    assert.are.equal(125, r.code)
    local l = first_line(r.err)
    assert.truthy(l:match("unknown option %-%-skpi"), l)
    assert.truthy(l:match("%-%-skip"), l)
  end)

  it("an option of the default tool given with a tool file", function()
    local never = H.tmppath("never-written")
    local r = H.sh(H.words({ H.bin, "-o", never, "-s", "10", H.example("noop.lua"), "--", "true" }))
    assert.are.equal(125, r.code)
    assert.truthy(first_line(r.err):match("%-s is an option of the default tool"), r.err)
    assert.is_nil(io.open(never))
  end)

  it("an unknown revel option", function()
    local r = H.sh(H.words({ H.bin, "--frobnicate", "--", "true" }))
    assert.are.equal(125, r.code)
    assert.truthy(first_line(r.err):match("unknown option %-%-frobnicate"), r.err)
  end)

  it("a runtime error in a handler: file:line, traceback, the syscall; guest killed", function()
    local t = H.tool([[
local tool = { subscriptions = { "getppid" } }
local function helper(x)
  return x.field.missing
end
function tool.syscall(g, sc)
  local v = helper({})
  return v
end
return tool
]])
    local r = H.revel({ t }, lingering(3104))
    assert.are.equal(125, r.code)
    local l = first_line(r.err)
    assert.truthy(l:match("tool%.lua:3:"), l)
    assert.truthy(l:match("getppid%("), l)
    assert.truthy(l:match("thread %d+"), l)
    assert.truthy(r.err:match("traceback"), r.err)
    assert.truthy(r.err:match("tool%.lua:6: in function"), r.err) -- the caller's frame
    assert.are.equal("", r.out) -- the guest never printed: it was killed in the call
    no_leftover(3104)
  end)

  it("--on-error=continue reports the error and lets the call run", function()
    local t = H.tool([[
return { on = { getppid = function(g, sc) error("boom") end } }
]])
    local r = H.sh(H.words({ H.bin, "--on-error=continue", t, "--", H.guest("getppid_print") }))
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.out:match("^%d+\n$"), r.out)
    assert.truthy(r.err:match("boom"), r.err)
  end)

  it("--on-error=continue after the handler ran the call does not run it twice", function()
    local t = H.tool([[
return { on = { write = function(g, sc) g:inject(sc); error("after the call") end } }
]])
    local r = H.sh(H.words({ H.bin, "--on-error=continue", t, "--", "echo", "hello" }))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("hello\n", r.out)
    assert.truthy(r.err:match("after the call"), r.err)
  end)

  it("an error in finish exits 125 with the guest already done", function()
    local t = H.tool('return { finish = function() error("no finish") end }')
    local r = H.revel({ t }, { "echo", "done" })
    assert.are.equal(125, r.code)
    assert.are.equal("done\n", r.out)
    assert.truthy(first_line(r.err):match("tool%.lua:1: no finish"), r.err)
  end)

  it("an error in a hook outside handlers (init_global) also exits 125", function()
    local t = H.tool('return { init_global = function() error("no global") end }')
    local r = H.revel({ t }, lingering(3105))
    assert.are.equal(125, r.code)
    assert.truthy(first_line(r.err):match("no global"), r.err)
    no_leftover(3105)
  end)
end)
