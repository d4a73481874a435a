/* ffi_check.c: revel_ffi.h's restatement of engine and system types, checked
 * against the real ones at compile time. This file holds no code; a struct
 * member or an enum value that drifts on either side fails the build here.
 *
 * The header is included inside a function, after the engine's headers: its
 * declarations then shadow the engine's of the same names within that block,
 * while the engine's stay reachable through the aliases taken before it. */
#include <stddef.h>
#include <revel/engine.h>
#include <revel/inject.h>
#include <revel/printer.h>
#include <revel/systable.h>
#include <revel/unwind.h>

/* The engine's types, under names the header does not shadow. */
typedef struct user_regs_struct engine_user_regs_struct;
typedef struct revel_options engine_revel_options;
typedef struct revel_event engine_revel_event;
typedef struct revel_syscall_info engine_revel_syscall_info;
typedef struct revel_printer_opts engine_revel_printer_opts;
typedef struct revel_inject_rule engine_revel_inject_rule;
typedef struct revel_frame engine_revel_frame;
typedef struct revel_sched_thread engine_revel_sched_thread;
typedef struct revel_sched_decision engine_revel_sched_decision;

/* clang-format off */
#define ENUM_VALUES(X) \
	X(REVEL_PLACE_NONE) X(REVEL_PLACE_CPU) X(REVEL_PLACE_FOLLOW) X(REVEL_PLACE_TOGETHER) X(REVEL_SPIN_OFF) X(REVEL_SPIN_AUTO) X(REVEL_SPIN_MAX) \
	X(REVEL_SCHED_NONE) X(REVEL_SCHED_RANDOM) X(REVEL_SCHED_PCT) X(REVEL_DEADLOCK_KILL) X(REVEL_DEADLOCK_WAIT) \
	X(REVEL_DAEMON_NONE) X(REVEL_DAEMON_GRANDCHILD) X(REVEL_DAEMON_PGROUP) X(REVEL_DAEMON_SESSION) \
	X(REVEL_EV_NONE) X(REVEL_EV_SYSCALL) X(REVEL_EV_INJECTED) X(REVEL_EV_TASK_NEW) \
	X(REVEL_EV_EXEC) X(REVEL_EV_SIGNAL) X(REVEL_EV_TASK_EXIT) X(REVEL_EV_PROCESS_EXIT) \
	X(REVEL_EV_DONE) X(REVEL_EV_DETACHED) X(REVEL_EV_GDB_MONITOR) X(REVEL_EV_SCHEDULE) X(REVEL_EVF_FAULT) X(REVEL_NEW_PROCESS) X(REVEL_NEW_VFORK) \
	X(REVEL_ACT_CONTINUE) X(REVEL_ACT_RETURN) X(REVEL_ACT_INJECT) X(REVEL_ACT_TAIL) \
	X(REVEL_FMT_FD_PATHS) X(REVEL_FMT_HEX_NONASCII) X(REVEL_FMT_HEX_ALL) \
	X(REVEL_FMT_HEX_ESCAPES) X(REVEL_FMT_FD_DETAILS) X(REVEL_FMT_PID_COMM) \
	X(REVEL_FMT_CONST_RAW) X(REVEL_FMT_CONST_VERBOSE) X(REVEL_FMT_FD_DEVS) X(REVEL_FMT_FD_PIDFDS) X(REVEL_STYLE_RAW) \
	X(REVEL_FMT_PID_NS) X(REVEL_FMT_KVM_VCPU) X(REVEL_STYLE_NO_ABBREV) X(REVEL_STYLE_NO_VERBOSE) X(REVEL_PRINT_TEXT) X(REVEL_PRINT_JSON) X(REVEL_PRINT_COUNT) \
	X(REVEL_PREFIX_MULTI) X(REVEL_PREFIX_ALWAYS) X(REVEL_PREFIX_NONE) \
	X(REVEL_TIME_NONE) X(REVEL_TIME_CLOCK) X(REVEL_TIME_UNIX) X(REVEL_COL_END) \
	X(REVEL_COL_PERCENT) X(REVEL_COL_TOTAL) X(REVEL_COL_MIN) X(REVEL_COL_MAX) \
	X(REVEL_COL_AVG) X(REVEL_COL_CALLS) X(REVEL_COL_ERRORS) X(REVEL_COL_NAME) \
	X(REVEL_SORT_NOTHING) \
	X(REVEL_STATUS_SUCCESSFUL) X(REVEL_STATUS_FAILED) X(REVEL_STATUS_UNFINISHED) \
	X(REVEL_STATUS_UNAVAILABLE) X(REVEL_STATUS_DETACHED) \
	X(REVEL_RULE_ERROR) X(REVEL_RULE_RETVAL) X(REVEL_RULE_SHORT) X(REVEL_RULE_DELAY) \
	X(REVEL_RULE_SIGNAL) X(REVEL_RULE_EINTR) X(REVEL_MATCH_FD) X(REVEL_MATCH_SIZE) \
	X(REVEL_MATCH_FLAGS) X(REVEL_MATCH_NTH) X(REVEL_MATCH_PATH) X(REVEL_MATCH_PLACE) \
	X(REVEL_MATCH_P) X(REVEL_BT_SOURCE)

