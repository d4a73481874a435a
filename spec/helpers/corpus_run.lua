-- The strace corpus: commands run under real strace (twice: its agreement
-- with itself is the baseline) and under revel's default tool, compared
-- after normalisation (helpers/corpus.lua).
local H = require("helpers.run")
local C = require("helpers.corpus")

local R = {}

R.dir = H.tmpdir() .. "/corpus"
local D = R.dir
local py = "/usr/bin/python3"

-- name, shell setup run before each trace, argv.
R.commands = {
  { "ls", "", { "ls", "-l", "/" } },
  { "cat", "", { "cat", D .. "/f.txt" } },
  { "cp", "rm -f " .. D .. "/g.txt", { "cp", D .. "/f.txt", D .. "/g.txt" } },
  { "mkdir-rmdir", "rm -rf " .. D .. "/x", { "sh", "-c", "mkdir " .. D .. "/x && rmdir " .. D .. "/x" } },
  { "stat", "", { "stat", "/etc/passwd" } },
  { "date", "", { "date", "+%Y" } },
  { "sort", "", { "sort", D .. "/f.txt" } },
  { "wc", "", { "wc", D .. "/f.txt" } },
  { "pipeline", "", { "sh", "-c", "echo a | tr a b" } },
  { "python3", "rm -f " .. D .. "/p " .. D .. "/q",
    { py, "-S", "-c", ("import os; open('%s/p','w').write('x'); os.rename('%s/p','%s/q'); "
      .. "print(open('%s/q').read()); os.unlink('%s/q')"):format(D, D, D, D, D) } },
  { "threads8", "", { H.guests .. "/threads8" }, racy_fds = true },
  { "net_echo", "", { H.guests .. "/net_echo" } },
  { "python3-net", "",
    { py, "-S", "-c", "import socket\ns=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(1)\n"
      .. "c=socket.create_connection(s.getsockname()); a,_=s.accept(); c.sendall(b'hi')\n"
      .. "print(a.recv(2)); a.close(); c.close(); s.close()" } },
  { "find", "", { "find", D } },
  { "head", "", { "head", "-n", "2", D .. "/f.txt" } },
  { "symlink", "rm -f " .. D .. "/l", { "sh", "-c", "ln -s f.txt " .. D .. "/l && readlink " .. D .. "/l && rm " .. D .. "/l" } },
  { "touch", "", { "touch", D .. "/f.txt" } },
  { "uname", "", { "uname", "-a" } },
  { "tail", "", { "tail", "-c", "5", D .. "/f.txt" } },
  { "dd", "", { "dd", "if=" .. D .. "/f.txt", "of=/dev/null", "bs=1", "count=3" } },
  { "sleep-wait", "", { "sh", "-c", "sleep 0.01 & wait" } },
  { "grep", "", { "grep", "-c", "a", D .. "/f.txt" } },
}

local slurp = H.slurp

function R.prepare()
  os.execute(("rm -rf %s && mkdir -p %s && printf 'b\\na\\nc\\n' > %s/f.txt"):format(H.q(D), H.q(D), H.q(D)))
end

-- One trace of argv: which = "strace" or "revel". Returns the text.
local function trace(which, setup, argv)
  local out = D .. "-trace." .. which
  os.remove(out)
  if setup ~= "" then
    os.execute(setup)
  end
  local cmd
  if which == "revel" then
    cmd = H.q(H.bin) .. " -f -o " .. H.q(out) .. " -- " .. H.words(argv)
  else
    cmd = "strace -f -o " .. H.q(out) .. " " .. H.words(argv)
  end
  H.sh(cmd .. " > /dev/null")
  local t = slurp(out)
  os.remove(out)
  return t
end

-- Scores of one command: { name, self = strace vs strace, revel = revel vs
-- strace, rel = revel / self, only_strace, only_revel }.
function R.run(entry)
  local name, setup, argv = entry[1], entry[2], entry[3]
  local s1 = C.normalise(trace("strace1", setup, argv), entry.racy_fds)
  local s2 = C.normalise(trace("strace2", setup, argv), entry.racy_fds)
  local rv = C.normalise(trace("revel", setup, argv), entry.racy_fds)
  local self, ss, sl = C.score(s1, s2)
  local rs, rsh, rl = C.score(s1, rv)
  local only_s, only_r = C.diff(s1, rv)
  return {
    name = name, self = self, revel = rs, rel = self > 0 and math.min(1, rs / self) or 0,
    self_shared = ss, self_len = sl, shared = rsh, len = rl,
    only_strace = only_s, only_revel = only_r,
  }
end

return R
