-- The default tool (strace's output) under --backend=guest: each row runs a
-- real guest under --backend=ptrace and under --backend=guest with the same
-- options and requires the same exit status, the same stdout and the same
-- strace lines, normalised as the corpus is (helpers/corpus.lua: pids,
-- addresses, "<unfinished ...>" joined with its "<... resumed>") and compared
-- as sorted lists (the order across processes and threads is the
-- scheduler's). What the guest backend shows differently on purpose is
-- masked, each with its reason (known()). Options the in-guest printer does
-- not apply are refused in one line, exit 125.
local H = require("helpers.run")
local C = require("helpers.corpus")

local dir = H.tmpdir() .. "/gstrace"
os.execute("mkdir -p " .. H.q(dir) .. " && printf 'b\\na\\nc\\n' > " .. H.q(dir .. "/f.txt")
  .. " && touch " .. H.q(dir .. "/x") .. " " .. H.q(dir .. "/y"))

-- Differences the guest backend makes on purpose, the same in every row.
local function known(l)
  -- the library's variables (LD_PRELOAD, REVEL_GUEST_*) are in the guest's
  -- environment: more vars
  l = l:gsub("/%* %d+ vars %*/", "/* N vars */")
  -- the library keeps SIGSYS open: a mask the guest reads back has it clear
  l = l:gsub("~%[KILL STOP SYS ", "~[KILL STOP ")
  -- random bytes; the size of a file that grows while traced (stdout)
  l = l:gsub('getrandom%(".-"', 'getrandom("RANDOM"')
  -- a thread's clone3 may return after the thread ended (CLONE_CHILD_CLEARTID
  -- cleared parent_tid): the tracer's race, see spec/guests/thread_quick.c
  l = l:gsub("=> {parent_tid=%[%w+%]}", "=> {parent_tid=[T]}")
  -- the loader's static TLS block: the library's variables are in it
  l = l:gsub("^mmap%(NULL, %d+, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, %-1, 0%)",
    "mmap(NULL, N, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)")
  -- the rax a handler's return puts back is that of what the signal
  -- interrupted: where SIGCHLD comes is the scheduler's
  l = l:gsub("^(rt_sigreturn%(.-%)) = %-?[%w]+.*$", "%1 = R")
  -- noise of the runs, not of the backends: a child's CPU time, the tid
  -- behind a time stamp, the names of the spec's capture files
  l = l:gsub(" /%* [%d.]+ s %*/", "")
  l = l:gsub("set_tid_address%((.-)%)%s*= %d+$", "set_tid_address(%1) = PID")
  l = l:gsub("/%d+%-(%a+)>", "/N-%1>")
  return l
end

-- A guest whose SIGCHLD is SIG_DFL: the in-guest backend does not see a
-- signal whose default ignores it (docs/revel.1).
local function default_sigchld(l)
  if l:match("^%-%-%- SIGCHLD ") then
    return nil
  end
  return l
end

-- Threads that wait for one another (a barrier, pthread_join): whether a
-- futex waits or finds the word changed, and how many it wakes, is the
-- scheduler's (strace's own runs differ, spec/helpers/strace_lines.lua).
local function join_futex(l)
  if l:match("^futex%(") then
    return nil
  end
  return l
end

-- Times (-t, -tt, -T) keep their format, not their digits.
local function nines(l)
  l = l:gsub("^%d%d:%d%d:%d%d", "HH:MM:SS")
  l = l:gsub("HH:MM:SS%.%d+", function(s)
    return (s:gsub("%d", "9"))
  end)
  return (l:gsub("<%d+%.%d+>$", function(s)
    return (s:gsub("%d", "9"))
  end))
end

