-- The examples this session's docs added or changed run as written: the
-- fault-rule example of docs/api.md with its shown output, and the README's
-- command lines for -f -o, -l and --lua-memory.
local H = require("helpers.run")

after_each(H.cleanup)

local function slurp(path)
  local f = assert(io.open(path))
  local s = f:read("*a")
  f:close()
  return s
end

-- The ```lua block of a doc whose first line is "-- NAME: ...", and the
-- ``` block right after it (the session shown).
local function doc_example(doc, name)
  local text = slurp(H.root .. "/" .. doc)
  local at = text:find("```lua\n-- " .. name .. ":", 1, true)
  assert(at, doc .. " has no example " .. name)
  local code = text:match("```lua\n(.-)```", at)
  local session = text:match("```lua\n.-```%s*```\n(.-)```", at)
  return code, session
end

-- The lines of the README that start with "revel " (its command examples).
local function readme_line(pattern)
  for line in io.lines(H.root .. "/README.md") do
    if line:match("^revel ") and line:find(pattern, 1, true) then
      return (line:gsub("%s+#.*$", ""))
    end
  end
  error("README.md has no command line with " .. pattern)
end

describe("docs/api.md: faults.lua", function()
  it("runs the page's session and prints what it shows, stream by stream", function()
    local code, session = doc_example("docs/api.md", "faults.lua")
    local dir = H.tmpdir()
    local tool = dir .. "/faults.lua"
    local f = assert(io.open(tool, "w"))
    f:write(code)
    f:close()
    H.track(tool)
    H.track(dir .. "/faults.jsonl")
    H.track(dir .. "/in.txt")
    -- Each "$ COMMAND" with the lines shown after it, up to the next one.
    local steps = {}
    for line in session:gmatch("[^\n]+") do
      local cmd = line:match("^%$ (.*)$")
      if cmd then
        steps[#steps + 1] = { cmd = cmd, shown = {} }
      else
        table.insert(steps[#steps].shown, line)
      end
    end
    assert.are.equal(4, #steps)
    for _, step in ipairs(steps) do
      local cmd = step.cmd:gsub("^revel ", H.q(H.bin) .. " "):gsub(" examples/", " " .. H.root .. "/examples/")
      local r = H.sh(("cd %s && %s"):format(H.q(dir), cmd))
      assert.are.equal(0, r.code, step.cmd .. "\n" .. r.err)
      -- The page interleaves the guest's stdout and revel's stderr as a
      -- terminal shows them: each stream keeps its own order.
      local want_out, want_err = {}, {}
      for _, line in ipairs(step.shown) do
        local list = (line:match("^process ") or line:match(": ")) and want_err or want_out
        list[#list + 1] = line .. "\n"
      end
      assert.are.equal(table.concat(want_out), r.out, step.cmd)
      assert.are.equal(table.concat(want_err), r.err, step.cmd)
    end
  end)
end)

describe("README command lines", function()
  it("revel -f -o trace.txt -- make -j2: every process, into the file", function()
    local line = readme_line("-f -o trace.txt")
    local dir = H.tmpdir()
    H.track(dir .. "/Makefile")
    H.track(dir .. "/trace.txt")
    local mk = assert(io.open(dir .. "/Makefile", "w"))
    mk:write("all: a b\na:\n\t@true\nb:\n\t@true\n")
    mk:close()
    local r = H.sh(("cd %s && %s"):format(H.q(dir), (line:gsub("^revel ", H.q(H.bin) .. " "))))
    assert.are.equal(0, r.code, r.err)
    local trace = slurp(dir .. "/trace.txt")
    local pids = {}
    for pid in ("\n" .. trace):gmatch("\n(%d+) +execve%(") do
      pids[pid] = true
    end
    local n = 0
    for _ in pairs(pids) do
      n = n + 1
    end
    assert.is_true(n >= 3, trace) -- make and its two recipes' commands
  end)

  it("revel -l CODE -- ls: the one-line tool prints each path ls opens", function()
    local line = readme_line("-l ")
    local r = H.sh((line:gsub("^revel ", H.q(H.bin) .. " ")))
    assert.are.equal(0, r.code, r.err)
    assert.truthy(("\n" .. r.out):find("\n/etc/ld.so.cache\n", 1, true), r.out) -- print writes to stdout
  end)

  it("revel --lua-memory=256M TOOL -- COMMAND: the cap is taken", function()
    local line = readme_line("--lua-memory=")
    local cap = line:match("%-%-lua%-memory=(%S+)")
    local r = H.revel({ "--lua-memory=" .. cap, H.example("counter2.lua") }, { "true" })
    assert.are.equal(0, r.code, r.err)
  end)
end)