#define TAKE(name) engine_##name = name,
enum engine_values { ENUM_VALUES(TAKE) engine_nr_max = REVEL_NR_MAX,
	engine_frames_max = REVEL_FRAMES_MAX };

#define TYPES(X) \
	X(user_regs_struct) X(revel_options) X(revel_event) X(revel_syscall_info) \
	X(revel_printer_opts) X(revel_inject_rule) X(revel_frame) X(revel_sched_thread) \
	X(revel_sched_decision)

#define FIELDS(X) \
	X(user_regs_struct, r15) X(user_regs_struct, r14) X(user_regs_struct, r13) \
	X(user_regs_struct, r12) X(user_regs_struct, rbp) X(user_regs_struct, rbx) \
	X(user_regs_struct, r11) X(user_regs_struct, r10) X(user_regs_struct, r9) \
	X(user_regs_struct, r8) X(user_regs_struct, rax) X(user_regs_struct, rcx) \
	X(user_regs_struct, rdx) X(user_regs_struct, rsi) X(user_regs_struct, rdi) \
	X(user_regs_struct, orig_rax) X(user_regs_struct, rip) X(user_regs_struct, cs) \
	X(user_regs_struct, eflags) X(user_regs_struct, rsp) X(user_regs_struct, ss) \
	X(user_regs_struct, fs_base) X(user_regs_struct, gs_base) X(user_regs_struct, ds) \
	X(user_regs_struct, es) X(user_regs_struct, fs) X(user_regs_struct, gs) \
	X(revel_options, subscribed) X(revel_options, handled) X(revel_options, want_tasks) \
	X(revel_options, want_signals) X(revel_options, log) X(revel_options, sig_default) \
	X(revel_options, placement) X(revel_options, tracer_cpu) X(revel_options, envp) X(revel_options, spin_us) \
	X(revel_options, run_user) X(revel_options, run_uid) X(revel_options, run_gid) \
	X(revel_options, daemonize) X(revel_options, interrupt) X(revel_options, detach_on_exec) X(revel_options, debug) X(revel_options, gdbserver) X(revel_options, gdb_disconnect_kill) X(revel_options, own_signal) \
	X(revel_options, sched) X(revel_options, sched_depth) X(revel_options, sched_steps) X(revel_options, sched_seed) \
	X(revel_options, sched_log) X(revel_options, sched_replay) X(revel_options, sched_replay_n) \
	X(revel_options, sched_on_deadlock) X(revel_options, sched_slice_us) X(revel_options, sched_ask) \
	X(revel_options, sched_stacks) X(revel_options, sched_replay_runnable) X(revel_options, sched_replay_runnable_n) \
	X(revel_sched_thread, tid) X(revel_sched_thread, ord) \
	X(revel_sched_thread, starting) X(revel_sched_thread, preempted) X(revel_sched_decision, number) \
	X(revel_sched_decision, contested) X(revel_sched_decision, previous) X(revel_sched_decision, count) \
	X(revel_event, kind) X(revel_event, tid) X(revel_event, pid) X(revel_event, parent_tid) \
	X(revel_event, former_tid) X(revel_event, flags) X(revel_event, sig) \
	X(revel_event, status) X(revel_event, nr) X(revel_event, args) X(revel_event, result) \
	X(revel_event, time_ns) X(revel_event, child_no) \
	X(revel_syscall_info, nr) X(revel_syscall_info, name) X(revel_syscall_info, nargs) \
	X(revel_syscall_info, arg_names) X(revel_syscall_info, arg_kinds) \
	X(revel_syscall_info, classes) \
	X(revel_printer_opts, fd) X(revel_printer_opts, mode) X(revel_printer_opts, prefix) \
	X(revel_printer_opts, string_limit) X(revel_printer_opts, fmt_flags) \
	X(revel_printer_opts, read) X(revel_printer_opts, ctx) X(revel_printer_opts, name) \
	X(revel_printer_opts, root_only) X(revel_printer_opts, quiet_exit) \
	X(revel_printer_opts, syscall_number) X(revel_printer_opts, instruction_pointer) \
	X(revel_printer_opts, ip_of) X(revel_printer_opts, separate) \
	X(revel_printer_opts, abs_time) X(revel_printer_opts, abs_digits) \
	X(revel_printer_opts, rel_time) X(revel_printer_opts, rel_digits) \
	X(revel_printer_opts, syscall_times) X(revel_printer_opts, syscall_digits) \
	X(revel_printer_opts, summary) X(revel_printer_opts, summary_wall) \
	X(revel_printer_opts, cpu_of) X(revel_printer_opts, summary_overhead_ns) \
	X(revel_printer_opts, summary_sort) X(revel_printer_opts, summary_columns) \
	X(revel_printer_opts, align) X(revel_printer_opts, column) \
	X(revel_printer_opts, exact_limit) X(revel_printer_opts, append) \
	X(revel_printer_opts, styles) X(revel_printer_opts, dump_fds) \
	X(revel_printer_opts, dump_nfds) X(revel_printer_opts, dump_rest) \
	X(revel_printer_opts, quiet_superseded) \
	X(revel_printer_opts, stack_trace) X(revel_printer_opts, stack_of) \
	X(revel_frame, ip) X(revel_frame, rel) X(revel_frame, offset) X(revel_frame, lib) \
	X(revel_frame, func) X(revel_frame, file) X(revel_frame, line) \
	X(revel_printer_opts, status_hide) X(revel_printer_opts, signal_hide) \
	X(revel_printer_opts, trace_paths) X(revel_printer_opts, ntrace_paths) \
	X(revel_inject_rule, set) X(revel_inject_rule, fault) X(revel_inject_rule, value) \
	X(revel_inject_rule, signal) X(revel_inject_rule, syscall) \
	X(revel_inject_rule, delay_enter_us) X(revel_inject_rule, delay_exit_us) \
	X(revel_inject_rule, first) X(revel_inject_rule, last) X(revel_inject_rule, step) \
	X(revel_inject_rule, action) X(revel_inject_rule, match) X(revel_inject_rule, fd) \
	X(revel_inject_rule, size) X(revel_inject_rule, flags) X(revel_inject_rule, short_max) \
	X(revel_inject_rule, p) X(revel_inject_rule, path) X(revel_inject_rule, place) \
	X(revel_inject_rule, arg)
