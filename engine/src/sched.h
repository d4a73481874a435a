/* sched.h: --sched, one guest thread at a time (sched.c). The thread whose
 * turn it is (the holder) runs; the others are parked at a stop (before a
 * syscall, at their start, at the end of a slice) or blocked in the kernel
 * inside a call. At each switch point the caller's strategy (a Lua one,
 * scripts/revel/sched/) picks the next holder among the parked ones; the
 * choices can be logged and replayed (sched_log.c).
 * When every thread waits on another one, sched_deadlock.c says so. */
#ifndef REVEL_SCHED_H
#define REVEL_SCHED_H

#include <stdio.h>
#include "engine_state.h"
#include "stop.h"

enum sched_park {
	SCHED_PARK_NONE = 0,
	SCHED_PARK_STOP,  /* at a stop (sched_kind...), handled when its turn comes */
	SCHED_PARK_START, /* at its initial stop: tracer_task_started then */
	SCHED_PARK_CONT,  /* stopped by the slice's interrupt: PTRACE_CONT then */
};

struct sched {
	FILE *log;
	int *replay;
	int nreplay;
	int *rrun;     /* each decision's runnable threads in the log, -1 after each */
	long *rrun_at; /* where decision i's list begins in rrun */
	long nrrun_at;
	bool diverged;
	int on_deadlock;
	int64_t slice_ns;
	int next_ord;
	long step;      /* decisions made */
	long contested; /* ... with more than one thread to pick from */
	struct task *holder;
	struct task *last;    /* the holder before the decision at hand */
	struct task **parked; /* by sched_ord */
	int nparked, capparked;
	int nblocked;
	bool deadlock; /* found and reported: the guest is being killed */
	bool ask;      /* contested decisions are the caller's (REVEL_EV_SCHEDULE) */
	bool asking;   /* one is out, not answered yet */
	bool chld_blocked;
};

/* NULL *err: e->sched made (or left NULL without --sched). */
void sched_new(revel_engine *e, const char **err);
void sched_free(revel_engine *e);
/* The root, just spawned, holds the first turn. */
void sched_root(revel_engine *e, struct task *t);
/* A stop of a task (not an exit, not an exec): true when it is parked. */
bool sched_take_stop(revel_engine *e, struct task *t, const struct stop *s);
/* A task at its start: true when it is parked until its turn. */
bool sched_take_start(revel_engine *e, struct task *t);
void sched_forget(revel_engine *e, struct task *t);
/* No holder: give the turn to the thread the strategy picks. */
void sched_step(revel_engine *e);
/* waitpid(-1) while watching the holder (blocked in a call, or over its
 * slice) and, when every thread is blocked, looking for a deadlock. 0 when
 * the turn changed hands (or wait_ms passed) without a stop. */
pid_t sched_wait(revel_engine *e, int *status, int wait_ms);
/* The root's wait status as the caller sees it: exit 125 after a deadlock. */
int sched_root_status(revel_engine *e, int status);

/* sched_log.c: the log and its replay. */
int sched_log_init(struct sched *S, const struct revel_options *o, const char **err);
/* The index in S->parked of the next holder (S->nparked > 0): chosen
 * (>= 0: the caller's choice), else the replay's, else the first. */
int sched_pick(struct sched *S, FILE *warn, int chosen);
void sched_log_end(struct sched *S, FILE *warn);
/* The index in S->parked of thread number ord, -1 if not parked. */
int sched_find_ord(const struct sched *S, int ord);
/* The thread the replay chooses at the coming decision, -1: none. */
int sched_replay_next(const struct sched *S);
/* The threads the log saw runnable at the coming decision (-1 ends the
 * list), NULL: none. */
const int *sched_replay_runnable(const struct sched *S);

/* sched_deadlock.c: every live thread blocked in a wait only another guest
 * thread can end? Then report it on e->log, with each one's call. */
bool sched_deadlock_check(revel_engine *e);

/* The call a thread sleeps in (/proc/TID/syscall): false if none. */
bool sched_blocked_call(pid_t tid, long *nr, int64_t args[6]);
/* Is the call one only another guest thread can end (a futex wait without
 * a timeout, a pipe only the guest holds, a wait for a child)? */
bool sched_waits_on_guest(revel_engine *e, struct task *t, long nr, const int64_t a[6]);
/* sched_calls.c: is it a call that can wait on another thread, the clock
 * or the world? */
bool sched_may_block(revel_engine *e, struct task *t);
/* Is the call t was given its turn for (task.saved) a wait a timeout ends? */
bool sched_timed_call(const struct task *t);

/* /proc/TID/stat's state letter ('R', 'S', 'D', 'Z', 't'...), 0 if gone. */
char sched_proc_state(pid_t tid);

#endif
