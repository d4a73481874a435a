/* task_call.c: the task layer's one synchronous syscall: run a call now in a
 * thread held at a ptrace stop and leave it at the same kind of stop again,
 * with its registers, signal mask and siginfo as they were, nothing of it
 * changed but what the call itself did. For --gdbserver's `monitor lua
 * inject(...)`, which runs while gdb waits and every other thread is held,
 * so it waits for this thread alone; the tracer's own injections are chains
 * of states in its loop (resume.c, answers.c). Signals stay blocked while
 * the thread passes through user mode on the way, so none is taken there. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <linux/ptrace.h>
#include "task.h"

#define ALL_SIGNALS (~0ull)

enum call_at { AT_SECCOMP, AT_EXIT, AT_SIGNAL, AT_INTERRUPT, AT_EXEC };

struct call_run {
	pid_t tid;
	struct task_call_out *out;
	int status; /* the last wait status */
};

static int fail(struct call_run *c, int rc, const char *what)
{
	snprintf(c->out->err, sizeof c->out->err, "%s", what);
	return rc;
}

static int get_mask(pid_t tid, uint64_t *m)
{
	return ptrace(PTRACE_GETSIGMASK, tid, (void *)sizeof *m, m) < 0 ? -errno : 0;
}

static int set_mask(pid_t tid, uint64_t m)
{
	return ptrace(PTRACE_SETSIGMASK, tid, (void *)sizeof m, &m) < 0 ? -errno : 0;
}

static int op_of(pid_t tid)
{
	struct __ptrace_syscall_info info;
	if (ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof info, &info) <= 0)
		return -1;
	return info.op;
}

/* Resume with req and sig and wait for the thread's next stop: 0, or
 * -ESRCH when it is gone (c->status says how). */
static int step(struct call_run *c, int req, int sig)
{
	if (ptrace(req, c->tid, NULL, (void *)(long)sig) < 0)
		return fail(c, -ESRCH, "the thread is gone");
	pid_t w;
	while ((w = waitpid(c->tid, &c->status, __WALL)) < 0 && errno == EINTR)
		;
	if (w != c->tid || !WIFSTOPPED(c->status)) {
		c->out->gone = w == c->tid ? c->status : 0;
		return fail(c, -ESRCH, "the thread ended during the call");
	}
	return 0;
}

/* Resume with PTRACE_SYSCALL until the stop is op (an entry or seccomp
 * stop on the way is passed; at the first, mask is the thread's again). */
static int run_to(struct call_run *c, int op, bool set, uint64_t mask)
{
	for (int i = 0; i < 4; i++) {
		int rc = step(c, PTRACE_SYSCALL, 0);
		if (rc < 0)
			return rc;
		int got = op_of(c->tid);
		if (set &&
		    (got == PTRACE_SYSCALL_INFO_ENTRY || got == PTRACE_SYSCALL_INFO_SECCOMP)) {
			set = false;
			if (set_mask(c->tid, mask) < 0)
				return fail(c, -ESRCH, "the thread is gone");
		}
		if (got == op)
			return 0;
		if (got != PTRACE_SYSCALL_INFO_ENTRY && got != PTRACE_SYSCALL_INFO_SECCOMP)
			break;
	}
	return fail(c, -EIO, "the thread stopped elsewhere than expected");
}

/* What stop the thread is at, and the siginfo of a signal stop. */
static int classify(struct call_run *c, siginfo_t *si)
{
	switch (op_of(c->tid)) {
	case PTRACE_SYSCALL_INFO_SECCOMP:
		return AT_SECCOMP;
	case PTRACE_SYSCALL_INFO_EXIT:
		return AT_EXIT;
	case PTRACE_SYSCALL_INFO_ENTRY:
		return fail(c, -EINVAL, "the thread is at a syscall-entry stop");
	case PTRACE_SYSCALL_INFO_NONE:
		break;
	default:
		return fail(c, -ESRCH, "the thread is gone");
	}
	if (ptrace(PTRACE_GETSIGINFO, c->tid, NULL, si) < 0)
		return fail(c, -EINVAL,
		            errno == EINVAL ? "the thread is in a group-stop (SIGSTOP)"
		                            : "the thread is gone");
	int event =
	    si->si_signo == SIGTRAP && (si->si_code & 0xff) == SIGTRAP ? si->si_code >> 8 : 0;
	if (event == PTRACE_EVENT_STOP)
		return AT_INTERRUPT;
	if (event == PTRACE_EVENT_EXEC)
		return AT_EXEC;
	if (event)
		return fail(c, -EINVAL, "the thread is at a fork, clone or exit event");
	return AT_SIGNAL;
}

