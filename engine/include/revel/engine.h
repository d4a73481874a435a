/* revel/engine.h: the tracing engine's C API.
 *
 * The engine spawns a guest under ptrace with a seccomp filter, follows the
 * whole process tree and hands the caller only the events it asked for, one at
 * a time, through revel_next(). Each event that leaves a task stopped must be
 * answered with exactly one revel_resume() for that task; other tasks keep
 * running meanwhile, so an answer may come many events later (this is how
 * handlers wait on injected syscalls without stalling other threads).
 *
 * The engine knows nothing of Lua. Functions return 0 or a value >= 0 on
 * success and a negative errno on failure, unless noted. */
#ifndef REVEL_ENGINE_H
#define REVEL_ENGINE_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#ifdef __cplusplus
extern "C" {
#endif

#define REVEL_NR_MAX 512 /* syscall numbers handled: 0 .. REVEL_NR_MAX-1 */

/* The parts between "ffi.cdef begin" and "ffi.cdef end" are what Lua sees
 * too: cmake/ffi_gen.lua hands them to LuaJIT's FFI (docs/design.md, the
 * FFI boundary). Plain declarations only there: no macros but integer
 * #defines, no functions. */
/* ffi.cdef begin */
typedef struct revel_engine revel_engine;

struct revel_options {
	/* Syscalls that stop the guest (the seccomp filter): 1 byte per number. */
	unsigned char subscribed[REVEL_NR_MAX];
	/* Of those, the ones reported as REVEL_EV_SYSCALL; others run unreported. */
	unsigned char handled[REVEL_NR_MAX];
	/* Report thread/process creation, exec and exit events. */
	int want_tasks;
	/* Report signal-delivery stops as REVEL_EV_SIGNAL (else passed through). */
	int want_signals;
	/* Stderr of the engine's own warnings; NULL for stderr. */
	void *log;
	/* Signals (bit N for signal N) to reset to SIG_DFL in the guest: those
	 * the caller ignores for itself but the guest should not inherit ignored.
	 * Every other disposition and the signal mask pass on as they are. */
	uint64_t sig_default;
	/* Placement of the tracer (revel's own thread) and the guest:
	 * REVEL_PLACE_NONE leaves the scheduler alone; REVEL_PLACE_CPU pins the
	 * tracer to .tracer_cpu after the guest is forked (the guest keeps its
	 * affinity); REVEL_PLACE_FOLLOW moves the tracer, now and then, to the
	 * CPU the stopped thread last ran on; REVEL_PLACE_TOGETHER pins tracer
	 * and guest to one CPU and answers sched_getaffinity,
	 * sched_setaffinity and the Cpus_allowed lines of /proc/.../status as
	 * they would be without it (the guest's own mask, emulated). */
	int placement;
	int tracer_cpu;
	/* The guest's environment (strace -E); NULL: revel's own. The command
	 * is looked up in revel's PATH either way, as strace does. */
	char *const *envp;
	/* How the tracer waits for a stop: it polls for up to spin_us µs, as
	 * long as the recent stops came that fast, before it blocks in waitpid
	 * (a blocked tracer's wake-up can cost more than the stop itself).
	 * REVEL_SPIN_AUTO (0): the engine's default cap; REVEL_SPIN_OFF: always
	 * block; else 1..REVEL_SPIN_MAX µs. */
	int spin_us;
	/* strace -u: run_user non-NULL runs the guest with run_uid, run_gid and
	 * run_user's groups (initgroups); as strace, a set-user-ID (set-group-ID)
	 * command keeps its owner (group) as effective id. Needs root. */
	const char *run_user;
	uid_t run_uid;
	gid_t run_gid;
	/* strace -D: REVEL_DAEMON_NONE, or the process that calls revel_spawn
	 * becomes the guest and the tracer goes on in a grandchild of it
	 * (REVEL_DAEMON_GRANDCHILD), also in a process group (_PGROUP) or a
	 * session (_SESSION) of its own. */
	int daemonize;
	/* When it points at a nonzero value (a flag a signal handler sets),
	 * revel_next returns -EINTR before it handles another stop: a run whose
	 * stops are all handled in C (an observer) still hears it. */
	const volatile int *interrupt;
	/* strace -b execve: a task that completes an execve is detached
	 * (REVEL_EV_DETACHED) and runs on untraced; the root's first exec (of
	 * the command) does not count. The command is then started without a
	 * seccomp filter (it would outlive the detach): its calls stop with
	 * syscall stops, as an attached process's do. */
	int detach_on_exec;
	/* strace -d: each wait status the tracer decodes is written to .log as
	 * "revel: [wait(0xSTATUS) = TID] WHAT", for a person chasing a stop. */
	int debug;
	/* revel --gdbserver: NULL, or where a GDB remote protocol server
	 * listens ("PORT", "HOST:PORT", or a UNIX socket path with a '/').
	 * The root guest stops at its first instruction after exec until a
	 * gdb connects; gdb_disconnect_kill: a client that goes away without
	 * detaching kills the guest (else it runs on). */
	const char *gdbserver;
	int gdb_disconnect_kill;
	/* The signal of the caller's own POSIX timers in the guest (the Lua
	 * layer's g:set_timer), 0 for none. Such a signal (si_code SI_TIMER)
	 * that comes in the middle of an injection chain is neither delivered
	 * nor held as a plain signal: it is queued again with its siginfo when
	 * the chain is over, so that its signal-delivery stop is reported and
	 * the caller can tell it from the guest's own signals. */
	int own_signal;
	/* --sched (engine/src/sched.c): REVEL_SCHED_NONE lets the guest's
	 * threads run as the kernel schedules them. Otherwise one guest thread
	 * runs at a time; at each switch point (a syscall, a thread's start, the
	 * end of a CPU-time slice of sched_slice_us without a syscall) the next
	 * one is chosen among those that can run. The engine holds no strategy:
	 * with sched_ask each decision with more than one thread to pick from
	 * is the caller's (REVEL_EV_SCHEDULE; revel's are Lua,
	 * scripts/revel/sched/), else (and on an answer of 0) the first started
	 * runs. sched (RANDOM or PCT), sched_depth, sched_steps and sched_seed
	 * only name the caller's strategy in the schedule log's header. */
	int sched;
	int sched_depth;
	int sched_steps;
	uint64_t sched_seed;
	/* A file each decision is written to (revel's schedule log); NULL: none. */
	const char *sched_log;
	/* Decisions to replay: the chosen thread of each, by its number in the
	 * order threads were started (0: the root); NULL: none. */
	const int *sched_replay;
	int sched_replay_n;
	/* REVEL_DEADLOCK_KILL: when every thread waits on another one, say so,
	 * kill the guest and make the root's status exit 125; _WAIT: wait on. */
	int sched_on_deadlock;
	int sched_slice_us; /* 0: the default slice (5 ms) */
	/* With --sched: each decision with more than one thread to pick from
	 * is the caller's (REVEL_EV_SCHEDULE). */
	int sched_ask;
	/* A deadlock's report shows each thread's stack too (-k; with libdw). */
	int sched_stacks;
	/* With sched_replay: each decision's runnable threads (the log's third
	 * column), each list ended by -1. Before a decision, the replay waits
	 * for each one blocked in a call that ends by itself (a timeout, a
	 * sleep): the recording saw it woken there. NULL: none. */
	const int *sched_replay_runnable;
	int sched_replay_runnable_n;
};

enum revel_sched {
	REVEL_SCHED_NONE = 0,
	REVEL_SCHED_RANDOM = 1,
	REVEL_SCHED_PCT = 2,
};

enum revel_deadlock {
	REVEL_DEADLOCK_KILL = 0,
	REVEL_DEADLOCK_WAIT = 1,
};

enum revel_daemonize {
	REVEL_DAEMON_NONE = 0,
	REVEL_DAEMON_GRANDCHILD = 1,
	REVEL_DAEMON_PGROUP = 2,
	REVEL_DAEMON_SESSION = 3,
};

enum revel_placement {
	REVEL_PLACE_NONE = 0,
	REVEL_PLACE_CPU = 1,
	REVEL_PLACE_FOLLOW = 2,
	REVEL_PLACE_TOGETHER = 3,
};

enum revel_spin {
	REVEL_SPIN_OFF = -1,
	REVEL_SPIN_AUTO = 0,
	REVEL_SPIN_MAX = 10000,
};

enum revel_event_kind {
	REVEL_EV_NONE = 0,
	/* A subscribed, handled syscall is about to run. Task stopped. Answer with
	 * REVEL_ACT_CONTINUE, _RETURN, _INJECT or _TAIL. */
	REVEL_EV_SYSCALL,
	/* An injected syscall finished; result in .result. Task stopped. Answer
	 * as for REVEL_EV_SYSCALL. */
	REVEL_EV_INJECTED,
	/* A new task exists (.parent_tid created it) and is stopped before its
	 * first instruction. .flags has REVEL_NEW_PROCESS for a new process.
	 * Answer with REVEL_ACT_CONTINUE, or REVEL_ACT_INJECT to run a syscall
	 * first (through a syscall instruction of the vDSO; REVEL_EV_INJECTED
	 * follows, and its CONTINUE puts the registers back as they were). */
	REVEL_EV_TASK_NEW,
	/* A successful execve; .former_tid is the thread that called it (its tid
	 * is now .pid). Task stopped. Answer as for REVEL_EV_TASK_NEW. */
	REVEL_EV_EXEC,
	/* A signal (.sig) is about to be delivered. Task stopped. Answer with
	 * REVEL_ACT_CONTINUE and .sig = the signal to deliver (0 suppresses), or
	 * with REVEL_ACT_INJECT as for REVEL_EV_TASK_NEW: that suppresses the
	 * signal, and a syscall it interrupted restarts after the chain, as the
	 * kernel restarts it after a signal that runs no handler. */
	REVEL_EV_SIGNAL,
	/* A task is gone (.status is its wait status). Not stopped. A nonzero
	 * .former_tid says the task was a thread-group leader superseded by that
	 * thread's execve (.status 0): the thread goes on with the leader's tid,
	 * and REVEL_EV_EXEC follows for it. */
	REVEL_EV_TASK_EXIT,
	/* The last task of process .pid is gone. Not stopped. */
	REVEL_EV_PROCESS_EXIT,
	/* Every guest task is gone; .status is the root process's wait status. */
	REVEL_EV_DONE,
	/* Task tid was detached (-b execve: at its exec) and runs on untraced.
	 * Not stopped; no TASK_EXIT follows. */
	REVEL_EV_DETACHED,
	/* --gdbserver: gdb's `monitor lua CODE` for the thread gdb looks at
	 * (tid; .nr and .args its syscall when it is stopped at one, else .nr
	 * -1). revel_gdb_monitor_cmd() is CODE; answer with
	 * revel_gdb_monitor_reply() (gdb waits; without an answer by the next
	 * revel_next gdb is told nobody handles it). */
	REVEL_EV_GDB_MONITOR,
	/* --sched with sched_ask: a decision to make. revel_sched_runnable()
	 * lists the threads that can run; answer with revel_sched_choose().
	 * No thread is stopped for it (.tid: the first that can run). */
	REVEL_EV_SCHEDULE,
};

enum revel_event_flags {
	/* REVEL_EV_SYSCALL: an inject rule will fail this call with .result
	 * unless the answer changes or replaces it. */
	REVEL_EVF_FAULT = 0x100,
};

enum revel_new_flags {
	REVEL_NEW_PROCESS = 1, /* fork, vfork, clone without CLONE_THREAD */
	REVEL_NEW_VFORK = 2,
};

typedef struct revel_event {
	int kind;
	pid_t tid;
	pid_t pid; /* thread group id */
	pid_t parent_tid;
	pid_t former_tid;
	int flags;
	int sig;
	int status;
	long nr;
	int64_t args[6];
	int64_t result;
	/* When the event was made: CLOCK_MONOTONIC ns, read at the stop. */
	int64_t time_ns;
	/* REVEL_EV_TASK_NEW: the task's number among those its parent thread
	 * made (1, 2, ...), counted at the parent's clone event, so the same on
	 * every run however the children's first stops interleave; 0 when not
	 * known (a task found attaching). */
	int child_no;
} revel_event;

enum revel_action_kind {
	REVEL_ACT_CONTINUE = 0, /* run .nr/.args (the original, possibly changed) */
	REVEL_ACT_RETURN,       /* skip the call; the guest sees .value */
	REVEL_ACT_INJECT,       /* run .nr/.args now; a REVEL_EV_INJECTED follows */
	REVEL_ACT_TAIL,         /* run .nr/.args instead; its result is the guest's */
};
/* ffi.cdef end */

typedef struct revel_action {
	int kind;
	int sig; /* REVEL_EV_SIGNAL answers: the signal to deliver */
	long nr;
	int64_t args[6];
	int64_t value;
} revel_action;

/* Create an engine; NULL with *err set (static string) on failure. */
revel_engine *revel_engine_new(const struct revel_options *opt, const char **err);
/* Kills any guest left (SIGKILL, then reaps) and frees everything. */
void revel_engine_free(revel_engine *e);

/* Start argv[0] (looked up in PATH) as the root guest. Returns its pid, or
 * -ENOENT (not found), -EACCES (not executable) and other negative errnos.
 * With .daemonize, it returns in the tracer, a new process; the caller's
 * process never returns (it becomes the guest) unless the spawn fails. */
pid_t revel_spawn(revel_engine *e, char *const argv[]);

/* Wait for the next event the caller asked for; fills *ev. Returns 0, or a
 * negative errno. After REVEL_EV_DONE it returns REVEL_EV_DONE again. */
int revel_next(revel_engine *e, revel_event *ev);

/* Answer an event that left task tid stopped. */
int revel_resume(revel_engine *e, pid_t tid, const revel_action *a);

/* Registers of a stopped task, as read at its stop. */
int revel_get_regs(revel_engine *e, pid_t tid, struct user_regs_struct *out);
/* The instruction pointer of tid's call at hand, from the registers saved at
 * its stop, also while an observer sees it (strace -i); 0: no such task. */
uint64_t revel_call_ip(revel_engine *e, pid_t tid);
/* Its stack pointer, the same way. */
uint64_t revel_call_sp(revel_engine *e, pid_t tid);
/* Replace them; written back once, when the task resumes. */
int revel_set_regs(revel_engine *e, pid_t tid, const struct user_regs_struct *in);

/* Guest memory. Return bytes done or a negative errno (-EFAULT for a bad
 * address); never fault revel itself. */
ssize_t revel_mem_read(revel_engine *e, pid_t tid, uint64_t addr, void *buf, size_t n);
ssize_t revel_mem_write(revel_engine *e, pid_t tid, uint64_t addr, const void *buf, size_t n);
/* Read only what the guest itself could read: page protections hold
 * (process_vm_readv alone, never /proc/PID/mem or PEEKDATA), so a decoder
 * sees what the kernel sees. Stops at the first unreadable page: bytes done
 * before it, or -EFAULT. */
ssize_t revel_mem_read_checked(revel_engine *e, pid_t tid, uint64_t addr, void *buf, size_t n);
/* Reads a NUL-terminated string of at most max-1 bytes into buf (always
 * terminated). Returns its length, or a negative errno. Sets *truncated
 * when no NUL was found within max-1 bytes. */
ssize_t revel_mem_string(revel_engine *e, pid_t tid, uint64_t addr, char *buf, size_t max,
                         int *truncated);

/* The siginfo of a task stopped at REVEL_EV_SIGNAL: 128 bytes (siginfo_t). */
int revel_get_siginfo(revel_engine *e, pid_t tid, void *info);

/* Take on a running process (strace -p): every thread of pid is seized and
 * stopped, and reported as REVEL_EV_TASK_NEW (the leader first, .flags
 * REVEL_NEW_PROCESS, .parent_tid 0; its other threads with .parent_tid
 * pid). Its children are followed. It has no seccomp filter (one would
 * outlive the detach): its calls stop with syscall stops (PTRACE_SYSCALL),
 * with the same events. Call it before revel_spawn. Returns the number of
 * its threads (>= 1), or -ESRCH (no such process), -EPERM (not permitted,
 * or traced already). */
int revel_attach(revel_engine *e, pid_t pid);
/* Take on a process of the caller's (the in-guest backend's fallback: a guest
 * about to exec a program its library cannot enter) as revel_attach does,
 * with three differences: it is killed with revel (PTRACE_O_EXITKILL) and at
 * the end, its calls and signals are not reported until its next exec (the
 * execve included: the caller has shown it), and from then on they are, with
 * syscall stops, in it and in its children. */
int revel_adopt(revel_engine *e, pid_t pid);
/* The in-guest backend's prelude: revel_adopt, for a process about to exec
 * a dynamic program that loads the library lib (LD_PRELOAD). From the exec
 * on its calls are reported (show_exec: the execve too, the command's), but
 * for the loader's own loading of lib (from the openat of lib to the next
 * close: revel's, not the guest's); at the library's start marker
 * (close(REVEL_PRELUDE_MARK), guest/revel_guest.c) it is detached
 * (REVEL_EV_DETACHED) and runs on with the library's tool. */
#define REVEL_PRELUDE_MARK (-0x7265766c)
int revel_adopt_prelude(revel_engine *e, pid_t pid, int show_exec, const char *lib);
/* For a caller that waits itself (waitpid(-1) with its own children that
 * are not traced): hand the engine a wait status. Returns 1 if it was a
 * tracee's (its events are then queued), 0 if not (the caller's own). */
int revel_feed(revel_engine *e, pid_t tid, int status);
/* The next queued event without waiting: 0, or -EAGAIN when none is. */
int revel_next_queued(revel_engine *e, revel_event *ev);
/* The seccomp filter a spawned guest gets, as a BPF program (struct
 * sock_filter[]) in buf: its size in bytes, or a negative errno (-E2BIG:
 * more than max). For a process revel_adopt took on, loaded by the process
 * itself before its exec; revel_filtered then says so. */
ssize_t revel_filter_bpf(revel_engine *e, void *buf, size_t max);
/* Thread tid (revel_adopt's) has the filter: its calls stop by it from its
 * next resume on, with no syscall stops. 0, or -ESRCH. */
int revel_filtered(revel_engine *e, pid_t tid);
/* The end of a run: every attached task (and those it made) is detached,
 * as it would be without revel: a call revel changed or cut short runs
 * again as the kernel restarts it, a signal at hand goes on, pending
 * signals, mask and fds are untouched. Every other task is killed with
 * SIGKILL and reaped. Returns how many tasks were detached; the first max
 * of their tids are put in tids. */
int revel_detach_all(revel_engine *e, pid_t *tids, int max);
/* Stop attached task tid for a moment (PTRACE_INTERRUPT): the tracer's
 * wait returns. Async-signal-safe, for a signal handler of the tracer's
 * own thread that wants revel_next to look at its flag (.interrupt). */
void revel_wake(pid_t tid);
/* revel_detach_all without the list: what revel started dies, what it
 * attached to runs on. */
void revel_kill_all(revel_engine *e);
/* Parent pid of a guest process as the kernel sees it now; negative errno. */
pid_t revel_ppid(revel_engine *e, pid_t tid);
/* Number of guest tasks alive. */
int revel_task_count(revel_engine *e);
/* An observer sees calls without the caller seeing events for them: entry
 * before the call runs, and the result at its exit stop. It takes every
 * subscribed call but those an inject rule acts on, which are reported as
 * usual. This is how a tool that only prints (strace) stays in C. */
enum revel_observe {
	REVEL_OBSERVE_EXIT = 0, /* call exit() with the result (one more stop) */
	REVEL_OBSERVE_DONE = 1, /* no result wanted (the call does not return) */
};
struct revel_observer {
	void *ctx;
	int (*enter)(void *ctx, revel_engine *e, pid_t tid, long nr, const int64_t args[6],
	             uint64_t sp);
	void (*exit)(void *ctx, revel_engine *e, pid_t tid, int64_t result);
	/* tid entered a group-stop by stop signal sig (strace's "--- stopped
	 * by SIGSTOP ---"); it stays stopped until a SIGCONT. NULL: not told. */
	void (*stopped)(void *ctx, revel_engine *e, pid_t tid, int sig);
	/* With processes attached (-p): the tracer is about to sleep until the
	 * next stop, so what the observer holds back should go out now (strace
	 * -p's lines come as the process makes its calls). NULL: not told. */
	void (*idle)(void *ctx, revel_engine *e);
};
/* strace -c's time (without -w): with on, each stop records the stopped
 * thread's system CPU time as wait4 reports it (ru_stime: its process's,
 * threads and waited-for children together, as the kernel counts it);
 * revel_stop_cputime is tid's at its last stop, in ns (0: none yet, or off). */
void revel_want_cputime(revel_engine *e, int on);
int64_t revel_stop_cputime(revel_engine *e, pid_t tid);
/* Set (or with NULL clear) the observer; the struct must outlive the run. */
void revel_set_observer(revel_engine *e, const struct revel_observer *o);
/* Whether the observer takes a syscall (all do by default); a call it does not
 * take is reported as an event, to a handler that wants to decide it. */
int revel_set_observed(revel_engine *e, long nr, int on);

/* ffi.cdef begin */
/* A thread that can run at a decision (REVEL_EV_SCHEDULE). */
struct revel_sched_thread {
	pid_t tid;
	int ord;       /* its number in start order (0: the root), as the log's */
	int starting;  /* parked at its start: it has not run yet */
	int preempted; /* parked at the end of a CPU-time slice without a syscall */
};
/* The decision at hand. */
struct revel_sched_decision {
	int64_t number;    /* as the log numbers it, from 1 */
	int64_t contested; /* decisions with more than one thread, this one included */
	int previous;      /* the number of the thread that held the turn last, -1: gone */
	int count;         /* threads that can run */
};
/* ffi.cdef end */
/* REVEL_EV_SCHEDULE: the threads that can run, in start order, at most max
 * of them into out, and the decision (d may be NULL); returns how many there
 * are (-EINVAL: no decision). */
int revel_sched_runnable(revel_engine *e, struct revel_sched_thread *out, int max,
                         struct revel_sched_decision *d);
/* Its answer: tid runs next; 0: the first started. */
int revel_sched_choose(revel_engine *e, pid_t tid);

/* --gdbserver's `monitor lua CODE` (REVEL_EV_GDB_MONITOR): CODE, and the
 * answer gdb prints (0, or -EINVAL when no command waits). */
const char *revel_gdb_monitor_cmd(revel_engine *e);
int revel_gdb_monitor_reply(revel_engine *e, const char *text);
/* In a REVEL_EV_GDB_MONITOR, before its answer: run syscall nr(args) now in
 * thread tid, which gdb holds at a stop, and put it back at the same stop
 * (the REPL's inject from gdb's monitor lua). 0 with *result (-errno when
 * the call failed), or -errno with one line in err when it could not run. */
int revel_gdb_inject(revel_engine *e, pid_t tid, long nr, const int64_t args[6], int64_t *result,
                     char *err, size_t errlen);

/* Change whether a subscribed syscall is reported (REVEL_EV_SYSCALL) or runs
 * unreported; -EINVAL for a number that is not subscribed (the seccomp filter
 * of a running guest cannot grow). */
int revel_set_handled(revel_engine *e, long nr, int on);
/* Is the syscall number subscribed (stops the guest)? */
int revel_subscribed(revel_engine *e, long nr);

#ifdef __cplusplus
}
#endif
#endif
