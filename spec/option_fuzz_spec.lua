-- Random command lines, seeded: known options with good and bad values
-- (empty, huge, negative, not a number, not UTF-8), unknown options, -e
-- expressions, --rule specs, stray --, tools that do not load, tool options,
-- commands that cannot run. Every case ends one of these ways: the guest ran
-- as it does natively; or exit 125 with one line on stderr, "revel: ...",
-- and nothing of revel's insides; or 126/127 for a command that cannot run.
-- Never a signal, a hang or a process left behind (issue 10).
-- REVEL_FUZZ_SEED and REVEL_FUZZ_N change the seed and the number of cases.
local H = require("helpers.run")

local SEED = tonumber(os.getenv("REVEL_FUZZ_SEED") or "") or 10
local N = tonumber(os.getenv("REVEL_FUZZ_N") or "") or 200

-- Each case's command carries this word, to find what a case left running.
local MARK = "fuzz-" .. H.sleep_arg(0)
local dir = H.tmpdir()
-- The cases run here: an option that takes the next word as a file (-o sh)
-- writes it here.
local cwd = dir .. "/cwd"
os.execute("mkdir -p " .. H.q(cwd))

local function file(name, content)
  local path = dir .. "/" .. name
  local f = assert(io.open(path, "w"))
  f:write(content)
  f:close()
  return path
end

