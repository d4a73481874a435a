-- revel --gdbserver (issue 13): the real gdb, in batch mode, debugging
-- spec/guests/gdb_guest.c (built -g -O0) through revel's GDB remote protocol
-- server on a UNIX socket in the spec's own directory (two suites at once
-- never share it): breakpoints, backtraces, locals, stepping, threads,
-- detach and kill; the tool's handlers keep running meanwhile; bad packets,
-- a second client and a client that goes away leave revel and the guest
-- sound, with one line on stderr. The packet parser's own fuzz test is
-- engine/tests/test_gdb_packet.c.
local H = require("helpers.run")

after_each(H.cleanup)

local guest = H.guest("gdb_guest")
local has_gdb = os.execute("gdb --version > /dev/null 2>&1") == 0
local has_python = os.execute("python3 -c 1 > /dev/null 2>&1") == 0

-- revel [pre...] --gdbserver SOCK [tool] -- gdb_guest arg, and a client (gdb in
-- batch mode with `target remote SOCK` and the -ex commands given, or any
-- shell command with $SOCK) once the socket is there. Returns the client's
-- output, revel's { code, out, err }. With o.tcp (an address, port 0: a
-- free one, as revel says on stderr), revel listens on TCP instead.
local function session(o)
  local sock = H.track(H.tmppath("gdb.sock"))
  local where = o.tcp or sock
  local rout, rerr, rcode = H.tmppath("rout"), H.tmppath("rerr"), H.tmppath("rcode")
  local revel = { H.bin }
  for _, w in ipairs(o.pre or {}) do
    revel[#revel + 1] = w
  end
  for _, w in ipairs({ "--gdbserver", where, o.tool or "--", o.tool and "--" or guest, o.tool and guest or o.arg,
    o.tool and o.arg or nil }) do
    revel[#revel + 1] = w
  end
  local client = o.client
  if not client then
    -- gdb gives up on a reply after 2 s by default: too short on a loaded
    -- machine (a late reply is then taken for the next request's).
    local words = { "gdb", "-batch", "-nx", "-ex", "set remotetimeout 120" }
    for _, c in ipairs(o.before or {}) do -- settings the connection is made with
      words[#words + 1] = "-ex"
      words[#words + 1] = c
    end
    local after = {}
    for _, c in ipairs(o.gdb) do
      after[#after + 1] = "-ex"
      after[#after + 1] = c
    end
    -- $SOCK is the socket's path, or the port's HOST:PORT
    client = H.words(words) .. ' -ex "target remote $SOCK" ' .. H.words(after)
  end
  local script = ([[
(%s > %s 2> %s; echo $? > %s) &
i=0; while [ ! -S %s ] && ! grep -q 'listening on' %s 2>/dev/null && [ $i -lt 600 ]; do
  sleep 0.05; i=$((i+1))
done
SOCK=%s
[ -S "$SOCK" ] || SOCK=$(sed -n 's/^revel: gdbserver: listening on //p' %s)
export SOCK
{
%s
} 2>&1
wait
]]):format(H.words(revel), H.q(rout), H.q(rerr), H.q(rcode), H.q(sock), H.q(rerr), H.q(sock), H.q(rerr),
    client)
  local r = H.sh(script, { timeout = 180 })
  local rv = { out = H.slurp(rout), err = H.slurp(rerr), code = tonumber(H.slurp(rcode)) }
  assert.not_matches("internal%-error", r.out) -- what revel sends never trips gdb up
  if not o.client then -- and what gdb sends always parses
    assert.not_matches("malformed packet", rv.err)
  end
  os.remove(rout)
  os.remove(rerr)
  os.remove(rcode)
  return r.out, rv
end

-- The line of the guest's source that holds text (plain), for what gdb shows.
local function line_of(text)
  local n = 0
  for l in io.lines(H.root .. "/spec/guests/gdb_guest.c") do
    n = n + 1
    if l:find(text, 1, true) then
      return n
    end
  end
  error("no line holds " .. text)
end

local function skip()
  if not has_gdb then
    pending("gdb is not installed")
    return true
  end
end

describe("revel --gdbserver with gdb", function()
  it("stops at a breakpoint; bt names functions and lines; locals and expressions print", function()
    if skip() then return end
    local out, rv = session({ pre = { "-e", "trace=none" }, gdb = { "break square", "continue", "bt",
      "info locals", "print x * 10 + 1", "continue" } })
    assert.matches("Breakpoint 1, square %(x=1%) at [^\n]*gdb_guest%.c:%d+", out)
    assert.matches("#0  square %(x=1%) at [^\n]*gdb_guest%.c:%d+", out)
    assert.matches("#1  0x%x+ in sum_squares %(n=4%) at [^\n]*gdb_guest%.c:%d+", out)
    assert.matches("#2  0x%x+ in main %(", out)
    assert.matches("\nsq = %-?%d+\n", out)
    assert.matches("%$1 = 11\n", out)
    -- the second continue stops at the next call of square
    assert.matches("Breakpoint 1, square %(x=2%)", out)
    assert.matches("listening on ", rv.err)
  end)

  it("listens on TCP (a free port with :0), as gdbserver does", function()
    if skip() then return end
    local out, rv = session({ tcp = "127.0.0.1:0", pre = { "-e", "trace=none" }, gdb = { "break square",
      "continue", "delete", "continue" } })
    assert.matches("revel: gdbserver: listening on 127%.0%.0%.1:%d+\n", rv.err)
    assert.not_matches(":0\n", rv.err)
    assert.matches("Breakpoint 1, square %(x=1%)", out)
    assert.equal("sum=30\n", rv.out)
    -- a port alone: 127.0.0.1, not every address
    out, rv = session({ tcp = "0", pre = { "-e", "trace=none" }, gdb = { "continue" } })
    assert.matches("revel: gdbserver: listening on 127%.0%.0%.1:%d+\n", rv.err)
    assert.matches("exited normally", out)
    assert.equal("sum=30\n", rv.out)
  end)

  it("steps, nexts and finishes as gdb does natively", function()
    if skip() then return end
    local out = session({ pre = { "-e", "trace=none" }, gdb = { "break sum_squares", "continue", "next",
      "next", "step", "finish", "next", "info registers rip" } })
    assert.matches("Breakpoint 1, sum_squares %(n=4%)", out)
    assert.matches("\n" .. line_of("for (int i = 1;") .. "\t%s*for %(int i = 1; i <= n; i%+%+%)", out)
    assert.matches("square %(x=1%) at [^\n]*gdb_guest%.c:" .. line_of("int sq = x * x;"), out) -- step went in
    assert.matches("0x%x+ in sum_squares %(n=4%) at [^\n]*gdb_guest%.c:" .. line_of("total += square(i);") .. "\n",
      out) -- finish
    assert.matches("Value returned is %$1 = 1", out)
    assert.matches("rip%s+0x%x+%s+0x%x+ <sum_squares%+%d+>", out)
  end)

  it("reads and writes general, segment, x87, SSE and AVX registers", function()
    if skip() then return end
    local avx = io.open("/proc/cpuinfo"):read("*a"):match("%savx%s") ~= nil
    local cmds = { "break square", "continue", "print $rdi", "set var $rax = 0x1234",
      "set var $xmm1.v4_int32[2] = 99", "maint flush register-cache", "print/x $rax",
      "print $xmm1.v4_int32[2]", "print $mxcsr", "print $fs_base != 0", "print $cs", "print $st0" }
    if avx then
      cmds[#cmds + 1] = "set var $ymm2.v8_int32[6] = 42"
      cmds[#cmds + 1] = "maint flush register-cache"
      cmds[#cmds + 1] = "print $ymm2.v8_int32[6]"
    end
    cmds[#cmds + 1] = "kill"
    local out = session({ pre = { "-e", "trace=none" }, gdb = cmds })
    assert.matches("%$1 = 1\n%$2 = 0x1234\n%$3 = 99\n%$4 = %[ [A-Z ]+ %]\n%$5 = 1\n%$6 = 51\n%$7 = 0\n", out)
    if avx then
      assert.matches("%$8 = 42\n", out)
    end
  end)

  it("lists threads and switches between them", function()
    if skip() then return end
    local out, rv = session({ arg = "threads", pre = { "-e", "trace=none" }, gdb = { "break threads_ready",
      "continue", "info threads", "thread 2", "bt", "thread 3", "bt", "thread 1", "bt 1", "continue" } })
    assert.matches("hit Breakpoint 1, threads_ready %(n=2%)", out)
    local n = 0
    for _ in out:gmatch("\n[* ] +%d +Thread %d+") do
      n = n + 1
    end
    assert.equal(3, n)
    assert.matches("Switching to thread 2", out)
    local workers = 0
    for _ in out:gmatch("in worker %(arg=0x[12]%) at [^\n]*gdb_guest%.c:%d+") do
      workers = workers + 1
    end
    assert.equal(2, workers)
    assert.matches("exited normally", out)
    assert.equal("threads ready: 2\ncounter=3\n", rv.out)
    assert.equal(0, rv.code)
  end)

  it("stops where another thread writes a watched global (debug registers)", function()
    if skip() then return end
    local out, rv = session({ arg = "threads", pre = { "-e", "trace=none" }, gdb = { "break threads_ready",
      "continue", "watch counter", "continue", "bt 1", "delete", "continue" } })
    assert.matches("Hardware watchpoint 2: counter", out)
    assert.matches("hit Hardware watchpoint 2: counter\n\nOld value = 0\nNew value = [123]\n", out)
    local at = "gdb_guest%.c:(%d+)\n"
    local line = tonumber(out:match("#0  worker %(arg=0x[12]%) at [^\n]*" .. at))
    assert.is_true(line == line_of("counter += id;") or line == line_of("counter += id;") + 1, out)
    assert.matches("exited normally", out)
    assert.equal("threads ready: 2\ncounter=3\n", rv.out)
  end)

  it("read and access watchpoints (Z3, Z4) stop where a thread reads the global; memory writes (M/X) land", function()
    if skip() then return end
    local out, rv = session({ arg = "threads", pre = { "-e", "trace=none" }, gdb = { "break threads_ready",
      "continue", "rwatch counter", "continue", "delete 2", "awatch counter", "continue", "delete", "continue" } })
    assert.matches("Hardware read watchpoint 2: counter", out)
    assert.matches("hit Hardware read watchpoint 2: counter\n\nValue = %d\n", out)
    assert.matches("hit Hardware access %(read/write%) watchpoint 3: counter\n\n", out)
    assert.matches("in worker %(arg=0x[12]%) at [^\n]*gdb_guest%.c:" .. line_of("counter += id;"), out)
    -- `counter += id` is the guest's own race: held between its read and its
    -- write, a worker may lose the other's update, as it may natively
    assert.matches("^threads ready: 2\ncounter=[123]\n$", rv.out)
    assert.equal(0, rv.code)
    -- a local written through memory: square(1) returns 25, and the sum shows it
    out, rv = session({ pre = { "-e", "trace=none" }, gdb = { "break square", "continue", "set var x = 5",
      "finish", "delete", "continue" } })
    assert.matches("Value returned is %$1 = 25\n", out)
    assert.equal("sum=54\n", rv.out)
    assert.equal(1, rv.code)
  end)

  it("catch syscall write stops at the call with its arguments, and at its return", function()
    if skip() then return end
    local out, rv = session({ pre = { "-e", "trace=write" }, gdb = { "catch syscall write", "continue",
      "print $rdi", "print $rdx", "x/s $rsi", "continue", "print $rax", "continue" } })
    assert.matches("Catchpoint 1 %(call to syscall write%)", out)
    assert.matches("%$1 = 1\n%$2 = 7\n0x%x+:%s+\"sum=30\\n\"\n", out)
    assert.matches("Catchpoint 1 %(returned from syscall write%)", out)
    assert.matches("%$3 = 7\n", out)
    assert.matches("exited normally", out)
    -- the tool saw the call once, after gdb
    assert.matches('write%(1, "sum=30\\n", 7%)%s+= 7\n%+%+%+ exited with 0', rv.err)
    assert.equal("sum=30\n", rv.out)
  end)

  it("monitor: help, lua against the stopped thread (its decoded syscall), inject a fault", function()
    if skip() then return end
    local out, rv = session({ pre = { "-e", "trace=write" }, gdb = { "monitor help", "catch syscall write",
      "continue", "monitor lua print(sc)", "monitor lua x = g.tid", "monitor lua =x == g.tid",
      "monitor lua regs().rdx", "monitor lua nosuch()", "monitor bogus", "monitor inject write:error=EIO",
      "delete", "continue" } })
    assert.matches("revel's monitor commands:\n  monitor help", out)
    assert.matches("Catchpoint 1 %(call to syscall write%)", out)
    assert.matches('\nwrite%(1, "sum=30\\n", 7%)\ntrue\n7\nerror: [^\n]*nosuch[^\n]*\n', out)
    assert.matches('unknown monitor command "bogus"; monitor help lists them\n', out)
    assert.matches("inject rule added: write:error=EIO\n", out)
    assert.matches('write%(1, "sum=30\\n", 7%)%s+= %-1 EIO %(Input/output error%) %(INJECTED%)', rv.err)
    assert.equal("", rv.out)
  end)

  it("monitor lua injects syscalls at a breakpoint: getpid is the guest's pid, a write shows in its output", function()
    if skip() then return end
    local native = H.native({ guest })
    local out, rv = session({ pre = { "-e", "trace=write" }, gdb = { "break square", "continue",
      "monitor lua inject(sys.getpid())", 'monitor lua inject(sys.write(1, "from gdb\\n", 9))',
      'monitor lua g:inject(sys.write(1, "via g\\n", 6))', "monitor lua inject(\"nosuch\")",
      "monitor lua inject(sys.write(1, 0x10, 5))", "monitor lua inject(42)", "bt 1", "info registers rip",
      "next", "print sq", "delete", "continue" } })
    assert.matches("Breakpoint 1, square %(x=1%)", out)
    local pid = out:match("%[Inferior 1 %(process (%d+)%) exited normally%]")
    assert.is_not_nil(pid, out)
    -- each call one line: the result, or what is wrong; the session goes on
    assert.matches("\n" .. pid .. "\n9\n6\nerror: [^\n]*inject: unknown syscall \"nosuch\"[^\n]*\n%-14\n"
      .. "error: [^\n]*inject: a syscall was expected[^\n]*\n#0  square %(x=1%)", out)
    -- the thread stayed where it was: same pc, and it goes on as before
    assert.matches("rip%s+0x%x+%s+0x%x+ <square%+%d+>", out)
    assert.matches("%$1 = 1\n", out)
    assert.equal("from gdb\nvia g\n" .. native.out, rv.out)
    assert.equal(0, rv.code)
    -- the tool saw the guest's own write once, not the injected ones
    assert.matches('\nwrite%(1, "sum=30\\n", 7%)%s+= 7\n%+%+%+ exited with 0 %+%+%+\n$', rv.err)
    assert.equal(1, select(2, rv.err:gsub("write%(", "")))
  end)

  it("monitor lua injects at a catch syscall stop and at its return; the caught call runs as it came", function()
    if skip() then return end
    local out, rv = session({ pre = { "-e", "trace=write" }, gdb = { "catch syscall write", "continue",
      "monitor lua inject(sys.getpid())", 'monitor lua inject(sys.write(1, "at catch\\n", 9))', "print $rdx",
      "continue", 'monitor lua inject(sys.write(1, "at return\\n", 10))', "print $rax", "continue" } })
    assert.matches("Catchpoint 1 %(call to syscall write%)", out)
    local pid = out:match("%[Inferior 1 %(process (%d+)%) exited normally%]")
    assert.is_not_nil(pid, out)
    assert.matches("\n" .. pid .. "\n9\n%$1 = 7\n", out)
    assert.matches("Catchpoint 1 %(returned from syscall write%)[^\n]*\n[^\n]*\n10\n%$2 = 7\n", out)
    assert.equal("at catch\nsum=30\nat return\n", rv.out)
    assert.equal(0, rv.code)
    assert.matches('write%(1, "sum=30\\n", 7%)%s+= 7\n%+%+%+ exited with 0', rv.err)
  end)

  it("monitor lua injects at the first stop, in a thread blocked in futex, and at a signal stop", function()
    if skip() then return end
    -- the first stop (the exec's), then stepi goes on as without the call
    local out, rv = session({ pre = { "-e", "trace=none" }, gdb = { "info registers rip",
      'monitor lua inject(sys.write(1, "first\\n", 6))', "stepi", "info registers rip", "continue" } })
    -- gdb's first stop is the first instruction after the exec: the loader's _start
    assert.matches("\nrip%s+0x%x+%s+0x%x+ <_start>\n6\n0x%x+ in _start %(%)[^\n]*\nrip%s+0x%x+%s+0x%x+ <_start%+%d+>", out)
    assert.equal("first\nsum=30\n", rv.out)
    assert.equal(0, rv.code)
    -- threads gdb stopped in pthread_barrier_wait's futex call: it goes on waiting
    out, rv = session({ arg = "threads", pre = { "-e", "trace=none" }, gdb = { "break threads_ready", "continue",
      "thread 2", "monitor lua inject(sys.gettid()) == g.tid", 'monitor lua inject(sys.write(1, "t2\\n", 3))',
      "thread 1", "continue" } })
    assert.matches("\ntrue\n3\n", out)
    assert.equal("t2\nthreads ready: 2\ncounter=3\n", rv.out)
    assert.equal(0, rv.code)
    -- a SIGUSR1 stop: gdb passes the signal on; its handler gets the same siginfo
    local native = H.native({ guest, "signal" })
    out, rv = session({ arg = "signal", pre = { "-e", "trace=none" }, gdb = { "continue",
      'monitor lua inject(sys.write(1, "at signal\\n", 10))', "continue" } })
    assert.matches("Program received signal SIGUSR1", out)
    assert.matches("\n10\n", out)
    assert.equal("at signal\n" .. native.out, rv.out)
    assert.equal(0, rv.code)
  end)

  it("follows a fork into the child (set follow-fork-mode child) and stops at its breakpoint", function()
    if skip() then return end
    local out, rv = session({ arg = "fork", pre = { "-e", "trace=none" }, gdb = { "set follow-fork-mode child",
      "break in_child", "continue", "bt", "next", "next", "print twice", "continue" } })
    assert.matches("Attaching after [^\n]* fork to child", out)
    assert.matches("Detaching after fork from parent process %d+", out)
    assert.matches("hit Breakpoint 1, in_child %(v=21%) at [^\n]*gdb_guest%.c:%d+", out)
    assert.matches("#1  0x%x+ in main %(", out)
    assert.matches("%$1 = 42\n", out)
    assert.matches("%[Inferior 2 %(process %d+%) exited normally%]", out)
    assert.equal("child: 42\nparent: child exited 0\n", rv.out)
    assert.equal(0, rv.code)
  end)

  it("keeps the parent by default: the child runs without gdb's breakpoints", function()
    if skip() then return end
    local out, rv = session({ arg = "fork", pre = { "-e", "trace=none" }, gdb = { "break in_child",
      "break waitpid", "continue", "bt 2", "delete", "continue" } })
    assert.matches("Detaching after fork from child process %d+", out)
    assert.matches("in main %(argc=2, ", out)
    assert.matches("exited normally", out)
    assert.equal("child: 42\nparent: child exited 0\n", rv.out)
  end)

  it("keeps a vfork child off gdb's breakpoints until it is done (vfork and vforkdone events)", function()
    if skip() then return end
    local out, rv = session({ arg = "vfork", pre = { "-e", "trace=none" }, gdb = { "break in_child",
      "break waitpid", "continue", "bt 2", "delete", "continue" } })
    assert.matches("Detaching after vfork from child process %d+", out)
    assert.not_matches("in_child %(v=1%) at", out)
    assert.matches("in main %(argc=2, ", out)
    assert.matches("exited normally", out)
    assert.equal("vfork child exited 2\n", rv.out)
  end)

  it("follows a vfork child: stops at its breakpoint, steps, and lets the parent go at its exit", function()
    if skip() then return end
    local out, rv = session({ arg = "vfork", pre = { "-e", "trace=none" }, gdb = { "set follow-fork-mode child",
      "break in_child", "continue", "next", "next", "print twice", "continue" } })
    assert.matches("hit Breakpoint 1, in_child %(v=1%)", out)
    assert.matches("%$1 = 2\n", out)
    assert.matches("Detaching vfork parent process %d+ after child exit", out)
    assert.matches("%[Inferior 2 %(process %d+%) exited with code 02%]", out)
    assert.equal("vfork child exited 2\n", rv.out)
    assert.equal(0, rv.code)
  end)

  it("takes its breakpoints out of a child gdb is not told of (no fork events)", function()
    if skip() then return end
    local out, rv = session({ arg = "fork", pre = { "-e", "trace=none" },
      before = { "set remote fork-event-feature-packet off" }, gdb = { "break in_child", "continue" } })
    assert.not_matches("Detaching after fork", out)
    assert.not_matches("in_child %(v=21%)", out)
    assert.equal("child: 42\nparent: child exited 0\n", rv.out)
    assert.equal(0, rv.code)
  end)

  it("hears of an exec and stops at a breakpoint in the new image", function()
    if skip() then return end
    local out, rv = session({ arg = "exec", pre = { "-e", "trace=none" }, gdb = { "break square", "continue",
      "bt", "delete", "continue" } })
    assert.matches("process %d+ is executing new program: [^\n]*gdb_guest\n", out)
    assert.matches("Breakpoint 1, square %(x=1%)", out)
    assert.matches("#2  0x%x+ in main %(argc=1, ", out)
    assert.equal("exec\nsum=30\n", rv.out)
  end)

  it("detach leaves the guest to finish with its own output, the tool still tracing", function()
    if skip() then return end
    local native = H.native({ guest })
    local out, rv = session({ pre = { "-e", "trace=write" }, gdb = { "break square", "continue", "detach" } })
    assert.matches("%[Inferior 1 %(process %d+%) detached%]", out)
    assert.equal(native.out, rv.out)
    assert.equal(0, rv.code)
    assert.matches('write%(1, "sum=30\\n", 7%)%s+= 7', rv.err)
    assert.matches("%+%+%+ exited with 0 %+%+%+", rv.err)
  end)

  it("kill ends the guest; revel exits as it died", function()
    if skip() then return end
    local out, rv = session({ pre = { "-e", "trace=none" }, gdb = { "break sum_squares", "continue", "kill" } })
    assert.matches("killed", out)
    assert.equal("", rv.out)
    assert.equal(137, rv.code)
    assert.matches("%+%+%+ killed by SIGKILL %+%+%+", rv.err)
  end)

  it("keeps a tool's handlers running: its count is the same with and without gdb", function()
    if skip() then return end
    local tool = H.tool([[
local tool = { calls = 0 }
function tool.syscall(g, sc) tool.calls = tool.calls + 1 end
function tool.finish() io.stderr:write("calls ", tool.calls, "\n") end
return tool
]])
    local plain = H.revel({ tool }, { guest })
    local want = plain.err:match("calls (%d+)")
    assert.is_not_nil(want, plain.err)
    local _, rv = session({ tool = tool, gdb = { "break square", "continue", "next", "finish",
      "delete", "continue" } })
    assert.equal(want, rv.err:match("calls (%d+)"))
    assert.equal(plain.out, rv.out)
  end)

  it("keeps the tool's events of threads gdb is not looking at: the count is the same", function()
    if skip() then return end
    -- futex calls depend on how the threads meet: they are not counted
    local tool = H.tool([[
local tool = { calls = 0 }
function tool.syscall(g, sc) if sc.name ~= "futex" then tool.calls = tool.calls + 1 end end
function tool.finish() io.stderr:write("calls ", tool.calls, "\n") end
return tool
]])
    local plain = H.revel({ tool }, { guest, "threads" })
    local want = plain.err:match("calls (%d+)")
    assert.is_not_nil(want, plain.err)
    local out, rv = session({ tool = tool, arg = "threads", gdb = { "break threads_ready", "continue",
      "thread 2", "bt 1", "thread 1", "next", "delete", "continue" } })
    assert.matches("hit Breakpoint 1, threads_ready", out)
    assert.equal(want, rv.err:match("calls (%d+)"))
    assert.equal(plain.out, rv.out)
    assert.equal(0, rv.code)
  end)

  it("--gdb-disconnect=continue: a gdb that dies while the guest runs leaves it to run past its breakpoint",
    function()
    if skip() then return end
    local native = H.native({ guest, "nap" })
    -- gdb resumes in the background and is gone before the breakpoint is hit
    local _, rv = session({ arg = "nap", pre = { "-e", "trace=none", "--gdb-disconnect=continue" },
      gdb = { "break square", "continue &",
        "python import os, signal, time; time.sleep(0.3); os.kill(os.getpid(), signal.SIGKILL)" } })
    assert.equal(native.out, rv.out)
    assert.equal(0, rv.code)
    assert.equal(1, select(2, rv.err:gsub("gdbserver: gdb went away: the guest goes on\n", "")))
  end)
end)

describe("revel --gdbserver and bad clients", function()
  local function raw(py)
    return ([[python3 - <<'EOF'
import os, socket, time
def frame(p): return ("$%%s#%%02x" %% (p, sum(p.encode()) & 0xff)).encode()
def until(s, pat):
    got = b""
    s.settimeout(60)
    while pat not in got:
        b = s.recv(4096)
        if not b: break
        got += b
    return got
s = socket.socket(socket.AF_UNIX); s.connect(os.environ["SOCK"])
%s
EOF]]):format(py)
  end

  it("drops bad packets with one line each, refuses a second client, goes on when the client leaves", function()
    if not has_python then return pending("python3 is not installed") end
    local native = H.native({ guest })
    local out, rv = session({ pre = { "-e", "trace=none" }, client = raw([[
s.sendall(b"$g#00")
s.sendall(b"$" + b"a" * 20000 + b"#00")
s.sendall(b"$*a#8b")
s.sendall(b"$g#zz")
s.sendall(frame("m"))
print(until(s, b"E01"))
s.sendall(frame("?"))
print(until(s, b"thread:"))
s2 = socket.socket(socket.AF_UNIX); s2.connect(os.environ["SOCK"])
s.sendall(frame("qC"))
print("second:", until(s2, b"#"))
print(until(s, b"QC"))
s.close()
]]) })
    assert.matches("T05thread:%x+;", out)
    assert.matches("second: b'%$E%.revel gdbserver: a client is connected already#%x%x'", out)
    assert.matches("QC%x+", out)
    assert.matches("gdbserver: bad checksum: packet says 00, its bytes sum to 67\n", rv.err)
    assert.matches("gdbserver: packet longer than 16384 bytes dropped\n", rv.err)
    assert.matches("gdbserver: bad run%-length encoding\n", rv.err)
    assert.matches("gdbserver: bad checksum digit 0x7a\n", rv.err)
    assert.matches("%$E01#a6", out) -- a packet that says nothing gdb would send: an error reply
    assert.matches('gdbserver: malformed packet "m": answered E01\n', rv.err)
    assert.matches("gdbserver: a second client refused: gdb is connected already\n", rv.err)
    assert.matches("gdbserver: gdb went away: the guest goes on\n", rv.err)
    assert.equal(native.out, rv.out)
    assert.equal(0, rv.code)
  end)

  it("interrupts a running guest at gdb's ^C, and refuses a second client while it runs", function()
    if not has_python then return pending("python3 is not installed") end
    local out, rv = session({ arg = "sleep", pre = { "-e", "trace=none" }, client = raw([[
s.sendall(frame("?"))
print(until(s, b"thread:"))
s.sendall(frame("vCont;c"))
s2 = socket.socket(socket.AF_UNIX); s2.connect(os.environ["SOCK"])
print("second:", until(s2, b"#"))
start = time.time()
s.sendall(b"\x03")
print("interrupted:", until(s, b"thread:"), time.time() - start < 20)
s.sendall(frame("vKill;1"))
print(until(s, b"OK"))
]]) })
    assert.matches("second: b'%$E%.revel gdbserver: a client is connected already#%x%x'", out)
    assert.matches("interrupted: b'[^']*%$T02thread:%x+;#%x%x' True", out) -- SIGINT is gdb's 2
    assert.matches("gdbserver: a second client refused: gdb is connected already\n", rv.err)
    assert.equal(137, rv.code)
    assert.equal("", rv.out)
  end)

  it("--gdb-disconnect=kill kills the guest when the client leaves", function()
    if not has_python then return pending("python3 is not installed") end
    local _, rv = session({ pre = { "-e", "trace=none", "--gdb-disconnect=kill" }, client = raw([[
s.sendall(frame("?"))
until(s, b"thread:")
s.close()
]]) })
    assert.matches("gdb went away: the guest is killed", rv.err)
    assert.equal("", rv.out)
    assert.equal(137, rv.code)
  end)

  it("--gdb-disconnect=kill kills a running guest as soon as the client leaves", function()
    if not has_python then return pending("python3 is not installed") end
    -- the guest sleeps 30 s: had it not been killed, it would end with its output and 0
    local _, rv = session({ arg = "sleep", pre = { "-e", "trace=none", "--gdb-disconnect=kill" }, client = raw([[
s.sendall(frame("?"))
until(s, b"thread:")
s.sendall(frame("vCont;c"))
time.sleep(0.5)
s.close()
]]) })
    assert.matches("gdb went away: the guest is killed\n", rv.err)
    assert.equal("", rv.out)
    assert.equal(137, rv.code)
  end)

  it("refuses bad options with one line and 125", function()
    local r = H.revel({ "--gdb-disconnect=later", "--gdbserver", "1" }, { guest })
    assert.equal(125, r.code)
    assert.equal('revel: --gdb-disconnect takes continue or kill, not "later"\n', r.err)
    r = H.revel({ "--gdbserver", "localhost:99999" }, { guest })
    assert.equal(125, r.code)
    assert.matches("^revel: [^\n]*gdbserver takes %[HOST:%]PORT or a socket path, not localhost:99999\n$", r.err)
    r = H.revel({ "--gdbserver", "1234", "--repl" }, { guest })
    assert.equal(125, r.code)
    assert.equal("revel: --gdbserver with --repl or --watch is not supported yet (gdb's monitor lua is a REPL line)\n",
      r.err)
    r = H.revel({ "--gdbserver", H.tmpdir() .. "/no/such/dir/sock" }, { guest })
    assert.equal(125, r.code)
    assert.matches("^revel: [^\n]*No such file or directory\n$", r.err)
  end)
end)
