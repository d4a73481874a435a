/* sched.c: --sched, one guest thread at a time.
 *
 * Every syscall stops the guest (the filter subscribes all of them). The
 * thread whose turn it is, the holder, runs; at its next seccomp stop it is
 * parked there, before the call, and the caller's strategy (Lua's,
 * REVEL_EV_SCHEDULE) picks the next holder among the parked threads
 * (itself too). A new thread is parked at its
 * initial stop. So the order of every syscall, and of the code between two,
 * is the strategy's.
 *
 * A call given its turn runs to its exit stop (task.c turns PTRACE_CONT into
 * PTRACE_SYSCALL while sched_exit is set). If the kernel blocks it (the
 * thread sleeps in the call: state S or D in /proc/TID/stat), the holder
 * gives up its turn and is "blocked"; it runs no guest code until its exit
 * stop, which parks it. Before each decision the blocked threads are looked
 * at again: one the kernel has woken (no longer S or D) is waited for, up to
 * its exit stop, so that what another thread's call (a FUTEX_WAKE, a write
 * to a pipe) made runnable is among the choices, as it is at the same
 * decision of every run. A thread that runs a slice of CPU time without a
 * syscall is interrupted (PTRACE_INTERRUPT) and parked too. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "sched.h"
#include "tracer_states.h"

#define DEFAULT_SLICE_NS 5000000ll /* CPU time without a syscall */
#define LOOK_NS 1000000ll          /* how often a running holder's CPU time is read */
#define IDLE_NS 50000000ll         /* every thread blocked this long: a deadlock? */
/* Asleep this long in a call that waits on nothing (a page read, a lock in
 * the kernel): it gives up its turn all the same. */
#define ASLEEP_NS 50000000ll

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

static ssize_t read_proc(pid_t tid, const char *what, char *buf, size_t n)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/%s", (int)tid, what);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t got = read(fd, buf, n - 1);
	close(fd);
	if (got >= 0)
		buf[got] = 0;
	return got;
}

char sched_proc_state(pid_t tid)
{
	char buf[512];
	if (read_proc(tid, "stat", buf, sizeof buf) <= 0)
		return 0;
	char *p = strrchr(buf, ')'); /* the name may hold anything */
	return p && p[1] == ' ' ? p[2] : 0;
}

/* CPU time the thread has run, ns (/proc/TID/schedstat's first field). */
static int64_t cpu_ns(pid_t tid)
{
	char buf[128];
	if (read_proc(tid, "schedstat", buf, sizeof buf) <= 0)
		return -1;
	return strtoll(buf, NULL, 10);
}

void sched_new(revel_engine *e, const char **err)
{
	*err = NULL;
	if (e->opt.sched == REVEL_SCHED_NONE)
		return;
	struct sched *S = calloc(1, sizeof *S);
	if (!S) {
		*err = "out of memory";
		return;
	}
	S->on_deadlock = e->opt.sched_on_deadlock;
	S->ask = e->opt.sched_ask != 0;
	S->slice_ns = e->opt.sched_slice_us > 0 ? e->opt.sched_slice_us * 1000ll : DEFAULT_SLICE_NS;
	if (sched_log_init(S, &e->opt, err) < 0) {
		free(S->replay);
		free(S->rrun);
		free(S->rrun_at);
		free(S);
		return;
	}
	e->sched = S;
	/* Every call is a switch point. */
	memset(e->opt.subscribed, 1, sizeof e->opt.subscribed);
}

void sched_free(revel_engine *e)
{
	struct sched *S = e->sched;
	if (!S)
		return;
	sched_log_end(S, e->log);
	if (S->log)
		fclose(S->log);
	free(S->replay);
	free(S->rrun);
	free(S->rrun_at);
	free(S->parked);
	free(S);
	e->sched = NULL;
}

static void count_in(struct sched *S, struct task *t)
{
	if (t->sched_started)
		return;
	t->sched_started = true;
	t->sched_ord = S->next_ord++;
}

