/* One syscall of the guest, from the SIGSYS of Syscall User Dispatch or from
 * a rewritten call site (guest/rewrite.c): the fault rules, the tool's
 * handler, then the call itself (guest_perform.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>

#include "guest_core.h"
#include "guest_faults.h"
#include "guest_filters.h"
#include "guest_signals.h"
#include "guest_sigwrap.h"
#include "guest_strace.h"
#include "guest_sud.h"
#include "guest_tblock.h"
#include "hstack.h"
#include "rewrite.h"

#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif

static void handle(ucontext_t *uc, long nr, uintptr_t after);

/* One call of the guest: uc holds its registers (rax: nr) and the signal
 * mask sigreturn puts back; after: the end of its syscall instruction (a
 * site to rewrite), 0 from a rewritten site. Returns 1 when a fault rule
 * gave the call its result, -1 when the tool does not see it (the guest's
 * own Syscall User Dispatch took it, or its seccomp filter), else 0. */
static int handle_call(ucontext_t *uc, long nr, uintptr_t after)
{
	greg_t *gr = uc->uc_mcontext.gregs;
	long a[6] = {gr[REG_RDI], gr[REG_RSI], gr[REG_RDX], gr[REG_R10], gr[REG_R8], gr[REG_R9]};
	long nr0 = nr, a0[6];
	if (after && guest_sud_takes(uc, nr))
		return -1; /* the guest's own dispatch: its SIGSYS handler ran instead */
	if (guest_seccomp && guest_filters_hide(nr, a, (unsigned long)gr[REG_RIP])) {
		/* the guest's filter kills, traps or fails it: under ptrace the
		 * tracer never sees it (the kernel's answer outranks RET_TRACE) */
		gr[REG_RAX] = guest_perform(uc, nr, a);
		return -1;
	}
	int lua = nr >= 0 && nr < NR_MAX && guest_handled[nr];
	guest_cur_uc = uc;
	int rule = nr >= 0 && nr < NR_MAX && guest_ruled[nr];
	struct guest_fault f = {0};
	if (rule)
		guest_faults_enter(nr, a, lua, &f);
	if (f.fired && f.fault && !f.to_tool) {
		gr[REG_RAX] = f.value;
		goto ruled_exit;
	}
	memcpy(a0, a, sizeof a0);
	if (lua) {
		guest_lock(&guest_lua_lock);
		int answered = guest_run_tool(&nr, a, &gr[REG_RAX], &f);
		if (f.fired) {
			/* As fault_combine(): the rule applies when the handler let the
			 * call run unchanged or gave the rule's own result. */
			if (answered ? gr[REG_RAX] == f.value
			             : nr == nr0 && !memcmp(a, a0, sizeof a0)) {
				guest_unlock(&guest_lua_lock);
				gr[REG_RAX] = f.value;
				goto ruled_exit;
			}
			f.fired = 0;
		}
		if (answered) {
			guest_unlock(&guest_lua_lock);
			if (guest_restart(uc, &gr[REG_RAX])) {
				handle(uc, nr0, after); /* the restarted call, seen again */
				return 0;
			}
			goto done;
		}
		if (nr == SYS_fork || nr == SYS_vfork || (nr == SYS_clone && !(a[0] & CLONE_VM))) {
			long r =
			    guest_perform(uc, nr, a); /* the child must not inherit a taken lock */
			if (r != 0)
				guest_unlock(&guest_lua_lock);
			gr[REG_RAX] = r;
			return 0;
		}
		guest_unlock(&guest_lua_lock);
	} else if (nr == SYS_fork || nr == SYS_vfork || (nr == SYS_clone && !(a[0] & CLONE_VM))) {
		guest_lock(&guest_lua_lock);
		long r = guest_perform(uc, nr, a);
		if (r != 0)
			guest_unlock(&guest_lua_lock);
		gr[REG_RAX] = r;
		return 0;
	}
	gr[REG_RAX] = guest_perform(uc, nr, a);
ruled_exit:
	if (f.fired && f.delay_exit_us > 0)
		guest_faults_sleep(f.delay_exit_us);
done:
	if (after && guest_rewriting && guest_fast_ok(nr0))
		rewrite_site(after, nr0, lua || rule || guest_strace_calls[nr0], guest_threaded);
	return f.fired && f.fault;
}

