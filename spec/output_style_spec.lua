-- Output style options (issue 11): bad values said as strace says them,
-- exit 125, no guest left; what a spec row cannot see (strace_lines/style.lua
-- has the traces).
local H = require("helpers.run")

after_each(function()
  H.cleanup()
end)

describe("output style options", function()
  it("bad values are one line with strace's message, exit 125", function()
    for _, case in ipairs({
      { { "-a", "x" }, "invalid -a argument: 'x'" },
      { { "-a", "-1" }, "invalid -a argument: '-1'" },
      { { "-a", "99999999999" }, "invalid -a argument: '99999999999'" },
      { { "--columns=" }, "invalid --columns argument: ''" },
      { { "-X", "foo" }, "invalid -X argument: 'foo'" },
      { { "--const-print-style=foo" }, "invalid --const-print-style argument: 'foo'" },
      { { "--strings-in-hex=foo" }, "invalid --strings-in-hex argument: 'foo'" },
      { { "-e", "raw=foo" }, "invalid system call 'foo'" },
      { { "--raw=%bogus" }, "invalid system call '%bogus'" },
      { { "-e", "x=nosuchcall" }, "invalid system call 'nosuchcall'" },
      { { "-e", "read=x" }, "invalid descriptor 'x'" },
      { { "-e", "write=-1" }, "invalid descriptor '-1'" },
      { { "--read=" }, "invalid descriptor ''" },
      { { "-e", "r=3,z" }, "invalid descriptor 'z'" },
      { { "--decode-fds=foo" }, "invalid decode-fds 'foo'" },
      { { "--decode-pids=foo" }, "invalid decode-pids 'foo'" },
      { { "--decode-pids=comm,foo" }, "invalid decode-pids 'foo'" },
      { { "--decode-pids=!bar" }, "invalid decode-pids 'bar'" },
    }) do
      local r = H.revel(case[1], { "true" })
      assert.are.equal(125, r.code, table.concat(case[1], " "))
      assert.are.equal("revel: " .. case[2] .. "\n", r.err)
    end
  end)

  it("-A without -o is said, as strace says it, and the trace runs", function()
    local r = H.revel({ "-A", "-e", "trace=exit_group" }, { "true" })
    assert.are.equal(0, r.code)
    assert.are.equal("revel: -A/--output-append-mode has no effect without -o/--output\n"
      .. "exit_group(0)                           = ?\n+++ exited with 0 +++\n", r.err)
  end)

  it("-A appends to -o FILE; without it FILE is truncated", function()
    local out = H.tmppath("append.out")
    for _, words in ipairs({ { "-A" }, { "--output-append-mode" } }) do
      os.remove(out)
      for _ = 1, 2 do
        local w = { "-o", out, "-e", "trace=exit_group", unpack(words) }
        assert.are.equal(0, H.revel(w, { "true" }).code)
      end
      local line = "exit_group(0)                           = ?\n+++ exited with 0 +++\n"
      assert.are.equal(line .. line, H.slurp(out))
      assert.are.equal(0, H.revel({ "-o", out, "-e", "trace=exit_group" }, { "true" }).code)
      assert.are.equal(line, H.slurp(out))
    end
  end)

  it("-A with -ff -o NAME appends to each NAME.TID", function()
    local dir = H.tmppath("ff")
    os.execute("mkdir -p " .. H.q(dir))
    local name = dir .. "/t"
    for _ = 1, 2 do
      assert.are.equal(0, H.revel({ "-A", "-ff", "-o", name, "-e", "trace=exit_group" }, { "true" }).code)
    end
    local p = io.popen("cat " .. H.q(dir) .. "/t.*")
    local text = p:read("*a")
    p:close()
    local _, n = text:gsub("exit_group%(0%)", "")
    assert.are.equal(2, n, text)
  end)

  it("-Y names the pids of -f's prefix, as strace: 1234<sh> with -o, [pid 1234<sh>] without", function()
    local out = H.tmppath("y.out")
    local argv = { "sh", "-c", "/bin/true; echo x > /dev/null" }
    local r = H.revel({ "-Y", "-f", "-o", out, "-e", "trace=exit_group" }, argv)
    assert.are.equal(0, r.code, r.err)
    local text = H.slurp(out)
    assert.truthy(text:match("\n%d+<true> +exit_group%(0%)") or text:match("^%d+<true> +exit_group%(0%)"), text)
    assert.truthy(text:match("\n%d+<sh> +%+%+%+ exited with 0 %+%+%+\n$"), text)
    r = H.revel({ "-Y", "-f", "-e", "trace=exit_group" }, argv)
    assert.truthy(r.err:match("%[pid +%d+<true>%] exit_group%(0%)"), r.err)
    assert.truthy(r.err:match("getpid") == nil, r.err)
  end)

  it("style options belong to the default tool", function()
    for _, words in ipairs({ { "-a", "10" }, { "-xx" }, { "-X", "raw" }, { "-e", "read=1" } }) do
      local w = { unpack(words) }
      w[#w + 1] = "-l"
      w[#w + 1] = "tool.on.getpid = function() end"
      local r = H.revel(w, { "true" })
      assert.are.equal(125, r.code, table.concat(words, " "))
      assert.truthy(r.err:match("is an option of the default tool"), r.err)
    end
  end)
end)
