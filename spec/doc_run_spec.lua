-- Every example of README.md, the API docs and docs/revel.1 runs as written
-- (helpers/doc_examples.lua finds them): each command exits as the doc says
-- (0 unless EXPECT says otherwise or a session's "$ echo $?" shows it), and a
-- session prints the lines it shows, each stream in its order. An example
-- that cannot run here carries a doc-test skip marker with its reason, and
-- is reported pending with that reason.
local H = require("helpers.run")
local D = require("helpers.doc_examples")

local build = H.bin:match("^(.*)/[^/]+$") or "."

-- Files the examples use that the docs do not show.
local FIXTURES = {
  ["Makefile"] = "all: a b\na:\n\t@true\nb:\n\t@true\n",
  ["mytool.lua"] = [[
-- mytool.lua: skips its first --skip calls of getpid, then counts the rest.
local tool = { options = { skip = 0, verbose = false }, on = {} }
local n = 0
function tool.on.getpid(g) n = n + 1 end
function tool.finish() if tool.options.verbose then io.stderr:write(n, " getpid\n") end end
return tool
]],
  ["server"] = "#!/bin/sh\necho serving\n",
  ["client.py"] = [[
import socket
s = socket.socket()
try:
    s.connect(("127.0.0.1", 9))
    print("connected")
except OSError as e:
    print("refused:", e.strerror)
]],
  ["data.txt"] = "b\na\nc\n",
  ["x"] = "",
}

-- What a command ends with when it is not 0, by a piece of it (plain text).
local EXPECT = {
  { "noconf.lua -- cat /etc/host.conf", status = 1 },
  { "openat:path=/etc/*.conf:error=EACCES' examples/noop.lua -- cat /etc/host.conf", status = 1 },
  { "tool.on.unlinkat = function() return -revel.errno.EPERM end' -- rm -f x", status = 1 },
  { "--repl -- cat /etc/hosts", status = 1 }, -- ret(-EACCES): cat fails
  { "census.lua --top 5 -- sh -c 'ls / > /dev/null; kill -USR1 $$'", status = 138 },
  { "-e fault=unlinkat:when=2+ -o trace.txt -- rm -f a b c", status = 1 }, -- b and c: ENOSYS
  { "--rule=write:fd=1:p=0.3:error=EIO --seed=1", status = 1 }, -- an echo fails
  { "--replay=faults.jsonl examples/noop.lua -- sh -c 'for i in 1 2 3 4 5; do echo $i; done'", status = 1 },
  { "-Z -e trace=/^open -- ls /nonexist", status = 2 }, -- ls's own status for a missing file
}

-- What some commands must do beyond their status: the README's -f -o traces
-- every process into the file; -l's print writes each path to revel.out (stderr).
local CHECKS = {
  ["-Z -e trace=/^open -- ls /nonexist"] = function(_, r)
    local n = 0
    for l in r.err:gmatch("[^\n]+") do
      if l:match("^open") then
        n = n + 1
        assert(l:match("= %-1 E%u+ %("), "an open that did not fail: " .. l)
      end
    end
    assert(n >= 1, "no failed open:\n" .. r.err)
  end,
  ["print((g:string(sc.pathname))) end' -- ls"] = function(_, r)
    assert(("\n" .. r.err):find("\n/etc/ld.so.cache\n", 1, true), "the paths on stderr (revel.out):\n" .. r.err)
  end,
  ["-f -o trace.txt -- make -j2"] = function(dir)
    local trace = H.slurp(dir .. "/trace.txt")
    local pids, n = {}, 0
    for pid in ("\n" .. trace):gmatch("\n(%d+) +execve%(") do
      if not pids[pid] then
        pids[pid], n = true, n + 1
      end
    end
    assert(n >= 3, "make and its two recipes' commands in trace.txt:\n" .. trace)
  end,
}

local function expected_status(cmd)
  for _, e in ipairs(EXPECT) do
    if cmd:find(e[1], 1, true) then
      return e.status
    end
  end
  return 0
end

-- The doc's command as the spec runs it: this build's revel and examples,
-- the doc's directory for /tmp/out.
local function rewrite(cmd, dir)
  local bin = H.q(H.bin) .. " "
  cmd = cmd:gsub("^revel ", bin):gsub("| revel ", "| " .. bin)
  cmd = cmd:gsub("(%s)examples/", "%1" .. H.root .. "/examples/")
  cmd = cmd:gsub("/tmp/out", dir .. "/out")
  cmd = cmd:gsub("LUA_CPATH='build/lua/%?%.so;;'", "LUA_CPATH=" .. H.q(build .. "/lua/?.so;;"))
  -- A sanitized module needs its runtimes first in a plain luajit.
  local preload = os.getenv("REVEL_SANITIZE_PRELOAD")
  if preload then
    cmd = cmd:gsub("(luajit )", "LD_PRELOAD=" .. H.q(preload) .. " %1")
  end
  return cmd
end

local function run(cmd, dir, stdin)
  local opts = { timeout = 60 }
  if stdin then
    opts.stdin = H.file(stdin, "stdin")
  end
  -- Only 0, 1 and 2 open, as in a terminal's shell (the doc's fd numbers).
  return H.sh(("exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; cd %s && %s"):format(H.q(dir), rewrite(cmd, dir)), opts)
