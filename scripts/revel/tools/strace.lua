-- revel.tools.strace: the default tool, strace's output. Decoding and the
-- output loop are C (engine/decode: format.c, printer.c) reached through the FFI;
-- this file only runs each call to learn its result and tells the printer what
-- happened.
--
--   local strace = require("revel.tools.strace")
--   local tool = strace.new{ output = FILE, trace = "SET", strsize = N, count = bool,
--                            json = bool, fd_paths = bool, follow = bool, quiet = N }
-- follow: every process's lines (strace -f); without it the root's alone.
-- quiet: 2 and more drop the "+++ exited +++" lines (strace -qq).
-- quiet_superseded: drop "+++ superseded by execve in pid N +++" (-qqq).
-- syscall_number: "[  12] " before each call (strace -n).
-- instruction_pointer: "[00007f...] " before each line (strace -i).
-- stack_trace: the thread's frames under each line (strace -k); "source":
-- with each frame's source file and line where debug info has them.
-- separate: with output NAME, each thread's lines in NAME.TID (strace -ff -o).
-- abs_time: 1 "10:00:06", 2 "1796637606" before each line, abs_digits (0, 3,
--   6, 9) digits of the second after it (strace -t, -tt, -ttt).
-- rel_digits: the time since the previous line, with these digits (strace -r).
-- syscall_digits: " <0.000012>", each call's time, with these digits (-T).
-- summary: lines and the count table (strace -C); summary_wall (-w),
--   summary_overhead_ns (-O), summary_sort and summary_columns (-S, -U: enum
--   revel_summary_column values) shape the table.
-- fd_details: { socket, dev, pidfd = bool }: sockets' addresses, devices'
--   numbers, pidfds' pids with fds (strace -yy, --decode-fds=socket,dev,pidfd).
-- strsize_exact: strsize as given, 0 included (strace -s 0).
-- style: the output style (revel._cli_style.tool_opts): column (-a N),
--   append (-A), hex (1 -x, 2 -xx, 3 non-ascii-chars), const_style ("raw",
--   "verbose"), pid_comm (-Y), pid_ns (--decode-pids=pidns), kvm_vcpu
--   (-e kvm=vcpu: KVM_RUN's exit reason after its result), styles
--   ({ [nr] = raw 1 + no-abbrev 2 + no-verbose 4 }), dump_read / dump_write
--   (fd sets: { neg, all, fds }).
-- attach: the pids given to -p: without follow, the lines of those threads
-- and of the command's root alone (strace -p PID traces that thread only).
-- status: "SET" as strace -e status=SET (-z is "successful", -Z "failed"):
--   only calls of those outcomes are printed, each line whole.
-- signal: "SET" as strace -e signal=SET: only those signals' lines.
-- paths: { PATH, ... } as strace -P: only calls naming one, by argument or
--   fd; matched as given (the command line adds each one's realpath).
-- Each strace.new gives a tool with its own output and state.
local rffi = require("revel.ffi")
local filters = require("revel._filters")

local ffi, api = rffi.ffi, rffi.api

pcall(ffi.cdef, [[
int open(const char *path, int flags, int mode);
int close(int fd);
]])
pcall(ffi.cdef, "long write(int fd, const void *buf, size_t n);")

local M = {}

local O_WRONLY, O_CREAT, O_TRUNC, O_APPEND, O_CLOEXEC = 1, 64, 512, 1024, 524288
local MODE_TEXT, MODE_JSON, MODE_COUNT = ffi.C.REVEL_PRINT_TEXT, ffi.C.REVEL_PRINT_JSON, ffi.C.REVEL_PRINT_COUNT
local PREFIX_MULTI, PREFIX_ALWAYS, PREFIX_NONE = ffi.C.REVEL_PREFIX_MULTI, ffi.C.REVEL_PREFIX_ALWAYS,
  ffi.C.REVEL_PREFIX_NONE
local NR_EXIT, NR_EXIT_GROUP, NR_RT_SIGRETURN = 60, 231, 15

-- Function pointers fetched once: a call through a local is the cheapest.
local printer_enter, printer_exit = api.printer_enter, api.printer_exit

-- strace's -e trace= syntax to revel subscription words: a leading "!"
-- negates the whole set; classes may be spelled with or without "%";
-- "/REGEX" selects names by POSIX extended regular expression, as strace;
-- "?name" ignores unknown names.
local legacy = { file = 1, process = 1, network = 1, net = 1, signal = 1, ipc = 1, desc = 1,
  memory = 1, creds = 1, clock = 1, stat = 1, lstat = 1, fstat = 1, statfs = 1, fstatfs = 1, pure = 1 }

-- The words of a trace set, or nil and why not, in strace's words (a
-- malformed /REGEX, or one that matches no name).
function M.trace_words(set)
  local words, neg = {}, false
  if set:sub(1, 1) == "!" then
    neg, set = true, set:sub(2)
    words[1] = "all"
  end
  for w in set:gmatch("[^,]+") do
    local quiet = false
    while w:sub(1, 1) == "?" do
      quiet, w = true, w:sub(2)
    end
    local list
    if w == "none" then
      list = {}
    elseif w == "all" then
      list = { "all" }
    elseif w:sub(1, 1) == "/" then
      local found
      list, found = filters.regex_names(w:sub(2))
      if not list then
        return nil, found
      elseif not found and not quiet then
        return nil, ("invalid system call '%s'"):format(w)
      end
    elseif legacy[w] then
      list = { "%" .. w }
    elseif w:sub(1, 1) == "%" or rffi.numbers[w] then
      list = { w }
    elseif quiet then
      list = {}
    else
      list = { w } -- reported as unknown, with suggestions, by the tool loader
    end
    for _, x in ipairs(list) do
      words[#words + 1] = neg and ("!" .. x) or x
    end
  end
  return words
end

-- A new strace tool. Returns the tool, or nil and an error message (an
-- output file that cannot be opened, a malformed trace=/PATTERN).
function M.new(opts)
  opts = opts or {}
  local settings = { fd = 2, mode = MODE_TEXT, prefix = PREFIX_MULTI, strsize = 32, fd_paths = false }
  -- vdso = false: strace sees no call the vDSO answers, nor does this tool.
  local tool = { subscriptions = { "all" }, vdso = false }
  local P -- the printer, for the run
  local E -- the engine, for the run
  local live = 0
  local siginfo = ffi.new("uint8_t[128]")
  local word = ffi.new("int64_t[1]")

  if opts.trace then
    local words, err = M.trace_words(opts.trace)
    if not words then
      return nil, err
    end
    tool.subscriptions = words
  end
  if opts.output and opts.separate then
    -- strace -ff -o NAME: the printer writes NAME.TID per thread
    settings.separate, settings.name = opts.output, opts.output
  elseif opts.output then
    local style = opts.style or {}
    local fd = ffi.C.open(opts.output, O_WRONLY + O_CREAT + (style.append and O_APPEND or O_TRUNC) + O_CLOEXEC, 438)
    if fd < 0 then
      return nil, rffi.strerror(ffi.errno())
    end
    settings.fd, settings.file, settings.name = fd, true, opts.output
    -- strace -f -o FILE: every line has its pid
    settings.prefix = PREFIX_ALWAYS
  end
  if not opts.follow or settings.separate then -- one process a file: no pid, as strace
    settings.prefix = PREFIX_NONE
  end
  settings.strsize = opts.strsize or 32
  settings.mode = opts.count and MODE_COUNT or opts.json and MODE_JSON or MODE_TEXT
  settings.fd_paths = opts.fd_paths and true or false
  if opts.status then
    local hide, err = filters.status_hide(opts.status)
    if not hide then
      return nil, err
    end
    settings.status_hide = hide
  end
  if opts.signal then
    local hide, err = filters.signals_hidden(opts.signal)
    if not hide then
      return nil, err
    end
    settings.signal_hide = hide
  end
  settings.paths = opts.paths

  local style = opts.style or {}
  local HEX = { ffi.C.REVEL_FMT_HEX_NONASCII, ffi.C.REVEL_FMT_HEX_ALL, ffi.C.REVEL_FMT_HEX_ESCAPES }
  local CONST = { raw = ffi.C.REVEL_FMT_CONST_RAW, verbose = ffi.C.REVEL_FMT_CONST_VERBOSE }
  local fmt_flags = (settings.fd_paths and ffi.C.REVEL_FMT_FD_PATHS or 0)
    + (opts.fd_details and opts.fd_details.socket and ffi.C.REVEL_FMT_FD_DETAILS or 0)
    + (opts.fd_details and opts.fd_details.dev and ffi.C.REVEL_FMT_FD_DEVS or 0)
    + (opts.fd_details and opts.fd_details.pidfd and ffi.C.REVEL_FMT_FD_PIDFDS or 0)
    + (HEX[style.hex or 0] or 0) + (CONST[style.const_style or ""] or 0)
    + (style.pid_comm and ffi.C.REVEL_FMT_PID_COMM or 0)
    + (style.pid_ns and ffi.C.REVEL_FMT_PID_NS or 0)
    + (style.kvm_vcpu and ffi.C.REVEL_FMT_KVM_VCPU or 0)
  -- Kept while the printer lives (it copies them).
  local styles, dump
  if style.styles then
    styles = ffi.new("unsigned char[?]", rffi.NR_MAX)
    for nr, v in pairs(style.styles) do
      styles[nr] = v
    end
  end
  -- -e read= / write=: a byte per fd up to the highest listed, the rest by rule.
  local dump_n, dump_rest = 0, 0
  if style.dump_read or style.dump_write then
    for _, s in pairs({ style.dump_read or {}, style.dump_write or {} }) do
      for fd in pairs(s.fds or {}) do
        dump_n = math.max(dump_n, fd + 1)
      end
    end
    dump = ffi.new("unsigned char[?]", math.max(dump_n, 1))
    for b, s in pairs({ [1] = style.dump_read, [2] = style.dump_write }) do
      if s then
        local rest = (s.all and not s.neg) or (not s.all and s.neg)
        if s.all ~= nil then -- all/none: the listed fds follow the rest
          rest = s.all ~= s.neg
        end
        if rest then
          dump_rest = dump_rest + b
        end
        for fd = 0, dump_n - 1 do
          local on = rest
          if s.all == nil and s.fds[fd] then
            on = not s.neg
          end
          if on then
            dump[fd] = dump[fd] + b
          end
        end
      end
    end
  end

  local guest -- --backend=guest (tool.guest_mode): { shared = page, pending = { pid = line } }

  -- The printer's options as plain values (what the guests' printers get,
  -- guest/guest_strace.c); printer_options() adds the rest.
  local function plain_options()
    local t = { mode = settings.mode, prefix = settings.prefix, string_limit = settings.strsize,
      exact_limit = opts.strsize_exact and 1 or 0, fmt_flags = fmt_flags,
      align = style.column and 1 or 0, column = style.column or 0, append = style.append and 1 or 0,
      name = settings.name, root_only = opts.follow and 0 or 1,
      quiet_exit = (opts.quiet or 0) >= 2 and 1 or 0, quiet_superseded = opts.quiet_superseded and 1 or 0,
      syscall_number = opts.syscall_number and 1 or 0,
      abs_time = opts.abs_time or 0, abs_digits = opts.abs_digits or 0,
      rel_time = opts.rel_digits and 1 or 0, rel_digits = opts.rel_digits or 0,
      syscall_times = opts.syscall_digits and 1 or 0, syscall_digits = opts.syscall_digits or 0,
      summary = opts.summary and 1 or 0, summary_wall = opts.summary_wall and 1 or 0,
      summary_overhead_ns = opts.summary_overhead_ns or 0, summary_sort = opts.summary_sort or 0,
      summary_columns = opts.summary_columns or {}, status_hide = settings.status_hide or 0,
      signals_hidden = settings.signal_hide or {} }
    -- -t, -tt: the local time's offset from UTC, here and now (the guests'
    -- libc keeps its own time zone state)
    local now = os.time()
    t.utc_offset = os.difftime(os.time(os.date("*t", now)), os.time(os.date("!*t", now)))
    return t
  end

  local function make_printer(run)
    E = run:engine()
    local o = ffi.new("struct revel_printer_opts")
    o.fd, o.mode, o.prefix = settings.fd, settings.mode, settings.prefix
    o.string_limit = settings.strsize
    o.exact_limit = opts.strsize_exact and 1 or 0
    o.fmt_flags = fmt_flags
    if style.column then
      o.align, o.column = 1, style.column
    end
    o.append = style.append and 1 or 0
    o.styles = styles
    o.dump_fds, o.dump_nfds, o.dump_rest = dump, dump_n, dump_rest
    o.name = settings.name -- a write that fails is said with it (copied)
    o.root_only = opts.follow and 0 or 1
    o.quiet_exit = (opts.quiet or 0) >= 2 and 1 or 0
    o.quiet_superseded = opts.quiet_superseded and 1 or 0
    o.syscall_number = opts.syscall_number and 1 or 0
    o.instruction_pointer = opts.instruction_pointer and 1 or 0
    -- 2: the frames with their source file and line (--stack-traces=source)
    o.stack_trace = opts.stack_trace == "source" and 2 or opts.stack_trace and 1 or 0
    o.separate = settings.separate
    o.abs_time, o.abs_digits = opts.abs_time or 0, opts.abs_digits or 0
    o.rel_time, o.rel_digits = opts.rel_digits and 1 or 0, opts.rel_digits or 0
    o.syscall_times, o.syscall_digits = opts.syscall_digits and 1 or 0, opts.syscall_digits or 0
    o.summary = opts.summary and 1 or 0
    o.summary_wall = opts.summary_wall and 1 or 0
    o.summary_overhead_ns = opts.summary_overhead_ns or 0
    o.summary_sort = opts.summary_sort or 0
    for i, c in ipairs(opts.summary_columns or {}) do
      o.summary_columns[i - 1] = c
    end
    o.status_hide = settings.status_hide or 0
    for _, sig in ipairs(settings.signal_hide or {}) do
      local w = math.floor(sig / 64)
      o.signal_hide[w] = bit.bor(o.signal_hide[w], bit.lshift(1ULL, sig % 64))
    end
    local paths = settings.paths or {}
    local cpaths = ffi.new("const char *[?]", #paths + 1)
    for i, path in ipairs(paths) do
      cpaths[i - 1] = path -- the strings live in settings.paths while the printer copies them
    end
    o.trace_paths, o.ntrace_paths = cpaths, #paths
    o.shared = guest and guest.shared or nil
    P = api.printer_new(E, o)
    if P == nil then
      error("cannot make the output printer", 0)
    end
    -- Calls that are only printed stay in C; tool.syscall below sees the
    -- calls the engine's observer gives up (inject rules, outer layers).
    api.observe_printer(E, P)
    live = 0
  end

  function tool.init_global(_, run)
    if guest and not run then
      return nil -- made with the engine of revel's ptrace part (tool.engine_ready)
    end
    make_printer(run)
    return nil
  end

  -- --backend=guest (revel._guest_strace): each guest process prints its
  -- own lines (guest/guest_strace.c, with guest_options()); this tool prints
  -- what runs under ptrace in revel (each program's loader, the programs
  -- that fall back) with a printer sharing the guests' page (shared: the
  -- tasks alive, the -c counts).
  function tool.guest_mode(shared)
    guest = { shared = shared, pending = {} }
    function tool.engine_ready(run)
      make_printer(run)
    end
    -- the execve line a guest process sent before its exec ("L"): printed
    -- once the exec happened (the new program's first event here)
    function tool.exec_line(pid, line)
      guest.pending[pid] = line
    end
    function tool.exec_done(pid)
      local line = guest.pending[pid]
      guest.pending[pid] = nil
      if line and line ~= "" and P ~= nil then
        api.printer_flush(P)
        ffi.C.write(settings.fd, line, #line)
      end
    end
    function tool.post_exec(g)
      tool.exec_done(g.pid)
    end
    function tool.guest_fd()
      return settings.fd
    end
    function tool.guest_idle()
      if P ~= nil then
        api.printer_flush(P)
      end
    end
  end

  -- The guests' printer options, plain data (guest/guest_strace.c's
  -- strace_start): calls is the list of syscall numbers printed.
  function tool.guest_options(calls)
    local t = plain_options()
    t.calls = calls
    if style.styles then -- -e raw=, abbrev=, verbose=, -v: nr, style, nr, style ...
      t.styles = {}
      for nr, v in pairs(style.styles) do
        t.styles[#t.styles + 1] = nr
        t.styles[#t.styles + 1] = v
      end
    end
    return t
  end

  function tool.init_thread(tid, parent_tid)
    if shown then
      if not (parent_tid == nil or shown[tid]) then
        return nil
      end
      shown[tid] = true
      api.printer_show(P, tid)
    elseif live == 0 and parent_tid == nil then
      -- The process revel spawned is the root (without -f, the only one
      -- printed), whichever task makes the first traced call.
      api.printer_root(P, tid)
    end
    if guest then -- a task under ptrace here: counted with the guests'
      guest.shared.ntasks = guest.shared.ntasks + 1
    end
    live = live + 1
    api.printer_ntasks(P, live)
    return nil
  end

  -- revel let go of the thread (-p): its call in flight ends " <detached ...>".
  function tool.detach(g)
    api.printer_detached(P, g.tid)
    if not shown or shown[g.tid] then
      live = live - 1
      api.printer_ntasks(P, live)
    end
    api.printer_flush(P) -- before revel says "Process N detached"
  end

  -- --timeline's printer (revel.tools.timeline): it hears every call this
  -- tool prints, in C through the observer and here.
  local tee = nil
  function tool.set_tee(p)
    tee = p
    api.observe_tee(p)
  end

  -- Only calls the observer does not take come here (the rest are printed in C).
  function tool.syscall(g, sc)
    local ev = g:event()
    printer_enter(P, ev)
    if tee then
      printer_enter(tee, ev)
    end
    if g:fault() then
      api.printer_injected(P, g.tid)
      if tee then
        api.printer_injected(tee, g.tid)
      end
    end
    local nr = sc.nr
    local r
    if nr == NR_EXIT or nr == NR_EXIT_GROUP then
      r = g:fault()
      if r == nil then
        return -- no result: the line ends when the thread does
      end
      -- A rule fails it: it returns, as any call, and the thread goes on.
    elseif nr == NR_RT_SIGRETURN then
      -- The result is the rax the frame restores (uc_mcontext.rax).
      local rc = api.mem_read(E, g.tid, ev.rsp + 144, word, 8)
      local rax = rc == 8 and tonumber(word[0]) or 0
      printer_exit(P, g.tid, rax)
      if tee then
        printer_exit(tee, g.tid, rax)
      end
      return
    else
      r = g:inject(sc)
    end
    printer_exit(P, g.tid, r)
    if tee then
      printer_exit(tee, g.tid, r)
    end
    return r
  end

  function tool.signal(g, sig)
    local rc = api.get_siginfo(E, g.tid, siginfo)
    api.printer_signal(P, g.tid, sig, rc == 0 and siginfo or nil)
    return nil
  end

  -- The runtime hands over 128+N for a signal N: back to a wait status (a raw
  -- wait status, when a runtime passes one fourth, is taken as it is).
  function tool.exit_thread(g, _, code, raw, superseded_by)
    local status = raw or ((code > 128 and code <= 128 + 64) and (code - 128) or code * 256)
    if superseded_by then
      -- Not an exit: thread superseded_by's execve took the leader's place.
      api.printer_superseded(P, g.tid, superseded_by)
    else
      api.printer_exited(P, g.tid, status)
    end
    if guest then
      guest.shared.ntasks = guest.shared.ntasks - 1
    end
    if shown and not shown[g.tid] then
      return
    end
    live = live - 1
    api.printer_ntasks(P, live)
  end

  function tool.finish()
    if P ~= nil then
      api.observe_printer(E, nil)
      api.printer_summary(P)
      api.printer_free(P)
      P = nil
    end
    if settings.file then
      ffi.C.close(settings.fd)
      settings.fd, settings.file, settings.name = 2, nil, nil
    end
  end

  return tool
end

return M
