-- strace's own options -d/--debug and --tips (issue 11): the command lines
-- strace takes run under revel, with revel's own debug lines and tips.
local H = require("helpers.run")

after_each(function()
  H.cleanup()
end)

local GUEST = { "sh", "-c", "echo hi; exit 3" }

-- The "revel: [wait(...)]" lines of a stderr text.
local function waits(err)
  local t = {}
  for l in err:gmatch("[^\n]+") do
    if l:match("^revel: %[wait%(") then
      t[#t + 1] = l
    end
  end
  return t
end

describe("-d, --debug", function()
  it("writes each wait status revel decodes; the guest and the trace are as without", function()
    local native = H.native(GUEST)
    assert.are.equal(3, native.code)
    local s = H.native({ "strace", "-d", "-o", "/dev/null", unpack(GUEST) })
    assert.are.equal(3, s.code) -- strace takes the same command line
    local plain_trace = H.tmppath("plain")
    local plain = H.revel({ "-o", plain_trace }, GUEST)
    assert.are.same({}, waits(plain.err))
    for _, opt in ipairs({ "-d", "--debug" }) do
      local trace = H.tmppath("trace")
      local r = H.revel({ opt, "-o", trace }, GUEST)
      assert.are.equal(native.code, r.code, r.err)
      assert.are.equal(native.out, r.out)
      local w = waits(r.err)
      assert.truthy(#w >= 3, r.err)
      for _, l in ipairs(w) do
        assert.truthy(l:match("^revel: %[wait%(0x%x%x%x%x%x%x%) = %d+%] WIF"), l)
      end
      local all = table.concat(w, "\n")
      assert.truthy(all:find("WIFSTOPPED,sig=SIGTRAP,EVENT_EXEC (4)", 1, true), all)
      assert.truthy(all:find("WIFSTOPPED,sig=SIGTRAP,EVENT_SECCOMP (7)", 1, true), all)
      assert.truthy(w[#w]:match("%] WIFEXITED,exitcode=3$"), w[#w])
      -- the calls traced are the same (pids and addresses aside)
      local function names(path)
        local t = {}
        for l in (H.slurp(path) or ""):gmatch("[^\n]+") do
          t[#t + 1] = l:match("^([%w_]+)%(") or l:match("^%+%+%+ .*")
        end
        return t
      end
      assert.are.same(names(plain_trace), names(trace))
    end
  end)
end)

describe("--tips", function()
  -- A tip's lines in the compact format, without their prefix.
  local function tip(id)
    local r = H.revel({ "--tips=id:" .. id .. ",format:compact", "-o", "/dev/null" }, { "true" })
    assert.are.equal(0, r.code, r.err)
    local t = {}
    for l in r.err:gmatch("[^\n]+") do
      t[#t + 1] = assert(l:match("^revel tip: (.*)$"), l)
    end
    assert.truthy(#t > 0)
    return table.concat(t, "\n")
  end

  it("prints a tip after the guest's output; format full, compact or none", function()
    local r = H.revel({ "--tips" }, { "sh", "-c", "echo out; echo err >&2" })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("out\n", r.out)
    local box = r.err:match("\n(  __+\n /.*revel tip\n)$")
    assert.truthy(box, r.err)
    assert.truthy(r.err:find("err\n", 1, true) < r.err:find(box, 1, true))
    r = H.revel({ "--tips=format:none", "-o", "/dev/null" }, { "true" })
    assert.are.equal("", r.err)
    local full = H.revel({ "--tips=2", "-o", "/dev/null" }, { "true" }).err
    for l in tip(2):gmatch("[^\n]+") do
      assert.truthy(full:find("| " .. l, 1, true), full)
    end
  end)

  it("takes ids modulo the number of tips, and every command a tip shows runs", function()
    local seen, n = {}, 0
    while not seen[tip(n)] do
      seen[tip(n)] = n
      n = n + 1
    end
    assert.truthy(n >= 5, n)
    assert.are.equal(tip(1), tip(n + 1))
    local ran = 0
    for text in pairs(seen) do
      for cmd in text:gmatch("\n?  (revel [^\n]+)") do
        local r = H.sh(H.q(H.bin) .. cmd:sub(#"revel" + 1))
        -- the rule's example makes cat fail (EACCES), as it means to
        local want = cmd:find("error=EACCES", 1, true) and 1 or 0
        assert.are.equal(want, r.code, cmd .. "\n" .. r.err)
        ran = ran + 1
      end
    end
    assert.truthy(ran >= 3, ran)
  end)

  it("refuses what strace refuses, in one line, exit 125", function()
    for _, v in ipairs({ "bogus", "id:x", "format:huge", "id:1,color:red" }) do
      local s = H.native({ "strace", "--tips=" .. v, "true" })
      assert.are_not.equal(0, s.code, v)
      local r = H.revel({ "--tips=" .. v }, { "true" })
      assert.are.equal(125, r.code, v)
      assert.are.equal(("revel: invalid --tips argument: '%s'\n"):format(v), r.err)
    end
  end)
end)
