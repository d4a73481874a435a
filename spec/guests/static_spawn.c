/* static_spawn: a statically linked program (the build links it -static):
 * prints "static spawn", runs argv[1..] in a child (fork, execv), prints
 * "child exit N", exit 4. Under --backend=guest a process that execs it falls
 * back to ptrace, and its child stays there, whatever it execs. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	printf("static spawn\n");
	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		execv(argv[1], argv + 1);
		_exit(127);
	}
	int st = 0;
	if (p < 0 || waitpid(p, &st, 0) != p)
		return 1;
	printf("child exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	return 4;
}