local TOOLS = {
  good = {
    file("opts.lua", "return { options = { n = 0, v = false, name = 'x' }, on = { mknod = function() end } }\n"),
  },
  broken = {
    file("syntax.lua", "return { (\n"),
    file("raises.lua", "error('raised while loading')\n"),
    file("number.lua", "return 5\n"),
    file("badname.lua", "return { on = { opnat = function() end } }\n"),
    file("badsub.lua", "return { subscriptions = { '%bogus' } }\n"),
    file("badon.lua", "return { on = 5 }\n"),
    dir .. "/missing-" .. MARK .. ".lua",
  },
}
os.execute("mkdir -p " .. H.q(dir .. "/adir.lua"))
TOOLS.broken[#TOOLS.broken + 1] = dir .. "/adir.lua"
-- A copy: a bare -o before the tool makes it the output file.
TOOLS.good[#TOOLS.good + 1] = file("noop.lua", H.slurp(H.example("noop.lua")))
-- A tool that fails when it runs: its own errors may say more than a line.
local RAISES = { [dir .. "/raises.lua"] = true }

local notexec = file("notexec", "#!/bin/sh\necho no\n")
local garbage_log = file("garbage.jsonl", "{ not json\n")
local empty_log = file("empty.jsonl", "")

local rand = math.random
local function pick(t)
  return t[rand(#t)]
end

local VALUES = {
  "", "0", "1", "32", "-1", "-0", "1.5", "1e3", "1e400", "-1e400", "nan", "inf", "0x10", "007",
  "99999999999999999999999", "abc", "é", "日本語", "\255\254", " ", "--", "-", "=", ":", "%", "/[",
  "..", ",", string.rep("9", 300), string.rep("a", 5000),
}
-- Half the cases are meant to run: their values are good ones.
local good = false
local GOODVALUES = { "0", "1", "32", "5", "100" }
local function value()
  return pick(good and GOODVALUES or VALUES)
end

-- Syscalls the guest (sh -c 'echo ...; exit 3', true) never makes: a good
-- rule on them leaves the guest as it is natively.
local UNUSED = { "mknod", "acct", "swapoff", "pivot_root", "sethostname", "mknod,acct" }
-- (Not "!": all but nothing, the guest's calls too.)
local BADSETS = { "bogus", "opn", "", "%bogus", "!mknod,bogus", "/[", "/(", "mknod,", ",", "?", "9999", "-1" }
local function set()
  return (not good and rand(3) == 1) and pick(BADSETS) or pick(UNUSED)
end
local GOODTRACE = { "all", "none", "%file", "!write", "/^op", "write,openat", "%process" }
local TRACESETS = { "all", "none", "%file", "%process", "!write", "/^op", "/[", "/(", "?getppid", "%",
  "!%desc", "write,openat", "bogus", "", "%bogus", "!", "read,", "%net", "%network" }
local function from(list)
  return good and list[1] or pick(list)
end
local ERRNOS = { "ENOENT", "EIO", "EBOGUS", "-1", "0", "1", "4095", "4096", "abc", "", "99999999999", "enoent" }
local WHENS = { "1", "2..3", "3+", "1..2+2", "0", "5..2", "-1", "a", "1..", "+", "2+0", "99999999999999999999" }
local SIGNALS = { "SIGUSR1", "USR1", "10", "SIGBOGUS", "99", "0", "-1", "" }
local DELAYS = { "1", "10", "-5", "abc", "1e30", "", "1ms", "5s" }

-- Those before BAD in a list are good ones.
local BAD = {}
local function pick_good(list)
  local n = #list
  if good then
    for i, v in ipairs(list) do
      if v == BAD then
        n = i - 1
      end
    end
  end
  local v = list[rand(n)]
  if v == BAD then
    v = list[#list]
  end
  return v
end

local function inject_spec()
  local parts = { set() }
  for _ = 1, rand(0, 3) do
    parts[#parts + 1] = pick_good({
      function() return "error=" .. from(ERRNOS) end,
      function() return "retval=" .. value() end,
      function() return "signal=" .. from(SIGNALS) end,
      function() return "syscall=" .. set() end,
      function() return "delay_enter=" .. from(DELAYS) end,
      function() return "delay_exit=" .. from(DELAYS) end,
      function() return "when=" .. from(WHENS) end,
      BAD,
      function() return "bogus=1" end,
      function() return "" end,
      function() return "error" end,
    })()
  end
  return table.concat(parts, ":")
end

local function rule_spec()
  local parts = { set() }
  for _ = 1, rand(0, 2) do
    parts[#parts + 1] = pick({
      function() return "path=" .. pick({ "/etc/*", "[", "", "/tmp/**" }) end,
      function() return "fd=" .. value() end,
      function() return "size=" .. value() end,
      function() return "flags=" .. value() end,
      function() return "place=" .. pick({ "1", "1.*", "[", "" }) end,
      function() return "nth=" .. from(WHENS) end,
      function() return "p=" .. pick({ "0.5", "1", "1.5", "-1", "nan", "x" }) end,
    })()
  end
  parts[#parts + 1] = pick_good({
    function() return "error=" .. from(ERRNOS) end,
    function() return "retval=" .. value() end,
    function() return "short=" .. value() end,
    function() return "delay=" .. from(DELAYS) end,
    function() return "signal=" .. from(SIGNALS) end,
    function() return "eintr" end,
    BAD,
    function() return "bogus=1" end,
    function() return "" end,
  })()
  return table.concat(parts, ":")
end

local CODES = { "tool.on.mknod = function() end", "(((", "error('x')", "tool.on.bogus = function() end",
  "tool.subscriptions = { '%bogus' }", "return 5", "", "tool = nil", "tool.on = 5" }

-- One option and its words; `c` collects what the case holds.
local OPTIONS = {
  function() return { "-o", dir .. "/out" } end,
  function() return { "-o" .. dir .. "/out2" } end,
  function() return { "-e", "trace=" .. pick(good and GOODTRACE or TRACESETS) } end,
  function() return { "-et=" .. pick(good and GOODTRACE or TRACESETS) } end,
  function() return { "-e", pick(good and GOODTRACE or TRACESETS) } end,
  function() return { "--trace=" .. pick(good and GOODTRACE or TRACESETS) } end,
  function() return { "-e", "inject=" .. inject_spec() } end,
  function() return { "-e", "fault=" .. inject_spec() } end,
  function() return { "--inject=" .. inject_spec() } end,
  function() return { "--fault=" .. inject_spec() } end,
  function() return { "--rule=" .. rule_spec() } end,
  function() return { "--seed=" .. value() } end,
  function() return { "--seed", value() } end,
  function() return { "--fault-log=" .. dir .. "/faults.jsonl" } end,
  function() return { "--replay", empty_log } end,
  function() return { "-s", value() } end,
  function() return { "-s" .. pick({ "0", "5" }) } end,
  function() return { "-c" } end,
  function() return { "--json" } end,
  function() return { "-y" } end,
  function() return { "-i" } end,
  function() return { "--exit-with-root" } end,
  function() return { "--on-error=" .. pick({ "abort", "continue" }) } end,
  function() return { "-E", CODES[1] } end,
  BAD,
  function() return { "-o", pick({ "", "/nonexistent/x", dir, value() }) } end,
  function() return { "-o" .. value() } end,
  function() return { "-e", pick({ "bogus=1", "", "=", "trace", "verbose=all" }) } end,
  function() return { "--fault-log=" .. pick({ "", "/nonexistent/x", dir }) } end,
  function() return { "--replay=" .. pick({ garbage_log, "", "/nonexistent/x", dir }) } end,
  function() return { "-s" .. pick({ "-1", "99999999999999999999", "x" }) } end,
  function() return { "--watch" } end,
  function() return { "--on-error=" .. pick({ "", "x", "é" }) } end,
  function() return { "-E", pick(CODES) } end,
  function() return { "-E" .. pick(CODES) } end,
  function()
    local w = pick({ "--bogus", "-Z", "---", "--on-error", "--=", "-é", "-e", "-o", "-s", "-E", "--seed",
      "--replay", "--rule", "--inject", "--list-syscalls", "-h", "-V", "--help", "--version" })
    return { w }
  end,
}

local GOOD_TOOL_WORDS = { "--n=5", "--n", "7", "--v", "--no-v", "--v=false", "--name", "é", "--name=" }
local BAD_TOOL_WORDS = { "--v=maybe", "--bogus", "-x", "--n=abc", "--n", "x", "--", "--name" }

-- The command: one that runs (and what it does natively), or one that cannot.
local COMMANDS = {
  { argv = { "sh", "-c", "echo fuzz; exit 3", MARK }, code = 3, out = "fuzz\n" },
  { argv = { "true", MARK }, code = 0, out = "" },
  { argv = { dir .. "/nonexistent-" .. MARK }, cannot = true },
  { argv = { dir }, cannot = true },
  { argv = { notexec }, cannot = true },
  { argv = { "" }, cannot = true },
  { argv = {}, none = true },
}

local EATS = { ["-e"] = true, ["-o"] = true, ["-s"] = true, ["-E"] = true, ["--seed"] = true,
  ["--replay"] = true }

local function gen()
  local words, c = { H.bin }, {}
  good = rand(2) == 1
  for _ = 1, rand(0, 3) do
    local o = pick_good(OPTIONS)()
    for _, w in ipairs(o) do
      words[#words + 1] = w
      c[w] = true
    end
    -- Without its value an option takes the next word: the command may be
    -- another word than the one meant.
    c.stray = c.stray or (#o == 1 and EATS[o[1]])
  end
  local r = rand(10)
  if r <= 3 then
    local good = rand(3) > 1
    local tool = pick(good and TOOLS.good or TOOLS.broken)
    c.tool, c.raises = tool, RAISES[tool]
    words[#words + 1] = tool
    for _ = 1, rand(0, 3) do
      local w = pick(rand(2) == 1 and GOOD_TOOL_WORDS or BAD_TOOL_WORDS)
      c.stray = c.stray or w == "--"
      words[#words + 1] = w
    end
    if rand(8) > 1 then
      words[#words + 1] = "--"
    end
  elseif r <= 7 then
    words[#words + 1] = "--"
  end
  if rand(15) == 1 then
    words[#words + 1] = "--" -- a stray one: the command is "--"
    c.stray = true
  end
  local cmd = pick(COMMANDS)
  for _, w in ipairs(cmd.argv) do
    words[#words + 1] = w
  end
  return words, c, cmd
end

-- One line, "revel: ...", no traceback, no position in a Lua file but the
-- user's tool.
local function one_line(err, tool)
  if tool then
    err = err:gsub(tool:gsub("%p", "%%%0") .. ":%d+:", "TOOL:")
  end
  return err:match("^revel: [^\n]*\n$") ~= nil and not err:lower():find("traceback")
    and not err:lower():find("stack traceback") and not err:find("%.lua:%d+:")
end

local function judge(words, c, cmd, r)
  if r.code == 124 or r.code == 137 then
    return "a hang"
  elseif r.code > 128 then
    return "killed by a signal"
  end
  local insides = r.err:find("revel/[%w_]+%.lua:%d+") or r.err:find("traceback")
  if r.code == 0 and (c["-h"] or c["--help"] or c["-V"] or c["--version"] or c["--list-syscalls"]) then
    if r.out == "" then
      return "nothing printed"
    end
    return nil
  end
  if not cmd.cannot and not cmd.none and r.code == cmd.code then
    if c["-i"] then -- the REPL's prompt and words go to stdout
      return nil
    end
    if r.out ~= cmd.out then
      return "the guest ran, but its output differs"
    end
    return insides and "the guest ran, with revel's insides on stderr" or nil
  end
  if r.code == 125 then
    if one_line(r.err, c.tool) then
      return nil
    end
    -- A tool that raises while loading: its error has its traceback.
    if (c.raises or c["-E"]) and r.err:match("^revel: ") then
      return nil
    end
    return "exit 125 without one line \"revel: ...\""
  end
  if (r.code == 126 or r.code == 127) and (cmd.cannot or c.stray) then
    if not one_line(r.err) then
      return "exit " .. r.code .. " without one line \"revel: ...\""
    end
    return nil
  end
  return "an unexpected exit " .. r.code
end

describe("a value past what revel holds", function()
  it("is refused in one line, not taken as another", function()
    for _, v in ipairs({ "2147483648", "4294967296", "99999999999999999999", "1e400" }) do
      local r = H.sh(H.words({ H.bin, "-s", v, "true" }))
      assert(r.code == 125 and one_line(r.err), ("-s %s: exit %d, %s"):format(v, r.code, r.err))
    end
    local r = H.sh(H.words({ H.bin, "-o", "/dev/null", "-s", "2147483647", "true" }))
    assert(r.code == 0, r.err)
  end)

  it("a file that cannot be opened is named once", function()
    local r = H.sh(H.words({ H.bin, "--fault-log=/nonexistent/x", "true" }))
    assert.are.equal("revel: cannot open the fault log /nonexistent/x: No such file or directory\n", r.err)
  end)
end)

describe("random command lines (seed " .. SEED .. ", " .. N .. " cases)", function()
  it("run the guest, or refuse in one line", function()
    math.randomseed(SEED)
    local failures, ran, refused = {}, 0, 0
    for i = 1, N do
      local words, c, cmd = gen()
      local r = H.sh("cd " .. H.q(cwd) .. " && ulimit -c 0 && " .. H.words(words), { timeout = 20 })
      local why = judge(words, c, cmd, r)
      if r.code == 125 then
        refused = refused + 1
      elseif r.code == cmd.code then
        ran = ran + 1
      end
      if why then
        failures[#failures + 1] = ("case %d: %s (exit %d)\n  %s\n  stderr: %s"):format(i, why, r.code,
          H.words(words), r.err:sub(1, 600))
      end
      if i % 25 == 0 or i == N then
        local left = H.procs_matching(MARK)
        if #left > 0 then
          failures[#failures + 1] = ("after case %d, left running:\n  %s"):format(i, table.concat(left, "\n  "))
        end
      end
      if #failures >= 5 then
        break
      end
    end
    assert(#failures == 0, table.concat(failures, "\n"))
    -- The generator reaches both ends: guests that ran, lines refused.
    assert(N < 50 or (ran >= N / 10 and refused >= N / 10), ("%d ran, %d refused"):format(ran, refused))
  end)
end)
