-- revel.ffi: the engine's C API as LuaJIT's FFI sees it (bindings/lua_api.h and
-- engine/include/revel/*.h declare the same types: keep them in step), and the
-- syscall table turned into Lua lookups once, at load.
local ffi = require("ffi")
local core = require("revel.core")

ffi.cdef([[
typedef int pid_t;
typedef long ssize_t;
typedef struct revel_engine revel_engine;
struct user_regs_struct {
  unsigned long long r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi,
    orig_rax, rip, cs, eflags, rsp, ss, fs_base, gs_base, ds, es, fs, gs;
};
struct revel_options {
  unsigned char subscribed[512];
  unsigned char handled[512];
  int want_tasks;
  int want_signals;
  void *log;
  uint64_t sig_default;
  int placement;
  int tracer_cpu;
};
typedef struct revel_event {
  int kind; pid_t tid; pid_t pid; pid_t parent_tid; pid_t former_tid;
  int flags; int sig; int status; long nr; int64_t args[6]; int64_t result;
} revel_event;
struct revel_lua_event {
  revel_event ev;
  int kind, tid, pid, flags, sig, status;
  double nr, a0, a1, a2, a3, a4, a5, result;
  double rsp;
};
struct revel_lua_action { int kind; int sig; double nr, a0, a1, a2, a3, a4, a5; double value; };
struct revel_syscall_info {
  int nr; const char *name; int nargs; const char *arg_names[6];
  unsigned char arg_kinds[6]; unsigned int classes;
};
typedef struct revel_printer revel_printer;
struct revel_printer_opts {
  int fd; int mode; int prefix; int string_limit; int fmt_flags;
  ssize_t (*read)(void *ctx, pid_t tid, uint64_t addr, void *buf, size_t n);
  void *ctx;
};
struct revel_inject_rule {
  unsigned char set[512];
  int fault;
  int64_t value;
  int signal;
  long syscall;
  int64_t delay_enter_us, delay_exit_us;
  uint32_t first, last, step;
  int action; unsigned int match; int64_t fd, size; uint64_t flags; int64_t short_max; double p; char path[512], place[128], arg[64];
};
struct revel_lua_api {
  int version;
  revel_engine *(*engine_new)(const struct revel_options *opt, const char **err);
  void (*engine_free)(revel_engine *e);
  pid_t (*spawn)(revel_engine *e, char *const argv[]);
  int (*next)(revel_engine *e, struct revel_lua_event *ev);
  int (*resume)(revel_engine *e, pid_t tid, const struct revel_lua_action *a,
                const struct revel_lua_event *orig);
  int (*get_regs)(revel_engine *e, pid_t tid, struct user_regs_struct *out);
  int (*set_regs)(revel_engine *e, pid_t tid, const struct user_regs_struct *in);
  ssize_t (*mem_read)(revel_engine *e, pid_t tid, uint64_t addr, void *buf, size_t n);
  ssize_t (*mem_write)(revel_engine *e, pid_t tid, uint64_t addr, const void *buf, size_t n);
  ssize_t (*mem_string)(revel_engine *e, pid_t tid, uint64_t addr, char *buf, size_t max,
                        int *truncated);
  void (*kill_all)(revel_engine *e);
  pid_t (*ppid)(revel_engine *e, pid_t tid);
  int (*task_count)(revel_engine *e);
  int (*syscall_count)(void);
  const struct revel_syscall_info *(*syscall_by_nr)(long nr);
  unsigned int (*class_by_name)(const char *name);
  const char *(*errno_name)(int err);
  int (*errno_by_name)(const char *name);
  const char *(*signal_name)(int sig);
  int (*signal_by_name)(const char *name);
  int (*get_siginfo)(revel_engine *e, pid_t tid, void *info);
  int (*stop_requested)(void);
  void (*signals_root)(pid_t pid);
  uint64_t (*signals_changed)(void);
  revel_printer *(*printer_new)(revel_engine *e, const struct revel_printer_opts *o);
  void (*printer_free)(revel_printer *p);
  void (*printer_ntasks)(revel_printer *p, int n);
  int (*printer_enter)(revel_printer *p, const struct revel_lua_event *ev);
  int (*printer_exit)(revel_printer *p, pid_t tid, double result);
  int (*printer_signal)(revel_printer *p, pid_t tid, int sig, const void *info);
  int (*printer_exited)(revel_printer *p, pid_t tid, int status);
  int (*printer_summary)(revel_printer *p);
  int (*printer_flush)(revel_printer *p);
  int (*format_call)(revel_engine *e, const struct revel_lua_event *ev, int string_limit,
                     char *out, size_t len);
  int (*set_handled)(revel_engine *e, long nr, int on);
  int (*inject_parse)(const char *spec, struct revel_inject_rule *rule, char *err, size_t errlen);
  int (*add_inject)(revel_engine *e, const struct revel_inject_rule *rule);
  int (*repl_tty)(void);
  int (*repl_begin)(const char *prompt);
  int (*repl_wait)(int timeout_ms, char **line);
  void (*repl_end)(int clear);
  void (*repl_notice)(const char *msg);
  void (*repl_free)(char *s);
  int (*repl_set_words)(const char *const *words, int n);
  int (*repl_history_load)(const char *path);
  int (*repl_history_add)(const char *path, const char *line);
  int (*tick_start)(int ms);
  void (*tick_stop)(void);
  int (*tick_take)(void);
  int (*file_stamp)(const char *path, double out[4]);
  void (*observe_printer)(revel_engine *e, revel_printer *p);
  int (*printer_injected)(revel_printer *p, pid_t tid);
  int (*set_observed)(revel_engine *e, long nr, int on);
  /* append new entries here, in the order of bindings/lua_api.h */
};
char *strerror(int errnum);
]])

