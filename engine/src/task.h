/* task.h: the task layer, the bottom of the engine. The table of guest tasks
 * (threads) and their processes, each task's register cache, and the only
 * calls to ptrace() (task.c, and task_call.c's synchronous syscall):
 * everything above asks this layer to resume a task, or to read what its
 * stop holds.
 *
 * Register cache: task_regs() reads the registers once per stop; a change
 * marks them dirty (task_regs_dirty) and they are written back once, when the
 * task resumes. Every resume forgets them: the next stop reads them anew. */
#ifndef REVEL_TASK_H
#define REVEL_TASK_H

#include <stdbool.h>
#include <signal.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>
#include <revel/engine.h>
#include "fault_verdict.h"
#include "task_state.h"

struct place_mask; /* a cpu_set_t (place.h) */

struct proc {
	pid_t pid;
	int nthreads;
	/* Address of a syscall instruction (in the vDSO), for injecting at a
	 * stop that is not a syscall; 0 until looked up, reset by exec. */
	uint64_t gadget;
	/* The unwinder's modules and symbols (unwind.c), made at the first
	 * backtrace; dropped with the process and at exec. */
	struct unwind_proc *unwind;
};

/* What a seccomp stop's syscall info holds (task_seccomp_info). */
struct seccomp_stop {
	unsigned long data;
	long nr;
	uint64_t args[6];
	uint64_t ip, sp;
};

