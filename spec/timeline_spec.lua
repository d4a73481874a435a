-- --timeline FILE.html: the page of a 4-thread guest and of make -j2, opened
-- in headless Chromium (Debian's chromium) with the page's #selftest, which
-- hovers over each lane's first call, zooms with the wheel and pans with the
-- keys as a person would, and writes what it drew into the DOM: no error
-- (neither the page's own count nor a console line), one lane per thread of
-- the text trace of the same run, as many calls in each lane as the trace has
-- calls of that thread, each drawn (as a bar, or in the pixel column that
-- gathers calls too narrow to see at the whole run's zoom), the hover text
-- that call's strace line. One
-- screenshot per page is kept in the build folder (timeline-*.png). Pages
-- over a tool, of runs that end by a signal or an error, and a file that
-- cannot be created are checked without a browser. (issue 16)
local H = require("helpers.run")

local build = H.bin:match("^(.*)/[^/]+$") or "."

local function have_chromium()
  return H.sh("command -v chromium").code == 0
end

-- Per thread of the text trace (-f -o): its calls, in order.
local function text_calls(txt)
  local calls, order = {}, {}
  for line in io.lines(txt) do
    local tid, name = line:match("^(%d+) +([%w_]+)%(")
    if tid then
      if not calls[tid] then
        calls[tid] = {}
        order[#order + 1] = tid
      end
      table.insert(calls[tid], name)
    end
  end
  return calls, order
end

local function unescape(s)
  return (s:gsub("&quot;", '"'):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&amp;", "&"))
end

-- Opens the page in Chromium: its DOM after the self-test, the browser's
-- log, and a screenshot kept as build/timeline-NAME.png.
local function chromium(page, name)
  local dir = H.tmpdir()
  local shot = ("%s/timeline-%s.png"):format(build, name)
  os.remove(shot)
  local r = H.sh(H.words({ "timeout", "300", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
    "--user-data-dir=" .. dir .. "/profile", "--enable-logging=stderr", "--v=0", "--window-size=1400,900",
    "--screenshot=" .. shot, "--dump-dom", "file://" .. page .. "#selftest" }), { timeout = 320 })
  assert.are.equal(0, r.code, r.err)
  assert.truthy(io.open(shot), "no screenshot " .. shot)
  return r.out, r.err
end

-- The page of argv's run, checked against the text trace of the same run.
local function check_page(argv, name, opts)
  opts = opts or {}
  local dir = opts.dir or H.tmpdir()
  local page, txt = dir .. "/run.html", dir .. "/trace.txt"
  local native = H.native(argv)
  local r = H.revel({ "--timeline", page, "-f", "-o", txt }, argv)
  assert.are.equal(native.code, r.code, r.err)
  if opts.any_order then -- concurrent jobs (make -j2) print in the order they end
    local function sorted(s)
      local t = {}
      for l in s:gmatch("[^\n]*\n") do
        t[#t + 1] = l
      end
      table.sort(t)
      return table.concat(t)
    end
    assert.are.equal(sorted(native.out), sorted(r.out))
  else
    assert.are.equal(native.out, r.out)
  end
  local calls, order = text_calls(txt)
  local dom, log = chromium(page, name)
  assert.falsy(log:find(":CONSOLE", 1, true), log) -- no console line: no error, no warning
  local status = dom:match('<div id="status"([^>]*)>')
  assert.truthy(status, dom:sub(1, 2000))
  assert.truthy(status:find('data-state="ready"', 1, true), status)
  assert.truthy(status:find('data-errors="0"', 1, true), status)
  assert.truthy(status:find('data-zoomed="1"', 1, true), status) -- the wheel zoomed, "0" went back
  local lanes = {}
  for attrs in dom:gmatch("<li ([^>]*)>") do
    local l = {
      tid = attrs:match('data%-tid="(%d+)"'),
      calls = tonumber(attrs:match('data%-calls="(%d+)"')),
      covered = tonumber(attrs:match('data%-covered="(%d+)"')), -- drawn as a bar or in a column
      marks = attrs:match('data%-marks="([^"]*)"'),
      hover = unescape(attrs:match('data%-hover="([^"]*)"') or ""),
    }
    lanes[#lanes + 1] = l
  end
  assert.are.equal(#order, #lanes, dom:sub(1, 3000))
  assert.are.equal(order[1], lanes[1].tid) -- the command's own thread first
  for _, l in ipairs(lanes) do
    local want = calls[l.tid]
    assert.truthy(want, "a lane for a thread the trace does not have: " .. l.tid)
    assert.are.equal(#want, l.calls, "calls of thread " .. l.tid)
    assert.are.equal(#want, l.covered, "calls drawn in the lane of thread " .. l.tid)
    assert.are.equal(want[1] .. "(", l.hover:sub(1, #want[1] + 1), l.hover)
    assert.truthy(l.hover:find("\n[%d.]+ [µm]?s · ") or l.hover:find("\n[%d.]+ \194\181s · "), l.hover)
    assert.truthy(l.marks:find("exit", 1, true), l.tid .. " " .. l.marks)
  end
  assert.truthy(lanes[1].marks:find("exec", 1, true), lanes[1].marks)
  return lanes, calls, dom
end

describe("--timeline FILE.html in headless Chromium", function()
  after_each(H.cleanup)

  local it_browser = have_chromium() and it or pending

  it_browser("a 4-thread guest: one lane per thread, its calls as bars, hover text", function()
    local lanes = check_page({ H.guest("threads4") }, "threads4")
    assert.are.equal(5, #lanes)
  end)

  it_browser("make -j2: a lane per process, in process-tree order", function()
    local dir = H.tmpdir()
    local f = assert(io.open(dir .. "/Makefile", "w"))
    -- Each job writes its own file: under -j2 the order of their output is a race.
    f:write("all: a b\na:\n\tsh -c 'ls / > /dev/null; echo a > a.out'\nb:\n\tsh -c 'cat /etc/hostname > /dev/null; echo b > b.out'\n")
    f:close()
    local lanes, calls, dom = check_page({ "make", "-s", "-C", dir, "-j2" }, "make", { dir = dir, any_order = true })
    assert.truthy(#lanes >= 5, #lanes) -- make, two sh, ls and cat at least
    -- A child's lane comes after its parent's: the thread that forked it
    -- returned its pid from clone/fork/vfork in the text trace.
    local at = {}
    for i, l in ipairs(lanes) do
      at[l.tid] = i
    end
    local FORKS = { clone = true, clone3 = true, fork = true, vfork = true }
    local forks = 0
    for line in io.lines(dir .. "/trace.txt") do
      local parent, name, child = line:match("^(%d+) +<%.%.%. (%w+) resumed>.-= (%d+)$")
      if not parent then
        parent, name, child = line:match("^(%d+) +(%w+)%(.-= (%d+)$")
      end
      if parent and FORKS[name] and at[child] then
        forks = forks + 1
        assert.truthy(at[parent] < at[child], ("%s forked %s"):format(parent, child))
      end
    end
    assert.truthy(forks >= 4, H.slurp(dir .. "/trace.txt"))
    assert.truthy(dom:find("the command exited with 0", 1, true))
    assert.truthy(calls)
  end)
end)

-- The page's data, read with Python's json module: how the run ended, the
-- calls and threads of its trace, and its injected faults.
local READ = [==[
import json, re, sys
html = open(sys.argv[1]).read()
assert html.rstrip().endswith("</html>"), html[-200:]
def script(name):
    return json.loads(re.search(r'<script type="application/json" id="%s">(.*?)</script>' % name, html, re.S).group(1))
meta = script("meta")
trace = re.search(r'<script type="text/plain" id="trace">(.*?)</script>', html, re.S).group(1).replace("\x01", "<")
calls, tids = 0, set()
for line in trace.split("\n"):
    m = re.match(r"(\d+) +\d+\.\d+ [a-z0-9_]+\(", line)
    if m:
        calls += 1
        tids.add(m.group(1))
        assert m.group(1) in meta["threads"], m.group(1)
print(meta["ended"])
print(calls, len(tids))
for line in trace.split("\n"):
    if line.endswith("(INJECTED)") or "(INJECTED) <" in line:
        print("fault", re.match(r"\d+ +\S+ (.*?)( <[\d.]+>)?$", line).group(1))
]==]

local function read_page(page)
  local py = H.sh(H.words({ "python3", H.file(READ, "read.py"), page }))
  assert.are.equal(0, py.code, py.err .. py.out)
  return py.out
end

describe("--timeline FILE.html", function()
  after_each(H.cleanup)

  it("over a tool, with --rule: the tool's output unchanged, the fault marked", function()
    local page = H.tmppath("t.html")
    local argv = { "sh", "-c", "ls / | wc -l; cat /etc/hostname > /dev/null; echo $?" }
    local native = H.native(argv)
    local r = H.revel({ "--timeline", page, "--rule=openat:path=/etc/hostname:error=EACCES",
      H.example("counter2.lua") }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(native.out:gsub("0\n$", "1\n"), r.out) -- cat was refused; nothing else changed
    assert.truthy(r.err:find("syscalls in 4 processes", 1, true), r.err)
    local out = read_page(page)
    assert.truthy(out:find("^the command exited with 0\n%d+ 4\n"), out)
    assert.truthy(out:find('\nfault openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = -1 EACCES (Permission denied) (INJECTED)\n',
      1, true), out)
  end)

  it("a run that a signal ends: every call up to it, and the signal said", function()
    local page = H.tmppath("k.html")
    local r = H.revel({ "--timeline", page, "-o", "/dev/null" }, { "sh", "-c", "echo hi; kill -USR1 $$" })
    assert.are.equal(128 + 10, r.code, r.err)
    local out = read_page(page)
    assert.truthy(out:find("^the command was killed by SIGUSR1 %(exit status 138%)\n"), out)
    assert.truthy(H.slurp(page):find(" --- SIGUSR1 {si_signo=SIGUSR1", 1, true))
  end)

  it("a run that an error in the tool stops: the page holds the calls so far and says so", function()
    local page, json = H.tmppath("e.html"), H.tmppath("e.json")
    local r = H.revel({ "--timeline", page, "--chrome-trace", json, "-l",
      "local n = 0; tool.on.getppid = function() n = n + 1; if n == 2 then error('boom') end end" },
      { H.guest("chatty"), "5", "0" })
    assert.are.equal(125, r.code, r.err)
    local out = read_page(page)
    assert.truthy(out:find("^revel failed: error in tool: %-l:1: boom"), out)
    local calls = tonumber(out:match("\n(%d+) "))
    assert.truthy(calls > 20, out) -- the loader's calls and the first getppid
    local py = H.sh(H.words({ "python3", "-c",
      "import json,sys; d=json.load(open(sys.argv[1])); print(d['otherData']['error'])", json }))
    assert.are.equal(0, py.code, py.err)
    assert.truthy(py.out:find("^revel failed: error in tool: %-l:1: boom"), py.out)
  end)

  it("a file that cannot be created: one line, 125, and the guest never starts", function()
    local dir = H.tmpdir()
    local r = H.revel({ "--timeline", dir .. "/no/such/dir/t.html" }, { "sh", "-c", "echo ran > " .. dir .. "/ran" })
    assert.are.equal(125, r.code)
    assert.are.equal(("revel: cannot open %s/no/such/dir/t.html: No such file or directory\n"):format(dir), r.err)
    assert.falsy(io.open(dir .. "/ran"))
  end)

  it("is not the guest's: the guest has the fds it has natively", function()
    local argv = { "ls", "/proc/self/fd" }
    local r = H.revel({ "--timeline", H.tmppath("fd.html"), "-o", "/dev/null" }, argv)
    assert.are.equal(0, r.code, r.err)
    assert.are.equal(H.native(argv).out, r.out)
  end)
end)
