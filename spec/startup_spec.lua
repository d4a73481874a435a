-- strace's startup options under revel (issue 11): -u USER runs the guest
-- as USER (as setpriv/strace -u do), -D leaves the guest the shell's child
-- with the tracer detached, -I N decides which signals end the run, and bad
-- values are one line and exit 125.
local H = require("helpers.run")

local slurp = H.slurp

-- A field of /proc/PID/status ("TracerPid", "SigIgn").
local STATUS = [[awk -v k="$1:" '$1 == k { print $2 }' /proc/$2/status]]

describe("-u USER", function()
  it("runs the guest with USER's uid, gid and groups, as setpriv does", function()
    local native = H.native({ "setpriv", "--reuid=nobody", "--regid=nogroup", "--init-groups", "id" })
    assert.are.equal(0, native.code, native.err)
    for _, pre in ipairs({ { "-u", "nobody" }, { "-unobody" }, { "--user=nobody" }, { "--user", "nobody" } }) do
      local words = { "-qq", "-e", "trace=none" }
      for _, w in ipairs(pre) do
        words[#words + 1] = w
      end
      local r = H.revel(words, { "id" })
      assert.are.equal(0, r.code, r.err)
      assert.are.equal(native.out, r.out)
      assert.are.equal("", r.err)
    end
  end)

  it("shows the guest's calls only: the switch to USER is revel's, as strace hides its own", function()
    local set = "trace=execve,setgroups,setregid,setreuid,setresuid,getuid"
    local s = H.native({ "strace", "-qq", "-u", "nobody", "-e", set, "id", "-u" })
    local r = H.revel({ "-qq", "-u", "nobody", "-e", set }, { "id", "-u" })
    assert.are.equal(s.code, r.code, r.err)
    assert.are.equal(s.out, r.out)
    local function names(text)
      return (text:gsub("%(.-\n", "\n"))
    end
    assert.are.equal(names(s.err), names(r.err))
    assert.truthy(r.err:match("^execve%("), r.err)
  end)

  it("keeps a set-user-ID command's owner as its effective uid, as strace -u", function()
    local dir = H.tmpdir() .. "/suid"
    H.sh("mkdir -p " .. H.q(dir) .. " && cp /usr/bin/id " .. H.q(dir .. "/id") .. " && chmod 4755 "
      .. H.q(dir .. "/id"))
    local s = H.native({ "strace", "-qq", "-e", "trace=none", "-u", "nobody", dir .. "/id" })
    local r = H.revel({ "-qq", "-e", "trace=none", "-u", "nobody" }, { dir .. "/id" })
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.out:match("euid=0%(root%)"), r.out)
    assert.are.equal(s.out, r.out)
  end)

  it("an unknown user or a caller not root: strace's message, exit 125, nothing run", function()
    local mark = H.tmppath("ran")
    local r = H.revel({ "-u", "no-such-user-revel" }, { "touch", mark })
    assert.are.equal(125, r.code)
    assert.are.equal("revel: Cannot find user 'no-such-user-revel'\n", r.err)
    r = H.sh("setpriv --reuid=nobody --regid=nogroup --clear-groups " .. H.words({ H.bin, "-u", "root", "--",
      "touch", mark }))
    assert.are.equal(125, r.code)
    assert.are.equal("revel: You must be root to use the -u/--username option\n", r.err)
    assert.is_nil(io.open(mark))
  end)
end)

