/* The guest's signal actions behind a wrapper of the library's
 * (revel_sig_wrapper), for two reasons:
 *
 * 1. The fast path of a rewritten call site (guest/rewrite.c,
 *    revel_fast_dispatch()) runs the tool with signals open instead of paying
 *    two rt_sigprocmask per call. A signal that comes while the tool runs on
 *    the thread (revel_in_tool) is held, blocked in the interrupted context's
 *    mask, its siginfo kept, and sigwrap_flush() queues it again and unblocks
 *    it once the tool is done, with the guest's own mask in force, so the
 *    guest's handler runs with its calls trapped as any other. What a guest
 *    could see of it: a signal held this way reaches its handler a few
 *    microseconds late, inside the library (the ucontext's rip), and from a
 *    thread other than the main one with si_code SI_TKILL (rt_tgsigqueueinfo
 *    may not forge a kernel's siginfo there).
 *
 * 2. The tool's signal hook and the exit hooks of a process a signal kills
 *    (guest/guest_hooks.c): under ptrace revel sees each signal at its
 *    delivery stop; here the wrapper asks tool.signal (nil, false, or another
 *    signal) and then does what the guest's action would: calls its handler
 *    (SA_SIGINFO, SA_RESETHAND as asked), or for SIG_DFL runs the exit hooks
 *    and dies of the signal with the kernel's own default. For these the
 *    wrapper is also put in place of SIG_DFL where the default kills (term or
 *    core). Not seen: SIG_IGN, and SIG_DFL of a signal whose default ignores,
 *    stops or continues (a handler there would change what the guest sees: a
 *    poll interrupted by SIGCHLD would return EINTR), and SIGKILL.
 *
 * Every handler the guest installs with rt_sigaction (SIGSYS apart, see
 * guest_signals.c) is installed as the wrapper with SA_SIGINFO; the guest's
 * action is kept here and given back by rt_sigaction's old. A process on its
 * creator's memory (posix_spawn's child, before its exec) sets the kernel's
 * actions only: the table is its creator's. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <ucontext.h>
#include <unistd.h>

#include "guest_hooks.h"
#include "guest_sigwrap.h"
#include "guest_tblock.h"
#include "guest_tls.h"
#include "rewrite.h"

#define KSA_RESTORER 0x04000000

static struct ksigaction guest_act[65]; /* the guest's own actions */
/* this thread's held signals (guest/guest_tls.h) */
#define held revel_tls_held
#define nheld_info revel_tls_nheld_info
#define held_info revel_tls_held_info
static int hooking; /* the tool has tool.signal or exit hooks: sigwrap_hooks_init() */
static int trap_rdtsc, trap_cpuid; /* the tool subscribes to rdtsc, cpuid: sigwrap_traps_init() */
static int timers;                 /* tool.timer: sigwrap_timers_init() */

enum { D_TERM, D_CORE, D_IGN, D_STOP, D_CONT };

static int default_of(int sig)
{
	switch (sig) {
	case SIGCHLD:
	case SIGURG:
	case SIGWINCH:
		return D_IGN;
	case SIGCONT:
		return D_CONT;
	case SIGSTOP:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		return D_STOP;
	case SIGQUIT:
	case SIGILL:
	case SIGTRAP:
	case SIGABRT:
	case SIGBUS:
	case SIGFPE:
	case SIGSEGV:
	case SIGXCPU:
	case SIGXFSZ:
	case SIGSYS:
		return D_CORE;
	}
	return D_TERM;
}

/* SIG_DFL of sig goes behind the wrapper: its default kills, and a hook must see it. */
static int wrap_default(int sig)
{
	int d = default_of(sig);
	return hooking && sig != SIGKILL && sig != SIGSTOP && sig != SIGSYS &&
	       (d == D_TERM || d == D_CORE);
}

static int own_process(void)
{
	return guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0) == revel_pid;
}

static void revel_sig_wrapper(int sig, siginfo_t *si, void *ucv);

/* The kernel's action for the guest's action g on sig. */
static struct ksigaction kernel_action(int sig, const struct ksigaction *g)
{
	struct ksigaction k = *g;
	k.mask &= ~BIT(SIGSYS); /* SIGSYS stays open in the guest's handlers */
	if (g->handler != SIG_DFL && g->handler != SIG_IGN) {
		k.handler = (void *)revel_sig_wrapper;
		k.flags |= SA_SIGINFO;
	} else if ((sig == SIGSEGV && (trap_rdtsc || trap_cpuid)) ||
	           (sig == GUEST_TIMER_SIG && timers)) {
		/* the faults of rdtsc, cpuid; the timers' signal */
		k.handler = (void *)revel_sig_wrapper;
		k.flags = SA_SIGINFO | SA_RESTART | SA_NODEFER | KSA_RESTORER;
		k.restorer = (void *)gate.restorer;
		k.mask = 0;
	} else if (g->handler == SIG_DFL && wrap_default(sig)) {
		k.handler = (void *)revel_sig_wrapper;
		k.flags = SA_SIGINFO | SA_RESTART | KSA_RESTORER;
		k.restorer = (void *)gate.restorer;
		k.mask = 0;
	}
	return k;
}

