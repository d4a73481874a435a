/* task.c: the only caller of ptrace(). Resuming a task, its register cache,
 * what a stop holds (event message, siginfo, syscall info), guest memory word
 * by word, and the process records. */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "task.h"
#include "unwind_internal.h"

#define PTRACE_OPTIONS                                                                             \
	(PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP | PTRACE_O_TRACECLONE |                     \
	 PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL)

int task_seize(pid_t pid, bool vfork_done)
{
	long opts = PTRACE_OPTIONS | (vfork_done ? PTRACE_O_TRACEVFORKDONE : 0);
	if (ptrace(PTRACE_SEIZE, pid, NULL, (void *)opts) < 0)
		return -errno;
	return 0;
}

/* No TRACESECCOMP (nothing of ours asks for seccomp stops); TRACESYSGOOD
 * tells syscall stops apart. EXITKILL only for a task revel owns. */
#define PTRACE_OPTIONS_ATTACH                                                                      \
	(PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |  \
	 PTRACE_O_TRACEEXEC)

int task_seize_running(pid_t tid, bool exit_kill)
{
	/* revel's own (exit_kill) may load revel's filter before its exec */
	long opts =
	    PTRACE_OPTIONS_ATTACH | (exit_kill ? PTRACE_O_EXITKILL | PTRACE_O_TRACESECCOMP : 0);
	if (ptrace(PTRACE_SEIZE, tid, NULL, (void *)opts) < 0)
		return -errno;
	if (ptrace(PTRACE_INTERRUPT, tid, NULL, NULL) < 0)
		return -errno;
	return 0;
}

int task_interrupt(pid_t tid)
{
	if (ptrace(PTRACE_INTERRUPT, tid, NULL, NULL) < 0)
		return -errno;
	return 0;
}

int task_detach(struct task *t, int sig)
{
	task_regs_flush(t);
	t->regs_valid = false;
	t->saved_partial = false;
	t->unreaped = false; /* the detach clears a pending wait status */
	if (ptrace(PTRACE_DETACH, t->tid, NULL, (void *)(long)sig) < 0)
		return -errno;
	return 0;
}

void task_detach_tid(pid_t tid)
{
	ptrace(PTRACE_DETACH, tid, NULL, NULL);
}

void task_cont_tid_sig(pid_t tid, int sig)
{
	ptrace(PTRACE_CONT, tid, NULL, (void *)(long)sig);
}

struct proc *proc_new(pid_t pid)
{
	struct proc *p = calloc(1, sizeof *p);
	if (!p)
		abort();
	p->pid = pid;
	return p;
}

void task_drop(struct task_table *tt, struct task *t)
{
	struct proc *p = t->proc;
	if (p && --p->nthreads <= 0) {
		unwind_proc_free(p->unwind);
		free(p);
	}
	tasks_remove(tt, t->tid);
}

/* ---- register cache ---- */

struct user_regs_struct *task_regs(struct task *t)
{
	if (!t->regs_valid) {
		if (ptrace(PTRACE_GETREGS, t->tid, NULL, &t->regs) < 0)
			return NULL;
		t->regs_valid = true;
	}
	return &t->regs;
}

void task_regs_flush(struct task *t)
{
	if (t->regs_dirty) {
		ptrace(PTRACE_SETREGS, t->tid, NULL, &t->regs);
		t->regs_dirty = false;
	}
}

struct user_regs_struct *task_saved_full(struct task *t)
{
	if (t->saved_partial) {
		struct user_regs_struct *r = task_regs(t);
		if (!r)
			return NULL;
		t->saved = *r;
		t->saved_partial = false;
	}
	return &t->saved;
}

static void go(struct task *t, int req, int sig)
{
	if (t->gdb_hold) { /* gdb looks at it: the tracer's resume waits */
		t->gdb_deferred = true;
		t->gdb_req = req;
		t->gdb_sig = sig;
		return;
	}
	if (t->gdb_catch_ret && req == PTRACE_CONT)
		req = PTRACE_SYSCALL;
	else if (t->gdb_step && req == PTRACE_CONT)
		req = PTRACE_SINGLESTEP;
	task_regs_flush(t);
	t->regs_valid = false;
	t->saved_partial = false;
	/* Without a filter every syscall must stop: run to the next one. Under
	 * --sched a call given its turn runs to its exit stop (sched.c). */
	if (req == PTRACE_CONT && (t->syscall_mode || t->sched_exit))
		req = PTRACE_SYSCALL;
	ptrace(req, t->tid, NULL, (void *)(long)sig);
	t->unreaped = false; /* the resume cleared its wait status */
}

