-- A fault log is data from outside: --replay checks every record before the
-- guest starts, and a bad one is one line naming the file, the line and the
-- field, exit 125. A seeded mutation pass over a real log: every mutant
-- replays cleanly or is refused in one line, never a traceback (issue 10).
local H = require("helpers.run")
require("revel") -- registers the embedded library
local json = require("revel._json")

after_each(H.cleanup)

local probe = H.guest("replay_probe")

-- Rules that give a log with every kind of action (the signal is one the
-- guest handles; the delay is short).
local RULES = {
  "--rule=openat:path=/etc/hostname:error=EACCES:nth=2",
  "--rule=read:path=/etc/hostname:short=3:nth=3",
  "--rule=getppid:retval=7:nth=2",
  "--rule=chdir:eintr:nth=3",
  "--rule=write:path=/dev/null:error=ENOSPC:nth=4",
  "--rule=write:path=/dev/null:delay=1ms:nth=2",
  "--rule=getppid:signal=SIGUSR1:nth=4",
}

-- The guest's output and a log of the faults the rules injected.
local function record()
  local log = H.tmppath("faults.jsonl")
  local words = { H.bin, "-o", "/dev/null" }
  for _, r in ipairs(RULES) do
    words[#words + 1] = r
  end
  for _, w in ipairs({ "--fault-log=" .. log, "--", probe }) do
    words[#words + 1] = w
  end
  local r = H.sh(H.words(words))
  assert.are.equal(0, r.code, r.err)
  return r, log
end

-- (no core file, whatever a mutant does to the guest)
local function replay(log, tool)
  if tool then
    return H.sh("ulimit -c 0; " .. H.words({ H.bin, "--replay=" .. log, tool, "--", probe }))
  end
  return H.sh("ulimit -c 0; " .. H.words({ H.bin, "-o", "/dev/null", "--replay=" .. log, "--", probe }))
end

-- One line on stderr, "revel: ..." and no Lua internals.
local function one_line(err)
  return err:match("^revel: [^\n]+\n$") ~= nil and not err:lower():find("traceback")
    and not err:lower():find("stack traceback")
end

describe("a fault log", function()
  it("replays natively's output with no faults, and the recorded faults exactly", function()
    local n = H.native({ probe })
    assert.are.equal(0, n.code, n.err)
    local plain = H.revel({ "-o", "/dev/null" }, { probe })
    local noop = H.revel({ H.example("noop.lua") }, { probe })
    assert.are.equal(n.out, plain.out)
    assert.are.equal(n.out, noop.out)
    local rec, log = record()
    assert.are_not.equal(n.out, rec.out) -- the faults show
    for _, tool in ipairs({ false, H.example("noop.lua") }) do
      local r = replay(log, tool or nil)
      assert.are.equal(0, r.code, r.err)
      assert.are.equal(rec.out, r.out)
      assert.are.equal("", r.err)
    end
  end)

  local GOOD = '{"action":{"error":"EACCES"},"call":{"name":"chdir"},"index":1,"place":"1"}'
  local function rec(action, over)
    local t = { action = action, call = { name = "openat" }, index = 1, place = "1" }
    for k, v in pairs(over or {}) do
      t[k] = v
    end
    return json.encode(t)
  end
  local cases = {
    { rec({ error = "EBOGUS" }), '"error": unknown errno "EBOGUS"' },
    { rec({ error = -1 }), '"error": unknown errno -1' },
    { rec({ error = 0 }), '"error": unknown errno 0' },
    { rec({ signal = "SIGFOO" }), '"signal": unknown signal "SIGFOO"' },
    { rec({ signal = 65 }), '"signal": unknown signal 65' },
    { rec({ eintr = 1 }), '"eintr": 1 is not true' },
    { rec({ short = -3 }), '"short": -3 is not a byte count' },
    { rec({ short = "3" }), '"short": "3" is not a byte count' },
    { rec({ delay = -5 }), '"delay": -5 is not a time (10ms, 250us, 1.5s)' },
    { rec({ delay = "1e300s" }), '"delay": "1e300s" is not a time (10ms, 250us, 1.5s)' },
    { rec({ retval = 0.5 }), '"retval": 0.5 is not an integer result' },
    { rec({ error = "EIO", delay = "1ms" }), '"action": two actions, ' },
    { rec({ bogus = 1 }), '"action": unknown action "bogus"' },
    { rec({}), '"action": no action' },
    { rec("EIO"), '"action": "EIO" is not an object' },
    { rec({ error = "EIO" }, { call = "openat" }), '"call": "openat" is not an object' },
    { rec({ error = "EIO" }, { call = { name = 257 } }), '"call.name": 257 is not a syscall name' },
    { rec({ error = "EIO" }, { call = { text = "x" } }), '"call.name": missing' },
    { rec({ error = "EIO" }, { call = { name = "opnat" } }), '"call.name": unknown syscall "opnat"' },
    { rec({ error = "EIO" }, { index = "1" }), '"index": "1" is not a call count' },
    { rec({ error = "EIO" }, { index = 0 }), '"index": 0 is not a call count' },
    { rec({ error = "EIO" }, { index = 1.5 }), '"index": 1.5 is not a call count' },
    { rec({ error = "EIO" }, { place = 1 }), '"place": 1 is not a thread\'s place' },
    { rec({ error = "EIO" }, { place = {} }), '"place": {} is not a thread\'s place' },
    { rec({ error = "EIO" }, { pid = "x" }), '"pid": "x" is not a process id' },
    { '{"action":{"error":"EIO"},"call":{"name":"openat"},"place":"1"}', '"index": missing' },
    { '{"action":{"error":"EIO"},"call":{"name":"op', "not a revel fault record (JSON: unterminated string" },
    { "[1,2]", '"place": missing' },
    { "null", "not a revel fault record" },
    { rec({ retval = "x\ny" }), '"retval": "x\\x0ay" is not an integer result' },
  }
  for i, c in ipairs(cases) do
    it("refuses a bad record before the guest starts, in one line: " .. i .. " " .. c[2], function()
      local log = H.file(GOOD .. "\n\n" .. c[1] .. "\n", "faults.jsonl")
      for _, tool in ipairs({ false, H.example("noop.lua") }) do
        local r = replay(log, tool or nil)
        assert.are.equal(125, r.code, r.err)
        assert.are.equal("", r.out) -- the guest never ran
        assert.truthy(one_line(r.err), r.err)
        local want = ("revel: %s:3: %s"):format(log, c[2])
        assert.are.equal(want, r.err:sub(1, #want))
      end
    end)
  end

  it("a directory or a missing file: one line, exit 125", function()
    local r = replay(H.tmpdir())
    assert.are.equal(125, r.code)
    assert.are.equal(("revel: cannot read the fault log %s: Is a directory\n"):format(H.tmpdir()), r.err)
    r = replay(H.tmpdir() .. "/none.jsonl")
    assert.are.equal(125, r.code)
    assert.are.equal(("revel: cannot open the fault log %s/none.jsonl: No such file or directory\n")
      :format(H.tmpdir()), r.err)
  end)
end)

-- ---- mutations ----

-- xorshift32: the same seed, the same mutants on every machine and LuaJIT.
local function prng(seed)
  local s = bit.tobit(seed ~= 0 and seed or 1)
  return function(n)
    s = bit.bxor(s, bit.lshift(s, 13))
    s = bit.bxor(s, bit.rshift(s, 17))
    s = bit.bxor(s, bit.lshift(s, 5))
    return (s % 4294967296) % n + 1
  end
end

-- Values of every JSON type. No number from 1 to 64 nor a time over a
-- millisecond, so that a mutant that is valid neither kills the guest nor
-- stalls the run.
local VALUES = { 77, -1, 0, 0.5, -5, 1e300, 2 ^ 63, "77", "", "EBOGUS", "-5", "1e300s", "SIGFOO",
  true, false, {}, { 1, 2 }, { error = "EIO" }, "json:null" }

-- The (nested) keys of a record, as paths.
local function paths(t, pre, out)
  for k, v in pairs(t) do
    local p = pre and (pre .. "." .. k) or k
    out[#out + 1] = p
    if type(v) == "table" then
      paths(v, p, out)
    end
  end
  return out
end

local function set_at(t, path, v)
  local head, rest = path:match("^([^.]+)%.(.+)$")
  if head then
    return set_at(t[head], rest, v)
  end
  if v == "json:null" then
    v = nil
  end
  t[path] = v
end

-- One structural change to a decoded record.
local function change(t, rnd, kind)
  local keys = paths(t, nil, {})
  table.sort(keys) -- pairs' order is not the seed's
  local path = keys[rnd(#keys)]
  if kind == 3 then -- a field dropped
    set_at(t, path, nil)
  elseif kind == 4 then -- another type, or a bogus value
    set_at(t, path, VALUES[rnd(#VALUES)])
  elseif type(t.action) == "table" and next(t.action) ~= nil then -- the action renamed
    -- (never to signal: a byte count or a result as a signal number could
    -- be one that kills the guest)
    local names = { "error", "retval", "short", "delay", "eintr", "bogus" }
    local k = next(t.action)
    local v = t.action[k]
    t.action[k] = nil
    t.action[names[rnd(#names)]] = v
  end
end

local function mutate(line, rnd)
  local ok, t = pcall(json.decode, line)
  local kind = rnd(6)
  if kind == 1 or not ok or type(t) ~= "table" or next(t) == nil then -- cut short
    return line:sub(1, rnd(#line + 1) - 1)
  elseif kind == 2 then -- a byte changed (no digit: "1ms" must not become "10s")
    local chars = '{}[]":,ax\\-'
    local i, k = rnd(#line), rnd(#chars)
    return line:sub(1, i - 1) .. chars:sub(k, k) .. line:sub(i + 1)
  elseif kind == 6 then -- two changes
    change(t, rnd, 2 + rnd(3))
    change(t, rnd, 2 + rnd(3))
  else
    change(t, rnd, kind)
  end
  return json.encode(t)
end

describe("mutated fault logs", function()
  local seed = tonumber(os.getenv("REVEL_MUTATION_SEED") or "") or 20261202
  local count = tonumber(os.getenv("REVEL_MUTATIONS") or "") or 120

  it(("replay cleanly or are refused in one line (%d mutants, seed %d)"):format(count, seed), function()
    local _, log = record()
    local lines = {}
    for l in io.lines(log) do
      lines[#lines + 1] = l
    end
    assert.are.equal(7, #lines) -- one of each rule
    local rnd = prng(seed)
    local refused, replayed = 0, 0
    for i = 1, count do
      local out = {}
      for j, l in ipairs(lines) do
        out[j] = l
      end
      for _ = 1, rnd(3) do -- mutate one to three lines
        local j = rnd(#out)
        out[j] = mutate(out[j], rnd)
      end
      local mutant = H.file(table.concat(out, "\n") .. "\n", "mutant.jsonl")
      local r = replay(mutant, (i % 2 == 0) and H.example("noop.lua") or nil)
      local what = ("mutant %d (seed %d):\n%s\n-> exit %s, stderr:\n%s"):format(i, seed,
        table.concat(out, "\n"), tostring(r.code), r.err)
      assert.falsy(r.err:lower():find("traceback") or r.err:lower():find("stack traceback"), what)
      if r.code == 125 then
        refused = refused + 1
        assert.truthy(one_line(r.err), what)
        assert.truthy(r.err:find("revel: " .. mutant .. ":", 1, true), what)
        assert.are.equal("", r.out, what)
      else
        replayed = replayed + 1
        assert.falsy(r.err:find("revel:", 1, true), what)
      end
      os.remove(mutant)
    end
    -- The mutations reach both outcomes.
    assert.truthy(refused > count / 4, refused)
    assert.truthy(replayed > 0, replayed)
  end)
end)
