-- revel._filters: strace's filter expressions, read as strace 6.1 reads
-- them, with its error messages: -e status=SET (-z, -Z), -e signal=SET,
-- -e trace=/REGEX (POSIX extended, as regcomp) and -P's paths.
local rffi = require("revel.ffi")

local ffi = rffi.ffi

pcall(ffi.cdef, [[
int regcomp(void *preg, const char *regex, int cflags);
int regexec(const void *preg, const char *string, size_t nmatch, void *pmatch, int eflags);
size_t regerror(int errcode, const void *preg, char *errbuf, size_t errbuf_size);
void regfree(void *preg);
char *realpath(const char *path, char *resolved_path);
void free(void *ptr);
]])

local M = {}

local REG_EXTENDED, REG_NOSUB, REG_NOMATCH = 1, 8, 1

-- strace's qualify_tokens: leading "!"s invert, "none" and "all" alone,
-- else comma-separated tokens (empty ones skipped), each one read by
-- value(token) -> number or nil. Returns the set of numbers in it and
-- whether it is inverted, or nil and strace's message.
local function tokens(str, what, value)
  local s, inverted = str, false
  while s:sub(1, 1) == "!" do
    inverted = not inverted
    s = s:sub(2)
  end
  if s == "none" then
    return {}, inverted
  elseif s == "all" then
    return {}, not inverted
  end
  local set, any = {}, false
  for tok in s:gmatch("[^,]+") do
    local n = value(tok)
    if not n then
      return nil, ("invalid %s '%s'"):format(what, tok)
    end
    set[n], any = true, true
  end
  if not any then
    return nil, ("invalid %s '%s'"):format(what, str)
  end
  return set, inverted
end

local STATUS = { successful = 1, failed = 2, unfinished = 4, unavailable = 8, detached = 16 }

-- -e status=SET: the status bits (enum revel_print_status) SET leaves
-- out, for the printer's status_hide; or nil and why not.
function M.status_hide(str)
  local set, inverted = tokens(str, "status", function(tok)
    return STATUS[tok:lower()]
  end)
  if not set then
    return nil, inverted
  end
  local hide = 0
  for _, bitv in pairs(STATUS) do
    if (set[bitv] ~= nil) == inverted then
      hide = hide + bitv
    end
  end
  return hide
end

