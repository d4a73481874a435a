-- Nothing escapes revel and the guest sees what the kernel would give it
-- (issue 10): CLONE_UNTRACED children are traced, a guest filter's own
-- SECCOMP_RET_TRACE fails as it does with no tracer, decoding reads only
-- what the kernel reads, exec and ptrace failures say what the shell (or
-- the kernel) says, and fault rules leave the pre-exec child alone.
local H = require("helpers.run")

after_each(H.cleanup)

local tools = {
  default = { "-o", "/dev/null" },
  noop = { H.example("noop.lua") },
  -- every call in a Lua handler: the tool's answer must not undo revel's work
  counter2 = { H.example("counter2.lua") },
}

-- Native and revel (default tool, noop.lua) agree on stdout and status.
local function same_as_native(argv, want_code, want_out)
  local n = H.native(argv)
  assert.are.equal(want_code, n.code, n.err)
  if want_out then
    assert.are.equal(want_out, n.out)
  end
  for name, pre in pairs(tools) do
    local r = H.revel(pre, argv, { timeout = 30 })
    assert.are.equal(n.code, r.code, name .. ": " .. r.err)
    assert.are.equal(n.out, r.out, name)
  end
end

-- A tool that subscribes to write alone: clone is not among its calls.
local narrow = [[
local tool = { subscriptions = { "write" } }
function tool.syscall(g, sc) end
return tool
]]

