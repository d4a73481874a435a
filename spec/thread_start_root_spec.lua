-- thread_start runs for the command's first thread as for every other: once,
-- before any handler of that thread, at its first event.
local H = require("helpers.run")

after_each(H.cleanup)

-- A tool that logs "start TID", "sc TID NAME" and "exec TID" to log, one a line.
local function logging_tool(log, extra)
  return H.tool(([[
    local log = assert(io.open(%q, "a")) -- "a": under --backend=guest each process loads the tool
    log:setvbuf("line")
    local tool = {}
    function tool.thread_start(g)
      %s
      log:write("start ", g.tid, "\n")
    end
    function tool.post_exec(g) log:write("exec ", g.tid, "\n") end
    %s
    return tool
  ]]):format(log, extra.start or "", extra.body or ""))
end

local function lines_of(path)
  local t = {}
  for l in (H.slurp(path) or ""):gmatch("[^\n]+") do
    t[#t + 1] = l
  end
  return t
end

-- The guest prints its own pid, then a subshell's line.
local GUEST = { "sh", "-c", "echo $$; (echo sub); exit 3" }

local function check(extra)
  local log = H.track(H.tmpname())
  local n = H.native(GUEST)
  local r = H.revel({ logging_tool(log, extra) }, GUEST)
  assert.are.equal(3, n.code)
  assert.are.equal(n.code, r.code, r.err)
  local root = r.out:match("^(%d+)\n")
  assert.truthy(root, r.out)
  assert.are.equal(n.out:gsub("^%d+", ""), r.out:gsub("^%d+", ""))
  local lines, starts, first = lines_of(log), {}, nil
  for _, l in ipairs(lines) do
    local what, tid = l:match("^(%a+) (%d+)")
    if tid == root and not first and what ~= "pid" then
      first = what
    end
    if what == "start" then
      starts[tid] = (starts[tid] or 0) + 1
    end
  end
  assert.are.equal("start", first, table.concat(lines, "\n"))
  assert.are.equal(1, starts[root], table.concat(lines, "\n"))
  local others = 0
  for tid, k in pairs(starts) do
    assert.are.equal(1, k)
    others = others + (tid ~= root and 1 or 0)
  end
  assert.is_true(others >= 1, "the subshell has its thread_start too")
  return lines, root
end

describe("thread_start of the root thread", function()
  it("runs once, before the handler of the root's execve", function()
    local lines, root = check({ body = [[
      function tool.syscall(g, sc) log:write("sc ", g.tid, " ", sc.name, "\n") end
    ]] })
    assert.are.equal("sc " .. root .. " execve", lines[2])
  end)

  it("runs before post_exec when no syscall of the root is handled", function()
    local lines, root = check({})
    assert.are.equal("exec " .. root, lines[2])
  end)

  it("may inject there, before the execve runs", function()
    local lines, root = check({ start = [[
      local pid = g:inject(revel.sys.getpid())
      log:write("pid ", pid, "\n")
    ]], body = [[
      tool.on = { execve = function(g) log:write("sc ", g.tid, " execve\n") end }
    ]] })
    assert.are.equal("pid " .. root, lines[1])
    assert.are.equal("start " .. root, lines[2])
    assert.are.equal("sc " .. root .. " execve", lines[3])
  end)
end)
