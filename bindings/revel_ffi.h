/* revel_ffi.h: everything LuaJIT's FFI is told about revel, in one place.
 *
 * The text between the "ffi.cdef begin" and "ffi.cdef end" markers is handed
 * to ffi.cdef as it is: cmake/embed.lua copies it into the Lua module
 * revel._cdef at build time (and has LuaJIT parse it then), and
 * scripts/revel/ffi.lua declares it. So those parts are plain C that LuaJIT's
 * parser also takes: no #-lines, no macros, only typedefs, structs, enums.
 *
 * Lua reaches the engine through tables of function pointers, handed over as
 * light userdata: they work the same whether the engine is linked into the
 * revel binary or loaded as a module by a plain luajit, and no symbol needs
 * exporting. struct revel_lua_api is the module's; struct revel_cli_api is
 * what only the revel command has (line input, its own signals, the --watch
 * tick), in bindings/cli/.
 *
 * The first part restates engine and system types LuaJIT cannot read from
 * the engine's headers. C code that includes those headers skips it (define
 * REVEL_FFI_SKIP_ENGINE_TYPES, as lua_api.h does); ffi_check.c compiles it
 * against them, so a drift of either side fails the build. */
#ifndef REVEL_FFI_H
#define REVEL_FFI_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifndef REVEL_FFI_SKIP_ENGINE_TYPES
/* ffi.cdef begin */
typedef int pid_t;
typedef long ssize_t;

/* <sys/user.h> */
struct user_regs_struct {
	unsigned long long r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi,
	    orig_rax, rip, cs, eflags, rsp, ss, fs_base, gs_base, ds, es, fs, gs;
};

/* <revel/engine.h> */
enum revel_limits {
	REVEL_LUA_NR_MAX = 512 /* REVEL_NR_MAX */
};

typedef struct revel_engine revel_engine;

struct revel_options {
	unsigned char subscribed[REVEL_LUA_NR_MAX];
	unsigned char handled[REVEL_LUA_NR_MAX];
	int want_tasks;
	int want_signals;
	void *log;
	uint64_t sig_default;
	int placement;
	int tracer_cpu;
	char *const *envp;
	int spin_us;
	const char *run_user;
	unsigned int run_uid;
	unsigned int run_gid;
	int daemonize;
	const volatile int *interrupt;
	int detach_on_exec;
	int debug;
	const char *gdbserver;
	int gdb_disconnect_kill;
	int own_signal;
	int sched;
	int sched_depth;
	int sched_steps;
	uint64_t sched_seed;
	const char *sched_log;
	const int *sched_replay;
	int sched_replay_n;
	int sched_on_deadlock;
	int sched_slice_us;
	int sched_ask;
	int sched_stacks;
	const int *sched_replay_runnable;
	int sched_replay_runnable_n;
};

enum revel_placement {
	REVEL_PLACE_NONE = 0,
	REVEL_PLACE_CPU = 1,
	REVEL_PLACE_FOLLOW = 2,
	REVEL_PLACE_TOGETHER = 3
};
enum revel_spin { REVEL_SPIN_OFF = -1, REVEL_SPIN_AUTO = 0, REVEL_SPIN_MAX = 10000 };
enum revel_sched { REVEL_SCHED_NONE = 0, REVEL_SCHED_RANDOM = 1, REVEL_SCHED_PCT = 2 };
enum revel_deadlock { REVEL_DEADLOCK_KILL = 0, REVEL_DEADLOCK_WAIT = 1 };
struct revel_sched_thread {
	pid_t tid;
	int ord;
	int starting;
	int preempted;
};
struct revel_sched_decision {
	int64_t number;
	int64_t contested;
	int previous;
	int count;
};
enum revel_daemonize {
	REVEL_DAEMON_NONE = 0,
	REVEL_DAEMON_GRANDCHILD = 1,
	REVEL_DAEMON_PGROUP = 2,
	REVEL_DAEMON_SESSION = 3
};

enum revel_event_kind {
	REVEL_EV_NONE = 0,
	REVEL_EV_SYSCALL = 1,
	REVEL_EV_INJECTED = 2,
	REVEL_EV_TASK_NEW = 3,
	REVEL_EV_EXEC = 4,
	REVEL_EV_SIGNAL = 5,
	REVEL_EV_TASK_EXIT = 6,
	REVEL_EV_PROCESS_EXIT = 7,
	REVEL_EV_DONE = 8,
	REVEL_EV_DETACHED = 9,
	REVEL_EV_GDB_MONITOR = 10,
	REVEL_EV_SCHEDULE = 11
};

