/* A guest that turns on Syscall User Dispatch itself
 * (prctl(PR_SET_SYSCALL_USER_DISPATCH, ON, offset, len, selector)) would
 * replace the library's own (one per thread): its calls would trap to it, or
 * run, and never reach the tool. So the prctl is not passed to the kernel;
 * the thread's settings are kept here and applied as the kernel would: a
 * call the library traps, from outside the guest's range with the guest's
 * selector at BLOCK, goes to the guest's SIGSYS handler (guest_signals.c
 * keeps its action) with a SIGSYS of si_code SYS_USER_DISPATCH, the call not
 * run, and neither the tool nor a fault rule sees it (the kernel checks
 * dispatch before ptrace and seccomp). A selector of any other value kills
 * the process with SIGSYS, as the kernel does. Settings are per thread and
 * not passed to threads or forked children (the kernel's rule); they end at
 * exec.
 *
 * Every call must then come by SIGSYS, with its site: from the first such
 * prctl in the process, sites rewritten for the fast path go back to their
 * syscall instruction (guest/rewrite.c, guest/gate.S) and no more are
 * rewritten. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "guest_core.h"
#include "guest_signals.h"
#include "guest_sud.h"
#include "rewrite.h"

#define SUD_OFF 0
#define SUD_ON 1
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif

static __thread int sud_on __attribute__((tls_model("initial-exec")));
static __thread unsigned long sud_off __attribute__((tls_model("initial-exec")));
static __thread unsigned long sud_len __attribute__((tls_model("initial-exec")));
static __thread unsigned long sud_sel __attribute__((tls_model("initial-exec")));

long guest_sud_prctl(const long *a)
{
	unsigned long mode = (unsigned long)a[1], off = (unsigned long)a[2],
	              len = (unsigned long)a[3], sel = (unsigned long)a[4];
	if (mode == SUD_OFF) {
		if (off || len || sel)
			return -EINVAL;
		sud_on = 0;
		return 0;
	}
	if (mode != SUD_ON)
		return -EINVAL;
	if (off + len < off) /* the kernel's check: the range may not wrap */
		return -EINVAL;
	if (sel) { /* readable, as the kernel's access_ok would have it mapped */
		char c;
		struct iovec li = {&c, 1}, ri = {(void *)sel, 1};
		if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0) != 1)
			return -EFAULT;
	}
	if (!guest_slow || guest_rewriting) {
		guest_rewriting = 0;
		guest_slow = 1;
		rewrite_trap_all();
	}
	sud_off = off, sud_len = len, sud_sel = sel;
	sud_on = 1;
	return 0;
}

/* The process ends of sig, whatever the guest's action and mask. */
static int die_of(int sig)
{
	struct ksigaction dfl = {SIG_DFL, 0, NULL, 0};
	guest_raw(SYS_rt_sigaction, sig, (long)&dfl, 0, 8, 0, 0);
	uint64_t m = ~BIT(sig);
	guest_raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&m, 0, 8, 0, 0);
	guest_raw(SYS_tgkill, revel_pid, guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0), sig, 0, 0, 0);
	return 1;
}

int guest_sud_takes(ucontext_t *uc, long nr)
{
	if (!sud_on)
		return 0;
	greg_t *gr = uc->uc_mcontext.gregs;
	unsigned long ip = (unsigned long)gr[REG_RIP]; /* after the syscall instruction */
	if (ip - sud_off < sud_len)
		return 0;
	if (sud_sel) {
		unsigned char c = 0;
		struct iovec li = {&c, 1}, ri = {(void *)sud_sel, 1};
		if (guest_raw(SYS_process_vm_readv, revel_pid, (long)&li, 1, (long)&ri, 1, 0) != 1)
			return die_of(SIGSEGV); /* the kernel's force_exit_sig */
		if (c == 0)                     /* SYSCALL_DISPATCH_FILTER_ALLOW */
			return 0;
		if (c != 1) /* not BLOCK either */
			return die_of(SIGSYS);
	}
	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_signo = SIGSYS;
	si.si_code = SYS_USER_DISPATCH;
	si.si_call_addr = (void *)ip;
	si.si_syscall = (int)nr;
	si.si_arch = AUDIT_ARCH_X86_64;
	gr[REG_RAX] = nr; /* as the kernel leaves it: the number, the call not run */
	forward_sigsys(SIGSYS, &si, uc);
	return 1;
}

void guest_sud_forked(void)
{
	sud_on = 0;
}
