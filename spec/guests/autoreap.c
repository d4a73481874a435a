/* autoreap: SIGCHLD set to SIG_IGN, so exiting children are reaped by the
 * kernel and never become zombies. Forks 20 children that _exit(0) at once,
 * then calls wait() in a loop until it fails with ECHILD (it blocks until
 * the last child is gone and must never return a pid).
 * Exercises: a tracer must not leave a traced child as a zombie for a
 * parent that ignores SIGCHLD, nor hand its exit status to that parent.
 * Expected stdout:
 *   forked 20 children
 *   wait returned 0 pids
 *   children reaped by the kernel: ECHILD
 * exit 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NCHILD 20

int main(void)
{
	if (signal(SIGCHLD, SIG_IGN) == SIG_ERR)
		return 1;
	int forked = 0;
	for (int i = 0; i < NCHILD; i++) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0)
			_exit(0);
		forked++;
	}
	printf("forked %d children\n", forked);
	int got = 0, err;
	for (;;) {
		pid_t r = wait(NULL);
		err = errno;
		if (r > 0)
			got++;
		else if (err != EINTR)
			break;
	}
	printf("wait returned %d pids\n", got);
	printf("children reaped by the kernel: %s\n", err == ECHILD ? "ECHILD" : strerror(err));
	return 0;
}
