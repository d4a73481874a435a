-- The default tool against real strace on a corpus of commands: each runs
-- twice under `strace -f -o FILE` (its agreement with itself is the
-- baseline) and once under `revel -o FILE`; after normalising run-to-run
-- noise, revel's agreement with strace relative to that baseline must be at
-- least 90% on every command and 97% over the corpus. The lines that differ
-- are printed when a command falls short.
local R = require("helpers.corpus_run")

local function have_strace()
  return os.execute("strace -V > /dev/null 2>&1") == 0
end

describe("the default tool against strace", function()
  if not have_strace() then
    pending("strace is not installed")
    return
  end
  R.prepare()
  local results = {}

  for _, entry in ipairs(R.commands) do
    it("agrees on " .. entry[1], function()
      local r = R.run(entry)
      results[#results + 1] = r
      local msg = ("%s: revel %.1f%% of strace's self-agreement (self %.1f%%, revel %.1f%%, %d/%d lines)")
        :format(r.name, 100 * r.rel, 100 * r.self, 100 * r.revel, r.shared, r.len)
      if r.rel < 0.90 then
        local lines = { msg, "only in strace:" }
        for i = 1, math.min(40, #r.only_strace) do
          lines[#lines + 1] = "  " .. r.only_strace[i]
        end
        lines[#lines + 1] = "only in revel:"
        for i = 1, math.min(40, #r.only_revel) do
          lines[#lines + 1] = "  " .. r.only_revel[i]
        end
        error(table.concat(lines, "\n"), 0)
      end
      io.stderr:write(msg, "\n")
    end)
  end

  it("agrees over the corpus", function()
    assert.truthy(#results >= 15, "the corpus has at least 15 commands")
    local shared, len, self_shared, self_len = 0, 0, 0, 0
    for _, r in ipairs(results) do
      shared, len = shared + r.shared, len + r.len
      self_shared, self_len = self_shared + r.self_shared, self_len + r.self_len
    end
    local self = self_shared / self_len
    local revel = shared / len
    local rel = math.min(1, revel / self)
    local msg = ("corpus: %d commands, revel %.1f%% of strace's self-agreement (self %.2f%%, revel %.2f%%)")
      :format(#results, 100 * rel, 100 * self, 100 * revel)
    io.stderr:write(msg, "\n")
    assert.truthy(rel >= 0.97, msg)
  end)
end)