local api = ffi.cast("const struct revel_lua_api *", core.api)

local M = {
  ffi = ffi,
  -- field names of the flat argument slots (lev.a0 .. lev.a5, act.a0 ..)
  A = { "a0", "a1", "a2", "a3", "a4", "a5" },
  api = api,
  NR_MAX = 512,
  -- enum revel_event_kind
  EV_SYSCALL = 1, EV_INJECTED = 2, EV_TASK_NEW = 3, EV_EXEC = 4, EV_SIGNAL = 5,
  EV_TASK_EXIT = 6, EV_PROCESS_EXIT = 7, EV_DONE = 8,
  NEW_PROCESS = 1, NEW_VFORK = 2, EVF_FAULT = 0x100,
  -- enum revel_action_kind
  ACT_CONTINUE = 0, ACT_RETURN = 1, ACT_INJECT = 2, ACT_TAIL = 3,
}

-- The syscall table as Lua tables: names[nr], numbers[name], argnames[nr] = { ... },
-- argindex[nr][argname] = 1..6, classes[nr] = bits.
local names, numbers, argnames, argindex, classes = {}, {}, {}, {}, {}
for nr = 0, api.syscall_count() - 1 do
  local info = api.syscall_by_nr(nr)
  if info ~= nil then
    local name = ffi.string(info.name)
    names[nr], numbers[name] = name, nr
    local an, ai = {}, {}
    for i = 0, info.nargs - 1 do
      local a = ffi.string(info.arg_names[i])
      an[i + 1], ai[a] = a, i + 1
    end
    argnames[nr], argindex[nr], classes[nr] = an, ai, info.classes
  end
end
M.names, M.numbers, M.argnames, M.argindex, M.classes = names, numbers, argnames, argindex, classes

function M.errno_name(n)
  local s = api.errno_name(n)
  return s ~= nil and ffi.string(s) or nil
end

function M.strerror(n)
  return ffi.string(ffi.C.strerror(n))
end

function M.signal_name(n)
  local s = api.signal_name(n)
  return s ~= nil and ffi.string(s) or nil
end

ffi.cdef([[
int fileno(void *stream);
int fcntl(int fd, int cmd, ...);
]])

-- Files revel opens for itself (-o, logs) must not leak into the guest.
function M.cloexec(file)
  local fd = ffi.C.fileno(file)
  if fd >= 0 then
    ffi.C.fcntl(fd, 2 --[[F_SETFD]], ffi.new("int", 1) --[[FD_CLOEXEC]])
  end
  return file
end

-- Parse a strace -e inject= spec into a rule (cdata), or nil and the error.
function M.inject_rule(spec)
  local rule = ffi.new("struct revel_inject_rule")
  local err = ffi.new("char[512]")
  if api.inject_parse(spec, rule, err, 512) ~= 0 then
    return nil, ffi.string(err)
  end
  return rule
end

return M
