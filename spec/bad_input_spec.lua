-- A tool's bad input to the hooks and calls of issue 12 (rdtsc, cpuid,
-- g:set_timer, g:deliver): one line naming the tool's file and line, exit
-- 125, and nothing of the guest left running (a background sleep, marked by
-- its argument, that revel must end).
local H = require("helpers.run")

after_each(H.cleanup)

local marker_n = 4500

-- Run tool source `src` over a guest that leaves a sleep running and then
-- runs argv; check the one line with `line` of the tool and `says`.
local function refused(src, line, says, argv)
  marker_n = marker_n + 1
  local marker = H.sleep_arg(marker_n)
  local tool = H.tool(src)
  local r = H.revel({ tool }, { "sh", "-c", "sleep " .. marker .. ' & "$@"', "sh", unpack(argv) })
  assert.are.equal(125, r.code, r.err)
  local first = r.err:match("^[^\n]*")
  local where = ("revel: error in tool: %s:%d: "):format(tool, line)
  assert.are.equal(where, first:sub(1, #where), r.err)
  assert.is_truthy(first:find(says, 1, true), r.err)
  assert.is_true(H.eventually(function()
    return #H.procs_matching("sleep " .. marker) == 0
  end, 5), "a process left behind")
  return r
end

local function rdtsc_tool(ret)
  return "local tool = {}\nfunction tool.rdtsc(g, kind)\n  return " .. ret .. "\nend\nreturn tool\n"
end

describe("bad input from a tool", function()
  for _, case in ipairs({
    { ret = '"12"', says = "tool.rdtsc returned a string; a counter" },
    { ret = "{}", says = "tool.rdtsc returned a table; a counter" },
    { ret = "-5", says = "tool.rdtsc returned -5; a counter" },
    { ret = "0/0", says = "tool.rdtsc returned nan; a counter" },
    { ret = "1, 'x'", says = "tool.rdtsc returned a string for TSC_AUX" },
  }) do
    it("rdtsc returning " .. case.ret, function()
      refused(rdtsc_tool(case.ret), 2, case.says, { H.guest("rdtsc_loop"), "5" })
    end)
  end

  it("cpuid returning a non-number", function()
    local probe = H.revel({ H.tool('return { subscriptions = { "cpuid" } }') }, { "true" })
    if probe.code ~= 0 then
      pending("no CPUID faulting here: " .. probe.err:gsub("\n$", ""))
      return
    end
    refused("local tool = {}\nfunction tool.cpuid(g, leaf, sub)\n  if leaf == 0x4fff0000 then return 1, 2, 3, true end\nend\n"
      .. "return tool\n", 2, "tool.cpuid returned a boolean for edx", { H.guest("rdtsc_loop"), "cpuid" })
  end)

  for _, case in ipairs({
    { arg = "{ ns = 0 }", says = "g:set_timer: ns is 0; a whole number of nanoseconds from 1 to 2^62 was expected" },
    { arg = "{ ns = -1000 }", says = "g:set_timer: ns is -1000; a whole number" },
    { arg = "{ ns = 1.5 }", says = "g:set_timer: ns is 1.5; a whole number" },
    { arg = "{ ns = 0/0 }", says = "g:set_timer: ns is nan; a whole number" },
    { arg = '{ ns = "1000" }', says = "g:set_timer: ns is a string; a whole number" },
    { arg = "{}", says = "g:set_timer: ns is a nil; a whole number" },
    { arg = "1000", says = "g:set_timer expects a table ({ ns = N } or { branches = N }), got number" },
    { arg = "{ ms = 1 }", says = "g:set_timer: unknown field ms (it takes ns = N or branches = N)" },
    { arg = "{ branches = 1000 }", says = 'g:set_timer: branches = N needs "branches" in the tool\'s subscriptions' },
  }) do
    it("a timer of " .. case.arg, function()
      refused("local tool = { timer = function(g) end }\nfunction tool.post_exec(g)\n  g:set_timer(" .. case.arg
        .. ")\nend\nreturn tool\n", 3, case.says, { "true" })
    end)
  end

  it("a timer without a timer hook", function()
    refused("return { post_exec = function(g)\n  g:set_timer{ ns = 1000 }\nend }\n", 2,
      "g:set_timer: the tool defines no timer hook (tool.timer)", { "true" })
  end)

  for _, case in ipairs({
    { sig = "0", says = "g:deliver: 0 is not a signal" },
    { sig = "65", says = "g:deliver: 65 is not a signal" },
    { sig = "1.5", says = "g:deliver: 1.5 is not a signal" },
    { sig = '"SIGUSR1"', says = "g:deliver: a string is not a signal" },
    { sig = "revel.signal.SIGUSR1", says = "g:deliver: signal 10 is not held by thread" },
  }) do
    it("deliver of " .. case.sig, function()
      refused("local revel = require('revel')\nreturn { on = { write = function(g)\n  g:deliver(" .. case.sig
        .. ")\nend } }\n", 3, case.says, { "echo", "hi" })
    end)
  end
end)
