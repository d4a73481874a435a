-- A tool that misbehaves in any hook: an error (a string, a table, nil), a
-- result of the wrong type, a bad syscall to g:inject, g:tail_inject where
-- there is no call to replace, memory reads at bad addresses, os.exit, a
-- stack overflow. Each hook meets each misbehaviour with a real guest (threads,
-- forks, exec, signals). An error stops the run: exit 125, the tool's
-- file:line, a traceback and the hook or syscall at hand on stderr, the guest
-- and everything it started gone, finish not run. What the docs allow runs
-- as natively, finish included (issue 10).
local H = require("helpers.run")

after_each(H.cleanup)

-- Every hook, how a tool defines it, whether it gets a guest thread `g`, and
-- the guest that reaches it. {} in a hook's source is the body.
local HOOKS = {
  { name = "init_global", def = "function tool.init_global(config, run) %s end" },
  { name = "init_process", def = "function tool.init_process(pid, config) %s end" },
  { name = "init_thread", def = "function tool.init_thread(tid, ptid, pthread) %s end" },
  { name = "thread_start", g = true, def = "function tool.thread_start(g) %s end" },
  { name = "post_exec", g = true, def = "function tool.post_exec(g) %s end", guest = "vfork_exec" },
  { name = "syscall", g = true, handler = true, at = "execve",
    def = "tool.subscriptions = { 'write', 'execve' }\nfunction tool.syscall(g, sc) %s end" },
  { name = "on.write", g = true, handler = true, at = "write",
    def = "tool.on = {}\nfunction tool.on.write(g, sc) %s end" },
  { name = "signal", g = true, def = "function tool.signal(g, sig) %s end", guest = "signals" },
  { name = "rpc", at = "write",
    def = "function tool.rpc(global, tid, msg) %s end\n"
      .. "tool.on = { write = function(g, sc) g:rpc({ n = 1 }) end }" },
  { name = "exit_thread", g = true, def = "function tool.exit_thread(g, t, code, status) %s end",
    guest = "exec_thread" },
  { name = "exit_process", g = true, def = "function tool.exit_process(g, p, code, status) %s end",
    guest = "forktree" },
  { name = "finish", def = "function tool.finish(global, code) %s end" },
  { name = "rdtsc", g = true, def = "function tool.rdtsc(g, kind) %s end", guest = "rdtsc" },
  -- Hooks this build does not call: defining them has no effect.
  { name = "timer", never = true, def = "function tool.timer(g) %s end" },
}

-- Misbehaviours: the body, and what is expected of a hook: "error" (exit
-- 125 and the report), "native" (the guest runs as it does natively), or a
-- function of the hook that says which.
local function by_kind(t)
  return function(hook)
    if hook.never then
      return "native"
    end
    return t[hook.name] or t.default
  end
end

