/* answers.c: the caller's answers to a stopped task (revel_resume), one
 * function per state that waits for one, and the registers and siginfo of a
 * stopped task. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include "resume.h"
#include "tracer_rules.h"

/* A signal stop in a syscall the signal interrupted (its number in orig_rax,
 * a restart code as its result): after a signal that runs no handler the
 * kernel restarts the call on the way out of the stop. An injection chain
 * from here ends at a syscall's exit, where nothing restarts it: the restart
 * goes into the registers the chain ends with, as the kernel makes it. */
static void restart_interrupted(struct user_regs_struct *r)
{
	long nr = reg_nr(r);
	int64_t code = reg_result(r);
	if (nr < 0 || !is_restart_code(code))
		return;
	reg_set_result(r, code == -516 /* ERESTART_RESTARTBLOCK */ ? SYS_restart_syscall : nr);
	reg_set_ip(r, reg_ip(r) - SYSCALL_INSN_LEN);
	reg_set_nr(r, REG_NO_CALL);
}

/* Answers at a stop that is not a syscall (HELD, EXEC_STOP, SIGNAL_STOP, the
 * end of a free chain): inject through the gadget, or let the task go on
 * with its registers as they were. A chain from a signal stop suppresses the
 * signal. */
static int answer_free(revel_engine *e, struct task *t, const revel_action *a)
{
	if (a->kind == REVEL_ACT_INJECT) {
		if (t->chain != CHAIN_FREE) {
			if (!find_gadget(e, t))
				return -ENOSYS;
			if (t->state == TS_EXEC_STOP) {
				/* An exec stop comes before execve's exit stop,
				 * which still sets the result: inject after it. */
				t->pending = *a;
				t->chain = CHAIN_FREE;
				t->state = TS_INJ_PREP;
				task_syscall(t, 0);
				return 0;
			}
			const struct user_regs_struct *r = task_regs(t);
			if (!r)
				return -errno;
			t->saved = *r;
			if (t->state == TS_SIGNAL_STOP)
				restart_interrupted(&t->saved);
		}
		start_free_injection(e, t, a);
		return 0;
	}
	if (a->kind == REVEL_ACT_TAIL)
		return -EINVAL;
	if (t->chain == CHAIN_FREE) {
		t->regs = t->saved;
		task_regs_dirty(t);
		t->chain = CHAIN_AT_SYSCALL;
	}
	resume_running(t, a->sig);
	return 0;
}

static int answer_exec_stop(revel_engine *e, struct task *t, const revel_action *a)
{
	if (a->kind == REVEL_ACT_INJECT && t->after_exec == TS_RUNNING)
		return answer_free(e, t, a);
	if (t->after_exec == TS_INJ_RUN || t->after_exec == TS_OBSERVE) {
		/* The exec came mid-call: its exit stop is still to come. */
		t->state = t->after_exec;
		task_syscall(t, a->sig);
	} else {
		resume_running(t, a->sig);
	}
	return 0;
}

/* SECCOMP: the guest's call, not run yet. */
static int answer_at_seccomp(revel_engine *e, struct task *t, const revel_action *a)
{
	switch (a->kind) {
	case REVEL_ACT_RETURN:
		reg_set_nr(&t->regs, REG_NO_CALL); /* skip the call */
		reg_set_result(&t->regs, a->value);
		task_regs_dirty(t);
		if (is_restart_code(a->value))
			restart_fix(t, a->value);
		else
			resume_running(t, 0);
		return 0;
	case REVEL_ACT_CONTINUE:
	case REVEL_ACT_TAIL:
		call_to_regs(t, a->nr, a->args);
		if (!place_call(e, t, false))
			resume_running(t, 0);
		return 0;
	case REVEL_ACT_INJECT:
		start_injection(t, a, false);
		return 0;
	default:
		return -EINVAL;
	}
}

/* INJ_EXIT, RETURN: the guest's registers after a syscall: its own, but the
 * result (and the two registers the syscall instruction clobbers anyway). The
 * common case, the original call run to learn its result, writes nothing. */
static void return_after_inject(struct task *t, int64_t value)
{
	struct user_regs_struct want = t->regs;
	reg_restore_general(&want, &t->saved);
	reg_set_result(&want, value);
	if (is_restart_code(value)) {
		t->regs = want;
		set_restart(t, value);
	} else if (memcmp(&want, &t->regs, sizeof want) != 0) {
		t->regs = want;
		task_regs_dirty(t);
	}
	resume_running(t, 0);
}