describe("CLONE_UNTRACED", function()
  for _, how in ipairs({ "clone", "clone3" }) do
    it(how .. ": the child is traced and exits 7 as natively", function()
      same_as_native({ H.guest("untraced_clone"), how }, 7, "child here\nchild exited 7\n")
      local r = H.revel({ H.tool(narrow) }, { H.guest("untraced_clone"), how })
      assert.are.equal(7, r.code, r.err)
      assert.are.equal("child here\nchild exited 7\n", r.out)
    end)

    it(how .. ": the default tool prints the call as the guest made it, as strace", function()
      local function clone_line(path)
        for l in H.slurp(path):gmatch("[^\n]+") do
          l = l:gsub("^%d+%s+", "")
          if l:find("^clone3?%(") then
            -- The entry half: revel traces the child too, whose lines may
            -- split the call's (<unfinished ...>).
            l = l:gsub(" <unfinished %.%.%.>$", ""):gsub(", %d+%) = %d+$", ""):gsub("%) = %d+$", "")
            return l
          end
        end
      end
      local so, ro = H.tmppath("strace"), H.tmppath("revel")
      H.native({ "strace", "-f", "-o", so, H.guest("untraced_clone"), how })
      local r = H.revel({ "-f", "-o", ro }, { H.guest("untraced_clone"), how })
      assert.are.equal(7, r.code, r.err)
      assert.truthy(clone_line(so):find("CLONE_UNTRACED", 1, true), clone_line(so))
      assert.are.equal(clone_line(so), clone_line(ro))
    end)

    it(how .. ": the child is traced, so gone long before its sleep ends after kill -9 of revel", function()
      for name, pre in pairs({ narrow = { H.tool(narrow) }, noop = tools.noop }) do
        local tag = H.sleep_arg(20)
        local words = { H.bin }
        for _, w in ipairs(pre) do
          words[#words + 1] = w
        end
        for _, w in ipairs({ "--", H.guest("untraced_clone"), how, "sleep", tag }) do
          words[#words + 1] = w
        end
        local pidfile = H.tmppath("pid")
        os.execute(("%s > /dev/null 2>&1 & echo $! > %s"):format(H.words(words), H.q(pidfile)))
        local pid = assert(tonumber(H.slurp(pidfile)))
        assert.is_true(H.eventually(function()
          return #H.procs_matching("^sleep " .. tag) > 0
        end, 10), name .. ": the sleeper never started")
        os.execute("kill -9 " .. pid)
        -- 10 s of the sleeper's 20: a loaded host may take a while to reap,
        -- an escaped child would still be asleep.
        local gone = H.eventually(function()
          return #H.procs_matching("^sleep " .. tag) == 0
        end, 10)
        if not gone then -- the escaped sleeper, by its pid
          for _, l in ipairs(H.procs_matching("^sleep " .. tag)) do
            os.execute("kill -9 " .. l:match("^%d+"))
          end
        end
        assert.is_true(gone, name .. ": the CLONE_UNTRACED child outlived revel")
      end
    end)
  end
end)

describe("a guest filter's own SECCOMP_RET_TRACE", function()
  it("fails the call with ENOSYS, as with no tracer", function()
    same_as_native({ H.guest("guest_trace") }, 0, "getppid: ENOSYS\ngetuid: ENOSYS\ngetpid ok\n")
  end)

  it("the default tool prints the call failed, as strace does", function()
    local r = H.revel({}, { H.guest("guest_trace") })
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.err:find("getppid()                               = -1 ENOSYS (Function not implemented)\n", 1, true), r.err)
    assert.truthy(r.err:find("getuid()                                = -1 ENOSYS (Function not implemented)\n", 1, true), r.err)
  end)
end)

describe("decoding reads what the kernel reads", function()
  -- Addresses differ from run to run; the rest must be strace's, byte for byte.
  local function lines_of(text)
    local out = {}
    for l in text:gmatch("[^\n]+") do
      l = l:gsub("^%d+%s+", "")
      if l:find("^openat%(AT_FDCWD, 0x") or l:find('^openat%(AT_FDCWD, "/etc/h"')
          or l:find('^execve%("/bin/true"') then
        out[#out + 1] = (l:gsub("0x%x+", "0xADDR"))
      end
    end
    return out
  end

  it("a path and an argv that run into a PROT_NONE page print as strace prints them", function()
    local guest = H.guest("guard_page")
    local so, ro = H.tmppath("strace"), H.tmppath("revel")
    local s = H.native({ "strace", "-o", so, guest })
    local r = H.revel({ "-o", ro }, { guest })
    assert.are.equal("open: EFAULT\nexecve: EFAULT\n", s.out)
    assert.are.equal(s.out, r.out)
    assert.are.equal(s.code, r.code, r.err)
    local want = lines_of(H.slurp(so))
    assert.are.equal(2, #want, H.slurp(so))
    assert.are.same(want, lines_of(H.slurp(ro)))
    assert.are.equal("openat(AT_FDCWD, 0xADDR, O_RDONLY) = -1 EFAULT (Bad address)", want[1])
  end)

  it("the guest runs the same under noop.lua", function()
    same_as_native({ H.guest("guard_page") }, 0, "open: EFAULT\nexecve: EFAULT\n")
  end)
end)

describe("exit statuses of the shell", function()
  it("a script that is its own interpreter (ELOOP): 126 and one line", function()
    local script = H.tmppath("loop.sh")
    H.track(script)
    local f = assert(io.open(script, "w"))
    f:write("#!" .. script .. "\necho hi\n")
    f:close()
    os.execute("chmod +x " .. H.q(script))
    local b = H.sh("bash -c " .. H.q(script))
    assert.are.equal(126, b.code)
    for name, pre in pairs(tools) do
      local r = H.revel(pre, { script })
      assert.are.equal(126, r.code, name .. ": " .. r.err)
      assert.are.equal("", r.out)
      assert.truthy(r.err:find("revel: exec " .. script .. ": Too many levels of symbolic links\n", 1, true), r.err)
    end
  end)

  it("revel under revel: the refused ptrace is named, exit 125", function()
    for name, pre in pairs(tools) do
      local r = H.revel(pre, { H.bin, "--", "echo", "hi" })
      assert.are.equal(125, r.code, name .. ": " .. r.err)
      assert.are.equal("", r.out)
      assert.truthy(r.err:find("revel: cannot trace the command: ptrace refused %(EPERM%): "
        .. "revel is itself being traced %(TracerPid %d+%)\n"), r.err)
      assert.falsy(r.err:find("Operation not permitted"), r.err)
    end
  end)
end)

describe("fault rules and the pre-exec child", function()
  for _, rule in ipairs({ "fault=all", "inject=all:error=ENOSYS" }) do
    it("-e " .. rule .. " -- true: bounded, strace's status and first lines", function()
      local s = H.native({ "strace", "-f", "-e", rule, "true" }, { timeout = 20 })
      local r = H.revel({ "-f", "-e", rule }, { "true" }, { timeout = 20 })
      assert.are.equal(s.code, r.code, r.err)
      -- the execve itself runs, as under strace; the calls after it fail
      assert.truthy(r.err:find('^execve%("[^"]*true", %["true"%], 0x%x+ /%* %d+ vars %*/%) = 0\n'), r.err)
      assert.truthy(r.err:find("brk(NULL)                               = -1 ENOSYS (Function not implemented) (INJECTED)\n", 1, true), r.err)
    end)
  end
end)
