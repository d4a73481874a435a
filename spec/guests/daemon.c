/* daemon: the root forks a child; the child calls setsid() and forks a
 * grandchild (the daemon), then exits at once. The root waits for the child,
 * prints "root done" and exits 0. The daemon waits until the root is gone
 * (the root holds the only write end of a pipe; the daemon reads to EOF),
 * checks it is in the child's new session, prints and exits 0.
 * Exercises: setsid, double fork, a traced daemon in another session that
 * outlives both its parent and the root (the tracer must keep following it).
 * Under a harness that reads stdout to EOF (or a tracer that waits for every
 * process) both lines appear; natively, when stdout is a file, the daemon's
 * line may land after the harness stopped looking.
 * Expected stdout:
 *   root done
 *   daemon still here, new session yes
 * root exit 0 (child and daemon exit 0 as well). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int root_alive[2];
	if (pipe2(root_alive, O_CLOEXEC) != 0)
		return 1;
	pid_t root_sid = getsid(0);
	fflush(stdout);
	pid_t child = fork();
	if (child < 0)
		return 1;
	if (child == 0) {
		close(root_alive[1]); /* only the root keeps the write end */
		pid_t sid = setsid();
		if (sid < 0)
			_exit(2);
		pid_t d = fork();
		if (d < 0)
			_exit(3);
		if (d == 0) {
			char c;
			ssize_t n;
			do
				n = read(root_alive[0], &c, 1);
			while (n > 0 || (n < 0 && errno == EINTR));
			int same = getsid(0) == sid && sid != root_sid && getpgrp() == sid;
			printf("daemon still here, new session %s\n", same ? "yes" : "no");
			fflush(stdout);
			_exit(0);
		}
		_exit(0);
	}
	close(root_alive[0]);
	int st;
	if (waitpid(child, &st, 0) != child)
		return 1;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		printf("child status odd 0x%x\n", st);
	printf("root done\n");
	fflush(stdout); /* before root_alive[1] closes at exit */
	return 0;
}
