-- examples/chrome_trace.lua: the Chrome trace of a run, loaded with Python's
-- json module, against the default tool's text trace of the same run (the
-- example composed over the strace tool with -f): per thread the same calls in
-- the same order and the same signals; times that go forward and do not
-- overlap within a thread; a name for every process and thread. The guest's
-- output and exit status are those of its native run.
local H = require("helpers.run")

-- argv[1]: the JSON, argv[2]: the text trace. Prints "ok CALLS THREADS" or why not.
local CHECK = [==[
import json, re, sys
from collections import defaultdict
events = json.load(open(sys.argv[1]))["traceEvents"]
calls, sigs, meta = defaultdict(list), defaultdict(list), set()
for e in events:
    if e["ph"] == "M":
        assert e["name"] in ("process_name", "thread_name") and e["args"]["name"], e
        meta.add((e["name"], e["tid"] if e["name"] == "thread_name" else e["pid"]))
    elif e["ph"] == "X":
        calls[e["tid"]].append(e)
    elif e["ph"] == "i" and e["name"].startswith("SIG"):
        sigs[e["tid"]].append(e["name"])
text_calls, text_sigs = defaultdict(list), defaultdict(list)
for line in open(sys.argv[2]):
    m = re.match(r"(\d+) +([a-z0-9_]+)\(", line) or re.match(r"(\d+) +--- (SIG[A-Z0-9]+) ", line)
    if m:
        (text_calls if m.group(2)[:3] != "SIG" else text_sigs)[int(m.group(1))].append(m.group(2))
assert set(calls) == set(text_calls), ("threads", sorted(calls), sorted(text_calls))
for tid, evs in calls.items():
    names = [e["name"] for e in evs]
    assert names == text_calls[tid], (tid, names, text_calls[tid])
    assert sigs[tid] == text_sigs[tid], (tid, sigs[tid], text_sigs[tid])
    assert ("thread_name", tid) in meta and ("process_name", evs[0]["pid"]) in meta, (tid, meta)
    for a, b in zip(evs, evs[1:]):
        assert a["dur"] >= 0 and a["ts"] + a["dur"] <= b["ts"] + 1e-3, (tid, a, b)
    for e in evs:
        assert "call" in e["args"] and "result" in e["args"] and e["args"]["call"].startswith(e["name"] + "("), e
print("ok", sum(len(v) for v in calls.values()), len(calls))
]==]

-- The example over the strace tool (-f, into TXT): one run, two traces.
local function composed(txt)
  return H.tool(([[
local revel = require("revel")
local chrome = dofile(%q)
return revel.compose(chrome, assert(require("revel.tools.strace").new({ output = %q, follow = true })))
]]):format(H.example("chrome_trace.lua"), txt))
end

-- pre(json, txt): revel's words before the command; both traces of one run.
local function check(argv, threads, pre)
  local dir = H.tmpdir()
  local json, txt = dir .. "/trace.json", dir .. "/trace.txt"
  local native = H.native(argv)
  local r = H.revel(pre and pre(json, txt) or { composed(txt), "--out", json }, argv)
  assert.are.equal(native.code, r.code, r.err)
  assert.are.equal(native.out, r.out)
  local py = H.sh(H.words({ "python3", H.file(CHECK, "check.py"), json, txt }))
  assert.are.equal(0, py.code, py.err .. py.out)
  local calls, n = py.out:match("^ok (%d+) (%d+)\n$")
  assert.truthy(calls, py.out)
  assert.truthy(tonumber(n) >= threads, py.out)
  return H.slurp(json)
end

