-- revel._guest_host (private): revel's side of --backend=guest. The guest runs
-- with librevel_guest.so preloaded (guest/revel_guest.c): each process runs the
-- tool's syscall handlers itself and connects to revel over a SOCK_SEQPACKET
-- socket (abstract name) for g:rpc, the tool's output and its errors. Here:
-- init_global, tool.rpc and finish, the spawn, and the wait for every process
-- (revel is their subreaper, so orphans come back to it too). A process the
-- library cannot follow through an exec is traced under ptrace in this same
-- loop (revel._guest_fallback).
local ffi = require("ffi")
local rffi = require("revel.ffi")
local wire = require("revel._wire")
local fallback = require("revel._guest_fallback")
local prelude = require("revel._guest_prelude")

pcall(ffi.cdef, [[
struct revel_gh_pollfd { int fd; short events; short revents; };
struct revel_gh_sockaddr_un { unsigned short family; char path[108]; };
int socket(int domain, int type, int protocol);
int bind(int fd, const void *addr, unsigned int len);
int listen(int fd, int backlog);
int accept4(int fd, void *addr, void *len, int flags);
long recv(int fd, void *buf, size_t n, int flags);
long send(int fd, const void *buf, size_t n, int flags);
int close(int fd);
int poll(struct revel_gh_pollfd *fds, unsigned long n, int timeout);
int prctl(int op, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5);
int fork(void);
int execvpe(const char *file, char *const argv[], char *const envp[]);
int execve(const char *file, char *const argv[], char *const envp[]);
void _exit(int status);
long write(int fd, const void *buf, size_t n);
long read(int fd, void *buf, size_t n);
int waitpid(int pid, int *status, int options);
int kill(int pid, int sig);
int getpid(void);
int sigprocmask(int how, const uint64_t *set, uint64_t *old);
void *signal(int sig, void *handler);
int signalfd(int fd, const uint64_t *mask, int flags);
int pipe2(int fds[2], int flags);
int dup2(int from, int to);
int sched_yield(void);
char *strerror(int errnum);
extern char **environ;
]])
local C = ffi.C

local AF_UNIX, SOCK_SEQPACKET, SOCK_CLOEXEC, SOCK_NONBLOCK = 1, 5, 0x80000, 0x800
local POLLIN = 1
local PR_SET_CHILD_SUBREAPER = 36
local WNOHANG, WALL = 1, 0x40000000
local SIG_BLOCK, SIG_SETMASK, SIGCHLD, SIGKILL = 0, 2, 17, 9
local EINTR, EAGAIN, ECHILD, ENOENT = 4, 11, 10, 2
local SPIN = 20 -- sched_yields before poll sleeps, after a tracee's stop

local M = {}

local function errno()
  return ffi.errno()
end

-- Where librevel_guest.so is: $REVEL_GUEST_LIB, beside the revel binary
-- (build tree: guest/), or installed (../lib/revel/).
function M.lib_path()
  local env = os.getenv("REVEL_GUEST_LIB")
  if env and env ~= "" then
    return env
  end
  local buf = ffi.new("char[4096]")
  pcall(ffi.cdef, "long readlink(const char *path, char *buf, size_t size);")
  local n = tonumber(C.readlink("/proc/self/exe", buf, 4095))
  if n and n > 0 then
    local dir = ffi.string(buf, n):match("^(.*)/[^/]*$") or "."
    for _, p in ipairs({ dir .. "/guest/librevel_guest.so", dir .. "/../lib/revel/librevel_guest.so" }) do
      local f = io.open(p, "rb")
      if f then
        f:close()
        return p
      end
    end
  end
  return nil
end

