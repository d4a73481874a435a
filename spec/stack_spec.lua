-- -k / --stack-traces and g:backtrace() (issue 11): the frames revel finds
-- against strace -k's on a guest built with -g -O0, the cases strace -k
-- itself has (exec, exit, a signal handler, -f), the option's refusals, and
-- the frames a tool gets, with source lines checked against the guest's
-- own source. The whole traces are compared line by line in
-- spec/strace_lines/stack.lua; docs/api-objects.md's backtrace.lua runs in
-- spec/doc_run_spec.lua.
local H = require("helpers.run")

after_each(H.cleanup)

local guest = H.guest("stack_guest")
local has_strace = os.execute("strace -V > /dev/null 2>&1") == 0

-- Each traced line (without its pid) with the function names of its frames:
-- a call cut by another's line is taken where it resumes, where strace and
-- revel print its frames; strace's "Process N attached" notes are dropped.
local function calls(text)
  local out = {}
  text = text:gsub("strace: Process %d+ attached\n", "")
  for line in text:gmatch("[^\n]+") do
    if line:match("^ > ") then
      local last = out[#out]
      if last then
        last.funcs[#last.funcs + 1] = line:match("^ > [^(]*%((.*)%+0x%x+%) %[") or ""
      end
    else
      line = line:gsub("^%[pid%s+%d+%] ", "")
      if not line:match(" <unfinished %.%.%.>$") then
        local name = line:match("^<%.%.%. ([%w_]+) resumed>") or line:match("^[%w_]+") or line:sub(1, 3)
        out[#out + 1] = { line = name, funcs = {} }
      end
    end
  end
  return out
end

-- The calls named name.
local function only(list, name)
  local t = {}
  for _, c in ipairs(list) do
    if c.line == name then
      t[#t + 1] = c
    end
  end
  return t
end

local function names(list)
  local t = {}
  for i, c in ipairs(list) do
    t[i] = c.line .. ": " .. table.concat(c.funcs, " < ")
  end
  return t
end

describe("-k", function()
  it("gives every call the function names strace -k gives it", function()
    if not has_strace then
      return pending("strace is not installed")
    end
    for _, argv in ipairs({ { guest }, { guest, "exec" } }) do
      local s = H.native({ "strace", "-f", "-k", unpack(argv) })
      local r = H.revel({ "-f", "-k" }, argv)
      assert.are.equal(s.code, r.code, r.err)
      assert.are.equal(s.out, r.out)
      local sn, rn = names(calls(s.err)), names(calls(r.err))
      -- -f interleaves the two processes as they run: compare as sets.
      table.sort(sn)
      table.sort(rn)
      assert.are.same(sn, rn)
    end
  end)

  it("names the guest's own functions, innermost first, down to _start", function()
    local r = H.revel({ "-k", "-e", "trace=write" }, { guest })
    assert.are.equal(0, r.code, r.err)
    local c = only(calls(r.err), "write")
    assert.are.same({ "__write", "say", "leaf", "middle", "outer", "main", "__libc_init_first",
      "__libc_start_main", "_start" }, c[1].funcs)
    -- The last: through a function with a C++ name, demangled as strace does.
    assert.are.same({ "__write", "say", "leaf", "middle", "ns::Guest::done(char const*)", "main" },
      { unpack(c[#c].funcs, 1, 6) })
    -- The handler's write: through the signal frame back into main.
    local h = c[2].funcs
    assert.are.same({ "__write", "say", "leaf", "on_usr1" }, { h[1], h[2], h[3], h[4] })
    assert.are.equal("main", h[#h - 3])
  end)

  it("prints an exit's stack after its +++ line, and execve's from the old image", function()
    local r = H.revel({ "-f", "-k", "-s", "256", "-e", "trace=execve,exit_group" }, { guest, "exec" })
    assert.are.equal(0, r.code, r.err)
    local text = r.err:gsub("%[pid%s+%d+%] ", "")
    -- The child's execve: its stack is the caller's, child_work's execl.
    assert.truthy(text:find('execve%("[^"]*stack_guest", %["[^"]*stack_guest", "again"%][^\n]*= 0\n' ..
      " > [^\n]*%(execve%+0x%x+%) %[0x%x+%]\n > [^\n]*%(execl%+0x%x+%)[^\n]*\n" ..
      " > [^\n]*stack_guest%(child_work%+0x%x+%)"), text)
    assert.truthy(text:find("exit_group%(0%)%s+= %?\n%+%+%+ exited with 0 %+%+%+\n > [^\n]*%(_exit%+0x%x+%)"), text)
  end)

  it("goes to each thread's file with -ff -o", function()
    local dir = H.tmpdir()
    local r = H.revel({ "-ff", "-k", "-e", "trace=write", "-o", dir .. "/t" }, { guest })
    assert.are.equal(0, r.code, r.err)
    local p = io.popen("cat " .. H.q(dir) .. "/t.*")
    local all = p:read("*a")
    p:close()
    os.execute("rm -f " .. H.q(dir) .. "/t.*")
    assert.truthy(all:find("write%(1, \"child\\n\", 6%)%s+= 6\n > [^\n]*__write%+0x%x+%) %[0x%x+%]\n"
      .. " > [^\n]*stack_guest%(say%+"), all)
  end)

  it("has no effect with -c, as strace says", function()
    local r = H.revel({ "-c", "-k" }, { guest })
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.err:match("^revel: %-k/%-%-stack%-traces has no effect with %-c/%-%-summary%-only\n"), r.err)
    assert.falsy(r.err:find("\n > "), r.err)
  end)

  it("is refused with --json and with a tool file, in one line", function()
    local r = H.revel({ "-k", "--json" }, { "true" })
    assert.are.equal(125, r.code)
    assert.are.equal("revel: -k with --json is not supported yet\n", r.err)
    local tool = H.tool("return {}")
    r = H.revel({ "-k", tool }, { "true" })
    assert.are.equal(125, r.code)
    assert.truthy(r.err:match("^revel: %-k is an option of the default tool[^\n]*\n$"), r.err)
  end)
end)

-- The line of the guest's source that holds text.
local function line_of(text)
  local n = 0
  for l in io.lines(H.root .. "/spec/guests/stack_guest.c") do
    n = n + 1
    if l:find(text, 1, true) then
      return n
    end
  end
  error("no line with " .. text)
end

describe("--stack-traces=source", function()
  it("adds each frame's source file and line to -k's lines where debug info has them", function()
    local k = H.revel({ "-k", "-e", "trace=write" }, { guest })
    local src = H.revel({ "--stack-traces=source", "-e", "trace=write" }, { guest })
    assert.are.equal(0, src.code, src.err)
    assert.are.equal(k.out, src.out)
    local want = { say = "write(1, s, strlen(s))", leaf = "say(s);", middle = "leaf(s);",
      outer = "middle(s);", main = 'outer("parent\\n");' }
    local stripped, seen = {}, {}
    for l in src.err:gmatch("[^\n]+") do
      local head, file, n = l:match("^( > .-%) %[0x%x+%]) (%S+):(%d+)$")
      if head then
        local func = head:match("%(([%w_]+)%+0x")
        if want[func] and file:match("stack_guest%.c$") and not seen[func] then
          seen[func] = true
          assert.are.equal(line_of(want[func]), tonumber(n), l)
        end
        l = head
      end
      stripped[#stripped + 1] = l
    end
    for f in pairs(want) do
      assert.truthy(seen[f], f .. " has no source line in\n" .. src.err)
    end
    -- without the source, the very lines of -k (addresses and pids aside)
    local function masked(t)
      return (t:gsub("0x%x+", "0x"):gsub("%d+", "N"))
    end
    assert.are.equal(masked(k.err), masked(table.concat(stripped, "\n") .. "\n"))
  end)

  it("refuses any other value in one line, exit 125", function()
    local r = H.revel({ "--stack-traces=bogus" }, { "true" })
    assert.are.equal(125, r.code)
    assert.are.equal("revel: invalid --stack-traces argument: 'bogus'\n", r.err)
  end)
end)

describe("g:backtrace()", function()
  it("gives a tool the frames: function, offset, file, address and source line", function()
    local tool = H.tool([[
local tool = { on = {} }
local done = false -- the first write only: the parent's
function tool.on.write(g, sc)
  if done then return end
  done = true
  for _, f in ipairs(g:backtrace()) do
    io.stderr:write(("%s|%s|%s|%s|%s|%.0f|%.0f\n"):format(f.func or "-", f.offset or "-", f.lib or "-",
      f.file or "-", f.line or "-", f.ip, f.rel))
  end
end
return tool
]])
    local r = H.revel({ tool }, { guest })
    assert.are.equal(0, r.code, r.err)
    local frames = {}
    for l in r.err:gmatch("[^\n]+") do
      local func, off, lib, file, line, ip, rel = l:match("^([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)|(%d+)|(%d+)$")
      assert.truthy(func, l)
      frames[#frames + 1] = { func = func, offset = tonumber(off), lib = lib, file = file,
        line = tonumber(line), ip = tonumber(ip), rel = tonumber(rel) }
    end
    local want = { say = "write(1, s, strlen(s))", leaf = "say(s);", middle = "leaf(s);",
      outer = "middle(s);", main = 'outer("parent\\n");' }
    local order = {}
    for _, f in ipairs(frames) do
      if want[f.func] then
        order[#order + 1] = f.func
        assert.are.equal(guest, f.lib)
        assert.truthy(f.file:match("stack_guest%.c$"), f.file)
        assert.are.equal(line_of(want[f.func]), f.line, f.func)
        assert.truthy(f.offset > 0 and f.rel > 0 and f.ip > f.rel, f.func)
      end
    end
    assert.are.same({ "say", "leaf", "middle", "outer", "main" }, order)
    assert.truthy(frames[1].lib:match("libc%.so"), frames[1].lib)
  end)

  it("says ESRCH for a thread that is not stopped for the tool", function()
    local tool = H.tool([[
local tool = { on = {} }
function tool.exit_thread(g)
  local t, err = g:backtrace()
  io.stderr:write(tostring(t), " ", tostring(err), "\n")
end
return tool
]])
    local r = H.revel({ tool }, { "true" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("nil ESRCH\n", r.err)
  end)
end)