/* Back to the kind of stop it was at, registers k. */
static int back(struct call_run *c, int at, const struct user_regs_struct *k, const siginfo_t *si)
{
	struct user_regs_struct r = *k;
	switch (at) {
	case AT_EXIT:
		break;
	case AT_SECCOMP:
		/* The syscall instruction again, to its seccomp stop. */
		r.rip -= 2;
		r.rax = r.orig_rax;
		r.orig_rax = (unsigned long long)-1;
		if (ptrace(PTRACE_SETREGS, c->tid, NULL, &r) < 0)
			return fail(c, -ESRCH, "the thread is gone");
		if (run_to(c, PTRACE_SYSCALL_INFO_SECCOMP, false, 0) < 0)
			return -EIO;
		break;
	case AT_SIGNAL:
		/* A signal sent at a syscall stop is queued; its delivery stop
		 * comes on the way out, the only signal not blocked. */
		if (ptrace(PTRACE_SETREGS, c->tid, NULL, &r) < 0 ||
		    set_mask(c->tid, ALL_SIGNALS & ~(1ull << (si->si_signo - 1))) < 0)
			return fail(c, -ESRCH, "the thread is gone");
		if (step(c, PTRACE_CONT, si->si_signo) < 0)
			return -ESRCH;
		if ((unsigned)c->status >> 16 || WSTOPSIG(c->status) != si->si_signo)
			return fail(c, -EIO, "the signal stop did not come back");
		if (ptrace(PTRACE_SETSIGINFO, c->tid, NULL, si) < 0)
			return fail(c, -ESRCH, "the thread is gone");
		break;
	case AT_INTERRUPT:
		if (ptrace(PTRACE_SETREGS, c->tid, NULL, &r) < 0 ||
		    ptrace(PTRACE_INTERRUPT, c->tid, NULL, NULL) < 0)
			return fail(c, -ESRCH, "the thread is gone");
		if (step(c, PTRACE_CONT, 0) < 0)
			return -ESRCH;
		if ((unsigned)c->status >> 16 != PTRACE_EVENT_STOP)
			return fail(c, -EIO, "the interrupt stop did not come back");
		break;
	}
	/* Exactly the registers it had (an interrupted call's restart code
	 * included: the kernel acts on it as it leaves this stop, as before). */
	if (ptrace(PTRACE_SETREGS, c->tid, NULL, k) < 0)
		return fail(c, -ESRCH, "the thread is gone");
	return 0;
}

int task_call(struct task *t, uint64_t gadget, long nr, const int64_t args[6],
              struct task_call_out *out)
{
	struct call_run c = {t->tid, out, 0};
	struct user_regs_struct k, r;
	siginfo_t si;
	uint64_t mask;
	out->result = 0;
	out->exec_exit = out->gone = 0;
	out->err[0] = 0;
	if (ptrace(PTRACE_GETREGS, t->tid, NULL, &k) < 0 || get_mask(t->tid, &mask) < 0)
		return fail(&c, -ESRCH, "the thread is gone");
	int at = classify(&c, &si);
	if (at < 0)
		return at;
	if (set_mask(t->tid, ALL_SIGNALS) < 0)
		return fail(&c, -ESRCH, "the thread is gone");
	int rc = 0;
	if (at == AT_EXEC) {
		/* execve sets its result after its exec stop: past its exit
		 * stop first, which the caller keeps for the tracer. */
		if ((rc = run_to(&c, PTRACE_SYSCALL_INFO_EXIT, false, 0)) < 0 ||
		    ptrace(PTRACE_GETREGS, t->tid, NULL, &k) < 0)
			goto out;
		out->exec_exit = c.status;
		t->regs_valid = false;
		at = AT_EXIT;
	}
	r = k;
	int64_t a[6];
	memcpy(a, args, sizeof a);
	r.rdi = (uint64_t)a[0], r.rsi = (uint64_t)a[1], r.rdx = (uint64_t)a[2];
	r.r10 = (uint64_t)a[3], r.r8 = (uint64_t)a[4], r.r9 = (uint64_t)a[5];
	if (at == AT_SECCOMP) {
		r.orig_rax = (uint64_t)nr; /* in place of the call, which runs again after */
	} else {
		/* From the vDSO's syscall instruction; no call in orig_rax keeps
		 * the kernel's restart logic out on the way there. */
		r.rip = gadget;
		r.rax = (uint64_t)nr;
		r.orig_rax = (unsigned long long)-1;
	}
	if (ptrace(PTRACE_SETREGS, t->tid, NULL, &r) < 0) {
		rc = fail(&c, -ESRCH, "the thread is gone");
		goto out;
	}
	if (at == AT_SECCOMP && set_mask(t->tid, mask) < 0) {
		rc = fail(&c, -ESRCH, "the thread is gone");
		goto out;
	}
	if ((rc = run_to(&c, PTRACE_SYSCALL_INFO_EXIT, at != AT_SECCOMP, mask)) < 0 ||
	    ptrace(PTRACE_GETREGS, t->tid, NULL, &r) < 0 || get_mask(t->tid, &mask) < 0 ||
	    set_mask(t->tid, ALL_SIGNALS) < 0) {
		rc = rc < 0 ? rc : fail(&c, -ESRCH, "the thread is gone");
		goto out;
	}
	out->result = (int64_t)r.rax;
	if (out->result <= -512 && out->result >= -516) /* interrupted: what a caller sees */
		out->result = -EINTR;
	rc = back(&c, at, &k, &si);
out:
	if (rc != -ESRCH)
		set_mask(t->tid, mask);
	return rc;
}
