/* faults.c: strace's -e inject= rules applied by the engine itself, with no
 * Lua: count each thread's invocations of each syscall, and when a rule's
 * when= matches, deliver its signal, hold the thread for its delays, skip the
 * call (or run a side-effect-free stand-in) and set its result. Delays never
 * block the tracer: the thread stays stopped while others run. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "tracer.h"

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void hold(revel_engine *e, struct task *t, int64_t us, int after)
{
	t->state = TS_DELAYED;
	t->hold_until = now_ns() + us * 1000;
	t->hold_after = after;
	e->nheld++;
}

/* The rest of a fired rule, once any delay_enter is over. */
static void fire(revel_engine *e, struct task *t)
{
	const struct revel_inject_rule *r = t->fired;
	bool need_exit = r->delay_exit_us > 0 || (r->fault && r->syscall >= 0);
	if (r->fault) {
		/* Skipped (-1), or a stand-in with no side effects. */
		t->regs.orig_rax = (unsigned long long)(r->syscall >= 0 ? r->syscall : -1);
		t->regs.rax = (unsigned long long)r->value;
		t->regs_dirty = true;
		/* A restart code reaches the guest as strace leaves it: raw. */
	}
	if (need_exit) {
		if (t->regs_dirty)
			ptrace(PTRACE_SETREGS, t->tid, NULL, &t->regs);
		t->regs_dirty = false;
		t->regs_valid = false;
		t->state = TS_FAULT_EXIT;
		ptrace(PTRACE_SYSCALL, t->tid, NULL, NULL);
		return;
	}
	t->fired = NULL;
	tracer_resume_running(t, 0);
}

bool fault_on_seccomp(revel_engine *e, struct task *t, long nr)
{
	const struct revel_inject_rule *r = nr >= 0 && nr < REVEL_NR_MAX ? e->rules[nr] : NULL;
	if (!r)
		return false;
	if (!t->inj_counts) {
		t->inj_counts = calloc(REVEL_NR_MAX, sizeof *t->inj_counts);
		if (!t->inj_counts)
			return false;
	}
	uint32_t n = ++t->inj_counts[nr];
	if (!revel_inject_when(r, n))
		return false;
	t->fired = r;
	/* strace delivers the signal on entering the call. */
	if (r->signal)
		syscall(SYS_tgkill, t->proc ? t->proc->pid : t->tid, t->tid, r->signal);
	if (e->opt.handled[nr]) {
		/* The tool sees the call, after any delay_enter; a fault applies
		 * when it lets the call run (fault_apply). A delay_exit is the
		 * rule's own, for calls no tool handles. */
		int64_t delay = r->delay_enter_us;
		if (!r->fault)
			t->fired = NULL;
		if (delay > 0) {
			hold(e, t, delay, 2);
			return true;
		}
		return false;
	}
	if (r->delay_enter_us > 0) {
		hold(e, t, r->delay_enter_us, 0);
		return true;
	}
	fire(e, t);
	return true;
}

void fault_apply(revel_engine *e, struct task *t)
{
	if (!t->fired)
		return;
	fire(e, t); /* its delay_enter came before the tool saw the call */
}

void fault_on_exit(revel_engine *e, struct task *t)
{
	const struct revel_inject_rule *r = t->fired;
	t->regs_valid = false;
	if (ptrace(PTRACE_GETREGS, t->tid, NULL, &t->regs) < 0)
		return;
	t->regs_valid = true;
	if (r && r->fault) {
		t->regs.rax = (unsigned long long)r->value;
		t->regs_dirty = true;
	}
	if (r && r->delay_exit_us > 0) {
		if (t->regs_dirty)
			ptrace(PTRACE_SETREGS, t->tid, NULL, &t->regs);
		t->regs_dirty = false;
		hold(e, t, r->delay_exit_us, 1);
		return;
	}
	t->fired = NULL;
	tracer_resume_running(t, 0);
}

int fault_timers(revel_engine *e)
{
	if (e->nheld == 0)
		return -1;
	int64_t now = now_ns(), next = -1;
	size_t i = 0;
	struct task *t;
	while ((t = tasks_next(&e->tasks, &i))) {
		if (t->state != TS_DELAYED)
			continue;
		if (t->hold_until <= now) {
			e->nheld--;
			if (t->hold_after == 0) {
				fire(e, t);
			} else if (t->hold_after == 2) {
				tracer_report_syscall(e, t);
			} else {
				t->fired = NULL;
				tracer_resume_running(t, 0);
			}
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

void fault_task_free(struct task *t)
{
	free(t->inj_counts); /* tasks_remove would too; no double free after NULL */
	t->inj_counts = NULL;
}