-- On stderr the "[pid N]" prefix comes and goes with the tasks alive: a
-- call cut while two lived may resume after one is gone. Its halves are
-- joined here by name, the prefixes dropped (their presence is checked
-- apart).
local function unprefixed(text)
  local out, pending = {}, {}
  for l in text:gmatch("[^\n]+") do
    l = l:gsub("^%[pid%s+%d+%] ", "")
    local head = l:match("^(.-) <unfinished %.%.%.>$")
    local name, tail = l:match("^<%.%.%. ([%w_]+) resumed>(.*)$")
    if head then
      pending[head:match("^([%w_]+)%(") or ""] = head
    elseif name then
      out[#out + 1] = (pending[name] or (name .. "(")) .. tail
      pending[name] = nil
    else
      out[#out + 1] = l
    end
  end
  return table.concat(out, "\n") .. "\n"
end

local function lines(text, norm, stderr)
  local t = {}
  for _, l in ipairs(C.normalise(stderr and unprefixed(text) or text)) do
    l = known(nines(l))
    -- A call a signal interrupted and the kernel restarted: ptrace sees
    -- its first run end "= ? ERESTART...", the library only the run that
    -- returns (docs/revel.1, --backend=guest).
    if l:match("= %? ERESTART%u+ %(") then
      l = nil
    end
    if l and norm then
      l = norm(l)
    end
    if l then
      t[#t + 1] = l
    end
  end
  table.sort(t)
  return table.concat(t, "\n")
end

-- One run: the trace (in a file with -o, else stderr), stdout, status.
local function run(backend, row)
  local words = { "--backend=" .. backend }
  local out
  if not row.stderr then
    out = H.tmppath("gstrace-" .. backend)
    words[#words + 1] = "-o"
    words[#words + 1] = out
  end
  for _, w in ipairs(row.opts) do
    words[#words + 1] = w
  end
  local r = H.revel(words, row.argv)
  local trace = r.err
  if out then
    trace = H.slurp(out) or ""
    os.remove(out)
  end
  return r, trace
end

local function compare(row)
  local p, ptrace = run("ptrace", row)
  local g, gtrace = run("guest", row)
  assert.are.equal(p.code, g.code, g.err)
  assert.are.equal(p.out, g.out)
  if not row.stderr then -- the command's own (cat's "No such file"), nothing of revel's
    assert.are.equal(p.err, g.err)
  end
  assert.truthy(#gtrace > 0)
  local a, b = lines(ptrace, row.norm, row.stderr), lines(gtrace, row.norm, row.stderr)
  if a ~= b then -- said as the lines one has and the other has not
    local count = {}
    for l in (a .. "\n"):gmatch("(.-)\n") do
      count[l] = (count[l] or 0) + 1
    end
    for l in (b .. "\n"):gmatch("(.-)\n") do
      count[l] = (count[l] or 0) - 1
    end
    local diff = {}
    for l, n in pairs(count) do
      if n ~= 0 then
        diff[#diff + 1] = (n > 0 and "ptrace only: " or "guest only:  ") .. l
      end
    end
    table.sort(diff)
    error(table.concat(diff, "\n"), 2)
  end
  return ptrace, gtrace
end

-- The -c table without its time columns (they move), and "% time" ordering:
-- rows sorted by name, calls and errors kept.
local function table_rows(l)
  local calls, errors, name = l:match("^%s*[%d.]+%s+[%d.]+%s+%d+%s+(%d+)%s+(%d*)%s*([%w_]+)$")
  if calls then
    return ("%s %s %s"):format(name, calls, errors)
  end
  return l:match("^%-") and "----" or l
end

local rows = {
  { "true", opts = { "-f" }, argv = { "true" } },
  { "ls of a directory", opts = { "-f" }, argv = { "ls", "-l", dir } },
  { "sh -c with children, an exit status and SIGCHLD", opts = { "-f" },
    argv = { "sh", "-c", "echo hi; /bin/true; cat " .. dir .. "/f.txt; exit 3" } },
  { "a fork tree (15 processes, wait4 of each child)", opts = { "-f" }, argv = { H.guest("forktree") },
    norm = default_sigchld },
  { "4 threads in a ring of pipes", opts = { "-f" }, argv = { H.guest("threads4") }, norm = join_futex },
  { "without -f: the command's process alone", opts = {},
    argv = { "sh", "-c", "/bin/true; cat " .. dir .. "/f.txt" } },
  { "-e trace=openat,close -z: the calls that succeed", opts = { "-f", "-e", "trace=openat,close", "-z" },
    argv = { "sh", "-c", "cat " .. dir .. "/f.txt " .. dir .. "/missing; true" } },
  { "-Z: the calls that fail", opts = { "-f", "-Z" },
    argv = { "sh", "-c", "cat " .. dir .. "/missing; true" } },
  { "-s 4 -y: strings cut, fds with their paths", opts = { "-f", "-s", "4", "-y" },
    argv = { "cat", dir .. "/f.txt" } },
  { "-e signal=none: no signal lines", opts = { "-f", "-e", "signal=none" },
    argv = { "sh", "-c", "/bin/true; exit 2" } },
  { "-tt -T: times in their format", opts = { "-f", "-tt", "-T" }, argv = { "cat", dir .. "/f.txt" } },
  { "-t", opts = { "-t" }, argv = { "true" } },
  { "on stderr, [pid N] while more than one task lives", opts = { "-f" }, stderr = true,
    argv = { "sh", "-c", "/bin/true; cat " .. dir .. "/f.txt >/dev/null" }, prefixed = true },
  { "-c: one table for every process", opts = { "-f", "-c" }, norm = table_rows,
    argv = { "sh", "-c", "ls " .. dir .. " >/dev/null; cat " .. dir .. "/missing; true" } },
  { "-C: the lines and the table", opts = { "-f", "-C" }, norm = table_rows,
    argv = { "sh", "-c", "/bin/true" } },
  { "-qq: no exit lines", opts = { "-f", "-qq" }, argv = { "sh", "-c", "/bin/true" } },
}

describe("the default tool under --backend=guest", function()
  if not H.have_guest_lib then
    pending("the in-guest library is not built with REVEL_SANITIZE: " .. H.guest_lib)
    return
  end
  for _, row in ipairs(rows) do
    it("prints what it prints under ptrace: " .. row[1], function()
      local _, g = compare(row)
      if row.prefixed then -- the child's lines, and the parent's while it lives
        assert.truthy(g:match("\n%[pid +%d+%] execve%(\"/bin/true\""), g)
        assert.truthy(g:match("^execve%("), g)
      end
    end)
  end

  it("the lines are the guest's, not revel's: whole lines in the file, a pid on each", function()
    local _, g = compare({ opts = { "-f" }, argv = { H.guest("forktree") }, norm = default_sigchld })
    local n = 0
    for l in g:gmatch("[^\n]+") do
      assert.truthy(l:match("^%d+ +%S"), l)
      n = n + 1
    end
    assert.truthy(n > 100)
  end)

  it("a guest cannot close revel's descriptors: close(947) fails as natively, closerange keeps them", function()
    local py = "import os\ntry:\n  os.close(947)\nexcept OSError as e:\n  print(e.errno)\n"
      .. "os.closerange(3, 1000)\nprint('ok')"
    local native = H.native({ "python3", "-c", py })
    local out = H.tmppath("gstrace-close")
    local g = H.revel({ "--backend=guest", "-f", "-o", out }, { "python3", "-c", py })
    assert.are.equal(0, native.code)
    assert.are.equal("9\nok\n", native.out)
    assert.are.equal(native.code, g.code, g.err)
    assert.are.equal(native.out, g.out)
    local trace = H.slurp(out)
    os.remove(out)
    -- the lines after the closerange still reach the file
    assert.truthy(trace:match("close_range%(3, 999, 0%)%s+= 0\n") or trace:match("close%(999%)"), trace)
    assert.truthy(trace:match("%+%+%+ exited with 0 %+%+%+\n$"), trace)
  end)

  for _, o in ipairs({ { "-k" }, { "-i" }, { "--json" }, { "-r" }, { "-P", "/etc/hostname" },
    { "-e", "read=all" }, { "-ff", "-o", "/dev/null" } }) do
    it("refuses " .. o[1] .. " in one line, exit 125", function()
      local words = { "--backend=guest" }
      for _, w in ipairs(o) do
        words[#words + 1] = w
      end
      local r = H.revel(words, { "true" })
      assert.are.equal(125, r.code)
      assert.truthy(r.err:match("^revel: %-%-backend=guest: [^\n]+ runs only under ptrace for now\n$"), r.err)
    end)
  end
end)
