/* tracer_rules.c: applying a fault rule's verdict to a task. Delays never
 * block the tracer: the thread stays stopped (a DELAY_* state) while others
 * run, and rule_timers() lets it go when its time is up. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "resume.h"
#include "tracer_rules.h"

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void hold(revel_engine *e, struct task *t, int64_t us, enum task_state delay)
{
	t->state = delay;
	t->hold_until = now_ns() + us * 1000;
	e->nheld++;
}

/* Apply a verdict's changes to the call that run with it: a signal, a cut
 * size argument. */
static void verdict_on_call(struct task *t, const struct fault_verdict *v)
{
	/* strace delivers the signal on entering the call. */
	if (v->signal)
		syscall(SYS_tgkill, t->proc ? t->proc->pid : t->tid, t->tid, v->signal);
	if (v->cut_arg >= 0) {
		int64_t a[6];
		reg_args(&t->regs, a);
		a[v->cut_arg] = v->cut_to;
		reg_set_args(&t->regs, a);
		task_regs_dirty(t);
	}
}

/* path= in the engine's rules: under --backend=ptrace such rules run in
 * Lua (fault.lua), but a --backend=guest process's prelude (its loader's
 * calls) runs the guest's rules here, path= ones too. */
struct path_ctx {
	revel_engine *e;
	pid_t tid;
};

static int tracer_path(void *ctx, long nr, const int64_t args[6], char *buf, size_t n)
{
	struct path_ctx *c = ctx;
	int is_fd, trunc;
	int i = fault_path_arg(nr, &is_fd);
	if (i < 0)
		return 0;
	if (!is_fd)
		return revel_mem_string(c->e, c->tid, (uint64_t)args[i], buf, n, &trunc) >= 0;
	int fd = (int)args[i];
	if (fd < 0)
		return 0;
	char link[64];
	snprintf(link, sizeof link, "/proc/%d/fd/%d", (int)c->tid, fd);
	ssize_t r = readlink(link, buf, n - 1);
	if (r < 0)
		return 0;
	buf[r] = 0;
	return 1;
}

bool rule_on_seccomp(revel_engine *e, struct task *t, long nr)
{
	if (nr < 0 || nr >= REVEL_NR_MAX)
		return false;
	if (!t->inj_counts) {
		t->inj_counts = calloc(1, sizeof *t->inj_counts);
		if (!t->inj_counts)
			return false;
	}
	int64_t args[6];
	reg_args(&t->regs, args);
	struct path_ctx pc = {e, t->tid};
	e->rules.path_of = tracer_path;
	e->rules.path_ctx = &pc;
	struct fault_verdict v =
	    fault_decide(&e->rules, t->inj_counts, nr, args, e->opt.handled[nr] != 0);
	e->rules.path_ctx = NULL;
	if (!v.fired)
		return false;
	t->fired = v;
	verdict_on_call(t, &v);
	if (v.restart) {
		/* eintr: skipped with a restart code, set at the exit stop. */
		t->fired.fired = false;
		restart_fix(t, v.value);
		return true;
	}
	if (v.to_tool) {
		/* The tool sees the call, after any delay_enter; a fault applies
		 * when it lets the call run (fault_combine). A delay_exit is the
		 * rule's own, for calls no tool handles. */
		if (!v.fault)
			t->fired.fired = false;
		if (v.delay_enter_us > 0) {
			hold(e, t, v.delay_enter_us, TS_DELAY_REPORT);
			return true;
		}
		return false;
	}
	if (v.delay_enter_us > 0) {
		hold(e, t, v.delay_enter_us, TS_DELAY_ENTER);
		return true;
	}
	rule_fire(e, t);
	return true;
}

void rule_fire(revel_engine *e, struct task *t)
{
	const struct fault_verdict *v = &t->fired;
	if (v->fault) {
		/* Skipped, or a stand-in with no side effects. A restart code
		 * reaches the guest as strace leaves it: raw. */
		reg_set_nr(&t->regs, fault_call_nr(v));
		reg_set_result(&t->regs, v->value);
		task_regs_dirty(t);
	}
	if (fault_needs_exit(v)) {
		t->state = TS_FAULT_EXIT;
		task_syscall(t, 0);
		return;
	}
	t->fired.fired = false;
	if (v->fault || !place_call(e, t, false))
		resume_running(t, 0);
}

void rule_on_exit(revel_engine *e, struct task *t)
{
	const struct fault_verdict *v = &t->fired;
	if (!task_regs(t))
		return; /* gone; its exit report follows */
	if (v->fired && v->fault) {
		reg_set_result(&t->regs, v->value);
		task_regs_dirty(t);
	}
	if (v->fired && v->delay_exit_us > 0) {
		task_regs_flush(t);
		hold(e, t, v->delay_exit_us, TS_DELAY_EXIT);
		return;
	}
	t->fired.fired = false;
	resume_running(t, 0);
}

/* A delay is over: what its state does next. */
static void delay_over(revel_engine *e, struct task *t)
{
	e->nheld--;
	switch (t->state) {
	case TS_DELAY_ENTER:
		rule_fire(e, t);
		break;
	case TS_DELAY_REPORT:
		report_syscall(e, t);
		break;
	default: /* TS_DELAY_EXIT */
		t->fired.fired = false;
		resume_running(t, 0);
		break;
	}
}

int rule_timers(revel_engine *e)
{
	if (e->nheld == 0)
		return -1;
	int64_t now = now_ns(), next = -1;
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (!task_state_is_delay(t->state))
			continue;
		if (t->hold_until <= now) {
			delay_over(e, t);
			continue;
		}
		int64_t left = t->hold_until - now;
		if (next < 0 || left < next)
			next = left;
	}
	if (next < 0)
		return e->nheld > 0 ? 0 : -1;
	return (int)((next + 999999) / 1000000);
}
