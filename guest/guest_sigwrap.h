/* The guest's signal handlers behind a wrapper (guest/guest_sigwrap.c): a
 * signal that arrives while a handler of the tool runs from a rewritten call
 * site (signals open there, no rt_sigprocmask on that path) is held until the
 * tool is done, then delivered to the guest's handler. */
#ifndef REVEL_GUEST_SIGWRAP_H
#define REVEL_GUEST_SIGWRAP_H
#include <stdint.h>

#include "guest_signals.h"

/* uc_flags of the ucontext the fast path makes: its uc_sigmask is not read
 * from the kernel (the mask in force is the guest's own) */
#define UC_FAST 0x52455645ul

/* 1 while the tool runs on this thread with signals open: a signal of the
 * guest is held */
#include "guest_tls.h" /* revel_in_tool */

/* rt_sigaction(sig != SIGSYS) of the guest: its handler goes behind the
 * wrapper; old gets the guest's own action back. */
long sigwrap_action(long sig, const struct ksigaction *act, struct ksigaction *old, long size);
/* The tool has tool.signal or exit hooks: the wrapper asks tool.signal and
 * stands in for SIG_DFL where the default kills (guest/guest_hooks.c). */
void sigwrap_hooks_init(void);
/* The tool traps rdtsc (and rdtscp), cpuid: they fault in this thread (and
 * the threads and processes it makes), SIGSEGV goes behind the wrapper,
 * which answers them (guest_hooks_trap). */
void sigwrap_traps_init(int rdtsc, int cpuid);
/* The machine's answer to an rdtsc, rdtscp or cpuid (GUEST_TRAP_*; cpuid's
 * leaf and subleaf in rax and rcx) in gr, the faulting off for a moment. */
void sigwrap_machine(int kind, greg_t *gr);
/* Timers (guest/guest_timer.c): signal GUEST_TIMER_SIG goes behind the
 * wrapper, which hands revel's to guest_timer_signal. */
#define GUEST_TIMER_SIG 32
void sigwrap_timers_init(void);
long guest_timer_set(long ns);
/* the ns the thread's timer had left, -1 when none was armed */
long guest_timer_cancel(void);
/* 1 when si is one of revel's timers (run or put off), 0 for the guest's */
int guest_timer_signal(siginfo_t *si);
/* Delivers the signals held on this thread (queued again, then unblocked);
 * revel_in_tool must be 0 and the selector at BLOCK. */
void sigwrap_flush(void);
/* 1 if signals are held on this thread */
int sigwrap_held(void);
/* Around a call that may block (run_open()): sigwrap_quiet_only() is 1
 * when, since sigwrap_quiet_begin(), only signals that ran no handler of
 * the guest's came (tool.signal suppressed them): an EINTR then restarts. */
void sigwrap_quiet_begin(void);
int sigwrap_quiet_only(void);

#endif
