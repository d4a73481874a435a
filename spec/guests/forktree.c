/* forktree: a fork tree of depth 3 and fan-out 2 (15 processes). Every
 * parent waits for both children (in order) and exits with a status derived
 * from theirs; leaves exit with their node id. The root prints the combined
 * status and exits with (sum % 50).
 * Exercises: nested fork, wait4 of specific children, exit status plumbing.
 * Node ids: root=1, children of n are 2n and 2n+1 (heap numbering).
 * Inner node n exits (n + status(2n) + status(2n+1)) & 0xff. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEPTH 3

/* Returns the combined status of node `id` at `depth` (this process). */
static int run_node(int id, int depth)
{
	if (depth == DEPTH)
		return id; /* leaf */
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		fflush(stdout);
		kids[k] = fork();
		if (kids[k] < 0) {
			perror("fork");
			_exit(99);
		}
		if (kids[k] == 0)
			_exit(run_node(2 * id + k, depth + 1) & 0xff);
	}
	int sum = id;
	for (int k = 0; k < 2; k++) {
		int st;
		if (waitpid(kids[k], &st, 0) != kids[k] || !WIFEXITED(st))
			_exit(98);
		sum += WEXITSTATUS(st);
	}
	return sum;
}

int main(void)
{
	int sum = run_node(1, 0) & 0xff;
	printf("forktree combined status %d\n", sum);
	return sum % 50;
}