local MISDEEDS = {
  { name = "error(string)", body = "error('boom')", expect = by_kind({ default = "error" }) },
  { name = "error(table)", body = "error({ code = 1 })", expect = by_kind({ default = "error" }) },
  { name = "error(nil)", body = "error(nil)", expect = by_kind({ default = "error" }) },
  { name = "error(table with a bad __tostring)",
    body = "error(setmetatable({}, { __tostring = function() error('bad tostring') end }))",
    expect = by_kind({ default = "error" }) },
  { name = "a string result", body = "return 'x'",
    expect = by_kind({ syscall = "error", ["on.write"] = "error", signal = "error", rdtsc = "error",
      rpc = "native",
      default = "native" }) },
  { name = "a table result", body = "return { 1 }",
    expect = by_kind({ syscall = "error", ["on.write"] = "error", signal = "error", rdtsc = "error",
      default = "native" }) },
  { name = "a boolean result", body = "return true",
    expect = by_kind({ syscall = "error", ["on.write"] = "error", signal = "error", rdtsc = "error",
      default = "native" }) },
  { name = "a function result", body = "return print",
    expect = by_kind({ syscall = "error", ["on.write"] = "error", signal = "error", rpc = "error",
      rdtsc = "error",
      default = "skip" }) }, -- (elsewhere as a table result)
  { name = "g:inject of a string", g = true, body = "g:inject('getpid')",
    expect = by_kind({ default = "error" }) },
  { name = "g:inject of a table that is no syscall", g = true, body = "g:inject({ nr = 'x', args = {} })",
    expect = by_kind({ default = "error" }) },
  { name = "g:inject with a function argument", g = true,
    body = "g:inject({ nr = 39, args = { print } })", expect = by_kind({ default = "error" }) },
  { name = "g:inject of syscall numbers that do not exist", g = true,
    body = "for _, nr in ipairs({ 100000, 4095 }) do local r = g:inject({ nr = nr, args = {} })\n"
      .. "assert(r == -38, 'inject gave ' .. tostring(r)) end",
    expect = by_kind({ thread_start = "native", post_exec = "native", syscall = "native",
      ["on.write"] = "native", default = "error" }) },
  { name = "g:tail_inject of the call at hand", g = true, body = "return g:tail_inject(revel.sys.getpid())",
    expect = by_kind({ syscall = "skip", ["on.write"] = "skip", default = "error" }) },
  { name = "g:tail_inject of a number", g = true, body = "return g:tail_inject(42)",
    expect = by_kind({ default = "error" }) },
  -- (Addresses no image maps: the first execve is still revel's own fork, and
  -- a sanitized build maps most of the low half as its shadow.)
  { name = "memory at bad addresses", g = true,
    body = [[
      for _, p in ipairs({ 0, 1, 4095, 0x7ffffffff000, 2^47, 2^52 }) do
        local s, e = g:string(p)
        assert(s == nil and type(e) == "string", "g:string " .. tostring(e))
        s, e = g:read(p, 16)
        assert(s == nil and type(e) == "string", "g:read " .. tostring(e))
        s, e = g:string(p, 0)
        assert(s == nil or s == "", "g:string max 0")
        s, e = g:write(p, "xy")
        assert(s == nil and type(e) == "string", "g:write " .. tostring(e))
      end]],
    expect = by_kind({ default = "native" }) },
  { name = "g:string of a string", g = true, body = "g:string('/etc/passwd')",
    expect = by_kind({ default = "error" }) },
  { name = "a stack overflow", body = "local function f(n) return 1 + f(n + 1) end\nf(1)",
    expect = by_kind({ default = "error" }) },
  { name = "os.exit", body = "os.exit(3)", expect = by_kind({ default = "exit3" }) },
}

-- The guest: a shell that leaves a sleep running (a marker only this case
-- has) while the real guest runs, and ends it after.
local function command(guest, marker)
  return { "sh", "-c", 'sleep ' .. marker .. ' & "$@"; st=$?; kill $! 2>/dev/null; exit $st', "sh",
    H.guest(guest.name), unpack(guest.args or {}) }
end

local GUESTS = {
  threads8 = { name = "threads8" },
  signals = { name = "signals" },
  forktree = { name = "forktree" },
  vfork_exec = { name = "vfork_exec" },
  exec_thread = { name = "exec_thread" },
  rdtsc = { name = "rdtsc_loop", args = { "bench", "20" } },
}

local natives = {}
local function native(guest)
  if not natives[guest.name] then
    natives[guest.name] = H.native(command(guest, H.sleep_arg(1)))
  end
  return natives[guest.name]
end

