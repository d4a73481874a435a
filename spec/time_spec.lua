-- The time family (issue 11): what strace refuses or warns about, said as
-- strace says it; where stamps stand on resumed lines; the -c table's order
-- under -S; g:time(), the time of each event for a tool.
local H = require("helpers.run")

after_each(function()
  H.cleanup()
end)

local has_strace = os.execute("strace -V > /dev/null 2>&1") == 0

-- strace's first stderr line, "strace: ..." as revel says it.
local function strace_says(words)
  local argv = { "strace", "-o", "/dev/null" }
  for _, w in ipairs(words) do
    argv[#argv + 1] = w
  end
  argv[#argv + 1] = "true"
  local r = H.native(argv)
  return r.code, (r.err:match("^strace: ([^\n]*)\n"))
end

describe("time options strace refuses", function()
  local cases = {
    { "--absolute-timestamps=bogus" }, { "--absolute-timestamps=format:bogus" },
    { "--timestamps=precision:3" }, { "--absolute-timestamps=unix:ms" },
    { "--relative-timestamps=bogus" }, { "--relative-timestamps=" }, { "--syscall-times=6" },
    { "-t", "--absolute-timestamps=ms" }, { "--timestamps", "-tt" },
    { "-c", "-S", "bogus" }, { "-c", "--summary-sort-by=" }, { "-c", "-U", "bogus" },
    { "-c", "-U", "calls,name,calls" }, { "-c", "-U", "calls," }, { "-c", "-U", "none" },
    { "-c", "-O", "bogus" }, { "-c", "-O", "-1" }, { "-c", "--summary-syscall-overhead=1xs" },
    { "-c", "-O", "1.2.3" }, { "-c", "-O", "1e" }, { "-c", "-O", "inf" },
    { "-c", "-C" }, { "-w" }, { "-U", "calls" }, { "-ff", "-c" }, { "-C", "-ff", "-o", "x" },
    { "--output-separately", "-c", "-o", "x" },
  }
  for _, words in ipairs(cases) do
    it(table.concat(words, " ") .. ": strace's message, exit 125, nothing run", function()
      local mark = H.tmppath("ran")
      local r = H.revel(words, { "touch", mark })
      assert.are.equal(125, r.code, r.err)
      assert.is_nil(io.open(mark), "the command ran")
      assert.truthy(r.err:match("^revel: [^\n]+\n$"), r.err)
      if has_strace then
        local code, msg = strace_says(words)
        assert.are.equal(1, code, msg)
        assert.are.equal("revel: " .. msg .. "\n", r.err)
      end
    end)
  end
end)

describe("time options strace warns about", function()
  for _, words in ipairs({ { "-c", "-tt" }, { "-c", "-T" }, { "-c", "-r" }, { "-S", "calls", "-e", "trace=none" } }) do
    it(table.concat(words, " ") .. ": said, and the run goes on", function()
      local r = H.revel(words, { "true" })
      assert.are.equal(0, r.code, r.err)
      local first = r.err:match("^revel: ([^\n]*)\n")
      assert.truthy(first, r.err)
      if has_strace then
        local _, msg = strace_says(words)
        assert.are.equal(msg, first)
      end
    end)
  end
end)

describe("stamps", function()
  it("stand after the pid on every line, resumed ones too, as strace's", function()
    local f = H.file("a\n")
    local argv = { "sh", "-c", "cat " .. f .. " > /dev/null & wait; kill -USR1 $$" }
    local function shapes(text)
      local t = {}
      for l in text:gmatch("[^\n]+") do
        local rest = l:match("^%d+%s+(.*)$")
        assert.truthy(rest, l)
        -- the stamp, then what kind of line
        local stamp, what = rest:match("^(%d%d:%d%d:%d%d%.%d%d%d%d%d%d) (.)")
        assert.truthy(stamp, l)
        t[what] = true
      end
      return t
    end
    local out = H.tmppath("trace")
    local r = H.revel({ "-f", "-tt", "-o", out }, argv)
    assert.are.equal(138, r.code, r.err) -- killed by SIGUSR1
    local seen = shapes(H.slurp(out))
    -- calls, "<... resumed>", "--- SIGCHLD", "+++ exited"
    for _, what in ipairs({ "<", "-", "+" }) do
      assert.truthy(seen[what], what)
    end
    assert.truthy(H.slurp(out):match("\n%d+%s+%d%d:%d%d:%d%d%.%d+ %-%-%- SIGUSR1 {"))
  end)
end)

describe("the -c table", function()
  if not has_strace then
    pending("strace is not installed")
    return
  end
  -- name and calls of each row, in order, and the header
  local function rows(text)
    local t = {}
    for l in text:gmatch("[^\n]+") do
      local calls, name = l:match("^%s*(%d+)%s+(%S+)$") -- -U calls,name
      if calls then
        t[#t + 1] = name .. " " .. calls
      elseif not l:match("^%-") then
        t[#t + 1] = l
      end
    end
    return table.concat(t, "\n")
  end
  for _, key in ipairs({ "calls", "name", "nothing", "errors" }) do
    it("-S " .. key .. " orders the rows as strace does", function()
      local f = H.file("a\n")
      local words = { "-c", "-U", "calls,name", "-S", key }
      local so, ro = H.tmppath("s"), H.tmppath("r")
      local argv = { "strace", "-o", so, unpack(words) }
      for _, w in ipairs({ "cat", f, "/nonexistent" }) do
        argv[#argv + 1] = w
      end
      local s = H.native(argv)
      local r = H.revel({ "-o", ro, unpack(words) }, { "cat", f, "/nonexistent" })
      assert.are.equal(s.code, r.code, r.err)
      assert.are.equal(rows(H.slurp(so)), rows(H.slurp(ro)))
    end)
  end
end)

describe("g:time()", function()
  it("is each event's time: entries increase, an injected call's exit follows its entry", function()
    local tool = H.tool([[
local tool = {}
local last, bad, n = 0, {}, 0
function tool.syscall(g, sc)
  local t0 = g:time()
  if type(t0) ~= "number" or t0 < last then
    bad[#bad + 1] = ("entry %s after %s"):format(tostring(t0), last)
  end
  last, n = t0, n + 1
  if sc.name == "write" or sc.name == "nanosleep" or sc.name == "clock_nanosleep" then
    local r = g:inject(sc)
    local t1 = g:time()
    if not (t1 >= t0) then
      bad[#bad + 1] = ("exit %s before entry %s"):format(t1, t0)
    end
    if sc.name ~= "write" and t1 - t0 < 0.02 then
      bad[#bad + 1] = ("a 20 ms sleep took %.6f s"):format(t1 - t0)
    end
    last = t1
    return r
  end
end
function tool.finish()
  io.stderr:write(n, " calls\n", table.concat(bad, "\n"), "\n")
end
return tool
]])
    local r = H.revel({ tool }, { "sh", "-c", "echo x; sleep 0.02; echo y" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("x\ny\n", r.out)
    local n, rest = r.err:match("^(%d+) calls\n(.*)$")
    assert.truthy(tonumber(n) > 20, r.err)
    assert.are.equal("\n", rest)
  end)

  it("docs/api-objects.md's calltime.lua runs and times each openat", function()
    local code = require("helpers.doc_examples").lua_example(H.root, "calltime.lua")
    local data = H.file("hello\n")
    local r = H.revel({ H.tool(code) }, { "cat", data })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("hello\n", r.out)
    local found
    for l in r.err:gmatch("[^\n]+") do
      assert.truthy(l:match("^openat %S+ = %-?%d+ %(%d+ us%)$"), l)
      found = found or l:match("^openat " .. data:gsub("%p", "%%%0") .. " = %d+ %(")
    end
    assert.truthy(found, r.err)
  end)
end)

describe("-c's time", function()
  -- seconds of clock_nanosleep in the table of revel -c words -- sleep 0.2
  local function slept(words)
    local argv = { "-U", "total-time,name" }
    for _, w in ipairs(words) do
      argv[#argv + 1] = w
    end
    local r = H.revel(argv, { "sleep", "0.2" })
    assert.are.equal(0, r.code, r.err)
    local s = r.err:match("\n%s*([%d%.]+) clock_nanosleep\n")
    assert.truthy(s, r.err)
    return tonumber(s)
  end

  it("is system CPU time without -w, as strace's: a sleep costs next to none", function()
    assert.truthy(slept({ "-c" }) < 0.1)
  end)

  it("is the wall clock from entry to exit with -w", function()
    assert.truthy(slept({ "-c", "-w" }) >= 0.2)
  end)

  it("loses -O's overhead on each call, never below zero", function()
    assert.are.equal(0, slept({ "-c", "-w", "-O", "1s" }))
    assert.are.equal(0, slept({ "-c", "-w", "-O", "1e3ms" })) -- strtod's exponent
    local s = slept({ "-c", "-w", "-O", "100ms" })
    assert.truthy(s >= 0.1 and s < 0.2 + 1, tostring(s))
  end)
end)
