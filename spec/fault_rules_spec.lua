-- One rule model: a --rule a C check decides (no path=, place= or p=) runs in
-- the engine, as -e inject= rules do, so the default tool keeps its C path;
-- what the guest and the trace show is what the Lua layer gives.
local revel = require("revel")
local rffi = require("revel.ffi")
local H = require("helpers.run")

local fault = revel.fault
local probe = H.guest("inject_probe")

describe("which --rule rules the engine runs (fault.split)", function()
  local specs = {
    "getppid:nth=2:error=EPERM",       -- 1: engine
    "openat:path=/etc/*:error=EACCES", -- 2: a path glob: Lua
    "read:fd=0:short=1",               -- 3: engine
    "openat,chdir:fd=3:error=EIO",     -- 4: shares openat with 2: Lua
    "chdir:size=1:retval=0",           -- 5: shares chdir with 4: Lua
    "write:p=0.5:error=EIO",           -- 6: p: Lua
  }
  local function rules()
    local out = {}
    for i, s in ipairs(specs) do
      out[i] = fault.parse(s)
    end
    return out
  end
  local function kept(lua_rules)
    local out = {}
    for _, r in ipairs(lua_rules) do
      out[#out + 1] = r.spec
    end
    return out
  end

  it("those with only conditions a C check decides, and no syscall shared with Lua's", function()
    local lua_rules, engine = fault.split(rules())
    assert.are.same({ specs[1], specs[3] }, engine)
    assert.are.same({ specs[2], specs[4], specs[5], specs[6] }, kept(lua_rules))
  end)

  it("none that shares a syscall with an -e inject= rule", function()
    local _, engine = fault.split(rules(), { inject_set = { [rffi.numbers.read] = true }, ninjects = 1 })
    assert.are.same({ specs[1] }, engine)
  end)

  it("none with a fault log or a replay: Lua writes every line", function()
    assert.are.same({}, select(2, fault.split(rules(), { log = "x" })))
    assert.are.same({}, select(2, fault.split(rules(), { replay = "x" })))
  end)
end)

-- The trace without what differs from run to run (addresses, pids, random
-- bytes, and the probe's read of /proc/self/stat: how many of its fields fit
-- in the 32 bytes shown depends on how many digits the pids have).
local function steady(trace)
  local out = {}
  for line in trace:gmatch("[^\n]+") do
    if not line:match("^getrandom") then
      out[#out + 1] = line:gsub('^read%((%d+), "%d+ %(inject_probe%).-"', 'read(%1, "STAT"')
        :gsub("0x%x+", "X"):gsub("%d%d%d+", "N"):gsub(" +", " ")
    end
  end
  return out
end

describe("an engine-run --rule under the default tool", function()
  local rules = { "--rule=getppid:nth=2..3:error=EPERM", "--rule=write:fd=1:size=16:nth=1:short=4",
    "--rule=chdir:nth=1:eintr" }

  it("marks its calls (INJECTED), traces the rest, as the Lua layer does", function()
    local engine = H.revel(rules, { probe })
    local log = H.tmpname()
    local pre = { "--fault-log=" .. log } -- a log keeps every rule in Lua
    for _, r in ipairs(rules) do
      pre[#pre + 1] = r
    end
    local lua = H.revel(pre, { probe })
    assert.are.equal(0, engine.code, engine.err)
    assert.are.equal(lua.code, engine.code)
    assert.are.equal(lua.out, engine.out)
    assert.truthy(engine.out:find("getppid: ppid\ngetppid: -1 EPERM\ngetppid: -1 EPERM\ngetppid: ppid\n", 1, true),
      engine.out)
    assert.are.same(steady(lua.err), steady(engine.err))
    local injected, plain = 0, 0
    for line in engine.err:gmatch("getppid%(%)[^\n]*") do
      if line:find("= -1 EPERM (Operation not permitted) (INJECTED)", 1, true) then
        injected = injected + 1
      else
        plain = plain + 1
      end
    end
    assert.are.equal(2, injected, engine.err)
    assert.are.equal(4, plain, engine.err)
    -- short=4: the call as the guest made it, its result cut
    local trace = table.concat(steady(engine.err), "\n")
    assert.truthy(trace:find('write(1, "getppid: -1 EPERM\\n", 18) = 4', 1, true), trace)
    assert.are.equal(3, select(2, engine.err:gsub('chdir%("/tmp"%)', "")), engine.err)
    local n = 0
    for _ in io.lines(log) do
      n = n + 1
    end
    assert.are.equal(4, n) -- two EPERM, one short, one eintr: no line lost
    os.remove(log)
  end)
end)
