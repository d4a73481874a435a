/* waiting_calls.c: see waiting_calls.h. Built into the engine and into the
 * in-guest library (libc only). */
#include <sys/syscall.h>
#include "waiting_calls.h"

bool call_may_wait(long nr)
{
	switch (nr) {
	case SYS_futex:
	case SYS_futex_waitv:
	case SYS_recvfrom:
	case SYS_recvmsg:
	case SYS_recvmmsg:
	case SYS_sendto:
	case SYS_sendmsg:
	case SYS_sendmmsg:
	case SYS_accept:
	case SYS_accept4:
	case SYS_connect:
	case SYS_poll:
	case SYS_ppoll:
	case SYS_select:
	case SYS_pselect6:
	case SYS_epoll_wait:
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
	case SYS_wait4:
	case SYS_waitid:
	case SYS_nanosleep:
	case SYS_clock_nanosleep:
	case SYS_pause:
	case SYS_rt_sigsuspend:
	case SYS_rt_sigtimedwait:
	case SYS_msgrcv:
	case SYS_msgsnd:
	case SYS_semop:
	case SYS_semtimedop:
	case SYS_flock:
	case SYS_fcntl:
	case SYS_open:
	case SYS_openat:
	case SYS_openat2:
	case SYS_io_getevents:
	case SYS_io_pgetevents:
	case SYS_mq_timedreceive:
	case SYS_mq_timedsend:
	case SYS_tee:
		return true;
	default:
		return false;
	}
}
