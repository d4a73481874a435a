-- After g:inject(call) the call's output arguments are decoded: tostring(call)
-- is the strace line with its result (a read's buffer, a stat struct, an
-- errno): the line the default tool prints for the same call, and the real
-- strace's.
local H = require("helpers.run")

after_each(H.cleanup)

local CALLS = "openat,read,fstat,newfstatat,lseek,close"

-- A tool that runs each of those calls itself (g:inject) and logs
-- tostring(sc); at the close of the input file it injects calls of its own
-- (logged "own ..."): an fstat and a newfstatat (a string argument) into a
-- block from g:alloc, an openat that fails; and it logs a call it never ran.
local TOOL = [[
local revel = require("revel")
-- On revel's stderr: a file the tool opened would be open in the guest too.
local log = { write = function(_, ...) io.stderr:write("log: ", ...) end }
local input = %q
local tool = { on = {} }
local function show(g, sc)
  local r = g:inject(sc)
  log:write(tostring(sc), "\n")
  return r
end
for name in ("%s"):gmatch("[^,]+") do tool.on[name] = show end
function tool.on.close(g, sc)
  if g:fd_path(sc.fd) == input then
    local buf = assert(g:alloc(256))
    local calls = { revel.sys.fstat(sc.fd, buf), revel.sys.newfstatat(sc.fd, "", buf, 0x1000),
      revel.sys.openat(-100, "/nonexistent/revel-x", 0) }
    for _, c in ipairs(calls) do
      g:inject(c)
      log:write("own ", tostring(c), "\n")
    end
    log:write("own ", tostring(revel.sys.fstat(sc.fd, 0)), "\n") -- never run
  end
  return show(g, sc)
end
return tool
]]

-- The call lines of a trace (no "+++ exited" line).
local function calls(text)
  local t = {}
  for l in text:gmatch("[^\n]+") do
    if not l:match("^%+%+%+ ") then
      t[#t + 1] = l
    end
  end
  return t
end

describe("tostring(call) after g:inject", function()
  it("is the strace line with its result, as the default tool and strace print it", function()
    local content = "decoded\n"
    local file = H.file(content, "input")
    local mode = H.sh("stat -c %a " .. H.q(file)).out:match("%d+")
    local argv = { "head", "-n", "1", file }
    local r = H.revel({ H.tool(TOOL:format(file, CALLS)) }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(content, r.out)
    local d = H.revel({ "-e", "trace=" .. CALLS }, argv)
    local s = H.native({ "strace", "-e", "trace=" .. CALLS, unpack(argv) })
    assert.are.equal(0, d.code, d.err)
    assert.are.equal(0, s.code, s.err)
    local mine, own = {}, {}
    for l in r.err:gmatch("[^\n]+") do
      local own_line = l:match("^log: own (.*)")
      if own_line then
        own[#own + 1] = own_line
      else
        mine[#mine + 1] = assert(l:match("^log: (.*)"), r.err)
      end
    end
    assert.are.same(calls(d.err), mine)
    assert.are.same(calls(s.err), mine)
    -- The read of the file shows the bytes it read.
    local text = table.concat(mine, "\n")
    local fd = text:match('\nread%((%d+), "decoded\\n", %d+%) += 8\n')
    assert.is_truthy(fd, text)
    -- The tool's own calls: the stat structure they filled, the errno of
    -- the one that failed; a call that did not run is shown plain.
    assert.are.same({
      ("fstat(%s, {st_mode=S_IFREG|0%s, st_size=8, ...}) = 0"):format(fd, mode),
      ('newfstatat(%s, "", {st_mode=S_IFREG|0%s, st_size=8, ...}, AT_EMPTY_PATH) = 0'):format(fd, mode),
      'openat(AT_FDCWD, "/nonexistent/revel-x", O_RDONLY) = -1 ENOENT (No such file or directory)',
      ("fstat(%s, 0)"):format(fd),
    }, own)
  end)
end)
