-- Real programs give the same stdout and exit status under revel as natively,
-- under the default tool and under a counting tool.
local H = require("helpers.run")

local fixtures = H.root .. "/spec/fixtures"

-- Each case is a shell script run in a fresh temporary directory.
local cases = {
  ["make -j2 of a small C project"] = ("cp -r %s/cproject p && make -s -j2 -C p && ./p/calc"):format(fixtures),
  ["python3 with threads and subprocesses"] = [[python3 -c '
import subprocess, threading
out = [None] * 4
def work(i):
    out[i] = subprocess.run(["sh", "-c", "echo $((%d * %d))" % (i, i)], capture_output=True, text=True).stdout.strip()
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
[t.start() for t in ts]
[t.join() for t in ts]
print(" ".join(out))
']],
  ["shell pipelines"] = "seq 1 2000 | grep 7 | tr 7 x | sort | uniq -c | sort -rn | head -5; echo ${PIPESTATUS:-done}",
  ["git init, add, commit"] = [[export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@e GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@e
export GIT_AUTHOR_DATE='2026-01-01T00:00:00Z' GIT_COMMITTER_DATE='2026-01-01T00:00:00Z' HOME=$PWD
git init -q r && cd r && echo hello > f && git add f && git commit -q -m first && git log --format='%H %s']],
  ["tar c | tar x"] = [[mkdir -p a/b && seq 1 500 > a/b/n && echo x > a/y && mkdir c &&
tar cf - a | tar xf - -C c && diff -r a c/a && echo same]],
  ["xz -T2"] = "seq 1 200000 > d && xz -T2 -k d && xz -dc d.xz | cmp - d && echo round trip",
  ["sort of a large file"] = "seq 1 300000 | sort -r > big && sort -n big | md5sum",
  ["perl fork and wait"] = [[perl -e 'for my $i (1..5) { my $p = fork; if (!$p) { exit $i } } my $s = 0; while ((my $c = wait) > 0) { $s += $? >> 8 } print "sum $s\n"']],
}

local function in_tmp(script)
  return ("d=$(mktemp -d) && cd $d && { %s; } ; s=$?; cd / && rm -rf $d; exit $s"):format(script)
end

describe("real programs", function()
  local names = {}
  for name in pairs(cases) do
    names[#names + 1] = name
  end
  table.sort(names)
  for _, name in ipairs(names) do
    local script = in_tmp(cases[name])
    it(name, function()
      local n = H.native({ "bash", "-c", script })
      assert.are.equal(0, n.code, n.err)
      assert.truthy(#n.out > 0)
      local d = H.sh(H.words({ H.bin, "-o", "/dev/null", "--", "bash", "-c", script }))
      assert.are.equal(n.code, d.code, "default tool: " .. d.err)
      assert.are.equal(n.out, d.out, "default tool")
      local c = H.revel({ H.example("counter2.lua") }, { "bash", "-c", script })
      assert.are.equal(n.code, c.code, "counter2: " .. c.err)
      assert.are.equal(n.out, c.out, "counter2")
      assert.truthy(c.err:match("%d+ syscalls in %d+ processes"), c.err)
    end)
  end
end)
