-- g:alloc(n) / g:free(addr): guest memory that outlives the call that made it.
local H = require("helpers.run")

after_each(H.cleanup)

-- Three writes to stdout: the first allocates a block and fills it, the
-- second has the guest write the block (it lived across calls) and frees
-- it, the third checks what is left: nothing to read, nothing to free.
local TOOL = [[
local revel = require("revel")
local tool = { on = {} }
local n, block = 0, nil
local MSG = "hello from alloc\n"
function tool.on.write(g, sc)
  if sc.fd ~= 1 then return end
  n = n + 1
  if n == 1 then
    local e
    block, e = g:alloc(4096 * 3)
    assert(block, e)
    assert(g:read(block, 4) == "\0\0\0\0", "not zeroed")
    assert(g:write(block, MSG) == #MSG)
    io.stderr:write(("bad sizes: %s %s\n"):format(select(2, g:alloc(0)), select(2, g:alloc(-1))))
  elseif n == 2 then
    assert(g:inject(revel.sys.write{ fd = 1, buf = block, count = #MSG }) == #MSG)
    io.stderr:write(("free: %s\n"):format(tostring(g:free(block))))
  elseif n == 3 then
    io.stderr:write(("read after free: %s\n"):format(select(2, g:read(block, 1))))
    io.stderr:write(("free again: %s\n"):format(select(2, g:free(block))))
    io.stderr:write(("free of a stack address: %s\n"):format(select(2, g:free(sc.buf))))
  end
end
return tool
]]

describe("g:alloc", function()
  it("gives memory that lives across calls until g:free", function()
    local argv = { "sh", "-c", "echo one; echo two; echo three" }
    local native = H.native(argv)
    assert.are.equal(0, native.code, native.err)
    assert.are.equal("one\ntwo\nthree\n", native.out)
    local r = H.revel({ H.tool(TOOL) }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("one\nhello from alloc\ntwo\nthree\n", r.out)
    for _, want in ipairs({ "bad sizes: EINVAL EINVAL", "free: true", "read after free: EFAULT",
      "free again: EINVAL", "free of a stack address: EINVAL" }) do
      assert.truthy(r.err:find(want .. "\n", 1, true), ("%q not in:\n%s"):format(want, r.err))
    end
  end)

  it("is refused outside the thread's own handler", function()
    local tool = H.tool([[
local tool = {}
function tool.exit_thread(g) local ok, e = pcall(g.alloc, g, 16); io.stderr:write(tostring(e), "\n") end
return tool
]])
    local r = H.revel({ tool }, { "true" })
    assert.truthy(r.err:find("g:alloc may only be called from thread", 1, true), r.err)
  end)
end)
