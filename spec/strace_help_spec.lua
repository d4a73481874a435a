-- Every option `strace -h` lists (issue 11: "any command line that Debian
-- 12's strace accepts runs under revel"): each runs under revel with a value
-- strace takes, and revel succeeds where strace succeeds and refuses (exit
-- 125, one line) where strace refuses. What each option does is checked by
-- its family's spec and spec/strace_lines rows; this spec makes sure none is
-- missing, so a strace release that adds an option fails here.
local H = require("helpers.run")

after_each(H.cleanup)

-- A value strace takes for each option that needs one (the same for both).
local SAMPLE = {
  ["-a"] = "40", ["--columns"] = "40", ["-b"] = "execve", ["--detach-on"] = "execve",
  ["-e"] = "trace=all", ["--trace"] = "%file", ["-E"] = "A=1", ["--env"] = "A=1",
  ["-I"] = "1", ["--interruptible"] = "2", ["-o"] = "OUT", ["--output"] = "OUT",
  ["-O"] = "1", ["--summary-syscall-overhead"] = "1", ["-P"] = "/", ["--trace-path"] = "/",
  ["-s"] = "10", ["--string-limit"] = "10", ["-S"] = "calls", ["--summary-sort-by"] = "calls",
  ["-U"] = "name", ["--summary-columns"] = "name", ["-u"] = "root", ["--user"] = "root",
  ["-X"] = "raw", ["--const-print-style"] = "raw", ["--signal"] = "none", ["--status"] = "successful",
  ["--inject"] = "chdir:error=ENOENT", ["--fault"] = "chdir", ["--quiet"] = "attach",
  ["--raw"] = "all", ["--read"] = "3", ["--write"] = "1", ["--abbrev"] = "none",
  ["--verbose"] = "all", ["--kvm"] = "vcpu", ["--decode-fds"] = "path", ["--decode-pids"] = "all",
  ["--absolute-timestamps"] = "unix", ["--relative-timestamps"] = "ms", ["--syscall-times"] = "ns",
  ["--strings-in-hex"] = "all", ["--daemonize"] = "grandchild", ["--tips"] = "format:none",
}
-- Options that need a companion for strace to take them at all.
local WITH = { ["-U"] = "-c", ["--summary-columns"] = "-c", ["-w"] = "-c", ["--summary-wall-clock"] = "-c",
  ["-S"] = "-c", ["--summary-sort-by"] = "-c", ["-O"] = "-c", ["--summary-syscall-overhead"] = "-c" }
-- Not run here, with why: each has its own spec.
local ELSEWHERE = {
  ["-p"] = "attaches to a running process: spec/attach_spec.lua",
  ["--attach"] = "attaches to a running process: spec/attach_spec.lua",
  ["-D"] = "the tracer outlives the command: spec/startup_spec.lua",
  ["--daemonize"] = "the tracer outlives the command: spec/startup_spec.lua",
}
-- What revel refuses on purpose, where strace takes the option here.
local REFUSED = {}

-- Short letters and long names from strace -h.
local function strace_options()
  local p = assert(io.popen("strace -h 2>&1"))
  local text = p:read("*a")
  p:close()
  local seen, list = {}, {}
  for opt in text:gmatch("[%s,%[](%-%-?[%a][%w-]*)") do
    if (#opt == 2 or opt:sub(1, 2) == "--") and not seen[opt] then
      seen[opt] = true
      list[#list + 1] = opt
    end
  end
  table.sort(list)
  return list
end

describe("strace -h's options", function()
  it("are all known to revel, and succeed or fail as under strace", function()
    if not os.execute("strace -V > /dev/null 2>&1") then
      return pending("strace is not installed")
    end
    local opts = strace_options()
    assert.truthy(#opts > 80, #opts) -- 6.1 lists 33 letters and 52 long names
    local dir = H.tmpdir()
    local ran = 0
    for _, opt in ipairs(opts) do
      if not ELSEWHERE[opt] and opt ~= "-h" and opt ~= "--help" then
        local words = { WITH[opt] }
        local v = SAMPLE[opt]
        if v and opt:sub(1, 2) == "--" then
          words[#words + 1] = opt .. "=" .. v:gsub("OUT", dir .. "/out")
        else
          words[#words + 1] = opt
          words[#words + 1] = v and v:gsub("OUT", dir .. "/out") or nil
        end
        local cmd = H.words(words) .. " -o " .. H.q(dir .. "/trace") .. " true"
        local s = H.sh("strace " .. cmd)
        local r = H.sh(H.q(H.bin) .. " " .. cmd)
        local line = "revel " .. table.concat(words, " ")
        assert.falsy(r.err:match("unknown option"), line .. ": " .. r.err)
        assert.falsy(r.err:match("not supported yet"), line .. ": " .. r.err)
        if REFUSED[opt] then
          assert.are.equal(125, r.code, line)
          assert.truthy(r.err:find(REFUSED[opt], 1, true), r.err)
        elseif s.code == 0 then
          assert.are.equal(0, r.code, line .. ": " .. r.err)
        else
          assert.are.equal(125, r.code, line .. " (strace: " .. s.err .. ")")
          assert.are.equal(1, select(2, r.err:gsub("\n", "")), r.err)
        end
        ran = ran + 1
      end
    end
    assert.truthy(ran > 75, ran)
  end)
end)
