-- strace --tips[=[[id:]ID][,[format:]FORMAT]]: a tip on stderr when the run
-- ends. The tips are revel's own, about what revel adds to strace's options.
local M = {}

local TIPS = {
  { "A fault-injection experiment is one option:",
    "  revel -e inject=openat:error=ENOENT:when=2 -- ls /",
    "and --rule matches decoded arguments:",
    "  revel --rule 'openat:path=/etc/*:error=EACCES' -- cat /etc/hosts" },
  { "A tool is one Lua file with a handler per syscall:",
    "  local tool = { on = {} }",
    "  function tool.on.openat(g, sc) print(g:string(sc.pathname)) end",
    "  return tool",
    "run it with revel tool.lua -- COMMAND." },
  { "A one-line tool needs no file:",
    "  revel -l 'tool.on.write = function(g, sc) print(sc.count) end' -- ls" },
  { "revel --repl stops the guest at its first syscall and gives a Lua",
    "prompt on it: step(), cont(), brk(\"openat\"), ret(-EACCES), help()." },
  { "--json prints one JSON object per syscall, signal and exit, for jq or",
    "a script to read." },
  { "-c counts calls and time per syscall; -C prints the lines too, and",
    "-S calls sorts the table by the number of calls." },
  { "--fault-log FILE records each fault --rule injects; --replay FILE",
    "injects exactly the same faults again." },
  { "-p PID attaches to a running process; Ctrl-C detaches and it runs on." },
}

-- Parses the option's value (nil: --tips alone). Returns a plan or nil, err.
function M.parse(v)
  local plan = { id = nil, format = "full" }
  if v == nil or v == "" then
    return plan
  end
  local bad = ("invalid --tips argument: '%s'"):format(v)
  for word in (v .. ","):gmatch("([^,]*),") do
    local key, val = word:match("^(%a+):(.*)$")
    if not key then -- a bare word: an id if it is one, else a format
      if word:match("^%d+$") or word == "random" then
        key, val = "id", word
      else
        key, val = "format", word
      end
    end
    if key == "id" and (val == "random" or val:match("^%d+$")) then
      plan.id = tonumber(val) -- nil: random
    elseif key == "format" and (val == "none" or val == "compact" or val == "full") then
      plan.format = val
    else
      return nil, bad
    end
  end
  return plan
end

-- The lines of tip id (any number: taken modulo the list, as strace does).
local function lines(id)
  if not id then
    id = os.time() + math.floor(os.clock() * 1e6)
  end
  return TIPS[id % #TIPS + 1]
end

-- Writes the tip the plan asks for to f (stderr by default).
function M.show(plan, f)
  f = f or io.stderr
  if plan.format == "none" then
    return
  end
  local tip = lines(plan.id)
  if plan.format == "compact" then
    for _, l in ipairs(tip) do
      f:write("revel tip: ", l, "\n")
    end
    return
  end
  local w = 0
  for _, l in ipairs(tip) do
    w = math.max(w, #l)
  end
  f:write("  ", ("_"):rep(w + 2), "\n /", (" "):rep(w + 2), "\\\n")
  for _, l in ipairs(tip) do
    f:write(" | ", l, (" "):rep(w - #l), " |\n")
  end
  f:write(" \\", ("_"):rep(w + 2), "/  revel tip\n")
end

return M