describe("examples/chrome_trace.lua", function()
  after_each(H.cleanup)

  it("a 4-thread guest: one lane per thread, the text trace's calls in order", function()
    local json = check({ H.guest("threads4") }, 5)
    assert.truthy(json:find('"name":"clock_nanosleep"', 1, true))
  end)

  it("sh -c with children and a signal: each process named, the signal an instant", function()
    local json = check({ "sh", "-c", "trap 'echo got' USR1; kill -USR1 $$; ls / | wc -l; (echo sub; exit 3); echo $?" }, 3)
    assert.truthy(json:find('"name":"SIGUSR1"', 1, true))
    assert.truthy(json:find('"name":"process_name"', 1, true))
  end)

  it("alone, with an -e inject rule: the fault is an instant event at its call", function()
    local dir = H.tmpdir()
    local json = dir .. "/f.json"
    local argv = { "sh", "-c", "echo one; echo two" }
    local r = H.revel({ "-e", "inject=write:error=EIO:when=2", H.example("chrome_trace.lua"), "--out", json }, argv)
    assert.are.equal(1, r.code, r.err) -- the second echo fails, as the rule says
    assert.are.equal("one\n", r.out)
    local py = H.sh(H.words({ "python3", "-c", [==[
import json, sys
ev = json.load(open(sys.argv[1]))["traceEvents"]
faults = [e for e in ev if e["ph"] == "i" and e["name"] == "fault EIO"]
writes = [e for e in ev if e["ph"] == "X" and e["name"] == "write"]
assert len(faults) == 1 and faults[0]["args"]["call"].startswith("write(1, \"two"), faults
assert writes[1]["args"]["error"] == "EIO" and writes[1]["ts"] == faults[0]["ts"], writes
print("ok")
]==], json }))
    assert.are.equal("ok\n", py.out, py.err)
  end)

  it("its file is not the guest's: the guest has the fds it has natively", function()
    local dir = H.tmpdir()
    local argv = { "ls", "/proc/self/fd" }
    local r = H.revel({ H.example("chrome_trace.lua"), "--out", dir .. "/t.json" }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(H.native(argv).out, r.out)
  end)
end)

describe("--chrome-trace FILE", function()
  after_each(H.cleanup)

  local function with_default(json, txt)
    return { "--chrome-trace", json, "-f", "-o", txt }
  end

  it("with the default tool: the Chrome trace of the text trace's run, thread by thread", function()
    check({ H.guest("threads4") }, 5, with_default)
    local json = check({ "sh", "-c", "trap 'echo got' USR1; kill -USR1 $$; ls / | wc -l; (echo sub; exit 3); echo $?" }, 3, with_default)
    assert.truthy(json:find('"name":"exited with 3","s":"p"', 1, true), json) -- the subshell's exit
    assert.truthy(json:find('],"otherData":{"exit_status":0}}\n', 1, true)) -- how the run ended
  end)

  it("with a tool: its output and status unchanged; faults of --rule marked", function()
    local dir = H.tmpdir()
    local json = dir .. "/c.json"
    local argv = { "sh", "-c", "ls / | wc -l; cat /etc/hostname > /dev/null; echo $?" }
    local native = H.native(argv)
    local r = H.revel({ "--chrome-trace", json, "--rule=openat:path=/etc/hostname:error=EACCES",
      H.example("counter2.lua") }, argv)
    assert.are.equal(0, native.code)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(native.out:gsub("0\n$", "1\n"), r.out) -- cat was refused; nothing else changed
    assert.truthy(r.err:find("syscalls in 4 processes", 1, true), r.err)
    local py = H.sh(H.words({ "python3", "-c", [==[
import json, sys
d = json.load(open(sys.argv[1]))
ev = d["traceEvents"]
assert [e["args"]["call"] for e in ev if e["name"] == "fault EACCES"] == ['openat(AT_FDCWD, "/etc/hostname", O_RDONLY)'], ev
assert len({e["tid"] for e in ev if e["ph"] == "X"}) == 4
print(d["otherData"]["exit_status"])
]==], json }))
    assert.are.equal(r.code .. "\n", py.out, py.err)
  end)

  it("a file that cannot be created: one line, 125, and the guest never starts", function()
    local dir = H.tmpdir()
    local r = H.revel({ "--chrome-trace", dir .. "/no/such/dir/t.json" }, { "sh", "-c", "echo ran > " .. dir .. "/ran" })
    assert.are.equal(125, r.code)
    assert.are.equal(("revel: cannot open %s/no/such/dir/t.json: No such file or directory\n"):format(dir), r.err)
    assert.falsy(io.open(dir .. "/ran"))
  end)
end)