enum revel_event_flags { REVEL_EVF_FAULT = 0x100 };

enum revel_new_flags { REVEL_NEW_PROCESS = 1, REVEL_NEW_VFORK = 2 };

typedef struct revel_event {
	int kind;
	pid_t tid;
	pid_t pid;
	pid_t parent_tid;
	pid_t former_tid;
	int flags;
	int sig;
	int status;
	long nr;
	int64_t args[6];
	int64_t result;
	int64_t time_ns;
	int child_no;
} revel_event;

enum revel_action_kind {
	REVEL_ACT_CONTINUE = 0,
	REVEL_ACT_RETURN = 1,
	REVEL_ACT_INJECT = 2,
	REVEL_ACT_TAIL = 3
};

/* <revel/systable.h> */
struct revel_syscall_info {
	int nr;
	const char *name;
	int nargs;
	const char *arg_names[6];
	unsigned char arg_kinds[6];
	unsigned int classes;
};

/* <revel/format.h>, <revel/printer.h> */
enum revel_fmt_flags {
	REVEL_FMT_FD_PATHS = 1,
	REVEL_FMT_HEX_NONASCII = 2,
	REVEL_FMT_HEX_ALL = 4,
	REVEL_FMT_HEX_ESCAPES = 8,
	REVEL_FMT_FD_DETAILS = 16,
	REVEL_FMT_PID_COMM = 32,
	REVEL_FMT_CONST_RAW = 64,
	REVEL_FMT_CONST_VERBOSE = 128,
	REVEL_FMT_FD_DEVS = 256,
	REVEL_FMT_FD_PIDFDS = 512,
	REVEL_FMT_PID_NS = 1024,
	REVEL_FMT_KVM_VCPU = 2048
};
enum revel_fmt_style { REVEL_STYLE_RAW = 1, REVEL_STYLE_NO_ABBREV = 2, REVEL_STYLE_NO_VERBOSE = 4 };

enum revel_print_mode { REVEL_PRINT_TEXT = 0, REVEL_PRINT_JSON = 1, REVEL_PRINT_COUNT = 2 };

enum revel_print_prefix { REVEL_PREFIX_MULTI = 0, REVEL_PREFIX_ALWAYS = 1, REVEL_PREFIX_NONE = 2 };

enum revel_time_format { REVEL_TIME_NONE = 0, REVEL_TIME_CLOCK = 1, REVEL_TIME_UNIX = 2 };

enum revel_summary_column {
	REVEL_COL_END = 0,
	REVEL_COL_PERCENT = 1,
	REVEL_COL_TOTAL = 2,
	REVEL_COL_MIN = 3,
	REVEL_COL_MAX = 4,
	REVEL_COL_AVG = 5,
	REVEL_COL_CALLS = 6,
	REVEL_COL_ERRORS = 7,
	REVEL_COL_NAME = 8,
	REVEL_SORT_NOTHING = 9
};

enum revel_print_status {
	REVEL_STATUS_SUCCESSFUL = 1,
	REVEL_STATUS_FAILED = 2,
	REVEL_STATUS_UNFINISHED = 4,
	REVEL_STATUS_UNAVAILABLE = 8,
	REVEL_STATUS_DETACHED = 16,
};

typedef struct revel_printer revel_printer;

/* <revel/frame.h>, <revel/unwind.h> */
enum revel_frames_limit { REVEL_LUA_FRAMES_MAX = 256 /* REVEL_FRAMES_MAX */ };
enum revel_backtrace_flags { REVEL_BT_SOURCE = 1 };
struct revel_frame {
	uint64_t ip;
	uint64_t rel;
	uint64_t offset;
	const char *lib;
	const char *func;
	const char *file;
	int line;
};

