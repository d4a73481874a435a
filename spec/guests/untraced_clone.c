/* untraced_clone: a child made with CLONE_UNTRACED (clone, or clone3 with
 * the flag in struct clone_args). A tracer must still see it: revel takes
 * the flag away, so the child is traced like any other.
 * argv[1]: "clone" or "clone3"; argv[2]: "sleep" makes the child sleep 20 s
 * (argv[3], a tag for pgrep, rides along) instead of printing.
 * Expected stdout: "child here\nchild exited 7\n", exit 7. */
#define _GNU_SOURCE
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long spawn(int use_clone3)
{
	if (!use_clone3)
		return syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
	struct clone_args args;
	memset(&args, 0, sizeof args);
	args.flags = CLONE_UNTRACED;
	args.exit_signal = SIGCHLD;
	return syscall(SYS_clone3, &args, sizeof args);
}

int main(int argc, char **argv)
{
	int use_clone3 = argc > 1 && strcmp(argv[1], "clone3") == 0;
	int sleeper = argc > 2 && strcmp(argv[2], "sleep") == 0;
	fflush(stdout);
	long pid = spawn(use_clone3);
	if (pid < 0) {
		perror("clone");
		return 1;
	}
	if (pid == 0) {
		if (sleeper) {
			char *sl[] = {"sleep", argc > 3 ? argv[3] : "20", NULL};
			execvp("sleep", sl);
			_exit(126);
		}
		printf("child here\n");
		fflush(stdout);
		syscall(SYS_exit_group, 7);
	}
	int status;
	if (waitpid((pid_t)pid, &status, 0) < 0) {
		perror("waitpid");
		return 1;
	}
	if (WIFEXITED(status)) {
		printf("child exited %d\n", WEXITSTATUS(status));
		return WEXITSTATUS(status);
	}
	printf("child killed by signal %d\n", WTERMSIG(status));
	return 2;
}
