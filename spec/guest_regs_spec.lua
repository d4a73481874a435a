-- g:regs, g:set_regs and g:alloc under --backend=ptrace and --backend=guest:
-- the same tool, the same program, the same output and exit status (in the
-- guest the registers come from the SIGSYS frame or from what a rewritten
-- site saved; the memory from an mmap the guest runs itself).
local H = require("helpers.run")

after_each(H.cleanup)

local lib = (H.bin:gsub("/[^/]*$", "")) .. "/guest/librevel_guest.so"
local have_lib = io.open(lib, "rb")
if have_lib then
  have_lib:close()
end

local function both(tool, argv)
  local out = {}
  for _, b in ipairs({ "ptrace", "guest" }) do
    out[b] = H.revel({ "--backend=" .. b, H.tool(tool) }, argv)
  end
  return out.ptrace, out.guest
end

describe("g:regs and g:set_regs under both backends", function()
  if not have_lib then
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
    return
  end

  it("give regs_check's register patterns at its raw getppid, and a changed rbx reaches it", function()
    local tool = [[
local tool = { on = {} }
local N = "rdi rsi rdx r10 r8 r9 rbx rbp r12 r13 r14 r15 orig_rax rax cs ss"
function tool.on.getppid(g, sc)
  local r = assert(g:regs())
  if r.rbx ~= 0x6666a5a55a5a0007 then return end -- libc's getppid, later
  local t = {}
  for f in N:gmatch("%S+") do t[#t + 1] = ("%s=%.0f"):format(f, r[f]) end
  io.stderr:write(table.concat(t, " "), "\n")
  io.stderr:write(("rcx is rip: %s; rip, rsp, fs_base set: %s %s %s; args are sc's: %s\n"):format(
    tostring(r.rcx == r.rip), tostring(r.rip > 0), tostring(r.rsp > 0), tostring(r.fs_base > 0),
    tostring(r.r9 == sc.args[6])))
  assert(g:set_regs({ rbx = 4660 }))
  io.stderr:write(("rbx now %.0f\n"):format(g:regs().rbx))
end
function tool.exit_process(g)
  io.stderr:write(("outside a handler: %s %s\n"):format(g:regs()))
end
return tool
]]
    local native = H.native({ H.guest("regs_check") })
    assert.are.equal(0, native.code)
    local p, g = both(tool, { H.guest("regs_check") })
    assert.are.equal(1, p.code, p.err) -- rbx changed, as the tool asked
    assert.truthy(p.out:match("^rbx changed: expected 0x6666a5a55a5a0007 got 0x0000000000001234\n"), p.out)
    assert.truthy(p.err:find("rcx is rip: true; rip, rsp, fs_base set: true true true; args are sc's: true\n", 1, true), p.err)
    assert.truthy(p.err:find("rbx now 4660\n", 1, true), p.err)
    assert.are.equal(p.code, g.code, g.err)
    assert.are.equal(p.out, g.out)
    local function regs_line(s)
      return s:match("rdi=[^\n]*\n")
    end
    assert.truthy(regs_line(p.err), p.err)
    assert.are.equal(regs_line(p.err), regs_line(g.err))
    assert.truthy(g.err:find("rcx is rip: true; rip, rsp, fs_base set: true true true; args are sc's: true\n", 1, true), g.err)
    assert.truthy(g.err:find("rbx now 4660\n", 1, true), g.err)
    assert.truthy(g.err:find("outside a handler: nil EBUSY\n", 1, true), g.err)
  end)

  it("read the same at every call of a loop (trapped, then from the rewritten site), and change nothing when given the same values", function()
    local tool = [[
local tool = { on = {} }
function tool.init_process() return { ok = 0, refused = 0 } end
function tool.on.getppid(g, sc)
  local r = assert(g:regs())
  -- rax as ptrace shows it at the stop: -ENOSYS, unsigned
  if r.orig_rax == 110 and r.rax == 2 ^ 64 - 38 and r.rcx == r.rip and r.cs == 51 and r.ss == 43 and r.fs_base > 0 then
    g.process.ok = g.process.ok + 1
  end
  assert(g:set_regs({ rip = r.rip, cs = 51 })) -- the same values: nothing changes
  if revel.backend == "guest" then -- the guest changes no segment register
    local ok, e = g:set_regs({ cs = 35 })
    assert(ok == nil and e == "EOPNOTSUPP", tostring(e))
  end
end
function tool.exit_process(g)
  io.stderr:write(("%d calls read right\n"):format(g.process.ok))
end
return tool
]]
    local p, g = both(tool, { H.guest("getppid_loop"), "50" })
    assert.are.equal(0, p.code, p.err)
    assert.truthy(p.err:find("50 calls read right\n", 1, true), p.err)
    assert.are.equal(0, g.code, g.err)
    assert.are.equal(p.out, g.out)
    assert.truthy(g.err:find("50 calls read right\n", 1, true), g.err)
  end)
end)

describe("g:alloc under both backends", function()
  if not have_lib then
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. lib)
    return
  end

  it("prefix.lua's block: one per process, written once, lives across calls and forks", function()
    local tool = [[
local revel = require("revel")
local tool = { on = {} }
function tool.on.write(g, sc)
  if sc.fd ~= 1 then return end
  local p = g.process
  if not p.block then
    p.block = assert(g:alloc(2))
    g:write(p.block, "> ")
  end
  g:inject(revel.sys.write{ fd = 1, buf = p.block, count = 2 })
end
function tool.post_exec(g) g.process.block = nil end
return tool
]]
    local argv = { "sh", "-c", "echo one; (echo two); echo three" }
    local p, g = both(tool, argv)
    assert.are.equal(0, p.code, p.err)
    assert.are.equal("> one\n> two\n> three\n", p.out)
    assert.are.equal(p.code, g.code, g.err)
    assert.are.equal(p.out, g.out)
  end)
end)
