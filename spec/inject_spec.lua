-- Fault injection: strace's -e inject= as strace does it, rules with more
-- reach, draws that replay from a seed, a log and its replay, and the examples.
local H = require("helpers.run")
require("revel") -- registers the embedded library
local json = require("revel._json")

after_each(H.cleanup)

local probe = H.guest("inject_probe")

describe("strace's -e inject=", function()
  for _, case in ipairs(require("helpers.inject_cases")) do
    local spec = case.spec
    it("the guest sees what it sees under strace: " .. spec, function()
      local s = H.native({ "strace", "-f", "-o", "/dev/null", "-e", "inject=" .. spec, probe })
      assert.are.equal(0, s.code, s.err)
      -- under the default tool, under a tool with no handlers, and as --inject=
      local a = H.sh(H.words({ H.bin, "-o", "/dev/null", "-e", "inject=" .. spec, "--", probe }))
      local b = H.sh(H.words({ H.bin, "--inject=" .. spec, H.example("noop.lua"), "--", probe }))
      assert.are.equal(s.code, a.code, a.err)
      assert.are.equal(s.out, a.out)
      assert.are.equal(s.code, b.code, b.err)
      assert.are.equal(s.out, b.out)
    end)
  end

  it("several specs at once, the later one winning for a syscall both name", function()
    local words = { "-e", "inject=getppid:retval=5:when=1", "-e", "inject=chdir:error=EIO:when=2",
      "-e", "inject=getppid,chdir:error=EPERM:when=3" }
    local argv = { "strace", "-f", "-o", "/dev/null" }
    for _, w in ipairs(words) do
      argv[#argv + 1] = w
    end
    argv[#argv + 1] = probe
    local s = H.native(argv)
    local r = H.sh(H.words({ H.bin, words[1], words[2], words[3], words[4], words[5], words[6],
      H.example("noop.lua"), "--", probe }))
    assert.are.equal(s.out, r.out)
    assert.truthy(r.out:match("chdir: %-1 EPERM"), r.out)
  end)

  it("a delay holds the thread, not the tracer", function()
    local t0 = os.time()
    local r = H.sh(H.words({ H.bin, "--inject=getppid:delay_enter=300ms:when=1", H.example("noop.lua"), "--",
      "sh", "-c", probe .. " > /dev/null & " .. H.guest("many_writes") .. " 2; wait" }))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("line 1\nline 2\n", r.out)
    assert.truthy(os.time() - t0 < 10)
  end)

  it("the default tool marks an injected result as strace does", function()
    local so, ro = H.tmpname(), H.tmpname()
    H.native({ "strace", "-f", "-o", so, "-e", "trace=chdir", "-e", "inject=chdir:error=ENOENT:when=2", probe })
    H.sh(H.words({ H.bin, "-f", "-o", ro, "-e", "trace=chdir", "-e", "inject=chdir:error=ENOENT:when=2", "--", probe }))
    local function chdirs(path)
      local out = {}
      for l in io.lines(path) do
        out[#out + 1] = l:match("chdir%(.*$")
      end
      return out
    end
    local s, r = chdirs(so), chdirs(ro)
    os.remove(so)
    os.remove(ro)
    assert.are.same(s, r)
    assert.truthy(r[2]:match("%(INJECTED%)$"), r[2])
  end)

  it("a delay applies to calls the default tool handles too", function()
    local clock = function()
      local p = io.popen("date +%s%N")
      local v = tonumber(p:read("*l"))
      p:close()
      return v / 1e9
    end
    local a = clock()
    local r = H.sh(H.words({ H.bin, "-o", "/dev/null", "-e", "inject=write:delay_enter=300ms:when=1", "--", "echo", "hi" }))
    local took = clock() - a
    assert.are.equal("hi\n", r.out)
    assert.truthy(took >= 0.3, took)
  end)

  it("a rule's fault stands when the handler injects other calls first", function()
    local t = H.tool([[
return { on = { chdir = function(g, sc) g:inject(revel.sys.getpid()) end } }
]])
    local s = H.native({ "strace", "-o", "/dev/null", "-e", "inject=chdir:error=EROFS:when=2", probe })
    local r = H.sh(H.words({ H.bin, "--inject=chdir:error=EROFS:when=2", t, "--", probe }))
    assert.are.equal(s.out, r.out)
    assert.truthy(r.out:match("chdir: %-1 EROFS"), r.out)
  end)

  local bad = {
    { "openat:error=EFOO", "unknown errno \"EFOO\"" },
    { "openat:signal=SIGFOO", "unknown signal \"SIGFOO\"" },
    { "openat:when=0:error=EIO", "when=0" },
    { "openat:when=3..2:error=EIO", "when=3..2" },
    { "opnat:error=EIO", "unknown syscall or class \"opnat\"" },
    { "openat", "names no action" },
    { "openat:error=EIO:retval=1", "only one error= or retval=" },
    { "openat:syscall=write:error=EIO", "side effects" },
    { "openat:color=red", "unknown key \"color\"" },
  }
  for _, b in ipairs(bad) do
    it("rejects " .. b[1] .. " in one line, exit 125", function()
      local r = H.sh(H.words({ H.bin, "--inject=" .. b[1], "--", "true" }))
      assert.are.equal(125, r.code)
      local line = r.err:match("^[^\n]*")
      assert.are.equal(r.err, line .. "\n")
      assert.truthy(line:find(b[2], 1, true), line)
    end)
  end
end)

describe("rules with more reach (--rule)", function()
  it("match a path glob and fail the call", function()
    local r = H.revel({ "--rule=openat:path=/etc/host*:error=EACCES", H.example("noop.lua") },
      { "cat", "/etc/hostname" })
    assert.are.equal(1, r.code)
    assert.truthy(r.err:match("Permission denied"), r.err)
    r = H.revel({ "--rule=openat:path=/nowhere/*:error=EACCES", H.example("noop.lua") }, { "cat", "/etc/hostname" })
    assert.are.equal(0, r.code)
  end)

  it("with the default tool, a rule's call is traced and marked (INJECTED)", function()
    local r = H.sh(H.words({ H.bin, "--rule=openat:path=/etc/host*:error=EACCES", "--", "cat", "/etc/hostname" }))
    assert.are.equal(1, r.code)
    assert.truthy(r.err:find('openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = -1 EACCES (Permission denied) (INJECTED)',
      1, true), r.err)
  end)

  it("short reads of at most N bytes leave a careful reader's output alone", function()
    local n = H.native({ "sha256sum", H.bin })
    local r = H.revel({ "--rule=read:short=7", H.example("noop.lua") }, { "sha256sum", H.bin })
    assert.are.equal(n.out, r.out)
  end)

  it("the nth matching call, by fd", function()
    local r = H.revel({ "--rule=getppid:nth=2..3:error=EPERM", H.example("noop.lua") }, { probe })
    local s = H.native({ "strace", "-o", "/dev/null", "-e", "inject=getppid:error=EPERM:when=2..3", probe })
    assert.are.equal(s.out, r.out)
  end)

  it("eintr: the kernel's restart semantics, invisible to the guest", function()
    local n = H.native({ probe })
    local r = H.revel({ "--rule=getppid,chdir:nth=1+2:eintr", H.example("noop.lua") }, { probe })
    assert.are.equal(n.out, r.out)
  end)

  it("eintr on every call still lets each call run once restarted", function()
    local n = H.native({ probe })
    local r = H.revel({ "--rule=getppid,chdir:eintr", H.example("noop.lua") }, { probe }, { timeout = 30 })
    assert.are.equal(n.out, r.out)
  end)

  it("signal and delay actions", function()
    local r = H.revel({ "--rule=getppid:nth=2:signal=USR1", "--rule=chdir:delay=10ms", H.example("noop.lua") }, { probe })
    assert.truthy(r.out:match("getppid: ppid\nusr1 x1\n") or r.out:match("usr1 x1"), r.out)
  end)

  local bad = {
    { "read:p=1.5:error=EIO", "p=1.5 is not a probability" },
    { "read:p=-0.1:error=EIO", "not a probability" },
    { "read:error=EBLAH", "unknown errno \"EBLAH\"" },
    { "read:signal=SIGBLAH", "unknown signal \"SIGBLAH\"" },
    { "read:nth=0:error=EIO", "nth=0" },
    { "read:path=/x", "exactly one action" },
    { "rread:error=EIO", "unknown syscall \"rread\"" },
  }
  for _, b in ipairs(bad) do
    it("rejects --rule=" .. b[1] .. " in one line, exit 125", function()
      local r = H.sh(H.words({ H.bin, "--rule=" .. b[1], H.example("noop.lua"), "--", "true" }))
      assert.are.equal(125, r.code)
      local line = r.err:match("^[^\n]*")
      assert.are.equal(r.err, line .. "\n")
      assert.truthy(line:find(b[2], 1, true), line)
    end)
  end
end)

describe("probabilities, the log and replay", function()
  local function log_records(path)
    local out = {}
    for line in io.lines(path) do
      local rec = json.decode(line)
      out[#out + 1] = ("%s|%d|%s|%s"):format(rec.place, rec.index, rec.call.name, json.encode(rec.action))
    end
    return out
  end

  it("a 4-thread guest under a p=0.3 rule gets the same faults on five runs", function()
    local logs = {}
    for i = 1, 5 do
      local log = H.tmpname()
      local r = H.revel({ "--rule=getppid:p=0.3:error=EPERM", "--seed=42", "--fault-log=" .. log,
        H.example("noop.lua") }, { H.guest("getppid_threads"), "4", "200" })
      assert.are.equal(0, r.code, r.err)
      logs[i] = log_records(log)
      os.remove(log)
    end
    table.sort(logs[1])
    assert.truthy(#logs[1] > 100 and #logs[1] < 400, #logs[1]) -- about 0.3 of 800
    for i = 2, 5 do
      table.sort(logs[i])
      assert.are.same(logs[1], logs[i])
    end
  end)

  it("another seed, other faults", function()
    local a, b = H.tmpname(), H.tmpname()
    H.revel({ "--rule=getppid:p=0.5:error=EPERM", "--seed=1", "--fault-log=" .. a, H.example("noop.lua") },
      { H.guest("getppid_threads"), "2", "100" })
    H.revel({ "--rule=getppid:p=0.5:error=EPERM", "--seed=2", "--fault-log=" .. b, H.example("noop.lua") },
      { H.guest("getppid_threads"), "2", "100" })
    assert.are_not.same(log_records(a), log_records(b))
    os.remove(a)
    os.remove(b)
  end)

  it("a recorded log replayed gives the same guest output", function()
    local log, log2 = H.tmpname(), H.tmpname()
    local rec = H.revel({ "--rule=getppid,chdir:p=0.5:error=EPERM", "--seed=9", "--fault-log=" .. log,
      H.example("noop.lua") }, { probe })
    local rep = H.revel({ "--replay=" .. log, "--fault-log=" .. log2, H.example("noop.lua") }, { probe })
    assert.are.equal(rec.code, rep.code, rep.err)
    assert.are.equal(rec.out, rep.out)
    assert.truthy(rec.out:match("EPERM"), rec.out)
    assert.are.same(log_records(log), log_records(log2))
    os.remove(log)
    os.remove(log2)
  end)

  it("a log that is not one is refused", function()
    local bad = H.tmpname()
    local f = io.open(bad, "w")
    f:write("not json\n")
    f:close()
    local r = H.revel({ "--replay=" .. bad, H.example("noop.lua") }, { "true" })
    assert.are.equal(125, r.code)
    assert.truthy(r.err:match("not a revel fault record"), r.err)
    os.remove(bad)
  end)
end)

describe("fault examples", function()
  it("chaos.lua leaves a careful reader's output byte-identical", function()
    -- Careful readers: they loop until EOF. (Not one: bash's `source`, which
    -- expects a script in one read; chaos shows it.)
    local file = "/etc/services" -- every byte read costs three stops: keep it small
    for _, argv in ipairs({ { "cat", file }, { "sha256sum", file }, { "wc", "-lc", file } }) do
      local n = H.native(argv)
      local r = H.revel({ H.example("chaos.lua") }, argv)
      assert.are.equal(n.code, r.code, r.err)
      assert.are.equal(n.out, r.out)
    end
    local r = H.sh(H.words({ H.bin, H.example("chaos.lua"), "--skip", "5", "--", "cat", "/etc/hostname" }))
    assert.are.equal(H.native({ "cat", "/etc/hostname" }).out, r.out)
  end)

  it("enospc.lua: a python3 program survives a full disk", function()
    local dir = H.tmpname()
    os.remove(dir)
    H.sh("mkdir -p " .. H.q(dir))
    local prog = [[
import errno, sys
written = 0
try:
    with open(sys.argv[1] + "/data", "wb", buffering=0) as f:
        for i in range(100):
            written += f.write(b"x" * 1000)
except OSError as e:
    print("disk full:", errno.errorcode[e.errno], "after", written, "bytes")
    sys.exit(0)
print("wrote", written)
]]
    local n = H.native({ "python3", "-c", prog, dir })
    assert.are.equal("wrote 100000\n", n.out)
    local r = H.sh(H.words({ H.bin, H.example("enospc.lua"), "--dir", dir, "--bytes", "4500", "--",
      "python3", "-c", prog, dir }))
    H.sh("rm -rf " .. H.q(dir))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("disk full: ENOSPC after 4500 bytes\n", r.out)
  end)

  it("flaky_net.lua refuses the same connects for the same seed", function()
    local prog = [[
import socket, threading
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(64)
port = srv.getsockname()[1]
def serve():
    for _ in range(20):
        try:
            c, _ = srv.accept(); c.close()
        except OSError:
            return
threading.Thread(target=serve, daemon=True).start()
out = []
for i in range(20):
    s = socket.socket()
    try:
        s.connect(("127.0.0.1", port)); out.append("ok")
    except ConnectionRefusedError:
        out.append("refused")
    s.close()
print(" ".join(out))
]]
    local n = H.native({ "python3", "-c", prog })
    assert.falsy(n.out:match("refused"))
    local a = H.sh(H.words({ H.bin, H.example("flaky_net.lua"), "--p", "0.3", "--seed", "7", "--", "python3", "-c", prog }))
    local b = H.sh(H.words({ H.bin, H.example("flaky_net.lua"), "--p", "0.3", "--seed", "7", "--", "python3", "-c", prog }))
    assert.are.equal(0, a.code, a.err)
    assert.truthy(a.out:match("refused"), a.out)
    assert.truthy(a.out:match("ok"), a.out)
    assert.are.equal(a.out, b.out)
  end)

  it("slow_disk.lua delays file reads and changes nothing else", function()
    local n = H.native({ "sha256sum", "/etc/passwd" })
    local r = H.sh(H.words({ H.bin, H.example("slow_disk.lua"), "--delay", "2ms", "--", "sha256sum", "/etc/passwd" }))
    assert.are.equal(n.out, r.out)
  end)

  it("chunky_print.lua lets stdout out in chunks, all of it", function()
    local n = H.native({ H.guest("many_writes"), "50" })
    local r = H.sh(H.words({ H.bin, H.example("chunky_print.lua"), "--chunk", "40", "--", H.guest("many_writes"), "50" }))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(n.out, r.out)
  end)
end)
