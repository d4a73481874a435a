/* tracer.c: the tracer's loop. One thread makes every ptrace call (through
 * the task layer). revel_next() waits for stops, decodes each wait status
 * once into a stop (stop.c), and hands it to the state machine (tracer_states.c),
 * which turns those the caller asked for into events; revel_resume()
 * (answers.c) answers them. A syscall the tool lets run, or rewrites, costs
 * one stop (the seccomp stop, resumed with PTRACE_CONT). Only an injection
 * asks for the exit stop (PTRACE_SYSCALL). The wait itself polls before it
 * blocks (wait.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include "gdb_server.h"
#include "sched.h"
#include "tracer_rules.h"
#include "tracer_states.h"
#include "wait.h"

/* Threads are held by delays: wait for a child or the next due time.
 * SIGCHLD is blocked, so none is lost in between. */
static void wait_for_child_or(int wait_ms)
{
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	struct timespec ts = {wait_ms / 1000, (long)(wait_ms % 1000) * 1000000};
	sigtimedwait(&chld, NULL, &ts);
}

/* -p: the observer's lines go out before the tracer sleeps. */
static void observer_idle(void *ctx)
{
	revel_engine *e = ctx;
	if (e->observer && e->observer->idle)
		e->observer->idle(e->observer->ctx, e);
}

static void done_event(revel_engine *e, revel_event *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->kind = REVEL_EV_DONE;
	ev->pid = e->root_pid;
	ev->status = e->root_status;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ev->time_ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* A task running alone most often stops again while the tracer resumes it
 * (the getppid loop: 99% of its stops are there at the first look). Its
 * seccomp stop is then taken with the one call that reads it
 * (PTRACE_GET_SYSCALL_INFO) where wait4 and PTRACE_GETEVENTMSG took two;
 * its wait status stays in the kernel, and the resume clears it. A miss
 * (still running, or another kind of stop: signal, exit, event) costs that
 * call and the wait goes on as usual; after a miss the next 1, 2, 4 ... 64
 * stops are not probed. Not with more tasks: each has its turn in the
 * wait's rounds. */
#define PROBE_BACKOFF_MAX 64
static pid_t probe_stop(revel_engine *e, int *status)
{
	if (e->tasks.count != 1 || e->sched || e->gdb || e->opt.debug || e->spin.rusage ||
	    e->any_attached)
		return 0;
	if (e->probe_skip > 0) {
		e->probe_skip--;
		return 0;
	}
	size_t i = 0;
	struct task *t = tasks_next(&e->tasks, &i);
	if (!t || t->state != TS_RUNNING || t->syscall_mode || t->unreaped)
		return 0;
	if (task_seccomp_info(t->tid, &t->probe) != 1) {
		e->probe_backoff = e->probe_backoff ? 2 * e->probe_backoff : 1;
		if (e->probe_backoff > PROBE_BACKOFF_MAX)
			e->probe_backoff = PROBE_BACKOFF_MAX;
		e->probe_skip = e->probe_backoff;
		return 0;
	}
	e->probe_backoff = 0;
	t->probed = t->unreaped = true;
	*status = PTRACE_EVENT_SECCOMP << 16 | SIGTRAP << 8 | 0x7f;
	return t->tid;
}

/* After a probed stop: a task not resumed (an event for the caller, held)
 * has its wait status reaped now, or the next wait would see it again. */
static void probe_done(revel_engine *e, pid_t tid)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return;
	t->probed = false;
	if (t->unreaped) {
		int st;
		waitpid(tid, &st, __WALL | WNOHANG);
		t->unreaped = false;
	}
}

int revel_next(revel_engine *e, revel_event *ev)
{
	for (;;) {
		if (queue_pop(&e->queue, ev))
			return 0;
		if (e->gdb && gdb_event(e, ev))
			return 0;
		pid_t gtid;
		int gstatus;
		if (e->gdb && gdb_replay(e, &gtid, &gstatus)) {
			/* a stop that came while gdb had the threads stopped */
			struct stop gs = stop_decode(gstatus);
			tracer_on_stop(e, gtid, &gs);
			continue;
		}
		if (e->opt.interrupt && *e->opt.interrupt)
			return -EINTR;
		if (e->tasks.count == 0) {
			if (e->detached_root > 0) {
				int st;
				if (waitpid(e->detached_root, &st, 0) < 0 && errno == EINTR)
					return -EINTR;
				e->detached_root = 0;
			}
			done_event(e, ev);
			return 0;
		}
		int status;
		if (e->sched)
			sched_step(e); /* no thread's turn: give one its turn */
		int wait_ms = rule_timers(e);
		if (e->queue.len)
			continue;
		e->spin.before_block = e->any_attached && e->observer ? observer_idle : NULL;
		e->spin.block_ctx = e;
		/* One task has no one to wait behind; gdb waits on one thread
		 * itself (gdb_stop_all) and must find its stop there. */
		e->spin.ntasks = e->gdb ? 0 : (int)e->tasks.count;
		pid_t tid = probe_stop(e, &status);
		bool probed = tid > 0;
		if (!probed)
			tid = e->sched ? sched_wait(e, &status, wait_ms)
			               : wait_spin(&e->spin, &status, wait_ms);
		if (tid == 0) {
			wait_for_child_or(wait_ms);
			continue;
		}
		if (tid < 0) {
			if (errno == EINTR)
				return -EINTR; /* let the caller look at its signals */
			if (errno != ECHILD)
				return -errno;
			/* nothing left to wait for */
			size_t i = 0;
			struct task *t;
			while ((t = tasks_next(&e->tasks, &i)))
				tracer_forget(e, t);
			continue;
		}
		if (e->spin.rusage) {
			struct task *t = tasks_find(&e->tasks, tid);
			if (t)
				t->stime_ns = (int64_t)e->spin.ru.ru_stime.tv_sec * 1000000000 +
				              (int64_t)e->spin.ru.ru_stime.tv_usec * 1000;
		}
		struct stop s = stop_decode(status);
		if (e->opt.debug) {
			char what[96];
			stop_describe(status, what, sizeof what);
			fprintf(e->log, "revel: [wait(0x%06x) = %d] %s\n", (unsigned)status, tid,
			        what);
		}
		if (e->place.mode == REVEL_PLACE_FOLLOW && s.kind != STOP_GONE)
			place_follow(e, tid);
		tracer_on_stop(e, tid, &s);
		if (probed)
			probe_done(e, tid);
	}
}

int revel_feed(revel_engine *e, pid_t tid, int status)
{
	struct stop s = stop_decode(status);
	if (s.kind != STOP_GONE ? s.kind == STOP_NONE : !tasks_find(&e->tasks, tid))
		return 0; /* not a tracee's: the caller's own child */
	tracer_on_stop(e, tid, &s);
	return 1;
}

int revel_next_queued(revel_engine *e, revel_event *ev)
{
	return queue_pop(&e->queue, ev) ? 0 : -EAGAIN;
}

void revel_want_cputime(revel_engine *e, int on)
{
	e->spin.rusage = on != 0;
}

int64_t revel_stop_cputime(revel_engine *e, pid_t tid)
{
	struct task *t = tasks_find(&e->tasks, tid);
	return t ? t->stime_ns : 0;
}