/* The process dies of sig as it would with SIG_DFL: the exit hooks, then
 * the kernel's default, raised when the wrapper returns (sig unblocked). The
 * wait status has the core bit as the kernel would set it (RLIMIT_CORE, or a
 * core_pattern that pipes). */
static void die_of(int sig, ucontext_t *uc)
{
	int status = sig;
	if (default_of(sig) == D_CORE) {
		struct rlimit rl = {0, 0};
		char c = 0;
		guest_raw(SYS_prlimit64, 0, RLIMIT_CORE, 0, (long)&rl, 0, 0);
		int fd =
		    (int)guest_raw(SYS_open, (long)"/proc/sys/kernel/core_pattern", 0, 0, 0, 0, 0);
		if (fd >= 0) {
			guest_raw(SYS_read, fd, (long)&c, 1, 0, 0, 0);
			guest_raw(SYS_close, fd, 0, 0, 0, 0, 0);
		}
		if (c == '|' ? rl.rlim_cur != 1 : rl.rlim_cur > 0)
			status |= 0x80;
	}
	if (own_process())
		guest_hooks_killed(status); /* the Lua lock stays taken */
	struct ksigaction dfl = {SIG_DFL, 0, NULL, 0};
	guest_raw(SYS_rt_sigaction, sig, (long)&dfl, 0, 8, 0, 0);
	uc->uc_sigmask.__val[0] &= ~BIT(sig);
	guest_raw(SYS_tgkill, guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0),
	          guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0), sig, 0, 0, 0);
}

/* SA_RESETHAND: the action of s is SIG_DFL from its first delivery on. */
static void reset_hand(int s)
{
	struct ksigaction *g = &guest_act[s];
	if (g->handler == SIG_DFL || g->handler == SIG_IGN || !(g->flags & SA_RESETHAND))
		return;
	g->handler = SIG_DFL;
	g->flags &= ~(unsigned long)(SA_SIGINFO | SA_RESETHAND);
	struct ksigaction k = kernel_action(s, g);
	guest_raw(SYS_rt_sigaction, s, (long)&k, 0, 8, 0, 0);
}

/* The guest's handler, on the guest's own thread pointer (a thread on a
 * block runs the wrapper on the block: guest/guest_tblock.c). */
/* Since sigwrap_quiet_begin(): a signal came that ran no handler of the
 * guest's (tool.signal suppressed it, held it, or gave one the guest
 * ignores), and whether a handler of the guest's ran. */
static __thread int quiet_sup __attribute__((tls_model("initial-exec")));
static __thread int quiet_ran __attribute__((tls_model("initial-exec")));

void sigwrap_quiet_begin(void)
{
	quiet_sup = quiet_ran = 0;
}

int sigwrap_quiet_only(void)
{
	return quiet_sup && !quiet_ran;
}

static void call_guest(const struct ksigaction *a, int sig, siginfo_t *si, void *uc)
{
	quiet_ran = 1;
	unsigned long back = guest_tblock_out();
	if (a->flags & SA_SIGINFO)
		((void (*)(int, siginfo_t *, void *))a->handler)(sig, si, uc);
	else
		((void (*)(int))a->handler)(sig);
	guest_tblock_in(back);
}

