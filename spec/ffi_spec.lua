-- The LuaJIT boundary as a plain luajit sees it: the declarations are
-- generated from the C headers (cmake/ffi_gen.lua: revel._cdef), a library of
-- another ABI is refused, and revel.so is the engine and its Lua API alone.
require("revel")
local H = require("helpers.run")
local ffi = require("ffi")
local rffi = require("revel.ffi")
local C = ffi.C

-- Load revel.ffi afresh with some modules replaced; put everything back after.
local function reload_ffi(loaded, preload)
  local saved, saved_pre = {}, {}
  for k, v in pairs(loaded) do
    saved[k], package.loaded[k] = package.loaded[k], v
  end
  for k, v in pairs(preload) do
    saved_pre[k], package.preload[k] = package.preload[k], v
  end
  local ffi_mod = package.loaded["revel.ffi"]
  package.loaded["revel.ffi"] = nil
  local ok, err = pcall(require, "revel.ffi")
  package.loaded["revel.ffi"] = ffi_mod
  for k in pairs(loaded) do
    package.loaded[k] = saved[k]
  end
  for k in pairs(preload) do
    package.preload[k] = saved_pre[k]
  end
  package.loaded["revel._cli"] = nil
  return ok, err
end

describe("revel.ffi", function()
  it("takes its enum values from the declarations", function()
    assert.are.equal(C.REVEL_EV_SYSCALL, rffi.EV_SYSCALL)
    assert.are.equal(C.REVEL_EV_DONE, rffi.EV_DONE)
    assert.are.equal(C.REVEL_ACT_TAIL, rffi.ACT_TAIL)
    assert.are.equal(C.REVEL_EVF_FAULT, rffi.EVF_FAULT)
    assert.are.equal(C.REVEL_LUA_NR_MAX, rffi.NR_MAX)
    assert.are.equal(C.REVEL_LUA_ABI, rffi.api.abi)
    assert.are.equal("string", type(require("revel._cdef")))
  end)

  it("has the engine headers' types as they are declared in C", function()
    -- Members come from the headers, not a copy: a field's place is C's.
    assert.are.equal(C.REVEL_NR_MAX, C.REVEL_LUA_NR_MAX)
    assert.are.equal(C.REVEL_FRAMES_MAX, C.REVEL_LUA_FRAMES_MAX)
    assert.are.equal(2 * C.REVEL_NR_MAX, ffi.offsetof("struct revel_options", "want_tasks"))
    assert.are.equal(4, ffi.sizeof("uid_t"))
  end)

  it("generates a field added to a header, and refuses what LuaJIT cannot read", function()
    local dir = H.tmppath("ffi")
    assert(os.execute("mkdir " .. H.q(dir)) == 0)
    local function gen(header)
      local path = dir .. "/h.h"
      local f = assert(io.open(path, "w"))
      f:write(header)
      f:close()
      return H.sh(("luajit %s %s %s"):format(H.q(H.root .. "/cmake/ffi_gen.lua"), H.q(dir), H.q(path)))
    end
    local r = gen(table.concat({
      "#include <stdint.h>",
      "#define T_MAX 8 /* a limit */",
      "int t_fn(void); /* not in a part: not told */",
      "/* ffi.cdef begin */",
      "#define T_FLAG (-0x10)",
      "struct t_probe {",
      "\tint a, b; /* comments go */",
      "\tunsigned char set[T_MAX];",
      "\tint (*cb)(void *ctx, int n);",
      "\tint added_last;",
      "};",
      "enum t_kind { T_ONE = 1 << 0, T_TWO, };",
      "/* ffi.cdef end */",
    }, "\n"))
    assert.are.equal(0, r.code, r.err)
    local text = H.slurp(dir .. "/revel_cdef.txt")
    assert.truthy(text:find("enum { T_MAX = 8 };", 1, true), text)
    assert.truthy(text:find("enum { T_FLAG = (-0x10) };", 1, true), text)
    assert.truthy(text:find("int added_last;", 1, true), text)
    assert.is_nil(text:find("t_fn", 1, true), text)
    assert.is_nil(text:find("comments", 1, true), text)
    local check = H.slurp(dir .. "/ffi_check_gen.h")
    for _, want in ipairs({ "X(t_probe, a)", "X(t_probe, b)", "X(t_probe, set)", "X(t_probe, cb)",
      "X(t_probe, added_last)", "X(T_TWO)", "X(T_FLAG)", "#undef T_MAX" }) do
      assert.truthy(check:find(want, 1, true), want .. " in\n" .. check)
    end
    r = gen("/* ffi.cdef begin */\n#include <x.h>\nstruct t { int a; };\n/* ffi.cdef end */\n")
    assert.are_not.equal(0, r.code)
    assert.truthy(r.err:find("a preprocessor line in an ffi.cdef part: #include <x.h>", 1, true), r.err)
    r = gen("/* ffi.cdef begin */\nstruct t { UNKNOWN_T a; };\n/* ffi.cdef end */\n")
    assert.are_not.equal(0, r.code)
    assert.truthy(r.err:find("ffi.cdef refuses", 1, true), r.err)
  end)

  it("refuses a library of another ABI", function()
    local other = ffi.new("struct revel_lua_api")
    ffi.copy(other, rffi.api, ffi.sizeof(other))
    other.abi = C.REVEL_LUA_ABI + 1
    local core = package.loaded["revel.core"]
    local ok, err = reload_ffi({ ["revel.core"] = { api = ffi.cast("void *", other), version = core.version } }, {})
    assert.is_false(ok)
    assert.are.equal(("revel: library ABI %d, scripts expect %d"):format(C.REVEL_LUA_ABI + 1, C.REVEL_LUA_ABI), err)
    -- The same table with the right number is taken.
    other.abi = C.REVEL_LUA_ABI
    ok, err = reload_ffi({ ["revel.core"] = { api = ffi.cast("void *", other), version = core.version } }, {})
    assert.is_true(ok, err)
  end)

  it("refuses a revel._cli of another ABI", function()
    local cli = ffi.new("struct revel_cli_api")
    cli.abi = C.REVEL_LUA_ABI - 1
    local ok, err = reload_ffi({}, {
      ["revel._cli"] = function()
        return { api = ffi.cast("void *", cli) }
      end,
    })
    assert.is_false(ok)
    assert.are.equal(("revel: library ABI %d, scripts expect %d"):format(C.REVEL_LUA_ABI - 1, C.REVEL_LUA_ABI), err)
  end)

  it("has no part of the revel command in the module", function()
    assert.is_nil(package.preload["revel._cli"])
    -- No signal of revel's own in a plain luajit: nothing to report.
    assert.are.equal(0, rffi.cli.stop_requested())
    assert.are.equal(0, rffi.cli.signals_changed())
    local ok, err = pcall(function()
      return rffi.cli.repl_tty()
    end)
    assert.is_false(ok)
    assert.truthy(err:find("repl_tty needs the revel command", 1, true), err)
  end)

  it("is a module that exports luaopen_revel alone and does not link readline", function()
    local so = assert(package.searchpath("revel", package.cpath))
    local p = io.popen(("nm -D --defined-only %q 2>/dev/null"):format(so))
    local syms = {}
    for line in p:lines() do
      syms[#syms + 1] = line:match("%S+$")
    end
    p:close()
    if #syms == 0 then
      pending("nm is not available")
      return
    end
    assert.are.same({ "luaopen_revel" }, syms)
    p = io.popen(("readelf -d %q 2>/dev/null"):format(so))
    local dyn = p:read("*a")
    p:close()
    assert.is_nil(dyn:find("readline", 1, true), dyn)
  end)
end)
