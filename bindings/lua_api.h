/* lua_api.h: the engine as LuaJIT's FFI sees it.
 *
 * Lua reaches the engine through one table of function pointers, handed over
 * as a light userdata: it works the same whether the engine is linked into
 * the revel binary or loaded as a module by a plain luajit, and no symbol
 * needs exporting. Events and actions carry arguments as doubles too, so Lua
 * reads them without boxing 64-bit integers; values Lua leaves unchanged are
 * written back bit for bit. scripts/revel/ffi.lua declares the same types:
 * keep the two in step. */
#ifndef REVEL_LUA_API_H
#define REVEL_LUA_API_H

#include <revel/engine.h>
#include <revel/systable.h>
#include <revel/inject.h>
#include <revel/printer.h>

struct revel_lua_event {
	revel_event ev;
	/* The same, flat: Lua reads scalars without making a cdata for a nested
	 * struct or array on each access (no garbage per event). */
	int kind, tid, pid, flags, sig, status;
	double nr, a0, a1, a2, a3, a4, a5, result;
	double rsp; /* the stopped thread's stack pointer, for scratch memory */
};

struct revel_lua_action {
	int kind;
	int sig;
	double nr, a0, a1, a2, a3, a4, a5;
	double value;
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
	/* The strace printer and formatter (bindings/lua_format.c). */
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
	int (*inject_parse)(const char *spec, struct revel_inject_rule *rule, char *err,
			    size_t errlen);
	int (*add_inject)(revel_engine *e, const struct revel_inject_rule *rule);
	/* The REPL's line input (bindings/readline.c). */
	int (*repl_tty)(void);
	int (*repl_begin)(const char *prompt);
	int (*repl_wait)(int timeout_ms, char **line);
	void (*repl_end)(int clear);
	void (*repl_notice)(const char *msg);
	void (*repl_free)(char *s);
	int (*repl_set_words)(const char *const *words, int n);
	int (*repl_history_load)(const char *path);
	int (*repl_history_add)(const char *path, const char *line);
	/* Hot reload (bindings/watch.c). */
	int (*tick_start)(int ms);
	void (*tick_stop)(void);
	int (*tick_take)(void);
	int (*file_stamp)(const char *path, double out[4]);
	void (*observe_printer)(revel_engine *e, revel_printer *p);
	int (*printer_injected)(revel_printer *p, pid_t tid);
	int (*set_observed)(revel_engine *e, long nr, int on);
	/* Append new entries here, and in scripts/revel/ffi.lua in the same order. */
};

extern const struct revel_lua_api revel_lua_api;

/* bindings/lua_format.c */
revel_printer *lua_printer_new(revel_engine *e, const struct revel_printer_opts *o);
int lua_printer_enter(revel_printer *p, const struct revel_lua_event *ev);
int lua_printer_exit(revel_printer *p, pid_t tid, double result);
void lua_observe_printer(revel_engine *e, revel_printer *p);
int lua_format_call(revel_engine *e, const struct revel_lua_event *ev, int string_limit, char *out,
		    size_t len);

#endif
