/* revel_ffi.h: the types and function tables of the boundary between Lua
 * and the engine, which LuaJIT's FFI and the C side both read.
 *
 * What LuaJIT is told is generated at build time by cmake/ffi_gen.lua from
 * the ffi.cdef parts of C headers, in this order: bindings/ffi_system.h (the
 * system types), the engine's public headers (engine/include/revel/,
 * engine/decode/include/revel/: each part between "ffi.cdef begin" and
 * "ffi.cdef end" there), and this header's part below. So the engine's
 * types are declared once, in its headers: a field added there reaches Lua
 * with no copy here. The text becomes the Lua module revel._cdef, which
 * scripts/revel/ffi.lua declares; bindings/ffi_check.c compiles it against
 * the headers it came from. The part below is plain C that LuaJIT's parser
 * also takes: no #-lines, no macros, only typedefs, structs, enums.
 *
 * Lua reaches the engine through tables of function pointers, handed over as
 * light userdata: they work the same whether the engine is linked into the
 * revel binary or loaded as a module by a plain luajit, and no symbol needs
 * exporting. struct revel_lua_api is the module's; struct revel_cli_api is
 * what only the revel command has (line input, its own signals, the --watch
 * tick), in bindings/cli/. */
#ifndef REVEL_FFI_H
#define REVEL_FFI_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <revel/engine.h>
#include <revel/inject.h>
#include <revel/printer.h>
#include <revel/systable.h>
#include <revel/unwind.h>

/* ffi.cdef begin */
/* The version of this boundary. Bump it with any change below that a script
 * written for the old one would misread; ffi.lua refuses a table whose abi
 * is not the one it declared. */
enum revel_lua_abi { REVEL_LUA_ABI = 27 };

/* The engine's limits under the names scripts read them by. */
enum revel_lua_limits { REVEL_LUA_NR_MAX = REVEL_NR_MAX, REVEL_LUA_FRAMES_MAX = REVEL_FRAMES_MAX };

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
