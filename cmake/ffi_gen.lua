-- Generates what LuaJIT's FFI is told about revel from the C headers, so a
-- type is declared once, in C, and reaches Lua with no hand copy.
-- usage: luajit ffi_gen.lua OUT_DIR HEADER.h...
--
-- Each HEADER's parts between "/* ffi.cdef begin */" and "/* ffi.cdef end */"
-- are taken in order, comments dropped. A part holds typedefs, structs and
-- enums, and may hold "#define NAME INTEGER" lines, which become
-- "enum { NAME = INTEGER };"; any other #-line is refused. An integer macro
-- defined elsewhere in the headers that a part uses (REVEL_NR_MAX in an
-- array's size) is declared that way before the part. LuaJIT parses the
-- result here, so a header it cannot read fails the build. Writes:
--   OUT_DIR/revel_cdef.txt     the text revel.ffi hands to ffi.cdef
--                              (embedded as the module revel._cdef)
--   OUT_DIR/ffi_check_gen.h    for bindings/ffi_check.c: every struct,
--                              typedef, enum value and field of that text,
--                              as lists, and the text itself as C, so the
--                              build checks it against the headers it came from.
local outdir = arg[1]

local function fail(msg)
  io.stderr:write("ffi_gen.lua: ", msg, "\n")
  os.exit(1)
end

local function slurp(path)
  local f, err = io.open(path, "rb")
  if not f then
    fail(err)
  end
  local s = f:read("*a")
  f:close()
  return s
end

local function spew(path, text)
  -- Rewritten only when it changes, so what depends on it is not rebuilt.
  local f = io.open(path, "rb")
  if f then
    local old = f:read("*a")
    f:close()
    if old == text then
      return
    end
  end
  f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

local function strip_comments(s)
  s = s:gsub("/%*.-%*/", " ")
  return (s:gsub("//[^\n]*", ""))
end

local INT = "^%(?%s*%-?%s*%d[%xxXuUlL]*%s*%)?$"

-- Integer macros of every header (for uses in parts), by name.
local macros, macro_from = {}, {}
local function add_macro(name, value, where)
  value = value:gsub("^%s+", ""):gsub("%s+$", "")
  if macros[name] and macros[name] ~= value then
    fail(("%s: %s is %s here but %s in %s"):format(where, name, value, macros[name], macro_from[name]))
  end
  macros[name], macro_from[name] = value, macro_from[name] or where
end

local parts = {} -- { file, text, defines = { name... } }
for i = 2, #arg do
  local path = arg[i]
  local src = slurp(path)
  for line in strip_comments(src):gmatch("[^\n]+") do
    local name, value = line:match("^%s*#%s*define%s+([%w_]+)%s+(.-)%s*$")
    if name and value:match(INT) then
      add_macro(name, value, path)
    end
  end
  local at = 1
  while true do
    local b, e = src:find("/* ffi.cdef begin */", at, true)
    if not b then
      break
    end
    local eb, ee = src:find("/* ffi.cdef end */", e + 1, true)
    if not eb then
      fail(path .. ": an ffi.cdef begin without its end")
    end
    local text = strip_comments(src:sub(e + 1, eb - 1))
    local defines = {}
    text = text:gsub("\n[ \t]*(#[^\n]*)", function(pp)
      local name, value = pp:match("^#%s*define%s+([%w_]+)%s+(.-)%s*$")
      if not (name and value:match(INT)) then
        fail(("%s: a preprocessor line in an ffi.cdef part: %s"):format(path, pp))
      end
      defines[#defines + 1] = name
      return "\n"
    end)
    parts[#parts + 1] = { file = path, text = text, defines = defines }
    at = ee + 1
  end
end
if #parts == 0 then
  fail("no ffi.cdef part in " .. table.concat(arg, " ", 2))
end

-- The text: each part after the macros it defines or first uses.
local out, declared, undef = {}, {}, {}
local function declare(name)
  if not declared[name] then
    declared[name] = true
    undef[#undef + 1] = name
    out[#out + 1] = ("enum { %s = %s };"):format(name, macros[name])
  end
end
for _, p in ipairs(parts) do
  for _, name in ipairs(p.defines) do
    declare(name)
  end
  for id in p.text:gmatch("[%a_][%w_]*") do
    if macros[id] then
      declare(id)
    end
  end
  local text = p.text:gsub("[ \t]+\n", "\n"):gsub("\n\n+", "\n"):gsub("^\n+", "")
  out[#out + 1] = text
end
local cdef = table.concat(out, "\n")
local ok, err = pcall(require("ffi").cdef, cdef)
if not ok then
  fail("ffi.cdef refuses the headers' parts: " .. tostring(err))
end

-- What the text declares, for ffi_check.c: split at top-level semicolons.
local function split(s, sep)
  local items, depth, start = {}, 0, 1
  for i = 1, #s do
    local c = s:sub(i, i)
    if c == "(" or c == "{" or c == "[" then
      depth = depth + 1
    elseif c == ")" or c == "}" or c == "]" then
      depth = depth - 1
    elseif c == sep and depth == 0 then
      items[#items + 1] = s:sub(start, i - 1)
      start = i + 1
    end
  end
  items[#items + 1] = s:sub(start)
  return items
end

-- The name a declarator declares: "(*read)(...)" -> read, "*p" -> p, "a[6]" -> a.
local function declarator_name(d)
  local fp = d:match("%(%s*%*+%s*([%a_][%w_]*)%s*%)")
  if fp then
    return fp
  end
  d = d:gsub("%b[]", ""):gsub("%s+$", "")
  return d:match("([%a_][%w_]*)$")
end

local structs, typedefs, values, fields = {}, {}, {}, {}
for _, stmt in ipairs(split(cdef, ";")) do
  stmt = stmt:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
  local head, body, tail = stmt:match("^(.-)(%b{})(.*)$")
  if body then
    local kind, tag = head:match("(%a+) ([%a_][%w_]*) $")
    kind = kind or head:match("(%a+) $")
    body = body:sub(2, -2)
    if kind == "enum" then
      for _, item in ipairs(split(body, ",")) do
        local name = item:match("^%s*([%a_][%w_]*)")
        if name then
          values[#values + 1] = name
        end
      end
    elseif kind == "struct" and tag then
      structs[#structs + 1] = tag
      for _, decl in ipairs(split(body, ";")) do
        if decl:find("{", 1, true) then
          fail(("struct %s: a nested struct or union the check cannot name: %s"):format(tag, decl))
        end
        if decl:find("%S") then
          for _, item in ipairs(split(decl, ",")) do
            local name = declarator_name(item)
            if not name or item:find(":%s*%d") then
              fail(("struct %s: a member the check cannot name: %s"):format(tag, item))
            end
            fields[#fields + 1] = ("X(%s, %s)"):format(tag, name)
          end
        end
      end
    else
      fail("a declaration the check cannot name: " .. stmt)
    end
    if not head:match("^typedef") and tail:find("%S") then
      fail("a variable in an ffi.cdef part: " .. stmt)
    end
  elseif stmt:match("^typedef ") then
    -- "typedef struct x x" names a struct (compared as such, if complete).
    local kind = stmt:match("^typedef (%a+) ")
    if kind ~= "struct" and kind ~= "union" and kind ~= "enum" then
      typedefs[#typedefs + 1] = declarator_name(stmt)
    end
  elseif stmt:find("%S") then
    fail("a declaration the check cannot name: " .. stmt)
  end
end

local function xlist(name, items, fmt)
  local lines = { ("#define %s(X) \\"):format(name) }
  for _, it in ipairs(items) do
    lines[#lines + 1] = "\t" .. (fmt and fmt:format(it) or it) .. " \\"
  end
  lines[#lines + 1] = "\t/* end */"
  return table.concat(lines, "\n")
end

local check = {
  "/* generated by cmake/ffi_gen.lua from the headers' ffi.cdef parts: do not edit */",
  "#ifndef FFI_CHECK_BLOCK",
  xlist("FFI_GEN_STRUCTS", structs, "X(%s)"),
  xlist("FFI_GEN_TYPEDEFS", typedefs, "X(%s)"),
  xlist("FFI_GEN_VALUES", values, "X(%s)"),
  xlist("FFI_GEN_FIELDS", fields),
  "#else",
}
for _, name in ipairs(undef) do
  check[#check + 1] = "#undef " .. name
end
check[#check + 1] = cdef
check[#check + 1] = "#endif"

spew(outdir .. "/revel_cdef.txt", cdef .. "\n")
spew(outdir .. "/ffi_check_gen.h", table.concat(check, "\n") .. "\n")
