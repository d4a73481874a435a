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
--          code = N (revel's exit status where it differs from strace's on
--                 purpose: 126 for a command that cannot be executed, as
--                 the shell, where strace exits 1),
--          detached = bool (-D: the tracer outlives the command the shell
--            waits for; the trace is read once the tracer is gone),
--          pre = "shell run before each trace, $OUT its output file" (-A),
--          pad = bool (keep the spaces before "= " as a count: -a),
--          raw = function(text) -> text (on the whole trace before it is
--            normalised: -Y's "1234<sh> " prefixes to "1234 <sh> "),
--          gap = "why" (a known difference still open: run, reported, pending),
--          skip = "why" (this machine cannot run the guest: no pid
--            namespace without root, no /dev/kvm; pending, not run),
--          rounds = N (how many rounds a racy row may take, default 3) }
-- Times are compared by their format alone (their digits become 9s), the
-- time columns of a -c table not at all (#s); see times() and mask_tables().
-- Rows live in spec/strace_lines/*.lua, one file per option family, each
-- returning a list of rows built with the tables below.
local H = require("helpers.run")
local C = require("helpers.corpus")

local L = {}

L.dir = H.tmpdir() .. "/lines"
os.execute("mkdir -p " .. H.q(L.dir) .. " && printf 'b\\na\\nc\\n' > " .. H.q(L.dir .. "/f.txt"))

-- Time stamps (-t, -tt, -ttt, --absolute-timestamps), -r deltas and -T
-- durations move between runs: their digits become 9s, so that their format
-- (widths, precision, where they stand) is still compared. So do the guest's
-- pid and random bytes (also behind -n's "[ NNN] ").
local function nines(s)
  return (s:gsub("%d", "9"))
end

-- racy_fds: the corpus' fd masks, again after a stamp (they look at a line's start).
local function noise(l)
  l = l:gsub("^set_tid_address%((.-)%) = %d+", "set_tid_address(%1) = PID")
  l = l:gsub("^getppid%(%) = %d+", "getppid() = PPID")
  return (l:gsub('^getrandom%(".-"', 'getrandom("RANDOM"'))
end

local function racy(l)
  l = l:gsub("^pipe2%(%[%d+, %d+%]", "pipe2([FD, FD]")
  l = l:gsub("^(%a+)%(%d+,", "%1(FD,")
  return (l:gsub("^close%(%d+%)", "close(FD)"))
end

local function times(l, racy_fds)
  local n, rest = l:match("^(%[%s*%d+%] )(.*)$")
  if n then
    return n .. times(rest, racy_fds)
  end
  -- -t/-tt (the corpus made the clock HH:MM:SS) or -ttt, then -r's "(+ ...) "
  local stamp, after = l:match("^(HH:MM:SS[%.%d]* )(.*)$")
  if not stamp then
    stamp, after = l:match("^(%d%d%d%d%d%d%d%d%d+[%.%d]* )(.*)$")
  end
  if stamp then
    local rel, tail = after:match("^(%(%+%s*%d+[%.%d]*%) )(.*)$")
    stamp, after = nines(stamp) .. (rel and nines(rel) or ""), rel and tail or after
    l = stamp .. noise(racy_fds and racy(after) or after)
  else
    -- -r alone: "%6d.FFF " or, at precision s, "%6d " (seven columns)
    local rel, tail = l:match("^(%s*%d+%.%d+ )(.*)$")
    if not rel and l:sub(1, 7):match("^ *%d+ $") and #l > 7 then
      rel, tail = l:sub(1, 7), l:sub(8)
    end
    if rel then
      l = nines(rel) .. noise(racy_fds and racy(tail) or tail)
    else
      l = noise(l)
    end
  end
  l = l:gsub(" <(%d+[%.%d]*)>$", function(t) -- -T
    return " <" .. nines(t) .. ">"
  end)
  return l
end

-- The -c/-C table: its time columns (% time, seconds, usecs/call, shortest,
-- longest) change with every run, the rest must not: those columns become
-- #s, found by the dashes under the header.
local TIME_TITLES = { ["% time"] = true, seconds = true, ["usecs/call"] = true, shortest = true,
  longest = true }
local function mask_tables(lines)
  local spans
  for i, l in ipairs(lines) do
    if l:match("^%-[%- ]*$") and lines[i - 1] and not spans then
      spans = {}
      local header = lines[i - 1]
      for s, e in l:gmatch("()%-+()") do
        local title = header:sub(s, e - 1):match("^%s*(.-)%s*$")
        if TIME_TITLES[title] then
          spans[#spans + 1] = { s, e - 1 }
        end
      end
    elseif spans and not l:match("^%-[%- ]*$") then
      for _, sp in ipairs(spans) do
        l = l:sub(1, sp[1] - 1) .. ("#"):rep(sp[2] - sp[1] + 1) .. l:sub(sp[2] + 1)
      end
      lines[i] = l
    end
  end
  return lines
end

-- A "<... NAME resumed>" line's own stamp goes, so that the corpus joins it
-- to its "<unfinished ...>" half (which keeps the call's stamp); where the
-- stamp stands on those lines is checked in time_spec.lua.
local function unstamp_resumed(text)
  local out = {}
  for l in text:gmatch("[^\n]+") do
    local pid, rest = l:match("^(%[pid%s+%d+%] )(.*)$")
    if not pid then
      pid, rest = l:match("^(%d+%s+)(.*)$")
    end
    if not pid then
      pid, rest = "", l
    end
    local resumed = rest:match("^[%d:%. %(%+%)]+(<%.%.%. [%w_]+ resumed>.*)$")
    out[#out + 1] = resumed and pid .. resumed or l
  end
  return table.concat(out, "\n")
end

-- The normalised lines of one trace of row by which ("strace" or "revel").
local function trace(which, row)
  local out = L.dir .. "/trace." .. which
  os.remove(out)
  if row.setup then
    os.execute(row.setup)
  end
  if row.pre then
    os.execute("OUT=" .. H.q(out) .. "; export OUT; " .. row.pre)
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
  -- the pid; the resumed half loses it, so the halves join into the line
  -- the call makes uncut.
  text = text:gsub("([^\n]*)", function(l)
    local pid, rest = l:match("^(%d+%s+)%[%s*%d+%] (.*)$")
    if not pid then
      pid, rest = l:match("^(%[pid%s+%d+%] )%[%s*%d+%] (.*)$")
    end
    if rest and rest:match("^<%.%.%. ") then
      return pid .. rest
    end
    return l
  end)
  if row.raw then
    text = row.raw(text)
  end
  if row.pad then -- the padding, kept as a count the normaliser leaves alone
    text = text:gsub("%)( +)= ", function(sp)
      return ")<" .. #sp .. ">= "
    end)
  end
  local lines = {}
  for _, l in ipairs(mask_tables(C.normalise(unstamp_resumed(text), row.racy_fds))) do
    l = times(l, row.racy_fds)
    if row.norm then
      l = row.norm(l)
    end
    if l then
      lines[#lines + 1] = l
    end
  end
  return lines, r
end

-- One round of a row; errors with the lines that differ when revel falls short.
local function check_once(row)
  local s1, r1 = trace("strace", row)
  local s2 = trace("strace", row)
  local rv, rr = trace("revel", row)
  if (row.code or r1.code) ~= rr.code then
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

-- Runs a row. Guests that race (a shell's SIGCHLD before or after its
-- wait4, a thread's last call) take other paths from run to run, under
-- strace as under revel, and two strace runs are a small sample of them: a
-- row that falls short runs again, up to three rounds, each with fresh
-- strace runs, and the shortfalls are written out. A real difference falls
-- short every time; the exit status and stdout must agree in every round.
function L.check(row)
  local rounds = row.rounds or 3
  for round = 1, rounds do
    local ok, best, self = pcall(check_once, row)
    if ok then
      return best, self
    end
    local exact = tostring(best):match("exit status") or tostring(best):match("stdout differs")
    if round == rounds or exact then
      error(best, 0)
    end
    io.stderr:write(("note: round %d of %q fell short, running it again:\n%s\n"):format(round, row[1],
      tostring(best)))
  end
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
