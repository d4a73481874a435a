/* resume.c: setting a stopped task going again: the moves of the tracer's
 * state machine that more than one state makes. After an injection the
 * original call, or the next injection, runs by rewinding the guest onto its
 * syscall instruction. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "resume.h"

/* Signals held while an injection chain ran go out once it is over. */
static void release_held(struct task *t)
{
	for (int s = 1; t->held_sigs && s < 64; s++) {
		if (t->held_sigs & (1ull << s)) {
			syscall(SYS_tgkill, t->proc ? t->proc->pid : t->tid, t->tid, s);
			t->held_sigs &= ~(1ull << s);
			/* Its own siginfo goes back at its delivery stop. */
			if (t->held_valid & (1ull << s))
				t->requeued |= 1ull << s;
			else
				t->requeued &= ~(1ull << s);
			t->held_valid &= ~(1ull << s);
		}
	}
	if (t->own_held) {
		/* rt_tgsigqueueinfo keeps si_code SI_TIMER and the timer's id. A
		 * perf overflow's POLL_IN may not be queued to another process
		 * (EPERM): it goes as SI_QUEUE from our pid, si_fd kept, which
		 * revel._perftimer takes as its own. */
		t->own_held = false;
		if (t->own_info.si_code > 0) {
			t->own_info.si_code = SI_QUEUE;
			t->own_info.si_pid = getpid();
		}
		syscall(SYS_rt_tgsigqueueinfo, t->proc ? t->proc->pid : t->tid, t->tid,
		        t->own_info.si_signo, &t->own_info);
	}
}

void resume_running(struct task *t, int sig)
{
	t->state = TS_RUNNING;
	task_cont(t, sig);
	release_held(t);
}

void call_to_regs(struct task *t, long nr, const int64_t a[6])
{
	if (reg_holds_call(&t->regs, nr, a))
		return;
	reg_set_nr(&t->regs, nr);
	reg_set_args(&t->regs, a);
	task_regs_dirty(t);
}

/* Only at the exit stop can the call's number go back, so the kernel
 * restarts it (or makes it EINTR). */
void restart_fix(struct task *t, int64_t code)
{
	reg_set_nr(&t->regs, REG_NO_CALL);
	reg_set_result(&t->regs, code);
	task_regs_dirty(t);
	t->restart_code = code;
	t->state = TS_RESTART_FIX;
	task_syscall(t, 0);
}

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

/* With a signal pending the kernel decides (restart, or EINTR for a handler
 * without SA_RESTART); with none, it would restart the call: rewind to its
 * syscall instruction ourselves, as the kernel does. */
void set_restart(struct task *t, int64_t code)
{
	reg_restore_general(&t->regs, &t->saved);
	if (signal_pending(t->tid)) {
		reg_set_nr(&t->regs, reg_nr(&t->saved));
		reg_set_result(&t->regs, code);
	} else {
		reg_restart(&t->regs, &t->saved);
	}
	task_regs_dirty(t);
}

void start_injection(struct task *t, const revel_action *a, bool rewound)
{
	call_to_regs(t, a->nr, a->args);
	t->state = rewound ? TS_INJ_ENTRY : TS_INJ_RUN;
	task_syscall(t, 0);
}

/* A syscall instruction in the vDSO: where a task that is not stopped in a
 * syscall can be made to run one. */
uint64_t find_gadget(revel_engine *e, struct task *t)
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

void start_free_injection(revel_engine *e, struct task *t, const revel_action *a)
{
	uint64_t gadget = find_gadget(e, t);
	t->chain = CHAIN_FREE;
	t->regs = t->saved;
	reg_set_ip(&t->regs, gadget);
	reg_set_args(&t->regs, a->args);
	/* The instruction takes its number from the result register; no call
	 * in the number keeps the kernel's restart logic out of it. */
	reg_set_result(&t->regs, a->nr);
	reg_set_nr(&t->regs, REG_NO_CALL);
	task_regs_dirty(t);
	t->state = TS_INJ_ENTRY;
	task_syscall(t, 0);
}

void report_syscall(revel_engine *e, struct task *t)
{
	if (!t->saved_partial)
		t->saved = t->regs;
	t->state = TS_SECCOMP;
	revel_event *ev = tracer_event(e, REVEL_EV_SYSCALL, t);
	ev->nr = reg_nr(&t->saved);
	reg_args(&t->saved, ev->args);
	if (t->fired.fired && t->fired.fault) {
		/* A rule will fail this call unless the tool decides otherwise. */
		ev->flags |= REVEL_EVF_FAULT;
		ev->result = t->fired.value;
	}
}