local seq = 0
local function tool_source(hook, deed, finish_mark)
  local lines = { "local tool = {}" }
  local finish_body = ("local f = assert(io.open(%q, 'a')) f:write('finish\\n') f:close()"):format(finish_mark)
  if hook.name ~= "finish" then
    lines[#lines + 1] = ("function tool.finish(global, code) %s end"):format(finish_body)
  end
  local body = deed.body
  if hook.name == "finish" then
    body = finish_body .. "\n" .. body
  end
  lines[#lines + 1] = hook.def:format("\n" .. body .. "\n")
  lines[#lines + 1] = "return tool"
  return table.concat(lines, "\n") .. "\n"
end

local function check(hook, deed)
  local expect = deed.expect(hook)
  if expect == "skip" then
    return
  end
  seq = seq + 1
  local marker = H.sleep_arg(60 + seq)
  local guest = GUESTS[hook.guest or "threads8"]
  local finish_mark = H.tmppath("finish")
  local tool = H.tool(tool_source(hook, deed, finish_mark))
  local r = H.sh("ulimit -c 0; " .. H.words({ H.bin, tool, "--", unpack(command(guest, marker)) }),
    { timeout = 30 })
  local what = ("%s in %s (tool %s):\nexit %s\nstderr: %s"):format(deed.name, hook.name, tool,
    tostring(r.code), r.err)
  assert(r.code ~= 124 and r.code ~= 137, "a hang: " .. what)
  assert(H.eventually(function()
    return #H.procs_matching("sleep " .. marker) == 0
  end, 5), "a process left behind: " .. what)
  local finished = H.slurp(finish_mark)
  if expect == "error" then
    assert(r.code == 125, "not exit 125: " .. what)
    assert(r.err:match("^revel: error in tool: "), "not an error in tool: " .. what)
    assert(r.err:find(tool:gsub("%p", "%%%0") .. ":%d+:"), "no file:line of the tool: " .. what)
    assert(r.err:find("stack traceback:", 1, true), "no traceback: " .. what)
    local at = "%(at " .. (hook.at or hook.name):gsub("[%.%(%)]", "%%%0")
    assert(r.err:match("^[^\n]*" .. at), "not said where: " .. what)
    assert(not r.err:find("_runtime.lua:") and not r.err:find("_state.lua:"), "revel's internals: " .. what)
    if hook.name == "finish" then
      assert(finished == "finish\n", "finish did not run once: " .. what)
    else
      assert(finished == "", "finish ran after an error: " .. what)
    end
  elseif expect == "exit3" then
    assert(r.code == 3, "os.exit(3) did not exit 3: " .. what)
    assert(finished == (hook.name == "finish" and "finish\n" or ""), "finish ran after os.exit: " .. what)
  else
    local n = native(guest)
    assert(r.code == n.code, "not the native status " .. n.code .. ": " .. what)
    assert(r.out == n.out, "not the native output: " .. what .. "\nstdout: " .. r.out)
    assert(r.err == "", "stderr: " .. what)
    assert(finished == "finish\n", "finish did not run once: " .. what)
  end
end

describe("a tool that misbehaves", function()
  for _, deed in ipairs(MISDEEDS) do
    it(deed.name .. " in every hook", function()
      for _, hook in ipairs(HOOKS) do
        -- (A hook never called needs one case, not all.)
        if (hook.g or not deed.g) and (not hook.never or deed == MISDEEDS[1]) then
          check(hook, deed)
        end
      end
    end)
  end

  -- --on-error=continue: a handler's error is said and the guest goes on,
  -- the next call getting its handler as usual (the thread's coroutine that
  -- the error ended is made anew).
  local CONTINUE = {
    "error('boom')", "error(nil)", "error({})", "local function f(n) return 1 + f(n + 1) end\nf(1)",
    "return g:tail_inject(42)", "g:inject(sc) error('after the call ran')",
  }
  it("in a handler under --on-error=continue: said, and the guest runs on", function()
    local guest = GUESTS.threads8
    local n = native(guest)
    for _, hook in ipairs(HOOKS) do
      if hook.handler or hook.name == "thread_start" or hook.name == "post_exec" then
        for _, body in ipairs(CONTINUE) do
          if hook.handler or not body:find("sc", 1, true) then
            seq = seq + 1
            local marker = H.sleep_arg(60 + seq)
            local finish_mark = H.tmppath("finish")
            local tool = H.tool(tool_source(hook, { body = body }, finish_mark))
            local r = H.sh("ulimit -c 0; " .. H.words({ H.bin, "--on-error=continue", tool, "--",
              unpack(command(guest, marker)) }), { timeout = 30 })
            local what = ("%s in %s (tool %s):\nexit %s\nstderr: %s"):format(body, hook.name, tool,
              tostring(r.code), r.err)
            assert(r.code == n.code, "not the native status: " .. what)
            assert(r.out == n.out, "not the native output: " .. what .. "\nstdout: " .. r.out)
            assert(r.err:match("^revel: error in tool: "), "not said: " .. what)
            assert(r.err:find(tool:gsub("%p", "%%%0") .. ":%d+:"), "no file:line of the tool: " .. what)
            assert(not r.err:find("error in error handling", 1, true), what)
            assert(H.slurp(finish_mark) == "finish\n", "finish did not run once: " .. what)
            assert(H.eventually(function()
              return #H.procs_matching("sleep " .. marker) == 0
            end, 5), "a process left behind: " .. what)
          end
        end
      end
    end
  end)
end)