void task_cont(struct task *t, int sig)
{
	go(t, PTRACE_CONT, sig);
}

void task_syscall(struct task *t, int sig)
{
	go(t, PTRACE_SYSCALL, sig);
}

void task_listen(struct task *t)
{
	go(t, PTRACE_LISTEN, 0);
}

void task_gdb_release(struct task *t)
{
	t->gdb_hold = false;
	if (t->gdb_deferred) {
		t->gdb_deferred = false;
		go(t, t->gdb_req, t->gdb_sig);
	}
}

int task_get_regset(pid_t tid, int type, void *buf, size_t n)
{
	struct iovec iov = {buf, n};
	if (ptrace(PTRACE_GETREGSET, tid, (void *)(long)type, &iov) < 0)
		return -errno;
	return (int)iov.iov_len;
}

int task_set_regset(pid_t tid, int type, void *buf, size_t n)
{
	struct iovec iov = {buf, n};
	if (ptrace(PTRACE_SETREGSET, tid, (void *)(long)type, &iov) < 0)
		return -errno;
	return 0;
}

int task_poke_user(pid_t tid, size_t offset, long word)
{
	if (ptrace(PTRACE_POKEUSER, tid, (void *)offset, (void *)word) < 0)
		return -errno;
	return 0;
}

void task_cont_tid(pid_t tid)
{
	ptrace(PTRACE_CONT, tid, NULL, NULL);
}

/* ---- what a stop holds ---- */

bool task_peek_user(struct task *t, size_t offset, long *word)
{
	errno = 0;
	long w = ptrace(PTRACE_PEEKUSER, t->tid, (void *)offset, NULL);
	if (errno)
		return false;
	*word = w;
	return true;
}

unsigned long task_eventmsg(pid_t tid, unsigned long dflt)
{
	unsigned long msg = dflt;
	ptrace(PTRACE_GETEVENTMSG, tid, NULL, &msg);
	return msg;
}

int task_siginfo(pid_t tid, void *info)
{
	if (ptrace(PTRACE_GETSIGINFO, tid, NULL, info) < 0)
		return -errno;
	return 0;
}

int task_set_siginfo(pid_t tid, const void *info)
{
	if (ptrace(PTRACE_SETSIGINFO, tid, NULL, info) < 0)
		return -errno;
	return 0;
}

int task_seccomp_info(pid_t tid, struct seccomp_stop *out)
{
	struct __ptrace_syscall_info info;
	long n = ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof info, &info);
	if (n < 0)
		return errno == ESRCH ? -1 : 0;
	if (info.op != PTRACE_SYSCALL_INFO_SECCOMP ||
	    (size_t)n < offsetof(struct __ptrace_syscall_info, seccomp.ret_data) +
	                    sizeof info.seccomp.ret_data)
		return 0;
	out->data = info.seccomp.ret_data;
	out->nr = (long)info.seccomp.nr;
	for (int i = 0; i < 6; i++)
		out->args[i] = info.seccomp.args[i];
	out->ip = info.instruction_pointer;
	out->sp = info.stack_pointer;
	return 1;
}

bool task_at_syscall_exit(struct task *t)
{
	struct __ptrace_syscall_info info;
	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof info, &info) <= 0)
		return false;
	return info.op == PTRACE_SYSCALL_INFO_EXIT;
}

/* ---- guest memory, the last resort ---- */

int task_peek_data(pid_t tid, uint64_t addr, long *word)
{
	errno = 0;
	long w = ptrace(PTRACE_PEEKDATA, tid, (void *)addr, NULL);
	if (errno)
		return -errno;
	*word = w;
	return 0;
}

int task_poke_data(pid_t tid, uint64_t addr, long word)
{
	if (ptrace(PTRACE_POKEDATA, tid, (void *)addr, (void *)word) < 0)
		return -errno;
	return 0;
}
