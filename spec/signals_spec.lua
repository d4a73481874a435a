-- Signals to revel itself: Ctrl-C is the guest's, SIGTERM ends the run; and
-- the run's end: --exit-with-root.
local H = require("helpers.run")

local eventually = H.eventually

local function exists(path)
  local f = io.open(path)
  if f then
    f:close()
  end
  return f ~= nil
end

local read = H.slurp

describe("revel's own signals", function()
  it("Ctrl-C reaches the guest as it would natively; finish still runs", function()
    local dir = H.tmpname()
    os.remove(dir)
    H.sh("mkdir -p " .. H.q(dir))
    local function write(name, text)
      local f = assert(io.open(dir .. "/" .. name, "w"))
      f:write(text)
      f:close()
    end
    write("guest.sh", 'trap "echo got INT; exit 0" INT\necho > ready\nwhile :; do sleep 0.05; done\n')
    write("run.sh", ("echo $$ > pgid\n%s %s -- sh guest.sh > out 2> err\n"):format(
      H.q(H.bin), H.q(H.example("counter.lua"))))
    -- A terminal sends SIGINT to its whole foreground process group.
    -- A command started with & ignores SIGINT, and so would its children:
    -- start the session from a clean SIGINT, as a terminal's shell would.
    H.sh(("cd %s && setsid python3 -c %s > /dev/null 2>&1 &"):format(H.q(dir), H.q(
      "import os, signal; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp('sh', ['sh', 'run.sh'])")))
    assert.is_true(eventually(function() return exists(dir .. "/ready") end))
    local pgid = read(dir .. "/pgid"):match("%d+")
    -- The outer shell of the test dies of SIGINT itself; the code is revel's
    -- when it survives, so read what revel left.
    H.sh("kill -INT -" .. pgid)
    assert.is_true(eventually(function() return read(dir .. "/err"):match("syscalls") ~= nil end))
    assert.are.equal("got INT\n", read(dir .. "/out"))
    H.sh("rm -rf " .. H.q(dir))
  end)

  it("SIGTERM to revel ends the guest, runs finish, leaves no process", function()
    local errf, s3301 = H.tmppath("sigterm-err"), H.sleep_arg(3301)
    local r = H.sh(("%s %s -- sh -c 'sleep %s; true' > /dev/null 2> %s & echo $!"):format(
      H.q(H.bin), H.q(H.example("counter.lua")), s3301, H.q(errf)))
    local pid = r.out:match("%d+")
    assert.is_true(eventually(function() return #H.procs_matching("^sleep " .. s3301) > 0 end))
    H.sh("kill -TERM " .. pid)
    assert.is_true(eventually(function() return #H.procs_matching("sleep " .. s3301) == 0 end, 5))
    assert.is_true(eventually(function() return read(errf):match("syscalls") ~= nil end))
    os.remove(errf)
  end)

  it("SIGTERM gives exit status 143", function()
    local s3302 = H.sleep_arg(3302)
    local r = H.sh(("%s %s -- sh -c 'sleep %s; true' & p=$!; "
      .. "while ! pgrep -f '^sleep %s' > /dev/null; do sleep 0.05; done; kill -TERM $p; wait $p"):format(
      H.q(H.bin), H.q(H.example("noop.lua")), s3302, s3302))
    assert.are.equal(143, r.code)
  end)
end)

describe("the end of a run", function()
  it("waits for a daemon that outlives the root, by default", function()
    local r = H.revel({ H.example("noop.lua") }, { "sh", "-c", "(setsid sh -c 'sleep 0.2; echo daemon' &); echo root" })
    assert.are.equal(0, r.code)
    assert.are.equal("root\ndaemon\n", r.out)
  end)

  it("--exit-with-root ends the run with the root and kills what is left", function()
    local r = H.sh(H.words({ H.bin, "--exit-with-root", H.example("noop.lua"), "--", "sh", "-c",
      "(setsid sleep " .. H.sleep_arg(3303) .. " &); exit 4" }))
    assert.are.equal(4, r.code)
    assert.are.same({}, H.procs_matching("sleep " .. H.sleep_arg(3303)))
  end)
end)

describe("thread_start and post_exec", function()
  after_each(H.cleanup)

  it("run before a thread's first instruction and after exec, and may inject", function()
    local t = H.tool([[
local tool = { subscriptions = {} }
local starts, execs = 0, 0
function tool.thread_start(g)
  assert(g:inject(revel.sys.getpid()) == g.pid)
  starts = starts + 1
end
function tool.post_exec(g)
  assert(g:inject(revel.sys.access("/nonexistent-revel", 0)) == -revel.errno.ENOENT)
  execs = execs + 1
end
function tool.finish() io.stderr:write(starts, " starts ", execs, " execs\n") end
return tool
]])
    local n = H.native({ H.guest("threads8") })
    local r = H.revel({ t }, { H.guest("threads8") })
    assert.are.equal(n.out, r.out)
    assert.are.equal(0, r.code, r.err)
    assert.truthy(r.err:match("9 starts 1 execs"), r.err)
    r = H.revel({ t }, { H.guest("vfork_exec") })
    assert.are.equal(H.native({ H.guest("vfork_exec") }).out, r.out)
    assert.truthy(r.err:match("3 starts 3 execs"), r.err)
  end)
end)
