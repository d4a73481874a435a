-- The default tool's options: -o, -e trace=, -s, -c, --json, -y, and the
-- shape of its lines (pid prefixes, signals, exits, interleaved threads).
local H = require("helpers.run")

local out = H.tmppath("default-tool.out")

local slurp = H.slurp

local lines = H.lines

after_each(function()
  os.remove(out)
end)

describe("the default tool", function()
  it("prints strace lines on stderr, the result at column 40", function()
    local r = H.revel({}, { "cat", "/dev/null" })
    assert.are.equal(0, r.code)
    assert.truthy(r.err:match('execve%("/usr/bin/cat", %["cat", "/dev/null"%], 0x%x+ /%* %d+ vars %*/%) = 0\n'), r.err)
    assert.truthy(r.err:match('\nopenat%(AT_FDCWD, "/dev/null", O_RDONLY%) = %d+\n'), r.err)
    assert.truthy(r.err:match("\nclose%(%d%)                                = 0\n"), r.err)
    assert.truthy(r.err:match("\nexit_group%(0%)                           = %?\n"), r.err)
    assert.truthy(r.err:match("\n%+%+%+ exited with 0 %+%+%+\n$"), r.err)
  end)

  it("writes to -o FILE; with -f each line starts with its pid", function()
    local r = H.revel({ "-f", "-o", out }, { "true" })
    assert.are.equal(0, r.code)
    assert.are.equal("", r.err)
    local t = lines(slurp(out))
    assert.truthy(#t > 5)
    for _, l in ipairs(t) do
      assert.truthy(l:match("^%d+%s+%S"), l)
    end
  end)

  it("with -f prefixes [pid N] while more than one task lives, and prints signals", function()
    local r = H.revel({ "-f" }, { "sh", "-c", "/bin/true; echo x" })
    assert.are.equal(0, r.code)
    assert.truthy(r.err:match("%[pid +%d+%] execve%(\"/bin/true\""), r.err)
    assert.truthy(r.err:match("%-%-%- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=%d+, si_uid=%d+, si_status=0, si_utime=%d+, si_stime=%d+} %-%-%-"), r.err)
    assert.truthy(r.err:match("\nwrite%(1, \"x\\n\", 2%) += 2\n"), r.err)
  end)

  it("shows interleaved threads as unfinished and resumed", function()
    local r = H.revel({ "-o", out }, { H.guest("threads8") })
    assert.are.equal(0, r.code)
    local t = slurp(out)
    assert.truthy(t:match("clone3%(%{flags=CLONE_VM|"), t)
    assert.truthy(t:match("%+%+%+ exited with 0 %+%+%+"))
    -- Every "<unfinished ...>" of a thread is resumed by that thread.
    local open = {}
    for _, l in ipairs(lines(t)) do
      local pid = l:match("^(%d+)")
      if l:match(" <unfinished %.%.%.>$") then
        assert.is_nil(open[pid], l)
        open[pid] = true
      elseif l:match("<%.%.%. [%w_]+ resumed>") then
        assert.truthy(open[pid], l)
        open[pid] = nil
      end
    end
  end)

  it("prints +++ killed by SIG +++ for a guest a signal killed", function()
    local r = H.revel({}, { H.guest("die"), "kill" })
    assert.are.equal(137, r.code)
    assert.truthy(r.err:match("%+%+%+ killed by SIGKILL %+%+%+"), r.err)
  end)

  it("traces only -e trace=SET", function()
    local r = H.revel({ "-e", "trace=openat,close" }, { "cat", "/dev/null" })
    assert.are.equal(0, r.code)
    for _, l in ipairs(lines(r.err)) do
      assert.truthy(l:match("^openat%(") or l:match("^close%(") or l:match("^%+%+%+"), l)
    end
    assert.truthy(r.err:match('openat%(AT_FDCWD, "/dev/null"'))
    r = H.revel({ "--trace=%file" }, { "cat", "/dev/null" })
    assert.truthy(r.err:match("^execve%("), r.err)
    assert.falsy(r.err:match("\nmmap%("), r.err)
    r = H.revel({ "-e", "trace=!mmap,mprotect" }, { "cat", "/dev/null" })
    assert.falsy(r.err:match("mmap%("), r.err)
    assert.truthy(r.err:match("openat%("), r.err)
    r = H.revel({ "-e", "trace=opnat" }, { "true" })
    assert.are.equal(125, r.code)
    assert.truthy(r.err:match("openat"), r.err)
  end)

  it("cuts strings at -s N", function()
    local r = H.revel({ "-e", "trace=write", "-s", "4" }, { "echo", "hello world" })
    assert.truthy(r.err:match('write%(1, "hell"%.%.%., 12%) += 12'), r.err)
    r = H.revel({ "-e", "trace=write", "-s64" }, { "echo", "hello world" })
    assert.truthy(r.err:match('write%(1, "hello world\\n", 12%) += 12'), r.err)
    r = H.revel({ "-s", "x" }, { "true" })
    assert.are.equal(125, r.code)
  end)

  it("counts with -c", function()
    local r = H.revel({ "-c" }, { "cat", "/dev/null", "/nonexistent" })
    assert.are.equal(1, r.code)
    local t = lines(r.err)
    local i = 1
    while t[i] and not t[i]:match("^%% time") do
      i = i + 1
    end
    assert.are.equal("% time     seconds  usecs/call     calls    errors syscall", t[i], r.err)
    assert.are.equal("------ ----------- ----------- --------- --------- ----------------", t[i + 1])
    assert.truthy(r.err:match("\n +%d+%.%d%d +%d+%.%d+ +%d+ +%d+ +%d+ openat\n"), r.err)
    assert.truthy(r.err:match("\n100%.00 +%d+%.%d+ +%d+ +%d+ +%d+ total\n$"), r.err)
    assert.falsy(r.err:match("execve%("), r.err)
  end)

  it("prints JSON objects with --json", function()
    local r = H.revel({ "--json", "-e", "trace=openat,exit_group" }, { "cat", "/dev/null", "/nonexistent" })
    assert.are.equal(1, r.code)
    local t = lines(r.err)
    local found_ok, found_err
    for _, l in ipairs(t) do
      if l:match("^{") then
        assert.truthy(l:match('^{"pid":%d+,"tid":%d+,'), l)
      end
      if l:match('"name":"openat","args":%["AT_FDCWD","\\"/dev/null\\"","O_RDONLY"%],"result":%d+}') then
        found_ok = true
      end
      if l:match('"args":%["AT_FDCWD","\\"/nonexistent\\"","O_RDONLY"%],"result":%-1,"errno":"ENOENT"}') then
        found_err = true
      end
    end
    assert.truthy(found_ok, r.err)
    assert.truthy(found_err, r.err)
    assert.truthy(r.err:match('"name":"exit_group","args":%[1%],"result":null}'), r.err)
    assert.truthy(r.err:match('{"pid":%d+,"tid":%d+,"exited":1}'), r.err)
  end)

  it("prints fd paths with -y", function()
    local r = H.revel({ "-y", "-e", "trace=openat,read,close" }, { "head", "-n1", "/etc/hostname" })
    assert.truthy(r.err:match('openat%(AT_FDCWD<[^>]+>, "/etc/hostname", O_RDONLY%) += %d+</etc/hostname>'), r.err)
    assert.truthy(r.err:match('read%(%d+</etc/hostname>, "'), r.err)
    assert.truthy(r.err:match('close%(%d+</etc/hostname>%)'), r.err)
  end)

  -- As strace /etc/hostname: the failed execve's line, the message, the end;
  -- nothing of revel's own after the exec (its write, its exit_group).
  it("prints a command that cannot be executed as strace, then exits 126", function()
    local r = H.revel({}, { "/etc/hostname" })
    assert.are.equal(126, r.code, r.err)
    local lines = {}
    for l in r.err:gmatch("[^\n]+") do
      lines[#lines + 1] = l
    end
    assert.are.equal(3, #lines, r.err)
    assert.truthy(lines[1]:match('^execve%("/etc/hostname", %["/etc/hostname"%], 0x%x+ /%* %d+ vars %*/%) += %-1 ENOEXEC %(Exec format error%)$'), r.err)
    assert.are.equal("revel: exec /etc/hostname: Exec format error", lines[2])
    assert.are.equal("+++ exited with 126 +++", lines[3])
  end)

  -- As strace -f: exit_group's line is whole ("= ?" at once, never cut and
  -- resumed), and a thread that dies in a call with arguments left for its
  -- exit ends it "<... read resumed> <unfinished ...>) = ?".
  it("ends the lines of threads that die in a call as strace", function()
    local out = H.track(H.tmpname())
    local r = H.revel({ "-f", "-o", out }, { H.guest("exit_group_blocked") })
    assert.are.equal(3, r.code, r.err)
    local t = H.slurp(out) or ""
    assert.truthy(t:match("\n%d+ +exit_group%(3%) += %?\n"), t)
    assert.falsy(t:find("exit_group resumed", 1, true), t)
    assert.falsy(t:match("<%.%.%. read resumed>%) += %?"), t)
    assert.falsy(t:match("read%(%d+, %) += %?"), t)
    local _, exits = t:gsub("%+%+%+ exited with 3 %+%+%+", "")
    assert.are.equal(5, exits, t)
  end)

  it("is documented in --help", function()
    local r = H.sh(H.q(H.bin) .. " --help")
    for _, opt in ipairs({ "-o FILE", "-e trace=SET", "--trace=SET", "-s N", "-c", "--json", "-y" }) do
      assert.truthy(r.out:find(opt, 1, true), opt)
    end
  end)
end)