/* INJ_EXIT: an injected call is done; the original call is behind us. */
static int answer_after_inject(revel_engine *e, struct task *t, const revel_action *a)
{
	if (t->saved_stale) {
		/* An injected execve succeeded: there is no original call left to
		 * run, only the new image with the result in its register. */
		t->saved_stale = false;
		if (a->kind != REVEL_ACT_RETURN)
			return -EINVAL;
		reg_set_result(&t->regs, a->value);
		task_regs_dirty(t);
		resume_running(t, 0);
		return 0;
	}
	if (a->kind == REVEL_ACT_RETURN) {
		return_after_inject(t, a->value);
		return 0;
	}
	/* Back to the registers of the original call, then run a call again
	 * from its syscall instruction. */
	reg_restore_general(&t->regs, &t->saved);
	reg_set_nr(&t->regs, REG_NO_CALL);
	task_regs_dirty(t);
	switch (a->kind) {
	case REVEL_ACT_CONTINUE:
	case REVEL_ACT_TAIL:
		reg_set_args(&t->regs, a->args);
		reg_rewind_to_call(&t->regs, a->nr);
		if (a->nr >= 0 && a->nr < REVEL_NR_MAX && e->opt.subscribed[a->nr]) {
			t->replay_pending = true;
			t->replay_ip = reg_ip(&t->saved);
			t->replay_sp = reg_sp(&t->saved);
		}
		resume_running(t, 0);
		return 0;
	case REVEL_ACT_INJECT:
		reg_set_args(&t->regs, a->args);
		reg_rewind_to_call(&t->regs, a->nr);
		start_injection(t, a, true);
		return 0;
	default:
		return -EINVAL;
	}
}

/* SECCOMP, INJ_EXIT: first how a fired inject rule and the answer combine. */
static int answer_syscall(revel_engine *e, struct task *t, const revel_action *a)
{
	bool after_inject = t->state == TS_INJ_EXIT;
	bool unchanged = reg_holds_call(&t->saved, a->nr, a->args);
	switch (fault_combine(&t->fired, a->kind, a->value, unchanged, after_inject)) {
	case FAULT_WAITS:
		break;
	case FAULT_APPLIES:
		rule_fire(e, t); /* its delay_enter came before the tool saw the call */
		return 0;
	case FAULT_DROPPED:
		t->fired.fired = false;
		break;
	case FAULT_AS_RESULT: {
		revel_action ret = *a;
		ret.kind = REVEL_ACT_RETURN;
		ret.value = t->fired.value;
		t->fired.fired = false;
		return answer_syscall(e, t, &ret);
	}
	}
	if (after_inject)
		return answer_after_inject(e, t, a);
	return answer_at_seccomp(e, t, a);
}

int revel_resume(revel_engine *e, pid_t tid, const revel_action *a)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return -ESRCH;
	if (t->saved_partial) {
		/* The call let run as it is: nothing of the registers to read or
		 * write (as answer_at_seccomp does it, without them). */
		if (t->state == TS_SECCOMP && a->kind == REVEL_ACT_CONTINUE && !t->fired.fired &&
		    reg_holds_call(&t->saved, a->nr, a->args)) {
			resume_running(t, 0);
			return 0;
		}
		if (!task_saved_full(t))
			return -ESRCH;
	}
	switch (t->state) {
	case TS_HELD:
		return answer_free(e, t, a);
	case TS_EXEC_STOP:
		return answer_exec_stop(e, t, a);
	case TS_SIGNAL_STOP:
		if (a->kind == REVEL_ACT_INJECT)
			return answer_free(e, t, a);
		resume_running(t, a->sig);
		return 0;
	case TS_SECCOMP:
		return answer_syscall(e, t, a);
	case TS_INJ_EXIT:
		if (t->chain == CHAIN_FREE)
			return answer_free(e, t, a);
		return answer_syscall(e, t, a);
	default:
		return -EINVAL; /* not waiting for an answer */
	}
}

int revel_get_regs(revel_engine *e, pid_t tid, struct user_regs_struct *out)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return -ESRCH;
	if (task_state_running(t->state) && !t->gdb_hold) /* gdb's hold: stopped */
		return -EBUSY;
	if (!task_saved_full(t))
		return -ESRCH;
	const struct user_regs_struct *r = task_regs(t);
	if (!r)
		return -errno;
	*out = *r;
	return 0;
}

uint64_t revel_call_ip(revel_engine *e, pid_t tid)
{
	struct task *t = tasks_find(&e->tasks, tid);
	return t ? reg_ip(&t->saved) : 0;
}

uint64_t revel_call_sp(revel_engine *e, pid_t tid)
{
	struct task *t = tasks_find(&e->tasks, tid);
	return t ? reg_sp(&t->saved) : 0;
}

int revel_set_regs(revel_engine *e, pid_t tid, const struct user_regs_struct *in)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return -ESRCH;
	if (task_state_running(t->state) && !t->gdb_hold) /* gdb's hold: stopped */
		return -EBUSY;
	if (!task_saved_full(t) || !task_regs(t)) /* saved first: the call as it was */
		return -errno;
	t->regs = *in;
	task_regs_dirty(t);
	return 0;
}

int revel_get_siginfo(revel_engine *e, pid_t tid, void *info)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return -ESRCH;
	if (t->state != TS_EXEC_STOP && t->state != TS_SIGNAL_STOP)
		return -EBUSY;
	return task_siginfo(tid, info);
}
