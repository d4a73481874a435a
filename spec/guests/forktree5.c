/* forktree5: a fork tree of depth 5 and fan-out 4, 1 + 4 + 16 + 64 + 256 +
 * 1024 = 1365 processes. Every inner node forks its 4 children, then waits
 * for each (in order); leaves _exit(1); an inner node exits with
 * (1 + sum of its children's exit codes) % 256, i.e. its subtree size mod
 * 256. Every process also writes one byte into a pipe shared by the whole
 * tree; once all children of the root are reaped the root closes its write
 * end and counts the bytes up to EOF.
 * Exercises: many concurrent forks, wait4 of specific children, exit
 * status plumbing, tracer bookkeeping of ~1400 processes.
 * Expected stdout:
 *   1365 processes
 *   tree status 85
 * exit 0. Natively well under a second (a few hundred ms). */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEPTH 5
#define FANOUT 4

static int count_fds[2];

/* Runs the node at `depth` (this process); returns its status, 0..255. */
static int run_node(int depth)
{
	if (write(count_fds[1], "x", 1) != 1)
		_exit(97);
	if (depth == DEPTH)
		return 1; /* leaf */
	pid_t kids[FANOUT];
	for (int k = 0; k < FANOUT; k++) {
		fflush(stdout);
		kids[k] = fork();
		if (kids[k] < 0) {
			perror("fork");
			_exit(99);
		}
		if (kids[k] == 0)
			_exit(run_node(depth + 1));
	}
	int sum = 1;
	for (int k = 0; k < FANOUT; k++) {
		int st;
		if (waitpid(kids[k], &st, 0) != kids[k] || !WIFEXITED(st))
			_exit(98);
		sum += WEXITSTATUS(st);
	}
	return sum % 256;
}

int main(void)
{
	if (pipe(count_fds) != 0)
		return 1;
	int status = run_node(0);
	close(count_fds[1]);
	long n = 0;
	char buf[4096];
	ssize_t r;
	while ((r = read(count_fds[0], buf, sizeof buf)) > 0)
		n += r;
	printf("%ld processes\n", n);
	printf("tree status %d\n", status);
	return 0;
}
