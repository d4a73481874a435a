-- Small frictions of issue 11: every long option with a value takes it after
-- "=" or as the next word (getopt_long's two forms), a tool's print comes
-- out in order with the guest's own output, and a bare class name in a set
-- points at its "%class".
local H = require("helpers.run")

after_each(H.cleanup)

describe("long options take --name=VALUE and --name VALUE alike", function()
  -- Each case: the option's words in both forms and what both must print
  -- (the same stdout, stderr and status); a file the option writes is read
  -- back as part of the output.
  local probe = H.guest("inject_probe")

  local function run(words, argv, written)
    if written then
      os.remove(written)
    end
    local r = H.sh(H.words({ H.bin, unpack(words) }) .. " -- " .. H.words(argv))
    if written then
      r.file = H.slurp(written)
    end
    -- pids and guest addresses move between runs
    r.err = r.err:gsub("(getppid%(%)%s*= )%d+", "%1PPID")
    r.file = r.file and r.file:gsub('"pid":%d+', ""):gsub('"tid":%d+', ""):gsub('"pathname":%d+', "")
    return r
  end

  local cases = {
    { "rule", "openat:path=/nonexistent-revel*:error=EACCES", { "cat", "/nonexistent-revel-x" },
      pre = { "-e", "trace=openat" } },
    { "inject", "getppid:retval=42", { probe }, pre = { "-e", "trace=getppid" } },
    { "fault", "getppid", { probe }, pre = { "-e", "trace=getppid" } },
    { "on-error", "continue", { "true" }, tool = "tool.on.getppid = function() error('boom') end" },
    { "seed", "7", { probe }, pre = { "--rule=getppid:p=0.5:error=EPERM", "-e", "trace=getppid" } },
    { "lua-memory", "64M", { "true" }, tool = "" },
    { "spin", "0", { "true" } },
    { "string-limit", "4", { "cat", "/etc/hostname" }, pre = { "-e", "trace=read" } },
    { "trace", "getppid", { probe }, pre = {} },
    { "env", "REVEL_FRICTION=1", { "sh", "-c", "echo $REVEL_FRICTION" } },
    { "interruptible", "3", { "true" } },
    { "user", "nobody", { "id", "-u" } },
  }

  for _, c in ipairs(cases) do
    it("--" .. c[1], function()
      local function words(form)
        local w = {}
        -- the default tool quiet unless the case traces something stable
        local pre = c.pre or (not c.tool and { "-qq", "-e", "trace=none" }) or {}
        for _, p in ipairs(pre) do
          w[#w + 1] = p
        end
        if form == "=" then
          w[#w + 1] = "--" .. c[1] .. "=" .. c[2]
        else
          w[#w + 1] = "--" .. c[1]
          w[#w + 1] = c[2]
        end
        if c.tool then
          w[#w + 1] = "-l"
          w[#w + 1] = c.tool
        end
        return w
      end
      local a = run(words("="), c[3])
      local b = run(words(" "), c[3])
      assert.are.equal(a.code, b.code, b.err)
      assert.are.equal(a.out, b.out)
      assert.are.equal(a.err, b.err)
      assert.is_nil(b.err:match("^revel: [^\n]*option"), b.err)
    end)
  end

  it("--fault-log and --replay", function()
    local log = H.tmppath("faults.jsonl")
    local rule = "--rule=openat:path=/etc/host*:error=EACCES"
    local a = run({ rule, "--fault-log=" .. log, "-qq", "-e", "trace=none" }, { "cat", "/etc/hostname" }, log)
    local b = run({ rule, "--fault-log", log, "-qq", "-e", "trace=none" }, { "cat", "/etc/hostname" }, log)
    assert.are.equal(1, a.code, a.err)
    assert.truthy(a.file:match('"error":"EACCES"'), a.file)
    assert.are.same({ a.code, a.out, a.file }, { b.code, b.out, b.file })
    local c = run({ "--replay", log, "-qq", "-e", "trace=none" }, { "cat", "/etc/hostname" })
    local d = run({ "--replay=" .. log, "-qq", "-e", "trace=none" }, { "cat", "/etc/hostname" })
    assert.are.equal(1, c.code, c.err)
    assert.are.same({ c.code, c.out, c.err }, { d.code, d.out, d.err })
  end)
end)

describe("a tool's print", function()
  it("comes out in order with the guest's writes to the same file", function()
    local t = H.tool([[
return { on = { write = function(g, sc) if sc.fd == 1 then print("tool: a write") end end } }
]])
    -- print writes to revel.out (stderr here), the guest to its stdout: one file.
    local out = H.tmppath("out")
    local r = H.sh(H.words({ H.bin, t, "--", "sh", "-c", "echo one; echo two" }) .. " > " .. H.q(out) .. " 2>&1")
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("tool: a write\none\ntool: a write\ntwo\n", H.slurp(out))
    -- through a pipe as well
    r = H.sh(H.words({ H.bin, t, "--", "sh", "-c", "echo one; echo two" }) .. " 2>&1 | cat")
    assert.are.equal("tool: a write\none\ntool: a write\ntwo\n", r.out)
  end)
end)

describe("a bare class name", function()
  it("in subscriptions points at its %class", function()
    local t = H.tool('return { subscriptions = { "file" }, syscall = function() end }')
    local r = H.revel({ t }, { "true" })
    assert.are.equal(125, r.code)
    assert.truthy(r.err:find('unknown syscall "file" in the subscriptions of ' .. t
      .. ' (did you mean "%file" (the class)', 1, true), r.err)
    assert.are.equal(1, select(2, r.err:gsub("\n", "")))
  end)

  it("in a --rule's set does too; a syscall's name still gets close names only", function()
    local r = H.revel({ "--rule=network:error=EPERM" }, { "true" })
    assert.are.equal(125, r.code)
    assert.truthy(r.err:find('unknown syscall "network" (did you mean "%network" (the class)', 1, true), r.err)
    r = H.revel({ "--rule=opnat:error=EPERM" }, { "true" })
    assert.are.equal(125, r.code)
    assert.is_nil(r.err:find("(the class)", 1, true), r.err)
    assert.truthy(r.err:find("openat", 1, true), r.err)
  end)
end)
