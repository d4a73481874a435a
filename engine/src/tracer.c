/* tracer.c: the ptrace stops of every guest task, and the answers to them.
 *
 * One thread makes every ptrace call. revel_next() waits for stops and turns
 * those the caller asked for into events; revel_resume() answers them. A
 * syscall the tool lets run, or rewrites, costs one stop (the seccomp stop,
 * resumed with PTRACE_CONT). Only an injection asks for the exit stop
 * (PTRACE_SYSCALL). After an injection the original call, or the next
 * injection, runs by rewinding the guest onto its syscall instruction. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tracer.h"

#define SYSCALL_INSN_LEN 2 /* `syscall` is 0f 05 */

static long ptrace_resume(int req, pid_t tid, int sig)
{
	return ptrace(req, tid, NULL, (void *)(long)sig);
}

static int load_regs(struct task *t)
{
	if (t->regs_valid)
		return 0;
	if (ptrace(PTRACE_GETREGS, t->tid, NULL, &t->regs) < 0)
		return -errno;
	t->regs_valid = true;
	return 0;
}

static void store_regs(struct task *t)
{
	if (t->regs_dirty) {
		ptrace(PTRACE_SETREGS, t->tid, NULL, &t->regs);
		t->regs_dirty = false;
	}
	t->regs_valid = false;
}

/* Signals held while an injection chain ran go out once it is over. */
static void release_held(struct task *t)
{
	for (int s = 1; t->held_sigs && s < 64; s++) {
		if (t->held_sigs & (1ull << s)) {
			syscall(SYS_tgkill, t->proc ? t->proc->pid : t->tid, t->tid, s);
			t->held_sigs &= ~(1ull << s);
		}
	}
}

static void resume_running(struct task *t, int sig)
{
	store_regs(t);
	t->state = TS_RUNNING;
	ptrace_resume(PTRACE_CONT, t->tid, sig);
	release_held(t);
}

void tracer_resume_running(struct task *t, int sig)
{
	resume_running(t, sig);
}

/* Skip the call with a restart code as its result: only at the exit stop can
 * the call's number go back, so the kernel restarts it (or makes it EINTR). */
static void restart_fix(struct task *t, int64_t value)
{
	t->regs.orig_rax = (unsigned long long)-1;
	t->regs.rax = (unsigned long long)value;
	t->regs_dirty = true;
	t->pending.value = value;
	store_regs(t);
	t->state = TS_RESTART_FIX;
	ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
}

/* The resume request for a task that stopped for something we pass over. */
static int resume_mode(const struct task *t)
{
	return t->state == TS_INJ_ENTRY || t->state == TS_INJ_RUN || t->state == TS_OBSERVE
		       ? PTRACE_SYSCALL
		       : PTRACE_CONT;
}

static void args_from_regs(const struct user_regs_struct *r, int64_t a[6])
{
	a[0] = (int64_t)r->rdi;
	a[1] = (int64_t)r->rsi;
	a[2] = (int64_t)r->rdx;
	a[3] = (int64_t)r->r10;
	a[4] = (int64_t)r->r8;
	a[5] = (int64_t)r->r9;
}

/* Do the registers hold this call (number and arguments)? */
static bool holds_call(const struct user_regs_struct *r, long nr, const int64_t a[6])
{
	return r->orig_rax == (unsigned long long)nr && r->rdi == (unsigned long long)a[0] &&
	       r->rsi == (unsigned long long)a[1] && r->rdx == (unsigned long long)a[2] &&
	       r->r10 == (unsigned long long)a[3] && r->r8 == (unsigned long long)a[4] &&
	       r->r9 == (unsigned long long)a[5];
}

/* Put a call into the registers; mark them dirty only if that changes them. */
static void call_to_regs(struct task *t, long nr, const int64_t a[6])
{
	struct user_regs_struct *r = &t->regs;
	if (holds_call(r, nr, a))
		return;
	unsigned long long v[6];
	for (int i = 0; i < 6; i++)
		v[i] = (unsigned long long)a[i];
	r->orig_rax = (unsigned long long)nr;
	r->rdi = v[0];
	r->rsi = v[1];
	r->rdx = v[2];
	r->r10 = v[3];
	r->r8 = v[4];
	r->r9 = v[5];
	t->regs_dirty = true;
}

