-- strace's command line under revel (issue 11): every option takes both
-- getopt_long forms, strace's letters mean strace's things (-E, -i, -f, -ff,
-- -q), and what revel does not do yet is refused on one line, exit 125.
local H = require("helpers.run")
local C = require("helpers.corpus")

local slurp = H.slurp

after_each(function()
  H.cleanup()
end)

-- A revel run's stdout, stderr and status, with a file an option names read
-- back (and the tool's -o FILE, when given) so both forms can be compared.
local function run(words, files)
  local r = H.sh(H.words(words))
  r.files = {}
  for i, f in ipairs(files or {}) do
    r.files[i] = slurp(f) or ""
    os.remove(f)
  end
  return r
end

-- The text of a trace with the run's noise out: pids, addresses, times.
local function clean(text)
  -- -n: the number to the end, so that the patterns below see the call first
  text = ("\n" .. text):gsub("\n%[%s*(%d+)%] ([^\n]*)", "\n%2 #%1"):sub(2)
  local t = C.normalise(text)
  for i, l in ipairs(t) do
    -- (read of /proc/self/stat and getrandom's bytes after a -t stamp too: the
    -- corpus looks at a line's start)
    -- (a number that happens to equal a pid of the run is PID in the corpus's
    -- text: here both are N, as one run's pids are not the other's)
    t[i] = l:gsub("PID", "N"):gsub("%d%d%d+", "N"):gsub('read%(4, ".-"', 'read(4, "..."')
      :gsub('getrandom%("[^"]*"', 'getrandom("RANDOM"')
  end
  return table.concat(t, "\n")
end

describe("each option takes --opt=V and --opt V, -xV and -x V", function()
  local guest = H.guest("inject_probe")
  local log = H.tmppath("fault.log")
  local out = H.tmppath("trace.out")
  -- { forms..., files the run writes }: every form must give the same result.
  local cases = {
    { { "--rule=chdir:error=EPERM" }, { "--rule", "chdir:error=EPERM" }, tool = true },
    { { "--inject=chdir:error=ENOENT:when=2" }, { "--inject", "chdir:error=ENOENT:when=2" },
      { "-e", "inject=chdir:error=ENOENT:when=2" }, { "-einject=chdir:error=ENOENT:when=2" } },
    { { "--fault=chdir" }, { "--fault", "chdir" }, { "-e", "fault=chdir" } },
    { { "--fault-log=" .. log, "--rule=chdir:error=EPERM" }, { "--fault-log", log, "--rule", "chdir:error=EPERM" },
      files = { log }, tool = true },
    { { "--on-error=continue" }, { "--on-error", "continue" }, tool = true },
    { { "--seed=7", "--rule=chdir:p=0.5:error=EPERM" }, { "--seed", "7", "--rule", "chdir:p=0.5:error=EPERM" },
      files = { log }, tool = true, log = true },
    { { "--lua-memory=64M" }, { "--lua-memory", "64M" }, tool = true },
    { { "-o", out }, { "-o" .. out }, { "--output=" .. out }, { "--output", out }, files = { out } },
    { { "-e", "trace=chdir" }, { "-etrace=chdir" }, { "--trace=chdir" }, { "--trace", "chdir" }, { "-e", "chdir" } },
    { { "-s", "4" }, { "-s4" }, { "--string-limit=4" }, { "--string-limit", "4" } },
    { { "-l", "tool.on.chdir = function() return -1 end" }, { "--lua=tool.on.chdir = function() return -1 end" },
      { "--lua", "tool.on.chdir = function() return -1 end" } },
    { { "-E", "REVEL_X=1" }, { "-EREVEL_X=1" }, { "--env=REVEL_X=1" }, { "--env", "REVEL_X=1" } },
    { { "-c" }, { "--summary-only" } },
    { { "-c", "-S", "calls" }, { "-c", "-Scalls" }, { "-cScalls" }, { "-c", "--summary-sort-by=calls" },
      { "-c", "--summary-sort-by", "calls" } },
    { { "-c", "-Sname", "-U", "calls,name" }, { "-cSname", "-Ucalls,name" },
      { "--summary-only", "-Sname", "--summary-columns=calls,name" }, { "-cSname", "--summary-columns", "calls,name" } },
    { { "-c", "-O", "10s" }, { "-cO10s" }, { "-c", "--summary-syscall-overhead=10s" } },
    { { "-c", "-w" }, { "-cw" }, { "-c", "--summary-wall-clock" } },
    { { "-tt" }, { "-t", "-t" }, { "--absolute-timestamps=precision:us" }, { "--timestamps=time,us" } },
    { { "-T" }, { "--syscall-times" }, { "--syscall-times=us" } },
    { { "-r" }, { "--relative-timestamps" }, { "--relative-timestamps=us" } },
    { { "-y" }, { "--decode-fds" }, { "--decode-fds=path" } },
    { { "-f" }, { "--follow-forks" } },
    { { "-f", "-c" }, { "-fc" }, { "-cf" } },
    { { "-n" }, { "--syscall-number" } },
    { { "-z" }, { "--successful-only" }, { "-e", "status=successful" }, { "--status=successful" },
      { "--status", "successful" }, { "-Z", "-z" } },
    { { "-Z" }, { "--failed-only" }, { "-e", "status=failed" }, { "--status=failed" } },
    { { "-P", "/etc/passwd" }, { "-P/etc/passwd" }, { "--trace-path=/etc/passwd" },
      { "--trace-path", "/etc/passwd" } },
    { { "-e", "signal=SIGUSR1" }, { "-esignal=usr1" }, { "--signal=10" }, { "--signal", "SIGusr1" },
      { "-e", "signals=!!usr1" }, { "-e", "s=USR1" } },
    { { "-q" }, { "--seccomp-bpf" }, { "-qf" } },
    { { "--replay=" .. log }, { "--replay", log }, tool = true, setup = function()
      H.sh(H.words({ H.bin, "--fault-log=" .. log, "--seed=3", "--rule=chdir:p=0.5:error=EPERM",
        H.example("noop.lua"), "--", guest }))
    end },
  }
  for _, case in ipairs(cases) do
    it(table.concat(case[1], " "), function()
      local results = {}
      if case.setup then
        case.setup()
      end
      for k, form in ipairs(case) do
        local words = { H.bin }
        for _, w in ipairs(form) do
          words[#words + 1] = w
        end
        if case.tool then
          words[#words + 1] = H.example("noop.lua")
        end
        words[#words + 1] = "--"
        words[#words + 1] = guest
        if case.log then -- --seed's effect: the faults it draws, in the log
          table.insert(words, 2, "--fault-log=" .. log)
        end
        local r = run(words, case.files)
        assert.are.equal(0, r.code == 125 and 1 or 0, r.err) -- each form is accepted
        results[k] = { code = r.code, out = r.out, err = clean(r.err), files = r.files }
        for i, f in ipairs(results[k].files) do
          results[k].files[i] = clean(f)
        end
      end
      for k = 2, #results do
        -- -c's times and an -o FILE's timing-free text still differ in
        -- the times column alone: compare what is not a time.
        if results[k].err:match("^%% time") then -- -c: the calls column and the names
          for _, x in ipairs({ results[1], results[k] }) do
            local t = {}
            for line in x.err:gmatch("[^\n]+") do
              local f = {}
              for w in line:gmatch("%S+") do
                f[#f + 1] = w
              end
              -- (clean() made any run of 3+ digits N: a call that took all
              -- the time shows "N.00" as its percentage)
              if #f >= 5 and f[1]:match("^[%dN]+%.%d+$") then
                t[#t + 1] = f[#f] .. " " .. f[4]
              end
            end
            if t[1] then -- not yet converted
              table.sort(t)
              x.err = table.concat(t, "\n")
            end
          end
        end
        assert.are.same(results[1], results[k])
      end
    end)
  end
end)

describe("strace's letters", function()
  it("-E VAR=VAL and -E VAR set and unset variables in the guest's environment", function()
    local r = H.revel({ "-E", "REVEL_A=one two", "--env=REVEL_B=2", "-E", "HOME", "-qq", "-e", "trace=none" },
      { "sh", "-c", 'echo "$REVEL_A|$REVEL_B|${HOME-unset}"' })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("one two|2|unset\n", r.out)
    local s = H.native({ "strace", "-E", "REVEL_A=one two", "--env=REVEL_B=2", "-E", "HOME", "-qq", "-e", "trace=none",
      "sh", "-c", 'echo "$REVEL_A|$REVEL_B|${HOME-unset}"' })
    assert.are.equal(s.out, r.out)
    assert.are.equal(s.err, r.err)
    -- the command is looked up in revel's PATH, as strace looks it up in its own
    r = H.revel({ "-E", "PATH=/nonexistent", "-qq", "-e", "trace=none" }, { "sh", "-c", 'echo "$PATH"' })
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("/nonexistent\n", r.out)
  end)

  it("-i prints each line's instruction pointer as strace -i: the same offsets in their pages", function()
    local argv = { "sh", "-c", "kill -USR1 $$" } -- no child: no race with SIGCHLD
    local function lines(text)
      local t = {}
      for l in text:gmatch("[^\n]+") do
        local ip, rest = l:match("^%[(%x+)%] (.*)$")
        if ip then -- ASLR moves the pages, not the offsets in them
          t[#t + 1] = ip:sub(-3) .. " " .. (rest:match("^[%w_]+") or rest:match("^%-%-%- %u+") or rest)
        elseif l:sub(1, 1) == "[" then
          t[#t + 1] = l
        end -- else the shell's word on strace killed by the signal
      end
      return t
    end
    local s = H.native({ "strace", "-i", unpack(argv) })
    local r = H.revel({ "-i" }, argv)
    assert.are.equal(s.code, r.code, r.err)
    local sl, rl = lines(s.err), lines(r.err)
    assert.truthy(#sl > 20, s.err)
    assert.are.same(sl, rl)
    local last = "\n[????????????????] +++ killed by SIGUSR1 +++\n"
    assert.are.equal(last, r.err:sub(-#last))
    r = H.revel({ "--instruction-pointer", "-e", "trace=getppid" }, { H.guest("inject_probe") })
    assert.truthy(r.err:match("^%[%x+%] getppid%(%)"), r.err)
  end)

  it("strace options not done yet are one line, exit 125", function()
    -- One line per family: each family's work removes its own lines.
    for _, words in ipairs({
      { "-ff", "--json", "-o", "x" },
    }) do
      local r = H.revel(words, { "true" })
      assert.are.equal(125, r.code, table.concat(words, " "))
      assert.truthy(r.err:match("^revel: [^\n]*is not supported yet\n$"), r.err)
    end
  end)

  it("--seccomp-bpf and -q are accepted: the same trace as without", function()
    local plain = H.revel({ "-e", "trace=chdir" }, { H.guest("inject_probe") })
    for _, w in ipairs({ "--seccomp-bpf", "-q" }) do
      local r = H.revel({ w, "-e", "trace=chdir" }, { H.guest("inject_probe") })
      assert.are.equal(plain.code, r.code, r.err)
      assert.are.equal(plain.err, r.err)
    end
  end)

  it("-n and --syscall-number print each call's number, as strace -n and -f -n", function()
    for _, pre in ipairs({ { "-n" }, { "--syscall-number" }, { "-f", "-n" } }) do
      local so, ro = H.tmppath("strace.n"), H.tmppath("revel.n")
      local argv = { "sh", "-c", "/bin/true; echo x" }
      H.sh(H.words({ "strace", "-o", so, unpack(pre) }) .. " " .. H.words(argv))
      H.sh(H.words({ H.bin, "-o", ro, unpack(pre) }) .. " -- " .. H.words(argv))
      local function lines(f)
        local t = {}
        for l in (slurp(f) or ""):gmatch("[^\n]+") do
          l = l:gsub("^%d+%s+", "") -- -f -o: the pid
          -- the number, then what follows it up to the call's name
          local nr, name = l:match("^%[%s*(%d+)%] ([%w_]+)%(")
          if nr then
            t[#t + 1] = nr .. " " .. name
          end
        end
        table.sort(t)
        return t
      end
      local s, r = lines(so), lines(ro)
      os.remove(so)
      os.remove(ro)
      assert.truthy(#s > 20, table.concat(s, "\n"))
      assert.are.same(s, r)
    end
    local r = H.revel({ "-n", "-e", "trace=getppid" }, { H.guest("inject_probe") })
    assert.truthy(r.err:find("\n[ 110] getppid()                        = ", 1, true)
      or r.err:find("^%[ 110%] getppid%(%)                        = "), r.err)
  end)

  it("-qq, -qqq and -e quiet= drop the exit lines, as strace", function()
    for _, q in ipairs({ { "-qq" }, { "-qqq" }, { "-e", "quiet=exit,attach" }, { "--quiet=all" },
      { "--quiet=!exit" }, { "-e", "quiet=none" }, { "--quiet=attach" }, { "--quiet" } }) do
      local s = H.sh(H.words({ "strace", unpack(q) }) .. " -e trace=chdir " .. H.q(H.guest("inject_probe")))
      local r = H.sh(H.words({ H.bin, unpack(q) }) .. " -e trace=chdir -- " .. H.q(H.guest("inject_probe")))
      assert.are.equal(s.code, r.code, r.err)
      assert.are.equal(s.err, r.err)
    end
    local r = H.revel({ "-e", "quiet=foo" }, { "true" })
    assert.are.equal(125, r.code)
    assert.are.equal("revel: -e quiet=foo: invalid quiet 'foo'\n", r.err)
  end)
end)

describe("-f and -ff", function()
  -- A shell that forks a child and waits: the parent's lines only without -f.
  local argv = { "sh", "-c", "/bin/true; echo x" }

  -- strace's and revel's runs with pids taken out (corpus normalisation,
  -- then the pids a line may still hold: results of vfork, wait4, si_pid).
  local function trace(cmd)
    local r = H.sh(cmd)
    local t = {}
    -- strace -f says each new child, even in the middle of a line
    local text = r.err:gsub("strace: Process %d+ attached\n", "")
    -- A line without "[pid N]" is the root's (the only task then): say so, or
    -- its "<unfinished ...>" may be joined with another "resumed" of no pid.
    local root = text:match("\ngetpid%(%)%s+= (%d+)")
    if root then
      text = ("\n" .. text):gsub("\n([^%[\n])", "\n[pid " .. root .. "] %1"):sub(2)
    end
    for _, l in ipairs(C.normalise(text)) do
      -- what the handler interrupted returns: a race with SIGCHLD too
      l = l:gsub("%d%d%d+", "PID"):gsub("^(rt_sigreturn%(.-%)) = .*$", "%1")
      t[#t + 1] = l
    end
    table.sort(t) -- SIGCHLD and the wait4 that reaps race: lines as a multiset
    return t, r
  end

  it("without -f, the root's lines alone, as strace: the fork, wait4 and SIGCHLD, not the child", function()
    local s = trace(H.words({ "strace", unpack(argv) }))
    local r, rr = trace(H.words({ H.bin, unpack(argv) }))
    assert.are.equal(0, rr.code, rr.err)
    assert.are.same(s, r)
    assert.falsy(rr.err:find("[pid", 1, true), rr.err)
    assert.falsy(rr.err:find('execve("/bin/true"', 1, true), rr.err)
    assert.truthy(rr.err:find("--- SIGCHLD", 1, true), rr.err)
  end)

  it("with -f and -ff (no -o), every process's lines, as strace -f", function()
    for _, f in ipairs({ "-f", "-ff" }) do
      local s = trace(H.words({ "strace", f, unpack(argv) }))
      local r, rr = trace(H.words({ H.bin, f, unpack(argv) }))
      assert.are.equal(0, rr.code, rr.err)
      assert.are.same(s, r)
      assert.truthy(rr.err:find('execve("/bin/true"', 1, true), rr.err)
    end
  end)

  it("-ff -o NAME writes NAME.TID per thread, as strace -ff -o", function()
    local dir = H.tmppath("ff")
    os.execute("rm -rf " .. H.q(dir) .. " && mkdir -p " .. H.q(dir))
    -- the files of one run, in the order of their tids, lines as multisets
    local function files(prefix)
      local names = {}
      local p = io.popen("ls " .. H.q(dir))
      for n in p:lines() do
        local tid = n:match("^" .. prefix .. "%.(%d+)$")
        if tid then
          names[#names + 1] = tonumber(tid)
        end
      end
      p:close()
      table.sort(names)
      local out = {}
      for i, tid in ipairs(names) do
        local t = {}
        for _, l in ipairs(C.normalise(slurp(dir .. "/" .. prefix .. "." .. tid), true)) do -- threads race for fds
          if not l:match("^futex%(") then -- a join waits or not, as the threads race
            t[#t + 1] = l:gsub("%d%d%d+", "PID"):gsub("^(rt_sigreturn%(.-%)) = .*$", "%1")
          end
        end
        table.sort(t)
        out[i] = t
      end
      return out
    end
    for _, case in ipairs({ { { "-ff" }, { "sh", "-c", "/bin/true; echo x" } },
      -- (strace 6.1 ignores --output-separately after -f: one file, pids on
      -- its lines; revel takes it as strace -h says, as -ff)
      { { "-ff" }, { H.guest("threads8") } },
      { { "--output-separately" }, { "sh", "-c", "/bin/true; echo x" } } }) do
      local pre, argv = case[1], case[2]
      local what = table.concat(pre, " ") .. " " .. table.concat(argv, " ")
      -- One round: strace's files and revel's, line multisets compared file by
      -- file; the first difference found, or nil. Threads race (for a join,
      -- for the order of their clone3 calls and tids), so a round that differs
      -- runs again, up to three (as strace_lines' rows do, field `rounds`).
      local function round()
        os.execute("rm -rf " .. H.q(dir) .. " && mkdir -p " .. H.q(dir))
        H.sh(H.words({ "strace", "-o", dir .. "/s", unpack(pre) }) .. " " .. H.words(argv) .. " > /dev/null")
        local r = H.sh(H.words({ H.bin, "-o", dir .. "/r", unpack(pre) }) .. " -- " .. H.words(argv) .. " > /dev/null")
        assert.are.equal(0, r.code, r.err)
        assert.are.equal("", r.err)
        local s, v = files("s"), files("r")
        if #s ~= #v then
          return { what = what .. ": files", s = #s, v = #v }
        end
        assert.truthy(#s >= (pre[1] == "--output-separately" and 1 or 2), what)
        for i = 1, #s do
          local only_s, only_v = {}, {}
          local seen = {}
          for _, l in ipairs(v[i]) do
            seen[l] = (seen[l] or 0) + 1
          end
          for _, l in ipairs(s[i]) do
            if (seen[l] or 0) > 0 then
              seen[l] = seen[l] - 1
            else
              only_s[#only_s + 1] = l
            end
          end
          for l, n in pairs(seen) do
            for _ = 1, n do
              only_v[#only_v + 1] = l
            end
          end
          if #only_s > 0 or #only_v > 0 then
            table.sort(only_v)
            return { what = what .. ": file " .. i, s = only_s, v = only_v }
          end
        end
      end
      for n = 1, 3 do
        local bad = round()
        if not bad then
          break
        end
        if n == 3 then
          assert.are.same(bad.s, bad.v, bad.what .. " (strace's, revel's), 3 rounds")
        end
      end
    end
    os.execute("rm -rf " .. H.q(dir))
  end)

  it("-o FILE without -f: no pid on the lines, as strace -o", function()
    local so, ro = H.tmppath("strace.o"), H.tmppath("revel.o")
    H.native({ "strace", "-o", so, "true" })
    local r = H.revel({ "-o", ro }, { "true" })
    assert.are.equal(0, r.code, r.err)
    local s, v = slurp(so), slurp(ro)
    os.remove(so)
    os.remove(ro)
    assert.truthy(s:match("^execve"), s)
    assert.truthy(v:match("^execve"), v)
    local function pidless(t)
      local o = C.normalise(t)
      for i, l in ipairs(o) do
        o[i] = l:gsub("%d%d%d+", "PID")
      end
      return o
    end
    assert.are.same(pidless(s), pidless(v))
  end)

  it("a tool file sees the whole tree without -f", function()
    local tool = H.tool([[
local n = 0
return { subscriptions = { "execve" },
  on = { execve = function(g, sc) n = n + 1 end },
  finish = function() io.stderr:write("execs ", n, "\n") end }
]])
    local r = H.revel({ tool }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.err:find("execs 2\n", 1, true), r.err)
  end)
end)
