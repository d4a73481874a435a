/* orphan: root forks a child, the child forks a grandchild and exits at
 * once; the root waits for the child, prints "parent done" and exits 0.
 * The grandchild waits (without sleeping) until both the child and the root
 * are gone, then prints "grandchild outlived its parent".
 * How: pipe `root_alive` whose write end only the root holds, pipe
 * `child_alive` whose write end only the child holds; the grandchild reads
 * each until EOF. Exercises: reparenting of a traced orphan, tracer must
 * keep following the grandchild after the root exited.
 * Under a harness the root's stdout pipe stays open until the grandchild
 * exits, so reading stdout to EOF collects both lines (run as: orphan | cat).
 * Expected stdout:
 *   parent done
 *   grandchild outlived its parent
 * root exit 0 (child and grandchild exit 0 as well). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* Block until every write end of the pipe is closed. */
static void wait_eof(int fd)
{
	char c;
	ssize_t n;
	do
		n = read(fd, &c, 1);
	while (n > 0 || (n < 0 && errno == EINTR));
}

int main(void)
{
	int root_alive[2], child_alive[2];
	if (pipe2(root_alive, O_CLOEXEC) != 0)
		return 1;
	fflush(stdout);
	pid_t child = fork();
	if (child < 0)
		return 1;
	if (child == 0) {
		close(root_alive[1]); /* only the root keeps this write end */
		if (pipe2(child_alive, O_CLOEXEC) != 0)
			_exit(1);
		pid_t gc = fork();
		if (gc < 0)
			_exit(1);
		if (gc == 0) {
			close(child_alive[1]); /* only the child keeps this one */
			wait_eof(child_alive[0]);
			wait_eof(root_alive[0]);
			printf("grandchild outlived its parent\n");
			fflush(stdout);
			_exit(0);
		}
		_exit(0); /* child exits at once, orphaning the grandchild */
	}
	close(root_alive[0]);
	int st;
	if (waitpid(child, &st, 0) != child)
		return 1;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		printf("child status odd\n");
	printf("parent done\n");
	fflush(stdout); /* flushed before our fds (root_alive[1]) close */
	return 0;
}
