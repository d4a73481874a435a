/* The signal side of the in-guest library: the guest's signal mask and
 * SIGSYS action kept apart from the handler's, and a guest call run with the
 * guest's own mask (guest/guest_dispatch.c has the handler). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <ucontext.h>
#include <unistd.h>

#include "guest_signals.h"
#include "guest_sigwrap.h"
#include "guest_tblock.h"
#include "rewrite.h"
#include "../engine/src/waiting_calls.h"

static struct ksigaction guest_sigsys; /* the guest's own SIGSYS action, kept aside */

uint64_t *guest_mask(ucontext_t *uc)
{
	return (uint64_t *)&uc->uc_sigmask;
}

/* rt_sigprocmask: the mask to change is the one sigreturn puts back. SIGSYS
 * stays open (a trap with it blocked would kill the process). */
long sigprocmask_of(ucontext_t *uc, long how, const uint64_t *set, uint64_t *old, long size)
{
	if (size != 8)
		return -EINVAL;
	uint64_t cur = *guest_mask(uc), want;
	if (set) {
		struct iovec li = {&want, 8}, ri = {(void *)set, 8};
		if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0) != 8)
			return -EFAULT;
	}
	if (old) {
		struct iovec li = {&cur, 8}, ri = {old, 8};
		if (guest_raw(SYS_process_vm_writev, revel_pid, (long)&li, 1, (long)&ri, 1, 0) != 8)
			return -EFAULT;
	}
	if (!set)
		return 0;
	if (how == SIG_BLOCK)
		cur |= want;
	else if (how == SIG_UNBLOCK)
		cur &= ~want;
	else if (how == SIG_SETMASK)
		cur = want;
	else
		return -EINVAL;
	*guest_mask(uc) = cur & ~UNBLOCKABLE;
	return 0;
}

/* rt_sigaction(SIGSYS): the guest's action is kept aside; the handler passes
 * it the SIGSYS it did not cause (a guest's own seccomp trap, a kill). */
long sigsys_action(const struct ksigaction *act, struct ksigaction *old, long size)
{
	if (size != 8)
		return -EINVAL;
	if (old)
		memcpy(old, &guest_sigsys, sizeof *old);
	if (act)
		memcpy(&guest_sigsys, act, sizeof guest_sigsys);
	return 0;
}

void forward_sigsys(int sig, siginfo_t *si, ucontext_t *uc)
{
	void *h = guest_sigsys.handler;
	if (h == SIG_IGN)
		return;
	if (h == SIG_DFL) { /* die of it, as the guest would */
		struct ksigaction dfl = {SIG_DFL, 0, NULL, 0};
		guest_raw(SYS_rt_sigaction, SIGSYS, (long)&dfl, 0, 8, 0, 0);
		uint64_t m = ~BIT(SIGSYS);
		guest_raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&m, 0, 8, 0, 0);
		guest_raw(SYS_tgkill, revel_pid, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0), SIGSYS, 0,
		          0, 0);
		return;
	}
	uint64_t m = (*guest_mask(uc) | guest_sigsys.mask) & ~UNBLOCKABLE, saved;
	revel_sel = SEL_BLOCK;
	gate.syscall(SYS_rt_sigprocmask, SIG_SETMASK, (long)&m, (long)&saved, 8, 0, 0);
	unsigned long back = guest_tblock_out(); /* the guest's thread pointer */
	if (guest_sigsys.flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))h)(sig, si, uc);
	else
		((void (*)(int))h)(sig);
	guest_tblock_in(back);
	gate.syscall(SYS_rt_sigprocmask, SIG_SETMASK, (long)&saved, 0, 8, 0, 0);
	revel_sel = SEL_ALLOW;
}

/* A call that may block: run it with the guest's mask, the selector at BLOCK. */
/* Calls the kernel never restarts after a signal, handler or not: they
 * return EINTR under ptrace too (signal(7)). */
int restartable(long nr)
{
	switch (nr) {
	case SYS_epoll_wait:
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
	case SYS_semop:
	case SYS_semtimedop:
	case SYS_io_getevents:
	case SYS_rt_sigtimedwait:
		return 0;
	}
	return 1;
}

/* The call, again while an EINTR came only of signals that ran no handler
 * of the guest's (sigwrap_quiet_only()): the kernel restarts it then. A
 * relative sleep with room for the rest goes on for the rest. */
static long run_restarting(long nr, const long *a)
{
	long b[6];
	memcpy(b, a, sizeof b);
	for (;;) {
		sigwrap_quiet_begin();
		long r = gate.syscall(nr, b[0], b[1], b[2], b[3], b[4], b[5]);
		if (r != -EINTR || !sigwrap_quiet_only() || !restartable(nr))
			return r;
		if (nr == SYS_nanosleep && b[1])
			b[0] = b[1];
		else if (nr == SYS_clock_nanosleep && !(b[1] & 1) && b[3]) /* not TIMER_ABSTIME */
			b[2] = b[3];
	}
}

long run_open(ucontext_t *uc, long nr, const long *a)
{
	if (uc->uc_flags == UC_FAST) { /* the guest's mask is in force: open the tool's hold */
		revel_sel = SEL_BLOCK;
		revel_in_tool = 0;
		sigwrap_flush();
		long r = run_restarting(nr, a);
		revel_in_tool = 1;
		revel_sel = SEL_ALLOW;
		return r;
	}
	uint64_t m = *guest_mask(uc) & ~UNBLOCKABLE, saved;
	guest_raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&m, (long)&saved, 8, 0, 0);
	revel_sel = SEL_BLOCK;
	long r = run_restarting(nr, a);
	revel_sel = SEL_ALLOW;
	guest_raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&saved, 0, 8, 0, 0);
	return r;
}

/* The calls that can wait for the world, and those that sleep in the
 * kernel long enough that a signal should find the guest's own mask. */
int may_block(long nr)
{
	if (call_may_wait(nr))
		return 1;
	switch (nr) {
	case SYS_read:
	case SYS_write:
	case SYS_readv:
	case SYS_writev:
	case SYS_pread64:
	case SYS_pwrite64:
	case SYS_splice:
	case SYS_sendfile:
	case SYS_copy_file_range:
	case SYS_ioctl:
	case SYS_fsync:
	case SYS_fdatasync:
	case SYS_sync:
	case SYS_io_uring_enter:
		return 1;
	}
	return 0;
}

/* A mask the guest hands the kernel (a handler's sa_mask, sigsuspend's,
 * ppoll's...) with SIGSYS in it: a call of the guest made while it is in
 * force would trap with SIGSYS blocked, which kills. The copy without it is
 * the one the kernel gets; *slot is pointed at it (t: the caller's storage). */
int strip_mask(long *slot, uint64_t *t)
{
	if (!*slot)
		return 0;
	struct iovec li = {t, 8}, ri = {(void *)*slot, 8};
	if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0) != 8)
		return -EFAULT;
	if (*t & BIT(SIGSYS)) {
		*t &= ~BIT(SIGSYS);
		*slot = (long)t;
	}
	return 0;
}
