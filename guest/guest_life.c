/* The in-guest backend's answer to PTRACE_O_EXITKILL: a guest process dies
 * with revel. revel holds both ends of a pipe for the run and names its read
 * end as REVEL_GUEST_LIFE (/proc/REVEL/fd/N). Each process opens it (a file
 * description of its own), owns it with SIGKILL as its signal (F_SETOWN,
 * F_SETSIG, O_ASYNC): nothing is ever written to the pipe, and when revel's
 * write end closes (revel exits, or is killed) the kernel signals every
 * reader's owner. A process of another user, that cannot open revel's fd, or
 * that closes the descriptor, is not covered. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_exec.h"
#include "guest_signals.h" /* guest_raw */

static const char *path;
static int life_fd = -1;

static void hold(void)
{
	int fd = (int)guest_raw(SYS_openat, AT_FDCWD, (long)path, O_RDONLY | O_NONBLOCK | O_CLOEXEC,
	                        0, 0, 0);
	if (fd < 0)
		return;
	/* out of the guest's usual range, as the rpc connection */
	int hi = (int)guest_raw(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 900, 0, 0, 0);
	if (hi >= 0) {
		guest_raw(SYS_close, fd, 0, 0, 0, 0, 0);
		fd = hi;
	}
	long pid = guest_raw(SYS_getpid, 0, 0, 0, 0, 0, 0);
	if (guest_raw(SYS_fcntl, fd, F_SETSIG, SIGKILL, 0, 0, 0) < 0 ||
	    guest_raw(SYS_fcntl, fd, F_SETOWN, pid, 0, 0, 0) < 0 ||
	    guest_raw(SYS_fcntl, fd, F_SETFL, O_ASYNC | O_NONBLOCK, 0, 0, 0) < 0) {
		guest_raw(SYS_close, fd, 0, 0, 0, 0, 0);
		return;
	}
	life_fd = fd;
}

void guest_life_init(void)
{
	path = getenv("REVEL_GUEST_LIFE");
	if (path && *path)
		hold();
}

void guest_life_fork(void)
{
	/* the parent's descriptor names the parent as its owner: one of our own */
	if (life_fd >= 0)
		guest_raw(SYS_close, life_fd, 0, 0, 0, 0, 0);
	life_fd = -1;
	if (path && *path)
		hold();
}
