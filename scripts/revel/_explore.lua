-- revel._explore: `revel explore [-n RUNS] [--sched=S] [--fail-on REGEX]
-- [OPTIONS] [TOOL.lua [TOOL-OPTIONS]] -- COMMAND`: the command runs under
-- --sched with the seeds 1..RUNS, one revel each, until a run's exit status
-- or output (stdout and stderr together) differs from the first run's, or
-- matches REGEX; then the seed and the command line that gives that run
-- again. Under pct without STEPS the first run counts the contested
-- decisions, and the change points fall among that many.
local rffi = require("revel.ffi")
local sched = require("revel._cli_sched")

local ffi = rffi.ffi

pcall(ffi.cdef, [[
int regcomp(void *preg, const char *regex, int cflags);
int regexec(const void *preg, const char *string, size_t nmatch, void *pmatch, int eflags);
size_t regerror(int errcode, const void *preg, char *errbuf, size_t errbuf_size);
void regfree(void *preg);
long readlink(const char *path, char *buf, size_t size);
int isatty(int fd);
int mkstemp(char *template);
int close(int fd);
int unlink(const char *path);
]])

local M = {}

local USAGE = "revel explore [-n RUNS] [--sched=random|pct[:DEPTH[:STEPS]]] [--fail-on REGEX] " ..
  "[OPTIONS] [TOOL.lua [TOOL-OPTIONS]] -- COMMAND [ARGS...]"

local function fail(msg)
  io.stderr:write("revel: explore: ", msg, "\n")
  return 125
end

local function quote(w)
  if w:match("^[%w%./_:=,+@%%-]+$") then
    return w
  end
  return "'" .. w:gsub("'", "'\\''") .. "'"
end

local function self_exe()
  local buf = ffi.new("char[4096]")
  local n = ffi.C.readlink("/proc/self/exe", buf, 4096)
  return n > 0 and ffi.string(buf, n) or "revel"
end