struct task {
	pid_t tid;
	struct proc *proc;
	pid_t parent_tid;
	int new_flags;
	int nchildren; /* tasks this one made (its clone events) */
	int child_no;  /* its number among its parent's children; 0: not known */
	enum task_state state;
	enum task_state after_exec; /* where an exec stop mid-call returns to */
	enum inj_chain chain;       /* in the INJ_* states: the chain's kind */
	bool regs_valid;            /* regs hold this stop's registers */
	bool regs_dirty;            /* regs must be written before resuming */
	/* An injection chain rewinds the guest to re-run its syscall instruction;
	 * the seccomp stop that re-run makes is ours, known by where it stops.
	 * Data, not a state: the task runs (and may take signal stops) first. */
	bool replay_pending;
	uint64_t replay_ip, replay_sp;
	bool saved_stale; /* an injected execve replaced the registers of the call */
	/* saved holds only the call (number, arguments, ip, sp, from the stop's
	 * syscall info): the whole set is read when an answer needs it
	 * (task_saved_full). Forgotten when the task resumes. */
	bool saved_partial;
	/* The root before its first exec runs revel's own code (the filter is
	 * loaded, execve not yet done): no inject rule applies to it. */
	bool before_exec;
	/* Seized by revel_adopt at an exec the in-guest library already showed
	 * the tool: its execve is not reported again either. */
	bool exec_shown;
	/* revel_adopt_prelude's: the program runs under ptrace until the
	 * library's start marker (then detached); prelude_window: the loader is
	 * loading the library itself (its calls are revel's, not the guest's). */
	bool prelude;
	bool prelude_window;
	/* Fault rules: this thread's counts (fault_verdict.h), the verdict of the
	 * rule that fired for the call at hand while it still applies, and a
	 * delay's end (CLOCK_MONOTONIC ns). */
	struct fault_counts *inj_counts;
	struct fault_verdict fired;
	int64_t hold_until;
	revel_action pending; /* the injection waiting for execve's exit stop */
	int64_t restart_code; /* RESTART_FIX: the code to set at the exit stop */
	uint64_t held_sigs;   /* signals that arrived mid-chain, delivered after it */
	/* Their siginfo (held_valid: which were read), and which of them went
	 * out again as revel's tgkill (requeued): at that signal's delivery stop
	 * the guest's siginfo is put back (glibc acts on its SIGCANCEL only
	 * when si_pid is its own process). */
	uint64_t held_valid, requeued;
	siginfo_t held_info[64];
	/* The caller's own timer signal (opt.own_signal) that arrived mid-chain:
	 * queued again, siginfo and all, after it. */
	bool own_held;
	siginfo_t own_info;
	int64_t stime_ns; /* system CPU time at its last stop (revel_want_cputime) */
	struct user_regs_struct regs;
	struct user_regs_struct saved; /* registers of the original syscall */
	/* --placement=together (place.c): the affinity the thread would have
	 * without it (NULL: the mask the guest was started with), and, at an
	 * open of a status file made to read a copy, the path argument to put
	 * back at its exit stop and the copy's fd in the tracer. */
	struct place_mask *vmask;
	uint64_t place_arg;
	int place_argi;
	int place_fd;
	bool place_observe; /* the observer takes the result at that exit */
	bool place_rerun;   /* the copy could not be opened: the call runs again, as it is */
	/* Traced with syscall stops (PTRACE_SYSCALL) instead of a seccomp
	 * filter: a process revel attached to (-p) has no filter of revel's and
	 * cannot be given one that would not outlive the detach. Its children
	 * inherit it. A syscall-entry stop then does what a seccomp stop does. */
	bool syscall_mode;
	/* Let go of (PTRACE_DETACH) at the end, never killed: a process revel
	 * attached to, and its children. */
	bool attached;
	int stop_sig; /* SIGNAL_STOP: the signal the stop is about */
	/* --gdbserver (gdb_*.c): held stopped for gdb. A resume the tracer
	 * asks for meanwhile waits in gdb_req/gdb_sig (if gdb_deferred)
	 * until gdb lets the thread go (task_gdb_release); with gdb_step the
	 * next PTRACE_CONT is a PTRACE_SINGLESTEP. A stop that came instead of
	 * gdb's interrupt waits in gdb_status (gdb_stashed) for the tracer. */
	bool gdb_hold, gdb_step, gdb_stashed, gdb_interrupted, gdb_deferred;
	/* catch syscall: gdb_caught, the stashed stop gdb saw goes to the
	 * tracer unlooked at; gdb_catch_ret, the call's exit stop is wanted
	 * (a PTRACE_CONT becomes a PTRACE_SYSCALL). */
	bool gdb_caught, gdb_catch_ret;
	int gdb_req, gdb_sig, gdb_status;
	int gdb_signal;      /* the signal stop gdb holds it at (0: none) */
	unsigned gdb_dr_gen; /* the debug registers it has (gdb_watch.c) */
	/* --sched (sched.c): the thread's number in start order (0: the root),
	 * what it does when its turn comes while parked (SCHED_PARK_*, 0: not
	 * parked), the stop it was parked at, and: */
	int sched_ord;
	unsigned char sched_park;
	bool sched_started;   /* counted in (its first start went through sched) */
	bool sched_blocked;   /* in a call the kernel blocks: its turn is given up */
	bool sched_exit;      /* resumed into a call: PTRACE_CONT runs to its exit stop */
	bool sched_interrupt; /* its slice is over: PTRACE_INTERRUPT's stop is coming */
	int sched_kind, sched_sig, sched_event;
	int64_t sched_since;  /* CLOCK_MONOTONIC ns its turn began */
	int64_t sched_cpu0;   /* CPU ns at the first slice check of its turn (-1: none yet) */
	int64_t sched_asleep; /* when it was first seen asleep in its call (0: not) */
	/* A seccomp stop taken by asking the task (tracer.c's probe), not
	 * wait4: its syscall info, and its wait status, still pending in the
	 * kernel until a resume clears it (go(), task_detach) or it is reaped. */
	bool probed, unreaped;
	struct seccomp_stop probe;
};

/* ---- the table, keyed by tid (tasks.c) ---- */

struct task_table {
	struct task **slots;
	size_t cap, count, used; /* used counts tombstones too */
};

struct task *tasks_find(struct task_table *t, pid_t tid);
struct task *tasks_add(struct task_table *t, pid_t tid);
void tasks_remove(struct task_table *t, pid_t tid);
void tasks_free(struct task_table *t);
/* Move a task to another tid (a non-leader execve takes the leader's tid). */
int tasks_rekey(struct task_table *t, pid_t from, pid_t to);
/* Iterate: pass *i = 0 first; NULL at the end. */
struct task *tasks_next(struct task_table *t, size_t *i);

/* ---- processes (task.c) ---- */

struct proc *proc_new(pid_t pid);
/* Drop the task from the table, and its process with its last thread. */
void task_drop(struct task_table *tt, struct task *t);

/* ---- ptrace, and only here (task.c) ---- */

/* Seize a freshly forked child with the engine's ptrace options (and
 * PTRACE_O_TRACEVFORKDONE for --gdbserver's vforkdone events). */