struct revel_printer_opts {
	int fd;
	int mode;
	int prefix;
	int string_limit;
	int fmt_flags;
	ssize_t (*read)(void *ctx, pid_t tid, uint64_t addr, void *buf, size_t n);
	void *ctx;
	const char *name;
	int root_only;
	int quiet_exit;
	int syscall_number;
	int instruction_pointer;
	uint64_t (*ip_of)(void *ctx, pid_t tid);
	const char *separate;
	int abs_time;
	int abs_digits;
	int rel_time;
	int rel_digits;
	int syscall_times;
	int syscall_digits;
	int summary;
	int summary_wall;
	int64_t (*cpu_of)(void *ctx, pid_t tid);
	int64_t summary_overhead_ns;
	int summary_sort;
	unsigned char summary_columns[12];
	int align;
	int column;
	int exact_limit;
	int append;
	const unsigned char *styles;
	const unsigned char *dump_fds;
	int dump_nfds;
	int dump_rest;
	int quiet_superseded;
	int stack_trace;
	int (*stack_of)(void *ctx, pid_t tid, struct revel_frame *frames, int max);
	unsigned int status_hide;
	uint64_t signal_hide[4];
	const char *const *trace_paths;
	int ntrace_paths;
};

/* <revel/inject.h> */
struct revel_inject_rule {
	unsigned char set[REVEL_LUA_NR_MAX];
	int fault;
	int64_t value;
	int signal;
	long syscall;
	int64_t delay_enter_us, delay_exit_us;
	uint32_t first, last, step;
	int action;
	unsigned int match;
	int64_t fd;
	int64_t size;
	uint64_t flags;
	int64_t short_max;
	double p;
	char path[512];
	char place[128];
	char arg[64];
};
enum revel_rule_action {
	REVEL_RULE_ERROR = 1,
	REVEL_RULE_RETVAL,
	REVEL_RULE_SHORT,
	REVEL_RULE_DELAY,
	REVEL_RULE_SIGNAL,
	REVEL_RULE_EINTR,
};
enum {
	REVEL_MATCH_FD = 1,
	REVEL_MATCH_SIZE = 2,
	REVEL_MATCH_FLAGS = 4,
	REVEL_MATCH_NTH = 8,
	REVEL_MATCH_PATH = 16,
	REVEL_MATCH_PLACE = 32,
	REVEL_MATCH_P = 64,
};
/* ffi.cdef end */
#endif /* REVEL_FFI_SKIP_ENGINE_TYPES */

/* ffi.cdef begin */
/* The version of this boundary. Bump it with any change below that a script
 * written for the old one would misread; ffi.lua refuses a table whose abi
 * is not the one it declared. */
enum revel_lua_abi { REVEL_LUA_ABI = 25 };

/* An event with its numbers also as doubles, so Lua reads them without
 * boxing 64-bit integers; values Lua leaves unchanged are written back bit
 * for bit. The flat copies spare a cdata per access of a nested field. */
struct revel_lua_event {
	revel_event ev;
	int kind, tid, pid, flags, sig, status;
	double nr, a0, a1, a2, a3, a4, a5, result;
	double rsp;  /* the stopped thread's stack pointer, for scratch memory */
	double time; /* ev.time_ns in seconds (CLOCK_MONOTONIC) */
};

struct revel_lua_action {
	int kind; /* enum revel_action_kind */
	int sig;
	double nr, a0, a1, a2, a3, a4, a5;
	double value;
};

/* The module's table (bindings/lua_api.c). abi stays the first member in
 * every version: it is read before anything else is trusted. */
