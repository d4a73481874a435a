-- strace command lines under revel, row by row (issue 11): each row's
-- options run twice under real strace (its agreement with itself is the
-- baseline) and once under revel, on the same guest; the traces are
-- normalised as the corpus is (helpers/corpus.lua) and revel must agree with
-- strace at least as well as strace agrees with itself.
--
-- A row: { "name", opts = { "-tt", ... }, argv = { ... },
--          setup = "shell run before each trace" (optional),
--          racy_fds = bool, stdout = bool (compare the guest's stdout too),
--          norm = function(line) -> line (optional, after C.normalise;
--                 nil drops the line: calls whose presence races, e.g.
--                 pthread_join's futex wait, which strace itself may or
--                 may not see),
--          stderr = bool (trace to stderr, no -o: for options about it),
--          detached = bool (-D: the tracer outlives the command the shell
--            waits for; the trace is read once the tracer is gone),
--          gap = "why" (a known difference still open: run, reported, pending) }
-- Rows live in spec/strace_lines/*.lua, one file per option family, each
-- returning a list of rows built with the tables below.
local H = require("helpers.run")
local C = require("helpers.corpus")

local L = {}

L.dir = H.tmpdir() .. "/lines"
os.execute("mkdir -p " .. H.q(L.dir) .. " && printf 'b\\na\\nc\\n' > " .. H.q(L.dir .. "/f.txt"))

-- Time stamps, -T durations and -r deltas move between runs, and so do the
-- guest's pid and random bytes (also behind -n's "[ NNN] ").
local function times(l)
  local n, rest = l:match("^(%[%s*%d+%] )(.*)$")
  if n then
    return n .. times(rest)
  end
  l = l:gsub("^set_tid_address%((.-)%) = %d+", "set_tid_address(%1) = PID")
  l = l:gsub('^getrandom%(".-"', 'getrandom("RANDOM"')
  l = l:gsub("^%d+%.%d+ ", "EPOCH ")             -- -ttt
  l = l:gsub("^%d%d:%d%d:%d%d%.%d+ ", "HMS.F ")   -- -tt
  l = l:gsub("^HH:MM:SS%.%d+ ", "HMS.F ")        -- -tt after corpus' HH:MM:SS
  l = l:gsub("^HH:MM:SS ", "HMS ")               -- -t
  l = l:gsub("^%s*%d+%.%d+ ", "DELTA ")          -- -r
  l = l:gsub(" <%d+%.%d+>$", " <T>")             -- -T
  return l
end

-- The normalised lines of one trace of row by which ("strace" or "revel").
local function trace(which, row)
  local out = L.dir .. "/trace." .. which
  os.remove(out)
  if row.setup then
    os.execute(row.setup)
  end
  local words = { which == "revel" and H.bin or "strace" }
  if not row.stderr then
    words[#words + 1] = "-o"
    words[#words + 1] = out
  end
  for _, o in ipairs(row.opts) do
    words[#words + 1] = o
  end
  if which == "revel" then
    words[#words + 1] = "--"
  end
  for _, a in ipairs(row.argv) do
    words[#words + 1] = a
  end
  local r = H.sh(H.words(words), { timeout = row.timeout or 60 })
  if row.detached then
    H.eventually(function()
      return #H.procs_matching(out) == 0
    end, 30)
  end
  local text = row.stderr and r.err or H.slurp(out) or ""
  os.remove(out)
  -- -n with -f: a call cut in two carries its number on both halves, after
  -- the pid; the halves are joined only without it (the call names it).
  text = text:gsub("([^\n]*)", function(l)
    local pid, rest = l:match("^(%d+%s+)%[%s*%d+%] (.*)$")
    if not pid then
      pid, rest = l:match("^(%[pid%s+%d+%] )%[%s*%d+%] (.*)$")
    end
    if rest and (rest:match(" <unfinished %.%.%.>$") or rest:match("^<%.%.%. ")) then
      return pid .. rest
    end
    return l
  end)
  local lines = {}
  for _, l in ipairs(C.normalise(text, row.racy_fds)) do
    l = times(l)
    if row.norm then
      l = row.norm(l)
    end
    if l then
      lines[#lines + 1] = l
    end
  end
  return lines, r
end

-- Runs a row; errors with the lines that differ when revel falls short.
function L.check(row)
  local s1, r1 = trace("strace", row)
  local s2 = trace("strace", row)
  local rv, rr = trace("revel", row)
  if r1.code ~= rr.code then
    error(("%s: exit status %s under strace, %s under revel\n%s"):format(row[1], tostring(r1.code),
      tostring(rr.code), rr.err or ""), 0)
  end
  if row.stdout and r1.out ~= rr.out then
    error(("%s: the guest's stdout differs\nstrace: %s\nrevel:  %s"):format(row[1], r1.out, rr.out), 0)
  end
  local self = C.score(s1, s2)
  local a = C.score(s1, rv)
  local b = C.score(s2, rv)
  local best, first = math.max(a, b), s1
  if b > a then
    first = s2
  end
  if best + 1e-9 < self then
    local only_s, only_r = C.diff(first, rv)
    local msg = { ("%s: revel %.1f%%, strace with itself %.1f%%"):format(row[1], 100 * best, 100 * self),
      "only in strace:" }
    for i = 1, math.min(30, #only_s) do
      msg[#msg + 1] = "  " .. only_s[i]
    end
    msg[#msg + 1] = "only in revel:"
    for i = 1, math.min(30, #only_r) do
      msg[#msg + 1] = "  " .. only_r[i]
    end
    error(table.concat(msg, "\n"), 0)
  end
  return best, self
end

-- Every row of spec/strace_lines/*.lua, in file order.
function L.rows()
  local files = {}
  local p = io.popen("ls " .. H.q(H.root .. "/spec/strace_lines") .. "/*.lua 2>/dev/null")
  for f in p:lines() do
    files[#files + 1] = f
  end
  p:close()
  local rows = {}
  for _, f in ipairs(files) do
    local chunk = assert(loadfile(f))
    for _, row in ipairs(chunk(L, H)) do
      row.file = f:match("[^/]+$")
      rows[#rows + 1] = row
    end
  end
  return rows
end

return L