/* clang-format on */

#define SAME_VALUE(name) _Static_assert((long)name == (long)engine_##name, "revel_ffi.h: " #name);
#define SAME_FIELD(type, field)                                                                    \
	_Static_assert(offsetof(struct type, field) == offsetof(engine_##type, field) &&           \
	                   sizeof(((struct type *)0)->field) ==                                    \
	                       sizeof(((engine_##type *)0)->field),                                \
	               "revel_ffi.h: " #type "." #field);
#define SAME_SIZE(type)                                                                            \
	_Static_assert(sizeof(struct type) == sizeof(engine_##type) &&                             \
	                   _Alignof(struct type) == _Alignof(engine_##type),                       \
	               "revel_ffi.h: struct " #type);

#pragma GCC diagnostic ignored "-Wunused-local-typedefs"

__attribute__((unused)) static void revel_ffi_check(void)
{
#include "revel_ffi.h"
	ENUM_VALUES(SAME_VALUE)
	_Static_assert((long)REVEL_LUA_NR_MAX == (long)engine_nr_max,
	               "revel_ffi.h: REVEL_LUA_NR_MAX");
	_Static_assert((long)REVEL_LUA_FRAMES_MAX == (long)engine_frames_max,
	               "revel_ffi.h: REVEL_LUA_FRAMES_MAX");
	TYPES(SAME_SIZE)
	FIELDS(SAME_FIELD)
	/* The tables' first member is read before anything else is trusted. */
	_Static_assert(offsetof(struct revel_lua_api, abi) == 0, "revel_ffi.h: abi first");
	_Static_assert(offsetof(struct revel_cli_api, abi) == 0, "revel_ffi.h: abi first");
}