describe("-D", function()
  -- The guest prints its parent, its tracer's parent, process group and
  -- session, and its own; the shell prints its pid first.
  local probe = [[tp=$(awk '$1 == "TracerPid:" { print $2 }' /proc/$$/status)
echo "ppid $PPID"
echo "tracer $(ps -o ppid= -o pgid= -o sid= -p $tp | tr -s ' ')"
echo "guest $$ $(ps -o pgid= -o sid= -p $$ | tr -s ' ')"
exit 7]]

  local function run(tracer, opt)
    local script = H.file(probe, "probe.sh")
    local log = H.tmppath("trace")
    -- The tracer outlives the guest: its output is read once it is gone.
    local r = H.sh(("echo shell $$; %s -o %s %s sh %s; echo status $?"):format(tracer, H.q(log), opt,
      H.q(script)))
    assert.is_true(H.eventually(function() return #H.procs_matching(log) == 0 end, 30))
    local v = {}
    v.shell = tonumber(r.out:match("shell (%d+)"))
    v.ppid = tonumber(r.out:match("ppid (%d+)"))
    v.status = tonumber(r.out:match("status (%d+)"))
    local tppid, tpgid, tsid = r.out:match("tracer%s+(%d+)%s+(%d+)%s+(%d+)")
    v.tracer_ppid, v.tracer_pgid, v.tracer_sid = tonumber(tppid), tonumber(tpgid), tonumber(tsid)
    local gpid, gpgid, gsid = r.out:match("guest%s+(%d+)%s+(%d+)%s+(%d+)")
    v.guest, v.guest_pgid, v.guest_sid = tonumber(gpid), tonumber(gpgid), tonumber(gsid)
    v.trace = slurp(log)
    return v, r
  end

  local function shape(v)
    return {
      parent_is_shell = v.ppid == v.shell,
      tracer_not_guest_child = v.tracer_ppid ~= v.guest,
      same_pgroup = v.tracer_pgid == v.guest_pgid,
      same_session = v.tracer_sid == v.guest_sid,
      status = v.status,
    }
  end

  for _, case in ipairs({
    { "-D", pgroup = true, session = true },
    { "--daemonize", pgroup = true, session = true },
    { "-DD", pgroup = false, session = true },
    { "--daemonize=pgroup", pgroup = false, session = true },
    { "-DDD", pgroup = false, session = false },
    { "--daemonize=session", pgroup = false, session = false },
  }) do
    it(case[1] .. ": the guest is the shell's child, the tracer detached, as strace " .. case[1], function()
      local s = run("strace", case[1])
      local v, r = run(H.q(H.bin), case[1])
      assert.are.same(shape(s), shape(v))
      assert.are.same({ parent_is_shell = true, tracer_not_guest_child = true, same_pgroup = case.pgroup,
        same_session = case.session, status = 7 }, shape(v), r.out .. r.err)
      assert.truthy(v.trace:match("^execve%("), v.trace)
      assert.truthy(v.trace:match("%+%+%+ exited with 7 %+%+%+\n$"), v.trace)
    end)
  end

  it("without -D the guest is revel's child", function()
    local v = run(H.q(H.bin), "")
    assert.is_false(v.ppid == v.shell)
    assert.are.equal(7, v.status)
  end)

  it("a guest killed by a signal is seen so by the shell, as under strace -D", function()
    local s = H.sh("strace -D -qq -o /dev/null sh -c 'kill -9 $$'; echo $?")
    local r = H.sh(H.q(H.bin) .. " -D -qq -o /dev/null sh -c 'kill -9 $$'; echo $?")
    assert.are.equal("137\n", s.out)
    assert.are.equal(s.out, r.out)
  end)
end)

describe("-I N", function()
  -- revel with opts runs a guest that waits for a file; the signal goes to
  -- revel alone. Returns revel's exit status (after "stopped" if the signal
  -- stopped it) and what the guest said. revel starts with SIGINT and SIGQUIT
  -- at their defaults, as from a terminal's shell (a command run with &
  -- would ignore them).
  local function signal_revel(opts, sig)
    local dir = H.tmpdir() .. "/I" .. tostring(math.random(1e9))
    H.sh("mkdir -p " .. H.q(dir))
    local guest = ("echo > %s/ready; while [ ! -e %s/go ]; do sleep 0.02; done; echo done"):format(dir, dir)
    local r = H.sh(("env --default-signal=INT,QUIT %s %s -o /dev/null -- sh -c %s > %s/out & p=$!; "
      .. "while [ ! -e %s/ready ]; do sleep 0.02; done; kill -%s $p; "
      .. "for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $p 2>/dev/null || break; sleep 0.05; done; "
      .. "grep -q '^State:.*T' /proc/$p/status 2>/dev/null && echo stopped && kill -CONT $p; "
      .. "touch %s/go; wait $p; echo $?"):format(H.q(H.bin), opts, H.q(guest), dir, dir, sig, dir))
    local said = slurp(dir .. "/out")
    H.sh("rm -rf " .. H.q(dir))
    return r.out, said
  end

  it("-I 1 and -I 2: SIGINT or SIGQUIT to revel ends the run, as strace's fatal signals", function()
    for _, opts in ipairs({ "-I 1", "-I2", "--interruptible=anywhere", "--interruptible=waiting" }) do
      local out, said = signal_revel(opts, "INT")
      assert.are.equal("130\n", out, opts)
      assert.are.equal("", said, opts)
    end
    local out = signal_revel("-I 1", "QUIT")
    assert.are.equal("131\n", out)
  end)

  it("without -I, SIGINT is the guest's (revel lives on); SIGTERM ends the run", function()
    local out, said = signal_revel("", "INT")
    assert.are.equal("0\n", out)
    assert.are.equal("done\n", said)
    out = signal_revel("", "TERM")
    assert.are.equal("143\n", out)
  end)

  it("-I 3 and -I 4: revel ignores SIGTERM, SIGHUP and SIGINT; the guest runs to its end", function()
    for _, opts in ipairs({ "-I 3", "--interruptible=never", "-I 4", "--interruptible=never_tstp" }) do
      for _, sig in ipairs({ "TERM", "HUP", "INT" }) do
        local out, said = signal_revel(opts, sig)
        assert.are.equal("0\n", out, opts .. " " .. sig)
        assert.are.equal("done\n", said, opts .. " " .. sig)
      end
    end
  end)

  it("-I 4: SIGTSTP does not stop revel; with -I 3 it does", function()
    local out, said = signal_revel("-I 4", "TSTP")
    assert.are.equal("0\n", out)
    assert.are.equal("done\n", said)
    out = signal_revel("-I 3", "TSTP")
    assert.truthy(out:match("^stopped\n"), out)
  end)

  it("the guest gets the signals revel ignores as it would natively", function()
    local argv = { "sh", "-c", STATUS, "-", "SigIgn", "self" }
    local native = H.native(argv)
    for _, opts in ipairs({ {}, { "-I", "1" }, { "-I", "3" }, { "-I", "4" } }) do
      local words = { "-qq", "-e", "trace=none" }
      for _, w in ipairs(opts) do
        words[#words + 1] = w
      end
      local r = H.revel(words, argv)
      assert.are.equal(native.out, r.out, table.concat(opts, " "))
    end
  end)

  it("-I 1 interrupts a tool's handler that never returns; -I 2 lets it be until a second signal", function()
    local function run(opts)
      local mark = H.tmppath("looping")
      local t = H.tool(([[
return { on = { getppid = function() io.open(%q, "w"):close() while true do end end } }
]]):format(mark))
      return H.sh(("%s %s %s -- %s & p=$!; while [ ! -e %s ]; do sleep 0.02; done; "
        .. "kill -TERM $p; for i in $(seq 40); do kill -0 $p 2>/dev/null || break; sleep 0.05; done; "
        .. "kill -0 $p 2>/dev/null && echo alive && kill -TERM $p; wait $p; echo $?"):format(H.q(H.bin), opts,
        H.q(t), H.q(H.guest("inject_probe")), H.q(mark)))
    end
    local r = run("-I 1")
    assert.are.equal("143\n", r.out, r.err)
    assert.truthy(r.err:match("interrupted by SIGTERM"), r.err)
    r = run("-I 2")
    assert.are.equal("alive\n143\n", r.out, r.err)
  end)
end)

describe("startup options: bad values", function()
  it("are one line of strace's words and exit 125, the command not run", function()
    local mark = H.tmppath("ran")
    for _, case in ipairs({
      { { "-I", "5" }, "invalid -I argument: '5'" },
      { { "-I0" }, "invalid -I argument: '0'" },
      { { "--interruptible=sometimes" }, "invalid --interruptible argument: 'sometimes'" },
      { { "--daemonize=foo" }, "invalid --daemonize argument: 'foo'" },
      { { "-DDDD" }, "Too many -D's (4), maximum supported -D count is 3" },
      { { "-e", "kvm=foo" }, "invalid -e kvm= argument: 'foo'" },
      { { "--kvm=foo" }, "invalid -e kvm= argument: 'foo'" },
      { { "-b", "open" }, "Syscall 'open' for -b isn't supported" },
      { { "-u", "" }, "Cannot find user ''" },
    }) do
      local words = { H.bin }
      for _, w in ipairs(case[1]) do
        words[#words + 1] = w
      end
      words[#words + 1] = "touch"
      words[#words + 1] = mark
      local r = H.sh(H.words(words))
      assert.are.equal(125, r.code, table.concat(case[1], " "))
      assert.are.equal("revel: " .. case[2] .. "\n", r.err)
      assert.is_nil(io.open(mark), table.concat(case[1], " "))
    end
  end)
end)
