/* What guest/guest_perform.c, guest/guest_dispatch.c and guest/guest_signals.c share. */
#ifndef REVEL_GUEST_SIGNALS_H
#define REVEL_GUEST_SIGNALS_H
#include <signal.h>
#include <stdint.h>
#include <sys/types.h>
#include <ucontext.h>

#define SEL_ALLOW 0
#define SEL_BLOCK 1
#define BIT(s) (1ull << ((s)-1))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP) | BIT(SIGSYS))

/* the selector byte of Syscall User Dispatch, per thread */
#include "guest_tls.h" /* revel_sel */
extern pid_t revel_pid;

struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask;
};

/* A syscall through the gate: -errno on failure. */
long guest_raw(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* The mask the return from the handler puts back. */
uint64_t *guest_mask(ucontext_t *uc);
/* rt_sigprocmask on that mask. */
long sigprocmask_of(ucontext_t *uc, long how, const uint64_t *set, uint64_t *old, long size);
/* rt_sigaction(SIGSYS): the guest's action, kept aside. */
long sigsys_action(const struct ksigaction *act, struct ksigaction *old, long size);
/* A SIGSYS the dispatch did not cause, to the guest's action. */
void forward_sigsys(int sig, siginfo_t *si, ucontext_t *uc);
/* A call that may block, run with the guest's mask and the selector at BLOCK. */
long run_open(ucontext_t *uc, long nr, const long *a);
/* 1 for the calls run_open runs. */
int may_block(long nr);
/* 0 for the calls the kernel never restarts after a signal (epoll_wait...). */
int restartable(long nr);
/* A mask handed to the kernel, without SIGSYS (t: the copy's storage). */
int strip_mask(long *slot, uint64_t *t);

#endif