-- strace's sigstr_to_uint: 0..255 by number, else a name with or without
-- "SIG", in any case (strace's own names only: SIGRTMIN, SIGRT_1 ...).
local function signal_number(tok)
  if tok:match("^%d") then
    local n = tok:match("^%d+$") and tonumber(tok)
    return n and n <= 255 and n or nil
  end
  local name = tok:upper()
  if name:sub(1, 3) == "SIG" then
    name = name:sub(4)
  end
  for sig = 1, 255 do
    local s = rffi.signal_name(sig)
    if s and s:sub(4):upper() == name then
      return sig
    end
  end
  return nil
end

-- -e signal=SET: the list of signal numbers (0..255) whose lines SET
-- hides; or nil and why not.
function M.signals_hidden(str)
  local set, inverted = tokens(str, "signal", signal_number)
  if not set then
    return nil, inverted
  end
  local hide = {}
  for sig = 0, 255 do
    if (set[sig] ~= nil) == inverted then
      hide[#hide + 1] = sig
    end
  end
  return hide
end

-- Names strace 6.1 knows in its other x86-64 personalities (i386, x32)
-- and revel's 64-bit table lacks: a trace=/REGEX that matches one of them
-- is no error in strace, though it selects no 64-bit call.
local OTHER_NAMES = [[
_llseek _newselect bdflush break chown32 clock_adjtime64 clock_getres_time64 clock_gettime64
clock_nanosleep_time64 clock_settime64 fadvise64_64 fchown32 fcntl64 fstat64 fstatat64
fstatfs64 ftime ftruncate64 futex_time64 getegid32 geteuid32 getgid32 getgroups32
getresgid32 getresuid32 getuid32 gtty idle io_pgetevents_time64 ipc lchown32 lock lstat64
mmap2 mpx mq_timedreceive_time64 mq_timedsend_time64 nice oldfstat oldlstat oldolduname
oldstat olduname ppoll_time64 prof profil pselect6_time64 readdir recvmmsg_time64
rt_sigtimedwait_time64 sched_rr_get_interval_time64 semtimedop_time64 sendfile64 setfsgid32
setfsuid32 setgid32 setgroups32 setregid32 setresgid32 setresuid32 setreuid32 setuid32
sgetmask sigaction signal sigpending sigprocmask sigreturn sigsuspend socketcall ssetmask
stat64 statfs64 stime stty timer_gettime64 timer_settime64 timerfd_gettime64
timerfd_settime64 truncate64 ugetrlimit ulimit umount utimensat_time64 vm86 vm86old waitpid
]]

-- -e trace=/REGEX: the syscall names REGEX matches (regexec: anywhere in
-- the name), and whether it matched any name strace knows; or nil and
-- strace's message for a malformed one ("regcomp: REGEX: why").
function M.regex_names(pattern)
  local preg = ffi.new("uint64_t[16]") -- a regex_t (64 bytes in glibc), with room
  local rc = ffi.C.regcomp(preg, pattern, REG_EXTENDED + REG_NOSUB)
  if rc ~= 0 then
    local buf = ffi.new("char[512]")
    ffi.C.regerror(rc, preg, buf, 512)
    return nil, ("regcomp: %s: %s"):format(pattern, ffi.string(buf))
  end
  local list, err = {}, nil
  local function match(name)
    local r = ffi.C.regexec(preg, name, 0, nil, 0)
    if r ~= 0 and r ~= REG_NOMATCH and not err then
      local buf = ffi.new("char[512]")
      ffi.C.regerror(r, preg, buf, 512)
      err = ("regexec: %s: %s"):format(pattern, ffi.string(buf))
    end
    return r == 0
  end
  for nr = 0, rffi.NR_MAX - 1 do
    local name = rffi.names[nr]
    if name and match(name) then
      list[#list + 1] = name
    end
  end
  local other = false
  if #list == 0 then
    for name in OTHER_NAMES:gmatch("%S+") do
      other = other or match(name)
    end
  end
  ffi.C.regfree(preg)
  if err then
    return nil, err
  end
  return list, #list > 0 or other
end

-- strace's string_quote of a path in its messages: C escapes, octal for
-- the other unprintable bytes.
local function quote(s)
  local esc = { ["\t"] = "\\t", ["\n"] = "\\n", ["\v"] = "\\v", ["\f"] = "\\f", ["\r"] = "\\r",
    ['"'] = '\\"', ["\\"] = "\\\\" }
  local out = s:gsub("()([%z\1-\31\"\\\127-\255])", function(at, c)
    if esc[c] then
      return esc[c]
    end
    local nextc = s:sub(at + 1, at + 1)
    -- three digits when an octal digit follows, as strace, not to be read as one
    return nextc:match("[0-7]") and ("\\%03o"):format(c:byte()) or ("\\%o"):format(c:byte())
  end)
  return '"' .. out .. '"'
end

-- -P PATH...: the paths a call may name, each as given and, when it
-- resolves to another, as realpath(3) has it too (strace's storepath);
-- say(msg) is told each such resolution, unless quiet.
function M.trace_paths(paths, say)
  local list, seen = {}, {}
  local function store(p)
    if not seen[p] then
      seen[p] = true
      list[#list + 1] = p
    end
  end
  for _, p in ipairs(paths) do
    store(p)
    local rp = ffi.C.realpath(p, nil)
    if rp ~= nil then
      local r = ffi.string(rp)
      ffi.C.free(rp)
      if r ~= p then
        if say then
          say(("Requested path %s resolved into %s"):format(quote(p), quote(r)))
        end
        store(r)
      end
    end
  end
  return list
end

return M
