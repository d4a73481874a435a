/* The guest's signal handlers behind a wrapper, so that the fast path of a
 * rewritten call site (guest/rewrite.c, revel_fast_dispatch()) can run the
 * tool with signals open instead of paying two rt_sigprocmask per call.
 *
 * Every handler the guest installs with rt_sigaction (SIGSYS apart, see
 * guest_signals.c) is installed as revel_sig_wrapper with SA_SIGINFO; the
 * guest's action is kept here and given back by rt_sigaction's old. The
 * wrapper calls the guest's handler as the kernel would have, unless the
 * tool is running on this thread (revel_in_tool): then the signal is held,
 * blocked in the interrupted context's mask, its siginfo kept, and
 * sigwrap_flush() queues it again and unblocks it once the tool is done, with
 * the guest's own mask in force, so the guest's handler runs with its calls
 * trapped as any other. What a guest could see of it: a signal held this way
 * reaches its handler a few microseconds late, inside the library (the
 * ucontext's rip), and from a thread other than the main one with si_code
 * SI_TKILL (rt_tgsigqueueinfo may not forge a kernel's siginfo there). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <ucontext.h>
#include <unistd.h>

#include "guest_sigwrap.h"

#define HELD_INFO 4

__thread volatile int revel_in_tool __attribute__((tls_model("initial-exec")));

static struct ksigaction guest_act[65]; /* the guest's own actions */
static __thread uint64_t held;          /* signals held on this thread */
static __thread int nheld_info;
static __thread siginfo_t held_info[HELD_INFO] __attribute__((tls_model("initial-exec")));

static void revel_sig_wrapper(int sig, siginfo_t *si, void *ucv)
{
	if (sig < 1 || sig > 64)
		return;
	if (revel_in_tool) {
		uint64_t b = BIT(sig);
		if (!(held & b) && nheld_info < HELD_INFO)
			held_info[nheld_info++] = *si;
		held |= b;
		((ucontext_t *)ucv)->uc_sigmask.__val[0] |= b; /* blocked until the flush */
		return;
	}
	struct ksigaction *a = &guest_act[sig];
	void *h = a->handler;
	if (h == SIG_DFL || h == SIG_IGN)
		return; /* changed by another thread meanwhile */
	if (a->flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))h)(sig, si, ucv);
	else
		((void (*)(int))h)(sig);
}

static long copy_in(void *to, const void *from, size_t n)
{
	struct iovec li = {to, n}, ri = {(void *)from, n};
	return guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0) == (long)n
	           ? 0
	           : -EFAULT;
}

static long copy_out(void *to, const void *from, size_t n)
{
	struct iovec li = {(void *)from, n}, ri = {to, n};
	return guest_raw(SYS_process_vm_writev, revel_pid, (long)&li, 1, (long)&ri, 1, 0) == (long)n
	           ? 0
	           : -EFAULT;
}

long sigwrap_action(long sig, const struct ksigaction *act, struct ksigaction *old, long size)
{
	struct ksigaction gact, kact, kold, prev;
	if (size != 8)
		return -EINVAL;
	if (sig < 1 || sig > 64) /* the kernel's answer */
		return guest_raw(SYS_rt_sigaction, sig, (long)act, (long)old, size, 0, 0);
	if (act) {
		if (copy_in(&gact, act, sizeof gact))
			return -EFAULT;
		kact = gact;
		kact.mask &= ~BIT(SIGSYS); /* SIGSYS stays open in the guest's handlers */
		if (gact.handler != SIG_DFL && gact.handler != SIG_IGN) {
			kact.handler = (void *)revel_sig_wrapper;
			kact.flags |= SA_SIGINFO;
		}
	}
	prev = guest_act[sig];
	if (act)
		guest_act[sig] = gact; /* before the kernel's: the wrapper may run at once */
	long r =
	    guest_raw(SYS_rt_sigaction, sig, act ? (long)&kact : 0, old ? (long)&kold : 0, 8, 0, 0);
	if (r < 0) {
		guest_act[sig] = prev;
		return r;
	}
	if (old) {
		if (kold.handler == (void *)revel_sig_wrapper)
			kold = prev;
		if (copy_out(old, &kold, sizeof kold))
			return -EFAULT;
	}
	return 0;
}

int sigwrap_held(void)
{
	return held != 0;
}

void sigwrap_flush(void)
{
	uint64_t m = held;
	if (!m)
		return;
	long pid = revel_pid, tid = guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
	uint64_t sent = 0;
	for (int i = 0; i < nheld_info; i++) {
		int sig = held_info[i].si_signo;
		if (guest_raw(SYS_rt_tgsigqueueinfo, pid, tid, sig, (long)&held_info[i], 0, 0) == 0)
			sent |= BIT(sig);
	}
	for (int sig = 1; sig <= 64; sig++)
		if ((m & BIT(sig)) && !(sent & BIT(sig)))
			guest_raw(SYS_tgkill, pid, tid, sig, 0, 0, 0);
	held = 0;
	nheld_info = 0;
	guest_raw(SYS_rt_sigprocmask, SIG_UNBLOCK, (long)&m, 0, 8, 0, 0); /* delivered here */
}
