-- revel -p PID: attaching to running processes, and detaching so that they
-- run on as if revel had never been there (strace -p).
local H = require("helpers.run")

local eventually, read, q = H.eventually, H.slurp, H.q

-- Start a command line in the background; its pid. Killed after each test
-- if still there.
local started = {}
local function bg(cmdline)
  local r = H.sh(cmdline .. " & echo $!")
  local pid = assert(tonumber(r.out:match("(%d+)%s*$")), r.err)
  started[#started + 1] = pid
  return pid
end

-- After each test: what bg started and is still there, last first.
local function kill_started()
  for i = #started, 1, -1 do
    os.execute("kill " .. started[i] .. " 2> /dev/null")
  end
  started = {}
end

local function alive(pid)
  return H.sh("kill -0 " .. pid).code == 0
end

local function status_field(pid, name)
  return read("/proc/" .. pid .. "/status"):match("\n" .. name .. ":%s*(%S+)")
end

local function newdir()
  local d = H.tmppath("attach")
  H.sh("mkdir -p " .. q(d))
  return d
end

-- Grows by more than n bytes (a process writing to it lives on).
local function grows(path, n)
  local size = #read(path)
  return eventually(function() return #read(path) > size + n end)
end

describe("revel -p", function()
  after_each(kill_started)

  it("follows a running shell loop and Ctrl-C lets it run on", function()
    local d = newdir()
    local sh = bg(("sh -c 'while :; do echo x; sleep 0.1; done' > %s"):format(q(d .. "/loop")))
    assert.is_true(eventually(function() return #read(d .. "/loop") > 0 end))
    -- Started as a terminal's shell would (SIGINT not ignored), for Ctrl-C.
    local r = bg(("python3 -c %s %s -p %d -o %s 2> %s"):format(q(
      "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"),
      q(H.bin), sh, q(d .. "/trace"), q(d .. "/err")))
    assert.is_true(eventually(function() return read(d .. "/err"):find("attached") ~= nil end))
    assert.is_true(grows(d .. "/loop", 4)) -- writes made under revel
    -- The lines come out while it runs (before the tracer sleeps), as strace -p's.
    assert.is_true(eventually(function() return read(d .. "/trace"):find('write(1, "x\\n", 2)', 1, true) ~= nil end))
    H.sh("kill -INT " .. r)
    assert.is_true(eventually(function() return not alive(r) end))
    assert.are.equal(("revel: Process %d attached\nrevel: Process %d detached\n"):format(sh, sh), read(d .. "/err"))
    local trace = read(d .. "/trace")
    assert.truthy(trace:find('write(1, "x\\n", 2)', 1, true))
    assert.truthy(trace:find("wait4(-1, ", 1, true))
    assert.truthy(trace:find("vfork()", 1, true))
    assert.falsy(trace:find("%[pid")) -- one thread shown: no prefix, as strace
    -- The loop lives on, untraced, and keeps writing.
    assert.are.equal("0", status_field(sh, "TracerPid"))
    assert.is_true(grows(d .. "/loop", 4))
  end)

  it("keeps a multithreaded server serving through attach and detach", function()
    local d = newdir()
    local srv = bg(("%s %s"):format(q(H.guest("echo_server")), q(d .. "/port")))
    assert.is_true(eventually(function() return read(d .. "/port"):match("%d+") ~= nil end))
    local port = read(d .. "/port"):match("%d+")
    local client = H.root .. "/spec/guests/echo_client.py"
    bg(("(python3 %s %s %s %s > %s; echo $? > %s)"):format(q(client), port, q(d .. "/stop"),
      q(d .. "/progress"), q(d .. "/client"), q(d .. "/client.code")))
    local function answered()
      return tonumber(read(d .. "/progress"):match("%d+")) or 0
    end
    assert.is_true(eventually(function() return answered() > 0 end))
    local r = bg(("%s -f -p %d -o %s 2> %s"):format(q(H.bin), srv, q(d .. "/trace"), q(d .. "/err")))
    assert.is_true(eventually(function() return read(d .. "/err"):find("attached") ~= nil end))
    -- Requests answered while attached: the server's threads echo under revel.
    local at_attach = answered()
    assert.is_true(eventually(function() return answered() >= at_attach + 60 end, 30))
    H.sh("kill -TERM " .. r)
    assert.is_true(eventually(function() return not alive(r) end))
    local err = read(d .. "/err")
    assert.truthy(err:find(("revel: Process %d attached with 5 threads\n"):format(srv), 1, true))
    local _, detached = err:gsub("revel: Process %d+ detached\n", "")
    assert.are.equal(5, detached)
    local trace = read(d .. "/trace")
    assert.truthy(trace:find('read%(%d+, "request %d+\\n"'))
    assert.truthy(trace:find('write%(%d+, "request %d+\\n", %d+%) += %d+'))
    -- Served on after the detach, then the client stops.
    local at_detach = answered()
    local served = eventually(function() return answered() >= at_detach + 60 end, 30)
    local why = served or table.concat({ at_detach, answered(), read(d .. "/client"), H.sh("for t in /proc/" .. srv
        .. "/task/*; do echo $t $(cut -d' ' -f3 $t/stat) $(cat $t/wchan) $(cat $t/syscall); done").out }, "\n")
    assert.is_true(served, why)
    H.sh("touch " .. q(d .. "/stop"))
    assert.is_true(eventually(function() return read(d .. "/client.code") ~= "" end, 30))
    local sent, answered = read(d .. "/client"):match("sent (%d+) answered (%d+)")
    assert.are.equal("0\n", read(d .. "/client.code"))
    assert.are.equal(sent, answered)
    assert.are.equal(trace, read(d .. "/trace")) -- nothing traced after the detach
    -- The server lives, untraced, its threads, mask and pending SIGUSR1 intact.
    assert.is_true(alive(srv))
    assert.are.equal("0", status_field(srv, "TracerPid"))
    assert.are.equal("5", status_field(srv, "Threads"))
    assert.are.equal("0000000000000200", status_field(srv, "SigBlk"))
    assert.are.equal("0000000000000200", status_field(srv, "ShdPnd"))
  end)

  it("runs a tool file on an attached process", function()
    local d = newdir()
    local sh = bg(("sh -c 'while :; do echo x; sleep 0.05; done' > %s"):format(q(d .. "/loop")))
    local tool = H.tool([[
local tool = { on = {} }
local n = 0
function tool.on.write(g, sc)
  local r = g:inject(sc) -- the call runs under revel's hand: detach may cut in
  n = n + 1
  return r
end
function tool.finish() io.stderr:write(n, " writes\n") end
return tool
]])
    local r = bg(("%s -p %d %s 2> %s"):format(q(H.bin), sh, q(tool), q(d .. "/err")))
    assert.is_true(eventually(function() return read(d .. "/err"):find("attached") ~= nil end))
    assert.is_true(grows(d .. "/loop", 10))
    H.sh("kill -TERM " .. r)
    assert.is_true(eventually(function() return read(d .. "/err"):find("writes") ~= nil end))
    local n = tonumber(read(d .. "/err"):match("(%d+) writes"))
    assert.is_true(n > 0)
    -- Every x written once, whole: nothing run twice or lost at the detach.
    assert.is_true(grows(d .. "/loop", 4))
    assert.truthy(read(d .. "/loop"):match("^[x\n]+$"))
    assert.falsy(read(d .. "/loop"):find("xx"))
    assert.are.equal("0", status_field(sh, "TracerPid"))
  end)

  it("prints what strace -p prints for a sleeping process, line for line", function()
    -- The tracer must attach while sleep sleeps (sleep's own timer ends it,
    -- for restart_syscall's "= 0"): under load a tracer may take longer than
    -- the sleep to start, so an attach that came too late (no restart_syscall
    -- line, or no process) is tried again with a longer sleep.
    local function attach(tracer, n)
      local last = "sleep never seen asleep"
      for _, secs in ipairs({ "1.", "4.", "15." }) do
        local sl = bg("exec sleep " .. secs .. n)
        if eventually(function() return read("/proc/" .. sl .. "/comm") == "sleep\n" and status_field(sl, "State") == "S" end) then
          local r = H.sh(("%s -p %d"):format(q(tracer), sl), { timeout = 60 })
          local err = r.err:gsub("^strace: ", "revel: "):gsub("Process " .. sl, "Process N")
          if r.code == 0 and err:find("attached\nrestart_syscall(", 1, true) then
            return err
          end
          last = r.code .. ": " .. err
        end
      end
      error(tracer .. " -p never attached to a sleep in time; last: " .. last)
    end
    local out = { attach("strace", 1), attach(H.bin, 2) }
    assert.truthy(out[1]:find("restart_syscall(<... resuming interrupted read ...>) = 0", 1, true))
    assert.are.equal(out[1], out[2])
  end)

  it("leaves a stopped process stopped, as strace -p does, and SIGCONT wakes it after", function()
    local d = newdir()
    local sl = bg("exec sleep " .. H.sleep_arg(3402))
    H.sh("kill -STOP " .. sl)
    assert.is_true(eventually(function() return status_field(sl, "State") == "T" end))
    local r = bg(("%s -p %d 2> %s"):format(q(H.bin), sl, q(d .. "/err")))
    assert.is_true(eventually(function() return read(d .. "/err"):find("stopped by SIGSTOP", 1, true) ~= nil end))
    assert.are.equal("t", status_field(sl, "State")) -- held in its group-stop, traced
    H.sh("kill -TERM " .. r)
    assert.is_true(eventually(function() return read(d .. "/err"):find("detached") ~= nil end))
    assert.is_true(eventually(function() return status_field(sl, "State") == "T" end))
    assert.are.equal("0", status_field(sl, "TracerPid"))
    H.sh("kill -CONT " .. sl)
    assert.is_true(eventually(function() return status_field(sl, "State") == "S" end))
  end)

  it("ends with the attached process, exit status 0 as strace", function()
    local d = newdir()
    local fifo = d .. "/fifo"
    local sh = bg(("mkfifo %s; sh -c 'read x < %s; exit 3'"):format(q(fifo), q(fifo)))
    local r = H.sh(("(sleep 0.3; echo go > %s) & %s -p %d"):format(q(fifo), q(H.bin), sh), { timeout = 30 })
    assert.are.equal(0, r.code)
    assert.truthy(r.err:find("+++ exited with 3 +++", 1, true))
    assert.truthy(r.err:find(("revel: Process %d attached\n"):format(sh), 1, true))
  end)

  it("says what is wrong in one line and exits 125", function()
    local gone = tonumber(H.sh("sh -c 'echo $$'").out:match("%d+"))
    local r = H.sh(("%s -p %d"):format(q(H.bin), gone))
    assert.are.equal(125, r.code)
    assert.are.equal(("revel: attach: ptrace(PTRACE_SEIZE, %d): No such process\n"):format(gone), r.err)
    r = H.sh(q(H.bin) .. " -p abc")
    assert.are.equal(125, r.code)
    assert.are.equal("revel: Invalid process id: 'abc'\n", r.err)
    r = H.sh(q(H.bin) .. " --attach=0")
    assert.are.equal(125, r.code)
    assert.are.equal("revel: Invalid process id: '0'\n", r.err)
    -- Traced already (by strace): not permitted, and strace keeps it.
    local s = H.sleep_arg(3401)
    local sl = bg("sleep " .. s)
    local st = bg(("strace -q -e trace=none -p %d 2> /dev/null"):format(sl))
    assert.is_true(eventually(function() return status_field(sl, "TracerPid") == tostring(st) end))
    r = H.sh(("%s -p %d"):format(q(H.bin), sl))
    assert.are.equal(125, r.code)
    assert.are.equal(("revel: attach: ptrace(PTRACE_SEIZE, %d): Operation not permitted\n"):format(sl), r.err)
    assert.are.equal(tostring(st), status_field(sl, "TracerPid"))
  end)
end)

describe("revel -b execve", function()
  after_each(kill_started)

  it("with -f -p, lets go of the children the attached loop execs, and keeps the loop", function()
    local d = newdir()
    local sh = bg(("sh -c 'while :; do /bin/echo x; sleep 0.05; done' > %s"):format(q(d .. "/loop")))
    local r = bg(("%s -f -b execve -p %d -o %s 2> %s"):format(q(H.bin), sh, q(d .. "/trace"), q(d .. "/err")))
    assert.is_true(eventually(function()
      local _, n = read(d .. "/err"):gsub("revel: Process %d+ detached\n", "")
      return n >= 4 -- children let go of at their exec, the loop traced on
    end))
    assert.are.equal(tostring(r), status_field(sh, "TracerPid"))
    H.sh("kill -TERM " .. r)
    assert.is_true(eventually(function() return not alive(r) end))
    local trace = read(d .. "/trace")
    assert.truthy(trace:find('execve("/bin/echo", ["/bin/echo", "x"]', 1, true))
    assert.truthy(trace:find("<detached ...>", 1, true))
    assert.falsy(trace:find('write(1, "x\\n", 2)', 1, true)) -- echo's own calls: not traced
    assert.are.equal("0", status_field(sh, "TracerPid"))
    assert.is_true(grows(d .. "/loop", 4))
  end)

  it("waits for the command it let go of, exits 0 as strace; other calls are refused", function()
    local r = H.sh(("%s -q -b execve -e trace=execve sh -c 'exec sh -c \"echo out; exit 3\"'"):format(q(H.bin)))
    assert.are.equal(0, r.code)
    assert.are.equal("out\n", r.out)
    assert.truthy(r.err:find('^execve%("/usr/bin/sh", %["sh", "%-c", "exec sh'))
    assert.truthy(r.err:find("<detached ...>\n$"))
    assert.falsy(r.err:find("Process")) -- -q
    r = H.sh(q(H.bin) .. " --detach-on=open true")
    assert.are.equal(125, r.code)
    assert.are.equal("revel: Syscall 'open' for -b isn't supported\n", r.err)
  end)
end)

describe("revel(1)'s -p examples", function()
  after_each(kill_started)

  it("run as written, on a live process", function()
    local man = read(H.root .. "/docs/revel.1")
    local lines = {}
    for l in man:gmatch("\n(revel \\%-[^\n]*1234[^\n]*)") do
      lines[#lines + 1] = (l:gsub("\\%-", "-"):gsub("%s+#.*$", ""))
    end
    assert.is_true(#lines >= 3)
    local d = newdir()
    for _, l in ipairs(lines) do
      local sh = bg(("sh -c 'while :; do echo x; sleep 0.05; done' > %s"):format(q(d .. "/loop")))
      local cmd = l:gsub("^revel ", q(H.bin) .. " "):gsub("1234", tostring(sh))
        :gsub(" examples/", " " .. H.root .. "/examples/")
      os.remove(d .. "/err")
      local r = bg(("cd %s && %s > /dev/null 2> err"):format(q(d), cmd))
      assert.is_true(eventually(function() return read(d .. "/err"):find("attached") ~= nil end), l)
      assert.is_true(grows(d .. "/loop", 4))
      H.sh("kill -TERM " .. r)
      assert.is_true(eventually(function() return read(d .. "/err"):find("detached") ~= nil end), l)
      assert.is_true(grows(d .. "/loop", 4), l)
      H.sh("kill " .. sh)
    end
    assert.truthy(read(d .. "/trace.txt"):find("write(1, \"x\\n\", 2)", 1, true))
  end)
end)