/* tool.signal, then the guest's action for what it answered. */
static void hooked(int sig, siginfo_t *si, ucontext_t *uc)
{
	char sel = revel_sel;
	int saved_errno = errno;
	revel_sel = SEL_ALLOW;
	revel_tls_siginfo = si; /* for the default tool's "--- SIG {...} ---" */
	int to = own_process() ? guest_hooks_signal(sig) : sig;
	revel_tls_siginfo = NULL;
	if (to <= 0 || to > 64)
		goto out;
	struct ksigaction a = guest_act[to];
	reset_hand(sig); /* the kernel reset sig's to SIG_DFL: the table follows */
	if (to != sig)
		reset_hand(to);
	if (a.handler == SIG_IGN && !(to == SIGSEGV && si->si_code > 0 && to == sig))
		goto out;
	if (a.handler == SIG_DFL || a.handler == SIG_IGN) { /* a fault the guest ignores kills */
		int d = default_of(to);
		if (d == D_TERM || d == D_CORE)
			die_of(to, uc);
		else if (d == D_STOP) /* its default, by the kernel (never wrapped) */
			guest_raw(SYS_tgkill, guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0),
			          guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0), to, 0, 0, 0);
		goto out;
	}
	siginfo_t info = *si;
	if (to != sig) { /* another signal instead: its number, its mask */
		info.si_signo = to;
		uint64_t m = a.mask & ~UNBLOCKABLE;
		if (!(a.flags & SA_NODEFER))
			m |= BIT(to);
		guest_raw(SYS_rt_sigprocmask, SIG_BLOCK, (long)&m, 0, 8, 0, 0);
	}
	errno = saved_errno;
	revel_sel = SEL_BLOCK; /* the guest's handler: its calls trap */
	call_guest(&a, to, &info, uc);
	revel_sel = sel;
	return;
out:
	/* No handler of the guest's ran: a call it interrupted restarts, as
	 * under ptrace, where the kernel restarts it when the tracer
	 * suppresses the signal. One the library runs (run_open()) sees
	 * quiet_sup; a plain call at a rewritten site is sent back to its
	 * stub. */
	quiet_sup = 1;
	rewrite_restart(uc->uc_mcontext.gregs, restartable);
	errno = saved_errno;
	revel_sel = sel;
}

#define PR_SET_TSC_ 26
#define PR_TSC_ENABLE_ 1
#define PR_TSC_SIGSEGV_ 2
#define ARCH_SET_CPUID_ 0x1012

/* The machine's answer to rdtsc(p) or cpuid (the faulting off for a moment). */
void sigwrap_machine(int kind, greg_t *gr)
{
	uint32_t a, b, c = 0, d;
	if (kind == GUEST_TRAP_CPUID) {
		guest_raw(SYS_arch_prctl, ARCH_SET_CPUID_, 1, 0, 0, 0, 0);
		__asm__ volatile("cpuid"
		                 : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
		                 : "a"((uint32_t)gr[REG_RAX]), "c"((uint32_t)gr[REG_RCX]));
		guest_raw(SYS_arch_prctl, ARCH_SET_CPUID_, 0, 0, 0, 0, 0);
		gr[REG_RBX] = b;
	} else {
		guest_raw(SYS_prctl, PR_SET_TSC_, PR_TSC_ENABLE_, 0, 0, 0, 0);
		if (kind == GUEST_TRAP_RDTSCP)
			__asm__ volatile("rdtscp" : "=a"(a), "=d"(d), "=c"(c));
		else
			__asm__ volatile("rdtsc" : "=a"(a), "=d"(d));
		guest_raw(SYS_prctl, PR_SET_TSC_, PR_TSC_SIGSEGV_, 0, 0, 0, 0);
		if (kind == GUEST_TRAP_RDTSC)
			c = (uint32_t)gr[REG_RCX];
	}
	gr[REG_RAX] = a, gr[REG_RCX] = c, gr[REG_RDX] = d;
}

/* A SIGSEGV the kernel raised at an rdtsc, rdtscp or cpuid the tool traps:
 * answered (tool.rdtsc, tool.cpuid, or the machine's) and stepped over; 0
 * when it is another fault. */
static int trapped(siginfo_t *si, ucontext_t *uc)
{
	greg_t *gr = uc->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)gr[REG_RIP];
	int kind, len;
	if (si->si_code != SI_KERNEL || ip[0] != 0x0f)
		return 0;
	if (trap_rdtsc && ip[1] == 0x31)
		kind = GUEST_TRAP_RDTSC, len = 2;
	else if (trap_rdtsc && ip[1] == 0x01 && ip[2] == 0xf9)
		kind = GUEST_TRAP_RDTSCP, len = 3;
	else if (trap_cpuid && ip[1] == 0xa2)
		kind = GUEST_TRAP_CPUID, len = 2;
	else
		return 0;
	char sel = revel_sel;
	int saved_errno = errno;
	revel_sel = SEL_ALLOW;
	long leaf = gr[REG_RAX], sub = gr[REG_RCX];
	sigwrap_machine(kind, gr); /* the answer when the hook gives none */
	/* the guest's own code (not the library's, not a process on its
	 * creator's memory) asks the tool */
	if (sel == SEL_BLOCK && !revel_in_tool && own_process())
		guest_hooks_trap(kind, (uint32_t)leaf, (uint32_t)sub, gr);
	gr[REG_RIP] += len;
	errno = saved_errno;
	revel_sel = sel;
	return 1;
}

