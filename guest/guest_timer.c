/* g:set_timer{ ns = N } under --backend=guest: a POSIX timer per thread on
 * its CPU-time clock (CLOCK_THREAD_CPUTIME_ID), made in the thread itself,
 * whose signal (32, glibc's SIGCANCEL, as under ptrace: a program cannot
 * block it through libc) goes to that thread with a value of revel's. The
 * wrapper of signal 32 (guest/guest_sigwrap.c) tells it from the guest's own
 * and runs tool.timer; one that comes while the tool runs on the thread is
 * put off by arming the timer again for 1 ns (it fires at the next tick
 * the thread runs). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "guest_hooks.h"
#include "guest_signals.h"
#include "guest_sigwrap.h"

#define COOKIE ((void *)0x52564c54494d4552ull)
#define SIGEV_THREAD_ID_ 4

/* this thread's timer (guest/guest_tls.h) */
#define t_id revel_tls_t_id
#define t_tid revel_tls_t_tid
#define t_armed revel_tls_t_armed

static int mine(void)
{
	return t_tid && t_tid == (int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
}

static long settime(long ns, struct itimerspec *old)
{
	struct itimerspec v;
	memset(&v, 0, sizeof v);
	v.it_value.tv_sec = ns / 1000000000;
	v.it_value.tv_nsec = ns % 1000000000;
	return guest_raw(SYS_timer_settime, t_id, 0, (long)&v, (long)old, 0, 0);
}

long guest_timer_set(long ns)
{
	if (!mine()) { /* none yet in this thread (a fork's copy is not one) */
		struct sigevent ev;
		memset(&ev, 0, sizeof ev);
		ev.sigev_value.sival_ptr = COOKIE;
		ev.sigev_signo = GUEST_TIMER_SIG;
		ev.sigev_notify = SIGEV_THREAD_ID_;
		int tid = (int)guest_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
		ev._sigev_un._tid = tid;
		int id;
		long r = guest_raw(SYS_timer_create, CLOCK_THREAD_CPUTIME_ID, (long)&ev, (long)&id,
		                   0, 0, 0);
		if (r < 0)
			return r;
		t_id = id, t_tid = tid;
	}
	long r = settime(ns, NULL);
	if (r == 0)
		t_armed = 1;
	return r;
}

long guest_timer_cancel(void)
{
	if (!mine() || !t_armed)
		return -1;
	struct itimerspec old;
	t_armed = 0;
	if (settime(0, &old) < 0)
		return -1;
	return old.it_value.tv_sec * 1000000000 + old.it_value.tv_nsec;
}

int guest_timer_signal(siginfo_t *si)
{
	if (si->si_code != SI_TIMER || si->si_value.sival_ptr != COOKIE)
		return 0; /* the guest's own */
	if (!mine() || si->si_timerid != t_id || !t_armed)
		return 1; /* cancelled, moved, or a fork's copy: not due */
	if (revel_in_tool || revel_sel == SEL_ALLOW) { /* the tool runs here: after it */
		settime(1, NULL);
		return 1;
	}
	t_armed = 0;
	char sel = revel_sel;
	revel_sel = SEL_ALLOW;
	guest_hooks_timer();
	revel_sel = sel;
	return 1;
}