void task_forget(revel_engine *e, struct task *t)
{
	struct proc *p = t->proc;
	if (t->state == TS_DELAYED)
		e->nheld--;
	fault_task_free(t);
	if (p && --p->nthreads <= 0)
		free(p);
	tasks_remove(&e->tasks, t->tid);
}

/* ---- task life ---- */

static void task_started(revel_engine *e, struct task *t)
{
	t->early_stop = false;
	if (e->opt.want_tasks) {
		t->state = TS_HELD;
		revel_event *ev = queue_push(e, REVEL_EV_TASK_NEW, t);
		ev->parent_tid = t->parent_tid;
		ev->flags = t->new_flags;
	} else {
		resume_running(t, 0);
	}
}

static void task_gone(revel_engine *e, struct task *t, int status)
{
	if (!t->proc) { /* seen stopped once, never claimed by a parent */
		tasks_remove(&e->tasks, t->tid);
		return;
	}
	if (t->tid == e->root_pid)
		e->root_status = status;
	if (e->opt.want_tasks) {
		revel_event *ev = queue_push(e, REVEL_EV_TASK_EXIT, t);
		ev->status = status;
		if (t->proc->nthreads == 1) {
			ev = queue_push(e, REVEL_EV_PROCESS_EXIT, t);
			ev->status = status;
		}
	}
	task_forget(e, t);
}

static void on_clone(revel_engine *e, struct task *t, int event)
{
	unsigned long msg = 0;
	ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &msg);
	pid_t child = (pid_t)msg;
	int flags = 0;
	if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK) {
		flags = REVEL_NEW_PROCESS | (event == PTRACE_EVENT_VFORK ? REVEL_NEW_VFORK : 0);
	} else {
		/* A CLONE event is a thread or a process with another exit signal:
		 * the flags of the call tell. */
		struct user_regs_struct r;
		uint64_t cflags = 0;
		if (ptrace(PTRACE_GETREGS, t->tid, NULL, &r) == 0) {
			if (r.orig_rax == SYS_clone3)
				revel_mem_read(e, t->tid, r.rdi, &cflags, sizeof cflags);
			else
				cflags = r.rdi;
		}
		if (!(cflags & CLONE_THREAD))
			flags = REVEL_NEW_PROCESS;
	}
	struct task *c = tasks_find(&e->tasks, child);
	if (!c) {
		c = tasks_add(&e->tasks, child);
		if (!c)
			abort();
		c->state = TS_NEW;
	}
	c->parent_tid = t->tid;
	c->new_flags = flags;
	c->proc = (flags & REVEL_NEW_PROCESS) ? proc_new(child) : t->proc;
	c->proc->nthreads++;
	if (c->early_stop)
		task_started(e, c);
	ptrace_resume(resume_mode(t), t->tid, 0);
}

static void on_exec(revel_engine *e, pid_t tid)
{
	unsigned long former = (unsigned long)tid;
	ptrace(PTRACE_GETEVENTMSG, tid, NULL, &former);
	if ((pid_t)former != tid) {
		/* A non-leader thread called execve: the leader is gone without an
		 * exit report, and the caller now has the leader's tid. */
		struct task *old = tasks_find(&e->tasks, tid);
		if (old)
			task_gone(e, old, 0);
		tasks_rekey(&e->tasks, (pid_t)former, tid);
	}
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return;
	if (t->proc)
		t->proc->gadget = 0; /* a new image, a new vDSO */
	t->replay_pending = false;
	t->regs_valid = false;
	/* An injected execve stops here before its exit stop: keep waiting for
	 * that after the caller has seen the exec. */
	bool injecting = t->state == TS_INJ_RUN;
	bool observing = t->state == TS_OBSERVE; /* execve's result comes at its exit */
	t->saved_stale = injecting;
	if (e->opt.want_tasks) {
		t->after_event = injecting ? TS_INJ_RUN : observing ? TS_OBSERVE : TS_RUNNING;
		t->is_signal = false;
		t->state = TS_EVENT;
		revel_event *ev = queue_push(e, REVEL_EV_EXEC, t);
		ev->former_tid = (pid_t)former;
	} else if (injecting || observing) {
		ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
	} else {
		resume_running(t, 0);
	}
}

