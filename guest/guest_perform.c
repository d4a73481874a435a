/* The guest's calls the in-guest handler must run itself rather than pass to
 * the kernel as they are: the ones that would break the handler's frame
 * (sigreturn, fork, vfork, clone onto a new stack), change what it keeps for
 * the guest (signal masks and actions, SIGSYS's) or leave the library
 * (execve), and the exit hooks. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "guest_core.h"
#include "guest_exec.h"
#include "guest_faults.h"
#include "guest_filters.h"
#include "guest_hooks.h"
#include "guest_signals.h"
#include "guest_sigwrap.h"
#include "guest_sud.h"
#include "guest_tblock.h"
#include "guest_vdso.h"
#include "rewrite.h"

extern long revel_clone_stub(long nr, const greg_t *gregs, unsigned long child_sp);

static long clone_flags(long nr, const long *a, unsigned long *sp, unsigned long *tls)
{
	if (nr == SYS_clone) {
		*sp = (unsigned long)a[1];
		*tls = (unsigned long)a[4];
		return a[0];
	}
	struct clone_args ca;
	memset(&ca, 0, sizeof ca);
	size_t n = (size_t)a[1] < sizeof ca ? (size_t)a[1] : sizeof ca;
	struct iovec li = {&ca, n}, ri = {(void *)a[0], n};
	if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0) != (long)n)
		return -1;
	*sp = ca.stack ? (unsigned long)(ca.stack + ca.stack_size) : 0;
	*tls = (unsigned long)ca.tls;
	return (long)ca.flags;
}

/* Runs the guest's call nr(a) and returns its result; the special ones are
 * kept from breaking the handler's frame or the guest's view. */