/* handle_call(), and the default tool's lines around it (guest_strace.c) */
static void handle(ucontext_t *uc, long nr, uintptr_t after)
{
	if (nr < 0 || nr >= NR_MAX || !guest_strace_calls[nr]) {
		handle_call(uc, nr, after);
		return;
	}
	greg_t *gr = uc->uc_mcontext.gregs;
	long a[6] = {gr[REG_RDI], gr[REG_RSI], gr[REG_RDX], gr[REG_R10], gr[REG_R8], gr[REG_R9]};
	if (!guest_tid)
		guest_tid = (int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
	int tid = guest_tid;
	long r;
	if (guest_strace_enter(tid, nr, a, (unsigned long)gr[REG_RSP], &r)) {
		gr[REG_RAX] = r; /* a close of revel's descriptors, answered there */
		guest_strace_exit(tid, nr, r, 0);
		return;
	}
	/* rt_sigreturn's result is the rax its frame puts back (uc_mcontext.rax) */
	long rax = 0;
	if (nr == SYS_rt_sigreturn)
		memcpy(&rax, (const char *)gr[REG_RSP] + 144, sizeof rax);
	int injected = handle_call(uc, nr, after);
	if (injected < 0)
		return; /* not the tool's: the guest's own dispatch or filter had it */
	guest_strace_exit(tid, nr, nr == SYS_rt_sigreturn ? rax : (long)gr[REG_RAX], injected);
}

struct trap {
	ucontext_t *uc;
	siginfo_t *si;
};

static void on_trap(void *p)
{
	struct trap *t = p;
	handle(t->uc, t->si->si_syscall, (uintptr_t)t->si->si_call_addr);
}

static __attribute__((noinline)) void on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	int saved_errno = errno;
	/* BLOCK when the guest's code trapped; ALLOW for a SIGSYS inside the
	 * library (a seccomp trap of the guest's call run there) */
	char sel = revel_sel;
	revel_sel = SEL_ALLOW;
	long nr = si->si_syscall;
	struct trap t = {uc, si};
	if (si->si_code != SYS_USER_DISPATCH)
		forward_sigsys(sig, si, uc);
	else if (nr == SYS_clone || nr == SYS_clone3 || nr == SYS_vfork)
		on_trap(
		    &t); /* a child sharing this memory may run on the handler stack meanwhile */
	else
		hstack_run(on_trap, &t);
	errno = saved_errno;
	revel_sel = sel;
}

/* SIGSYS: on this thread's block if it has one (guest_tblock.c), as the
 * library's state is there */
void guest_on_sigsys(int sig, siginfo_t *si, void *ucv)
{
	unsigned long guest_fs;
	int moved = guest_tblock_enter(&guest_fs);
	on_sigsys(sig, si, ucv);
	if (moved)
		guest_tblock_leave(guest_fs);
}

/* A handled call from a rewritten site (revel_fast_entry): as on_sigsys,
 * without a signal and with signals open: a signal of the guest that comes
 * while the tool runs is held by the wrapper of its handler
 * (guest/guest_sigwrap.c) and delivered when the tool is done. */
void revel_fast_dispatch(greg_t *gregs);
void revel_fast_dispatch(greg_t *gregs)
{
	ucontext_t uc;
	if (revel_sel ==
	    SEL_ALLOW) { /* the library's own call (LuaJIT's, libc's) through a rewritten site */
		gregs[REG_RAX] =
		    guest_raw(gregs[REG_RAX], gregs[REG_RDI], gregs[REG_RSI], gregs[REG_RDX],
		              gregs[REG_R10], gregs[REG_R8], gregs[REG_R9]);
		return;
	}
	int saved_errno = errno;
	revel_in_tool = 1; /* first: a signal from here on is held */
	revel_sel = SEL_ALLOW;
	uc.uc_flags = UC_FAST;
	memcpy(uc.uc_mcontext.gregs, gregs, 17 * sizeof(greg_t));
	handle(&uc, gregs[REG_RAX], 0);
	memcpy(gregs, uc.uc_mcontext.gregs, 17 * sizeof(greg_t));
	revel_sel = SEL_BLOCK;
	revel_in_tool = 0;
	if (sigwrap_held())
		sigwrap_flush();
	errno = saved_errno;
}
