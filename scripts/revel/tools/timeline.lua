-- revel.tools.timeline: --timeline FILE.html, a layer over any tool that
-- writes the run as one self-contained HTML page (revel._timeline_html): a
-- lane per thread, a bar per call from its entry to its exit.
--
-- What it records is a second strace printer's text (-f -ttt -T, every
-- line prefixed with its thread), in an unlinked temporary file: over the
-- default tool the engine's observer feeds that printer in C along with the
-- tool's own (strace.lua's set_tee), so the timeline costs no Lua per call;
-- over any other tool this layer's syscall handler feeds it, as strace.lua's
-- handler feeds its printer. At the end the text is read back and copied
-- into the page (revel._timeline_html), which parses it in the browser. The HTML file is opened
-- before the guest starts: one that cannot be created ends revel (125).
local rffi = require("revel.ffi")
local data = require("revel._timeline_data")
local html = require("revel._timeline_html")

local ffi, api = rffi.ffi, rffi.api

pcall(ffi.cdef, [[
int mkostemp(char *template, int flags);
int unlink(const char *path);
int close(int fd);
]])

local M = {}

local O_CLOEXEC = 524288
local NR_EXIT, NR_EXIT_GROUP, NR_RT_SIGRETURN = 60, 231, 15

local function comm(tid)
  local f = io.open("/proc/" .. tid .. "/comm")
  if not f then
    return nil
  end
  local name = f:read("*l")
  f:close()
  return name
end

-- The temporary file the printer writes: unlinked at once, read back through
-- /proc/self/fd, so nothing is left behind however revel ends.
local function tmpfile()
  local dir = os.getenv("TMPDIR")
  if not dir or dir == "" then
    dir = "/tmp"
  end
  local name = dir .. "/revel-timeline-XXXXXX"
  local buf = ffi.new("char[?]", #name + 1, name)
  local fd = ffi.C.mkostemp(buf, O_CLOEXEC)
  if fd < 0 then
    return nil
  end
  ffi.C.unlink(buf)
  return fd
end

-- A new layer writing FILE.html; inner_strace: the default tool underneath
-- (its observer then feeds the timeline in C), or nil for any other tool.
-- Returns the layer, or nil and why the file cannot be created.
function M.new(path, inner_strace, opts)
  opts = opts or {}
  local out, err = io.open(path, "we") -- close-on-exec: not the guest's
  if not out then
    return nil, (err:gsub("^[^:]*: ", ""))
  end
  local layer = { vdso = false } -- it shows the calls the tool under it sees, no more
  local E, P, fd
  local live, order = 0, 0
  local threads = {} -- tid -> { pid, parent, name, order }
  local siginfo = ffi.new("uint8_t[128]")
  local word = ffi.new("int64_t[1]")
  local printer_enter, printer_exit = api.printer_enter, api.printer_exit
  local done = false

  local function thread(tid)
    local t = threads[tid]
    if not t then
      order = order + 1
      t = { order = order }
      threads[tid] = t
    end
    return t
  end

  function layer.init_global(_, run)
    E = run:engine()
    fd = tmpfile()
    if not fd then
      error(require("revel._errors").run_error("--timeline: cannot make a temporary file"), 0)
    end
    local o = ffi.new("struct revel_printer_opts")
    o.fd, o.mode, o.prefix = fd, ffi.C.REVEL_PRINT_TEXT, ffi.C.REVEL_PREFIX_ALWAYS
    o.string_limit = 32 -- the default tool's: its reads serve this printer too
    o.abs_time, o.abs_digits = ffi.C.REVEL_TIME_UNIX, 9
    o.syscall_times, o.syscall_digits = 1, 9
    o.root_only = 0
    P = api.printer_new(E, o)
    if P == nil then
      error("--timeline: cannot make its printer", 0)
    end
    if inner_strace then
      inner_strace.set_tee(P)
    end
  end

  function layer.init_thread(tid, parent_tid)
    local t = thread(tid)
    t.parent = parent_tid
    live = live + 1
    if P then
      api.printer_ntasks(P, live)
    end
  end

  function layer.thread_start(g)
    local t = thread(g.tid)
    t.pid = g.pid
    t.name = t.name or comm(g.tid)
  end

  function layer.post_exec(g)
    local t = thread(g.tid)
    t.pid = g.pid
    t.name = comm(g.tid) or t.name
  end

  if not inner_strace then
    -- Any tool: the call's line from its entry to the exit the handler
    -- waited on (the tool underneath may run it itself, or return a result).
    function layer.syscall(g, sc, inner)
      local ev = g:event()
      local tid = g.tid
      printer_enter(P, ev)
      if g:fault() then
        api.printer_injected(P, tid)
      end
      local nr = sc.nr
      local r = inner(g, sc)
      if r == nil then
        if nr == NR_EXIT or nr == NR_EXIT_GROUP then
          return -- no result: the line ends when the thread does
        elseif nr == NR_RT_SIGRETURN then
          local rc = api.mem_read(E, tid, ev.rsp + 144, word, 8)
          printer_exit(P, tid, rc == 8 and tonumber(word[0]) or 0)
          return
        end
        r = g:inject(sc)
      end
      printer_exit(P, tid, r)
      return r
    end
  end

  function layer.signal(g, sig)
    local rc = api.get_siginfo(E, g.tid, siginfo)
    api.printer_signal(P, g.tid, sig, rc == 0 and siginfo or nil)
    return nil
  end

  function layer.exit_thread(g, _, code, raw, superseded_by)
    local status = raw or ((code > 128 and code <= 128 + 64) and (code - 128) or code * 256)
    if superseded_by then
      api.printer_superseded(P, g.tid, superseded_by)
    else
      api.printer_exited(P, g.tid, status)
    end
    live = live - 1
    api.printer_ntasks(P, live)
  end

  function layer.detach(g)
    api.printer_detached(P, g.tid)
  end

  -- The page, from what the printer wrote; ended: how the run ended, in words.
  local function write(ended)
    if done then
      return
    end
    done = true
    if P ~= nil then
      if inner_strace then
        api.observe_tee(nil)
      end
      api.printer_flush(P)
      api.printer_free(P)
      P = nil
    end
    local trace = fd and io.open("/proc/self/fd/" .. fd)
    if fd then
      ffi.C.close(fd)
      fd = nil
    end
    local ok, werr = html.write(out, trace, threads, { command = opts.command, ended = ended })
    if trace then
      trace:close()
    end
    local cok, cerr = out:close()
    if not ok or not cok then
      io.stderr:write("revel: ", path, ": ", tostring(werr or cerr), "\n")
    end
  end

  function layer.finish(_, code)
    write(data.ending(code))
  end

  -- revel failed (an error in the tool, in revel): what was recorded, and why it ended.
  function layer.abandon(message)
    write("revel failed: " .. tostring(message))
  end
  return layer
end

-- The layer of --timeline: a file that cannot be created ends revel (125)
-- before the guest starts, as -o does.
function M.layer(path, inner_strace, opts)
  local layer, err = M.new(path, inner_strace, opts)
  if not layer then
    error(require("revel._errors").run_error(("cannot open %s: %s"):format(path, err)), 0)
  end
  return layer
end

return M