/* ---- syscall stops ---- */

static void on_seccomp(revel_engine *e, struct task *t)
{
	if (t->state == TS_INJ_RUN) { /* our re-run injected call: let it go on */
		ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
		return;
	}
	if (!t->replay_pending && !e->any_handled && !e->has_rules) {
		ptrace_resume(PTRACE_CONT, t->tid, 0);
		return;
	}
	t->regs_valid = false;
	if (load_regs(t) < 0)
		return; /* gone; its exit report follows */
	if (t->replay_pending && t->regs.rip == t->replay_rip && t->regs.rsp == t->replay_rsp) {
		/* The re-run of a call the handler already decided on. */
		t->replay_pending = false;
		resume_running(t, 0);
		return;
	}
	long nr = (long)t->regs.orig_rax;
	t->saved = t->regs;
	if (e->has_rules && fault_on_seccomp(e, t, nr))
		return;
	if (nr < 0 || nr >= REVEL_NR_MAX || !e->opt.handled[nr]) {
		resume_running(t, 0);
		return;
	}
	if (e->observer && !t->fired && !e->unobserved[nr]) {
		int64_t args[6];
		args_from_regs(&t->regs, args);
		if (e->observer->enter(e->observer->ctx, e, t->tid, nr, args, t->regs.rsp) ==
		    REVEL_OBSERVE_DONE) {
			resume_running(t, 0);
			return;
		}
		t->state = TS_OBSERVE;
		t->regs_valid = false;
		ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
		return;
	}
	tracer_report_syscall(e, t);
}

/* Hand a stopped syscall (registers loaded) to the caller. */
void tracer_report_syscall(revel_engine *e, struct task *t)
{
	t->saved = t->regs;
	t->state = TS_SECCOMP;
	revel_event *ev = queue_push(e, REVEL_EV_SYSCALL, t);
	ev->nr = (long)t->regs.orig_rax;
	args_from_regs(&t->regs, ev->args);
	if (t->fired && t->fired->fault) {
		/* A rule will fail this call unless the tool decides otherwise. */
		ev->flags |= REVEL_EVF_FAULT;
		ev->result = t->fired->value;
	}
}

static int syscall_stop_op(pid_t tid)
{
	struct __ptrace_syscall_info info;
	if (ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof info, &info) <= 0)
		return -1;
	return info.op;
}

static void start_free_injection(revel_engine *e, struct task *t, const revel_action *a);
static void set_restart(struct task *t, int64_t code);

static void on_syscall_stop(revel_engine *e, struct task *t)
{
	if (t->state == TS_INJ_ENTRY) {
		/* Only the entry of our call: an exit stop here is the tail of
		 * the syscall the task was in when the chain began. */
		if (syscall_stop_op(t->tid) == PTRACE_SYSCALL_INFO_EXIT) {
			ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
			return;
		}
		t->state = TS_INJ_RUN;
		ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
		return;
	}
	if (t->state == TS_INJ_PREP) { /* execve's own exit: now inject */
		t->regs_valid = false;
		if (load_regs(t) < 0)
			return;
		t->saved = t->regs;
		start_free_injection(e, t, &t->pending);
		return;
	}
	if (t->state == TS_FAULT_EXIT) {
		fault_on_exit(e, t);
		return;
	}
	if (t->state == TS_OBSERVE) {
		/* Only rax is needed: one word, not the whole register set. */
		errno = 0;
		long rax = ptrace(PTRACE_PEEKUSER, t->tid,
				  (void *)offsetof(struct user_regs_struct, rax), NULL);
		if (errno)
			return; /* gone; its exit report follows */
		if (e->observer)
			e->observer->exit(e->observer->ctx, e, t->tid, rax);
		resume_running(t, 0);
		return;
	}
	if (t->state == TS_RESTART_FIX) {
		/* The call was skipped; with its number back in orig_rax the kernel
		 * restarts it, or turns the code into EINTR for a signal handler,
		 * as it would for the call itself. */
		t->regs_valid = false;
		if (load_regs(t) < 0)
			return;
		set_restart(t, t->pending.value);
		resume_running(t, 0);
		return;
	}
	if (t->state != TS_INJ_RUN) { /* not ours to look at */
		ptrace_resume(PTRACE_CONT, t->tid, 0);
		return;
	}
	t->regs_valid = false;
	if (load_regs(t) < 0)
		return;
	t->state = TS_INJ_EXIT;
	revel_event *ev = queue_push(e, REVEL_EV_INJECTED, t);
	ev->nr = (long)t->regs.orig_rax;
	ev->result = (int64_t)t->regs.rax;
}

