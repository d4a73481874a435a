-- Every example of README.md, the API docs (D.API_DOCS) and docs/revel.1, as data to run
-- (spec/doc_run_spec.lua runs them). An example is one of:
--   { kind = "cmd", cmd = "revel ls /", stdin = "..." (optional) }
--   { kind = "session", steps = { { cmd =, shown = { lines }, stdin = } } }
--   { kind = "tool", name = "noconf.lua", code = "...", cmd = header command }
--   { kind = "file", name = "save.py", code = "..." } (written, not run)
-- each with doc, line and, when the doc marks it, skip = "why".
--
-- Markdown: ```sh blocks (a command a line; "\" continues; "  # ..." is a
-- comment), ```lua blocks (a tool file when its first line is "-- NAME.lua:",
-- its header's "--   revel ..." or "luajit" line the command that runs it),
-- ```python blocks whose first line is "# NAME.py" (files), unlabelled blocks
-- with "$ COMMAND" lines (a session: the lines after a command are what it
-- shows; "..." stands for lines left out; "revel [...]> INPUT" lines are the
-- REPL's input), and `revel ...` command lines in the prose. A line
-- "<!-- doc-test: skip: WHY -->" skips the next example (a whole ```sh
-- block); in a ```sh block, a line "# doc-test: skip: WHY" skips the next line.
-- The man page: .nf/.fi blocks (commands, REPL input lines, a tool) and
-- ".TP" + ".B \"revel ...\"" examples; ".\" doc-test: skip: WHY" skips the
-- next one. Words in capitals (COMMAND, FILE ...) make a synopsis, not an
-- example.
local D = {}

-- The Lua and C API reference, split by subject; docs/api.md links the rest.
D.API_DOCS = { "docs/api.md", "docs/api-objects.md", "docs/faults-and-layers.md", "docs/api-examples.md",
  "docs/api-objects.md" }

-- The ```lua block of the API docs whose first line is "-- NAME: ...".
function D.lua_example(root, name)
  for _, doc in ipairs(D.API_DOCS) do
    local f = assert(io.open(root .. "/" .. doc))
    local text = f:read("*a")
    f:close()
    for block in text:gmatch("```lua\n(.-)```") do
      if block:sub(1, #name + 4) == "-- " .. name .. ":" then
        return block
      end
    end
  end
  error("no API doc has the example " .. name)
end

local function lines_of(path)
  local t = {}
  for l in io.lines(path) do
    t[#t + 1] = l
  end
  return t
end

-- A command line in the prose, not an option's name (`revel -p`): it ends
-- with a command or operand, or is an option that runs alone.
local function is_command(span)
  local last = span:match("(%S+)$")
  return not last:match("^%-") or last == "--help" or last == "--version" or last == "--list-syscalls"
end

local function is_synopsis(cmd)
  return cmd:find("%f[%w][A-Z][A-Z][A-Z]+%f[^%w_]") ~= nil and not cmd:find("%u%u%u+=")
end

-- "  # comment" at the end of a shell line (not inside quotes: good enough
-- for the docs, whose comments follow two spaces or more).
local function strip_comment(l)
  return (l:gsub("%s%s+#.*$", ""):gsub("%s+$", ""))
end

local function session_steps(block)
  local steps = {}
  for _, l in ipairs(block) do
    local cmd = l:match("^%$ (.*)$")
    local input = l:match("^revel %[[^%]]*%]> (.*)$")
    if cmd then
      steps[#steps + 1] = { cmd = strip_comment(cmd), shown = {} }
    elseif input and #steps > 0 then
      local s = steps[#steps]
      s.stdin = (s.stdin or "") .. input .. "\n"
      table.insert(s.shown, l) -- piped in, the REPL echoes prompt and input
    elseif #steps > 0 then
      table.insert(steps[#steps].shown, l)
    end
  end
  return steps
end

-- The lua block's name and its header command, if it is a tool file.
local function tool_block(code)
  local name = code:match("^%-%- ([%w_]+%.lua):")
  if not name then
    return nil
  end
  local cmd
  for l in code:gmatch("[^\n]+") do
    if not l:match("^%-%-") then
      break
    end
    local c = l:match("^%-%-%s+(revel .*)$") or l:match("^%-%- [%w_]+%.lua: (.*luajit .*)$")
    if c then
      cmd = c
    end
  end
  return name, cmd
end

function D.markdown(path, doc)
  local out = {}
  local L = lines_of(path)
  local skip
  local i = 1
  local function add(e, line)
    e.doc, e.line, e.skip = doc, line, skip
    skip = nil
    out[#out + 1] = e
  end
  while i <= #L do
    local l = L[i]
    local why = l:match("^<!%-%- doc%-test: skip: (.-) %-%->")
    local lang = l:match("^```(%w*)%s*$")
    if why then
      skip = why
      i = i + 1
    elseif lang then
      local start, block = i, {}
      i = i + 1
      while i <= #L and not L[i]:match("^```") do
        block[#block + 1] = L[i]
        i = i + 1
      end
      i = i + 1
      local code = table.concat(block, "\n") .. "\n"
      if lang == "sh" then
        local outer_skip = skip
        local block_skip, j = skip, 1
        while j <= #block do
          local c, at = block[j], start + j
          while c:match("\\$") and j < #block do
            j = j + 1
            c = c:sub(1, -2) .. block[j]
          end
          local line_skip = c:match("^# doc%-test: skip: (.*)$")
          c = strip_comment(c)
          if line_skip then
            block_skip = line_skip -- for the next line only
          elseif c ~= "" and not c:match("^#") and not is_synopsis(c) then
            skip = block_skip -- a marker before the block holds for all its lines
            add({ kind = "cmd", cmd = c }, at)
            block_skip = outer_skip
          end
          j = j + 1
        end
        skip = nil
      elseif lang == "lua" then
        local name, cmd = tool_block(code)
        if name then
          add({ kind = "tool", name = name, code = code, cmd = cmd }, start)
        else
          add({ kind = "fragment", code = code }, start)
        end
      elseif lang == "python" and block[1] and block[1]:match("^# ([%w_]+%.py)$") then
        add({ kind = "file", name = block[1]:match("^# ([%w_]+%.py)$"), code = code }, start)
      elseif lang == "" and block[1] and block[1]:match("^%$ ") then
        add({ kind = "session", steps = session_steps(block) }, start)
      else
        skip = nil -- output or data shown, not an example
      end
    else
      for c in l:gmatch("`(revel [^`]*)`") do
        if not is_synopsis(c) and not c:match("^revel %[") and is_command(c) then -- ([: a REPL prompt)
          add({ kind = "cmd", cmd = c, inline = true }, i)
        end
      end
      i = i + 1
    end
  end
  return out
end

-- roff escapes the man page uses, to plain text.
local function unroff(s)
  s = s:gsub("\\%-", "-"):gsub("\\%(aq", "'"):gsub("\\%(dq", '"'):gsub("\\&", "")
  s = s:gsub("\\e", "\\")
  return s
end

function D.man(path, doc)
  local out = {}
  local L = lines_of(path)
  local skip
  local function add(e, line)
    e.doc, e.line, e.skip = doc, line, skip
    skip = nil
    out[#out + 1] = e
  end
  local i = 1
  while i <= #L do
    local l = L[i]
    local why = l:match('^%.\\" doc%-test: skip: (.*)$')
    if why then
      skip = why
    elseif l == ".nf" then
      local start, block = i, {}
      i = i + 1
      while i <= #L and L[i] ~= ".fi" do
        block[#block + 1] = unroff(L[i])
        i = i + 1
      end
      if block[1] and (block[1]:match("^local tool") or block[1]:match("^%-%-")) then
        add({ kind = "tool", name = "man_tool.lua", code = table.concat(block, "\n") .. "\n",
          cmd = "revel man_tool.lua -- sh -c 'echo 1; echo 2; echo 3'" }, start)
      elseif block[1] and block[1]:match("^revel ") then
        local j, last = 1, nil
        while j <= #block do
          local c, at = block[j], start + j
          local input = c:match("^revel %[[^%]]*%]> (.*)$")
          if input and last then
            last.stdin = (last.stdin or "") .. input .. "\n"
          else
            while c:match("\\$") and j < #block do
              j = j + 1
              c = c:sub(1, -2) .. block[j]:gsub("^%s+", " ")
            end
            if c:match("^revel ") then
              last = { kind = "cmd", cmd = c }
              add(last, at)
            end
          end
          j = j + 1
        end
        skip = nil
      else
        skip = nil -- output shown (a fault log record)
      end
    elseif l == ".TP" and L[i + 1] and L[i + 1]:match('^%.B "revel ') then
      local c = unroff(L[i + 1]:match('^%.B "(.*)"$'))
      add({ kind = "cmd", cmd = c }, i + 1)
      i = i + 1
    end
    i = i + 1
  end
  return out
end

return D