void sched_root(revel_engine *e, struct task *t)
{
	struct sched *S = e->sched;
	count_in(S, t);
	S->holder = t;
	t->sched_since = now_ns();
	t->sched_cpu0 = -1;
	if (!S->chld_blocked) {
		/* sched_wait naps in sigtimedwait(SIGCHLD). */
		sigset_t chld;
		sigemptyset(&chld);
		sigaddset(&chld, SIGCHLD);
		sigset_t old;
		sigprocmask(SIG_BLOCK, &chld, &old);
		if (!e->mask_changed) {
			e->old_mask = old;
			e->mask_changed = true;
		}
		S->chld_blocked = true;
	}
}

static void park(struct sched *S, struct task *t, int how, const struct stop *s)
{
	if (S->holder == t)
		S->holder = NULL;
	t->sched_park = (unsigned char)how;
	if (s) {
		t->sched_kind = s->kind;
		t->sched_sig = s->sig;
		t->sched_event = s->event;
	}
	if (S->nparked == S->capparked) {
		int cap = S->capparked ? S->capparked * 2 : 16;
		struct task **p = realloc(S->parked, (size_t)cap * sizeof *p);
		if (!p)
			abort();
		S->parked = p;
		S->capparked = cap;
	}
	int i = S->nparked++;
	while (i > 0 && S->parked[i - 1]->sched_ord > t->sched_ord) {
		S->parked[i] = S->parked[i - 1];
		i--;
	}
	S->parked[i] = t;
}

static void unpark_at(struct sched *S, int i)
{
	S->parked[i]->sched_park = SCHED_PARK_NONE;
	memmove(S->parked + i, S->parked + i + 1, (size_t)(S->nparked - i - 1) * sizeof *S->parked);
	S->nparked--;
}

static void unblock(struct sched *S, struct task *t)
{
	if (t->sched_blocked) {
		t->sched_blocked = false;
		S->nblocked--;
	}
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

bool sched_take_stop(revel_engine *e, struct task *t, const struct stop *s)
{
	struct sched *S = e->sched;
	bool given = false; /* the exit stop of the call its turn was given for */
	if (s->kind == STOP_SYSCALL) {
		given = t->sched_exit;
		t->sched_exit = false;
	}
	if (t->sched_blocked) {
		/* Back from the kernel: it waits for its turn. */
		unblock(S, t);
		if (s->kind == STOP_GROUP && t->sched_interrupt)
			t->sched_interrupt = false;
		park(S, t, SCHED_PARK_STOP, s);
		return true;
	}
	if (t != S->holder)
		return false;
	if (s->kind == STOP_GROUP && t->sched_interrupt && !is_stop_signal(s->sig)) {
		t->sched_interrupt = false; /* its slice is over */
		park(S, t, SCHED_PARK_CONT, NULL);
		return true;
	}
	if (given && sched_timed_call(t)) {
		/* Slept or not, it waits here for its turn, as a call that slept
		 * does: whether a timeout had passed does not change the decisions. */
		park(S, t, SCHED_PARK_STOP, s);
		return true;
	}
	if (s->kind == STOP_SECCOMP && t->state == TS_RUNNING && !t->replay_pending &&
	    !t->before_exec && !t->syscall_mode) {
		park(S, t, SCHED_PARK_STOP, s);
		return true;
	}
	return false;
}

bool sched_take_start(revel_engine *e, struct task *t)
{
	struct sched *S = e->sched;
	if (t->sched_started)
		return false;
	count_in(S, t);
	park(S, t, SCHED_PARK_START, NULL);
	return true;
}

void sched_forget(revel_engine *e, struct task *t)
{
	struct sched *S = e->sched;
	if (S->holder == t)
		S->holder = NULL;
	if (S->last == t)
		S->last = NULL;
	unblock(S, t);
	for (int i = 0; i < S->nparked; i++) {
		if (S->parked[i] == t) {
			unpark_at(S, i);
			break;
		}
	}
}

/* The holder is in a call (given its turn, or one the state machine runs to
 * its exit stop), not in the guest's own code. */
static bool in_call(const struct task *t)
{
	return t->sched_exit || t->state == TS_OBSERVE || t->state == TS_INJ_RUN ||
	       t->state == TS_FAULT_EXIT || t->state == TS_PLACE_EXIT || t->state == TS_RESTART_FIX;
}

static void handle(revel_engine *e, pid_t tid, int status)
{
	struct stop s = stop_decode(status);
	tracer_on_stop(e, tid, &s);
}

/* Before a decision: every thread started, and each one the kernel woke
 * from a blocking call back at its exit stop (parked), so that the choice
 * is among the same threads in every run. */
static void settle(revel_engine *e)
{
	for (;;) {
		size_t i = 0;
		struct task *t, *w = NULL;
		while (!w && (t = tasks_next(&e->tasks, &i))) {
			bool wait_it = t->state == TS_NEW && !t->sched_park;
			if (t->sched_blocked) {
				char st = sched_proc_state(t->tid);
				wait_it = st != 'S' && st != 'D' && st != 'Z' && st != 0;
			}
			if (wait_it)
				w = t;
		}
		if (!w)
			return;
		int status;
		pid_t r;
		do
			r = waitpid(w->tid, &status, __WALL);
		while (r < 0 && errno == EINTR);
		if (r != w->tid)
			return;
		handle(e, r, status); /* may drop w: look again from the start */
	}
}

static struct task *task_of_ord(revel_engine *e, int ord)
{
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i)))
		if (t->sched_started && t->sched_ord == ord)
			return t;
	return NULL;
}