static void on_signal(revel_engine *e, struct task *t, int sig)
{
	if (t->state == TS_INJ_ENTRY) {
		/* Delivering now would run the guest's handler between our rewind
		 * and the injected call; hold it until the chain is over. */
		if (sig > 0 && sig < 64)
			t->held_sigs |= 1ull << sig;
		ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
		return;
	}
	if (t->state == TS_INJ_RUN) {
		ptrace_resume(PTRACE_SYSCALL, t->tid, sig);
		return;
	}
	if (e->opt.want_signals) {
		t->state = TS_EVENT;
		t->is_signal = true;
		t->after_event = TS_RUNNING;
		queue_push(e, REVEL_EV_SIGNAL, t)->sig = sig;
		return;
	}
	ptrace_resume(PTRACE_CONT, t->tid, sig);
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void on_wait(revel_engine *e, pid_t tid, int status)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		if (t)
			task_gone(e, t, status);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	int sig = WSTOPSIG(status);
	int event = (unsigned)status >> 16;
	if (event == PTRACE_EVENT_EXEC) {
		on_exec(e, tid);
		return;
	}
	if (!t) {
		/* A new task stopped before its parent's clone event told us of it:
		 * keep it stopped until then. */
		t = tasks_add(&e->tasks, tid);
		if (!t)
			abort();
		t->state = TS_NEW;
		t->early_stop = true;
		return;
	}
	if (t->state == TS_NEW) {
		if (t->proc)
			task_started(e, t);
		else
			t->early_stop = true;
		return;
	}
	switch (event) {
	case PTRACE_EVENT_SECCOMP:
		on_seccomp(e, t);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		on_clone(e, t, event);
		return;
	case PTRACE_EVENT_STOP:
		if (is_stop_signal(sig)) /* group-stop: stay stopped, hear SIGCONT */
			ptrace(PTRACE_LISTEN, tid, NULL, NULL);
		else
			ptrace_resume(resume_mode(t), tid, 0);
		return;
	case 0:
		if (sig == (SIGTRAP | 0x80))
			on_syscall_stop(e, t);
		else
			on_signal(e, t, sig);
		return;
	default:
		ptrace_resume(resume_mode(t), tid, 0);
		return;
	}
}

int revel_next(revel_engine *e, revel_event *ev)
{
	for (;;) {
		if (queue_pop(e, ev))
			return 0;
		if (e->tasks.count == 0) {
			memset(ev, 0, sizeof *ev);
			ev->kind = REVEL_EV_DONE;
			ev->pid = e->root_pid;
			ev->status = e->root_status;
			return 0;
		}
		int status;
		int wait_ms = fault_timers(e);
		if (e->qlen)
			continue;
		pid_t tid = waitpid(-1, &status, __WALL | (wait_ms >= 0 ? WNOHANG : 0));
		if (tid == 0) {
			/* Threads are held by delays: wait for a child or the next due
			 * time. SIGCHLD is blocked, so none is lost in between. */
			sigset_t chld;
			sigemptyset(&chld);
			sigaddset(&chld, SIGCHLD);
			struct timespec ts = {wait_ms / 1000, (long)(wait_ms % 1000) * 1000000};
			sigtimedwait(&chld, NULL, &ts);
			continue;
		}
		if (tid < 0) {
			if (errno == EINTR)
				return -EINTR; /* let the caller look at its signals */
			if (errno == ECHILD) { /* nothing left to wait for */
				size_t i = 0;
				struct task *t;
				while ((t = tasks_next(&e->tasks, &i)))
					task_forget(e, t);
				continue;
			}
			return -errno;
		}
		on_wait(e, tid, status);
	}
}

