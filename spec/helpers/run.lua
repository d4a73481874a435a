-- Helpers for specs: run a command natively or under revel, capture stdout,
-- stderr and exit status, and find leftover processes.
local H = {}

-- A sanitized build preloads the sanitizer runtimes into luajit; the guests
-- and the commands the specs run must not inherit that.
if os.getenv("REVEL_SANITIZE_PRELOAD") then
  local ffi = require("ffi")
  ffi.cdef("int unsetenv(const char *name);")
  ffi.C.unsetenv("LD_PRELOAD")
end

H.bin = os.getenv("REVEL_BIN") or "build/revel"
H.guests = os.getenv("REVEL_GUESTS") or "build/guests"
H.root = os.getenv("REVEL_ROOT") or "."
-- The in-guest library (--backend=guest); a REVEL_SANITIZE build has none,
-- and the specs that need it say so as pending.
H.guest_lib = (H.bin:gsub("/[^/]*$", "")) .. "/guest/librevel_guest.so"
do
  local f = io.open(H.guest_lib, "rb")
  H.have_guest_lib = f ~= nil
  if f then
    f:close()
  end
end

local ffi = require("ffi")
-- One at a time: a spec may have declared one of them already.
pcall(ffi.cdef, "int getpid(void);")
pcall(ffi.cdef, "char *mkdtemp(char *template);")
pcall(ffi.cdef, "int setenv(const char *name, const char *value, int overwrite);")
local mypid = ffi.C.getpid()

-- Quote one word for sh.
function H.q(s)
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

-- Every file a spec writes lives in one directory of its own, made here and
-- removed when the spec process ends, so suites running at once on one
-- machine (two checkouts, two CI jobs, two ctest) never share a path. The
-- programs the spec runs get it as their TMPDIR.
local tmpdir
do
  local base = os.getenv("TMPDIR") or "/tmp"
  local template = base .. "/revel-spec.XXXXXX"
  local buf = ffi.new("char[?]", #template + 1)
  ffi.copy(buf, template)
  if ffi.C.mkdtemp(buf) == nil then
    os.execute("mkdir -p " .. H.q(base))
    ffi.copy(buf, template)
    assert(ffi.C.mkdtemp(buf) ~= nil, "cannot make a temporary directory in " .. base)
  end
  tmpdir = ffi.string(buf)
  ffi.C.setenv("TMPDIR", tmpdir, 1)
  -- Collected when the spec file is done or at the latest when busted closes
  -- the Lua state on exit.
  local guard = newproxy(true)
  getmetatable(guard).__gc = function()
    os.execute("rm -rf " .. H.q(tmpdir))
  end
  H._tmpdir_guard = guard
end

function H.tmpdir()
  return tmpdir
end

-- A fresh path in the spec's directory, not created.
local counter = 0
local function tmpname(tag)
  counter = counter + 1
  return ("%s/%d-%s"):format(tmpdir, counter, tag)
end
H.tmppath = tmpname

-- As os.tmpname (an empty file made, its path returned), in the spec's
-- directory rather than in /tmp.
function H.tmpname()
  local path = tmpname("tmp")
  assert(io.open(path, "w")):close()
  return path
end

-- A sleep's argument unique to this spec process: n seconds and, as the
-- fraction, the pid. A check for leftover processes then finds this suite's
-- sleeps and never those of another suite running at the same time.
function H.sleep_arg(n)
  return ("%d.%07d"):format(n, mypid)
end

local function slurp(path)
  local f = io.open(path, "rb")
  if not f then
    return ""
  end
  local s = f:read("*a")
  f:close()
  return s
end
H.slurp = slurp

-- The lines of a text, without their newlines (empty lines left out).
function H.lines(s)
  local t = {}
  for l in s:gmatch("[^\n]+") do
    t[#t + 1] = l
  end
  return t
end

function H.words(list)
  local out = {}
  for i, w in ipairs(list) do
    out[i] = H.q(w)
  end
  return table.concat(out, " ")
end

-- Run a shell command line; returns { code, out, err }. Bounded in time: a
-- hang is a failure, not a stuck suite.
function H.sh(cmdline, opts)
  opts = opts or {}
  local o, e, c = tmpname("out"), tmpname("err"), tmpname("code")
  local input = opts.stdin and (" < " .. H.q(opts.stdin)) or " < /dev/null"
  local full = ("timeout -k 5 %d sh -c %s%s > %s 2> %s; echo $? > %s"):format(opts.timeout or 120,
    H.q(cmdline), input, o, e, c)
  os.execute(full)
  local r = { out = slurp(o), err = slurp(e), code = tonumber(slurp(c)) }
  os.remove(o)
  os.remove(e)
  os.remove(c)
  return r
end

function H.guest(name)
  return H.guests .. "/" .. name
end

function H.example(name)
  return H.root .. "/examples/" .. name
end

-- argv list natively
function H.native(argv, opts)
  return H.sh(H.words(argv), opts)
end

-- revel with words before the command: H.revel({ "tool.lua" }, { "ls" })
function H.revel(pre, argv, opts)
  local words = { H.bin }
  for _, w in ipairs(pre) do
    words[#words + 1] = w
  end
  words[#words + 1] = "--"
  for _, w in ipairs(argv) do
    words[#words + 1] = w
  end
  return H.sh(H.words(words), opts)
end

-- Files removed by H.cleanup(), last first (a file before its directory).
local written = {}
function H.track(path)
  written[#written + 1] = path
  return path
end

-- A temporary file with content; returns its path.
function H.file(content, tag)
  local path = H.track(tmpname(tag or "file"))
  local f = assert(io.open(path, "w"))
  f:write(content)
  f:close()
  return path
end

-- Write a tool file; returns its path.
function H.tool(source)
  return H.file(source, "tool.lua")
end

function H.cleanup()
  for i = #written, 1, -1 do
    os.remove(written[i])
  end
  written = {}
end

-- Processes whose command line contains pattern (not this check itself).
function H.procs_matching(pattern)
  local r = H.sh("pgrep -af " .. H.q(pattern) .. " | grep -v pgrep || true")
  local lines = {}
  for l in r.out:gmatch("[^\n]+") do
    lines[#lines + 1] = l
  end
  return lines
end

-- Wait (bounded) until check() is true; returns whether it became true. For
-- conditions in other processes, not to paper over races in our own.
function H.eventually(check, seconds)
  for _ = 1, (seconds or 10) * 20 do
    if check() then
      return true
    end
    os.execute("sleep 0.05")
  end
  return check()
end

return H