/* Replaying: each thread the log saw runnable at this decision that still
 * sleeps in a call that ends by itself (a sleep, a timed wait, a read of
 * the world) is waited for, up to its exit stop: the recording saw it woken
 * by then, so the choice and what the others find (a futex's waiters) are
 * the recording's. A thread only another guest thread can wake is not
 * waited for: that is a divergence, which the pick reports. */
static void replay_wait(revel_engine *e)
{
	struct sched *S = e->sched;
	const int *ord = sched_replay_runnable(S);
	for (; ord && *ord >= 0; ord++) {
		for (;;) {
			struct task *t;
			if (sched_find_ord(S, *ord) >= 0 || !(t = task_of_ord(e, *ord)) ||
			    !t->sched_blocked)
				break;
			if (e->opt.interrupt && *e->opt.interrupt)
				return;
			char st = sched_proc_state(t->tid);
			long nr;
			int64_t a[6];
			if (st == 'Z' || st == 0 ||
			    ((st == 'S' || st == 'D') && sched_blocked_call(t->tid, &nr, a) &&
			     sched_waits_on_guest(e, t, nr, a)))
				break;
			int status;
			pid_t r = waitpid(t->tid, &status, __WALL);
			if (r < 0 && errno == EINTR)
				continue;
			if (r != t->tid)
				break;
			handle(e, r, status); /* parks it, or drops it */
		}
	}
}

static void grant(revel_engine *e, struct task *t, int how)
{
	struct sched *S = e->sched;
	S->holder = t;
	t->sched_since = now_ns();
	t->sched_cpu0 = -1;
	t->sched_asleep = 0;
	if (how == SCHED_PARK_START) {
		tracer_task_started(e, t);
	} else if (how == SCHED_PARK_CONT) {
		task_cont(t, 0);
	} else {
		struct stop s = {
		    .kind = t->sched_kind, .sig = t->sched_sig, .event = t->sched_event};
		if (s.kind == STOP_SECCOMP)
			t->sched_exit = true;
		tracer_state_stop(e, t, &s);
	}
}

static void decide(revel_engine *e, int chosen)
{
	struct sched *S = e->sched;
	int k = sched_pick(S, e->log, chosen);
	struct task *t = S->parked[k];
	int how = t->sched_park;
	unpark_at(S, k);
	S->last = t;
	grant(e, t, how);
}

void sched_step(revel_engine *e)
{
	struct sched *S = e->sched;
	if (S->holder || S->deadlock || S->asking)
		return;
	settle(e);
	if (S->replay)
		replay_wait(e);
	if (S->holder || S->nparked == 0)
		return;
	if (S->ask && S->nparked > 1 && !S->replay) {
		/* The caller's decision: it answers with revel_sched_choose. */
		S->asking = true;
		tracer_event(e, REVEL_EV_SCHEDULE, S->parked[0]);
		return;
	}
	decide(e, -1);
}

