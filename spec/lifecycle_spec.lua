-- revel's own life: killed, it takes the guest with it; installed, it runs
-- from anywhere with its Lua library inside the binary.
local H = require("helpers.run")

local eventually = H.eventually

describe("revel's lifetime", function()
  it("if revel is killed with SIGKILL, the guest dies with it", function()
    local s3201 = H.sleep_arg(3201)
    local r = H.sh(("%s %s -- sh -c 'sleep %s; true' > /dev/null 2>&1 & echo $!"):format(
      H.q(H.bin), H.q(H.example("noop.lua")), s3201))
    local revel_pid = r.out:match("%d+")
    assert.truthy(revel_pid)
    assert.is_true(eventually(function() return #H.procs_matching("sleep " .. s3201) > 0 end))
    H.sh("kill -9 " .. revel_pid)
    assert.is_true(eventually(function() return #H.procs_matching("sleep " .. s3201) == 0 end, 1),
      "the guest outlived revel")
  end)

  it("installs with PREFIX and runs from any directory", function()
    local build = H.bin:match("^(.*)/[^/]+$")
    local prefix = H.tmpname()
    os.remove(prefix)
    local r = H.sh(("cmake --install %s --prefix %s"):format(H.q(build), H.q(prefix)))
    assert.are.equal(0, r.code, r.err)
    r = H.sh(("cd / && %s/bin/revel %s/share/revel/examples/counter.lua -- echo installed"):format(
      H.q(prefix), H.q(prefix)))
    H.sh("rm -rf " .. H.q(prefix))
    assert.are.equal(0, r.code, r.err)
    assert.are.equal("installed\n", r.out)
    assert.truthy(r.err:match("%d+ syscalls"), r.err)
  end)
end)
