-- Output that cannot be written is not lost in silence: the default tool's
-- -o FILE and a tool's print say so on stderr at the first failed write,
-- once, with the file and the error, as strace does ("strace: FILE: ERROR");
-- the exit status stays the guest's, as strace's does (issue 10).
local H = require("helpers.run")

after_each(H.cleanup)

local chatty = H.guest("chatty")
local FULL = "revel: /dev/full: No space left on device\n"

describe("the default tool's output", function()
  it("natively, under -o FILE and under noop.lua: the same output and status", function()
    local n = H.native({ chatty, "3000", "3" })
    assert.are.equal(3, n.code, n.err)
    assert.are.equal("chatty: 3000 calls\n", n.out)
    local trace = H.tmppath("trace")
    local a = H.revel({ "-o", trace }, { chatty, "3000", "3" })
    local b = H.revel({ H.example("noop.lua") }, { chatty, "3000", "3" })
    assert.are.equal(n.code, a.code, a.err)
    assert.are.equal(n.out, a.out)
    assert.are.equal("", a.err)
    assert.are.equal(n.code, b.code, b.err)
    assert.are.equal(n.out, b.out)
    local lines = 0
    for _ in io.lines(trace) do
      lines = lines + 1
    end
    assert.truthy(lines > 3000, lines)
  end)

  it("-o /dev/full: said as strace says it, once; the guest's status", function()
    local s = H.native({ "strace", "-f", "-o", "/dev/full", chatty, "3000", "3" })
    assert.are.equal(3, s.code, s.err)
    local first = s.err:match("^[^\n]*\n")
    assert.are.equal(FULL, "revel" .. first:sub(#"strace" + 1))
    local r = H.revel({ "-f", "-o", "/dev/full" }, { chatty, "3000", "3" })
    assert.are.equal(s.code, r.code)
    assert.are.equal(s.out, r.out)
    assert.are.equal(FULL, r.err) -- once, not once a line as strace
  end)

  it("-o /dev/full with a short trace, -c and --json: said too", function()
    for _, opts in ipairs({ { "-o", "/dev/full" }, { "-c", "-o", "/dev/full" },
      { "--json", "-o", "/dev/full" } }) do
      local r = H.revel(opts, { chatty, "1", "4" })
      assert.are.equal(4, r.code, r.err)
      assert.are.equal("chatty: 1 calls\n", r.out)
      assert.are.equal(FULL, r.err)
    end
  end)

  it("stderr that cannot be written: nowhere to say it, the guest's status", function()
    local r = H.sh(H.words({ H.bin, "--", chatty, "3000", "5" }) .. " 2>/dev/full")
    assert.are.equal(5, r.code)
    assert.are.equal("chatty: 3000 calls\n", r.out)
  end)

  it("a full filesystem: the trace cut where the disk filled, said once", function()
    local dir = H.tmppath("mnt")
    os.execute("mkdir -p " .. H.q(dir))
    local trace = dir .. "/trace.txt"
    local cmd = ("mount -t tmpfs -o size=16k tmpfs %s || exit 99; %s; echo $? > %s/code; cp %s %s.copy"):format(
      H.q(dir), H.words({ H.bin, "-o", trace, "--", chatty, "3000", "6" }), H.q(H.tmpdir()), H.q(trace),
      H.q(H.tmpdir() .. "/trace"))
    local r = H.sh("unshare -m sh -c " .. H.q(cmd))
    if r.code == 99 then
      pending("no tmpfs mount here (unshare -m and mount need privileges)")
      return
    end
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("6\n", H.slurp(H.tmpdir() .. "/code"))
    assert.are.equal("chatty: 3000 calls\n", r.out)
    assert.are.equal(("revel: %s: No space left on device\n"):format(trace), r.err)
    local kept = H.slurp(H.tmpdir() .. "/trace.copy")
    assert.are.equal(16384, #kept)
  end)
end)

describe("a tool's output", function()
  -- print and revel.out:write go to revel.out (stderr, or -o FILE); io.write
  -- and io.stdout:write to revel's stdout.
  local TOOL = [[
local n = 0
local function say(how, ...)
  if how == "print" then
    print(...)
  elseif how == "out" then
    revel.out:write(table.concat({ ... }, "\t"), "\n")
  elseif how == "write" then
    io.write(table.concat({ ... }, "\t"), "\n")
  else
    io.stdout:write(table.concat({ ... }, "\t"), "\n")
  end
end
return {
  options = { how = "print" },
  on = { getppid = function(g)
    n = n + 1
    say(g.config.how, "getppid", n)
  end },
  finish = function(global) say(tool_how, "calls", n) end,
  init_global = function(config) tool_how = config.how end,
}
]]
  local STREAM = { print = "out", out = "out", write = "stdout", method = "stdout" }
  for _, how in ipairs({ "print", "out", "write", "method" }) do
    it("written with " .. how .. ": its lines and the guest's all out", function()
      local r = H.revel({ H.tool(TOOL), "--how", how }, { chatty, "300", "3" })
      assert.are.equal(3, r.code, r.err)
      local tool_text = STREAM[how] == "out" and r.err or r.out
      local n = 0
      for _ in tool_text:gmatch("getppid%s%d+\n") do
        n = n + 1
      end
      assert.are.equal(300, n)
      assert.truthy(tool_text:find("calls\t300\n$"), tool_text)
      assert.truthy(r.out:find("chatty: 300 calls\n", 1, true), r.out)
      if STREAM[how] == "out" then
        assert.are.equal("chatty: 300 calls\n", r.out)
      else
        assert.are.equal("", r.err)
      end
    end)

    it("written with " .. how .. " to /dev/full: said once, the guest's status", function()
      local r
      if STREAM[how] == "out" then -- -o /dev/full
        r = H.revel({ "-o", "/dev/full", H.tool(TOOL), "--how", how }, { chatty, "3000", "3" })
        assert.are.equal(3, r.code, r.err)
        assert.are.equal("chatty: 3000 calls\n", r.out)
        -- print checks its writes; a tool's own revel.out:write, the end does.
        assert.are.equal(how == "print" and FULL or "revel: /dev/full: a write failed, output was lost\n", r.err)
      else
        r = H.sh(H.words({ H.bin, H.tool(TOOL), "--how", how, "--", chatty, "3000", "3" }) .. " >/dev/full")
        assert.are.equal(3, r.code, r.err)
        assert.are.equal("revel: stdout: No space left on device\n", r.err)
      end
    end)
  end
end)

describe("the fault log", function()
  it("--fault-log /dev/full: said once, the faults still made, the guest's status", function()
    local args = { "--rule=getppid:error=EPERM:nth=2", "-o", "/dev/null" }
    local ok = H.revel({ "--fault-log=" .. H.tmppath("faults.jsonl"), table.unpack(args) }, { chatty, "300", "3" })
    assert.are.equal(3, ok.code, ok.err)
    assert.are.equal("", ok.err)
    table.insert(args, 1, "--fault-log=/dev/full")
    local r = H.revel(args, { chatty, "300", "3" })
    assert.are.equal(3, r.code, r.err)
    assert.are.equal("chatty: 300 calls\n", r.out)
    assert.are.equal("revel: /dev/full: No space left on device\n", r.err)
  end)
end)