int revel_sched_runnable(revel_engine *e, struct revel_sched_thread *out, int max,
                         struct revel_sched_decision *d)
{
	struct sched *S = e->sched;
	if (!S || !S->asking)
		return -EINVAL;
	for (int i = 0; i < S->nparked && i < max; i++) {
		const struct task *t = S->parked[i];
		out[i] = (struct revel_sched_thread){
		    .tid = t->tid,
		    .ord = t->sched_ord,
		    .starting = t->sched_park == SCHED_PARK_START,
		    .preempted = t->sched_park == SCHED_PARK_CONT,
		};
	}
	if (d)
		*d = (struct revel_sched_decision){
		    .number = S->step + 1,
		    .contested = S->contested + 1,
		    .previous = S->last ? S->last->sched_ord : -1,
		    .count = S->nparked,
		};
	return S->nparked;
}

int revel_sched_choose(revel_engine *e, pid_t tid)
{
	struct sched *S = e->sched;
	if (!S || !S->asking)
		return -EINVAL;
	int k = -1;
	for (int i = 0; i < S->nparked && tid; i++)
		if (S->parked[i]->tid == tid)
			k = i;
	if (tid && k < 0)
		return -ESRCH;
	S->asking = false;
	if (S->nparked > 0)
		decide(e, k);
	return 0;
}

/* The holder sleeps in its call: it gives up its turn. */
static void give_up(struct sched *S, struct task *t)
{
	S->holder = NULL;
	if (!t->sched_blocked) {
		t->sched_blocked = true;
		S->nblocked++;
	}
}

static void nap(int64_t ns)
{
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	struct timespec ts = {ns / 1000000000, ns % 1000000000};
	sigtimedwait(&chld, NULL, &ts);
}

pid_t sched_wait(revel_engine *e, int *status, int wait_ms)
{
	struct sched *S = e->sched;
	int64_t start = now_ns(), idle_at = start + IDLE_NS, sleep_ns = 10000;
	for (int i = 0;; i++) {
		pid_t r = waitpid(-1, status, __WALL | WNOHANG);
		if (r != 0)
			return r;
		if (e->opt.interrupt && *e->opt.interrupt) {
			errno = EINTR;
			return -1;
		}
		int64_t now = now_ns();
		if (wait_ms >= 0 && now - start >= wait_ms * 1000000ll)
			return 0;
		struct task *h = S->holder;
		if (h && i > 0 && in_call(h)) {
			char st = sched_proc_state(h->tid);
			bool asleep = st == 'S' || st == 'D';
			if (!asleep)
				h->sched_asleep = 0;
			else if (!h->sched_asleep)
				h->sched_asleep = now;
			if (st == 'Z' || st == 'X' ||
			    (asleep &&
			     (sched_may_block(e, h) || now - h->sched_asleep >= ASLEEP_NS))) {
				give_up(S, h);
				return 0;
			}
		} else if (h && !h->sched_interrupt && !task_state_running(h->state)) {
			/* Stopped, waiting for the caller's answer: not running. */
		} else if (h && !h->sched_interrupt && now - h->sched_since >= LOOK_NS) {
			int64_t cpu = cpu_ns(h->tid);
			if (h->sched_cpu0 < 0) {
				h->sched_cpu0 = cpu;
			} else if (cpu - h->sched_cpu0 >= S->slice_ns) {
				task_interrupt(h->tid);
				h->sched_interrupt = true;
			}
		} else if (!h && S->nparked > 0 && !S->asking) {
			return 0; /* a decision to make */
		} else if (!h && now >= idle_at && S->on_deadlock == REVEL_DEADLOCK_KILL) {
			if (sched_deadlock_check(e)) {
				S->deadlock = true;
				size_t j = 0;
				struct task *t;
				while ((t = tasks_next(&e->tasks, &j)))
					kill(t->tid, SIGKILL);
				return 0;
			}
			idle_at = now + 10 * IDLE_NS;
		}
		if (i < 2) {
			sched_yield();
			continue;
		}
		int64_t cap = h ? LOOK_NS : IDLE_NS / 5;
		nap(sleep_ns);
		sleep_ns = sleep_ns * 2 > cap ? cap : sleep_ns * 2;
	}
}

int sched_root_status(revel_engine *e, int status)
{
	return e->sched->deadlock ? 125 << 8 : status;
}