-- The descendants of revel (its children's trees), killed at an error.
local function kill_all()
  for _ = 1, 100 do
    local any = false
    local f = io.popen("cat /proc/" .. C.getpid() .. "/task/*/children 2>/dev/null")
    local txt = f and f:read("*a") or ""
    if f then
      f:close()
    end
    for pid in txt:gmatch("%d+") do
      local p = tonumber(pid)
      local g = io.open("/proc/" .. p .. "/task/" .. p .. "/children")
      local kids = g and g:read("*a") or ""
      if g then
        g:close()
      end
      for k in kids:gmatch("%d+") do
        C.kill(tonumber(k), SIGKILL)
      end
      C.kill(p, SIGKILL)
      any = true
    end
    local st = ffi.new("int[1]")
    while C.waitpid(-1, st, WNOHANG + WALL) > 0 do
    end
    if not any then
      return
    end
  end
end

local function environment(vars, env)
  local list = {}
  local pre
  if env then
    for _, kv in ipairs(env) do
      list[#list + 1] = kv
    end
  else
    local i = 0
    while C.environ[i] ~= nil do
      list[#list + 1] = ffi.string(C.environ[i])
      i = i + 1
    end
  end
  local out = {}
  for _, kv in ipairs(list) do
    local k = kv:match("^([^=]*)=")
    if k == "LD_PRELOAD" then
      pre = kv:sub(12)
    elseif not (k and vars.env[k]) then
      out[#out + 1] = kv
    end
  end
  out[#out + 1] = "LD_PRELOAD=" .. vars.lib .. ((pre and pre ~= "") and (":" .. pre) or "")
  for k, v in pairs(vars.env) do
    out[#out + 1] = k .. "=" .. v
  end
  return out
end

local function cstrings(list)
  local arr = ffi.new("char *[?]", #list + 1)
  local keep = {}
  for i, s in ipairs(list) do
    keep[i] = ffi.new("char[?]", #s + 1, s)
    arr[i - 1] = keep[i]
  end
  return arr, keep
end

-- Runs argv with the tool in each guest process; returns the exit code.
-- opts: name (the tool's), say (a function for notices), env (-E's list),
-- tool_path (the file the guest loads), config, plan (the tool's, for the
-- processes that fall back to ptrace), say_fallback (a function that names
-- each program that does, once; nil: quietly).
function M.run(tool, argv, config, opts)
  -- as revel._state.start: an error in it is the tool's, said where
  local global = tool.init_global and require("revel._state").call_hook(tool.init_global, "init_global", config) or nil
  local fb = opts.plan and fallback.new(opts.plan, global)
  if fb and tool.engine_ready then
    fb:open() -- the tool's printer needs the engine from the start
  end
  local fell = {} -- the programs named already
  local name = ("revel-%d-%d"):format(C.getpid(), math.random(1, 1e9))
  local lfd = C.socket(AF_UNIX, SOCK_SEQPACKET + SOCK_CLOEXEC + SOCK_NONBLOCK, 0)
  local addr = ffi.new("struct revel_gh_sockaddr_un")
  addr.family = AF_UNIX
  ffi.copy(addr.path + 1, name, #name)
  if lfd < 0 or C.bind(lfd, addr, 2 + 1 + #name) ~= 0 or C.listen(lfd, 128) ~= 0 then
    error("--backend=guest: cannot make revel's socket: " .. ffi.string(C.strerror(errno())), 0)
  end
  C.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
  local set, old = ffi.new("uint64_t[16]"), ffi.new("uint64_t[16]")
  set[0] = bit.lshift(1ULL, SIGCHLD - 1)
  C.sigprocmask(SIG_BLOCK, set, old)
  local sfd = C.signalfd(-1, set, SOCK_CLOEXEC + SOCK_NONBLOCK)
  -- The guests die with revel (guest/guest_life.c): each opens this pipe's
  -- read end and is signalled SIGKILL when the write end closes.
  local life = ffi.new("int[2]")
  if C.pipe2(life, SOCK_CLOEXEC) ~= 0 then
    life[0], life[1] = -1, -1
  end

  -- The prelude (revel._guest_prelude): each new program under ptrace until
  -- the library starts in it; REVEL_GUEST_PRELUDE=0 turns it off.
  local pre = fb and os.getenv("REVEL_GUEST_PRELUDE") ~= "0"
  local env = environment({ lib = opts.lib, env = {
    REVEL_GUEST_SOCK = name, REVEL_GUEST_TOOL = opts.tool_path, REVEL_GUEST_LIB = opts.lib,
    REVEL_GUEST_CONFIG = wire.encode(config or {}),
    REVEL_GUEST_LIFE = life[0] >= 0 and ("/proc/%d/fd/%d"):format(C.getpid(), life[0]) or "",
    REVEL_GUEST_RULES = opts.rules or "", -- guest/guest_faults.c
    REVEL_GUEST_PRELUDE = pre and "1" or "0",
  } }, opts.env)
  local cargv, k1 = cstrings(argv)
  local cenv, k2 = cstrings(env)
  local file = pre and prelude.resolve(argv[1], os.getenv("PATH"))
  local go, one = ffi.new("int[2]"), ffi.new("char[1]")
  if file and C.pipe2(go, SOCK_CLOEXEC) ~= 0 then
    file = nil
  end
  io.stdout:flush()
  io.stderr:flush()
  -- The signals revel ignores for itself (SIGINT, SIGQUIT, SIGPIPE ...) are
  -- the guest's default again, as the ptrace engine's spawn has it: a shell
  -- cannot trap a signal ignored at its start.
  local changed = rffi.cli and rffi.cli.signals_changed() or 0ULL
  local root = C.fork()
  if root == 0 then
    for to, from in pairs(opts.fds or {}) do -- revel's descriptors for the guests (inherited)
      C.dup2(from, to)
    end
    for s = 1, 64 do
      if bit.band(changed, bit.lshift(1ULL, s)) ~= 0ULL then
        C.signal(s, nil) -- SIG_DFL
      end
    end
    C.sigprocmask(SIG_SETMASK, old, nil)
    if file then -- revel traces it first: its exec is the tool's first call
      C.close(go[1])
      C.read(go[0], one, 1)
      C.execve(file, cargv, cenv)
    end
    C.execvpe(argv[1], cargv, cenv)
    local e = errno()
    local msg = ("revel: %s: %s\n"):format(argv[1], ffi.string(C.strerror(e)))
    C.write(2, msg, #msg)
    C._exit(e == ENOENT and 127 or 126)
  end
  local _ = { k1, k2 }
  if opts.root then
    opts.root(root)
  end
  local root_status, failed
  local function fail(text)
    io.stderr:write("revel: ", text, "\n")
    failed = true
    kill_all()
  end
  rffi.cli.signals_root(root) -- SIGTERM, SIGHUP: the root is killed, the loop sees it
  if file then
    C.close(go[0])
    local ok, n, err = pcall(fb.adopt, fb, root, nil, { lib = opts.lib, root = true })
    if not ok then -- an error of the tool's (its thread_start): the run ends, as under ptrace
      fail(fallback.text(n))
    elseif not n and opts.say then
      opts.say(("pid %d: %s: the loader's calls are not seen"):format(root, err))
    end
    C.write(go[1], "g", 1)
    C.close(go[1])
  end

  local conns = {}
  local carried = {} -- pid -> the state its execve left for the new program
  local buf = ffi.new("char[?]", 1048576)
  local st = ffi.new("int[1]")
  local function answer(fd, s)
    C.send(fd, s, #s, 0x4000) -- MSG_NOSIGNAL
  end
  -- The tracees' events the engine has queued, run by the ptrace runtime.
  local function drain()
    local ok, err = pcall(fb.drain, fb)
    if not ok then
      fail(fallback.text(err))
    end
  end
  -- "F" PID \n PATH \n WHY: a process about to exec a program that cannot
  -- load the library, waiting for revel to trace it ("k") or not ("n").
  -- "P" PID: a process about to exec a dynamic program: its prelude runs
  -- under the tracer ("k"), or not ("n"). Once per exec; a process whose exec
  -- failed after it is still traced, and said to be so.
  local function start_prelude(fd, m)
    local pid = tonumber(m:sub(2))
    if not (fb and pre and pid) then
      return answer(fd, "n")
    end
    if fb.preludes[pid] then
      return answer(fd, "k")
    end
    local ok, n, err = pcall(fb.adopt, fb, pid, carried[m:sub(2)], { lib = opts.lib })
    if not ok then
      return fail(fallback.text(n))
    end
    if n then
      carried[m:sub(2)] = nil
    elseif opts.say then
      opts.say(("pid %d: %s: its loader's calls are not seen"):format(pid, err))
    end
    answer(fd, n and "k" or "n")
  end
  local function fall_back(fd, m)
    local pid, path, why = m:match("^F(%d+)\n([^\n]*)\n(.*)$")
    local ok, n, err = true, nil, nil
    if fb and pid then
      -- the state its execve sent ("X") goes to the ptrace runtime
      ok, n, err = pcall(fb.adopt, fb, tonumber(pid), carried[pid])
      carried[pid] = nil
    end
    if not ok then
      return fail(fallback.text(n))
    end
    if not n then
      if err and opts.say then
        opts.say(("pid %s: %s"):format(pid, err))
      end
      return answer(fd, "n")
    end
    if opts.say_fallback and not fell[path] then
      fell[path] = true
      opts.say_fallback(("pid %s runs %s, %s: it runs under ptrace"):format(pid, path, why))
    end
    answer(fd, "k" .. (fb:filter() or ""))
  end
  local function on_message(fd, m)
    local tag = m:sub(1, 1)
    if tag == "R" then
      local nl = m:find("\n", 2, true)
      local tid = tonumber(m:sub(2, nl - 1))
      if not tool.rpc then
        return fail("error in tool: g:rpc: the tool defines no rpc(global, from_tid, msg)")
      end
      local ok, r = xpcall(tool.rpc, debug.traceback, global, tid, wire.decode(m, nl + 1))
      if not ok then
        return fail("error in tool: " .. tostring(r))
      end
      local eok, s = pcall(wire.encode, r)
      if not eok then
        return fail("error in tool: rpc reply: " .. s)
      end
      answer(fd, s)
    elseif tag == "O" then
      io.stderr:write(m:sub(2))
      answer(fd, "k")
    elseif tag == "N" then
      if opts.say then
        opts.say(m:sub(2))
      end
      answer(fd, "k")
    elseif tag == "F" then
      fall_back(fd, m)
    elseif tag == "G" then -- a thread that fell back loaded revel's filter
      if fb then
        fb:filtered(tonumber(m:sub(2)))
      end
      answer(fd, "k")
    elseif tag == "P" then
      start_prelude(fd, m)
    elseif tag == "E" then
      fail(m:sub(2))
    elseif tag == "X" then -- a process's state across its execve (guest/inguest_hooks.lua)
      local nl = m:find("\n", 2, true)
      carried[m:sub(2, nl - 1)] = m:sub(nl + 1)
      answer(fd, "k")
    elseif tag == "L" then -- the default tool: an execve's line, printed once it happened
      local pid, plus, line = m:match("^L(%d+)\n(%+?)(.*)$")
      if pid and tool.exec_line then
        tool.exec_line(tonumber(pid), plus == "+" and line or nil)
      end
      answer(fd, "k")
    elseif tag == "Y" then -- a new program asks for its process's state: "y" and it, or "y"
      local pid = m:sub(2)
      if tool.exec_done then -- its exec's line, if no prelude printed it
        tool.exec_done(tonumber(pid))
      end
      answer(fd, "y" .. ((fb and fb:handed_over(tonumber(pid))) or carried[pid] or ""))
      carried[pid] = nil
    end
  end

  local done = false
  -- Every child's wait status: a tracee's stop or end goes to the engine
  -- (its events are then run), the root's end (traced or not: only tracees
  -- report stops) is ours too. Whether a tracee's status came.
  local function reap()
    local fed = false
    while true do
      local pid = C.waitpid(-1, st, WNOHANG + WALL)
      if pid > 0 then
        fed = (fb and fb:feed(pid, st[0])) or fed
        if pid == root and bit.band(st[0], 0xff) ~= 0x7f then
          root_status = st[0]
        end
      elseif pid < 0 and errno() == ECHILD then
        done = true
        break
      else
        break
      end
    end
    if fed and not failed then
      drain()
      if tool.guest_idle then
        tool.guest_idle() -- its lines written before the guests' next ones
      end
    end
    return fed
  end

  local pfds = ffi.new("struct revel_gh_pollfd[?]", 1026)
  while not done and not failed do
    pfds[0].fd, pfds[0].events = lfd, POLLIN
    pfds[1].fd, pfds[1].events = sfd, POLLIN
    local n = 2
    for fd in pairs(conns) do
      if n < 1026 then
        pfds[n].fd, pfds[n].events, pfds[n].revents = fd, POLLIN, 0
        n = n + 1
      end
    end
    pfds[0].revents, pfds[1].revents = 0, 0
    local r = C.poll(pfds, n, -1)
    if r < 0 and errno() ~= EINTR then
      break
    end
    local stop = rffi.cli.stop_requested()
    if stop ~= 0 then -- the rest of the tree goes with the root, as under ptrace
      kill_all()
      root_status = root_status or stop
      done = true
    end
    for i = 2, n - 1 do
      if pfds[i].revents ~= 0 and not failed then
        local fd = pfds[i].fd
        local got = tonumber(C.recv(fd, buf, 1048576, 0))
        if got and got > 0 then
          on_message(fd, ffi.string(buf, got))
        elseif got == 0 or errno() ~= EAGAIN then
          C.close(fd)
          conns[fd] = nil
        end
      end
    end
    if pfds[0].revents ~= 0 then
      while true do
        local fd = C.accept4(lfd, nil, nil, SOCK_CLOEXEC + SOCK_NONBLOCK)
        if fd < 0 then
          break
        end
        conns[fd] = true
      end
    end
    if pfds[1].revents ~= 0 then
      C.read(sfd, buf, 128 * 16)
      local fed = reap()
      -- A tracee resumed stops again within microseconds, most often: look
      -- for its stop a little before poll sleeps (the engine's own wait
      -- polls too: a wake-up from idle costs more than the stop).
      local spun = 0
      while fed and not failed and not done and spun < SPIN do
        fed = reap()
        if fed then
          spun = 0
        else
          C.sched_yield()
          spun, fed = spun + 1, true
        end
      end
    end
  end
  -- What the last processes sent before they exited.
  while not failed do
    local fd = C.accept4(lfd, nil, nil, SOCK_CLOEXEC + SOCK_NONBLOCK)
    if fd < 0 then
      break
    end
    conns[fd] = true
  end
  for fd in pairs(conns) do
    while not failed do
      local got = tonumber(C.recv(fd, buf, 1048576, 0))
      if not got or got <= 0 then
        break
      end
      on_message(fd, ffi.string(buf, got))
    end
    C.close(fd)
  end
  if fb then
    fb:close() -- what is left of the tracees is killed
  end
  C.close(lfd)
  C.close(sfd)
  C.close(life[0]) -- every guest is gone: no one to signal
  C.close(life[1])
  C.sigprocmask(SIG_SETMASK, old, nil)
  C.prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)
  if failed then
    return 125
  end
  local status = root_status or 0
  local sig = bit.band(status, 0x7f)
  local code = sig == 0 and bit.band(bit.rshift(status, 8), 0xff) or 128 + sig
  if tool.finish then
    tool.finish(global, code)
  end
  return code
end

return M