/* ---- answers ---- */

static void start_injection(struct task *t, const revel_action *a, bool rewound)
{
	call_to_regs(t, a->nr, a->args);
	store_regs(t);
	t->state = rewound ? TS_INJ_ENTRY : TS_INJ_RUN;
	ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
}

/* ERESTARTSYS .. ERESTART_RESTARTBLOCK: never seen by a guest, they ask the
 * kernel to restart the call or fail it with EINTR. */
static bool is_restart_code(int64_t v)
{
	return v <= -512 && v >= -516;
}

static void restore_general(struct user_regs_struct *r, const struct user_regs_struct *s);

/* Is a signal pending that the thread does not block? (/proc/TID/status) */
static bool signal_pending(pid_t tid)
{
	char path[64], buf[2048];
	snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = 0;
	unsigned long long pnd = 0, shd = 0, blk = 0;
	char *p;
	if ((p = strstr(buf, "SigPnd:")))
		pnd = strtoull(p + 7, NULL, 16);
	if ((p = strstr(buf, "ShdPnd:")))
		shd = strtoull(p + 7, NULL, 16);
	if ((p = strstr(buf, "SigBlk:")))
		blk = strtoull(p + 7, NULL, 16);
	return ((pnd | shd) & ~blk) != 0;
}

/* At a syscall's exit stop, with the guest's registers in t->regs: make the
 * result a restart code as the kernel would treat it for the original call.
 * With a signal pending the kernel decides (restart, or EINTR for a handler
 * without SA_RESTART); with none, it would restart the call: rewind to its
 * syscall instruction ourselves, as the kernel does. */
static void set_restart(struct task *t, int64_t code)
{
	restore_general(&t->regs, &t->saved);
	if (signal_pending(t->tid)) {
		t->regs.orig_rax = t->saved.orig_rax;
		t->regs.rax = (unsigned long long)code;
	} else {
		t->regs.orig_rax = (unsigned long long)-1;
		t->regs.rax = t->saved.orig_rax;
		t->regs.rip = t->saved.rip - SYSCALL_INSN_LEN;
	}
	t->regs_dirty = true;
}

/* A syscall instruction in the vDSO: where a task that is not stopped in a
 * syscall can be made to run one. */
static uint64_t find_gadget(revel_engine *e, struct task *t)
{
	if (t->proc && t->proc->gadget)
		return t->proc->gadget;
	char path[64], line[512];
	snprintf(path, sizeof path, "/proc/%d/maps", (int)t->tid);
	FILE *f = fopen(path, "re");
	if (!f)
		return 0;
	uint64_t lo = 0, hi = 0, found = 0;
	while (fgets(line, sizeof line, f)) {
		if (strstr(line, "[vdso]") && sscanf(line, "%lx-%lx", &lo, &hi) == 2)
			break;
		lo = hi = 0;
	}
	fclose(f);
	unsigned char buf[4096];
	for (uint64_t at = lo; at < hi && !found; at += sizeof buf) {
		ssize_t n = revel_mem_read(e, t->tid, at, buf, sizeof buf);
		for (ssize_t i = 0; i + 1 < n; i++) {
			if (buf[i] == 0x0f && buf[i + 1] == 0x05) {
				found = at + (uint64_t)i;
				break;
			}
		}
	}
	if (t->proc)
		t->proc->gadget = found;
	return found;
}

static void start_free_injection(revel_engine *e, struct task *t, const revel_action *a)
{
	uint64_t gadget = find_gadget(e, t);
	t->free_inj = true;
	t->regs = t->saved;
	t->regs.rip = gadget;
	t->regs.rax = (unsigned long long)a->nr;
	t->regs.orig_rax = (unsigned long long)-1;
	call_to_regs(t, a->nr, a->args);
	t->regs.orig_rax = (unsigned long long)-1;
	t->regs_dirty = true;
	store_regs(t);
	t->state = TS_INJ_ENTRY;
	ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
}