end

-- Pids, times, addresses and counts move between runs (a count of calls
-- follows the locale and the libraries: CI saw 33 newfstatat where the doc
-- shows 36).
local function norm(l)
  return (l:gsub("%(%d+ us%)", "(N us)"):gsub("0x%x+", "0xADDR"):gsub("%d%d+", "N"))
end

local function split(text)
  local t = {}
  for l in text:gmatch("([^\n]*)\n") do
    t[#t + 1] = norm(l)
  end
  return t
end

-- Each shown line is the next line of stdout or of stderr; "..." lets lines
-- go unshown; without it every line must be shown.
local function check_shown(step, r)
  local streams = { { lines = split(r.out), at = 1 }, { lines = split(r.err), at = 1 } }
  local gaps = false
  for _, want in ipairs(step.shown) do
    if want == "..." then
      gaps = true
    else
      want = norm(want)
      local found = false
      for _, s in ipairs(streams) do
        local last = gaps and #s.lines or s.at
        for j = s.at, last do
          if s.lines[j] == want then
            s.at, found = j + 1, true
            break
          end
        end
        if found then
          break
        end
      end
      assert(found, ("%s: shown line %q not in the output\nstdout:\n%s\nstderr:\n%s"):format(step.cmd, want,
        r.out, r.err))
    end
  end
  if not gaps then
    assert(streams[1].at > #streams[1].lines and streams[2].at > #streams[2].lines,
      ("%s: output the doc does not show\nstdout:\n%s\nstderr:\n%s"):format(step.cmd, r.out, r.err))
  end
end

local function write(dir, name, text, mode)
  local f = assert(io.open(dir .. "/" .. name, "w"))
  f:write(text)
  f:close()
  if mode then
    os.execute("chmod " .. mode .. " " .. H.q(dir .. "/" .. name))
  end
end

-- save.py, the README's, for the man page's examples too.
for _, e in ipairs(D.markdown(H.root .. "/README.md", "README.md")) do
  if e.kind == "file" then
    FIXTURES[e.name] = e.code
  end
end

local DOCS = { { "README.md", D.markdown } }
for _, doc in ipairs(D.API_DOCS) do
  DOCS[#DOCS + 1] = { doc, D.markdown }
end
DOCS[#DOCS + 1] = { "docs/revel.1", D.man }

for _, d in ipairs(DOCS) do
  describe(d[1], function()
    local dir = H.tmpdir() .. "/doc-" .. d[1]:gsub("[/.]", "_")
    os.execute("mkdir -p " .. H.q(dir .. "/out"))
    for name, text in pairs(FIXTURES) do
      write(dir, name, text, name == "server" and "+x" or nil)
    end
    local examples = d[2](H.root .. "/" .. d[1], d[1])
    it("has examples", function()
      assert.truthy(#examples > 0)
    end)
    local last
    for _, e in ipairs(examples) do
      local title = ("%s:%d: %s"):format(d[1], e.line, (e.cmd or e.name or e.kind):sub(1, 80))
      if e.kind == "session" then
        title = ("%s:%d: $ %s"):format(d[1], e.line, e.steps[1].cmd:sub(1, 80))
      end
      if e.skip then
        pending(title .. " (skipped: " .. e.skip .. ")", function() end)
      elseif e.kind == "file" then
        write(dir, e.name, e.code)
      elseif e.kind == "fragment" then
        it(title, function()
          error("a Lua fragment: make it a tool file (-- NAME.lua: ...) or mark why it cannot run", 0)
        end)
      else
        it(title, function()
          if e.kind == "tool" then
            write(dir, e.name, e.code)
            local cmd = e.cmd or ("revel " .. e.name .. " -- true")
            local r = run(cmd, dir)
            assert.are.equal(expected_status(cmd), r.code, cmd .. "\n" .. r.err)
          elseif e.kind == "cmd" then
            local r = run(e.cmd, dir, e.stdin)
            assert.are.equal(expected_status(e.cmd), r.code, e.cmd .. "\n" .. r.out .. r.err)
            for piece, check in pairs(CHECKS) do
              if e.cmd:find(piece, 1, true) then
                check(dir, r)
              end
            end
          else
            for _, step in ipairs(e.steps) do
              if step.cmd == "echo $?" then
                assert.are.equal(tonumber(step.shown[1]), last.code, "the status before echo $?")
              else
                local r = run(step.cmd, dir, step.stdin)
                last = r
                if not (e.steps[_ + 1] and e.steps[_ + 1].cmd == "echo $?") then
                  assert.are.equal(expected_status(step.cmd), r.code, step.cmd .. "\n" .. r.out .. r.err)
                end
                check_shown(step, r)
              end
            end
          end
        end)
      end
    end
  end)
end