long guest_perform(ucontext_t *uc, long nr, long *a)
{
	greg_t *gr = uc->uc_mcontext.gregs;
	uint64_t tmask;
	struct {
		long set;
		long len;
	} ps;
	switch (nr) {
	case SYS_rt_sigsuspend:
		if (strip_mask(&a[0], &tmask))
			return -EFAULT;
		break;
	case SYS_ppoll:
		if (strip_mask(&a[3], &tmask))
			return -EFAULT;
		break;
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
		if (strip_mask(&a[4], &tmask))
			return -EFAULT;
		break;
	case SYS_pselect6:
		if (a[5]) {
			struct iovec li = {&ps, sizeof ps}, ri = {(void *)a[5], sizeof ps};
			if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1,
			              0) != (long)sizeof ps ||
			    strip_mask(&ps.set, &tmask))
				return -EFAULT;
			a[5] = (long)&ps;
		}
		break;
	case SYS_rt_sigreturn:
		gr[REG_RIP] = (greg_t)gate.sigreturn;
		return SYS_rt_sigreturn; /* rax at the gate */
	case SYS_rt_sigprocmask:
		return sigprocmask_of(uc, a[0], (const uint64_t *)a[1], (uint64_t *)a[2], a[3]);
	case SYS_rt_sigaction:
		if (a[0] == SIGSYS)
			return sigsys_action((const struct ksigaction *)a[1],
			                     (struct ksigaction *)a[2], a[3]);
		return sigwrap_action(a[0], (const struct ksigaction *)a[1],
		                      (struct ksigaction *)a[2], a[3]);
	case SYS_vfork: /* the child would run on this handler's stack: a fork */
		nr = SYS_fork;
		/* fall through */
	case SYS_fork: {
		long r = guest_raw(nr, 0, 0, 0, 0, 0, 0);
		if (r == 0)
			guest_after_fork_child();
		return r;
	}
	case SYS_clone:
	case SYS_clone3: {
		unsigned long sp, tls;
		long fl = clone_flags(nr, a, &sp, &tls);
		if (fl == -1)
			return -EFAULT;
		if ((fl & CLONE_VM) && sp) {
			/* a TLS the library did not set up (none, or the guest's own):
			 * the child runs the library on a block of its own */
			unsigned long blk = guest_tblock_needed(fl, tls) ? guest_tblock_new() : 0;
			int own = (fl & CLONE_SETTLS) || blk;
			((uint64_t *)sp)[-1] = (uint64_t)gr[REG_RIP];
			((uint64_t *)sp)[-2] = *guest_mask(uc);
			/* the creator, for init_thread; 0 for a child on its creator's
			 * TLS (posix_spawn's), which may not run the tool at its start */
			((uint64_t *)sp)[-3] = own ? (uint64_t)guest_tid : 0;
			((uint64_t *)sp)[-4] = own; /* its own handler stack */
			((uint64_t *)sp)[-5] = blk;
			((uint64_t *)sp)[-6] = (uint64_t)guest_filters_mine(); /* inherited */
			gr[REG_RDI] = a[0], gr[REG_RSI] = a[1], gr[REG_RDX] = a[2];
			gr[REG_R10] = a[3], gr[REG_R8] = a[4], gr[REG_R9] = a[5];
			int tid = guest_tid;
			if (fl & CLONE_THREAD)
				guest_threaded = 1;
			long r = revel_clone_stub(nr, gr, sp);
			/* A child without CLONE_SETTLS (posix_spawn's) shares this TLS:
			 * take the selector and tid back. */
			revel_sel = SEL_ALLOW;
			guest_tid = tid;
			return r;
		}
		if (fl & CLONE_VM) { /* vfork-like on this stack: run it as a fork */
			if (nr == SYS_clone3)
				return -ENOSYS; /* glibc falls back to clone */
			a[0] &= ~(long)(CLONE_VM | CLONE_VFORK);
		}
		long r = guest_raw(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		if (r == 0)
			guest_after_fork_child();
		return r;
	}
	case SYS_execve:
	case SYS_execveat: {
		guest_hooks_exec();   /* g.process and g.thread live on in the new program */
		guest_faults_exec(1); /* so do the thread's fault rule counts */
		long r = guest_execve(nr, a, run_open, uc);
		guest_hooks_exec_failed();
		guest_faults_exec(0);
		return r;
	}
	case SYS_exit:
	case SYS_exit_group:
		guest_hooks_exit(nr, a[0]); /* exit_thread, exit_process */
		if (nr == SYS_exit)
			guest_tblock_exit();
		break;
	case SYS_seccomp:
	case SYS_prctl: {
		if (nr == SYS_prctl && a[0] == PR_SET_SYSCALL_USER_DISPATCH_)
			return guest_sud_prctl(a); /* the library's dispatch stays */
		long r = guest_raw(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		guest_seccomp_check(); /* a filter of the guest's own now? */
		guest_filters_loaded(nr, a, r);
		return r;
	}
	}
	if (may_block(nr))
		return run_open(uc, nr, a);
	if (guest_seccomp && uc->uc_flags != UC_FAST) {
		/* The guest's filter may trap this call (SECCOMP_RET_TRAP): its
		 * SIGSYS must reach the guest's handler (forward_sigsys), not find
		 * it blocked in this handler, which would kill the process. */
		uint64_t m = BIT(SIGSYS);
		guest_raw(SYS_rt_sigprocmask, SIG_UNBLOCK, (long)&m, 0, 8, 0, 0);
		long r = guest_raw(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		guest_raw(SYS_rt_sigprocmask, SIG_BLOCK, (long)&m, 0, 8, 0, 0);
		return r;
	}
	return guest_raw(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

int guest_seccomp;

void guest_seccomp_check(void)
{
	guest_seccomp = guest_raw(SYS_prctl, PR_GET_SECCOMP, 0, 0, 0, 0, 0) == 2;
}

/* Calls that may take the fast path of a rewritten site: not the ones
 * guest_perform() must see (signal masks and actions, clone, fork, exec,
 * sigreturn). */
int guest_fast_ok(long nr)
{
	switch (nr) {
	case SYS_rt_sigreturn:
	case SYS_rt_sigprocmask:
	case SYS_rt_sigaction:
	case SYS_vfork:
	case SYS_fork:
	case SYS_clone:
	case SYS_clone3:
	case SYS_execve:
	case SYS_execveat:
	case SYS_rt_sigsuspend:
	case SYS_ppoll:
	case SYS_pselect6:
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
	case SYS_prctl:
	case SYS_exit: /* the exit hooks run in guest_perform() */
	case SYS_exit_group:
		return 0;
	}
	return 1;
}