/* Answers at a stop that is not a syscall: inject through the gadget, or let
 * the task go on with its registers as they were. */
static int answer_free(revel_engine *e, struct task *t, const revel_action *a)
{
	if (a->kind == REVEL_ACT_INJECT) {
		if (!t->free_inj) {
			if (!find_gadget(e, t))
				return -ENOSYS;
			if (t->state == TS_EVENT) {
				/* An exec stop comes before execve's exit stop,
				 * which still sets rax: inject after it. */
				t->pending = *a;
				t->free_inj = true;
				t->state = TS_INJ_PREP;
				ptrace_resume(PTRACE_SYSCALL, t->tid, 0);
				return 0;
			}
			int rc = load_regs(t);
			if (rc < 0)
				return rc;
			t->saved = t->regs;
		}
		start_free_injection(e, t, a);
		return 0;
	}
	if (a->kind == REVEL_ACT_TAIL)
		return -EINVAL;
	if (t->free_inj) {
		t->regs = t->saved;
		t->regs_dirty = true;
		t->free_inj = false;
	}
	resume_running(t, a->sig);
	return 0;
}

/* The registers a syscall leaves alone, back from before an injection. Not
 * fs/gs base: an injected arch_prctl may have changed them, and that stays. */
static void restore_general(struct user_regs_struct *r, const struct user_regs_struct *s)
{
	r->r15 = s->r15;
	r->r14 = s->r14;
	r->r13 = s->r13;
	r->r12 = s->r12;
	r->rbp = s->rbp;
	r->rbx = s->rbx;
	r->r10 = s->r10;
	r->r9 = s->r9;
	r->r8 = s->r8;
	r->rdx = s->rdx;
	r->rsi = s->rsi;
	r->rdi = s->rdi;
	r->rip = s->rip;
	r->rsp = s->rsp;
	r->eflags = s->eflags;
}