void sigwrap_traps_init(int rdtsc, int cpuid)
{
	trap_rdtsc = rdtsc, trap_cpuid = cpuid;
	struct ksigaction cur;
	if (guest_raw(SYS_rt_sigaction, SIGSEGV, 0, (long)&cur, 8, 0, 0) == 0) {
		if (cur.handler != (void *)revel_sig_wrapper)
			guest_act[SIGSEGV] = cur;
		struct ksigaction k = kernel_action(SIGSEGV, &guest_act[SIGSEGV]);
		guest_raw(SYS_rt_sigaction, SIGSEGV, (long)&k, 0, 8, 0, 0);
	}
	if (rdtsc && guest_raw(SYS_prctl, PR_SET_TSC_, PR_TSC_SIGSEGV_, 0, 0, 0, 0) < 0)
		guest_fatal("cannot make rdtsc trap: prctl PR_SET_TSC failed");
	if (cpuid && guest_raw(SYS_arch_prctl, ARCH_SET_CPUID_, 0, 0, 0, 0, 0) < 0)
		guest_fatal("cannot intercept cpuid: arch_prctl ARCH_SET_CPUID failed");
}

void sigwrap_timers_init(void)
{
	timers = 1;
	struct ksigaction cur;
	if (guest_raw(SYS_rt_sigaction, GUEST_TIMER_SIG, 0, (long)&cur, 8, 0, 0) == 0) {
		if (cur.handler != (void *)revel_sig_wrapper)
			guest_act[GUEST_TIMER_SIG] = cur;
		struct ksigaction k = kernel_action(GUEST_TIMER_SIG, &guest_act[GUEST_TIMER_SIG]);
		guest_raw(SYS_rt_sigaction, GUEST_TIMER_SIG, (long)&k, 0, 8, 0, 0);
	}
}

static __attribute__((noinline)) void sig_wrapper(int sig, siginfo_t *si, void *ucv)
{
	if (sig == SIGSEGV && (trap_rdtsc || trap_cpuid) && trapped(si, ucv))
		return;
	if (sig == GUEST_TIMER_SIG && timers) {
		int saved_errno = errno;
		int ours = guest_timer_signal(si);
		errno = saved_errno;
		if (ours)
			return;
	}
	if (revel_in_tool) {
		uint64_t b = BIT(sig);
		if (!(held & b) && nheld_info < HELD_INFO)
			held_info[nheld_info++] = *si;
		held |= b;
		((ucontext_t *)ucv)->uc_sigmask.__val[0] |= b; /* blocked until the flush */
		return;
	}
	if (hooking) {
		hooked(sig, si, ucv);
		return;
	}
	struct ksigaction *a = &guest_act[sig];
	void *h = a->handler;
	if (sig == SIGSEGV && (h == SIG_DFL || (h == SIG_IGN && si->si_code > 0))) {
		die_of(sig, ucv); /* a fault of the guest's own, wrapped for the traps */
		return;
	}
	if (h == SIG_DFL || h == SIG_IGN)
		return; /* changed by another thread meanwhile */
	struct ksigaction copy = *a;
	copy.handler = h;
	call_guest(&copy, sig, si, ucv);
}

static void revel_sig_wrapper(int sig, siginfo_t *si, void *ucv)
{
	if (sig < 1 || sig > 64)
		return;
	unsigned long guest_fs;
	int moved = guest_tblock_enter(&guest_fs);
	sig_wrapper(sig, si, ucv);
	if (moved)
		guest_tblock_leave(guest_fs);
}

void sigwrap_hooks_init(void)
{
	hooking = 1;
	for (int sig = 1; sig <= 64; sig++) {
		struct ksigaction cur;
		if (!wrap_default(sig) ||
		    guest_raw(SYS_rt_sigaction, sig, 0, (long)&cur, 8, 0, 0) < 0 ||
		    cur.handler != SIG_DFL)
			continue;
		guest_act[sig] = cur;
		struct ksigaction k = kernel_action(sig, &cur);
		guest_raw(SYS_rt_sigaction, sig, (long)&k, 0, 8, 0, 0);
	}
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
		kact.mask &= ~BIT(SIGSYS);
	}
	if (!own_process()) /* posix_spawn's child: the table is its creator's */
		return guest_raw(SYS_rt_sigaction, sig, act ? (long)&kact : 0, (long)old, 8, 0, 0);
	if (act)
		kact = kernel_action((int)sig, &gact);
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
