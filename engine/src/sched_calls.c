/* sched_calls.c: which calls --sched treats apart. A call that can wait
 * on another thread, the clock or the world gives up the turn when the
 * thread is seen asleep in it (sched_may_block); a call whose blocking
 * depends on the clock (a sleep, a wait with a timeout: sched_timed_call)
 * parks its thread at its exit stop whether it slept or not, so that the
 * decisions of a run do not depend on how long it took to get there. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "regs_x86_64.h"
#include "sched.h"
#include "waiting_calls.h"

/* Only a call that can wait for another thread (or the clock, or the world)
 * gives up the turn when the thread is seen asleep in it: a call that sleeps
 * a moment inside the kernel (memory for a clone, a page of a file) comes
 * back by itself, and giving the turn away then would make the next decision
 * depend on that moment. */
bool sched_may_block(revel_engine *e, struct task *t)
{
	long nr;
	int64_t a[6];
	if (!sched_blocked_call(t->tid, &nr, a))
		return false;
	switch (nr) {
	case SYS_read:
	case SYS_readv:
	case SYS_pread64:
	case SYS_preadv:
	case SYS_preadv2:
	case SYS_write:
	case SYS_writev:
	case SYS_pwrite64:
	case SYS_ioctl:
	case SYS_splice:
	case SYS_sendfile: {
		/* A file's data or a disk's: no other thread to wait for. */
		char path[64];
		struct stat st;
		snprintf(path, sizeof path, "/proc/%d/fd/%d", (int)t->tid,
		         (int)a[nr == SYS_sendfile]);
		return stat(path, &st) != 0 ||
		       !(S_ISREG(st.st_mode) || S_ISBLK(st.st_mode) || S_ISDIR(st.st_mode));
	}
	case SYS_vfork:
		return true;
	case SYS_clone:
		return (a[0] & CLONE_VFORK) != 0;
	case SYS_clone3: {
		uint64_t flags = 0;
		revel_mem_read(e, t->tid, (uint64_t)a[0], &flags, sizeof flags);
		return (flags & CLONE_VFORK) != 0;
	}
	default:
		return call_may_wait(nr);
	}
}

/* A wait a timeout ends: the call's arguments from its seccomp stop
 * (task.saved). A zero or absent timeout is left out: such a call returns
 * at once or waits on what the schedule decides. */
bool sched_timed_call(const struct task *t)
{
	const regs_t *r = &t->saved;
	long nr = reg_nr(r);
	uint64_t a[6];
	for (int i = 0; i < 6; i++)
		a[i] = reg_arg(r, i);
	switch (nr) {
	case SYS_nanosleep:
	case SYS_clock_nanosleep:
	case SYS_futex_waitv:
		return true;
	case SYS_futex: {
		int cmd = (int)a[1] & FUTEX_CMD_MASK;
		bool wait = cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET || cmd == FUTEX_LOCK_PI ||
		            cmd == FUTEX_WAIT_REQUEUE_PI || cmd == 13 /* FUTEX_LOCK_PI2 */;
		return wait && a[3] != 0;
	}
	case SYS_poll:
		return (int)a[2] > 0;
	case SYS_epoll_wait:
	case SYS_epoll_pwait:
		return (int)a[3] > 0;
	case SYS_ppoll:
	case SYS_rt_sigtimedwait:
		return a[2] != 0;
	case SYS_epoll_pwait2:
	case SYS_semtimedop:
		return a[3] != 0;
	case SYS_select:
	case SYS_pselect6:
	case SYS_mq_timedreceive:
	case SYS_mq_timedsend:
	case SYS_io_getevents:
	case SYS_io_pgetevents:
	case SYS_recvmmsg:
		return a[4] != 0;
	default:
		return false;
	}
}