-- explore's own options out of the words; the rest go to each run.
local function parse(args)
  local o = { runs = 100, pass = {} }
  local i = 1
  local function value(name, a)
    local v = a:match("^%-%-" .. name:gsub("%-", "%%-") .. "=(.*)$")
    if v then
      return v
    end
    i = i + 1
    if args[i] == nil then
      return nil, ("option --%s needs a value"):format(name)
    end
    return args[i]
  end
  while i <= #args and args[i] ~= "--" do
    local a, v, err = args[i], nil, nil
    if a == "-n" or a:match("^%-n%d") or a == "--runs" or a:match("^%-%-runs=") then
      if a == "-n" or a == "--runs" then
        i = i + 1
        v = args[i]
      else
        v = a:match("^%-n(.*)$") or a:match("^%-%-runs=(.*)$")
      end
      local n = tonumber(v)
      if not n or n % 1 ~= 0 or n < 1 then
        return nil, ("-n takes a number of runs from 1, not %q"):format(tostring(v))
      end
      o.runs = n
    elseif a == "--sched" or a:match("^%-%-sched=") then
      v, err = value("sched", a)
      if not v then
        return nil, err
      end
      o.sched, err = sched.strategy(v)
      if not o.sched then
        return nil, err
      end
      o.sched_word = v
    elseif a == "--fail-on" or a:match("^%-%-fail%-on=") then
      v, err = value("fail-on", a)
      if not v then
        return nil, err
      end
      o.fail_on = v
    elseif a == "--seed" or a:match("^%-%-seed=") or a:match("^%-%-sched%-") then
      return nil, ("%s is explore's to set, run by run"):format(a:match("^[^=]*"))
    else
      if a:match("%.lua$") then
        o.tool = true
      elseif a == "-o" or a:match("^%-%-output") or a:match("^%-o.") or a == "-l" or a:match("^%-%-lua") then
        o.output = true
      end
      o.pass[#o.pass + 1] = a
    end
    i = i + 1
  end
  if args[i] ~= "--" or i == #args then
    return nil, "no command to run (" .. USAGE .. ")"
  end
  o.command = { unpack(args, i + 1) }
  return o
end

-- The words of the revel command for one seed.
local function words(o, exe, seed, extra)
  local w = { exe }
  if not o.tool and not o.output then
    w[#w + 1] = "-o" -- the default tool's lines name pids: not the guest's output
    w[#w + 1] = "/dev/null"
  end
  w[#w + 1] = "--sched=" .. o.sched_word
  w[#w + 1] = "--seed"
  w[#w + 1] = tostring(seed)
  for _, x in ipairs(extra or {}) do
    w[#w + 1] = x
  end
  for _, x in ipairs(o.pass) do
    w[#w + 1] = x
  end
  w[#w + 1] = "--"
  for _, x in ipairs(o.command) do
    w[#w + 1] = x
  end
  return w
end

local function line_of(w)
  local q = {}
  for i, x in ipairs(w) do
    q[i] = quote(x)
  end
  return table.concat(q, " ")
end

local MARK = "\n#revel-explore-status "

-- Run it: its output and exit status.
local function run(w)
  local p = io.popen(line_of(w) .. " 2>&1; printf '" .. MARK:gsub("\n", "\\n") .. "%d\\n' $?", "r")
  local all = p:read("*a")
  p:close()
  local at = all:find(MARK, 1, true)
  if not at then
    return all, -1
  end
  return all:sub(1, at - 1), tonumber(all:match("(%d+)\n?$", at))
end

local function regex(pattern)
  local preg = ffi.new("uint64_t[16]")
  local rc = ffi.C.regcomp(preg, pattern, 1 + 4 + 8) -- EXTENDED, NEWLINE, NOSUB
  if rc ~= 0 then
    local buf = ffi.new("char[512]")
    ffi.C.regerror(rc, preg, buf, 512)
    return nil, ("--fail-on: regcomp: %s: %s"):format(pattern, ffi.string(buf))
  end
  ffi.gc(preg, ffi.C.regfree) -- regcomp's own allocations, freed with it
  return function(s)
    return ffi.C.regexec(preg, s, 0, nil, 0) == 0
  end
end

-- pct without STEPS: the contested decisions of a run (its log's lines
-- with more than one thread to choose from).
local function contested(o, exe)
  local tmpl = ffi.new("char[?]", 64, (os.getenv("TMPDIR") or "/tmp") .. "/revel-explore-XXXXXX")
  local fd = ffi.C.mkstemp(tmpl)
  if fd < 0 then
    return nil
  end
  ffi.C.close(fd)
  local path = ffi.string(tmpl)
  run(words(o, exe, 1, { "--sched-log", path }))
  local n = 0
  for l in io.lines(path) do
    if l:match("^%d+ %d+ %d+,") then
      n = n + 1
    end
  end
  ffi.C.unlink(path)
  return n
end

local function excerpt(out)
  local lines, n = {}, 0
  for l in (out .. "\n"):gmatch("(.-)\n") do
    n = n + 1
    if n <= 20 then
      lines[#lines + 1] = "  | " .. l
    end
  end
  if lines[#lines] == "  | " then
    lines[#lines] = nil
  end
  if n > 21 then
    lines[#lines + 1] = ("  | ... (%d lines in all)"):format(n - 1)
  end
  return table.concat(lines, "\n")
end

function M.main(args)
  local o, err = parse(args)
  if not o then
    return fail(err)
  end
  local match
  if o.fail_on then
    match, err = regex(o.fail_on)
    if not match then
      return fail(err)
    end
  end
  o.sched = o.sched or { strategy = "random" }
  o.sched_word = o.sched_word or "random"
  local exe = self_exe()
  if o.sched.strategy == "pct" and not o.sched.steps then
    local n = contested(o, exe)
    if n then
      o.sched_word = ("pct:%d:%d"):format(o.sched.depth or 3, math.max(n, 1))
    end
  end
  local tty = ffi.C.isatty(2) == 1
  local first_out, first_status
  for seed = 1, o.runs do
    if tty then
      io.stderr:write(("\rrevel explore: run %d/%d (seed %d)"):format(seed, o.runs, seed))
    elseif seed % 10 == 1 then
      io.stderr:write(("revel explore: runs %d..%d of %d\n"):format(seed, math.min(seed + 9, o.runs), o.runs))
    end
    io.stderr:flush()
    local w = words(o, exe, seed)
    local out, status = run(w)
    local why
    if match then
      why = match(out) and ("its output matches %s"):format(o.fail_on) or nil
    elseif seed == 1 then
      first_out, first_status = out, status
      local said = out:match("^revel: ([^\n]*)")
      if status == 125 and said and not said:match("^deadlock") then
        if tty then
          io.stderr:write("\n")
        end
        return fail("the first run failed: " .. said)
      end
    elseif status ~= first_status then
      why = ("its exit status is %d, run 1's %d"):format(status, first_status)
    elseif out ~= first_out then
      why = "its output differs from run 1's"
    end
    if why then
      if tty then
        io.stderr:write("\n")
      end
      io.stdout:write(("revel explore: run %d (seed %d): %s; exit status %d; output:\n%s\n"):format(seed, seed,
        why, status, excerpt(out)))
      if first_out and not match then
        io.stdout:write("run 1's output:\n", excerpt(first_out), "\n")
      end
      io.stdout:write("reproduce it with:\n", line_of(w), "\n")
      return 1
    end
  end
  if tty then
    io.stderr:write("\n")
  end
  io.stdout:write(("revel explore: %d runs under --sched=%s, none %s\n"):format(o.runs, o.sched_word,
    match and ("matched " .. o.fail_on) or "differed from run 1"))
  return 0
end

return M
