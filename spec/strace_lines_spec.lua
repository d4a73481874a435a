-- strace command lines, unchanged, under revel: each row of
-- spec/strace_lines/*.lua against real strace (helpers/strace_lines.lua).
local L = require("helpers.strace_lines")

describe("strace command lines", function()
  if os.execute("strace -V > /dev/null 2>&1") ~= 0 then
    pending("strace is not installed")
    return
  end
  local rows = L.rows()
  it("has rows", function()
    assert.truthy(#rows > 0)
  end)
  for _, row in ipairs(rows) do
    if row.skip then
      pending(row.file .. ": " .. row[1] .. " (skipped: " .. row.skip .. ")", function() end)
    elseif row.gap then
      -- An open difference: its lines are shown, the row stays pending.
      pending(row.file .. ": " .. row[1] .. " (gap: " .. row.gap .. ")", function() end)
      local ok, err = pcall(L.check, row)
      if not ok then
        io.stderr:write("gap ", row[1], ": ", tostring(err):sub(1, 400), "\n")
      end
    else
      it(row.file .. ": " .. row[1], function()
        L.check(row)
      end)
    end
  end
end)
