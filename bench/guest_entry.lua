-- The Lua part of one intercepted call under --backend=guest, the kernel and
-- the C side left out: guest/inguest.lua loaded as librevel_guest.so loads
-- it (a stand-in for its C functions), its thread coroutine resumed with a
-- getppid N times as guest/revel_guest.c's run_tool() does (here with
-- coroutine.resume), and the empty handler called N times with g and sc
-- made ready. Prints ns per call of each, less the loop's own cost:
--   luajit bench/guest_entry.lua [N]
local say = print -- guest/inguest.lua replaces print (to revel)
local N = tonumber(arg and arg[1]) or 2000000
local root = (arg and arg[0] or "bench/guest_entry.lua"):gsub("[^/]*$", "") .. "../"
local GETPPID = 110

local tool_path = os.tmpname()
local f = assert(io.open(tool_path, "w"))
f:write("local tool = { subscriptions = { 'getppid' } }\nfunction tool.syscall(g, sc) end\nreturn tool\n")
f:close()

local c = {
  wire = dofile(root .. "scripts/revel/_wire.lua"),
  tool = tool_path,
  config = "",
  pid = 4242,
  sysinfo = function(nr)
    if nr == GETPPID then
      return "getppid", {}, 0
    end
  end,
  systable = function()
    return { [GETPPID] = "getppid" }, { getppid = GETPPID }, { [GETPPID] = 0 }
  end,
  class_by_name = function() return 0 end,
  errnos = function() return {} end,
  addr = function() return 0 end,
  rpc = function() return "" end,
  syscall = function() return 0 end,
  read = function() return nil end,
  write = function() return 0 end,
  notice = function() end,
  hooks = function() return { track = false, signals = false } end,
}
local chunk = assert(loadfile(root .. "guest/inguest.lua"))
local runner = chunk(c)
os.remove(tool_path)

local clock = os.clock
local co = coroutine.create(runner)
assert(coroutine.resume(co))

-- the loop alone: a coroutine that yields back at once
local idle = coroutine.create(function()
  local yield = coroutine.yield
  while true do
    yield(0)
  end
end)
local resume = coroutine.resume
local t0 = clock()
for _ = 1, N do
  resume(idle, 4242, GETPPID, 0, 0, 0, 0, 0, 0)
end
local base = clock() - t0

t0 = clock()
for _ = 1, N do
  local ok, kind = resume(co, 4242, GETPPID, 0, 0, 0, 0, 0, 0)
  if kind ~= 0 then
    error(("the runner answered %s"):format(tostring(kind)))
  end
end
local entry = clock() - t0 -- the resume is what the C side pays too (lua_resume)

-- the handler alone with g and sc ready: what a tool's empty function costs
local g = setmetatable({ tid = 4242 }, {})
local sc = setmetatable({ nr = GETPPID, args = { 0, 0, 0, 0, 0, 0 } }, {})
local h = function(_, _) end
local xp, fail = xpcall, function(e) return e end
t0 = clock()
for _ = 1, N do
  xp(h, fail, g, sc)
end
local call = clock() - t0

say(("%.0f ns per call from resume to answer (of which %.0f ns the coroutine's resume and yield; g, a fresh sc, the handler), %.0f ns the handler's call with g and sc ready (JIT-compiled), N = %d")
  :format(entry / N * 1e9, base / N * 1e9, call / N * 1e9, N))