int task_seize(pid_t pid, bool vfork_done);
/* Seize a running task revel did not start (no seccomp stops: it has no
 * filter of ours) and interrupt it. exit_kill: it dies with revel
 * (revel_adopt's); without, it must outlive revel (-p). */
int task_seize_running(pid_t tid, bool exit_kill);
/* PTRACE_INTERRUPT: a running task stops (PTRACE_EVENT_STOP) soon. */
int task_interrupt(pid_t tid);
/* Let go of a stopped task: dirty registers written, sig delivered (at a
 * signal-delivery stop), PTRACE_DETACH. */
int task_detach(struct task *t, int sig);
/* PTRACE_DETACH by tid alone (a task not in the table). */
void task_detach_tid(pid_t tid);
/* Resume by tid alone with PTRACE_CONT and a signal. */
void task_cont_tid_sig(pid_t tid, int sig);
/* Resume: PTRACE_CONT, PTRACE_SYSCALL (to its next syscall stop too),
 * PTRACE_LISTEN (stay in a group-stop, hear SIGCONT). Dirty registers are
 * written first; the cache is forgotten. */
void task_cont(struct task *t, int sig);
void task_syscall(struct task *t, int sig);
void task_listen(struct task *t);
/* gdb lets a held task go: the resume the tracer asked for meanwhile, if
 * any, happens now. */
void task_gdb_release(struct task *t);
/* The x87/SSE registers (NT_PRFPREG, struct user_fpregs_struct, 512 bytes)
 * and the XSAVE area (NT_X86_XSTATE, up to n bytes): bytes read or -errno. */
int task_get_regset(pid_t tid, int type, void *buf, size_t n);
int task_set_regset(pid_t tid, int type, void *buf, size_t n);
/* Write one word of the USER area (debug registers). */
int task_poke_user(pid_t tid, size_t offset, long word);
/* Resume a task by tid alone (one being killed, one not in the table). */
void task_cont_tid(pid_t tid);
/* The registers of this stop, read at most once; NULL when the task is gone. */
struct user_regs_struct *task_regs(struct task *t);
static inline void task_regs_dirty(struct task *t)
{
	t->regs_dirty = true;
}
/* Write dirty registers now and keep the task stopped. */
void task_regs_flush(struct task *t);
/* One word of the USER area (a register by its offset), without reading
 * the whole register set; false when the task is gone. */
bool task_peek_user(struct task *t, size_t offset, long *word);
/* PTRACE_GETEVENTMSG; dflt when it fails. */
unsigned long task_eventmsg(pid_t tid, unsigned long dflt);
int task_siginfo(pid_t tid, void *info);
int task_set_siginfo(pid_t tid, const void *info);
/* A seccomp stop as one PTRACE_GET_SYSCALL_INFO tells it: the filter's data
 * (what PTRACE_GETEVENTMSG says) and the call, without the register set. */
/* 1: *out filled; 0: no syscall info for this stop (ask the event message
 * and the registers); -1: the task is gone. */
int task_seccomp_info(pid_t tid, struct seccomp_stop *out);
/* saved as the call's whole register set: read now if it held only the
 * call (saved_partial); NULL when the task is gone. */
struct user_regs_struct *task_saved_full(struct task *t);
/* Is this syscall stop an exit stop? (PTRACE_GET_SYSCALL_INFO) */
bool task_at_syscall_exit(struct task *t);
/* One aligned word of guest memory: PTRACE_PEEKDATA / POKEDATA. */
int task_peek_data(pid_t tid, uint64_t addr, long *word);
int task_poke_data(pid_t tid, uint64_t addr, long word);

/* ---- a syscall run now, waited for (task_call.c) ---- */

struct task_call_out {
	int64_t result; /* the call's, -errno on failure */
	int exec_exit;  /* from an exec stop: execve's exit stop it went past */
	int gone;       /* the wait status of a thread that ended meanwhile */
	char err[96];   /* why it could not run */
};
/* Run nr(args) in t, stopped at any ptrace stop but a group-stop, a
 * syscall-entry stop or a fork/clone event, from the syscall instruction at
 * gadget (unless it is at a seccomp stop, whose call runs again after), and
 * leave it at the same kind of stop with its registers, signal mask and
 * siginfo as they were. Waits for t alone: for a thread whose process is all
 * stopped (--gdbserver's monitor). 0, or -errno with out->err. */
int task_call(struct task *t, uint64_t gadget, long nr, const int64_t args[6],
              struct task_call_out *out);

#endif
