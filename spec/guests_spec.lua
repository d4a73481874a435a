-- Every guest behaves under revel as it does natively: same stdout, same exit
-- status, under noop.lua (every syscall stops, none enters Lua) and under
-- counter2.lua (every syscall enters a Lua handler; thread, process and global
-- state).
local H = require("helpers.run")

local cases = {
  { "threads8", {}, 0 },
  { "forktree", {}, 20 },
  { "vfork_exec", {}, 0 },
  { "exec_thread", {}, 5 },
  { "exit_group_blocked", {}, 3 },
  { "exit_group_paused", {}, 3 },
  { "signals", {}, 0 },
  { "die", { "kill" }, 137 },
  { "die", { "segv" }, 139 },
  { "stopcont", {}, 0 },
  { "det", {}, 0 },
  { "many_writes", { "3" }, 0 },
  -- the process tree and signals at their hardest
  { "threads500", {}, 0 },
  { "forktree5", {}, 0 },
  { "vfork_variants", {}, 0 },
  { "vfork_clone", {}, 0 },
  { "autoreap", {}, 0 },
  { "rtsig", {}, 0 },
  { "tstp", {}, 0 },
  { "own_seccomp", {}, 0 },
  { "self_ptrace", {}, 0 },
  { "restart_read", {}, 0 },
  { "restart_read", { "norestart" }, 0 },
}

local tools = {
  noop = H.example("noop.lua"),
  counter2 = H.example("counter2.lua"),
}

describe("guests run the same under revel", function()
  for _, c in ipairs(cases) do
    local name, args, want = c[1], c[2], c[3]
    local argv = { H.guest(name) }
    for _, a in ipairs(args) do
      argv[#argv + 1] = a
    end
    local label = table.concat(argv, " "):gsub("^.*/", "")
    it(label .. " natively exits " .. want, function()
      local n = H.native(argv)
      assert.are.equal(want, n.code)
    end)
    for tname, tpath in pairs(tools) do
      it(label .. " under " .. tname, function()
        local n = H.native(argv)
        local r = H.revel({ tpath }, argv)
        assert.are.equal(n.code, r.code, r.err)
        assert.are.equal(n.out, r.out)
      end)
    end
  end

  it("orphan: the grandchild's output arrives and revel waits for it", function()
    -- Natively the shell does not wait for the grandchild: compare with the
    -- output a reader that waits for EOF sees.
    local n = H.sh(H.q(H.guest("orphan")) .. " | cat")
    assert.are.equal("parent done\ngrandchild outlived its parent\n", n.out)
    for name, tpath in pairs(tools) do
      local r = H.revel({ tpath }, { H.guest("orphan") })
      assert.are.equal(n.out, r.out, name)
      assert.are.equal(0, r.code, name)
    end
  end)

  it("a daemon (double fork, setsid) outlives the root and revel waits for it", function()
    for name, tpath in pairs(tools) do
      local r = H.revel({ tpath }, { H.guest("daemon") })
      assert.are.equal(0, r.code, name .. ": " .. r.err)
      assert.are.equal("root done\ndaemon still here, new session yes\n", r.out, name)
    end
  end)

  it("counter2 counts every process of a fork tree", function()
    local r = H.revel({ tools.counter2 }, { H.guest("forktree") })
    -- depth 3, fan-out 2: 1 + 2 + 4 + 8 processes
    assert.truthy(r.err:match("in 15 processes"), r.err)
  end)
end)