static int answer_syscall(revel_engine *e, struct task *t, const revel_action *a)
{
	bool after_inject = t->state == TS_INJ_EXIT;
	if (t->fired && a->kind != REVEL_ACT_INJECT) {
		/* A rule's fault stands until the tool's final answer: injections
		 * on the way leave it be. */
		const struct revel_inject_rule *r = t->fired;
		bool unchanged = holds_call(&t->saved, a->nr, a->args);
		/* The tool let the call run, or gave it the rule's own result (it
		 * asked for the call's result and got the rule's): the rule has it. */
		if (!after_inject && ((a->kind == REVEL_ACT_CONTINUE && unchanged) ||
				      (a->kind == REVEL_ACT_RETURN && r->fault && a->value == r->value))) {
			fault_apply(e, t);
			return 0;
		}
		t->fired = NULL; /* the tool decided otherwise */
		if (a->kind == REVEL_ACT_CONTINUE && unchanged && after_inject && r->fault) {
			revel_action ret = *a;
			ret.kind = REVEL_ACT_RETURN;
			ret.value = r->value;
			return answer_syscall(e, t, &ret);
		}
	}
	if (after_inject && t->saved_stale) {
		/* An injected execve succeeded: there is no original call left to
		 * run, only the new image with the result in rax. */
		t->saved_stale = false;
		if (a->kind != REVEL_ACT_RETURN)
			return -EINVAL;
		t->regs.rax = (unsigned long long)a->value;
		t->regs_dirty = true;
		resume_running(t, 0);
		return 0;
	}
	if (after_inject && a->kind == REVEL_ACT_RETURN) {
		/* The guest's registers after a syscall: its own, but rax (and
		 * rcx, r11, which the syscall instruction clobbers anyway). The
		 * common case, the original call run to learn its result, writes
		 * nothing back. */
		struct user_regs_struct want = t->regs;
		restore_general(&want, &t->saved);
		want.rax = (unsigned long long)a->value;
		if (is_restart_code(a->value)) {
			t->regs = want;
			set_restart(t, a->value);
		} else if (memcmp(&want, &t->regs, sizeof want) != 0) {
			t->regs = want;
			t->regs_dirty = true;
		}
		resume_running(t, 0);
		return 0;
	}
	if (after_inject) {
		/* Back to the registers of the original call, then decide. The
		 * syscall number -1 keeps the kernel's restart logic out of it. */
		restore_general(&t->regs, &t->saved);
		t->regs.orig_rax = (unsigned long long)-1;
		t->regs_dirty = true;
	}
	switch (a->kind) {
	case REVEL_ACT_RETURN:
		t->regs.orig_rax = (unsigned long long)-1; /* skip the call */
		t->regs.rax = (unsigned long long)a->value;
		t->regs_dirty = true;
		if (is_restart_code(a->value)) {
			restart_fix(t, a->value);
			return 0;
		}
		resume_running(t, 0);
		return 0;
	case REVEL_ACT_CONTINUE:
	case REVEL_ACT_TAIL:
		if (!after_inject) {
			call_to_regs(t, a->nr, a->args);
			resume_running(t, 0);
			return 0;
		}
		/* Run it again from its syscall instruction. */
		t->regs.rip -= SYSCALL_INSN_LEN;
		call_to_regs(t, a->nr, a->args);
		t->regs.rax = (unsigned long long)a->nr;
		t->regs.orig_rax = (unsigned long long)-1;
		t->regs_dirty = true;
		if (revel_subscribed(e, a->nr)) {
			t->replay_pending = true;
			t->replay_rip = t->saved.rip;
			t->replay_rsp = t->saved.rsp;
		}
		resume_running(t, 0);
		return 0;
	case REVEL_ACT_INJECT:
		if (!after_inject) {
			start_injection(t, a, false);
			return 0;
		}
		t->regs.rip -= SYSCALL_INSN_LEN;
		call_to_regs(t, a->nr, a->args);
		t->regs.rax = (unsigned long long)a->nr;
		t->regs.orig_rax = (unsigned long long)-1;
		t->regs_dirty = true;
		start_injection(t, a, true);
		return 0;
	default:
		return -EINVAL;
	}
}

int revel_resume(revel_engine *e, pid_t tid, const revel_action *a)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return -ESRCH;
	if (t->state == TS_INJ_EXIT && t->free_inj)
		return answer_free(e, t, a);
	switch (t->state) {
	case TS_HELD:
		return answer_free(e, t, a);
	case TS_EVENT:
		if (a->kind == REVEL_ACT_INJECT && t->after_event == TS_RUNNING && !t->is_signal)
			return answer_free(e, t, a);
		if (t->after_event == TS_INJ_RUN || t->after_event == TS_OBSERVE) {
			t->state = t->after_event;
			store_regs(t);
			ptrace_resume(PTRACE_SYSCALL, t->tid, a->sig);
		} else {
			resume_running(t, a->sig);
		}
		return 0;
	case TS_SECCOMP:
	case TS_INJ_EXIT:
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
	if (t->state == TS_RUNNING || t->state == TS_NEW || t->state == TS_INJ_ENTRY ||
	    t->state == TS_INJ_RUN)
		return -EBUSY;
	int rc = load_regs(t);
	if (rc == 0)
		*out = t->regs;
	return rc;
}

int revel_set_regs(revel_engine *e, pid_t tid, const struct user_regs_struct *in)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return -ESRCH;
	if (t->state == TS_RUNNING || t->state == TS_NEW || t->state == TS_INJ_ENTRY ||
	    t->state == TS_INJ_RUN)
		return -EBUSY;
	int rc = load_regs(t);
	if (rc == 0) {
		t->regs = *in;
		t->regs_dirty = true;
	}
	return rc;
}

int revel_get_siginfo(revel_engine *e, pid_t tid, void *info)
{
	struct task *t = tasks_find(&e->tasks, tid);
	if (!t)
		return -ESRCH;
	if (t->state != TS_EVENT)
		return -EBUSY;
	if (ptrace(PTRACE_GETSIGINFO, tid, NULL, info) < 0)
		return -errno;
	return 0;
}
