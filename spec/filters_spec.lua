-- strace's filters under revel (issue 11): -z, -Z, -e status=, -e signal=,
-- -P PATH and -e trace=/REGEX. Bad input is strace's own message on one
-- line ("revel: " for "strace: "), exit 125, no guest run; each option's
-- output is compared with real strace's on real guests (more rows in
-- spec/strace_lines/filters.lua).
local H = require("helpers.run")
local C = require("helpers.corpus")

after_each(function()
  H.cleanup()
end)

local have_strace = os.execute("strace -V > /dev/null 2>&1") == 0

-- A -c table's names with their calls and errors columns, sorted (times move).
local function columns(text)
  local t = {}
  for line in text:gmatch("[^\n]+") do
    local w = {}
    for x in line:gmatch("%S+") do
      w[#w + 1] = x
    end
    if #w >= 5 and tonumber(w[1]) then
      t[#t + 1] = w[#w] .. " " .. w[4] .. " " .. (#w == 6 and w[5] or "0")
    end
  end
  table.sort(t)
  return table.concat(t, "\n")
end

-- strace's first line on stderr for these options, as revel must say it.
local function strace_says(opts)
  local words = { "strace" }
  for _, o in ipairs(opts) do
    words[#words + 1] = o
  end
  words[#words + 1] = "true"
  local s = H.native(words)
  assert.are.equal(1, s.code, s.err)
  local line = s.err:match("^strace: ([^\n]*)\n")
  assert.truthy(line, s.err)
  return "revel: " .. line .. "\n"
end

describe("bad filters", function()
  if not have_strace then
    pending("strace is not installed")
    return
  end
  for _, opts in ipairs({
    { "-e", "status=foo" }, { "-e", "status=" }, { "-e", "status=," }, { "-e", "status=!" },
    { "--status=successful,bar" }, { "--status", "FAILEDX" },
    { "-e", "signal=foo" }, { "-e", "signal=256" }, { "-e", "signal=-1" }, { "-e", "signal=9x" },
    { "--signal=SIGRTMAX" }, { "--signal", "SIGIOT" }, { "-e", "s=RT_33" }, { "-e", "signals=" },
    { "-e", "trace=/zzz" }, { "-e", "trace=read,/^nothing$" }, { "-e", "trace=!/zzz" },
    { "-e", "trace=/[" }, { "-e", "trace=/a(" }, { "--trace=/*a" }, { "-e", "trace=/\\" },
    { "-e", "trace=/[[:nope:]]" }, { "--trace", "/a{1" },
  }) do
    it(table.concat(opts, " ") .. ": strace's message, exit 125", function()
      local want = strace_says(opts)
      local marker = H.tmppath("ran")
      local r = H.revel(opts, { "sh", "-c", "touch " .. H.q(marker) })
      assert.are.equal(125, r.code, r.err)
      assert.are.equal(want, r.err)
      assert.are.equal("", r.out)
      local ran = io.open(marker)
      assert.falsy(ran, "the guest ran")
    end)
  end

  it("a filter with a tool file is refused: the tool writes its own output", function()
    for _, opts in ipairs({ { "-z" }, { "-Z" }, { "-e", "signal=none" }, { "-P", "/" } }) do
      local words = { unpack(opts) }
      words[#words + 1] = H.example("noop.lua")
      local r = H.revel(words, { "true" })
      assert.are.equal(125, r.code, r.err)
      assert.truthy(r.err:match("^revel: [^\n]* is an option of the default tool; [^\n]*\n$"), r.err)
    end
  end)
end)

-- Runs opts natively under strace and under revel, -o FILE each; returns
-- both runs with their traces normalised (sorted when unordered).
local function both(opts, argv, unordered)
  local function run(which)
    local out = H.tmppath("trace." .. which)
    local words = { which == "revel" and H.bin or "strace", "-o", out }
    for _, o in ipairs(opts) do
      words[#words + 1] = o
    end
    if which == "revel" then
      words[#words + 1] = "--"
    end
    for _, a in ipairs(argv) do
      words[#words + 1] = a
    end
    local r = H.sh(H.words(words))
    r.lines = C.normalise(H.slurp(out) or "")
    for i, l in ipairs(r.lines) do
      r.lines[i] = l:gsub('^getrandom%(".-"', 'getrandom("RANDOM"')
    end
    if unordered then
      table.sort(r.lines)
    end
    os.remove(out)
    return r
  end
  return run("strace"), run("revel")
end

describe("filters against strace", function()
  if not have_strace then
    pending("strace is not installed")
    return
  end
  local dir = H.tmpdir()
  local f = dir .. "/f.txt"
  local none = dir .. "/none"
  os.execute("printf 'a\\n' > " .. H.q(f) .. " && ln -sfn f.txt " .. H.q(dir .. "/link"))

  it("-z and -Z print only the calls that succeed, that fail: cat of a file and a missing one", function()
    for _, opt in ipairs({ "-z", "-Z", "--successful-only", "--failed-only" }) do
      local s, r = both({ opt }, { "cat", f, none })
      assert.are.equal(s.code, r.code, r.err)
      assert.are.equal(s.err, r.err)
      assert.truthy(#s.lines > 3, table.concat(s.lines, "\n"))
      assert.are.same(s.lines, r.lines)
      -- and indeed: -Z's lines all fail, -z's none; neither has exit_group's "= ?"
      for _, l in ipairs(r.lines) do
        local failed = l:match("= %-1 E%u+") ~= nil
        if l:match("^%+%+%+") == nil then
          assert.are.equal(opt == "-Z" or opt == "--failed-only", failed, l)
        end
        assert.falsy(l:match("= %?$"), l)
      end
    end
  end)

  it("-e status=unfinished: exit_group alone, whole; !successful: failed and unfinished", function()
    for _, set in ipairs({ "unfinished", "!successful", "failed,unfinished", "!unavailable" }) do
      local s, r = both({ "-e", "status=" .. set }, { "cat", f, none })
      assert.are.equal(s.code, r.code, r.err)
      assert.are.same(s.lines, r.lines)
    end
  end)

  it("-e status= keeps each line whole under -f: no <unfinished ...> between threads", function()
    -- The kinds of line, fds aside: how many threads are in read yet when
    -- exit_group comes is the guest's own race.
    local function kinds(lines)
      local seen, t = {}, {}
      for _, l in ipairs(lines) do
        l = l:gsub("^read%(%d+,", "read(FD,")
        if not seen[l] then
          seen[l], t[#t + 1] = true, l
        end
      end
      return t
    end
    -- Up to three rounds, as strace_lines' racy rows: under load strace itself
    -- now and then splits a line (a "???(" for a thread it lost at the exit).
    local s, r
    for _ = 1, 3 do
      s, r = both({ "-f", "-e", "status=unfinished", "-e", "trace=read,exit_group" },
        { H.guest("exit_group_blocked") }, true)
      assert.are.equal(s.code, r.code, r.err)
      -- revel's lines are whole in every round: exit_group's too, when a
      -- thread it takes is in no call and its "+++ exited" comes first
      -- (spec/strace_lines/filters.lua's "threads in no call" row).
      for _, l in ipairs(r.lines) do
        assert.truthy(l:match("= %?$") or l:match("^%+%+%+"), l)
      end
      if require("luassert.util").deepcompare(kinds(s.lines), kinds(r.lines)) then
        break
      end
    end
    assert.are.same(kinds(s.lines), kinds(r.lines))
  end)

  it("-c ignores -z and -Z, as strace -c: the same calls and errors as without", function()
    for _, opts in ipairs({ { "-c", "-z" }, { "-c", "-Z" }, { "-c", "-e", "status=none" } }) do
      local s = H.native({ "strace", unpack(opts), "cat", f, none })
      local r = H.revel(opts, { "cat", f, none })
      local plain = H.revel({ "-c" }, { "cat", f, none })
      assert.are.equal(s.code, r.code, r.err)
      assert.truthy(columns(s.err) ~= "", s.err)
      assert.are.equal(columns(s.err), columns(r.err))
      assert.are.equal(columns(plain.err), columns(r.err))
    end
  end)

  it("-P PATH: the calls that name it, by path or by fd; -c counts those alone", function()
    for _, opts in ipairs({ { "-P", f }, { "-P", dir }, { "-P", f, "-P", "/etc/ld.so.cache" },
      { "-P", none }, { "-P", f, "-z" } }) do
      local s, r = both(opts, { "cat", f, none })
      assert.are.equal(s.code, r.code, r.err)
      assert.are.same(s.lines, r.lines)
    end
    local s, r = both({ "-P", dir }, { "ls", dir })
    assert.truthy(#s.lines > 3, table.concat(s.lines, "\n"))
    assert.are.same(s.lines, r.lines)
    s = H.native({ "strace", "-c", "-P", f, "cat", f })
    r = H.revel({ "-c", "-P", f }, { "cat", f })
    assert.truthy(#columns(s.err) > 40, s.err)
    assert.are.equal(columns(s.err), columns(r.err))
  end)

  it("-P SYMLINK is said resolved, as strace says it, and matches both names", function()
    local link = dir .. "/link"
    for _, opts in ipairs({ { "-P", link }, { "--trace-path=" .. link, "-e", "quiet=path-resolution" },
      { "-P", link, "-P", dir .. "/./f.txt" }, { "-P", ".", "-e", "trace=none" } }) do
      local sw = { "strace" }
      for _, o in ipairs(opts) do
        sw[#sw + 1] = o
      end
      sw[#sw + 1] = "cat"
      sw[#sw + 1] = link
      local s = H.native(sw)
      local rw = {}
      for _, o in ipairs(opts) do
        rw[#rw + 1] = o
      end
      local r = H.revel(rw, { "cat", link })
      assert.are.equal(s.code, r.code, r.err)
      assert.are.equal(s.out, r.out)
      local function said(text)
        local t = {}
        for l in text:gmatch("[^\n]+") do
          t[#t + 1] = (l:gsub("^strace: ", "revel: "):gsub("0x%x+", "0xADDR"))
        end
        return t
      end
      assert.are.same(said(s.err), said(r.err))
    end
  end)

  it("-e signal=SET hides the other signals' lines, and the killed line of a hidden one", function()
    local kill = { "sh", "-c", "kill -USR1 $$" }
    for _, set in ipairs({ "none", "!SIGUSR1", "SIGUSR1", "all", "!usr2", "chld" }) do
      local s, r = both({ "-e", "signal=" .. set }, kill)
      assert.are.equal(s.code, r.code, r.err)
      assert.are.same(s.lines, r.lines)
    end
    -- (not -f: the guest's child races its parent's SIGTERM into its read)
    local s, r = both({ "-e", "signal=!SIGCHLD", "-e", "trace=!rt_sigpending" }, { H.guest("signals") }, true)
    assert.are.equal(s.code, r.code, r.err)
    assert.are.same(s.lines, r.lines)
    local shown = false
    for _, l in ipairs(r.lines) do
      assert.falsy(l:match("SIGCHLD {"), l)
      shown = shown or l:match("^%-%-%- SIGUSR1 ") ~= nil
    end
    assert.truthy(shown)
  end)

  it("-e trace=/REGEX is a POSIX extended regular expression over the names", function()
    for _, set in ipairs({ "/^open", "/^(read|close)$", "/^[cfl]?stat|fstat$", "!/^m",
      "?/^nothing$,/^exit_group$", "/[[:digit:]]{2}$", "/^waitpid$" }) do
      local s, r = both({ "-e", "trace=" .. set }, { "cat", f })
      assert.are.equal(s.code, r.code, r.err)
      assert.are.equal(s.err, r.err)
      assert.are.same(s.lines, r.lines)
    end
    local s, r = both({ "-f", "-e", "trace=/^open" }, { "sh", "-c", "cat " .. H.q(f) .. " " .. H.q(none) })
    assert.truthy(#s.lines > 3, table.concat(s.lines, "\n"))
    assert.are.same(s.lines, r.lines)
  end)

  it("--json follows -z, -P and -e signal= too (revel's own output)", function()
    local r = H.revel({ "--json", "-Z", "-P", none }, { "cat", f, none })
    assert.are.equal(1, r.code, r.err)
    local n = 0
    for l in r.err:gmatch("[^\n]+") do
      if l:match('"name"') then
        n = n + 1
        assert.truthy(l:match('"errno":"ENOENT"'), l)
      end
    end
    assert.are.equal(1, n, r.err) -- the openat of the missing file, alone
    r = H.revel({ "--json", "-e", "signal=none", "-e", "trace=none" }, { "sh", "-c", "kill -USR1 $$" })
    assert.are.equal(138, r.code, r.err)
    assert.are.equal("", r.err)
  end)
end)
