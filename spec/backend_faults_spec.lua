-- The fault matrix under both backends: each of strace's -e inject= specs of
-- spec/inject_spec.lua, made by one tool file (the spec's own inject.lua
-- below, a handler that counts each thread's calls as strace counts them),
-- gives the guest the same output under --backend=ptrace and
-- --backend=guest as under strace -e inject=. And the fault-injection
-- example tool (chaos.lua) leaves the foundation guests and real programs
-- as they are natively, under both backends.
local H = require("helpers.run")

after_each(H.cleanup)

local lib, have_lib = H.guest_lib, H.have_guest_lib

local probe = H.guest("inject_probe")

-- strace's SYSCALLS:error=E|retval=N:signal=S:when=EXPR, as a tool: the
-- calls of each thread are counted per syscall, and the Nth is faulted when
-- EXPR (first[..last][+step]) takes it in.
local inject_tool = [[
local tool = { options = { spec = "" } }
local SIG = { USR1 = 10, SIGUSR1 = 10 }
local function parse(spec)
  local r = { names = {} }
  local set, rest = spec:match("^([^:]+):(.*)$")
  for w in set:gmatch("[^,]+") do r.names[#r.names + 1] = w end
  for k, v in rest:gmatch("(%w+)=([^:]+)") do
    if k == "error" then r.err = tonumber(v) or revel.errno[v]
    elseif k == "retval" then r.retval = tonumber(v)
    elseif k == "signal" then r.sig = SIG[v]
    elseif k == "when" then
      local first, last, step = v:match("^(%d+)%.%.(%d+)%+(%d+)$")
      if not first then first, last = v:match("^(%d+)%.%.(%d+)$") end
      if not first then first, step = v:match("^(%d+)%+(%d*)$"); last = first and math.huge end
      if not first then first = v:match("^(%d+)$"); last = first end
      r.first, r.last, r.step = tonumber(first), tonumber(last), tonumber(step ~= "" and step or nil) or 1
    end
  end
  r.first, r.last, r.step = r.first or 1, r.last or math.huge, r.step or 1
  return r
end
function tool.init_process(_, config)
  return { rule = parse(config.spec) }
end
function tool.init_thread() return { n = {} } end
function tool.syscall(g, sc)
  local r, t = g.process.rule, g.thread
  local n = (t.n[sc.nr] or 0) + 1
  t.n[sc.nr] = n
  if n < r.first or n > r.last or (n - r.first) % r.step ~= 0 then return end
  if r.sig then g:inject(revel.sys.tgkill(g.pid, g.tid, r.sig)) end
  if r.err then return -r.err end
  if r.retval then return r.retval end
end
return tool
]]

local function tool_for(spec)
  local names = spec:match("^([^:]+)")
  local subs = {}
  for w in names:gmatch("[^,]+") do
    subs[#subs + 1] = ("%q"):format(w)
  end
  local line = "tool.subscriptions = { " .. table.concat(subs, ", ") .. " }\nreturn tool\n"
  return H.tool((inject_tool:gsub("return tool\n$", function()
    return line
  end)))
end

describe("the fault matrix", function()
  if not have_lib then
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
    return
  end
  -- spec/helpers/inject_cases.lua: the matrix of spec/inject_spec.lua, the
  -- rows this tool states (openat's and %file's counts start at the
  -- program's first call: the loader's calls are the tool's in the guest too)
  for _, case in ipairs(require("helpers.inject_cases")) do
    local spec = case.spec
    if case.tool then
      it("is the same under strace, --backend=ptrace and --backend=guest: " .. spec, function()
        local s = H.native({ "strace", "-f", "-o", "/dev/null", "-e", "inject=" .. spec, probe })
        assert.are.equal(0, s.code, s.err)
        local t = tool_for(spec)
        local p = H.revel({ "--backend=ptrace", t, "--spec", spec }, { probe })
        local g = H.revel({ "--backend=guest", t, "--spec", spec }, { probe })
        assert.are.equal(s.code, p.code, p.err)
        assert.are.equal(s.out, p.out, "ptrace")
        assert.are.equal(p.code, g.code, g.err)
        assert.are.equal(p.out, g.out, "guest")
        assert.are.equal("", g.err)
      end)
    end
  end
end)

describe("chaos.lua (every read one byte, each first interrupted and restarted)", function()
  if not have_lib then
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
    return
  end
  local chaos = H.example("chaos.lua")
  it("leaves the foundation guests' output and status as natively, under both backends", function()
    for _, name in ipairs({ "threads4", "forktree", "signals", "vfork_exec", "exec_thread" }) do
      local native = H.native({ H.guest(name) })
      local p = H.revel({ "--backend=ptrace", chaos }, { H.guest(name) })
      local g = H.revel({ "--backend=guest", chaos }, { H.guest(name) })
      assert.are.equal(native.code, p.code, name .. " under ptrace: " .. p.err)
      assert.are.equal(native.code, g.code, name .. " under guest: " .. g.err)
      assert.are.equal(native.out, p.out, name)
      assert.are.equal(native.out, g.out, name)
    end
  end)

  it("leaves real programs' output as natively, under both backends (cat, sort, tar, xz -T2, python3, git, make -j2)", function()
    local dir = H.tmpdir()
    for _, cmd in ipairs({
      "cd " .. dir .. " && printf 'all: a b\\na:\\n\\t@cat /etc/hostname > /dev/null; echo a\\nb:\\n\\t@echo b\\n' > Makefile && make -s -j2 | sort",
      "cat /etc/services | sha256sum",
      "sort -r /etc/services | head -3",
      "tar cf - -C " .. H.root .. " docs | tar tf - | sort | sha256sum",
      "xz -T2 -c " .. H.root .. "/docs/revel.1 | xz -d | sha256sum",
      "python3 -c 'import sys; print(len(open(\"/etc/services\").read()))'",
      "git -C " .. H.root .. " cat-file -p HEAD:README.md | sha256sum",
    }) do
      local native = H.native({ "sh", "-c", cmd })
      assert.are.equal(0, native.code, cmd .. ": " .. native.err)
      local p = H.revel({ "--backend=ptrace", chaos }, { "sh", "-c", cmd })
      local g = H.revel({ "--backend=guest", chaos }, { "sh", "-c", cmd })
      assert.are.equal(native.code, p.code, cmd .. " under ptrace: " .. p.err)
      assert.are.equal(native.out, p.out, cmd)
      assert.are.equal(native.code, g.code, cmd .. " under guest: " .. g.err)
      assert.are.equal(native.out, g.out, cmd)
    end
  end)
end)