struct revel_lua_api {
	int abi;
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
	int (*set_handled)(revel_engine *e, long nr, int on);
	int (*set_observed)(revel_engine *e, long nr, int on);
	int (*inject_parse)(const char *spec, struct revel_inject_rule *rule, char *err,
	                    size_t errlen);
	int (*rule_parse)(const char *spec, struct revel_inject_rule *rule, char *err,
	                  size_t errlen);
	int (*add_inject)(revel_engine *e, const struct revel_inject_rule *rule);
	/* The strace printer and formatter (bindings/lua_format.c). */
	revel_printer *(*printer_new)(revel_engine *e, const struct revel_printer_opts *o);
	void (*printer_free)(revel_printer *p);
	void (*printer_ntasks)(revel_printer *p, int n);
	int (*printer_enter)(revel_printer *p, const struct revel_lua_event *ev);
	int (*printer_exit)(revel_printer *p, pid_t tid, double result);
	int (*printer_injected)(revel_printer *p, pid_t tid);
	int (*printer_signal)(revel_printer *p, pid_t tid, int sig, const void *info);
	int (*printer_exited)(revel_printer *p, pid_t tid, int status);
	int (*printer_summary)(revel_printer *p);
	int (*printer_flush)(revel_printer *p);
	void (*observe_printer)(revel_engine *e, revel_printer *p);
	int (*format_call)(revel_engine *e, const struct revel_lua_event *ev, int string_limit,
	                   char *out, size_t len);
	/* revel -p (engine/src/attach.c) */
	int (*attach)(revel_engine *e, pid_t pid);
	int (*detach_all)(revel_engine *e, pid_t *tids, int max);
	int (*printer_show)(revel_printer *p, pid_t tid);
	int (*printer_detached)(revel_printer *p, pid_t tid);
	void (*printer_root)(revel_printer *p, pid_t pid);
	int (*printer_superseded)(revel_printer *p, pid_t tid, pid_t by);
	/* A stopped thread's call stack (<revel/unwind.h>). */
	int (*backtrace)(revel_engine *e, pid_t tid, struct revel_frame *out, int max, int flags);
	int (*unwind_available)(void);
	/* The tracer's own counter and CPUID answers, for a tool subscribed to
	 * "rdtsc" or "cpuid" that leaves them to the machine (lua_api.c). aux
	 * gets TSC_AUX (rdtscp) when not NULL. */
	uint64_t (*rdtsc)(uint32_t *aux);
	void (*cpuid)(uint32_t leaf, uint32_t subleaf, uint32_t out[4]);
	/* A second printer that the observer feeds too (--timeline); NULL: none. */
	void (*observe_tee)(revel_printer *p);
	/* --gdbserver's `monitor lua CODE` (REVEL_EV_GDB_MONITOR) */
	const char *(*gdb_monitor_cmd)(revel_engine *e);
	int (*gdb_monitor_reply)(revel_engine *e, const char *text);
	/* --sched's decisions a tool makes (tool.schedule) */
	int (*sched_runnable)(revel_engine *e, struct revel_sched_thread *out, int max,
	                      struct revel_sched_decision *d);
	int (*sched_choose)(revel_engine *e, pid_t tid);
	/* --gdbserver's monitor lua: a syscall run now in a thread gdb holds */
	int (*gdb_inject)(revel_engine *e, pid_t tid, long nr, const int64_t args[6],
	                  int64_t *result, char *err, size_t errlen);
	/* The in-guest backend falling back to the tracer (revel._guest_fallback):
	 * revel_adopt, revel_feed, revel_next_queued. */
	int (*adopt)(revel_engine *e, pid_t pid);
	int (*feed)(revel_engine *e, pid_t tid, int status);
	int (*next_queued)(revel_engine *e, struct revel_lua_event *ev);
	ssize_t (*filter_bpf)(revel_engine *e, void *buf, size_t max);
	int (*filtered)(revel_engine *e, pid_t tid);
	/* --backend=guest's prelude: a new program under ptrace until the
	 * library's start (revel_adopt_prelude) */
	int (*adopt_prelude)(revel_engine *e, pid_t pid, int show_exec, const char *lib);
};

/* The revel command's own table (bindings/cli/cli_api.c), the Lua module
 * revel._cli; a plain luajit loading revel.so has none. */
struct revel_cli_api {
	int abi;
	/* Its signals (bindings/cli/signals.c): SIGTERM and SIGHUP end the run. */
	int (*stop_requested)(void);
	void (*signals_root)(pid_t pid);
	uint64_t (*signals_changed)(void);
	/* While on, a stop signal interrupts the tool's Lua code. */
	void (*interruptible)(int on);
	/* The cap on its Lua state's memory in bytes, 0 for none (memcap.c). */
	void (*lua_memory)(double bytes);
	/* The REPL's line input (bindings/cli/readline.c). */
	int (*repl_tty)(void);
	int (*repl_begin)(const char *prompt);
	int (*repl_wait)(int timeout_ms, char **line);
	void (*repl_end)(int clear);
	void (*repl_notice)(const char *msg);
	void (*repl_free)(char *s);
	int (*repl_set_words)(const char *const *words, int n);
	int (*repl_history_load)(const char *path);
	int (*repl_history_add)(const char *path, const char *line);
	/* Hot reload (bindings/cli/watch.c). */
	int (*tick_start)(int ms);
	void (*tick_stop)(void);
	int (*tick_take)(void);
	int (*file_stamp)(const char *path, double out[4]);
	/* strace -I N (1..4): which signals end the run or are ignored. */
	void (*interruptible_mode)(int mode);
	/* revel -p: Ctrl-C and Ctrl-\ end the run (the guest is detached). */
	void (*signals_attach)(pid_t pid);
	/* The flag a stop signal sets (revel_options.interrupt). */
	const volatile int *(*stop_flag)(void);
};
/* ffi.cdef end */

#endif
