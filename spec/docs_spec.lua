-- docs/design.md stays true to the tree: every file or folder it names in
-- backticks exists, its links point at files and headings that exist, its
-- state diagram has exactly the states of engine/src/task_state.h, and the
-- one-way checks it lists print nothing.
local H = require("helpers.run")

local root = H.root

local function slurp(path)
  local f = assert(io.open(root .. "/" .. path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

-- A path, or a glob (engine/tests/test_*.c) that matches something.
local function exists(path)
  if path:find("*", 1, true) then
    local quoted = H.q(root) .. "/" .. path:gsub("[^/*]+", H.q)
    return os.execute("for f in " .. quoted .. "; do test -e \"$f\" && exit 0; done; exit 1") == 0
  end
  return os.execute("test -e " .. H.q(root .. "/" .. path)) == 0
end

local design = slurp("docs/design.md")

-- The text outside fenced blocks, and the fenced blocks by their first line.
local prose, fences = {}, {}
do
  local fence
  for line in (design .. "\n"):gmatch("(.-)\n") do
    if line:match("^```") then
      if fence then
        fences[#fences + 1] = fence
        fence = nil
      else
        fence = { lang = line:sub(4), lines = {} }
      end
    elseif fence then
      fence.lines[#fence.lines + 1] = line
    else
      prose[#prose + 1] = line
    end
  end
  prose = table.concat(prose, "\n")
end

-- Words that stand for a name in a path pattern (decode_FAMILY.c, xlat/SET.in).
local PLACEHOLDERS = { "NAME", "FAMILY", "SET", "PID", "X" }

local function is_pattern(token)
  for _, w in ipairs(PLACEHOLDERS) do
    if token:find("%f[%w]" .. w .. "%f[^%w]") then
      return true
    end
  end
  return false
end

local EXTENSIONS = { c = true, h = true, lua = true, md = true, sh = true, ["in"] = true, cmake = true,
  py = true, txt = true }

-- Paths named in backticks: those with a slash are relative to the top of the
-- tree; a bare file name (task.h) must be the name of some file in it.
local function named_paths()
  local with_dir, bare = {}, {}
  for token in prose:gmatch("`([^`\n]+)`") do
    local ext = token:match("%.([%w]+)$")
    local pathlike = token:match("^[%w_.%-/*]+$") and (token:find("/") or EXTENSIONS[ext])
    if pathlike and not is_pattern(token) and token:sub(1, 1) ~= "/" then
      if token:find("/") then
        with_dir[token] = true
      else
        bare[token] = true
      end
    end
  end
  return with_dir, bare
end

local function tree_names()
  local names = {}
  local p = assert(io.popen("cd " .. H.q(root) ..
    " && find . -path './build*' -prune -o -path './.git' -prune -o -type f -print"))
  for line in p:lines() do
    names[line:match("[^/]+$")] = true
  end
  p:close()
  return names
end

-- GitHub's anchor for a heading.
local function slug(heading)
  return (heading:lower():gsub("[^%w%s_%-]", ""):gsub("%s", "-"))
end

local function task_states()
  local h = slurp("engine/src/task_state.h")
  local body = assert(h:match("enum task_state%s*{(.-)}"), "enum task_state not found")
  local states = {}
  for name in body:gmatch("TS_([%w_]+)") do
    if name ~= "COUNT" then
      states[name] = true
    end
  end
  return states
end

local function fence_where(pred)
  for _, f in ipairs(fences) do
    if pred(f) then
      return f
    end
  end
end

local function sorted_keys(t)
  local out = {}
  for k in pairs(t) do
    out[#out + 1] = k
  end
  table.sort(out)
  return out
end

describe("docs/design.md", function()
  it("opens and closes each code span on one line", function()
    local odd = {}
    for line in prose:gmatch("[^\n]+") do
      if select(2, line:gsub("`", "")) % 2 == 1 then
        odd[#odd + 1] = line
      end
    end
    assert.are.same({}, odd)
  end)

  it("names only paths that exist", function()
    local with_dir, bare = named_paths()
    assert.is_true(#sorted_keys(with_dir) > 20, "too few paths found: is the parser broken?")
    local missing = {}
    for _, p in ipairs(sorted_keys(with_dir)) do
      if not exists(p) then
        missing[#missing + 1] = p
      end
    end
    local names = tree_names()
    for _, b in ipairs(sorted_keys(bare)) do
      if not names[b] then
        missing[#missing + 1] = b
      end
    end
    assert.are.same({}, missing)
  end)

  it("links to files and headings that exist", function()
    local broken = {}
    for target in prose:gmatch("%]%(([^)%s]+)%)") do
      if not target:match("^%a+://") then
        local file, anchor = target:match("^([^#]*)#?(.*)$")
        local path = file == "" and "docs/design.md" or "docs/" .. file
        if not exists(path) then
          broken[#broken + 1] = target
        elseif anchor ~= "" then
          local found = false
          for heading in ("\n" .. slurp(path)):gmatch("\n#+%s+([^\n]+)") do
            if slug(heading) == anchor then
              found = true
            end
          end
          if not found then
            broken[#broken + 1] = target
          end
        end
      end
    end
    assert.are.same({}, broken)
  end)

  it("draws exactly the states of engine/src/task_state.h", function()
    local diagram = fence_where(function(f)
      return f.lang == "mermaid" and f.lines[1]:match("stateDiagram%-v2")
    end)
    assert.is_not_nil(diagram, "no mermaid stateDiagram-v2 block")
    local drawn = {}
    for _, line in ipairs(diagram.lines) do
      local a, b = line:match("^%s*(%S+)%s*%-%->%s*(%S+)")
      for _, s in ipairs({ a, b }) do
        if s and s ~= "[*]" then
          drawn[s] = true
        end
      end
    end
    assert.are.same(sorted_keys(task_states()), sorted_keys(drawn))
  end)

  it("keeps the one-way rule its checks state", function()
    local checks = fence_where(function(f)
      return f.lang == "sh" and f.lines[1]:match("^# checks:")
    end)
    assert.is_not_nil(checks, "no '# checks:' block")
    local n = 0
    for _, line in ipairs(checks.lines) do
      if line:match("%S") and not line:match("^%s*#") then
        n = n + 1
        local p = assert(io.popen("cd " .. H.q(root) .. " && " .. line .. " 2>&1"))
        local out = p:read("*a")
        p:close()
        assert.are.equal("", out, line)
      end
    end
    assert.is_true(n >= 5)
  end)
end)
